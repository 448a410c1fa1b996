"""The review view: in `make serve REVIEW=1 LANG=xx`, each step of that language beside its
Swedish source, text by text, with the glossary words explained and the checks' findings at
their text; right to left on the translation side where the language is; never in a build."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import fixture_project, mkdocs_build
from library_factory import edit
from playwright.sync_api import Browser, expect
from test_browser_phone import WCAG_21_AA
from test_preview import previewing

from onegoal.editors.translate import review as review_view
from onegoal.editors.settings import site_settings
from onegoal.content.glossary import Glossary
from onegoal.content.loader import load_library
from onegoal.editors.translate.po_files import parse_page, read


@pytest.mark.parametrize(("language", "direction"), [("so", "ltr"), ("ar", "rtl")])
def test_a_reviewer_reads_each_text_beside_its_source(browser: Browser, tmp_path: Path, language: str,
                                                       direction: str) -> None:
    project = fixture_project(tmp_path / "project").parent
    # A number the translation lacks: the checks find it, and the view shows it at its text.
    source = project / "manuals" / "reader" / "profile.md"
    edit(source, "## Vad händer 2\n\n", "## Vad händer 2\n\nNi ses 3 gånger. ")
    translation = source.with_name(f"profile.{language}.md")
    parsed = parse_page(read(source))
    units = [*parsed.front.units, *parsed.body]
    with previewing(project, language, review=True) as url:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.goto(f"{url}/{language}/review/")
        page.get_by_role("link", name=parsed.front.units[0].text, exact=False).first.click()
        rows = page.locator("tr.og-review__row")
        expect(rows).to_have_count(len(units))
        title = rows.first.locator("td")
        expect(title.first).to_have_text(f"title{units[0].text}")
        translated_title = parse_page(read(translation)).front.units[0].text
        expect(title.nth(1)).to_contain_text(translated_title)
        assert title.nth(1).get_attribute("dir") == direction and title.nth(1).get_attribute("lang") == language
        # The glossary word of the source text, explained in the reviewer's language.
        with_term = rows.filter(has=page.locator("dt", has_text="steg")).first
        expect(with_term.locator("dd")).not_to_be_empty()
        found = rows.filter(has=page.locator(".og-review__findings"))
        expect(found).to_have_count(1)
        expect(found.locator("td").first).to_contain_text("Ni ses 3 gånger.")
        expect(found.locator(".og-review__findings")).to_contain_text("3")
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
        context.close()


def test_a_build_never_has_the_review_view(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = fixture_project(tmp_path / "project")
    monkeypatch.setenv("ONEGOAL_REVIEW", "so")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "so" / "review").exists() and not (tmp_path / "site" / "review").exists()


def test_the_review_view_shows_hostile_text_as_text(tmp_path: Path) -> None:
    """A preview goes on with content a build stops on: the review view shows such a text
    as typed, never as live markup, and a title (which the site escapes) as text."""
    project = fixture_project(tmp_path / "project").parent
    translation = project / "manuals" / "reader" / "work.so.md"
    edit(translation, "title: ", "title: Shaqo <img src=x onerror=alert(1)> ")
    edit(translation, "Maxaa dhaca 2\n\n", 'Maxaa dhaca 2\n\nEeg <a href="javascript:alert(1)">halkan</a>. ')
    settings = site_settings(project / "mkdocs.yml")
    library = load_library(settings.manuals_dir, settings.languages, settings.source_language)
    manual = library.manual("reader")
    shown = review_view.reviewed_step(library, manual, manual.step("work"), "so", Glossary(), [], settings.markdown)
    page = "".join(str(row.translation) for row in shown.rows)
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<a " not in page and '&lt;a href=&#34;javascript:alert(1)&#34;&gt;' in page
