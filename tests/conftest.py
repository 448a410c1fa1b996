from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

REPO = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"


def mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, check=False,
    )


def copy_project(target: Path, manuals: bool = True) -> Path:
    """A copy of the site's setup (config, theme overrides, docs) to build a test library."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides", "docs"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    if manuals:
        shutil.copytree(REPO / "manuals", target / "manuals")
    else:
        (target / "manuals").mkdir()
    return target / "mkdocs.yml"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real library, built once for the whole test run."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO / "mkdocs.yml", site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir
