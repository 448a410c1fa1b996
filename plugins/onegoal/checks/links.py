"""Every link in the pages editors write, checked before anything is built.

Step bodies (sources and translations) and docs pages link to steps, to headings in
them, to docs pages and to pictures, the way MkDocs resolves them: a path to the
page's Markdown file, relative to the linking page, as if manual pages lay in the docs
folder (`agent/natverket.md`), and in each language the page of that language (or the
one shown in its place). A link that leads nowhere is reported at the line an editor
opens: `manuals/agent/natverket.md:14: ...` or `docs/about.md:27: ...`.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pymdownx.slugs import slugify

from onegoal.content.model import Library
from onegoal.content.pages import OVERVIEW_NAME, PRINT_NAME
from onegoal.content.problems import Problem
from onegoal.content.translation import Fallbacks

# The heading anchors the site uses (mkdocs.yml: toc's slugify): readable in every script.
anchor_of = slugify(case="lower")

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_INLINE = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Document:
    """One page an editor writes, in one language: where it is, where it sits in the site."""

    path: Path  # the file to open
    uri: str  # its place among the site's pages, without a language: "agent/natverket.md"
    language: str
    body: str
    first_line: int  # the file's line where `body` starts


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    image: bool


def markdown_links(body: str, first_line: int) -> Iterator[Link]:
    """Links and pictures in Markdown, outside code, with their lines in the file."""
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        text = _CODE_SPAN.sub("", line)
        for match in _INLINE.finditer(text):
            yield Link(match[2], first_line + offset, image=match[1] == "!")
        reference = _REFERENCE.match(text)
        if reference:
            yield Link(reference[1], first_line + offset, image=False)


def heading_anchors(body: str) -> list[str]:
    """The ids the site gives the body's headings: slugs of their text, numbered when
    repeated (as the toc extension does), or an id set with {#id}."""
    anchors: list[str] = []
    fenced = False
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if not match:
            continue
        custom = _ATTR_ID.search(match[2])
        if custom:
            anchors.append(custom[1])
            continue
        anchor = anchor_of(plain_text(match[2]), "-")
        candidate, number = anchor, 0
        while candidate in anchors:
            number += 1
            candidate = f"{anchor}_{number}"
        anchors.append(candidate)
    return anchors


def plain_text(markdown: str) -> str:
    """A heading's words without Markdown's marks: links keep their text, code its content."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return html.unescape(text)


class Site:
    """The pages of the site in every language, as the link checker sees them."""

    def __init__(self, library: Library, docs: Sequence[Document], fallbacks: Fallbacks) -> None:
        self.library = library
        self.fallbacks = fallbacks
        self.docs = {(doc.uri, doc.language): doc for doc in docs}
        self.steps = {f"{manual.url_path}/{step.slug}.md": step for manual in library.manuals for step in manual.steps}
        self.generated = {f"{manual.url_path}/{name}.md" for manual in library.manuals
                          for name in (OVERVIEW_NAME, PRINT_NAME)}

    def exists(self, uri: str) -> bool:
        return uri in self.steps or uri in self.generated or (uri, self.library.source_language) in self.docs

    def anchors(self, uri: str, language: str) -> list[str] | None:
        """The heading anchors of a page in a language; None for pages the site makes."""
        if uri in self.steps:
            return heading_anchors(self.fallbacks.shown(self.steps[uri], language).text.body)
        if uri in self.generated:
            return None
        doc = self.docs.get((uri, language)) or self.docs[(uri, self.library.source_language)]
        return heading_anchors(doc.body)


def documents(library: Library, docs_dir: Path, fallbacks: Fallbacks,
              languages: Sequence[str] | None = None) -> list[Document]:
    """Every step body and docs page as each language (of `languages`, all by default) shows
    it: a page a language lacks shows another language's text, whose links then lead within
    that language."""
    languages = languages or library.languages
    found = []
    for manual in library.manuals:
        for step in manual.steps:
            uri = f"{manual.url_path}/{step.slug}.md"
            for language in languages:
                shown = fallbacks.shown(step, language)
                path = step.path if shown.language == library.source_language else step.translations[shown.language].path
                found.append(Document(path, uri, language, shown.text.body, shown.text.body_line))
    if docs_dir.is_dir():
        pages = [page for path in sorted(docs_dir.rglob("*.md"))
                 if (page := docs_document(path, docs_dir, library.languages, library.source_language)).language
                 in languages]
        own = {(page.uri, page.language) for page in pages}
        found += pages
        found += [Document(page.path, page.uri, language, page.body, page.first_line)
                  for page in pages if page.language == library.source_language
                  for language in languages if (page.uri, language) not in own]
    return found


def docs_document(path: Path, docs_dir: Path, languages: Sequence[str], source: str) -> Document:
    relative = path.relative_to(docs_dir).as_posix()
    stem, _, suffix = relative.removesuffix(".md").rpartition(".")
    language = suffix if stem and suffix in languages else source
    uri = f"{stem}.md" if stem and suffix in languages else relative
    text = path.read_text(encoding="utf-8")
    body, first_line = text, 1
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        end = text.index("\n---\n", 4) + 5
        body, first_line = text[end:], text[:end].count("\n") + 1
    return Document(path, uri, language, body, first_line)


def check_links(library: Library, docs_dir: Path, fallbacks: Fallbacks,
                languages: Sequence[str] | None = None) -> list[Problem]:
    """Every link of every page (in `languages`, all by default) that leads nowhere, by file and line."""
    pages = documents(library, docs_dir, fallbacks, languages)
    site = Site(library, [page for page in pages if page.path.is_relative_to(docs_dir)], fallbacks)
    problems: dict[tuple[Path, int, str], Problem] = {}
    for doc in pages:
        for link in markdown_links(doc.body, doc.first_line):
            message = judge(site, doc, link, docs_dir)
            if message:
                # A page shown in several languages has its problem told once.
                problems.setdefault((doc.path, link.line, link.target), Problem(doc.path, link.line, message))
    return list(problems.values())


def judge(site: Site, doc: Document, link: Link, docs_dir: Path) -> str | None:
    """What is wrong with one link, or None."""
    target = link.target
    if not target or _EXTERNAL.match(target) or target.startswith("//"):
        return None  # another site's address (markup.py refuses live and loaded ones)
    path, _, fragment = target.partition("#")
    if not path:
        return missing_anchor(site, doc.uri, doc.language, fragment, target)
    if path.startswith(("/", "\\")):
        return (f"the link '{target}' starts at the server's root, which lies outside the site when it is hosted "
                "in a folder. Link relatively, like '../about.md' or '../images/name.png'.")
    uri = posixpath.normpath(posixpath.join(posixpath.dirname(doc.uri), path))
    if uri == ".." or uri.startswith("../"):
        return (f"the link '{target}' leads out of the docs folder: the site publishes nothing from outside it. "
                "Put the file in docs/ (pictures in docs/images/) and link it from there.")
    if not path.endswith(".md"):
        if (docs_dir / uri).is_file():
            return None
        if link.image:
            return (f"the picture '{target}' is not in the docs folder. Put pictures in docs/images/ and "
                    "link them from there, e.g. '../images/name.png' from a step.")
        return (f"the link '{target}' leads to no file. Link to a page's Markdown file, like "
                "'natverket.md', '../candidate/profilen.md' or '../about.md'.")
    if not site.exists(uri):
        return (f"the link '{target}' leads to no page: there is no {uri}. Steps are linked as "
                "'step-name.md' within a manual and '../manual/step-name.md' across manuals.")
    if fragment:
        return missing_anchor(site, uri, doc.language, fragment, target)
    return None


def missing_anchor(site: Site, uri: str, language: str, fragment: str, target: str) -> str | None:
    anchors = site.anchors(uri, language)
    if anchors is None:
        return f"the link '{target}' points into a page the site makes itself; link to the page without '#...'."
    if fragment in anchors:
        return None
    listed = ", ".join(f"#{anchor}" for anchor in anchors) or "none"
    return (f"the link '{target}' leads to no heading '#{fragment}' in {uri.removesuffix('.md')} "
            f"({language}). Its headings are: {listed}.")
