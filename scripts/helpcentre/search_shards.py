"""Each language's search index split by term, so a page view pays for
nothing until the reader searches, and a query fetches only the terms it
needs (hc-search-worker.js and hc-search-engine.js read these files).

A language's folder (`<prefix>search/`) holds:

- `search_index.json`, the **manifest**: what Material's search fetches on
  every page. Its `config` is the index's, without its documents, plus
  `config.hc`: the format, the deploy version and the name of the prepare
  file. Its size never grows with the articles.
- `prepare.<hash>.json`, fetched when the reader shows intent (focus or
  pointer on a search box, a `?q=` link): what a query needs before its
  terms are known. The query settings (fold, corrections, homophones, typo
  tolerance), the words the search box cuts and corrects a query with (Han
  words, pinyin words, Latin words), the table of term chunks, the number of
  documents and of documents per page, document boosts, and the folder of
  page fragments. The chunk table holds each chunk's first and last group
  and the hash that names it.
- `terms/<hash>.json`, **term chunks**: for every term of the lunr index, its
  global index and, per field, the documents that hold it and how often
  (where more than once). Documents are counted in order, page by page, so a
  common term's list is a run of small deltas (a reference is
  page * stride + section; the worker maps the count back with the documents
  per page). Terms are grouped by their
  first characters (group_length: two Chinese, three Latin) and a group is
  never split, so the terms a query term grows into with Material's
  trailing `*` (its prefix family) are in one chunk, or for a term shorter
  than its group in a run of chunks. Named by a hash of
  their content, checked by the worker before use.
- `pages/<version>/<n>.json`, **page fragments**: the title and text of a
  page and of each of its sections, fetched for the results shown.

Ranking is lunr's own: the worker computes each field vector entry as
lunr.js's builder does (idf from the postings, k1 = 1.2, b = 0 as Material
sets it, the field and document boosts, rounded to three decimals), and a
document's entries for terms outside the query never count in lunr's
similarity, so an index of the query's terms only ranks exactly as the
whole index. Tokens are cut as Material's tokenizer cuts them (HTML tags
left out, the index's separator) and go through the language's lunr
pipeline (lunr_english.py)."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.lunr_english import run_pipeline

FORMAT = 2  # of the files below; the worker refuses another
MANIFEST = "search_index.json"
TERMS_FOLDER = "terms"
PAGES_FOLDER = "pages"
# Terms are grouped by their first characters: two for Chinese, three for
# Latin letters and digits, whose two-letter families (co*, pa*) run to
# tens of kilobytes at thousands of articles. A group is never split.
GROUP_LENGTH = 2
LATIN_GROUP_LENGTH = 3
LATIN_BEFORE = 0x2E80  # code points below the CJK radicals group as Latin
CHUNK_BYTES = 5_000  # a chunk's JSON before gzip (about 2 KB gzipped)
HASH_LENGTH = 12  # hex digits of SHA-256 in a file name
HAN_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
LATIN_WORD = re.compile(r"^[A-Za-z]{2,}$")
QUERY_SETTINGS = ("fold", "corrections", "homophones", "typo_tolerance", "segment_words")
PINYIN_FIELD = "pinyin"
RESULT_FIELDS = ("location", "title", "text", "tags")


# --- Material's tokenizer (integrations/search/internal) ---------------------------


def text_blocks(value: str) -> list[str]:
    """The text between HTML tags, as Material's `extract` visits it."""
    blocks, start, end = [], 0, 0
    while end < len(value):
        char = value[end]
        if char == "<" and end > start:
            blocks.append(value[start:end])
            start = end
        elif char == ">":
            start = end + 1
        end += 1
    if end > start:
        blocks.append(value[start:end])
    return blocks


def split(value: str, separator: re.Pattern) -> list[str]:
    """Material's `split`: the non-empty pieces between separator matches."""
    pieces, index = [], 0
    for match in separator.finditer(value):
        if index < match.start():
            pieces.append(value[index:match.start()])
        index = match.end()
    if index < len(value):
        pieces.append(value[index:])
    return pieces


