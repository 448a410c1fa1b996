"""How hard a step is to read: LIX (läsbarhetsindex), the Swedish readability figure.

LIX = words per sentence + 100 x the share of words longer than six letters. Under 30 is
easy text, which is what the editors' guide asks of the Candidate manual. A heading, a list
item or a checklist item without a full stop counts as a sentence of its own, as it reads.
"""

from __future__ import annotations

import re

from onegoal.content.model import StepText

# Markdown's marks around the words: admonition and details openers, attribute lists,
# heading and list markers, emphasis, table pipes and link targets.
_BOX_OPENER = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+"([^"]*)")?\s*$')
_ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ x]\]\s+)?|\d+[.)]\s+|>\s*)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A full stop ends a sentence before a capital, a digit or the end, not inside "t.ex. pass"
# or "kl. 9 på måndag" (an abbreviation's stop before a lower-case word or a number).
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s*$|\s+[^\W\d_a-zåäöéü])")
_ABBREVIATION = re.compile(r"\b(?:[^\W\d_]{1,3}\.)+(?=\s+\d)|\b[^\W\d_]\.(?:[^\W\d_]{1,3}\.)+", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
LONG_WORD = 6  # letters


def plain_blocks(markdown: str) -> list[str]:
    """The text of each paragraph, heading, list item and table row, without Markdown's marks."""
    blocks: list[str] = []
    current: list[str] = []
    for line in markdown.splitlines():
        opener = _BOX_OPENER.match(line)
        starts_block = opener or not line.strip() or _LINE_MARK.match(line) or line.lstrip().startswith("|")
        if starts_block and current:
            blocks.append(" ".join(current))
            current = []
        if opener:
            blocks += [opener.group(1)] if opener.group(1) else []
            continue
        if _TABLE_RULE.match(line):
            continue
        text = _LINE_MARK.sub("", _LINK.sub(r"\1", _ATTRIBUTES.sub("", _TAG.sub(" ", line))))
        text = text.strip().strip("|").replace("|", ". ").replace("**", "").replace("`", "").strip()
        if text:
            current.append(text)
    if current:
        blocks.append(" ".join(current))
    return [block for block in blocks if _WORD.search(block)]


def lix_of_blocks(blocks: list[str]) -> float:
    words = sentences = long_words = 0
    for block in blocks:
        found = _WORD.findall(block)
        words += len(found)
        long_words += sum(sum(char.isalpha() for char in word) > LONG_WORD for word in found)
        sentences += max(1, len(_SENTENCE_END.findall(_ABBREVIATION.sub("abbr", block))))
    return words / sentences + 100 * long_words / words if words else 0.0


def lix(text: StepText) -> float:
    """The LIX of a step's words: title, summary, goals, checklist and body."""
    blocks = [text.title, text.summary, *text.goals, *(item.text for item in text.checklist)]
    return lix_of_blocks([block for block in blocks if block] + plain_blocks(text.body))
