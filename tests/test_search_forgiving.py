"""Search that forgives how people type: the search terms writers own
(corrections, fillers, pinyin readings), English typo tolerance, long
pasted messages, and the link to another language's results for a query
typed in its script. The offline model and Chromium must agree."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpcentre.search_terms import load_search_terms, romanizer
from helpcentre_tools.browser import (RESULT_LINKS, clear_search, open_search, paste_into_search, search_results,
                                      stable_results, type_like_a_person)
from helpcentre_tools.query_preparation import one_edit_apart, without_codes
from helpcentre_tools.search_model import BrowserSearch
from search_report import article_id
from support import FIXTURES, LANGUAGES, build, findings_of, make_project

CASES = sorted(path for path in (FIXTURES / "search-terms").iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_search_terms_file_is_checked_entry_by_entry(case):
    _, findings = load_search_terms(case / "terms.yml", case)
    expected = (case / "expected").read_text(encoding="utf-8").strip()
    reported = [f"{finding.line}: {finding.rule} {finding.message}" for finding in findings]
    if expected:
        assert len(reported) == 1 and reported[0].startswith(expected), reported
        assert findings[0].path == "terms.yml"
    else:
        assert reported == []


def test_a_broken_search_terms_file_stops_the_build(tmp_path):
    project = make_project(tmp_path / "project")
    terms = project / "docs" / "search" / "en.yml"
    terms.write_text(terms.read_text(encoding="utf-8") + "  - typed: payout\n    means: withdrawal\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    line = len(terms.read_text(encoding="utf-8").splitlines()) - 1
    assert f"docs/search/en.yml:{line}: SEARCH-TERMS" in findings_of(result.stdout + result.stderr)
    assert not (project / "site").exists(), "nothing half-built is published"


def test_domain_heteronyms_are_read_right():
    terms, _ = load_search_terms(Path(__file__).parents[1] / "docs" / "search" / "zh.yml")
    romanize = romanizer(terms.readings)
    assert romanize("重置密码") == "chongzhimima"
    assert romanize("还款") == "huankuan" and romanize("长按") == "changan"
    assert romanize("银行卡") == "yinhangka", "the tables' own phrase readings still apply"
    assert romanizer([])("重置") == "zhongzhi", "the tables alone read it wrong"


def test_the_index_carries_the_right_pinyin_and_the_corrections(built_site):
    index = built_site.search_index("zh")
    pinyin = index.field_terms("account/reset-password/", "pinyin")
    assert "chongzhi" in pinyin and "zhongzhi" not in pinyin  # 重置
    assert ["手续废", "手续费"] in index.config["corrections"]
    english = built_site.search_index("en").config
    assert english["typo_tolerance"] == 5 and ["KYC", "identity verification"] in english["corrections"]


@pytest.fixture(scope="module")
def searches(built_site):
    return {lang: BrowserSearch(built_site.search_index(lang)) for lang in LANGUAGES.codes}


def top(search: BrowserSearch, query: str) -> list[str]:
    return [article_id(hit.location) for hit in search.search(query)[:3]]


@pytest.mark.parametrize("lang,typed,means", [
    ("zh", "手续废", "手续费"),
    ("zh", "帐单", "账单"),
    ("zh-Hant", "手續廢", "手續費"),
    ("en", "KYC", "identity verification"),
    ("en", "cashout", "withdraw"),
])
def test_a_correction_finds_what_the_right_word_finds(searches, lang, typed, means):
    assert top(searches[lang], typed) == top(searches[lang], means) != []


def test_a_filler_changes_nothing(searches):
    assert top(searches["zh"], "嗯 那个 请问一下 提现多久到账") == top(searches["zh"], "提现多久到账")


def test_one_edit_apart():
    assert one_edit_apart("withdrawel", "withdrawal")  # replaced
    assert one_edit_apart("verfication", "verification")  # deleted
    assert one_edit_apart("paswsord", "password")  # neighbours swapped
    assert one_edit_apart("accountt", "account")  # doubled
    assert not one_edit_apart("password", "password")
    assert not one_edit_apart("withdrwl", "withdrawal")  # two edits


@pytest.mark.parametrize("typo,spelt", [
    ("withdrawel", "withdrawal"), ("paswsord", "password"), ("verfication", "verification"), ("recieve", "receive"),
])
def test_an_english_typo_of_five_letters_or_more_is_forgiven(searches, typo, spelt):
    assert top(searches["en"], typo) == top(searches["en"], spelt) != []


def test_typo_tolerance_leaves_short_and_known_words_alone(searches):
    english = searches["en"]
    assert english.preparation.stem_english("fees") == "fee", "a known word is never replaced"
    assert english.preparation.stem_english("fess") == "fess", "shorter than five letters: left alone"
    assert english.preparation.stem_english("withdrawel").split() == ["withdraw"]


def test_a_guess_ranks_below_what_was_typed_exactly(searches):
    # "recieve" matches nothing and is replaced by the index's "receive"; the
    # word typed right, "refund", then weighs double.
    prepared = searches["en"].preparation.stem_english("recieve refund")
    assert prepared == "receiv refund*^2"


def test_a_long_pasted_message_loses_its_codes_and_numbers():
    message = "Transaction failed code 5012 issuer declined at 14:32 amount 500.00".split()
    assert without_codes(message) == "Transaction failed code issuer declined at amount".split()
    assert without_codes(["error", "5012"]) == ["error", "5012"], "a short query keeps them"
    assert without_codes(["5012"] * 7) == ["5012"] * 7, "codes alone are kept rather than nothing"


def test_a_long_pasted_message_loses_what_is_left_of_masked_names():
    # "You sent $50.00 to J*** S***": the asterisks are read as text, and the
    # initials left over would match every word starting with j or s.
    message = "you sent 50.00 to J S if you didnt make this".split()
    assert without_codes(message) == "you sent to if you didnt make this".split()
    assert without_codes(["pay", "J", "S"]) == ["pay", "J", "S"], "a short query keeps them"


# --- in Chromium ---------------------------------------------------------------------

BROWSER_CASES = [("en", "withdrawel fee"), ("en", "KYC"), ("en", "Your payment could not be completed. "
                                                               "Error 4031 at 14:02, please try again later."),
                 ("zh", "手续废"), ("zh", "嗯 那个 请问一下 提现多久到账"), ("zh-Hant", "忘記密馬")]


@pytest.mark.parametrize("lang,query", BROWSER_CASES)
def test_chromium_corrects_like_the_model_typed_and_pasted(browser, site_url, searches, lang, query):
    page = browser.new_page()
    page.goto(f"{site_url}/{LANGUAGES.prefix(lang)}")
    open_search(page)
    typed = articles(search_results(page, query), lang)
    clear_search(page)
    paste_into_search(page, query)
    pasted = articles(stable_results(page), lang)
    page.close()
    assert typed[:3] == pasted[:3] == top(searches[lang], query)


def articles(urls: list[str], lang: str) -> list[str]:
    return [article_id(urlsplit(url).path.removeprefix("/" + LANGUAGES.prefix(lang))) for url in urls]


def hint(page, query: str) -> dict:
    page.wait_for_function("(q) => document.querySelector('.hc-search-elsewhere')?.dataset.query === q",
                           arg=query, timeout=60000)
    return page.eval_on_selector(".hc-search-elsewhere", """p => {
        const a = p.querySelector("a")  // only in the page while it shows
        return {hidden: p.hidden, link: !!a, text: a?.textContent, href: a?.href, lang: a?.lang}
    }""")


@pytest.mark.parametrize("lang,query,target,answer", [
    ("en", "充值", "zh", "payments/top-up"),
    ("zh", "top up", "en", "payments/top-up"),
    ("zh-Hant", "withdrawal fee", "en", "withdrawals/withdrawal-fees"),
])
def test_a_query_in_another_languages_script_offers_that_languages_results(browser, site_url, searches,
                                                                          lang, query, target, answer):
    page = browser.new_page()
    page.goto(f"{site_url}/{LANGUAGES.prefix(lang)}")
    open_search(page)
    clear_search(page)
    type_like_a_person(page, query)  # Chinese arrives through an IME composition
    offered = hint(page, query)
    count = len(searches[target].search(query))
    assert not offered["hidden"] and str(count) in offered["text"]
    assert offered["lang"] == LANGUAGES.get(target).html_lang
    own = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
    assert all(in_language(url, lang) for url in own), "the results list never mixes languages"
    page.goto(offered["href"])
    followed = stable_results(page, timeout=30.0)
    assert followed and all(in_language(url, target) for url in followed)
    page.close()
    assert answer in articles(followed[:3], target), followed


def in_language(url: str, lang: str) -> bool:
    path = urlsplit(url).path.lstrip("/")
    prefixes = [other.prefix for other in LANGUAGES if other.prefix]
    own = LANGUAGES.prefix(lang)
    return path.startswith(own) if own else not any(path.startswith(prefix) for prefix in prefixes)


def test_pinyin_on_the_chinese_site_offers_no_english_link(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}/")
    open_search(page)
    clear_search(page)
    type_like_a_person(page, "chongzhi")
    shown = hint(page, "chongzhi")
    assert shown["hidden"] and not shown["link"], "English has no result for pinyin: no link"
    page.close()
