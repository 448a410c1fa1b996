"""Everything editors write, read and checked in one go: the manuals, the glossary, and the
links and markup of step bodies and docs pages. What the build and `onegoal check` share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .glossary import Glossary, load_glossary
from .links import check_links
from .loader import load_library
from .markup import check_markup
from .model import AUDIENCES, Library
from .problems import ContentError
from .translation import Fallbacks


@dataclass(frozen=True)
class Content:
    library: Library
    glossary: Glossary


def load_content(manuals_dir: Path, docs_dir: Path, languages: Sequence[str], source: str, fallbacks: Fallbacks,
                 audiences: Sequence[str] = AUDIENCES, include: Sequence[str] = (),
                 skip_languages: Sequence[str] = (), pages_in: Sequence[str] | None = None) -> Content:
    """The library and glossary; raises ContentError naming every problem by file and line.
    Pages are checked as every language shows them, or only those `pages_in` names (a
    preview of one language)."""
    library = load_library(manuals_dir, languages, source, audiences, include, skip_languages)
    glossary = load_glossary(manuals_dir, languages, source, skip_languages)
    problems = (check_links(library, docs_dir, fallbacks, pages_in)
                + check_markup(library, docs_dir, fallbacks, pages_in))
    if problems:
        raise ContentError(problems)
    return Content(library, glossary)
