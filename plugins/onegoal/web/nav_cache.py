"""The theme's navigation drawer, its closed sections rendered once per folder of pages.

The theme renders the whole navigation of a language on every page of it, so a language of
n pages costs n x n renders of an item: the build grows with the square of the library. A
section that does not hold the page (closed in the drawer) renders the same on every page
except for its addresses, which the theme writes relative to the page. Those are the same
for every page in one folder when no address of the section lies under the page itself, so
such a section is rendered once per folder and reused; any other is rendered as the theme
renders it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from typing import Any

from markupsafe import Markup

RenderItem = Callable[[Any, str, int], Markup]


class NavCache:
    """`onegoal_nav_item` in the theme's navigation: one per language build, so that nothing
    rendered for one language or one build reaches another."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[int, str, str], Markup] = {}
        self.prefixes: dict[int, frozenset[str]] = {}
        self.sections: list[Any] = []  # kept alive, so that no other section takes its id

    def __call__(self, render: RenderItem, nav_item: Any, path: str, page: Any) -> Markup:
        if not getattr(nav_item, "children", None) or nav_item.active or page is None:
            return render(nav_item, path, 1)
        here = page_folder(page.url).strip("/")
        if here in self.prefixes_of(nav_item):
            return render(nav_item, path, 1)
        key = (id(nav_item), path, posixpath.dirname(here))
        if key not in self.rendered:
            self.sections.append(nav_item)
            self.rendered[key] = render(nav_item, path, 1)
        return self.rendered[key]

    def prefixes_of(self, section: Any) -> frozenset[str]:
        """Every folder that holds an address of the section: a page in one of them links into
        the section by a path that depends on more than its folder."""
        if id(section) not in self.prefixes:
            self.sections.append(section)
            self.prefixes[id(section)] = frozenset(
                prefix for url in addresses(section) for prefix in folders(page_folder(url))
            )
        return self.prefixes[id(section)]


def addresses(section: Any) -> Iterator[str]:
    for child in section.children or ():
        if getattr(child, "children", None):
            yield from addresses(child)
        elif getattr(child, "url", None) is not None:
            yield child.url


def page_folder(url: str) -> str:
    """The folder the theme's relative addresses start from (as MkDocs' get_relative_url)."""
    head, tail = posixpath.split(url)
    return head if "." in tail else url


def folders(url: str) -> Iterator[str]:
    """"en/a/b/" -> "", "en", "en/a", "en/a/b": the folder and every folder above it."""
    parts = [part for part in url.split("/") if part]
    for end in range(len(parts) + 1):
        yield "/".join(parts[:end])