def tokenize(value, separator: re.Pattern) -> list[str]:
    """Material's `tokenize`: the lowercased pieces of a field (a string or a list)."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [piece.lower() for item in values for block in text_blocks(item) for piece in split(block, separator)]


# --- the index ----------------------------------------------------------------------


@dataclass
class Postings:
    """The lunr index of one language's documents, as terms and their postings."""

    fields: list[str]
    stride: int  # a document's ref is page * stride + section (0 for the page itself)
    pages: list[list[dict]] = field(default_factory=list)  # each page's documents, the page first
    terms: dict[str, dict[str, list[tuple[int, int]]]] = field(default_factory=dict)  # term -> field -> (ref, tf)
    boosts: dict[int, float] = field(default_factory=dict)
    han_words: set[str] = field(default_factory=set)
    latin_words: set[str] = field(default_factory=set)
    pinyin_words: set[str] = field(default_factory=set)

    @property
    def documents(self) -> int:
        return sum(len(docs) for docs in self.pages)

    def ordinals(self) -> dict[int, int]:
        """Each document's reference -> its number, counted page by page."""
        numbers, number = {}, 0
        for page, docs in enumerate(self.pages):
            for section in range(len(docs)):
                numbers[page * self.stride + section] = number
                number += 1
        return numbers


def postings_of(index: dict) -> Postings:
    """Every document of `index` (config + docs, as Material's search plugin
    writes them) tokenized and put through the language's pipeline."""
    config = index["config"]
    separator = re.compile(config["separator"])
    steps = tuple(config.get("pipeline", []))
    fields = list(config["fields"])
    pages: dict[str, list[dict]] = {}
    for doc in index["docs"]:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    stride = 1 << max(len(docs) for docs in pages.values()).bit_length() if pages else 1
    postings = Postings(fields, stride, list(pages.values()))
    terms: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    cache: dict[str, str] = {}
    for page_number, docs in enumerate(postings.pages):
        for section, doc in enumerate(docs):
            ref = page_number * stride + section
            if isinstance(doc.get("boost"), (int, float)) and doc["boost"] != 1:
                postings.boosts[ref] = doc["boost"]
            for name in fields:
                tokens = tokenize(doc.get(name), separator)
                collect_words(postings, name, tokens)
                counts: Counter = Counter()
                for token in tokens:
                    term = cache.get(token)
                    if term is None:
                        term = cache[token] = run_pipeline(token, steps)
                    if term:
                        counts[term] += 1
                for term, count in counts.items():
                    terms[term][name].append((ref, count))
    postings.terms = {term: dict(by_field) for term, by_field in terms.items()}
    return postings


def collect_words(postings: Postings, name: str, tokens: list[str]) -> None:
    """The words the search box cuts and corrects queries with, before the pipeline."""
    if name == PINYIN_FIELD:
        postings.pinyin_words.update(tokens)
        return
    for token in tokens:
        if HAN_ONLY.match(token):
            postings.han_words.add(token)
        elif LATIN_WORD.match(token):
            postings.latin_words.add(token)


# --- the files ------------------------------------------------------------------------


@dataclass
class SplitIndex:
    manifest: dict
    files: dict[str, bytes]  # below the language's search folder: name -> content

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in self.files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        (folder / MANIFEST).write_bytes(encode(self.manifest))


# Content-named files never change; the manifest is asked again on every page
# view (cheaply, by its ETag), so a new deploy is seen at once.
CACHE_FOREVER = "public, max-age=31536000, immutable"
CACHE_REVALIDATE = "no-cache"


def cache_rules(folders: list[str]) -> dict[str, dict[str, str]]:
    """{path pattern: headers} for each language's search folder (search/, en/search/)."""
    rules = {}
    for folder in folders:
        root = "/" + folder
        rules[f"{root}{MANIFEST}"] = {"Cache-Control": CACHE_REVALIDATE}
        for pattern in (f"{root}prepare.*", f"{root}{TERMS_FOLDER}/*", f"{root}{PAGES_FOLDER}/*"):
            rules[pattern] = {"Cache-Control": CACHE_FOREVER}
    return rules


def nginx_cache_snippet(folders: list[str], security_include: str) -> str:
    """The same rules for nginx, as location blocks (an add_header in a location
    replaces the server's, so each repeats the security headers' include)."""
    alternatives = "|".join(re.escape(folder) for folder in sorted(folders, key=len, reverse=True))
    lines = ["# Caching of the split search index (generated at build; include in the server block, after",
             f"# {security_include}). Content-named files never change; the manifest revalidates."]
    for pattern, value in ((rf"^/(?:{alternatives}){re.escape(MANIFEST)}$", CACHE_REVALIDATE),
                           (rf"^/(?:{alternatives})(?:prepare\.[0-9a-f]+\.json|{TERMS_FOLDER}/|{PAGES_FOLDER}/)",
                            CACHE_FOREVER)):
        lines += [f"location ~ {pattern} {{", f"    include {security_include};",
                  f'    add_header Cache-Control "{value}" always;', "}"]
    return "\n".join(lines) + "\n"


