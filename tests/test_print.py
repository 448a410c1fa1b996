"""Every manual on paper and as PDF, in every language: the print page and its PDF."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import PHONE, fixture_project, mkdocs_build
from html_page import parse
from library_factory import fixture_library
from pdf_text import catalog_language, fonts, info, pages
from playwright.sync_api import Browser
from test_build import FALLBACKS, LANGUAGES, SOURCE, page_path, resolve, title_of
from ui_strings import fill, plugin_strings

from onegoal.content.model import Manual
from onegoal.adapter.plugin import OneGoalPlugin
from onegoal.paper.pdf import pdf_name

CASES = [(language, manual.id) for manual in fixture_library().manuals for language in LANGUAGES]
SCRIPTS = {"ar": "[\u0600-\u06ff]", "fa-AF": "[\u0600-\u06ff]", "ti": "[\u1200-\u137f]", "uk": "[\u0400-\u04ff]"}


def manual_of(manual_id: str) -> Manual:
    return fixture_library().manual(manual_id)


def pdf_path(site: Path, language: str, manual: Manual) -> Path:
    return page_path(site, language, manual.url_path, "print").parent / pdf_name(manual.id, language)


@pytest.mark.parametrize(("language", "manual_id"), CASES)
def test_the_print_page_holds_the_whole_manual(site: Path, language: str, manual_id: str) -> None:
    manual = manual_of(manual_id)
    strings = plugin_strings(language)
    root = parse(page_path(site, language, manual.url_path, "print"))
    cover = root.find("section", "og-print__cover")
    assert cover.find("h1").text == title_of(manual.title, language)
    assert "Women On Wednesday" in cover.text
    assert strings[f"audience.{manual.audience}"] in cover.text
    assert manual.version in cover.find("dl").text and manual.changelog[0].date.isoformat() in cover.find("dl").text
    contents = root.find("nav", "og-print__contents").find_all("a")
    steps = root.find_all("section", "og-print__step")
    assert [link.text for link in contents] == [FALLBACKS.shown(step, language).text.title for step in manual.steps]
    assert [link.attrs["href"] for link in contents] == [f"#{section.attrs['id']}" for section in steps]
    for section, step in zip(steps, manual.steps):
        shown = FALLBACKS.shown(step, language)
        assert shown.text.title in section.find("h2").text
        items = section.find("ul", "og-print__items").find_all("li")
        assert [item.text for item in items] == [item.text for item in shown.checklist]
        assert all(item.find_all("span", "og-print__box") for item in items)
        assert bool(section.find_all(cls="og-print__signature")) == manual.corporate
    article = root.find("article", "og-print")
    assert not article.find_all("input") and not article.find_all(cls="og-progress")
    ids = Counter(element.attrs["id"] for element in root.iter() if "id" in element.attrs)
    assert [name for name, count in ids.items() if count > 1] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_overview_and_steps_link_to_the_print_page_and_the_pdf(site: Path, language: str) -> None:
    manual = manual_of("reader")
    printed = page_path(site, language, manual.url_path, "print")
    for path in (page_path(site, language, manual.url_path), page_path(site, language, manual.url_path, "profile")):
        page, pdf = parse(path).find("p", "og-print-links").find_all("a")
        assert resolve(path, page.attrs["href"]) == printed
        assert resolve(path, pdf.attrs["href"]) == pdf_path(site, language, manual)
        assert "download" in pdf.attrs


def step_starts(sheets, language: str, manual: Manual) -> list[int]:
    """The sheet on which each step begins: the one whose first line is 'Step n of m'."""
    strings = plugin_strings(language)
    starts = []
    for number in range(1, len(manual.steps) + 1):
        label = fill(strings["step.of"], n=number, total=len(manual.steps))
        starts.append(next(index for index, sheet in enumerate(sheets)
                           if sheet.body and words(label) == words(sheet.body[0].text)))
    return starts


def words(text: str) -> set[str]:
    """The words of a text, with lam and alef left out (text taken from a PDF gives the
    Arabic lam-alef ligature's two letters in either order) and words joined at a
    zero-width non-joiner (Dari writes one inside a word; the PDF's text splits there)."""
    return set(re.sub("[\u0644\u0627\u0623\u0625\u0622]", "", text.replace("\u200c", " ")).split())


@pytest.mark.parametrize(("language", "manual_id"), CASES)
def test_the_pdf(site: Path, language: str, manual_id: str) -> None:
    manual = manual_of(manual_id)
    pdf = pdf_path(site, language, manual)
    sheets = pages(pdf)
    facts = info(pdf)
    assert facts["Tagged"] == "yes" and "(A4)" in facts["Page size"]
    assert facts["Title"].startswith(title_of(manual.title, language))
    assert catalog_language(pdf) == language
    assert [name for name, embedded in fonts(pdf) if embedded != "yes"] == []
    # A cover, the contents, then every step from a sheet of its own, in order.
    starts = step_starts(sheets, language, manual)
    assert starts == sorted(set(starts)) and starts[0] == 2
    for start, step in zip(starts, manual.steps):
        title = FALLBACKS.shown(step, language).text.title
        assert words(title) <= words(" ".join(line.text for line in sheets[start].body[:3])), (start, title)
    assert len(sheets) >= 2 + len(manual.steps)
    assert words(plugin_strings(language)["print.contents"]) <= words(sheets[1].text)
    # The footer of every sheet: manual, version, page n of m.
    for number, sheet in enumerate(sheets, start=1):
        assert {str(number), str(len(sheets)), manual.version} <= set(re.findall(r"[\d.]+", sheet.footer)), sheet.footer
    if language in SCRIPTS:
        assert re.search(SCRIPTS[language], "".join(sheet.text for sheet in sheets))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_footer_reads_manual_version_and_page(site: Path, language: str) -> None:
    manual = manual_of("guide")
    sheets = pages(pdf_path(site, language, manual))
    for number, sheet in enumerate(sheets, start=1):
        assert sheet.footer == fill(plugin_strings(language)["print.footer"], manual=title_of(manual.title, language),
                                    version=manual.version, page=number, pages=len(sheets))


@pytest.mark.parametrize(("language", "manual_id"), CASES)
def test_checklists_keep_their_heading_and_no_sheet_is_left_nearly_empty(site: Path, language: str,
                                                                          manual_id: str) -> None:
    manual = manual_of(manual_id)
    sheets = pages(pdf_path(site, language, manual))
    heading = plugin_strings(language)["checklist.title"]
    starts = step_starts(sheets, language, manual)
    # The manual's glossary, when it has one, starts a sheet of its own after the last step.
    glossary = words(plugin_strings(language)["glossary.title"])
    starts += [index for index, sheet in enumerate(sheets) if sheet.body and words(sheet.body[0].text) == glossary]
    headed = 0
    for index, sheet in enumerate(sheets):
        lines = [line.text for line in sheet.body]
        for position, line in enumerate(lines):
            if words(line) == words(heading) and position + 1 < len(lines):
                step = manual.steps[sum(1 for start in starts[:len(manual.steps)] if start <= index) - 1]
                first = FALLBACKS.shown(step, language).checklist[0].text
                assert words(first) <= words(lines[position + 1]), (index, lines[position:position + 2])
                headed += 1
            elif words(line) == words(heading):
                raise AssertionError(f"sheet {index + 1}: the checklist heading ends the sheet")
        # A sheet the text goes on from (not the cover, the contents, or a step's last) is well filled.
        if index >= 2 and index + 1 < len(sheets) and index + 1 not in starts:
            assert sheet.filled > 0.4, f"sheet {index + 1} of {len(sheets)} is {sheet.filled:.0%} full"
    assert headed == len(manual.steps)
    # The fixture has steps longer than a sheet, so the rule above was really put to the test.
    if any(step.slug in ("finish", "hours") for step in manual.steps):
        assert len(sheets) > 2 + len(manual.steps)


def test_a_ticked_box_never_appears_on_paper(browser: Browser, site_url: str, tmp_path: Path) -> None:
    images = []
    for ticks in (False, True):
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(f"{site_url}/reader/profile/")
        if ticks:
            labels = page.locator(".og-checklist__label")
            for index in range(labels.count()):
                labels.nth(index).click()
            assert all(box.is_checked() for box in page.locator(".og-checklist__box").all())
        pdf = tmp_path / f"ticks-{ticks}.pdf"
        pdf.write_bytes(page.pdf(format="A4"))
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / f"sheet-{ticks}")], check=True)
        images.append(sorted(path.read_bytes() for path in tmp_path.glob(f"sheet-{ticks}*.png")))
        context.close()
    assert images[0] == images[1]


