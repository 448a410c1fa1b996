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
    """The text a page in `language` shows, and why."""

    text: StepText
    language: str
    status: Status
    draft: bool

    @property
    def is_fallback(self) -> bool:
        return self.status is Status.MISSING


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
            return Shown(self.text_in(step, language), language, own, self.is_draft(step, language))
        for fallback in self.chain(language):
            if fallback == self.source or fallback in step.translations:
                return Shown(self.text_in(step, fallback), fallback, Status.MISSING,
                             self.is_draft(step, fallback))
        raise AssertionError("the source language closes every chain")

    def text_in(self, step: Step, language: str) -> StepText:
        return step.source if language == self.source else step.translations[language].text

    def is_draft(self, step: Step, language: str) -> bool:
        translation = step.translations.get(language)
        return translation is not None and translation.draft


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
