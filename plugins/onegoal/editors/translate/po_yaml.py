"""The units of a step's front matter and of a glossary file, each at its YAML value's place.

Values are found with yaml.compose, whose marks give every value's characters in the
file, so a new translation is written over the old value alone: comments, order, quoting
and every other line stay as they were. A value is written back in its old quoting when
that can hold the new text, else as a double-quoted string (JSON's escapes are YAML's).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import yaml

from onegoal.editors.translate.po_markdown import Edit, Unit

_STYLES = {None: "", "": "", "'": "'", '"': '"', "|": "|", ">": ">"}
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")


class PlacementError(Exception):
    """A new value cannot be placed in the file as it is written: say where and why."""


@dataclass
class Found:
    """The units of a YAML text, and the nodes that new values are added next to."""

    units: list[Unit] = field(default_factory=list)
    nodes: dict[str, yaml.Node] = field(default_factory=dict)


def compose(text: str) -> yaml.Node | None:
    # The pure-Python loader: its marks count characters, as Python's strings do.
    return yaml.compose(text, Loader=yaml.SafeLoader)


def step_front(text: str, start: int, end: int) -> Found:
    """title, summary, goal:N and checklist:<id> of the front matter in text[start:end]."""
    found = Found()
    root = compose(text[start:end])
    top = _mapping(root)
    for name in ("title", "summary"):
        if isinstance(top.get(name), yaml.ScalarNode):
            found.units.append(_unit(name, name, top[name], text, start))
    goals = top.get("goals")
    if isinstance(goals, yaml.SequenceNode):
        found.nodes["goals"] = goals
        for number, node in enumerate(goals.value, start=1):
            if isinstance(node, yaml.ScalarNode):
                found.units.append(_unit(f"goal:{number}", "goal", node, text, start))
    checklist = top.get("checklist")
    if isinstance(checklist, yaml.SequenceNode):
        found.nodes["checklist"] = checklist
        for entry in checklist.value:
            item = _mapping(entry)
            if isinstance(item.get("id"), yaml.ScalarNode) and isinstance(item.get("text"), yaml.ScalarNode):
                found.units.append(_unit(f"checklist:{item['id'].value}", "checklist item", item["text"], text, start))
    for name in ("source_version", "version", "reviewed"):
        if name in top:
            found.nodes[name] = top[name]
    return found


def glossary_terms(text: str) -> tuple[Found, dict[str, dict[str, yaml.Node]]]:
    """text:<id> and forms:<id> of each term (forms as one comma-separated text), and each
    term's nodes by field name."""
    found = Found()
    terms = _mapping(compose(text)).get("terms")
    by_id: dict[str, dict[str, yaml.Node]] = {}
    if isinstance(terms, yaml.SequenceNode):
        found.nodes["terms"] = terms
        for entry in terms.value:
            term = _mapping(entry)
            if not isinstance(term.get("id"), yaml.ScalarNode):
                continue
            term_id = term["id"].value
            by_id[term_id] = term
            if isinstance(term.get("text"), yaml.ScalarNode):
                found.units.append(_unit(f"text:{term_id}", "glossary explanation", term["text"], text, 0))
            forms = term.get("forms")
            if isinstance(forms, yaml.SequenceNode):
                words = ", ".join(str(node.value) for node in forms.value)
                found.units.append(Unit(f"forms:{term_id}", "glossary forms", words, forms.start_mark.index,
                                        _end(text, forms), forms.start_mark.line + 1, style="["))
    return found, by_id


def scalar(value: str, style: str = "") -> str:
    """`value` as a YAML scalar on one line, in `style` when it can hold it."""
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if style in ("", "'") and _plain(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def flow_list(words: list[str]) -> str:
    """Words as a YAML list on one line: [praktik, praktiken]."""
    return "[" + ", ".join(word if _plain(word) and not _FLOW_UNSAFE.search(word)
                           else json.dumps(word, ensure_ascii=False) for word in words) + "]"


def replace_value(unit: Unit, new: str) -> Edit:
    if unit.style == "[":
        return Edit(unit.start, unit.end, flow_list(split_words(new)))
    return Edit(unit.start, unit.end, scalar(new, unit.style))


def split_words(value: str) -> list[str]:
    return [word.strip() for word in value.split(",") if word.strip()]


def append_item(text: str, sequence: yaml.Node, lines: list[str]) -> Edit:
    """An edit that adds an item after the last of a block list, indented as its items: its
    first line after the list's '- ', the others under it."""
    if not isinstance(sequence, yaml.SequenceNode) or sequence.flow_style or not sequence.value:
        raise PlacementError("the list is written on one line or is empty: write it as one '- ' line per item")
    last = sequence.value[-1]
    line_start = text.rfind("\n", 0, last.start_mark.index) + 1
    dash = re.match(r"[ \t]*-[ \t]+", text[line_start:])
    if dash is None:
        raise PlacementError("its items do not each start on a line of their own with '- '")
    position = text.find("\n", _end(text, last))
    position = len(text) if position < 0 else position
    under = " " * len(dash.group(0))
    added = "\n" + dash.group(0) + lines[0] + "".join("\n" + under + line for line in lines[1:])
    return Edit(position, position, added)


def insert_before(text: str, node: yaml.Node, line: str) -> Edit:
    """A line added before the line of `node`'s key, with the same indentation."""
    line_start = text.rfind("\n", 0, node.start_mark.index) + 1
    indent = re.match(r"[ \t]*", text[line_start:]).group(0)
    return Edit(line_start, line_start, indent + line + "\n")


def remove_entry(text: str, key: str, node: yaml.Node, offset: int = 0) -> Edit:
    """The lines of `key: value` taken out whole (a flow or a block mapping as value)."""
    value_start = offset + node.start_mark.index
    line_start = text.rfind("\n", 0, text.rfind(f"{key}:", 0, value_start)) + 1
    end = offset + node.end_mark.index
    if isinstance(node, yaml.MappingNode) and node.flow_style:
        end = text.find("\n", end - 1)
        end = len(text) if end < 0 else end + 1
    return Edit(line_start, end, "")


def set_number(text: str, node: yaml.Node, number: int, offset: int = 0) -> Edit:
    return Edit(offset + node.start_mark.index, offset + _end(text[offset:], node), str(number))


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _unit(key: str, kind: str, node: yaml.Node, text: str, offset: int) -> Unit:
    part = text[offset:]
    start = offset + node.start_mark.index
    # Front matter starts on the file's line 2 (after '---'); a glossary on line 1.
    line = node.start_mark.line + (2 if offset else 1)
    return Unit(key, kind, str(node.value), start, offset + _end(part, node), line, style=_STYLES.get(node.style, ""))


def _end(text: str, node: yaml.Node) -> int:
    """Where a value's own characters end: a block scalar's mark runs on past its newline."""
    start, end = node.start_mark.index, node.end_mark.index
    return start + len(text[start:end].rstrip())


def _plain(value: str) -> bool:
    """Whether YAML reads `value`, written bare after 'name: ', back as the same text."""
    if not value or value != value.strip() or "\n" in value:
        return False
    try:
        return yaml.safe_load(f"name: {value}") == {"name": value}
    except yaml.YAMLError:
        return False

