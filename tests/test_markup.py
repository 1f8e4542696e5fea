"""The built HTML is valid (Nu HTML Checker from npm, on Java) and loads fast:
scripts never block the first paint."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_nu_html_checker_finds_no_errors(built_site):
    if not VNU.is_file() or shutil.which("java") is None:
        reason = "vnu-jar (make install) and Java are needed"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason)
        pytest.skip(reason)
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(built_site.root)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    assert messages == [], [(m.get("url", "").rsplit("/site/", 1)[-1], m["message"]) for m in messages[:10]]


def test_scripts_do_not_block_the_first_paint(built_site):
    for page in built_site.files(".html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html):
            assert " defer" in tag or " async" in tag, f"{page.name}: {tag}"


def test_material_markup_repairs(built_site):
    html = built_site.html("account")
    assert 'tabindex=""' not in html
    assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete=', html)
    assert re.search(r'<div class="md-search" data-md-component="search" role="dialog" aria-label="[^"]+"', html)
