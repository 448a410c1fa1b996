"""What each template receives: the model cut to one page in one language, as plain text
(the templates escape it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

UrlOf = Callable[[str], str]


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class TextLanguage:
    """The language of a piece of text, set on its element when it differs from the page's."""

    code: str
    dir: str
    differs: bool


@dataclass(frozen=True)
class PairLink:
    """The other reader's page of the same step: in her manual, in this language."""

    reader: str  # "candidate" when the link leads to the Candidate's page, else "agent"
    manual: str
    title: str
    url: str
    text_language: TextLanguage
    # The paired step's manual and checklist ids: the shared view shows the reader's own
    # progress there beside the other reader's ticks.
    manual_id: str = ""
    items: str = "{}"


@dataclass(frozen=True)
class ItemView:
    id: str
    text: str
    text_language: TextLanguage


@dataclass(frozen=True)
class StepRow:
    number: int
    title: str
    summary: str
    duration: int
    who: str
    url: str
    text_language: TextLanguage
    items: str
    # For the shared view (share.js): the step's checklist and its paired steps.
    step_key: str = ""
    checklist: tuple[ItemView, ...] = ()
    pairs: tuple[PairLink, ...] = ()


@dataclass(frozen=True)
class StepView:
    manual_id: str
    step_key: str
    items: str
    manual: Link
    number: int
    total: int
    title: str
    summary: str
    duration: int
    who: str
    goals: tuple[str, ...]
    checklist: tuple[ItemView, ...]
    previous: Link | None
    next: Link | None
    text_language: TextLanguage
    status: str
    draft: bool
    outdated: bool
    source_language: str
    source_url: str
    proposal: bool
    pairs: tuple[PairLink, ...]
    # Where readers' ticks under old names go (library_moves): the page script moves them.
    moves: str
    # What "Show my Agent" puts in its link (share_layout), and who reads this manual.
    share: str = "{}"
    audience: str = ""


@dataclass(frozen=True)
class ChangeRow:
    version: str
    date: str
    changes: str


@dataclass(frozen=True)
class OverviewView:
    manual_id: str
    items: str
    title: str
    description: str
    version: str
    total_duration: int
    steps: tuple[StepRow, ...]
    changelog: tuple[ChangeRow, ...]
    proposal: bool
    # Where the site keeps what a progress file may bring in (checklists_file), and where old
    # names go.
    checklists: str
    moves: str
    share: str = "{}"
    audience: str = ""


@dataclass(frozen=True)
class ManualCard:
    manual_id: str
    items: str
    title: str
    description: str
    step_count: int
    url: str


@dataclass(frozen=True)
class AudienceGroup:
    audience: str
    manuals: tuple[ManualCard, ...]


@dataclass(frozen=True)
class HomeView:
    groups: tuple[AudienceGroup, ...]
    checklists: str  # as the overview's
    moves: str


@dataclass(frozen=True)
class StepStatus:
    number: int
    title: str
    states: tuple[str, ...]


@dataclass(frozen=True)
class ManualStatus:
    title: str
    steps: tuple[StepStatus, ...]


@dataclass(frozen=True)
class TranslationsView:
    languages: tuple[str, ...]
    manuals: tuple[ManualStatus, ...]


@dataclass(frozen=True)
class Organisation:
    """Whose manual it is, on the cover of every printed manual: a name and a logo's path
    from the root of the site (or empty)."""

    name: str
    logo: str


@dataclass(frozen=True)
class PrintedStep:
    number: int
    anchor: str
    title: str
    summary: str
    duration: int
    who: str
    goals: tuple[str, ...]
    checklist: tuple[ItemView, ...]
    body: str
    text_language: TextLanguage


@dataclass(frozen=True)
class TermView:
    """A glossary term as a page in one language shows it, and the pages it is used on."""

    id: str
    word: str
    text: str
    text_language: TextLanguage
    pages: tuple[Link, ...]


@dataclass(frozen=True)
class PrintView:
    manual_id: str
    title: str
    audience: str
    version: str
    date: str
    organisation: Organisation
    steps: tuple[PrintedStep, ...]
    signature: bool
    terms: tuple[TermView, ...] = ()
