"""A manual on paper: step bodies joined into one page, and the footer of every sheet.

The print page shows every step of a manual one after another. Each step's body was
rendered for its own page, so its heading ids would clash with the next step's and
its headings would sit at the level of the step titles: both are adjusted here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ID = re.compile(r'(\sid=")([^"]+)(")')
_FRAGMENT = re.compile(r'(\shref="#)([^"]+)(")')
_HEADING = re.compile(r"<(/?)h([1-5])\b")


def scoped(html: str, prefix: str) -> str:
    """Ids and in-page links of one step, made unique within the print page."""
    html = _ID.sub(lambda match: f"{match[1]}{prefix}-{match[2]}{match[3]}", html)
    return _FRAGMENT.sub(lambda match: f"{match[1]}{prefix}-{match[2]}{match[3]}", html)


def demoted(html: str) -> str:
    """Headings one level down: the step's title is the level its sections had."""
    return _HEADING.sub(lambda match: f"<{match[1]}h{int(match[2]) + 1}", html)


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: backslashes, quotes and line ends escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\n\r\f]", " ", escaped) + '"'


def footer_content(template: str, values: dict[str, str]) -> str:
    """A CSS `content` value from a footer string such as "{manual}, page {page} of {pages}":
    {page} and {pages} become the page counters, the other fields their text."""
    parts: list[str] = []
    for piece in _pieces(template):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            for name, value in values.items():
                piece = piece.replace("{" + name + "}", value)
            parts.append(css_string(piece))
    return " ".join(parts)


def _pieces(template: str) -> Iterator[str]:
    yield from re.split(r"(\{pages?\})", template)
