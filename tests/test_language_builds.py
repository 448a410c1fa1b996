"""The languages after the first built side by side in processes of their own: the same site
as one after the other, and a language that fails there fails the build, its log told."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from conftest import fixture_project, mkdocs_build
from onegoal.adapter.features.manual_pages import ManualPages
from onegoal.adapter.language_builds import shares, shares_besides
from onegoal.adapter.mkdocs_config import build_language

SIDE_BY_SIDE = "Languages built side by side in"


def with_processes(config_file: Path, processes: int, site_url: str = "") -> Path:
    text = config_file.read_text(encoding="utf-8")
    text = text.replace("  - onegoal:\n", f"  - onegoal:\n      processes: {processes}\n", 1)
    if site_url:
        text = text.replace("site_url: !ENV ONEGOAL_SITE_URL\n", f"site_url: {site_url}\n")
    config_file.write_text(text, encoding="utf-8")
    return config_file


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of the site by path; the service worker's build stamp, new in every build, left out."""
    files = {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}
    files["sw.js"] = re.sub(rb'var BUILD = "\d+"', b'var BUILD = ""', files["sw.js"])
    return files


def test_shares_keep_the_order_and_give_this_process_the_last_and_smallest() -> None:
    """This process's share, the last, also holds the first language (see LanguageBuilds)."""
    languages = ["en", "ar", "fa-AF", "so", "ti", "uk"]
    assert shares(languages, 2) == [["en", "ar", "fa-AF"], ["so", "ti", "uk"]]
    assert shares(languages[:5], 2) == [["en", "ar", "fa-AF"], ["so", "ti"]]
    assert shares(languages, 4) == [["en", "ar"], ["fa-AF", "so"], ["ti"], ["uk"]]
    assert shares(["en", "ar"], 8) == [["en"], ["ar"]]


def test_the_first_language_counts_in_this_process_s_share() -> None:
    """It is built before the share, and the theme's templates with it: the forked processes
    get the longer shares."""
    languages = ["en", "ar", "fa-AF", "so", "ti", "uk"]
    assert shares_besides("sv", languages, 2) == [["en", "ar", "fa-AF", "so"], ["ti", "uk"]]
    assert shares_besides("sv", languages, 3) == [["en", "ar", "fa-AF"], ["so", "ti"], ["uk"]]
    # This process builds the last language last, whatever the number of cores.
    assert shares_besides("sv", languages, 4) == [["en", "ar"], ["fa-AF", "so"], ["ti"], ["uk"]]
    assert shares_besides("sv", ["en"], 2) == [["en"]]


def test_side_by_side_builds_the_site_one_after_the_other_builds(tmp_path: Path) -> None:
    """As published, with the site's address: the sitemap lists every language's pages."""
    address = "https://example.org/onegoal/"
    in_turn = mkdocs_build(with_processes(fixture_project(tmp_path / "in-turn"), 1, address), tmp_path / "in-turn-site")
    side_by_side = mkdocs_build(with_processes(fixture_project(tmp_path / "side"), 3, address), tmp_path / "side-site")
    assert in_turn.returncode == 0, in_turn.stderr
    assert side_by_side.returncode == 0, side_by_side.stderr
    assert SIDE_BY_SIDE not in in_turn.stderr
    assert f"{SIDE_BY_SIDE} 3 processes: en, ar, fa-AF; so, ti; sv, uk" in side_by_side.stderr
    expected, built = site_files(tmp_path / "in-turn-site"), site_files(tmp_path / "side-site")
    assert sorted(built) == sorted(expected)
    assert [path for path in expected if built[path] != expected[path]] == []
    sitemap = (tmp_path / "side-site" / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"<loc>{address}{language}/guide/start/</loc>" in sitemap for language in ("en", "ar", "so", "uk"))
    # Every language's log is told once, each forked share's after this process's own.
    for language in ("en", "ar", "fa-AF", "so", "ti", "uk"):
        assert side_by_side.stderr.count(f"Building '{language}' documentation") == 1, language


@pytest.mark.parametrize(("failing", "processes"), [("ar", 2), ("uk", 2), ("ti", 3)])
def test_a_language_that_fails_fails_the_build_with_every_process_s_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, failing: str,
        processes: int) -> None:
    """Arabic is built in the forked process, Ukrainian in the build's own (two processes);
    Tigrinya in the second of two forked processes (three), which stops neither the first
    nor its log."""
    config_file = with_processes(fixture_project(tmp_path / "project"), processes)
    fault = f"manuals/guide/start.{failing}.md:1: a fault found while building {failing}"
    shown = ManualPages.on_page_context

    def failing_page(self: ManualPages, context: dict, page: object, config: MkDocsConfig) -> None:
        if build_language(config) == failing:
            raise PluginError(fault)
        shown(self, context, page, config)

    monkeypatch.setattr(ManualPages, "on_page_context", failing_page)
    caplog.set_level(logging.INFO)
    clean_directory = utils.clean_directory
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"))

    with pytest.raises(Abort) as stopped:
        build(config)

    assert "exit code" not in str(stopped.value)  # no process stopped by another
    told = [record for record in caplog.records if record.getMessage() == fault]
    assert len(told) == 1 and (told[0].process != os.getpid()) == (failing != "uk")
    # The forked process's log is told whichever process failed.
    forked = [record.getMessage() for record in caplog.records if record.process != os.getpid()]
    assert any("Building 'ar' documentation" in message for message in forked)
    assert utils.clean_directory is clean_directory  # a build after this one starts from an empty folder again
