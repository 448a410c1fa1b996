"""What the features share through one build: the library read once, its pages, and the
language build under way.

mkdocs-static-i18n runs the whole build once per language on the same config object, so
every event runs once per language: the library is read once and kept here, and each
feature only does the work of the language being built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from onegoal.adapter.config import OneGoalConfig
from onegoal.adapter.mkdocs_config import build_language
from onegoal.content.glossary import Glossary
from onegoal.content.model import Library
from onegoal.content.pages import PageSpec
from onegoal.content.side_by_side import cores
from onegoal.content.translation import Fallbacks
from onegoal.web.views import Views

# The theme's environment made ready for the site's templates (the theme feature does it).
EnvSetup = Callable[[Environment, MkDocsConfig, Files], Environment]


class BuildState:
    def __init__(self, config: OneGoalConfig, set_up_env: EnvSetup) -> None:
        self.config = config
        self.set_up_env = set_up_env
        self.serving = False
        self.site_name = ""
        self.manuals_dir = Path("manuals")
        self.library: Library | None = None
        self.glossary = Glossary()
        self.fallbacks = Fallbacks({}, "")
        self.specs: dict[str, PageSpec] = {}  # the manuals' pages, by source path
        # Each step's rendered body, by source path: the print page of its manual joins them.
        self.bodies: dict[str, str] = {}
        self.files: Files | None = None  # the language build's files
        self.nav: Navigation | None = None  # and its navigation
        self.env: Environment | None = None  # the language build's templates
        # While previewing: the content's problems, shown on every page instead of stopping.
        self.problems: list[str] = []
        # While previewing: the files that would put live markup or an unpublished file on
        # the site; the preview shows their pages empty and leaves their files out.
        self.unsafe: frozenset[Path] = frozenset()
        # The views of the language build under way, made once for all its pages.
        self._views: tuple[str, Library, Fallbacks, Views] | None = None

    def new_build(self) -> None:
        """A new build reads the content anew: while previewing, the plugin lasts from one
        rebuild to the next."""
        self.library, self.problems, self.unsafe = None, [], frozenset()
        self.bodies.clear()

    def library_or_fail(self) -> Library:
        if self.library is None:
            raise PluginError("the onegoal plugin has not read the manuals yet")
        return self.library

    def spec(self, page: Page) -> PageSpec | None:
        return self.specs.get(page.file.src_uri)

    def views(self, config: MkDocsConfig) -> Views:
        """The views of the language being built: one for all its pages, so that what they
        share about the whole library is worked out once (web/views.py)."""
        language, library = build_language(config), self.library_or_fail()
        kept = self._views
        if kept is None or kept[0] != language or kept[1] is not library or kept[2] is not self.fallbacks:
            kept = self._views = (language, library, self.fallbacks,
                                  Views(library, language, self.url_of, self.fallbacks))
        return kept[3]

    def url_of(self, uri: str) -> str:
        file = self.files.src_uris.get(uri) if self.files is not None else None
        if file is None:
            raise PluginError(f"no page for {uri} in this build")
        return file.url

    def files_or_fail(self) -> Files:
        if self.files is None:
            raise PluginError("the onegoal plugin has no files of a language build yet")
        return self.files

    def nav_or_fail(self) -> Navigation:
        if self.nav is None:
            raise PluginError("the onegoal plugin has no navigation of a language build yet")
        return self.nav

    def env_or_fail(self) -> Environment:
        if self.env is None:
            raise PluginError("the onegoal plugin has no template environment yet")
        return self.env

    def early_env(self, config: MkDocsConfig) -> Environment:
        """The theme's templates before MkDocs hands them over (it does so after reading the
        pages, and glossary terms are marked while reading them)."""
        if self.env is None:
            self.env = self.set_up_env(config.theme.get_env(), config, Files([]))
        return self.env_or_fail()

    def ui_string(self, config: MkDocsConfig, key: str) -> str:
        """One of the plugin's UI strings in the language being built (overrides/partials/onegoal/languages/)."""
        module = self.early_env(config).get_template(f"partials/onegoal/languages/{build_language(config)}.html").module
        return str(module.t(key)).strip()

    def previewing_elsewhere(self, config: MkDocsConfig) -> bool:
        """Whether this is the source language's build in a preview of another language: the
        i18n plugin builds it anyway (it is the site's root), so its pages are only stubs."""
        preview, library = self.config.preview_language, self.library_or_fail()
        return bool(preview) and preview != library.source_language and build_language(config) == library.source_language

    @property
    def pdfs(self) -> bool:
        return self.config.pdf and not self.serving

    @property
    def processes(self) -> int:
        """How many processes the build works in side by side: one while previewing (its
        live-reload server runs threads, which a fork would copy half), else as mkdocs.yml
        says, 0 meaning one per core."""
        return 1 if self.serving else self.config.processes or cores()
