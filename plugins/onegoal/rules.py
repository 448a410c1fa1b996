"""The editors' guide's content rules: warnings, not errors (`onegoal check --strict`
makes them errors). A step has 2 to 4 goals and 4 to 8 checklist items; a manual with
`max_hours` keeps its reader's time through all steps under that many hours."""

from __future__ import annotations

from .model import Library
from .problems import Problem

GOALS = (2, 4)
ITEMS = (4, 8)


def content_warnings(library: Library) -> list[Problem]:
    warnings = []
    for manual in library.manuals:
        for step in manual.steps:
            for field, (low, high), count in (("goals", GOALS, len(step.source.goals)),
                                              ("checklist", ITEMS, len(step.source.checklist))):
                if not low <= count <= high:
                    what = "goals" if field == "goals" else "checklist items"
                    warnings.append(Problem(step.path, step.lines.get(field, 1), f"warning: {count} {what}; "
                                            f"the editors' guide asks for {low} to {high}."))
        minutes = sum(step.duration for step in manual.steps)
        if manual.max_hours is not None and minutes > manual.max_hours * 60:
            warnings.append(Problem(manual.path / "manual.yml", manual.lines.get("max_hours", 1),
                                    f"warning: the steps' durations add up to {minutes // 60} h {minutes % 60} min, "
                                    f"more than max_hours: {manual.max_hours}. Shorten some steps."))
    return warnings
