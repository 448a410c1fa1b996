from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, sync_playwright

sys.path.insert(0, str(Path(__file__).parent))

from library_factory import write_docs, write_library  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"


REPO_URL = "https://github.com/example/onegoal"


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """A build as the publishing pipeline runs it: with the repository's address set (for the
    pages' edit links) and no site address unless the config names one."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ONEGOAL_REPO_URL": REPO_URL}
    env.pop("ONEGOAL_SITE_URL", None)
    return subprocess.run(
        [str(MKDOCS), "build", *(["--strict"] if strict else []), "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, check=False,
    )


def copy_project(target: Path, shipped: bool = True, pdf: bool = False) -> Path:
    """A copy of the site's setup (config and theme overrides) to build a test library: with
    the shipped docs and manuals, or with the fixture library's docs pages and an empty
    manuals folder for the test to fill. Without PDFs unless asked: that saves printing
    them in every test that builds."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", target / "overrides")
    if not pdf:
        config = target / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "  - onegoal:\n" in text
        config.write_text(text.replace("  - onegoal:\n", "  - onegoal:\n      pdf: false\n", 1), encoding="utf-8")
    if shipped:
        shutil.copytree(REPO / "docs", target / "docs")
        shutil.copytree(REPO / "manuals", target / "manuals")
    else:
        write_docs(target)
        (target / "manuals").mkdir()
    return target / "mkdocs.yml"


def fixture_project(target: Path, pdf: bool = False) -> Path:
    """The site's setup with the fixture library's manuals and docs (library_factory)."""
    config = copy_project(target, shipped=False, pdf=pdf)
    (target / "manuals").rmdir()
    write_library(target)
    return config


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, project: Callable[[Path], Path]) -> Path:
    """A site built once for the whole test run, by whichever worker (make test runs one per
    core) asks first; the others wait for it and read the same folder. `project` writes the
    project into the folder it is given and returns its mkdocs.yml."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return _build_site(tmp_path_factory.mktemp(name), project)
    shared = tmp_path_factory.getbasetemp().parent  # this run's, shared by its workers
    with open(shared / f"{name}.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        root = shared / name
        done = shared / f"{name}.built"
        if not done.exists():
            shutil.rmtree(root, ignore_errors=True)  # a worker that failed half-way
            _build_site(root, project)
            done.touch()
        return root / "site"


def _build_site(root: Path, project: Callable[[Path], Path]) -> Path:
    result = mkdocs_build(project(root / "project"), root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture library, built once for the whole test run."""
    return built_once(tmp_path_factory, "fixture", lambda folder: fixture_project(folder, pdf=True))


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped library, built once for the whole test run (its PDFs are the fixture's job)."""
    return built_once(tmp_path_factory, "shipped", copy_project)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that closes a connection before its answer is sent (a page left, a
        download given up) is no fault of the site's: the log would only hide the real ones."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` served over HTTP on this machine only; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built library served over HTTP on this machine only."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture()
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile with a phone's screen."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context
    context.close()
