"""The held-out set stays held out (scripts/check_held_out.py): on the real
suite, and on one fixture per case (tests/fixtures/held-out/<case>/: docs laid
over the tiny base site, queries.yaml, guard.yaml, and expected.yml with the
exit code and the `path:line: RULE-ID` findings)."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from helpcentre_tools.held_out import COVERAGE, normalise, overlaps
from support import FIXTURES, ROOT, run_check, run_script

CASES_DIR = FIXTURES / "held-out"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
FINDING = re.compile(r"^(\S+:\d+): ([A-Z-]+) ")


def findings(stdout: str) -> list[str]:
    return sorted(" ".join(m.groups()) for line in stdout.splitlines() if (m := FINDING.match(line)))


@pytest.mark.program
def test_the_real_suite_is_guarded():
    result = run_script(ROOT, "check_held_out.py")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES)
def test_case(project, case):
    expected = yaml.safe_load((CASES_DIR / case / "expected.yml").read_text(encoding="utf-8"))
    if (CASES_DIR / case / "docs").is_dir():
        shutil.copytree(CASES_DIR / case / "docs", project / "docs", dirs_exist_ok=True)
    (project / "tests").mkdir()
    shutil.copy(CASES_DIR / case / "queries.yaml", project / "tests" / "search_queries.yaml")
    shutil.copy(CASES_DIR / case / "guard.yaml", project / "tests" / "search_held_out.yaml")
    result = run_check(project, "check_held_out.py")
    assert result.returncode == expected["exit"], result.stdout + result.stderr
    assert findings(result.stdout) == sorted(expected["findings"]), result.stdout


def test_freeze_adds_the_new_held_out_queries_and_nothing_else(project):
    case = CASES_DIR / "fail-not-frozen"
    (project / "tests").mkdir()
    shutil.copy(case / "queries.yaml", project / "tests" / "search_queries.yaml")
    guard = project / "tests" / "search_held_out.yaml"
    shutil.copy(case / "guard.yaml", guard)
    before = guard.read_text(encoding="utf-8")
    result = run_check(project, "check_held_out.py", "--freeze")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "froze 1 held-out queries" in result.stdout
    assert guard.read_text(encoding="utf-8") == before + '    "who do i call": [contact]\n'
    again = run_check(project, "check_held_out.py", "--freeze")
    assert "froze 0 held-out queries" in again.stdout and guard.read_text(encoding="utf-8").count("who do i call") == 1


@pytest.mark.program
def test_usage_errors_exit_2(project):
    assert run_script(project, "check_held_out.py", "--queries", "missing.yaml").returncode == 2
    (project / "broken.yaml").write_text("zh: [oops\n", encoding="utf-8")
    result = run_script(project, "check_held_out.py", "--queries", "broken.yaml")
    assert result.returncode == 2 and "not valid YAML" in result.stderr


@pytest.mark.parametrize("a,b,same", [
    ("Can't remember my password", "cant remember my password", True),
    ("密碼忘了", "密码忘了！", True),
    ("APP一直閃退", "App 一直闪退", True),
    ("shouji hao", "shoujihao", True),
    ("payment I didn't make", "payment i didnt make?", True),
    ("password", "passwort", False),
])
def test_normalising_sets_aside_case_punctuation_spaces_and_script(a, b, same):
    assert (normalise(a) == normalise(b)) == same


@pytest.mark.parametrize("phrase,query,leaks", [
    ("customer service phone", "customer service phone number", True),
    ("卖家不退款", "賣家不退款怎麼辦", True),
    ("密码", "忘了密码怎么办", False),
    ("phone number", "i got a new phone and a new number", False),
    ("", "anything", False),
])
def test_a_phrase_leaks_a_query_it_equals_or_covers_most_of(phrase, query, leaks):
    assert overlaps(normalise(phrase), normalise(query)) == leaks
    assert 0.5 < COVERAGE < 0.75
