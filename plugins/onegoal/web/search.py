"""One search index per language and readership, so a reader downloads and searches only
her own.

The theme's search plugin gathers the entries of one language build; mkdocs-static-i18n
gathers every language's, for one index of the whole site. This module writes them out as
one index per language instead. Each entry's location starts with its language folder
(`en/...`), except those of the source language, which sit at the root. Each language gets the
entries of its own folder, with locations relative to that folder, written to
`<language>/search/search_index.json`; the page template points the theme's search at it.

Where the library holds the corporate manuals beside the readers' own, they get their own
index, `<language>/corporate/search/search_index.json`, with locations relative to that
folder: a Candidate does not download the companies' text, and corporate pages search
only theirs. A company's copy, which holds only corporate manuals, has one index.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from onegoal.content.model import CORPORATE_FOLDER
from onegoal.content.pages import PRINT_NAME, for_editors, from_language_folder, language_folder

INDEX = Path("search") / "search_index.json"

# Languages with a stemmer in the theme's bundled search library.
STEMMED = {"ar", "da", "de", "du", "el", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja",
           "kn", "ko", "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh"}


def search_language(language: str) -> str:
    """The search library's language for `language`; others search words as written."""
    return language if language in STEMMED else "en"


def split_index(site_dir: Path, shared: Mapping[str, Any], languages: Sequence[str], source_language: str,
                editors_folder: str = "", borrowed: Mapping[str, set[str]] | None = None,
                corporate_apart: bool = False) -> dict[str, int]:
    """Write the shared index (its "config" and "docs", as the theme's search plugin writes
    them) as one per language (and, with `corporate_apart`, one more per language for the
    corporate manuals), without the editors' pages and the print pages (each repeats its
    manual's steps); returns the entry count of each, by index folder. One index is made and
    written at a time: a large library's entries are never held twice over.

    `borrowed` names, per language, the pages it shows in another language's words (no
    translation yet): of those, the index keeps the page's title, summary, goals and
    checklist, not every section of its text, which a reader searches in her own words.
    """
    borrowed = borrowed or {}
    indexes: dict[Path, tuple[str, list[tuple[str, dict[str, Any]]]]] = {}
    for language in languages:
        root = language_folder(language, source_language)
        indexes[root] = (language, [])
        if corporate_apart:
            indexes[root / CORPORATE_FOLDER] = (language, [])
    for doc in shared["docs"]:
        language = entry_language(doc["location"], languages, source_language)
        location = from_language_folder(doc["location"], language, source_language)
        page, _, section = location.partition("#")
        if section and page in borrowed.get(language, set()):
            continue
        if for_editors(location, editors_folder) or is_print_page(location):
            continue
        root = language_folder(language, source_language)
        if corporate_apart and location.startswith(f"{CORPORATE_FOLDER}/"):
            root, location = root / CORPORATE_FOLDER, location.removeprefix(f"{CORPORATE_FOLDER}/")
        indexes[root][1].append((location, doc))
    for root, (language, found) in indexes.items():
        docs = [{**doc, "location": location, "text": plain(doc["text"])} for location, doc in found]
        index = {"config": {**shared["config"], "lang": [search_language(language)]}, "docs": docs}
        path = site_dir / root / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {root.as_posix(): len(found) for root, (_, found) in indexes.items()}


def search_root(page_url: str, language_root: Path, corporate_apart: bool) -> Path:
    """The folder whose search index a page searches (see the module's docstring)."""
    if corporate_apart and page_url.startswith(f"{CORPORATE_FOLDER}/"):
        return language_root / CORPORATE_FOLDER
    return language_root


def plain(text: str) -> str:
    """An entry's text without its markup (paragraphs, lists, emphasis): a reader's phone
    downloads the words, and the results show them just as well. Entities stay escaped."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def is_print_page(location: str) -> bool:
    return location.split("#")[0].rstrip("/").endswith(f"/{PRINT_NAME}")


def entry_language(location: str, languages: Sequence[str], source_language: str) -> str:
    for language in languages:
        if language != source_language and (location == language or location.startswith(f"{language}/")):
            return language
    return source_language
