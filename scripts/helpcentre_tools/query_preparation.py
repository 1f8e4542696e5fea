"""A query as the browser prepares it before lunr searches (for the search
tests, the search report and the benchmarks; the build never imports it):
Material for MkDocs' tokenizer, query segmentation and transform (9.x, read
from its source: integrations/search/_/index.ts, query/transform,
query/segment, internal/tokenize), and every step of
overrides/assets/javascripts/workers/hc-search-worker.js:

1. the query is text, never lunr syntax (`literal`);
2. a query in the other Chinese script is folded (the index's `fold`);
3. writers' corrections (the index's `corrections`);
4. English: each word through trimmer, stop-word filter and stemmer, a long
   word that matches nothing retried at edit distance one;
   Chinese: runs of Han characters cut against the index's words, the pinyin
   words that slips sound like, pinyin typed without spaces cut into words;
5. long pasted messages lose their numbers, codes and lone letters;
6. Material's segmentation of what is left, and its transform (a trailing
   `*` on every term).
"""

from __future__ import annotations

import re

from lunr.query_lexer import QueryLexer
from lunr.token import Token

from helpcentre.search_index import HAN_RUN as HAN, ZH_STOP_WORDS
from helpcentre.search_shards import split, text_blocks, tokenize  # noqa: F401 (Material's tokenizer, shared)
from helpcentre_tools.lunr_js import stemmer, stop_word_filter, trimmer


# --- Material's tokenizer -----------------------------------------------------------


def js_regex(pattern: str) -> re.Pattern:
    """The separator is written for JavaScript; \\uXXXX escapes mean the same in Python."""
    return re.compile(pattern)


# --- Material's segmentation -----------------------------------------------------------


def material_segment(query: str, vocabulary) -> list[str]:
    """Port of query/segment/index.ts, quirks included (a word never takes a
    run's last character)."""
    segments: dict[str, None] = {}
    wordcuts = [0] * len(query)
    for i in range(len(query)):
        for j in range(i + 1, len(query)):
            if query[i:j] in vocabulary:
                wordcuts[i] = j - i
    stack = [0]
    s = len(stack)
    while s > 0:
        s -= 1
        p = stack[s]
        for q in range(1, wordcuts[p]):
            if wordcuts[p + q] > wordcuts[p] - q:
                segments[query[p:p + q]] = None
                _push(stack, s, p + q)
                s += 1
        q = p + wordcuts[p]
        if q < len(query) and wordcuts[q] and q < len(query) - 1:
            _push(stack, s, q)
            s += 1
        segments[query[p:q]] = None
    if "" in segments:
        return [query]
    return list(segments)


def _push(stack: list[int], position: int, value: int) -> None:
    if position < len(stack):
        stack[position] = value
    else:
        stack.append(value)


MAX_WORD = 8



# --- hc-search-worker.js --------------------------------------------------------------


def segment_chinese_query(query: str, vocabulary: set[str]) -> str:
    """What hc-search-worker.js does to a Chinese query: forward maximum
    matching against the vocabulary, without stop words and unknown characters."""
    def cut(match: re.Match) -> str:
        words = [word for word in longest_words(match.group(0), vocabulary)
                 if word in vocabulary and word not in ZH_STOP_WORDS]
        return f" {' '.join(words)} "
    return re.sub(r"\s+", " ", HAN.sub(cut, query)).strip() or query


def longest_words(run: str, vocabulary: set[str]) -> list[str]:
    """A run of Han characters cut by forward maximum matching: at each
    character the longest word of the vocabulary, or the character alone."""
    words, i = [], 0
    while i < len(run):
        length = min(MAX_WORD, len(run) - i)
        while length > 1 and run[i:i + length] not in vocabulary:
            length -= 1
        words.append(run[i:i + length])
        i += length
    return words


MAX_PINYIN_WORD = 30


def cut_pinyin(query: str, pinyin_words: set[str]) -> str:
    """What hc-search-worker.js does to the Latin words of a query on an
    index with pinyin: a word the pinyin field does not have is cut into
    words it has (wangjimima -> wangji mima); in a query that has pinyin
    words, a word that cannot be cut is dropped (the 被 of `bei daoshua`)."""
    def cut(token: str) -> list[str] | None:
        word = token.lower()
        if not re.fullmatch(r"[a-z]+", word):
            return None
        if word in pinyin_words:
            return [word]
        words, i = [], 0
        while i < len(word):
            length = min(MAX_PINYIN_WORD, len(word) - i)
            while length > 1 and word[i:i + length] not in pinyin_words:
                length -= 1
            if word[i:i + length] in pinyin_words:
                words.append(word[i:i + length])
            i += length
        return words
    tokens = query.split(" ")
    cuts = [cut(token) for token in tokens]
    if not any(cuts):
        return query
    return " ".join(token if found is None else " ".join(found) for token, found in zip(tokens, cuts)
                    if found is None or found).strip()


