"""Checklists that remember, progress, reset, export and import, in a real headless Chromium."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, QuietServer, _QuietHandler, fixture_project, mkdocs_build
from playwright.sync_api import BrowserContext, Page, Playwright, expect
from test_build import load
from ui_strings import fill, plugin_strings

STEP = "/reader/profile/"
KEY = "onegoal.progress"


def step_items() -> list[str]:
    return [item.id for item in load().manual("reader").steps[1].source.checklist]


def manual_items() -> int:
    return sum(len(step.source.checklist) for step in load().manual("reader").steps)


def watch_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def tick(page: Page, *indexes: int) -> None:
    for index in indexes:
        page.locator(".og-checklist__label").nth(index).click()


def ticked(page: Page) -> list[bool]:
    boxes = page.locator(".og-checklist__box")
    return [boxes.nth(index).is_checked() for index in range(boxes.count())]


def test_ticks_survive_reload_and_show_in_every_language(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    errors = watch_errors(page)
    page.goto(site_url + STEP)
    tick(page, 0, 2)
    total = len(step_items())
    expect(page.locator(".og-checklist .og-progress")).to_have_text(fill(plugin_strings("sv")["progress.step"], n=2, total=total))
    page.reload()
    assert ticked(page)[:3] == [True, False, True]
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(".md-select__link[hreflang='ar']").click()
    page.wait_for_url(f"{site_url}/ar{STEP}")
    assert ticked(page)[:3] == [True, False, True]
    expect(page.locator(".og-checklist .og-progress")).to_have_text(fill(plugin_strings("ar")["progress.step"], n=2, total=total))
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["ticks"]["reader"]["profile"] == {step_items()[0]: 1, step_items()[2]: 1}
    assert errors == []


def test_ticks_survive_closing_the_browser(playwright: Playwright, site_url: str, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    for visit in range(2):
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=PHONE)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(site_url + STEP)
        if visit == 0:
            tick(page, 1)
        else:
            assert ticked(page)[:2] == [False, True]
        context.close()


def test_progress_is_announced_to_screen_readers(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + STEP)
    progress = page.locator(".og-checklist .og-progress")
    assert progress.get_attribute("role") == "status"
    assert progress.get_attribute("aria-live") == "polite"
    tick(page, 0)
    expect(progress).to_have_text(fill(plugin_strings("sv")["progress.step"], n=1, total=len(step_items())))


def test_overview_and_home_show_progress(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + STEP)
    tick(page, 0)
    manual = load().manual("reader")
    items = sum(len(step.source.checklist) for step in manual.steps)
    strings = plugin_strings("en")
    page.goto(f"{site_url}/en/reader/")
    expect(page.locator(".og-progress--manual")).to_have_text(fill(strings["progress.manual"], n=1, total=items))
    states = page.locator(".og-state")
    expect(states.nth(1)).to_have_text(strings["progress.started"])
    expect(states.nth(0)).to_have_text(strings["progress.not_started"])
    page.goto(f"{site_url}/en/")
    card = page.locator(".og-home__manual[data-og-manual='reader'] .og-progress")
    expect(card).to_have_text(fill(strings["progress.manual"], n=1, total=items))


def test_a_finished_step_shows_done(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + STEP)
    tick(page, *range(len(step_items())))
    page.goto(f"{site_url}/reader/")
    expect(page.locator(".og-state").nth(1)).to_have_text(plugin_strings("sv")["progress.done"])


def test_reset_asks_and_clears_the_manual(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/guide/start/")
    tick(page, 0)
    page.goto(site_url + STEP)
    tick(page, 1)
    page.goto(f"{site_url}/reader/")
    questions: list[str] = []

    def answer(dialog) -> None:
        questions.append(dialog.message)
        dialog.dismiss() if len(questions) == 1 else dialog.accept()

    page.on("dialog", answer)
    reset = page.locator("[data-og-action='reset']")
    reset.click()
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["ticks"]["reader"]
    reset.click()
    assert questions == [plugin_strings("sv")["progress.reset_confirm"]] * 2
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert "reader" not in stored["ticks"] and stored["ticks"]["guide"]
    page.goto(site_url + STEP)
    assert not any(ticked(page))


def test_export_then_import_into_a_fresh_profile(browser, phone: BrowserContext, site_url: str,
                                                 tmp_path: Path) -> None:
    page = phone.new_page()
    page.goto(site_url + STEP)
    tick(page, 1, 3)
    page.goto(f"{site_url}/reader/")
    with page.expect_download() as download:
        page.locator("[data-og-action='export']").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["ticks"]["reader"]["profile"]

    fresh = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    other = fresh.new_page()
    other.goto(f"{site_url}/en/reader/")
    other.locator("[data-og-action='import']").set_input_files(str(saved))
    expect(other.locator(".og-tools__status")).to_have_text(plugin_strings("en")["progress.imported"])
    other.goto(f"{site_url}/en{STEP}")
    assert ticked(other)[:4] == [False, True, False, True]
    fresh.close()


def test_import_of_a_wrong_file_changes_nothing(phone: BrowserContext, site_url: str, tmp_path: Path) -> None:
    page = phone.new_page()
    page.goto(site_url + STEP)
    tick(page, 0)
    page.goto(f"{site_url}/reader/")
    wrong = tmp_path / "photo.json"
    wrong.write_text("not progress", encoding="utf-8")
    page.locator("[data-og-action='import']").set_input_files(str(wrong))
    expect(page.locator(".og-tools__status")).to_have_text(plugin_strings("sv")["progress.import_failed"])
    page.goto(site_url + STEP)
    assert ticked(page)[0]


def test_garbage_in_storage_leaves_the_page_working(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "/")
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json')")
    errors = watch_errors(page)
    page.goto(site_url + STEP)
    tick(page, 0)
    assert ticked(page)[0]
    page.reload()
    assert ticked(page)[0]
    assert page.evaluate("localStorage.getItem('onegoal.progress.unreadable')") == "{not json"
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{ticks: {{reader: 7, guide: {{x: [1]}}}}}}))")
    page.goto(f"{site_url}/reader/")
    expect(page.locator(".og-progress--manual")).to_have_text(fill(plugin_strings("sv")["progress.manual"], n=0, total=manual_items()))
    assert page.evaluate(f"localStorage.getItem('{KEY}')").startswith('{"ticks"')  # left as it was
    assert errors == []


def test_removed_items_are_not_counted_and_new_items_start_unticked(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "/")
    first = step_items()[0]
    # Ticks saved before an editor removed "old-item" from the step and added the others.
    saved = {"version": 1, "ticks": {"reader": {"profile": {"old-item": 1, first: 1}}}}
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(saved))})")
    errors = watch_errors(page)
    page.goto(site_url + STEP)
    assert ticked(page) == [True] + [False] * (len(step_items()) - 1)
    expect(page.locator(".og-checklist .og-progress")).to_have_text(
        fill(plugin_strings("sv")["progress.step"], n=1, total=len(step_items())))
    tick(page, 1)
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["ticks"]["reader"]["profile"] == {"old-item": 1, first: 1, step_items()[1]: 1}
    assert errors == []


def test_blocked_storage_keeps_ticks_for_the_visit(phone: BrowserContext, site_url: str) -> None:
    # As with cookies blocked: merely reading either storage throws.
    phone.add_init_script("""for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
            get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }}); }""")
    page = phone.new_page()
    errors = watch_errors(page)
    page.goto(site_url + STEP)
    expect(page.locator(".og-storage-off")).to_be_visible()
    expect(page.locator(".og-storage-off")).to_have_text(plugin_strings("sv")["progress.storage_off"])
    tick(page, 0, 1)
    assert ticked(page)[:2] == [True, True]
    expect(page.locator(".og-checklist .og-progress")).to_have_text(
        fill(plugin_strings("sv")["progress.step"], n=2, total=len(step_items())))
    assert errors == []


def test_keyboard_alone_can_tick_an_item(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + STEP)
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('og-checklist__box')"):
            break
    else:
        raise AssertionError("Tab never reached a checklist box")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Space")
    assert ticked(page)[0]
    expect(page.locator(".og-checklist .og-progress")).to_have_text(
        fill(plugin_strings("sv")["progress.step"], n=1, total=len(step_items())))


def test_two_tabs_keep_each_others_ticks(phone: BrowserContext, site_url: str) -> None:
    first, second = phone.new_page(), phone.new_page()
    first.goto(site_url + STEP)
    second.goto(f"{site_url}/reader/hello/")
    tick(first, 0)
    tick(second, 0)
    first.reload()
    assert ticked(first)[0]
    stored = json.loads(first.evaluate(f"localStorage.getItem('{KEY}')"))["ticks"]["reader"]
    assert set(stored) == {"profile", "hello"}


def test_data_of_another_version_is_set_aside(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "/")
    later = json.dumps({"version": 2, "ticks": {"reader": {"profile": {"x": 1}}}})
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(later)})")
    page.goto(site_url + STEP)
    tick(page, 0)
    assert page.evaluate("localStorage.getItem('onegoal.progress.unreadable')") == later


def test_an_imported_file_cannot_reach_the_page_s_objects(phone: BrowserContext, site_url: str,
                                                           tmp_path: Path) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/reader/")
    hostile = tmp_path / "progress.json"
    hostile.write_text('{"version": 1, "ticks": {"__proto__": {"polluted": {"yes": 1}}, '
                       '"reader": {"profile": {"' + step_items()[0] + '": 1}}}}', encoding="utf-8")
    page.locator("[data-og-action='import']").set_input_files(str(hostile))
    expect(page.locator(".og-tools__status")).to_have_text(plugin_strings("sv")["progress.imported"])
    assert page.evaluate("({}).polluted === undefined && Object.prototype.polluted === undefined")
    page.goto(site_url + STEP)
    assert ticked(page)[0]


@pytest.fixture(scope="module")
def instant_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The library built with the theme's instant navigation on: pages swap without a reload.

    Instant navigation needs the site's address (it reads the sitemap), so the server starts first.
    """
    root = tmp_path_factory.mktemp("instant")
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    config = fixture_project(root / "project")
    text = config.read_text(encoding="utf-8").replace("    - navigation.indexes\n",
                                                      "    - navigation.indexes\n    - navigation.instant\n")
    text = text.replace("strict: true\n", "strict: false\n").replace("site_url: !ENV ONEGOAL_SITE_URL\n",
                                                                    f"site_url: {url}/\n")
    config.write_text(text, encoding="utf-8")
    # Not strict: the i18n plugin warns that its language switcher and instant navigation
    # do not go together, which is true and is why the site ships without it.
    result = mkdocs_build(config, root / "site", strict=False)
    assert result.returncode == 0, result.stderr
    yield url
    server.shutdown()


