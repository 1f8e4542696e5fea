"""Pinyin finds Chinese articles: the index carries the pinyin of every title
and keyword (built with pypinyin), and a query of several Latin words is also
searched joined (`shouji hao` as `shoujihao`)."""

from __future__ import annotations

import pytest

from helpcentre_tools.query_preparation import cut_pinyin, homophone_pinyin, join_pinyin
from helpcentre_tools.search_model import BrowserSearch
from search_report import article_id

PINYIN = [("chongzhi", "payments/top-up"), ("anquan", "security/is-my-money-safe"),
          ("shouji hao", "account/update-account-info"), ("shoujihao", "account/update-account-info"),
          ("wangji mima", "account/reset-password"), ("wangjimima", "account/reset-password"),
          ("zhanghao suozhu", "account/locked-account")]
# Slips of a pinyin input method that no entry of docs/search/ corrects: the
# right syllables, the wrong characters (手序费 for 手续费, 收宽码 for 收款码),
# with the pinyin word they are read as.
SLIPS = {"zh": [("手序费", "withdrawals/withdrawal-fees", "shouxufei"),
                ("提线失败", "withdrawals/withdrawal-failed", "tixian"),
                ("收宽码", "payments/send-and-receive", "shoukuanma"),
                ("锁顶", "account/locked-account", "suoding")],
         "zh-Hant": [("手序費", "withdrawals/withdrawal-fees", "shouxufei"),
                     ("提線失敗", "withdrawals/withdrawal-failed", "tixian"),
                     ("收寬碼", "payments/send-and-receive", "shoukuanma"),
                     ("鎖頂", "account/locked-account", "suoding")]}


@pytest.fixture(scope="module")
def searches(built_site):
    return {lang: BrowserSearch(built_site.search_index(lang)) for lang in ("zh", "zh-Hant", "en")}


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
@pytest.mark.parametrize("query,expected", PINYIN)
def test_pinyin_finds_the_article(searches, lang, query, expected):
    results = [article_id(hit.location) for hit in searches[lang].search(query)[:3]]
    assert expected in results, results


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_a_slip_of_the_input_method_finds_the_article_by_its_sound(searches, lang):
    for query, expected, sound in SLIPS[lang]:
        assert f"{sound}*" in searches[lang].prepare(query).split(), query
        results = [article_id(hit.location) for hit in searches[lang].search(query)[:3]]
        assert results[0] == expected, (query, results)


def test_only_characters_no_word_covers_are_read():
    readings = {"提": "ti", "现": "xian", "线": "xian", "多": "duo", "久": "jiu"}
    pinyin_words = {"tixian", "duojiu"}
    assert homophone_pinyin("提线多久", {"多久"}, readings, pinyin_words) == ["tixian"], \
        "多久 is a word of the index; 提线 is not"
    assert homophone_pinyin("提现多久", {"提现", "多久"}, readings, pinyin_words) == [], "typed right: nothing added"
    assert homophone_pinyin("线", set(), readings, pinyin_words) == [], "one syllable is no pinyin word"
    assert homophone_pinyin("提线 多久", set(), readings, pinyin_words) == ["tixian", "duojiu"]


def test_each_chinese_index_reads_the_characters_of_its_own_script(built_site):
    simplified = built_site.search_index("zh").config["homophones"]
    traditional = built_site.search_index("zh-Hant").config["homophones"]
    assert "线" in simplified["xian"] and "線" in traditional["xian"] and "线" in traditional["xian"]
    assert "homophones" not in built_site.search_index("en").config
    assert all(syllable.isalpha() and syllable.islower() for syllable in simplified)
    pinyin = " ".join(built_site.search_index("zh").words("pinyin"))
    assert all(syllable in pinyin for syllable in simplified), "only the syllables of the index's pinyin words"


def test_heteronyms_of_domain_terms_are_read_right(built_site):
    pinyin = built_site.search_index("zh").words("pinyin")
    assert "yinhangka" in pinyin and "yinxingka" not in pinyin  # 行 in 银行 is hang


def test_a_converted_page_carries_the_pinyin_of_its_source_too(built_site):
    top_up = built_site.search_index("zh-Hant").field_terms("payments/top-up/", "pinyin")
    assert "chongzhi" in top_up, "儲值 on the page, 充值 in its Simplified source"


def test_the_index_keeps_words_of_two_characters_or_more_once():
    from helpcentre.search_index import pinyin_tokens
    from helpcentre.search_terms import romanizer

    tokens = pinyin_tokens(["忘记密码", "密码被盗"], lambda run: {"忘记密码": ["忘记", "密码"],
                                                              "密码被盗": ["密码", "被", "盗"]}[run], romanizer([]))
    assert tokens == "wangji mima", "each word once; single characters left out"


def test_a_query_typed_without_spaces_is_cut_into_the_indexs_pinyin_words():
    words = {"wangji", "mima", "daoshua", "zhanghu"}
    assert cut_pinyin("wangjimima", words) == "wangji mima"
    assert cut_pinyin("bei daoshua", words) == "daoshua", "a syllable the index lacks is dropped"
    assert cut_pinyin("withdraw money", words) == "withdraw money", "no pinyin word: left alone"
    assert cut_pinyin("提现 tixian", words) == "提现 tixian"


def test_only_several_latin_words_are_joined():
    assert join_pinyin("shouji hao") == "shouji hao shoujihao"
    assert join_pinyin("chongzhi") == "chongzhi" and join_pinyin("提现 tixian") == "提现 tixian"


def test_the_english_index_has_no_pinyin(built_site):
    index = built_site.search_index("en")
    assert "pinyin" not in index.config["fields"] and index.words("pinyin") == []


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_pinyin_in_chromium_matches_the_model(browser, site_url, searches, lang):
    from helpcentre_tools.search_suite import Query
    from search_report import ChromiumSearch, evaluate_in_browser
    from support import LANGUAGES

    cases = PINYIN + [(query, expected) for query, expected, _ in SLIPS[lang]]
    queries = [Query(lang, "tuning", query, (expected,), "pinyin") for query, expected in cases]
    chromium = ChromiumSearch(browser, site_url, LANGUAGES)
    outcomes = evaluate_in_browser(chromium, queries)
    chromium.close()
    for outcome, (query, expected) in zip(outcomes, cases):
        offline = [article_id(hit.location) for hit in searches[lang].search(query)]
        assert outcome.results[:3] == offline[:3], query
        assert expected in outcome.results[:3], (query, outcome.results)
