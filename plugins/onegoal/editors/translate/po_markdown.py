"""The units a translator translates in a Markdown body, each with its place in the file.

A unit is a heading, a paragraph, a list item, a table cell or an admonition's title,
inside admonitions too. Its span is the text itself (not the `## `, the `- `, the pipes or
the quotes), so that writing a translation back replaces exactly those characters and
leaves every other byte of the file as it was. Code blocks are not translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*$")
_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)")
_ADMONITION = re.compile(r'(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"(.*)")?[ \t]*$')
_FENCE = re.compile(r"(`{3,}|~{3,})")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_ATTR_LINE = re.compile(r"\{:?[^}]*\}$")
_FRONT_FENCE = re.compile(r"---[ \t]*\r?$")


@dataclass(frozen=True)
class Unit:
    """One text to translate: `key` names it in the PO file's msgctxt."""

    key: str
    kind: str  # what it is, for the translator: "heading", "paragraph", "table cell", ...
    text: str
    start: int  # its characters in the file: text[start:end]
    end: int
    line: int  # the file's line where it starts
    prefix: str = ""  # written before each further line of a longer text, to keep it in its block
    style: str = ""  # a YAML value's quoting: "", "'", '"', "|" or ">"


@dataclass(frozen=True)
class Edit:
    """Characters start..end of a file replaced by `text` (an insertion when start == end)."""

    start: int
    end: int
    text: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with every edit made; edits never overlap, so the last is made first. A file
    with Windows line ends keeps them in what is written into it."""
    crlf = "\r\n" in text
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.end), reverse=True):
        new = re.sub(r"(?<!\r)\n", "\r\n", edit.text) if crlf else edit.text
        text = text[:edit.start] + new + text[edit.end:]
    return text


def rewrite(unit: Unit, new: str) -> Edit:
    """The edit that puts `new` in the place of a body unit's text."""
    return Edit(unit.start, unit.end, new.replace("\n", "\n" + unit.prefix))


def split_front(text: str) -> tuple[int, int, int, int] | None:
    """Where a page's front matter and body are: (yaml start, yaml end, body start, body's
    first line), or None when the page has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FRONT_FENCE.match(lines[0]):
        return None
    offset = len(lines[0])
    for index, line in enumerate(lines[1:], start=1):
        if _FRONT_FENCE.match(line):
            return len(lines[0]), offset, offset + len(line), index + 2
        offset += len(line)
    return None


def body_units(text: str, start: int = 0, first_line: int = 1) -> list[Unit]:
    """The units of the Markdown in text[start:], numbered body:1, body:2, ..."""
    lines: list[tuple[int, str]] = []
    offset = start
    for raw in text[start:].splitlines(keepends=True):
        lines.append((offset, raw.rstrip("\r\n")))
        offset += len(raw)
    scanner = _Scanner(lines, first_line)
    scanner.scan(0, len(lines))
    return [Unit(f"body:{number}", *found) for number, found in enumerate(scanner.found, start=1)]


def starts_block(line: str) -> bool:
    """Whether a line (without its indentation) begins a block of its own, not a paragraph's
    next line: a heading, list item, code fence, admonition, table row or attribute list."""
    return bool(_HEADING.match(line) or _ITEM.match(line) or _FENCE.match(line)
                or _ADMONITION.match(line) or line.startswith("|") or _ATTR_LINE.match(line))


class _Scanner:
    def __init__(self, lines: list[tuple[int, str]], first_line: int) -> None:
        self.lines = lines
        self.first_line = first_line
        self.found: list[tuple[str, str, int, int, int, str]] = []

    def add(self, kind: str, index: int, column: int, end_index: int, end_column: int, prefix: str = "") -> None:
        offset, line = self.lines[index]
        parts = [line[column:]] + [self.lines[i][1].strip() for i in range(index + 1, end_index + 1)]
        if end_index == index:
            parts = [line[column:end_column]]
        else:
            parts[-1] = self.lines[end_index][1][:end_column].strip()
        body = "\n".join(parts).strip()
        if body:
            end = self.lines[end_index][0] + end_column
            self.found.append((kind, body, offset + column, end, self.first_line + index, prefix))

    def scan(self, index: int, end: int) -> None:
        while index < end:
            line = self.lines[index][1]
            content = line.lstrip()
            column = len(line) - len(content)
            if not content or _ATTR_LINE.match(content):
                index += 1
            elif fence := _FENCE.match(content):
                index = self.skip_fence(index + 1, end, fence.group(1))
            elif heading := _HEADING.match(content):
                self.add("heading", index, column + heading.start(2), index, column + heading.end(2))
                index += 1
            elif admonition := _ADMONITION.match(content):
                index = self.admonition(index, end, column, admonition)
            elif "|" in content and index + 1 < end and self.is_rule(index + 1):
                index = self.table(index, end)
            else:
                index = self.paragraph(index, end, column, _ITEM.match(content))

    def skip_fence(self, index: int, end: int, marker: str) -> int:
        while index < end and not self.lines[index][1].strip().startswith(marker):
            index += 1
        return index + 1

    def is_rule(self, index: int) -> bool:
        line = self.lines[index][1].strip()
        return "|" in line and bool(_TABLE_RULE.match(line))

    def admonition(self, index: int, end: int, column: int, found: re.Match[str]) -> int:
        if found.group(1):
            self.add("admonition title", index, column + found.start(1), index, column + found.end(1))
        inner = index + 1
        while inner < end and (not self.lines[inner][1].strip() or self.indent(inner) >= column + 4):
            inner += 1
        while inner > index + 1 and not self.lines[inner - 1][1].strip():
            inner -= 1  # blank lines after the box belong to the page, not to the box
        self.scan(index + 1, inner)
        return inner

    def indent(self, index: int) -> int:
        line = self.lines[index][1]
        return len(line) - len(line.lstrip())

    def table(self, index: int, end: int) -> int:
        while index < end and "|" in self.lines[index][1]:
            if not self.is_rule(index):
                self.row(index)
            index += 1
        return index

    def row(self, index: int) -> None:
        line = self.lines[index][1]
        pipes = [position for position, char in enumerate(line) if char == "|" and not _escaped(line, position)]
        bounds = [-1, *pipes, len(line)]
        for left, right in zip(bounds, bounds[1:]):
            cell = line[left + 1:right]
            if cell.strip():
                start = left + 1 + len(cell) - len(cell.lstrip())
                self.add("table cell", index, start, index, left + 1 + len(cell.rstrip()))

    def paragraph(self, index: int, end: int, column: int, item: re.Match[str] | None) -> int:
        start = column + (item.end() if item else 0)
        last = index
        while last + 1 < end and self.lines[last + 1][1].strip() and not starts_block(self.lines[last + 1][1].lstrip()):
            last += 1
        # A further line of its text keeps the indent of the one that follows now, or else
        # starts under its first word: inside a box or a nested list it stays in its block.
        prefix = " " * start
        if last > index:
            following = self.lines[index + 1][1]
            prefix = following[:len(following) - len(following.lstrip())]
        self.add("list item" if item else "paragraph", index, start, last, len(self.lines[last][1].rstrip()), prefix)
        return last + 1


def _escaped(line: str, position: int) -> bool:
    """A pipe written `\\|`, or inside a code span, is part of a cell's text."""
    if position and line[position - 1] == "\\":
        return True
    return line[:position].count("`") % 2 == 1
