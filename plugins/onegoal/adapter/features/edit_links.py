"""Links for editors on every page: "Edit this page" (or a new translation of it) in the
repository, and the editors' front page in the reader's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from onegoal.adapter.features.base import Feature
from onegoal.adapter.mkdocs_config import repo_path
from onegoal.editors import scaffold
from onegoal.web.editing import EditLink, edit_link, new_file_link


class EditLinks(Feature):
    name = "edit_links"

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        language = self.build.views(config).language
        context["onegoal_editors_url"] = self.editors_url(language)
        context["onegoal_edit"] = self.edit_link(page, config, language)

    def edit_link(self, page: Page, config: MkDocsConfig, language: str) -> EditLink | None:
        """The file an editor changes for this page in this language, or a new translation."""
        spec = self.build.spec(page)
        if not config.repo_url or page.file.abs_src_path is None and spec is None:
            return None
        root, branch = Path(config.config_file_path).parent, self.build.config.edit_branch
        source = self.build.library_or_fail().source_language
        if spec is not None and spec.step is None:
            return edit_link(config.repo_url, branch, repo_path(spec.manual.path / "manual.yml", root), language)
        if spec is not None:
            step = spec.step
            if language == source or language in step.translations:
                path = step.path if language == source else step.translations[language].path
                return edit_link(config.repo_url, branch, repo_path(path, root), language)
            new = step.path.with_name(f"{step.slug}.{language}.md")
            return new_file_link(config.repo_url, branch, repo_path(new, root), scaffold.translation(step), language)
        source_file = Path(page.file.abs_src_path)
        if language == source or page.file.src_uri.endswith(f".{language}.md"):
            return edit_link(config.repo_url, branch, repo_path(source_file, root), language)
        new = source_file.with_name(f"{source_file.stem}.{language}.md")
        return new_file_link(config.repo_url, branch, repo_path(new, root),
                             source_file.read_text(encoding="utf-8"), language)

    def editors_url(self, language: str) -> str | None:
        """The editors' front page in this language (or the one shown in its place), if any."""
        folder, files = self.build.config.editors_folder, self.build.files
        if files is None or not folder:
            return None
        names = (f"{folder}/index.{language}.md", f"{folder}/index.md")
        return next((files.src_uris[name].url for name in names if name in files.src_uris), None)
