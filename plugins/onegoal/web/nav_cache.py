"""The theme's navigation drawer, its closed sections rendered once, not on every page.

The theme renders the whole navigation of a language on every page of it, so a language of
n pages costs n x n renders of an item: the build grows with the square of the library. (With
the theme's navigation.prune, which mkdocs.yml turns on, a closed section is one link to its
first page, but still rendered on every page: fewer bytes, as many renders.) A
section that does not hold the page (closed in the drawer) renders the same on every page
except for its addresses, which the theme writes relative to the page (MkDocs'
get_relative_url): "../" for each folder of the page below the folder it shares with the
address, then the rest of the address. For a page whose folder is neither above an address
of the section nor inside the folder that holds them all, the folder it shares with every
address is the one it shares with that common folder. So such a section is rendered once
for each depth of page folder and length of shared folder, and reused; any other section as
the theme renders it: open, above the page, or holding the page's folder.

Which sections a page renders itself is looked up by the page's folder, and the closed ones
between them are taken as one run from the last pages that read them alike: a page costs
the same whatever the number of manuals beside its own.

In a library of more manuals than `most_manuals`, a page's drawer holds its own manual and
the library's pages (its home lists every manual): otherwise every page would name every
manual, and the site's bytes (and the build, which reads them) would still grow with the
square of the library, as would what a reader downloads on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

RenderItem = Callable[[Any, str, int], Markup]
Folder = tuple[str, ...]
RUNS_KEPT = 16
# What the theme's loop over the first level writes before and after each item.
LOOP_BEFORE, LOOP_AFTER = "\n      \n      ", "\n    "


@dataclass(frozen=True)
class Addresses:
    """Where a section's addresses lie."""

    above: frozenset[Folder]  # every folder that holds one of them, at any depth
    common: Folder  # the deepest folder that holds them all


class NavCache:
    """`onegoal_nav_items` in the theme's navigation: one per language build, so that nothing
    rendered for one language or one build reaches another."""

    def __init__(self, most_manuals: int | None = None) -> None:
        self.most_manuals = most_manuals  # None: every manual on every page
        self.rendered: dict[tuple[int, str, int, int], Markup] = {}
        self.addresses: dict[int, Addresses] = {}
        self.sections: list[Any] = []  # kept alive, so that no other section takes its id
        self.levels: dict[int, FirstLevel] = {}
        # The closed sections of the last pages: a manual's pages are built one after the
        # other and read the others' sections alike.
        self.runs: dict[tuple[int, Folder, tuple[int, ...]], tuple[str, ...]] = {}

    def __call__(self, render: RenderItem, items: Sequence[Any], page: Any) -> Markup:
        """The first level of the drawer on `page`, as the theme's loop over `items` renders it."""
        level = self.first_level(items)
        if self.most_manuals is not None and level.sections > self.most_manuals:
            return _as_loop(render(items[index], _path(index), 1) for index in sorted(level.pages | level.own(page)))
        if page is None:
            return _as_loop(render(item, _path(index), 1) for index, item in enumerate(items))
        here = folder_of(page.url)
        opened = level.opened(here, page)
        key = (len(here), here[:level.reach(here)], opened)
        if key not in self.runs:
            if len(self.runs) >= RUNS_KEPT:
                del self.runs[next(iter(self.runs))]
            self.runs[key] = self.closed_runs(render, items, opened, here)
        gaps = self.runs[key]
        parts = [gaps[0]]
        for index, gap in zip(opened, gaps[1:]):
            parts += [_as_loop([render(items[index], _path(index), 1)]), gap]
        return Markup("".join(parts))

    def closed_runs(self, render: RenderItem, items: Sequence[Any], opened: tuple[int, ...],
                    here: Folder) -> tuple[str, ...]:
        """The closed items before each opened one, and after the last, each run as one text."""
        bounds = [-1, *opened, len(items)]
        return tuple(_as_loop(self.closed(render, items[index], _path(index), here) for index in range(start + 1, end))
                     for start, end in zip(bounds, bounds[1:]))

    def closed(self, render: RenderItem, section: Any, path: str, here: Folder) -> Markup:
        """A section that neither holds the page nor lies under its folder: rendered once for
        each depth of page folder and length of folder it shares with the section's."""
        key = (id(section), path, len(here), shared_length(here, self.addresses_of(section).common))
        if key not in self.rendered:
            self.rendered[key] = render(section, path, 1)
        return self.rendered[key]

    def first_level(self, items: Sequence[Any]) -> FirstLevel:
        if id(items) not in self.levels:
            self.levels[id(items)] = FirstLevel(items, [self.addresses_of(item) if getattr(item, "children", None)
                                                        else None for item in items])
        return self.levels[id(items)]

    def addresses_of(self, section: Any) -> Addresses:
        if id(section) not in self.addresses:
            self.sections.append(section)
            found = [folder_of(url) for url in urls(section)]
            above = frozenset(folder[:end] for folder in found for end in range(len(folder) + 1))
            common = found[0] if found else ()
            for folder in found:
                common = common[:shared_length(common, folder)]
            self.addresses[id(section)] = Addresses(above, common)
        return self.addresses[id(section)]


