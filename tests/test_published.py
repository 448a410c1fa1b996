"""Published content is protected: `onegoal check --against REF` refuses a step name or
checklist id that readers have and that is gone without a record; the manual's version
has a changelog entry; the guide's content rules warn, and fail with --strict; paired
steps agree on who acts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_project
from library_factory import edit, remove_item

ONEGOAL = Path(sys.executable).parent / "onegoal"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), "check", *args], capture_output=True, text=True, check=False, cwd=project)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """The fixture library, published as the first commit of a repository."""
    project = fixture_project(tmp_path / "project").parent
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.name=Test", "-c", "user.email=test@example.org", "add", "-A")
    git(project, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "published")
    return project


def rename_step(repo: Path, old: str, new: str) -> None:
    folder = repo / "manuals" / "corporate" / "staff"
    for path in folder.glob(f"{old}.*md"):
        path.rename(folder / path.name.replace(old, new, 1))
    edit(folder / "manual.yml", f"  - {old}\n", f"  - {new}\n")


def test_unchanged_content_passes(repo: Path) -> None:
    result = check(repo, "--against", "main")
    assert result.returncode == 0, result.stderr


def test_a_renamed_step_needs_a_record(repo: Path) -> None:
    rename_step(repo, "hours", "time")
    result = check(repo, "--against", "main")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "manuals/corporate/staff/manual.yml:" in result.stderr
    assert "the step 'hours' was published (main) and is gone" in result.stderr
    assert "'moved:' / 'steps:' / 'hours: new-name'" in result.stderr
    edit(repo / "manuals" / "corporate" / "staff" / "manual.yml", "changelog:", "moved:\n  steps:\n    hours: time\nchangelog:")
    assert check(repo, "--against", "main").returncode == 0


def test_a_removed_checklist_id_needs_a_record(repo: Path) -> None:
    remove_item(repo / "manuals" / "reader", "search", "item-3")
    result = check(repo, "--against", "main")
    assert result.returncode == 1, result.stderr
    assert "manuals/reader/search.md:" in result.stderr and "the checklist id 'item-3' was published" in result.stderr
    edit(repo / "manuals" / "reader" / "manual.yml", "changelog:", "withdrawn:\n  checklist:\n    - search/item-3\nchangelog:")
    assert check(repo, "--against", "main").returncode == 0


def test_an_unreadable_revision_is_a_clear_error(repo: Path) -> None:
    result = check(repo, "--against", "no-such-branch")
    assert result.returncode == 2
    assert "cannot read the published revision 'no-such-branch'" in result.stderr and "Traceback" not in result.stderr


def test_a_version_needs_a_changelog_entry(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    edit(project / "manuals" / "reader" / "manual.yml", 'version: "1.1"', 'version: "1.2"')
    result = check(project)
    assert result.returncode == 1
    assert "manuals/reader/manual.yml:3: version \"1.2\" has no entry in 'changelog'" in result.stderr


def test_content_rules_warn_and_fail_with_strict(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    edit(project / "manuals" / "reader" / "hello.md", "duration: 90", "duration: 1900")
    edit(project / "manuals" / "reader" / "manual.yml", "changelog:", "max_hours: 30\nchangelog:")
    remove_item(project / "manuals" / "reader", "work", "item-5")
    remove_item(project / "manuals" / "reader", "work", "item-4")
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert "manuals/reader/work.md:10: warning: 3 checklist items; the editors' guide asks for 4 to 8." in result.stderr
    assert "manuals/reader/manual.yml:" in result.stderr and "more than max_hours: 30" in result.stderr
    strict = check(project, "--strict")
    assert strict.returncode == 1 and "2 warnings, which --strict makes errors." in strict.stderr


def test_paired_steps_must_exist_and_agree_on_who_acts(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    edit(project / "manuals" / "guide" / "manual.yml", "    finish: work\n", "    finish: nowhere\n")
    edit(project / "manuals" / "guide" / "plan.md", "who: both", "who: agent")
    result = check(project)
    assert result.returncode == 1
    assert "manuals/guide/manual.yml:" in result.stderr and "pairs 'finish' with 'nowhere', which is not a step of reader" \
        in result.stderr
    assert "manuals/guide/plan.md:5: 'who: agent' differs from the paired step reader/profile ('who: both')" \
        in result.stderr
