"""A step on a Candidate's phone: bytes of a first visit, first paint, largest paint and
layout shift, against the budget.

    python benchmarks/phone.py [--runs 3]

Builds the shipped library twice in the same run, with the OneGoal plugin and as plain
Material + mkdocs-static-i18n pages of the same Markdown (the baseline), and serves each
on 127.0.0.1 gzip-compressed, as a web server does. Each page is opened in a fresh headless
Chromium profile (a cold cache) as the reader's phone: a 360 x 640 screen, slow 4G (150 ms
round trip, 1.6 Mbps down, 750 kbps up) and a processor 4 times slower. Counted: every
response the page asks for until the network is quiet, by kind (the service worker's
background copy for offline reading is not: it starts after the page is loaded, see
first_visit.py); first contentful paint (FCP), largest contentful paint (LCP) and
cumulative layout shift (CLS), as the browser reports them. Medians of the runs.

Budget, for this site's pages: at most 60 KB gzip, FCP at most 1.0 s, CLS under 0.05.
Exits 1 when a page is over it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from build import REPO, plain_project, site_config, write_project
from first_visit import CHROMIUM_ARGS, kind
from playwright.sync_api import Browser, sync_playwright
from search_index import build
from serving import serve

from onegoal.editors.settings import site_settings
from onegoal.content.loader import load_library

PAGES = {"sv step": "candidate/profilen/", "ar step": "ar/candidate/profilen/", "home": ""}
BUDGET_KB, BUDGET_FCP_MS, BUDGET_CLS = 60, 1000, 0.05
PHONE = {"width": 360, "height": 640}
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
# The browser's own measures, from the first moment of the page.
OBSERVE = """
window.__phone = {fcp: null, lcp: null, cls: 0};
new PerformanceObserver(function (list) { list.getEntries().forEach(function (entry) {
  if (entry.name === "first-contentful-paint") window.__phone.fcp = entry.startTime; }); })
  .observe({type: "paint", buffered: true});
new PerformanceObserver(function (list) { list.getEntries().forEach(function (entry) {
  window.__phone.lcp = entry.startTime; }); }).observe({type: "largest-contentful-paint", buffered: true});
new PerformanceObserver(function (list) { list.getEntries().forEach(function (entry) {
  if (!entry.hadRecentInput) window.__phone.cls += entry.value; }); }).observe({type: "layout-shift", buffered: true});
"""


@dataclass
class Visit:
    bytes_by_kind: dict[str, int]
    fcp: float
    lcp: float
    cls: float

    @property
    def total(self) -> int:
        return sum(self.bytes_by_kind.values())


def visit(browser: Browser, url: str) -> Visit:
    """One cold visit on the slow phone."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    context.add_init_script(OBSERVE)
    page = context.new_page()
    received: dict[str, int] = defaultdict(int)

    def finished(request) -> None:  # type: ignore[no-untyped-def]
        if request.service_worker is None or kind(urlparse(request.url).path) == "service worker script":
            sizes = request.sizes()
            received[kind(urlparse(request.url).path)] += max(sizes["responseBodySize"], 0)

    context.on("requestfinished", finished)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    measures = page.evaluate("window.__phone")
    context.close()
    return Visit(dict(received), measures["fcp"] or 0.0, measures["lcp"] or 0.0, measures["cls"])


def median_visit(visits: list[Visit]) -> Visit:
    kinds = {name for one in visits for name in one.bytes_by_kind}
    return Visit({name: int(statistics.median(one.bytes_by_kind.get(name, 0) for one in visits)) for name in kinds},
                 statistics.median(one.fcp for one in visits), statistics.median(one.lcp for one in visits),
                 statistics.median(one.cls for one in visits))


def show(label: str, result: Visit) -> None:
    parts = ", ".join(f"{name} {size / 1024:.1f}" for name, size in sorted(result.bytes_by_kind.items(),
                                                                         key=lambda item: -item[1]))
    print(f"  {label:28s} {result.total / 1024:5.1f} KB  FCP {result.fcp / 1000:4.2f} s  LCP {result.lcp / 1000:4.2f} s"
          f"  CLS {result.cls:5.3f}   ({parts})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    settings = site_settings(REPO / "mkdocs.yml")
    library = load_library(settings.manuals_dir, settings.languages, settings.source_language)
    over = []
    with tempfile.TemporaryDirectory() as tmp:
        sites = {"plain Material + i18n": build(plain_project(Path(tmp) / "plain", library, settings.languages)),
                 "onegoal": build(write_project(Path(tmp) / "plugin", site_config(settings.languages),
                                                settings.manuals_dir))}
        print(f"A cold visit on a 360 x 640 phone, slow 4G, CPU x4; gzip; median of {runs}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for name, address in PAGES.items():
                print(f"/{address} ({name})")
                results = {}
                for label, site in sites.items():
                    server, base = serve(site)
                    results[label] = median_visit([visit(browser, base + address) for _ in range(runs)])
                    server.shutdown()
                    show(label, results[label])
                own, plain = results["onegoal"], results["plain Material + i18n"]
                ok = own.total <= BUDGET_KB * 1024 and own.fcp <= BUDGET_FCP_MS and own.cls < BUDGET_CLS
                over += [] if ok else [name]
                print(f"  onegoal / plain: bytes {own.total / plain.total:.2f}, FCP {own.fcp / plain.fcp:.2f}; "
                      f"budget {BUDGET_KB} KB, FCP {BUDGET_FCP_MS / 1000:.1f} s, CLS < {BUDGET_CLS}: "
                      f"{'within' if ok else 'OVER'}")
            browser.close()
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
