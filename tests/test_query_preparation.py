"""What the browser does to a query before lunr searches it
(helpcentre_tools/query_preparation.py, the model of hc-search-worker.js and
of Material's query handling), step by step on small indexes written here:
each step's rule, in the cases that tell it from its near misses. The search
tests (test_search_*) hold the model to Chromium on the real site."""

from __future__ import annotations

import pytest

from helpcentre_tools.query_preparation import (
    QueryPreparation, correction_pattern, cut_pinyin, homophone_pinyin, join_pinyin, js_regex, literal,
    longest_words, material_segment, one_edit_apart, pinyin_words_in, segment_chinese_query, split, stem,
    MAX_TERMS, first_terms, text_blocks, tokenize, transform, without_codes,
)
from support import PROJECT

SEPARATOR = PROJECT.config.plugins["material/search"].config.separator
SEP = js_regex(SEPARATOR)
# Prepare files as search_shards.py writes them, for two small indexes.
ENGLISH = {"pipeline": ["trimmer", "stopWordFilter", "stemmer"], "typo_tolerance": 5,
           "corrections": [["kyc", "identity verification"], ["cashout", "withdraw"]],
           "words": {"han": [], "pinyin": [], "latin": ["and", "document", "fees", "identity", "limits", "money",
                                                       "payout", "upload", "verify", "withdraw", "withdrawal", "your"]}}
CHINESE = {"pipeline": [], "segment_words": True,
           "fold": {"chars": {"帳": "账", "戶": "户", "鎖": "锁", "現": "现"}, "phrases": [["登入", "登录"]]},
           "corrections": [["手续废", "手续费"], ["请问一下", " "]],
           "homophones": {"ti": "提体", "xian": "现线"},
           "words": {"han": ["账户", "被", "锁", "提现", "手续费", "登录"], "pinyin": ["zhanghu", "tixian", "shouxufei",
                                                                             "denglu"], "latin": []}}


# --- Material's tokenizer and query handling ----------------------------------------


def test_tokens_are_the_text_between_tags_cut_by_the_separator_and_lowercased():
    assert tokenize("<p>Hello <b>World</b>, two-factor</p>", SEP) == ["hello", "world", "two", "factor"]
    assert tokenize(["camelCase x.1 end."], SEP) == ["camel", "case", "x.1", "end"]
    assert tokenize(None, SEP) == []
    assert text_blocks("<a href='x'>Hi</a><br/>there") == ["Hi", "there"]
    assert text_blocks("plain") == ["plain"]
    assert split("a, b", SEP) == ["a", "b"] and split(",a,", SEP) == ["a"] and split("", SEP) == []


def test_materials_segmentation_keeps_its_quirks():
    """A word never takes a run's last character (多少 is left out), and a run
    with no word at all stays whole."""
    assert material_segment("提现手续费多少", {"提现", "手续费", "手续", "多少"}) == ["提现", "手续费"]
    assert material_segment("提现", {"提现"}) == ["提现"]
    assert material_segment("abc", set()) == ["abc"]
    assert material_segment("手续费用", {"手续", "手续费", "费用"}) == ["手续费"]


@pytest.mark.parametrize("query,prepared", [
    ("foo bar", "foo* bar*"),
    ('"two words" x', "+two +words x*"),
    ("wi-fi", "wi-fi* wi-fi*"),
    ("title:foo text:bar", "title:foo* text:bar*"),
    ("nope:foo", "nope foo*"),
    ("a~ b^", "a~1 b^1"),
    ("  spaced  ", "spaced*"),
    ("+must -not", "+must -not"),
])
def test_materials_transform_gives_every_plain_term_a_trailing_star(query, prepared):
    assert transform(query, SEP) == prepared


# --- the worker's steps -----------------------------------------------------------


def test_a_query_is_text_never_lunr_syntax():
    assert literal("+foo -bar baz* ~1 ^2 a-b") == "foo bar baz   1  2 a-b"
    assert literal("--x") == "x"


def test_a_correction_matches_a_latin_word_whole_and_han_text_anywhere():
    assert correction_pattern("KYC").search("my kyc check")
    assert not correction_pattern("KYC").search("kyct") and not correction_pattern("KYC").search("xkyc")
    assert correction_pattern("帐").search("帐户")


def test_chinese_is_cut_into_the_longest_words_of_the_index():
    assert longest_words("提现手续费", {"提现", "手续费", "手续"}) == ["提现", "手续费"]
    assert longest_words("提现手续", {"提现", "手续费"}) == ["提现", "手", "续"]
    assert longest_words("一二三四五六七八九十", {"一二三四五六七八九"}) == list("一二三四五六七八九十")
    assert segment_chinese_query("我的提现多久到账啊 card", {"提现", "多久", "到账", "我的"}) == "我的 提现 多久 到账 card"
    assert segment_chinese_query("的了", {"的"}) == "的了", "nothing left: the query stays as typed"


