"""Which text a reader gets, and the state of every translation, as `onegoal status` shows it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import copy_project
from library_factory import edit, write_status_fixture

from onegoal.editors.settings import site_settings
from onegoal.content.loader import load_library
from onegoal.content.translation import Fallbacks, Status, direction, status, status_matrix

ONEGOAL = Path(sys.executable).parent / "onegoal"


def fixture_library(tmp_path: Path):
    config = copy_project(tmp_path, shipped=False)
    write_status_fixture(tmp_path / "manuals")
    settings = site_settings(config)
    return config, load_library(settings.manuals_dir, settings.languages, settings.source_language)


def test_states(tmp_path: Path) -> None:
    _, library = fixture_library(tmp_path)
    rows = {row.step: row.states for row in status_matrix(library)}
    assert rows[1] == {"sv": Status.SOURCE, "en": Status.REVIEWED, "ar": Status.REVIEWED, "fa-AF": Status.MISSING,
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
    assert lines[1].split()[:-1] == ["demo/steg-1", "source", "reviewed", "reviewed", "missing", "draft", "missing", "missing"]
    assert lines[2].split()[:-1] == ["demo/steg-2", "source", "outdated", "outdated", "missing", "missing",
                                     "missing", "missing"]
    assert lines[1].split()[-1].isdigit()
    assert run_status(config, "--fail-on", "outdated,missing").returncode == 1
    assert run_status(config, "--fail-on", "draft").returncode == 1
    failed = run_status(config, "--fail-on", "outdated")
    assert failed.returncode == 1 and "Failing because of: outdated." in failed.stderr


def test_status_fails_on_any_named_state_and_rejects_unknown_ones(tmp_path: Path) -> None:
    config, _ = fixture_library(tmp_path)
    result = run_status(config, "--fail-on", "reviewed")
    assert result.returncode == 1
    bad = run_status(config, "--fail-on", "late")
    assert bad.returncode == 2 and "'late' is not a state" in bad.stderr and "Traceback" not in bad.stderr


def test_status_markdown_and_json(tmp_path: Path) -> None:
    config, _ = fixture_library(tmp_path)
    markdown = run_status(config, "--format", "markdown").stdout.splitlines()
    assert markdown[0] == "| Manual | Step | sv | en | ar | fa-AF | so | ti | uk | LIX |"
    assert markdown[2].startswith("| demo | 1. steg-1 | source | reviewed | reviewed | missing | draft | missing | missing | ")
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


def test_only_a_review_of_the_current_source_ends_the_draft(tmp_path: Path) -> None:
    """A translation is reviewed when a native speaker read it as it stands: her review names
    the source version the translation was made from. Brought up to a newer source, it is a
    draft again until she reads it again; the release gate fails on any unreviewed one."""
    config, _ = fixture_library(tmp_path)
    steg1_en = tmp_path / "manuals" / "demo" / "steg-1.en.md"

    def state_and_notice() -> tuple[Status, bool]:
        settings = site_settings(config)
        step = load_library(settings.manuals_dir, settings.languages, settings.source_language).manuals[0].steps[0]
        return status(step, "en", "sv"), Fallbacks({}, "sv").shown(step, "en").draft

    assert state_and_notice() == (Status.REVIEWED, False)
    edit(steg1_en, "date: 2026-11-27, source_version: 2", "date: 2026-11-27, source_version: 1")
    assert state_and_notice() == (Status.DRAFT, True)
    edit(steg1_en, "date: 2026-11-27, source_version: 1", "date: 2026-11-27, source_version: 2")
    edit(steg1_en, "source_version: 2\n", "source_version: 2\ndraft: true\n")
    assert state_and_notice() == (Status.DRAFT, True)
    failed = run_status(config, "--fail-on", "unreviewed")
    assert failed.returncode == 1 and "Failing because of: draft, outdated." in failed.stderr


def test_a_release_passes_the_gate_when_every_translation_is_reviewed(tmp_path: Path) -> None:
    config, library = fixture_library(tmp_path)
    for step in library.manuals[0].steps:
        for language, translation in step.translations.items():
            if status(step, language, "sv") is not Status.REVIEWED:
                translation.path.unlink()  # a missing translation puts no unreviewed text before a reader
    assert run_status(config, "--fail-on", "unreviewed").returncode == 0


def test_a_broken_review_record_names_its_line(tmp_path: Path) -> None:
    config, _ = fixture_library(tmp_path)
    path = tmp_path / "manuals" / "demo" / "steg-1.en.md"
    edit(path, "date: 2026-11-27, source_version: 2}", "date: last week, source_version: 2}")
    result = run_status(config)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "reviewed:" in text)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"manuals/demo/steg-1.en.md:{line}:" in result.stderr and "date" in result.stderr


def test_the_release_gate_counts_the_glossary_too(tmp_path: Path) -> None:
    config, library = fixture_library(tmp_path)
    for step in library.manuals[0].steps:
        for language, translation in step.translations.items():
            if status(step, language, "sv") is not Status.REVIEWED:
                translation.path.unlink()
    glossary = tmp_path / "manuals" / "glossary"
    glossary.mkdir()
    (glossary / "terms.yml").write_text("terms:\n  - id: steg\n    word: steg\n    version: 1\n    text: En del.\n",
                                        encoding="utf-8")
    (glossary / "terms.en.yml").write_text("terms:\n  - id: steg\n    source_version: 1\n    text: A part.\n",
                                           encoding="utf-8")
    failed = run_status(config, "--fail-on", "unreviewed")
    assert failed.returncode == 1 and "draft glossary terms" in failed.stderr
    (glossary / "terms.en.yml").write_text("terms:\n  - id: steg\n    source_version: 1\n    text: A part.\n"
                                           "    reviewed: {by: A Reviewer, date: 2026-12-01, source_version: 1}\n",
                                           encoding="utf-8")
    assert run_status(config, "--fail-on", "unreviewed").returncode == 0
