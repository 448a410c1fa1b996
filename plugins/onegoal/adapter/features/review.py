"""The review view (`make serve REVIEW=1 LANG=so`): while previewing, a review/ section of one
language's steps, each beside its source, with the translation checks' findings."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from onegoal.adapter.features.base import AddedPages
from onegoal.checks.translation_checks import translation_warnings
from onegoal.content.model import Manual, Step
from onegoal.content.problems import Problem
from onegoal.content.rendering import MarkdownSetup
from onegoal.editors.translate import review


class ReviewPages(AddedPages):
    def new_build(self) -> None:
        self.pages: dict[str, tuple[Manual, Step] | None] = {}  # by source path; None: the list
        self.findings: list[Problem] | None = None  # the translation checks, once per rebuild

    def on_library(self, config: MkDocsConfig) -> None:
        """The review view's pages: only while previewing, only for a translated language."""
        language, library = self.build.config.review_language, self.build.library_or_fail()
        if not self.build.serving or not language:
            self.pages = {}
            return
        if language == library.source_language or language not in library.languages:
            raise PluginError(f"the review view needs a language to review ({', '.join(library.languages[1:])}), "
                              f"as in `make serve REVIEW=1 LANG=so`, not '{language}'.")
        self.pages = review.uris(library, language)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.pages:
            page.meta["template"] = review.TEMPLATE
            found = self.pages[page.file.src_uri]
            page.title = html.escape(found[1].source.title if found else "Review")
        return markdown

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        if page.file.src_uri not in self.pages:
            return
        library, language = self.build.library_or_fail(), self.build.config.review_language or ""
        found = self.pages[page.file.src_uri]
        if found is None:
            pages = {uri: self.build.url_of(uri) for uri, step in self.pages.items() if step is not None}
            context["onegoal_review_list"] = review.listing(library, language, pages)
            context["onegoal_review_language"] = language
            return
        if self.findings is None:
            self.findings = translation_warnings(library, self.build.glossary, Path(config.docs_dir))
        path = found[1].path.with_name(f"{found[1].slug}.{language}.md")
        findings = [problem for problem in self.findings if problem.path == path]
        setup = MarkdownSetup.of(config.markdown_extensions, config.mdx_configs)
        context["onegoal_review"] = review.reviewed_step(library, *found, language, self.build.glossary,
                                                         findings, setup)
