"""Metadata is shown as text, and bad content stops the build with the core's messages."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import copy_project, mkdocs_build
from library_factory import edit, write_manual

SCRIPT = "<script>alert('title')</script>"
IMAGE = "<img src=x onerror=alert('summary')>"


def hostile_manual(root: Path) -> None:
    folder = write_manual(root, "demo")
    step = folder / "steg-1.md"
    edit(step, "title: Steg 1", f'title: "{SCRIPT}"')
    edit(step, "summary: Sammanfattning 1.", f'summary: "{IMAGE}"')
    edit(step, "  - Ett mål", f'  - "{SCRIPT}"')
    edit(step, "text: Första punkten", f'text: "{IMAGE}"')
    edit(folder / "steg-2.md", "title: Steg 2", f'title: "{IMAGE}"')
    edit(folder / "manual.yml", "  sv: Testmanual", f'  sv: "{SCRIPT}"')
    edit(folder / "manual.yml", "  sv: En manual för test.", f'  sv: "{IMAGE}"')
    edit(folder / "manual.yml", "      en: First version.", f'      en: "{SCRIPT}"')
    edit(folder / "manual.yml", 'version: "1.0"\ntitle', f'version: "{IMAGE}"\ntitle')
    edit(folder / "manual.yml", '  - version: "1.0"', f'  - version: "{IMAGE}"')
    edit(folder / "steg-1.en.md", "title: Step 1", f'title: "{SCRIPT}"')
    edit(folder / "steg-1.en.md", "text: Second item", f'text: "{IMAGE}"')


def test_metadata_comes_out_as_text(tmp_path: Path) -> None:
    config = copy_project(tmp_path / "project", shipped=False)
    hostile_manual(tmp_path / "project" / "manuals")
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr

    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    script = "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"
    image = "&lt;img src=x onerror=alert(&#39;summary&#39;)&gt;"
    for page in (site / "demo" / "steg-1", site / "en" / "demo" / "steg-1", site / "en" / "demo"):
        html = pages[page / "index.html"]
        assert script in html and image in html, page
    assert len(pages) > 20
    for path, html in pages.items():
        assert "<script>alert(" not in html, path
        assert "<img src=x" not in html, path
        assert not re.search(r"<[a-z]+[^>]*\sonerror=", html), path


def test_bad_content_stops_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    config = copy_project(tmp_path / "project", shipped=False)
    folder = write_manual(tmp_path / "project" / "manuals", "demo")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    edit(folder / "steg-2.md", "version: 2", "version: two")
    edit(folder / "steg-3.en.md", "title: Step 3", "titel: Step 3")

    result = mkdocs_build(config, site)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "manuals/demo/steg-2.md:6: 'version' must be a whole number such as 3, not 'two'." in result.stderr
    assert "manuals/demo/steg-3.en.md:3: 'titel' is not a field" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
