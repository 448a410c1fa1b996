"""A hostile pull request: each case is one change an attacker could make to the fixture
library. `onegoal check`, the build and the company's copy refuse every one, naming the
file (and line) to fix, with no traceback; nothing of it is published, and `onegoal new`
writes nothing outside the manual's folder.

The four groups: script on the site's own origin, files of the build machine, markup only
the rendered HTML shows, and names that are paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import fixture_project, mkdocs_build
from test_corporate import write_brand

ONEGOAL = Path(sys.executable).parent / "onegoal"
STEP = "manuals/reader/profile.ar.md"
CORPORATE_STEP = "manuals/corporate/staff/approval.en.md"
ABOUT = "docs/about.md"
SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">'


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Path], str]  # changes the project; returns where the refusal points (file:line)
    words: str                    # what the refusal says
    corporate: bool = False       # the company's copy reads the changed file too


def append(relative: str, markup: str, at: int = 0) -> Callable[[Path], str]:
    """`markup` added at the end of a file, after a blank line; refused at its line `at`."""
    def write(project: Path) -> str:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        path.write_text(f"{text}\n{markup}\n", encoding="utf-8")
        return f"{relative}:{text.count(chr(10)) + 2 + at}:"
    return write


def add_file(relative: str, content: str, also: Callable[[Path], str] | None = None) -> Callable[[Path], str]:
    """A new file in the pull request; refused by its path (or where `also` points)."""
    def write(project: Path) -> str:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return also(project) if also else f"{relative}:1:"
    return write


def too_long(relative: str) -> Callable[[Path], str]:
    """Thousands of lines of markup (judging each would make the check slow); refused where
    the text begins, after the front matter."""
    def write(project: Path) -> str:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\n<img src=x onerror=alert(1)>\n" * 1100, encoding="utf-8")
        return f"{relative}:{text.split(chr(10)).index('---', 1) + 2}:"
    return write


def svg(body: str) -> Callable[[Path], str]:
    return add_file("docs/images/drawing.svg", f"{SVG_HEAD}{body}</svg>\n")


def link(relative: str, target: str | Callable[[Path], Path]) -> Callable[[Path], str]:
    """A symbolic link in the pull request (git keeps links), in place of any file there."""
    def write(project: Path) -> str:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()
        os.symlink(target(project) if callable(target) else target, path)
        return f"{relative}:1:"
    return write


def replace_line(relative: str, old: str, new: str) -> Callable[[Path], str]:
    def write(project: Path) -> str:
        path = project / relative
        lines = path.read_text(encoding="utf-8").split("\n")
        number = next(index for index, line in enumerate(lines) if old in line)
        lines[number] = lines[number].replace(old, new)
        path.write_text("\n".join(lines), encoding="utf-8")
        return f"{relative}:{number + 1}:"
    return write


SCRIPT_ON_THE_SITE = [
    Case("html page in docs", add_file("docs/extra.html", "<script>localStorage.clear()</script>\n"),
         "files of this kind are not published"),
    Case("htm page in a docs folder", add_file("docs/more/page.htm", "<script>alert(1)</script>\n"),
         "files of this kind are not published"),
    Case("script file in docs", add_file("docs/assets/x.js", "localStorage.clear();\n"),
         "files of this kind are not published"),
    Case("style sheet in docs", add_file("docs/x.css", "body { display: none }\n"),
         "files of this kind are not published"),
    Case("xml file in docs", add_file("docs/feed.xml", "<x/>\n"), "files of this kind are not published"),
    Case("script tag with a slash and a file of the pull request",
         add_file("docs/assets/x.js", "alert(1);\n",
                  also=append(STEP, '<script/src="../../assets/x.js"></script>')),
         "<script> is not allowed"),
    Case("svg with a script", svg("<script>alert(1)</script>"), "the picture holds <script>"),
    Case("svg with an event attribute", svg('<rect width="9" height="9" onload="alert(1)"/>'),
         "the picture holds the attribute onload="),
    Case("svg with html inside", svg("<foreignObject><body>x</body></foreignObject>"),
         "the picture holds <foreignObject>"),
    Case("svg with a link", svg('<a xlink:href="javascript:alert(1)"><rect width="9" height="9"/></a>'),
         "the picture holds <a>"),
    Case("svg animation that sets an attribute", svg('<set attributeName="href" to="javascript:alert(1)"/>'),
         "the picture holds <set>"),
    Case("svg with entities", add_file("docs/images/drawing.svg",
                                       '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]>' + SVG_HEAD + "&x;</svg>"),
         "declares a document type or entities"),
    Case("svg that loads from another host", svg('<rect width="9" height="9" fill="url(https://example.org/f)"/>'),
         "a picture may only refer to its own parts"),
    Case("script in a docs page", append(ABOUT, "<script>alert(1)</script>"), "<script> is not allowed"),
]

FILES_OF_THE_MACHINE = [
    Case("docs page linked to the password file", link("docs/passwd.md", "/etc/passwd"), "is a symbolic link"),
    Case("picture linked to the environment", link("docs/images/env.png", "/proc/self/environ"),
         "is a symbolic link"),
    Case("docs folder linked to a system folder", link("docs/etc", "/etc"), "is a symbolic link"),
    Case("translation linked to the repository's settings", link(STEP, lambda project: project / ".git" / "config"),
         "is a symbolic link"),
    Case("glossary linked to a system file", link("manuals/glossary/terms.so.yml", "/etc/hostname"),
         "is a symbolic link"),
    Case("theme file linked to a system file", link("overrides/assets/onegoal/extra.js", "/etc/passwd"),
         "is a symbolic link", corporate=True),
    Case("corporate step linked to a system file", link(CORPORATE_STEP, "/etc/passwd"), "is a symbolic link",
         corporate=True),
    Case("translation linking out of the repository", append(STEP, "[Lösen](../../../../../../etc/passwd)"),
         "leads out of the docs folder"),
    Case("picture out of the repository", append(STEP, "![x](../../../../../../etc/x.png)"),
         "leads out of the docs folder"),
    Case("link from the server's root", append(STEP, "[x](/etc/passwd)"), "starts at the server's root"),
]

MARKUP_ONLY_THE_HTML_SHOWS = [
    Case("attribute list with an event", append(STEP, '## Rubrik {: onclick="alert(1)" }'),
         "the attribute onclick= runs code"),
    Case("attribute list with a script address", append(STEP, '[Länk](hello.md){: href="javascript:alert(1)" }'),
         "a javascript: address is not allowed"),
    Case("attribute list with a style", append(STEP, '## Rubrik {: style="display:none" }'),
         "the attribute style= is not allowed"),
    Case("picture tag with a slash and an event", append(STEP, "<img/src=x onerror=alert(1)>"),
         "the attribute onerror= runs code"),
    Case("svg tag with a slash and an event", append(STEP, "<svg/onload=alert(1)>"), "<svg> is not allowed"),
    Case("quoted > before an event", append(STEP, '<a title=">" onclick="alert(1)">x</a>'),
         "the attribute onclick= runs code"),
    Case("quoted < before an event", append(STEP, '<span title="<" onmouseover="alert(1)">x</span>'),
         "the attribute onmouseover= runs code"),
    Case("escaped backtick before a tag", append(STEP, r"\`<img src=x onerror=alert(1)>`"),
         "the attribute onerror= runs code"),
    Case("scheme hidden by a hex entity", append(STEP, '<a href="jav&#x61;script:alert(1)">x</a>'),
         "a javascript: address is not allowed"),
    Case("scheme hidden by a decimal entity", append(STEP, '<a href="&#106;avascript:alert(1)">x</a>'),
         "a javascript: address is not allowed"),
    Case("scheme split by a tab and a newline", append(STEP, '<a href=" java&#9;scr&#10;ipt:alert(1)">x</a>'),
         "a javascript: address is not allowed"),
    Case("scheme in capitals", append(STEP, "[x](JaVaScRiPt:alert(1))"), "a javascript: address is not allowed"),
    Case("data address", append(STEP, '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'),
         "a data: address is not allowed"),
    Case("another host by backslashes", append(STEP, r"![x](\\evil.example\x.png)"), "holds a backslash"),
    Case("another host by slash and backslash", append(STEP, r"![x](/\evil.example/x.png)"), "holds a backslash"),
    Case("markup in a details title", append(STEP, '??? note "<img src=x onerror=alert(1)>"\n    Text.'),
         "the attribute onerror= runs code"),
    Case("markup in an admonition title", append(STEP, '!!! tip "<script>alert(1)</script>"\n    Text.'),
         "<script> is not allowed"),
    Case("script after an unclosed code fence", append(STEP, "```\n<script>alert(1)</script>", at=1),
         "<script> is not allowed"),
    Case("event on details", append(STEP, '<details open ontoggle="alert(1)"><summary>x</summary></details>'),
         "the attribute ontoggle= runs code"),
    Case("frame with its own document", append(STEP, '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">'),
         "<iframe> is not allowed"),
    Case("math markup around a style", append(STEP, "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
         "<math> is not allowed"),
    Case("style sheet link", append(STEP, '<link rel="stylesheet" href="https://example.org/x.css">'),
         "<link> is not allowed"),
    Case("markup in the glossary", replace_line("manuals/glossary/terms.ar.yml", "text: ",
                                                "text: <img src=x onerror=alert(1)> "),
         "holds markup (<img>)"),
    Case("markup in a corporate translation", append(CORPORATE_STEP, "<img/src=x onerror=alert(1)>"),
         "the attribute onerror= runs code", corporate=True),
    Case("a page too long to judge in time", too_long(STEP), "lines long"),
]

CASES = SCRIPT_ON_THE_SITE + FILES_OF_THE_MACHINE + MARKUP_ONLY_THE_HTML_SHOWS


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project, written once; each case changes its own copy."""
    project = tmp_path_factory.mktemp("hostile") / "project"
    fixture_project(project)
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[remote]\n\ttoken = secret\n", encoding="utf-8")
    return project


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), *args], capture_output=True, text=True, check=False, cwd=project)


