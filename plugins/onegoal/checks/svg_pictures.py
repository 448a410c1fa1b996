"""An SVG picture is a document that can run code when it is opened by itself: only plain
drawings pass, judged by an allow-list of SVG elements and attributes.

Refused: scripts, embedded HTML (foreignObject), animation that can set attributes, event
attributes, style sheets, references to anything but the picture itself, document type
declarations (entities can hide any of the above).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "metadata", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "textPath", "use", "symbol", "linearGradient", "radialGradient", "stop", "clipPath",
    "mask", "pattern", "marker", "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood",
    "feComposite", "feMerge", "feMergeNode", "feDropShadow",
})
# Attributes whose value may hold an address; only a reference inside the picture passes.
REFERENCES = frozenset({"href", XLINK_HREF})
_URL_VALUE = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def svg_problems(text: str) -> list[str]:
    """What in an SVG picture could run or fetch, as messages; empty for a plain drawing."""
    if re.search(r"<!DOCTYPE|<!ENTITY", text, re.IGNORECASE):
        return ["the picture declares a document type or entities. Export it again as a plain SVG."]
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return [f"the picture is not a readable SVG ({error}). Export it again."]
    problems: list[str] = []
    for element in root.iter():
        problems += _element_problems(element)
    return list(dict.fromkeys(problems))


def _element_problems(element: ElementTree.Element) -> list[str]:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag.startswith(SVG) or tag.removeprefix(SVG) not in ELEMENTS:
        name = tag.rpartition("}")[2] or "?"
        return [f"the picture holds <{name}>, which is not part of a plain drawing. Export it again as a plain SVG."]
    problems = []
    for attribute, value in element.attrib.items():
        name = attribute.rpartition("}")[2].lower()
        if name.startswith("on"):
            problems.append(f"the picture holds the attribute {name}=, which runs code. Remove it.")
        elif attribute in REFERENCES and not value.strip().startswith("#"):
            problems.append(f"the picture refers to '{value}'; a picture may only refer to its own parts ('#id').")
        elif _URL_VALUE.search(value):
            problems.append(f"the picture's {name}= loads '{value}'; a picture may only refer to its own parts.")
    return problems
