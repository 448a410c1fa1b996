"""The page for a missing address, in every language's folder, working from any address
the server shows it at; and no sitemap when the site's address is not known."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from onegoal.adapter.features.base import Feature
from onegoal.adapter.features.theme import theme_or_fail
from onegoal.adapter.mkdocs_config import alternates, home_url
from onegoal.content.pages import language_folder
from onegoal.web.theme_assets import scripted

NOT_FOUND = "404.html"


class NotFoundPages(Feature):
    def on_template_context(self, context: dict[str, Any], template_name: str, config: MkDocsConfig) -> None:
        if template_name != NOT_FOUND:
            return
        context["onegoal_problems"] = self.build.problems
        views = self.build.views(config)
        root = language_folder(views.language, views.library.source_language)
        context["onegoal_language_root"] = root.as_posix()
        context["onegoal_home_url"] = home_url(root)
        for alternate in alternates(config):
            # A missing page has no translation: each language's link leads to its home.
            alternate["link"] = home_url(language_folder(alternate["lang"], views.library.source_language))
        if not config.site_url:
            # The page is shown at any missing address: its links start from its own
            # place in the site, which the server names with a <base> (see the README).
            context["base_url"] = "." if root == Path() else ".."

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """Each language gets its own 404 page in its folder, and a sitemap is only written
        when the site's address is known: without it, its addresses would be wrong."""
        if template_name == "sitemap.xml" and not config.site_url:
            return ""
        if template_name != NOT_FOUND:
            return output
        output = theme_or_fail(lambda: scripted(output))
        views = self.build.views(config)
        root = language_folder(views.language, views.library.source_language)
        if root == Path():
            return output
        path = Path(config.site_dir) / root / NOT_FOUND
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
        return ""
