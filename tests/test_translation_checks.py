"""Each translation checked against its source (translation_checks.py): checklist order,
links and anchors, numbers, Swedish left untranslated, the wrong script, and direction marks
in right-to-left text. Warnings in `onegoal check` at the translation's line, errors with
--strict; the fixture library as written passes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_project
from library_factory import edit

from onegoal.checks.bidi_marks import levels

ONEGOAL = Path(sys.executable).parent / "onegoal"
READER = Path("manuals") / "reader"
# What each check says, to pick its lines out of `onegoal check`.
MARKS = ("checklist items are not in the source's order", "a link to", "the anchor", "the number",
         "still in Swedish", "mostly in Latin letters", "in right-to-left text")


def onegoal(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), *args], capture_output=True, text=True, check=False, cwd=project)


def warnings(project: Path, *marks: str) -> list[str]:
    result = onegoal(project, "check")
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if any(mark in line for mark in marks or MARKS)]


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


def edit_last(path: Path, old: str, new: str) -> None:
    """The last `old` of a file (the fixture's sentence ends its body) made `new`."""
    text = path.read_text(encoding="utf-8")
    head, found, tail = text.rpartition(old)
    assert found, f"{old!r} not in {path}"
    path.write_text(head + new + tail, encoding="utf-8")


def add_paragraph(path: Path, paragraph: str) -> None:
    """A paragraph at the end of a step's body, in its last section."""
    path.write_text(path.read_text(encoding="utf-8") + f"\n{paragraph}\n", encoding="utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project").parent


def test_the_fixture_library_passes(project: Path) -> None:
    assert warnings(project) == []
    assert onegoal(project, "check", "--strict").returncode == 0


def test_checklist_items_in_another_order_are_warned(project: Path) -> None:
    work = project / READER / "work.en.md"
    edit(work, "  - id: item-1\n    text: Item 1\n  - id: item-2\n    text: Item 2\n",
         "  - id: item-2\n    text: Item 2\n  - id: item-1\n    text: Item 1\n")
    assert warnings(project) == [
        f"manuals/reader/work.en.md:{line_of(work, 'text: Item 2')}: warning: the checklist items are not in the "
        "source's order: 'item-2' stands where work.md has 'item-1'. Put them in the order of work.md: item-1, "
        "item-2, item-3, item-4, item-5."]
    assert onegoal(project, "check", "--strict").returncode == 1


def test_links_and_anchors_the_source_has_are_warned_where_missing(project: Path) -> None:
    source = project / READER / "work.md"
    edit(source, "## Vad händer 2\n", "## Vad händer 2 {#andra}\n")
    add_paragraph(source, "Läs [profilen](profile.md).")
    for language in ("ar", "fa-AF", "so", "ti", "uk"):
        edit(project / READER / f"work.{language}.md", " 2\n\n", " 2 {#andra}\n\n")
        add_paragraph(project / READER / f"work.{language}.md", "[profile](profile.md).")
    english = project / READER / "work.en.md"
    add_paragraph(english, "Read [the search](search.md).")
    heading = line_of(english, "## What happens 2")
    own = line_of(english, "Read [the search]")
    # The blocks pair one to one: each missing one is told at the translation's block in its place.
    assert warnings(project, "a link to", "the anchor") == [
        f"manuals/reader/work.en.md:{heading}: warning: the source has the anchor {{#andra}} here "
        f"(work.md:{line_of(source, '## Vad händer 2')}) and this translation does not. Write it here as the source "
        "does.",
        f"manuals/reader/work.en.md:{own}: warning: a link to 'search.md' is not in the source (work.md). Link and "
        "anchor what the source does, or add it to the source first.",
        f"manuals/reader/work.en.md:{own}: warning: the source has a link to 'profile.md' here "
        f"(work.md:{line_of(source, 'Läs [profilen]')}) and this translation does not. Write it here as the source "
        "does.",
    ]


def test_numbers_are_compared_in_any_digit_script(project: Path) -> None:
    add_paragraph(project / READER / "work.md", "Ni ses 2 gånger, kl. 9.30, och får 10 000 kr.")
    paragraphs = {"en": "You meet 2 times, at 9:30, and get SEK 10,000.",
                  "ar": "تلتقيان مرتين، الساعة ٩٫٣٠، وتحصلين على ١٠٬٠٠٠ كرونة.",
                  "fa-AF": "شما ۲ بار، ساعت ۹:۳۰، همدیگر را می‌بینید و ۱۰۰۰۰ کرون می‌گیرید.",
                  "so": "Waxaad kulmaysaan 2 jeer, 9.30, oo waxaad heshaa 10 000 kr.",
                  "ti": "2 ግዜ ትራኸቡ፣ ሰዓት 9.30፣ 10 000 ክሮነር ትረኽቢ።",
                  "uk": "Ви зустрічаєтеся 3 рази, о 9.30, і отримуєте 10 000 крон."}
    for language, paragraph in paragraphs.items():
        add_paragraph(project / READER / f"work.{language}.md", paragraph)
    ukrainian = project / READER / "work.uk.md"
    line = line_of(ukrainian, "Ви зустрічаєтеся")
    source_line = line_of(project / READER / "work.md", "Ni ses 2")
    assert warnings(project, "the number") == [
        f"manuals/reader/work.uk.md:{line}: warning: the number 3 is not in the source (work.md). Check it against "
        "the source: a translation keeps the source's hours, dates, amounts and phone numbers.",
        f"manuals/reader/work.uk.md:{line}: warning: the source has the number 2 here (work.md:{source_line}) and "
        "this translation does not. Write the same number in digits.",
    ]


def test_a_block_left_in_swedish_is_warned_but_names_and_terms_are_not(project: Path) -> None:
    somali = project / READER / "work.so.md"
    edit_last(somali, "Halkan waxaa ku qoran waxa aad samaynaysaan iyo sababta.",
              "Här står vad ni gör i steget och varför.")
    edit(project / READER / "work.md", "## Vad händer 2\n", "## Vad händer 2\n\nFråga SFI och Arbetsförmedlingen.\n")
    edit(project / READER / "work.en.md", "## What happens 2\n", "## What happens 2\n\nSFI, Arbetsförmedlingen.\n")
    assert warnings(project) == [
        f"manuals/reader/work.so.md:{line_of(somali, 'Här står')}: warning: this text is still in Swedish: \"Här står "
        "vad ni gör i steget och varför.\". Translate it (names and glossary words may stay)."]


def test_a_block_mostly_in_latin_letters_is_warned_in_a_language_with_its_own_script(project: Path) -> None:
    edit(project / READER / "work.md", "## Vad händer 2\n",
         "## Vad händer 2\n\nFråga Arbetsförmedlingen om Platsbanken.\n")
    ukrainian = project / READER / "work.uk.md"
    edit(ukrainian, "## Що відбувається 2\n", "## Що відбувається 2\n\nЗапитай Arbetsförmedlingen про Platsbanken.\n")
    tigrinya = project / READER / "work.ti.md"
    edit_last(tigrinya, "ኣብዚ ስጉምቲ እንታይ ከም እትገብሩን ስለምንታይን እዚ እዩ።", "This is what you do in the step and why.")
    assert warnings(project) == [
        f"manuals/reader/work.ti.md:{line_of(tigrinya, 'This is what')}: warning: this text is mostly in Latin "
        "letters, not in the Ethiopic script of 'ti': \"This is what you do in the step and why.\". Translate it; "
        "only names and terms stay in Latin letters."]


def test_latin_and_numbers_that_show_in_the_wrong_order_need_a_direction_mark(project: Path) -> None:
    arabic = project / READER / "work.ar.md"
    add_paragraph(arabic, "اكتبي CV، 3 مرات. اتصلي بالرقم 08-123 45 67 أو بـ TENT، Barilla.")
    # Already right: a mark after the Latin word, one before the number, a Latin phrase, a gloss in brackets.
    add_paragraph(arabic, "اكتبي CV&rlm;، 3 مرات. اتصلي بالرقم \u200e08-123 45 67 في SFI kurs C أو WOW (Women On "
                          "Wednesday) و 2026-11-27.")
    line = line_of(arabic, "اكتبي CV،")
    assert warnings(project, "right-to-left") == [
        f"manuals/reader/work.ar.md:{line}: warning: in right-to-left text, \"CV، 3\" shows as one left-to-right run: "
        "its punctuation lands on the wrong side and its parts read in reverse order. Insert a right-to-left mark "
        "(&rlm; or U+200F) right after \"CV\".",
        f"manuals/reader/work.ar.md:{line}: warning: in right-to-left text, \"TENT، Barilla.\" shows as one "
        "left-to-right run: its punctuation lands on the wrong side and its parts read in reverse order. Insert a "
        "right-to-left mark (&rlm; or U+200F) right after \"TENT\".",
        f"manuals/reader/work.ar.md:{line}: warning: in right-to-left text, the number \"08-123 45 67\" shows with "
        "its groups in reverse order. Insert a left-to-right mark (&lrm; or U+200E) right before it.",
    ]


def test_the_bidi_levels_follow_the_algorithm() -> None:
    # Latin pulls the digits and the comma after it into one left-to-right run (W7, N1)...
    assert levels("على CV، 3 مرات") == [1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1]
    # ...a right-to-left mark keeps the comma right-to-left and the 3 a number of its own.
    assert levels("على CV\u200f، 3 مرات") == [1, 1, 1, 1, 2, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1]
    # After Arabic letters a hyphen splits digits (W2 makes them Arabic numbers); a colon does not.
    assert levels("رقم 08-12") == [1, 1, 1, 1, 2, 2, 1, 2, 2]
    assert levels("رقم 08:12") == [1, 1, 1, 1, 2, 2, 2, 2, 2]
