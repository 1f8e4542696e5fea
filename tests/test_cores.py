"""`make build` runs on ProperDocs; a team still on MkDocs 1.6.1 gets the same
site from the same files."""

from __future__ import annotations

import re

from support import build, make_project

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_mkdocs_builds_the_same_files_as_properdocs(tmp_path, built_site):
    project = make_project(tmp_path / "project")
    result = build(project, core="mkdocs")
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    ours = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(built_site.root).as_posix() for p in built_site.root.rglob("*") if p.is_file())
    assert ours == theirs
    for page in ("index.html", "en/account/reset-password/index.html", "404.html", "en/404.html"):
        mkdocs_html = GENERATOR.sub("", (site / page).read_text(encoding="utf-8"))
        properdocs_html = GENERATOR.sub("", (built_site.root / page).read_text(encoding="utf-8"))
        assert mkdocs_html == properdocs_html, page
