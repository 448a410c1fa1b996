"""The shipped library: whatever editors write, as long as `onegoal check` accepts it,
every manual builds in every language with its checklists. Nothing here names a manual,
a step or a count of the shipped content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from html_page import parse

from onegoal.editors.settings import site_settings
from onegoal.content.loader import load_library
from onegoal.content.model import Library
from onegoal.content.translation import Fallbacks, direction

SETTINGS = site_settings(REPO / "mkdocs.yml")
SOURCE = SETTINGS.source_language
FALLBACKS = Fallbacks(SETTINGS.fallbacks, SOURCE)
ONEGOAL = Path(sys.executable).parent / "onegoal"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(SETTINGS.manuals_dir, SETTINGS.languages, SOURCE)


def page(site: Path, language: str, *parts: str) -> Path:
    prefix = [] if language == SOURCE else [language]
    return site.joinpath(*prefix, *parts, "index.html")


def test_onegoal_check_accepts_the_shipped_manuals(library: Library) -> None:
    result = subprocess.run([str(ONEGOAL), "check"], capture_output=True, text=True, check=False, cwd=REPO)
    assert result.returncode == 0, result.stderr
    steps = sum(len(manual.steps) for manual in library.manuals)
    assert result.stdout.startswith(f"OK: {len(library.manuals)} manuals, {steps} steps")


@pytest.mark.parametrize("language", SETTINGS.languages)
def test_every_step_of_every_manual_in_every_language(shipped_site: Path, library: Library, language: str) -> None:
    home = parse(page(shipped_site, language))
    assert home.find("html").attrs["lang"] == language
    for manual in library.manuals:
        assert home.find("li", "og-home__manual", data_og_manual=manual.id)
        overview = parse(page(shipped_site, language, manual.url_path))
        assert len(overview.find_all("li", "og-overview__step")) == len(manual.steps), manual.id
        for step in manual.steps:
            root = parse(page(shipped_site, language, manual.url_path, step.slug))
            where = f"{language} {manual.id}/{step.slug}"
            assert root.find("body").attrs["dir"] == direction(language), where
            assert root.find("h1").text == FALLBACKS.shown(step, language).text.title, where
            boxes = root.find("section", "og-checklist").find_all("input", "og-checklist__box")
            assert [box.attrs["data-og-item"] for box in boxes] == [item.id for item in step.source.checklist], where


def test_the_shipped_site_requests_nothing_from_other_hosts(shipped_site: Path) -> None:
    for path in shipped_site.rglob("*.html"):
        for element in parse(path).iter():
            if element.tag == "a":
                continue
            for name in ("src", "href"):
                value = element.attrs.get(name, "")
                assert not value.startswith(("http:", "https:", "//")), f"{path}: <{element.tag} {name}={value}>"
