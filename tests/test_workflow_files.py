"""The files that run the checks elsewhere: GitHub workflows, pre-commit, the
pull request template. They must be valid and run the same commands as CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_workflows_are_valid_and_run_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    pull_request, deploy = load(WORKFLOWS / "pull-request.yml"), load(WORKFLOWS / "deploy.yml")
    assert "pull_request" in pull_request["on"]
    assert deploy["on"]["push"]["branches"] == ["main"]
    for workflow in (pull_request, deploy):
        commands = [step.get("run", "") for step in steps(workflow)]
        test_steps = [step for step in steps(workflow) if step.get("run") == "make test"]
        assert test_steps and test_steps[0]["env"]["CI"] == "true"
        assert "make build" in commands
        checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["fetch-depth"] == 0, "dates and translation freshness need full history"
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps(pull_request))
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in steps(deploy))


def test_pre_commit_config_is_valid_and_runs_the_project_checks():
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"check-yaml", "end-of-file-fixer", "trailing-whitespace"} <= set(hooks)
    for hook_id in ("check-contact-links", "check-content", "check-links", "translation-status", "check-held-out"):
        script = hooks[hook_id]["entry"].split()[-1]
        assert (ROOT / script).is_file(), script
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for script in ("check_content.py", "check_contact_links.py", "check_links.py", "translation_status.py",
                   "check_held_out.py"):
        assert script in makefile, f"make check must run {script} too"


def test_pull_request_template_has_the_writers_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 6 and "make check" in text and "--mark-reviewed" in text


def test_edit_links_open_the_source_of_the_page_language(built_site):
    for lang, prefix in (("zh", ""), ("en", "en/")):
        html = built_site.html(f"{prefix}account/register")
        assert f'/edit/main/docs/account/register.{lang}.md"' in html
    assert 'class="md-source"' not in built_site.html("account/register"), "no repository widget"


def test_a_deploy_records_the_urls_it_published():
    deploy = load(WORKFLOWS / "deploy.yml")
    record = next(job for job in deploy["jobs"].values()
                  if any("published_urls.py --record" in step.get("run", "") for step in job.get("steps", [])))
    assert record["needs"] == "deploy", "only what was published is recorded"
    assert record["permissions"]["contents"] == "write"
    assert "[skip ci]" in next(step["run"] for step in record["steps"] if "--record" in step.get("run", ""))


def test_the_site_is_rebuilt_on_a_schedule_so_dates_take_effect():
    deploy = load(WORKFLOWS / "deploy.yml")
    assert deploy["on"]["schedule"][0]["cron"].split()[1] == "*", "at least hourly"
    build = next(step for step in steps(deploy) if step.get("run") == "make build")
    assert "if" not in build, "the scheduled run builds with the clock of its own"


def test_a_weekly_workflow_keeps_one_review_issue():
    stale = load(WORKFLOWS / "stale.yml")
    assert "schedule" in stale["on"] and stale["permissions"]["issues"] == "write"
    commands = " ".join(step.get("run", "") for step in steps(stale))
    assert "scripts/stale.py --markdown" in commands and "--label review-due" in commands
    assert "gh issue edit" in commands and "gh issue create" in commands and "gh issue close" in commands
    checkout = next(s for s in steps(stale) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
