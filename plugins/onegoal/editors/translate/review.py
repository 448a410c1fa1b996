"""The review view: for a native speaker with a browser and no tools, each step of one
language beside its Swedish source, text by text (the same units a PO file holds), with the
glossary words of each text explained in her language and the translation checks' findings
at the text they concern.

It exists only in a preview (`make serve REVIEW=1 LANG=so`), under review/ in that
language; a build never has it, so the public site never does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from onegoal.content.allowlist import judge_html
from onegoal.content.glossary import Glossary
from onegoal.content.model import Library, Manual, Review, Step
from onegoal.content.problems import Problem
from onegoal.content.rendering import MarkdownSetup
from onegoal.content.translation import Fallbacks, direction, status
from onegoal.editors.translate.po_files import glossary_words, parse_page, read
from onegoal.editors.translate.po_markdown import Unit

FOLDER = "review"
TEMPLATE = "onegoal/review.html"


@dataclass(frozen=True)
class Row:
    """One text of the step: the source's and the translation's, side by side."""

    kind: str
    source: Markup
    translation: Markup
    terms: list[tuple[str, str]] = field(default_factory=list)  # (word, explanation in her language)
    findings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewedStep:
    manual: str
    title: str
    state: str
    language: str
    direction: str
    file: str  # the file she would change, as an editor names it
    review: Review | None
    rows: list[Row]


@dataclass(frozen=True)
class Listed:
    title: str
    state: str
    url: str


def uris(library: Library, language: str) -> dict[str, tuple[Manual, Step] | None]:
    """The review pages of `language` by source path: one per step, and the list (None)."""
    pages: dict[str, tuple[Manual, Step] | None] = {f"{FOLDER}/index.{language}.md": None}
    for manual in library.manuals:
        for step in manual.steps:
            pages[f"{FOLDER}/{manual.url_path}/{step.slug}.{language}.md"] = (manual, step)
    return pages


def listing(library: Library, language: str, url_of: dict[str, str]) -> list[tuple[str, list[Listed]]]:
    """Every manual's steps with their state in `language` and their review page."""
    return [(manual.title.get(language) or manual.title[library.source_language],
             [Listed(f"{step.number}. {step.source.title}", status(step, language, library.source_language).value,
                     url_of[f"{FOLDER}/{manual.url_path}/{step.slug}.{language}.md"]) for step in manual.steps])
            for manual in library.manuals]


def reviewed_step(library: Library, manual: Manual, step: Step, language: str, glossary: Glossary,
                  findings: list[Problem], setup: MarkdownSetup) -> ReviewedStep:
    translation = step.translations.get(language)
    own = {unit.key: unit for unit in _units(translation.path)} if translation else {}
    placed = _placed(findings, own)
    words = glossary_words(glossary)
    terms = {term.word: term for term in glossary.terms}
    fallbacks = Fallbacks({}, library.source_language)
    rows = [Row(unit.kind, _render(setup, unit), _render(setup, own[unit.key]) if unit.key in own else Markup(""),
                [(word, glossary.explain(terms[word], language, fallbacks).text)
                 for word, pattern in words if pattern.search(unit.text)],
                placed.get(unit.key, []))
            for unit in _units(step.path)]
    name = translation.path if translation else step.path.with_name(f"{step.slug}.{language}.md")
    return ReviewedStep(manual.title.get(language) or manual.title[library.source_language], step.source.title,
                        status(step, language, library.source_language).value, language, direction(language),
                        name.relative_to(library.root.parent).as_posix(), translation.reviewed if translation else None,
                        rows)


def _units(path: Path) -> list[Unit]:
    parsed = parse_page(read(path))
    return [*parsed.front.units, *parsed.body]


def _placed(findings: list[Problem], own: dict[str, Unit]) -> dict[str, list[str]]:
    """Each finding at the translation's text that holds its line: the last one starting at
    or before it (a finding about the whole file goes to the first text)."""
    starts = sorted((unit.line, key) for key, unit in own.items())
    placed: dict[str, list[str]] = {}
    for problem in findings:
        before = [key for line, key in starts if line <= problem.line]
        key = before[-1] if before else (starts[0][1] if starts else None)
        if key is not None:
            placed.setdefault(key, []).append(problem.message.removeprefix("warning: "))
    return placed


def _render(setup: MarkdownSetup, unit: Unit) -> Markup:
    """A text as readers see it: front matter as plain text (the site escapes it), a body
    text rendered as the site renders it, and judged by the same allow-list; a text the
    judge refuses (a preview goes on with content the build would stop on) shows as typed."""
    if not unit.key.startswith("body:"):
        return escape(unit.text)
    rendered = setup.render(unit.text)
    if judge_html(rendered):
        return Markup("<pre>{}</pre>").format(unit.text)
    return Markup(rendered.removeprefix("<p>").removesuffix("</p>") if unit.kind == "heading" else rendered)
