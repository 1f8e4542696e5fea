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

from lunr.builder import Builder
from lunr.query import Query
from lunr.query_parser import QueryParser
from lunr.token import Token

from helpcentre_tools.lunr_js import stemmer, stop_word_filter, trimmer
from helpcentre_tools.query_preparation import QueryPreparation, js_regex, tokenize


@dataclass
class SearchHit:
    location: str
    score: float


class BrowserSearch:
    """An index built like Material's worker builds it, searched like it searches."""

    def __init__(self, index: dict):
        config = index["config"]
        self.lang = config["lang"]
        self.separator = js_regex(config["separator"])
        self.fields = list(config["fields"])
        self.docs = index["docs"]
        self.parents = self._parents(self.docs)
        builder = Builder()
        builder.pipeline.reset()
        for fn in self._pipeline(config):
            builder.pipeline.add(fn)
        builder.search_pipeline.reset()
        builder.ref("location")
        builder.b(0)
        for name, spec in config["fields"].items():
            builder.field(name, boost=spec.get("boost", 1),
                          extractor=lambda doc, name=name: tokenize(doc.get(name), self.separator))
        for doc in self.docs:
            builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        self.index = builder.build()
        self.preparation = QueryPreparation(index, self.index.inverted_index)

    def prepare(self, query: str) -> str:
        return self.preparation.prepare(query)

    def _pipeline(self, config) -> list:
        available = {"trimmer": trimmer, "stopWordFilter": stop_word_filter, "stemmer": stemmer}
        return [available[name] for name in ("trimmer", "stopWordFilter", "stemmer") if name in config["pipeline"]]

    @staticmethod
    def _parents(docs: list[dict]) -> dict[str, str]:
        pages, parents = {}, {}
        for doc in docs:
            path = doc["location"].split("#")[0]
            if path not in pages:
                pages[path] = doc["location"]
            else:
                parents[doc["location"]] = pages[path]
        return parents

    def search(self, query: str) -> list[SearchHit]:
        """Pages (article locations) in the order the browser lists them."""
        prepared = self.prepare(query)
        if not prepared:
            return []
        clauses = self._clauses(prepared)
        scored = []
        for result in self.index.search(prepared):
            location = result["ref"]
            matched = list(result["match_data"].metadata)
            terms = self._query_terms(clauses, matched)
            share = sum(terms.values()) / len(terms) if terms else math.nan
            boost = (0 if location in self.parents else 1) + share
            scored.append((result["score"] * (1 + boost ** 2), location))
        scored.sort(key=lambda item: -item[0] if not math.isnan(item[0]) else math.inf)
        groups: dict[str, float] = {}
        for score, location in scored:
            page = self.parents.get(location, location)
            groups.setdefault(page, score)
        return [SearchHit(location, score) for location, score in groups.items()]

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