def test_ticks_and_progress_with_instant_navigation(phone: BrowserContext, instant_site_url: str) -> None:
    page = phone.new_page()
    errors = watch_errors(page)
    page.goto(instant_site_url + STEP)
    page.evaluate("window.__sameDocument = true")  # gone after a real reload, kept by instant swaps
    tick(page, 0)
    page.locator(".og-step-nav__link--next").click()
    page.wait_for_url(f"{instant_site_url}/reader/search/")
    expect(page.locator(".og-step__position")).to_have_text(fill(plugin_strings("sv")["step.of"], n=3, total=4))
    tick(page, 1)
    page.locator(".og-step__eyebrow a").click()
    page.wait_for_url(f"{instant_site_url}/reader/")
    expect(page.locator(".og-progress--manual")).to_have_text(
        fill(plugin_strings("sv")["progress.manual"], n=2, total=manual_items()))
    page.locator(".og-overview__link").nth(1).click()
    page.wait_for_url(instant_site_url + STEP)
    expect(page.locator(".og-step__position")).to_have_text(fill(plugin_strings("sv")["step.of"], n=2, total=4))
    expect(page.locator(".og-checklist__box").first).to_be_checked()
    assert page.evaluate("window.__sameDocument === true"), "the theme reloaded instead of swapping"
    assert errors == []


