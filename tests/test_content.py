"""The real docs/: front matter complete, both languages agree, no brand or
contact detail hard-coded in an article."""

from __future__ import annotations

import re
import pytest

from helpcentre.content import ARTICLE_TYPES, Catalogue
from support import LANGUAGES, PROJECT, ROOT, run_script

CATALOGUE = Catalogue.load(ROOT / "docs", LANGUAGES, display_root=ROOT)
ARTICLES = [doc for doc in CATALOGUE.documents if doc.kind == "article"]


@pytest.mark.program
def test_content_checker_passes_on_the_real_docs():
    result = run_script(ROOT, "check_content.py")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("OK:")


@pytest.mark.parametrize("doc", ARTICLES, ids=lambda d: d.rel)
def test_article_front_matter_is_complete(doc):
    assert doc.meta["type"] in ARTICLE_TYPES
    for key in ("title", "description"):
        assert isinstance(doc.meta[key], str) and doc.meta[key].strip()
    assert "\n" not in doc.meta["description"].strip()


@pytest.mark.parametrize("doc", [d for d in ARTICLES if d.lang == "zh"], ids=lambda d: d.stem)
def test_both_languages_have_the_same_type_and_order(doc):
    english = CATALOGUE.get(doc.stem, "en")
    assert english is not None
    assert english.meta["type"] == doc.meta["type"]
    assert english.meta.get("order") == doc.meta.get("order")


def test_no_article_hard_codes_the_brand_or_contact_details():
    registry_text = (ROOT / "docs" / "registry.yml").read_text(encoding="utf-8")
    brand = re.search(r"^brand: (.+)$", registry_text, re.M).group(1).strip()
    offenders = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for needle in (brand, "support@example.com", "202-555", "mailto:", "tel:"):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle}")
    assert not offenders


def test_chinese_articles_address_the_reader_as_ni():
    offenders = [d.rel for d in CATALOGUE.documents
                 if d.lang.startswith("zh") and "您" in (ROOT / "docs" / d.rel).read_text(encoding="utf-8")]
    assert not offenders


@pytest.fixture(scope="module")
def site():
    return PROJECT.site()


@pytest.mark.parametrize("doc", ARTICLES, ids=lambda d: d.rel)
def test_article_is_long_enough(site, doc):
    # As readers get it: the glossary page's text comes from docs/glossary.yml.
    body = site.expanded(site.catalogue.get(doc.stem, doc.lang))[0]
    if doc.lang.startswith("zh"):
        assert len(re.findall(r"[\u4e00-\u9fff]", body)) >= 150
    else:
        assert len(re.findall(r"[A-Za-z']+", body)) >= 120



def test_markup_shown_as_code_is_allowed():
    from helpcentre.safety import check_unsafe_html
    text = ("Type `<script>` or `javascript:` only in code.\n\n```html\n<iframe src=x onload=y></iframe>\n```\n"
            "An ordinary sentence about JavaScript: it is a language. Data: text/html is a type.\n")
    assert check_unsafe_html("x.md", text) == []
    assert [f.rule for f in check_unsafe_html("x.md", "<SCRIPT src=x></SCRIPT>\n<img src=x OnError=y>")] == \
        ["HTML-SCRIPT", "HTML-EVENT"]


def test_script_urls_are_caught_where_urls_stand():
    from helpcentre.safety import check_unsafe_html
    for line in ("[x](javascript:alert(1))", "[x]: javascript:void(0)", "<a href='JavaScript:x()'>x</a>",
                 "<javascript:alert(1)>", '<img src="data:text/html;base64,xx">'):
        assert "URL-SCRIPT" in [f.rule for f in check_unsafe_html("x.md", line)], line
