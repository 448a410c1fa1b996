"""The built fixture library: every step page in every language, the home and overview pages."""

from __future__ import annotations

import dataclasses
import json
from html import escape as html_escape
from pathlib import Path

import pytest
from conftest import REPO
from html_page import Element, parse
from library_factory import fixture_library
from ui_strings import fill, plugin_strings

from onegoal.editors.settings import site_settings
from onegoal.content.model import Library, Manual, Step
from onegoal.content.translation import Fallbacks, direction
from onegoal.web.script_data import checklists_file

SETTINGS = site_settings(REPO / "mkdocs.yml")
LANGUAGES = SETTINGS.languages
SOURCE = SETTINGS.source_language
FALLBACKS = Fallbacks(SETTINGS.fallbacks, SOURCE)


def load() -> Library:
    return fixture_library()


@pytest.fixture(scope="module")
def library() -> Library:
    return load()


def page_path(site: Path, language: str, *parts: str) -> Path:
    prefix = [] if language == SOURCE else [language]
    return site.joinpath(*prefix, *parts, "index.html")


def resolve(page: Path, href: str) -> Path:
    target = (page.parent / href).resolve()
    return target / "index.html" if href.endswith("/") or target.is_dir() else target


def step_cases() -> list[tuple[str, str, int]]:
    return [(language, manual.id, step.number)
            for manual in load().manuals for step in manual.steps for language in LANGUAGES]


def text_of(step: Step, language: str):
    return FALLBACKS.shown(step, language).text


def title_of(texts: dict[str, str], language: str) -> str:
    return next(texts[lang] for lang in [language, *FALLBACKS.chain(language)] if lang in texts)


@pytest.mark.parametrize(("language", "manual_id", "number"), step_cases())
def test_step_page(site: Path, library: Library, language: str, manual_id: str, number: int) -> None:
    manual = library.manual(manual_id)
    step = manual.steps[number - 1]
    text = text_of(step, language)
    path = page_path(site, language, manual.url_path, step.slug)
    root = parse(path)

    strings = plugin_strings(language)
    assert root.find("html").attrs["lang"] == language
    assert root.find("body").attrs["dir"] == direction(language)
    article = root.find("article", "og-step")
    assert article.attrs["data-og-manual"] == manual.id
    assert article.find(cls="og-step__position").text == fill(strings["step.of"], n=number, total=len(manual.steps))
    assert article.find("h1").text == text.title
    assert article.find(cls="og-step__summary").text == text.summary
    facts = article.find("dl", "og-step__facts").text
    assert strings["who." + step.who] in facts
    assert [li.text for li in article.find(cls="og-step__goals").find_all("li")] == list(text.goals)
    assert_checklist(article.find("section", "og-checklist"), step, language)
    assert_step_links(path, article, manual, step, language, site)
    assert root.find("title").text.startswith(text.title)


def assert_checklist(checklist: Element, step: Step, language: str) -> None:
    items = checklist.find_all("li", "og-checklist__item")
    expected = FALLBACKS.shown(step, language).checklist
    assert [item.find("input").attrs["data-og-item"] for item in items] == [i.id for i in step.source.checklist]
    for item, want in zip(items, expected):
        box = item.find("input")
        assert box.attrs["type"] == "checkbox"
        assert item.find("label").attrs["for"] == box.attrs["id"]
        assert item.find("label").text == want.text


