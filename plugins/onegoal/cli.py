"""`onegoal`: the editors' tools, on the same core as the site build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from .loader import load_library
from .problems import ContentError


class _SiteConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while skipping tags such as !ENV that only MkDocs resolves."""


_SiteConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_settings(config_file: Path) -> tuple[Path, list[str], str]:
    """Manuals folder, languages and source language as mkdocs.yml sets them."""
    with config_file.open(encoding="utf-8") as stream:
        config: dict[str, Any] = yaml.load(stream, Loader=_SiteConfigLoader) or {}
    plugins = {}
    for entry in config.get("plugins") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        plugins[name] = settings or {}
    manuals = config_file.parent / plugins.get("onegoal", {}).get("manuals_dir", "manuals")
    languages = plugins.get("i18n", {}).get("languages") or []
    locales = [lang["locale"] for lang in languages if lang.get("locale") != "null"]
    defaults = [lang["locale"] for lang in languages if lang.get("default")]
    source = defaults[0] if defaults else (config.get("theme") or {}).get("language", "en")
    return manuals, locales or [source], source


def check(args: argparse.Namespace) -> int:
    manuals, languages, source = site_settings(Path(args.config))
    try:
        library = load_library(manuals, languages, source)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    steps = sum(len(manual.steps) for manual in library.manuals)
    print(f"OK: {len(library.manuals)} manuals, {steps} steps, languages {', '.join(languages)}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="onegoal", description="Tools for the OneGoal manuals.")
    parser.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check every manual without building the site").set_defaults(run=check)
    args = parser.parse_args(argv)
    if not Path(args.config).is_file():
        print(f"{args.config}: not found. Run onegoal from the project folder or pass --config.", file=sys.stderr)
        return 2
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