# -- storage that is full, blocked or holds data of another version ---------------------------

FILL_STORAGE = """() => {
  // Fill this site's storage to its quota, in ever smaller pieces, down to one character.
  let size = 1 << 20, count = 0;
  while (size >= 1) {
    try { localStorage.setItem('filler.' + count, 'x'.repeat(size)); count += 1; }
    catch (error) { size = Math.floor(size / 2); }
  }
  return count;
}"""

BLOCK_STORAGE = """for (const name of ['localStorage', 'sessionStorage']) {
    Object.defineProperty(window, name, {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }}); }"""


def stored_ticks(page: Page) -> dict:
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(text)["ticks"] if text else {}


def export(page: Page, tmp_path: Path) -> dict:
    with page.expect_download() as download:
        page.locator("[data-og-action='export']").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    return json.loads(saved.read_text(encoding="utf-8"))


def test_stored_ticks_show_and_are_exported_when_storage_is_full(phone: BrowserContext, site_url: str,
                                                                  tmp_path: Path) -> None:
    page = phone.new_page()
    errors = watch_errors(page)
    page.goto(site_url + STEP)
    tick(page, 0, 2)
    assert page.evaluate(FILL_STORAGE) > 0
    page.reload()
    progress = page.locator(".og-checklist .og-progress")
    strings = plugin_strings("sv")
    assert ticked(page)[:3] == [True, False, True]
    expect(progress).to_have_text(fill(strings["progress.step"], n=2, total=len(step_items())))
    expect(page.locator(".og-storage-full")).to_be_hidden()

    tick(page, 1)  # there is no room to write it: it lasts while the page is open, and the page says so
    assert ticked(page)[:3] == [True, True, True]
    expect(progress).to_have_text(fill(strings["progress.step"], n=3, total=len(step_items())))
    expect(page.locator(".og-storage-full")).to_be_visible()
    expect(page.locator(".og-storage-full")).to_have_text(strings["progress.storage_full"])
    items = step_items()
    assert stored_ticks(page)["reader"]["profile"] == {items[0]: 1, items[2]: 1}

    page.goto(f"{site_url}/reader/")
    expect(page.locator(".og-progress--manual")).to_have_text(fill(strings["progress.manual"], n=2, total=manual_items()))
    assert export(page, tmp_path)["ticks"] == {"reader": {"profile": {items[0]: 1, items[2]: 1}}}
    assert errors == []


