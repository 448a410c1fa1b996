"""Problems found in content: each points at a file and a line an editor can open."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}: {self.message}"


class ContentError(Exception):
    """The content has problems; all of them are listed, in file order."""

    def __init__(self, problems: list[Problem], where: str = "the manuals") -> None:
        self.problems = sorted(problems)
        self.where = where
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} {noun} in {self.where}. Fix them and build again.")
        return "\n".join(lines)


def display_path(path: Path) -> str:
    """A path relative to where the editor stands, when it lies below it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
