"""`onegoal translate export|import`: translations as PO files, for translators who work in
a PO editor (Poedit, Weblate, OmegaT) rather than in the Markdown files and git."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from onegoal.checks.pipeline import Content
from onegoal.content.problems import display_path
from onegoal.content.source_history import SourceHistory
from onegoal.editors.translate import po_files
from onegoal.editors.translate import po_import

DEFAULT_OUT = "po"


def add_parser(commands: Any, load: Callable[[argparse.Namespace], Content | None],
               settings: Callable[[Path], Any]) -> None:
    translate = commands.add_parser("translate", help="translations as PO files, for PO editors").add_subparsers(
        dest="how", required=True)
    out = translate.add_parser("export", help="write a language's PO files: one per manual, glossary and docs")
    out.add_argument("--lang", required=True, help="the language's code, like so or fa-AF")
    out.add_argument("--manual", help="only this manual's steps (default: every manual, the glossary and the docs)")
    out.add_argument("--out", default=DEFAULT_OUT, help="the folder for the PO files (default: %(default)s)")
    out.set_defaults(run=lambda args: export(args, load, settings))
    back = translate.add_parser("import", help="write translated PO files back into the translation files")
    back.add_argument("files", nargs="+", metavar="FILE.po")
    back.set_defaults(run=lambda args: import_files(args, load, settings))


def export(args: argparse.Namespace, load: Callable[[argparse.Namespace], Content | None],
           settings: Callable[[Path], Any]) -> int:
    content = load(args)
    if content is None:
        return 1
    library, site = content.library, settings(Path(args.config))
    if args.lang == library.source_language or args.lang not in library.languages:
        print(f"'{args.lang}' is not a language to translate into ({', '.join(library.languages[1:])}).",
              file=sys.stderr)
        return 2
    if args.manual is not None and library.find(args.manual) is None:
        print(f"there is no manual '{args.manual}' ({', '.join(m.id for m in library.manuals)}).", file=sys.stderr)
        return 2
    manual = library.find(args.manual).id if args.manual else None
    written = po_files.export(library, content.glossary, site.docs_dir, args.lang, Path(args.out),
                              Path(args.config).resolve().parent, manual, SourceHistory(site.manuals_dir))
    for path, count, fuzzy in written:
        print(f"Wrote {display_path(path)}: {count} entries, {fuzzy} fuzzy.")
    return 0


def import_files(args: argparse.Namespace, load: Callable[[argparse.Namespace], Content | None],
                 settings: Callable[[Path], Any]) -> int:
    content = load(args)
    if content is None:
        return 1
    site = settings(Path(args.config))
    history = SourceHistory(site.manuals_dir)
    failed = False
    for name in args.files:
        plan = po_import.plan(Path(name), content.library, content.glossary, site.docs_dir, history)
        for line, message in sorted(plan.problems):
            print(f"{name}:{line}: {message}", file=sys.stderr)
        if plan.problems:
            failed = True
            print(f"{name}: nothing written; fix the problems above and import it again.", file=sys.stderr)
            continue
        for path, text in plan.writes.items():
            path.write_bytes(text.encode("utf-8"))
            print(f"Wrote {display_path(path)}.")
        for note in plan.notes:
            print(f"{name}: {note}")
        if not plan.writes and not plan.notes:
            print(f"{name}: nothing changed.")
    return 1 if failed else 0
