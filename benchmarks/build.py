"""Build-time benchmark: the OneGoal plugin against a plain Material + i18n build.

    python benchmarks/build.py                      the shipped library, in all its languages
    python benchmarks/build.py --synthetic          50 manuals x 20 steps in the site's 7 languages
    python benchmarks/build.py --scale 1,2,4        the synthetic library at 1x, 2x and 4x its manuals
    python benchmarks/build.py --scale 1,2 --manuals 10 --runs 1   a quicker look
    python benchmarks/build.py --scale 1,2,4 --plain-at 1   plain Material only at 1x (its time
                                                    grows with the square of the pages: hours at 4x)
    python benchmarks/build.py --against ../other   also another checkout's plugin (its own
                                                    .venv, from its `make`): before and after
    python benchmarks/build.py --scale 1,2 --drawer-manuals 1000   every manual in every page's
                                                    drawer, however large the library

Every mode builds the same Markdown twice in the same run: once through the plugin,
once as plain pages (front matter turned into a heading) with no plugin, and prints
both times (median of --runs builds), their ratio and each build's peak memory; with
--scale also each size's time against the first size's. Each build runs in its own
process, so one build's caches and the i18n plugin's state never help another, and the
builds take turns, so that a machine that slows down during the run slows them alike.
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
from onegoal.adapter.config import OneGoalConfig  # noqa: E402


def time_one_build(config_file: str) -> None:
    """Child process: one build, print seconds and peak memory as JSON."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file)
    start = time.perf_counter()
    build(config)
    seconds = time.perf_counter() - start
    own, forked = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": seconds, "peak_mb": own.ru_maxrss / 1024, "forked_peak_mb": forked.ru_maxrss / 1024,
                      "cpu_seconds": own.ru_utime + own.ru_stime + forked.ru_utime + forked.ru_stime}))


def one_build(config_file: Path, checkout: Path) -> dict[str, float]:
    """One build in a process of its own, by `checkout`'s plugin (this one's, or another's)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    python = sys.executable if checkout == REPO else str(checkout / ".venv" / "bin" / "python")
    out = subprocess.run([python, str(checkout / "benchmarks" / "build.py"), "--one", str(config_file)], env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(configs: dict[str, tuple[Path, Path]], runs: int) -> dict[str, dict[str, float]]:
    """Each build (its config, the checkout that builds it) `runs` times, taking turns; the
    median time and the highest peak."""
    results: dict[str, list[dict[str, float]]] = {name: [] for name in configs}
    for _ in range(runs):
        for name, (config_file, checkout) in configs.items():
            results[name].append(one_build(config_file, checkout))
    return {name: {"seconds": statistics.median(r["seconds"] for r in found),
                   "cpu_seconds": statistics.median(r["cpu_seconds"] for r in found),
                   "peak_mb": max(r["peak_mb"] for r in found),
                   "forked_peak_mb": max(r["forked_peak_mb"] for r in found)} for name, found in results.items()}


def site_config(languages: list[str], drawer_manuals: int | None = None) -> dict:
    config = read_config((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"] = [lang for lang in i18n["languages"] if lang["locale"] in languages]
    onegoal = next(p["onegoal"] for p in config["plugins"] if isinstance(p, dict) and "onegoal" in p)
    onegoal["fallbacks"] = {lang: chain for lang, chain in onegoal.get("fallbacks", {}).items()
                            if lang in languages and set(chain) <= set(languages)}
    onegoal["pdf"] = False  # the plain build prints no PDFs either; benchmarks/pdf.py measures them
    if drawer_manuals is not None:
        onegoal["drawer_manuals"] = drawer_manuals
    return config


def drawer(config: dict, manuals: int) -> str:
    """What the plugin's drawer lists on each page (plain Material's lists every manual)."""
    onegoal = next(p["onegoal"] for p in config["plugins"] if isinstance(p, dict) and "onegoal" in p)
    most = onegoal.get("drawer_manuals", dict(OneGoalConfig._schema)["drawer_manuals"].default)
    return "every manual" if manuals <= most else f"a page's own manual (more than {most})"


def write_project(folder: Path, config: dict, manuals: Path | None, overrides: str = "",
                  checkout: Path = REPO) -> Path:
    """A copy of the site's project (its theme overrides and docs from `checkout`); `overrides`
    limits the theme overrides to one sub-folder."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    shutil.copytree(checkout / "overrides" / overrides, folder / "overrides" / overrides)
    shutil.copytree(checkout / "docs", folder / "docs", dirs_exist_ok=True)
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


