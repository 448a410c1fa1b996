"""Offline reading in a real headless Chromium: the service worker keeps the pages a reader
has opened, opens them without a network, follows a new build, and keeps real pages only."""

from __future__ import annotations

import json
import re
import shutil
import struct
import threading
import time
from pathlib import Path

import pytest
from conftest import PHONE, QuietServer, _QuietHandler, fixture_project, mkdocs_build
from library_factory import WORDS
from playwright.sync_api import Browser, Error, expect
from test_build import load
from ui_strings import plugin_strings

from onegoal.content.translation import direction

PREFIX = {"sv": "", "ar": "ar/", "ti": "ti/"}


class Server:
    """Serves a folder that the test can swap or switch off: the network is really gone."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        handler = lambda *args, **kwargs: _QuietHandler(*args, directory=str(self.folder), **kwargs)  # noqa: E731
        self.http = QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture()
def server(site: Path):
    running = Server(site)
    yield running
    running.http.server_close()


KEPT = """async (urls) => {
  for (const url of urls) {
    if (!(await caches.match(url))) return false;
  }
  return true;
}"""


def manual_urls(base: str, prefix: str, manual: str = "reader") -> list[str]:
    steps = [step.slug for step in load().manual(manual).steps]
    return [f"{base}/{prefix}{manual}/"] + [f"{base}/{prefix}{manual}/{name}/" for name in steps]


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


def wait_until(page, script: str, arg: object = None, seconds: float = 15) -> None:
    """Poll an async check in the page (evaluate awaits its promise; wait_for_function does not)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"timed out waiting for {script[:60]}"
        page.wait_for_timeout(200)


def test_a_manual_opens_offline_after_one_visit(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server.url}/ar/reader/profile/")
    wait_until(page, KEPT, manual_urls(server.url, "ar/"))
    server.stop()
    with pytest.raises(Error):
        page.request.get(f"{server.url}/ar/reader/")  # nothing answers any more
    for path in ("ar/reader/profile/", "ar/reader/work/", "ar/reader/"):
        page.goto(f"{server.url}/{path}")
        expect(page.locator("h1")).to_be_visible()
        assert page.locator("html").get_attribute("lang") == "ar"
    page.goto(f"{server.url}/ar/reader/search/")
    expect(page.locator(".og-checklist__box").first).to_be_visible()
    context.close()


def test_links_without_a_final_slash_still_open_online(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{server.url}/reader/profile/")
    wait_until(page, KEPT, manual_urls(server.url, ""))
    page.goto(f"{server.url}/en")
    assert page.url == f"{server.url}/en/"
    page.goto(f"{server.url}/reader/hello")
    expect(page.locator("h1")).to_be_visible()
    context.close()


def test_a_new_build_replaces_the_kept_pages_once_online(browser: Browser, server: Server, site: Path,
                                                         tmp_path: Path) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server.url}/guide/start/")
    wait_until(page, KEPT, manual_urls(server.url, "", "guide"))
    page.goto(f"{server.url}/reader/profile/")
    wait_until(page, KEPT, manual_urls(server.url, ""))
    (old_cache,) = cache_names(page)

    rebuilt = tmp_path / "rebuilt"
    shutil.copytree(site, rebuilt)
    sw = rebuilt / "sw.js"
    sw.write_text(re.sub(r'BUILD = "\d+"', 'BUILD = "1"', sw.read_text(encoding="utf-8")), encoding="utf-8")
    other = rebuilt / "reader" / "work" / "index.html"
    other.write_text(other.read_text(encoding="utf-8").replace("<h1", "<h1 data-build='new'", 1), encoding="utf-8")
    server.folder = rebuilt

    page.goto(f"{server.url}/reader/profile/")
    wait_until(page, "async () => (await caches.keys()).join() === 'onegoal-1'")
    wait_until(page, KEPT, manual_urls(server.url, ""))
    assert old_cache != "onegoal-1"
    wait_until(page, """async (url) => {
        const kept = await caches.match(url);
        return Boolean(kept) && (await kept.text()).includes("data-build='new'");
    }""", f"{server.url}/reader/work/")
    server.stop()
    page.goto(f"{server.url}/reader/work/")
    expect(page.locator("h1[data-build='new']")).to_be_visible()
    page.goto(f"{server.url}/guide/meet/")  # the other manual kept before the update
    expect(page.locator("h1")).to_be_visible()
    context.close()


