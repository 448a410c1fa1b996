"""The UI strings of the plugin and of the theme, read from their template files."""

from __future__ import annotations

import re
from pathlib import Path

import material
from conftest import REPO

THEME = Path(material.__file__).parent / "templates" / "partials" / "languages"
ENTRY = re.compile(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$', re.M)


def read(path: Path) -> dict[str, str]:
    return dict(ENTRY.findall(path.read_text(encoding="utf-8")))


def plugin_strings(language: str) -> dict[str, str]:
    return read(REPO / "overrides/partials/onegoal/languages" / f"{language}.html")


def theme_strings(language: str) -> dict[str, str]:
    own = REPO / "overrides/partials/languages" / f"{language}.html"
    return read(own if own.exists() else THEME / f"{language}.html")


def fill(text: str, **values: object) -> str:
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text
