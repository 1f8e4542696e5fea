"""scripts/check_contact_links.py through its command line, one fixture per
case: fixtures/contact_links/<case>/docs is laid over the tiny base site and
expected.yml holds the exit code and the `path:line: RULE-ID` findings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from support import FIXTURES, findings_of, run_check, run_script

CASES_DIR = FIXTURES / "contact_links"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())


def test_cases_cover_pass_and_fail():
    assert any(c.startswith("pass-") for c in CASES) and any(c.startswith("fail-") for c in CASES)


@pytest.mark.parametrize("case", CASES)
def test_case(project, case):
    expected = yaml.safe_load((CASES_DIR / case / "expected.yml").read_text(encoding="utf-8"))
    shutil.copytree(CASES_DIR / case / "docs", project / "docs", dirs_exist_ok=True)
    result = run_check(project, "check_contact_links.py")
    assert result.returncode == expected["exit"], result.stdout + result.stderr
    assert findings_of(result.stdout) == sorted(expected["findings"]), result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("OK:" if expected["exit"] == 0 else tuple("0123456789"))


def test_every_message_says_how_to_fix_it(project):
    shutil.copytree(CASES_DIR / "fail-unknown-channel" / "docs", project / "docs", dirs_exist_ok=True)
    output = run_check(project, "check_contact_links.py").stdout
    assert "#chat" in output and "#fax" in output


def test_paths_limit_the_check_to_files_and_folders(project):
    shutil.copytree(CASES_DIR / "fail-no-link" / "docs", project / "docs", dirs_exist_ok=True)
    assert run_check(project, "check_contact_links.py", "docs/contact.en.md").returncode == 0
    assert run_check(project, "check_contact_links.py", "docs/account/sample.en.md").returncode == 1
    assert run_check(project, "check_contact_links.py", "docs/account").returncode == 1
    assert run_check(project, "check_contact_links.py", "--docs-dir", "docs", "docs").returncode == 1


@pytest.mark.program
def test_usage_errors_exit_2(project):
    assert run_script(project, "check_contact_links.py", "docs/nope.md").returncode == 2
    assert run_script(project, "check_contact_links.py", "--docs-dir", "missing").returncode == 2
    assert run_script(project, "check_contact_links.py", "mkdocs.yml").returncode == 2


def test_registry_error_exits_2(project):
    registry = project / "docs" / "registry.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("  social:", "  fax:"), encoding="utf-8")
    result = run_check(project, "check_contact_links.py")
    assert result.returncode == 2
    assert "docs/registry.yml:" in result.stdout and "REGISTRY-INVALID" in result.stdout


def test_the_real_docs_pass():
    from support import ROOT
    result = run_check(ROOT, "check_contact_links.py")
    assert result.returncode == 0, result.stdout


@pytest.mark.program
def test_the_build_fails_on_a_violation(project):
    from support import build
    shutil.copytree(CASES_DIR / "fail-no-link" / "docs", project / "docs", dirs_exist_ok=True)
    result = build(project)
    assert result.returncode != 0
    assert "docs/account/sample.en.md:10: CHECKLIST-NO-CONTACT" in result.stdout + result.stderr
    assert not (project / "site" / "index.html").exists()


@pytest.mark.program
def test_checklists_render_as_a_distinct_box(built_site):
    html = built_site.html("account/reset-password")
    assert 'class="admonition checklist"' in html
    css = (built_site.root / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert ".md-typeset .admonition.checklist" in css and "--md-admonition-icon--checklist" in css
    assert '[data-md-color-scheme="slate"]' in css


def test_pre_commit_runs_the_checker_on_changed_markdown(project):
    config = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["check-contact-links"]
    assert hook["files"] == r"^docs/.*\.md$" and hook.get("pass_filenames", True)
    script = hook["entry"].split()[-1]
    shutil.copytree(CASES_DIR / "fail-no-link" / "docs", project / "docs", dirs_exist_ok=True)
    # pre-commit appends the changed files to the entry
    assert run_check(project, Path(script).name, "docs/account/sample.en.md").returncode == 1
    assert run_check(project, Path(script).name, "docs/account/sample.zh.md").returncode == 0
