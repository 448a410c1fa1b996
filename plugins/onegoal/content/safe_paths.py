"""No file outside the repository reaches the site: no symbolic link is followed, and no path
an editor writes may lead out of the folder it belongs to.

A link in a pull request could otherwise publish any file of the build machine (its
passwords, the repository's settings, the environment that holds the pipeline's secrets).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from onegoal.content.problems import Problem

LINK_MESSAGE = ("is a symbolic link: the build never follows one (it could publish a file of the build machine). "
                "Replace it with the file itself.")


def symbolic_links(folders: Iterable[Path]) -> list[Problem]:
    """Every symbolic link in or under `folders` (the folders themselves included), by path."""
    problems = []
    for folder in folders:
        if folder.is_symlink():
            problems.append(Problem(folder, 1, f"the folder {LINK_MESSAGE}"))
            continue
        if not folder.is_dir():
            continue
        for parent, directories, files in os.walk(folder, followlinks=False):
            for name in sorted([*directories, *files]):
                path = Path(parent) / name
                if path.is_symlink():
                    problems.append(Problem(path, 1, f"this file {LINK_MESSAGE}"))
    return problems


def through_link(path: Path, root: Path) -> bool:
    """Whether `path`, or a folder between `root` and it, is a symbolic link."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return True
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def inside(path: Path, root: Path) -> bool:
    """Whether `path` lies in `root` once `..` and links are resolved, and is reached through no link."""
    absolute = Path(os.path.abspath(path))
    base = Path(os.path.abspath(root))
    return absolute.is_relative_to(base) and not through_link(absolute, base) \
        and absolute.resolve().is_relative_to(base.resolve())
