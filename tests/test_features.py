"""Each feature of the plugin can be left out on its own (`switched_off` in mkdocs.yml): the
rest of the site is built as before; a name the plugin cannot leave out is refused with a
message that says which it can."""

from __future__ import annotations

from pathlib import Path

from conftest import fixture_project, mkdocs_build
from html_page import parse
from library_factory import edit
from test_build import SOURCE, page_path


def switched_off(config: Path, names: str) -> None:
    edit(config, "  - onegoal:\n", f"  - onegoal:\n      switched_off: [{names}]\n")


def test_a_feature_switched_off_is_left_out_and_the_rest_is_built(tmp_path: Path, site: Path) -> None:
    config = fixture_project(tmp_path / "project")
    switched_off(config, "redirects, edit_links")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    # The whole site, with its redirect pages and edit links.
    assert page_path(site, SOURCE, "guide", "old-start").is_file()
    assert parse(page_path(site, SOURCE, "guide", "plan")).find_all("p", "og-edit")
    # Without them: no page at the old address, no edit link; the step pages as they were.
    built = tmp_path / "site"
    assert not page_path(built, SOURCE, "guide", "old-start").exists()
    step = parse(page_path(built, SOURCE, "guide", "plan"))
    assert step.find_all("p", "og-edit") == []
    assert step.find_all("section", "og-checklist")
    assert (built / "sw.js").is_file()


def test_a_feature_that_cannot_be_switched_off_is_refused(tmp_path: Path) -> None:
    config = fixture_project(tmp_path / "project")
    switched_off(config, "search")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "switched_off: search cannot be switched off; these can: edit_links, pdf, redirects." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
