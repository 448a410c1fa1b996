"""Read every manual under a folder into the model, or report all problems at once."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onegoal.content import schema
from onegoal.content.model import (AUDIENCES, ChangelogEntry, ChecklistItem, History, Library, Manual, Pairing, Review, Step,
                    StepText, Translation)
from onegoal.content.problems import ContentError, Problem
from onegoal.content.yamlsource import Located, YamlSyntaxError, parse

MANUAL_FILE = "manual.yml"
MAX_BYTES = 1024 * 1024
STEP_FILE = re.compile(
    r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?:\.(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{2})?))?\.md$"
)
IGNORED_FILES = {"README.md"}


@dataclass(frozen=True)
class StepFile:
    """One parsed step file, source or translation, before cross-file checks."""

    path: Path
    slug: str
    language: str | None
    front: Located
    body: str
    body_line: int

    @property
    def data(self) -> dict[str, Any]:
        return self.front.data


class Loader:
    def __init__(self, root: Path, languages: Sequence[str], source_language: str,
                 audiences: Sequence[str] = AUDIENCES, include: Sequence[str] = (),
                 skip_languages: Sequence[str] = ()) -> None:
        self.root = root
        self.skip_languages = set(skip_languages)
        self.languages = tuple(languages)
        self.source = source_language
        self.audiences = tuple(audiences)
        self.include = tuple(include)
        self.problems: list[Problem] = []

    def problem(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def load(self) -> Library:
        if not self.root.is_dir():
            raise ContentError([Problem(self.root, 1, "the manuals folder does not exist.")])
        folders = [folder for folder in manual_folders(self.root) if self.included(folder)]
        manuals = [manual for folder in folders if (manual := self.load_manual(folder))]
        self.check_manual_ids(manuals)
        self.check_pairings(manuals)
        if self.problems:
            raise ContentError(self.problems)
        order = {audience: index for index, audience in enumerate(self.audiences)}
        manuals.sort(key=lambda manual: (order[manual.audience], manual.url_path))
        return Library(tuple(manuals), self.source, self.languages, self.audiences, self.root)

    def included(self, folder: Path) -> bool:
        """Whether a manual's folder is one of those asked for (all, unless some are named)."""
        top = folder.relative_to(self.root).parts[:1]
        return not self.include or bool(top) and top[0] in self.include

    def check_manual_ids(self, manuals: list[Manual]) -> None:
        """Ids name readers' ticks and, at the top, a folder of the site beside the languages'."""
        seen: dict[str, Manual] = {}
        for manual in manuals:
            path = manual.path / MANUAL_FILE
            if manual.id in seen:
                self.problem(path, 1, f"id '{manual.id}' is also the id of {seen[manual.id].url_path}/. "
                             "Readers' ticks are kept under the id: give each manual its own.")
            elif manual.url_path in self.languages:
                self.problem(path, 1, f"the folder '{manual.url_path}' has the name of a site language; "
                             "the pages of that language live there. Rename the folder and its id.")
            seen.setdefault(manual.id, manual)

    def check_pairings(self, manuals: list[Manual]) -> None:
        """A pairing names a manual and steps that exist, and paired steps agree on who acts."""
        by_id = {manual.id: manual for manual in manuals}
        for manual in manuals:
            pairing = manual.pairing
            if pairing is None:
                continue
            path = manual.path / MANUAL_FILE
            other = by_id.get(pairing.manual_id)
            if other is None:
                if not self.include:  # a copy of some manuals may leave the other out
                    self.problem(path, manual.lines.get("pairs", 1), f"'pairs' names the manual "
                                 f"'{pairing.manual_id}', which does not exist. Use a manual's id.")
                continue
            own = {step.slug: step for step in manual.steps}
            theirs = {step.slug: step for step in other.steps}
            for mine, their in pairing.steps.items():
                line = manual.lines.get("pairs", 1)
                if mine not in own:
                    self.problem(path, line, f"'pairs' pairs the step '{mine}', which is not a step of this manual.")
                elif their not in theirs:
                    self.problem(path, line, f"'pairs' pairs '{mine}' with '{their}', which is not a step of "
                                 f"{other.id}.")
                elif own[mine].who != theirs[their].who:
                    step = own[mine]
                    self.problem(step.path, step.lines.get("who", 1), f"'who: {step.who}' differs from the paired "
                                 f"step {other.id}/{their} ('who: {theirs[their].who}'). The pair's manuals must "
                                 "agree on who acts in a step: make them the same.")

    def load_manual(self, folder: Path) -> Manual | None:
        paths = markdown_files(folder)
        step_files = [step for path in paths if (step := self.read_step(path))]
        manual_path = folder / MANUAL_FILE
        if not manual_path.exists():
            self.problem(paths[0], 1, f"this folder has step files but no {MANUAL_FILE}. "
                         f"Add {folder.name}/{MANUAL_FILE} as the editors' guide shows.")
            return None
        front = self.read_manual_yaml(manual_path)
        if front is None:
            return None
        steps = self.join_steps(manual_path, front, step_files, source_names(paths))
        if steps is None or not self.check_history(manual_path, front, steps):
            return None
        return self.build_manual(folder, front, steps)

    # -- one file -------------------------------------------------------

    def read_text(self, path: Path) -> str | None:
        if not path.is_file():
            self.problem(path, 1, "this is not a file that can be read (a folder, or a broken link?). "
                         "Rename or remove it.")
            return None
        size = path.stat().st_size
        if size > MAX_BYTES:
            self.problem(path, 1, f"the file is {size / MAX_BYTES:.1f} MB; files must be under 1 MB. "
                         "Split it or move large pictures out of it.")
            return None
        try:
            raw = path.read_bytes()
        except OSError as error:
            self.problem(path, 1, f"the file cannot be read ({error.strerror}).")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            self.problem(path, line, "the file is not UTF-8 text. Save it as UTF-8 in your editor.")
            return None
        text = text.removeprefix("\ufeff")
        if not text.strip():
            self.problem(path, 1, "the file is empty.")
            return None
        return text

    def parse_yaml(self, path: Path, text: str, first_line: int) -> Located | None:
        try:
            return parse(text, first_line)
        except YamlSyntaxError as error:
            self.problem(path, error.line, error.message)
            return None

    def read_manual_yaml(self, path: Path) -> Located | None:
        text = self.read_text(path)
        if text is None:
            return None
        front = self.parse_yaml(path, text, 1)
        if front is None:
            return None
        fields = schema.manual_fields(self.languages, self.source, self.audiences)
        if not self.report(path, front, schema.check_fields(front.data, fields, MANUAL_FILE)):
            return None
        if not schema.ID_RULE.match(front.data["id"]):
            self.problem(path, front.line("id"), f"id '{front.data['id']}' breaks the id rule: "
                         f"{schema.ID_HINT}. Rename the folder to match.")
            return None
        if front.data["id"] != path.parent.name:
            self.problem(path, front.line("id"), f"id '{front.data['id']}' must match the folder name "
                         f"'{path.parent.name}'.")
            return None
        versions = [entry["version"] for entry in front.data["changelog"]]
        if front.data["version"] not in versions:
            self.problem(path, front.line("version"), f"version \"{front.data['version']}\" has no entry in "
                         "'changelog'. Add one at the top of the changelog, with the date and what changed.")
            return None
        return front

    def read_step(self, path: Path) -> StepFile | None:
        match = STEP_FILE.match(path.name)
        if not match:
            self.problem(path, 1, "a step file must be named name.md (lowercase words a-z and digits "
                         "joined by hyphens, like sok-jobb.md), or name.<language>.md for a translation.")
            return None
        language = match["language"]
        if language in self.skip_languages:
            return None
        if language is not None and not self.check_language(path, language):
            return None
        text = self.read_text(path)
        if text is None:
            return None
        split = self.split_front_matter(path, text)
        if split is None:
            return None
        yaml_text, body, body_line = split
        front = self.parse_yaml(path, yaml_text, 2)
        if front is None:
            return None
        fields = schema.SOURCE_STEP if language is None else schema.TRANSLATED_STEP
        what = "step's front matter" if language is None else "translation's front matter"
        if not self.report(path, front, schema.check_fields(front.data, fields, what)):
            return None
        self.check_body(path, body, body_line)
        return StepFile(path, match["slug"], language, front, body, body_line)

    def check_language(self, path: Path, language: str) -> bool:
        if language == self.source:
            self.problem(path, 1, f"'{language}' is the source language: name the file without "
                         "a language, name.md.")
            return False
        if language not in self.languages:
            self.problem(path, 1, f"this is a translation into '{language}', which is not a language "
                         f"of this site ({', '.join(self.languages)}). Fix the file name, or add the "
                         "language to mkdocs.yml.")
            return False
        return True

    def split_front_matter(self, path: Path, text: str) -> tuple[str, str, int] | None:
        lines = text.splitlines(keepends=True)
        if lines[0].rstrip() != "---":
            self.problem(path, 1, "the file has no front matter. It must start with a line '---', "
                         "then the step's fields, then another '---' line.")
            return None
        for index, line in enumerate(lines[1:], start=1):
            if line.rstrip() == "---":
                return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
        self.problem(path, 1, "the front matter is not closed: add a line '---' after the last field.")
        return None

    def check_body(self, path: Path, body: str, first_line: int) -> None:
        """No level-1 heading, written '# Title' or as a line underlined with '==='."""
        fenced = False
        previous = ""
        for offset, line in enumerate(body.splitlines()):
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            elif not fenced and (re.match(r"^#(\s|$)", line) or underlines(previous, line)):
                self.problem(path, first_line + offset, "do not write a level-1 heading ('# ...' or a line "
                             "underlined with '==='): the page title comes from 'title'. Use '## ' for sections.")
            previous = "" if fenced else line

    def report(self, path: Path, front: Located, issues: Iterator[schema.Issue]) -> bool:
        """Record the issues of one file; True when there were none."""
        found = False
        for key, message in issues:
            self.problem(path, front.line(*key), message)
            found = True
        return not found

    # -- across files ---------------------------------------------------

    def join_steps(self, manual_path: Path, front: Located, files: list[StepFile],
                   names_on_disk: set[str]) -> list[Step] | None:
        """The steps in the order manual.yml lists them, each with its translations.

        `names_on_disk` counts unreadable source files too, so that a file that could not
        be read is not also reported as missing.
        """
        order: list[str] = front.data["steps"]
        sources = {file.slug: file for file in files if file.language is None}
        before = len(self.problems)
        for index, name in enumerate(order):
            if name not in names_on_disk:
                self.problem(manual_path, front.line("steps", index), f"there is no step file {name}.md "
                             "in this folder. Add the file, or remove this line.")
        listed = set(order)
        for name in sorted(names_on_disk - listed):
            path = manual_path.parent / f"{name}.md"
            self.problem(path, 1, f"this step is not in the list of steps in {MANUAL_FILE}. Add a line "
                         f"'  - {name}' under 'steps:' ({MANUAL_FILE}:{front.line('steps')}), where it belongs.")
        grouped: dict[str, dict[str, Translation]] = {name: {} for name in sources}
        for file in files:
            if file.language is None:
                continue
            source = sources.get(file.slug)
            if file.slug not in names_on_disk:
                self.problem(file.path, 1, f"this translation has no source file {file.slug}.md "
                             "in this folder. Rename it to match its source, or add the source.")
            elif source is not None and self.check_translation(file, source):
                grouped[file.slug][file.language] = to_translation(file)
        if len(self.problems) > before or any(name not in sources for name in order):
            return None
        return [to_step(sources[name], number, grouped[name]) for number, name in enumerate(order, start=1)]

    def check_history(self, path: Path, front: Located, steps: list[Step]) -> bool:
        """A move leads to a step or item that exists; a withdrawn or old name is not in use."""
        before = len(self.problems)
        current = {step.slug: {item.id for item in step.source.checklist} for step in steps}
        moved = front.data.get("moved") or {}
        withdrawn = front.data.get("withdrawn") or {}
        for old, new in (moved.get("steps") or {}).items():
            line = front.line("moved", "steps", old)
            if new not in current:
                self.problem(path, line, f"'{old}' is moved to '{new}', which is not a step of this manual.")
            if old in current:
                self.problem(path, line, f"'{old}' is a step again; remove it from 'moved' or rename the step.")
        for old, new in (moved.get("checklist") or {}).items():
            line = front.line("moved", "checklist", old)
            step, item = new.split("/")
            if item not in current.get(step, set()):
                self.problem(path, line, f"'{old}' is moved to '{new}', which is not a checklist item here.")
            old_step, old_item = old.split("/")
            if old_item in current.get(old_step, set()):
                self.problem(path, line, f"'{old}' is a checklist item again; remove it from 'moved'.")
        for index, name in enumerate(withdrawn.get("steps") or []):
            if name in current:
                self.problem(path, front.line("withdrawn", "steps", index),
                             f"'{name}' is withdrawn but still a step: remove one or the other.")
        for index, name in enumerate(withdrawn.get("checklist") or []):
            step, item = name.split("/")
            if item in current.get(step, set()):
                self.problem(path, front.line("withdrawn", "checklist", index),
                             f"'{name}' is withdrawn but still a checklist item: remove one or the other.")
        return len(self.problems) == before

    def check_translation(self, file: StepFile, source: StepFile) -> bool:
        """A translation may lag behind its source (it then shows as outdated), but it may not
        have checklist items the source does not have: ticks are kept under the source's ids."""
        ok = True
        source_ids = {item["id"] for item in source.data["checklist"]}
        extra = [item["id"] for item in file.data["checklist"] if item["id"] not in source_ids]
        if extra:
            self.problem(file.path, file.front.line("checklist"), f"checklist ids not in the source "
                         f"{source.path.name}: {', '.join(extra)}. Use the source's ids.")
            ok = False
        if file.data["source_version"] > source.data["version"]:
            self.problem(file.path, file.front.line("source_version"), f"source_version "
                         f"{file.data['source_version']} is newer than the source's version "
                         f"{source.data['version']}. Use the version of {source.path.name}.")
            ok = False
        return ok

    def build_manual(self, folder: Path, front: Located, steps: list[Step]) -> Manual:
        data = front.data
        changelog = tuple(
            ChangelogEntry(entry["version"], entry["date"], dict(entry["changes"]))
            for entry in data["changelog"]
        )
        return Manual(
            id=data["id"],
            audience=data["audience"],
            version=data["version"],
            title=dict(data["title"]),
            description=dict(data["description"]),
            changelog=changelog,
            steps=tuple(steps),
            path=folder,
            url_path=folder.relative_to(self.root).as_posix(),
            history=to_history(data.get("moved") or {}, data.get("withdrawn") or {}),
            proposal=data.get("status") == "proposal",
            pairing=Pairing(data["pairs"]["manual"], dict(data["pairs"]["steps"])) if data.get("pairs") else None,
            max_hours=data.get("max_hours"),
            lines=top_lines(front),
        )


