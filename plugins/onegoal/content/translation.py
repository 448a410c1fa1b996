"""Which text of a step a reader gets in her language, and how far each translation is."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from onegoal.content.model import Library, Step, StepText, Translation

RTL_LANGUAGES = {"ar", "fa", "he", "ps", "ur", "ckb"}


class Status(str, enum.Enum):
    SOURCE = "source"
    REVIEWED = "reviewed"
    DRAFT = "draft"
    OUTDATED = "outdated"
    MISSING = "missing"


@dataclass(frozen=True)
class ShownItem:
    """A checklist item as a page shows it: in the text's language, or, where a lagging
    translation lacks it, in the first language of the fallback chain that has it."""

    id: str
    text: str
    language: str


@dataclass(frozen=True)
class Shown:
    """The text a page shows, in which language, and why: its own state in the page's
    language, and whether the text shown is a draft (not reviewed as it stands) or older
    than its source."""

    text: StepText
    language: str
    status: Status
    draft: bool
    outdated: bool
    checklist: tuple[ShownItem, ...]


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in RTL_LANGUAGES else "ltr"


def status(step: Step, language: str, source_language: str) -> Status:
    if language == source_language:
        return Status.SOURCE
    translation = step.translations.get(language)
    if translation is None:
        return Status.MISSING
    if is_outdated(translation, step):
        return Status.OUTDATED
    return Status.REVIEWED if translation.is_reviewed else Status.DRAFT


# `onegoal status --fail-on unreviewed`: a translation readers see that no native speaker has
# read against its current source.
UNREVIEWED = "unreviewed"
UNREVIEWED_STATES = frozenset({Status.DRAFT, Status.OUTDATED})


def is_outdated(translation: Translation, step: Step) -> bool:
    """Older than its source, or lacking goals or checklist items the source has gained."""
    ids = {item.id for item in translation.text.checklist}
    return (translation.source_version < step.version
            or len(translation.text.goals) < len(step.source.goals)
            or any(item.id not in ids for item in step.source.checklist))


class Fallbacks:
    """Per language, the languages to show, in order, when a step is not translated.

    The source language always closes the chain.
    """

    def __init__(self, chains: Mapping[str, Sequence[str]], source_language: str) -> None:
        self.chains = {language: list(chain) for language, chain in chains.items()}
        self.source = source_language

    def chain(self, language: str) -> list[str]:
        chain = [lang for lang in self.chains.get(language, []) if lang != self.source]
        return [*chain, self.source]

    def shown(self, step: Step, language: str) -> Shown:
        own = status(step, language, self.source)
        if own is not Status.MISSING:
            return self.text_in(step, language, own)
        fallback = next(lang for lang in self.chain(language)
                        if lang == self.source or lang in step.translations)
        return self.text_in(step, fallback, Status.MISSING)

    def text_in(self, step: Step, language: str, own: Status) -> Shown:
        checklist = self.checklist(step, language)
        if language == self.source:
            return Shown(step.source, language, own, False, False, checklist)
        translation = step.translations[language]
        return Shown(translation.text, language, own, not translation.is_reviewed,
                     is_outdated(translation, step), checklist)

    def checklist(self, step: Step, language: str) -> tuple[ShownItem, ...]:
        """Every item of the source, in its order, each in the first language that has it."""
        texts: dict[str, dict[str, str]] = {self.source: {item.id: item.text for item in step.source.checklist}}
        for code, translation in step.translations.items():
            texts[code] = {item.id: item.text for item in translation.text.checklist}
        chain = [language, *self.chain(language)]
        return tuple(
            next(ShownItem(item.id, texts[lang][item.id], lang) for lang in chain if item.id in texts.get(lang, {}))
            for item in step.source.checklist
        )


@dataclass(frozen=True)
class StatusRow:
    manual_id: str
    step: int
    slug: str
    states: dict[str, Status]


def status_matrix(library: Library) -> list[StatusRow]:
    """Manual x step x language: the state of every translation."""
    return [
        StatusRow(manual.id, step.number, step.slug,
                  {language: status(step, language, library.source_language) for language in library.languages})
        for manual in library.manuals
        for step in manual.steps
    ]
