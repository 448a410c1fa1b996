"""A translated PO file written back into the translation files, changing only what the
translator changed.

Each entry's msgctxt names a file and a unit in it; a translation that differs from the
file's text now is written over that unit's characters alone, so a PO file imported as it
was exported leaves every file byte for byte as it was. A file whose every entry is
translated and none is fuzzy gets its source's version as `source_version`; a missing
file is made from its source, as a draft, once all of it is translated. A PO file with
any problem writes nothing: each is said as `FILE.po:LINE: what to do`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml

from onegoal.content.glossary import Glossary
from onegoal.content.model import Library
from onegoal.content.source_history import SourceHistory
from onegoal.editors.translate import po_checks
from onegoal.editors.translate import po_yaml
from onegoal.editors.translate.po_files import SEPARATOR, Entry, Parsed, Target, entries, kinds, parse_page, read, targets
from onegoal.editors.translate.po_markdown import Edit, apply_edits, rewrite, split_front

GLOSSARY_HEADER = "# Glossary, {language}. Draft until a native speaker has reviewed it.\ndraft: true\nterms:\n"


@dataclass(frozen=True)
class Given:
    """What the PO file says of one unit."""

    msgstr: str
    fuzzy: bool
    line: int


@dataclass
class Plan:
    """What importing one PO file would do, or why it cannot."""

    problems: list[tuple[int, str]] = field(default_factory=list)
    writes: dict[Path, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


class Problem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def plan(path: Path, library: Library, glossary: Glossary, docs_dir: Path, history: SourceHistory | None) -> Plan:
    result = Plan()
    try:
        po = read_po(path)
        language = po.metadata.get("Language", "").replace("_", "-")
        if language not in library.languages or language == library.source_language:
            raise Problem(1, f"the header's Language '{language}' is not a language to translate into "
                             f"({', '.join(library.languages[1:])}). Export the file again for your language.")
    except Problem as problem:
        result.problems.append((problem.line, problem.message))
        return result
    by_name = {target.name: target for target in targets(library, glossary, docs_dir, language)}
    fresh: dict[str, dict[str, Entry]] = {}
    given: dict[str, dict[str, Given]] = {}
    seen: set[str] = set()
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural or entry.msgctxt in seen:
            result.problems.append((entry.linenum, f"'{entry.msgctxt}' is " + ("a plural entry: the manuals have "
                                    "none. Remove it." if entry.msgid_plural else "here twice. Keep one of them.")))
            continue
        seen.add(entry.msgctxt or "")
        name, _, key = (entry.msgctxt or "").rpartition(SEPARATOR)
        target = by_name.get(name)
        if target is not None and name not in fresh:
            fresh[name] = {found.key: found for found in entries(target, history)}
        known = fresh.get(name, {}).get(key)
        if known is None:
            result.problems.append((entry.linenum, f"unknown msgctxt '{entry.msgctxt}': this text is not in the "
                                    "manuals (any more). Export a new PO file and copy your translation there."))
            continue
        if entry.msgstr and entry.msgstr != known.msgstr:
            result.problems += [(entry.linenum, message) for message in
                                po_checks.problems(known.kind, known.msgid, entry.msgstr)]
        # A source text changed since the export: the translation is of the older text.
        stale = entry.msgid != known.msgid
        given.setdefault(name, {})[key] = Given(entry.msgstr, entry.fuzzy or stale, entry.linenum)
    for name, units in given.items():
        if result.problems:
            break
        try:
            _plan_target(by_name[name], fresh[name], units, result)
        except Problem as problem:
            result.problems.append((problem.line, problem.message))
    return result


def read_po(path: Path) -> polib.POFile:
    if not path.is_file():  # polib would read the name itself as a PO file's text
        raise Problem(1, "the file does not exist.")
    try:
        return polib.pofile(str(path))
    except (OSError, ValueError) as error:
        found = re.search(r"line (\d+)", str(error))
        raise Problem(int(found.group(1)) if found else 1, f"cannot be read as a PO file ({error}). Open it in "
                      "a PO editor, or export it again and copy the translations over.") from None
    except UnicodeDecodeError:
        raise Problem(1, "the file is not UTF-8 text. Save it as UTF-8.") from None


def _plan_target(target: Target, fresh: dict[str, Entry], given: dict[str, Given], result: Plan) -> None:
    changed = {key: item for key, item in given.items() if item.msgstr and item.msgstr != fresh[key].msgstr}
    if not changed and all(item.fuzzy == fresh[key].fuzzy for key, item in given.items()):
        return  # nothing edited: the file stays byte for byte as it is
    complete = all(key in given and given[key].msgstr and not given[key].fuzzy
                   for key, entry in fresh.items() if not entry.optional)
    if target.kind == "glossary":
        text = _glossary(target, given, changed)
    elif not target.translation.exists():
        if not complete:
            missing = sum(1 for key, entry in fresh.items() if not entry.optional
                          and (key not in given or not given[key].msgstr or given[key].fuzzy))
            result.notes.append(f"{target.translation.name} not written yet: {missing} of its entries are still "
                                "empty or fuzzy. It is written once every entry is translated.")
            return
        text = _new_page(target, given)
    else:
        text = _page(target, fresh, given, changed, complete, result.notes)
    if text is not None:
        _check_yaml(text, target, min(item.line for item in given.values()))
        result.writes[target.translation] = text


def _page(target: Target, fresh: dict[str, Entry], given: dict[str, Given], changed: dict[str, Given],
          complete: bool, notes: list[str]) -> str:
    step = target.kind == "step"
    text = read(target.translation)
    parsed = parse_page(text, step)
    source = parse_page(read(target.source), step)
    units = {unit.key: unit for unit in parsed.front.units}
    aligned = kinds(source.body) == kinds(parsed.body)
    if aligned:
        units.update({unit.key: unit for unit in parsed.body})
    edits = [po_yaml.replace_value(units[key], item.msgstr) if not key.startswith("body:") else
             rewrite(units[key], item.msgstr) for key, item in changed.items() if key in units]
    edits += _added_front(text, [key for key in changed if key not in units and not key.startswith("body:")],
                          given)
    body = [key for key in changed if key.startswith("body:")]
    if body and not aligned:
        edits.append(_new_body(source, parsed, fresh, given, body))
    split = split_front(text)
    node = parsed.front.nodes.get("source_version")
    if step and complete and node is not None and split and parsed.version("source_version") < source.version("version"):
        edits.append(po_yaml.set_number(text, node, source.version("version"), split[0]))
    review = parsed.front.nodes.get("reviewed")
    if changed and review is not None and split:
        # The review was of the text before this import: readers must see the new one as a draft.
        edits.append(po_yaml.remove_entry(text, "reviewed", review, split[0]))
        notes.append(f"{target.translation.name}: its review was of the text before this import, so its "
                     "'reviewed' record is removed; it shows as a draft until it is reviewed again.")
    return apply_edits(text, edits)


def _added_front(text: str, keys: list[str], given: dict[str, Given]) -> list[Edit]:
    """Goals and checklist items the translation lacks, added after its last ones."""
    split = split_front(text)
    if not keys or split is None:
        return []
    start, end = split[0], split[1]
    nodes = po_yaml.step_front(text, start, end).nodes
    goals = sorted((key for key in keys if key.startswith("goal:")), key=lambda key: int(key.split(":")[1]))
    items = [key for key in keys if key.startswith("checklist:")]
    added = []
    for name, listed, lines in (("goals", goals, lambda key: [po_yaml.scalar(given[key].msgstr)]),
                                ("checklist", items, lambda key: [f"id: {key.split(':', 1)[1]}",
                                                                  f"text: {po_yaml.scalar(given[key].msgstr)}"])):
        if not listed:
            continue
        try:
            edits = [po_yaml.append_item(text[start:end], nodes.get(name), lines(key)) for key in listed]
        except po_yaml.PlacementError as error:
            raise Problem(given[listed[0]].line, f"cannot add to '{name}' in the translation: {error}.") from None
        added.append(Edit(start + edits[0].start, start + edits[0].end, "".join(edit.text for edit in edits)))
    return added


def _new_body(source: Parsed, parsed: Parsed, fresh: dict[str, Entry], given: dict[str, Given], changed: list[str]) -> Edit:
    """A translation whose body does not follow its source's: written anew in the source's
    order, once every text of it is translated."""
    keys = [key for key in fresh if key.startswith("body:")]
    if any(not given.get(key) or not given[key].msgstr for key in keys):
        raise Problem(given[changed[0]].line, "the translation's text does not follow the source's headings, "
                      "paragraphs, lists and tables: translate every text entry of this page (they are written "
                      "anew together), or correct the translation file by hand.")
    text = apply_edits(source.text, [rewrite(unit, given[unit.key].msgstr) for unit in source.body])
    return Edit(parsed.body_start, len(parsed.text), text[source.body_start:])


def _new_page(target: Target, given: dict[str, Given]) -> str:
    """A translation made from its source: its front matter's fields of a translation and its
    body's structure, links and anchors, every text then written over."""
    source = read(target.source)
    text = source
    if target.kind == "step":
        parsed = parse_page(source)
        values = {unit.key: unit.text for unit in parsed.front.units}
        goals = [f"  - {po_yaml.scalar(text)}" for key, text in values.items() if key.startswith("goal:")]
        items = [f"  - id: {key.split(':', 1)[1]}\n    text: {po_yaml.scalar(text)}"
                 for key, text in values.items() if key.startswith("checklist:")]
        front = [f"source_version: {parsed.version('version')}", "draft: true",
                 f"title: {po_yaml.scalar(values.get('title', ''))}",
                 f"summary: {po_yaml.scalar(values.get('summary', ''))}", "goals:", *goals, "checklist:", *items]
        text = "---\n" + "\n".join(front) + "\n---\n" + source[parsed.body_start:]
    parsed = parse_page(text, target.kind == "step")
    edits = [po_yaml.replace_value(unit, given[unit.key].msgstr) for unit in parsed.front.units if unit.key in given]
    edits += [rewrite(unit, given[unit.key].msgstr) for unit in parsed.body if unit.key in given]
    return apply_edits(text, edits)


