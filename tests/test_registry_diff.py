"""A pull request that changes a contact detail shows it, before and after,
and fails until a code owner approves it (scripts/registry_diff.py, the
contact-details job of the pull-request workflow, CODEOWNERS)."""

from __future__ import annotations

import subprocess
import sys

import yaml

from support import ROOT, environment

REGISTRY = ROOT / "docs" / "registry.yml"


def run(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "registry_diff.py"), *args], cwd=tmp_path,
                          capture_output=True, text=True, env=environment(), timeout=60)


def git(repo, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**environment(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


def changed_registry(tmp_path):
    before, after = tmp_path / "before.yml", tmp_path / "after.yml"
    text = REGISTRY.read_text(encoding="utf-8")
    before.write_text(text, encoding="utf-8")
    after.write_text(text.replace('detail: "+1-202-555-0142"', 'detail: "+1-202-555-0199"')
                     .replace("  - example.com\n", "  - example.com\n  - examp1e-pay.com\n"), encoding="utf-8")
    return before, after


def test_a_changed_phone_and_a_new_domain_are_shown_and_fail_until_approved(tmp_path):
    before, after = changed_registry(tmp_path)
    result = run(tmp_path, "--before", str(before), "--after", str(after))
    assert result.returncode == 1
    assert "| **changed** | channels.phone.detail | `+1-202-555-0142` | `+1-202-555-0199` |" in result.stdout
    assert "| **changed** | official domain examp1e-pay.com | `—` | `examp1e-pay.com` |" in result.stdout
    assert "|  | channels.email.detail | `support@example.com` | `support@example.com` |" in result.stdout
    assert "2 contact detail(s)" in result.stdout and "contact-details-approved" in result.stderr
    approved = run(tmp_path, "--before", str(before), "--after", str(after), "--approved")
    assert approved.returncode == 0 and "Approved" in approved.stdout


def test_an_unchanged_registry_passes_against_a_git_base(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "registry.yml").write_text(REGISTRY.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "registry")
    (repo / "docs" / "registry.yml").write_text(REGISTRY.read_text(encoding="utf-8").replace(
        "Usually within minutes", "Usually within a few minutes"), encoding="utf-8")  # text, not a contact detail
    result = run(repo, "--base", "main")
    assert result.returncode == 0 and "No contact detail or official domain changed." in result.stdout
    assert run(repo, "--base", "no-such-revision").returncode == 2
    assert run(repo).returncode == 2


def test_the_pull_request_workflow_and_code_owners_guard_the_registry():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    triggers = workflow.get(True, workflow.get("on"))["pull_request"]["types"]
    assert {"labeled", "unlabeled", "synchronize"} <= set(triggers)
    job = workflow["jobs"]["contact-details"]
    command = " ".join(step.get("run", "") for step in job["steps"])
    assert "scripts/registry_diff.py --base" in command and "--approved" in command
    assert "contact-details-approved" in " ".join(str(step.get("env", {})) for step in job["steps"])
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert any(line.startswith("/docs/registry.yml @") for line in owners.splitlines())
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "contact-details-approved" in template
