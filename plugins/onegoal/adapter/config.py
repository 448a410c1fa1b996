"""The plugin's settings in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from onegoal.content.model import AUDIENCES


class Count(c.Type[int]):
    """A whole number, 0 or more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 0:
            raise ValidationError(f"a number of 0 or more, not {number}")
        return number


class OrganisationConfig(Config):
    name = c.Type(str, default="")
    """Whose manuals these are: printed on every cover."""

    logo = c.Type(str, default="")
    """The organisation's logo, a path inside the site (e.g. assets/onegoal/logo.svg)."""

    color = c.Optional(c.Type(str))
    """A company's colour ("#rrggbb") for the header, links and buttons of its own copy."""


class ContactConfig(Config):
    name = c.Type(str, default="")
    email = c.Type(str, default="")
    phone = c.Type(str, default="")


class OneGoalConfig(Config):
    manuals_dir = c.Type(str, default="manuals")
    """Folder holding the manuals, relative to mkdocs.yml."""

    include = c.ListOfItems(c.Type(str), default=[])
    """Only the manuals in these folders of manuals_dir (all when empty): a company's copy
    holds the corporate manuals."""

    editors_folder = c.Type(str, default="editors")
    """Pages of the docs folder under this folder are for editors and translators: they are
    left out of the readers' navigation and search, and linked from the footer."""

    preview_language = c.Optional(c.Type(str))
    """Build only this language (and the source): `make serve LANG=en` sets it, for a fast preview."""

    review_language = c.Optional(c.Type(str))
    """While previewing, a review/ section of this language's steps beside their source
    (`make serve REVIEW=1 LANG=so`). A build leaves it out whatever this says."""

    edit_branch = c.Type(str, default="main")
    """The branch "Edit this page" opens, with the site's repo_url."""

    skip_languages = c.ListOfItems(c.Type(str), default=[])
    """Translations into these languages are left out, not refused: a company's copy is built
    in fewer languages than the library is written in."""

    contact = c.SubConfig(ContactConfig)
    """Who readers of a company's copy turn to: shown on its home page."""

    fallbacks = c.Type(dict, default={})
    """Per language, the languages to show before the source when a step is not translated,
    e.g. `so: [en]`. The source language always comes last."""

    audiences = c.ListOfItems(c.Type(str), default=list(AUDIENCES))
    """Who manuals are written for, in the order the home page lists them; each needs the
    UI string audience.<name> in every language."""

    organisation = c.SubConfig(OrganisationConfig)

    pdf = c.Type(bool, default=True)
    """Print every manual's print page to a PDF after the build (not while serving)."""

    pdf_cache = c.Type(str, default=".cache/pdf")
    """Where PDFs are kept between builds, by the content of their print page."""

    chromium = c.Type(str, default="chromium")
    """The browser that prints the PDFs: a name on PATH or a path."""

    drawer_manuals = Count(default=12)
    """The drawer of every page lists every manual while the library (a company's copy:
    what it includes) has at most this many. Beyond it, a page's drawer lists its own manual
    and the library's pages, and the home page every manual: a reader does not download the
    whole library's list on every page, and the build does not grow with its square."""

    processes = Count(default=0)
    """How many processes a build works in side by side (the markup check's pages, the
    languages after the first): 0 for one per core, 1 for all in turn in the build's own
    process (as the i18n plugin builds the languages)."""

    switched_off = c.ListOfItems(c.Type(str), default=[])
    """Features left out of the build, by name: edit_links, redirects, pdf (the others make
    the pages themselves)."""
