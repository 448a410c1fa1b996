"""The manuals' pages: the overview, steps and print page of every manual in every language,
and the home and translations pages that list them."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from onegoal.adapter.features.base import Feature
from onegoal.adapter.mkdocs_config import relative_language_links
from onegoal.content.pages import language_folder

HOME_TEMPLATE = "onegoal/home.html"
TRANSLATIONS_TEMPLATE = "onegoal/translations.html"


class ManualPages(Feature):
    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        clashes = [uri for uri in self.build.specs if files.get_file_from_path(uri) is not None]
        if clashes:
            raise PluginError(f"{config.docs_dir}: these pages clash with manual pages of the same "
                              f"path: {', '.join(clashes)}. Rename or remove them.")
        for uri in self.build.specs:
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        views = self.build.views(config)
        manuals = {manual.url_path: manual for manual in self.build.library_or_fail().manuals}
        for item in nav.items:
            if isinstance(item, Section) and item.title in manuals:
                item.title = html.escape(views.pick(manuals[item.title].title))

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        spec = self.build.spec(page)
        if spec is None:
            return None
        return "" if spec.step is None else self.build.views(config).shown(spec.step).text.body

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        spec = self.build.spec(page)
        if spec is not None:
            # MkDocs and the theme treat page titles as HTML.
            page.title = html.escape(self.build.views(config).page_title(spec.manual, spec.step))
        return markdown

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        relative_language_links(config)
        views = self.build.views(config)
        context["onegoal_language_root"] = language_folder(views.language, views.library.source_language).as_posix()
        template = page.meta.get("template")
        if template == HOME_TEMPLATE:
            context["onegoal_home"] = views.home()
            if self.build.config.contact.name:
                context["onegoal_company"] = {"name": self.build.config.organisation.name,
                                              "contact": self.build.config.contact}
        elif template == TRANSLATIONS_TEMPLATE:
            context["onegoal_translations"] = views.translations()
        spec = self.build.spec(page)
        if spec is None or spec.printed:
            return
        if spec.step is not None:
            context["onegoal_step"] = views.step(spec.manual, spec.step)
        else:
            context["onegoal_overview"] = views.overview(spec.manual)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The library's checklists, which the overview and home pages of every language name."""
        checklists = self.build.views(config).checklists
        target = Path(config.site_dir) / checklists.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(checklists.text, encoding="utf-8")