def test_an_unchanged_manual_is_not_printed_again(tmp_path: Path) -> None:
    config = fixture_project(tmp_path / "project", pdf=True)
    first = mkdocs_build(config, tmp_path / "site")
    assert first.returncode == 0, first.stderr
    total = len(fixture_library().manuals) * len(LANGUAGES)
    assert f"PDFs: {total} printed, 0 unchanged" in first.stderr
    second = mkdocs_build(config, tmp_path / "site")
    assert f"PDFs: 0 printed, {total} unchanged" in second.stderr
    translation = tmp_path / "project" / "manuals" / "reader" / "hello.uk.md"
    translation.write_text(translation.read_text(encoding="utf-8").replace("Привіт", "Вітаю"), encoding="utf-8")
    third = mkdocs_build(config, tmp_path / "site")
    assert f"PDFs: 1 printed, {total - 1} unchanged" in third.stderr
    assert pdf_path(tmp_path / "site", "uk", manual_of("reader")).is_file()


def test_previews_make_no_pdfs() -> None:
    plugin = OneGoalPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    assert plugin.pdfs
    plugin.on_startup(command="serve", dirty=False)
    assert not plugin.pdfs


def test_the_print_button_prints(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(f"{site_url}/reader/print/")
    page.locator("[data-og-action='print']").click()
    assert page.evaluate("window.__printed === true")
    context.close()
