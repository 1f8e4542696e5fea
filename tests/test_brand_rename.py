"""Renaming the brand in the registry renames it on every page."""

from __future__ import annotations

import re

from support import build, make_project

OLD, NEW = "ExamplePay", "AcmeWallet"
TEXT_SUFFIXES = {".html", ".json", ".xml", ".txt", ".js", ".css"}


def test_renaming_the_brand_in_the_registry_renames_it_everywhere(tmp_path):
    project = make_project(tmp_path / "site")
    registry = project / "docs" / "registry.yml"
    text = registry.read_text(encoding="utf-8")
    assert re.search(rf"^brand: {OLD}$", text, re.M)
    registry.write_text(re.sub(rf"^brand: {OLD}$", f"brand: {NEW}", text, flags=re.M), encoding="utf-8")

    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr

    site = project / "site"
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES]
    still_old = [str(p.relative_to(site)) for p in files if OLD in p.read_text(encoding="utf-8", errors="ignore")]
    assert not still_old, f"old brand still on: {still_old[:10]}"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{NEW} 帮助中心</title>" in home
    assert f"<title>联系客服 - {NEW} 帮助中心</title>" in (site / "contact" / "index.html").read_text(encoding="utf-8")
    article = (site / "en" / "security" / "phishing-and-scams" / "index.html").read_text(encoding="utf-8")
    assert NEW in article
    contact = (site / "contact" / "index.html").read_text(encoding="utf-8")
    assert f"@{NEW}" in contact
