"""What a reader's phone downloads for search: her language's index against the shared one.

    python benchmarks/search_index.py

Builds the shipped library twice in the same run: with the OneGoal plugin (one index per
language) and as plain Material + mkdocs-static-i18n pages (one index for all languages),
and prints the bytes of each index, raw and gzip-compressed.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from build import REPO, plain_project, site_config, write_project

from onegoal.cli import site_settings
from onegoal.loader import load_library

INDEX = Path("search") / "search_index.json"


def build(config_file: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)],
                   env=env, check=True)
    return config_file.parent / "site"


def sizes(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def main() -> None:
    settings = site_settings(REPO / "mkdocs.yml")
    languages = settings.languages
    library = load_library(settings.manuals_dir, languages, settings.source_language)
    with tempfile.TemporaryDirectory() as tmp:
        plain = build(plain_project(Path(tmp) / "plain", library, languages))
        plugin = build(write_project(Path(tmp) / "plugin", site_config(languages), settings.manuals_dir))
        shared_raw, shared_gz = sizes(plain / INDEX)
        print(f"Search index a reader downloads, {len(languages)} languages, shipped library")
        print(f"  {'plain Material + i18n (all languages)':42s} {shared_raw / 1024:7.1f} KB raw {shared_gz / 1024:6.1f} KB gzip")
        for language in languages:
            folder = plugin if language == settings.source_language else plugin / language
            raw, gz = sizes(folder / INDEX)
            print(f"  {'onegoal, ' + language + ' reader':42s} {raw / 1024:7.1f} KB raw {gz / 1024:6.1f} KB gzip"
                  f"   {gz / shared_gz:5.2f} of the shared index")


if __name__ == "__main__":
    main()
