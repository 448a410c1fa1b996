"""Each translation checked against its source, as warnings at the translation's line
(`onegoal check --strict` makes them errors):

1. its checklist items in the source's order (an item it lacks is the translation's
   "outdated" state, shown to readers and by `onegoal status`, not a warning here);
2. the same links and fixed anchors, 3. the same numbers (translation_facts.py);
4. no block left in Swedish, 5. no block mostly in Latin letters in a language with its
   own script (translation_language.py);
6. a direction mark where right-to-left text would show in the wrong order (bidi_marks.py).

Checks 2-6 also compare each docs page (`docs/<page>.md`) with its translations
(`docs/<page>.<lang>.md`), read from the `docs` folder beside the manuals folder; check 4
leaves out the editors' pages, which quote Swedish on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from onegoal.checks.bidi_marks import direction_warnings
from onegoal.checks.links import docs_document
from onegoal.checks.translation_blocks import Pair, body_blocks, front_lines, step_blocks
from onegoal.checks.translation_facts import fixed_anchors, link_warnings, number_warnings
from onegoal.checks.translation_language import glossary_words, untranslated, vocabulary, wrong_script
from onegoal.content.glossary import Glossary
from onegoal.content.model import Library, Step, Translation
from onegoal.content.problems import Problem

# The editors' pages teach writing the Swedish text: their translations quote Swedish
# examples on purpose ("Swedish, with a gloss"), so check 4 leaves them alone.
EDITORS_FOLDER = "editors/"


def checklist_order(step: Step, translation: Translation) -> list[Problem]:
    order = [item.id for item in step.source.checklist]
    own = [item.id for item in translation.text.checklist if item.id in order]
    expected = sorted(own, key=order.index)
    if own == expected:
        return []
    first = next(index for index, (found, wanted) in enumerate(zip(own, expected)) if found != wanted)
    line = front_lines(translation.path).get(f"item {own[first]}", 1)
    return [Problem(translation.path, line, f"warning: the checklist items are not in the source's order: "
                    f"'{own[first]}' stands where {step.path.name} has '{expected[first]}'. Put them in the order "
                    f"of {step.path.name}: {', '.join(expected)}.")]


def step_pairs(library: Library) -> Iterator[Pair]:
    for manual in library.manuals:
        for step in manual.steps:
            source = step_blocks(step.source, step.path)
            for language, translation in sorted(step.translations.items()):
                text = translation.text
                yield Pair(source, step_blocks(text, translation.path), language, translation.path, step.path,
                           step.source.body, step.source.body_line, text.body, text.body_line)


def docs_pairs(library: Library, docs_dir: Path) -> Iterator[Pair]:
    if not docs_dir.is_dir():
        return
    pages = [docs_document(path, docs_dir, library.languages, library.source_language)
             for path in sorted(docs_dir.rglob("*.md")) if not path.is_symlink()]
    sources = {page.uri: page for page in pages if page.language == library.source_language}
    for page in pages:
        source = sources.get(page.uri)
        if page.language == library.source_language or source is None:
            continue
        yield Pair(body_blocks(source.body, source.first_line), body_blocks(page.body, page.first_line),
                   page.language, page.path, source.path, source.body, source.first_line, page.body, page.first_line,
                   quotes_source=page.uri.startswith(EDITORS_FOLDER))


def translation_warnings(library: Library, glossary: Glossary | None,
                         docs_dir: Path | None = None) -> list[Problem]:
    """Every warning of checks 1-6 on the library's translations, and on the docs pages' when
    the site's docs folder (mkdocs.yml's docs_dir) is given."""
    warnings = [problem for manual in library.manuals for step in manual.steps
                for translation in step.translations.values() for problem in checklist_order(step, translation)]
    pairs = [*step_pairs(library), *(docs_pairs(library, docs_dir) if docs_dir is not None else [])]
    fixed = fixed_anchors(pair.source_body for pair in pairs)
    terms = glossary_words(glossary)
    for pair in pairs:
        vocab = vocabulary(pair.source, terms)
        warnings += link_warnings(pair, fixed) + number_warnings(pair)
        warnings += [] if pair.quotes_source else untranslated(pair, vocab)
        warnings += wrong_script(pair, vocab) + direction_warnings(pair)
    return warnings
