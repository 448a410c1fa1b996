"""What readers already have: the steps and checklist ids of a published revision.

Readers' ticks are kept under manual id, step name and checklist id, and bookmarks and
links point at step names. A name that was published may not simply disappear: manual.yml
records where it went (`moved:`) or that it is gone for good (`withdrawn:`).
`onegoal check --against REF` compares the content with REF (CI passes the pull request's
base). The published revision is read leniently: it may be in an older file format.
"""

from __future__ import annotations

import io
import re
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from onegoal.content.git import GitError, git
from onegoal.content.model import Library, Manual
from onegoal.content.problems import Problem

# A source step file, with or without the number older revisions put in front of the name.
_SOURCE_STEP = re.compile(r"^(?:\d{2}-)?(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


@dataclass
class PublishedManual:
    folder: str
    steps: dict[str, set[str]] = field(default_factory=dict)  # step name -> checklist ids


class RevisionError(Exception):
    """The revision cannot be read; the message says why."""


def published(repo: Path, ref: str, manuals_dir: Path) -> dict[str, PublishedManual]:
    """Every manual of `ref` by id, with its step names and checklist ids."""
    top = _git(repo, "rev-parse", "--show-toplevel").decode().strip()
    folder = manuals_dir.resolve().relative_to(Path(top).resolve()).as_posix()
    archive = _git(repo, "archive", "--format=tar", ref, "--", folder)
    manuals: dict[str, PublishedManual] = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        files = {member.name: member for member in tar.getmembers() if member.isfile()}
        for name in sorted(files):
            path = Path(name)
            if path.name != "manual.yml":
                continue
            manual_id = _field(tar.extractfile(files[name]).read(), "id") or path.parent.name
            entry = manuals.setdefault(str(manual_id), PublishedManual(path.parent.relative_to(folder).as_posix()))
            for other in sorted(files):
                match = _SOURCE_STEP.match(Path(other).name)
                if Path(other).parent == path.parent and match:
                    checklist = _field(_front_matter(tar.extractfile(files[other]).read()), "checklist") or []
                    entry.steps[match["slug"]] = {item["id"] for item in checklist
                                                  if isinstance(item, dict) and isinstance(item.get("id"), str)}
    return manuals


def _git(repo: Path, *args: str) -> bytes:
    try:
        return git(repo, *args)
    except GitError as error:
        raise RevisionError(str(error)) from None


def _front_matter(text: bytes) -> bytes:
    parts = text.split(b"\n---", 1)
    return parts[0].removeprefix(b"---") if text.startswith(b"---") and len(parts) == 2 else b""


def _field(text: bytes, name: str) -> object:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return data.get(name) if isinstance(data, dict) else None


def check_against(library: Library, before: dict[str, PublishedManual], ref: str) -> list[Problem]:
    """Published names that are gone without a record of where they went."""
    problems = []
    current = {manual.id: manual for manual in library.manuals}
    for manual_id, old in before.items():
        manual = current.get(manual_id)
        if manual is None:
            problems.append(Problem(library.root / old.folder / "manual.yml", 1,
                                    f"the manual '{manual_id}' was published ({ref}) and is gone: readers' ticks and "
                                    "links point at it. Keep it, or ask a developer how to withdraw a manual."))
            continue
        problems.extend(_gone_steps(manual, old, ref))
    return problems


def _gone_steps(manual: Manual, old: PublishedManual, ref: str) -> list[Problem]:
    problems = []
    history = manual.history
    steps = {step.slug: step for step in manual.steps}
    manual_file = manual.path / "manual.yml"
    for slug, ids in old.steps.items():
        if slug in history.withdrawn_steps:
            continue
        now = history.steps.get(slug, slug)
        if now not in steps:
            problems.append(Problem(manual_file, manual.lines.get("steps", 1), f"the step '{slug}' was published "
                                    f"({ref}) and is gone. If it was renamed, record it in manual.yml as "
                                    f"'moved:' / 'steps:' / '{slug}: new-name' (readers' ticks and bookmarks follow); "
                                    f"if it was removed, as 'withdrawn:' / 'steps:' / '- {slug}'."))
            continue
        step = steps[now]
        present = {item.id for item in step.source.checklist}
        for item in sorted(ids):
            # A recorded move leads to an item that exists: the loader checks it.
            if item in present or (slug, item) in history.items or (slug, item) in history.withdrawn_items:
                continue
            problems.append(Problem(step.path, step.lines.get("checklist", 1), f"the checklist id '{item}' was "
                                    f"published ({ref}) and is gone from this step. Keep the id (the text may "
                                    f"change), or record it in manual.yml as 'moved:' / 'checklist:' / "
                                    f"'{slug}/{item}: {now}/new-id', or as 'withdrawn:' / 'checklist:' / "
                                    f"'- {slug}/{item}'."))
    return problems
