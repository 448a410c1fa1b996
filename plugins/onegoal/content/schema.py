"""The fields each content file may hold, and the checks that explain a wrong one.

A check yields (key, message) pairs; the key is the path of the value inside the
YAML document, which the caller turns into a line number.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from onegoal.content.model import ACTORS
from onegoal.content.yamlsource import Key

ID_RULE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_HINT = "use only lowercase letters a-z, digits and single hyphens, like 'write-cv'"
# Names the site gives to pages of its own inside a manual's folder.
RESERVED_STEP_NAMES = ("index", "print")

Issue = tuple[Key, str]
Check = Callable[[Any, Key], Iterator[Issue]]


@dataclass(frozen=True)
class Field:
    name: str
    check: Check
    required: bool = True


def check_fields(data: Any, fields: Sequence[Field], what: str) -> Iterator[Issue]:
    """Missing, unknown and wrong fields of one YAML mapping."""
    if not isinstance(data, dict):
        yield (), f"the {what} must be a list of 'name: value' lines."
        return
    known = {field.name: field for field in fields}
    for name in data:
        if name not in known:
            yield (name,), _unknown_field(name, what, list(known))
    for field in fields:
        if name_missing(data, field):
            yield (), f"the {what} has no '{field.name}'. Add a line '{field.name}: ...'."
        elif field.name in data:
            yield from field.check(data[field.name], (field.name,))


def name_missing(data: dict[Any, Any], field: Field) -> bool:
    return field.required and data.get(field.name) is None


def _unknown_field(name: Any, what: str, known: list[str]) -> str:
    message = f"'{name}' is not a field of the {what}."
    close = difflib.get_close_matches(str(name), known, n=1)
    if close:
        return f"{message} Did you mean '{close[0]}'?"
    return f"{message} Allowed fields: {', '.join(known)}."


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def whole_number(value: Any, key: Key) -> Iterator[Issue]:
    if isinstance(value, bool) or not isinstance(value, int):
        yield key, f"'{key[-1]}' must be a whole number such as 3, not {_shown(value)}."
    elif value < 1:
        yield key, f"'{key[-1]}' must be 1 or more, not {value}."


def text(value: Any, key: Key) -> Iterator[Issue]:
    if not isinstance(value, str):
        yield key, f"'{key[-1]}' must be text, not {_shown(value)}. Put it in quotes if needed."
    elif not value.strip():
        yield key, f"'{key[-1]}' is empty. Write the text after the colon."


def boolean(value: Any, key: Key) -> Iterator[Issue]:
    if not isinstance(value, bool):
        yield key, f"'{key[-1]}' must be true or false, not {_shown(value)}."


def version_text(value: Any, key: Key) -> Iterator[Issue]:
    if not isinstance(value, str) or not value.strip():
        yield key, f"'{key[-1]}' must be text in quotes, like \"1.0\", not {_shown(value)}."


def date(value: Any, key: Key) -> Iterator[Issue]:
    if not isinstance(value, datetime.date):
        yield key, f"'{key[-1]}' must be a date written YYYY-MM-DD, not {_shown(value)}."


def choice(*options: str) -> Check:
    def check(value: Any, key: Key) -> Iterator[Issue]:
        if value not in options:
            yield key, f"'{key[-1]}' must be one of {', '.join(options)}, not {_shown(value)}."

    return check


def text_list(value: Any, key: Key) -> Iterator[Issue]:
    if not isinstance(value, list) or not value:
        yield key, f"'{key[-1]}' must be a list with one '- text' line per entry."
        return
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            yield (*key, index), f"entry {index + 1} of '{key[-1]}' must be text, not {_shown(item)}."


CHECKLIST_ITEM = (Field("id", text), Field("text", text))


def checklist(value: Any, key: Key) -> Iterator[Issue]:
    if not isinstance(value, list) or not value:
        yield key, "'checklist' must be a list of items, each with '- id: ...' and 'text: ...'."
        return
    seen: set[str] = set()
    for index, item in enumerate(value):
        item_key = (*key, index)
        issues = list(check_fields(item, CHECKLIST_ITEM, f"checklist item {index + 1}"))
        yield from ((item_key + issue_key, message) for issue_key, message in issues)
        if issues:
            continue
        item_id = item["id"]
        if not ID_RULE.match(item_id):
            yield (*item_key, "id"), f"checklist id '{item_id}' breaks the id rule: {ID_HINT}."
        elif item_id in seen:
            yield (*item_key, "id"), f"checklist id '{item_id}' is used twice in this step. Give each item its own id."
        seen.add(item_id)


def language_map(languages: Sequence[str], source: str) -> Check:
    """A text per language, the source language required."""

    def check(value: Any, key: Key) -> Iterator[Issue]:
        name = key[-1]
        if not isinstance(value, dict):
            yield key, f"'{name}' must have one line per language, like '  {source}: ...'."
            return
        for language, words in value.items():
            if language not in languages:
                yield (*key, language), (
                    f"'{language}' under '{name}' is not a language of this site "
                    f"({', '.join(languages)})."
                )
            else:
                yield from text(words, (*key, language))
        if source not in value:
            yield key, f"'{name}' has no '{source}' line; the source language is required."

    return check


def changelog(languages: Sequence[str], source: str) -> Check:
    entry_fields = (
        Field("version", version_text),
        Field("date", date),
        Field("changes", language_map(languages, source)),
    )

    def check(value: Any, key: Key) -> Iterator[Issue]:
        if not isinstance(value, list) or not value:
            yield key, "'changelog' must list at least one change, each with version, date and changes."
            return
        for index, entry in enumerate(value):
            issues = check_fields(entry, entry_fields, f"changelog entry {index + 1}")
            yield from (((*key, index) + issue_key, message) for issue_key, message in issues)

    return check


def step_names(value: Any, key: Key) -> Iterator[Issue]:
    """The manual's steps in reading order: one step name per line."""
    if not isinstance(value, list) or not value:
        yield key, "'steps' must list the manual's steps in order, one '- name' line per step."
        return
    seen: set[str] = set()
    for index, name in enumerate(value):
        if not isinstance(name, str) or not ID_RULE.match(name):
            yield (*key, index), f"'{_shown(name)}' is not a step name: {ID_HINT}, as in the file name name.md."
        elif name in RESERVED_STEP_NAMES:
            yield (*key, index), f"'{name}' is the name of a page the site makes itself: choose another step name."
        elif name in seen:
            yield (*key, index), f"'{name}' is listed twice under 'steps'. Keep one line."
        else:
            seen.add(name)