def test_the_corpus_covers_every_group() -> None:
    assert len(CASES) >= 40 and len(NAMES_THAT_ARE_PATHS) >= 5
    assert all(len(group) >= 5 for group in (SCRIPT_ON_THE_SITE, FILES_OF_THE_MACHINE, MARKUP_ONLY_THE_HTML_SHOWS))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_change_is_refused_and_never_published(template: Path, tmp_path: Path, case: Case) -> None:
    project = tmp_path / "project"
    shutil.copytree(template, project, symlinks=True)
    where = case.write(project)

    check = run(project, "check")
    assert check.returncode == 1 and "Traceback" not in check.stderr, check.stderr
    assert where in check.stderr and case.words in check.stderr, check.stderr

    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 1 and "Traceback" not in build.stderr, build.stderr
    assert where in build.stderr and case.words in build.stderr, build.stderr
    assert not (tmp_path / "site").exists()  # no page, search index or PDF of it

    if case.corporate:
        copy = run(project, "corporate", "--brand", str(write_brand(tmp_path / "brand")),
                   "--out", str(tmp_path / "site-corporate"))
        assert copy.returncode == 1 and "Traceback" not in copy.stderr, copy.stderr
        assert where in copy.stderr and case.words in copy.stderr, copy.stderr
        assert not (tmp_path / "site-corporate").exists() and not (tmp_path / "site-corporate.zip").exists()


