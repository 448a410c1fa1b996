"""The pair's meeting: a reader shows her ticks to the other in her pair by a link and its QR
code, with no server; the other phone shows them read-only. Two browser contexts are two
phones, in a real headless Chromium, on the built fixture site (share.js, share.html)."""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from conftest import PHONE, copy_project, mkdocs_build, serving
from library_factory import edit, write_manual
from playwright.sync_api import Browser, BrowserContext, Page, expect
from test_browser_offline import KEPT, Server, manual_urls, wait_until
from test_browser_phone import WCAG_21_AA
from test_build import load
from ui_strings import fill, plugin_strings

KEY = "onegoal.progress"
SHARED_KEY = "onegoal.shared"
ON_DEMAND = ("/assets/onegoal/share.js", "/assets/onegoal/share-qr.js", "/assets/onegoal/vendor/lean-qr.js")


# -- the link's format, written here as share.js writes it: an older build's link is made so --

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def tag(name: str) -> str:
    value = 0x811C9DC5
    for char in name:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    bits = value >> 20
    return B64[bits >> 6] + B64[bits & 63]


def fragment(manual: str, version: str, minutes: int, steps: list[tuple[str, list[str], set[str]]]) -> str:
    """steps: (name, its checklist ids in order, the ticked ones)."""
    sections = []
    for name, ids, ticked in steps:
        bits = "".join(B64[sum(1 << n for n, item in enumerate(ids[start:start + 6]) if item in ticked)]
                       for start in range(0, len(ids), 6))
        sections.append(tag(name) + bits + "".join(tag(item) for item in ids))
    return f"og-share=1~{manual}~{version}~{base36(minutes)}~{'.'.join(sections)}"


def base36(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[rest] + digits
    return digits or "0"


# -- helpers ------------------------------------------------------------------------------------

def phone_context(browser: Browser) -> BrowserContext:
    return browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.fixture()
def other_phone(browser: Browser) -> Iterator[BrowserContext]:
    context = phone_context(browser)
    yield context
    context.close()


def watch_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def items(manual: str, step: str) -> list[str]:
    return [item.id for item in load().manual(manual).step(step).source.checklist]


def tick(page: Page, *indexes: int) -> None:
    for index in indexes:
        page.locator(".og-checklist__label").nth(index).click()


def share_link(page: Page) -> str:
    """Opens "Show my Agent" on the page and returns the link it offers."""
    page.locator("[data-og-action='share']").click()
    link = page.locator(".og-share__link")
    expect(link).not_to_have_text("")
    return link.get_attribute("href")


def shown_done(page: Page) -> dict[str, list[str]]:
    """The items the shared view shows as done, by step."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.og-shared__step')].map(
        step => [step.dataset.ogStep, [...step.querySelectorAll('.og-shared__item[data-og-done="true"]')]
                 .map(item => item.dataset.ogItem)]))""")


def stored(page: Page, key: str = KEY) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", key)


# -- sharing and opening ---------------------------------------------------------------------

