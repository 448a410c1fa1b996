"""Content carries no live markup: what editors write is text, pictures from the site
and links, never code that runs on the page that keeps readers' ticks, nor anything the
page would load from another host.

Step bodies, translations and docs pages are Markdown, which lets HTML through as it is;
this check refuses, by file and line: scripts and frames, objects, embeds, forms and
their fields, <base>, <meta>, <link> and <style>; event-handler and style attributes;
javascript:, data: and vbscript: addresses; pictures, media and other resources from
another host; diagram blocks (the diagram library would be loaded from another host).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

from .links import Document, documents
from .model import Library
from .problems import Problem
from .translation import Fallbacks

FORBIDDEN_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
                  "button", "select", "textarea", "base", "meta", "link", "style", "template", "portal"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background",
                  "cite", "longdesc", "ping"}
RESOURCE_ATTRIBUTES = {"src", "srcset", "data", "poster", "background"}
LIVE_SCHEMES = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.IGNORECASE)
OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)

_FENCE = re.compile(r"^(\s*)(```|~~~)\s*([\w+-]*)")
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
_TAG = re.compile(r"<\s*([a-zA-Z][\w:-]*)((?:\s+[^<>]*?)?)\s*/?>", re.S)
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_MARKDOWN_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.M)
_IMAGE_REFERENCE = re.compile(r"!\[[^\]]*\]\[([^\]]*)\]")
# A link's address, however it goes on: "](javascript:..." whatever follows.
_LINK_SCHEME = re.compile(r"\]\(\s*<?\s*((?:javascript|data|vbscript)\s*:)", re.IGNORECASE)


def check_markup(library: Library, docs_dir, fallbacks: Fallbacks,
                 languages: Sequence[str] | None = None) -> list[Problem]:
    """Every piece of live markup in the pages editors write (in `languages`, all by default),
    by file and line."""
    problems: dict[tuple[object, int, str], Problem] = {}
    for doc in documents(library, docs_dir, fallbacks, languages):
        for line, message in live_markup(doc):
            problems.setdefault((doc.path, line, message), Problem(doc.path, line, message))
    return list(problems.values())


def live_markup(doc: Document) -> Iterator[tuple[int, str]]:
    text, diagrams = _without_code(doc.body)
    for offset in diagrams:
        yield doc.first_line + offset, ("diagram blocks are not used: the diagram library would be loaded from "
                                        "another host. Describe the steps in a list, or use a picture from docs/images/.")
    for match in _TAG.finditer(text):
        line = doc.first_line + text.count("\n", 0, match.start())
        yield from ((line, message) for message in _tag_problems(match[1].lower(), match[2]))
    references = {name.lower(): target for name, target in _REFERENCE.findall(text)}
    for match in _MARKDOWN_LINK.finditer(text):
        line = doc.first_line + text.count("\n", 0, match.start())
        if not LIVE_SCHEMES.match(html.unescape(match[2])):  # those are told below, once
            yield from ((line, message) for message in _url_problems(match[2], resource=match[1] == "!"))
    for match in _LINK_SCHEME.finditer(text):
        yield doc.first_line + text.count("\n", 0, match.start()), _scheme_message(match[1])
    for match in _IMAGE_REFERENCE.finditer(text):
        target = references.get(match[1].lower())
        if target:
            line = doc.first_line + text.count("\n", 0, match.start())
            yield from ((line, message) for message in _url_problems(target, resource=True))
    for name, target in _REFERENCE.findall(text):
        if LIVE_SCHEMES.match(html.unescape(target)):
            line = doc.first_line + text.count("\n", 0, text.index(target))
            yield line, _scheme_message(target)


def _without_code(body: str) -> tuple[str, list[int]]:
    """The body with code blocks and spans blanked (their text is shown, not run), and the
    line offsets of diagram blocks."""
    lines = body.split("\n")
    diagrams = []
    fence = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match[2]
            if match[3].lower() == "mermaid":
                diagrams.append(index)
            lines[index] = ""
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[index] = ""
        else:
            lines[index] = _CODE_SPAN.sub(lambda span: " " * len(span[0]), line)
    return "\n".join(lines), diagrams


def _tag_problems(tag: str, attributes: str) -> Iterator[str]:
    if tag in FORBIDDEN_TAGS:
        yield (f"<{tag}> is not allowed in the manuals: it could run code or load from another host on the "
               "page that keeps readers' ticks. Write the text in Markdown.")
        return
    for name, raw in _ATTRIBUTE.findall(attributes):
        name = name.lower()
        value = html.unescape(raw.strip("\"'")) if raw else ""
        if name.startswith("on"):
            yield f"the attribute {name}= runs code: it is not allowed. Remove it."
        elif name == "style":
            yield "the attribute style= is not allowed (the site's security policy blocks it). Remove it."
        elif name == "class" and "mermaid" in value.split():
            yield ("diagram blocks are not used: the diagram library would be loaded from another host. "
                   "Describe the steps in a list, or use a picture from docs/images/.")
        elif name in URL_ATTRIBUTES:
            yield from _url_problems(value, resource=name in RESOURCE_ATTRIBUTES or tag in ("img", "video", "audio",
                                                                                           "source", "track"))


def _url_problems(url: str, resource: bool) -> Iterator[str]:
    url = html.unescape(url)
    if LIVE_SCHEMES.match(url):
        yield _scheme_message(url)
    elif resource and (OTHER_HOST.match(url) or re.match(r"^\s*https?:", url, re.IGNORECASE)):
        yield (f"'{url}' would be loaded from another host: readers' phones ask no other host for anything. "
               "Put the picture in docs/images/ and link it from there.")


def _scheme_message(url: str) -> str:
    scheme = url.split(":", 1)[0].strip().lower()
    return f"a {scheme}: address is not allowed (it can run code). Link to a page or a website instead."
