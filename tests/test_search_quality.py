"""Search finds the answer: the project's query set (tests/search_queries.yaml)
offline with the model of the browser search, and for real in Chromium.

Targets (per language): top-3 >= 95%, top-1 >= 80%, no result from the other
language, and the offline model agrees with the browser on >= 95% of queries."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpcentre_tools.search_model import BrowserSearch
from search_report import agreement, evaluate, evaluate_in_browser, load_index, rates
from support import LANGUAGES

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))
LANGS = list(QUERIES)
TOP1, TOP3, AGREEMENT = 0.80, 0.95, 0.95


def test_query_set_is_big_enough_and_points_at_real_pages():
    docs = Path(__file__).parents[1] / "docs"
    for lang, items in QUERIES.items():
        assert len(items) >= 60, f"{lang}: at least 60 queries"
        assert len({item["q"] for item in items}) == len(items), f"{lang}: duplicate queries"
        # A converted language's pages are its source language's, converted at build time.
        written = LANGUAGES.get(lang).convert_from or lang
        for item in items:
            for target in item["expect"]:
                assert (docs / f"{target}.{written}.md").is_file(), f"{item['q']!r}: no page {target}"


@pytest.fixture(scope="module")
def offline(built_site):
    return {lang: evaluate(BrowserSearch(load_index(built_site.root, lang)), QUERIES[lang]) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_offline_search_meets_the_targets(offline, lang):
    top1, top3 = rates(offline[lang])
    misses = [(o.query, o.results[:3]) for o in offline[lang] if o.rank is None or o.rank > 3]
    assert top3 >= TOP3, f"top-3 {top3:.1%}; misses: {misses}"
    assert top1 >= TOP1, f"top-1 {top1:.1%}"


@pytest.mark.parametrize("lang", LANGS)
def test_chromium_search_meets_the_targets_and_agrees_with_offline(browser, site_url, offline, lang):
    outcomes = evaluate_in_browser(browser, site_url, lang, QUERIES[lang])
    top1, top3 = rates(outcomes)
    assert top3 >= TOP3 and top1 >= TOP1, f"{lang} in Chromium: top-1 {top1:.1%}, top-3 {top3:.1%}"
    disagreements = [(a.query, a.results[:3], b.results[:3]) for a, b in zip(offline[lang], outcomes)
                     if a.results[:3] != b.results[:3]]
    assert agreement(offline[lang], outcomes) >= AGREEMENT, f"offline model is wrong for: {disagreements}"
