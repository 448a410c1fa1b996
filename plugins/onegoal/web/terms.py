"""Glossary terms marked in a page's HTML: the first time each term appears in the text,
outside links, headings, code and box titles, it is wrapped so that a tap or keyboard
focus shows its explanation. Only text is searched; the markup around it is kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Generic, TypeVar

T = TypeVar("T")

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")
# Where a term is not marked: its text is already a link or a heading, or code.
SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "script", "style", "button", "summary",
        "abbr", "dt"}


class TermForms(Generic[T]):
    """The words that stand for the terms in one language's texts (lowercase), each to its
    term, and the pattern that finds them: made once per language, used on all its pages."""

    def __init__(self, forms: Mapping[str, T]) -> None:
        self.forms = forms

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Any of the forms as a whole word, in any case, the longest first (so that
        'personliga brevet' wins over 'brevet')."""
        ordered = sorted(self.forms, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(" + "|".join(re.escape(form) for form in ordered) + r")(?![\w-])",
                          re.IGNORECASE)


def mark_first(html: str, terms: TermForms[T], render: Callable[[T, str], str]) -> tuple[str, list[T]]:
    """`html` with the first occurrence of each term wrapped by `render(term, matched text)`.
    Returns the new HTML and the terms found, in the order they appear."""
    forms = terms.forms
    if not forms:
        return html, []
    pattern = terms.pattern
    parts = _TAG.split(html)
    skipping: list[str] = []
    found: list[T] = []
    for index, part in enumerate(parts):
        if part.startswith("<"):
            _follow(part, skipping)
        elif not skipping and part.strip():
            parts[index] = pattern.sub(lambda match: _mark(match, forms, found, render), part)
    return "".join(parts), found


def _mark(match: re.Match[str], forms: Mapping[str, T], found: list[T], render: Callable[[T, str], str]) -> str:
    term = forms[match[0].lower()]
    if term in found:
        return match[0]
    found.append(term)
    return render(term, match[0])


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
