"""The MkDocs adapter: hands the core's model to MkDocs as pages, navigation and context.

mkdocs-static-i18n runs the whole build once per language on the same config
object, so every event here runs once per language: the library is read once and
kept, and each event only does the work of the language being built.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.config import RE_LOCALE

from .config import OneGoalConfig
from .loader import load_library
from .model import Library
from .pages import PRINT_NAME, PageSpec, language_folder, nav_tree, page_specs, redirects, src_uri
from .pdf import PdfError, PdfJob, make_pdfs
from .printing import footer_content
from .problems import ContentError
from .offline import MANIFEST, write_manifests, write_offline_pages
from .search import split_index
from .theme_assets import ThemeChanged, self_contained
from .translation import Fallbacks, direction
from .views import Organisation, PrintView, Views

log = get_plugin_logger(__name__)

HOME_TEMPLATE = "onegoal/home.html"
TRANSLATIONS_TEMPLATE = "onegoal/translations.html"
REDIRECT_TEMPLATE = "onegoal/redirect.html"
FOOTER_TEMPLATE = "onegoal/print-footer.css.html"  # .html: the build does not copy it into the site
NOT_FOUND = "404.html"
FOOTER_FILE = "footer.css"


class OneGoalPlugin(BasePlugin[OneGoalConfig]):
    def __init__(self) -> None:
        self.library: Library | None = None
        self.specs: dict[str, PageSpec] = {}
        self.files: Files | None = None
        self.manuals_dir = Path("manuals")
        self.fallbacks = Fallbacks({}, "")
        # Each step's rendered body, by source path: the print page of its manual joins them.
        self.bodies: dict[str, str] = {}
        self.printed: dict[str, PrintView] = {}
        self.env: Environment | None = None
        self.serving = False
        self.site_name = ""
        # mkdocs-static-i18n nests the other languages' builds inside the first one's
        # post_build; this counts how deep we are, to act once, after the last build.
        self.build_depth = 0

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The theme prints the site's name unescaped in places; a company's name (from its
        # brand file) is text. As markup that is already escaped, it shows as written
        # everywhere, and the theme's own escaping leaves it as it is.
        if not isinstance(config.site_name, Markup):
            self.site_name = config.site_name
            config.site_name = Markup(html.escape(config.site_name))
        if self.library is None:
            self.manuals_dir = Path(config.config_file_path).parent / self.config.manuals_dir
            languages, source = site_languages(config)
            try:
                self.library = load_library(self.manuals_dir, languages, source, self.config.audiences,
                                            self.config.include)
            except ContentError as error:
                raise PluginError(error.report()) from None
            self.specs = page_specs(self.library)
            self.fallbacks = self.read_fallbacks(languages, source)
            if config.nav is None:
                config.nav = nav_tree(self.library, source_pages(Path(config.docs_dir)))
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.build_depth += 1

    @event_priority(-110)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Runs after the i18n plugin has built every language and merged their search entries."""
        self.build_depth -= 1
        if self.build_depth > 0:
            return
        library = self.library_or_fail()
        if any(name in config.plugins for name in ("search", "material/search")):
            split_index(Path(config.site_dir), library.languages, library.source_language)
        write_manifests(Path(config.site_dir), library, self.site_name)
        self.write_redirects(config, library)
        # After every page (the redirects too): the service worker keeps this build's pages only.
        write_offline_pages(Path(config.site_dir), library)
        try:
            self_contained(Path(config.site_dir))
        except ThemeChanged as error:
            raise PluginError(str(error)) from None
        if self.pdfs:
            self.write_pdfs(config, library)

    def write_pdfs(self, config: MkDocsConfig, library: Library) -> None:
        site = Path(config.site_dir)
        jobs = []
        for manual in library.manuals:
            for language in library.languages:
                folder = site / language_folder(language, library.source_language) / manual.url_path / PRINT_NAME
                jobs.append(PdfJob(folder / "index.html", folder / pdf_name(manual.id, language)))
        cache = Path(config.config_file_path).parent / self.config.pdf_cache
        try:
            report = make_pdfs(jobs, cache, self.config.chromium)
        except PdfError as error:
            raise PluginError(str(error)) from None
        log.info(f"PDFs: {report.printed} printed, {report.reused} unchanged and taken from {cache}")

    def write_redirects(self, config: MkDocsConfig, library: Library) -> None:
        template = config.theme.get_env().get_template(REDIRECT_TEMPLATE)
        for redirect in redirects(library):
            title = self.fallbacks.shown(redirect.step, redirect.language).text.title
            path = Path(config.site_dir) / redirect.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(template.render(redirect=redirect, title=title,
                                            direction=direction(redirect.language)), encoding="utf-8")

    def on_build_error(self, error: Exception) -> None:
        self.build_depth = 0

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        clashes = [uri for uri in self.specs if files.get_file_from_path(uri) is not None]
        if clashes:
            raise PluginError(f"{config.docs_dir}: these pages clash with manual pages of the same "
                              f"path: {', '.join(clashes)}. Rename or remove them.")
        for uri in self.specs:
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
        return files

    @event_priority(-110)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Runs after the i18n plugin has picked this language's files."""
        self.files = files
        views = self.views(config)
        manuals = {manual.url_path: manual for manual in self.library_or_fail().manuals}
        for item in nav.items:
            if isinstance(item, Section) and item.title in manuals:
                item.title = html.escape(views.pick(manuals[item.title].title))
        return nav

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return None
        if spec.step is None:
            return ""
        return self.views(config).shown(spec.step).text.body

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            # MkDocs and the theme treat page titles as HTML.
            page.title = html.escape(self.views(config).page_title(spec.manual, spec.step))
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.step is not None:
            self.bodies[page.file.src_uri] = html
        return html

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        relative_language_links(config)
        views = self.views(config)
        root = language_folder(views.language, views.library.source_language)
        context["onegoal_language_root"] = root.as_posix()
        template = page.meta.get("template")
        if template == HOME_TEMPLATE:
            context["onegoal_home"] = views.home()
            if self.config.contact.name:
                context["onegoal_company"] = {"name": self.config.organisation.name, "contact": self.config.contact}
        elif template == TRANSLATIONS_TEMPLATE:
            context["onegoal_translations"] = views.translations()
        context["onegoal_manifest"] = (root / MANIFEST).as_posix()
        spec = self.specs.get(page.file.src_uri)
        context["onegoal_offline_pages"] = views.manual_pages(spec.manual) if spec is not None else []
        if spec is None:
            return context
        context["onegoal_print_links"] = {"page": views.print_url(spec.manual),
                                          "pdf": pdf_name(spec.manual.id, views.language) if self.pdfs else None}
        if spec.printed:
            context["onegoal_print"] = views.printed(spec.manual, self.step_bodies(spec, views.language),
                                                     self.organisation())
            self.printed[page.file.src_uri] = context["onegoal_print"]
        elif spec.step is not None:
            context["onegoal_step"] = views.step(spec.manual, spec.step)
        else:
            context["onegoal_overview"] = views.overview(spec.manual)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A print page's footer is a style sheet beside it: its words cannot be inline (CSP)."""
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.printed:
            footer = self.env_or_fail().get_template(FOOTER_TEMPLATE).render(
                printed=self.printed[page.file.src_uri], config=config)
            path = Path(page.file.abs_dest_path).parent / FOOTER_FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(footer, encoding="utf-8")
        return output

    @property
    def pdfs(self) -> bool:
        return self.config.pdf and not self.serving

    def step_bodies(self, spec: PageSpec, language: str) -> dict[str, str]:
        source = self.library_or_fail().source_language
        return {step.slug: self.bodies.get(src_uri(spec.manual, step.slug, language, source), "")
                for step in spec.manual.steps}

    def organisation(self) -> Organisation:
        return Organisation(self.config.organisation.name, self.config.organisation.logo)

    def on_template_context(self, context: dict[str, Any], template_name: str,
                            config: MkDocsConfig) -> dict[str, Any]:
        if template_name == NOT_FOUND:
            views = self.views(config)
            root = language_folder(views.language, views.library.source_language)
            context["onegoal_language_root"] = root.as_posix()
            context["onegoal_home_url"] = home_url(root)
            context["onegoal_manifest"] = (root / MANIFEST).as_posix()
            for alternate in alternates(config):
                # A missing page has no translation: each language's link leads to its home.
                alternate["link"] = home_url(language_folder(alternate["lang"], views.library.source_language))
            if not config.site_url:
                # The page is shown at any missing address: its links start from its own
                # place in the site, which the server names with a <base> (see the README).
                context["base_url"] = "." if root == Path() else ".."
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """Each language gets its own 404 page in its folder, and a sitemap is only written
        when the site's address is known: without it, its addresses would be wrong."""
        if template_name == "sitemap.xml" and not config.site_url:
            return ""
        if template_name != NOT_FOUND:
            return output
        views = self.views(config)
        root = language_folder(views.language, views.library.source_language)
        if root == Path():
            return output
        path = Path(config.site_dir) / root / NOT_FOUND
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
        return ""

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # JSON in pages (the theme's settings, the plugin's strings) stays readable and
        # short in every script: "ስጉምቲ", not "\u1235\u1309...".
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
        env.filters["og_footer"] = footer_content
        self.env = env
        return env

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.manuals_dir))
        return server

    def read_fallbacks(self, languages: list[str], source: str) -> Fallbacks:
        for language, chain in self.config.fallbacks.items():
            if not isinstance(chain, list) or any(lang not in languages for lang in [language, *chain]):
                raise PluginError(f"mkdocs.yml: onegoal fallbacks: '{language}: {chain}' must name a site "
                                  f"language and a list of site languages ({', '.join(languages)}).")
        return Fallbacks(self.config.fallbacks, source)

    def views(self, config: MkDocsConfig) -> Views:
        return Views(self.library_or_fail(), build_language(config), self.url_of, self.fallbacks)

    def url_of(self, uri: str) -> str:
        file = self.files.src_uris.get(uri) if self.files is not None else None
        if file is None:
            raise PluginError(f"no page for {uri} in this build")
        return file.url

    def env_or_fail(self) -> Environment:
        if self.env is None:
            raise PluginError("the onegoal plugin has no template environment yet")
        return self.env

    def library_or_fail(self) -> Library:
        if self.library is None:
            raise PluginError("the onegoal plugin has not read the manuals yet")
        return self.library