def test_pinyin_typed_without_spaces_is_cut_into_the_indexs_pinyin_words():
    words = {"wangji", "mima"}
    assert cut_pinyin("wangjimima", words) == "wangji mima"
    assert cut_pinyin("wangjimima zenme", words) == "wangji mima", "a word that cannot be cut is dropped"
    assert cut_pinyin("wangji bei mima", words) == "wangji mima"
    assert cut_pinyin("hello world", {"mima"}) == "hello world", "no pinyin word: left alone"
    assert cut_pinyin("MIMA 2fa", words) == "mima 2fa"
    assert join_pinyin("shouji hao") == "shouji hao shoujihao"
    assert join_pinyin("shouji") == "shouji" and join_pinyin("a 1") == "a 1"


def test_a_slip_is_found_by_its_sound():
    readings = {"体": "ti", "现": "xian", "失": "shi", "败": "bai"}
    assert homophone_pinyin("体现失败", {"失败"}, readings, {"tixian"}) == ["tixian"]
    assert homophone_pinyin("体现", set(), readings, {"xianshi"}) == []
    assert homophone_pinyin("体 现", set(), readings, {"tixian"}) == [], "syllables of one run only"
    assert pinyin_words_in(["ti", "xian", "shi", "bai"], {"tixian", "shibai", "xianshi"}) == ["tixian", "shibai"]
    assert pinyin_words_in(["ti"], {"ti"}) == [], "a pinyin word is two syllables or more"


def test_english_words_are_stemmed_and_a_typo_is_one_edit_away():
    assert stem("withdrawals") == "withdraw" and stem("Locked") == "lock" and stem("the") == ""
    assert one_edit_apart("withdraw", "withdarw") and one_edit_apart("withdraw", "withdra")
    assert one_edit_apart("withdraw", "withdrawn") and one_edit_apart("abc", "axc")
    assert not one_edit_apart("withdraw", "withdraw") and not one_edit_apart("abc", "xyz")
    assert not one_edit_apart("ab", "abcd") and not one_edit_apart("abcd", "badc")


def test_a_long_pasted_message_loses_its_numbers_codes_and_lone_letters():
    message = ["payment", "of", "1234", "to", "J", "failed"]
    assert without_codes(message) == ["payment", "of", "to", "failed"]
    assert without_codes(["a", "1"]) == ["a", "1"], "short queries keep everything"
    assert without_codes(["j", "s", "x", "y", "z", "w"]) == ["j", "s", "x", "y", "z", "w"], "never nothing"
    assert without_codes([("A1", 0)] * 5 + [("ok", 0)], lambda term: term[0]) == [("ok", 0)]


def test_terms_of_punctuation_or_emoji_go_and_a_message_pasted_whole_keeps_its_first_terms():
    assert first_terms("?* …* lock* “”* 😀🙈* ¯\\_(-_-)_/¯* x1* 账户*") == "lock* x1* 账户*"
    assert first_terms("") == ""
    many = " ".join(f"w{n}*" for n in range(MAX_TERMS + 20))
    assert first_terms(many).split(" ") == many.split(" ")[:MAX_TERMS]
    assert QueryPreparation(ENGLISH, SEPARATOR).prepare("money " * 200).count("money*") == MAX_TERMS


# --- a whole query ----------------------------------------------------------------


@pytest.mark.parametrize("query,prepared", [
    ("withdrawals", "withdraw*"),
    ("withdrawl fees", "withdraw* fee*^2"),
    ("withdrwa", "withdraw*"),
    ("my KYC check", "ident* verif* check*"),
    ("cashout now", "withdraw* now*"),
    ("+locked -out", "lock* out*"),
    ("the", "the*"),
    ("1234 5678 abc def ghi jkl", "abc* def* ghi* jkl*"),
    ("paymnt", "paymnt*"),
])
def test_an_english_query(query, prepared):
    assert QueryPreparation(ENGLISH, SEPARATOR).prepare(query) == prepared


@pytest.mark.parametrize("query,prepared", [
    ("帳戶被鎖", "账户* 锁*"),
    ("手续废多少", "手续费*"),
    ("请问一下提线失败", "提线失败〇* tixian*"),
    ("登入不了", "登录*"),
    ("zhanghu", "zhanghu*"),
    ("tixianshouxufei", "tixian* shouxufei*"),
    ("提现 123456 abc", "提现* 123456* abc*"),
    ("zhanghu mima", "zhanghu* zhanghu*"),
])
def test_a_chinese_query(query, prepared):
    assert QueryPreparation(CHINESE, SEPARATOR).prepare(query) == prepared


def test_an_index_without_the_forgiving_settings_leaves_the_query_alone():
    preparation = QueryPreparation({"pipeline": [], "words": {"han": [], "pinyin": [], "latin": []}}, SEPARATOR)
    assert preparation.prepare("Withdrawals KYC") == "Withdrawals* KYC*"
    assert preparation.typo_tolerance == 0 and preparation.latin_words == []
