"""The plugin's settings in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class OneGoalConfig(Config):
    manuals_dir = c.Type(str, default="manuals")
    """Folder holding the manuals, relative to mkdocs.yml."""

    fallbacks = c.Type(dict, default={})
    """Per language, the languages to show before the source when a step is not translated,
    e.g. `so: [en]`. The source language always comes last."""
