"""scripts/translation_status.py: missing, structurally different and out of
date translations, in fixture sites and in real git repositories."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from support import FIXTURES, findings_of, run_check, run_script
from test_history import git

CASES_DIR = FIXTURES / "translation"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_structure_differences(project, case):
    shutil.copytree(CASES_DIR / case / "docs", project / "docs", dirs_exist_ok=True)
    result = run_check(project, "translation_status.py", "--no-git")
    assert result.returncode == 1, result.stdout
    assert findings_of(result.stdout) == sorted(yaml.safe_load((CASES_DIR / case / "expected.yml").read_text())["findings"])
    assert "--mark-reviewed" not in result.stdout or "TRANSLATION-OUTDATED" in result.stdout


def test_missing_translation(project):
    (project / "docs" / "account" / "sample.en.md").unlink()
    result = run_check(project, "translation_status.py", "--no-git")
    assert result.returncode == 1
    assert findings_of(result.stdout) == ["docs/account/sample.zh.md:1: TRANSLATION-MISSING"]
    assert "create docs/account/sample.en.md" in result.stdout


def test_the_real_docs_are_in_sync():
    from support import ROOT
    result = run_check(ROOT, "translation_status.py")
    assert result.returncode == 0, result.stdout


def committed_project(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "both languages", when="2025-01-01")
    return project


def edit(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_pages_committed_together_are_in_sync(project):
    result = run_check(committed_project(project), "translation_status.py")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("edited,stale,label,addition,when", [
    ("sample.zh.md", "sample.en.md", "简体中文", "\n新增一段说明。\n", "2025-02-01"),
    ("sample.en.md", "sample.zh.md", "English", "\nOne more paragraph.\n", "2025-03-01"),
])
def test_a_language_changed_later_makes_the_other_out_of_date(project, edited, stale, label, addition, when):
    committed_project(project)
    edit(project / "docs/account" / edited, addition)
    git(project, "commit", "-q", "-am", f"{edited} update", when=when)
    result = run_check(project, "translation_status.py")
    assert findings_of(result.stdout) == [f"docs/account/{stale}:1: TRANSLATION-OUTDATED"]
    assert f"the {label} version docs/account/{edited} changed {when}" in result.stdout
    # the review mark of a pair lives in the translation, whichever side is stale
    assert "--mark-reviewed docs/account/sample.en.md" in result.stdout


def test_an_uncommitted_edit_counts_at_once(project):
    committed_project(project)
    edit(project / "docs/account/sample.zh.md", "\n还没提交的修改。\n")
    result = run_check(project, "translation_status.py")
    assert findings_of(result.stdout) == ["docs/account/sample.en.md:1: TRANSLATION-OUTDATED"]
    assert "working copy" in result.stdout


def test_marking_reviewed_settles_it_until_a_side_changes_again(project):
    committed_project(project)
    edit(project / "docs/account/sample.zh.md", "\n新增一段说明。\n")
    git(project, "commit", "-q", "-am", "zh update", when="2025-02-01")
    edit(project / "docs/account/sample.en.md", "\nA new paragraph.\n")
    marked = run_check(project, "translation_status.py", "--mark-reviewed", "docs/account/sample.en.md")
    assert marked.returncode == 0 and "marked docs/account/sample.en.md" in marked.stdout
    assert "translation_reviewed: " in (project / "docs/account/sample.en.md").read_text(encoding="utf-8")
    git(project, "commit", "-q", "-am", "en caught up", when="2025-02-02")
    assert run_check(project, "translation_status.py").returncode == 0
    # Keywords are each language's own: changing them keeps the pair in sync.
    zh = project / "docs/account/sample.zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("order: 10\n", "order: 10\nkeywords: [卡住了]\n"),
                  encoding="utf-8")
    assert run_check(project, "translation_status.py").returncode == 0
    edit(zh, "\n又改了一处。\n")
    result = run_check(project, "translation_status.py")
    assert findings_of(result.stdout) == ["docs/account/sample.en.md:1: TRANSLATION-OUTDATED"]


@pytest.mark.program
def test_shallow_clone_uses_review_marks_only(project, tmp_path):
    committed_project(project)
    edit(project / "docs/account/sample.zh.md", "\n新增一段说明。\n")
    git(project, "commit", "-q", "-am", "zh update", when="2025-02-01")
    clone = tmp_path / "clone"
    import subprocess
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(clone)], check=True)
    result = run_check(clone, "translation_status.py")
    assert result.returncode == 0 and "no git history" in result.stdout


def test_markdown_report_for_pull_requests(project, tmp_path):
    shutil.copytree(CASES_DIR / "missing-step" / "docs", project / "docs", dirs_exist_ok=True)
    report = tmp_path / "report.md"
    run_check(project, "translation_status.py", "--no-git", "--report", str(report))
    text = report.read_text(encoding="utf-8")
    assert text.startswith("## Translation status") and "| `docs/account/sample.en.md` | 12 | TRANSLATION-STEPS |" in text


@pytest.mark.program
def test_usage_errors_exit_2(project):
    assert run_script(project, "translation_status.py", "--docs-dir", "nowhere").returncode == 2
    assert run_script(project, "translation_status.py", "--mark-reviewed", "docs/contact.md").returncode == 2


def test_any_number_of_languages_against_the_default(project):
    """A third language is configuration: each translation is compared with the default language's page."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "          nav_translations: {}\n",
        "          nav_translations: {}\n        - locale: fr\n          name: Français\n          build: true\n", 1),
        encoding="utf-8")
    source = (project / "docs" / "account" / "sample.zh.md").read_text(encoding="utf-8")
    (project / "docs" / "account" / "sample.fr.md").write_text(
        source.replace("## 排查 {#checklist}", "## Vérifier {#verifier}"),
        encoding="utf-8")
    result = run_check(project, "translation_status.py", "--no-git")
    assert result.returncode == 1
    found = findings_of(result.stdout)
    assert "docs/account/sample.fr.md:11: TRANSLATION-HEADINGS" in found, result.stdout
    missing = [f for f in found if f.endswith("TRANSLATION-MISSING")]
    assert missing == sorted(["docs/account/index.zh.md:1: TRANSLATION-MISSING", "docs/contact.zh.md:1: TRANSLATION-MISSING",
                              "docs/index.zh.md:1: TRANSLATION-MISSING"]), result.stdout
    assert "there is no Français version: create docs/contact.fr.md" in result.stdout
    marked = run_check(project, "translation_status.py", "--mark-reviewed", "docs/account/sample.fr.md")
    assert marked.returncode == 0 and "translation_reviewed:" in (project / "docs/account/sample.fr.md").read_text()
