"""The insights report (scripts/insights.py): one fixture per case
(tests/fixtures/insights/<case>/: the log files and expected.json with the
figures the report must compute, and the options under "options"), then the
rendered reports and the command line, run in tmp_path."""

from __future__ import annotations

import json
import random
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from helpcentre_tools.insights import (REASONS, Options, build_report, figures, log_files, md, normalise,
                                       render_html, render_markdown)
from support import FIXTURES, run_check, run_script

CASES_DIR = FIXTURES / "insights"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
SKIPPED_CASES = [case for case in CASES if case.startswith("skipped-")]


def expected_of(case: str) -> dict:
    return json.loads((CASES_DIR / case / "expected.json").read_text(encoding="utf-8"))


def options_of(expected: dict) -> Options:
    given = expected.get("options", {})
    return Options(since=date.fromisoformat(given["since"]) if "since" in given else None,
                   until=date.fromisoformat(given["until"]) if "until" in given else None,
                   langs=tuple(given.get("langs", ())))


def logs_of(case: str) -> list[Path]:
    return sorted(p for p in (CASES_DIR / case).iterdir() if p.name != "expected.json")


def report_of(case: str):
    return build_report(logs_of(case), options_of(expected_of(case)))


def projected(actual: dict, expected: dict) -> dict:
    """The report's figures that expected.json names: its top-level keys, and
    per language the fields it lists (every language must be listed)."""
    result = {key: actual[key] for key in expected if key not in ("options", "languages")}
    if "languages" in expected:
        languages = {lang["code"]: lang for lang in actual["languages"]}
        result["languages"] = {code: {name: languages[code][name] for name in fields}
                               for code, fields in expected["languages"].items() if code in languages}
        result["languages"].update({code: "not expected" for code in languages if code not in expected["languages"]})
    return result


@pytest.mark.parametrize("case", CASES)
def test_case_figures(case):
    expected = expected_of(case)
    expected.pop("options", None)
    report = report_of(case)
    assert projected(figures(report), expected) == expected
    assert report.lines == report.events + sum(report.skipped.values())


def test_junk_is_counted_never_raised(tmp_path):
    """Random bytes, a stray carriage return, a line over DuckDB's 2 MB line
    limit, JSON of the wrong shapes and absurd numbers."""
    good = (CASES_DIR / "skipped-bot" / "access.log").read_bytes().split(b"\n")[0]
    junk = [bytes(random.Random(7).randrange(256) for _ in range(20_000)), b"a\rb", b"x" * 3_000_000, b"[1, 2]",
            b'{"time": {"x": 1}, "request": 5, "status": [204]}',
            b'{"EdgeStartTimestamp": 99999999999999999999999, "ClientRequestURI": "/_hc/e?v=1",'
            b' "EdgeResponseStatus": 204}',
            good.replace(b"n=4", b"n=99999999999999999999"), good.replace(b"q=", b"q=%"), good]
    (tmp_path / "junk.log").write_bytes(b"\n".join(junk) + b"\n")
    report = build_report([tmp_path / "junk.log"], Options())
    assert report.events == 1 and report.skipped["oversized"] == 1 and report.skipped["encoding"] == 1
    assert report.lines == report.events + sum(report.skipped.values())
    assert render_html(report) and render_markdown(report)


def test_every_reason_has_its_fixture():
    assert sorted(SKIPPED_CASES) == sorted(f"skipped-{reason}" for reason in REASONS if reason != "outside-period")


@pytest.mark.parametrize("case", SKIPPED_CASES)
def test_skipped_lines_are_listed_in_both_reports(case):
    report = report_of(case)
    reason = case.removeprefix("skipped-")
    count = report.skipped[reason]
    assert f"| {md(reason)} | {count} | {md(REASONS[reason])} |" in render_markdown(report)
    assert f"<tr><td>{reason}</td><td class=n>{count}</td>" in render_html(report)


@pytest.mark.parametrize("top,articles", [
    (20, ["/en/payments/refunds/", "/en/account/reset-password/"]),
    (1, ["/en/payments/refunds/"]),
])
def test_articles_least_helpful_first_from_min_votes(top, articles):
    report = build_report(logs_of("figures"), Options(min_votes=2, top=top))
    en = next(lang for lang in report.languages if lang.code == "en")
    assert [(a.path, a.votes, a.helpful_rate) for a in en.articles] == [
        (path, {"/en/payments/refunds/": 2}.get(path, 5), {"/en/payments/refunds/": 0.5}.get(path, 0.6))
        for path in articles]


@pytest.mark.parametrize("text,form", [
    ("Reset  Password", "reset password"),
    ("ｒｅｓｅｔ\u3000password ", "reset password"),
    ("STRASSE", "strasse"),
    ("Straße", "strasse"),
    ("  忘记\t密码 ", "忘记 密码"),
])
def test_queries_are_grouped_by_their_normalised_form(text, form):
    assert normalise(text) == form


# --- escaping ----------------------------------------------------------------------------

HOSTILE = ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>')


def test_html_report_escapes_queries_and_makes_no_request():
    page = render_html(report_of("escaping"))
    for raw in HOSTILE:
        assert raw not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert "<script" not in page and "<img" not in page
    # No request at all: nothing loaded from anywhere, and the policy forbids any.
    assert not re.search(r"""<[^>]*\s(src|href|xlink:href)\s*=|url\(|@import""", page)
    assert "default-src 'none'" in page


