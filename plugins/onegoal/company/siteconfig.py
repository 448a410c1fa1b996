"""mkdocs.yml read and written as YAML, its tagged values (!ENV, !!python/...) kept as they
are for MkDocs to resolve: for the tools that make a variant of the site's configuration
(a company's copy, the benchmarks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Tagged:
    """A value given with a tag, kept as written."""

    tag: str
    node: yaml.Node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: Tagged("!" + suffix, node))
_Loader.add_multi_constructor("tag:yaml.org,2002:python/",
                              lambda loader, suffix, node: Tagged("tag:yaml.org,2002:python/" + suffix, node))
_Dumper.add_representer(Tagged, lambda dumper, value: _retagged(value))


def _retagged(value: Tagged) -> yaml.Node:
    value.node.tag = value.tag
    return value.node


def read_config(text: str) -> dict[str, Any]:
    return yaml.load(text, Loader=_Loader) or {}


def write_config(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
