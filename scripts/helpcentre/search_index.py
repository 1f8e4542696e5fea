"""One search index per language, from the merged index that
mkdocs-static-i18n writes for all languages, with each article's
writer-chosen `keywords` as a heavily boosted field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from helpcentre.languages import Languages

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# What Material puts between and around the words it cut.
WORD_BREAK = "\u200b"
RECUT_FIELDS = ("title", "text")
KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = 500.0
ZH_STOP_WORDS = frozenset(
    "的 一 不 在 人 有 是 为 為 以 于 於 上 他 而 后 後 之 来 來 及 了 因 下 可 到 由 这 這 与 與 也 此 但 并 並 个 個 其 已 "
    "无 無 小 我 们 們 起 最 再 今 去 好 只 又 或 很 亦 某 把 那 你 乃 它 吧 被 比 别 趁 当 當 从 從 得 打 凡 儿 兒 尔 爾 该 "
    "該 各 给 給 跟 和 何 还 還 即 几 幾 既 看 据 據 距 靠 啦 另 么 麽 每 嘛 拿 哪 您 凭 憑 且 却 卻 让 讓 仍 啥 如 若 使 谁 "
    "誰 虽 雖 随 隨 同 所 她 哇 嗡 往 些 向 沿 哟 喲 用 咱 则 則 怎 曾 至 致 着 著 诸 諸 自".split()
)  # lunr.zh's stop words (the search box drops them too)
# Pinyin of a page's title and keywords, in a segmented language's index.
PINYIN_FIELD = "pinyin"
PINYIN_BOOST = 300.0
# Where a segmented index with pinyin says how its characters are read.
HOMOPHONES_KEY = "homophones"


def segment_words(text: str, cut: Callable[[str], Iterable[str]]) -> str:
    """Han runs cut into words separated by U+200B, as Material does with jieba."""
    segmented = HAN_RUN.sub(lambda m: WORD_BREAK + WORD_BREAK.join(cut(m.group(0))) + WORD_BREAK, text)
    return segmented.strip(WORD_BREAK)


def resegment_words(text: str, cut: Callable[[str], Iterable[str]]) -> str:
    """A text Material already cut into words, cut again with `cut`."""
    return segment_words(text.replace(WORD_BREAK, ""), cut)


def split_index(merged: dict, languages: Languages, keywords: dict[str, list[str]] | None = None,
                cut: Callable[[str], Iterable[str]] | None = None,
                recut: dict[str, Callable[[str], Iterable[str]]] | None = None,
                pinyin: dict[str, str] | None = None,
                query_settings: dict[str, dict] | None = None) -> dict[str, dict]:
    """{language code: index}. Locations of a non-default language lose their
    prefix: each index is searched from its own language root. A language
    in `recut` has its titles, texts and keywords cut into words with its own
    cutter instead of `cut` (Material's). The index
    config says how queries must be prepared to meet it: its lunr `pipeline`;
    for languages segmented into words, `segment_words`; and whatever else
    `query_settings[code]` holds (corrections, typo tolerance). The fold of
    the other Chinese script is added once every index is split (it reads
    two indexes' words)."""
    keywords, pinyin, query_settings, recut = keywords or {}, pinyin or {}, query_settings or {}, recut or {}
    other_prefixes = [lang.prefix for lang in languages.others]
    indexes = {}
    for lang in languages:
        docs = []
        for doc in merged["docs"]:
            location = doc["location"]
            in_language = location.startswith(lang.prefix) if lang.prefix else \
                not any(location.startswith(prefix) for prefix in other_prefixes)
            if not in_language:
                continue
            entry = {**doc, "location": location[len(lang.prefix):]}
            lang_cut = recut.get(lang.code, cut)
            if lang.code in recut:
                entry.update({field: resegment_words(doc[field], lang_cut) for field in RECUT_FIELDS
                              if isinstance(doc.get(field), str)})
            words = keywords.get(location)
            if words:
                text = " ".join(words)
                entry[KEYWORDS_FIELD] = segment_words(text, lang_cut) if lang_cut and lang.segment_words else text
            if location in pinyin:
                entry[PINYIN_FIELD] = pinyin[location]
            docs.append(entry)
        config = {
            **merged["config"],
            "lang": [lang.search_lang],
            "pipeline": list(lang.search_pipeline),
            "segment_words": lang.segment_words,
            "fields": {**merged["config"]["fields"], KEYWORDS_FIELD: {"boost": KEYWORDS_BOOST},
                       **({PINYIN_FIELD: {"boost": PINYIN_BOOST}} if lang.segment_words and pinyin else {})},
            **query_settings.get(lang.code, {}),
        }
        indexes[lang.code] = {**merged, "config": config, "docs": docs}
    return indexes


def han_characters(docs: list[dict]) -> set[str]:
    return {char for doc in docs for value in doc.values() if isinstance(value, str) for char in HAN.findall(value)}


def han_words(docs: list[dict]) -> set[str]:
    """The words of two Han characters or more in an index's segmented fields."""
    return {run for doc in docs for field in (*RECUT_FIELDS, KEYWORDS_FIELD) if isinstance(doc.get(field), str)
            for piece in doc[field].split(WORD_BREAK) for run in HAN_RUN.findall(piece) if len(run) > 1}


def pinyin_tokens(phrases: Iterable[str], cut: Callable[[str], Iterable[str]],
                  romanize: Callable[[str], str]) -> str:
    """The words of two characters or more of each phrase (a title, a
    keyword) in pinyin, without tones, once each: 忘记密码 -> "wangji mima".
    A query typed without spaces (wangjimima) is cut into these words by the
    search box, so whole phrases need not be stored; single characters (被,
    和) are left out, as too ambiguous to help, and so are words made only
    of stop words (怎么, 那个): `zenme` typed would match every page that
    happens to ask a question in a keyword."""
    tokens = dict.fromkeys(romanize(word) for word in pinyin_words(phrases, cut))
    return " ".join(token for token in tokens if token)


def pinyin_words(phrases: Iterable[str], cut: Callable[[str], Iterable[str]]) -> Iterable[str]:
    """The words of phrases that the index carries in pinyin (pinyin_tokens)."""
    for phrase in phrases:
        for run in HAN_RUN.findall(phrase):
            for word in cut(run):
                if len(word) > 1 and not all(char in ZH_STOP_WORDS for char in word):
                    yield word


def common_characters() -> list[str]:
    """The 3,755 characters of GB 2312's first level: the ones a pinyin input
    method offers first, so the ones a slip of it picks."""
    characters = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                characters.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # the unused end of the last row
    return characters


def homophone_readings(characters: Iterable[str], syllables: set[str],
                       read: Callable[[str], str]) -> dict[str, str]:
    """{syllable: the characters read so}, for the syllables of an index's
    pinyin words only. The search box reads the characters of a query that
    no word of the index covers and looks their syllables up among the
    pinyin words, so 体现 (a slip of the input method) finds 提现: the same
    syllables, the wrong characters."""
    readings: dict[str, dict[str, None]] = {}
    for character in characters:
        syllable = read(character)
        if syllable in syllables:
            readings.setdefault(syllable, {})[character] = None
    return {syllable: "".join(chars) for syllable, chars in sorted(readings.items())}
