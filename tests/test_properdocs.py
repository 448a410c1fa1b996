"""The library builds with ProperDocs, the maintained fork of MkDocs 1.x, too: the same
plugin, templates and pages, so the library outlives MkDocs (`make site MKDOCS=properdocs`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO_URL, fixture_project
from html_page import parse
from library_factory import fixture_library
from test_build import LANGUAGES, page_path

PROPERDOCS = Path(sys.executable).parent / "properdocs"


def test_properdocs_builds_the_library(tmp_path: Path) -> None:
    config = fixture_project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ONEGOAL_REPO_URL": REPO_URL}
    result = subprocess.run([str(PROPERDOCS), "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
                            capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    for manual in fixture_library().manuals:
        for language in LANGUAGES:
            for step in manual.steps:
                root = parse(page_path(tmp_path / "site", language, manual.url_path, step.slug))
                boxes = root.find("section", "og-checklist").find_all("input")
                assert [box.attrs["data-og-item"] for box in boxes] == [item.id for item in step.source.checklist]
    assert (tmp_path / "site" / "ar" / "search" / "search_index.json").is_file()
