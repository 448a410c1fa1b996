"""Content carries no live markup: `onegoal check` and the build refuse it by file and
line; Markdown, admonitions and pictures from the site keep working; every page carries
the corporate copy's Content-Security-Policy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_project, mkdocs_build
from html_page import parse
from test_build import LANGUAGES, page_path

ONEGOAL = Path(sys.executable).parent / "onegoal"
POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"

HOSTILE = {
    "<script>alert(1)</script>": "<script> is not allowed",
    '<img src="x.png" onerror="alert(1)">': "the attribute onerror= runs code",
    '<span onmouseover="alert(1)">x</span>': "the attribute onmouseover= runs code",
    "[Klicka](javascript:alert(1))": "a javascript: address is not allowed",
    "[Klicka](data:text/html,<b>x</b>)": "a data: address is not allowed",
    '<a href="vbscript:x">x</a>': "a vbscript: address is not allowed",
    '<iframe src="https://example.org"></iframe>': "<iframe> is not allowed",
    "![Karta](https://example.org/map.png)": "would be loaded from another host",
    '<img src="//example.org/x.png">': "would be loaded from another host",
    '<pre class="mermaid">graph TD; A-->B</pre>': "diagram blocks are not used",
    '<form action="/x"><input name="x"></form>': "<form> is not allowed",
    '<base href="https://example.org/">': "<base> is not allowed",
    '<meta http-equiv="refresh" content="0;url=https://example.org">': "<meta> is not allowed",
    '<object data="x.swf"></object>': "<object> is not allowed",
    '<embed src="x.swf">': "<embed> is not allowed",
    '<p style="color:red">x</p>': "the attribute style= is not allowed",
    "![Karta][karta]\n\n[karta]: https://example.org/map.png": "would be loaded from another host",
}


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), "check"], capture_output=True, text=True, check=False, cwd=project)


@pytest.mark.parametrize(("markup", "words"), list(HOSTILE.items()))
def test_live_markup_is_refused_by_file_and_line(tmp_path: Path, markup: str, words: str) -> None:
    project = fixture_project(tmp_path / "project").parent
    step = project / "manuals" / "reader" / "profile.ar.md"
    text = step.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    step.write_text(text + "\n" + markup + "\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"manuals/reader/profile.ar.md:{line}: " in result.stderr and words in result.stderr, result.stderr


def test_the_build_refuses_live_markup_in_a_docs_page(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "docs/about.md:" in result.stderr and "<script> is not allowed" in result.stderr
    assert not (tmp_path / "site").exists()


def test_markdown_admonitions_code_and_local_pictures_pass(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    (project / "docs" / "images").mkdir()
    (project / "docs" / "images" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    step = project / "manuals" / "reader" / "profile.md"
    step.write_text(step.read_text(encoding="utf-8") + """
!!! tip
    Öva **högt**, gärna [med agenten](hello.md).

![Karta](../images/map.png) och [Arbetsförmedlingen](https://arbetsformedlingen.se/).

`<script>` i kod visas som text, och så här:

```html
<iframe src="https://example.org"></iframe>
```

A diagram's code is shown as code, as the site renders it (no diagram library is loaded):

```mermaid
graph TD; A-->B
```
""", encoding="utf-8")
    result = check(project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_carries_the_content_security_policy(site: Path, language: str) -> None:
    for path in (page_path(site, language), page_path(site, language, "reader", "profile"),
                 page_path(site, language, "reader", "print")):
        meta = parse(path).find("meta", http_equiv="Content-Security-Policy")
        assert meta.attrs["content"] == POLICY
        assert "<script>" not in path.read_text(encoding="utf-8")


def test_the_preview_s_live_reload_is_not_published(site: Path) -> None:
    """The preview loads its live reload from a file of the theme; a real build leaves it out."""
    assert (Path(__file__).parent.parent / "overrides" / "assets" / "onegoal" / "livereload.js").is_file()
    assert (site / "assets" / "onegoal" / "progress.js").is_file()
    assert not (site / "assets" / "onegoal" / "livereload.js").exists()
