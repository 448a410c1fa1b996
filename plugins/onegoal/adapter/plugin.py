"""The MkDocs adapter: hands the core's model to MkDocs as pages, navigation and context.

mkdocs-static-i18n runs the whole build once per language on the same config
object, so every event here runs once per language: the library is read once and
kept, and each event only does the work of the language being built.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from markupsafe import Markup
from watchdog.observers.polling import PollingObserver
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.config import RE_LOCALE

from onegoal.adapter import live_reload

from onegoal.editors.translate import review as review_view

from onegoal.editors import scaffold
from onegoal.adapter.config import OneGoalConfig
from onegoal.company.brand import COLOUR
from onegoal.content.library import Content, SymbolicLinks, UnsafeContent, load_content
from onegoal.company.corporate import BRAND_CSS
from onegoal.content.docs_files import file_problem
from onegoal.web.editing import EditLink, edit_link, new_file_link
from onegoal.content.glossary import Glossary, Term
from onegoal.content.model import Library, Manual, Step
from onegoal.content.pages import PRINT_NAME, PageSpec, for_editors, language_folder, nav_tree, page_specs, redirects, src_uri
from onegoal.paper.pdf import PdfError, PdfJob, make_pdfs
from onegoal.paper.printing import footer_content
from onegoal.web.offline import MANIFEST, write_manifests, write_offline_pages
from onegoal.content.problems import ContentError, Problem
from onegoal.content.rendering import MarkdownSetup
from onegoal.web.search import search_root, split_index
from onegoal.web.terms import mark_first
from onegoal.web.theme_assets import ThemeChanged, scripted, self_contained, theme_bundle
from onegoal.web.theme_styles import cut_theme_styles
from onegoal.content.translation import Fallbacks, direction
from onegoal.checks.translation_checks import translation_warnings
from onegoal.web.views import Organisation, PrintView, Views

log = get_plugin_logger(__name__)

# While previewing, MkDocs reads the configuration, and so makes this plugin, anew for
# every rebuild: what lasts from one to the next lives here, by manuals folder.
_LAST_GOOD: dict[Path, Content] = {}


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per process, not once per language build (or per
    preview rebuild): Jinja checks each template's source and compiles it anew if it changed."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()

HOME_TEMPLATE = "onegoal/home.html"
TRANSLATIONS_TEMPLATE = "onegoal/translations.html"
REDIRECT_TEMPLATE = "onegoal/redirect.html"
BRAND_TEMPLATE = "onegoal/brand.css.html"
FOOTER_TEMPLATE = "onegoal/print-footer.css.html"  # .html: the build does not copy it into the site
NOT_FOUND = "404.html"
PREVIEW_ELSEWHERE = "onegoal/preview-elsewhere.html"
GLOSSARY_PAGE = "glossary.md"
TERM_TEMPLATE = "partials/onegoal/term.html"
PREVIEW_POLLING = 0.1  # seconds
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
        # While previewing: the content's problems, shown on every page instead of stopping.
        self.problems: list[str] = []
        # While previewing: the files that would put live markup or an unpublished file on
        # the site; the preview shows their pages empty and leaves their files out.
        self.unsafe: frozenset[Path] = frozenset()
        self.glossary = Glossary()
        self.glossary_pages: dict[str, str] = {}  # the glossary page of each language, by source path
        self.review_pages: dict[str, tuple[Manual, Step] | None] = {}  # a preview's review view, by source path
        self.review_findings: list[Problem] | None = None  # the translation checks, once per rebuild
        # Per language: each glossary term's pages (title, address), and each manual's terms.
        self.term_pages: dict[str, dict[str, list[tuple[str, str]]]] = {}
        self.manual_terms: dict[tuple[str, str], list[str]] = {}
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
        self.env = None  # each language build has its own theme language
        if self.build_depth == 0:
            # A new build (not one of the i18n plugin's language builds inside it): while
            # previewing, this plugin lasts from one rebuild to the next, so it reads anew.
            self.library = None
            self.problems = []
            self.unsafe = frozenset()
            self.bodies.clear()
            self.printed.clear()
            self.term_pages.clear()
            self.manual_terms.clear()
            self.review_findings = None
        if self.library is None:
            self.manuals_dir = Path(config.config_file_path).parent / self.config.manuals_dir
            languages, source = site_languages(config)
            self.fallbacks = self.read_fallbacks(languages, source)
            self.library = self.read_library(config, languages, source)
            self.specs = page_specs(self.library)
            self.glossary_pages = self.glossary_uris()
            self.review_pages = self.review_uris()
            if config.nav is None:
                config.nav = nav_tree(self.library, source_pages(Path(config.docs_dir)), self.config.editors_folder,
                                      GLOSSARY_PAGE if self.glossary.terms else None)
            if self.config.preview_language:
                preview_only(config, self.config.preview_language)
        return config

    def read_library(self, config: MkDocsConfig, languages: list[str], source: str) -> Library:
        """The library with its glossary, links and markup checked. A build stops on problems and
        names them all; a preview goes on with the last library that had none (or none at all) and shows
        the problems on every page, until the files are fixed and it rebuilds by itself. A symbolic
        link stops the preview too: MkDocs would follow it when it gathers the docs folder."""
        try:
            preview = self.config.preview_language
            content = load_content(self.manuals_dir, Path(config.docs_dir), languages, source, self.fallbacks,
                                   MarkdownSetup.of(config.markdown_extensions, config.mdx_configs),
                                   self.config.audiences, self.config.include, self.config.skip_languages,
                                   [source, preview] if preview in languages else None, theme_dirs(config))
        except SymbolicLinks as error:  # never followed, not even by the preview
            raise PluginError(error.report()) from None
        except ContentError as error:
            if not self.serving:
                raise PluginError(error.report()) from None
            # Shown on every page; a warning would stop a strict build, and the preview with it.
            log.info(error.report())
            self.problems = [str(problem) for problem in error.problems]
            self.unsafe = error.unsafe if isinstance(error, UnsafeContent) else frozenset()
            content = _LAST_GOOD.get(self.manuals_dir, Content(Library((), source, tuple(languages)), Glossary()))
        _LAST_GOOD[self.manuals_dir] = content
        self.glossary = content.glossary
        return content.library

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.build_depth += 1

    @event_priority(-110)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Runs after the i18n plugin has built every language and merged their search entries."""
        self.build_depth -= 1
        if self.build_depth > 0:
            return
        library = self.library_or_fail()
        if self.config.organisation.color:
            self.write_brand_css(config)
        if any(name in config.plugins for name in ("search", "material/search")):
            split_index(Path(config.site_dir), library.languages, library.source_language,
                        self.config.editors_folder, self.borrowed_pages(library), self.corporate_apart())
        write_manifests(Path(config.site_dir), library, self.site_name)
        self.write_redirects(config, library)
        # After every page (the redirects too): the service worker keeps this build's pages only.
        write_offline_pages(Path(config.site_dir), library)
        try:
            self_contained(Path(config.site_dir))
            before, after = cut_theme_styles(Path(config.site_dir))
        except ThemeChanged as error:
            raise PluginError(str(error)) from None
        log.info(f"The theme's style sheet, cut to the site's pages: {before // 1024} KB -> {after // 1024} KB")
        if self.pdfs:
            self.write_pdfs(config, library)

    def write_brand_css(self, config: MkDocsConfig) -> None:
        """A company's colour, for its copy (corporate.py links the style sheet)."""
        color = self.config.organisation.color
        if not COLOUR.match(color):
            raise PluginError(f"mkdocs.yml: onegoal organisation color '{color}' must be written \"#rrggbb\".")
        path = Path(config.site_dir) / BRAND_CSS
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(config.theme.get_env().get_template(BRAND_TEMPLATE).render(color=color), encoding="utf-8")

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

    def corporate_apart(self) -> bool:
        """Whether the corporate manuals have a search index of their own: where the readers'
        manuals are beside them (not in a company's copy, which has only theirs)."""
        manuals = self.library_or_fail().manuals
        return any(manual.corporate for manual in manuals) and not all(manual.corporate for manual in manuals)

    def borrowed_pages(self, library: Library) -> dict[str, set[str]]:
        """Per language, the steps it shows in another language's words, by address."""
        return {language: {f"{manual.url_path}/{step.slug}/" for manual in library.manuals for step in manual.steps
                           if self.fallbacks.shown(step, language).language != language}
                for language in library.languages}

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
        for uri in [*self.specs, *self.glossary_pages, *self.review_pages]:
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
        reload_script = files.get_file_from_path(live_reload.SCRIPT)
        if reload_script is not None and not self.serving:
            files.remove(reload_script)
        # A build has stopped on these already (docs_files.py); a preview goes on without them.
        docs_dir = Path(config.docs_dir)
        for file in [file for file in files if not file.is_documentation_page() and file.abs_src_path
                     and Path(file.abs_src_path).is_relative_to(docs_dir) and file_problem(Path(file.abs_src_path))]:
            files.remove(file)
        return files

    def review_uris(self) -> dict[str, tuple[Manual, Step] | None]:
        """The review view's pages: only while previewing, only for a translated language."""
        language, library = self.config.review_language, self.library_or_fail()
        if not self.serving or not language:
            return {}
        if language == library.source_language or language not in library.languages:
            raise PluginError(f"the review view needs a language to review ({', '.join(library.languages[1:])}), "
                              f"as in `make serve REVIEW=1 LANG=so`, not '{language}'.")
        return review_view.uris(library, language)

    def review_context(self, page: Page, config: MkDocsConfig) -> dict[str, Any]:
        library, language = self.library_or_fail(), self.config.review_language or ""
        found = self.review_pages[page.file.src_uri]
        if found is None:
            pages = {uri: self.url_of(uri) for uri, step in self.review_pages.items() if step is not None}
            return {"onegoal_review_list": review_view.listing(library, language, pages),
                    "onegoal_review_language": language}
        if self.review_findings is None:
            self.review_findings = translation_warnings(library, self.glossary, Path(config.docs_dir))
        findings = [problem for problem in self.review_findings
                    if problem.path == found[1].path.with_name(f"{found[1].slug}.{language}.md")]
        setup = MarkdownSetup.of(config.markdown_extensions, config.mdx_configs)
        return {"onegoal_review": review_view.reviewed_step(library, *found, language, self.glossary, findings, setup)}

    def glossary_uris(self) -> dict[str, str]:
        """The glossary page of every language, by source path: language."""
        if not self.glossary.terms:
            return {}
        library = self.library_or_fail()
        stem = GLOSSARY_PAGE.removesuffix(".md")
        return {(GLOSSARY_PAGE if lang == library.source_language else f"{stem}.{lang}.md"): lang
                for lang in library.languages}

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

    def previewing_elsewhere(self, config: MkDocsConfig) -> bool:
        """Whether this is the source language's build in a preview of another language: the
        i18n plugin builds it anyway (it is the site's root), so its pages are only stubs."""
        preview, library = self.config.preview_language, self.library_or_fail()
        return bool(preview) and preview != library.source_language and build_language(config) == library.source_language

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        if self.previewing_elsewhere(config):
            return ""
        if Path(page.file.abs_src_path or "") in self.unsafe:
            return ""  # a preview: the page's problems are listed on it
        if page.file.src_uri in self.glossary_pages or page.file.src_uri in self.review_pages:
            return ""
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return None
        if spec.step is None:
            return ""
        return self.views(config).shown(spec.step).text.body

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.previewing_elsewhere(config):
            page.meta["template"] = PREVIEW_ELSEWHERE
        if page.file.src_uri in self.glossary_pages:
            page.title = self.ui_string(config, "glossary.title")
        if page.file.src_uri in self.review_pages:
            page.meta["template"] = review_view.TEMPLATE
            found = self.review_pages[page.file.src_uri]
            page.title = html.escape(found[1].source.title if found else "Review")
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            # MkDocs and the theme treat page titles as HTML.
            page.title = html.escape(self.views(config).page_title(spec.manual, spec.step))
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A step's body, kept for its print page; for the search, which reads the page's
        content next, the step's summary, goals and checklist go in front of it (taken out
        again once the search has read them: the template shows them itself)."""
        if self.previewing_elsewhere(config):
            return html
        if page.file.src_uri in self.glossary_pages:
            # The page's words come from its template; the search reads them from here.
            return self.views(config).searchable_glossary(self.glossary)
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.printed:
            return html
        html = self.mark_terms(html, page, spec, config)
        if spec is None or spec.step is None:
            return html
        self.bodies[page.file.src_uri] = html
        return self.views(config).searchable(spec.step) + html

    def mark_terms(self, content: str, page: Page, spec: PageSpec | None, config: MkDocsConfig) -> str:
        """The glossary's terms marked where they first appear in a step's body or a docs page."""
        views = self.views(config)
        if not self.glossary.terms or (spec is None and for_editors(page.file.src_uri, self.config.editors_folder)):
            return content
        if page.file.src_uri in self.glossary_pages:
            return content
        text_language = views.shown(spec.step).language if spec is not None and spec.step else (
            views.language if spec is not None or page.file.src_uri.endswith(f".{views.language}.md")
            else views.library.source_language)
        # The first term listed keeps a word two terms share.
        forms = {form.lower(): term for term in reversed(self.glossary.terms)
                 for form in self.glossary.forms(term, text_language)}
        template = self.early_env(config).get_template(TERM_TEMPLATE)
        counter = iter(range(1, 10_000))

        def render(term: Term, words: str) -> str:
            explanation = self.glossary.explain(term, views.language, self.fallbacks)
            return template.render(term=explanation, words=Markup(words), number=next(counter),
                                   text_language=views.text_language(explanation.language), config=config)

        content, found = mark_first(content, forms, render)
        pages = self.term_pages.setdefault(views.language, {})
        for term in found:
            # Page titles are HTML to MkDocs (see on_page_markdown); the views hold text.
            pages.setdefault(term.id, []).append((html.unescape(str(page.title or "")), page.url))
        if spec is not None:
            self.manual_terms.setdefault((spec.manual.id, views.language), []).extend(term.id for term in found)
        return content

    def ui_string(self, config: MkDocsConfig, key: str) -> str:
        """One of the plugin's UI strings in the language being built (overrides/partials/onegoal/languages/)."""
        language = build_language(config)
        module = self.early_env(config).get_template(f"partials/onegoal/languages/{language}.html").module
        return str(module.t(key)).strip()

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        if self.previewing_elsewhere(config):
            context["onegoal_preview_language"] = self.config.preview_language
            return context
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
        context["onegoal_editors_url"] = self.editors_url(views.language)
        context["onegoal_edit"] = self.edit_link(page, config, views.language)
        context["onegoal_problems"] = self.problems
        if page.file.src_uri in self.glossary_pages:
            context["onegoal_glossary"] = views.glossary(self.glossary, self.term_pages.get(views.language, {}))
            page.content = ""  # the search has read the terms; the template shows them
        if page.file.src_uri in self.review_pages:
            context.update(self.review_context(page, config))
        spec = self.specs.get(page.file.src_uri)
        context["onegoal_offline_pages"] = views.manual_pages(spec.manual) if spec is not None else []
        context["onegoal_search_root"] = search_root(spec.manual.url_path if spec else "", root,
                                                     self.corporate_apart()).as_posix()
        if spec is None:
            return context
        if spec.step is not None:
            page.content = self.bodies[page.file.src_uri]  # what the search read in front of it goes
        context["onegoal_print_links"] = {"page": views.print_url(spec.manual),
                                          "pdf": pdf_name(spec.manual.id, views.language) if self.pdfs else None}
        if spec.printed:
            terms = self.manual_terms.get((spec.manual.id, views.language), [])
            context["onegoal_print"] = views.printed(spec.manual, self.step_bodies(spec, views.language),
                                                     self.organisation(), self.glossary, terms)
            self.printed[page.file.src_uri] = context["onegoal_print"]
        elif spec.step is not None:
            context["onegoal_step"] = views.step(spec.manual, spec.step)
        else:
            context["onegoal_overview"] = views.overview(spec.manual)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A print page's footer is a style sheet beside it: its words cannot be inline (CSP)."""
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.printed and page.file.src_uri in self.printed:
            footer = self.env_or_fail().get_template(FOOTER_TEMPLATE).render(
                printed=self.printed[page.file.src_uri], config=config)
            path = Path(page.file.abs_dest_path).parent / FOOTER_FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(footer, encoding="utf-8")
        return self.scripted(output)

    @staticmethod
    def scripted(output: str) -> str:
        try:
            return scripted(output)
        except ThemeChanged as error:
            raise PluginError(str(error)) from None

    @property
    def pdfs(self) -> bool:
        return self.config.pdf and not self.serving

    def step_bodies(self, spec: PageSpec, language: str) -> dict[str, str]:
        source = self.library_or_fail().source_language
        return {step.slug: self.bodies.get(src_uri(spec.manual, step.slug, language, source), "")
                for step in spec.manual.steps}

    def edit_link(self, page: Page, config: MkDocsConfig, language: str) -> EditLink | None:
        """The file an editor changes for this page in this language, or a new translation."""
        if not config.repo_url or page.file.abs_src_path is None and page.file.src_uri not in self.specs:
            return None
        root = Path(config.config_file_path).parent
        branch = self.config.edit_branch
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            if spec.step is None:
                return edit_link(config.repo_url, branch, repo_path(spec.manual.path / "manual.yml", root), language)
            step, source = spec.step, self.library_or_fail().source_language
            if language == source or language in step.translations:
                path = step.path if language == source else step.translations[language].path
                return edit_link(config.repo_url, branch, repo_path(path, root), language)
            new = step.path.with_name(f"{step.slug}.{language}.md")
            return new_file_link(config.repo_url, branch, repo_path(new, root), scaffold.translation(step), language)
        source_file = Path(page.file.abs_src_path)
        source = self.library_or_fail().source_language
        if language == source or page.file.src_uri.endswith(f".{language}.md"):
            return edit_link(config.repo_url, branch, repo_path(source_file, root), language)
        new = source_file.with_name(f"{source_file.stem}.{language}.md")
        return new_file_link(config.repo_url, branch, repo_path(new, root),
                             source_file.read_text(encoding="utf-8"), language)

    def editors_url(self, language: str) -> str | None:
        """The editors' front page in this language (or the one shown in its place), if any."""
        folder = self.config.editors_folder
        if self.files is None or not folder:
            return None
        names = (f"{folder}/index.{language}.md", f"{folder}/index.md")
        return next((self.files.src_uris[name].url for name in names if name in self.files.src_uris), None)

    def organisation(self) -> Organisation:
        return Organisation(self.config.organisation.name, self.config.organisation.logo)

    def on_template_context(self, context: dict[str, Any], template_name: str,
                            config: MkDocsConfig) -> dict[str, Any]:
        if template_name == NOT_FOUND:
            context["onegoal_problems"] = self.problems
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
        output = self.scripted(output)
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
        env.bytecode_cache = _TEMPLATES
        if len(files):  # not the early look at the templates, before there are files
            try:
                env.globals["onegoal_theme_bundle"] = theme_bundle(list(files.src_uris))
            except ThemeChanged as error:
                raise PluginError(str(error)) from None
        self.env = env
        return env

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        # The server looks for saved files every half second; an editor waits for the page
        # less when it looks more often (the folders are small): a new watcher, same folders.
        watched = [config.docs_dir, *([config.config_file_path] if config.config_file_path else [])]
        for path in watched:
            server.unwatch(path)
        server.observer = PollingObserver(timeout=PREVIEW_POLLING)
        for path in [*watched, str(self.manuals_dir)]:
            server.watch(path)
        live_reload.reload_by_file(server)
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

    def early_env(self, config: MkDocsConfig) -> Environment:
        """The theme's templates before MkDocs hands them over (it does so after reading the
        pages, and glossary terms are marked while reading them)."""
        if self.env is None:
            self.on_env(config.theme.get_env(), config, Files([]))
        return self.env_or_fail()

    def library_or_fail(self) -> Library:
        if self.library is None:
            raise PluginError("the onegoal plugin has not read the manuals yet")
        return self.library


def preview_only(config: MkDocsConfig, language: str) -> None:
    """Build only the previewed language (and the source, the root every language hangs from)."""
    i18n = config.plugins.get("i18n")
    locales = [lang.locale for lang in i18n.config.languages] if i18n is not None else []
    if language not in locales:
        raise PluginError(f"mkdocs.yml: the preview language '{language}' is not a site language "
                          f"({', '.join(locales)}). Use one of them, as in `make serve LANG=en`.")
    for lang in i18n.config.languages:
        lang.build = lang.default or lang.locale == language


def theme_dirs(config: MkDocsConfig) -> list[Path]:
    """The site's own theme folder (overrides/), whose files the build copies into the site."""
    custom_dir = config.theme.custom_dir
    return [Path(custom_dir)] if custom_dir else []


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


def repo_path(path: Path, root: Path) -> str:
    """A file's path in the repository, whose root holds mkdocs.yml."""
    return path.resolve().relative_to(root.resolve()).as_posix()