def _glossary(target: Target, given: dict[str, Given], changed: dict[str, Given]) -> str | None:
    exists = target.translation.exists()
    text = read(target.translation) if exists else GLOSSARY_HEADER.format(language=target.translation.stem[6:])
    found, terms = po_yaml.glossary_terms(text)
    units = {unit.key: unit for unit in found.units}
    _, source_terms = po_yaml.glossary_terms(read(target.source))
    edits, blocks = [], []
    for term_id, nodes in source_terms.items():
        explained, forms = given.get(f"text:{term_id}"), given.get(f"forms:{term_id}")
        done = bool(explained and explained.msgstr and not explained.fuzzy and not (forms and forms.fuzzy))
        version = int(nodes["version"].value)
        words = forms.msgstr if forms and forms.msgstr else ""
        if term_id not in terms:
            if done:
                blocks.append([f"id: {term_id}", f"source_version: {version}",
                               *([f"forms: {po_yaml.flow_list(po_yaml.split_words(words))}"] if words else []),
                               f"text: {po_yaml.scalar(explained.msgstr)}"])
            continue
        own = terms[term_id]
        for key in (f"text:{term_id}", f"forms:{term_id}"):
            if key in changed and key in units:
                edits.append(po_yaml.replace_value(units[key], changed[key].msgstr))
        if "reviewed" in own and any(key in changed for key in (f"text:{term_id}", f"forms:{term_id}")):
            edits.append(po_yaml.remove_entry(text, "reviewed", own["reviewed"]))  # a review of the old words
        if f"forms:{term_id}" in changed and f"forms:{term_id}" not in units and "text" in own:
            edits.append(po_yaml.insert_before(text, own["text"], f"forms: {po_yaml.flow_list(po_yaml.split_words(words))}"))
        if done and "source_version" in own and int(own["source_version"].value) < version:
            edits.append(po_yaml.set_number(text, own["source_version"], version))
    if not exists and not blocks:
        return None
    if blocks and exists:
        try:
            edits.append(po_yaml.append_item(text, found.nodes.get("terms"), blocks[0]))
            edits[-1] = Edit(edits[-1].start, edits[-1].end, "".join(
                po_yaml.append_item(text, found.nodes["terms"], block).text for block in blocks))
        except po_yaml.PlacementError as error:
            raise Problem(min(item.line for item in given.values()), f"cannot add terms: {error}.") from None
    elif blocks:
        text += "".join("  - " + "\n    ".join(block) + "\n" for block in blocks)
    return apply_edits(text, edits)


def _check_yaml(text: str, target: Target, line: int) -> None:
    """Written YAML must read back: a last guard against a value written in a wrong place."""
    split = split_front(text) if target.kind != "glossary" else (0, len(text), 0, 1)
    if split is None:
        return
    try:
        yaml.safe_load(text[split[0]:split[1]])
    except yaml.YAMLError:
        raise Problem(line, f"{target.translation.name} would not be valid YAML with this translation: "
                            "check its quotes and colons, or write it into the file by hand.") from None
