"""Build-time benchmark: the OneGoal plugin against a plain Material + i18n build.

    python benchmarks/build.py              the shipped library, in all its languages
    python benchmarks/build.py --synthetic  50 manuals x 20 steps x 2 languages

Both modes build the same Markdown twice in the same run: once through the plugin,
once as plain pages (front matter turned into a heading) with no plugin, and print
both times, their ratio and each build's peak memory. Each build runs in its own
process, so one build's caches and the i18n plugin's state never help another.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from onegoal.editors.settings import site_settings  # noqa: E402
from onegoal.content.loader import load_library  # noqa: E402
from onegoal.content.model import Library  # noqa: E402
from onegoal.company.siteconfig import read_config, write_config  # noqa: E402


def time_one_build(config_file: str) -> None:
    """Child process: one build, print seconds and peak memory as JSON."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file)
    start = time.perf_counter()
    build(config)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def measure(config_file: Path, runs: int) -> dict[str, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--one", str(config_file)], env=env,
                             capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    return {"seconds": statistics.median(r["seconds"] for r in results),
            "peak_mb": max(r["peak_mb"] for r in results)}


def site_config(languages: list[str]) -> dict:
    config = read_config((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"] = [lang for lang in i18n["languages"] if lang["locale"] in languages]
    onegoal = next(p["onegoal"] for p in config["plugins"] if isinstance(p, dict) and "onegoal" in p)
    onegoal["fallbacks"] = {lang: chain for lang, chain in onegoal.get("fallbacks", {}).items()
                            if lang in languages and set(chain) <= set(languages)}
    onegoal["pdf"] = False  # the plain build prints no PDFs either; benchmarks/pdf.py measures them
    return config


def write_project(folder: Path, config: dict, manuals: Path | None, overrides: str = "") -> Path:
    """A copy of the site's project; `overrides` limits the theme overrides to one sub-folder."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "overrides" / overrides, folder / "overrides" / overrides)
    shutil.copytree(REPO / "docs", folder / "docs", dirs_exist_ok=True)
    if manuals is not None:
        shutil.copytree(manuals, folder / "manuals")
    config["site_dir"] = str(folder / "site")
    config_file = folder / "mkdocs.yml"
    config_file.write_text(write_config(config), encoding="utf-8")
    return config_file


def plain_project(folder: Path, library: Library, languages: list[str]) -> Path:
    """The same Markdown as plain pages, for Material + i18n alone.

    Of the theme overrides only the theme's UI strings stay: the theme has none of its
    own for some of the site's languages and cannot build them without ours.
    """
    config = site_config(languages)
    config["plugins"] = [p for p in config["plugins"] if p != "onegoal" and not (isinstance(p, dict) and "onegoal" in p)]
    # The i18n plugin as it comes: one shared search index, duplicates of the default removed.
    next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)["reconfigure_search"] = True
    config.pop("extra_javascript", None)
    config.pop("extra_css", None)
    config["theme"].pop("static_templates", None)
    config["theme"].pop("favicon", None)
    config_file = write_project(folder, config, None, overrides="partials/languages")
    docs = folder / "docs"
    for page in docs.rglob("*.md"):
        lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
        page.write_text("".join(line for line in lines if not line.startswith("template: onegoal/")), encoding="utf-8")
    for manual in library.manuals:
        for language in languages:
            suffix = "" if language == library.source_language else f".{language}"
            target = docs / manual.url_path
            target.mkdir(parents=True, exist_ok=True)
            title = manual.title.get(language, manual.title[library.source_language])
            (target / f"index{suffix}.md").write_text(f"# {title}\n", encoding="utf-8")
            for step in manual.steps:
                translation = step.translations.get(language)
                text = translation.text if translation else step.source
                (target / f"{step.slug}{suffix}.md").write_text(f"# {text.title}\n\n{text.body}", encoding="utf-8")
    return config_file


def synthetic_manuals(folder: Path, manuals: int, steps: int) -> Path:
    body = "## Vad händer och varför\n\n" + "Här står vad ni gör i steget och varför. " * 60 + "\n"
    body_en = "## What happens and why\n\n" + "This is what you do in the step and why. " * 60 + "\n"
    for m in range(1, manuals + 1):
        manual = folder / f"manual-{m:02d}"
        manual.mkdir(parents=True)
        (manual / "manual.yml").write_text(yaml.safe_dump({
            "id": manual.name, "audience": ["agent", "candidate", "company"][m % 3], "version": "1.0",
            "title": {"sv": f"Manual {m}", "en": f"Manual {m}"},
            "description": {"sv": "Syntetisk manual.", "en": "Synthetic manual."},
            "steps": [f"steg-{s}" for s in range(1, steps + 1)],
            "changelog": [{"version": "1.0", "date": "2026-11-27", "changes": {"sv": "Ny.", "en": "New."}}],
        }, allow_unicode=True).replace("'2026-11-27'", "2026-11-27"), encoding="utf-8")
        for s in range(1, steps + 1):
            checklist = [{"id": f"item-{i}", "text": f"Punkt {i}"} for i in range(1, 7)]
            front = {"title": f"Steg {s}", "summary": "Sammanfattning.", "duration": 60,
                     "who": "both", "version": 1, "goals": ["Mål ett", "Mål två"], "checklist": checklist}
            translated = {"source_version": 1, "title": f"Step {s}", "summary": "Summary.",
                          "goals": ["Goal one", "Goal two"],
                          "checklist": [{"id": c["id"], "text": f"Item {c['id']}"} for c in checklist]}
            (manual / f"steg-{s}.md").write_text(
                f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n{body}", encoding="utf-8")
            (manual / f"steg-{s}.en.md").write_text(
                f"---\n{yaml.safe_dump(translated, allow_unicode=True)}---\n{body_en}", encoding="utf-8")
    return folder


def compare(label: str, manuals_dir: Path, runs: int, languages: list[str]) -> None:
    library = load_library(manuals_dir, languages, "sv")
    pages = sum(len(m.steps) + 1 for m in library.manuals) * len(languages)
    with tempfile.TemporaryDirectory() as tmp:
        plugin_config = write_project(Path(tmp) / "plugin", site_config(languages), manuals_dir)
        plain_config = plain_project(Path(tmp) / "plain", library, languages)
        plain = measure(plain_config, runs)
        plugin = measure(plugin_config, runs)
    print(f"{label}: {len(library.manuals)} manuals, {pages} manual pages in {len(languages)} languages, "
          f"median of {runs} builds")
    print(f"  plain Material + i18n : {plain['seconds']:7.2f} s   peak {plain['peak_mb']:6.0f} MB")
    print(f"  with onegoal plugin   : {plugin['seconds']:7.2f} s   peak {plugin['peak_mb']:6.0f} MB")
    print(f"  ratio plugin / plain  : {plugin['seconds'] / plain['seconds']:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", action="store_true", help="50 manuals x 20 steps x 2 languages")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        time_one_build(args.one)
    elif args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            compare("synthetic library", synthetic_manuals(Path(tmp) / "manuals", 50, 20), args.runs, ["sv", "en"])
    else:
        compare("shipped library", REPO / "manuals", args.runs, site_settings(REPO / "mkdocs.yml").languages)


if __name__ == "__main__":
    main()