def alternates(config: MkDocsConfig) -> list[dict[str, str]]:
    """The language switcher's entries: the i18n plugin sets them on `extra`, which is
    what templates read."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def home_url(root: Path) -> str:
    """A language's home page, from the root of the site."""
    return "" if root == Path() else f"{root.as_posix()}/"


def relative_language_links(config: MkDocsConfig) -> None:
    """The i18n plugin links home pages of languages from the server's root ("/en/");
    made relative, the site also works from a sub-folder, as on a company's intranet."""
    for alternate in alternates(config):
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = link.lstrip("/") or "./"


def site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    """The site's languages and its source language, from the i18n plugin's settings."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        language = config.theme.get("language") or "en"
        return [language], language
    languages = [lang.locale for lang in i18n.config.languages if lang.locale != "null"]
    source = next(lang.locale for lang in i18n.config.languages if lang.default)
    return languages, source


def build_language(config: MkDocsConfig) -> str:
    """The language being built; the i18n plugin sets the theme's language per build."""
    return str(config.theme["language"])


def source_pages(docs_dir: Path) -> list[str]:
    """Pages of the docs folder in the source language, sorted: those without a suffix
    that the i18n plugin reads as a language (`about.en.md`, `index.fa-AF.md`)."""
    pages = (path.relative_to(docs_dir) for path in docs_dir.rglob("*.md"))
    return sorted(page.as_posix() for page in pages if not RE_LOCALE.match(Path(page.stem).suffix[1:]))


def pdf_name(manual_id: str, language: str) -> str:
    """The file name of a manual's PDF, beside its print page."""
    return f"onegoal-{manual_id}-{language}.pdf"
