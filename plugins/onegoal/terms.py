"""Glossary terms marked in a page's HTML: the first time each term appears in the text,
outside links, headings, code and box titles, it is wrapped so that a tap or keyboard
focus shows its explanation. Only text is searched; the markup around it is kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")
# Where a term is not marked: its text is already a link or a heading, or code.
SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "script", "style", "button", "summary",
        "abbr", "dt"}


def mark_first(html: str, terms: Sequence[tuple[re.Pattern[str], T]],
               render: Callable[[T, str], str]) -> tuple[str, list[T]]:
    """`html` with the first occurrence of each term wrapped by `render(term, matched text)`;
    returns the new HTML and the terms found, in the order they appear."""
    parts = _TAG.split(html)
    skipping: list[str] = []
    remaining = list(terms)
    found: list[T] = []
    for index, part in enumerate(parts):
        if part.startswith("<"):
            _follow(part, skipping)
            continue
        if skipping or not remaining or not part.strip():
            continue
        parts[index] = _mark_text(part, remaining, found, render)
    return "".join(parts), found


def _follow(tag: str, skipping: list[str]) -> None:
    match = _TAG_NAME.match(tag)
    if not match:
        return
    closing, name = match[1] == "/", match[2].lower()
    if closing:
        if skipping and skipping[-1] == name:
            skipping.pop()
    elif (name in SKIP or (name == "p" and "admonition-title" in tag)) and not tag.rstrip(">").endswith("/"):
        skipping.append(name)


def _mark_text(text: str, remaining: list[tuple[re.Pattern[str], T]], found: list[T],
               render: Callable[[T, str], str]) -> str:
    out = []
    position = 0
    while remaining:
        hits = [(match.start(), -len(match[0]), order, match) for order, (pattern, _) in enumerate(remaining)
                if (match := pattern.search(text, position))]
        if not hits:
            break
        _, _, order, match = min(hits)
        _, term = remaining.pop(order)
        out.append(text[position:match.start()])
        out.append(render(term, match[0]))
        found.append(term)
        position = match.end()
    out.append(text[position:])
    return "".join(out)
