"""The web app manifest of each language, so a reader can add the library to her home screen.

The service worker itself is a theme template (overrides/sw.js); the page script that
registers it and names the pages to keep is overrides/assets/onegoal/offline.js.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import Library
from .pages import language_folder
from .translation import direction

MANIFEST = "manifest.webmanifest"
ICONS = "assets/onegoal/icons"
THEME_COLOR = "#5e35b1"


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
