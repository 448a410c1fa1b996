"""The rules that keep facts right in every language and the Candidate text plain: numbers
as digits and LIX at most 30 in the Candidate manual, and no translation more than one
version behind a source whose facts (checklist, numbers, glossary words) have changed.
Warnings in `onegoal check`, errors with --strict; LIX per Candidate step in `onegoal status`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_project
from library_factory import edit

from onegoal.content.model import ChecklistItem, StepText
from onegoal.checks.readability import lix, lix_of_blocks, plain_blocks

ONEGOAL = Path(sys.executable).parent / "onegoal"
AUTHOR = ("-c", "user.name=Test", "-c", "user.email=test@example.org")


def onegoal(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), *args], capture_output=True, text=True, check=False, cwd=project)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *AUTHOR, *args], check=True, capture_output=True)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project").parent


def test_numbers_in_words_in_a_candidate_step_are_warned_at_their_line(project: Path) -> None:
    work = project / "manuals" / "reader" / "work.md"
    edit(work, "text: Punkt 1", "text: Läs tre annonser")
    edit(work, "Här står vad ni gör i steget och varför.\n\n## Vad händer 2",
         "Ni träffas två gånger, i `fem` minuter, en dag i veckan.\n\n## Vad händer 2")
    # Not the Candidate manual: the digits rule is the Candidate manual's.
    edit(project / "manuals" / "guide" / "plan.md", "## Vad händer\n", "## Vad händer\n\nTre saker.\n")
    result = onegoal(project, "check")
    assert result.returncode == 0, result.stderr
    lines = work.read_text(encoding="utf-8").splitlines()
    found = [line for line in result.stderr.splitlines() if "is a number in words" in line]
    assert found == [
        f"manuals/reader/work.md:{lines.index('    text: Läs tre annonser') + 1}: warning: \"tre\" is a number in "
        "words; the editors' guide asks for digits in the Candidate manual: 3.",
        f"manuals/reader/work.md:{next(n for n, line in enumerate(lines, 1) if 'två gånger' in line)}: warning: "
        "\"två\" is a number in words; the editors' guide asks for digits in the Candidate manual: 2.",
    ]
    # Not a number: "sex" (the word), an id, code, a comment; "två-tre" is two numbers.
    edit(work, "## Vad händer 2\n", "## Vad händer 2\n\nIngen får kräva sex av dig. Läs två-tre annonser.\n"
         "<!-- tre saker -->\n\n```\nfem\n```\n")
    found = [line for line in onegoal(project, "check").stderr.splitlines() if "is a number in words" in line]
    assert sorted(line.split('"')[1] for line in found) == ["tre", "tre", "två", "två"]
    strict = onegoal(project, "check", "--strict")
    # The translations' "Item 1" now has no number in the source: translation_checks warns too.
    assert strict.returncode == 1 and "warnings, which --strict makes errors." in strict.stderr


def test_lix_counts_sentences_words_and_long_words() -> None:
    assert lix_of_blocks(["Du läser. Du ser."]) == pytest.approx(2.0)
    # 3 words in 1 sentence, all longer than 6 letters: 3 + 100.
    assert lix_of_blocks(["Arbetsförmedlingen hjälper arbetssökande."]) == pytest.approx(103.0)
    # A heading and a list item are sentences of their own; Markdown's marks are not words.
    assert plain_blocks("## Vad händer {#vad}\n\n- **Läs** [annonsen](x.md)\n- Ring\n\n!!! tip \"Ett tips\"\n\n"
                        "    Fråga.\n") == ["Vad händer", "Läs annonsen", "Ring", "Ett tips", "Fråga."]
    # An abbreviation's stop ends no sentence; a table row's outer pipes are no sentences;
    # a hyphen is no letter of a long word.
    assert lix_of_blocks(plain_blocks("Ta med t.ex. pass till mötet kl. 9 på måndag.")) == pytest.approx(10.0)
    assert plain_blocks("| Dag | Tid |\n| --- | --- |\n| Mån | 9 |") == ["Dag .  Tid", "Mån .  9"]
    assert lix_of_blocks(["Ring a-kassa."]) == pytest.approx(2.0)
    text = StepText("Målet", "Du väljer ett mål.", ("Välja",), (ChecklistItem("a", "Skriv"),), "Du skriver en plan.")
    # 11 words in 5 sentences (each field a sentence), 1 long word ("skriver").
    assert lix(text) == pytest.approx(11 / 5 + 100 / 11)


def test_a_hard_candidate_step_is_warned_and_its_lix_is_in_the_status(project: Path) -> None:
    hard = ("Arbetsförmedlingens handläggare administrerar etableringsprogrammets kompletterande "
            "arbetsmarknadspolitiska insatser, vilka kontinuerligt utvärderas.")
    edit(project / "manuals" / "reader" / "work.md", "## Vad händer 2\n", "## Vad händer 2\n" + f"\n{hard}\n" * 10)
    result = onegoal(project, "check")
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "LIX" in line]
    assert len(warned) == 1 and warned[0].startswith("manuals/reader/work.md:2: warning: LIX ")
    assert "above 30" in warned[0]
    status = onegoal(project, "status")
    rows = {line.split()[0]: line for line in status.stdout.splitlines() if line.startswith(("reader/", "guide/"))}
    assert rows["reader/work"].endswith("(over 30)") and not rows["reader/hello"].endswith("(over 30)")
    assert rows["reader/hello"].split()[-1].isdigit() and rows["guide/plan"].split()[-1] == "missing"
    figures = {row["slug"]: row["lix"] for row in json.loads(onegoal(project, "status", "--format", "json").stdout)
               ["steps"] if row["manual"] == "reader"}
    assert figures["work"] > 30 and figures["hello"] < 30


def lag_behind(project: Path, change: tuple[str, str]) -> Path:
    """Publish the fixture library in git, then raise the Swedish 'work' step twice: once
    with `change` to its text, once without."""
    git(project, "init", "-q", "-b", "main")
    commit(project, "published")
    work = project / "manuals" / "reader" / "work.md"
    edit(work, "version: 2", "version: 3")
    edit(work, *change)
    commit(project, "version 3")
    edit(work, "version: 3", "version: 4")
    commit(project, "version 4")
    return work


def test_a_translation_two_versions_behind_changed_facts_is_warned(project: Path) -> None:
    lag_behind(project, ("text: Punkt 2", "text: Fråga om 3 jobb"))
    result = onegoal(project, "check")
    assert result.returncode == 0, result.stderr
    translation = project / "manuals" / "reader" / "work.ar.md"
    line = translation.read_text(encoding="utf-8").splitlines().index("source_version: 2") + 1
    warned = [found for found in result.stderr.splitlines() if found.startswith(f"manuals/reader/work.ar.md:{line}:")]
    assert warned == [f"manuals/reader/work.ar.md:{line}: warning: work.ar.md is 2 versions behind work.md "
                      "(source_version 2, now 4), and the source has changed facts since: "
                      "\"checklist item 'item-2': Fråga om 3 jobb\"; \"checklist item 'item-2': Punkt 2\". "
                      "Translate those parts again and set source_version."]
    # Every language lags the same way; a translation brought up to date is left alone.
    assert sum("versions behind work.md" in found for found in result.stderr.splitlines()) == 6
    edit(translation, "source_version: 2", "source_version: 4")
    assert "work.ar.md is" not in onegoal(project, "check").stderr
    assert onegoal(project, "check", "--strict").returncode == 1


def test_a_paragraph_with_a_number_or_a_glossary_word_is_a_fact(project: Path) -> None:
    # Every sentence of the fixture has the glossary word "steg": the change is a paragraph of its own.
    for changed, warned in (("Ni ses efter 2 veckor.", True), ("Läs om varje steg.", True),
                            ("Ni pratar och skrattar.", False)):
        root = project.parent / changed[:8]
        copy = fixture_project(root / "project").parent
        lag_behind(copy, ("## Vad händer 2\n", f"## Vad händer 2\n\n{changed}\n"))
        stderr = onegoal(copy, "check").stderr
        assert ("versions behind work.md" in stderr) is warned, (changed, stderr)


def test_one_version_behind_is_a_translators_grace(project: Path) -> None:
    git(project, "init", "-q", "-b", "main")
    commit(project, "published")
    work = project / "manuals" / "reader" / "work.md"
    edit(work, "version: 2", "version: 3")
    edit(work, "text: Punkt 2", "text: Fråga om 3 jobb")
    assert "versions behind" not in onegoal(project, "check").stderr


def test_without_the_history_a_lagging_translation_is_read_again(project: Path) -> None:
    edit(project / "manuals" / "reader" / "work.md", "version: 2", "version: 4")
    result = onegoal(project, "check")
    assert result.returncode == 0, result.stderr
    assert "manuals/reader/work.en.md:2: warning: work.en.md is 2 versions behind work.md (source_version 2, now 4), " \
           "and version 2 of the source is not in the git history to compare; read every fact again" in result.stderr
