"""`make stale` (scripts/stale.py) on fixtures: articles past their review
age by owner, with the translations that trail them, and the issue body the
weekly workflow keeps up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import run_check

TODAY = "2026-12-03T09:00:00+08:00"


def set_review(project: Path, lang: str, reviewed: str, owner: str | None = None) -> None:
    path = project / "docs" / "account" / f"sample.{lang}.md"
    extra = (f"owner: \"{owner}\"\n" if owner else "") + f"reviewed: {reviewed}\n"
    path.write_text(path.read_text(encoding="utf-8").replace("\nid: 1\n", f"\nid: 1\n{extra}", 1), encoding="utf-8")


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setenv("HELPCENTRE_NOW", TODAY)


def test_an_article_past_its_age_is_listed_under_its_owner_with_the_trailing_translation(project, clock):
    set_review(project, "zh", "2026-01-01", owner="@account-team")  # troubleshooting: every 180 days
    set_review(project, "en", "2025-12-01")
    result = run_check(project, "stale.py")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "@account-team"
    assert lines[1].startswith("  docs/account/sample.zh.md:7: REVIEW-DUE last reviewed 2026-01-01, 336 days ago; "
                               "troubleshooting articles are reviewed every 180 days")
    assert lines[2] == "    translation trails: docs/account/sample.en.md (reviewed 2025-12-01)"
    markdown = run_check(project, "stale.py", "--markdown")
    assert "## @account-team" in markdown.stdout and "- [ ] `docs/account/sample.zh.md`" in markdown.stdout


def test_a_recent_review_is_not_due_and_the_age_is_configuration(project, clock):
    set_review(project, "zh", "2026-11-01")
    set_review(project, "en", "2026-11-01")
    result = run_check(project, "stale.py")
    assert result.returncode == 0 and "nothing is due" in result.stdout
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      addresses: {enabled: true}\n", "      addresses: {enabled: true}\n      review: {troubleshooting: 7}\n"),
        encoding="utf-8")
    assert run_check(project, "stale.py").returncode == 1
    assert "every 7 days" in run_check(project, "stale.py").stdout


def test_an_article_never_reviewed_without_history_is_due_with_no_owner(project, clock):
    result = run_check(project, "stale.py")
    assert result.returncode == 1 and result.stdout.startswith("(no owner)\n") and "never reviewed" in result.stdout


def test_an_unknown_review_setting_is_a_usage_error(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      addresses: {enabled: true}\n", "      addresses: {enabled: true}\n      review: {tutorial: 30}\n"),
        encoding="utf-8")
    assert run_check(project, "stale.py").returncode == 2
