"""What the HTML of content may hold: the elements and attributes the manuals need, and
addresses a reader can follow safely. Everything else is refused.

The HTML is read by a parser that follows the HTML standard, as a browser reads it, so
that what is judged is what would run: `<img/src=x onerror=...>`, entity-encoded
schemes and tags hidden in attribute values are seen as a browser sees them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from justhtml import JustHTML

# Markdown's own output, its tables, the admonition, details and code extensions, and
# the few text-level elements editors write by hand.
ELEMENTS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "ul", "ol", "li", "em", "strong", "b", "i", "u", "s", "small",
    "mark", "del", "ins", "sub", "sup", "abbr", "kbd", "code", "pre", "blockquote", "hr", "br", "img", "table",
    "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "span", "details", "summary", "dl", "dt", "dd",
    "figure", "figcaption", "q", "cite", "time",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": set(),
}
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
DIAGRAM_CLASSES = frozenset({"mermaid", "language-mermaid"})

# What browsers take out of an address before they read its scheme.
_STRIPPED = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Finding:
    """One thing the HTML may not hold. `key` names it the same way however much of the
    page is rendered, so that its line can be found."""

    key: tuple[str, ...]
    message: str


def judge_html(html: str) -> list[Finding]:
    """Every element, attribute and address in `html` that is not allowed, in document order."""
    document = JustHTML(html, fragment=True, sanitize=False)
    return list(_judge_children(document.root))


def markup_elements(text: str) -> list[str]:
    """The names of the elements a browser would make of `text`, in document order."""
    names: list[str] = []
    _collect(JustHTML(text, fragment=True, sanitize=False).root, names)
    return names


def _collect(node: object, names: list[str]) -> None:
    for child in getattr(node, "children", None) or []:
        name = getattr(child, "name", "")
        if not name.startswith("#"):
            names.append(name)
        _collect(child, names)


def _judge_children(node: object) -> Iterator[Finding]:
    for child in getattr(node, "children", None) or []:
        yield from _judge_node(child)
    template = getattr(node, "template_content", None)
    if template is not None:
        yield from _judge_children(template)


def _judge_node(node: object) -> Iterator[Finding]:
    name = getattr(node, "name", "")
    if name.startswith("#"):  # text, comments
        return
    namespace = getattr(node, "namespace", "html")
    if namespace not in (None, "html") or name not in ELEMENTS:
        yield Finding(("element", name), _element_message(name))
        return  # what is inside a refused element goes with it
    attributes: dict[str, str | None] = getattr(node, "attrs", None) or {}
    for attribute, value in attributes.items():
        yield from _judge_attribute(name, attribute.lower(), value or "")
    yield from _judge_children(node)


def _judge_attribute(element: str, attribute: str, value: str) -> Iterator[Finding]:
    if attribute.startswith("on"):
        yield Finding(("attribute", element, attribute), f"the attribute {attribute}= runs code: it is not allowed. "
                                                        "Remove it.")
    elif attribute == "style":
        yield Finding(("attribute", element, attribute), "the attribute style= is not allowed (the site's security "
                                                        "policy blocks it). Remove it.")
    elif attribute not in GLOBAL_ATTRIBUTES and attribute not in ATTRIBUTES.get(element, set()):
        allowed = ", ".join(sorted(GLOBAL_ATTRIBUTES | ATTRIBUTES.get(element, set())))
        yield Finding(("attribute", element, attribute),
                      f"the attribute {attribute}= is not used in the manuals' <{element}> (allowed: {allowed}). "
                      "Remove it.")
    elif attribute == "class" and DIAGRAM_CLASSES & set(value.split()):
        yield Finding(("diagram",), "diagram blocks are not used: the diagram library would be loaded from another "
                                    "host. Describe the steps in a list, or use a picture from docs/images/.")
    elif attribute == "href":
        yield from _judge_address(value, resource=False)
    elif attribute == "src":
        yield from _judge_address(value, resource=True)


def _judge_address(value: str, resource: bool) -> Iterator[Finding]:
    address = _TAB_OR_NEWLINE.sub("", _STRIPPED.sub("", value))
    scheme = _SCHEME.match(address)
    key = ("address", address)
    if scheme and scheme[1].lower() not in LINK_SCHEMES:
        yield Finding(key, f"a {scheme[1].lower()}: address is not allowed (it can run code). Link to a page or a "
                           "website instead.")
    elif "\\" in address:
        yield Finding(key, f"the address '{address}' holds a backslash, which browsers read as '/' and may lead to "
                           "another host. Write it with '/'.")
    elif resource and (scheme or address.startswith("//")):
        yield Finding(key, f"'{address}' would be loaded from another host: readers' phones ask no other host for "
                           "anything. Put the picture in docs/images/ and link it from there.")
    elif resource and address.startswith("/"):
        yield Finding(key, f"the picture '{address}' starts at the server's root, outside the site when it is "
                           "hosted in a folder. Link it relatively, e.g. '../images/name.png'.")
    elif address.startswith("//"):
        yield Finding(key, f"the link '{address}' leaves out its scheme. Write it in full: 'https:{address}'.")


def _element_message(name: str) -> str:
    return (f"<{name}> is not allowed in the manuals: it could run code or load from another host on the page "
            "that keeps readers' ticks. Write the text in Markdown.")
