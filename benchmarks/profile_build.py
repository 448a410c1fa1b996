"""Where a build's time goes: one build under the profiler, its costs by area.

    python benchmarks/profile_build.py                       the shipped library
    python benchmarks/profile_build.py --synthetic 8         8 synthetic manuals (build.py's)
    python benchmarks/profile_build.py --config path/mkdocs.yml

The build works in one process (processes: 1), its languages one after the other, so the
profile holds all its work. Prints the whole build's time under the profiler and the areas
that cost most, with their share of the build: the theme's templates (Jinja), Markdown, the i18n
plugin, MkDocs, the theme's plugins, each module of this project. An area is charged with the
time of its own functions and of the standard library's functions it calls (paths,
regular expressions, files, the HTML parser), shared among callers as the profile saw
them called. Then the functions with the most time of their own.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
from collections import Counter
from pathlib import Path

from build import REPO, site_config, synthetic_manuals, write_project
from onegoal.editors.settings import site_settings

AREAS = (
    ("/jinja2/", "theme templates (Jinja)"), ("/markupsafe/", "theme templates (Jinja)"),
    ("/markdown/", "Markdown"), ("/pymdownx/", "Markdown"),
    ("/mkdocs_static_i18n/", "i18n plugin"), ("/material/", "the theme's plugins"),
    ("/mkdocs/", "MkDocs"), ("/tinycss2/", "CSS parser (style sheet cut)"),
)


PYTHON = "Python itself, called from nowhere else"
Function = tuple[str, int, str]


def area_of(filename: str) -> str | None:
    """The area of a function's own file; None for the standard library and built-ins."""
    if "/onegoal/" in filename:
        return "onegoal " + filename.split("/onegoal/", 1)[1].removesuffix(".py")
    if filename.endswith(".html") or "/overrides/" in filename:
        return "theme templates (Jinja)"
    for marker, area in AREAS:
        if marker in filename:
            return area
    return None


def charged(stats: dict[Function, tuple]) -> Counter[str]:  # type: ignore[type-arg]
    """Each function's own time charged to its area, or to its callers' areas."""
    shares: dict[Function, dict[str, float]] = {}

    def share_of(function: Function) -> dict[str, float]:
        area = area_of(function[0])
        if area is not None:
            return {area: 1.0}
        if function not in shares:
            shares[function] = {PYTHON: 1.0}  # while its callers are worked out: a cycle ends here
            callers = stats[function][4]
            total = sum(timing[2] for timing in callers.values())
            if total:
                result: Counter[str] = Counter()
                for caller, timing in callers.items():
                    for area, part in share_of(caller).items():
                        result[area] += part * timing[2] / total
                shares[function] = dict(result)
        return shares[function]

    areas: Counter[str] = Counter()
    for function, (_, _, own, _, _) in stats.items():
        for area, part in share_of(function).items():
            areas[area] += own * part
    return areas


def profile(config_file: Path, top: int) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    onegoal = config.plugins.get("onegoal")
    if onegoal is not None:
        # The profiler sees this process only: the pages are judged and the languages built
        # here, one after the other, not side by side in forked processes.
        onegoal.config.processes = 1  # type: ignore[attr-defined]
    profiler = cProfile.Profile()
    profiler.enable()
    build(config)
    profiler.disable()
    stats = pstats.Stats(profiler)
    own = charged(stats.stats)  # type: ignore[attr-defined]
    total = sum(own.values())
    print(f"build under the profiler: {total:.2f} s")
    for area, seconds in own.most_common(top):
        print(f"  {seconds:7.2f} s  {seconds / total:5.1%}  {area}")
    print("functions with the most time of their own:")
    functions = sorted(stats.stats.items(), key=lambda item: -item[1][2])  # type: ignore[attr-defined]
    for (filename, line, name), (_, calls, tottime, _, _) in functions[:top]:
        print(f"  {tottime:7.2f} s  {calls:8d} calls  {name} ({short(filename)}:{line})")


def short(filename: str) -> str:
    for marker in ("site-packages/", "plugins/", "lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, metavar="MANUALS", help="a synthetic library of this many manuals")
    parser.add_argument("--config", type=Path, help="a project's mkdocs.yml")
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    languages = site_settings(REPO / "mkdocs.yml").languages
    with tempfile.TemporaryDirectory() as tmp:
        if args.config:
            config_file = args.config
        elif args.synthetic:
            manuals = synthetic_manuals(Path(tmp) / "manuals", args.synthetic, 20, languages)
            config_file = write_project(Path(tmp) / "project", site_config(languages), manuals)
        else:
            config_file = write_project(Path(tmp) / "project", site_config(languages), REPO / "manuals")
        profile(config_file, args.top)


if __name__ == "__main__":
    main()
