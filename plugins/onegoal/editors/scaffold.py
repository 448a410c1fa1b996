"""New files for editors: a manual, a step, a translation, each passing `onegoal check`
as it stands, with every field filled in for the editor to write over.

The texts are returned, not written: the CLI writes them, and the site uses the
translation's text to start a new translation from a page's "edit" link.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

import yaml

from onegoal.content.model import Manual, Step
from onegoal.content.schema import ID_HINT, ID_RULE, RESERVED_STEP_NAMES

FIRST_STEP = ("Första steget", "forsta-steget")
# A name is part of a file name and an address: long enough for any title, short enough
# for every file system and a phone's address bar.
MAX_NAME = 64


class ScaffoldError(Exception):
    """The file cannot be made; the message says why and what to do."""


def slug_of(title: str) -> str:
    """A step name from a title: lowercase a-z and digits joined by hyphens (å, ä, ö -> a, a, o)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise ScaffoldError(f"'{title}' gives no step name: write the title with some letters a-z, or name "
                            "the step with --name.")
    if len(slug) > MAX_NAME:
        raise ScaffoldError(f"the title gives a step name of {len(slug)} characters; a name has at most "
                            f"{MAX_NAME}. Name the step with --name, like --name skriv-cv.")
    return slug


def checked_name(name: str, what: str) -> str:
    """`name` when it may name a file in its manual's folder; a path, `..` or anything else
    that is not a plain name could write elsewhere, so it is refused."""
    if len(name) > MAX_NAME:
        raise ScaffoldError(f"the {what} '{name[:20]}...' is {len(name)} characters long; a name has at most "
                            f"{MAX_NAME}. Choose a shorter one.")
    if not ID_RULE.match(name):
        raise ScaffoldError(f"'{name}' cannot be a {what}: {ID_HINT}. A name is not a path: no '/', '\\' or '..'.")
    if what == "step name" and name in RESERVED_STEP_NAMES:
        raise ScaffoldError(f"'{name}' is the name of a page the site makes itself: choose another step name.")
    return name


def checked_folder(folder: str) -> str:
    """A folder under the manuals folder, like 'corporate': plain names only, so that it
    stays inside it."""
    parts = folder.replace("\\", "/").split("/")
    if not all(ID_RULE.match(part) and len(part) <= MAX_NAME for part in parts):
        raise ScaffoldError(f"--folder '{folder}' must be a folder inside the manuals folder, named like "
                            "'corporate' (no '..', no absolute path).")
    return "/".join(parts)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as the editors' guide writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def manual_yml(manual_id: str, audience: str, source: str, today: datetime.date) -> str:
    title, slug = FIRST_STEP
    data = {
        "id": manual_id,
        "audience": audience,
        "version": "1.0",
        "status": "proposal",
        "title": {source: manual_id.replace("-", " ").capitalize()},
        "description": {source: "Skriv en eller två meningar om vem manualen är till för och vad den ger."},
        "steps": [slug],
        "changelog": [{"version": "1.0", "date": today, "changes": {source: "Första versionen."}}],
    }
    return _yaml(data)


def source_step(title: str) -> str:
    front = {
        "title": title,
        "summary": "Skriv i en mening vad steget handlar om.",
        "duration": 60,
        "who": "both",
        "version": 1,
        "status": "proposal",
        "goals": ["Skriv stegets första mål", "Skriv stegets andra mål"],
        "checklist": [{"id": f"task-{number}", "text": f"Skriv uppgift {number}"} for number in range(1, 5)],
    }
    return ("---\n" + _yaml(front) + "---\n\n## Vad händer och varför\n\nSkriv stegets text här. "
            "Använd rubriker på nivå 2 (## ...) för avsnitten.\n")


def translation(step: Step) -> str:
    """A translation of `step` to begin from: the source's words, to be written over,
    under the source's checklist ids, marked as a draft of the source's version."""
    text = step.source
    front = {
        "source_version": step.version,
        "draft": True,
        "title": text.title,
        "summary": text.summary,
        "goals": list(text.goals),
        "checklist": [{"id": item.id, "text": item.text} for item in text.checklist],
    }
    return "---\n" + _yaml(front) + "---\n" + text.body


def with_step(manual_yml_text: str, manual: Manual, slug: str, after: str | None) -> str:
    """manual.yml with `slug` in its list of steps: after `after`, or last."""
    names = [step.slug for step in manual.steps]
    if slug in names:
        raise ScaffoldError(f"{manual.id} already has a step named '{slug}'. Choose another title or --name.")
    if after is not None and after not in names:
        raise ScaffoldError(f"{manual.id} has no step '{after}'. Its steps: {', '.join(names)}.")
    anchor = after or names[-1]
    lines = manual_yml_text.splitlines(keepends=True)
    in_steps = False
    for index, line in enumerate(lines):
        if re.match(r"^steps:\s*$", line):
            in_steps = True
        elif in_steps and re.match(rf"^\s*- {re.escape(anchor)}\s*$", line):
            indent = re.match(r"^(\s*)", line)[1]
            lines.insert(index + 1, f"{indent}- {slug}\n")
            return "".join(lines)
        elif in_steps and line.strip() and not line.startswith((" ", "\t", "-")):
            in_steps = False
    raise ScaffoldError(f"the list of steps in {manual.id}/manual.yml could not be found: add '  - {slug}' "
                        "under 'steps:' yourself.")
