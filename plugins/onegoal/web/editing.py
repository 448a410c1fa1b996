"""Where an editor changes a page: its file in the repository, opened in the code host's
editor, or, for a translation that does not exist yet, a new file started from the
source's text. Addresses follow the form GitHub uses (`/edit/BRANCH/PATH`,
`/new/BRANCH/FOLDER?filename=NAME&value=TEXT`)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlencode

# Browsers and code hosts refuse very long addresses: a longer start is cut to its headings.
MAX_URL = 7000


@dataclass(frozen=True)
class EditLink:
    url: str
    new: bool  # True: the page's file does not exist yet (a translation to start)
    language: str


def edit_link(repo_url: str, branch: str, path: str, language: str) -> EditLink:
    return EditLink(f"{repo_url.rstrip('/')}/edit/{quote(branch)}/{quote(path)}", False, language)


def new_file_link(repo_url: str, branch: str, path: str, text: str, language: str) -> EditLink:
    folder, name = posixpath.split(path)
    base = f"{repo_url.rstrip('/')}/new/{quote(branch)}/{quote(folder)}?"
    url = base + urlencode({"filename": name, "value": text})
    if len(url) > MAX_URL:
        url = base + urlencode({"filename": name, "value": outline(text)})
    if len(url) > MAX_URL:
        url = base + urlencode({"filename": name})
    return EditLink(url, True, language)


def outline(text: str) -> str:
    """A Markdown file cut to its front matter and headings."""
    lines = text.splitlines()
    front_end = lines.index("---", 1) + 1 if lines and lines[0] == "---" and "---" in lines[1:] else 0
    return "\n".join(lines[:front_end] + [line for line in lines[front_end:] if line.startswith("#")]) + "\n"
