"""The glossary: a glossary page per language, and each term marked with its explanation
where it first appears in a step's body or a docs page."""

from __future__ import annotations

import html
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from onegoal.adapter.features.base import AddedPages
from onegoal.adapter.reading import GLOSSARY_PAGE
from onegoal.content.glossary import Term
from onegoal.content.pages import PageSpec, for_editors
from onegoal.web.terms import TermForms, mark_first

TERM_TEMPLATE = "partials/onegoal/term.html"


class GlossaryPages(AddedPages):
    def new_build(self) -> None:
        self.pages: dict[str, str] = {}  # the glossary page of each language, by source path
        # Per language: each term's pages (title, address); per manual and language: its terms.
        self.term_pages: dict[str, dict[str, list[tuple[str, str]]]] = {}
        self.manual_terms: dict[tuple[str, str], list[str]] = {}
        self.forms: dict[str, TermForms[Term]] = {}  # by the language of a page's text

    def on_library(self, config: MkDocsConfig) -> None:
        """The glossary page of every language, by source path: language."""
        library = self.build.library_or_fail()
        stem = GLOSSARY_PAGE.removesuffix(".md")
        self.pages = {(GLOSSARY_PAGE if lang == library.source_language else f"{stem}.{lang}.md"): lang
                      for lang in library.languages} if self.build.glossary.terms else {}

    def terms_of(self, manual_id: str, language: str) -> list[str]:
        """The terms a manual's steps mark, in this language: its print page explains them."""
        return self.manual_terms.get((manual_id, language), [])

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.pages:
            page.title = self.build.ui_string(config, "glossary.title")
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.pages:
            # The page's words come from its template; the search reads them from here.
            return self.build.views(config).searchable_glossary(self.build.glossary)
        spec = self.build.spec(page)
        if spec is not None and spec.printed:
            return html
        return self.mark_terms(html, page, spec, config)

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        if page.file.src_uri in self.pages:
            views = self.build.views(config)
            context["onegoal_glossary"] = views.glossary(self.build.glossary, self.term_pages.get(views.language, {}))
            page.content = ""  # the search has read the terms; the template shows them

    def mark_terms(self, content: str, page: Page, spec: PageSpec | None, config: MkDocsConfig) -> str:
        """The glossary's terms marked where they first appear in a step's body or a docs page."""
        glossary = self.build.glossary
        if not glossary.terms or (spec is None and for_editors(page.file.src_uri, self.build.config.editors_folder)):
            return content
        views = self.build.views(config)
        forms = self.forms_in(self.text_language(page, spec, config))
        template = self.build.early_env(config).get_template(TERM_TEMPLATE)
        counter = iter(range(1, 10_000))

        def render(term: Term, words: str) -> str:
            explanation = glossary.explain(term, views.language, self.build.fallbacks)
            return template.render(term=explanation, words=Markup(words), number=next(counter),
                                   text_language=views.text_language(explanation.language), config=config)

        content, found = mark_first(content, forms, render)
        pages = self.term_pages.setdefault(views.language, {})
        for term in found:
            # Page titles are HTML to MkDocs (see ManualPages.on_page_markdown); the views hold text.
            pages.setdefault(term.id, []).append((html.unescape(str(page.title or "")), page.url))
        if spec is not None:
            self.manual_terms.setdefault((spec.manual.id, views.language), []).extend(term.id for term in found)
        return content

    def forms_in(self, language: str) -> TermForms[Term]:
        """The words that stand for the terms in a text of `language`."""
        if language not in self.forms:
            glossary = self.build.glossary
            # The first term listed keeps a word two terms share.
            self.forms[language] = TermForms({form.lower(): term for term in reversed(glossary.terms)
                                              for form in glossary.forms(term, language)})
        return self.forms[language]

    def text_language(self, page: Page, spec: PageSpec | None, config: MkDocsConfig) -> str:
        """The language the page's text is written in: a step may show another language's words."""
        views = self.build.views(config)
        if spec is not None and spec.step:
            return views.shown(spec.step).language
        if spec is not None or page.file.src_uri.endswith(f".{views.language}.md"):
            return views.language
        return views.library.source_language
