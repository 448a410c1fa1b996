"""`onegoal new`: files that pass `onegoal check` as they stand, and a library that grows
without moving any address readers already have."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import fixture_project, mkdocs_build

ONEGOAL = Path(sys.executable).parent / "onegoal"


def onegoal(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), *args], capture_output=True, text=True, check=False, cwd=project)


def addresses(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("index.html")}


def test_a_new_step_translation_and_manual_keep_every_old_address(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    before = mkdocs_build(project / "mkdocs.yml", tmp_path / "before")
    assert before.returncode == 0, before.stderr
    old = addresses(tmp_path / "before")

    step = onegoal(project, "new", "step", "reader", "Ett möte på arbetsplatsen", "--after", "profile")
    assert step.returncode == 0, step.stderr
    assert "manuals/reader/ett-mote-pa-arbetsplatsen.md" in step.stdout
    assert onegoal(project, "new", "translation", "reader/ett-mote-pa-arbetsplatsen", "ar").returncode == 0
    assert onegoal(project, "new", "manual", "mentor", "--audience", "agent").returncode == 0
    check = onegoal(project, "check")
    assert check.returncode == 0, check.stderr

    after = mkdocs_build(project / "mkdocs.yml", tmp_path / "after")
    assert after.returncode == 0, after.stderr
    new = addresses(tmp_path / "after")
    assert old <= new, sorted(old - new)
    assert {"reader/ett-mote-pa-arbetsplatsen/index.html", "ar/reader/ett-mote-pa-arbetsplatsen/index.html",
            "mentor/forsta-steget/index.html"} <= new
    manual = (project / "manuals" / "reader" / "manual.yml").read_text(encoding="utf-8")
    assert "  - profile\n  - ett-mote-pa-arbetsplatsen\n  - search\n" in manual
    translation = (project / "manuals" / "reader" / "ett-mote-pa-arbetsplatsen.ar.md").read_text(encoding="utf-8")
    assert "source_version: 1\ndraft: true\n" in translation and "  - id: task-1\n" in translation


def test_new_refuses_what_would_not_pass(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    cases = [
        (("new", "manual", "mentor", "--audience", "students"), "'students' is not an audience"),
        (("new", "step", "reader", "Profile", "--name", "profile"), "already has a step named 'profile'"),
        (("new", "step", "reader", "Ny", "--after", "nowhere"), "reader has no step 'nowhere'"),
        (("new", "translation", "reader/hello", "en"), "already exists"),
        (("new", "translation", "reader/hello", "sv"), "'sv' is not a language to translate into"),
        (("new", "step", "reader", "???"), "gives no step name"),
    ]
    for args, words in cases:
        result = onegoal(project, *args)
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr, (args, result)
    assert onegoal(project, "check").returncode == 0
