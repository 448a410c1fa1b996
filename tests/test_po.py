"""`onegoal translate export|import`: the PO round trip, on the fixture library."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import fixture_project
from library_factory import ALL, FIXTURE_MANUALS, edit
from onegoal.editors.cli import main
from onegoal.editors.settings import site_settings
from onegoal.content.loader import load_library
from onegoal.content.translation import Status, status

# A body with every kind of unit: heading with a fixed anchor, paragraph, list items (one
# over two lines, one with a link), a table, and a box with a title.
RICH = {
    "sv": ("## Ord {#ord}\n\nHär är **viktiga** ord.\n\n- Se [profilen](profile.md) först.\n- En punkt\n"
           "  på två rader.\n\n| Ord | Betydelse |\n| --- | --- |\n| Steg | En del av manualen. |\n\n"
           "!!! tip \"Ett tips\"\n    Spara texten i telefonen.\n"),
    "en": ("## Words {#ord}\n\nHere are **important** words.\n\n- See [the profile](profile.md) first.\n- An item\n"
           "  on two lines.\n\n| Word | Meaning |\n| --- | --- |\n| Step | A part of the manual. |\n\n"
           "!!! tip \"A tip\"\n    Keep the text in your phone.\n"),
}


def rich_project(root: Path) -> Path:
    config = fixture_project(root)
    folder = root / "manuals" / "reader"
    for language, body in RICH.items():
        path = folder / ("hello.md" if language == "sv" else f"hello.{language}.md")
        path.write_text(path.read_text(encoding="utf-8") + "\n" + body, encoding="utf-8")
    return config


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = rich_project(tmp_path / "project")
    monkeypatch.chdir(config.parent)
    return config.parent


def snapshot(project: Path) -> dict[str, bytes]:
    return {path.relative_to(project).as_posix(): path.read_bytes()
            for folder in ("manuals", "docs") for path in sorted((project / folder).rglob("*")) if path.is_file()}


def onegoal(*args: str) -> int:
    return main(["--config", "mkdocs.yml", *args])


def export(language: str, manual: str | None = None) -> None:
    assert onegoal("translate", "export", "--lang", language, *(["--manual", manual] if manual else [])) == 0


def change(path: Path, change_entries: Callable[[polib.POEntry], None]) -> polib.POFile:
    po = polib.pofile(str(path))
    for entry in po:
        change_entries(entry)
    po.save(str(path))
    return polib.pofile(str(path))


def set_msgstr(path: Path, msgctxt: str, msgstr: str) -> int:
    """Sets one entry's translation; returns the entry's line in the saved file."""
    po = change(path, lambda entry: setattr(entry, "msgstr", msgstr) if entry.msgctxt == msgctxt else None)
    return next(entry.linenum for entry in po if entry.msgctxt == msgctxt)


def test_export_writes_one_file_per_manual_glossary_and_docs(project: Path) -> None:
    export("so")
    names = sorted(path.name for path in (project / "po").iterdir())
    assert names == sorted([f"{manual.id}.so.po" for manual in FIXTURE_MANUALS] + ["glossary.so.po", "docs.so.po"])
    po = polib.pofile(str(project / "po" / "reader.so.po"))
    assert po.metadata["Language"] == "so" and "charset=UTF-8" in po.metadata["Content-Type"]
    assert po.metadata["Plural-Forms"] and po.metadata["Project-Id-Version"]
    entry = next(entry for entry in po if entry.msgctxt == "reader/hello.md|checklist:item-2")
    assert (entry.msgid, entry.msgstr) == ("Punkt 2", "Qodob 2")
    assert entry.occurrences == [("manuals/reader/hello.md", "14")]
    assert "Step: Hej och välkommen" in entry.comment
    body = [entry for entry in po if entry.msgctxt.startswith("reader/hello.md|body:")]
    assert [entry.msgid for entry in body][4:] == [
        "Ord {#ord}", "Här är **viktiga** ord.", "Se [profilen](profile.md) först.", "En punkt\npå två rader.",
        "Ord", "Betydelse", "Steg", "En del av manualen.", "Ett tips", "Spara texten i telefonen."]
    assert any("Glossary: steg" in entry.comment for entry in body)
    # Somali's hello has the fixture's body, not the rich one: its text cannot be matched.
    assert all(entry.msgstr == "" and "does not follow" in entry.comment for entry in body)


def test_every_exported_file_passes_msgfmt(project: Path) -> None:
    assert shutil.which("msgfmt"), "gettext's msgfmt is missing: make browser installs it"
    for language in ALL:
        export(language)
    for path in sorted((project / "po").glob("*.po")):
        result = subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", os.devnull, str(path)],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{path.name}: {result.stderr}"


def test_export_and_import_leave_every_file_byte_identical(project: Path) -> None:
    before = snapshot(project)
    for language in ALL:
        export(language)
    assert onegoal("translate", "import", *sorted(str(path) for path in (project / "po").glob("*.po"))) == 0
    assert snapshot(project) == before


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=st.sampled_from(ALL), manual=st.sampled_from([None, *(manual.id for manual in FIXTURE_MANUALS)]))
def test_round_trip_of_any_language_and_manual_changes_nothing(project: Path, language: str, manual: str | None) -> None:
    before = snapshot(project)
    shutil.rmtree(project / "po", ignore_errors=True)
    export(language, manual)
    assert onegoal("translate", "import", *sorted(str(path) for path in (project / "po").glob("*.po"))) == 0
    assert snapshot(project) == before


def test_an_edited_msgstr_lands_in_exactly_its_place(project: Path) -> None:
    export("en")
    hello, terms = project / "manuals" / "reader" / "hello.en.md", project / "manuals" / "glossary" / "terms.en.yml"
    before = {path: path.read_text(encoding="utf-8") for path in (hello, terms)}
    po, glossary = project / "po" / "reader.en.po", project / "po" / "glossary.en.po"
    set_msgstr(po, "reader/hello.md|title", "Hello: and welcome")  # a colon: written quoted
    set_msgstr(po, "reader/hello.md|checklist:item-2", "The second item")
    set_msgstr(po, "reader/hello.md|body:6", "Here are **the most important** words.")
    set_msgstr(po, "reader/hello.md|body:12", "A piece of the manual.")
    set_msgstr(po, "reader/hello.md|body:8", "An item\nover two lines.")
    set_msgstr(glossary, "glossary/terms.yml|text:hander", "What happens.")
    set_msgstr(glossary, "glossary/terms.yml|forms:hander", "happens, happened")
    assert onegoal("translate", "import", str(po), str(glossary)) == 0
    expected = (before[hello].replace("title: Hello and welcome", 'title: "Hello: and welcome"')
                .replace("text: Item 2", "text: The second item")
                .replace("Here are **important** words.", "Here are **the most important** words.")
                .replace("| A part of the manual. |", "| A piece of the manual. |")
                .replace("- An item\n  on two lines.", "- An item\n  over two lines.")
                # Its review was of the words before: the page is a draft until reviewed again.
                .replace("reviewed: {by: Fixture Reviewer, date: 2026-11-27, source_version: 2}\n", ""))
    assert "reviewed:" in before[hello]
    assert hello.read_text(encoding="utf-8") == expected
    assert terms.read_text(encoding="utf-8") == before[terms].replace(
        "    text: What takes place.", "    forms: [happens, happened]\n    text: What happens.")
    assert onegoal("check") == 0


def guide_status(project: Path, step: str, language: str) -> Status:
    settings_ = site_settings(project / "mkdocs.yml")
    library = load_library(project / "manuals", settings_.languages, settings_.source_language)
    return status(library.manual("guide").step(step), language, library.source_language)


def test_a_fuzzy_entry_keeps_the_translation_outdated(project: Path) -> None:
    export("en", "guide")
    po = project / "po" / "guide.en.po"
    plan = [entry for entry in polib.pofile(str(po)) if entry.msgctxt.startswith("guide/plan.md|")]
    assert plan and all(entry.fuzzy for entry in plan)  # no git history here: every entry
    set_msgstr(po, "guide/plan.md|title", "The new plan")
    assert onegoal("translate", "import", str(po)) == 0
    path = project / "manuals" / "guide" / "plan.en.md"
    assert "title: The new plan" in path.read_text(encoding="utf-8")
    assert "source_version: 1" in path.read_text(encoding="utf-8")
    assert guide_status(project, "plan", "en") is Status.OUTDATED


def test_a_completed_translation_gets_the_source_version(project: Path) -> None:
    export("en", "guide")
    po = project / "po" / "guide.en.po"

    def review(entry: polib.POEntry) -> None:
        if entry.msgctxt.startswith("guide/plan.md|") and entry.fuzzy:
            entry.flags.remove("fuzzy")
        if entry.msgctxt == "guide/meet.md|checklist:item-4":  # the item the translation lacks
            entry.msgstr = "Item 4"
    change(po, review)
    assert onegoal("translate", "import", str(po)) == 0
    assert "source_version: 2" in (project / "manuals" / "guide" / "plan.en.md").read_text(encoding="utf-8")
    assert guide_status(project, "plan", "en") not in (Status.OUTDATED, Status.MISSING)
    meet = (project / "manuals" / "guide" / "meet.en.md").read_text(encoding="utf-8")
    assert "  - id: item-3\n    text: Item 3\n  - id: item-4\n    text: Item 4\n---" in meet
    assert guide_status(project, "meet", "en") not in (Status.OUTDATED, Status.MISSING)
    assert onegoal("check") == 0


BROKEN = [
    ("reader/hello.md|title", "Hello\nand welcome", "is one line"),
    ("reader/hello.md|body:6", "Here are **important words.", "'**' (bold)"),
    ("reader/hello.md|body:7", "See [the profile](search.md) first.", "link targets differ"),
    ("reader/hello.md|body:5", "Words", "{#anchor}"),
    ("reader/hello.md|body:6", "Here are `important words.", "backticks"),
    ("reader/hello.md|body:6", "Here are important words.\n\nAnd more.", "empty line"),
    ("reader/hello.md|body:9", "Word | again", "split the table cell"),
]


@pytest.mark.parametrize(("msgctxt", "msgstr", "said"), BROKEN)
def test_a_broken_msgstr_is_reported_at_its_line_and_nothing_is_written(
        project: Path, capsys: pytest.CaptureFixture[str], msgctxt: str, msgstr: str, said: str) -> None:
    export("en")
    po = project / "po" / "reader.en.po"
    set_msgstr(po, "reader/hello.md|checklist:item-1", "A good edit")  # not written either
    line = set_msgstr(po, msgctxt, msgstr)
    before = snapshot(project)
    capsys.readouterr()
    assert onegoal("translate", "import", str(po)) == 1
    err = capsys.readouterr().err
    assert f"{po}:{line}: " in err and said in err and "Traceback" not in err
    assert snapshot(project) == before


def test_an_unknown_msgctxt_and_an_unreadable_file_are_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export("en", "reader")
    po = project / "po" / "reader.en.po"
    line = set_msgstr(po, "reader/hello.md|title", "Hello")
    edit(po, 'msgctxt "reader/hello.md|title"', 'msgctxt "reader/gone.md|title"')
    broken = project / "po" / "broken.en.po"
    broken.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "x"\nnot po at all\n', encoding="utf-8")
    before = snapshot(project)
    capsys.readouterr()
    assert onegoal("translate", "import", str(po), str(broken)) == 1
    err = capsys.readouterr().err
    assert f"{po}:{line}: unknown msgctxt 'reader/gone.md|title'" in err
    assert f"{broken}:6: cannot be read as a PO file" in err
    assert "Traceback" not in err and snapshot(project) == before


def test_a_missing_translation_is_created_from_its_source(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export("ar", "guide")
    po = project / "po" / "guide.ar.po"
    meet = [entry for entry in polib.pofile(str(po)) if entry.msgctxt.startswith("guide/meet.md|")]
    assert meet and all(entry.msgstr == "" and not entry.fuzzy for entry in meet)
    target = project / "manuals" / "guide" / "meet.ar.md"
    set_msgstr(po, "guide/meet.md|title", "الاجتماع")
    assert onegoal("translate", "import", str(po)) == 0
    assert not target.exists() and "not written yet" in capsys.readouterr().out

    def fill(entry: polib.POEntry) -> None:
        if entry.msgctxt.startswith("guide/meet.md|") and not entry.msgstr:
            entry.msgstr = f"ع {entry.msgid}"
    change(po, fill)
    assert onegoal("translate", "import", str(po)) == 0
    text = target.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["draft"] is True and front["source_version"] == 2 and front["title"] == "الاجتماع"
    assert [item["id"] for item in front["checklist"]] == ["item-1", "item-2", "item-3", "item-4"]
    assert "\n## ع Vad händer\n" in text
    assert onegoal("check") == 0


def test_a_missing_glossary_translation_is_created(project: Path) -> None:
    export("so")
    po = project / "po" / "glossary.so.po"
    change(po, lambda entry: setattr(entry, "msgstr", "Qayb ka mid ah buugga.")
           if entry.msgctxt == "glossary/terms.yml|text:steg" else None)
    assert onegoal("translate", "import", str(po)) == 0
    terms = yaml.safe_load((project / "manuals" / "glossary" / "terms.so.yml").read_text(encoding="utf-8"))
    assert terms == {"draft": True, "terms": [{"id": "steg", "source_version": 1, "text": "Qayb ka mid ah buugga."}]}
    assert onegoal("check") == 0


def test_only_the_texts_changed_since_the_translation_are_fuzzy(project: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=project,
                       check=True, capture_output=True)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "version 2")
    source = project / "manuals" / "reader" / "hello.md"
    edit(source, "version: 2", "version: 3")
    edit(source, "Här är **viktiga** ord.", "Här är **några viktiga** ord.")
    git("commit", "-qam", "version 3")
    export("en", "reader")
    po = polib.pofile(str(project / "po" / "reader.en.po"))
    fuzzy = [entry for entry in po if entry.fuzzy]
    assert [(entry.msgctxt, entry.previous_msgid) for entry in fuzzy] == [
        ("reader/hello.md|body:6", "Här är **viktiga** ord.")]
    assert fuzzy[0].msgstr == "Here are **important** words."


def test_an_import_that_changes_a_reviewed_translation_makes_it_a_draft(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export("ar", "guide")
    po = project / "po" / "guide.ar.po"
    assert guide_status(project, "start", "ar") is Status.REVIEWED
    set_msgstr(po, "guide/start.md|title", "عنوان جديد")
    assert onegoal("translate", "import", str(po)) == 0
    assert "its review was of the text before this import" in capsys.readouterr().out
    assert "reviewed:" not in (project / "manuals" / "guide" / "start.ar.md").read_text(encoding="utf-8")
    assert guide_status(project, "start", "ar") is Status.DRAFT
    assert onegoal("check") == 0


def test_a_translation_over_two_lines_stays_in_its_box(project: Path) -> None:
    export("en", "reader")
    po = project / "po" / "reader.en.po"
    box = next(entry for entry in polib.pofile(str(po)) if entry.msgid == "Spara texten i telefonen.")
    set_msgstr(po, box.msgctxt, "Keep the text\nin your phone.")
    assert onegoal("translate", "import", str(po)) == 0
    translation = project / "manuals" / "reader" / "hello.en.md"
    assert '!!! tip "A tip"\n    Keep the text\n    in your phone.\n' in translation.read_text(encoding="utf-8")


def test_a_plural_or_repeated_entry_is_a_problem(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export("en", "reader")
    po_path = project / "po" / "reader.en.po"
    before = snapshot(project)
    po = polib.pofile(str(po_path))
    po.append(polib.POEntry(msgctxt="reader/hello.md|title", msgid="Hej och välkommen", msgstr="Hi"))
    po.append(polib.POEntry(msgctxt="reader/hello.md|summary", msgid="en", msgid_plural="flera",
                            msgstr_plural={0: "one", 1: "many"}))
    po.save()
    assert onegoal("translate", "import", str(po_path)) == 1
    err = capsys.readouterr().err
    assert "'reader/hello.md|title' is here twice" in err and "'reader/hello.md|summary' is a plural entry" in err
    assert snapshot(project) == before


def test_a_file_with_windows_line_ends_keeps_them(project: Path) -> None:
    hello = project / "manuals" / "reader" / "hello.en.md"
    hello.write_bytes(hello.read_bytes().replace(b"\n", b"\r\n"))
    export("en", "reader")
    po = project / "po" / "reader.en.po"
    box = next(entry for entry in polib.pofile(str(po)) if entry.msgid == "Spara texten i telefonen.")
    set_msgstr(po, box.msgctxt, "Keep the text\nin your phone.")
    assert onegoal("translate", "import", str(po)) == 0
    written = hello.read_bytes()
    assert b"    Keep the text\r\n    in your phone.\r\n" in written and b"\n" not in written.replace(b"\r\n", b"")
