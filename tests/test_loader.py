"""The core reads manuals and names every problem by file, line and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_factory import LANGUAGES, edit, write_manual

from onegoal.editors.settings import site_settings
from onegoal.content.loader import load_library
from onegoal.content.problems import ContentError, Problem


def problems(root: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_library(root, LANGUAGES, "sv")
    return caught.value.problems


def only_problem(root: Path) -> Problem:
    found = problems(root)
    assert len(found) == 1, [str(problem) for problem in found]
    return found[0]


def assert_problem(problem: Problem, path: Path, line: int, *words: str) -> None:
    assert problem.path == path, str(problem)
    assert problem.line == line, str(problem)
    for word in words:
        assert word in problem.message, str(problem)


def test_valid_library_loads(tmp_path: Path) -> None:
    write_manual(tmp_path)
    library = load_library(tmp_path, LANGUAGES, "sv")
    (manual,) = library.manuals
    assert [step.number for step in manual.steps] == [1, 2, 3]
    step = manual.steps[0]
    assert step.source.title == "Steg 1"
    assert [item.id for item in step.source.checklist] == ["first-item", "second-item"]
    assert step.translations["en"].text.checklist[1].text == "Second item"
    assert step.translations["en"].source_version == 2
    assert manual.title["en"] == "Test manual"


def test_yaml_syntax_error(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-2.md"
    edit(step, "summary: Sammanfattning 2.", "summary: [oavslutad")
    assert_problem(only_problem(tmp_path), step, 3, "YAML syntax error", "indentation")


def test_no_front_matter(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-1.md"
    step.write_text("## Bara text\n\nIngen front matter.\n", encoding="utf-8")
    assert_problem(only_problem(tmp_path), step, 1, "no front matter", "'---'")


def test_front_matter_not_closed(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-1.md"
    step.write_text("---\ntitle: Öppen\n", encoding="utf-8")
    assert_problem(only_problem(tmp_path), step, 1, "not closed")


def test_wrong_type(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-3.md"
    edit(step, "version: 2", "version: three")
    assert_problem(only_problem(tmp_path), step, 6, "'version' must be a whole number", "'three'")


def test_missing_field(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-2.md"
    edit(step, "duration: 90\n", "")
    assert_problem(only_problem(tmp_path), step, 2, "has no 'duration'", "Add a line 'duration: ...'")


def test_unknown_field_suggests_the_right_name(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-1.md"
    edit(step, "title: Steg 1", "title: Steg 1\ntitel: Stavfel")
    assert_problem(only_problem(tmp_path), step, 3, "'titel' is not a field", "Did you mean 'title'?")


def test_steps_follow_the_order_of_manual_yml(tmp_path: Path) -> None:
    folder = write_manual(tmp_path, translate=False)
    edit(folder / "manual.yml", "  - steg-1\n  - steg-2\n", "  - steg-2\n  - steg-1\n")
    (manual,) = load_library(tmp_path, LANGUAGES, "sv").manuals
    assert [(step.number, step.slug) for step in manual.steps] == [(1, "steg-2"), (2, "steg-1"), (3, "steg-3")]


def test_a_step_file_not_in_the_list(tmp_path: Path) -> None:
    folder = write_manual(tmp_path, translate=False)
    extra = folder / "annat.md"
    extra.write_text((folder / "steg-3.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert_problem(only_problem(tmp_path), extra, 1, "not in the list of steps in manual.yml",
                   "'  - annat'", "(manual.yml:10)")


def test_a_listed_step_without_a_file(tmp_path: Path) -> None:
    folder = write_manual(tmp_path, steps=4, translate=False)
    (folder / "steg-3.md").unlink()
    assert_problem(only_problem(tmp_path), folder / "manual.yml", 13, "no step file steg-3.md", "remove this line")


def test_a_step_listed_twice(tmp_path: Path) -> None:
    folder = write_manual(tmp_path, translate=False)
    edit(folder / "manual.yml", "  - steg-3\n", "  - steg-3\n  - steg-1\n")
    assert_problem(only_problem(tmp_path), folder / "manual.yml", 14, "'steg-1' is listed twice")


@pytest.mark.parametrize("name", ["print", "index"])
def test_reserved_step_names(tmp_path: Path, name: str) -> None:
    folder = write_manual(tmp_path, steps=1, translate=False)
    (folder / "steg-1.md").rename(folder / f"{name}.md")
    edit(folder / "manual.yml", "  - steg-1", f"  - {name}")
    assert_problem(only_problem(tmp_path), folder / "manual.yml", 11, "a page the site makes itself")


def test_duplicate_checklist_id(tmp_path: Path) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-1.md"
    edit(step, "id: second-item", "id: first-item")
    assert_problem(only_problem(tmp_path), step, 12, "'first-item' is used twice")


@pytest.mark.parametrize("bad_id", ["Första", "two words", "under_score", "trailing-"])
def test_id_rule(tmp_path: Path, bad_id: str) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-1.md"
    edit(step, "id: second-item", f"id: '{bad_id}'")
    assert_problem(only_problem(tmp_path), step, 12, f"'{bad_id}' breaks the id rule", "lowercase")


def test_translation_with_a_checklist_id_the_source_lacks(tmp_path: Path) -> None:
    translation = write_manual(tmp_path) / "steg-2.en.md"
    edit(translation, "id: second-item", "id: other-item")
    assert_problem(only_problem(tmp_path), translation, 7, "not in the source steg-2.md: other-item")


def test_translation_may_lack_a_new_item_of_the_source(tmp_path: Path) -> None:
    folder = write_manual(tmp_path)
    edit(folder / "steg-2.md", "checklist:\n", "checklist:\n  - id: new-item\n    text: Ny punkt\n")
    (manual,) = load_library(tmp_path, LANGUAGES, "sv").manuals
    assert [item.id for item in manual.steps[1].translations["en"].text.checklist] == ["first-item", "second-item"]


def test_translation_into_unknown_language(tmp_path: Path) -> None:
    folder = write_manual(tmp_path)
    german = folder / "steg-1.de.md"
    german.write_text((folder / "steg-1.en.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert_problem(only_problem(tmp_path), german, 1, "'de', which is not a language of this site", "sv, en")


def test_translation_without_source(tmp_path: Path) -> None:
    folder = write_manual(tmp_path)
    orphan = folder / "04-ny.en.md"
    orphan.write_text((folder / "steg-1.en.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert_problem(only_problem(tmp_path), orphan, 1, "no source file 04-ny.md")


def test_translation_newer_than_source(tmp_path: Path) -> None:
    translation = write_manual(tmp_path) / "steg-1.en.md"
    edit(translation, "source_version: 2", "source_version: 3")
    assert_problem(only_problem(tmp_path), translation, 2, "newer than the source's version 2")


def test_folder_without_manual_yml(tmp_path: Path) -> None:
    folder = write_manual(tmp_path)
    (folder / "manual.yml").unlink()
    assert_problem(only_problem(tmp_path), folder / "steg-1.en.md", 1, "no manual.yml")


def test_empty_file(tmp_path: Path) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-2.md"
    step.write_text("  \n", encoding="utf-8")
    assert_problem(only_problem(tmp_path), step, 1, "the file is empty")


def test_file_not_utf8(tmp_path: Path) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-2.md"
    text = step.read_text(encoding="utf-8").replace("Text för", "Text f\u00f6r")
    step.write_bytes(text.encode("latin-1"))
    assert_problem(only_problem(tmp_path), step, 8, "not UTF-8", "Save it as UTF-8")


def test_file_over_one_megabyte(tmp_path: Path) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-2.md"
    step.write_text(step.read_text(encoding="utf-8") + "x" * (1024 * 1024), encoding="utf-8")
    assert_problem(only_problem(tmp_path), step, 1, "1.0 MB", "under 1 MB")


def test_level_one_heading_in_body(tmp_path: Path) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-1.md"
    edit(step, "## Vad händer", "# Vad händer")
    assert_problem(only_problem(tmp_path), step, 15, "level-1 heading")


def test_underlined_level_one_heading_in_body(tmp_path: Path) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-1.md"
    edit(step, "## Vad händer\n", "Vad händer\n==========\n")
    assert_problem(only_problem(tmp_path), step, 16, "level-1 heading")


def test_manual_yml_problems(tmp_path: Path) -> None:
    manual = write_manual(tmp_path, translate=False) / "manual.yml"
    edit(manual, "audience: candidate", "audience: kandidat")
    edit(manual, "  en: Test manual", "  de: Testhandbuch")
    found = problems(tmp_path)
    assert [(p.line, p.message.split(",")[0]) for p in found] == [
        (2, "'audience' must be one of agent"),
        (6, "'de' under 'title' is not a language of this site (sv"),
    ]


def test_manual_id_must_match_folder(tmp_path: Path) -> None:
    manual = write_manual(tmp_path, translate=False) / "manual.yml"
    edit(manual, "id: demo", "id: annan")
    assert_problem(only_problem(tmp_path), manual, 1, "must match the folder name 'demo'")


def test_yaml_error_without_context(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-2.md"
    edit(step, "who: both", "who: both: agent")
    assert_problem(only_problem(tmp_path), step, 5, "YAML syntax error", "mapping values")


def test_manual_id_rule(tmp_path: Path) -> None:
    folder = write_manual(tmp_path, "Fel_Namn", translate=False)
    assert_problem(only_problem(tmp_path), folder / "manual.yml", 1, "breaks the id rule")


def test_key_written_twice(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-2.md"
    edit(step, "who: both", "who: both\ntitle: Igen")
    assert_problem(only_problem(tmp_path), step, 6, "'title' is written twice")


def test_impossible_date(tmp_path: Path) -> None:
    manual = write_manual(tmp_path) / "manual.yml"
    edit(manual, "date: 2026-11-27", "date: 2026-13-45")
    assert_problem(only_problem(tmp_path), manual, 16, "2026-13-45 is not a real date", "YYYY-MM-DD")


def test_aliases_are_refused(tmp_path: Path) -> None:
    step = write_manual(tmp_path) / "steg-1.md"
    edit(step, "goals:\n  - Ett mål", "goals: &a [*a]")
    assert_problem(only_problem(tmp_path), step, 7, "aliases (& and *) are not used")


def test_a_folder_named_like_a_step(tmp_path: Path) -> None:
    folder = write_manual(tmp_path, translate=False)
    (folder / "steg-4.md").mkdir()
    assert_problem(problems(tmp_path)[0], folder / "steg-4.md", 1, "not a file that can be read")


def test_two_manuals_with_one_id(tmp_path: Path) -> None:
    later = write_manual(tmp_path, "demo", translate=False)  # folders are read in name order
    write_manual(tmp_path / "corporate", "demo", translate=False)
    assert_problem(only_problem(tmp_path), later / "manual.yml", 1, "id 'demo' is also the id of corporate/demo/")


def test_manual_folder_named_like_a_language(tmp_path: Path) -> None:
    folder = write_manual(tmp_path, "en", translate=False)
    assert_problem(only_problem(tmp_path), folder / "manual.yml", 1, "has the name of a site language")


def test_manual_without_steps(tmp_path: Path) -> None:
    folder = write_manual(tmp_path, steps=1, translate=False)
    (folder / "steg-1.md").unlink()
    edit(folder / "manual.yml", "  - steg-1\n", "")
    assert_problem(only_problem(tmp_path), folder / "manual.yml", 1, "has no 'steps'", "Add a line 'steps: ...'")


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    folder = write_manual(tmp_path)
    edit(folder / "steg-1.md", "version: 2", "version: one")
    edit(folder / "steg-2.en.md", "title: Step 2", "titel: Step 2")
    (folder / "steg-3.md").write_text("", encoding="utf-8")
    found = problems(tmp_path)
    assert {(p.path.name, p.line) for p in found} >= {
        ("steg-1.md", 6), ("steg-2.en.md", 3), ("steg-3.md", 1)}
    report = ContentError(found).report()
    assert report.endswith("problems in the manuals. Fix them and build again.")


@pytest.mark.parametrize(("value", "words"), [
    ("!!int abc", "tags (a '!' before a value) are not used"),
    ("!!timestamp abc", "tags (a '!' before a value) are not used"),
    ("[" * 1000 + "]" * 1000, "nested too deeply"),
    ("9" * 5000, "has 5000 digits"),
])
def test_constructs_yaml_would_crash_on_are_content_errors(tmp_path: Path, value: str, words: str) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-2.md"
    edit(step, "duration: 90", f"duration: {value}")
    assert_problem(only_problem(tmp_path), step, 4, words)


@pytest.mark.parametrize("key", ["? [a, b]\n: c", "2026-02-30: x"])
def test_keys_that_are_not_words_are_content_errors(tmp_path: Path, key: str) -> None:
    step = write_manual(tmp_path, translate=False) / "steg-1.md"
    edit(step, "duration: 90", f"duration: 90\n{key}")
    assert_problem(only_problem(tmp_path), step, 5, "before a colon must be a word")
