"""Translations that still carry facts their source has withdrawn.

A translation may lag one version behind its Swedish step while a translator catches up.
More than one version behind, and with a fact-bearing part of the source changed since the
version it was made from, the reader in that language acts on old facts: a warning. The
fact-bearing parts are the checklist and every paragraph, list item or table row that holds
a number or a glossary word. The earlier source comes from git (source_history.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from onegoal.checks.readability import plain_blocks
from onegoal.content.glossary import Glossary
from onegoal.content.model import Library, Step, Translation
from onegoal.content.problems import Problem
from onegoal.content.source_history import SourceHistory

GRACE = 1  # versions a translation may lag before its facts are questioned
_SHOWN = 3  # changed parts named in one warning


def glossary_words(glossary: Glossary | None) -> re.Pattern[str] | None:
    words = sorted({form for term in (glossary.terms if glossary else ()) for form in (term.word, *term.forms)},
                   key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE) if words else None


def fact_parts(checklist: Iterable[tuple[str, str]], body: str, words: re.Pattern[str] | None) -> set[str]:
    """The checklist items (by id) and the body's blocks that hold a number or a glossary word."""
    parts = {f"checklist item '{item_id}': {text}" for item_id, text in checklist}
    return parts | {block for block in plain_blocks(body)
                    if re.search(r"\d", block) or (words is not None and words.search(block))}


def _parts_of_file(text: str, words: re.Pattern[str] | None) -> set[str]:
    _, front, body = (text.split("---", 2) + ["", ""])[:3]
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        data = None
    data = data if isinstance(data, dict) else {}
    items = [(str(item.get("id")), str(item.get("text"))) for item in data.get("checklist") or []
             if isinstance(item, dict)]
    return fact_parts(items, body, words)


def _line_of(path: str, key: str) -> int:
    with open(path, encoding="utf-8") as stream:
        return next((number for number, line in enumerate(stream, 1) if line.startswith(f"{key}:")), 1)


def _lag_warning(step: Step, translation: Translation, history: SourceHistory,
                 words: re.Pattern[str] | None) -> Problem | None:
    behind = step.version - translation.source_version
    if behind <= GRACE:
        return None
    where = (f"{translation.path.name} is {behind} versions behind {step.path.name} "
             f"(source_version {translation.source_version}, now {step.version})")
    line = _line_of(str(translation.path), "source_version")
    earlier = history.text_at(step.path, translation.source_version)
    if earlier is None:
        return Problem(translation.path, line, f"warning: {where}, and version {translation.source_version} of the "
                       "source is not in the git history to compare; read every fact again and bring the "
                       "translation up to date.")
    text = step.source
    now = fact_parts(((item.id, item.text) for item in text.checklist), text.body, words)
    changed = sorted(now ^ _parts_of_file(earlier, words))
    if not changed:
        return None
    shown = "; ".join(f'"{part[:60]}…"' if len(part) > 60 else f'"{part}"' for part in changed[:_SHOWN])
    more = f" and {len(changed) - _SHOWN} more" if len(changed) > _SHOWN else ""
    return Problem(translation.path, line, f"warning: {where}, and the source has changed facts since: {shown}{more}. "
                   "Translate those parts again and set source_version.")


def lagging_facts(library: Library, glossary: Glossary | None, history: SourceHistory) -> list[Problem]:
    words = glossary_words(glossary)
    found = [_lag_warning(step, translation, history, words) for manual in library.manuals
             for step in manual.steps for translation in step.translations.values()]
    return [problem for problem in found if problem is not None]
