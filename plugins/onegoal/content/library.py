"""Everything editors write, read and checked in one go: the manuals, the glossary, the
files of the docs folder, and the links and rendered markup of step bodies and docs pages.
What the build and `onegoal check` share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from onegoal.content.docs_files import check_docs_files
from onegoal.content.glossary import Glossary, load_glossary
from onegoal.checks.links import check_links
from onegoal.content.loader import load_library
from onegoal.checks.markup import check_markup
from onegoal.content.model import AUDIENCES, Library
from onegoal.content.problems import ContentError, Problem
from onegoal.content.rendering import MarkdownSetup
from onegoal.content.safe_paths import symbolic_links
from onegoal.content.translation import Fallbacks


@dataclass(frozen=True)
class Content:
    library: Library
    glossary: Glossary


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
                 theme_dirs: Sequence[Path] = ()) -> Content:
    """The library and glossary; raises ContentError naming every problem by file and line.
    Pages are checked as every language shows them, or only those `pages_in` names (a
    preview of one language). A symbolic link anywhere stops the reading before any file
    is opened."""
    links = symbolic_links([manuals_dir, docs_dir, *theme_dirs])
    if links:
        raise SymbolicLinks(links)
    library = load_library(manuals_dir, languages, source, audiences, include, skip_languages)
    glossary = load_glossary(manuals_dir, languages, source, skip_languages)
    unsafe = check_docs_files(docs_dir) + check_markup(library, docs_dir, fallbacks, setup, pages_in)
    problems = check_links(library, docs_dir, fallbacks, pages_in) + unsafe
    if problems:
        raise UnsafeContent(problems, frozenset(problem.path for problem in unsafe))
    return Content(library, glossary)
