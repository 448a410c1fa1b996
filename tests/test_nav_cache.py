"""The navigation drawer's closed sections are rendered once, not on every page, and every
page reads exactly as with the theme's own navigation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from pathlib import Path

import material
from markupsafe import Markup

from conftest import REPO, fixture_project, mkdocs_build
from onegoal.web.nav_cache import NavCache

THEME_NAV = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
SITE_NAV = REPO / "overrides" / "partials" / "nav.html"


THEME_LOOP = """\
    {% for nav_item in nav.items %}
      {% set path = "__nav_" ~ loop.index %}
      {{ item.render(nav_item, path, 1) }}
    {% endfor %}
"""


def test_the_site_navigation_is_the_themes_but_for_the_loop_over_the_first_level() -> None:
    """A theme upgrade that changes its navigation fails here: copy it anew and keep the one change."""
    theme = THEME_NAV.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    site = SITE_NAV.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    assert site.replace("    {{ onegoal_nav_items(item.render, nav.items, page) }}\n", THEME_LOOP) == theme
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


def drawer_links(page: Path) -> list[str]:
    """Where the drawer's items on a built page lead, in order (its table of contents left out)."""
    text = page.read_text(encoding="utf-8")
    drawer = text[text.index('class="md-nav md-nav--primary"'):text.index('class="md-sidebar md-sidebar--secondary"')]
    drawer = re.sub(r'<nav class="md-nav md-nav--secondary".*?</nav>', "", drawer, flags=re.DOTALL)
    return re.findall(r'<a href="([^"]*)" class="md-nav__link', drawer)


def test_beyond_most_manuals_a_page_s_drawer_holds_its_own_manual_and_the_home_page_every_one(tmp_path: Path) -> None:
    """A library of more manuals than drawer_manuals (here 1, the fixture has three): a step's
    drawer lists its own manual's steps and the library's pages, not the other manuals; the
    home page lists every manual in its text."""
    config = fixture_project(tmp_path / "project")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - onegoal:\n", "  - onegoal:\n      drawer_manuals: -1\n", 1), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "option 'drawer_manuals': a number of 0 or more, not -1" in result.stderr
    config.write_text(text.replace("  - onegoal:\n", "  - onegoal:\n      drawer_manuals: 1\n", 1), encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    step = drawer_links(site / "en" / "guide" / "plan" / "index.html")
    assert step[:3] == ["../../", "../", "../start/"] and "../meet/" in step
    assert not [link for link in step if "reader/" in link or "staff/" in link]
    assert "../../glossary/" in step
    home = drawer_links(site / "en" / "index.html")
    assert "glossary/" in home and not [link for link in home if "guide/" in link or "reader/" in link]
    home_text = (site / "en" / "index.html").read_text(encoding="utf-8")
    for manual in ("guide/", "reader/", "corporate/staff/"):
        assert f'href="{manual}' in home_text


def test_beyond_most_manuals_the_first_level_keeps_the_pages_and_the_page_s_own_section() -> None:
    guide = Item(children=[Item("en/guide/"), Item("en/guide/plan/")])
    reader = Item(children=[Item("en/reader/"), Item("en/reader/hello/")])
    items = [Item("en/"), guide, reader, Item("en/about/")]
    bounded, render = NavCache(most_manuals=1), Renders()
    assert [part.split(" ")[0] for part in parts(bounded(render, items, page_in(reader, "en/reader/hello/")))] \
        == ["__nav_1", "__nav_3", "__nav_4"]
    assert [part.split(" ")[0] for part in parts(bounded(render, items, page_in(None, "en/")))] == ["__nav_1", "__nav_4"]
    assert [part.split(" ")[0] for part in parts(bounded(render, items, None))] == ["__nav_1", "__nav_4"]
    # Up to most_manuals, every manual as before.
    every = NavCache(most_manuals=2)
    assert len(parts(every(render, items, page_in(reader, "en/reader/hello/")))) == 4


@dataclass(eq=False)
class Item:
    url: str | None = None
    children: list[Item] = field(default_factory=list)
    ancestors: list[Item] = field(default_factory=list)


def page_in(section: Item | None, url: str) -> Item:
    return Item(url, ancestors=[section] if section else [])


class Renders:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, item: Item, path: str, level: int) -> Markup:
        self.count += 1
        return Markup(f"<li>{path} #{self.count}</li>")


