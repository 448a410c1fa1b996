"""The GitHub workflows: both linters pass them, every action is pinned to a commit, and the
pull-request workflow runs the checks the editors' guide (CONTRIBUTING.md) describes."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent
# owner/repo[/path]@<40 hex digits> # vX.Y.Z
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+\.\d+\.\d+$")


def workflow_files() -> list[Path]:
    files = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert files, f"no workflows in {WORKFLOWS}"
    return files


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a workflow"
    return data


def triggers(workflow: dict[str, Any]) -> Any:
    # YAML 1.1 reads the key `on` as True.
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for job in (workflow.get("jobs") or {}).values():
        yield from job.get("steps") or []


def run_linter(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)


def test_actionlint_finds_nothing() -> None:
    actionlint = BIN / "actionlint"
    assert actionlint.exists(), "actionlint is pinned in requirements.lock: run make test to install it"
    result = run_linter([str(actionlint), "-no-color", *map(str, workflow_files())])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout


def test_zizmor_finds_nothing() -> None:
    zizmor = BIN / "zizmor"
    assert zizmor.exists(), f"zizmor is not installed next to {sys.executable}: make installs requirements.lock"
    result = run_linter([str(zizmor), "--offline", "--no-config", "--no-progress", "--strict-collection",
                         "--format", "json", str(WORKFLOWS)])
    assert result.returncode == 0, result.stdout + result.stderr
    findings = json.loads(result.stdout)
    assert findings == [], json.dumps(findings, indent=2)


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    for path in workflow_files():
        text = path.read_text(encoding="utf-8")
        uses = [match for line in text.splitlines() if (match := USES_LINE.match(line))]
        assert uses, f"{path.name}: no actions used"
        for match in uses:
            ref = match["ref"].strip("'\"")
            assert PINNED.match(ref), f"{path.name}: {ref} is not pinned to a full commit SHA"
            assert VERSION_COMMENT.match(match["rest"]), f"{path.name}: {ref} needs a '# vX.Y.Z' comment"
        # Every `uses:` the YAML holds is one of the lines checked above.
        parsed = [step["uses"] for step in steps(load(path)) if "uses" in step]
        assert sorted(parsed) == sorted(match["ref"].strip("'\"") for match in uses)


def test_no_expression_inside_a_run_script() -> None:
    for path in workflow_files():
        for step in steps(load(path)):
            assert "${{" not in step.get("run", ""), f"{path.name}: pass {step['run']!r} its values through env:"


def test_permissions_are_read_only_except_for_publishing() -> None:
    for path in workflow_files():
        workflow = load(path)
        assert workflow.get("permissions") == {"contents": "read"}, f"{path.name}: top-level permissions"
        for name, job in workflow["jobs"].items():
            granted = job.get("permissions") or {}
            writes = {scope for scope, level in granted.items() if level == "write"}
            publishes = any(str(step.get("uses", "")).startswith("actions/deploy-pages@")
                            for step in job.get("steps") or [])
            assert writes <= ({"pages", "id-token"} if publishes else set()), f"{path.name}: job {name} writes {writes}"


def test_checkouts_keep_no_credentials() -> None:
    for path in workflow_files():
        for step in steps(load(path)):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert (step.get("with") or {}).get("persist-credentials") is False, path.name


def test_the_pull_request_workflow_runs_every_check() -> None:
    on_pull_request = [path for path in workflow_files() if "pull_request" in (triggers(load(path)) or {})]
    assert len(on_pull_request) == 1, on_pull_request
    workflow = load(on_pull_request[0])
    scripts = "\n".join(step.get("run", "") for step in steps(workflow))
    for command in ("make check AGAINST=", "make site", "make test", "onegoal status --format markdown"):
        assert command in scripts, f"{on_pull_request[0].name} does not run {command!r}"
    assert '>> "$GITHUB_STEP_SUMMARY"' in scripts
    uploads = [step for step in steps(workflow) if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert [step["with"]["path"].rstrip("/") for step in uploads] == ["site"]
    checkouts = [step for step in steps(workflow) if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts and checkouts[0]["with"].get("fetch-depth") == 0, "make check AGAINST= needs the base branch"


def test_the_publishing_workflow_builds_with_the_site_address() -> None:
    on_push = [path for path in workflow_files() if "push" in (triggers(load(path)) or {})]
    assert len(on_push) == 1, on_push
    workflow = load(on_push[0])
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["group"] == "pages"
    build = next(step for step in steps(workflow) if step.get("run", "").strip() == "make site")
    assert build["env"]["ONEGOAL_SITE_URL"].endswith("outputs.base_url }}/")
    assert build["env"]["ONEGOAL_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    used = [str(step.get("uses", "")).split("@")[0] for step in steps(workflow)]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in used, action