def logo_outside(project: Path, brand: Path) -> str:
    secret = project.parent / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\nsecret")
    return str(secret)


BRAND_CASES = {
    "logo linked to a system file": lambda project, brand: os.symlink("/etc/passwd", brand / "logo.png") or "logo.png",
    "logo by an absolute path": logo_outside,
    "logo beyond the brand's folder": lambda project, brand: "../" + Path(logo_outside(project, brand)).name,
}


@pytest.mark.parametrize("name", list(BRAND_CASES))
def test_a_hostile_logo_is_refused(template: Path, tmp_path: Path, name: str) -> None:
    project = tmp_path / "project"
    shutil.copytree(template, project, symlinks=True)
    brand = write_brand(tmp_path / "brand")
    logo = BRAND_CASES[name](project, brand.parent)
    brand.write_text(brand.read_text(encoding="utf-8").replace("logo: logo.svg", f"logo: {logo}"), encoding="utf-8")
    copy = run(project, "corporate", "--brand", str(brand), "--out", str(tmp_path / "site-corporate"))
    assert copy.returncode == 1 and "Traceback" not in copy.stderr, copy.stderr
    assert "brand.yml:2: the logo" in copy.stderr and "lies outside the folder" in copy.stderr, copy.stderr
    assert not (tmp_path / "site-corporate").exists() and not (tmp_path / "site-corporate.zip").exists()


def test_a_brand_file_that_is_a_link_is_not_read(template: Path, tmp_path: Path) -> None:
    brand = write_brand(tmp_path / "brand")
    (tmp_path / "linked.yml").symlink_to(brand)
    copy = run(template, "corporate", "--brand", str(tmp_path / "linked.yml"), "--out", str(tmp_path / "out"))
    assert copy.returncode == 1 and "Traceback" not in copy.stderr
    assert "linked.yml:1: the brand file is a symbolic link" in copy.stderr, copy.stderr


NAMES_THAT_ARE_PATHS = {
    "up to the repository": ("new", "step", "reader", "Ny", "--name", "../../x"),
    "out of the repository": ("new", "step", "reader", "Ny", "--name", "../../../../tmp/y"),
    "an absolute path": ("new", "step", "reader", "Ny", "--name", "/tmp/onegoal-absolute"),
    "a sub-folder": ("new", "step", "reader", "Ny", "--name", "a/b"),
    "a backslash": ("new", "step", "reader", "Ny", "--name", "..\\x"),
    "300 characters": ("new", "step", "reader", "Ny", "--name", "a" * 300),
    "a title of 300 characters": ("new", "step", "reader", "Ny " * 100),
    "a manual folder out of the repository": ("new", "manual", "z", "--audience", "agent", "--folder", "../../../tmp"),
    "an absolute manual folder": ("new", "manual", "z", "--audience", "agent", "--folder", "/tmp"),
    "a manual id that is a path": ("new", "manual", "../z", "--audience", "agent"),
}


@pytest.mark.parametrize("name", list(NAMES_THAT_ARE_PATHS))
def test_new_writes_nothing_outside_the_manual(template: Path, tmp_path: Path, name: str) -> None:
    project = tmp_path / "deep" / "er" / "project"
    shutil.copytree(template, project, symlinks=True)
    before = {path for path in tmp_path.rglob("*")}
    result = run(project, *NAMES_THAT_ARE_PATHS[name])
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "cannot be a" in result.stderr or "at most 64" in result.stderr or "must be a folder inside" in result.stderr
    assert {path for path in tmp_path.rglob("*")} == before
    assert not Path("/tmp/onegoal-absolute.md").exists() and not Path("/tmp/z").exists()
