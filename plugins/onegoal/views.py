"""What the templates show: the model cut to one page in one language.

Values here are plain text; the templates escape them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .model import AUDIENCES, ChecklistItem, Library, Manual, Step, StepText
from .pages import OVERVIEW_NAME, src_uri

UrlOf = Callable[[str], str]


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class StepRow:
    number: int
    title: str
    summary: str
    duration: int
    who: str
    url: str


@dataclass(frozen=True)
class StepView:
    manual_id: str
    manual: Link
    number: int
    total: int
    title: str
    summary: str
    duration: int
    who: str
    goals: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]
    previous: Link | None
    next: Link | None
    text_language: str


@dataclass(frozen=True)
class ChangeRow:
    version: str
    date: str
    changes: str


@dataclass(frozen=True)
class OverviewView:
    manual_id: str
    title: str
    description: str
    version: str
    total_duration: int
    steps: tuple[StepRow, ...]
    changelog: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class ManualCard:
    manual_id: str
    title: str
    description: str
    step_count: int
    url: str


@dataclass(frozen=True)
class AudienceGroup:
    audience: str
    manuals: tuple[ManualCard, ...]


class Views:
    """Builds the views of one language; `url_of` maps a source path to its page URL."""

    def __init__(self, library: Library, language: str, url_of: UrlOf) -> None:
        self.library = library
        self.language = language
        self.url_of = url_of

    def pick(self, texts: Mapping[str, str]) -> str:
        return texts.get(self.language) or texts[self.library.source_language]

    def text(self, step: Step) -> tuple[StepText, str]:
        translation = step.translations.get(self.language)
        if translation is not None:
            return translation.text, self.language
        return step.source, self.library.source_language

    def url(self, manual: Manual, name: str) -> str:
        return self.url_of(src_uri(manual, name, self.language, self.library.source_language))

    def step_link(self, manual: Manual, step: Step) -> Link:
        return Link(self.text(step)[0].title, self.url(manual, step.name))

    def step(self, manual: Manual, step: Step) -> StepView:
        text, text_language = self.text(step)
        index = manual.steps.index(step)
        previous = manual.steps[index - 1] if index > 0 else None
        following = manual.steps[index + 1] if index + 1 < len(manual.steps) else None
        return StepView(
            manual_id=manual.id,
            manual=Link(self.pick(manual.title), self.url(manual, OVERVIEW_NAME)),
            number=step.number,
            total=len(manual.steps),
            title=text.title,
            summary=text.summary,
            duration=step.duration,
            who=step.who,
            goals=text.goals,
            checklist=text.checklist,
            previous=self.step_link(manual, previous) if previous else None,
            next=self.step_link(manual, following) if following else None,
            text_language=text_language,
        )

    def overview(self, manual: Manual) -> OverviewView:
        rows = tuple(
            StepRow(step.number, text.title, text.summary, step.duration, step.who,
                    self.url(manual, step.name))
            for step in manual.steps
            for text in [self.text(step)[0]]
        )
        changes = tuple(
            ChangeRow(entry.version, entry.date.isoformat(), self.pick(entry.changes))
            for entry in manual.changelog
        )
        return OverviewView(manual.id, self.pick(manual.title), self.pick(manual.description),
                            manual.version, sum(step.duration for step in manual.steps), rows, changes)

    def home(self) -> tuple[AudienceGroup, ...]:
        groups = []
        for audience in AUDIENCES:
            cards = tuple(
                ManualCard(manual.id, self.pick(manual.title), self.pick(manual.description),
                           len(manual.steps), self.url(manual, OVERVIEW_NAME))
                for manual in self.library.manuals
                if manual.audience == audience
            )
            if cards:
                groups.append(AudienceGroup(audience, cards))
        return tuple(groups)

    def page_title(self, manual: Manual, step: Step | None) -> str:
        return self.text(step)[0].title if step else self.pick(manual.title)