def test_markdown_report_escapes_queries():
    text = render_markdown(report_of("escaping"))
    for raw in (*HOSTILE, "a|b", "`code`", "@everyone", "[x](http"):
        assert raw not in text
    assert "| &lt;script&gt;alert(1)&lt;/script&gt; | 1 |" in text
    assert "| a\\|b | 1 |" in text
    assert "| \\`code\\` \\*\\*bold\\*\\* \\[x\\](http://evil.example) &#64;everyone &amp;amp; | 1 |" in text
    # Every table row has as many cells as its heading: no query split a row.
    for table in re.findall(r"(?:^\|.*\|$\n?)+", text, flags=re.M):
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in table.strip().split("\n")}
        assert len(widths) == 1, table


def test_html_report_is_accessible():
    page = render_html(report_of("figures"))
    assert page.startswith('<!doctype html>\n<html lang="en">')
    charts = page.count("<svg ")
    assert charts == 5  # en: top searches, no result, helpful rate; zh: top searches, no result
    assert page.count('role="img"') == charts
    # every chart is followed by the table of its figures
    assert len(re.findall(r"</svg><table><caption>", page)) == charts
    assert '<h2 id="lang-en">Language: en</h2>' in page and '<td lang="zh">忘记密码</td>' in page


def test_html_chart_bars_are_proportional():
    page = render_html(report_of("figures"))
    top = page[page.index("<h3>Top searches</h3>"):page.index("</svg>")]
    assert re.findall(r'<rect x="240" y="\d+" width="([\d.]+)"', top) == ["360.0", "360.0", "240.0", "120.0", "120.0"]


# --- the command line -------------------------------------------------------------------


@pytest.fixture
def logs(tmp_path) -> Path:
    for case in ("rotated-gzip", "figures"):
        shutil.copytree(CASES_DIR / case, tmp_path / case)
    return tmp_path


def test_cli_writes_both_reports(logs):
    result = run_check(logs, "insights.py", "rotated-gzip/access.log*", "--html", "out/r.html",
                       "--markdown", "out/r.md")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "insights: 4 events from 5 lines (1 skipped) -> out/r.html, out/r.md\n"
    assert "4 events counted from 5 lines in 3 file(s); 1 lines skipped." in (logs / "out/r.md").read_text("utf-8")
    assert (logs / "out/r.html").read_text("utf-8").startswith("<!doctype html>")


def test_cli_default_paths_and_markdown_on_stdout(logs):
    result = run_check(logs, "insights.py", "figures/access.log", "--markdown", "-", "--lang", "zh", "--top", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Help-centre insights\n")
    assert "### Language: zh" in result.stdout and "### Language: en" not in result.stdout
    assert "| 忘记密码 | 1 |" in result.stdout and "账户冻结 | 1 |\n\n**Searches with no" not in result.stdout
    assert "insights: 3 events" in result.stderr
    assert (logs / "test-artifacts" / "insights.html").is_file()


def test_cli_empty_log_reports_no_data(tmp_path):
    shutil.copytree(CASES_DIR / "empty", tmp_path / "empty")
    result = run_check(tmp_path, "insights.py", "empty/access.log", "--markdown", "-", "--html", "r.html")
    assert result.returncode == 0, result.stderr
    assert "No data: the logs hold no help-centre events" in result.stdout
    assert "No data: the logs hold no help-centre events" in (tmp_path / "r.html").read_text("utf-8")


@pytest.mark.parametrize("args,message", [
    (["missing.log"], "error: missing.log: no such log file\n"),
    (["logs/*.gz"], "error: no log file matches logs/*.gz\n"),
    (["figures/access.log", "--since", "2025-13-01"], "error: --since '2025-13-01' is not a date (YYYY-MM-DD)\n"),
    (["figures/access.log", "--since", "2025-10-02", "--until", "2025-10-01"],
     "error: --since 2025-10-02 is after --until 2025-10-01\n"),
    (["figures/access.log", "--memory-limit", "lots"], "error: --memory-limit 'lots': "),
])
def test_cli_usage_errors_exit_2_and_write_nothing(logs, args, message):
    result = run_check(logs, "insights.py", *args)
    assert result.returncode == 2
    assert result.stderr.startswith(message) and result.stdout == ""
    assert not (logs / "test-artifacts").exists()


@pytest.mark.program
def test_cli_runs_as_a_program(logs):
    result = run_script(Path(__file__).resolve().parents[1], "insights.py", str(logs / "figures" / "access.log"),
                        "--markdown", "-", "--html", str(logs / "r.html"))
    assert result.returncode == 0, result.stderr
    assert "| refund | /en/payments/refunds/ | 2 |" in result.stdout
    missing = run_script(Path(__file__).resolve().parents[1], "insights.py", str(logs / "nothing.log"))
    assert missing.returncode == 2 and "no such log file" in missing.stderr and "Traceback" not in missing.stderr


def test_log_files_keep_the_order_given_and_drop_repeats(logs):
    folder = logs / "rotated-gzip"
    files = log_files([str(folder / "access.log.2.gz"), str(folder / "access.log*")])
    assert [f.name for f in files] == ["access.log.2.gz", "access.log", "access.log.1"]
