"""The MkDocs adapter: one thin plugin whose events call each feature's handler in turn
(adapter/features/), on the library read once per build (adapter/reading.py).

mkdocs-static-i18n runs the whole build once per language on the same config object, so
every event here runs once per language; the library is read at the first.
"""

from __future__ import annotations

from typing import Any, TypeVar

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from onegoal.adapter import reading
from onegoal.adapter.config import OneGoalConfig
from onegoal.adapter.features.base import Feature
from onegoal.adapter.features.brand import BrandColour
from onegoal.adapter.features.edit_links import EditLinks
from onegoal.adapter.features.glossary import GlossaryPages
from onegoal.adapter.features.manual_pages import ManualPages
from onegoal.adapter.features.not_found import NotFoundPages
from onegoal.adapter.features.offline import OfflineReading
from onegoal.adapter.features.preview import Preview
from onegoal.adapter.features.printing import Pdfs, PrintPages
from onegoal.adapter.features.redirects import Redirects
from onegoal.adapter.features.review import ReviewPages
from onegoal.adapter.features.search import SearchIndexes
from onegoal.adapter.features.theme import Theme, ThemeFiles, set_up_env
from onegoal.adapter.i18n_files import alternates_once
from onegoal.adapter.language_builds import LanguageBuilds
from onegoal.adapter.state import BuildState

PREVIEW_ELSEWHERE = "onegoal/preview-elsewhere.html"
T = TypeVar("T")


class OneGoalPlugin(BasePlugin[OneGoalConfig]):
    def __init__(self) -> None:
        self.build = BuildState(OneGoalConfig(), set_up_env)
        glossary = GlossaryPages(self.build)
        # In this order for every event: a page's body is marked with the glossary's terms
        # before it is kept for its print page and the search; after the build, the offline
        # pages are listed once the redirects are written, and the PDFs printed once the
        # theme's files are final.
        self.all_features: list[Feature] = [
            Theme(self.build), Preview(self.build), ManualPages(self.build), glossary, ReviewPages(self.build),
            PrintPages(self.build, glossary), SearchIndexes(self.build), EditLinks(self.build),
            NotFoundPages(self.build), BrandColour(self.build), Redirects(self.build), OfflineReading(self.build),
            ThemeFiles(self.build), Pdfs(self.build)]
        self.features = self.all_features
        self.call("new_build")
        # mkdocs-static-i18n nests the other languages' builds inside the first one's
        # post_build; this counts how deep we are, to act once, after the last build.
        self.build_depth = 0
        self.language_builds: LanguageBuilds | None = None

    @property
    def pdfs(self) -> bool:
        return self.config.pdf and not self.build.serving

    def on_startup(self, command: str, dirty: bool) -> None:
        self.build.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build.config = self.config
        self.features = self.switched_on()
        if self.build_depth == 0:  # a build, not one of the i18n plugin's language builds in it
            self.build.new_build()
            self.call("new_build")
            if "i18n" in config.plugins:
                alternates_once(config.plugins["i18n"])
        self.call("on_config", config)
        if self.build.library is None:
            reading.read(self.build, config)
            self.call("on_library", config)
        return config

    def switched_on(self) -> list[Feature]:
        """Every feature but those mkdocs.yml switches off (`switched_off: [redirects]`)."""
        optional = {feature.name for feature in self.all_features if feature.name}
        unknown = [name for name in self.config.switched_off if name not in optional]
        if unknown:
            raise PluginError(f"mkdocs.yml: onegoal switched_off: {', '.join(unknown)} cannot be switched off; "
                              f"these can: {', '.join(sorted(optional))}.")
        return [feature for feature in self.all_features if feature.name not in self.config.switched_off]

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.build_depth += 1

    @event_priority(-90)
    def _build_other_languages(self, config: MkDocsConfig) -> None:
        """Runs before the i18n plugin's post_build: after the first language, the others
        built side by side (adapter/language_builds.py)."""
        if self.build_depth == 1 and self.language_builds is not None:
            self.language_builds.run()

    def start_other_languages(self, config: MkDocsConfig) -> None:
        """The other languages' builds begun in processes of their own, unless there is one
        core or one language, or the site is previewed."""
        if self.build_depth > 1 or self.build.serving or "i18n" not in config.plugins:
            return
        builds = LanguageBuilds(config, self.build.processes, lambda: self.call("on_own_languages_built", config))
        if builds.worth_it():
            self.language_builds = builds
            builds.start()

    @event_priority(-110)
    def _after_every_language(self, config: MkDocsConfig) -> None:
        """Runs after every language is built and the i18n plugin has gathered their search entries."""
        self.build_depth -= 1
        if self.build_depth > 0:
            return
        if self.language_builds is not None:
            self.language_builds, builds = None, self.language_builds
            builds.finish(self.build.env_or_fail(), self.build.files_or_fail(), self.build.nav_or_fail())
        else:  # every language built in this process
            self.call("on_own_languages_built", config)
        self.call("on_post_build", config)

    on_post_build = CombinedEvent(_build_other_languages, _after_every_language)

    def on_build_error(self, error: Exception) -> None:
        self.build_depth = 0
        if self.language_builds is not None and not self.language_builds.running:
            self.language_builds, builds = None, self.language_builds
            builds.undo()

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.call("on_env", env, config, files)
        return self.build.env_or_fail()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.start_other_languages(config)
        self.call("on_files", files, config)
        return files

    @event_priority(-110)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Runs after the i18n plugin has picked this language's files."""
        self.build.files, self.build.nav = files, nav
        self.call("on_nav", nav, config)
        return nav

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        if self.build.previewing_elsewhere(config):
            return ""
        return next((source for feature in self.features
                     if (source := feature.on_page_read_source(page, config)) is not None), None)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.build.previewing_elsewhere(config):
            page.meta["template"] = PREVIEW_ELSEWHERE
            return markdown
        return self.chain("on_page_markdown", markdown, page, config)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.build.previewing_elsewhere(config):
            return html
        return self.chain("on_page_content", html, page, config)

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        if self.build.previewing_elsewhere(config):
            context["onegoal_preview_language"] = self.config.preview_language
            return context
        self.call("on_page_context", context, page, config)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = self.chain("on_post_page", output, page, config)
        # The page is rendered; its body and source are read no more (the search and the print
        # pages took theirs earlier). MkDocs and the i18n plugin keep every page of every
        # language to the end of the build: without this, memory grows by every page's text.
        page.content, page.markdown = "", ""
        return output

    def on_template_context(self, context: dict[str, Any], template_name: str,
                            config: MkDocsConfig) -> dict[str, Any]:
        self.call("on_template_context", context, template_name, config)
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return self.chain("on_post_template", output, template_name, config)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        self.call("on_serve", server, config)
        return server

    def call(self, event: str, *args: Any) -> None:
        """Every feature's handler of `event`, in the features' order."""
        for feature in self.features:
            getattr(feature, event)(*args)

    def chain(self, event: str, value: T, *args: Any) -> T:
        """`value` through every feature's handler of `event` in turn, as MkDocs passes it
        through its plugins."""
        for feature in self.features:
            value = getattr(feature, event)(value, *args)
        return value
