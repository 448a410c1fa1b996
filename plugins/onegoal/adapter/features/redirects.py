"""Old addresses kept: a page at each step's former name (or number) that leads to where it is now."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from onegoal.adapter.features.base import Feature
from onegoal.content.pages import redirects
from onegoal.content.translation import direction

REDIRECT_TEMPLATE = "onegoal/redirect.html"


class Redirects(Feature):
    name = "redirects"

    def on_own_languages_built(self, config: MkDocsConfig) -> None:
        """Every language's old addresses: none is a page any language build writes."""
        template = config.theme.get_env().get_template(REDIRECT_TEMPLATE)
        for redirect in redirects(self.build.library_or_fail()):
            title = self.build.fallbacks.shown(redirect.step, redirect.language).text.title
            path = Path(config.site_dir) / redirect.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(template.render(redirect=redirect, title=title,
                                            direction=direction(redirect.language)), encoding="utf-8")