def test_the_link_from_one_phone_shows_exactly_her_ticks_read_only_on_another(
        phone: BrowserContext, other_phone: BrowserContext, site_url: str) -> None:
    mine = phone.new_page()
    errors = watch_errors(mine)
    mine.goto(f"{site_url}/reader/hello/")
    tick(mine, 1)
    mine.goto(f"{site_url}/reader/profile/")
    tick(mine, 0, 2)
    link = share_link(mine)
    assert link.startswith(f"{site_url}/reader/#og-share=1~reader~1.1~")
    assert len(link) < 300
    expect(mine.locator(".og-share__qr")).to_be_visible()

    theirs = other_phone.new_page()
    their_errors = watch_errors(theirs)
    theirs.goto(f"{site_url}/guide/plan/")
    tick(theirs, 0)  # the other phone's own ticks, in her own (paired) manual
    theirs.goto(f"{site_url}/reader/work/")
    tick(theirs, 4)
    before = stored(theirs)
    theirs.goto(link)
    shared = theirs.locator(".og-shared")
    expect(shared).to_be_visible()
    hello, profile = items("reader", "hello"), items("reader", "profile")
    assert shown_done(theirs) == {"hello": [hello[1]], "profile": [profile[0], profile[2]], "search": [], "work": []}
    strings = plugin_strings("sv")
    whose = theirs.locator(".og-shared__whose")
    expect(whose).to_contain_text(strings["shared.whose.candidate"].split("{date}")[0])
    expect(whose).to_contain_text(re.compile(r"20\d\d"))
    expect(theirs.locator(".og-shared__count").nth(1)).to_have_text(fill(strings["shared.count"], n=2, total=5))
    # Read-only: no checkbox in it, her own overview out of sight, nothing written.
    assert shared.locator("input").count() == 0
    expect(theirs.locator(".og-overview__steps")).to_be_hidden()
    expect(theirs.locator(".og-share")).to_be_hidden()
    # Beside each step, the reader's own paired step and her own progress there.
    yours = theirs.locator(".og-shared__step[data-og-step='profile'] .og-shared__yours")
    expect(yours.locator("a")).to_have_attribute("href", "../guide/plan/")
    expect(yours.locator(".og-progress")).to_have_text(fill(strings["progress.step"], n=1, total=4))
    assert stored(theirs) == before
    assert stored(theirs, SHARED_KEY) is None
    theirs.goto(f"{site_url}/reader/work/")
    assert theirs.locator(".og-checklist__box").nth(4).is_checked()
    assert theirs.locator(".og-checklist__box:checked").count() == 1
    assert errors == [] and their_errors == []