@pytest.mark.parametrize("language", ["sv", "ar", "ti"])
def test_installable_with_a_manifest_in_the_readers_language(site: Path, language: str) -> None:
    prefix = PREFIX[language]
    html = (site / prefix / "reader" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<link rel="manifest" href="([^"]+)"', html)
    assert link
    manifest_path = (site / prefix / "reader" / link.group(1)).resolve()
    assert manifest_path == (site / prefix / "manifest.webmanifest").resolve()
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert (manifest["lang"], manifest["dir"]) == (language, direction(language))
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    sizes = set()
    for icon in manifest["icons"]:
        icon_path = (manifest_path.parent / icon["src"]).resolve()
        assert icon_path.is_file(), icon["src"]
        if icon["type"] == "image/png":
            width, height = struct.unpack(">II", icon_path.read_bytes()[16:24])
            assert icon["sizes"] == f"{width}x{height}"
            sizes.add(width)
    assert {192, 512} <= sizes


def build_of(site: Path) -> str:
    """The build stamp in a site's service worker: its cache is named after it."""
    match = re.search(r'var BUILD = "(\d+)"', (site / "sw.js").read_text(encoding="utf-8"))
    assert match
    return match.group(1)


def is_kept(page, url: str) -> bool:
    return page.evaluate("async (url) => Boolean(await caches.match(url))", url)


def kept_text(page, url: str) -> str:
    return page.evaluate("async (url) => { const kept = await caches.match(url); return kept ? kept.text() : ''; }", url)


@pytest.fixture(scope="module")
def withdrawn_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture library built again without the reader's step "work": an editor withdrew it."""
    root = tmp_path_factory.mktemp("withdrawn")
    config = fixture_project(root / "project")
    manual = root / "project" / "manuals" / "reader"
    for path in manual.glob("work*.md"):
        path.unlink()
    yml = manual / "manual.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  - work\n", "", 1), encoding="utf-8")
    guide = root / "project" / "manuals" / "guide" / "manual.yml"  # its step "finish" was paired with it
    guide.write_text(guide.read_text(encoding="utf-8").replace("    finish: work\n", "", 1), encoding="utf-8")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    assert not (root / "site" / "reader" / "work").exists()
    return root / "site"


def test_a_step_withdrawn_by_a_new_build_no_longer_opens_offline(browser: Browser, server: Server,
                                                                 site: Path, withdrawn_site: Path) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server.url}/reader/profile/")
    withdrawn = f"{server.url}/reader/work/"
    wait_until(page, KEPT, manual_urls(server.url, ""))
    assert is_kept(page, withdrawn)

    server.folder = withdrawn_site
    page.goto(f"{server.url}/reader/profile/")  # online: the new build's worker is installed
    assert build_of(withdrawn_site) != build_of(site)
    wait_until(page, "async (name) => (await caches.keys()).join() === name", f"onegoal-{build_of(withdrawn_site)}")
    remaining = [url for url in manual_urls(server.url, "") if url != withdrawn]
    wait_until(page, KEPT, remaining)
    assert not is_kept(page, withdrawn)

    server.stop()
    for url in remaining:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
    # Last: the browser's error page that follows would interrupt a next navigation.
    with pytest.raises(Error):
        page.goto(withdrawn)
    context.close()