def test_data_set_aside_survives_a_tick_when_storage_is_nearly_full(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "/")
    # Ticks of a later version: more than the room left, so they cannot be copied aside.
    later = json.dumps({"version": 2, "ticks": {"reader": {"profile": {"x": 1}}}, "notes": "n" * 4000})
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(later)})")
    page.evaluate(FILL_STORAGE)
    page.evaluate("localStorage.removeItem('filler.' + (localStorage.length - 2))")  # some room, not 4000
    page.goto(site_url + STEP)
    tick(page, 0)
    assert ticked(page)[0]
    expect(page.locator(".og-storage-full")).to_be_visible()
    kept = page.evaluate(f"[localStorage.getItem('{KEY}'), localStorage.getItem('{KEY}.unreadable')]")
    assert later in kept

    page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('filler.')).forEach(k => localStorage.removeItem(k))")
    page.reload()
    tick(page, 1)  # with room: set aside first, then written over
    assert page.evaluate(f"localStorage.getItem('{KEY}.unreadable')") == later
    assert stored_ticks(page) == {"reader": {"profile": {step_items()[1]: 1}}}
    expect(page.locator(".og-storage-full")).to_be_hidden()


def test_blocked_storage_says_ticks_are_lost_on_leaving_the_page(phone: BrowserContext, site_url: str) -> None:
    phone.add_init_script(BLOCK_STORAGE)
    page = phone.new_page()
    errors = watch_errors(page)
    strings = plugin_strings("en")
    # What happens below is what the notice says.
    assert "only while this page is open" in strings["progress.storage_off"]
    assert "lost when you leave this page" in strings["progress.storage_off"]
    page.goto(f"{site_url}/en{STEP}")
    notice = page.locator(".og-storage-off")
    expect(notice).to_have_text(strings["progress.storage_off"])
    tick(page, 0)
    assert ticked(page)[0]
    page.locator(".og-step-nav__link--next").click()
    page.wait_for_url(f"{site_url}/en/reader/search/")
    expect(page.locator(".og-storage-off")).to_be_visible()
    page.goto(f"{site_url}/en{STEP}")
    assert not any(ticked(page))
    expect(notice).to_be_visible()
    assert errors == []


