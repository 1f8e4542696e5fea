#!/usr/bin/env python3
"""Benchmark search at scale: copy the project, add N generated articles per
language, build it with the real configuration, then measure what a reader
gets: the bytes of each language's index (raw and gzipped) and, in Chromium
through the site's own search box, how long after the last input the
first results appear.

    python scripts/bench_search.py [--articles 1000] [--queries 20] [--json FILE]

Prints a table and writes the numbers as JSON. Exit codes: 0 measured,
1 the build failed, 2 usage error or no browser.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import zip_longest
from pathlib import Path

from helpcentre_tools.browser import chromium_missing_reason, clear_search, launch, open_search, serve, type_like_a_person
from helpcentre_tools.benchmark import build_site, copy_project, index_sizes
from helpcentre_tools import site_languages
from helpcentre_tools.search_suite import load_queries

ROOT = Path(__file__).resolve().parents[1]
# Records when the last input arrived (a key, a committed composition) and
# when the results changed after it (the list, or the line above it for a
# query that finds nothing).
TIMING_PROBE = """() => {
  const list = document.querySelector(".md-search-result__list")
  const meta = document.querySelector(".md-search-result__meta")
  window.__hcTiming = { input: 0, changes: [] }
  document.addEventListener("input", () => { window.__hcTiming.input = performance.now() }, true)
  const observer = new MutationObserver(() => window.__hcTiming.changes.push(performance.now()))
  observer.observe(list, { childList: true })
  observer.observe(meta, { childList: true, characterData: true, subtree: true })
}"""


def latencies(browser, site_url: str, lang: str, queries: list[str]) -> dict[str, float]:
    page = browser.new_page()
    prefix = site_languages().prefix(lang)
    start = time.perf_counter()
    page.goto(f"{site_url}/{prefix}")
    open_search(page, timeout_ms=120000)
    ready = time.perf_counter() - start
    page.evaluate(TIMING_PROBE)
    samples = []
    for query in queries:
        clear_search(page)
        page.evaluate("() => { window.__hcTiming.changes = [] }")
        type_like_a_person(page, query)
        page.wait_for_function("() => window.__hcTiming.changes.some(t => t >= window.__hcTiming.input)",
                               timeout=30000)
        timing = page.evaluate("() => window.__hcTiming")
        samples.append(min(t for t in timing["changes"] if t >= timing["input"]) - timing["input"])
    page.close()
    return {"ready_s": round(ready, 2), "median_ms": round(statistics.median(samples), 1),
            "p95_ms": round(sorted(samples)[max(0, int(len(samples) * 0.95) - 1)], 1),
            "max_ms": round(max(samples), 1), "queries": len(samples)}


def mixed_kinds(queries) -> list[str]:
    """One query of each kind in turn (clean, pasted, pinyin ...), so the
    timing covers every way of typing."""
    by_kind: dict[str, list[str]] = {}
    for query in queries:
        by_kind.setdefault(query.kind, []).append(query.q)
    return [text for group in zip_longest(*by_kind.values()) for text in group if text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="generated articles per language")
    parser.add_argument("--queries", type=int, default=20, help="queries per language from tests/search_queries.yaml")
    parser.add_argument("--json", type=Path, default=Path("test-artifacts/bench-search.json"))
    args = parser.parse_args(argv)
    if args.articles < 0 or args.queries < 1:
        parser.error("--articles must be >= 0 and --queries >= 1")
    if reason := chromium_missing_reason():
        print(f"error: {reason}", file=sys.stderr)
        return 2
    query_set = load_queries(ROOT / "tests" / "search_queries.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp), args.articles)
        try:
            build_seconds = build_site(project).seconds
        except subprocess.CalledProcessError:
            print("error: the build failed", file=sys.stderr)
            return 1
        result = {"articles_per_language": args.articles, "build_s": build_seconds,
                  "index": index_sizes(project / "site"), "latency": {}}
        from playwright.sync_api import sync_playwright

        with serve(project / "site") as site_url, sync_playwright() as playwright:
            browser = launch(playwright)
            for lang in site_languages().codes:
                queries = mixed_kinds([query for query in query_set if query.lang == lang])[: args.queries]
                result["latency"][lang] = latencies(browser, site_url, lang, queries)
            browser.close()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"articles per language: {args.articles}   build: {result['build_s']} s")
    print("growth: gzip with pinyin, fold map, homophones and corrections over gzip without them")
    print(f"{'lang':<8}{'docs':>6}{'index KB':>10}{'gzip KB':>9}{'growth':>8}{'ready s':>9}{'median ms':>11}"
          f"{'p95 ms':>8}{'max ms':>8}")
    for lang in site_languages().codes:
        size, timing = result["index"][lang], result["latency"][lang]
        growth = size["gzip"] / size["gzip_without_forgiving"] - 1
        print(f"{lang:<8}{size['docs']:>6}{size['raw'] / 1024:>10.0f}{size['gzip'] / 1024:>9.0f}{growth:>8.1%}"
              f"{timing['ready_s']:>9}{timing['median_ms']:>11}{timing['p95_ms']:>8}{timing['max_ms']:>8}")
    print(f"written: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
