"""Rules across a manual's files and across manuals: ids that name readers' ticks, the
pairing of two manuals, the record of moved and withdrawn names, a translation against its
source. Each returns its problems."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from onegoal.content.model import Manual, Step
from onegoal.content.problems import Problem
from onegoal.content.source_files import MANUAL_FILE, StepFile
from onegoal.content.yamlsource import Located


def manual_id_problems(manuals: Sequence[Manual], languages: Sequence[str]) -> list[Problem]:
    """Ids name readers' ticks and, at the top, a folder of the site beside the languages'."""
    problems, seen = [], dict[str, Manual]()
    for manual in manuals:
        path = manual.path / MANUAL_FILE
        if manual.id in seen:
            problems.append(Problem(path, 1, f"id '{manual.id}' is also the id of {seen[manual.id].url_path}/. "
                                    "Readers' ticks are kept under the id: give each manual its own."))
        elif manual.url_path in languages:
            problems.append(Problem(path, 1, f"the folder '{manual.url_path}' has the name of a site language; "
                                    "the pages of that language live there. Rename the folder and its id."))
        seen.setdefault(manual.id, manual)
    return problems


def pairing_problems(manuals: Sequence[Manual], partial: bool) -> list[Problem]:
    """A pairing names a manual and steps that exist, and paired steps agree on who acts. In a
    `partial` library (a copy of some manuals) the other manual may be left out."""
    problems: list[Problem] = []
    by_id = {manual.id: manual for manual in manuals}
    for manual in manuals:
        if manual.pairing is None:
            continue
        path, line = manual.path / MANUAL_FILE, manual.lines.get("pairs", 1)
        other = by_id.get(manual.pairing.manual_id)
        if other is None:
            if not partial:
                problems.append(Problem(path, line, f"'pairs' names the manual '{manual.pairing.manual_id}', "
                                        "which does not exist. Use a manual's id."))
            continue
        own = {step.slug: step for step in manual.steps}
        theirs = {step.slug: step for step in other.steps}
        for mine, their in manual.pairing.steps.items():
            if mine not in own:
                problems.append(Problem(path, line, f"'pairs' pairs the step '{mine}', which is not a step of "
                                        "this manual."))
            elif their not in theirs:
                problems.append(Problem(path, line, f"'pairs' pairs '{mine}' with '{their}', which is not a step "
                                        f"of {other.id}."))
            elif own[mine].who != theirs[their].who:
                step = own[mine]
                problems.append(Problem(step.path, step.lines.get("who", 1), f"'who: {step.who}' differs from the "
                                        f"paired step {other.id}/{their} ('who: {theirs[their].who}'). The pair's "
                                        "manuals must agree on who acts in a step: make them the same."))
    return problems


def history_problems(path: Path, front: Located, steps: Sequence[Step]) -> list[Problem]:
    """A move leads to a step or item that exists; a withdrawn or old name is not in use."""
    current = {step.slug: {item.id for item in step.source.checklist} for step in steps}
    moved = front.data.get("moved") or {}
    withdrawn = front.data.get("withdrawn") or {}
    problems = []
    for old, new in (moved.get("steps") or {}).items():
        line = front.line("moved", "steps", old)
        if new not in current:
            problems.append(Problem(path, line, f"'{old}' is moved to '{new}', which is not a step of this manual."))
        if old in current:
            problems.append(Problem(path, line, f"'{old}' is a step again; remove it from 'moved' or rename the step."))
    for old, new in (moved.get("checklist") or {}).items():
        line = front.line("moved", "checklist", old)
        step, item = new.split("/")
        if item not in current.get(step, set()):
            problems.append(Problem(path, line, f"'{old}' is moved to '{new}', which is not a checklist item here."))
        old_step, old_item = old.split("/")
        if old_item in current.get(old_step, set()):
            problems.append(Problem(path, line, f"'{old}' is a checklist item again; remove it from 'moved'."))
    return problems + withdrawn_problems(path, front, withdrawn, current)


def withdrawn_problems(path: Path, front: Located, withdrawn: dict[str, Any], current: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for index, name in enumerate(withdrawn.get("steps") or []):
        if name in current:
            problems.append(Problem(path, front.line("withdrawn", "steps", index),
                                    f"'{name}' is withdrawn but still a step: remove one or the other."))
    for index, name in enumerate(withdrawn.get("checklist") or []):
        step, item = name.split("/")
        if item in current.get(step, set()):
            problems.append(Problem(path, front.line("withdrawn", "checklist", index),
                                    f"'{name}' is withdrawn but still a checklist item: remove one or the other."))
    return problems


def translation_problems(file: StepFile, source: StepFile) -> list[Problem]:
    """A translation may lag behind its source (it then shows as outdated), but it may not
    have checklist items the source does not have: ticks are kept under the source's ids."""
    problems = []
    source_ids = {item["id"] for item in source.data["checklist"]}
    extra = [item["id"] for item in file.data["checklist"] if item["id"] not in source_ids]
    if extra:
        problems.append(Problem(file.path, file.front.line("checklist"), f"checklist ids not in the source "
                                f"{source.path.name}: {', '.join(extra)}. Use the source's ids."))
    if file.data["source_version"] > source.data["version"]:
        problems.append(Problem(file.path, file.front.line("source_version"), f"source_version "
                                f"{file.data['source_version']} is newer than the source's version "
                                f"{source.data['version']}. Use the version of {source.path.name}."))
    return problems