def encode(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:HASH_LENGTH]


def group_length(term: str) -> int:
    return LATIN_GROUP_LENGTH if term and ord(term[0]) < LATIN_BEFORE else GROUP_LENGTH


def group_of(term: str) -> str:
    """A term's first characters (code points, as the worker counts them)."""
    return term[:group_length(term)]


def js_order(text: str) -> bytes:
    """JavaScript compares strings by UTF-16 code units; so must the chunk table."""
    return text.encode("utf-16-be", "surrogatepass")


def encoded_term(index: int, by_field: dict[str, list[tuple[int, int]]], ordinals: dict[int, int]) -> list:
    """[global index, {field: [document deltas] or [document deltas, [position, tf, ...]]}]"""
    fields = {}
    for name, pairs in by_field.items():
        deltas, counts, previous = [], [], 0
        for position, (ref, count) in enumerate(pairs):
            deltas.append(ordinals[ref] - previous)
            previous = ordinals[ref]
            if count > 1:
                counts += [position, count]
        fields[name] = [deltas, counts] if counts else [deltas]
    return [index, fields]


def term_chunks(postings: Postings) -> list[tuple[str, str, bytes]]:
    """(first group, last group, content) of each chunk, in term order."""
    ordered = sorted(postings.terms, key=js_order)
    ordinals = postings.ordinals()
    groups: dict[str, dict[str, list]] = {}
    for index, term in enumerate(ordered):
        groups.setdefault(group_of(term), {})[term] = encoded_term(index, postings.terms[term], ordinals)
    chunks, current, size, first = [], {}, 0, None
    for key, terms in groups.items():
        encoded = len(encode(terms))
        if current and size + encoded > CHUNK_BYTES:
            chunks.append((first, last, encode({"terms": current})))
            current, size = {}, 0
        if not current:
            first = key
        current.update(terms)
        size += encoded
        last = key
    if current:
        chunks.append((first, last, encode({"terms": current})))
    return chunks


def chunk_name(hash_: str) -> str:
    """A term chunk's file, from the hash the chunk table holds."""
    return f"{TERMS_FOLDER}/{hash_}.json"


def page_fragments(postings: Postings) -> list[list[dict]]:
    return [[{name: doc[name] for name in RESULT_FIELDS if name in doc} for doc in docs] for docs in postings.pages]


def split_search_index(index: dict, base: str) -> SplitIndex:
    """The manifest, prepare file, term chunks and page fragments of one
    language's index; `base` is its search folder below the site root (en/search/)."""
    postings = postings_of(index)
    config = index["config"]
    files: dict[str, bytes] = {}
    chunk_table = []
    for first, last, content in term_chunks(postings):
        files[chunk_name(content_hash(content))] = content
        chunk_table.append([first, last, content_hash(content)])
    fragments = page_fragments(postings)
    version = content_hash(b"".join(content_hash(content).encode()
                                    for content in [encode(docs) for docs in fragments] + list(files.values())))
    pages_folder = f"{PAGES_FOLDER}/{version}/"
    for number, docs in enumerate(fragments):
        files[f"{pages_folder}{number}.json"] = encode({"version": version, "docs": docs})
    prepare = {
        "version": version,
        "pipeline": list(config.get("pipeline", [])),
        "fields": {name: spec.get("boost", 1) for name, spec in config["fields"].items()},
        "documents": postings.documents,
        "stride": postings.stride,
        "page_documents": [len(docs) for docs in postings.pages],
        "boosts": {str(ref): boost for ref, boost in postings.boosts.items()},
        "chunks": chunk_table,
        "pages": pages_folder,
        "words": {"han": sorted(postings.han_words) if config.get("segment_words") else [],
                  "pinyin": sorted(postings.pinyin_words),
                  "latin": sorted({word.lower() for word in postings.latin_words})
                  if config.get("typo_tolerance") else []},
        **{key: config[key] for key in QUERY_SETTINGS if key in config},
    }
    prepare_content = encode(prepare)
    prepare_name = f"prepare.{content_hash(prepare_content)}.json"
    files[prepare_name] = prepare_content
    manifest_config = {key: value for key, value in config.items() if key not in QUERY_SETTINGS}
    manifest_config["hc"] = {"format": FORMAT, "version": version, "base": base, "prepare": prepare_name}
    return SplitIndex({"config": manifest_config, "docs": []}, files)