class FirstLevel:
    """Which items of the drawer's first level a page renders itself, looked up by its folder
    instead of asked of every item on every page: the number of manuals times the number of
    pages would grow with the square of the library."""

    def __init__(self, items: Sequence[Any], addresses: Sequence[Addresses | None]) -> None:
        self.items = items  # kept alive, so that no other list takes its id
        self.position = {id(item): index for index, item in enumerate(items)}
        self.pages = frozenset(index for index, found in enumerate(addresses) if found is None)
        self.sections = len(items) - len(self.pages)  # the manuals
        self.above: dict[Folder, set[int]] = {}
        self.inside: dict[Folder, set[int]] = {}
        for index, found in enumerate(addresses):
            if found is not None:
                for folder in found.above:
                    self.above.setdefault(folder, set()).add(index)
                self.inside.setdefault(found.common, set()).add(index)
        self.prefixes = frozenset(folder[:end] for folder in self.inside for end in range(len(folder) + 1))

    def opened(self, here: Folder, page: Any) -> tuple[int, ...]:
        """The items rendered for this page alone: pages (one may be this one), the section
        that holds the page, those whose addresses lie under its folder, and those whose
        folder holds it."""
        found = set(self.pages) | self.above.get(here, set())
        for end in range(len(here) + 1):
            found |= self.inside.get(here[:end], set())
        return tuple(sorted(found | self.own(page)))

    def own(self, page: Any) -> set[int]:
        """The section of the first level that holds the page, if one does."""
        ancestors = page.ancestors if page is not None else []
        return {self.position[id(ancestors[-1])]} if ancestors and id(ancestors[-1]) in self.position else set()

    def reach(self, here: Folder) -> int:
        """How much of the page's folder the closed sections' addresses depend on: its longest
        beginning that begins some section's folder. Beyond it, the page's folder shares
        nothing more with any of them."""
        end = 0
        while end < len(here) and here[:end + 1] in self.prefixes:
            end += 1
        return end


def _path(index: int) -> str:
    """The theme's name for the item at `index` of the first level (its loop's "__nav_" ~ loop.index)."""
    return f"__nav_{index + 1}"


def _as_loop(rendered: Iterable[str]) -> Markup:
    """The items as the theme's loop writes them (partials/nav.html), its whitespace
    included: a page reads byte for byte as with the theme's own navigation."""
    return Markup("".join(f"{LOOP_BEFORE}{item}{LOOP_AFTER}" for item in rendered))


def urls(section: Any) -> Iterator[str]:
    for child in section.children or ():
        if getattr(child, "children", None):
            yield from urls(child)
        elif getattr(child, "url", None) is not None:
            yield child.url


def folder_of(url: str) -> Folder:
    """The folder the theme's relative addresses start from, as MkDocs' get_relative_url
    takes it: "en/a/" -> ("en", "a"), "en/a.html" -> ("en",)."""
    parts = [part for part in url.split("/") if part]
    if parts and not url.endswith("/") and "." in parts[-1]:
        parts.pop()
    return tuple(parts)


def shared_length(one: Folder, other: Folder) -> int:
    length = 0
    for mine, theirs in zip(one, other):
        if mine != theirs:
            break
        length += 1
    return length