def test_the_same_phone_can_open_it_and_in_another_language(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/ar/reader/profile/")
    tick(page, 3)
    link = share_link(page)
    assert link.startswith(f"{site_url}/ar/reader/#og-share=")
    page.goto(link)
    expect(page.locator(".og-shared")).to_be_visible()
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert shown_done(page)["profile"] == [items("reader", "profile")[3]]
    # The language menu keeps the shared ticks: the same view in Swedish.
    swedish = page.locator(".md-select__link[hreflang='sv']").get_attribute("href")
    assert swedish.endswith("#" + link.split("#")[1])


def test_keep_a_copy_stores_it_apart_from_her_own_ticks(phone: BrowserContext, other_phone: BrowserContext,
                                                         site_url: str) -> None:
    mine = phone.new_page()
    mine.goto(f"{site_url}/en/reader/search/")
    tick(mine, 0, 1)
    link = share_link(mine)
    theirs = other_phone.new_page()
    theirs.goto(f"{site_url}/en/reader/hello/")
    tick(theirs, 2)
    before = stored(theirs)
    theirs.goto(link)
    strings = plugin_strings("en")
    theirs.locator("[data-og-action='share-keep']").click()
    expect(theirs.locator(".og-shared__status")).to_have_text(strings["shared.kept"])
    kept = json.loads(stored(theirs, SHARED_KEY))
    assert kept["copies"]["reader"]["fragment"] == link.split("#og-share=")[1]
    assert stored(theirs) == before
    # Later, without the link: the overview offers the kept copy, which shows the same ticks.
    theirs.goto(f"{site_url}/en/reader/")
    offer = theirs.locator(".og-shared-offer a")
    expect(offer).to_have_text(strings["shared.open_kept"])
    offer.click()
    expect(theirs.locator(".og-shared__kept")).to_be_visible()
    search = items("reader", "search")
    assert shown_done(theirs)["search"] == search[:2]
    theirs.locator("[data-og-action='share-forget']").click()
    expect(theirs.locator(".og-shared__status")).to_have_text(strings["shared.forgotten"])
    assert "reader" not in json.loads(stored(theirs, SHARED_KEY))["copies"]
    assert stored(theirs) == before


def test_a_link_from_an_older_build_drops_a_removed_item_and_says_so(phone: BrowserContext, site_url: str) -> None:
    """The guide's step "meet" had an item "dropped" (withdrawn since, in manual.yml), and the
    link was made with version 1.0 of the manual."""
    meet = items("guide", "meet")
    older = [(name, items("guide", name), set()) for name in ("start", "plan", "finish")]
    older.insert(2, ("meet", [meet[0], "dropped", *meet[1:]], {meet[0], "dropped", meet[2]}))
    page = phone.new_page()
    errors = watch_errors(page)
    page.goto(f"{site_url}/en/guide/#{fragment('guide', '1.0', 29_500_000, older)}")
    expect(page.locator(".og-shared")).to_be_visible()
    assert shown_done(page) == {"start": [], "plan": [], "meet": [meet[0], meet[2]], "finish": []}
    strings = plugin_strings("en")
    expect(page.locator(".og-shared__dropped")).to_have_text(fill(strings["shared.dropped"], n=1))
    expect(page.locator(".og-shared__version")).to_have_text(fill(strings["shared.version"], version="1.0",
                                                                 current="1.1"))
    assert errors == []


def test_a_link_with_an_item_under_its_old_name_counts_it_under_the_new_one(phone: BrowserContext,
                                                                           site_url: str) -> None:
    plan = items("guide", "plan")
    older = [("start", items("guide", "start"), set()), ("plan", ["old-item", *plan[1:]], {"old-item"})]
    page = phone.new_page()
    page.goto(f"{site_url}/guide/#{fragment('guide', '1.1', 29_500_000, older)}")
    expect(page.locator(".og-shared")).to_be_visible()
    assert shown_done(page)["plan"] == [plan[0]]  # moved: plan/old-item -> plan/item-1
    expect(page.locator(".og-shared__dropped")).to_be_hidden()


@pytest.mark.parametrize("bad, problem", [
    ("og-share=hello", "shared.garbage"),
    ("og-share=1~reader~1.1~zzz~AAA", "shared.garbage"),          # no step is 3 characters long
    ("og-share=1~reader~1.1~%zz~", "shared.garbage"),
    ("og-share=1~%E0%A4%A~1.1~1~", "shared.garbage"),               # broken percent-encoding
    ("og-share=2~reader~1.1~1~", "shared.garbage"),                 # a later format
    ("og-share=1~reader~1.1~zzzzzzzzzz~", "shared.garbage"),        # no date
    ("og-share=1~" + "A" * 5000, "shared.too_long"),
    ("og-share=1~guide~1.1~1~", "shared.other_manual"),
])
def test_a_garbage_or_oversized_link_says_so_and_leaves_the_page_working(phone: BrowserContext, site_url: str,
                                                                        bad: str, problem: str) -> None:
    page = phone.new_page()
    errors = watch_errors(page)
    page.goto(f"{site_url}/en/reader/#{bad}")
    expect(page.locator(".og-shared-problem")).to_have_text(plugin_strings("en")[problem])
    expect(page.locator(".og-shared")).to_be_hidden()
    expect(page.locator(".og-overview__steps")).to_be_visible()
    assert stored(page) is None and stored(page, SHARED_KEY) is None
    assert errors == []


# -- nothing leaves the phone ----------------------------------------------------------------

def test_no_request_carries_the_ticks(phone: BrowserContext, other_phone: BrowserContext, site_url: str) -> None:
    sent: list[str] = []

    def record(request) -> None:
        sent.append(unquote(request.url))
        if request.post_data:
            sent.append(request.post_data)

    for context in (phone, other_phone):
        context.on("request", record)
    mine = phone.new_page()
    mine.goto(f"{site_url}/reader/profile/")
    tick(mine, 0, 1, 4)
    link = share_link(mine)
    expect(mine.locator(".og-share__qr")).to_be_visible()
    theirs = other_phone.new_page()
    theirs.goto(link)
    expect(theirs.locator(".og-shared")).to_be_visible()
    theirs.locator("[data-og-action='share-keep']").click()
    theirs.wait_for_load_state("networkidle")
    payload = link.split("#og-share=")[1]
    assert sent and any(urlparse(url).path == "/reader/" for url in sent)
    assert not [entry for entry in sent if "og-share" in entry or payload in entry or payload[-12:] in entry]


def test_the_encoder_comes_only_when_she_asks(browser: Browser, site_url: str) -> None:
    context = phone_context(browser)
    fetched: list[str] = []
    context.on("request", lambda request: fetched.append(urlparse(request.url).path)
               if request.service_worker is None else None)
    page = context.new_page()
    page.goto(f"{site_url}/reader/profile/")
    page.wait_for_load_state("networkidle")
    page.goto(f"{site_url}/reader/")
    page.wait_for_load_state("networkidle")
    assert not set(fetched) & set(ON_DEMAND)
    share_link(page)
    expect(page.locator(".og-share__qr")).to_be_visible()
    assert set(ON_DEMAND) <= set(fetched)
    context.close()


# -- the QR code -----------------------------------------------------------------------------

def png_grey(data: bytes) -> tuple[bytes, int, int]:
    """A PNG screenshot (8-bit RGB or RGBA, not interlaced) as grey pixels, row by row."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            guess = {0: 0, 1: left, 2: up, 3: (left + up) // 2}.get(kind)
            if guess is None:
                p = left + up - corner
                guess = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
            line[x] = (line[x] + guess) & 0xFF
        rows.append(bytes(line[x * channels + 1] for x in range(width)))  # the green channel
        previous = line
    return b"".join(rows), width, height


def decode_qr(png: bytes) -> list[str]:
    """The QR codes a phone's camera would read in the picture (only QR codes: a reader for every
    kind of barcode can find a stray one in the rows of modules)."""
    grey, width, height = png_grey(png)
    image = memoryview(grey).cast("B", (height, width))
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.parametrize("path", ["reader/profile/", "ar/reader/", "ti/guide/plan/"])
def test_the_qr_code_decodes_back_to_the_link(phone: BrowserContext, site_url: str, path: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/reader/hello/")
    tick(page, 0, 3)
    page.goto(f"{site_url}/{path}")
    link = share_link(page)
    qr = page.locator(".og-share__qr")
    expect(qr).to_be_visible()
    assert decode_qr(qr.screenshot()) == [link]


# -- hiding the button -------------------------------------------------------------------------

def test_she_can_hide_the_button_and_bring_it_back(phone: BrowserContext, site_url: str, tmp_path: Path) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/reader/profile/")
    tick(page, 0)
    share = page.locator(".og-share")
    expect(share).to_be_visible()
    page.locator("[data-og-action='share-hide']").click()
    expect(share).to_be_hidden()
    data = json.loads(stored(page))
    assert data["settings"] == {"share": "hidden"} and data["ticks"]["reader"]["profile"]
    page.goto(f"{site_url}/en/reader/")
    expect(page.locator(".og-share")).to_be_hidden()
    setting = page.locator("[data-og-action='share-setting']")
    assert not setting.is_checked()
    # Kept with her ticks: the saved file carries it.
    with page.expect_download() as download:
        page.locator("[data-og-action='export']").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["settings"] == {"share": "hidden"}
    setting.check()
    expect(page.locator(".og-share")).to_be_visible()
    assert "settings" not in json.loads(stored(page))
    page.goto(f"{site_url}/reader/profile/")
    expect(page.locator(".og-share")).to_be_visible()
    assert page.locator(".og-checklist__box").first.is_checked()


# -- accessibility, right to left, paper ------------------------------------------------------

@pytest.mark.parametrize("language", ["sv", "ar", "fa-AF"])
def test_sharing_and_the_shared_view_have_no_wcag_violations(phone: BrowserContext, site_url: str,
                                                              language: str) -> None:
    prefix = "" if language == "sv" else f"{language}/"
    page = phone.new_page()
    page.goto(f"{site_url}/{prefix}reader/profile/")
    tick(page, 1)
    link = share_link(page)
    expect(page.locator(".og-share__qr")).to_be_visible()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    page.goto(link)
    expect(page.locator(".og-shared")).to_be_visible()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if language != "sv":  # right to left: her mark stands at the right of each item
        item = page.locator(".og-shared__item").first
        assert item.evaluate("item => getComputedStyle(item).direction") == "rtl"
        text = item.locator("span").last.bounding_box()
        assert item.bounding_box()["x"] + item.bounding_box()["width"] > text["x"] + text["width"] + 10


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_shared_view_prints_as_one_page(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/reader/work/")
    tick(page, 0, 1, 2)
    link = share_link(page)
    page.goto(link)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".og-overview__steps", ".og-shared__actions", ".og-shared__yours", ".og-tools"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".og-shared__whose")).to_be_visible()
    expect(page.locator(".og-shared__item").last).to_be_visible()
    assert pdf_pages(page.pdf(format="A4")) == 1


# -- a manual of the method's largest size -----------------------------------------------------------------

LARGEST = "largest"
ITEMS = {LARGEST: [8] * 7}  # the editors' guide's most per step
# Longer on average (79 characters) than a Candidate manual's items are in any language (45-71),
# one in three as long as the longest.
ITEM_TEXTS = ("Skriv ner vad du har gjort i steget, vem du har pratat med och vad ni kom fram till. "
              "Ta med lappen till nästa möte med din agent.",
              "Gör en viktig sak i steget och skriv ner vad du har gjort.",
              "Fråga din agent om något i steget är svårt att förstå.")


@pytest.fixture(scope="module")
def seven_step_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Candidate manual of 7 steps with 8 items each (the editors' guide's most), long ids
    and items as long as a Candidate manual's are on average: the longest link a manual of the
    method makes."""
    root = tmp_path_factory.mktemp("seven")
    config = copy_project(root / "project", shipped=False)
    for manual, counts in ITEMS.items():
        folder = write_manual(root / "project" / "manuals", manual, steps=7, translate=False)
        for number, count in enumerate(counts, 1):
            items = "".join(f"  - id: a-long-checklist-item-name-{n}\n    text: {ITEM_TEXTS[n % 3]}\n"
                            for n in range(1, count + 1))
            edit(folder / f"steg-{number}.md", "checklist:\n  - id: first-item\n    text: Första punkten\n"
                 "  - id: second-item\n    text: Andra punkten\n", "checklist:\n" + items)
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def shared_with_every_tick(page: Page, base: str, manual: str, layout: dict) -> str:
    """Her link with every item of `manual` ticked, opened as the Agent opens it."""
    page.goto(f"{base}/{manual}/")
    ticks = {step: {item: 1 for item in ids} for step, ids in layout["steps"]}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"version": 1, "ticks": {manual: ticks}})])
    page.reload()
    return share_link(page)


