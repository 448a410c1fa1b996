"""Each page's addresses in every language (the language menu, the sitemap) are worked out
once per build, not once per language build, and still lead to the same page in each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from html_page import parse
from test_build import LANGUAGES, library, page_path, resolve  # noqa: F401  (library is a fixture)

from onegoal.adapter.i18n_files import alternates_once
from onegoal.content.model import Library


class LanguageBuilds:
    """The i18n plugin's part that works out alternates, with a file maker that counts."""

    def reconfigure_files_alternates(self, src_uris: Any, alternate_src_uris: Any, config: Any, create: Any) -> None:
        self.found = {(uri, language): create(file, language, "sv", LANGUAGES, config)
                      for uri, file in src_uris.items() for language in ("en", "ar")}


class Source:
    def __init__(self, uri: str) -> None:
        self.src_uri, self.dest_uri = uri, uri.replace(".md", "/index.html")


def test_an_alternate_is_made_once_per_build_for_every_language_build() -> None:
    made: list[tuple[str, str]] = []

    def create(file: Source, language: str, *rest: Any) -> object:
        made.append((file.src_uri, language))
        return object()

    i18n = LanguageBuilds()
    alternates_once(i18n)
    files = {"guide/plan.md": Source("guide/plan.md"), "guide/meet.md": Source("guide/meet.md")}
    i18n.reconfigure_files_alternates(files, {}, None, create)
    first = dict(i18n.found)
    i18n.reconfigure_files_alternates(files, {}, None, create)  # the next language's build
    assert len(made) == 4 and i18n.found == first
    alternates_once(i18n)  # a new build (a preview's next) makes them anew
    i18n.reconfigure_files_alternates(files, {}, None, create)
    assert len(made) == 8


@pytest.mark.parametrize("language", ["sv", "ar", "uk"])
def test_the_language_menu_of_a_step_leads_to_the_same_step_in_each_language(site: Path, library: Library,
                                                                            language: str) -> None:
    for manual in library.manuals:
        for step in manual.steps:
            path = page_path(site, language, manual.url_path, step.slug)
            links = {link.attrs["hreflang"]: link.attrs["href"] for link in parse(path).find_all("a", "md-select__link")}
            assert sorted(links) == sorted(LANGUAGES)
            for other, href in links.items():
                assert resolve(path, href) == page_path(site, other, manual.url_path, step.slug), (path, other)
