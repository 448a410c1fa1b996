"""The judge of rendered HTML against a second, independent parse: random fragments built
from the pieces attacks are made of (mixed-case and slashed tags, quotes holding < and >,
entities, tabs and control characters inside schemes, foreign content). Whatever the judge
accepts holds, as html5lib parses it by the HTML standard, no element outside the
allow-list, no event or style attribute, and no address with a scheme but http(s), mailto
and tel, a backslash, or (for a picture) another host."""

from __future__ import annotations

from urllib.parse import urlsplit

import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from onegoal.content.allowlist import ELEMENTS, LINK_SCHEMES, judge_html

XHTML = "{http://www.w3.org/1999/xhtml}"

TAG_NAMES = ["p", "a", "img", "span", "details", "summary", "div", "table", "td", "code", "pre", "script", "SCRIPT",
             "ScRiPt", "iframe", "svg", "math", "style", "object", "embed", "form", "input", "base", "meta", "link",
             "template", "noscript", "xmp", "textarea", "title", "mglyph", "foreignObject", "animate", "set", "image",
             "use", "video", "audio", "source", "frame", "button", "select", "option", "plaintext", "noembed"]
ATTRIBUTE_NAMES = ["href", "HREF", "src", "Src", "onclick", "OnError", "onload", "ontoggle", "style", "class", "id",
                   "title", "alt", "xlink:href", "srcdoc", "formaction", "action", "data", "poster", "srcset",
                   "background", "lang", "dir", "open", "width", "onmouseover", "attributeName", "to", "values"]
VALUE_PIECES = ["javascript:", "JaVaScRiPt:", "jav&#x61;script:", "&#106;avascript:", "java\tscript:",
                "java&#9;script:", "java&#10;script:", "\x01javascript:", " javascript:", "vbscript:", "data:",
                "data:text/html,", "https://example.org/", "http://x", "mailto:a@b.se", "tel:123", "//evil.example/",
                "\\\\evil.example\\", "/\\evil.example/", "/", "../", "x.png", "#top", "alert(1)", "&colon;",
                "&#58;", "&#x3a;", ":", ">", "<", '"', "'", "&amp;", "&", "=", " ", "\n", "\t", "\x00", "`"]
SEPARATORS = [" ", "/", "\t", "\n", "\x0c", "//", " /"]
TEXT_PIECES = ["text", "<!--", "-->", "<![CDATA[", "]]>", "</", "<", ">", "&lt;script&gt;", "`", "\n\n", "<?x",
               "</p>", "</a>", "</svg>", "</math>", "</table>", "</script>", "</style>", "</textarea>", "<!DOCTYPE x>"]

value = st.lists(st.sampled_from(VALUE_PIECES), max_size=4).map("".join)


@st.composite
def attribute(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(ATTRIBUTE_NAMES))
    quote = draw(st.sampled_from(['"', "'", ""]))
    text = draw(value)
    if quote:
        text = text.replace(quote, "")
    return f"{name}={quote}{text}{quote}" if draw(st.booleans()) or not quote else name


@st.composite
def tag(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(TAG_NAMES))
    attributes = draw(st.lists(attribute(), max_size=3))
    parts = "".join(draw(st.sampled_from(SEPARATORS)) + item for item in attributes)
    closing = draw(st.sampled_from(["", "/", " /"]))
    return f"<{name}{parts}{closing}>"


fragment = st.lists(st.one_of(tag(), st.sampled_from(TEXT_PIECES), st.sampled_from(TAG_NAMES).map(lambda n: f"</{n}>")),
                    min_size=1, max_size=12).map("".join)


def dangers(html: str) -> list[str]:
    """What a browser would make of `html` that may not reach a reader, by html5lib's parse."""
    found = []
    root = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=True)
    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue
        if not element.tag.startswith(XHTML) or element.tag.removeprefix(XHTML) not in ELEMENTS:
            found.append(f"element {element.tag}")
        for name, text in element.attrib.items():
            name = name if isinstance(name, str) else name[1]
            local = name.rpartition("}")[2].lower()
            if local.startswith("on") or local == "style":
                found.append(f"attribute {local}")
            if local in ("href", "src"):
                address = urlsplit(text)
                if address.scheme and address.scheme.lower() not in LINK_SCHEMES:
                    found.append(f"scheme {address.scheme}")
                if "\\" in text:
                    found.append("backslash")
                if local == "src" and (address.scheme or urlsplit(text.replace("\\", "/")).netloc):
                    found.append("picture from another host")
    return found


def test_the_second_parse_sees_what_browsers_make() -> None:
    """The property above is only as good as `dangers`: it finds each of these, as the judge does."""
    for html in ['<a href="jav&#x61;script:x">x</a>', '<img/src=x onerror=alert(1)>', '<svg/onload=alert(1)>',
                 '<a href=" java&#9;script:x">x</a>', "<p style=x>x</p>", '<img src="//evil.example/x.png">',
                 '<a title=">" onclick="x">x</a>', '<img src="\\\\evil.example\\x.png">']:
        assert dangers(html) and judge_html(html), html
    assert not dangers('<p><a href="https://example.org/">x</a> <img src="../images/x.png" alt="x"></p>')


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragment)
def test_what_the_judge_accepts_a_browser_parses_as_harmless(html: str) -> None:
    if not judge_html(html):
        assert dangers(html) == [], html
