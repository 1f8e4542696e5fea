"""The writers' preview (make serve) re-renders only what a save touches,
and what it serves is what a full build publishes: after an edit, a new
article and a removed one, every page it has rendered is the same HTML as a
full build's of the same files, in every language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import REDIRECT_PAGE, build, environment, make_project

LANG_PREFIXES = ("", "zh-Hant/", "en/")
# Whole-site outputs the preview refreshes with a background full build.
WHOLE_SITE = {"404.html", "sitemap.xml"}


def replay(project: Path, site_dir: Path, steps: list[dict]) -> list[dict]:
    steps_file = project / "steps.json"
    steps_file.write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "helpcentre_tools.preview_replay", "--config-file",
                             str(project / "mkdocs.yml"), "--site-dir", str(site_dir), "--steps", str(steps_file)],
                            cwd=project, capture_output=True, text=True, env=environment(), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def pages(site: Path) -> dict[str, str]:
    """The pages, without the whole-site outputs (short links and redirects included)."""
    found = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
             for path in site.rglob("*.html") if path.name not in WHOLE_SITE}
    return {path: html for path, html in found.items() if REDIRECT_PAGE not in html}


def assert_same_as_a_full_build(project: Path, preview_site: Path) -> None:
    result = build(project, site_dir="full-site")
    assert result.returncode == 0, result.stdout + result.stderr
    full, served = pages(project / "full-site"), pages(preview_site)
    assert set(served) == set(full), "the preview serves exactly the pages a build publishes"
    differing = [path for path in full if served[path] != full[path]]
    assert not differing, f"{len(differing)} pages differ from a full build, e.g. {differing[:5]}"


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def article(title: str, description: str, body: str, order: int = 5, article_id: int = 900) -> str:
    return f"---\ntitle: {title}\ndescription: {description}\ntype: how-to\nid: {article_id}\norder: {order}\n---\n\n{body}\n"


def test_an_edited_article_renders_alone_and_as_a_full_build_would(project, tmp_path):
    zh = project / "docs" / "account" / "register.zh.md"
    text = zh.read_text(encoding="utf-8")
    edited = text.replace("\n\n", "\n\n这是预览测试加上的一句话。\n\n", 1)
    [step] = replay(project, tmp_path / "served", [{"write": {"docs/account/register.zh.md": edited}}])
    # The page and the Traditional page converted from it, nothing else.
    assert sorted(step["rendered"]) == ["zh-Hant:zh-Hant/account/register/index.html",
                                        "zh:account/register/index.html"]
    assert "这是预览测试加上的一句话" in (tmp_path / "served" / "account" / "register" / "index.html").read_text()
    assert "這是預覽測試加上的一句話" in (tmp_path / "served" / "zh-Hant" / "account" / "register" / "index.html").read_text()
    assert_same_as_a_full_build(project, tmp_path / "served")


def test_a_new_article_and_a_removed_one_in_every_language(project, tmp_path):
    new = {"docs/account/preview-check.zh.md": article("预览测试文章", "一篇预览测试文章。", "预览测试的正文。", order=1),
           "docs/account/preview-check.en.md": article("Preview check", "A preview check.", "The body.", order=1)}
    steps = replay(project, tmp_path / "served", [
        {"write": new},
        {"remove": ["docs/account/app-not-working.zh.md", "docs/account/app-not-working.en.md"]},
    ])
    added, removed = steps
    for prefix in LANG_PREFIXES:
        assert (tmp_path / "served" / prefix / "account" / "preview-check" / "index.html").is_file()
        assert not (tmp_path / "served" / prefix / "account" / "app-not-working" / "index.html").exists()
    # Files and navigation change: the pages that show the article are made
    # again when asked for or by the background, not before the save returns.
    assert added["rendered"] == [] and added["stale"] > 3 and removed["stale"] > 3
    assert "预览测试文章" in (tmp_path / "served" / "account" / "index.html").read_text(encoding="utf-8")
    assert_same_as_a_full_build(project, tmp_path / "served")


def test_a_title_change_reaches_the_pages_that_show_it(project, tmp_path):
    en = project / "docs" / "account" / "register.en.md"
    renamed = en.read_text(encoding="utf-8").replace("title: Create an account", "title: Open your wallet", 1)
    assert renamed != en.read_text(encoding="utf-8")
    [step] = replay(project, tmp_path / "served", [{"write": {"docs/account/register.en.md": renamed}}])
    assert step["rendered"] == [] and step["stale"] > 1, "its category listing, among others, is stale"
    assert "Open your wallet" in (tmp_path / "served" / "en" / "account" / "index.html").read_text(encoding="utf-8")
    assert_same_as_a_full_build(project, tmp_path / "served")
