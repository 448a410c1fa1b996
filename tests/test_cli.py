"""`onegoal check`: the build's validation, without building, for editors and CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import copy_project
from library_factory import edit, write_glossary, write_manual

ONEGOAL = Path(sys.executable).parent / "onegoal"


def run_check(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), "--config", str(config), "check"], capture_output=True,
                          text=True, check=False, cwd=config.parent)


def test_check_passes_on_a_valid_library(tmp_path: Path) -> None:
    config = copy_project(tmp_path, shipped=False)
    write_manual(tmp_path / "manuals", "demo")
    write_manual(tmp_path / "manuals" / "corporate", "other", steps=2)
    result = run_check(config)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "OK: 2 manuals, 5 steps, languages sv, en, ar, fa-AF, so, ti, uk.\n"


def test_check_lists_every_problem_and_fails(tmp_path: Path) -> None:
    config = copy_project(tmp_path, shipped=False)
    folder = write_manual(tmp_path / "manuals", "demo")
    edit(folder / "steg-1.md", "who: both", "who: alla")
    (folder / "steg-2.fr.md").write_text("---\n---\n", encoding="utf-8")
    result = run_check(config)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        "manuals/demo/steg-1.md:5: 'who' must be one of agent, candidate, both, coordinator, not 'alla'.",
        "manuals/demo/steg-2.fr.md:1: this is a translation into 'fr', which is not a language of this "
        "site (sv, en, ar, fa-AF, so, ti, uk). Fix the file name, or add the language to mkdocs.yml.",
        "2 problems in the manuals. Fix them and build again.",
    ]


def test_check_reports_the_manuals_glossary_pages_and_files_in_one_run(tmp_path: Path) -> None:
    """One run names every kind of problem: a manual that cannot be read does not hide the
    glossary's problems, live markup in another manual, or a file docs/ would publish."""
    config = copy_project(tmp_path, shipped=False)
    broken = write_manual(tmp_path / "manuals", "demo")
    edit(broken / "steg-1.md", "who: both", "who: alla")
    hostile = write_manual(tmp_path / "manuals", "other", steps=1)
    edit(hostile / "steg-1.md", "Text för steg 1.", "Text för steg 1.\n\n<script>alert(1)</script>")
    write_glossary(tmp_path / "manuals")
    edit(tmp_path / "manuals" / "glossary" / "terms.yml", "- id: hander", "- id: steg")
    (tmp_path / "docs" / "page.html").write_text("<p>hi</p>", encoding="utf-8")
    result = run_check(config)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    named = {line.split(":")[0] for line in result.stderr.splitlines()[:-1]}
    assert named >= {"manuals/demo/steg-1.md", "manuals/other/steg-1.md", "manuals/glossary/terms.yml",
                     "docs/page.html"}


def test_check_without_config_says_where_to_run(tmp_path: Path) -> None:
    result = run_check(tmp_path / "missing.yml")
    assert result.returncode == 2
    assert "not found" in result.stderr and "Traceback" not in result.stderr


def test_status_of_an_empty_library(tmp_path: Path) -> None:
    config = copy_project(tmp_path, shipped=False)
    result = subprocess.run([str(ONEGOAL), "--config", str(config), "status"], capture_output=True,
                            text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_broken_site_settings_give_a_message(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - i18n:\n      languages:\n        - name: Svenska\n", encoding="utf-8")
    result = run_check(config)
    assert result.returncode == 2
    assert "mkdocs.yml: the i18n or onegoal plugin settings are not as expected" in result.stderr
    assert "Traceback" not in result.stderr
    config.write_text("plugins: [\n", encoding="utf-8")
    result = run_check(config)
    assert result.returncode == 2 and "cannot be read as YAML" in result.stderr
