"""Paper: every manual's print page (its steps in one page, a cover, contents and glossary)
with its footer, and its PDF printed after the build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from onegoal.adapter.features.base import Feature
from onegoal.adapter.features.glossary import GlossaryPages
from onegoal.adapter.state import BuildState
from onegoal.content.pages import PRINT_NAME, PageSpec, language_folder, src_uri
from onegoal.paper.pdf import PdfError, PdfJob, make_pdfs, pdf_name
from onegoal.web.view_models import Organisation, PrintView

log = get_plugin_logger(__name__)

FOOTER_TEMPLATE = "onegoal/print-footer.css.html"  # .html: the build does not copy it into the site
FOOTER_FILE = "footer.css"


class PrintPages(Feature):
    def __init__(self, build: BuildState, glossary: GlossaryPages) -> None:
        super().__init__(build)
        self.glossary = glossary

    def new_build(self) -> None:
        self.printed: dict[str, PrintView] = {}  # by source path: its footer is written after the page

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """A step's body (its terms marked), kept for its manual's print page."""
        spec = self.build.spec(page)
        if spec is not None and spec.step is not None and not spec.printed:
            self.build.bodies[page.file.src_uri] = html
        return html

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        spec = self.build.spec(page)
        if spec is None:
            return
        views = self.build.views(config)
        context["onegoal_print_links"] = {"page": views.print_url(spec.manual), "pdf": None}
        if spec.printed:
            organisation = Organisation(self.build.config.organisation.name, self.build.config.organisation.logo)
            terms = self.glossary.terms_of(spec.manual.id, views.language)
            context["onegoal_print"] = views.printed(spec.manual, self.take_step_bodies(spec, views.language),
                                                     organisation, self.build.glossary, terms)
            self.printed[page.file.src_uri] = context["onegoal_print"]

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A print page's footer is a style sheet beside it: its words cannot be inline (CSP)."""
        printed = self.printed.pop(page.file.src_uri, None)
        if printed is not None:
            footer = self.build.env_or_fail().get_template(FOOTER_TEMPLATE).render(printed=printed, config=config)
            path = Path(page.file.abs_dest_path).parent / FOOTER_FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(footer, encoding="utf-8")
        return output

    def take_step_bodies(self, spec: PageSpec, language: str) -> dict[str, str]:
        """The manual's step bodies in this language, given up by the build: its print page is
        the only one to show them, and a large library's bodies would fill the memory."""
        source = self.build.library_or_fail().source_language
        return {step.slug: self.build.bodies.pop(src_uri(spec.manual, step.slug, language, source), "")
                for step in spec.manual.steps}


class Pdfs(Feature):
    """Each print page printed to a PDF beside it (not while previewing); an unchanged page's
    PDF is taken from the cache."""

    name = "pdf"

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        spec, links = self.build.spec(page), context.get("onegoal_print_links")
        if spec is not None and links is not None and self.build.pdfs:
            links["pdf"] = pdf_name(spec.manual.id, self.build.views(config).language)

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.build.pdfs:
            return
        site, library = Path(config.site_dir), self.build.library_or_fail()
        jobs = []
        for manual in library.manuals:
            for language in library.languages:
                folder = site / language_folder(language, library.source_language) / manual.url_path / PRINT_NAME
                jobs.append(PdfJob(folder / "index.html", folder / pdf_name(manual.id, language)))
        cache = Path(config.config_file_path).parent / self.build.config.pdf_cache
        try:
            report = make_pdfs(jobs, cache, self.build.config.chromium)
        except PdfError as error:
            raise PluginError(str(error)) from None
        log.info(f"PDFs: {report.printed} printed, {report.reused} unchanged and taken from {cache}")
