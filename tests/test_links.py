"""Links and anchors in step bodies and docs pages: checked by `onegoal check` and the
build, reported by the file an editor opens and its line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_project, mkdocs_build
from html_page import parse
from library_factory import fixture_library
from test_build import LANGUAGES, page_path

from onegoal.checks.links import heading_anchors

ONEGOAL = Path(sys.executable).parent / "onegoal"


def check(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), "--config", str(config), "check"], capture_output=True, text=True,
                          check=False, cwd=config.parent)


def append(path: Path, text: str) -> int:
    """Add a paragraph at the end of a file; returns its line."""
    content = path.read_text(encoding="utf-8")
    path.write_text(content + "\n" + text + "\n", encoding="utf-8")
    return content.count("\n") + 2


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project").parent


def test_working_links_pass(project: Path) -> None:
    (project / "docs" / "images").mkdir()
    (project / "docs" / "images" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    append(project / "manuals" / "reader" / "profile.md",
           "Se [sök jobb](search.md#vad-händer), [guiden](../guide/plan.md), [om](../about.md), "
           "[överst](#vad-händer-2), [översikten](index.md) och ![karta](../images/map.png).")
    append(project / "manuals" / "reader" / "profile.ar.md", "[ابحثي](search.md#ماذا-يحدث)")
    append(project / "docs" / "about.md", "[Profilen](reader/profile.md) [Hem](index.md)")
    result = check(project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr


def test_a_link_to_no_page_is_named_by_file_and_line(project: Path) -> None:
    step = project / "manuals" / "reader" / "profile.md"
    line = append(step, "Läs [nästa steg](serach.md).")
    result = check(project / "mkdocs.yml")
    assert result.returncode == 1
    assert f"manuals/reader/profile.md:{line}: the link 'serach.md' leads to no page: there is no reader/serach.md." \
        in result.stderr


def test_a_link_to_no_heading_lists_the_headings_there(project: Path) -> None:
    translation = project / "manuals" / "reader" / "profile.ar.md"
    line = append(translation, "[ابحثي](search.md#vad-händer)")
    result = check(project / "mkdocs.yml")
    assert result.returncode == 1
    # The Arabic page links into the Arabic step, whose headings are Arabic.
    assert re.search(rf"manuals/reader/profile\.ar\.md:{line}: the link 'search\.md#vad-händer' leads to no "
                     r"heading '#vad-händer' in reader/search \(ar\)\. Its headings are: #ماذا-يحدث", result.stderr)


def test_docs_pages_and_pictures_are_checked(project: Path) -> None:
    about = project / "docs" / "about.en.md"
    first = append(about, "[The guide](guide/nowhere.md)")
    second = append(about, "![A map](images/missing.png)")
    result = check(project / "mkdocs.yml")
    assert f"docs/about.en.md:{first}: the link 'guide/nowhere.md' leads to no page" in result.stderr
    assert f"docs/about.en.md:{second}: the picture 'images/missing.png' is not in the docs folder" in result.stderr


def test_the_build_refuses_a_broken_link_with_the_editors_path(project: Path, tmp_path: Path) -> None:
    line = append(project / "manuals" / "guide" / "plan.md", "[start](start.md#nowhere)")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"manuals/guide/plan.md:{line}: the link 'start.md#nowhere' leads to no heading" in result.stderr
    assert "Doc file" not in result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_get_the_anchors_the_checker_expects_in_every_script(site: Path, language: str) -> None:
    from test_build import FALLBACKS
    for manual in fixture_library().manuals:
        for step in manual.steps:
            body = parse(page_path(site, language, manual.url_path, step.slug)).find(cls="og-step__body")
            ids = [heading.attrs["id"] for heading in body.iter() if heading.tag in ("h2", "h3") and "id" in heading.attrs]
            assert ids == heading_anchors(FALLBACKS.shown(step, language).text.body)
            assert not any(re.fullmatch(r"_\d+", anchor) for anchor in ids), ids


def test_a_page_shown_in_another_language_is_checked_there_too(project: Path) -> None:
    """about.md has no Arabic translation: the Arabic site shows the Swedish page, whose link
    then leads into the Arabic step, where the Swedish heading's anchor does not exist."""
    line = append(project / "docs" / "about.md", "[Profilen](reader/profile.md#vad-händer)")
    result = check(project / "mkdocs.yml")
    assert result.returncode == 1
    assert f"docs/about.md:{line}: the link 'reader/profile.md#vad-händer' leads to no heading" in result.stderr
    assert "in reader/profile (" in result.stderr