SYNTHETIC_BODY = "## {heading}\n\n" + "{sentence} " * 60 + "\n"
# What a synthetic step says in each language: enough words of the right script that the
# translation checks have nothing to report.
SYNTHETIC_TEXT = {
    "sv": ("Vad händer och varför", "Här står vad ni gör i steget och varför."),
    "en": ("What happens and why", "This is what you do in the step and why."),
    "ar": ("ماذا يحدث ولماذا", "هنا ما تفعلانه في الخطوة ولماذا."),
    "fa-AF": ("چه اتفاق می‌افتد و چرا", "این‌جا آمده که در این گام چه می‌کنید و چرا."),
    "so": ("Maxaa dhacaya iyo sababta", "Halkan waxaa ku qoran waxa aad tallaabada ku sameyseen."),
    "ti": ("እንታይ ይኸውን ስለምንታይ", "ኣብዚ ስጉምቲ እንታይ ከም እትገብሩ ተጻሒፉ ኣሎ።"),
    "uk": ("Що відбувається і чому", "Тут написано, що ви робите на цьому кроці і чому."),
}


def synthetic_manuals(folder: Path, manuals: int, steps: int, languages: list[str]) -> Path:
    """`manuals` manuals of `steps` steps, each translated into every language at its source's version."""
    translations = [lang for lang in languages if lang != "sv"]
    for m in range(1, manuals + 1):
        manual = folder / f"manual-{m:03d}"
        manual.mkdir(parents=True)
        (manual / "manual.yml").write_text(yaml.safe_dump({
            "id": manual.name, "audience": ["agent", "candidate", "company"][m % 3], "version": "1.0",
            "title": {lang: f"Manual {m}" for lang in languages},
            "description": {lang: f"{SYNTHETIC_TEXT[lang][1]} {m}" for lang in languages},
            "steps": [f"steg-{s}" for s in range(1, steps + 1)],
            "changelog": [{"version": "1.0", "date": "2026-11-27",
                           "changes": {lang: SYNTHETIC_TEXT[lang][0] for lang in languages}}],
        }, allow_unicode=True).replace("'2026-11-27'", "2026-11-27"), encoding="utf-8")
        for s in range(1, steps + 1):
            write_synthetic_step(manual / f"steg-{s}", s, translations)
    return folder


def write_synthetic_step(stem: Path, number: int, translations: list[str]) -> None:
    ids = [f"item-{i}" for i in range(1, 7)]
    heading, sentence = SYNTHETIC_TEXT["sv"]
    front = {"title": f"Steg {number}", "summary": sentence, "duration": 60, "who": "both", "version": 1,
             "goals": [sentence, heading], "checklist": [{"id": i, "text": f"{sentence} {i}"} for i in ids]}
    body = SYNTHETIC_BODY.format(heading=heading, sentence=sentence)
    stem.with_suffix(".md").write_text(f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n{body}",
                                       encoding="utf-8")
    for lang in translations:
        heading, sentence = SYNTHETIC_TEXT[lang]
        translated = {"source_version": 1, "title": f"{heading} {number}", "summary": sentence,
                      "goals": [sentence, heading], "checklist": [{"id": i, "text": f"{sentence} {i}"} for i in ids]}
        body = SYNTHETIC_BODY.format(heading=heading, sentence=sentence)
        stem.with_name(f"{stem.name}.{lang}.md").write_text(
            f"---\n{yaml.safe_dump(translated, allow_unicode=True)}---\n{body}", encoding="utf-8")


def figures(build: dict[str, float]) -> str:
    """Wall time (what an editor waits), CPU time of every process, and peak memory."""
    return f"{build['seconds']:7.2f} s (CPU {build['cpu_seconds']:7.2f} s)   {peaks(build)}"


def peaks(build: dict[str, float]) -> str:
    """The build's process's peak; where it forked processes for languages, the largest of
    theirs too (they share the memory they had at the fork until either writes to it)."""
    forked = f" + {build['forked_peak_mb']:.0f} MB in a forked process" if build["forked_peak_mb"] else ""
    return f"peak {build['peak_mb']:6.0f} MB{forked}"


