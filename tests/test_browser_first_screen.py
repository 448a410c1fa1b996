"""A step on a Candidate's phone: a light first visit, nothing but the style sheets in the
way of the first paint, and a first screen that shows the step, whatever notices apply.

Bytes are counted as a web server sends them (gzip, level 9, as benchmarks/first_visit.py
does); every request the page makes until the network is quiet counts, the service
worker's background copy for offline reading does not (it starts once the page is idle)."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import material
import pytest
from conftest import PHONE, fixture_project, mkdocs_build, serving
from library_factory import edit
from playwright.sync_api import Browser, expect
from test_build import LANGUAGES, SOURCE
from ui_strings import theme_strings

BUDGET = 60 * 1024
READY = theme_strings("sv")["search.result.placeholder"]
SMALL_PHONE = {"width": 360, "height": 640}
# What may hold up the first paint: the theme's style sheet (cut to the site's pages), the site's.
RENDER_BLOCKING = re.compile(r"/assets/stylesheets/main\.[0-9a-f]+\.[0-9a-f]+\.min\.css$|/assets/onegoal/onegoal\.css$")


def gzip_size(site: Path, path: str) -> int:
    file = site / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), compresslevel=9)) if file.is_file() else 0


def first_visit(browser: Browser, site: Path, url: str) -> dict[str, int]:
    """Each path a fresh phone's page asks for on its first visit, with its gzip size."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    asked: dict[str, int] = {}
    context.on("request", lambda request: asked.setdefault(urlparse(request.url).path, 0)
               if request.service_worker is None and not request.url.endswith("/sw.js") else None)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    context.close()
    return {path: gzip_size(site, path) for path in asked}


