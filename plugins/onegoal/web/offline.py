"""Offline reading: the web app manifest of each language, so a reader can add the library
to her home screen, and the build's list of pages in the service worker.

The service worker itself is a theme template (overrides/sw.js); the page script that
registers it and names the pages to keep is overrides/assets/onegoal/offline.js.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from onegoal.content.model import Library
from onegoal.content.pages import language_folder
from onegoal.content.translation import direction

MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
# The line of overrides/sw.js that the build's list replaces.
WORKER_PLACEHOLDER = 'var SITE = {"pages": [], "start": {}};'
# Kept with any page of a language, besides its home page, when the site has it.
ABOUT = "about/"
ICONS = "assets/onegoal/icons"
THEME_COLOR = "#5e35b1"


class WorkerChanged(Exception):
    """The service worker no longer has the line the build writes its pages into."""


def manifest(language: str, source_language: str, site_name: str) -> dict[str, object]:
    """The manifest of one language, written in that language's folder: paths are relative to it."""
    up = "" if language == source_language else "../"
    icon = f"{up}{ICONS}"
    return {
        "name": site_name,
        "short_name": site_name,
        "lang": language,
        "dir": direction(language),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": f"{icon}/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": f"{icon}/icon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": f"{icon}/icon-maskable-512.png", "sizes": "512x512", "type": "image/png",
             "purpose": "maskable"},
            {"src": f"{icon}/icon.svg", "sizes": "any", "type": "image/svg+xml"},
        ],
    }


def write_manifests(site_dir: Path, library: Library, site_name: str) -> None:
    for language in library.languages:
        folder = site_dir / language_folder(language, library.source_language)
        folder.mkdir(parents=True, exist_ok=True)
        data = manifest(language, library.source_language, site_name)
        (folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as its address from the site's root ("", "en/reader/"):
    each folder's index.html. The 404 pages are no page of the site."""
    pages = (path.parent.relative_to(site_dir).as_posix() for path in site_dir.rglob("index.html"))
    return sorted("" if folder == "." else quote(folder) + "/" for folder in pages)


def write_offline_pages(site_dir: Path, library: Library) -> None:
    """Write the build's pages into its service worker, which keeps only those: a page the
    build withdrew is dropped from a reader's offline copy when the new worker arrives. With
    each language's home: the pages kept with any page of that language."""
    worker = site_dir / WORKER
    if not worker.is_file():
        return
    pages = site_pages(site_dir)
    listed = set(pages)
    start = {}
    for language in library.languages:
        folder = language_folder(language, library.source_language).as_posix()
        home = "" if folder == "." else f"{quote(folder)}/"
        start[home] = [page for page in (home, home + ABOUT) if page in listed]
    script = worker.read_text(encoding="utf-8")
    if script.count(WORKER_PLACEHOLDER) != 1:
        raise WorkerChanged(f"{worker}: the line {WORKER_PLACEHOLDER} is not in the service worker "
                          "once; overrides/sw.js and plugins/onegoal/web/offline.py must agree.")
    site = json.dumps({"pages": pages, "start": start}, ensure_ascii=False, separators=(",", ":"))
    worker.write_text(script.replace(WORKER_PLACEHOLDER, f"var SITE = {site};"), encoding="utf-8")
