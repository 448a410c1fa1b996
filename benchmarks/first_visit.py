"""What a phone downloads on a first visit to a step page, against a 60 KB budget.

    python benchmarks/first_visit.py

Builds the shipped library twice in the same run, with the OneGoal plugin and as plain
Material + mkdocs-static-i18n pages of the same Markdown (the baseline), serves each on
127.0.0.1, and opens the same step page in a fresh headless Chromium with a phone's
screen. Every response the page and its workers receive until the network has been
quiet for a while is counted at its gzip size (level 9, as a server compressing its
files would send it), by kind. The service worker's background copy of the manual for
offline reading is counted apart: it starts after the page has loaded, and not at all
when the reader has turned on data saving.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
import threading
from collections import Counter, defaultdict
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

from build import REPO, plain_project, site_config, write_project
from playwright.sync_api import sync_playwright
from search_index import build

from onegoal.editors.settings import site_settings
from onegoal.content.loader import load_library

BUDGET_KB = 60
STEP = "ar/candidate/profilen/"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class Counting(SimpleHTTPRequestHandler):
    """Serves the site and notes every path whose body it sent (status 200)."""

    sent: list[str]

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if str(code) == "200":
            self.sent.append(urlparse(self.path).path)

    def log_message(self, format: str, *args: object) -> None:
        pass


def kind(path: str) -> str:
    if path.endswith("search_index.json"):
        return "search index"
    if path.endswith("/sw.js"):
        return "service worker script"
    suffix = Path(path).suffix
    return {".css": "css", ".js": "js", ".json": "data", ".webmanifest": "manifest", ".svg": "icons",
            ".png": "icons", ".ico": "icons", ".woff2": "fonts", ".woff": "fonts", ".ttf": "fonts"}.get(
        suffix, "html" if path.endswith("/") or suffix == ".html" else "other")


def gzip_size(site: Path, path: str) -> int:
    file = site / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), compresslevel=9)) if file.is_file() else 0


def first_visit(site: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Bytes by kind: (page and its workers, service worker's offline copy).

    The server says which bodies it sent; the browser says who asked: the page (and its
    search worker), or the service worker for the offline copy.
    """
    sent: list[str] = []
    handler = type("Handler", (Counting,), {"sent": sent})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    asked_by_page: Counter[str] = Counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)

        def note(request) -> None:
            path = urlparse(request.url).path
            if request.service_worker is None or kind(path) == "service worker script":
                asked_by_page[path] += 1

        context.on("request", note)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{STEP}")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(6000)  # the offline copy starts when the browser is idle
        browser.close()
    server.shutdown()
    page_bytes: dict[str, int] = defaultdict(int)
    offline_bytes: dict[str, int] = defaultdict(int)
    for path in sent:
        by_page = asked_by_page[path] > 0
        asked_by_page[path] -= 1
        (page_bytes if by_page else offline_bytes)[kind(path)] += gzip_size(site, path)
        if "--list" in sys.argv:
            print(f"    {gzip_size(site, path):7d} {'page' if by_page else 'sw  '} {path}")
    return dict(page_bytes), dict(offline_bytes)


def show(label: str, by_kind: dict[str, int]) -> int:
    total = sum(by_kind.values())
    parts = ", ".join(f"{name} {size / 1024:.1f}" for name, size in sorted(by_kind.items(), key=lambda kv: -kv[1]))
    print(f"  {label:34s} {total / 1024:6.1f} KB gzip   ({parts})")
    return total


def main() -> None:
    settings = site_settings(REPO / "mkdocs.yml")
    library = load_library(settings.manuals_dir, settings.languages, settings.source_language)
    with tempfile.TemporaryDirectory() as tmp:
        plain = build(plain_project(Path(tmp) / "plain", library, settings.languages))
        plugin = build(write_project(Path(tmp) / "plugin", site_config(settings.languages), settings.manuals_dir))
        plain_page, _ = first_visit(plain)
        own_page, own_offline = first_visit(plugin)
    print(f"First visit to /{STEP} on a 360 x 740 phone, {len(settings.languages)}-language library")
    baseline = show("plain Material + i18n", plain_page)
    total = show("onegoal page and its workers", own_page)
    show("onegoal offline copy (background)", own_offline)
    print(f"  ratio onegoal / plain: {total / baseline:.2f}; budget {BUDGET_KB} KB: "
          f"{'within' if total <= BUDGET_KB * 1024 else 'OVER'} ({total / 1024:.1f} KB)")
    sys.exit(0 if total <= BUDGET_KB * 1024 else 1)


if __name__ == "__main__":
    main()
