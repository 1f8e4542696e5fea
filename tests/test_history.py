"""Last-updated dates come from git, in one log call; a shallow clone or a
folder outside git falls back to front matter `updated:` or shows no date."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

from helpcentre.history import last_changed, parse_log
from support import FIXTURES, build, make_project


def git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@example.com",
           "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@example.com"}
    if when:
        env.update(GIT_AUTHOR_DATE=f"{when}T12:00:00+00:00", GIT_COMMITTER_DATE=f"{when}T12:00:00+00:00")
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def test_parse_log_keeps_the_newest_change():
    log = "\x1eaaaa 1749297600\n\ndocs/a.md\n\x1ebbbb 1709640000\n\ndocs/a.md\ndocs/b.md\n"
    changes = parse_log(log)
    assert changes["docs/a.md"].sha == "aaaa" and changes["docs/a.md"].day == date(2025, 6, 7)
    assert changes["docs/b.md"].sha == "bbbb" and changes["docs/b.md"].day == date(2024, 3, 5)


def site_with_history(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project", FIXTURES / "base" / "docs")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "first", when="2024-03-05")
    article = project / "docs" / "account" / "sample.en.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "edit the English sample", when="2025-06-07")
    return project


def updated(page: Path) -> str | None:
    match = re.search(r'<p class="hc-updated">.*?<time datetime="([^"]+)">([^<]+)</time>', page.read_text(encoding="utf-8"))
    return f"{match.group(1)} {match.group(2)}" if match else None


def test_dates_come_from_git_and_are_localised(tmp_path):
    project = site_with_history(tmp_path)
    dates = last_changed(project)
    assert dates[(project / "docs/account/sample.en.md").resolve()] == date(2025, 6, 7)
    assert dates[(project / "docs/account/sample.zh.md").resolve()] == date(2024, 3, 5)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert updated(project / "site/en/account/sample/index.html") == "2025-06-07 June 7, 2025"
    assert updated(project / "site/account/sample/index.html") == "2024-03-05 2024年3月5日"


def test_shallow_clone_falls_back_to_front_matter_or_no_date(tmp_path):
    origin = site_with_history(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    assert last_changed(clone) == {}
    article = clone / "docs" / "account" / "sample.zh.md"
    article.write_text(article.read_text(encoding="utf-8").replace("order: 10\n", "order: 10\nupdated: 2026-01-02\n"),
                       encoding="utf-8")
    result = build(clone)
    assert result.returncode == 0, result.stderr
    assert updated(clone / "site/account/sample/index.html") == "2026-01-02 2026年1月2日"
    assert updated(clone / "site/en/account/sample/index.html") is None


def test_outside_git_there_is_no_history(tmp_path):
    assert last_changed(tmp_path) == {}