def pages(language: str) -> list[str]:
    root = "" if language == SOURCE else f"{language}/"
    return [root, f"{root}reader/", f"{root}reader/profile/", f"{root}guide/plan/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_first_visit_stays_within_60_kb(browser: Browser, site: Path, site_url: str, language: str) -> None:
    for address in pages(language):
        sizes = first_visit(browser, site, f"{site_url}/{address}")
        assert sum(sizes.values()) <= BUDGET, (address, sum(sizes.values()), sorted(sizes.items(), key=lambda i: -i[1]))
        # The theme's script bundle comes when the reader opens the search, not before.
        assert not any("/assets/javascripts/" in path for path in sizes), address
        assert not any("search_index" in path for path in sizes), address
        # Nor "Show my Agent" and its QR encoder: they come when the reader asks (share.js).
        assert not any(re.search(r"/assets/onegoal/(share|vendor/lean-qr)", path) for path in sizes), address


def test_only_the_style_sheets_hold_up_the_first_paint(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for address in ["", "ar/", "reader/profile/", "ar/reader/profile/", "reader/print/", "glossary/"]:
        page.goto(f"{site_url}/{address}")
        page.wait_for_load_state("load")
        blocking = page.evaluate("performance.getEntriesByType('resource')"
                                 ".filter(e => e.renderBlockingStatus === 'blocking').map(e => e.name)")
        assert blocking and all(RENDER_BLOCKING.search(urlparse(name).path) for name in blocking), (address, blocking)
        # Every script waits for the page (a data block is not a script that runs).
        assert page.locator("script[src]:not([defer]):not([async])").count() == 0, address
    context.close()


def test_the_search_loads_the_theme_when_the_reader_opens_it(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    page.goto(f"{site_url}/reader/profile/")
    page.wait_for_load_state("networkidle")
    assert not any("/assets/javascripts/" in path for path in fetched)
    page.locator("label[for='__search']").first.click()
    # The theme says it is ready once its worker has read the index.
    expect(page.locator(".md-search-result__meta")).to_have_text(READY, timeout=10_000)
    assert any(re.search(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", path) for path in fetched)
    assert "/search/search_index.json" in fetched
    context.close()


@pytest.fixture(scope="module")
def noticed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture library with a step that carries every notice that can apply: its Arabic
    translation outdated and a draft of a proposal; in Somali, missing, so shown in an
    English draft that is outdated too."""
    root = tmp_path_factory.mktemp("notices")
    config = fixture_project(root / "project")
    reader = root / "project" / "manuals" / "reader"
    edit(reader / "search.ar.md", "source_version: 2", "source_version: 1\ndraft: true")
    edit(reader / "search.en.md", "source_version: 2", "source_version: 1\ndraft: true")
    (reader / "search.so.md").unlink()
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    shutil.rmtree(root / "project")
    return root / "site"


@pytest.mark.parametrize(("language", "kinds"), [("sv", ["proposal"]), ("ar", ["outdated", "proposal", "draft"]),
                                                 ("so", ["missing", "outdated", "proposal", "draft"])])
def test_the_first_screen_shows_the_step_with_every_notice(browser: Browser, noticed_site: Path, language: str,
                                                           kinds: list[str]) -> None:
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    with serving(noticed_site) as base:
        page.goto(f"{base}/{'' if language == 'sv' else language + '/'}reader/search/")
        page.wait_for_load_state("networkidle")
        notices = page.locator("details.og-notices")
        # One short line under the title, in the reader's language; the notices one tap away.
        labels = notices.locator("summary .og-notices__label")
        assert [labels.nth(i).get_attribute("class").split("--")[-1] for i in range(labels.count())] == kinds
        # One line; four notices at once (a fallback that is itself outdated and a draft, of a
        # proposal) may take a second in a language of long words.
        assert notices.locator("summary").bounding_box()["height"] < (40 if len(kinds) < 4 else 60)
        for kind in kinds:
            expect(notices.locator(f"aside.og-notice--{kind}[role='note']")).to_be_hidden()
        title, summary = page.locator("article h1"), page.locator(".og-step__summary")
        assert title.bounding_box()["y"] < 400 and summary.bounding_box()["y"] < 400, language
        assert title.bounding_box()["y"] < notices.bounding_box()["y"] < summary.bounding_box()["y"]
        notices.locator("summary").click()
        for kind in kinds:
            expect(notices.locator(f"aside.og-notice--{kind}[role='note']")).to_be_visible()
    context.close()


STYLE = ["display", "position", "visibility", "float", "width", "height", "margin-top", "margin-inline-start",
         "padding-top", "padding-inline-start", "color", "background-color", "font-size", "font-weight",
         "line-height", "text-align", "border-top-width", "opacity", "transform", "overflow-x", "mask-image",
         "content", "z-index"]
# The results' own sizes are left out: the theme lays them out a few at a time, as they come.
SNAPSHOT = """(names) => [...document.querySelectorAll('*')].flatMap(element => [null, '::before', '::after']
    .map(pseudo => { const style = getComputedStyle(element, pseudo);
      const result = element.closest('.md-search-result__list');
      return element.tagName + '.' + [...element.classList].join('.') + (pseudo || '') + ' ' + names
        .filter(name => !(result && (name === 'width' || name === 'height')))
        .map(name => name + ':' + style.getPropertyValue(name)).join(';'); }))"""


def styled(browser: Browser, url: str, viewport: dict[str, int], full_sheet: str | None) -> list[str]:
    """Every element's (and pseudo-element's) computed style after the reader has searched
    and scrolled; with `full_sheet`, under the theme's whole style sheet instead of the cut one."""
    # No transitions: both snapshots see the page at rest.
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    if full_sheet is not None:
        context.route(re.compile(r".*/assets/stylesheets/main\.[0-9a-f]+\.[0-9a-f]+\.min\.css$"),
                      lambda route: route.fulfill(body=full_sheet, content_type="text/css"))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    snapshot = page.evaluate(SNAPSHOT, STYLE)
    page.evaluate("window.scrollTo(0, 0)")
    if viewport["width"] < 600:
        page.locator("label[for='__search']").first.click()
    else:
        page.locator("input.md-search__input").click()
    language = "ar" if "/ar/" in url else "sv"
    expect(page.locator(".md-search-result__meta")).to_have_text(theme_strings(language)["search.result.placeholder"],
                                                                 timeout=10_000)
    search = page.locator("input.md-search__input")
    search.fill("steg")
    search.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_attached(timeout=10_000)
    expect(page.locator("#__search")).to_be_checked()  # the search is open
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    snapshot += page.evaluate(SNAPSHOT, STYLE)
    context.close()
    return snapshot


@pytest.mark.parametrize("address", ["", "reader/profile/", "ar/reader/profile/", "reader/print/",
                                     "editors/translations/"])
def test_the_cut_style_sheet_styles_every_page_as_the_whole_one(browser: Browser, site_url: str,
                                                               address: str) -> None:
    """The theme's sheet is cut to the built pages and to what its script adds when it runs:
    on a phone and a wide screen, with the search open and its results shown, and after
    scrolling, every element looks as it does under the theme's whole sheet."""
    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    full = next(theme.glob("main.*.min.css")).read_text(encoding="utf-8")
    for viewport in (SMALL_PHONE, {"width": 1300, "height": 900}):
        cut, whole = (styled(browser, f"{site_url}/{address}", viewport, sheet) for sheet in (None, full))
        assert len(cut) == len(whole)
        differ = [f"{mine.split(' ')[0]}: {sorted(set(mine.split(';')) - set(theirs.split(';')))} instead of "
                  f"{sorted(set(theirs.split(';')) - set(mine.split(';')))}"
                  for mine, theirs in zip(cut, whole) if mine != theirs]
        assert not differ, (viewport, differ[:4])


RENDERED = "element => element.checkVisibility({contentVisibilityAuto: true})"


def test_what_the_first_screen_does_not_show_waits_until_the_reader_goes_to_it(browser: Browser,
                                                                               site_url: str) -> None:
    """On a phone the first frame holds the step's first screen: the closed navigation
    drawer and language menu are out of it and open as before, what lies below is drawn as
    the reader scrolls to it, and on paper everything is there."""
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/reader/profile/")
    page.wait_for_load_state("networkidle")
    drawer_link = page.locator(".md-sidebar--primary .md-nav__link").first
    assert not drawer_link.evaluate(RENDERED)
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(drawer_link).to_be_in_viewport()

    page.reload()
    menu_link = page.locator(".md-select__link").first
    assert not menu_link.evaluate(RENDERED)
    page.locator(".md-header__option .md-select button").first.focus()
    expect(menu_link).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.md-select__link')")

    below = page.locator(".og-step-nav a").first
    assert below.bounding_box()["y"] > SMALL_PHONE["height"]
    assert not below.evaluate(RENDERED)
    below.scroll_into_view_if_needed()
    page.wait_for_function("element => element.checkVisibility({contentVisibilityAuto: true})",
                           arg=below.element_handle())
    # A glossary word's explanation opens whole over the text below it, not cut off by its block.
    word = page.locator(".og-step__body .og-term__word").last
    word.scroll_into_view_if_needed()
    word.click()
    explanation = page.locator(".og-step__body .og-term__explanation").last
    expect(explanation).to_be_visible()
    box = explanation.bounding_box()
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.og-term__explanation') !== null",
                         [box["x"] + box["width"] / 2, box["y"] + box["height"] - 4])
    page.reload()
    page.emulate_media(media="print")
    assert page.locator(".og-step__body > *").last.evaluate(RENDERED)
    assert page.locator(".og-checklist li").last.evaluate(RENDERED)
    context.close()
