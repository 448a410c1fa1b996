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
    def __init__(self, line: int, problem: str, message: str | None = None) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem
        self.message = message or (f"YAML syntax error: {problem}. "
                                   "Check the indentation, the colon after each name and the quotes.")


def parse(text: str, first_line: int) -> Located:
    """Parse `text`, whose first line is line `first_line` of its file.

    Only YAML's plain scalars, lists and maps with text keys are read; anything else is a
    YamlSyntaxError with a line, never another exception.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Key, int] = {}
        if node is not None:
            _Walk(loader, first_line, lines).node(node, ())
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        # The context mark is where the broken construct starts, which is where the typo usually is.
        mark = error.context_mark or error.problem_mark
        line = first_line + (mark.line if mark else 0)
        raise YamlSyntaxError(line, error.problem or str(error)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(first_line, str(error)) from None
    except RecursionError:
        message = "the values are nested too deeply to read. Write them as plain lists and 'name: value' lines."
        raise YamlSyntaxError(first_line, message, message) from None
    except (ValueError, TypeError, OverflowError) as error:
        message = f"a value cannot be read ({error}). Write it as plain text, a whole number or a date."
        raise YamlSyntaxError(first_line, message, message) from None
    finally:
        loader.dispose()
    return Located(data, lines, first_line)


MAX_DEPTH = 20
MAX_DIGITS = 30
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_CONTAINERS = {yaml.SequenceNode: "tag:yaml.org,2002:seq", yaml.MappingNode: "tag:yaml.org,2002:map"}


class _Walk:
    """Notes the line of every key and item, and refuses what PyYAML would accept silently
    or fail on without a line: repeated keys, anchors reused with *, impossible dates."""

    def __init__(self, loader: yaml.SafeLoader, first_line: int, lines: dict[Key, int]) -> None:
        self.loader = loader
        self.first_line = first_line
        self.lines = lines
        self.seen: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def fail(self, node: yaml.Node, message: str) -> YamlSyntaxError:
        return YamlSyntaxError(self.line(node), message, message)

    def node(self, node: yaml.Node, key: Key) -> None:
        if id(node) in self.seen:
            message = "anchors and aliases (& and *) are not used in manuals: write the value out."
            raise YamlSyntaxError(self.lines.get(key, self.first_line), message, message)
        self.seen.add(id(node))
        if len(key) > MAX_DEPTH:
            raise self.fail(node, "the values are nested too deeply. Write them as plain lists and 'name: value' lines.")
        self.check_tag(node)
        if isinstance(node, yaml.MappingNode):
            self.mapping(node, key)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.lines[(*key, index)] = self.line(item)
                self.node(item, (*key, index))
        elif node.tag == "tag:yaml.org,2002:timestamp":
            try:
                self.loader.construct_yaml_timestamp(node)
            except (ValueError, TypeError):
                message = f"{node.value} is not a real date: write dates as YYYY-MM-DD."
                raise YamlSyntaxError(self.line(node), message, message) from None

    def check_tag(self, node: yaml.Node) -> None:
        """No tags (!!int, !foo): a value is what it looks like, or the file says where not."""
        if type(node) in _CONTAINERS:
            expected = _CONTAINERS[type(node)]
        elif node.style:  # quoted or a block of text: always text
            expected = _STR
        else:
            expected = self.loader.resolve(yaml.ScalarNode, node.value, (True, False))
        if node.tag != expected:
            raise self.fail(node, f"'{node.tag.rsplit(':', 1)[-1]}' tags (a '!' before a value) are not used in "
                                  "manuals: write the value on its own, in quotes if it is text.")
        if node.tag == _INT and len(node.value) > MAX_DIGITS:
            raise self.fail(node, f"the number {node.value[:10]}... has {len(node.value)} digits: write a real "
                                  "number, or put the text in quotes.")

    def mapping(self, node: yaml.MappingNode, key: Key) -> None:
        names: set[object] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a list or map"
                raise self.fail(key_node, f"the name '{shown}' before a colon must be a word; put it in quotes "
                                          "if it looks like a number, a date, yes/no or true/false.")
            if key_node.value in names:
                message = f"'{key_node.value}' is written twice: keep one of them."
                raise YamlSyntaxError(self.line(key_node), message, message)
            names.add(key_node.value)
            child = (*key, key_node.value)
            self.lines[child] = self.line(key_node)
            self.node(value_node, child)
