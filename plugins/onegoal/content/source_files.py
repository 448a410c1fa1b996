"""One source file read: a manual's manual.yml or a step file, source or translation, its
size, encoding, front matter and fields checked; what is wrong is added to `problems`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onegoal.content import schema
from onegoal.content.problems import Problem
from onegoal.content.yamlsource import Located, YamlSyntaxError, parse

MANUAL_FILE = "manual.yml"
MAX_BYTES = 1024 * 1024
STEP_FILE = re.compile(
    r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?:\.(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{2})?))?\.md$"
)


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


class SourceFiles:
    def __init__(self, languages: Sequence[str], source_language: str, audiences: Sequence[str],
                 skip_languages: Sequence[str], problems: list[Problem]) -> None:
        self.languages = tuple(languages)
        self.source = source_language
        self.audiences = tuple(audiences)
        self.skip_languages = set(skip_languages)
        self.problems = problems

    def problem(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

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


def underlines(previous: str, line: str) -> bool:
    """A line of '=' under text makes that text a level-1 heading in Markdown."""
    return bool(previous.strip()) and re.match(r"^=+\s*$", line) is not None
