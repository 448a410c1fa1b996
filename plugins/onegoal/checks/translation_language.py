"""Text in a translation that is not in its language: a Swedish block left untranslated,
and, in a language with its own script, a block written mostly in Latin letters.

Names and terms stay as they are in every language: a word that the Swedish source writes
with a capital inside a sentence or in capitals (Arbetsförmedlingen, SFI), a glossary word
in any language, and, for the script check, any Latin word of the source (the Swedish
word given beside its translation). A block of only names and terms is fine.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from onegoal.checks.translation_blocks import Block, Pair
from onegoal.content.glossary import Glossary
from onegoal.content.problems import Problem

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:]\W*$")
SCRIPTS = {"ar": "ARABIC", "fa-AF": "ARABIC", "ti": "ETHIOPIC", "uk": "CYRILLIC"}
SHARE = 0.6  # of a block's words (beyond names and terms) found in the source: left in Swedish
MIN_WORDS = 3  # fewer words beyond names and terms are a name or a word both languages share
MIN_LETTERS = 12  # Latin letters beyond names and terms: fewer is a short quote, not a block


@dataclass(frozen=True)
class Vocabulary:
    """What the source of one page says, for judging its translation's words."""

    words: frozenset[str]  # every word of the source, lowercased
    names: frozenset[str]  # names, acronyms and glossary words, lowercased
    blocks: tuple[frozenset[str], ...]  # each source block's words, lowercased


def glossary_words(glossary: Glossary | None) -> frozenset[str]:
    forms = [form for term in (glossary.terms if glossary else ())
             for form in (term.word, *term.forms, *(own for text in term.translations.values() for own in text.forms))]
    return frozenset(word.lower() for form in forms for word in _WORD.findall(form))


def vocabulary(source: list[Block], terms: frozenset[str]) -> Vocabulary:
    """The source's words; its names are the words it writes in capitals, with a capital
    inside a sentence, or only ever with a capital (Women On Wednesday, at a heading's start)."""
    words: set[str] = set()
    names: set[str] = set(terms)
    lowercase: set[str] = set()
    capitalised: set[str] = set()
    for block in source:
        for found in _WORD.finditer(block.text):
            word = found[0]
            words.add(word.lower())
            (capitalised if word[0].isupper() else lowercase).add(word.lower())
            starts_sentence = not block.text[:found.start()].strip() or _SENTENCE_END.search(block.text[:found.start()])
            if (word[0].isupper() and not starts_sentence) or (len(word) > 1 and word.isupper()):
                names.add(word.lower())
    names |= capitalised - lowercase
    return Vocabulary(frozenset(words), frozenset(names),
                      tuple(frozenset(_WORD.findall(block.text.lower())) for block in source))


def untranslated(pair: Pair, vocab: Vocabulary) -> list[Problem]:
    """Blocks still in the source's Swedish: most of their words, beyond names and terms,
    are the words of one block of the source (a word two languages share, such as "text",
    does not make a block of its own Swedish)."""
    problems = []
    for block in pair.translation:
        own = [word for word in _WORD.findall(block.text.lower()) if word not in vocab.names]
        if len(own) < MIN_WORDS:
            continue
        swedish = max((sum(word in words for word in own) for words in vocab.blocks), default=0)
        if swedish >= SHARE * len(own):
            problems.append(Problem(pair.path, block.line, f"warning: this text is still in Swedish: "
                                    f"\"{_shown(block.text)}\". Translate it (names and glossary words may stay)."))
    return problems


def wrong_script(pair: Pair, vocab: Vocabulary) -> list[Problem]:
    """In a language with its own script, blocks mostly in Latin letters beyond names and terms."""
    script = SCRIPTS.get(pair.language)
    if script is None:
        return []
    problems = []
    for block in pair.translation:
        own = latin = 0
        for word in _WORD.findall(block.text):
            kind = unicodedata.name(word[0], "").split(" ")[0]
            if kind == script:
                own += len(word)
            elif kind == "LATIN" and word.lower() not in vocab.words and word.lower() not in vocab.names:
                latin += len(word)
        if latin >= MIN_LETTERS and latin > own:
            problems.append(Problem(pair.path, block.line, f"warning: this text is mostly in Latin letters, not "
                                    f"in the {script.title()} script of '{pair.language}': \"{_shown(block.text)}\". "
                                    "Translate it; only names and terms stay in Latin letters."))
    return problems


def _shown(text: str) -> str:
    return text if len(text) <= 50 else text[:50] + "…"