# -- import ------------------------------------------------------------------------------------

def import_file(page: Page, path: Path, content: object) -> None:
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    page.locator("[data-og-action='import']").set_input_files(str(path))


def test_import_refuses_a_file_over_1_mb_at_once(phone: BrowserContext, site_url: str, tmp_path: Path) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/en/reader/")
    big = {"version": 1, "ticks": {"reader": {"profile": {step_items()[0]: 1}}}, "notes": "n" * (1024 * 1024)}
    import_file(page, tmp_path / "big.json", big)
    expect(page.locator(".og-tools__status")).to_have_text(plugin_strings("en")["progress.import_too_large"])
    assert stored_ticks(page) == {}


def test_import_takes_only_ticks_of_known_items_under_their_current_names(phone: BrowserContext, site_url: str,
                                                                         tmp_path: Path) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/reader/")
    items = step_items()
    hello = [item.id for item in load().manual("reader").steps[0].source.checklist]
    content = {"version": 1, "ticks": {
        "reader": {
            "profile": {items[0]: True, items[1]: 1, items[2]: "false", items[3]: "0", items[4]: [],
                        "no-such-item": 1},
            "hello": {hello[0]: {}, hello[1]: "1", hello[2]: 0, hello[3]: False},
            "no-such-step": {items[0]: 1},
        },
        "no-such-manual": {"profile": {items[0]: 1}},
        "guide": {"old-start": {"item-4": 1}},  # moved: guide's step "old-start" is "start" now
    }}
    import_file(page, tmp_path / "progress.json", content)
    expect(page.locator(".og-tools__status")).to_have_text(plugin_strings("sv")["progress.imported"])
    assert stored_ticks(page) == {"reader": {"profile": {items[0]: 1, items[1]: 1}},
                                  "guide": {"start": {"item-4": 1}}}


def test_import_of_a_file_without_ticks_of_this_library_says_so(phone: BrowserContext, site_url: str,
                                                                 tmp_path: Path) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/en/")
    import_file(page, tmp_path / "progress.json", {"version": 1, "ticks": {"elsewhere": {"a": {"b": 1}}}})
    expect(page.locator(".og-tools__status")).to_have_text(plugin_strings("en")["progress.import_empty"])
    assert stored_ticks(page) == {}


def test_import_says_so_when_the_ticks_cannot_be_saved(phone: BrowserContext, site_url: str, tmp_path: Path) -> None:
    page = phone.new_page()
    page.goto(f"{site_url}/reader/")
    page.evaluate(FILL_STORAGE)
    import_file(page, tmp_path / "progress.json", {"version": 1, "ticks": {"reader": {"profile": {step_items()[0]: 1}}}})
    strings = plugin_strings("sv")
    expect(page.locator(".og-tools__status")).to_have_text(strings["progress.import_unsaved"])
    # Shown while the page is open, as the page says; not stored.
    expect(page.locator(".og-progress--manual")).to_have_text(fill(strings["progress.manual"], n=1, total=manual_items()))
    assert stored_ticks(page) == {}


