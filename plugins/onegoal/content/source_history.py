"""A source step as it read at an earlier version, from the project's git history.

A translation says which version of its Swedish file it was made from (`source_version`);
the words of that version are in the last commit whose file carries that `version`. Without
git, or outside a repository, or with a shallow history that has lost it, there is no
earlier text, and the callers say so rather than guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from onegoal.content.git import GitError, git

_VERSION = re.compile(rb"^version:\s*(\d+)\s*$", re.MULTILINE)
# Enough history for any translation a translator still works from; older ones are rare.
MAX_COMMITS = 200


class SourceHistory:
    """Earlier versions of the source steps under one folder, read once each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._top = _toplevel(folder)

    @property
    def available(self) -> bool:
        return self._top is not None

    def text_at(self, path: Path, version: int) -> str | None:
        """The file's text in the newest commit where its front matter says `version`."""
        if self._top is None:
            return None
        return _text_at(self._top, path.resolve().relative_to(self._top).as_posix(), version)


def _git(cwd: Path, *args: str) -> bytes | None:
    try:
        return git(cwd, *args)
    except GitError:
        return None


def _toplevel(folder: Path) -> Path | None:
    out = _git(folder, "rev-parse", "--show-toplevel")
    return Path(out.decode().strip()).resolve() if out else None


@lru_cache(maxsize=1024)
def _text_at(top: Path, relative: str, version: int) -> str | None:
    commits = _git(top, "log", f"--max-count={MAX_COMMITS}", "--format=%H", "--", relative)
    for commit in (commits or b"").decode().split():
        blob = _git(top, "show", f"{commit}:{relative}")
        found = _VERSION.search(blob.split(b"\n---", 1)[0]) if blob else None
        if found and int(found.group(1)) == version:
            return blob.decode("utf-8", errors="replace")
        if found and int(found.group(1)) < version:
            return None  # history goes back past it: that version was never committed
    return None
