"""The content model: what the loader returns and what every page is made from."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

AUDIENCES = ("agent", "candidate", "company")
# Manuals in this folder are written for companies that run OneGoal on working time.
CORPORATE_FOLDER = "corporate"
ACTORS = ("agent", "candidate", "both", "coordinator")


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str


@dataclass(frozen=True)
class StepText:
    """The words of one step in one language."""

    title: str
    summary: str
    goals: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]
    body: str
    body_line: int = 1  # the line of its file where the body starts


@dataclass(frozen=True)
class Review:
    """A native speaker's reading of a translation against its source."""

    by: str
    date: datetime.date
    source_version: int  # the source version the reviewed translation was made from

    def covers(self, source_version: int, draft: bool) -> bool:
        """Whether it is a review of the text as it stands: one made from this very source
        version, and the text not marked draft since."""
        return not draft and self.source_version == source_version


@dataclass(frozen=True)
class Translation:
    language: str
    text: StepText
    source_version: int
    draft: bool
    path: Path
    reviewed: Review | None = None

    @property
    def is_reviewed(self) -> bool:
        """Reviewed as it stands: a review of this very source version, and not marked draft."""
        return self.reviewed is not None and self.reviewed.covers(self.source_version, self.draft)


@dataclass(frozen=True)
class Step:
    manual_id: str
    number: int
    slug: str
    version: int
    duration: int
    who: str
    source: StepText
    path: Path
    translations: Mapping[str, Translation] = field(default_factory=dict)
    proposal: bool = False
    lines: Mapping[str, int] = field(default_factory=dict)  # the line of each field in its file


@dataclass(frozen=True)
class ChangelogEntry:
    version: str
    date: datetime.date
    changes: Mapping[str, str]


@dataclass(frozen=True)
class History:
    """What became of published names: readers' ticks and bookmarks follow a move.

    `steps` maps an old step name to the current one; `items` maps (step, old id) to
    (step, new id). Withdrawn names lead nowhere, on purpose.
    """

    steps: Mapping[str, str] = field(default_factory=dict)
    items: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    withdrawn_steps: frozenset[str] = frozenset()
    withdrawn_items: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Pairing:
    """The manual that the other reader of the pair follows, and which of its steps goes
    with each of this manual's steps (this step's name -> that step's name)."""

    manual_id: str
    steps: Mapping[str, str]


@dataclass(frozen=True)
class Manual:
    id: str
    audience: str
    version: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    changelog: tuple[ChangelogEntry, ...]
    steps: tuple[Step, ...]
    path: Path
    url_path: str
    history: History = field(default_factory=History)
    proposal: bool = False
    pairing: Pairing | None = None
    max_hours: int | None = None
    lines: Mapping[str, int] = field(default_factory=dict)  # the line of each field of manual.yml

    def step(self, slug: str) -> Step:
        return next(step for step in self.steps if step.slug == slug)

    @property
    def corporate(self) -> bool:
        return self.url_path.split("/")[0] == CORPORATE_FOLDER


@dataclass(frozen=True)
class Library:
    manuals: tuple[Manual, ...]
    source_language: str
    languages: tuple[str, ...]
    audiences: tuple[str, ...] = AUDIENCES
    root: Path = Path("manuals")

    def manual(self, manual_id: str) -> Manual:
        return next(manual for manual in self.manuals if manual.id == manual_id)

    @cached_property
    def corporate_apart(self) -> bool:
        """Whether corporate manuals stand beside readers' manuals (not in a company's copy,
        which has only theirs), and so have a search index of their own: asked on every page,
        so worked out once."""
        return any(manual.corporate for manual in self.manuals) and not all(manual.corporate for manual in self.manuals)

    def find(self, name: str) -> Manual | None:
        """The manual an editor names by its id or its folder (corporate/coordinator)."""
        return next((manual for manual in self.manuals if name in (manual.id, manual.url_path)), None)
