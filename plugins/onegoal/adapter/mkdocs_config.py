"""What the adapter reads off MkDocs' configuration: the site's languages (the i18n
plugin's settings), the language being built, the theme's folder, the language switcher."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs_static_i18n.config import RE_LOCALE


def site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    """The site's languages and its source language, from the i18n plugin's settings."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        language = config.theme.get("language") or "en"
        return [language], language
    languages = [lang.locale for lang in i18n.config.languages if lang.locale != "null"]
    source = next(lang.locale for lang in i18n.config.languages if lang.default)
    return languages, source


def build_language(config: MkDocsConfig) -> str:
    """The language being built; the i18n plugin sets the theme's language per build."""
    return str(config.theme["language"])


def preview_only(config: MkDocsConfig, language: str) -> None:
    """Build only the previewed language (and the source, the root every language hangs from)."""
    i18n = config.plugins.get("i18n")
    locales = [lang.locale for lang in i18n.config.languages] if i18n is not None else []
    if language not in locales:
        raise PluginError(f"mkdocs.yml: the preview language '{language}' is not a site language "
                          f"({', '.join(locales)}). Use one of them, as in `make serve LANG=en`.")
    for lang in i18n.config.languages:
        lang.build = lang.default or lang.locale == language


def theme_dirs(config: MkDocsConfig) -> list[Path]:
    """The site's own theme folder (overrides/), whose files the build copies into the site."""
    custom_dir = config.theme.custom_dir
    return [Path(custom_dir)] if custom_dir else []


def alternates(config: MkDocsConfig) -> list[dict[str, str]]:
    """The language switcher's entries: the i18n plugin sets them on `extra`, which is
    what templates read."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def home_url(root: Path) -> str:
    """A language's home page, from the root of the site."""
    return "" if root == Path() else f"{root.as_posix()}/"


def relative_language_links(config: MkDocsConfig) -> None:
    """The i18n plugin links home pages of languages from the server's root ("/en/");
    made relative, the site also works from a sub-folder, as on a company's intranet."""
    for alternate in alternates(config):
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = link.lstrip("/") or "./"


def source_pages(docs_dir: Path) -> list[str]:
    """Pages of the docs folder in the source language, sorted: those without a suffix
    that the i18n plugin reads as a language (`about.en.md`, `index.fa-AF.md`)."""
    pages = (path.relative_to(docs_dir) for path in docs_dir.rglob("*.md"))
    return sorted(page.as_posix() for page in pages if not RE_LOCALE.match(Path(page.stem).suffix[1:]))


def repo_path(path: Path, root: Path) -> str:
    """A file's path in the repository, whose root holds mkdocs.yml."""
    return path.resolve().relative_to(root.resolve()).as_posix()
