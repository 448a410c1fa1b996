"""Which pages the library adds to the site, and under which source paths.

Every manual gets an overview page, one page per step and a print page (the whole
manual, for paper and PDF), in every site language.
Each page gets a path inside the docs folder as if it were a file there, named
the way mkdocs-static-i18n expects (`agent/01-start.md`, `agent/01-start.en.md`),
so that the i18n plugin treats it like any other localized page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from onegoal.content.model import Library, Manual, Step

OVERVIEW_NAME = "index"
PRINT_NAME = "print"


@dataclass(frozen=True)
class Redirect:
    """The old address of a moved step, in one language: a page that leads to the new one."""

    path: Path
    target: str
    step: Step
    language: str


@dataclass(frozen=True)
class PageSpec:
    """One manual page: its overview (no step), one of its steps, or its print page."""

    src_uri: str
    manual: Manual
    step: Step | None = None
    printed: bool = False


def language_folder(language: str, source_language: str) -> Path:
    """Where a language's pages sit in the site: the source at the root, others in `<lang>/`."""
    return Path() if language == source_language else Path(language)


def from_language_folder(location: str, language: str, source_language: str) -> str:
    """A location from the site's root, made relative to its language's folder."""
    return location if language == source_language else location.removeprefix(f"{language}/")


def src_uri(manual: Manual, name: str, language: str, source_language: str) -> str:
    suffix = "" if language == source_language else f".{language}"
    return f"{manual.url_path}/{name}{suffix}.md"


def page_specs(library: Library) -> dict[str, PageSpec]:
    """Every page of every manual in every language, by source path."""
    specs: dict[str, PageSpec] = {}
    for manual in library.manuals:
        for language in library.languages:
            uri = src_uri(manual, OVERVIEW_NAME, language, library.source_language)
            specs[uri] = PageSpec(uri, manual)
            uri = src_uri(manual, PRINT_NAME, language, library.source_language)
            specs[uri] = PageSpec(uri, manual, printed=True)
            for step in manual.steps:
                uri = src_uri(manual, step.slug, language, library.source_language)
                specs[uri] = PageSpec(uri, manual, step)
    return specs


def nav_tree(library: Library, docs_pages: list[str], editors_folder: str,
             glossary: str | None = None) -> list[object]:
    """The readers' navigation in MkDocs' nav format: home, the manuals in order, other
    pages; editors' pages are left out.

    Section titles are manual ids here; the plugin swaps in the title in the page's
    language once the navigation is built.
    """
    readers = [page for page in docs_pages if not for_editors(page, editors_folder)]
    home = [page for page in readers if page == "index.md"]
    others = [page for page in readers if page != "index.md"]
    manuals = [
        {manual.url_path: [src_uri(manual, name, library.source_language, library.source_language)
                           for name in [OVERVIEW_NAME, *(step.slug for step in manual.steps)]]}
        for manual in library.manuals
    ]
    return [*home, *manuals, *([glossary] if glossary else []), *others]


def redirects(library: Library) -> list[Redirect]:
    """A page at every old address of a moved step, in every language, so that bookmarks
    and links keep working. Old and new addresses share the manual's folder."""
    return [
        Redirect(language_folder(language, library.source_language) / manual.url_path / old / "index.html",
                 f"../{new}/", manual.step(new), language)
        for manual in library.manuals
        for old, new in manual.history.steps.items()
        for language in library.languages
    ]


def for_editors(location: str, editors_folder: str) -> bool:
    """Whether a page (its source path or its address in its language) is an editors' page."""
    return bool(editors_folder) and location.split("/")[0] == editors_folder
