"""YAML read with the line of every value, so that problems can point at it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Key = tuple[Any, ...]

# libyaml's parser when PyYAML was built with it: the same results, many times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Located:
    """Parsed YAML data plus the file line of every mapping key and list item."""

    data: Any
    lines: dict[Key, int]
    first_line: int

    def line(self, *key: Any) -> int:
        """The line of `key`, or of the nearest enclosing value that has one."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.first_line


class YamlSyntaxError(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def parse(text: str, first_line: int) -> Located:
    """Parse `text`, whose first line is line `first_line` of its file."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        # The context mark is where the broken construct starts, which is where the typo usually is.
        mark = error.context_mark or error.problem_mark
        line = first_line + (mark.line if mark else 0)
        raise YamlSyntaxError(line, error.problem or str(error)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(first_line, str(error)) from None
    finally:
        loader.dispose()
    lines: dict[Key, int] = {}
    if node is not None:
        _collect_lines(node, (), first_line, lines)
    return Located(data, lines, first_line)


def _collect_lines(node: yaml.Node, key: Key, first_line: int, lines: dict[Key, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*key, key_node.value)
            lines[child] = first_line + key_node.start_mark.line
            _collect_lines(value_node, child, first_line, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item_node in enumerate(node.value):
            child = (*key, index)
            lines[child] = first_line + item_node.start_mark.line
            _collect_lines(item_node, child, first_line, lines)