def homophone_pinyin(query: str, vocabulary: set[str], readings: dict[str, str], pinyin_words: set[str]) -> list[str]:
    """What hc-search-worker.js adds to a query on an index with pinyin: the
    pinyin words read in the characters that no word of the index covers, so
    a slip of a pinyin input method (体现 typed, 提现 meant) finds the page
    by its sound. Words are cut as segment_chinese_query cuts them; a pinyin
    word is two syllables or more, matched syllable by syllable."""
    found = []
    for match in HAN.finditer(query):
        pieces = longest_words(match.group(0), vocabulary)
        syllables: list[str] = []
        for piece in [*pieces, ""]:
            if len(piece) == 1 and piece in readings:
                syllables.append(readings[piece])
                continue
            found += pinyin_words_in(syllables, pinyin_words)
            syllables = []
    return found


def pinyin_words_in(syllables: list[str], pinyin_words: set[str]) -> list[str]:
    """The longest pinyin words of two syllables or more, left to right."""
    words, i = [], 0
    while i < len(syllables) - 1:
        for end in range(min(len(syllables), i + MAX_WORD), i + 1, -1):
            if "".join(syllables[i:end]) in pinyin_words:
                words.append("".join(syllables[i:end]))
                i = end
                break
        else:
            i += 1
    return words


def join_pinyin(query: str) -> str:
    """What hc-search-worker.js adds to a query of several Latin words on a
    segmented index: the words joined, as one pinyin token."""
    if re.fullmatch(r"[A-Za-z]+(?:\s+[A-Za-z]+)+", query.strip()):
        return f"{query} {''.join(query.split()).lower()}"
    return query


# What Material's search worker cuts again: /\p{sc=Han}+/u (the Basic Multilingual Plane's part).
HAN_SCRIPT = re.compile("[\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
                        "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9]+")
# hc-search-worker.js closes each word with it, so Material's cut keeps the word whole.
WORD_END = "\u3007"
LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*")
LONG_QUERY_TERMS = 6
MAX_TERMS = 48
NOT_A_WORD = re.compile(r"\d|^[A-Za-z]$")
EXACT_BOOST = 2


def stem(word: str) -> str:
    token = Token(word.lower())
    for fn in (trimmer, stop_word_filter, stemmer):
        token = token and fn(token)
        if not token:
            return ""
    return str(token)


def one_edit_apart(a: str, b: str) -> bool:
    """Optimal string alignment distance of exactly one (a swap of neighbours counts as one)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 1] == b[i + 1:i + 2] and a[i + 1:i + 2] == b[i:i + 1]
                                          and a[i + 2:] == b[i + 2:])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def without_codes(terms: list, text=lambda term: term) -> list:
    """A long query (pasted, dictated) without its numbers, codes and lone
    letters (what is left of a masked name or address: J*** S***, z***@)."""
    if len(terms) < LONG_QUERY_TERMS:
        return terms
    words = [term for term in terms if not NOT_A_WORD.search(text(term))]
    return words or terms


def literal(query: str) -> str:
    """What hc-search-worker.js does first: a query is text, never lunr's
    syntax (wildcards, boosts, fuzziness, required and excluded words)."""
    return re.sub(r"(^|\s)[+-]+", r"\1", re.sub(r"[*~^]", " ", query))


def correction_pattern(typed: str) -> re.Pattern:
    if re.match(r"[A-Za-z0-9]", typed):
        return re.compile(rf"(?<![A-Za-z0-9]){re.escape(typed)}(?![A-Za-z0-9])", re.I)
    return re.compile(re.escape(typed))


def transform(query: str, separator: re.Pattern) -> str:
    """Port of query/transform with transformSearchQuery as its visitor."""
    query = query.strip()
    pieces = re.split(r'"([^"]+)"', query)
    query = "".join(re.sub(r"^\b|^(?![^\x00-\x7F]|$)|\s+", " +", part) if i % 2 else part
                    for i, part in enumerate(pieces))
    query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query)
    terms = [term for part in re.split(r"\s+", query) for term in _split_part(part, separator)]
    terms = [f"{t}1" if re.search(r"[~^]$", t) else t for t in terms]
    terms = [t if re.search(r"(^[+-]|[~^]\d+$)", t) else f"{t}*" for t in terms]
    return " ".join(terms)


def first_terms(query: str) -> str:
    """The query's first MAX_TERMS terms that hold a letter or a digit (hc-search-engine.js firstTerms)."""
    return " ".join([term for term in query.split(" ") if any(c.isalnum() for c in term)][:MAX_TERMS])


