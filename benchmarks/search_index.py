"""What a reader's phone downloads for search: her language's index against the shared one.

    python benchmarks/search_index.py

Builds the shipped library twice in the same run: with the OneGoal plugin (one index per
language for the readers' manuals and pages, one per language for the corporate manuals)
and as plain Material + mkdocs-static-i18n pages (one index for all languages), and prints
the bytes of each index, raw and gzip-compressed, against a budget of 25 KB gzip each.
Exits 1 when an index is over it.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from build import REPO, plain_project, site_config, write_project

from onegoal.editors.settings import site_settings
from onegoal.content.loader import load_library

INDEX = Path("search") / "search_index.json"
BUDGET_KB = 25


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
        over = []
        for language in languages:
            folder = plugin if language == settings.source_language else plugin / language
            for who, index in (("reader", folder / INDEX), ("corporate", folder / "corporate" / INDEX)):
                if not index.is_file():
                    continue
                raw, gz = sizes(index)
                over += [index] if gz > BUDGET_KB * 1024 else []
                print(f"  {f'onegoal, {language} {who}':42s} {raw / 1024:7.1f} KB raw {gz / 1024:6.1f} KB gzip"
                      f"   {gz / shared_gz:5.2f} of the shared index")
        print(f"  budget {BUDGET_KB} KB gzip per index: {'within' if not over else 'OVER: ' + ', '.join(map(str, over))}")
        sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
