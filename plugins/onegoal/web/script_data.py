"""What the page scripts read from a page, as JSON: the checklists whose ticks they keep, where
ticks under old names go, and what a shared link is made of."""

from __future__ import annotations

import json
from dataclasses import dataclass

from onegoal.content.model import Library, Manual, Step

CHECKLISTS_FOLDER = "assets/onegoal"


@dataclass(frozen=True)
class SiteFile:
    path: str  # from the site's root
    text: str


def checklist_ids(*steps: Step) -> str:
    """The checklist ids of steps as the page script reads them: {"<step slug>": [ids]}.

    Ticks are kept under these keys, which are the same in every language.
    """
    return json.dumps({step.slug: [item.id for item in step.source.checklist] for step in steps},
                      separators=(",", ":"))


def share_layout(manual: Manual) -> str:
    """What a shared link is made of and read against (share.js): the manual, its version, and
    its steps with their checklist ids, both in the manual's order, which the link's bits follow:
    {"manual": id, "version": v, "steps": [["<step>", [ids]], ...]}. A list, not a map: the
    order is the format."""
    steps = [[step.slug, [item.id for item in step.source.checklist]] for step in manual.steps]
    text = json.dumps({"manual": manual.id, "version": manual.version, "steps": steps}, separators=(",", ":"))
    # It stands in a template element: no "<" may start markup there, whatever a manual's version says.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def library_checklists(library: Library) -> str:
    """Every manual's steps and checklist ids, {"<manual>": {"<step>": [ids]}}: the ticks a
    progress file may bring in. Anything else in a file is not stored."""
    return json.dumps({manual.id: {step.slug: [item.id for item in step.source.checklist] for step in manual.steps}
                       for manual in library.manuals}, separators=(",", ":"))


def checklists_file(library: Library) -> SiteFile:
    """library_checklists as one file of the site, which the pages that import progress name:
    in each of them, every manual's checklists would make a manual's overview grow with the
    library. Its name stays the same from build to build: a page of an older build, open in a
    tab or kept offline, still finds it after a new build (the service worker keeps it with
    the pages and fetches it anew when a new build comes)."""
    return SiteFile(f"{CHECKLISTS_FOLDER}/checklists.json", library_checklists(library))


def library_moves(library: Library) -> str:
    """Where ticks kept under old names go, for the manuals that record moves:
    {"<manual>": {"steps": {"<old>": "<new>"}, "items": {"<step>/<old id>": "<step>/<new id>"}}}.

    Names hold no "/" (manual.yml writes an item as "step/id"), so the pairs stay short.
    """
    moves = {
        manual.id: {"steps": dict(manual.history.steps),
                    "items": {f"{step}/{old}": f"{new_step}/{new}"
                              for (step, old), (new_step, new) in manual.history.items.items()}}
        for manual in library.manuals
        if manual.history.steps or manual.history.items
    }
    return json.dumps(moves, separators=(",", ":"))
