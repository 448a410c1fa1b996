"""Everything editors write, read once and checked in one pass: the manuals, the glossary,
the files of the docs folder, and the links and rendered markup of step bodies and docs
pages. The build and `onegoal check` run the same list and report every problem at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from onegoal.checks.docs_files import check_docs_files
from onegoal.checks.links import check_links
from onegoal.checks.markup import check_markup
from onegoal.content.glossary import Glossary, load_glossary
from onegoal.content.loader import read_library
from onegoal.content.model import AUDIENCES, Library
from onegoal.content.problems import ContentError, Problem
from onegoal.content.rendering import MarkdownSetup
from onegoal.content.safe_paths import symbolic_links
from onegoal.content.translation import Fallbacks


@dataclass(frozen=True)
class Content:
    """What the build and `onegoal check` go on with once every check has passed."""

    library: Library
    glossary: Glossary


@dataclass(frozen=True)
class Reading:
    """The one reading of the content that every check looks at."""

    content: Content
    docs_dir: Path
    fallbacks: Fallbacks
    setup: MarkdownSetup
    languages: Sequence[str] | None  # the languages whose pages are checked (None: all)
    complete: bool  # whether every manual could be read
    processes: int = 1  # how many processes may judge the pages side by side


Check = Callable[[Reading], list[Problem]]


def docs_files(reading: Reading) -> list[Problem]:
    return check_docs_files(reading.docs_dir)


def markup(reading: Reading) -> list[Problem]:
    return check_markup(reading.content.library, reading.docs_dir, reading.fallbacks, reading.setup, reading.languages,
                        reading.processes)


def links(reading: Reading) -> list[Problem]:
    # A link into a manual that could not be read would be told as broken: links wait for a
    # library read whole.
    if not reading.complete:
        return []
    return check_links(reading.content.library, reading.docs_dir, reading.fallbacks, reading.languages)


# What would put live markup, or a file the site does not publish, on a page: a preview
# leaves the files these name out.
SAFETY: tuple[Check, ...] = (docs_files, markup)
CHECKS: tuple[Check, ...] = (*SAFETY, links)


class SymbolicLinks(ContentError):
    """Symbolic links among the files the site reads: nothing is read, a preview stops too."""


class UnsafeContent(ContentError):
    """The content has problems, and the files in `unsafe` would put live markup on a page
    or a file the site does not publish into it: a preview leaves them out."""

    def __init__(self, problems: list[Problem], unsafe: frozenset[Path]) -> None:
        super().__init__(problems)
        self.unsafe = unsafe


def load_content(manuals_dir: Path, docs_dir: Path, languages: Sequence[str], source: str, fallbacks: Fallbacks,
                 setup: MarkdownSetup, audiences: Sequence[str] = AUDIENCES, include: Sequence[str] = (),
                 skip_languages: Sequence[str] = (), pages_in: Sequence[str] | None = None,
                 theme_dirs: Sequence[Path] = (), processes: int = 1) -> Content:
    """The library and glossary; raises ContentError naming every problem by file and line.
    Pages are checked as every language shows them, or only those `pages_in` names (a
    preview of one language), in up to `processes` processes. A symbolic link stops the
    reading before any file is opened."""
    found = symbolic_links([manuals_dir, docs_dir, *theme_dirs])
    if found:
        raise SymbolicLinks(found)
    library, problems = read_library(manuals_dir, languages, source, audiences, include, skip_languages)
    glossary = read_glossary(manuals_dir, languages, source, skip_languages, problems)
    reading = Reading(Content(library, glossary), docs_dir, fallbacks, setup, pages_in, complete=not problems,
                      processes=processes)
    unsafe = run(SAFETY, reading)
    problems += unsafe + run(tuple(check for check in CHECKS if check not in SAFETY), reading)
    if problems:
        raise UnsafeContent(problems, frozenset(problem.path for problem in unsafe))
    return reading.content


def run(checks: Sequence[Check], reading: Reading) -> list[Problem]:
    return [problem for check in checks for problem in check(reading)]


def read_glossary(manuals_dir: Path, languages: Sequence[str], source: str, skip_languages: Sequence[str],
                  problems: list[Problem]) -> Glossary:
    """The glossary, or an empty one with its problems added to the library's."""
    try:
        return load_glossary(manuals_dir, languages, source, skip_languages)
    except ContentError as error:
        problems.extend(error.problems)
        return Glossary()
