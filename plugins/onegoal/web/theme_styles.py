"""The theme's style sheet cut to what this site's pages use.

The theme ships one style sheet for every feature it has (about 137 KB; content tabs,
annotations, diagrams, code copy buttons, palettes, blog, ...). A page waits for its style
sheets before it shows anything, and a phone on a slow network waits longest. After every
language is built, each rule of the theme's sheet is kept only where its selector can
match a page of this build: every class and id it requires is on some page, or is one the
theme's script puts on these pages when it runs (search results, the header's title on
scroll, table wrappers). Functional pseudo-classes (:not(), :is(), ...) require nothing,
so a rule is dropped only when it surely matches nothing. At-rules without selectors
(fonts, keyframes, the page box) stay as they are.

The cut sheet gets a name of its own, with a hash of its content, and every page links it:
a browser that cached the theme's full sheet under its old name never mixes the two.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import tinycss2

from onegoal.web.theme_assets import ThemeChanged

SHEETS = "assets/stylesheets"
THEME_SHEET = re.compile(r"^main\.[0-9a-f]{8}\.min\.css$")
CUT_SHEET = re.compile(r"^main\.[0-9a-f]{8}\.[0-9a-f]{8}\.min\.css$")
# Classes the theme's script adds to this site's pages at run time (theme-on-demand.js
# loads it when a reader searches, and on wide screens). tests/test_browser_first_screen.py
# checks these against the live pages.
SCRIPT_CLASSES = re.compile(r"^(?:md-search-result(?:__[\w-]+)?|md-typeset__(?:scrollwrap|table)|md-header--shadow"
                            r"|md-header__title--active|md-nav__link--(?:active|passed)|js-focus-visible|focus-visible"
                            r"|md-dialog(?:__[\w-]+|--active)?|md-tooltip(?:__[\w-]+|--active)?)$")
_FUNCTIONAL = re.compile(r":{1,2}[a-zA-Z-]+\([^()]*\)")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_VARIABLE = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass(frozen=True)
class ThemeSheet:
    """The theme's style sheet, read before the site's copy of it is final."""

    text: str
    rules: tuple[Rule, ...]


def is_theme_sheet(src_uri: str) -> bool:
    folder, _, name = src_uri.rpartition("/")
    return folder == SHEETS and bool(THEME_SHEET.match(name))


def read_theme_sheet(path: Path) -> ThemeSheet:
    text = path.read_text(encoding="utf-8")
    return ThemeSheet(text, read_sheet(text))


def cut_theme_styles(site_dir: Path, read: ThemeSheet | None = None) -> tuple[int, int]:
    """Cut the built site's theme style sheet to its pages; returns its size before and after.
    `read` is the sheet read earlier, used if the site's copy is the same."""
    folder = site_dir / SHEETS
    sheets = sorted(path for path in folder.glob("main.*.css") if THEME_SHEET.match(path.name))
    if len(sheets) != 1:
        raise ThemeChanged(f"the theme has {len(sheets)} style sheets {SHEETS}/main.*.min.css, not one: it was "
                           "upgraded. Check theme_styles.py.")
    for stale in folder.glob("main.*.css"):  # an earlier build's cut, in the same folder (a preview)
        if CUT_SHEET.match(stale.name):
            stale.unlink()
    pages = sorted(site_dir.rglob("*.html"))
    classes, ids = names_on(pages)
    full = sheets[0].read_text(encoding="utf-8")
    # The site's own style sheets use the theme's custom properties too.
    own = "".join(path.read_text(encoding="utf-8") for path in site_dir.glob("assets/**/*.css")
                  if path != sheets[0] and not CUT_SHEET.match(path.name))
    rules = read.rules if read is not None and read.text == full else read_sheet(full)
    cut = cut_sheet(rules, lambda name: name in classes or bool(SCRIPT_CLASSES.match(name)), ids.__contains__, own)
    digest = hashlib.sha256(cut.encode("utf-8")).hexdigest()[:8]
    target = sheets[0].with_name(f"{sheets[0].name.removesuffix('.min.css')}.{digest}.min.css")
    target.write_text(cut, encoding="utf-8")
    sheets[0].unlink()
    sheets[0].with_name(sheets[0].name + ".map").unlink(missing_ok=True)  # it maps the full sheet
    relink(pages, sheets[0].name, target.name)
    return len(full.encode("utf-8")), len(cut.encode("utf-8"))


def names_on(pages: Iterable[Path]) -> tuple[set[str], set[str]]:
    """Every class and id written on the pages."""
    class_values: set[bytes] = set()
    ids: set[bytes] = set()
    for page in pages:
        text = page.read_bytes()
        class_values |= attribute_values(text, b"class")
        ids |= attribute_values(text, b"id")
    classes = {name for value in class_values for name in value.decode("utf-8").split()}
    return classes, {value.decode("utf-8") for value in ids}


def attribute_values(page: bytes, name: bytes) -> set[bytes]:
    """Every value of the attribute `name` on a page (as ` name="value"`). Read as bytes and
    split at the attribute's name rather than matched by a pattern: every page of the site
    passes through here, and most of a page is its navigation, the same on every page."""
    pieces = page.split(name + b'="')
    return {piece[:piece.index(b'"')] for before, piece in zip(pieces, pieces[1:])
            if before[-1:].isspace() and b'"' in piece}


