"""MkDocs lists the theme's folders on every language build to copy the theme's files: the
installed theme is walked once per process, the project's own folders every time."""

from __future__ import annotations

from pathlib import Path

import material
from jinja2 import FileSystemLoader

from onegoal.adapter.features.theme import _installed_templates, _ThemeListedOnce

THEME = str(Path(material.__file__).parent / "templates")


def test_the_listing_is_the_one_mkdocs_would_make_and_sees_a_new_project_file(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets" / "a.css").write_text("a {}", encoding="utf-8")
    folders = [str(overrides), THEME]
    listed = _ThemeListedOnce(folders, tmp_path).list_templates()
    assert listed == FileSystemLoader(folders).list_templates()
    assert "assets/a.css" in listed
    # A preview: the editor adds a file to overrides/ between two builds.
    (overrides / "assets" / "b.css").write_text("b {}", encoding="utf-8")
    again = _ThemeListedOnce(folders, tmp_path).list_templates()
    assert again == FileSystemLoader(folders).list_templates()
    assert "assets/b.css" in again


def test_the_installed_theme_is_walked_once(tmp_path: Path) -> None:
    _installed_templates.cache_clear()
    for _ in range(3):
        _ThemeListedOnce([THEME], tmp_path).list_templates()
    assert _installed_templates.cache_info().misses == 1
    assert _installed_templates.cache_info().hits == 2