def to_text(file: StepFile) -> StepText:
    data = file.data
    checklist = tuple(ChecklistItem(item["id"], item["text"]) for item in data["checklist"])
    return StepText(data["title"], data["summary"], tuple(data["goals"]), checklist, file.body, file.body_line)


def to_translation(file: StepFile) -> Translation:
    assert file.language is not None
    data = file.data
    review = data.get("reviewed")
    return Translation(file.language, to_text(file), data["source_version"], bool(data.get("draft", False)),
                       file.path, Review(review["by"], review["date"], review["source_version"]) if review else None)


def to_step(file: StepFile, number: int, translations: dict[str, Translation]) -> Step:
    data = file.data
    manual_id = file.path.parent.name
    return Step(manual_id, number, file.slug, data["version"], data["duration"], data["who"],
                to_text(file), file.path, translations, proposal=data.get("status") == "proposal",
                lines=top_lines(file.front))


def top_lines(front: Located) -> dict[str, int]:
    """The line of each top-level field of a YAML document."""
    return {key[0]: line for key, line in front.lines.items() if len(key) == 1 and isinstance(key[0], str)}


def to_history(moved: dict[str, Any], withdrawn: dict[str, Any]) -> History:
    def pair(name: str) -> tuple[str, str]:
        step, item = name.split("/")
        return step, item

    return History(
        steps=dict(moved.get("steps") or {}),
        items={pair(old): pair(new) for old, new in (moved.get("checklist") or {}).items()},
        withdrawn_steps=frozenset(withdrawn.get("steps") or []),
        withdrawn_items=frozenset(pair(name) for name in withdrawn.get("checklist") or []),
    )


def manual_folders(root: Path) -> Iterator[Path]:
    """Folders that hold a manual.yml or step files, in a stable order."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        if MANUAL_FILE in files or any(name.endswith(".md") and name not in IGNORED_FILES for name in files):
            yield Path(folder)


def underlines(previous: str, line: str) -> bool:
    """A line of '=' under text makes that text a level-1 heading in Markdown."""
    return bool(previous.strip()) and re.match(r"^=+\s*$", line) is not None


def source_names(paths: list[Path]) -> set[str]:
    """The name of every source step file, readable or not."""
    matches = (STEP_FILE.match(path.name) for path in paths)
    return {m["slug"] for m in matches if m and m["language"] is None}


def markdown_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*.md") if path.name not in IGNORED_FILES)


def load_library(root: Path, languages: Sequence[str], source_language: str,
                 audiences: Sequence[str] = AUDIENCES, include: Sequence[str] = (),
                 skip_languages: Sequence[str] = ()) -> Library:
    """The library under `root` (only the manuals in the top folders `include` names, if
    any, without translations into `skip_languages`); raises ContentError listing every problem."""
    return Loader(Path(root), languages, source_language, audiences, include, skip_languages).load()
