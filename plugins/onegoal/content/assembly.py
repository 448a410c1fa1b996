"""The model made from source files that passed their checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from onegoal.content.model import (ChangelogEntry, ChecklistItem, History, Manual, Pairing, Review, Step, StepText,
                                   Translation)
from onegoal.content.source_files import StepFile
from onegoal.content.yamlsource import Located


def to_manual(root: Path, folder: Path, front: Located, steps: list[Step]) -> Manual:
    data = front.data
    changelog = tuple(
        ChangelogEntry(entry["version"], entry["date"], dict(entry["changes"]))
        for entry in data["changelog"]
    )
    return Manual(
        id=data["id"],
        audience=data["audience"],
        version=data["version"],
        title=dict(data["title"]),
        description=dict(data["description"]),
        changelog=changelog,
        steps=tuple(steps),
        path=folder,
        url_path=folder.relative_to(root).as_posix(),
        history=to_history(data.get("moved") or {}, data.get("withdrawn") or {}),
        proposal=data.get("status") == "proposal",
        pairing=Pairing(data["pairs"]["manual"], dict(data["pairs"]["steps"])) if data.get("pairs") else None,
        max_hours=data.get("max_hours"),
        lines=top_lines(front),
    )


def to_text(file: StepFile) -> StepText:
    data = file.data
    checklist = tuple(ChecklistItem(item["id"], item["text"]) for item in data["checklist"])
    return StepText(data["title"], data["summary"], tuple(data["goals"]), checklist, file.body, file.body_line)


def to_translation(file: StepFile) -> Translation:
    assert file.language is not None
    data = file.data
    review = data.get("reviewed")
    return Translation(file.language, to_text(file), data["source_version"], bool(data.get("draft", False)),
                       file.path, Review(review["by"], review["date"], review["source_version"]) if review else None)


def to_step(file: StepFile, number: int, translations: dict[str, Translation]) -> Step:
    data = file.data
    manual_id = file.path.parent.name
    return Step(manual_id, number, file.slug, data["version"], data["duration"], data["who"],
                to_text(file), file.path, translations, proposal=data.get("status") == "proposal",
                lines=top_lines(file.front))


def top_lines(front: Located) -> dict[str, int]:
    """The line of each top-level field of a YAML document."""
    return {key[0]: line for key, line in front.lines.items() if len(key) == 1 and isinstance(key[0], str)}


def to_history(moved: dict[str, Any], withdrawn: dict[str, Any]) -> History:
    def pair(name: str) -> tuple[str, str]:
        step, item = name.split("/")
        return step, item

    return History(
        steps=dict(moved.get("steps") or {}),
        items={pair(old): pair(new) for old, new in (moved.get("checklist") or {}).items()},
        withdrawn_steps=frozenset(withdrawn.get("steps") or []),
        withdrawn_items=frozenset(pair(name) for name in withdrawn.get("checklist") or []),
    )
