"""When each file last changed, from git, in one `git log` call.

A shallow clone knows only its newest commit, so every file would seem to
have changed that day: then (and outside git) there is no history, and
callers fall back to front matter `updated:` or show no date at all.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

COMMIT_MARK = "\x1e"


def last_changed(repo: Path, folder: str = "docs") -> dict[Path, date]:
    """{absolute path: date of its last commit}; {} when there is no usable history."""
    toplevel = _toplevel_with_history(repo)
    if toplevel is None:
        return {}
    try:
        log = subprocess.run(
            ["git", "log", f"--format={COMMIT_MARK}%cs", "--name-only", "--no-renames", "--", folder],
            cwd=repo, capture_output=True, text=True, check=True, timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    return {(toplevel / path).resolve(): day for path, day in parse_log(log).items()}


def parse_log(log: str) -> dict[str, date]:
    """Newest first, as git prints it: the first date seen for a path wins."""
    dates: dict[str, date] = {}
    for commit in log.split(COMMIT_MARK)[1:]:
        lines = [line.strip() for line in commit.strip().splitlines() if line.strip()]
        if not lines:
            continue
        day = date.fromisoformat(lines[0])
        for path in lines[1:]:
            dates.setdefault(path, day)
    return dates


def _toplevel_with_history(repo: Path) -> Path | None:
    try:
        result = subprocess.run(["git", "rev-parse", "--is-shallow-repository", "--show-toplevel"],
                                cwd=repo, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    shallow, toplevel = result.stdout.strip().split("\n", 1)
    return Path(toplevel.strip()) if shallow.strip() == "false" else None
