"""The loader never raises anything but its content errors, whatever is in the files: a
property test mutates a step's front matter and manual.yml, and every outcome is either a
library or a list of `path:line: what to do` problems."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from library_factory import LANGUAGES, write_manual

from onegoal.content.loader import load_library
from onegoal.content.problems import ContentError

# Constructs that broke the loader before, and others of their kind.
NASTY = [
    "!!int abc", "!!timestamp abc", "!!float x", "!!binary xyz", "!!python/object:os.system x", "!foo bar",
    "? [a, b]\n: c", "? {a: b}\n: c", "2026-02-30: x", "2026-13-45", "[" * 1000 + "]" * 1000,
    "{" * 500 + "}" * 500, "9" * 5000, "-" * 3, "&a x", "*a", "<<: {a: b}", "no: x", "yes", "~", "null",
    "'unclosed", '"unclosed', "|\n  block", ">\n  folded", "\t- tab", "%YAML 1.2", "--- \n...", "\x00", "\ufeff",
    "a: b: c", "- - - x", "[a, b", "{a: b", ": x", "?", "\\", "@x", "`x", "%", "2026-11-27", "1e999", "0x1F",
    ".inf", "-.nan", "0o17", "1_000", "title:", "checklist: x", "goals: [1, 2]", "checklist: [{id: 1, text: 2}]",
    "version: -1", "version: 1.5", "steps: [steg-1, steg-1]", "steps: {a: b}", "changelog: [[]]",
]


def mutated(text: str, data: st.DataObject) -> str:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.integers(0, len(lines)))
        kind = data.draw(st.sampled_from(["insert", "replace", "append", "delete", "text"]))
        snippet = data.draw(st.sampled_from(NASTY))
        if kind == "insert":
            lines.insert(where, snippet)
        elif kind == "replace" and where < len(lines):
            name = lines[where].split(":", 1)[0]
            lines[where] = f"{name}: {snippet}"
        elif kind == "append" and where < len(lines):
            lines[where] += " " + snippet
        elif kind == "delete" and where < len(lines):
            del lines[where]
        else:
            lines.insert(where, data.draw(st.text(max_size=40)))
    return "\n".join(lines)


WORK = Path(tempfile.mkdtemp(prefix="onegoal-properties-"))
TEMPLATE = write_manual(WORK / "template", "demo", steps=2)
EXAMPLES = 1500


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), target=st.sampled_from(["steg-1.md", "steg-2.en.md", "manual.yml"]))
def any_front_matter_or_manual_yml_gives_a_library_or_content_errors(data: st.DataObject, target: str) -> None:
    root = WORK / "library"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(TEMPLATE.parent, root)
    path = root / "demo" / target
    original = path.read_text(encoding="utf-8")
    if target.endswith(".md"):
        front, _, body = original[4:].partition("\n---\n")
        path.write_text("---\n" + mutated(front, data) + "\n---\n" + body, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_text(mutated(original, data), encoding="utf-8", errors="surrogatepass")
    try:
        load_library(root, LANGUAGES, "sv")
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.message and problem.path.is_relative_to(root)


def test_any_front_matter_or_manual_yml_gives_a_library_or_content_errors() -> None:
    """The property above, over enough examples to try every nasty construct many times;
    its run time is printed (pytest -s) for the record."""
    assert EXAMPLES >= 10 * len(NASTY)
    start = time.perf_counter()
    any_front_matter_or_manual_yml_gives_a_library_or_content_errors()
    print(f"\n{EXAMPLES} examples in {time.perf_counter() - start:.1f} s")
