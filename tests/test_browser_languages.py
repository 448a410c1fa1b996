"""The languages in a real headless Chromium at a phone's size, against the built library."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from test_build import load
from ui_strings import fill, plugin_strings, theme_strings


def switch_language(page: Page, language: str) -> None:
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f".md-select__link[hreflang='{language}']").click()


def test_language_switcher_keeps_the_step(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/ar/reader/profile/")
    switch_language(page, "so")
    page.wait_for_url(f"{site_url}/so/reader/profile/")
    assert page.locator("html").get_attribute("lang") == "so"


@pytest.mark.parametrize("path", ["", "guide/", "editors/translations/"])
def test_switcher_keeps_home_overview_and_translations_page(phone: BrowserContext, site_url: str, path: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/en/{path}")
    switch_language(page, "uk")
    page.wait_for_url(f"{site_url}/uk/{path}")
    switch_language(page, "sv")
    page.wait_for_url(f"{site_url}/{path}")


def test_arabic_checklist_box_sits_right_of_its_text(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/ar/reader/profile/")
    assert page.locator("body").get_attribute("dir") == "rtl"
    item = page.locator(".og-checklist__item").first
    box = item.locator("input").bounding_box()
    label = item.locator(".og-checklist__text").bounding_box()
    assert box and label
    assert box["x"] >= label["x"] + label["width"] - 1


def test_arabic_search_returns_only_arabic_pages(phone: BrowserContext, site_url: str) -> None:
    step = load().manual("reader").steps[1]
    word = max(step.translations["ar"].text.title.split(), key=len)
    page = phone.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{site_url}/ar/reader/hello/")
    page.locator("label[for='__search']").first.click()
    # The theme says it is ready once its worker has read the index.
    ready = theme_strings("ar")["search.result.placeholder"]
    expect(page.locator(".md-search-result__meta")).to_have_text(ready, timeout=10_000)
    search = page.locator("input.md-search__input")
    search.fill(word)
    # The theme searches on keyup; typing Arabic here inserts text without key events,
    # as a phone's keyboard does not, so press a key that leaves the text as it is.
    search.press("End")
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs and all(href.startswith(f"{site_url}/ar/") for href in hrefs), hrefs
    assert any("/ar/reader/profile/" in href for href in hrefs), hrefs
    indexes = [url for url in fetched if "search_index" in url]
    assert indexes == [f"{site_url}/ar/search/search_index.json"]


def test_somali_page_shows_somali_ui_strings(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/so/reader/profile/")
    strings, theme = plugin_strings("so"), theme_strings("so")
    expect(page.locator(".og-step__position")).to_have_text(fill(strings["step.of"], n=2, total=4))
    expect(page.locator(".og-checklist h2")).to_have_text(strings["checklist.title"])
    assert page.locator("input.md-search__input").get_attribute("placeholder") == theme["search.placeholder"]
    assert theme["search.placeholder"] != theme_strings("en")["search.placeholder"]


@pytest.mark.parametrize("path", ["/", "/ar/reader/", "/ti/reader/search/", "/fa-AF/editors/translations/"])
def test_pages_load_with_no_failed_request_or_console_error(phone: BrowserContext, site_url: str, path: str) -> None:
    page = phone.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: problems.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    page.goto(f"{site_url}{path}")
    page.wait_for_load_state("networkidle")
    assert problems == []
