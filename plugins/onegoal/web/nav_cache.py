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
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

RenderItem = Callable[[Any, str, int], Markup]
Folder = tuple[str, ...]


@dataclass(frozen=True)
class Addresses:
    """Where a section's addresses lie."""

    above: frozenset[Folder]  # every folder that holds one of them, at any depth
    common: Folder  # the deepest folder that holds them all


class NavCache:
    """`onegoal_nav_item` in the theme's navigation: one per language build, so that nothing
    rendered for one language or one build reaches another."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[int, str, int, int], Markup] = {}
        self.addresses: dict[int, Addresses] = {}
        self.sections: list[Any] = []  # kept alive, so that no other section takes its id

    def __call__(self, render: RenderItem, nav_item: Any, path: str, page: Any) -> Markup:
        if not getattr(nav_item, "children", None) or nav_item.active or page is None:
            return render(nav_item, path, 1)
        here = folder_of(page.url)
        addresses = self.addresses_of(nav_item)
        shared = shared_length(here, addresses.common)
        if here in addresses.above or shared == len(addresses.common):
            return render(nav_item, path, 1)
        key = (id(nav_item), path, len(here), shared)
        if key not in self.rendered:
            self.rendered[key] = render(nav_item, path, 1)
        return self.rendered[key]

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
