"""A phone's view: accessibility, sizes, no JavaScript and printing (offline reading:
test_browser_offline.py)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import PHONE
from playwright.sync_api import Browser, BrowserContext, expect

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}
PAGES = ["", "reader/", "reader/profile/", "editors/translations/"]
PREFIX = {"sv": "", "ar": "ar/", "ti": "ti/"}


@pytest.mark.parametrize("language", ["sv", "ar", "ti"])
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_21_aa_violations(phone: BrowserContext, site_url: str, language: str, path: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/{PREFIX[language]}{path}")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["reader/profile/", "ar/reader/work/", "ti/reader/",
                                  "so/editors/translations/", "fa-AF/", "about/"])
def test_no_horizontal_scrolling_at_320_px(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


TEXT_SIZES = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility()) continue;
    if (element.closest('.md-search, .md-header__topic, .headerlink, svg')) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 16) small.push(`${size}px ${element.tagName}.${element.className}: ${node.textContent.trim().slice(0, 30)}`);
  }
  return small;
}"""


@pytest.mark.parametrize("path", ["reader/profile/", "ar/reader/", "ti/", "uk/reader/work/"])
def test_text_is_at_least_16_px(phone: BrowserContext, site_url: str, path: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/{path}")
    assert page.evaluate(TEXT_SIZES) == []


def test_touch_targets_are_at_least_44_px(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    for path in ("reader/profile/", "reader/", ""):
        page.goto(f"{site_url}/{path}")
        targets = page.locator(".og-checklist__label, .og-step-nav__link, .og-overview__link, .og-home__link, "
                               ".og-tools__button")
        assert targets.count() > 0
        for index in range(targets.count()):
            box = targets.nth(index).bounding_box()
            assert box and box["width"] >= 44 and box["height"] >= 44, (path, index, box)


def test_checklist_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/reader/profile/")
    boxes = page.locator("input.og-checklist__box")
    assert boxes.count() >= 4
    expect(boxes.first).to_be_visible()
    page.locator(".og-checklist__label").first.click()
    assert boxes.first.is_checked()
    expect(page.locator(".og-tools")).to_be_hidden()
    page.emulate_media(media="print")
    expect(boxes.first).to_be_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"
    context.close()