def name_map(what: str, example: str) -> Check:
    """Old name -> new name, each a name under the id rule (with one '/' for checklist items)."""

    def check(value: Any, key: Key) -> Iterator[Issue]:
        if not isinstance(value, dict) or not value:
            yield key, f"'{key[-1]}' must have one line per moved {what}, like '{example}'."
            return
        for old, new in value.items():
            for name in (old, new):
                if not valid_name(name, what):
                    yield (*key, old), f"'{_shown(name)}' is not a {what} name; write it like '{example}'."

    return check


def name_list(what: str, example: str) -> Check:
    def check(value: Any, key: Key) -> Iterator[Issue]:
        if not isinstance(value, list) or not value:
            yield key, f"'{key[-1]}' must list one withdrawn {what} per line, like '- {example}'."
            return
        for index, name in enumerate(value):
            if not valid_name(name, what):
                yield (*key, index), f"'{_shown(name)}' is not a {what} name; write it like '{example}'."

    return check


def valid_name(name: Any, what: str) -> bool:
    """A step name, or for a checklist item 'step/item'."""
    if not isinstance(name, str):
        return False
    parts = name.split("/") if what == "checklist item" else [name]
    return len(parts) == (2 if what == "checklist item" else 1) and all(ID_RULE.match(part) for part in parts)


def section(fields: Sequence[Field], what: str) -> Check:
    def check(value: Any, key: Key) -> Iterator[Issue]:
        issues = check_fields(value, fields, what)
        yield from ((key + issue_key, message) for issue_key, message in issues)

    return check


MOVED = section((Field("steps", name_map("step", "old-name: new-name"), required=False),
                 Field("checklist", name_map("checklist item", "step/old-id: step/new-id"), required=False)),
                "'moved' section")
WITHDRAWN = section((Field("steps", name_list("step", "step-name"), required=False),
                     Field("checklist", name_list("checklist item", "step/item-id"), required=False)),
                    "'withdrawn' section")
PROPOSAL = Field("status", choice("proposal"), required=False)
# Who read the translation against its source, when, and which source version it was made from.
REVIEWED = section((Field("by", text), Field("date", date), Field("source_version", whole_number)), "'reviewed' section")


def step_pairs(value: Any, key: Key) -> Iterator[Issue]:
    if not isinstance(value, dict) or not value:
        yield key, "'steps' must have one line per step, 'this-step: the-other-manual's-step'."
        return
    for mine, theirs in value.items():
        for name in (mine, theirs):
            if not isinstance(name, str) or not ID_RULE.match(name):
                yield (*key, mine), f"'{_shown(name)}' is not a step name; write 'this-step: that-step'."


PAIRS = section((Field("manual", text), Field("steps", step_pairs)), "'pairs' section")

SOURCE_STEP = (
    Field("title", text),
    Field("summary", text),
    Field("duration", whole_number),
    Field("who", choice(*ACTORS)),
    Field("version", whole_number),
    Field("goals", text_list),
    Field("checklist", checklist),
    PROPOSAL,
)

TRANSLATED_STEP = (
    Field("source_version", whole_number),
    Field("title", text),
    Field("summary", text),
    Field("goals", text_list),
    Field("checklist", checklist),
    Field("draft", boolean, required=False),
    Field("reviewed", REVIEWED, required=False),
)


def manual_fields(languages: Sequence[str], source: str, audiences: Sequence[str]) -> tuple[Field, ...]:
    return (
        Field("id", text),
        Field("audience", choice(*audiences)),
        Field("version", version_text),
        PROPOSAL,
        Field("title", language_map(languages, source)),
        Field("description", language_map(languages, source)),
        Field("steps", step_names),
        Field("pairs", PAIRS, required=False),
        Field("max_hours", whole_number, required=False),
        Field("moved", MOVED, required=False),
        Field("withdrawn", WITHDRAWN, required=False),
        Field("changelog", changelog(languages, source)),
    )
