"""MkDocs lists the theme's folders on every language build to copy the theme's files: the
installed theme is walked once per process, the project's own folders every time, and
hidden files (which MkDocs never copies) are not listed."""

from __future__ import annotations

from pathlib import Path

import material
from jinja2 import Environment, FileSystemLoader
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import REPO
from onegoal.adapter.features.theme import _installed_templates, _ThemeListedOnce, list_theme_once

THEME = str(Path(material.__file__).parent / "templates")


def theme_files(loader: FileSystemLoader) -> list[str]:
    """The theme's files MkDocs adds to a build whose templates come through `loader`."""
    config = load_config(str(REPO / "mkdocs.yml"))
    files = Files([])
    files.add_files_from_theme(Environment(loader=loader), config)
    return sorted(file.src_uri for file in files)


def test_the_listing_gives_the_files_mkdocs_would_copy_and_sees_a_new_project_file(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "assets" / ".hidden").mkdir(parents=True)
    (overrides / "assets" / "a.css").write_text("a {}", encoding="utf-8")
    (overrides / "assets" / ".hidden" / "h.css").write_text("h {}", encoding="utf-8")
    folders = [str(overrides), THEME]
    listed = _ThemeListedOnce(folders, str(overrides)).list_templates()
    assert theme_files(_ThemeListedOnce(folders, str(overrides))) == theme_files(FileSystemLoader(folders))
    assert "assets/a.css" in listed
    assert not [name for name in listed if name.startswith(".") or "/." in name]
    assert len(listed) < len(FileSystemLoader(folders).list_templates()) / 10  # the theme's icons
    # A preview: the editor adds a file to overrides/ between two builds.
    (overrides / "assets" / "b.css").write_text("b {}", encoding="utf-8")
    again = _ThemeListedOnce(folders, str(overrides)).list_templates()
    assert theme_files(_ThemeListedOnce(folders, str(overrides))) == theme_files(FileSystemLoader(folders))
    assert "assets/b.css" in again


def test_the_installed_theme_is_walked_once(tmp_path: Path) -> None:
    _installed_templates.cache_clear()
    for _ in range(3):
        _ThemeListedOnce([THEME], None).list_templates()
    assert _installed_templates.cache_info().misses == 1
    assert _installed_templates.cache_info().hits == 2


def test_every_language_build_s_environment_walks_only_the_project_s_overrides_again() -> None:
    """Whether or not the installed theme lies under the project (a virtual environment in the
    repository does): only the theme's custom_dir is walked on every build."""
    config = load_config(str(REPO / "mkdocs.yml"))
    list_theme_once(config)
    _installed_templates.cache_clear()
    for _ in range(3):
        config.theme.get_env().list_templates()
    installed = [folder for folder in config.theme.dirs if folder != config.theme.custom_dir]
    assert _installed_templates.cache_info().misses == len(installed) >= 1
    assert _installed_templates.cache_info().hits == 2 * len(installed)
