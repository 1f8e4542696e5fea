"""scripts/new_article.py: one command makes an article that passes every check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, environment, run_script

CHECKS = ("check_content.py", "check_contact_links.py", "check_links.py", "translation_status.py")


@pytest.fixture
def project(project) -> Path:
    (project / "docs" / "templates").mkdir()
    for template in (ROOT / "docs" / "templates").iterdir():
        (project / "docs" / "templates" / template.name).write_bytes(template.read_bytes())
    return project


@pytest.mark.parametrize("article_type", ["troubleshooting", "how-to", "reference"])
def test_new_article_passes_every_check_and_builds(project, article_type):
    result = run_script(project, "new_article.py", "account", "card-declined", "--type", article_type,
                        "--title", "zh=银行卡被拒", "--title", "en=Card declined")
    assert result.returncode == 0, result.stderr
    for lang in ("zh", "en"):
        text = (project / f"docs/account/card-declined.{lang}.md").read_text(encoding="utf-8")
        assert f"type: {article_type}" in text and "order: 20" in text
        assert "\nid: 2\n" in text, "the next free id, the same in every language"
        if article_type == "troubleshooting":
            assert "!!! checklist" in text and "../contact.md#chat" in text
    for check in CHECKS:
        outcome = run_script(project, check, *(["--no-git"] if check == "translation_status.py" else []))
        assert outcome.returncode == 0, (check, outcome.stdout)
    lint = subprocess.run([str(ROOT / "node_modules/.bin/markdownlint-cli2"), "docs/account/card-declined.*.md"],
                          cwd=project, capture_output=True, text=True, env=environment())
    assert lint.returncode == 0, lint.stdout + lint.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"], cwd=project,
                           capture_output=True, text=True, env=environment())
    assert build.returncode == 0, build.stderr
    listing = (project / "site/en/account/index.html").read_text(encoding="utf-8")
    assert "Card declined" in listing, "the category page lists the new article by itself"


@pytest.mark.parametrize("args,message", [
    (["acount", "x", "--type", "how-to"], "unknown category 'acount'"),
    (["account", "Bad_Slug", "--type", "how-to"], "not a valid slug"),
    (["account", "sample", "--type", "how-to"], "already exists"),
    (["account", "x", "--type", "faq"], "unknown type 'faq'"),
    (["account", "x", "--type", "how-to", "--title", "ja=カード"], "unknown language ja"),
    (["account", "x", "--type", "how-to", "--title", "Card declined"], "--title takes LANG=TITLE"),
])
def test_refuses_bad_input_and_writes_nothing(project, args, message):
    before = sorted(p.name for p in (project / "docs/account").iterdir())
    result = run_script(project, "new_article.py", *args)
    assert result.returncode == 2 and message in result.stderr
    assert sorted(p.name for p in (project / "docs/account").iterdir()) == before


def test_an_id_on_the_published_list_is_never_given_again(project):
    (project / "published-urls.txt").write_text("/a/7/ /account/removed/\n/en/a/7/ /en/account/removed/\n",
                                                encoding="utf-8")
    result = run_script(project, "new_article.py", "account", "card-declined", "--type", "how-to")
    assert result.returncode == 0, result.stderr
    assert "\nid: 8\n" in (project / "docs/account/card-declined.en.md").read_text(encoding="utf-8")
