"""The theme made to work under the site's strict policy and on a thin data plan: its
templates compiled once per process, its scripts without inline code, its style sheet cut
to what the site's pages use, and the site's name shown as text."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from jinja2 import BytecodeCache, Environment, FileSystemLoader
from jinja2.bccache import Bucket
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from onegoal.adapter.features.base import Feature
from onegoal.paper.printing import footer_content
from onegoal.web.nav_cache import NavCache
from onegoal.web.theme_assets import ThemeChanged, scripted, self_contained, theme_bundle
from onegoal.web.theme_styles import ThemeSheet, cut_theme_styles, is_theme_sheet, read_theme_sheet

log = get_plugin_logger(__name__)


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per process, not once per language build (or per
    preview rebuild): Jinja checks each template's source and compiles it anew if it changed."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()
T = TypeVar("T")


class _ThemeListedOnce(FileSystemLoader):
    """The theme's folders as MkDocs lists them on every language build, to copy the theme's
    files: the installed theme is walked once per process, the project's own folder
    (overrides/, which a preview may see change) every time. Hidden files and folders are
    not listed: MkDocs copies none of them, but would match each of the theme's 14,000 icons
    (in .icons/) against its patterns in every language build, a sixth of a second each."""

    def __init__(self, searchpath: list[str], own: str | None) -> None:
        super().__init__(searchpath)
        self.own = own  # the theme's custom_dir

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if folder == self.own:
                found.update(_shown(FileSystemLoader(folder).list_templates()))
            else:
                found.update(_installed_templates(folder))
        return sorted(found)


@functools.cache
def _installed_templates(folder: str) -> tuple[str, ...]:
    return _shown(FileSystemLoader(folder).list_templates())


def _shown(names: list[str]) -> tuple[str, ...]:
    """The names not hidden, as MkDocs' patterns for the theme's files say it ('.*', '*/.*')."""
    return tuple(name for name in names if not name.startswith(".") and "/." not in name)


def list_theme_once(config: MkDocsConfig) -> None:
    """Every environment MkDocs makes for the theme lists its installed folders once per process."""
    theme = config.theme
    make_env = type(theme).get_env

    def get_env() -> Environment:
        env = make_env(theme)
        env.loader = _ThemeListedOnce(list(theme.dirs), theme.custom_dir)
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def set_up_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The theme's templates as the site's templates need them."""
    # JSON in pages (the theme's settings, the plugin's strings) stays readable and
    # short in every script: "ስጉምቲ", not "\u1235\u1309...".
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters["og_footer"] = footer_content
    env.bytecode_cache = _TEMPLATES
    if len(files):  # not the early look at the templates, before there are files
        env.globals["onegoal_theme_bundle"] = theme_or_fail(lambda: theme_bundle(list(files.src_uris)))
    return env


def theme_or_fail(work: Callable[[], T]) -> T:
    """The theme's files are patched where the policy needs it: a theme that changed stops the build."""
    try:
        return work()
    except ThemeChanged as error:
        raise PluginError(str(error)) from None


class Theme(Feature):
    def on_config(self, config: MkDocsConfig) -> None:
        # The theme prints the site's name unescaped in places; a company's name (from its
        # brand file) is text. As markup that is already escaped, it shows as written
        # everywhere, and the theme's own escaping leaves it as it is.
        if not isinstance(config.site_name, Markup):
            self.build.site_name = config.site_name
            config.site_name = Markup(html.escape(config.site_name))
        self.build.env = None  # each language build has its own theme language
        list_theme_once(config)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        self.build.env = set_up_env(env, config, files)
        # One per language build: its pages' navigation.
        env.globals["onegoal_nav_items"] = NavCache(self.build.config.drawer_manuals)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return theme_or_fail(lambda: scripted(output))



class ThemeFiles(Feature):
    """After every page is written (redirects included): the theme's files patched, its style
    sheet cut to what the pages use."""

    def new_build(self) -> None:
        self.sheet: ThemeSheet | None = None

    def on_own_languages_built(self, config: MkDocsConfig) -> None:
        """The theme's style sheet read where the theme keeps it: every language build writes
        the site's copy anew, and those built side by side may be writing it now."""
        found = [file.abs_src_path for file in self.build.files_or_fail() if is_theme_sheet(file.src_uri)]
        self.sheet = theme_or_fail(lambda: read_theme_sheet(Path(found[0]))) if len(found) == 1 and found[0] else None

    def on_post_build(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        theme_or_fail(lambda: self_contained(site))
        before, after = theme_or_fail(lambda: cut_theme_styles(site, self.sheet))
        log.info(f"The theme's style sheet, cut to the site's pages: {before // 1024} KB -> {after // 1024} KB")
