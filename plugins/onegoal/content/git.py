"""The project's git history, asked through the git command: what the content was at an
earlier revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

TIMEOUT = 60  # seconds: a history that takes longer is treated as not there


class GitError(Exception):
    """git is not there, or could not answer; the message says why."""


def git(cwd: Path, *args: str) -> bytes:
    """What `git -C cwd args` prints; raises GitError when it fails."""
    try:
        result = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"git {args[0]} could not run ({error})") from None
    if result.returncode != 0:
        raise GitError(result.stderr.decode(errors="replace").strip() or f"git {args[0]} failed")
    return result.stdout
