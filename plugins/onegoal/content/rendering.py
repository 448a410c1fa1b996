"""Markdown made into HTML the way the site makes it: the same extensions with the same
settings, so that what the content check judges is what readers' browsers receive."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import markdown

# MkDocs adds these to every site's extensions; the check must render as the site does.
SITE_BUILTINS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class MarkdownSetup:
    """The site's Markdown extensions and their settings (mkdocs.yml's markdown_extensions)."""

    extensions: tuple[str, ...] = SITE_BUILTINS
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, extensions: Sequence[str], configs: Mapping[str, Mapping[str, Any]]) -> MarkdownSetup:
        names = tuple(dict.fromkeys([*SITE_BUILTINS, *extensions]))
        return cls(names, {name: dict(configs.get(name) or {}) for name in names})

    def render(self, text: str) -> str:
        return _render(self, text)

    def __hash__(self) -> int:
        return hash(self.extensions)


@lru_cache(maxsize=4096)
def _render(setup: MarkdownSetup, text: str) -> str:
    """A body's HTML; the same text shown in several languages (or read again by a preview's
    rebuild) is rendered once."""
    converter = _converter(setup)
    converter.reset()
    return converter.convert(text)


@lru_cache(maxsize=8)
def _converter(setup: MarkdownSetup) -> markdown.Markdown:
    return markdown.Markdown(extensions=list(setup.extensions),
                             extension_configs={name: dict(options) for name, options in setup.configs.items()})
