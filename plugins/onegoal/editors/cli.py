"""`onegoal`: the editors' tools, on the same core as the site build."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from onegoal.checks.pipeline import Content, load_content
from onegoal.checks.published import RevisionError, check_against, published
from onegoal.checks.rules import content_warnings
from onegoal.company.brand import read_brand
from onegoal.company.corporate import CopyFailed, build_copy
from onegoal.content.problems import ContentError, display_path
from onegoal.content.safe_paths import inside
from onegoal.content.side_by_side import cores
from onegoal.content.source_history import SourceHistory
from onegoal.content.translation import UNREVIEWED, UNREVIEWED_STATES, Fallbacks, Status
from onegoal.editors import scaffold
from onegoal.editors.report import FORMATS, status_report
from onegoal.editors.settings import SiteConfigError, site_settings
from onegoal.editors.translate import command as po_command


def load(args: argparse.Namespace) -> Content | None:
    """The library and glossary, checked as the build checks them, or None after printing
    every problem."""
    settings = site_settings(Path(args.config))
    try:
        return load_content(settings.manuals_dir, settings.docs_dir, settings.languages, settings.source_language,
                            Fallbacks(settings.fallbacks, settings.source_language), settings.markdown,
                            settings.audiences, theme_dirs=[settings.theme_dir] if settings.theme_dir else [],
                            processes=cores())
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return None


def check(args: argparse.Namespace) -> int:
    content = load(args)
    if content is None:
        return 1
    library = content.library
    settings = site_settings(Path(args.config))
    problems = []
    if args.against:
        try:
            before = published(Path(args.config).parent, args.against, settings.manuals_dir)
        except RevisionError as error:
            print(f"cannot read the published revision '{args.against}': {error}", file=sys.stderr)
            return 2
        problems = check_against(library, before, args.against)
    warnings = content_warnings(library, content.glossary, SourceHistory(settings.manuals_dir), settings.docs_dir)
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
    content = load(args)
    if content is None:
        return 1
    report = status_report(content.library, content.glossary)
    print(FORMATS[args.format](report))
    failing = {Status(state) for state in args.fail_on if state != UNREVIEWED}
    failing |= UNREVIEWED_STATES if UNREVIEWED in args.fail_on else set()
    found = sorted({state.value for row in report.rows for state in row.states.values() if state in failing})
    # Glossary explanations are read on every page: they pass the same gate.
    found += sorted({f"{state} glossary terms" for states in report.glossary.values() for state, count in states.items()
                     if count and Status(state) in failing})
    if found:
        print(f"Failing because of: {', '.join(found)}.", file=sys.stderr)
        return 1
    return 0


def new_manual(args: argparse.Namespace) -> int:
    settings = site_settings(Path(args.config))
    if args.audience not in settings.audiences:
        print(f"'{args.audience}' is not an audience of this site ({', '.join(settings.audiences)}; "
              "they are set in mkdocs.yml).", file=sys.stderr)
        return 2
    try:
        parents = [scaffold.checked_folder(args.folder)] if args.folder else []
        folder = settings.manuals_dir.joinpath(*parents, scaffold.checked_name(args.id, "manual id"))
    except scaffold.ScaffoldError as error:
        print(error, file=sys.stderr)
        return 2
    if folder.exists() or not inside(folder, settings.manuals_dir):
        print(f"{display_path(folder)}: already exists. Choose another id.", file=sys.stderr)
        return 2
    folder.mkdir(parents=True)
    title, slug = scaffold.FIRST_STEP
    (folder / "manual.yml").write_text(scaffold.manual_yml(args.id, args.audience, settings.source_language,
                                                           datetime.date.today()), encoding="utf-8")
    (folder / f"{slug}.md").write_text(scaffold.source_step(title), encoding="utf-8")
    print(f"Wrote {display_path(folder / 'manual.yml')} and {display_path(folder / f'{slug}.md')}.")
    return 0


def new_step(args: argparse.Namespace) -> int:
    content = load(args)
    if content is None:
        return 1
    library = content.library
    manual = library.find(args.manual)
    if manual is None:
        print(f"there is no manual '{args.manual}' ({', '.join(m.id for m in library.manuals)}).", file=sys.stderr)
        return 2
    try:
        slug = scaffold.checked_name(args.name, "step name") if args.name else scaffold.slug_of(args.title)
        manual_file = manual.path / "manual.yml"
        text = scaffold.with_step(manual_file.read_text(encoding="utf-8"), manual, slug, args.after)
    except scaffold.ScaffoldError as error:
        print(error, file=sys.stderr)
        return 2
    step_file = manual.path / f"{slug}.md"
    step_file.write_text(scaffold.source_step(args.title), encoding="utf-8")
    manual_file.write_text(text, encoding="utf-8")
    print(f"Wrote {display_path(step_file)} and added '{slug}' to the steps in {display_path(manual_file)}.")
    return 0


def new_translation(args: argparse.Namespace) -> int:
    content = load(args)
    if content is None:
        return 1
    library = content.library
    manual_path, _, slug = args.step.rpartition("/")
    manual = library.find(manual_path)
    step = next((step for step in manual.steps if step.slug == slug), None) if manual else None
    if step is None:
        print(f"there is no step '{args.step}'; name it as MANUAL/STEP, like candidate/profilen.", file=sys.stderr)
        return 2
    if args.language == library.source_language or args.language not in library.languages:
        print(f"'{args.language}' is not a language to translate into ({', '.join(library.languages[1:])}).",
              file=sys.stderr)
        return 2
    path = step.path.with_name(f"{step.slug}.{args.language}.md")
    if path.exists():
        print(f"{display_path(path)} already exists.", file=sys.stderr)
        return 2
    path.write_text(scaffold.translation(step), encoding="utf-8")
    print(f"Wrote {display_path(path)}: translate every text in it, keep the ids, and remove 'draft: true' "
          "once a native speaker has checked it.")
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
    allowed = [state.value for state in Status] + [UNREVIEWED]
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
                        help="exit 1 when any translation is in one of these states, e.g. outdated,missing; "
                        "'unreviewed' is draft or outdated, for a release")
    report.set_defaults(run=status)
    new = commands.add_parser("new", help="start a new manual, step or translation").add_subparsers(
        dest="what", required=True)
    manual = new.add_parser("manual", help="a manual with manual.yml and a first step")
    manual.add_argument("id", help="the manual's id and folder name, like 'mentor'")
    manual.add_argument("--audience", required=True, help="who it is for (the audiences in mkdocs.yml)")
    manual.add_argument("--folder", help="a folder under the manuals folder, like 'corporate'")
    manual.set_defaults(run=new_manual)
    step = new.add_parser("step", help="a step in Swedish, added to the manual's list of steps")
    step.add_argument("manual", help="the manual's id")
    step.add_argument("title", help="the step's title, in quotes")
    step.add_argument("--after", metavar="STEP", help="the step it follows (default: the last)")
    step.add_argument("--name", help="the step's name in its address (default: from the title)")
    step.set_defaults(run=new_step)
    translated = new.add_parser("translation", help="a translation of a step, to write over")
    translated.add_argument("step", help="MANUAL/STEP, like candidate/profilen")
    translated.add_argument("language", help="the language's code, like ar or fa-AF")
    translated.set_defaults(run=new_translation)
    company = commands.add_parser("corporate", help="a company's own copy of the corporate manuals")
    company.add_argument("--brand", required=True, help="the company's brand.yml (see the README)")
    company.add_argument("--out", default="site-corporate", help="where the copy goes (default: %(default)s)")
    company.set_defaults(run=corporate)
    po_command.add_parser(commands, load, site_settings)
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
