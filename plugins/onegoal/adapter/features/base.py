"""One feature's part in the build. The plugin calls every feature's handler for each MkDocs
event, in the plugin's order; a handler only overrides the events its feature needs, and each
does nothing by default."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from onegoal.adapter.state import BuildState


class Feature:
    name = ""  # what mkdocs.yml's `switched_off` calls it; empty: it cannot be switched off

    def __init__(self, build: BuildState) -> None:
        self.build = build

    def new_build(self) -> None:
        """A new build begins (not one of the i18n plugin's language builds inside it)."""

    def on_library(self, config: MkDocsConfig) -> None:
        """The library has been read into the build's state (once per build)."""

    def on_config(self, config: MkDocsConfig) -> None:
        """Each language's build begins."""

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> None: ...

    def on_files(self, files: Files, config: MkDocsConfig) -> None: ...

    def on_nav(self, nav: Navigation, config: MkDocsConfig) -> None: ...

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        return None

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        return html

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None: ...

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return output

    def on_template_context(self, context: dict[str, Any], template_name: str, config: MkDocsConfig) -> None: ...

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return output

    def on_own_languages_built(self, config: MkDocsConfig) -> None:
        """The languages this process builds are built; those built side by side in forked
        processes may still be under way, their files half written. What reads none of their
        files is done here, while this process would otherwise wait for them."""

    def on_post_build(self, config: MkDocsConfig) -> None:
        """After the last language's build."""

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig) -> None: ...


class AddedPages(Feature):
    """A feature with pages of its own in each language build, made from the library rather
    than read from docs/: their Markdown is empty, their template shows them."""

    pages: Mapping[str, object] = {}  # by source path

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        for uri in self.pages:
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        return "" if page.file.src_uri in self.pages else None
