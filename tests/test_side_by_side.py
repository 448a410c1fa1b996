"""Pure work shared out between processes: done in forked processes, in order, and the
markup check finds the same problems at the same lines as when it judges in turn."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import fixture_project
from test_markup import HOSTILE

from onegoal.checks.pipeline import load_content
from onegoal.content import side_by_side
from onegoal.content.problems import ContentError
from onegoal.content.side_by_side import LEAST_PER_PROCESS, mapped
from onegoal.content.translation import Fallbacks
from onegoal.editors.settings import site_settings


def test_the_work_is_done_in_forked_processes_and_comes_back_in_order() -> None:
    offset = 1000  # a closure: the forked processes are given the work as it is here
    inputs = list(range(LEAST_PER_PROCESS * 4))
    results = mapped(lambda number: (number + offset, os.getpid()), inputs, 2)
    assert [number for number, _ in results] == [number + offset for number in inputs]
    assert os.getpid() not in {pid for _, pid in results}


def test_a_little_work_or_one_process_is_done_here() -> None:
    assert {pid for pid in mapped(lambda _: os.getpid(), list(range(LEAST_PER_PROCESS)), 2)} == {os.getpid()}
    assert {pid for pid in mapped(lambda _: os.getpid(), list(range(200)), 1)} == {os.getpid()}


def problems(project: Path, processes: int) -> list[str]:
    settings = site_settings(project / "mkdocs.yml")
    with pytest.raises(ContentError) as refused:
        load_content(settings.manuals_dir, settings.docs_dir, settings.languages, settings.source_language,
                     Fallbacks(settings.fallbacks, settings.source_language), settings.markdown,
                     settings.audiences, processes=processes)
    return [f"{problem.path}:{problem.line}: {problem.message}" for problem in refused.value.problems]


def test_the_markup_check_side_by_side_finds_what_it_finds_in_turn(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    project = fixture_project(tmp_path / "project").parent
    steps = sorted((project / "manuals").rglob("*.md"))
    for step, markup in zip(steps, HOSTILE):  # a different piece in each of several files
        step.write_text(f"{step.read_text(encoding='utf-8')}\n{markup}\n", encoding="utf-8")
    monkeypatch.setattr(side_by_side, "LEAST_PER_PROCESS", 1)  # the fixture's few pages shared out too
    in_turn, shared = problems(project, 1), problems(project, 2)
    assert len(in_turn) >= min(len(steps), len(HOSTILE)) - 1
    assert shared == in_turn
