"""A page in one language cut into the pieces a translation is compared by, each with the
line of its file: the front matter's fields (title, summary, each goal, each checklist
item) and the body's blocks (paragraph, heading, list item, table cell, box title).

A block's text is what a reader sees: Markdown's marks, link targets, attribute lists and
code are taken out (code is not translated; its words and numbers are not prose). The raw
Markdown of the block is kept beside it for the checks that read links and anchors.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from onegoal.content.model import StepText
from onegoal.content.yamlsource import YamlSyntaxError, parse

_FENCE = re.compile(r"^\s*(```|~~~)")
_BOX_OPENER = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+"([^"]*)")?\s*$')
_LINE_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*)")
_HEADING = re.compile(r"^\s*#{1,6}\s")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_HTML_COMMENT = re.compile(r"<!--.*?-->")


@dataclass(frozen=True)
class Block:
    """One piece of a page: `key` names it so a source and its translation can be paired
    ("title", "goal 2", "item write-cv", "body 7"), `heading` is true for a heading."""

    key: str
    line: int
    text: str
    raw: str
    heading: bool = False


def plain(markdown: str) -> str:
    """What a reader sees of a line of Markdown: no marks, no link targets, no code."""
    text = _HTML_COMMENT.sub("", _CODE_SPAN.sub(" ", markdown))
    text = _LINK.sub(lambda found: found[2], _ATTRIBUTES.sub("", text))
    return html.unescape(_EMPHASIS.sub("", text)).strip()


def body_blocks(body: str, first_line: int) -> list[Block]:
    """The body's blocks in order, each at the file line where it starts. Table rows are cut
    into cells, since each cell is a paragraph of its own on the page (and for bidi)."""
    blocks: list[Block] = []
    lines: list[str] = []
    start = first_line
    fenced = False

    def close() -> None:
        raw = " ".join(lines)
        text = " ".join(filter(None, (plain(_LINE_MARK.sub("", line)) for line in lines)))
        if lines and text:
            blocks.append(Block(f"body {len(blocks) + 1}", start, text, raw, bool(_HEADING.match(lines[0]))))
        lines.clear()

    for number, line in enumerate(body.splitlines(), first_line):
        if _FENCE.match(line):
            close()
            fenced = not fenced
            continue
        opener = _BOX_OPENER.match(line)
        if fenced or opener or not line.strip() or _TABLE_RULE.match(line) or line.lstrip().startswith("|"):
            close()
            if opener and opener[1]:
                blocks.append(Block(f"body {len(blocks) + 1}", number, plain(opener[1]), line))
            if not fenced and line.lstrip().startswith("|") and not _TABLE_RULE.match(line):
                for cell in line.strip().strip("|").split("|"):
                    if plain(cell):
                        blocks.append(Block(f"body {len(blocks) + 1}", number, plain(cell), cell))
            continue
        if _LINE_MARK.match(line):
            close()
        if not lines:
            start = number
        lines.append(line)
    close()
    return blocks


def front_lines(path: Path) -> dict[str, int]:
    """The file line of each front matter field a translation has: 'title', 'summary',
    'goal N' (from 1) and 'item ID'. Empty when the file has no front matter to read."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        return {}
    try:
        located = parse(text[4:text.index("\n---\n", 3) + 1], 2)
    except YamlSyntaxError:
        return {}
    data = located.data if isinstance(located.data, dict) else {}
    lines = {name: located.line(name) for name in ("title", "summary") if name in data}
    for index, _ in enumerate(data.get("goals") or []):
        lines[f"goal {index + 1}"] = located.line("goals", index)
    for index, item in enumerate(data.get("checklist") or []):
        if isinstance(item, dict):
            lines[f"item {item.get('id')}"] = located.line("checklist", index, "text")
    return lines


def step_blocks(text: StepText, path: Path) -> list[Block]:
    """A step's fields and body blocks, in the order of its file."""
    lines = front_lines(path)
    fields = [("title", text.title), ("summary", text.summary)]
    fields += [(f"goal {index}", goal) for index, goal in enumerate(text.goals, 1)]
    fields += [(f"item {item.id}", item.text) for item in text.checklist]
    blocks = [Block(key, lines.get(key, 1), plain(value), value) for key, value in fields if value]
    return blocks + body_blocks(text.body, text.body_line)


@dataclass(frozen=True)
class Pair:
    """A page in the source language and its translation into `language`, cut into blocks."""

    source: list[Block]
    translation: list[Block]
    language: str
    path: Path  # the translation's file
    source_path: Path
    source_body: str
    source_body_line: int
    body: str
    body_line: int  # the translation's line where its body starts
    quotes_source: bool = False  # a page about writing the source language, quoting it on purpose

    def paired(self, block: Block, blocks: list[Block], others: list[Block]) -> Block | None:
        """The block of `others` in the place of `block` of `blocks`: the same field, or the
        body block at the same place when the bodies' blocks pair one to one."""
        if not block.key.startswith("body "):
            return next((other for other in others if other.key == block.key), None)
        own = [each for each in blocks if each.key.startswith("body ")]
        other = [each for each in others if each.key.startswith("body ")]
        return other[own.index(block)] if len(own) == len(other) else None

    def counterpart(self, block: Block) -> int:
        """The translation's line that says what the source's `block` says: the same field,
        the block at the same place, or the heading of the same section when the blocks do
        not pair one to one; else the body's first line."""
        if not block.key.startswith("body "):
            return next((own.line for own in self.translation if own.key == block.key), self.body_line)
        source = [own for own in self.source if own.key.startswith("body ")]
        translated = [own for own in self.translation if own.key.startswith("body ")]
        if len(source) == len(translated):
            return translated[source.index(block)].line
        source_heads = [own for own in source if own.heading]
        heads = [own for own in translated if own.heading]
        before = [own for own in source_heads if own.line <= block.line]
        if before and len(source_heads) == len(heads):
            return heads[len(before) - 1].line
        return self.body_line


def block_at(blocks: list[Block], line: int) -> Block | None:
    """The body block a line of the file belongs to."""
    body = [block for block in blocks if block.key.startswith("body ") and block.line <= line]
    return body[-1] if body else None
