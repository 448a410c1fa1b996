"""What mkdocs.yml says about the content, read without MkDocs: the editors' tools run
where the site's theme and plugins are not loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from onegoal.content.model import AUDIENCES
from onegoal.content.rendering import MarkdownSetup


class _SiteConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while skipping tags such as !ENV that only MkDocs resolves."""


_SiteConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteSettings:
    manuals_dir: Path
    languages: list[str]
    source_language: str
    fallbacks: dict[str, list[str]]
    docs_dir: Path
    audiences: list[str]
    markdown: MarkdownSetup
    theme_dir: Path | None


class SiteConfigError(Exception):
    """mkdocs.yml cannot be read as the site's settings."""


def site_settings(config_file: Path) -> SiteSettings:
    """What mkdocs.yml says about the manuals: folder, languages, source, fallbacks."""
    try:
        return _site_settings(config_file)
    except yaml.YAMLError as error:
        raise SiteConfigError(f"{config_file}: cannot be read as YAML: {error}") from None
    except (AttributeError, KeyError, TypeError) as error:
        raise SiteConfigError(f"{config_file}: the i18n or onegoal plugin settings are not as "
                              f"expected ({error!r}); run `mkdocs build` for details.") from None


def _site_settings(config_file: Path) -> SiteSettings:
    with config_file.open(encoding="utf-8") as stream:
        config: dict[str, Any] = yaml.load(stream, Loader=_SiteConfigLoader) or {}
    plugins = {}
    for entry in config.get("plugins") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        plugins[name] = settings or {}
    onegoal = plugins.get("onegoal", {})
    manuals = config_file.parent / onegoal.get("manuals_dir", "manuals")
    languages = plugins.get("i18n", {}).get("languages") or []
    locales = [lang["locale"] for lang in languages if lang.get("locale") != "null"]
    defaults = [lang["locale"] for lang in languages if lang.get("default")]
    source = defaults[0] if defaults else (config.get("theme") or {}).get("language", "en")
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    return SiteSettings(manuals, locales or [source], source, onegoal.get("fallbacks") or {},
                        config_file.parent / config.get("docs_dir", "docs"),
                        onegoal.get("audiences") or list(AUDIENCES), markdown_setup(config.get("markdown_extensions")),
                        config_file.parent / custom_dir if custom_dir else None)


def markdown_setup(entries: list[Any] | None) -> MarkdownSetup:
    """mkdocs.yml's Markdown extensions and settings; a setting only MkDocs can make (a tagged
    value such as the anchors' slug function) is left to the extension's default, which
    renders the same elements and attributes."""
    names, configs = [], {}
    for entry in entries or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = {key: value for key, value in (options or {}).items() if value is not None}
    return MarkdownSetup.of(names, configs)
