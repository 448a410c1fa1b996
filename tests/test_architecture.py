"""The package's plan holds: a package per stage, imports that run one way (README's code
map), the content core free of MkDocs, and modules and functions short enough to read in
one pass. The rules are checked on the package itself and, to show they bite, on small
made-up packages that break them."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import onegoal

PACKAGE = Path(onegoal.__file__).parent
TESTS = Path(__file__).parent

# What each stage may import, besides itself (the README's code map says the same).
MAY_IMPORT = {
    "content": set(),
    "checks": {"content"},
    "paper": {"content"},
    "web": {"content", "paper"},
    "company": {"content", "checks"},
    "editors": {"content", "checks", "company", "paper", "web"},
    "adapter": {"content", "checks", "company", "paper", "web", "editors"},
}
# The site generator and its theme: only the adapter speaks to them.
MKDOCS = {"mkdocs", "material", "mkdocs_static_i18n", "jinja2", "watchdog"}
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
MAX_EVENT_LINES = 40


def modules(package: Path) -> list[Path]:
    return sorted(path for path in package.rglob("*.py") if path.name != "__init__.py")


def stage_of(path: Path, package: Path) -> str:
    return path.relative_to(package).parts[0]


def imported(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, at any depth of its code, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "." * node.level + (node.module or "")))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def import_problems(package: Path, name: str = "onegoal") -> list[str]:
    """Imports that run up or across stages, relative imports (whose stage a reader must work
    out), and MkDocs outside the adapter."""
    problems = []
    for path in modules(package):
        stage = stage_of(path, package)
        if stage not in MAY_IMPORT:
            problems.append(f"{path}: in no stage; put it in one of {', '.join(MAY_IMPORT)}")
            continue
        for line, module in imported(path):
            parts = module.split(".")
            if module.startswith("."):
                problems.append(f"{path}:{line}: relative import {module}; name the stage")
            elif parts[0] == name and len(parts) > 1 and parts[1] not in MAY_IMPORT[stage] | {stage}:
                problems.append(f"{path}:{line}: {stage} imports {module}, of the stage {parts[1]}")
            elif parts[0] in MKDOCS and stage != "adapter":
                problems.append(f"{path}:{line}: {stage} imports {module}; only the adapter speaks to MkDocs")
    return problems


def length_problems(package: Path) -> list[str]:
    problems = []
    for path in modules(package):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            problems.append(f"{path}: {len(text.splitlines())} lines, more than {MAX_MODULE_LINES}")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                limit = MAX_EVENT_LINES if node.name.startswith("on_") else MAX_FUNCTION_LINES
                if lines > limit:
                    problems.append(f"{path}:{node.lineno}: {node.name} is {lines} lines, more than {limit}")
    return problems


# -- the package -------------------------------------------------------------------------------

def test_every_module_is_in_a_stage_and_imports_run_one_way() -> None:
    assert import_problems(PACKAGE) == []


def test_no_module_over_300_lines_no_function_over_60_no_event_over_40() -> None:
    assert length_problems(PACKAGE) == []


def test_the_plugin_is_registered_from_the_adapter_and_the_cli_from_the_editors_stage() -> None:
    from importlib.metadata import entry_points

    plugins = {entry.name: entry.value for entry in entry_points(group="mkdocs.plugins")}
    scripts = {entry.name: entry.value for entry in entry_points(group="console_scripts")}
    assert plugins["onegoal"].startswith("onegoal.adapter.")
    assert scripts["onegoal"].startswith("onegoal.editors.")


# -- the rules bite -----------------------------------------------------------------------------

def made_up(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "onegoal"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return package


def test_an_import_up_the_stages_is_found(tmp_path: Path) -> None:
    package = made_up(tmp_path, {
        "content/model.py": "from onegoal.web.views import Views\n",
        "checks/links.py": "def later():\n    from onegoal.adapter.plugin import OneGoalPlugin\n",
        "web/views.py": "from onegoal.content.model import Library\nfrom . import search\n",
        "paper/pdf.py": "import mkdocs.config\n",
        "loose.py": "",
    })
    problems = import_problems(package)
    assert any("content imports onegoal.web.views" in problem for problem in problems)
    assert any("checks imports onegoal.adapter.plugin" in problem for problem in problems)
    assert any("relative import ." in problem for problem in problems)
    assert any("only the adapter speaks to MkDocs" in problem for problem in problems)
    assert any("loose.py: in no stage" in problem for problem in problems)
    assert not any("onegoal.content.model" in problem for problem in problems)


def test_a_long_module_or_function_is_found(tmp_path: Path) -> None:
    long_function = "def long():\n" + "    x = 1\n" * 60
    long_event = "class Handler:\n    def on_page_context(self):\n" + "        x = 1\n" * 40
    package = made_up(tmp_path, {
        "content/long_module.py": "x = 1\n" * 301,
        "content/long_function.py": long_function,
        "adapter/long_event.py": long_event,
        "content/short.py": "def short():\n" + "    x = 1\n" * 59,
    })
    problems = length_problems(package)
    assert any("long_module.py: 301 lines" in problem for problem in problems)
    assert any("long is 61 lines" in problem for problem in problems)
    assert any("on_page_context is 41 lines" in problem for problem in problems)
    assert not any("short" in problem for problem in problems)


# -- the content core without MkDocs ------------------------------------------------------------

BLOCKED = """
import importlib.abc, sys

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ImportError(f"{{name}} is blocked in this test")
        return None

sys.meta_path.insert(0, Blocked())
"""

LOAD = """
import importlib, pkgutil
from pathlib import Path

import onegoal.checks, onegoal.content
for package in (onegoal.content, onegoal.checks):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)

from library_factory import write_manual
from onegoal.checks.pipeline import load_content
from onegoal.content.rendering import MarkdownSetup
from onegoal.content.translation import Fallbacks

root = Path({root!r})
write_manual(root / "manuals", "demo", steps=3)
(root / "docs").mkdir()
content = load_content(root / "manuals", root / "docs", ["sv", "en"], "sv", Fallbacks({{}}, "sv"),
                       MarkdownSetup.of([], {{}}))
manual = content.library.manuals[0]
print(manual.id, len(manual.steps), sorted(manual.steps[0].translations))
try:
    import mkdocs
except ImportError as error:
    print("blocked:", error)
"""


def test_the_content_core_reads_and_checks_a_library_with_mkdocs_blocked(tmp_path: Path) -> None:
    script = BLOCKED.format(blocked=sorted(MKDOCS)) + LOAD.format(root=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"PYTHONPATH": str(TESTS), "PATH": ""}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["demo 3 ['en']", "blocked: mkdocs is blocked in this test"]
