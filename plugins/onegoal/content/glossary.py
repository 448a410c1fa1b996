"""The glossary: the Swedish words of the job hunt, explained in every language.

    manuals/glossary/terms.yml         the source: each term's Swedish word, other forms of
                                       it in the texts, a version and an explanation
    manuals/glossary/terms.<lang>.yml  a translation: the explanation, forms in that
                                       language's texts, the source_version, draft: true

A term whose explanation is not translated falls back like a step: the first language
of the reader's chain that has it, then Swedish.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onegoal.content import schema
from onegoal.content.allowlist import markup_elements
from onegoal.content.model import Review
from onegoal.content.problems import ContentError, Problem
from onegoal.content.translation import Fallbacks, Status
from onegoal.content.yamlsource import Key, YamlSyntaxError, parse

FOLDER = "glossary"
SOURCE_FILE = "terms.yml"


@dataclass(frozen=True)
class TermText:
    text: str
    forms: tuple[str, ...]
    source_version: int
    draft: bool
    reviewed: Review | None = None

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed is not None and self.reviewed.covers(self.source_version, self.draft)


@dataclass(frozen=True)
class Term:
    id: str
    word: str
    forms: tuple[str, ...]
    version: int
    text: str
    translations: Mapping[str, TermText] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    """A term as a page in one language shows it."""

    id: str
    word: str
    text: str
    language: str  # the explanation's language: the page's, or one of its fallbacks


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    path: Path | None = None

    def explain(self, term: Term, language: str, fallbacks: Fallbacks) -> Explanation:
        for lang in [language, *fallbacks.chain(language)]:
            if lang == fallbacks.source:
                return Explanation(term.id, term.word, term.text, lang)
            if lang in term.translations:
                return Explanation(term.id, term.word, term.translations[lang].text, lang)
        return Explanation(term.id, term.word, term.text, fallbacks.source)

    def forms(self, term: Term, language: str) -> tuple[str, ...]:
        """The words that stand for the term in a text of `language`: the Swedish ones always."""
        own = term.translations[language].forms if language in term.translations else ()
        return (term.word, *term.forms, *own)

    def status(self, term: Term, language: str, source: str) -> Status:
        if language == source:
            return Status.SOURCE
        translation = term.translations.get(language)
        if translation is None:
            return Status.MISSING
        if translation.source_version < term.version:
            return Status.OUTDATED
        return Status.REVIEWED if translation.is_reviewed else Status.DRAFT


def _plain_text(value: Any, key: Key) -> Iterator[schema.Issue]:
    """A term's word and explanation are shown as text: markup in them would show as typed."""
    yield from schema.text(value, key)
    if isinstance(value, str) and "<" in value:
        tags = markup_elements(value)
        if tags:
            yield key, (f"'{key[-1]}' holds markup (<{tags[0]}>): the glossary is shown as plain text. "
                        "Write the words only.")


def _words(value: Any, key: Key) -> Iterator[schema.Issue]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        yield key, "'forms' must be a list of words, like [praktiken, praktikplats]."


SOURCE_TERM = (schema.Field("id", schema.text), schema.Field("word", _plain_text),
               schema.Field("forms", _words, required=False), schema.Field("version", schema.whole_number),
               schema.Field("text", _plain_text))
TRANSLATED_TERM = (schema.Field("id", schema.text), schema.Field("source_version", schema.whole_number),
                   schema.Field("forms", _words, required=False), schema.Field("text", _plain_text),
                   schema.Field("reviewed", schema.REVIEWED, required=False))


def _term_list(fields: tuple[schema.Field, ...]) -> schema.Check:
    def check(value: Any, key: Key) -> Iterator[schema.Issue]:
        if not isinstance(value, list) or not value:
            yield key, "'terms' must list the terms, each starting with '- id: ...'."
            return
        for index, entry in enumerate(value):
            issues = schema.check_fields(entry, fields, f"term {index + 1}")
            yield from (((*key, index) + issue_key, message) for issue_key, message in issues)
            if isinstance(entry, dict) and isinstance(entry.get("id"), str) and not schema.ID_RULE.match(entry["id"]):
                yield (*key, index, "id"), f"term id '{entry['id']}' breaks the id rule: {schema.ID_HINT}."

    return check


def load_glossary(root: Path, languages: Sequence[str], source: str, skip_languages: Sequence[str] = ()) -> Glossary:
    """The glossary under `root`/glossary/, if any; raises ContentError naming every problem."""
    folder = root / FOLDER
    if not (folder / SOURCE_FILE).is_file():
        return Glossary()
    problems: list[Problem] = []
    terms = _read(folder / SOURCE_FILE, (schema.Field("terms", _term_list(SOURCE_TERM)),), problems)
    by_id: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(terms.data["terms"] if terms else []):
        if entry["id"] in by_id:
            problems.append(Problem(folder / SOURCE_FILE, terms.line("terms", index, "id"),
                                    f"the term id '{entry['id']}' is used twice. Give each term its own id."))
        by_id[entry["id"]] = entry
    translations: dict[str, dict[str, TermText]] = {}
    for path in sorted(folder.glob("terms.*.yml")):
        language = path.name.removeprefix("terms.").removesuffix(".yml")
        if language in skip_languages:
            continue
        if language not in languages or language == source:
            problems.append(Problem(path, 1, f"'{language}' is not a language to translate into "
                                    f"({', '.join(lang for lang in languages if lang != source)})."))
            continue
        fields = (schema.Field("terms", _term_list(TRANSLATED_TERM)), schema.Field("draft", schema.boolean, required=False))
        located = _read(path, fields, problems)
        if located is None:
            continue
        draft = bool(located.data.get("draft", False))
        for index, entry in enumerate(located.data["terms"]):
            term = by_id.get(entry["id"])
            if term is None:
                problems.append(Problem(path, located.line("terms", index, "id"), f"the term '{entry['id']}' is not "
                                        f"in {SOURCE_FILE}. Use the source's ids."))
            elif entry["source_version"] > term["version"]:
                problems.append(Problem(path, located.line("terms", index, "source_version"), "source_version "
                                        f"{entry['source_version']} is newer than the term's version {term['version']}."))
            else:
                review = entry.get("reviewed")
                translations.setdefault(entry["id"], {})[language] = TermText(
                    entry["text"], tuple(entry.get("forms") or ()), entry["source_version"], draft,
                    Review(review["by"], review["date"], review["source_version"]) if review else None)
    if problems:
        raise ContentError(problems)
    return Glossary(tuple(Term(entry["id"], entry["word"], tuple(entry.get("forms") or ()), entry["version"],
                               entry["text"], translations.get(entry["id"], {})) for entry in by_id.values()),
                    folder / SOURCE_FILE)


def _read(path: Path, fields: tuple[schema.Field, ...], problems: list[Problem]):
    try:
        located = parse(path.read_text(encoding="utf-8"), 1)
    except YamlSyntaxError as error:
        problems.append(Problem(path, error.line, error.message))
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(path, 1, f"the file cannot be read ({error}). Save it as UTF-8 text."))
        return None
    issues = list(schema.check_fields(located.data, fields, path.name))
    for key, message in issues:
        problems.append(Problem(path, located.line(*key), message))
    return None if issues else located
