"""The preview's speed: seconds from saving a step to the changed page being served by
`make serve` (median of 5 saves), next to a full build of the library.

    python benchmarks/preview.py [--language sv]

The preview rebuilds only its language; the goal is under one second.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from onegoal.editors.settings import site_settings  # noqa: E402
from onegoal.content.loader import load_library  # noqa: E402

SAVES = 5


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", default="sv")
    args = parser.parse_args()
    settings = site_settings(REPO / "mkdocs.yml")
    library = load_library(settings.manuals_dir, settings.languages, settings.source_language)
    manual = library.manuals[0]
    step = manual.steps[0]
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        for name in ("mkdocs.yml", "overrides", "docs", "manuals"):
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, work / name)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ONEGOAL_PREVIEW_LANGUAGE": args.language}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "full")], cwd=work,
                       check=True, env={**env, "ONEGOAL_PREVIEW_LANGUAGE": ""}, capture_output=True)
        full = time.perf_counter() - start
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                                  cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        prefix = "" if args.language == library.source_language else f"{args.language}/"
        url = f"http://127.0.0.1:{port}/{prefix}{manual.url_path}/{step.slug}/"
        source = step.path if args.language == library.source_language else step.translations[args.language].path
        file = work / source.relative_to(REPO)
        try:
            deadline = time.monotonic() + 120
            while "og-step" not in page_text(url):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the preview did not start")
                time.sleep(0.2)
            times = []
            for save in range(SAVES):
                marker = f"preview-marker-{save}-{time.time_ns()}"
                time.sleep(1.0)  # let the watcher settle after the last rebuild
                file.write_text(file.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
                saved = time.perf_counter()
                while marker not in page_text(url):
                    if time.perf_counter() - saved > 60:
                        raise SystemExit("the changed page never came")
                    time.sleep(0.02)
                times.append(time.perf_counter() - saved)
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"Preview of '{args.language}': save to changed page served, median of {SAVES}: "
          f"{statistics.median(times):.2f} s (each: {', '.join(f'{t:.2f}' for t in times)}; goal: under 1 s)")
    print(f"A full build of the library (every language, with its PDFs printed): {full:.2f} s")


if __name__ == "__main__":
    main()
