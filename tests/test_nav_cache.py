"""The navigation drawer's closed sections are rendered once, not on every page, and every
page reads exactly as with the theme's own navigation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import material
from markupsafe import Markup

from conftest import REPO, fixture_project, mkdocs_build
from onegoal.web.nav_cache import NavCache

THEME_NAV = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
SITE_NAV = REPO / "overrides" / "partials" / "nav.html"


def test_the_site_navigation_is_the_themes_but_for_the_line_that_renders_an_item() -> None:
    """A theme upgrade that changes its navigation fails here: copy it anew and keep the one change."""
    theme = THEME_NAV.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    site = SITE_NAV.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    assert site.replace("{{ onegoal_nav_item(item.render, nav_item, path, page) }}",
                        "{{ item.render(nav_item, path, 1) }}") == theme
    assert site != theme


def test_every_page_reads_as_with_the_themes_own_navigation(tmp_path: Path) -> None:
    built = {}
    for variant in ("cached", "theme"):
        config = fixture_project(tmp_path / variant)
        if variant == "theme":
            (tmp_path / variant / "overrides" / "partials" / "nav.html").unlink()
        result = mkdocs_build(config, tmp_path / f"site-{variant}")
        assert result.returncode == 0, result.stderr
        built[variant] = tmp_path / f"site-{variant}"
    pages = sorted(path.relative_to(built["theme"]) for path in built["theme"].rglob("*.html"))
    assert len(pages) > 50
    assert sorted(path.relative_to(built["cached"]) for path in built["cached"].rglob("*.html")) == pages
    for page in pages:
        cached = (built["cached"] / page).read_text(encoding="utf-8")
        assert cached == (built["theme"] / page).read_text(encoding="utf-8"), page
    # The drawer of a step lists the steps of the other manuals, closed.
    step = (built["cached"] / "en" / "guide" / "plan" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../reader/profile/"' in step


@dataclass(eq=False)
class Item:
    url: str | None = None
    children: list[Item] = field(default_factory=list)
    active: bool = False


class Renders:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, item: Item, path: str, level: int) -> Markup:
        self.count += 1
        return Markup(f"<li>{path} #{self.count}</li>")


def test_a_closed_section_is_rendered_once_per_depth_and_an_open_one_on_every_page() -> None:
    manual = Item(children=[Item("en/reader/"), Item("en/reader/hello/"), Item("en/reader/profile/")])
    other = Item(children=[Item("en/guide/"), Item("en/guide/plan/")], active=True)
    nav, render = NavCache(), Renders()
    first = nav(render, manual, "__nav_2", Item("en/guide/plan/"))
    # From any step of another manual its addresses read "../../reader/...".
    assert nav(render, manual, "__nav_2", Item("en/guide/meet/")) == first
    assert nav(render, manual, "__nav_2", Item("en/staff/hours/")) == first
    assert render.count == 1
    # One folder deeper: "../../../reader/...".
    assert nav(render, manual, "__nav_2", Item("en/corporate/staff/hours/")) != first
    # Another language's page shares less of the address: "../../../en/reader/...".
    assert nav(render, manual, "__nav_2", Item("ar/guide/plan/")) != first
    assert render.count == 3
    nav(render, other, "__nav_1", Item("en/guide/plan/"))
    nav(render, other, "__nav_1", Item("en/guide/meet/"))
    assert render.count == 5  # open: it holds the page


def test_a_page_above_a_section_or_inside_its_folder_gets_its_own_addresses() -> None:
    """From the language's home page (en/) the section's addresses lie under the page itself;
    from a page inside the section's folder they are "../hello/", not "../../reader/hello/"."""
    manual = Item(children=[Item("en/reader/"), Item("en/reader/hello/")])
    nav, render = NavCache(), Renders()
    nav(render, manual, "__nav_2", Item("en/"))
    nav(render, manual, "__nav_2", Item("en/"))
    nav(render, manual, "__nav_2", Item(""))
    nav(render, manual, "__nav_2", Item("en/reader/notes/"))
    nav(render, manual, "__nav_2", Item("en/reader/more/"))
    assert render.count == 5
