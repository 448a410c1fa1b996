"""What a PO file holds for a language: one entry per text a translator translates, read
from the source files and their translations as they are now.

    <manual>.<lang>.po   the manual's steps: title, summary, goals, checklist, body
    glossary.<lang>.po   each term's explanation and its words in the language's texts
    docs.<lang>.po       the docs pages' bodies

An entry's msgctxt names the file and the unit (`candidate/profilen.md|checklist:write-cv`,
`candidate/profilen.md|body:7`); importing reads it back to find the place to write.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from onegoal.content.glossary import Glossary
from onegoal.content.model import Library
from onegoal.content.source_history import SourceHistory
from onegoal.editors.translate import po_yaml
from onegoal.editors.translate.po_markdown import Unit, body_units, split_front

SEPARATOR = "|"
# gettext's plural rules (CLDR); a language not listed gets the common two-form rule.
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    "fa": "nplurals=2; plural=(n > 1);",
    "ti": "nplurals=2; plural=(n > 1);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
DEFAULT_PLURAL = "nplurals=2; plural=(n != 1);"
OUTDATED_NOTE = ("The source has changed since this translation was made: check the entries marked "
                 "fuzzy (needs work) and clear that mark.")
UNALIGNED_NOTE = ("The translation's text does not follow the source's headings, paragraphs, lists and "
                  "tables, so its text cannot be matched here: translate every text entry of this page, "
                  "and the import writes the page anew in the source's order.")
UNCHANGED_NOTE = ("The source's version rose, but none of its texts changed: check the translation and "
                  "clear the fuzzy mark here to bring it up to date.")


# The editors' guides are written for editors, in Swedish and English: a PO file of another
# language holds those of them that language already has (the translations page).
EDITORS_PAGES = "docs/editors/"


@dataclass(frozen=True)
class Target:
    """One translated file, and the source it translates."""

    group: str  # the PO file it belongs to: a manual's id, "glossary" or "docs"
    name: str  # the first part of its entries' msgctxt
    kind: str  # "step", "glossary" or "docs"
    source: Path
    translation: Path
    title: str  # what the translator is told the text belongs to


@dataclass
class Entry:
    key: str
    kind: str
    msgid: str
    msgstr: str
    line: int
    fuzzy: bool = False
    previous: str | None = None
    notes: list[str] = field(default_factory=list)
    optional: bool = False  # may stay empty: the file is complete without it


@dataclass(frozen=True)
class Parsed:
    """A step or docs page cut into units: front matter values and body units."""

    text: str
    front: po_yaml.Found
    body: list[Unit]
    body_start: int

    def version(self, name: str) -> int:
        node = self.front.nodes.get(name)
        return int(node.value) if node is not None and str(node.value).isdigit() else 0


def read(path: Path) -> str:
    # Bytes decoded as they are: line endings stay as the file has them.
    return path.read_bytes().decode("utf-8")


def parse_page(text: str, front_units: bool = True) -> Parsed:
    split = split_front(text)
    if split is None:
        return Parsed(text, po_yaml.Found(), body_units(text), 0)
    start, end, body_start, body_line = split
    front = po_yaml.step_front(text, start, end) if front_units else po_yaml.Found()
    return Parsed(text, front, body_units(text, body_start, body_line), body_start)


def kinds(units: Sequence[Unit]) -> list[str]:
    return [unit.kind for unit in units]


def targets(library: Library, glossary: Glossary, docs_dir: Path, language: str,
            manual_id: str | None = None) -> list[Target]:
    """Every file of `language` a translator can write, for one manual or for all, with the
    glossary and the docs pages when no manual is named."""
    found = []
    for manual in library.manuals:
        if manual_id not in (None, manual.id):
            continue
        for step in manual.steps:
            name = step.path.relative_to(library.root).as_posix()
            found.append(Target(manual.id, name, "step", step.path,
                                step.path.with_name(f"{step.slug}.{language}.md"), f"Step: {step.source.title}"))
    if manual_id is None and glossary.path is not None:
        source = glossary.path
        found.append(Target("glossary", source.relative_to(library.root).as_posix(), "glossary", source,
                            source.with_name(f"terms.{language}.yml"), "Glossary"))
    if manual_id is None and docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*.md")):
            stem, _, suffix = path.name.removesuffix(".md").rpartition(".")
            if stem and suffix in library.languages:
                continue  # a translation of another page
            name = "docs/" + path.relative_to(docs_dir).as_posix()
            translation = path.with_name(f"{path.stem}.{language}.md")
            if name.startswith(EDITORS_PAGES) and not translation.exists():
                continue  # the editors' guides are in Swedish and English; a page in this language stays
            found.append(Target("docs", name, "docs", path, path.with_name(f"{path.stem}.{language}.md"),
                                f"Page: {name}"))
    return found


def entries(target: Target, history: SourceHistory | None) -> list[Entry]:
    if target.kind == "glossary":
        return glossary_entries(target)
    source = parse_page(read(target.source), target.kind == "step")
    translation = parse_page(read(target.translation), target.kind == "step") if target.translation.exists() else None
    own = {unit.key: unit.text for unit in translation.front.units} if translation else {}
    aligned = translation is not None and kinds(source.body) == kinds(translation.body)
    if aligned:
        own.update({unit.key: unit.text for unit in translation.body})
    found = [Entry(unit.key, unit.kind, unit.text, own.get(unit.key, ""), unit.line)
             for unit in [*source.front.units, *source.body]]
    if translation is not None and not aligned:
        for entry in found:
            if entry.key.startswith("body:"):
                entry.notes.append(UNALIGNED_NOTE)
    if translation is not None and translation.version("source_version") < source.version("version"):
        mark_fuzzy(found, target, translation.version("source_version"), history)
    return found


def mark_fuzzy(found: list[Entry], target: Target, version: int, history: SourceHistory | None) -> None:
    """Entries whose source text changed since `version` are fuzzy, with the text they had
    then; without that text (no git history), every translated entry is."""
    old_text = history.text_at(target.source, version) if history is not None else None
    old = None
    if old_text is not None:
        parsed = parse_page(old_text)
        old = {unit.key: unit.text for unit in [*parsed.front.units, *parsed.body]}
    for entry in found:
        if not entry.msgstr or (old is not None and old.get(entry.key) == entry.msgid):
            continue
        entry.fuzzy = True
        entry.previous = old.get(entry.key) if old is not None else None
    translated = [entry for entry in found if entry.msgstr]
    if translated and not any(entry.fuzzy for entry in found):
        translated[0].fuzzy = True  # the only way the translator can say the new version is checked
        translated[0].notes.append(UNCHANGED_NOTE)


def glossary_entries(target: Target) -> list[Entry]:
    source, source_terms = po_yaml.glossary_terms(read(target.source))
    own: dict[str, str] = {}
    behind: set[str] = set()
    if target.translation.exists():
        translation, terms = po_yaml.glossary_terms(read(target.translation))
        own = {unit.key: unit.text for unit in translation.units}
        for term_id, nodes in terms.items():
            known = source_terms.get(term_id, {}).get("version")
            given = nodes.get("source_version")
            if known is not None and given is not None and int(given.value) < int(known.value):
                behind.add(term_id)
    found = []
    for unit in source.units:
        kind, _, term_id = unit.key.partition(":")
        nodes = source_terms[term_id]
        msgid = unit.text
        if kind == "forms":
            continue
        found.append(Entry(unit.key, unit.kind, msgid, own.get(unit.key, ""), unit.line,
                           fuzzy=term_id in behind and bool(own.get(unit.key))))
        words = [str(nodes["word"].value)] + [node.value for node in getattr(nodes.get("forms"), "value", [])]
        forms_key = f"forms:{term_id}"
        found.append(Entry(forms_key, "glossary forms", ", ".join(words), own.get(forms_key, ""), unit.line,
                           fuzzy=term_id in behind and bool(own.get(forms_key)), optional=True,
                           notes=["The words that stand for this term in your language's texts, separated by "
                                  "commas: a tap on them shows the explanation. May stay empty."]))
    return found


def glossary_words(glossary: Glossary) -> list[tuple[str, re.Pattern[str]]]:
    return [(term.word, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(form) for form in (term.word, *term.forms))
                                   + r")(?!\w)", re.IGNORECASE)) for term in glossary.terms]


def po_file(group: str, language: str, project: str, items: list[tuple[Target, list[Entry]]],
            words: list[tuple[str, re.Pattern[str]]], root: Path) -> polib.POFile:
    po = polib.POFile()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M+0000")
    po.metadata = {
        "Project-Id-Version": project, "Report-Msgid-Bugs-To": "", "POT-Creation-Date": now,
        "PO-Revision-Date": now, "Last-Translator": "", "Language-Team": "", "Language": language.replace("-", "_"),
        "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(language.split("-")[0], DEFAULT_PLURAL), "X-Generator": "onegoal translate",
    }
    for target, found in items:
        occurrence = target.source.relative_to(root).as_posix() if target.source.is_relative_to(root) else str(target.source)
        for entry in found:
            terms = [word for word, pattern in words if pattern.search(entry.msgid)]
            notes = [target.title, f"A {entry.kind}.", *entry.notes]
            if terms:
                notes.append("Glossary: " + ", ".join(terms))
            po.append(polib.POEntry(msgctxt=f"{target.name}{SEPARATOR}{entry.key}", msgid=entry.msgid,
                                    msgstr=entry.msgstr, comment="\n".join(notes),
                                    occurrences=[(occurrence, str(entry.line))],
                                    flags=["fuzzy"] if entry.fuzzy else [], previous_msgid=entry.previous))
    return po


def export(library: Library, glossary: Glossary, docs_dir: Path, language: str, out: Path, root: Path,
           manual_id: str | None = None, history: SourceHistory | None = None) -> list[tuple[Path, int, int]]:
    """Writes the PO files of `language` into `out`; returns each file with its number of
    entries and of fuzzy ones."""
    groups: dict[str, list[tuple[Target, list[Entry]]]] = {}
    for target in targets(library, glossary, docs_dir, language, manual_id):
        groups.setdefault(target.group, []).append((target, entries(target, history)))
    versions = {manual.id: manual.version for manual in library.manuals}
    words = glossary_words(glossary)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for group, items in groups.items():
        project = f"OneGoal {group} {versions.get(group, '')}".strip()
        path = out / f"{group}.{language}.po"
        po_file(group, language, project, items, words, root).save(str(path))
        found = [entry for _, listed in items for entry in listed]
        written.append((path, len(found), sum(entry.fuzzy for entry in found)))
    return written