# -- two tabs ------------------------------------------------------------------------------------

SHOWS_AND_STORES = """([key, want]) => {
  const stored = JSON.parse(localStorage.getItem(key) || '{"ticks": {}}').ticks;
  const kept = Object.keys((stored.reader || {}).profile || {}).sort();
  const shown = [...document.querySelectorAll('.og-checklist__box')].filter(box => box.checked)
    .map(box => box.dataset.ogItem).sort();
  return JSON.stringify(kept) === JSON.stringify(want) && JSON.stringify(shown) === JSON.stringify(want);
}"""


def test_two_tabs_ticking_at_the_same_moment_lose_nothing(phone: BrowserContext, site_url: str) -> None:
    tabs = [phone.new_page(), phone.new_page()]
    for tab in tabs:
        tab.goto(site_url + STEP)
    items = step_items()
    expected = dict.fromkeys(items, False)
    for round_ in range(20):
        # Each tab toggles its own item, both at the same moment: a click scheduled in each.
        mine = [round_ % len(items), (round_ + 2) % len(items)]
        at = tabs[0].evaluate("Date.now() + 150")
        for tab, index in zip(tabs, mine):
            tab.evaluate("([at, index]) => setTimeout(() => document.querySelectorAll('.og-checklist__box')[index].click(),"
                         " at - Date.now())", [at, index])
        for index in mine:
            expected[items[index]] = not expected[items[index]]
        want = [item for item in items if expected[item]]
        for tab in tabs:
            # Waits for both ticks stored and shown in both tabs; a lost one never comes.
            tab.wait_for_function(SHOWS_AND_STORES, arg=[KEY, sorted(want)], timeout=10_000)
            expect(tab.locator(".og-checklist .og-progress")).to_have_text(
                fill(plugin_strings("sv")["progress.step"], n=len(want), total=len(items)))


def test_a_tick_in_one_tab_shows_in_the_other(phone: BrowserContext, site_url: str) -> None:
    step, overview = phone.new_page(), phone.new_page()
    step.goto(site_url + STEP)
    overview.goto(f"{site_url}/reader/")
    other = phone.new_page()
    other.goto(site_url + STEP)
    tick(step, 3)
    expect(other.locator(".og-checklist__box").nth(3)).to_be_checked()
    expect(other.locator(".og-checklist .og-progress")).to_have_text(
        fill(plugin_strings("sv")["progress.step"], n=1, total=len(step_items())))
    expect(overview.locator(".og-progress--manual")).to_have_text(
        fill(plugin_strings("sv")["progress.manual"], n=1, total=manual_items()))
    expect(overview.locator(".og-state").nth(1)).to_have_text(plugin_strings("sv")["progress.started"])


# -- moved steps and items -----------------------------------------------------------------------

def test_ticks_under_old_names_show_under_the_new_names(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "/")
    # Ticked before the editors renamed the step "old-start" to "start" and the item
    # "old-item" of "plan" to "item-1" (the guide's manual.yml records both moves).
    saved = {"version": 1, "ticks": {"guide": {"old-start": {"item-1": 1, "item-3": 1}, "start": {"item-2": 1},
                                               "plan": {"old-item": 1, "item-2": 1}}}}
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(saved))})")
    page.goto(f"{site_url}/en/guide/start/")
    assert ticked(page) == [True, True, True, False]
    page.goto(f"{site_url}/en/guide/plan/")
    assert ticked(page) == [True, True, False, False]
    page.goto(f"{site_url}/en/guide/")
    expect(page.locator(".og-progress--manual")).to_have_text(fill(plugin_strings("en")["progress.manual"], n=5, total=16))
    # Moved once: stored under the new names only.
    assert stored_ticks(page) == {"guide": {"start": {"item-1": 1, "item-2": 1, "item-3": 1},
                                            "plan": {"item-1": 1, "item-2": 1}}}
