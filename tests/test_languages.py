"""Seven languages: lang and dir, UI strings in the page's language, translation notices."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build
from html_page import parse
from library_factory import write_status_fixture
from test_build import LANGUAGES, SOURCE, page_path, resolve
from ui_strings import fill, plugin_strings, theme_strings

from onegoal.content.translation import direction

# Theme strings every page shows, and the plugin's strings every step page shows.
THEME_KEYS = ["action.skip", "search.placeholder", "search.reset", "header", "nav", "select.language"]
PLUGIN_KEYS = ["step.duration", "step.who", "step.goals", "checklist.title", "step.next", "step.nav"]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with translations in every state (see write_status_fixture)."""
    root = tmp_path_factory.mktemp("languages")
    config = copy_project(root / "project", shipped=False)
    write_status_fixture(root / "project" / "manuals")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def notices(path: Path) -> set[str]:
    return {cls.removeprefix("og-notice--") for element in parse(path).find_all(cls="og-notice")
            for cls in element.classes if cls.startswith("og-notice--")}


EXPECTED_NOTICES = {
    ("en", 2): {"outdated"}, ("en", 3): {"missing"},
    ("ar", 2): {"outdated", "draft"}, ("ar", 3): {"missing"},
    # Somali falls back to English: step 2's English text is older than its source.
    ("so", 1): {"draft"}, ("so", 2): {"missing", "outdated"}, ("so", 3): {"missing"},
    **{(language, number): {"missing"} for language in ("fa-AF", "ti", "uk") for number in (1, 3)},
    **{(language, 2): {"missing", "outdated"} for language in ("fa-AF", "ti", "uk")},
}


def test_notices_exactly_where_translations_are_missing_outdated_or_draft(fixture_site: Path) -> None:
    found = {}
    for path in fixture_site.rglob("*.html"):
        if notices(path):
            found[path] = notices(path)
    expected = {page_path(fixture_site, language, "demo", f"steg-{number}"): kinds
                for (language, number), kinds in EXPECTED_NOTICES.items()}
    assert found == expected


@pytest.mark.parametrize("language", ["ti", "fa-AF", "uk"])
def test_missing_notice_names_both_languages_in_the_readers_language(fixture_site: Path, language: str) -> None:
    strings = plugin_strings(language)
    root = parse(page_path(fixture_site, language, "demo", "steg-1"))
    notice = root.find(cls="og-notice--missing").text
    assert notice == fill(strings["notice.missing"], language=strings[f"language.{language}"],
                          shown=strings["language.en"])
    body = root.find(cls="og-step__body")
    assert (body.attrs["lang"], body.attrs["dir"]) == ("en", "ltr")
    assert root.find("h1").text == "Step one in English"
    # With no English translation, the chain ends at the source.
    step3 = parse(page_path(fixture_site, language, "demo", "steg-3"))
    assert step3.find(cls="og-notice--missing").text == fill(
        strings["notice.missing"], language=strings[f"language.{language}"], shown=strings["language.sv"])
    assert step3.find(cls="og-step__body").attrs["lang"] == "sv"


def test_outdated_notice_links_to_the_source(fixture_site: Path) -> None:
    path = page_path(fixture_site, "en", "demo", "steg-2")
    link = parse(path).find(cls="og-notice--outdated").find("a")
    assert resolve(path, link.attrs["href"]) == page_path(fixture_site, SOURCE, "demo", "steg-2")
    assert link.text == fill(plugin_strings("en")["notice.outdated_link"], language="Swedish")


@pytest.mark.parametrize("language", LANGUAGES)
def test_lang_and_dir_on_every_page(fixture_site: Path, language: str) -> None:
    pages = [page_path(fixture_site, language), page_path(fixture_site, language, "demo"),
             page_path(fixture_site, language, "demo", "steg-2"), page_path(fixture_site, language, "editors", "translations")]
    for path in pages:
        root = parse(path)
        assert root.find("html").attrs["lang"] == language, path
        assert root.find("body").attrs["dir"] == direction(language), path


@pytest.mark.parametrize("language", ["so", "ti", "fa-AF"])
def test_strings_the_theme_lacks_are_real_translations(language: str) -> None:
    english, own = theme_strings("en"), theme_strings(language)
    assert set(own) >= set(english)
    same = [key for key in english if own[key] == english[key] and key not in ("language", "direction")]
    assert len(same) < len(english) // 10, same
    assert set(plugin_strings(language)) == set(plugin_strings("en"))


@pytest.mark.parametrize("language", ["so", "ti"])
def test_no_english_ui_string_on_somali_and_tigrinya_pages(fixture_site: Path, language: str) -> None:
    english_theme, own_theme = theme_strings("en"), theme_strings(language)
    english_plugin, own_plugin = plugin_strings("en"), plugin_strings(language)
    page = page_path(fixture_site, language, "demo", "steg-1").read_text(encoding="utf-8")
    html = re.sub(r"<script\b.*?</script>", "", page, flags=re.S)  # code, not words a reader sees
    for key in THEME_KEYS:
        assert own_theme[key] in html, key
        assert english_theme[key] not in html, key
    for key in PLUGIN_KEYS:
        assert own_plugin[key] in html, key
        assert english_plugin[key] not in html, key


def test_each_language_has_its_own_search_index(fixture_site: Path) -> None:
    for language in LANGUAGES:
        folder = fixture_site if language == SOURCE else fixture_site / language
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert "demo/steg-1/" in locations, language
        assert not any(loc.split("/")[0] in LANGUAGES for loc in locations), language
        titles = {doc["location"]: doc["title"] for doc in index["docs"]}
        if language == "ar":
            assert titles["demo/steg-1/"] == "الخطوة الأولى"
        if language == "ti":
            assert titles["demo/steg-1/"] == "Step one in English"


def test_translations_page_shows_the_matrix(fixture_site: Path) -> None:
    root = parse(page_path(fixture_site, "en", "editors", "translations"))
    rows = root.find("table", "og-status__table").find("tbody").find_all("tr")
    states = [[cell.attrs["data-og-state"] for cell in row.find_all("td")] for row in rows]
    assert states[0] == ["source", "reviewed", "reviewed", "missing", "draft", "missing", "missing"]
    assert states[1] == ["source", "outdated", "outdated", "missing", "missing", "missing", "missing"]
    assert rows[0].find_all("td")[4].text == plugin_strings("en")["status.draft"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_looks_in_the_language_folder(fixture_site: Path, language: str) -> None:
    """The theme finds the index from the "base" of its settings, which the page template rewrites."""
    root = parse(page_path(fixture_site, language, "demo", "steg-1"))
    settings = json.loads(root.find("script", id="__config").text)
    expected = "../../" if language == SOURCE else f"../../../{language}/"
    assert settings["base"] == expected
