"""A second, small help centre built by the same plugin (tests/fixtures/second-site):
another brand, other categories, English as the default at / and Simplified
Chinese at /zh/, small sidebar and listing sizes. What holds for the real
site holds here: strict build, contact-link rule, a search index per
language, a 404 page per language, hreflang, CSP hashes, bounded pages."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpcentre.security import inline_script_hashes, parse_headers_file
from helpcentre_tools.search_files import SearchFiles
from support import FIXTURES, ROOT, build, findings_of, run_script

SECOND_SITE = FIXTURES / "second-site"


def second_site(destination: Path) -> Path:
    """The fixture with the theme partials beside it, as a team adopting the plugin has them."""
    shutil.copytree(SECOND_SITE, destination)
    shutil.copytree(ROOT / "overrides", destination / "overrides")
    return destination


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = second_site(tmp_path_factory.mktemp("second") / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_english_is_the_default_at_the_root_and_chinese_lives_under_zh(site):
    assert '<html lang="en"' in html(site, "cards/card-declined")
    assert "My card was declined" in html(site, "cards/card-declined")
    zh = html(site, "zh/cards/card-declined")
    assert '<html lang="zh-Hans"' in zh and "银行卡被拒" in zh
    assert not (site / "en").exists(), "the default language has no prefix of its own"


def test_the_brand_and_contact_details_come_from_its_own_registry(site):
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert all("ExamplePay" not in page for page in pages)
    assert "SampleWallet Support" in html(site, "") and "SampleWallet 客服中心" in html(site, "zh")
    assert "+44 20 7946 0018" in html(site, "contact") and 'id="chat"' in html(site, "zh/contact")
    assert "Contact: mailto:security@example.org" in (site / ".well-known" / "security.txt").read_text()


@pytest.mark.parametrize("lang,prefix,other", [("en", "", "zh/"), ("zh", "zh/", "")])
def test_each_language_has_its_own_search_index(site, lang, prefix, other):
    index = SearchFiles.load(site / prefix / "search")
    assert index.config["lang"] == [lang]
    locations = [doc["location"] for doc in index.docs]
    assert "cards/card-declined/" in locations
    assert not any(location.startswith(("zh/", "en/")) for location in locations)
    titles = " ".join(doc["title"] for doc in index.docs).replace("\u200b", "")
    assert ("银行卡被拒" in titles) == (lang == "zh") and ("declined" in titles) == (lang == "en")
    if lang == "zh":
        assert index.config["segment_words"] and "\u200b" in json.dumps(index.docs, ensure_ascii=False)
    else:
        assert index.config["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
    assert index.manifest["docs"] == [] and index.manifest["config"]["hc"]["base"] == f"{prefix}search/"
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       html(site, f"{prefix}cards"), re.S).group(1)
    assert json.loads(config)["base"].endswith(f"/{prefix}" if prefix else ".."), "each page searches its language"


def test_a_not_found_page_per_language(site):
    en = (site / "404.html").read_text(encoding="utf-8")
    zh = (site / "zh" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en and "find that page" in en.replace("&#39;", "'")
    assert '<html lang="zh-Hans"' in zh and "找不到这个页面" in zh and 'action="/zh/"' in zh
    assert '{"current": "", "languages": ["zh/"], "root": "/"}' in en


def test_hreflang_alternates_point_at_both_languages_and_the_default(site):
    links = re.findall(r'<link rel=" alternate" hreflang="([^"]+)" href="([^"]+)"', html(site, "zh/transfers/send-money"))
    assert links == [("en", "https://help.example.org/transfers/send-money/"),
                     ("zh-Hans", "https://help.example.org/zh/transfers/send-money/"),
                     ("x-default", "https://help.example.org/transfers/send-money/")]
    og = html(site, "transfers/send-money")
    assert '<meta property="og:locale" content="en_GB">' in og
    assert '<meta property="og:locale:alternate" content="zh_CN">' in og


def test_csp_allows_exactly_the_inline_scripts_of_its_pages(site):
    headers = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    script_src = next(part for part in headers["Content-Security-Policy"].split("; ") if part.startswith("script-src"))
    hashes = inline_script_hashes(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert hashes and script_src == "script-src 'self' " + " ".join(hashes)
    assert "unsafe-inline" not in headers["Content-Security-Policy"]


def test_pages_stay_bounded_with_its_own_sizes(site):
    # sidebar_window: 2 and category_page_size: 2 in its mkdocs.yml; cards has three articles.
    page = html(site, "cards/lost-card")
    nav = page[page.index("md-nav--primary"):page.index("md-sidebar--secondary")]
    assert len(set(re.findall(r'href="\.\./(order-a-card|card-declined|lost-card)/"|href="\./"', nav))) <= 2
    assert "All 3 articles in this topic" in nav
    listing = html(site, "zh/cards/page-2")
    assert listing.count("<li>\n<p><a href=") == 1 and "卡片（第 2 页）" in listing
    assert '<a href="../">1</a> <strong>2</strong>' in listing


def test_its_checks_pass_through_the_same_command_lines(tmp_path):
    project = second_site(tmp_path / "project")
    for script, *args in (("check_content.py",), ("check_contact_links.py",), ("check_links.py",),
                          ("translation_status.py", "--no-git")):
        result = run_cli(project, script, *args)
        assert result.returncode == 0, (script, result.stdout, result.stderr)


def test_the_contact_link_rule_holds_in_the_build_and_the_check(tmp_path):
    project = second_site(tmp_path / "project")
    article = project / "docs" / "cards" / "card-declined.en.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "[Chat with us](../contact.md#chat)", "Chat with us"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and not (project / "site" / "index.html").exists()
    assert "docs/cards/card-declined.en.md:14: CHECKLIST-NO-CONTACT" in result.stdout + result.stderr
    check = run_cli(project, "check_contact_links.py")
    assert check.returncode == 1
    assert findings_of(check.stdout) == ["docs/cards/card-declined.en.md:14: CHECKLIST-NO-CONTACT"]


def run_cli(project: Path, script: str, *args: str):
    """The real repository's command-line checks, run in the second site's folder."""
    import subprocess
    import sys

    from support import environment

    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], cwd=project,
                          capture_output=True, text=True, env=environment(), timeout=300)


def test_short_links_and_llms_txt_come_from_configuration_alone(site):
    llms = (site / "llms.txt").read_text(encoding="utf-8")
    assert llms.startswith("# ") and "SampleWallet" in llms and "ExamplePay" not in llms
    assert "https://help.example.org/cards/card-declined/index.html.md" in llms
    assert (site / "zh" / "llms.txt").is_file() and (site / "zh" / "cards" / "card-declined" / "index.html.md").is_file()
    assert re.search(r'http-equiv="refresh" content="0; url=\.\./\.\./cards/', html(site, "a/1"))
    assert "/zh/a/1/ /zh/cards/" in (site / "_redirects").read_text(encoding="utf-8")
