"""Which text of a step a reader gets in her language, and how far each translation is."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Library, Step, StepText

RTL_LANGUAGES = {"ar", "fa", "he", "ps", "ur", "ckb"}


class Status(str, enum.Enum):
    SOURCE = "source"
    OK = "ok"
    DRAFT = "draft"
    OUTDATED = "outdated"
    MISSING = "missing"


@dataclass(frozen=True)
class Shown:
    """The text a page shows, in which language, and why: its own state in the page's
    language, and whether the text shown is a draft or older than its source."""

    text: StepText
    language: str
    status: Status
    draft: bool
    outdated: bool


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in RTL_LANGUAGES else "ltr"


def status(step: Step, language: str, source_language: str) -> Status:
    if language == source_language:
        return Status.SOURCE
    translation = step.translations.get(language)
    if translation is None:
        return Status.MISSING
    if translation.source_version < step.version:
        return Status.OUTDATED
    return Status.DRAFT if translation.draft else Status.OK


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
        if language == self.source:
            return Shown(step.source, language, own, draft=False, outdated=False)
        translation = step.translations[language]
        return Shown(translation.text, language, own, translation.draft,
                     translation.source_version < step.version)


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
