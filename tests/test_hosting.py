"""Hosting the public site: its 404 pages and sitemap, with and without its address."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import fixture_project, mkdocs_build
from html_page import parse
from test_build import LANGUAGES, SOURCE
from ui_strings import plugin_strings

SITE_URL = "https://example.org/onegoal/"


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("addressed")
    config = fixture_project(root / "project")
    text = config.read_text(encoding="utf-8")
    assert "site_url: !ENV ONEGOAL_SITE_URL\n" in text
    config.write_text(text.replace("site_url: !ENV ONEGOAL_SITE_URL\n", f"site_url: {SITE_URL}\n"), encoding="utf-8")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def not_found(site: Path, language: str) -> Path:
    return site / ("" if language == SOURCE else language) / "404.html"


def test_without_an_address_there_is_no_sitemap(site: Path) -> None:
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()


def test_with_an_address_the_sitemap_lists_real_pages(addressed_site: Path) -> None:
    sitemap = (addressed_site / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r"<loc>([^<]+)</loc>", sitemap) + re.findall(r'hreflang="[^"]+" href="([^"]+)"', sitemap)
    assert len(addresses) > 50
    for address in addresses:
        assert address.startswith(SITE_URL), address
        path = addressed_site / address.removeprefix(SITE_URL)
        assert (path / "index.html" if address.endswith("/") else path).is_file(), address


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_404_page_in_its_language(site: Path, language: str) -> None:
    root = parse(not_found(site, language))
    assert root.find("html").attrs["lang"] == language
    assert root.find("h1").text == plugin_strings(language)["notfound.title"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_an_address_the_404_pages_link_from_it(addressed_site: Path, language: str) -> None:
    root = parse(not_found(addressed_site, language))
    base = urlsplit(SITE_URL).path
    links = [element.attrs.get("href") or element.attrs.get("src") for element in root.iter()
             if element.tag in ("a", "link", "script", "img") and (element.attrs.get("href") or element.attrs.get("src"))]
    assert links
    for link in links:
        if link.startswith(("#", "mailto:")):
            continue
        assert link.startswith(base), link
        target = addressed_site / link.removeprefix(base).split("#")[0]
        assert (target / "index.html" if link.endswith("/") else target).exists(), link
    home = root.find("a", "md-button--primary").attrs["href"]
    assert posixpath.normpath(home) == posixpath.normpath(base + ("" if language == SOURCE else language))
