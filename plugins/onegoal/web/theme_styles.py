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
from collections.abc import Iterable
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


def cut_theme_styles(site_dir: Path) -> tuple[int, int]:
    """Cut the built site's theme style sheet to its pages; returns its size before and after."""
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
    cut = cut_sheet(full, lambda name: name in classes or bool(SCRIPT_CLASSES.match(name)), ids.__contains__, own)
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


def cut_sheet(css: str, has_class, has_id, other_css: str = "") -> str:  # type: ignore[no-untyped-def]
    """The rules of `css` whose selectors can match, as CSS, without the custom properties
    (the theme's icons, mostly) that neither they nor `other_css` use."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    used: set[str] | None = None
    while True:
        cut = "".join(_kept(rules, has_class, has_id, used))
        now_used = set(_VARIABLE.findall(cut + other_css))
        if now_used == used:
            return cut
        used = now_used


def _kept(rules: list, has_class, has_id, used: set[str] | None) -> Iterable[str]:  # type: ignore[no-untyped-def,type-arg]
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [text for text in _selectors(tinycss2.serialize(rule.prelude))
                         if _can_match(text, has_class, has_id)]
            content = _declarations(rule.content, used)
            if selectors and content:
                yield f"{','.join(selectors)}{{{content}}}"
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "container", "layer") \
                and rule.content is not None:
            inner = "".join(_kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                  has_class, has_id, used))
            if inner:
                yield f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}"
        elif rule.type == "at-rule":
            yield tinycss2.serialize([rule])
        elif rule.type == "error":
            raise ThemeChanged(f"the theme's style sheet cannot be read ({rule.message}): check theme_styles.py.")


def _declarations(content: list, used: set[str] | None) -> str:  # type: ignore[type-arg]
    """A rule's declarations, less the custom properties nothing uses (all, while `used` is None)."""
    if used is None:
        return tinycss2.serialize(content)
    kept = []
    for declaration in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if declaration.type != "declaration":
            kept.append(tinycss2.serialize([declaration]))
        elif not declaration.name.startswith("--") or declaration.name in used:
            important = "!important" if declaration.important else ""
            kept.append(f"{declaration.name}:{tinycss2.serialize(declaration.value).strip()}{important}")
    return ";".join(kept)


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


def _can_match(selector: str, has_class, has_id) -> bool:  # type: ignore[no-untyped-def]
    plain = re.sub(r"\[[^\]]*\]", "", selector)  # attribute values may hold dots and hashes
    while True:
        simpler = _FUNCTIONAL.sub("", plain)
        if simpler == plain:
            break
        plain = simpler
    return all(has_class(name) for name in _CLASS.findall(plain)) and all(has_id(name) for name in _ID.findall(plain))


def relink(pages: Iterable[Path], old: str, new: str) -> None:
    """Every page that links the sheet `old` links `new` instead."""
    before, after = old.encode("utf-8"), new.encode("utf-8")
    for page in pages:
        text = page.read_bytes()
        if before in text:
            page.write_bytes(text.replace(before, after))
