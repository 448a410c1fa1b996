"""What the templates show: the model cut to one page in one language (web/view_models.py).

Values here are plain text; the templates escape them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from functools import cached_property

from onegoal.content.glossary import Glossary, Term
from onegoal.content.model import Library, Manual, Pairing, Step
from onegoal.content.pages import OVERVIEW_NAME, PRINT_NAME, from_language_folder, src_uri
from onegoal.content.translation import Fallbacks, Shown, direction, status
from onegoal.paper.printing import demoted, scoped
from onegoal.web.script_data import SiteFile, checklist_ids, checklists_file, library_moves, share_layout
from onegoal.web.view_models import (AudienceGroup, ChangeRow, HomeView, ItemView, Link, ManualCard, ManualStatus,
                                     Organisation, OverviewView, PairLink, PrintedStep, PrintView, StepRow, StepStatus,
                                     StepView, TermView, TextLanguage, TranslationsView, UrlOf)


class Views:
    """Builds the views of one language; `url_of` maps a source path to its page URL.

    What every page of a kind holds about the whole library (the checklists a progress file
    may bring in, the moves of old names, who pairs with whom) is worked out once per Views,
    not once per page: a page per step times the whole library would grow with its square.
    """

    def __init__(self, library: Library, language: str, url_of: UrlOf, fallbacks: Fallbacks) -> None:
        self.library = library
        self.language = language
        self.url_of = url_of
        self.fallbacks = fallbacks

    def pick(self, texts: Mapping[str, str]) -> str:
        """The text in this language, or along its fallback chain (which ends at the source)."""
        chain = [self.language, *self.fallbacks.chain(self.language)]
        return next(texts[lang] for lang in chain if texts.get(lang))

    def shown(self, step: Step) -> Shown:
        return self.fallbacks.shown(step, self.language)

    def text_language(self, language: str) -> TextLanguage:
        return TextLanguage(language, direction(language), language != self.language)

    def url(self, manual: Manual, name: str) -> str:
        return self.url_of(src_uri(manual, name, self.language, self.library.source_language))

    def source_url(self, manual: Manual, name: str) -> str:
        """The page in the source language, from the root of the site: the same path as this
        language's page, without the language's folder."""
        return from_language_folder(self.url(manual, name), self.language, self.library.source_language)

    def items(self, shown: Shown) -> tuple[ItemView, ...]:
        """A checklist as the page shows it: each item in its own language."""
        return tuple(ItemView(item.id, item.text, self.text_language(item.language)) for item in shown.checklist)

    def step_link(self, manual: Manual, step: Step) -> Link:
        return Link(self.shown(step).text.title, self.url(manual, step.slug))

    def step(self, manual: Manual, step: Step) -> StepView:
        shown = self.shown(step)
        text = shown.text
        index = manual.steps.index(step)
        previous = manual.steps[index - 1] if index > 0 else None
        following = manual.steps[index + 1] if index + 1 < len(manual.steps) else None
        return StepView(
            manual_id=manual.id,
            step_key=step.slug,
            items=checklist_ids(step),
            manual=Link(self.pick(manual.title), self.url(manual, OVERVIEW_NAME)),
            number=step.number,
            total=len(manual.steps),
            title=text.title,
            summary=text.summary,
            duration=step.duration,
            who=step.who,
            goals=text.goals,
            checklist=self.items(shown),
            previous=self.step_link(manual, previous) if previous else None,
            next=self.step_link(manual, following) if following else None,
            text_language=self.text_language(shown.language),
            status=shown.status.value,
            draft=shown.draft,
            outdated=shown.outdated,
            source_language=self.library.source_language,
            source_url=self.source_url(manual, step.slug),
            proposal=step.proposal or manual.proposal,
            pairs=self.pair_links(manual, step),
            moves=self.moves,
            share=share_layout(manual),
            audience=manual.audience,
        )

    @cached_property
    def checklists(self) -> SiteFile:
        return checklists_file(self.library)

    @cached_property
    def moves(self) -> str:
        return library_moves(self.library)

    @cached_property
    def manuals_by_id(self) -> dict[str, Manual]:
        return {manual.id: manual for manual in self.library.manuals}

    @cached_property
    def paired_with(self) -> dict[str, tuple[tuple[Manual, Pairing], ...]]:
        """By manual id: the manuals whose pairing names it, with that pairing, in the library's order."""
        found: dict[str, list[tuple[Manual, Pairing]]] = {}
        for manual in self.library.manuals:
            if manual.pairing:
                found.setdefault(manual.pairing.manual_id, []).append((manual, manual.pairing))
        return {manual_id: tuple(pairs) for manual_id, pairs in found.items()}

    def pair_links(self, manual: Manual, step: Step) -> tuple[PairLink, ...]:
        """The paired steps of the other side: the one this manual's pairing names, and those
        of every manual that pairs its steps with this one."""
        manuals = self.manuals_by_id
        found = []
        pairing = manual.pairing
        if pairing and pairing.manual_id in manuals and step.slug in pairing.steps:
            other = manuals[pairing.manual_id]
            found.append((other, other.step(pairing.steps[step.slug])))
        for other, theirs in self.paired_with.get(manual.id, ()):
            found += [(other, other.step(mine)) for mine, their in theirs.steps.items() if their == step.slug]
        return tuple(PairLink("candidate" if other.audience == "candidate" else "agent", self.pick(other.title),
                              shown.text.title, self.url(other, paired.slug), self.text_language(shown.language),
                              other.id, checklist_ids(paired))
                     for other, paired in found for shown in [self.shown(paired)])

    def overview(self, manual: Manual) -> OverviewView:
        rows = tuple(
            StepRow(step.number, shown.text.title, shown.text.summary, step.duration, step.who,
                    self.url(manual, step.slug), self.text_language(shown.language), checklist_ids(step),
                    step.slug, self.items(shown), self.pair_links(manual, step))
            for step in manual.steps
            for shown in [self.shown(step)]
        )
        changes = tuple(
            ChangeRow(entry.version, entry.date.isoformat(), self.pick(entry.changes))
            for entry in manual.changelog
        )
        return OverviewView(manual.id, checklist_ids(*manual.steps), self.pick(manual.title),
                            self.pick(manual.description), manual.version,
                            sum(step.duration for step in manual.steps), rows, changes,
                            proposal=manual.proposal or any(step.proposal for step in manual.steps),
                            checklists=self.checklists.path, moves=self.moves,
                            share=share_layout(manual), audience=manual.audience)

    def term_view(self, glossary: Glossary, term: Term, pages: Sequence[tuple[str, str]] = ()) -> TermView:
        explanation = glossary.explain(term, self.language, self.fallbacks)
        return TermView(term.id, term.word, explanation.text, self.text_language(explanation.language),
                        tuple(Link(title, url) for title, url in pages))

    def glossary(self, glossary: Glossary, term_pages: Mapping[str, Sequence[tuple[str, str]]]) -> tuple[TermView, ...]:
        """Every term, in the order of its Swedish word, with the pages of this language that use it."""
        terms = sorted(glossary.terms, key=lambda term: term.word.casefold())
        return tuple(self.term_view(glossary, term, term_pages.get(term.id, ())) for term in terms)

    def printed(self, manual: Manual, bodies: Mapping[str, str], organisation: Organisation,
                glossary: Glossary | None = None, term_ids: Sequence[str] = ()) -> PrintView:
        """The whole manual on one page; `bodies` holds each step's rendered body by step name."""
        steps = []
        for step in manual.steps:
            shown = self.shown(step)
            anchor = f"step-{step.slug}"
            steps.append(PrintedStep(
                number=step.number, anchor=anchor, title=shown.text.title, summary=shown.text.summary,
                duration=step.duration, who=step.who, goals=shown.text.goals,
                checklist=self.items(shown),
                body=demoted(scoped(bodies.get(step.slug, ""), anchor)),
                text_language=self.text_language(shown.language)))
        current = next((entry for entry in manual.changelog if entry.version == manual.version), manual.changelog[0])
        used = [term for term in glossary.terms if term.id in set(term_ids)] if glossary else []
        terms = tuple(self.term_view(glossary, term) for term in sorted(used, key=lambda t: t.word.casefold()))
        return PrintView(manual.id, self.pick(manual.title), manual.audience, manual.version,
                         current.date.isoformat(), organisation, tuple(steps),
                         signature=manual.corporate, terms=terms)

    def searchable(self, step: Step) -> str:
        """The words of a step the page shows outside its body, as HTML for the search index."""
        shown = self.shown(step)
        items = [shown.text.summary, *shown.text.goals, *(item.text for item in shown.checklist)]
        return "".join(f"<p>{html.escape(text)}</p>" for text in items)

    def searchable_glossary(self, glossary: Glossary) -> str:
        """Every term's Swedish word and explanation in this language, as HTML for the search."""
        return "".join(f"<p>{html.escape(term.word)}: {html.escape(term.text)}</p>"
                       for term in self.glossary(glossary, {}))

    def print_url(self, manual: Manual) -> str:
        return self.url(manual, PRINT_NAME)

    def home(self) -> HomeView:
        groups = []
        for audience in self.library.audiences:
            cards = tuple(
                ManualCard(manual.id, checklist_ids(*manual.steps), self.pick(manual.title),
                           self.pick(manual.description), len(manual.steps), self.url(manual, OVERVIEW_NAME))
                for manual in self.library.manuals
                if manual.audience == audience
            )
            if cards:
                groups.append(AudienceGroup(audience, cards))
        return HomeView(tuple(groups), self.checklists.path, self.moves)

    def manual_pages(self, manual: Manual) -> list[str]:
        """Every page of a manual in this language: what offline reading keeps."""
        return [self.url(manual, name) for name in [OVERVIEW_NAME, *(step.slug for step in manual.steps)]]

    def page_title(self, manual: Manual, step: Step | None) -> str:
        return self.shown(step).text.title if step else self.pick(manual.title)

    def translations(self) -> TranslationsView:
        languages = self.library.languages
        manuals = tuple(
            ManualStatus(self.pick(manual.title), tuple(
                StepStatus(step.number, self.shown(step).text.title, tuple(
                    status(step, language, self.library.source_language).value for language in languages))
                for step in manual.steps))
            for manual in self.library.manuals
        )
        return TranslationsView(languages, manuals)
