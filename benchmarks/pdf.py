"""What the PDFs cost a build of the shipped library: cold (nothing printed yet) and warm
(a rebuild with no change, every PDF taken from the cache), each against the same build
without PDFs, all in this run.

    python benchmarks/pdf.py [--runs 3]

The goal: a warm rebuild costs at most 10 % more than a build without PDFs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from onegoal.company.siteconfig import read_config, write_config  # noqa: E402
GOAL = 1.10


def project(folder: Path, pdf: bool) -> Path:
    """A copy of the library whose PDFs are cached in `folder`/.cache."""
    config = read_config((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    onegoal = next(p["onegoal"] for p in config["plugins"] if isinstance(p, dict) and "onegoal" in p)
    onegoal["pdf"] = pdf
    onegoal["manuals_dir"] = str(REPO / "manuals")
    onegoal["pdf_cache"] = str(folder / ".cache" / "pdf")
    config["docs_dir"] = str(REPO / "docs")
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config_file = folder / f"mkdocs-{'pdf' if pdf else 'plain'}.yml"
    config_file.write_text(write_config(config), encoding="utf-8")
    return config_file


def build(config_file: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site)],
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=REPO)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        plain, with_pdf = project(work, pdf=False), project(work, pdf=True)
        site = work / "site"
        cold, warm, without = [], [], []
        for _ in range(args.runs):
            shutil.rmtree(work / ".cache", ignore_errors=True)
            cold.append(build(with_pdf, site))
            warm.append(build(with_pdf, site))
            without.append(build(plain, site))
        pdfs = len(list((work / ".cache" / "pdf").glob("*.pdf")))
    base = statistics.median(without)
    print(f"Shipped library, {pdfs} PDFs, median of {args.runs} builds of each kind:")
    print(f"  without PDFs            {base:6.2f} s")
    print(f"  cold (print every PDF)  {statistics.median(cold):6.2f} s  ratio {statistics.median(cold) / base:.2f}")
    print(f"  warm (no change)        {statistics.median(warm):6.2f} s  ratio {statistics.median(warm) / base:.2f}"
          f"  (goal: at most {GOAL:.2f})")


if __name__ == "__main__":
    main()
