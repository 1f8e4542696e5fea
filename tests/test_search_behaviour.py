"""Search regressions that matter to customers: each language searches only
itself; English inflections meet both ways; Chinese domain terms stay whole;
and the model of the browser search is exact on the parts it ports."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from helpcentre_tools.browser import search_results
from helpcentre_tools.lunr_js import porter_stem
from helpcentre_tools.query_preparation import material_segment, segment_chinese_query, transform
from helpcentre_tools.search_model import BrowserSearch
from search_report import load_index
from support import ARTIFACTS

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def searches(built_site):
    return {lang: BrowserSearch(load_index(built_site.root, lang)) for lang in ("zh", "en")}


def top(search: BrowserSearch, query: str, n: int = 3) -> list[str]:
    return [hit.location.strip("/") for hit in search.search(query)[:n]]


@pytest.mark.parametrize("query,article", [
    ("locked", "account/locked-account"), ("lock", "account/locked-account"),
    ("withdrawals", "withdrawals/how-to-withdraw"), ("withdraw", "withdrawals/how-to-withdraw"),
    ("charged twice", "payments/charged-twice"), ("charge", "payments/charged-twice"),
])
def test_english_inflections_match_both_ways(searches, query, article):
    assert article in top(searches["en"], query)


@pytest.mark.parametrize("term", ["提现", "双重验证", "手续费", "验证码"])
def test_chinese_domain_terms_are_indexed_whole(searches, term):
    assert term in searches["zh"].preparation.han_words


@pytest.mark.parametrize("query,article", [
    ("钱提不出来", "withdrawals/withdrawal-failed"), ("被封号了", "account/frozen-account"),
    ("扣了两次钱", "payments/charged-twice"), ("收国外汇款要手续费吗", "payments/international-payments"),
])
def test_colloquial_chinese_finds_the_article(searches, query, article):
    assert article in top(searches["zh"], query)


def test_indexes_hold_only_their_own_language(built_site):
    zh, en = load_index(built_site.root, "zh"), load_index(built_site.root, "en")
    assert all(HAN.search(d["title"]) for d in zh.docs if "#" not in d["location"])
    assert not any(HAN.search(d["title"] + d["text"]) for d in en.docs)
    assert not any(HAN.search(term) for term in en.terms)


def test_lunr_js_stemmer_port():
    # lunr.js keeps "pay" (no y->i after a vowel), unlike the lunr package's stemmer.
    cases = {"pay": "pay", "paying": "pay", "locked": "lock", "withdrawals": "withdraw", "charged": "charg",
             "cry": "cri", "happy": "happi", "running": "run", "relational": "relat", "agreed": "agre"}
    assert {word: porter_stem(word) for word in cases} == cases


def test_material_segment_port_keeps_its_quirks():
    vocabulary = {"提现", "手续费", "手续"}
    assert material_segment("提现手续费", vocabulary) == ["提现", "手续"]
    assert material_segment("收款", vocabulary) == ["收款"]  # first character starts no word: whole run


def test_query_preparation():
    separator = re.compile(r"[\s\-]+")
    assert transform("wi-fi", separator) == "wi-fi* wi-fi*"
    assert transform("+lock out", separator) == "+lock out*"
    assert segment_chinese_query("收国外汇款要手续费吗", {"国外", "汇款", "手续费", "要"}) == "国外 汇款 要 手续费"


@pytest.mark.parametrize("lang,query", [("zh", "提现"), ("zh", "password"), ("en", "password"), ("en", "提现")])
def test_chromium_shows_only_results_of_the_page_language(page, site_url, lang, query):
    page.goto(f"{site_url}/{'en/' if lang == 'en' else ''}")
    paths = [urlsplit(url).path for url in search_results(page, query)]
    if lang == "en":
        assert all(path.startswith("/en/") for path in paths)
    else:
        assert not any(path.startswith("/en/") for path in paths)
    if query == "提现":
        assert bool(paths) == (lang == "zh")


def test_chromium_downloads_only_the_page_language_index(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(f"{site_url}/en/account/locked-account/")
    search_results(page, "locked")
    assert "/en/search/search_index.json" in requested
    assert "/search/search_index.json" not in requested


def test_shared_search_link_opens_with_results(page, site_url):
    page.goto(f"{site_url}/en/?q=locked")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert page.input_value(".md-search__input") == "locked"


@pytest.mark.parametrize("lang,query,channel", [("zh", "qqxxzz", "在线客服"), ("en", "xylophone", "Live chat")])
def test_no_results_shows_categories_and_contact_channels(page, site_url, lang, query, channel):
    page.goto(f"{site_url}/{'en/' if lang == 'en' else ''}account/reset-password/")
    assert search_results(page, query) == []
    panel = page.locator(".md-search-result [data-hc-search-help]")
    panel.wait_for(state="visible", timeout=5000)
    links = panel.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert channel in panel.inner_text()
    assert any(href.endswith("contact/#phone") for href in hrefs)
    # Every link in the panel leads to a real page of the same language.
    for i in range(links.count()):
        url = links.nth(i).evaluate("a => a.href")
        assert ("/en/" in url) == (lang == "en")
        response = page.request.get(url)
        assert response.ok, url
    page.screenshot(path=str(ARTIFACTS / f"search-no-results-{lang}.png"))
    # A query that finds something hides the panel again.
    search_results(page, "password" if lang == "en" else "密码")
    assert not panel.is_visible()
