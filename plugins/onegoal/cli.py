"""`onegoal`: the editors' tools, on the same core as the site build."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .brand import read_brand
from .corporate import CopyFailed, build_copy
from .links import check_links
from .loader import load_library
from .model import AUDIENCES, Library
from .problems import ContentError
from .published import RevisionError, check_against, published
from .rules import content_warnings
from .report import FORMATS, status_report
from .translation import Fallbacks, Status


class _SiteConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while skipping tags such as !ENV that only MkDocs resolves."""


_SiteConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteSettings:
    manuals_dir: Path
    languages: list[str]
    source_language: str
    fallbacks: dict[str, list[str]]
    docs_dir: Path
    audiences: list[str]


class SiteConfigError(Exception):
    """mkdocs.yml cannot be read as the site's settings."""


def site_settings(config_file: Path) -> SiteSettings:
    """What mkdocs.yml says about the manuals: folder, languages, source, fallbacks."""
    try:
        return _site_settings(config_file)
    except yaml.YAMLError as error:
        raise SiteConfigError(f"{config_file}: cannot be read as YAML: {error}") from None
    except (AttributeError, KeyError, TypeError) as error:
        raise SiteConfigError(f"{config_file}: the i18n or onegoal plugin settings are not as "
                              f"expected ({error!r}); run `mkdocs build` for details.") from None


def _site_settings(config_file: Path) -> SiteSettings:
    with config_file.open(encoding="utf-8") as stream:
        config: dict[str, Any] = yaml.load(stream, Loader=_SiteConfigLoader) or {}
    plugins = {}
    for entry in config.get("plugins") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        plugins[name] = settings or {}
    onegoal = plugins.get("onegoal", {})
    manuals = config_file.parent / onegoal.get("manuals_dir", "manuals")
    languages = plugins.get("i18n", {}).get("languages") or []
    locales = [lang["locale"] for lang in languages if lang.get("locale") != "null"]
    defaults = [lang["locale"] for lang in languages if lang.get("default")]
    source = defaults[0] if defaults else (config.get("theme") or {}).get("language", "en")
    return SiteSettings(manuals, locales or [source], source, onegoal.get("fallbacks") or {},
                        config_file.parent / config.get("docs_dir", "docs"),
                        onegoal.get("audiences") or list(AUDIENCES))


def load(args: argparse.Namespace, links: bool = False) -> Library | None:
    """The library, or None after printing every problem; with `links`, its links checked too."""
    settings = site_settings(Path(args.config))
    try:
        library = load_library(settings.manuals_dir, settings.languages, settings.source_language,
                               settings.audiences)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return None
    if links:
        problems = check_links(library, settings.docs_dir, Fallbacks(settings.fallbacks, settings.source_language))
        if problems:
            print(ContentError(problems).report(), file=sys.stderr)
            return None
    return library


def check(args: argparse.Namespace) -> int:
    library = load(args, links=True)
    if library is None:
        return 1
    problems = []
    if args.against:
        settings = site_settings(Path(args.config))
        try:
            before = published(Path(args.config).parent, args.against, settings.manuals_dir)
        except RevisionError as error:
            print(f"cannot read the published revision '{args.against}': {error}", file=sys.stderr)
            return 2
        problems = check_against(library, before, args.against)
    warnings = content_warnings(library)
    if problems:
        print(ContentError(problems).report(), file=sys.stderr)
    for warning in sorted(warnings):
        print(warning, file=sys.stderr)
    if problems or (args.strict and warnings):
        if args.strict and warnings and not problems:
            print(f"{len(warnings)} warnings, which --strict makes errors.", file=sys.stderr)
        return 1
    steps = sum(len(manual.steps) for manual in library.manuals)
    print(f"OK: {len(library.manuals)} manuals, {steps} steps, languages {', '.join(library.languages)}.")
    return 0


def status(args: argparse.Namespace) -> int:
    library = load(args)
    if library is None:
        return 1
    report = status_report(library)
    print(FORMATS[args.format](report))
    failing = {Status(state) for state in args.fail_on}
    found = sorted({state.value for row in report.rows for state in row.states.values() if state in failing})
    if found:
        print(f"Failing because of: {', '.join(found)}.", file=sys.stderr)
        return 1
    return 0




def corporate(args: argparse.Namespace) -> int:
    settings = site_settings(Path(args.config))
    try:
        brand = read_brand(Path(args.brand), settings.languages, settings.source_language)
        zipped = build_copy(Path(args.config), brand, settings.source_language, Path(args.out))
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except CopyFailed as error:
        print(f"{error}\nThe copy was not built; {args.out}/ is as it was.", file=sys.stderr)
        return 1
    print(f"{brand.name}'s copy: {args.out}/ and {zipped.name}, in {', '.join(brand.languages)}.")
    return 0


def state_list(value: str) -> list[str]:
    states = [state.strip() for state in value.split(",") if state.strip()]
    allowed = [state.value for state in Status]
    for state in states:
        if state not in allowed:
            raise argparse.ArgumentTypeError(f"'{state}' is not a state; use {', '.join(allowed)}")
    return states


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="onegoal", description="Tools for the OneGoal manuals.")
    parser.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="check every manual without building the site")
    checking.add_argument("--against", metavar="REF", help="a git revision whose published step names and "
                          "checklist ids must still exist or be recorded as moved or withdrawn")
    checking.add_argument("--strict", action="store_true", help="the content rules' warnings fail the check too")
    checking.set_defaults(run=check)
    report = commands.add_parser("status", help="the state of every translation: manual x step x language")
    report.add_argument("--format", choices=sorted(FORMATS), default="text")
    report.add_argument("--fail-on", type=state_list, default=[], metavar="STATES",
                        help="exit 1 when any translation is in one of these states, e.g. outdated,missing")
    report.set_defaults(run=status)
    company = commands.add_parser("corporate", help="a company's own copy of the corporate manuals")
    company.add_argument("--brand", required=True, help="the company's brand.yml (see the README)")
    company.add_argument("--out", default="site-corporate", help="where the copy goes (default: %(default)s)")
    company.set_defaults(run=corporate)
    args = parser.parse_args(argv)
    if not Path(args.config).is_file():
        print(f"{args.config}: not found. Run onegoal from the project folder or pass --config.", file=sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except SiteConfigError as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
