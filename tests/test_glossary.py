"""The glossary: terms marked once per page (never in links, headings or code), explained
in the page's language (or its fallback, with its lang), by tap and by keyboard; a glossary
page per language; the print page's list of the manual's terms; the check's errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import PHONE, fixture_project
from html_page import parse
from library_factory import edit, fixture_library
from playwright.sync_api import Browser, expect
from test_build import FALLBACKS, LANGUAGES, page_path, resolve
from ui_strings import plugin_strings

ONEGOAL = Path(sys.executable).parent / "onegoal"
EXPLAINED = {"sv": ("En del av manualen.", None), "en": ("A part of the manual.", None),
             "ar": ("جزء من الدليل.", None), "so": ("A part of the manual.", "en"), "ti": ("A part of the manual.", "en"),
             "fa-AF": ("A part of the manual.", "en"), "uk": ("A part of the manual.", "en")}


def terms(path: Path):
    return parse(path).find_all("span", "og-term")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_term_is_marked_once_in_the_text_and_explained_in_the_page_s_language(site: Path, language: str) -> None:
    text, fallback = EXPLAINED[language]
    for manual in fixture_library().manuals:
        for step in manual.steps:
            marked = terms(page_path(site, language, manual.url_path, step.slug))
            shown = FALLBACKS.shown(step, language).language
            # "steg" is in every step's text: in Swedish, in English as "step" and in Arabic as
            # "الخطوة" (the forms the glossary gives); the other languages' texts have no form
            # of it. "händer" is only in headings, which are never marked.
            assert len(marked) == (1 if shown in ("sv", "en", "ar") else 0), (language, manual.id, step.slug, shown)
            if not marked:
                continue
            explanation = marked[0].find("span", "og-term__explanation")
            assert explanation.find("b", "og-term__swedish").text == "steg"
            assert explanation.text == f"steg {text}"
            assert explanation.attrs.get("lang") == fallback
            button = marked[0].find("button")
            assert button.attrs["aria-describedby"] == explanation.attrs["id"]


def test_terms_in_links_headings_and_code_stay_as_they_are(tmp_path: Path) -> None:
    from conftest import mkdocs_build
    project = fixture_project(tmp_path / "project").parent
    step = project / "manuals" / "reader" / "hello.md"
    text = step.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    step.write_text(front + "\n---\n## Om steget\n\n[Nästa steg](profile.md) och `steget` i kod.\n\n"
                    "!!! tip \"Steget\"\n    Ett råd.\n\nNu kommer steget, och steget igen.\n", encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = parse(page_path(tmp_path / "site", "sv", "reader", "hello"))
    body = page.find(cls="og-step__body")
    (marked,) = body.find_all("span", "og-term")
    assert marked.find("button").text == "steget"
    assert "Nu kommer" in " ".join(str(child) for child in body.iter() if child.tag == "p" and "Nu kommer" in child.text)
    for tag in ("a", "h2", "code"):
        assert not any(element.find_all("span", "og-term") for element in body.find_all(tag))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_glossary_page_per_language_says_where_each_term_is_used(site: Path, language: str) -> None:
    path = page_path(site, language, "glossary")
    root = parse(path)
    assert root.find("h1").text == plugin_strings(language)["glossary.title"]
    entries = root.find_all("div", "og-glossary__term")
    assert [entry.find("dt").text for entry in entries] == ["händer", "steg"]
    steg = entries[1]
    links = steg.find(cls="og-glossary__pages").find_all("a")
    assert links
    for link in links:
        target = resolve(path, link.attrs["href"])
        assert parse(target).find_all("span", "og-term"), target
        assert "&" not in link.text, link.text
    assert not entries[0].find_all(cls="og-glossary__pages")  # "händer" is used in headings only
    nav = root.find("nav", "md-nav--primary")
    assert any(a.text == plugin_strings(language)["glossary.title"] for a in nav.find_all("a"))


def test_the_print_page_ends_with_the_manual_s_terms(site: Path) -> None:
    root = parse(page_path(site, "sv", "reader", "print"))
    glossary = root.find("section", "og-print__glossary")
    assert [dt.text for dt in glossary.find_all("dt")] == ["steg"]
    assert glossary is root.find("article", "og-print").children[-2] or glossary.attrs["aria-labelledby"]


def test_a_term_opens_by_tap_and_by_keyboard_without_axe_violations(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/ar/reader/profile/")
    word = page.locator(".og-term__word").first
    explanation = page.locator(".og-term__explanation").first
    expect(explanation).to_be_hidden()
    word.tap()
    expect(explanation).to_be_visible()
    assert word.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    expect(explanation).to_be_hidden()
    word.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    expect(explanation).to_be_visible()
    box = explanation.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    results = Axe().run(page, options=options)
    assert results.violations_count == 0, results.generate_report()
    context.close()


@pytest.mark.parametrize(("change", "words"), [
    (("    word: händer\n", ""), "has no 'word'"),
    (("    text: Det som sker.\n", ""), "has no 'text'"),
])
def test_an_incomplete_entry_is_named_by_line(tmp_path: Path, change: tuple[str, str], words: str) -> None:
    project = fixture_project(tmp_path / "project").parent
    edit(project / "manuals" / "glossary" / "terms.yml", *change)
    result = subprocess.run([str(ONEGOAL), "check"], capture_output=True, text=True, check=False, cwd=project)
    assert result.returncode == 1 and "manuals/glossary/terms.yml:" in result.stderr and words in result.stderr


def test_a_translation_of_no_term_is_an_error(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    edit(project / "manuals" / "glossary" / "terms.ar.yml", "id: steg", "id: ingen")
    result = subprocess.run([str(ONEGOAL), "check"], capture_output=True, text=True, check=False, cwd=project)
    assert result.returncode == 1
    assert "manuals/glossary/terms.ar.yml:3: the term 'ingen' is not in terms.yml" in result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_is_searched_on_its_page_not_in_every_step(site: Path, language: str) -> None:
    import json
    folder = site if language == "sv" else site / language
    entries = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    glossary = [entry for entry in entries if entry["location"].startswith("glossary/")]
    assert glossary and "steg" in glossary[0]["text"] and EXPLAINED[language][0] in glossary[0]["text"]
    others = [entry for entry in entries if not entry["location"].startswith("glossary/")]
    assert not any(EXPLAINED[language][0] in entry["text"] for entry in others)
