"""Bad input fails with `path:line: RULE-ID message`, in `make check` and in
the build, and nothing is published.

One folder per case under fixtures/cases/: its docs/ is laid over the tiny
fixture site in fixtures/base/, and expected.yml lists the findings the
checker must print (and, for what only MkDocs validation sees, text the
failed build must print)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from support import FIXTURES, build, make_project, run_check, run_script

CASES = sorted(p.name for p in (FIXTURES / "cases").iterdir() if p.is_dir())


def expected(case: str) -> dict:
    return yaml.safe_load((FIXTURES / "cases" / case / "expected.yml").read_text(encoding="utf-8"))


def project_for(tmp_path: Path, case: str | None) -> Path:
    overlay = FIXTURES / "cases" / case / "docs" if case else None
    return make_project(tmp_path / "project", FIXTURES / "base" / "docs", overlay)


@pytest.mark.program
def test_the_base_fixture_site_passes_and_builds(tmp_path):
    project = project_for(tmp_path, None)
    check = run_script(project, "check_content.py")
    assert check.returncode == 0, check.stdout
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "en" / "account" / "sample" / "index.html").is_file()


# What `make check` runs over a page's structure and links (the contact rules
# have their own fixtures in tests/fixtures/contact_links).
CHECKERS = ("check_content.py", "check_links.py")


@pytest.mark.parametrize("case", CASES)
def test_checker_reports_the_rule_and_line(tmp_path, case):
    findings = expected(case)["findings"]
    project = project_for(tmp_path, case)
    results = [run_check(project, checker) for checker in CHECKERS]
    output = "".join(result.stdout for result in results)
    assert any(result.returncode == 1 for result in results) == bool(findings), output
    assert all(result.returncode in (0, 1, 2) for result in results)
    lines = [line for line in output.splitlines() if ": " in line and not line.startswith(("OK", "error"))]
    reported = sorted({line.split(" ", 2)[0] + " " + line.split(" ", 2)[1] for line in lines if line.startswith("docs/")})
    assert reported == sorted(findings)
    for line in lines:
        if line.startswith("docs/"):
            assert len(line.split(" ", 2)[2]) > 20, f"the message must say how to fix it: {line}"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.program
def test_build_fails_and_publishes_nothing(tmp_path, case):
    project = project_for(tmp_path, case)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expected(case)["findings"] + expected(case).get("build_output", []):
        assert text in output, f"{text!r} not in build output:\n{output}"
    if expected(case)["findings"]:
        # Content and link problems stop the build before it writes a single page.
        assert not (project / "site" / "index.html").exists()


@pytest.mark.program
def test_checker_usage_error_exits_2(tmp_path):
    result = run_script(project_for(tmp_path, None), "check_content.py", "--docs-dir", "no-such-folder")
    assert result.returncode == 2
