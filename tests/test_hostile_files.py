"""Files as writers' machines really save them: a byte-order mark is fine,
a link out of docs/ is a finding (never a traceback or a published file
from elsewhere), and a file in GBK or Big5 is fixed with one command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import FIXTURES, build, findings_of, make_project, run_script

SAMPLE = FIXTURES / "base" / "docs" / "account" / "sample.zh.md"


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project", FIXTURES / "base" / "docs")


def test_a_file_with_a_byte_order_mark_is_checked_and_builds(project):
    for name in ("sample.zh.md", "sample.en.md"):
        page = project / "docs" / "account" / name
        page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    check = run_script(project, "check_content.py")
    assert check.returncode == 0, check.stdout
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "示例文章" in (project / "site" / "account" / "sample" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_symbolic_link_out_of_docs_is_a_finding_and_nothing_is_published(project, tmp_path, kind):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.en.md").write_text("---\ntitle: Secret\n---\n\nNot for the site.\n", encoding="utf-8")
    link = project / "docs" / "account" / ("secret.en.md" if kind == "file" else "elsewhere")
    os.symlink(outside / "secret.en.md" if kind == "file" else outside, link)
    check = run_script(project, "check_content.py")
    assert check.returncode == 1 and "Traceback" not in check.stdout + check.stderr
    assert f"docs/account/{link.name}:1: FILE-SYMLINK" in findings_of(check.stdout)
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
    assert f"docs/account/{link.name}:1: FILE-SYMLINK" in result.stdout + result.stderr
    assert not (project / "site" / "index.html").exists()


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_fix_encoding_resaves_a_chinese_windows_file_as_utf8(project, tmp_path, encoding):
    text = SAMPLE.read_text(encoding="utf-8").replace("示例文章", "範例文章" if encoding == "big5" else "示例文章")
    if encoding == "big5":
        text = text.replace("一篇用于测试的文章", "一篇測試用的文章").replace("打开", "打開").replace("检查网络", "檢查網路") \
            .replace("仍未解决？请联系", "仍未解決？請聯絡").replace("逐项排查", "逐項排查")
    page = project / "docs" / "account" / "sample.zh.md"
    page.write_bytes(text.encode(encoding))
    assert run_script(project, "check_content.py").returncode == 1
    fixed = run_script(project, "fix_encoding.py", "docs/account/sample.zh.md")
    assert fixed.returncode == 0 and "converted from" in fixed.stdout
    assert page.read_text(encoding="utf-8") == text
    again = run_script(project, "fix_encoding.py", "docs/account/sample.zh.md")
    assert again.returncode == 0 and "already UTF-8" in again.stdout


def test_fix_encoding_usage_errors_and_byte_order_marks(project):
    page = project / "docs" / "account" / "sample.en.md"
    original = page.read_bytes()
    page.write_bytes(b"\xef\xbb\xbf" + original)
    result = run_script(project, "fix_encoding.py", "docs/account/sample.en.md")
    assert result.returncode == 0 and "byte-order mark removed" in result.stdout and page.read_bytes() == original
    assert run_script(project, "fix_encoding.py", "docs/no-such-file.md").returncode == 2
    assert run_script(project, "fix_encoding.py", "--from", "klingon", "docs/account/sample.en.md").returncode == 2
