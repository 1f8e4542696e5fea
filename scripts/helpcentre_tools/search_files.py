"""One language's split search index, read back from a built site (for the
search tests, the search report and the benchmarks): the manifest, the
prepare file, every term chunk and every page fragment
(helpcentre/search_shards.py writes them). It also reads the first format
(chunk table of file names, postings between references), for benchmarks
of a site built before."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from helpcentre.search_shards import MANIFEST, QUERY_SETTINGS, chunk_name, group_length, group_of, js_order

FIRST_FORMAT = 1


@dataclass
class SearchFiles:
    folder: Path
    manifest: dict
    prepare: dict
    terms: dict[str, tuple[int, dict[str, list[tuple[int, int]]]]]  # term -> (index, field -> [(ref, tf)])
    pages: list[list[dict]]  # each page's documents (location, title, text), the page first
    bytes_by_file: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> "SearchFiles":
        sizes = {}

        def read(name: str):
            data = (folder / name).read_bytes()
            sizes[name] = len(data)
            return json.loads(data)

        manifest = read(MANIFEST)
        prepare = read(manifest["config"]["hc"]["prepare"])
        terms = {}
        format_ = manifest["config"]["hc"]["format"]
        refs = document_refs(prepare["page_documents"], prepare["stride"]) if format_ > FIRST_FORMAT else None
        for _, _, name in chunk_table(prepare, format_):
            for term, (index, fields) in read(name)["terms"].items():
                terms[term] = (index, {name: decode(refs, *encoded) for name, encoded in fields.items()})
        pages, number = [], 0
        while (folder / f"{prepare['pages']}{number}.json").is_file():
            pages.append(read(f"{prepare['pages']}{number}.json")["docs"])
            number += 1
        return cls(folder, manifest, prepare, terms, pages, sizes)

    @property
    def config(self) -> dict:
        """The index's settings as one dict: the manifest's config and the prepare file's query settings."""
        settings = {key: self.prepare[key] for key in QUERY_SETTINGS if key in self.prepare}
        return {**self.manifest["config"], **settings}

    @property
    def stride(self) -> int:
        return self.prepare["stride"]

    @cached_property
    def docs(self) -> list[dict]:
        """Every document (pages and sections) as the results show them."""
        return [doc for docs in self.pages for doc in docs]

    def location(self, ref: int) -> str:
        return self.pages[ref // self.stride][ref % self.stride]["location"]

    def ref(self, location: str) -> int:
        for page, docs in enumerate(self.pages):
            for section, doc in enumerate(docs):
                if doc["location"] == location:
                    return page * self.stride + section
        raise KeyError(location)

    def field_terms(self, location: str, name: str) -> set[str]:
        """The terms indexed in one field of one document."""
        ref = self.ref(location)
        return {term for term, (_, fields) in self.terms.items() if any(r == ref for r, _ in fields.get(name, ()))}

    def words(self, kind: str) -> list[str]:
        return self.prepare["words"][kind]

    @property
    def chunks(self) -> list[tuple[str, str, str]]:
        return chunk_table(self.prepare, self.manifest["config"]["hc"]["format"])

    def chunks_for(self, term: str) -> list[str]:
        """The chunks the worker fetches for a query term (hc-search-engine.js, Terms.chunksFor)."""
        key = group_of(term)
        return [name for first, last, name in self.chunks
                if (js_order(first) <= js_order(key) <= js_order(last) if len(key) >= group_length(term)
                    else js_order(first[:len(key)]) <= js_order(key) <= js_order(last[:len(key)]))]


def chunk_table(prepare: dict, format_: int) -> list[tuple[str, str, str]]:
    """(first group, last group, file) of each term chunk."""
    return [(first, last, entry if format_ == FIRST_FORMAT else chunk_name(entry)) for first, last, entry in prepare["chunks"]]


def document_refs(page_documents: list[int], stride: int) -> list[int]:
    """Each document's reference (page * stride + section), in the order the chunks count them."""
    return [page * stride + section for page, count in enumerate(page_documents) for section in range(count)]


def decode(refs: list[int] | None, deltas: list[int], counts: list[int] | None = None) -> list[tuple[int, int]]:
    """A field's postings as [(ref, tf)]; `refs` maps document numbers to references (None: the
    first format, whose deltas are between references)."""
    pairs, number = [], 0
    for delta in deltas:
        number += delta
        pairs.append([refs[number] if refs is not None else number, 1])
    for position, count in zip((counts or [])[::2], (counts or [])[1::2]):
        pairs[position][1] = count
    return [tuple(pair) for pair in pairs]