def parts(drawer: Markup) -> list[str]:
    """Each item's rendering, as the fake theme above writes it: its path and which render it was."""
    return [part.strip().removeprefix("<li>") for part in str(drawer).split("</li>") if part.strip()]


def test_a_closed_section_is_rendered_once_per_depth_and_an_open_one_on_every_page() -> None:
    guide = Item(children=[Item("en/guide/"), Item("en/guide/plan/"), Item("en/guide/meet/")])
    reader = Item(children=[Item("en/reader/"), Item("en/reader/hello/"), Item("en/reader/profile/")])
    staff = Item(children=[Item("en/staff/hours/"), Item("en/staff/days/")])
    items = [guide, reader, staff]
    nav, render = NavCache(), Renders()
    first = parts(nav(render, items, page_in(guide, "en/guide/plan/")))
    assert [part.split(" ")[0] for part in first] == ["__nav_1", "__nav_2", "__nav_3"]
    # From any step of another manual its addresses read "../../reader/...": the same rendering.
    assert parts(nav(render, items, page_in(guide, "en/guide/meet/")))[1] == first[1]
    assert parts(nav(render, items, page_in(staff, "en/staff/hours/")))[1] == first[1]
    # The section that holds the page is rendered for it.
    again = parts(nav(render, items, page_in(guide, "en/guide/plan/")))
    assert again[0] != first[0] and again[1:] == first[1:]
    # One folder deeper: "../../../reader/...".
    assert parts(nav(render, items, page_in(None, "en/corporate/staff/hours/")))[1] != first[1]
    # Another language's page shares less of the address: "../../../en/reader/...".
    assert parts(nav(render, items, page_in(None, "ar/guide/plan/")))[1] != first[1]


class CountedNavCache(NavCache):
    def __init__(self) -> None:
        super().__init__()
        self.closed_looked_up = 0

    def closed(self, render: Any, section: Any, path: str, here: tuple[str, ...]) -> Markup:
        self.closed_looked_up += 1
        return super().closed(render, section, path, here)


def test_a_manual_s_next_page_costs_its_own_section_not_every_manual_s() -> None:
    """However many manuals the drawer lists, a page of the same manual as the last one
    renders its own section and its page links, and takes the closed ones as one run."""
    manuals = [Item(children=[Item(f"en/m{n}/"), Item(f"en/m{n}/a/"), Item(f"en/m{n}/b/")]) for n in range(40)]
    items = [Item("en/"), *manuals]
    nav, render = CountedNavCache(), Renders()
    first = parts(nav(render, items, page_in(manuals[7], "en/m7/a/")))
    assert nav.closed_looked_up == 39
    rendered, looked_up = render.count, nav.closed_looked_up
    second = parts(nav(render, items, page_in(manuals[7], "en/m7/b/")))
    assert (render.count, nav.closed_looked_up) == (rendered + 2, looked_up)  # the home page's link, the manual
    assert len(second) == len(items) and second[2:8] == first[2:8] and second[9:] == first[9:]
    assert second[8] != first[8]  # its own manual, open


def test_a_page_above_a_section_or_inside_its_folder_gets_its_own_addresses() -> None:
    """From the language's home page (en/) the section's addresses lie under the page itself;
    from a page inside the section's folder they are "../hello/", not "../../reader/hello/"."""
    manual = Item(children=[Item("en/reader/"), Item("en/reader/hello/")])
    nav, render = NavCache(), Renders()
    for url in ("en/", "en/", "", "en/reader/notes/", "en/reader/more/"):
        nav(render, [manual], page_in(None, url))
    assert render.count == 5
