"""The facts a translation must carry over unchanged from its source: the numbers (hours,
dates, amounts, phone numbers, percentages), the links and the fixed anchors.

Numbers are compared as a multiset per page, in any digit script (Arabic-Indic and
Persian digits read as 0-9), with a number's groups joined ("10 000", "10,000", "9.00",
"9:00" are one number each: only the digits count) and list-item numbering left out.
Links are compared by target; a link into a heading keeps its fragment only when the
fragment is a fixed anchor (`{#id}`), since a heading's own anchor is translated with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

from onegoal.checks.links import markdown_links
from onegoal.checks.translation_blocks import Block, Pair, block_at
from onegoal.content.problems import Problem

# Digit groups joined by a decimal or time separator, or by a space before three digits
# (Swedish thousands): one number. A hyphen or a slash separates numbers (dates, phones).
_NUMBER = re.compile(r"\d+(?:(?:[.,:\u066b\u066c]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*")
# Arabic counts one and two with the noun's own forms, not a digit ("ساعة واحدة" one hour,
# "مرتين" twice): an Arabic text lacking a 1 or a 2 of its source says it in words.
IN_GRAMMAR = {"ar": ("1", "2")}
_ANCHOR = re.compile(r"\{:?\s*[^}]*?#([\w-]+)[^}]*\}")
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def ascii_digits(text: str) -> str:
    """Every decimal digit of any script as its ASCII digit."""
    return "".join(str(unicodedata.digit(char)) if unicodedata.category(char) == "Nd" else char for char in text)


def numbers(text: str) -> list[str]:
    return [re.sub(r"\D", "", found) for found in _NUMBER.findall(ascii_digits(text))]


def fixed_anchors(bodies: Iterable[str]) -> set[str]:
    """The ids set with `{#id}` in these pages: the same in every language."""
    return {anchor for body in bodies for anchor in _ANCHOR.findall(body)}


Facts = Callable[[Block], list[str]]


def _compare(pair: Pair, source_facts: Facts, own_facts: Facts, missing: Callable[[str, Block], str],
             extra: Callable[[str], str]) -> list[Problem]:
    """The facts of the source the translation lacks, each at the translation's line for its
    source block, and the facts of the translation the source lacks, at their own line."""
    # A goal or checklist item the translation lacks is its "outdated" state, not lost facts.
    fields = {block.key for block in pair.translation}
    shared = [block for block in pair.source if block.key.startswith("body ") or block.key in fields]
    source = [(fact, block) for block in shared for fact in source_facts(block)]
    translated = [(fact, block) for block in pair.translation for fact in own_facts(block)]
    lacking = Counter(fact for fact, _ in source) - Counter(fact for fact, _ in translated)
    surplus = Counter(fact for fact, _ in translated) - Counter(fact for fact, _ in source)
    problems = []
    for fact, count in lacking.items():
        places = _unmatched(fact, source, pair, pair.source, pair.translation, own_facts)[:count]
        problems += [Problem(pair.path, pair.counterpart(block), missing(fact, block)) for block in places]
    for fact, count in surplus.items():
        places = _unmatched(fact, translated, pair, pair.translation, pair.source, source_facts)[:count]
        problems += [Problem(pair.path, block.line, extra(fact)) for block in places]
    return problems


def _unmatched(fact: str, found: list[tuple[str, Block]], pair: Pair, blocks: list[Block], others: list[Block],
               other_facts: Facts) -> list[Block]:
    """The blocks holding `fact`, first those whose paired block on the other side lacks it."""
    holding = [block for each, block in found if each == fact]

    def matched(block: Block) -> bool:
        other = pair.paired(block, blocks, others)
        return other is not None and fact in other_facts(other)

    return sorted(holding, key=matched)


def number_warnings(pair: Pair) -> list[Problem]:
    source = pair.source_path.name
    found = _compare(
        pair, lambda block: numbers(block.text), lambda block: numbers(block.text),
        lambda number, block: (f"warning: the source has the number {number} here ({source}:{block.line}) and this "
                               "translation does not. Write the same number in digits."),
        lambda number: (f"warning: the number {number} is not in the source ({source}). Check it against the "
                        "source: a translation keeps the source's hours, dates, amounts and phone numbers."))
    if pair.language.split("-")[0] in IN_GRAMMAR:
        return [problem for problem in found if not any(f"number {number} here" in problem.message
                                                        for number in IN_GRAMMAR[pair.language.split("-")[0]])]
    return found


def _links(blocks: list[Block], body: str, first_line: int, fixed: set[str]) -> Facts:
    """Each body block's link targets, as compared: a translated heading's fragment as '#…'."""
    found: dict[int, list[str]] = {}
    for link in markdown_links(body, first_line):
        path, hashed, fragment = link.target.partition("#")
        external = bool(_EXTERNAL.match(link.target))
        target = link.target if external or not hashed or fragment in fixed else f"{path}#…"
        block = block_at(blocks, link.line)
        if block is not None:
            found.setdefault(block.line, []).append(target)
    anchors = {block.line: [f"{{#{anchor}}}" for anchor in _ANCHOR.findall(block.raw)] for block in blocks}
    return lambda block: (found.get(block.line, []) + anchors.get(block.line, [])
                          if block.key.startswith("body ") else [])


def link_warnings(pair: Pair, fixed: set[str]) -> list[Problem]:
    source = pair.source_path.name
    return _compare(
        pair, _links(pair.source, pair.source_body, pair.source_body_line, fixed),
        _links(pair.translation, pair.body, pair.body_line, fixed),
        lambda target, block: (f"warning: the source has {_what(target)} here ({source}:{block.line}) and this "
                               f"translation does not. Write it here as the source does."),
        lambda target: (f"warning: {_what(target)} is not in the source ({source}). Link and anchor what the source "
                        "does, or add it to the source first."))


def _what(target: str) -> str:
    if target.startswith("{#"):
        return f"the anchor {target}"
    return f"a link to '{target}'" if not target.endswith("#…") else f"a link to a heading of '{target[:-2]}'"