def assert_step_links(path: Path, article: Element, manual: Manual, step: Step, language: str,
                      site: Path) -> None:
    index = manual.steps.index(step)
    for cls, offset in (("og-step-nav__link--previous", -1), ("og-step-nav__link--next", 1)):
        links = article.find_all("a", cls)
        neighbour = index + offset
        if not 0 <= neighbour < len(manual.steps):
            assert links == []
            continue
        other = manual.steps[neighbour]
        assert resolve(path, links[0].attrs["href"]) == page_path(site, language, manual.url_path, other.slug)
        assert text_of(other, language).title in links[0].text
    overview = article.find(cls="og-step__eyebrow").find("a")
    assert resolve(path, overview.attrs["href"]) == page_path(site, language, manual.url_path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_presents_manuals_by_audience(site: Path, library: Library, language: str) -> None:
    path = page_path(site, language)
    root = parse(path)
    assert root.find("html").attrs["lang"] == language
    groups = root.find_all("section", "og-home__group")
    audiences = ["agent", "candidate", "company"]
    assert [group.attrs["aria-labelledby"] for group in groups] == [f"og-audience-{name}" for name in audiences]
    for manual in library.manuals:
        card = root.find("li", "og-home__manual", data_og_manual=manual.id)
        link = card.find("a")
        assert link.text == title_of(manual.title, language)
        assert resolve(path, link.attrs["href"]) == page_path(site, language, manual.url_path)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("manual_id", [manual.id for manual in load().manuals])
def test_overview_lists_steps(site: Path, library: Library, language: str, manual_id: str) -> None:
    manual = library.manual(manual_id)
    path = page_path(site, language, manual.url_path)
    root = parse(path)
    assert root.find("html").attrs["lang"] == language
    assert root.find("h1").text == title_of(manual.title, language)
    rows = root.find_all("li", "og-overview__step")
    assert len(rows) == len(manual.steps)
    for row, step in zip(rows, manual.steps):
        text = text_of(step, language)
        assert row.find(cls="og-overview__title").text == text.title
        assert row.find(cls="og-overview__summary").text == text.summary
        assert resolve(path, row.find("a").attrs["href"]) == page_path(site, language, manual.url_path, step.slug)


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_pages_that_import_progress_name_one_file_of_the_library_s_checklists(site: Path, library: Library,
                                                                             language: str) -> None:
    """The home page and every overview name the same file, kept offline with them, which
    lists every manual's steps and checklist ids: a page does not carry the whole library."""
    named = set()
    for path in [page_path(site, language), *(page_path(site, language, m.url_path) for m in library.manuals)]:
        root = parse(path)
        href = root.find("section", "og-tools").attrs["data-og-checklists"]
        assert not href.startswith("{")
        kept = json.loads(root.find("script", id="og-offline").text)["files"]
        assert href.split("/")[-1] in [file.split("/")[-1] for file in kept]
        named.add(resolve(path, href))
    assert len(named) == 1
    checklists = json.loads(named.pop().read_text(encoding="utf-8"))
    assert checklists == {manual.id: {step.slug: [item.id for item in step.source.checklist] for step in manual.steps}
                          for manual in library.manuals}


def test_the_checklists_file_keeps_its_name_when_the_checklists_change(library: Library) -> None:
    """A page of an older build, open in a tab or kept offline, still finds it after a new build."""
    fewer = dataclasses.replace(library, manuals=library.manuals[:1])
    assert checklists_file(fewer).text != checklists_file(library).text
    assert checklists_file(fewer).path == checklists_file(library).path


@pytest.mark.parametrize("language", LANGUAGES)
def test_navigation_lists_steps_in_order(site: Path, library: Library, language: str) -> None:
    root = parse(page_path(site, language, "reader", "profile"))
    manual = library.manual("reader")
    nav_text = root.find("nav", "md-nav--primary").text
    positions = [nav_text.index(text_of(step, language).title) for step in manual.steps]
    assert positions == sorted(positions)
    assert title_of(manual.title, language) in nav_text


def test_site_requests_nothing_from_other_hosts(site: Path) -> None:
    for page in site.rglob("*.html"):
        for element in parse(page).iter():
            for name in ("src", "href"):
                value = element.attrs.get(name, "")
                if element.tag == "a":
                    continue
                assert not value.startswith(("http:", "https:", "//")), f"{page}: <{element.tag} {name}={value}>"


def test_a_lagging_translation_shows_the_new_item_in_the_fallback_language(site: Path, library: Library) -> None:
    """guide/meet.en.md lacks the source's last item: it is outdated, and the item shows in Swedish."""
    step = library.manual("guide").step("meet")
    root = parse(page_path(site, "en", "guide", "meet"))
    assert root.find_all(cls="og-notice--outdated")
    texts = root.find("section", "og-checklist").find_all("span", "og-checklist__text")
    assert [text.attrs.get("lang") for text in texts] == [None] * (len(texts) - 1) + ["sv"]
    assert texts[-1].text == step.source.checklist[-1].text
    assert root.find("ul", "og-checklist__items").attrs.get("lang") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_moved_step_s_old_address_leads_to_its_new_one(site: Path, language: str) -> None:
    old = page_path(site, language, "guide", "old-start")
    root = parse(old)
    refresh = root.find("meta", http_equiv="refresh")
    target = refresh.attrs["content"].split("url=", 1)[1]
    assert resolve(old, target) == page_path(site, language, "guide", "start")
    assert resolve(old, root.find("a").attrs["href"]) == page_path(site, language, "guide", "start")
    assert root.find("html").attrs["lang"] == language
    assert root.find("meta", name="robots").attrs["content"] == "noindex"


@pytest.mark.parametrize("language", LANGUAGES)
def test_editors_pages_stay_out_of_the_readers_way(site: Path, language: str) -> None:
    """Out of the navigation and the search; reached from the footer of every page."""
    home = page_path(site, language)
    root = parse(home)
    nav_links = [a.attrs.get("href", "") for a in root.find("nav", "md-nav--primary").find_all("a")]
    assert nav_links and not any("editors/" in link for link in nav_links)
    footer = root.find("nav", "og-footer-links").find("a")
    assert resolve(home, footer.attrs["href"]) == page_path(site, language, "editors")
    folder = site if language == SOURCE else site / language
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not any(doc["location"].startswith("editors/") for doc in index["docs"])
    assert page_path(site, language, "editors", "translations").is_file()


def edit_href(path: Path) -> str:
    return parse(path).find("p", "og-edit").find("a").attrs["href"]


def test_every_page_links_to_the_file_an_editor_changes(site: Path, library: Library) -> None:
    from conftest import REPO_URL
    from urllib.parse import parse_qs, urlsplit
    manual = library.manual("guide")
    edit = f"{REPO_URL}/edit/main/manuals/guide"
    assert edit_href(page_path(site, SOURCE, "guide", "plan")) == f"{edit}/plan.md"
    assert edit_href(page_path(site, "ar", "guide", "plan")) == f"{edit}/plan.ar.md"
    assert edit_href(page_path(site, "en", "guide")) == f"{edit}/manual.yml"
    assert edit_href(page_path(site, "en", "about")) == f"{REPO_URL}/edit/main/docs/about.en.md"
    # No Tigrinya translation yet: a new file, started from the source's text and ids.
    new = urlsplit(edit_href(page_path(site, "ti", "guide", "plan")))
    assert new.path == "/example/onegoal/new/main/manuals/guide"
    query = parse_qs(new.query)
    assert query["filename"] == ["plan.ti.md"]
    step = manual.step("plan")
    assert f"source_version: {step.version}\ndraft: true\n" in query["value"][0]
    assert all(f"- id: {item.id}\n" in query["value"][0] for item in step.source.checklist)
    assert parse_qs(urlsplit(edit_href(page_path(site, "ti", "about"))).query)["filename"] == ["about.ti.md"]


def search_entries(site: Path, language: str, corporate: bool = False) -> dict[str, str]:
    """The texts of a language's search index (or its corporate manuals'), by location."""
    folder = (site if language == SOURCE else site / language) / ("corporate" if corporate else "")
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc["text"] for doc in index["docs"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_a_step_by_its_summary_goals_and_checklist(site: Path, library: Library, language: str) -> None:
    for manual in library.manuals:
        entries = search_entries(site, language, manual.corporate)
        for step in manual.steps:
            shown = FALLBACKS.shown(step, language)
            location = f"{manual.url_path.removeprefix('corporate/')}/{step.slug}/"
            words = [shown.text.summary, *shown.text.goals, *(item.text for item in shown.checklist)]
            assert all(html_escape(word, quote=False) in entries[location] for word in words), (language, location)
            sections = [loc for loc in entries if loc.startswith(location + "#")]
            # A page shown in another language's words keeps only its main entry.
            assert bool(sections) == (shown.language == language), (language, location)
        assert not any(location.rstrip("/").endswith("/print") for location in entries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_readers_search_without_the_corporate_manuals(site: Path, library: Library, language: str) -> None:
    """A Candidate downloads and searches the readers' manuals and pages only; corporate
    pages search the corporate manuals, in an index of their own."""
    readers, corporate = search_entries(site, language), search_entries(site, language, corporate=True)
    assert corporate and all(not location.startswith(("corporate/", "..")) for location in corporate)
    for manual in library.manuals:
        for step in manual.steps:
            in_readers = any(location.startswith(f"{manual.url_path}/{step.slug}/") for location in readers)
            assert in_readers != manual.corporate, (manual.id, step.slug)
    for manual in library.manuals:
        step = page_path(site, language, manual.url_path, manual.steps[0].slug)
        config = json.loads(parse(step).find("script", id="__config").text)
        language_base = "." if language == SOURCE else language
        expected = f"{language_base}/corporate" if manual.corporate else language_base
        assert (step.parent / config["base"]).resolve() == (site / expected).resolve(), manual.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_proposals_say_so_in_the_readers_language(site: Path, library: Library, language: str) -> None:
    strings = plugin_strings(language)
    for manual in library.manuals:
        for step in manual.steps:
            notices = parse(page_path(site, language, manual.url_path, step.slug)).find_all(cls="og-notice--proposal")
            assert [notice.text for notice in notices] == ([strings["notice.proposal"]] if step.proposal else [])
        overview = parse(page_path(site, language, manual.url_path)).find_all(cls="og-notice--proposal")
        expected = [strings["notice.proposal_manual"]] if any(step.proposal for step in manual.steps) else []
        assert [notice.text for notice in overview] == expected
    assert any(step.proposal for manual in library.manuals for step in manual.steps)


@pytest.mark.parametrize("language", LANGUAGES)
def test_paired_steps_link_to_each_other_both_ways(site: Path, library: Library, language: str) -> None:
    strings = plugin_strings(language)
    guide, reader = library.manual("guide"), library.manual("reader")
    assert guide.pairing is not None
    for mine, theirs in guide.pairing.steps.items():
        for manual, slug, other, target, label in ((guide, mine, reader, theirs, "pair.candidate"),
                                                   (reader, theirs, guide, mine, "pair.agent")):
            path = page_path(site, language, manual.url_path, slug)
            (link,) = parse(path).find("section", "og-pairs").find_all("a")
            assert resolve(path, link.attrs["href"]) == page_path(site, language, other.url_path, target)
            assert link.text == strings[label]
    # A step no pairing names has no such section.
    staff = library.manual("staff")
    assert not parse(page_path(site, language, staff.url_path, staff.steps[0].slug)).find_all("section", "og-pairs")
