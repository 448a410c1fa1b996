"""Where right-to-left text needs a direction mark to show in the order it was written.

Every block of an ar or fa-AF page is a right-to-left paragraph: the page sets dir="rtl",
so which character comes first does not matter on the site. Inside it, the Unicode
Bidirectional Algorithm (UAX #9; rules W1-W7, N1-N2, I1-I2, no explicit embeddings)
decides the order. Two cases show visibly wrong, and only these are reported:

A. Two left-to-right parts with punctuation between them: a Latin word, then a stretch of
   neutral characters holding both a space and a mark that ends a sentence or a clause or
   joins a list (full stop, comma, colon, semicolon, ! and ?, in Latin or Arabic form, or a
   dash), then another Latin word or digits. Digits
   after a Latin word count as left-to-right (W7), and the neutrals between two
   left-to-right parts become left-to-right too (N1): the whole shows as one left-to-right
   run, the punctuation lands on the wrong side and the two parts read in the reverse of
   the sentence's order ("CV، 3 مرات" shows the 3 before the CV; "TENT، Barilla" lists
   Barilla first; "في Platsbanken. Platsbanken هي" puts the full stop inside the Latin).
   Meant to read left to right as one, and left alone: a word without spaces (an
   address), a Latin phrase with only spaces ("SFI kurs C"), a Latin word with a Latin
   gloss in brackets or quotes ("WOW (Women On Wednesday)"). Fix: U+200F RIGHT-TO-LEFT MARK (`&rlm;`) right
   after the Latin word.
B. A number written in groups with spaces ("10 000", "08-123 45 67") or a phone number
   (starting with 0 or +, "08-123"), after right-to-left text: its groups are separate
   numbers to the algorithm, with the neutrals between them right-to-left (N1), so they
   show in reverse order ("000 10"). Fix: U+200E LEFT-TO-RIGHT MARK (`&lrm;`) right before
   the number. Dates and ranges ("2026-11-27", "9-12") read from the right in order and are
   left alone.

HTML's <bdi> would do the same, but content HTML is limited to allowlist.py's elements.
"""

from __future__ import annotations

import re
import unicodedata

from onegoal.checks.translation_blocks import Pair
from onegoal.content.problems import Problem
from onegoal.content.translation import direction

RLM, LRM = "\u200f", "\u200e"
_NEUTRAL = {"B", "S", "WS", "ON"}
_EXPLICIT = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
# The marks that end a sentence or a clause, or join a list: what the sentence, not the
# Latin word, owns. Brackets and quotation marks are left out: "WOW (Women On Wednesday)"
# is a Latin name with its Latin gloss, meant to read left to right as one.
_CLAUSE = re.compile(r"[.,;:!?\u060c\u061b\u061f\u2013\u2014-]")
_GROUPED = re.compile(r"\+?\d+(?:[ \u00a0\u202f-]\d+)+")


def levels(text: str) -> list[int] | None:
    """Each character's embedding level in a right-to-left paragraph (1: right-to-left,
    2: left-to-right); None when the text has explicit embeddings, which are not judged."""
    kinds = [unicodedata.bidirectional(char) or "L" for char in text]
    if _EXPLICIT & set(kinds):
        return None
    kept = [index for index, kind in enumerate(kinds) if kind != "BN"]  # X9: joiners are not there
    types = _weak([kinds[index] for index in kept])
    _neutral(types)
    result = [1] * len(text)
    for index, kind in zip(kept, types):
        result[index] = 1 if kind == "R" else 2
    for index, kind in enumerate(kinds):
        if kind == "BN" and index:
            result[index] = result[index - 1]
    return result


def _weak(types: list[str]) -> list[str]:
    """Rules W1-W7 on one level run, with sos right-to-left."""
    for index, kind in enumerate(types):  # W1
        if kind == "NSM":
            types[index] = types[index - 1] if index else "R"
    strong = "R"
    for index, kind in enumerate(types):  # W2, W3
        if kind in ("L", "R", "AL"):
            strong = kind
        if kind == "EN" and strong == "AL":
            types[index] = "AN"
        if kind == "AL":
            types[index] = "R"
    for index in range(1, len(types) - 1):  # W4
        before, kind, after = types[index - 1], types[index], types[index + 1]
        if before == after and ((kind == "ES" and before == "EN") or (kind == "CS" and before in ("EN", "AN"))):
            types[index] = before
    for index, kind in enumerate(types):  # W5
        if kind == "ET" and _next_to_en(types, index):
            types[index] = "EN"
    types[:] = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]  # W6
    strong = "R"
    for index, kind in enumerate(types):  # W7
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[index] = "L"
    return types


def _next_to_en(types: list[str], index: int) -> bool:
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(types) and types[at] == "ET":
            at += step
        if 0 <= at < len(types) and types[at] == "EN":
            return True
    return False


def _neutral(types: list[str]) -> None:
    """N1-N2: a run of neutrals takes the direction on both its sides, else right-to-left."""
    index = 0
    while index < len(types):
        if types[index] not in _NEUTRAL:
            index += 1
            continue
        end = index
        while end < len(types) and types[end] in _NEUTRAL:
            end += 1
        before = _strength(types[index - 1]) if index else "R"
        after = _strength(types[end]) if end < len(types) else "R"
        types[index:end] = [before if before == after else "R"] * (end - index)
        index = end


def _strength(kind: str) -> str:
    return "R" if kind in ("R", "EN", "AN") else kind


def _joined_parts(text: str, found: list[int]) -> list[tuple[str, str]]:
    """Case A: each Latin word after which a right-to-left mark is needed, with the text
    from it to the word that follows the punctuation (what shows in the wrong order)."""
    needed = []
    for match in re.finditer(r"[\W_]+", text):
        start, end = match.span()
        stretch = match[0]
        if not start or end >= len(text) or not _CLAUSE.search(stretch) or not any(c.isspace() for c in stretch):
            continue
        left, right = text[start - 1], text[end]
        latin_left = unicodedata.bidirectional(left) == "L" or left.isdigit()
        latin_right = unicodedata.bidirectional(right) == "L" or right.isdigit()
        if latin_left and latin_right and all(level == 2 for level in found[start - 1:end + 1]):
            word = re.findall(r"\S+$", text[:start])[0]
            following = re.findall(r"^\S+", text[end:])[0]
            needed.append((word, word + stretch + following))
    return needed


def direction_warnings(pair: Pair) -> list[Problem]:
    if direction(pair.language) != "rtl":
        return []
    problems = []
    for block in pair.translation:
        found = levels(block.text)
        if found is None:
            continue
        for word, shown in _joined_parts(block.text, found):
            problems.append(Problem(pair.path, block.line, f"warning: in right-to-left text, \"{shown}\" shows as one "
                                    "left-to-right run: its punctuation lands on the wrong side and its parts read "
                                    f"in reverse order. Insert a right-to-left mark (&rlm; or U+200F) right after "
                                    f"\"{word}\"."))
        for number in _GROUPED.finditer(block.text):
            grouped = " " in number[0] or "\u00a0" in number[0] or number[0][0] in "0+"
            if grouped and len(set(found[number.start():number.end()])) > 1:
                problems.append(Problem(pair.path, block.line, f"warning: in right-to-left text, the number "
                                        f"\"{number[0]}\" shows with its groups in reverse order. Insert a "
                                        f"left-to-right mark (&lrm; or U+200E) right before it."))
    return problems
