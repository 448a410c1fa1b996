"""A company's own copy: built from a brand file, served by nginx under a sub-path with the
README's configuration and a strict Content-Security-Policy, used in Chromium."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import PHONE, REPO, fixture_project
from library_factory import fixture_library
from pdf_text import pages
from playwright.sync_api import Browser, Page, expect
from ui_strings import plugin_strings

ONEGOAL = Path(sys.executable).parent / "onegoal"
PREFIX = "/hr/onegoal/"
BRAND = """\
name: Testbolaget <AB>
logo: logo.svg
color: "#0b5394"
languages: [sv, en, ar]
contact:
  name: Kim Kontakt
  email: kim@testbolaget.se
  phone: "08-12 34 56"
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b5394"/></svg>\n'


def corporate(project: Path, brand: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ONEGOAL), "--config", str(project / "mkdocs.yml"), "corporate", "--brand", str(brand),
                           "--out", str(out)], capture_output=True, text=True, check=False, cwd=project)


def write_brand(folder: Path, text: str = BRAND) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    (folder / "brand.yml").write_text(text, encoding="utf-8")
    return folder / "brand.yml"


@pytest.fixture(scope="module")
def copy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corporate")
    fixture_project(root / "project", pdf=True)
    # A translation into a language the copy leaves out is left out with it, not refused.
    staff = root / "project" / "manuals" / "corporate" / "staff"
    (staff / "approval.uk.md").write_text((staff / "approval.en.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = corporate(root / "project", write_brand(root / "brand"), root / "site-corporate")
    assert result.returncode == 0, result.stderr
    assert (root / "site-corporate.zip").is_file()
    return root / "site-corporate"


@pytest.mark.parametrize(("edit", "line", "words"), [
    (("logo: logo.svg", "logo: missing.svg"), 2, "there is no file missing.svg"),
    (("[sv, en, ar]", "[sv, en, xx]"), 4, "'xx' is not a language"),
    (("[sv, en, ar]", "[en, ar]"), 4, "must include sv"),
    (('"#0b5394"', '"#ffdd00"'), 3, "Choose a darker colour"),
    (("  email: kim@testbolaget.se\n", "  email: kim\n"), 7, "must be an e-mail address"),
    (("contact:", "kontakt:"), 5, "Did you mean 'contact'"),
    (("name: Testbolaget <AB>", "name: [Testbolaget"), 1, "YAML syntax error"),
])
def test_a_wrong_brand_file_is_named_by_line(tmp_path: Path, edit: tuple[str, str], line: int, words: str) -> None:
    project = tmp_path / "project"
    fixture_project(project)
    brand = write_brand(tmp_path / "brand", BRAND.replace(*edit))
    result = corporate(project, brand, tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(rf"brand\.yml:{line}: .*{re.escape(words)}", result.stderr), result.stderr
    assert not (tmp_path / "out").exists()


def test_make_corporate_writes_the_copy_beside_the_project(tmp_path: Path) -> None:
    """As `make corporate BRAND=...` runs it: from the project's folder, with relative paths."""
    project = fixture_project(tmp_path / "project").parent
    write_brand(project / "brand")
    result = subprocess.run([str(ONEGOAL), "corporate", "--brand", "brand/brand.yml"], capture_output=True,
                            text=True, check=False, cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site-corporate" / "index.html").is_file() and (project / "site-corporate.zip").is_file()


def test_a_live_svg_logo_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    fixture_project(project)
    brand = write_brand(tmp_path / "brand")
    (tmp_path / "brand" / "logo.svg").write_text(LOGO.replace("<rect", "<script>alert(1)</script><rect"),
                                                 encoding="utf-8")
    result = corporate(project, brand, tmp_path / "out")
    assert result.returncode == 1 and "brand.yml:2: the SVG logo: the picture holds <script>" in result.stderr


def test_the_copy_holds_the_corporate_manuals_in_the_brand_s_languages(copy_dir: Path) -> None:
    corporate_manuals = [manual for manual in fixture_library().manuals if manual.corporate]
    others = [manual for manual in fixture_library().manuals if not manual.corporate]
    assert corporate_manuals and others
    for manual in corporate_manuals:
        assert (copy_dir / manual.url_path / "index.html").is_file()
    for manual in others:
        assert not (copy_dir / manual.url_path).exists()
    # The brand's languages besides the source, each in its folder with its manifest; no others.
    assert {path.parent.name for path in copy_dir.glob("*/manifest.webmanifest")} == {"en", "ar"}
    home = (copy_dir / "index.html").read_text(encoding="utf-8")
    assert "Testbolaget &lt;AB&gt;" in home and "<AB>" not in home
    assert "Kim Kontakt" in home and 'href="mailto:kim@testbolaget.se"' in home
    for page in copy_dir.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        logo = re.search(r'<img src="([^"]+/brand/logo\.svg)"', html)
        assert logo and (page.parent / logo.group(1)).resolve().is_file(), page


def test_the_copy_s_pdfs_carry_the_company_on_the_cover(copy_dir: Path) -> None:
    manual = next(manual for manual in fixture_library().manuals if manual.corporate)
    for prefix, language in (("", "sv"), ("ar/", "ar")):
        pdf = copy_dir / prefix / manual.url_path / "print" / f"onegoal-{manual.id}-{language}.pdf"
        assert "Testbolaget <AB>" in pages(pdf)[0].text


# -- served by nginx under a sub-path -------------------------------------------------------

def readme_nginx() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```nginx\n(.*?)```", readme, re.S)
    assert len(blocks) == 1, "the README gives one nginx configuration"
    return blocks[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(copy_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("nginx")
    www = root / "www"
    shutil.copytree(copy_dir, www / PREFIX.strip("/"))
    port = free_port()
    user = "user root;" if subprocess.run(["id", "-u"], capture_output=True, text=True).stdout.strip() == "0" else ""
    temp = " ".join(f"{name}_temp_path {root / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (root / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
pid {root / 'nginx.pid'};
error_log {root / 'error.log'};
events {{ }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    {temp}
    server {{
        listen 127.0.0.1:{port};
        {readme_nginx().replace('/srv/www', str(www))}
    }}
}}
""", encoding="utf-8")
    # Debian puts nginx in /usr/sbin, which a non-root PATH may lack.
    nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
    server = subprocess.Popen([nginx_binary, "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
                              stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + PREFIX, timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(timeout=10)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "base":
            self.base = values.get("href")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_every_page_and_file_answers_inside_the_sub_path(nginx: str, copy_dir: Path) -> None:
    seen: set[str] = set()
    queue = [nginx + PREFIX]
    pages_seen = 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, headers, body = fetch(url)
        assert status == 200, url
        assert "script-src 'self'" in headers.get("Content-Security-Policy", ""), url
        if not headers.get("Content-Type", "").startswith("text/html"):
            continue
        pages_seen += 1
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            if link.startswith(("mailto:", "tel:", "data:", "#")):
                continue
            target = urljoin(url, link).split("#")[0]
            assert target.startswith(nginx + PREFIX), f"{url} links out of the copy: {link}"
            queue.append(target)
    # Every page of the copy is reached by following links from its home page.
    assert pages_seen == len(list(copy_dir.rglob("index.html")))
    status, headers, _ = fetch(f"{nginx}{PREFIX}ar/manifest.webmanifest")
    assert status == 200 and headers["Content-Type"].startswith("application/manifest+json")


@pytest.mark.parametrize(("missing", "language"), [("no/such/page/", "sv"), ("ar/no/such/page/", "ar")])
def test_a_missing_page_is_a_404_in_its_language_with_working_links(nginx: str, missing: str,
                                                                     language: str) -> None:
    url = f"{nginx}{PREFIX}{missing}"
    status, headers, body = fetch(url)
    html = body.decode("utf-8")
    assert status == 404
    assert f'<html lang="{language}"' in html
    assert plugin_strings(language)["notfound.title"] in html
    parser = _Links()
    parser.feed(html)
    assert parser.base is not None
    base = urljoin(url, parser.base)
    for link in parser.links:
        if link.startswith(("mailto:", "tel:", "data:", "#")):
            continue
        target = urljoin(base, link)
        assert target.startswith(nginx + PREFIX), link
        assert fetch(target)[0] == 200, target


CSP_WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"""


def watched(browser: Browser) -> tuple[Page, list[str]]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    return page, problems


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_corporate_step_under_the_strict_policy(browser: Browser, nginx: str, language: str) -> None:
    manual = next(manual for manual in fixture_library().manuals if manual.corporate)
    step = manual.steps[0]
    folder = "" if language == "sv" else f"{language}/"
    url = f"{nginx}{PREFIX}{folder}{manual.url_path}/{step.slug}/"
    page, problems = watched(browser)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    # Ticks are kept.
    page.locator(".og-checklist__label").first.click()
    page.reload()
    expect(page.locator(".og-checklist__box").first).to_be_checked()
    # Search finds the step.
    page.locator("label[for='__search']").first.click()
    search = page.locator("input.md-search__input")
    search.fill(step.source.title if language == "sv" else manual.title.get(language, manual.title["en"]).split()[0])
    search.press("End")
    expect(page.locator(".md-search-result__item > a").first).to_be_visible(timeout=10_000)
    # The language switch keeps the step.
    page.keyboard.press("Escape")
    page.locator(".md-header__option .md-select").first.hover()
    other = "en" if language == "sv" else "sv"
    page.locator(f".md-select__link[hreflang='{other}']").click()
    other_folder = "" if other == "sv" else f"{other}/"
    page.wait_for_url(f"{nginx}{PREFIX}{other_folder}{manual.url_path}/{step.slug}/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []
    assert problems == []
    assert hosts <= {urlsplit(nginx).netloc}
    page.context.close()
