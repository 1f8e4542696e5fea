"""The glossary (docs/glossary.yml): one file gives the glossary page in every
language and the tooltips on every other page, found inside Chinese text too."""

from __future__ import annotations

import re
from html import unescape

import markdown
import pytest

from helpcentre.glossary import load_glossary
from support import LANGUAGES, ROOT

GLOSSARY, GLOSSARY_FINDINGS = load_glossary(ROOT / "docs" / "glossary.yml", ("zh", "en"))
ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def render(text: str) -> str:
    return markdown.Markdown(extensions=["helpcentre.abbreviations"]).convert(text)


def test_terms_are_found_inside_chinese_text_and_as_whole_latin_words():
    html = render("查看交易编号。你的交易编号在这里。Check the transaction ID, not IDs or PAID.\n\n"
                  "`交易编号` stays code.\n\n*[交易编号]: 每笔交易的唯一编号\n*[transaction ID]: Its number\n*[ID]: x")
    assert ABBR.findall(html) == [("每笔交易的唯一编号", "交易编号"), ("每笔交易的唯一编号", "交易编号"),
                                  ("Its number", "transaction ID")]
    assert "<code>交易编号</code>" in html
    plain = markdown.Markdown(extensions=["abbr"]).convert("查看交易编号。\n\n*[交易编号]: 每笔交易的唯一编号")
    assert "<abbr" not in plain, "Python-Markdown's own abbr needs a word boundary Chinese does not have"


def test_the_real_glossary_is_valid_and_covers_the_terms_customers_meet():
    assert GLOSSARY_FINDINGS == []
    ids = set(GLOSSARY.terms)
    assert {"transaction-id", "request-number", "two-factor-authentication", "identity-verification", "pending",
            "reversal"} <= ids


@pytest.mark.parametrize("text,message", [
    ("terms:\n  Transaction_ID:\n    term: {zh: 交易编号, en: transaction ID}\n    means: {zh: 编号, en: A number}\n",
     "lowercase words joined by hyphens"),
    ("terms:\n  a:\n    term: {zh: 甲, en: A}\n    means: {zh: 甲的意思}\n", "needs a en 'means'"),
    ("terms:\n  a:\n    term: {zh: 甲, en: A}\n    means: {zh: 甲, en: a}\n  b:\n    term: {zh: 乙, en: B}\n"
     "    also: {zh: [甲]}\n    means: {zh: 乙, en: b}\n", "already the term or another form of 'a'"),
])
def test_a_broken_glossary_is_a_finding_with_its_line(tmp_path, text, message):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    loaded, findings = load_glossary(path, ("zh", "en"), tmp_path)
    assert loaded is None and findings and findings[0].rule == "GLOSSARY-INVALID"
    assert findings[0].path == "glossary.yml" and findings[0].line > 1
    assert message in findings[0].message


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_the_glossary_page_lists_every_term_with_its_anchor(built_site, lang):
    html = built_site.html(f"{LANGUAGES.get(lang).prefix}support/glossary")
    for entry in GLOSSARY.entries(lang) if lang in ("zh", "en") else []:
        assert f'id="{entry.id}"' in html and entry.term in unescape(html)
    assert 'id="transaction-id"' in html
    assert "<abbr" not in html.split('class="md-content"', 1)[1].split("</article>", 1)[0], \
        "the page that defines the terms shows no tooltips of its own"


@pytest.mark.parametrize("lang,term", [("zh", "交易编号"), ("zh-Hant", "交易編號"), ("en", "transaction ID")])
def test_articles_show_the_definition_as_a_tooltip(built_site, lang, term):
    html = built_site.html(f"{LANGUAGES.get(lang).prefix}payments/transaction-history")
    shown = {text: title for title, text in ABBR.findall(html)}
    assert term in shown and len(shown[term]) > 10
    if lang == "zh-Hant":
        assert not re.search(r"[这么里们]", shown[term]), "the definition is converted with the page"
