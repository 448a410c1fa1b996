"""Offline reading: a web manifest per language, each manual's pages named for its page to
keep, and the build's pages written into the service worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from onegoal.adapter.features.base import Feature
from onegoal.content.pages import language_folder
from onegoal.web.offline import MANIFEST, WorkerChanged, write_manifests, write_offline_pages


class OfflineReading(Feature):
    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        views, spec = self.build.views(config), self.build.spec(page)
        context["onegoal_manifest"] = (language_folder(views.language, views.library.source_language)
                                       / MANIFEST).as_posix()
        context["onegoal_offline_pages"] = views.manual_pages(spec.manual) if spec is not None else []

    def on_template_context(self, context: dict[str, Any], template_name: str, config: MkDocsConfig) -> None:
        if template_name == "404.html":
            views = self.build.views(config)
            context["onegoal_manifest"] = (language_folder(views.language, views.library.source_language)
                                           / MANIFEST).as_posix()

    def on_post_build(self, config: MkDocsConfig) -> None:
        """After every page (the redirects too): the service worker keeps this build's pages only."""
        library = self.build.library_or_fail()
        write_manifests(Path(config.site_dir), library, self.build.site_name)
        try:
            write_offline_pages(Path(config.site_dir), library)
        except WorkerChanged as error:
            raise PluginError(str(error)) from None
