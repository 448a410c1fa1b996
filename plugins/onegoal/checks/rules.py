"""The editors' guide's content rules: warnings, not errors (`onegoal check --strict`
makes them errors). A step has 2 to 4 goals and 4 to 8 checklist items; a manual with
`max_hours` keeps its reader's time through all steps under that many hours. A Candidate
step writes numbers as digits and reads easily (LIX at most 30), and no translation carries
facts its source has withdrawn (fact_rules.py)."""

from __future__ import annotations

import re
from pathlib import Path

from onegoal.checks.fact_rules import lagging_facts
from onegoal.checks.readability import lix
from onegoal.checks.translation_checks import translation_warnings
from onegoal.content.glossary import Glossary
from onegoal.content.model import Library, Manual, Step
from onegoal.content.problems import Problem
from onegoal.content.source_history import SourceHistory

GOALS = (2, 4)
ITEMS = (4, 8)
CANDIDATE = "candidate"  # the audience whose manual is written in plain Swedish at SFI level
MAX_LIX = 30
# Swedish numbers in words, from 2. Not "en" and "ett" (also the articles), "sex" (also the
# word for sex), "hundra" and "tusen" ("tusen tack"): a warning on ordinary Swedish could not
# be silenced, and --strict would make it an error.
NUMBERS = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
           "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
           "arton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60,
           "sjuttio": 70, "åttio": 80, "nittio": 90}
# Whole words; "två-tre" is two numbers.
_NUMBER_WORD = re.compile(r"(?<!\w)(" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
_CODE = re.compile(r"`[^`]*`|\{[:#.][^}]*\}|\]\([^)]*\)|<!--.*?-->")
_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})")
_ID_LINE = re.compile(r"^\s*(?:-\s*)?id:")


def _shape_warnings(manual: Manual) -> list[Problem]:
    warnings = []
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


def numbers_in_words(step: Step) -> list[Problem]:
    """Each number written in words in a source step's file, at its line."""
    warnings = []
    lines = step.path.read_text(encoding="utf-8").splitlines()
    fenced = False
    for number, line in enumerate(lines, 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or _ID_LINE.match(line):
            continue  # code and ids are not the reader's words
        for found in _NUMBER_WORD.finditer(_CODE.sub(" ", line)):
            word = found.group(1)
            warnings.append(Problem(step.path, number, f'warning: "{word}" is a number in words; the editors\' '
                                    f"guide asks for digits in the Candidate manual: {NUMBERS[word.lower()]}."))
    return warnings


def hard_to_read(step: Step) -> list[Problem]:
    figure = lix(step.source)
    if figure <= MAX_LIX:
        return []
    return [Problem(step.path, step.lines.get("title", 1), f"warning: LIX {figure:.0f}, above {MAX_LIX}: too hard "
                    "for the Candidate manual. Write shorter sentences and shorter words (see the editors' guide).")]


def content_warnings(library: Library, glossary: Glossary | None = None, history: SourceHistory | None = None,
                     docs_dir: Path | None = None) -> list[Problem]:
    warnings = []
    for manual in library.manuals:
        warnings += _shape_warnings(manual)
        if manual.audience == CANDIDATE:
            for step in manual.steps:
                warnings += numbers_in_words(step) + hard_to_read(step)
    warnings += translation_warnings(library, glossary, docs_dir)
    if history is not None:
        warnings += lagging_facts(library, glossary, history)
    return warnings
