"""What a translated text (a PO msgstr) must keep of its source text (the msgid), so that
writing it into a Markdown or YAML file cannot break the page: its block, its emphasis,
its code, its links, anchors and placeholders."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from onegoal.editors.translate.po_markdown import starts_block

_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*)?\)")
_ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*\}|%(?:\d+\$)?[sd]")
_CODE = re.compile(r"`[^`]*`")
# Texts that may run over several lines: a paragraph's or a list item's lines stay in it.
MULTILINE = {"paragraph", "list item"}
PAIRS = (("**", "**", "'**' (bold)"), ("`", "`", "backticks (`)"), ("[", "]", "square brackets"),
         ("(", ")", "round brackets"))


def problems(kind: str, source: str, translated: str) -> Iterator[str]:
    """What is wrong with `translated` as the translation of `source`, each said as what to
    do about it; nothing when it can be written."""
    yield from _lines(kind, translated)
    if kind == "table cell" and re.search(r"(?<!\\)\|", _CODE.sub("", translated)):
        yield "a '|' would split the table cell: write '\\|' or leave it out."
    for opening, closing, name in PAIRS:
        if _balanced(source, opening, closing) and not _balanced(translated, opening, closing):
            yield f"the {name} do not pair up as in the source text: close each one you open."
    yield from _same("link target", _targets(source), _targets(translated))
    yield from _same("attribute list or {#anchor}", _found(_ATTRIBUTES, source), _found(_ATTRIBUTES, translated))
    yield from _same("placeholder", _found(_PLACEHOLDER, source), _found(_PLACEHOLDER, translated))


def _lines(kind: str, translated: str) -> Iterator[str]:
    if translated != translated.strip():
        yield "the text starts or ends with a space or a line break: remove it."
    if "\n" in translated and kind not in MULTILINE:
        yield f"a {kind} is one line: remove the line breaks."
    elif "\n\n" in translated:
        yield "an empty line would end the paragraph and start another: remove it."
    if kind in MULTILINE:
        lines = translated.split("\n")
        if kind == "paragraph" and starts_block(lines[0]):
            yield "the text starts like a heading, list, table or box, which would change the page: reword its start."
        if any(starts_block(line.lstrip()) for line in lines[1:] if line.strip()):
            yield "a line starts like a heading, list, table or box: join it to the line before."


def _balanced(text: str, opening: str, closing: str) -> bool:
    text = _CODE.sub("", text) if opening != "`" else text
    if opening == closing:
        return text.count(opening) % 2 == 0
    depth = 0
    for char in text:
        depth += (char == opening) - (char == closing)
        if depth < 0:
            return False
    return depth == 0


def _targets(text: str) -> Counter[str]:
    """Link targets without their #anchor: a translation links to the same page, but to
    the heading's anchor in its own language (profilen.md#prepare)."""
    found: Counter[str] = Counter()
    for target in _LINK.findall(_CODE.sub("", text)):
        page, hashed, _ = target.partition("#")
        found[page + ("#" if hashed else "")] += 1
    return found


def _found(pattern: re.Pattern[str], text: str) -> Counter[str]:
    return Counter(pattern.findall(_CODE.sub("", text)))


def _same(what: str, source: Counter[str], translated: Counter[str]) -> Iterator[str]:
    if source != translated:
        missing = sorted((source - translated).elements())
        extra = sorted((translated - source).elements())
        said = "; ".join(part for part in (f"keep {', '.join(missing)}" if missing else "",
                                            f"remove {', '.join(extra)}" if extra else "") if part)
        yield f"the {what}s differ from the source text's: {said}."
