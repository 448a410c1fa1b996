"""What a PDF says and where: the lines of every page, read with poppler's pdftotext,
and the document's facts from pdfinfo and pdffonts."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# The page's bottom margin holds the footer; the sheet's text ends above it.
FOOTER_ZONE = 60.0
# pdftotext marks runs of right-to-left text with these; they are not words.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Words in right-to-left scripts come out of the layout in visual order: letters reversed.
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class Line:
    text: str
    top: float
    bottom: float


@dataclass(frozen=True)
class Page:
    height: float
    lines: tuple[Line, ...]

    @property
    def body(self) -> list[Line]:
        return [line for line in self.lines if line.top < self.height - FOOTER_ZONE]

    @property
    def footer(self) -> str:
        return " ".join(line.text for line in self.lines if line.top >= self.height - FOOTER_ZONE)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.body)

    @property
    def filled(self) -> float:
        """How far down the sheet its text reaches, from 0 to 1 of the page's height."""
        return max((line.bottom for line in self.body), default=0.0) / self.height


class _Layout(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[Page] = []
        self.lines: list[Line] = []
        self.words: list[str] = []
        self.box: dict[str, str] = {}
        self.height = 0.0
        self.in_word = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "page":
            self.height, self.lines = float(values["height"]), []
        elif tag == "line":
            self.words, self.box = [], values
        elif tag == "word":
            self.in_word = True
            self.words.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "word":
            self.in_word = False
        elif tag == "line":
            words = [word[::-1] if RIGHT_TO_LEFT.search(word) else word for word in self.words]
            text = " ".join(BIDI_CONTROLS.sub(" ", " ".join(words)).split())
            self.lines.append(Line(text, float(self.box["ymin"]), float(self.box["ymax"])))
        elif tag == "page":
            self.pages.append(Page(self.height, tuple(self.lines)))

    def handle_data(self, data: str) -> None:
        if self.in_word:
            self.words[-1] += data


def pages(pdf: Path) -> list[Page]:
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    layout = _Layout()
    layout.feed(xhtml)
    return layout.pages


def info(pdf: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, value in
            (line.split(":", 1) for line in output.splitlines() if ":" in line)}


def fonts(pdf: Path) -> list[tuple[str, str]]:
    """(name, embedded) of every font: 'yes' or 'no'."""
    output = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = output.splitlines()[2:]
    # Columns: name type encoding emb sub uni object ID; the type may hold spaces.
    return [(row.split()[0], re.split(r"\s+", row.strip())[-5]) for row in rows if row.strip()]


def catalog_language(pdf: Path) -> str:
    """The document's language, as the PDF's catalog states it."""
    data = pdf.read_bytes()
    catalog = data[data.index(b"/Type /Catalog"):]
    match = re.search(rb"/Lang \(([^)]*)\)", catalog[: catalog.index(b"endobj")])
    return match.group(1).decode() if match else ""
