"""Read every manual under a folder into the model, with every problem at once."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from onegoal.content.assembly import to_manual, to_step, to_translation
from onegoal.content.manual_rules import history_problems, manual_id_problems, pairing_problems, translation_problems
from onegoal.content.model import AUDIENCES, Library, Manual, Step, Translation
from onegoal.content.problems import ContentError, Problem
from onegoal.content.source_files import MANUAL_FILE, STEP_FILE, SourceFiles, StepFile
from onegoal.content.yamlsource import Located

IGNORED_FILES = {"README.md"}


class Loader:
    def __init__(self, root: Path, languages: Sequence[str], source_language: str,
                 audiences: Sequence[str] = AUDIENCES, include: Sequence[str] = (),
                 skip_languages: Sequence[str] = ()) -> None:
        self.root = root
        self.languages = tuple(languages)
        self.source = source_language
        self.audiences = tuple(audiences)
        self.include = tuple(include)
        self.problems: list[Problem] = []
        self.files = SourceFiles(languages, source_language, audiences, skip_languages, self.problems)

    def problem(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def load(self) -> Library:
        """Every manual that could be read; the problems of all of them in `self.problems`."""
        if not self.root.is_dir():
            raise ContentError([Problem(self.root, 1, "the manuals folder does not exist.")])
        folders = [folder for folder in manual_folders(self.root) if self.included(folder)]
        manuals = [manual for folder in folders if (manual := self.load_manual(folder))]
        self.problems.extend(manual_id_problems(manuals, self.languages))
        self.problems.extend(pairing_problems(manuals, partial=bool(self.include)))
        order = {audience: index for index, audience in enumerate(self.audiences)}
        manuals.sort(key=lambda manual: (order[manual.audience], manual.url_path))
        return Library(tuple(manuals), self.source, self.languages, self.audiences, self.root)

    def included(self, folder: Path) -> bool:
        """Whether a manual's folder is one of those asked for (all, unless some are named)."""
        top = folder.relative_to(self.root).parts[:1]
        return not self.include or bool(top) and top[0] in self.include

    def load_manual(self, folder: Path) -> Manual | None:
        paths = markdown_files(folder)
        step_files = [step for path in paths if (step := self.files.read_step(path))]
        manual_path = folder / MANUAL_FILE
        if not manual_path.exists():
            self.problem(paths[0], 1, f"this folder has step files but no {MANUAL_FILE}. "
                         f"Add {folder.name}/{MANUAL_FILE} as the editors' guide shows.")
            return None
        front = self.files.read_manual_yaml(manual_path)
        if front is None:
            return None
        steps = self.join_steps(manual_path, front, step_files, source_names(paths))
        if steps is None:
            return None
        history = history_problems(manual_path, front, steps)
        self.problems.extend(history)
        return None if history else to_manual(self.root, folder, front, steps)

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
            elif source is not None and self.checked_translation(file, source):
                grouped[file.slug][file.language] = to_translation(file)
        if len(self.problems) > before or any(name not in sources for name in order):
            return None
        return [to_step(sources[name], number, grouped[name]) for number, name in enumerate(order, start=1)]

    def checked_translation(self, file: StepFile, source: StepFile) -> bool:
        problems = translation_problems(file, source)
        self.problems.extend(problems)
        return not problems


def manual_folders(root: Path) -> Iterator[Path]:
    """Folders that hold a manual.yml or step files, in a stable order."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        if MANUAL_FILE in files or any(name.endswith(".md") and name not in IGNORED_FILES for name in files):
            yield Path(folder)


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
    library, problems = read_library(root, languages, source_language, audiences, include, skip_languages)
    if problems:
        raise ContentError(problems)
    return library


def read_library(root: Path, languages: Sequence[str], source_language: str,
                 audiences: Sequence[str] = AUDIENCES, include: Sequence[str] = (),
                 skip_languages: Sequence[str] = ()) -> tuple[Library, list[Problem]]:
    """The manuals that could be read, and every problem of the library; raises ContentError
    only when there is no manuals folder to read."""
    loader = Loader(Path(root), languages, source_language, audiences, include, skip_languages)
    library = loader.load()
    return library, loader.problems
