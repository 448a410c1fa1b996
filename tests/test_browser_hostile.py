"""A hostile pull request in a real browser: the cases the old check of the source text let
through (markup only the rendered HTML shows, script and HTML files of the pull request),
put in all at once. The build refuses them and the last good site stays; the preview goes
on with the last good pages and lists the problems. On neither does any of it run (a probe
that would set a marker on the page finds none), nor does the page ask another host for
anything."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from conftest import PHONE, fixture_project, mkdocs_build, serving
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from test_preview import previewing, watch_policy

PROBE = "document.documentElement.dataset.hostile=1"
STEP_MARKUP = f"""
<script/src="../../assets/x.js"></script>

<img/src=x onerror='{PROBE}'>

<svg/onload='{PROBE}'>

<img title=">" src=x onerror='{PROBE}'>

\\`<img src=x onerror='{PROBE}'>`

![x](missing.png){{: onerror="{PROBE}" }}

[Klicka](hello.md){{: href="javascript:{PROBE}" id="hostile-attribute-list" }}

<a id="hostile-entity" href="jav&#x61;script:{PROBE}">x</a>

![x](/\\evil.example/x.png)

??? note "<img src=x onerror='{PROBE}'>"
    Text.

```
<img src=x onerror='{PROBE}'>
"""
FILES = {
    "docs/extra.html": f"<!doctype html><p>x</p><script>{PROBE}</script>\n",
    "docs/images/drawing.svg": f'<svg xmlns="http://www.w3.org/2000/svg"><script>{PROBE}</script></svg>\n',
    "docs/assets/x.js": f"{PROBE};\n",
}
FILES_AT = ["/extra.html", "/images/drawing.svg", "/assets/x.js"]
ADDRESSES = ["/reader/profile/", "/about/", *FILES_AT]


def make_hostile(project: Path) -> None:
    step = project / "manuals" / "reader" / "profile.md"
    step.write_text(step.read_text(encoding="utf-8") + STEP_MARKUP, encoding="utf-8")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n<img/src=x onerror='{PROBE}'>\n", encoding="utf-8")
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")


def guarded(browser: Browser) -> tuple[BrowserContext, list[str]]:
    """A phone whose every request to a host but this machine is recorded and refused."""
    context = browser.new_context(viewport=PHONE)
    elsewhere: list[str] = []

    def route(route: Route) -> None:
        if urlsplit(route.request.url).hostname != "127.0.0.1":
            elsewhere.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", route)
    return context, elsewhere


def assert_nothing_runs(page: Page, base: str, check_page: Callable[[Page, str], None]) -> None:
    for address in ADDRESSES:
        response = page.goto(base + address)
        page.wait_for_load_state("load")
        if address in FILES_AT:  # files of the pull request are not published
            assert response is not None and response.status == 404, address
        for link in ("#hostile-attribute-list", "#hostile-entity"):
            if page.locator(link).count():
                page.locator(link).first.click()
        page.wait_for_timeout(300)
        assert page.evaluate("document.documentElement.dataset.hostile") is None, address
        check_page(page, address)


def test_the_built_site_keeps_its_last_good_pages(browser: Browser, tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    assert mkdocs_build(project / "mkdocs.yml", tmp_path / "site").returncode == 0
    make_hostile(project)
    refused = mkdocs_build(project / "mkdocs.yml", tmp_path / "site.new")
    assert refused.returncode == 1 and "manuals/reader/profile.md:" in refused.stderr
    assert not (tmp_path / "site.new").exists()

    def check_page(page: Page, address: str) -> None:
        if address == "/reader/profile/":
            expect(page.locator(".og-checklist")).to_be_visible()

    context, elsewhere = guarded(browser)
    with serving(tmp_path / "site") as base:
        page = context.new_page()
        violations = watch_policy(page)
        assert_nothing_runs(page, base, check_page)
        assert elsewhere == [] and violations == []
    context.close()


def test_the_preview_lists_the_problems_and_runs_none_of_it(browser: Browser, tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project").parent
    with previewing(project) as base:
        context, elsewhere = guarded(browser)
        page = context.new_page()
        violations = watch_policy(page)
        page.goto(base + "/reader/profile/")
        expect(page.locator(".og-checklist")).to_be_visible()
        make_hostile(project)
        problems = page.locator(".og-problems")
        expect(problems).to_be_visible(timeout=30_000)
        expect(problems).to_contain_text("manuals/reader/profile.md:")
        expect(problems).to_contain_text("docs/extra.html:1:")

        def check_page(page: Page, address: str) -> None:
            if address == "/reader/profile/":  # the last good text of the step
                expect(page.locator(".og-checklist")).to_be_visible()
                assert page.locator("details, img[src='x']").count() == 0
            if address == "/about/":  # the page's problems, not its markup
                expect(page.locator(".og-problems")).to_contain_text("docs/about.md:")
                assert page.locator("article img").count() == 0

        assert_nothing_runs(page, base, check_page)
        assert elsewhere == [] and violations == []
        context.close()
