"""The search: the theme's one index split per language (and the corporate manuals apart),
and each page told which index to load."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from onegoal.adapter.features.base import Feature
from onegoal.content.model import Library
from onegoal.content.pages import language_folder
from onegoal.web.search import search_root, split_index


class SearchIndexes(Feature):
    def new_build(self) -> None:
        self.bodies: dict[str, str] = {}  # each step's body, by source path, without what the search read

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """For the search, which reads the page's content next, a step's summary, goals and
        checklist go in front of its body (taken out again once the search has read them:
        the template shows them itself)."""
        spec = self.build.spec(page)
        if spec is None or spec.step is None or spec.printed:
            return html
        self.bodies[page.file.src_uri] = html
        return self.build.views(config).searchable(spec.step) + html

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        if page.file.src_uri in self.bodies:
            page.content = self.bodies.pop(page.file.src_uri)
        views, spec = self.build.views(config), self.build.spec(page)
        root = language_folder(views.language, views.library.source_language)
        context["onegoal_search_root"] = search_root(spec.manual.url_path if spec else "", root,
                                                     views.library.corporate_apart).as_posix()

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Runs after the i18n plugin has gathered every language's entries: they are split
        as they are in memory, not read back from the theme's index of the whole site."""
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is None or not search.config.get("enabled", True):
            return
        library = self.build.library_or_fail()
        split_index(Path(config.site_dir), shared_index(config, search), library.languages, library.source_language,
                    self.build.config.editors_folder, self.borrowed_pages(library), library.corporate_apart)

    def borrowed_pages(self, library: Library) -> dict[str, set[str]]:
        """Per language, the steps it shows in another language's words, by address."""
        return {language: {f"{manual.url_path}/{step.slug}/" for manual in library.manuals for step in manual.steps
                           if self.build.fallbacks.shown(step, language).language != language}
                for language in library.languages}


def shared_index(config: MkDocsConfig, search: Any) -> dict[str, Any]:
    """The theme's search index of the whole site, in memory: the settings its plugin writes
    into an index, and every language's entries, as the i18n plugin has gathered them from
    the language builds (without it, the search plugin's own)."""
    i18n = config.plugins.get("i18n")
    entries = i18n.search_entries if i18n is not None else search.search_index.entries
    return {"config": {key: search.config[key] for key in ("lang", "separator", "pipeline", "fields")},
            "docs": entries}