def test_the_largest_manual_fits_a_short_link(browser: Browser, seven_step_site: Path) -> None:
    context = phone_context(browser)
    layout = load_layout(seven_step_site, LARGEST)
    assert sum(len(ids) for _, ids in layout["steps"]) == sum(ITEMS[LARGEST])
    with serving(seven_step_site) as base:
        page = context.new_page()
        # Every item ticked: the longest link this manual makes is no longer than an empty one.
        link = shared_with_every_tick(page, base, LARGEST, layout)
        assert len(link.split("#")[1]) < 300, link
        assert decode_qr(page.locator(".og-share__qr").screenshot()) == [link]
        page.goto(link)
        expect(page.locator(".og-shared")).to_be_visible()
        assert sum(len(done) for done in shown_done(page).values()) == sum(len(ids) for _, ids in layout["steps"])
    context.close()


def test_the_largest_manual_prints_on_one_sheet(browser: Browser, seven_step_site: Path) -> None:
    """The Agent prints her ticks for the meeting: 56 items, every one shown, on one A4 sheet."""
    context = phone_context(browser)
    layout = load_layout(seven_step_site, LARGEST)
    with serving(seven_step_site) as base:
        page = context.new_page()
        page.goto(shared_with_every_tick(page, base, LARGEST, layout))
        page.emulate_media(media="print")
        expect(page.locator(".og-shared__item")).to_have_count(sum(ITEMS[LARGEST]))
        expect(page.locator(".og-shared__item").last).to_be_visible()
        assert pdf_pages(page.pdf(format="A4")) == 1
    context.close()


def load_layout(site: Path, manual: str) -> dict:
    html = (site / manual / "index.html").read_text(encoding="utf-8")
    found = re.search(r'class="og-shared"[^>]*>\s*<template class="og-share-layout">([^<]+)</template>', html)
    return json.loads(found.group(1))


# -- offline -----------------------------------------------------------------------------------

def test_sharing_and_opening_work_offline_after_one_visit(browser: Browser, site: Path) -> None:
    running = Server(site)
    context = phone_context(browser)
    page = context.new_page()
    page.goto(f"{running.url}/reader/profile/")
    wait_until(page, KEPT, manual_urls(running.url, "") + [running.url + path for path in ON_DEMAND])
    tick(page, 2)
    running.stop()
    try:
        page.goto(f"{running.url}/reader/hello/")
        link = share_link(page)
        expect(page.locator(".og-share__qr")).to_be_visible()
        page.goto(link)
        expect(page.locator(".og-shared")).to_be_visible()
        assert shown_done(page)["profile"] == [items("reader", "profile")[2]]
    finally:
        running.http.server_close()
        context.close()