def compare(label: str, manuals_dir: Path, runs: int, languages: list[str],
            against: Path | None = None, plain: bool = True,
            drawer_manuals: int | None = None) -> dict[str, dict[str, float]]:
    library = load_library(manuals_dir, languages, "sv")
    pages = sum(len(m.steps) + 1 for m in library.manuals) * len(languages)
    config = site_config(languages, drawer_manuals)
    with tempfile.TemporaryDirectory() as tmp:
        configs = {"plugin": (write_project(Path(tmp) / "plugin", config, manuals_dir), REPO)}
        if plain:
            configs["plain"] = (plain_project(Path(tmp) / "plain", library, languages), REPO)
        if against is not None:
            configs["against"] = (write_project(Path(tmp) / "against", site_config(languages, drawer_manuals), manuals_dir,
                                                checkout=against), against)
        measured = measure(configs, runs)
    plugin = measured["plugin"]
    print(f"{label}: {len(library.manuals)} manuals, {pages} manual pages in {len(languages)} languages, "
          f"median of {runs} builds; the plugin's drawer lists {drawer(config, len(library.manuals))}")
    print(f"  with onegoal plugin   : {figures(plugin)}")
    if not plain:
        print("  plain Material + i18n : not built at this size (--plain-at)", flush=True)
        return measured
    plain_build = measured["plain"]
    print(f"  plain Material + i18n : {figures(plain_build)}")
    print(f"  ratio plugin / plain  : {plugin['seconds'] / plain_build['seconds']:7.2f}", flush=True)
    if against is not None:
        other = measured["against"]
        print(f"  {against.name}'s plugin : {figures(other)}")
        print(f"  ratio {against.name} / plain : {other['seconds'] / plain_build['seconds']:7.2f}", flush=True)
    return measured


def compare_scales(scales: list[int], manuals: int, steps: int, runs: int, languages: list[str],
                   plain_at: list[int] | None, drawer_manuals: int | None) -> None:
    """The synthetic library at each scale; each size's time against the first size's."""
    results = []
    for scale in scales:
        with tempfile.TemporaryDirectory() as tmp:
            folder = synthetic_manuals(Path(tmp) / "manuals", manuals * scale, steps, languages)
            plain = plain_at is None or scale in plain_at
            results.append((scale, compare(f"synthetic library at {scale}x", folder, runs, languages, plain=plain,
                                           drawer_manuals=drawer_manuals)))
    first_scale, first = results[0]
    print(f"growth against {first_scale}x (time ratio / size ratio):")
    for scale, result in results:
        size = scale / first_scale
        for build in ("plain", "plugin"):
            if build not in result or build not in first:
                continue
            grown = result[build]["seconds"] / first[build]["seconds"]
            print(f"  {scale}x {build:6}: {grown:5.2f} / {size:4.1f}   {peaks(result[build])}")
    for (small, a), (large, b) in zip(results, results[1:]):
        print(f"  {small}x -> {large}x plugin: {b['plugin']['seconds'] / a['plugin']['seconds']:5.2f} "
              f"for {large / small:.1f} times the manuals")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", action="store_true", help="the synthetic library once")
    parser.add_argument("--scale", help="the synthetic library at these multiples of --manuals, e.g. 1,2,4")
    parser.add_argument("--manuals", type=int, default=50, help="manuals of the synthetic library at 1x")
    parser.add_argument("--steps", type=int, default=20, help="steps of each synthetic manual")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout of this project, built with its own .venv")
    parser.add_argument("--plain-at", help="with --scale: build plain Material only at these multiples, e.g. 1")
    parser.add_argument("--drawer-manuals", type=int,
                        help="the plugin's drawer_manuals (default: mkdocs.yml's); plain Material lists every manual")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    languages = site_settings(REPO / "mkdocs.yml").languages
    if args.one:
        time_one_build(args.one)
    elif args.synthetic or args.scale:
        scales = [int(scale) for scale in (args.scale or "1").split(",")]
        plain_at = [int(scale) for scale in args.plain_at.split(",")] if args.plain_at else None
        compare_scales(scales, args.manuals, args.steps, args.runs, languages, plain_at, args.drawer_manuals)
    else:
        compare("shipped library", REPO / "manuals", args.runs, languages, args.against,
                drawer_manuals=args.drawer_manuals)


if __name__ == "__main__":
    main()
