"""Content carries no live markup: what editors write is text, pictures from the site and
links, never code that runs on the page that keeps readers' ticks, nor anything the page
would load from another host.

Each step body, translation and docs page is judged by the HTML it renders to (the site's
own Markdown extensions, attribute lists and admonition titles included), against the
allow-list of `allowlist`. A problem is reported at the first line of the source whose
rendering holds it: the page's text is rendered line by line further until it appears.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from onegoal.checks.links import documents
from onegoal.content.allowlist import Finding, judge_html
from onegoal.content.model import Library
from onegoal.content.problems import Problem
from onegoal.content.rendering import MarkdownSetup
from onegoal.content.side_by_side import mapped
from onegoal.content.translation import Fallbacks

# Up to this many lines, a finding is placed where the editor wrote it, also when another
# line completes it (a picture's line, before the reference that gives its address).
PRECISE_LINES = 200
# Longer than any page a reader follows on a phone; judging it would only make the check slow.
MAX_LINES = 2000


def check_markup(library: Library, docs_dir: Path, fallbacks: Fallbacks, setup: MarkdownSetup,
                 languages: Sequence[str] | None = None, processes: int = 1) -> list[Problem]:
    """Every piece of live markup in the pages editors write (in `languages`, all by default),
    by file and line; the pages judged in up to `processes` processes side by side."""
    problems: dict[tuple[object, int, str], Problem] = {}
    docs = list(documents(library, docs_dir, fallbacks, languages))
    judged = [doc for doc in docs if doc.body.count("\n") < MAX_LINES]
    bodies = list(dict.fromkeys(doc.body for doc in judged))  # a text shown in several languages, once
    found = dict(zip(bodies, mapped(lambda body: live_markup(body, setup), bodies, processes)))
    for doc in docs:
        length = doc.body.count("\n") + 1
        if length > MAX_LINES:
            message = (f"the text is {length} lines long; a page readers can follow on a phone is far shorter "
                       f"(at most {MAX_LINES}). Split it into several steps or pages.")
            problems.setdefault((doc.path, doc.first_line, message), Problem(doc.path, doc.first_line, message))
            continue
        for offset, message in found[doc.body]:
            line = doc.first_line + offset
            problems.setdefault((doc.path, line, message), Problem(doc.path, line, message))
    return list(problems.values())


@lru_cache(maxsize=4096)
def live_markup(body: str, setup: MarkdownSetup) -> tuple[tuple[int, str], ...]:
    """What `body` may not hold once rendered, each with its line offset in `body`."""
    findings = _findings(body, setup)  # the whole body is also the last prefix the search renders
    if not findings:
        return ()
    lines = body.split("\n")
    totals = Counter(finding.key for finding in findings)
    # Leaving out each line in turn costs a rendering per line: a long page (a hostile one
    # could hold thousands of lines) is searched by halving alone.
    places = {key: _lines_holding(lines, key, total, setup) if len(lines) <= PRECISE_LINES else []
              for key, total in totals.items()}
    seen: Counter[tuple[str, ...]] = Counter()
    located = []
    for finding in findings:
        seen[finding.key] += 1
        nth = seen[finding.key]
        held = places[finding.key]
        line = held[nth - 1] if nth <= len(held) else _first_prefix_with(lines, finding.key, nth, setup)
        located.append((line, finding.message))
    return tuple(located)


def _lines_holding(lines: list[str], key: tuple[str, ...], total: int, setup: MarkdownSetup) -> list[int]:
    """The lines without which the page renders fewer findings like `key`: where the editor
    wrote them (a picture's line before the reference that gives its address)."""
    last = _first_prefix_with(lines, key, total, setup)
    return [index for index in range(last + 1) if lines[index].strip()
            and _count([*lines[:index], "", *lines[index + 1:]], len(lines), key, setup) < total]


def _first_prefix_with(lines: list[str], key: tuple[str, ...], nth: int, setup: MarkdownSetup) -> int:
    """The offset of the first line whose rendering, with the lines before it, holds the
    `nth` finding like `key`: found by halving, as more text only adds findings."""
    low, high = 0, len(lines) - 1
    while low < high:
        middle = (low + high) // 2
        if _count(lines, middle + 1, key, setup) >= nth:
            high = middle
        else:
            low = middle + 1
    return low


def _count(lines: list[str], length: int, key: tuple[str, ...], setup: MarkdownSetup) -> int:
    return sum(1 for finding in _findings("\n".join(lines[:length]), setup) if finding.key == key)


@lru_cache(maxsize=1024)
def _findings(text: str, setup: MarkdownSetup) -> tuple[Finding, ...]:
    return tuple(judge_html(setup.render(text)))
