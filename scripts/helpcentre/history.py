"""When each file last changed, from git, in one `git log` call.

A shallow clone knows only its newest commit, so every file would seem to
have changed that day: then (and outside git) there is no history, and
callers fall back to front matter `updated:` or show no date at all.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

COMMIT_MARK = "\x1e"


@dataclass(frozen=True)
class Change:
    """The last change to a file: a commit, or "now" for an uncommitted edit."""

    sha: str  # "" for an uncommitted edit
    timestamp: int

    @property
    def day(self) -> date:
        return datetime.fromtimestamp(self.timestamp, timezone.utc).date()

    @property
    def label(self) -> str:
        return f"{self.day.isoformat()} ({self.sha[:7]})" if self.sha else "in your working copy (not committed)"


def last_changes(repo: Path, folder: str = "docs", include_uncommitted: bool = False) -> dict[Path, Change]:
    """{absolute path: its last change}; {} when there is no usable history."""
    toplevel = _toplevel_with_history(repo)
    if toplevel is None:
        return {}
    try:
        log = _git(repo, "log", f"--format={COMMIT_MARK}%H %ct", "--name-only", "--no-renames", "--", folder)
        status = _git(repo, "status", "--porcelain", "--untracked-files=all", "--", folder) \
            if include_uncommitted else ""
    except (OSError, subprocess.SubprocessError):
        return {}
    changes = {(toplevel / path).resolve(): change for path, change in parse_log(log).items()}
    now = int(time.time())
    for line in status.splitlines():
        path = line[3:].split(" -> ")[-1].strip().strip('"')
        changes[(toplevel / path).resolve()] = Change("", now)
    return changes


def last_changed(repo: Path, folder: str = "docs") -> dict[Path, date]:
    """{absolute path: date of its last commit}; {} when there is no usable history."""
    return {path: change.day for path, change in last_changes(repo, folder).items()}


def parse_log(log: str) -> dict[str, Change]:
    """Newest first, as git prints it: the first commit seen for a path wins."""
    changes: dict[str, Change] = {}
    for commit in log.split(COMMIT_MARK)[1:]:
        lines = [line.strip() for line in commit.strip().splitlines() if line.strip()]
        if not lines:
            continue
        sha, timestamp = lines[0].split()
        for path in lines[1:]:
            changes.setdefault(path, Change(sha, int(timestamp)))
    return changes


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=120).stdout


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
