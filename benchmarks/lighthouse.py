"""Lighthouse 12 mobile scores for a step page of the built library.

    python benchmarks/lighthouse.py [site folder]    (default: site/, from `make site`)

Serves the built site gzip-compressed on 127.0.0.1 (serving.py), runs Lighthouse (pinned in benchmarks/lighthouse/,
installed with `npm ci` on first use) with its default mobile settings against Debian's
Chromium, and prints the category scores and the main timings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from serving import serve

HERE = Path(__file__).resolve().parent / "lighthouse"
PAGES = ["ar/candidate/profilen/", "candidate/profilen/"]
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
AUDITS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
          "speed-index", "total-byte-weight"]


def lighthouse() -> Path:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=HERE, check=True)
    return binary


def run(binary: Path, url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
                        f"--chrome-flags={CHROME_FLAGS}",
                        "--only-categories=performance,accessibility,best-practices,seo"],
                       env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True)
        return json.loads(report.read_text(encoding="utf-8"))


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "site"
    binary = lighthouse()
    server, base = serve(site)
    try:
        for page in PAGES:
            result = run(binary, base + page)
            scores = ", ".join(f"{c['title']} {round(c['score'] * 100)}" for c in result["categories"].values())
            print(f"Lighthouse {result['lighthouseVersion']} mobile, /{page}: {scores}")
            print("  " + ", ".join(f"{result['audits'][a]['title']} {result['audits'][a]['displayValue']}"
                                   for a in AUDITS))
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