def _split_part(part: str, separator: re.Pattern) -> list[str]:
    """transformSearchQuery's visitor: lunr's query lexer finds the terms of
    a whitespace-free part; each is split with the index separator and put
    back into the part (so "wi-fi" becomes "wi-fi" twice, as in the browser)."""
    terms = []
    lexer = QueryLexer(part)
    lexer.run()
    for lexeme in lexer.lexemes:
        start, end, term = lexeme["start"], lexeme["end"], lexeme["string"]
        if lexeme["type"] == QueryLexer.FIELD:
            if term not in ("title", "text", "tags"):
                part = part[:end] + " " + part[end + 1:]
        elif lexeme["type"] == QueryLexer.TERM:
            terms += [part[:start] + piece + part[end:] for piece in split(term, separator)]
    return terms




class QueryPreparation:
    """What the browser does to a query on one index, before lunr searches it:
    `prepare` is the index's prepare file (search_shards.py), `separator`
    its manifest's."""

    def __init__(self, prepare: dict, separator: str):
        words = prepare.get("words", {})
        self.stems = "stemmer" in prepare.get("pipeline", [])
        self.segments = bool(prepare.get("segment_words"))
        self.fold = prepare.get("fold")
        self.separator = js_regex(separator)
        self.han_words = set(words.get("han", []))
        self.vocabulary = self.han_words  # Material's segmentation meets Han runs only
        self.pinyin_words = set(words.get("pinyin", []))
        self.readings = {char: syllable for syllable, chars in prepare.get("homophones", {}).items() for char in chars}
        self.corrections = [(correction_pattern(typed), means) for typed, means in prepare.get("corrections", [])]
        self.typo_tolerance = prepare.get("typo_tolerance", 0) if self.stems else 0
        self.latin_words = list(words.get("latin", [])) if self.typo_tolerance else []
        self.latin_stems = sorted({stem(word) for word in self.latin_words} - {""})

    def fold_script(self, query: str) -> str:
        """What hc-search-worker.js does to a query in the other Chinese script."""
        query = "".join(self.fold["chars"].get(char, char) for char in query)
        for wrong, right in self.fold["phrases"]:
            query = query.replace(wrong, right)
        return query

    def prepare(self, query: str) -> str:
        query = literal(query)
        if self.fold:
            query = self.fold_script(query)
        for pattern, means in self.corrections:
            query = pattern.sub(lambda _match, means=means: means, query)
        if self.stems:
            query = self.stem_english(query) or query
        elif self.segments:
            words = without_codes(segment_chinese_query(query, self.han_words).split(" ")) + \
                homophone_pinyin(query, self.han_words, self.readings, self.pinyin_words)
            query = cut_pinyin(join_pinyin(" ".join(word + WORD_END if HAN.fullmatch(word) and len(word) > 1
                                                    else word for word in words)), self.pinyin_words)
        query = HAN_SCRIPT.sub(lambda m: "* ".join(material_segment(m.group(0), self.vocabulary)), query)
        return first_terms(transform(query, self.separator))

    def stem_english(self, query: str) -> str:
        """What hc-search-worker.js does to an English query: each word through
        trimmer, stop-word filter and stemmer; a long word matching nothing
        replaced by the index's words one edit away, and then the words that
        did match weigh double."""
        terms, corrected = [], False
        for part in LATIN_WORD.findall(query):
            if not re.match(r"[A-Za-z]", part):
                terms.append((part, False))
                continue
            stemmed = stem(part)
            if stemmed and self.typo_tolerance and part.isalpha() and part.isascii() \
                    and len(part) >= self.typo_tolerance and not self.matches_any(stemmed):
                guesses = list(dict.fromkeys(g for g in (stem(w) for w in self.latin_words
                                                         if one_edit_apart(part.lower(), w)) if g))
                if guesses:
                    corrected = True
                    terms.append((" ".join(guesses), False))
                    continue
            if stemmed:
                terms.append((stemmed, True))
        terms = without_codes(terms, lambda term: term[0])
        return " ".join(f"{text}*^{EXACT_BOOST}" if corrected and exact else text for text, exact in terms)

    def matches_any(self, stemmed: str) -> bool:
        return any(indexed.startswith(stemmed) for indexed in self.latin_stems)
