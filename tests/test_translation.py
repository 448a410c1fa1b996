"""Which text a reader gets, and the state of every translation, as `onegoal status` shows it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import copy_project
from library_factory import edit, write_status_fixture

from onegoal.cli import site_settings
from onegoal.loader import load_library
from onegoal.translation import Fallbacks, Status, direction, status_matrix

ONEGOAL = Path(sys.executable).parent / "onegoal"


def fixture_library(tmp_path: Path):
    config = copy_project(tmp_path, shipped=False)
    write_status_fixture(tmp_path / "manuals")
    settings = site_settings(config)
    return config, load_library(settings.manuals_dir, settings.languages, settings.source_language)


def test_states(tmp_path: Path) -> None:
    _, library = fixture_library(tmp_path)
    rows = {row.step: row.states for row in status_matrix(library)}
    assert rows[1] == {"sv": Status.SOURCE, "en": Status.OK, "ar": Status.OK, "fa-AF": Status.MISSING,
                       "so": Status.DRAFT, "ti": Status.MISSING, "uk": Status.MISSING}
    assert rows[2]["en"] is Status.OUTDATED and rows[2]["ar"] is Status.OUTDATED
    assert set(rows[3].values()) == {Status.SOURCE, Status.MISSING}


def test_fallback_chain(tmp_path: Path) -> None:
    _, library = fixture_library(tmp_path)
    step1, step2, step3 = library.manuals[0].steps
    chains = Fallbacks({"ti": ["en"], "uk": []}, "sv")
    assert chains.chain("ti") == ["en", "sv"]
    assert chains.chain("uk") == ["sv"]
    shown = chains.shown(step1, "ti")
    assert (shown.language, shown.status, shown.text.title) == ("en", Status.MISSING, "Step one in English")
    assert chains.shown(step3, "ti").language == "sv"
    assert chains.shown(step1, "uk").language == "sv"
    own = chains.shown(step2, "ar")
    assert (own.language, own.status, own.draft) == ("ar", Status.OUTDATED, True)


def test_direction() -> None:
    assert [direction(lang) for lang in ("ar", "fa-AF", "sv", "ti", "so", "uk")] == [
        "rtl", "rtl", "ltr", "ltr", "ltr", "ltr"]


def run_status(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), "--config", str(config), "status", *args],
                          capture_output=True, text=True, check=False, cwd=config.parent)


def test_status_text_and_exit_codes(tmp_path: Path) -> None:
    config, _ = fixture_library(tmp_path)
    result = run_status(config)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["sv", "en", "ar", "fa-AF", "so", "ti", "uk", "LIX"]
    # The last column: the Swedish step's readability, as the demo manual is the Candidate's.
    assert lines[1].split()[:-1] == ["demo/steg-1", "source", "ok", "ok", "missing", "draft", "missing", "missing"]
    assert lines[2].split()[:-1] == ["demo/steg-2", "source", "outdated", "outdated", "missing", "missing",
                                     "missing", "missing"]
    assert lines[1].split()[-1].isdigit()
    assert run_status(config, "--fail-on", "outdated,missing").returncode == 1
    assert run_status(config, "--fail-on", "draft").returncode == 1
    failed = run_status(config, "--fail-on", "outdated")
    assert failed.returncode == 1 and "Failing because of: outdated." in failed.stderr


def test_status_fails_on_any_named_state_and_rejects_unknown_ones(tmp_path: Path) -> None:
    config, _ = fixture_library(tmp_path)
    result = run_status(config, "--fail-on", "ok")
    assert result.returncode == 1
    bad = run_status(config, "--fail-on", "late")
    assert bad.returncode == 2 and "'late' is not a state" in bad.stderr and "Traceback" not in bad.stderr


def test_status_markdown_and_json(tmp_path: Path) -> None:
    config, _ = fixture_library(tmp_path)
    markdown = run_status(config, "--format", "markdown").stdout.splitlines()
    assert markdown[0] == "| Manual | Step | sv | en | ar | fa-AF | so | ti | uk | LIX |"
    assert markdown[2].startswith("| demo | 1. steg-1 | source | ok | ok | missing | draft | missing | missing | ")
    data = json.loads(run_status(config, "--format", "json").stdout)
    assert data["steps"][1] == {"manual": "demo", "step": 2, "slug": "steg-2", "languages": {
        "sv": "source", "en": "outdated", "ar": "outdated", "fa-AF": "missing", "so": "missing",
        "ti": "missing", "uk": "missing"}, "lix": data["steps"][1]["lix"]}
    assert isinstance(data["steps"][1]["lix"], float)
    # The fixture's changelog is in sv and en only; no step is marked as a proposal.
    assert data["changelog"] == [{"manual": "demo", "version": "1.0", "missing": ["ar", "fa-AF", "so", "ti", "uk"]}]
    assert data["proposals"] == []


def test_status_lists_untranslated_changelog_entries_and_proposals(tmp_path: Path) -> None:
    config, _ = fixture_library(tmp_path)
    edit(tmp_path / "manuals" / "demo" / "steg-2.md", "version: 2\n", "version: 2\nstatus: proposal\n")
    text = run_status(config).stdout
    assert "Changelog entries not translated:\n  demo 1.0: ar, fa-AF, so, ti, uk" in text
    assert "Proposals not yet approved by WOW:\n  demo/steg-2" in text
    markdown = run_status(config, "--format", "markdown").stdout
    assert "- demo 1.0: ar, fa-AF, so, ti, uk" in markdown and "- demo/steg-2" in markdown
