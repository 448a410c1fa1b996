"""What `onegoal status` reports: the state of every translation, the readability (LIX) of
each Candidate step, the changelog entries not yet translated, and the steps that are
proposals not yet approved by WOW, as text, Markdown (for a pull request's summary) or JSON."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from onegoal.checks.readability import lix
from onegoal.checks.rules import CANDIDATE, MAX_LIX
from onegoal.content.glossary import Glossary
from onegoal.content.model import Library
from onegoal.content.translation import Status, StatusRow, status_matrix


@dataclass(frozen=True)
class ChangelogGap:
    manual_id: str
    version: str
    languages: tuple[str, ...]  # the languages its 'changes' lack


@dataclass(frozen=True)
class StatusReport:
    languages: tuple[str, ...]
    rows: list[StatusRow]
    changelog: list[ChangelogGap]
    proposals: list[str]  # "manual" (the whole manual) or "manual/step"
    glossary: dict[str, dict[str, int]] = field(default_factory=dict)  # language -> state -> terms
    readability: dict[str, float] = field(default_factory=dict)  # "manual/step" -> LIX, Candidate steps


def _lix(row: StatusRow, report: StatusReport) -> str:
    figure = report.readability.get(f"{row.manual_id}/{row.slug}")
    return "" if figure is None else f"{figure:.0f}" + (f" (over {MAX_LIX})" if figure > MAX_LIX else "")


def glossary_states(glossary: Glossary, library: Library) -> dict[str, dict[str, int]]:
    states: dict[str, dict[str, int]] = {}
    for language in library.languages:
        counts = Counter(glossary.status(term, language, library.source_language).value for term in glossary.terms)
        states[language] = dict(sorted(counts.items()))
    return states if glossary.terms else {}


def status_report(library: Library, glossary: Glossary | None = None) -> StatusReport:
    gaps = [ChangelogGap(manual.id, entry.version, missing)
            for manual in library.manuals for entry in manual.changelog
            if (missing := tuple(lang for lang in library.languages if lang not in entry.changes))]
    proposals = [f"{manual.id}/{step.slug}" for manual in library.manuals for step in manual.steps
                 if step.proposal and not manual.proposal]
    proposals += [manual.id for manual in library.manuals if manual.proposal]
    readability = {f"{manual.id}/{step.slug}": round(lix(step.source), 1) for manual in library.manuals
                   if manual.audience == CANDIDATE for step in manual.steps}
    return StatusReport(library.languages, status_matrix(library), gaps, proposals,
                        glossary_states(glossary, library) if glossary else {}, readability)


def _glossary_lines(report: StatusReport) -> list[str]:
    return [f"{language}: " + ", ".join(f"{count} {state}" for state, count in states.items())
            for language, states in report.glossary.items()]


def as_text(report: StatusReport) -> str:
    rows, languages = report.rows, report.languages
    label = max((len(f"{row.manual_id}/{row.slug}") for row in rows), default=0)
    width = max(len(state.value) for state in Status)
    lines = [" " * label + "".join(f"  {lang:<{width}}" for lang in languages) + "  LIX"]
    for row in rows:
        name = f"{row.manual_id}/{row.slug}"
        lines.append((f"{name:<{label}}" + "".join(f"  {row.states[lang].value:<{width}}" for lang in languages)
                      + f"  {_lix(row, report)}").rstrip())
    if report.changelog:
        lines += ["", "Changelog entries not translated:"]
        lines += [f"  {gap.manual_id} {gap.version}: {', '.join(gap.languages)}" for gap in report.changelog]
    if report.proposals:
        lines += ["", "Proposals not yet approved by WOW:", f"  {', '.join(report.proposals)}"]
    if report.glossary:
        lines += ["", "Glossary terms:"] + [f"  {line}" for line in _glossary_lines(report)]
    return "\n".join(lines)


def as_markdown(report: StatusReport) -> str:
    languages = report.languages
    lines = ["| Manual | Step | " + " | ".join(languages) + " | LIX |", "|---|---|" + "---|" * (len(languages) + 1)]
    for row in report.rows:
        states = " | ".join(row.states[lang].value for lang in languages)
        lines.append(f"| {row.manual_id} | {row.step}. {row.slug} | {states} | {_lix(row, report)} |")
    if report.changelog:
        lines += ["", "**Changelog entries not translated**", ""]
        lines += [f"- {gap.manual_id} {gap.version}: {', '.join(gap.languages)}" for gap in report.changelog]
    if report.proposals:
        lines += ["", "**Proposals not yet approved by WOW**", ""]
        lines += [f"- {name}" for name in report.proposals]
    if report.glossary:
        lines += ["", "**Glossary terms**", ""] + [f"- {line}" for line in _glossary_lines(report)]
    return "\n".join(lines)


def as_json(report: StatusReport) -> str:
    data = {
        "steps": [{"manual": row.manual_id, "step": row.step, "slug": row.slug,
                   "languages": {lang: row.states[lang].value for lang in report.languages},
                   "lix": report.readability.get(f"{row.manual_id}/{row.slug}")} for row in report.rows],
        "changelog": [{"manual": gap.manual_id, "version": gap.version, "missing": list(gap.languages)}
                      for gap in report.changelog],
        "proposals": report.proposals,
        "glossary": report.glossary,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}