@dataclass(frozen=True)
class Selector:
    text: str
    classes: tuple[str, ...]  # every class and id it requires of a page
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Declaration:
    name: str | None  # None: not a declaration, kept as it is
    text: str


@dataclass(frozen=True)
class Rule:
    """A rule of the sheet, read once: the cut decides on its selectors and custom
    properties as often as it takes, without reading its CSS again."""

    selectors: tuple[Selector, ...] = ()  # a style rule's, with its declarations
    declarations: tuple[Declaration, ...] = ()
    head: str = ""  # a block of rules (@media, @supports, ...), with its rules
    rules: tuple[Rule, ...] = ()
    text: str = ""  # any other at-rule, kept as it is


def cut_sheet(sheet: tuple[Rule, ...], has_class: Callable[[str], bool], has_id: Callable[[str], bool],
              other_css: str = "") -> str:
    """The rules of `sheet` whose selectors can match, as CSS, without the custom properties
    (the theme's icons, mostly) that neither they nor `other_css` use."""
    rules = _matching(sheet, has_class, has_id)
    used: set[str] | None = None
    while True:
        cut = "".join(_kept(rules, used))
        now_used = set(_VARIABLE.findall(cut + other_css))
        if now_used == used:
            return cut
        used = now_used


def read_sheet(css: str) -> tuple[Rule, ...]:
    return _read(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _read(nodes: list) -> tuple[Rule, ...]:  # type: ignore[type-arg]
    rules = []
    for node in nodes:
        if node.type == "qualified-rule":
            rules.append(Rule(selectors=tuple(_selector(text) for text in _selectors(tinycss2.serialize(node.prelude))),
                              declarations=_declarations(node.content)))
        elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports", "container", "layer") \
                and node.content is not None:
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            rules.append(Rule(head=f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}", rules=_read(inner)))
        elif node.type == "at-rule":
            rules.append(Rule(text=tinycss2.serialize([node])))
        elif node.type == "error":
            raise ThemeChanged(f"the theme's style sheet cannot be read ({node.message}): check theme_styles.py.")
    return tuple(rules)


def _declarations(content: list) -> tuple[Declaration, ...]:  # type: ignore[type-arg]
    found = []
    for declaration in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if declaration.type != "declaration":
            found.append(Declaration(None, tinycss2.serialize([declaration])))
        else:
            important = "!important" if declaration.important else ""
            found.append(Declaration(declaration.name,
                                     f"{declaration.name}:{tinycss2.serialize(declaration.value).strip()}{important}"))
    return tuple(found)


def _matching(rules: tuple[Rule, ...], has_class: Callable[[str], bool],
              has_id: Callable[[str], bool]) -> tuple[Rule, ...]:
    """The rules with only the selectors that can match, those with none left out."""
    kept = []
    for rule in rules:
        if rule.selectors:
            selectors = tuple(selector for selector in rule.selectors if all(map(has_class, selector.classes))
                              and all(map(has_id, selector.ids)))
            if selectors:
                kept.append(Rule(selectors=selectors, declarations=rule.declarations))
        elif rule.head:
            inner = _matching(rule.rules, has_class, has_id)
            if inner:
                kept.append(Rule(head=rule.head, rules=inner))
        elif rule.text:
            kept.append(rule)
    return tuple(kept)


def _kept(rules: tuple[Rule, ...], used: set[str] | None) -> Iterable[str]:
    """The rules as CSS, less the custom properties nothing uses (all, while `used` is None)."""
    for rule in rules:
        if rule.selectors:
            content = ";".join(declaration.text for declaration in rule.declarations
                               if used is None or declaration.name is None or not declaration.name.startswith("--")
                               or declaration.name in used)
            if content:
                yield f"{','.join(selector.text for selector in rule.selectors)}{{{content}}}"
        elif rule.head:
            inner = "".join(_kept(rule.rules, used))
            if inner:
                yield f"{rule.head}{{{inner}}}"
        else:
            yield rule.text


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        depth += char in "(["
        depth -= char in ")]"
        if char == "," and depth == 0:
            parts.append(prelude[start:index].strip())
            start = index + 1
    parts.append(prelude[start:].strip())
    return [part for part in parts if part]


def _selector(text: str) -> Selector:
    """A selector with the classes and ids a page must have for it to match."""
    plain = re.sub(r"\[[^\]]*\]", "", text)  # attribute values may hold dots and hashes
    while True:
        simpler = _FUNCTIONAL.sub("", plain)
        if simpler == plain:
            break
        plain = simpler
    return Selector(text, tuple(_CLASS.findall(plain)), tuple(_ID.findall(plain)))


def relink(pages: Iterable[Path], old: str, new: str) -> None:
    """Every page that links the sheet `old` links `new` instead."""
    before, after = old.encode("utf-8"), new.encode("utf-8")
    for page in pages:
        text = page.read_bytes()
        if before in text:
            page.write_bytes(text.replace(before, after))
