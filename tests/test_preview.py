"""The preview (`make serve`): one language rebuilt, and a content error shown in the
browser as a page listing the problems, which recovers by itself once the file is fixed."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from conftest import PHONE, fixture_project, mkdocs_build
from html_page import parse
from test_build import resolve
from library_factory import edit
from playwright.sync_api import Browser, Page, expect



def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_preview_builds_only_its_language_and_the_source(tmp_path: Path) -> None:
    config = fixture_project(tmp_path / "project")
    os.environ["ONEGOAL_PREVIEW_LANGUAGE"] = "ar"
    try:
        result = mkdocs_build(config, tmp_path / "site")
    finally:
        del os.environ["ONEGOAL_PREVIEW_LANGUAGE"]
    assert result.returncode == 0, result.stderr
    built = {path.parts[-4] for path in (tmp_path / "site").glob("*/reader/profile/index.html")}
    assert built == {"ar"}
    # The source's pages, which the i18n plugin builds as the site's root, only lead there.
    stub = tmp_path / "site" / "reader" / "profile" / "index.html"
    root = parse(stub)
    assert not root.find_all(cls="og-checklist")
    assert resolve(stub, root.find("a").attrs["href"]) == tmp_path / "site" / "ar" / "reader" / "profile" / "index.html"


@contextlib.contextmanager
def previewing(project: Path, language: str = "sv", review: bool = False) -> Iterator[str]:
    """`make serve` of `project` (`make serve REVIEW=1` with `review`), as an editor runs it;
    yields its address once it answers."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ONEGOAL_PREVIEW_LANGUAGE": language,
           "ONEGOAL_REVIEW": language if review else ""}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=2)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "the preview did not start"
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_content_error_shows_in_the_browser_and_recovers(browser: Browser, tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    with previewing(project) as url:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        violations = watch_policy(page)
        page.goto(url + "/reader/profile/")
        expect(page.locator("h1")).to_be_visible()
        step = project / "manuals" / "reader" / "profile.md"
        edit(step, "duration: 90", "duration: ninety")
        problems = page.locator(".og-problems")
        expect(problems).to_be_visible(timeout=20_000)
        expect(problems).to_contain_text("manuals/reader/profile.md:4: 'duration' must be a whole number")
        edit(step, "duration: ninety", "duration: 90")
        expect(problems).to_have_count(0, timeout=20_000)
        expect(page.locator(".og-checklist")).to_be_visible()
        # The live reload that did this is a file, under the site's own policy.
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        assert violations == []
        context.close()


def watch_policy(page: Page) -> list[str]:
    """What the page's Content-Security-Policy refuses, as the browser reports it."""
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    return violations