def test_the_home_and_about_pages_open_offline_after_visiting_a_step(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server.url}/en/reader/profile/")
    # The manifest's start_url is the language's home page.
    assert json.loads(page.request.get(f"{server.url}/en/manifest.webmanifest").text())["start_url"] == "./"
    home, about = f"{server.url}/en/", f"{server.url}/en/about/"
    wait_until(page, KEPT, manual_urls(server.url, "en/") + [home, about])
    server.stop()
    heading = WORDS["en"][0]
    for url, title in ((home, f"Index {heading}"), (about, f"About {heading}")):
        page.goto(url)
        expect(page.locator("h1")).to_contain_text(title)  # and its permalink
        assert page.locator("html").get_attribute("lang") == "en"
    context.close()


def test_progress_imports_offline_on_an_overview_opened_before(browser: Browser, server: Server,
                                                                tmp_path: Path) -> None:
    """The file of the library's checklists an import is read against is kept with the
    overview: a reader without a network can still bring her ticks over."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server.url}/en/reader/")
    checklists = page.locator(".og-tools").get_attribute("data-og-checklists")
    wait_until(page, KEPT, manual_urls(server.url, "en/") + [f"{server.url}/en/reader/{checklists}"])
    server.stop()
    page.goto(f"{server.url}/en/reader/")
    step = load().manual("reader").steps[0]
    progress = tmp_path / "onegoal-progress.json"
    progress.write_text(json.dumps({"version": 1, "ticks": {"reader": {step.slug: {step.source.checklist[0].id: 1}}}}),
                        encoding="utf-8")
    page.locator("[data-og-action='import']").set_input_files(str(progress))
    expect(page.locator(".og-tools__status")).to_have_text(plugin_strings("en")["progress.imported"])
    page.goto(f"{server.url}/en/reader/{step.slug}/")
    expect(page.locator(".og-checklist__box").first).to_be_checked()
    context.close()


def test_a_kept_page_opens_offline_at_each_of_its_addresses(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server.url}/reader/profile/")
    wait_until(page, KEPT, manual_urls(server.url, ""))
    server.stop()
    title = load().manual("reader").steps[0].source.title
    for address in ("reader/hello", "reader/hello/", "reader/hello/index.html", "reader/hello/?from=a-friend"):
        page.goto(f"{server.url}/{address}")
        expect(page.locator("h1")).to_have_text(title)
        # Its links lead on from the copy: the next step opens too.
        page.locator(".og-step-nav__link--next").click()
        page.wait_for_url(f"{server.url}/reader/profile/")
        expect(page.locator(".og-checklist__box").first).to_be_visible()
    context.close()


def test_a_directory_listing_never_replaces_a_kept_page(browser: Browser, server: Server, site: Path,
                                                        tmp_path: Path) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server.url}/reader/profile/")
    wait_until(page, KEPT, manual_urls(server.url, ""))

    # A broken upload: the folder of a kept page without its page, which this server answers
    # with a listing of the folder (200, HTML); and another page changed.
    broken = tmp_path / "broken"
    shutil.copytree(site, broken)
    (broken / "reader" / "work" / "index.html").unlink()
    other = broken / "reader" / "hello" / "index.html"
    other.write_text(other.read_text(encoding="utf-8").replace("<h1", "<h1 data-build='new'", 1), encoding="utf-8")
    server.folder = broken

    work = f"{server.url}/reader/work/"
    page.goto(work)
    expect(page.locator("body")).to_contain_text("Directory listing")
    # The worker writes its cache in turn: once the later page is renewed, the listing has
    # been looked at.
    page.goto(f"{server.url}/reader/hello/")
    wait_until(page, """async (url) => {
        const kept = await caches.match(url);
        return Boolean(kept) && (await kept.text()).includes("data-build='new'");
    }""", f"{server.url}/reader/hello/")
    assert 'name="onegoal-page" content="reader/work/"' in kept_text(page, work)

    server.stop()
    page.goto(work)
    expect(page.locator("h1")).to_have_text(load().manual("reader").steps[3].source.title)
    context.close()
