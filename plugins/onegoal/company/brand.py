"""A company's brand file: what its own copy of the corporate manuals shows.

    name: Exempel AB
    logo: exempel-logo.svg          # beside brand.yml; SVG, PNG, JPEG or WebP
    color: "#0b5394"                # optional: the header's colour, under white text
    languages: [sv, en, ar]         # optional: the copy's languages, Swedish included
    contact:
      name: Anna Andersson
      email: anna.andersson@exempel.se
      phone: "08-123 45 67"         # optional

Every problem is reported as brand.yml:LINE: what to do, all at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onegoal.checks.svg_pictures import svg_problems
from onegoal.content import schema
from onegoal.content.problems import ContentError, Problem
from onegoal.content.safe_paths import inside
from onegoal.content.yamlsource import Key, Located, YamlSyntaxError, parse

LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
MAX_LOGO_BYTES = 1024 * 1024
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Text on the coloured header is white; readers need a contrast of 4.5:1 (WCAG 2.1 AA).
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class Brand:
    name: str
    logo: Path
    color: str | None
    languages: tuple[str, ...]
    contact: Contact


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of white text on `colour` (#rrggbb)."""
    channels = [int(colour[index:index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def read_brand(path: Path, languages: Sequence[str], source: str) -> Brand:
    """The brand file at `path`; raises ContentError naming every problem by line."""
    problems: list[Problem] = []
    located = _parse(path, problems)
    if located is not None:
        fields = _fields(languages, source)
        for key, message in schema.check_fields(located.data, fields, "brand file"):
            problems.append(Problem(path, located.line(*key), message))
        if not problems:
            for key, message in _files(path, located.data):
                problems.append(Problem(path, located.line(*key), message))
    if problems or located is None:
        raise ContentError(problems, where=path.name)
    data = located.data
    contact = data["contact"]
    return Brand(
        name=data["name"], logo=path.parent / data["logo"], color=data.get("color"),
        languages=tuple(data.get("languages") or languages),
        contact=Contact(contact["name"], contact["email"], contact.get("phone") or ""),
    )


def _parse(path: Path, problems: list[Problem]) -> Located | None:
    if path.is_symlink():
        problems.append(Problem(path, 1, "the brand file is a symbolic link: the build never follows one. "
                                "Give the path of the file itself."))
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(path, 1, f"the brand file cannot be read ({error}). Give the path of a "
                                "UTF-8 text file, as `make corporate BRAND=path/to/brand.yml`."))
        return None
    try:
        return parse(text, 1)
    except YamlSyntaxError as error:
        problems.append(Problem(path, error.line, error.message))
        return None


def _fields(languages: Sequence[str], source: str) -> tuple[schema.Field, ...]:
    contact = (schema.Field("name", schema.text), schema.Field("email", _email),
               schema.Field("phone", schema.text, required=False))
    return (
        schema.Field("name", schema.text),
        schema.Field("logo", schema.text),
        schema.Field("color", _colour, required=False),
        schema.Field("languages", _languages(languages, source), required=False),
        schema.Field("contact", schema.section(contact, "'contact' section")),
    )


def _email(value: Any, key: Key) -> Iterator[schema.Issue]:
    if not isinstance(value, str) or not EMAIL.match(value):
        yield key, f"'{key[-1]}' must be an e-mail address such as name@company.se, not {value!r}."


def _colour(value: Any, key: Key) -> Iterator[schema.Issue]:
    if not isinstance(value, str) or not COLOUR.match(value):
        yield key, f"'color' must be a colour written \"#rrggbb\" in quotes, such as \"#0b5394\", not {value!r}."
        return
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST:
        yield key, (f"white text on {value} has a contrast of {ratio:.1f}:1; readers need at least "
                    f"{MIN_CONTRAST}:1. Choose a darker colour.")


def _languages(languages: Sequence[str], source: str) -> schema.Check:
    def check(value: Any, key: Key) -> Iterator[schema.Issue]:
        if not isinstance(value, list) or not value:
            yield key, f"'languages' must list the copy's languages, like '[{source}, en]'."
            return
        for index, language in enumerate(value):
            if language not in languages:
                yield (*key, index), (f"'{language}' is not a language of the library "
                                      f"({', '.join(languages)}).")
            elif language in value[:index]:
                yield (*key, index), f"'{language}' is listed twice."
        if source not in value:
            yield key, (f"'languages' must include {source}: the manuals are written in it, and it is "
                        "the copy's first language.")

    return check


def _files(path: Path, data: dict[str, Any]) -> Iterator[schema.Issue]:
    logo = path.parent / data["logo"]
    if logo.suffix.lower() not in LOGO_TYPES:
        yield ("logo",), f"the logo must be an image file ({', '.join(LOGO_TYPES)}), not {logo.name}."
    elif Path(data["logo"]).is_absolute() or not inside(logo, path.parent):
        yield ("logo",), (f"the logo '{data['logo']}' lies outside the folder of {path.name} or is reached through "
                          "a symbolic link: the copy publishes no other file. Put the logo itself beside "
                          f"{path.name} and give its name, like 'logo.svg'.")
    elif not logo.is_file():
        yield ("logo",), f"there is no file {data['logo']} beside {path.name}. Put the logo there, or fix the path."
    elif logo.stat().st_size > MAX_LOGO_BYTES:
        yield ("logo",), f"the logo is {logo.stat().st_size // 1024} KB; make it smaller than 1 MB."
    elif logo.suffix.lower() == ".svg":
        for problem in svg_problems(logo.read_text(encoding="utf-8", errors="replace")):
            yield ("logo",), f"the SVG logo: {problem}"
