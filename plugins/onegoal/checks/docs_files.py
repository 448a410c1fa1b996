"""Which files of the docs folder the site publishes: Markdown pages and pictures of listed
kinds, SVG pictures only when they are plain drawings. Anything else (an HTML page, a
script, a style sheet, an unknown file) is refused by path: it would reach readers as it
is, past every check of the content."""

from __future__ import annotations

import os
from pathlib import Path

from onegoal.checks.svg_pictures import svg_problems
from onegoal.content.problems import Problem

PAGE_SUFFIX = ".md"
PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"})
MAX_PICTURE_BYTES = 2 * 1024 * 1024


def published_kind(path: Path) -> bool:
    """Whether a file of this kind may be published from the docs folder at all."""
    suffix = path.suffix.lower()
    return suffix == PAGE_SUFFIX or suffix in PICTURE_SUFFIXES


def check_docs_files(docs_dir: Path) -> list[Problem]:
    """Every file under `docs_dir` the site would not publish, with what to do."""
    problems = []
    for parent, _, names in os.walk(docs_dir, followlinks=False):
        for name in sorted(names):
            path = Path(parent) / name
            if path.is_symlink():
                continue  # told by safe_paths, and never read
            message = file_problem(path)
            if message:
                problems.append(Problem(path, 1, message))
    return problems


def file_problem(path: Path) -> str | None:
    if not published_kind(path):
        kinds = ", ".join(sorted([PAGE_SUFFIX, *PICTURE_SUFFIXES]))
        return (f"files of this kind are not published from docs/ (only {kinds}): a page is written in "
                "Markdown, a picture is one of these kinds. Remove the file or convert it.")
    if path.suffix.lower() == PAGE_SUFFIX:
        return None
    if path.stat().st_size > MAX_PICTURE_BYTES:
        return f"the picture is {path.stat().st_size // 1024} KB; readers' phones need it under 2 MB. Make it smaller."
    if path.suffix.lower() == ".svg":
        problems = svg_problems(path.read_text(encoding="utf-8", errors="replace"))
        return " ".join(problems) or None
    return None
