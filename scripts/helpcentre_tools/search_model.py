"""Search, the way the browser does it, in Python (for the search tests and
the search report; the build never imports it).

`BrowserSearch` answers a query over one of the site's indexes with the
same steps as Material for MkDocs' search worker (9.x) on the `lunr` Python
package (a port of lunr.js 2.3.9, the version Material bundles), after the
query is prepared as the browser prepares it (query_preparation.py):

1. lunr scores the documents (b = 0, field boosts from the index config).
2. Each score is multiplied by (1 + boost^2), boost = 1 for a page (0 for a
   section) + the share of query terms that matched; results are grouped by
   page in order of their best section.

The search tests and the browser tests check that the two agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lunr.idf import idf
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.query_parser import QueryParser
from lunr.token import Token
from lunr.token_set import TokenSet
from lunr.vector import Vector

from helpcentre_tools.lunr_js import stemmer, stop_word_filter
from helpcentre_tools.query_preparation import QueryPreparation
from helpcentre_tools.search_files import SearchFiles


@dataclass
class SearchHit:
    location: str
    score: float


K1, B = 1.2, 0  # lunr's defaults, b as Material sets it


def js_round(value: float) -> float:
    """Math.round(value * 1000) / 1000, as lunr.js's builder rounds a weight."""
    return math.floor(value * 1000 + 0.5) / 1000


def lunr_index(files: SearchFiles) -> Index:
    """The whole index of one language as lunr.js's builder would have made
    it: every term's postings, and each field vector entry computed from
    them (idf, k1, b, the field and document boosts, three decimals)."""
    prepare = files.prepare
    documents, boosts, field_boosts = prepare["documents"], prepare["boosts"], prepare["fields"]
    inverted, vectors = {}, {}
    for term, (term_index, fields) in sorted(files.terms.items(), key=lambda item: item[1][0]):
        posting = {"_index": term_index, **{name: {} for name in field_boosts}}
        for name, pairs in fields.items():
            posting[name] = {str(ref): {} for ref, _ in pairs}
        inverted[term] = posting
        term_idf = idf(posting, documents)
        for name, pairs in fields.items():
            for ref, tf in pairs:
                score = term_idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * 1) + tf)
                score *= field_boosts.get(name) or 1
                score *= boosts.get(str(ref)) or 1
                vectors.setdefault(f"{name}/{ref}", []).extend((term_index, js_round(score)))
    pipeline = Pipeline()
    if "stemmer" in prepare["pipeline"]:
        pipeline.add(stemmer)
    return Index(inverted, {key: Vector(elements) for key, elements in vectors.items()},
                 TokenSet.from_list(sorted(inverted)), list(field_boosts), pipeline)


class BrowserSearch:
    """One language's split index as the browser searches it: its query
    prepared as hc-search-engine.js prepares it, lunr on the whole index
    (the same ranking as on the query's terms alone), and Material's
    post-processing."""

    def __init__(self, files: SearchFiles):
        config = files.manifest["config"]
        self.files = files
        self.lang = config["lang"]
        self.stride = files.stride
        self.index = lunr_index(files)
        self.preparation = QueryPreparation(files.prepare, config["separator"])

    def prepare(self, query: str) -> str:
        return self.preparation.prepare(query)

    def search(self, query: str) -> list[SearchHit]:
        """Pages (their locations) in the order the browser lists them."""
        prepared = self.prepare(query)
        if not prepared:
            return []
        clauses = self._clauses(prepared)
        scored = []
        for result in self.index.search(prepared):
            ref = int(result["ref"])
            matched = list(result["match_data"].metadata)
            terms = self._query_terms(clauses, matched)
            share = sum(terms.values()) / len(terms) if terms else math.nan
            boost = (0 if ref % self.stride else 1) + share
            scored.append((result["score"] * (1 + boost ** 2), ref))
        scored.sort(key=lambda item: -item[0] if not math.isnan(item[0]) else math.inf)
        groups: dict[int, float] = {}
        for score, ref in scored:
            groups.setdefault(ref // self.stride, score)
        return [SearchHit(self.files.pages[page][0]["location"], score) for page, score in groups.items()]

    @staticmethod
    def _clauses(prepared: str) -> list[str]:
        query = Query(["title", "text", "tags"])
        QueryParser(prepared, query).parse()
        terms = []
        for clause in query.clauses:
            if clause.presence == Query.PROHIBITED if hasattr(Query, "PROHIBITED") else False:
                continue
            term = clause.term
            if term.startswith("*"):
                term = term[1:]
            if term.endswith("*"):
                term = term[:-1]
            terms.append(term)
        return terms

    @staticmethod
    def _query_terms(clauses: list[str], matched: list[str]) -> dict[str, bool]:
        remaining = list(dict.fromkeys(clauses))
        result: dict[str, bool] = {}
        for term in matched:
            for clause in list(remaining):
                if term.startswith(clause):
                    result[clause] = True
                    remaining.remove(clause)
        for clause in remaining:
            if stop_word_filter(Token(clause)):
                result[clause] = False
        return result
