"""A PDF of every manual's print page, printed by headless Chromium.

Printing is the slow part of a build, so each PDF is kept in a cache under the hash of
what it is made from: the print page's manual (its <html> tag and its article, not the
navigation around it, which paper does not show) and the local style sheets the page
links. A manual whose print page did not change is copied from the cache.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

# Flags that keep Chromium from reaching out to any host while it prints.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^":]+)"')
_PRINTED = re.compile(r"<html[^>]*>|<article class=\"og-print\".*?</article>", re.S)


@dataclass(frozen=True)
class PdfJob:
    page: Path  # the print page's index.html in the built site
    output: Path  # where its PDF goes


@dataclass(frozen=True)
class PdfReport:
    printed: int
    reused: int


class PdfError(Exception):
    """The PDFs could not be made; the message says what to do."""


def cache_key(page: Path) -> str:
    """The hash of what paper shows of the print page, and of the style sheets it links."""
    html = page.read_text(encoding="utf-8")
    digest = hashlib.sha256("".join(_PRINTED.findall(html)).encode("utf-8"))
    for href in _STYLESHEET.findall(html):
        sheet = (page.parent / href.split("?")[0]).resolve()
        if sheet.is_file():
            digest.update(sheet.read_bytes())
    return digest.hexdigest()


def make_pdfs(jobs: list[PdfJob], cache: Path, chromium: str) -> PdfReport:
    """Every job's PDF, from the cache where its print page is unchanged."""
    cache.mkdir(parents=True, exist_ok=True)
    missing = []
    for job in jobs:
        kept = cache / f"{cache_key(job.page)}.pdf"
        if kept.is_file():
            shutil.copyfile(kept, job.output)
        else:
            missing.append((job, kept))
    if missing:
        _print(missing, _browser(chromium))
    return PdfReport(printed=len(missing), reused=len(jobs) - len(missing))


def _browser(chromium: str) -> str:
    found = shutil.which(chromium)
    if found is None:
        raise PdfError(f"the PDFs of the manuals are printed with Chromium, and '{chromium}' was not "
                       "found. Run `make site`, which installs it, or set 'pdf: false' under onegoal "
                       "in mkdocs.yml to build without PDFs.")
    return found


def _print(jobs: list[tuple[PdfJob, Path]], executable: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for job, kept in jobs:
                page.goto(job.page.resolve().as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                page.pdf(path=str(kept), format="A4", print_background=True, prefer_css_page_size=True,
                         outline=True, tagged=True)
                shutil.copyfile(kept, job.output)
        finally:
            browser.close()


def pdf_name(manual_id: str, language: str) -> str:
    """The file name of a manual's PDF, beside its print page."""
    return f"onegoal-{manual_id}-{language}.pdf"
