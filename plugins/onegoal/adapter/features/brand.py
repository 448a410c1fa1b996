"""A company's colour in its own copy: a style sheet the copy links (company/corporate.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from onegoal.adapter.features.base import Feature
from onegoal.company.brand import COLOUR
from onegoal.company.corporate import BRAND_CSS

BRAND_TEMPLATE = "onegoal/brand.css.html"


class BrandColour(Feature):
    def on_post_build(self, config: MkDocsConfig) -> None:
        color = self.build.config.organisation.color
        if not color:
            return
        if not COLOUR.match(color):
            raise PluginError(f"mkdocs.yml: onegoal organisation color '{color}' must be written \"#rrggbb\".")
        path = Path(config.site_dir) / BRAND_CSS
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(config.theme.get_env().get_template(BRAND_TEMPLATE).render(color=color), encoding="utf-8")
