#!/usr/bin/env python3
"""Search quality report: run tests/search_queries.yaml against the built
site and print top-1 / top-3 hit rates per language and every miss.

    python scripts/search_report.py [--site-dir site] [--queries FILE] [--browser]

Without --browser the offline model of the browser search answers (fast);
with --browser each query is typed into the site's own search box in
Chromium, and the report adds how often the two agree on the top three.

Exit codes: 0 report printed, 2 missing site, query file or browser.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from helpcentre_tools.browser import chromium_missing_reason, launch, search_results, serve
from helpcentre_tools import site_languages
from helpcentre_tools.search_model import BrowserSearch


@dataclass
class Outcome:
    query: str
    expect: list[str]
    results: list[str]  # article ids (category/slug) in result order
    kind: str = "clean"  # how the query is typed: clean, traditional, simplified ...

    @property
    def rank(self) -> int | None:
        for position, result in enumerate(self.results, start=1):
            if result in self.expect:
                return position
        return None


def article_id(location: str) -> str:
    return location.split("#")[0].strip("/") or "home"


def load_index(site_dir: Path, lang: str) -> dict:
    prefix = site_languages().prefix(lang)
    return json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


def evaluate(search: BrowserSearch, queries: list[dict]) -> list[Outcome]:
    return [Outcome(q["q"], list(q["expect"]), [article_id(hit.location) for hit in search.search(q["q"])],
                    q.get("kind", "clean"))
            for q in queries]


def evaluate_in_browser(browser, site_url: str, lang: str, queries: list[dict]) -> list[Outcome]:
    page = browser.new_page()
    prefix = site_languages().prefix(lang)
    page.goto(f"{site_url}/{prefix}")
    outcomes = []
    for query in queries:
        paths = [urlsplit(url).path.removeprefix(f"/{prefix}") for url in search_results(page, query["q"])]
        outcomes.append(Outcome(query["q"], list(query["expect"]), [article_id(path) for path in paths],
                                query.get("kind", "clean")))
    page.close()
    return outcomes


def agreement(first: list[Outcome], second: list[Outcome], depth: int = 3) -> float:
    same = sum(1 for a, b in zip(first, second) if a.results[:depth] == b.results[:depth])
    return same / (len(first) or 1)


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    total = len(outcomes) or 1
    top1 = sum(1 for o in outcomes if o.rank == 1) / total
    top3 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 3) / total
    return top1, top3


def report(lang: str, outcomes: list[Outcome]) -> str:
    top1, top3 = rates(outcomes)
    lines = [f"{lang}: {len(outcomes)} queries  top-1 {top1:.1%}  top-3 {top3:.1%}"]
    kinds = sorted({o.kind for o in outcomes})
    if len(kinds) > 1:
        for kind in kinds:
            of_kind = [o for o in outcomes if o.kind == kind]
            kind_top1, kind_top3 = rates(of_kind)
            lines.append(f"  {kind}: {len(of_kind)} queries  top-1 {kind_top1:.1%}  top-3 {kind_top3:.1%}")
    for outcome in outcomes:
        if outcome.rank != 1:
            where = f"rank {outcome.rank}" if outcome.rank else "not in results"
            lines.append(f"  miss ({where}): {outcome.query!r} expected {', '.join(outcome.expect)}; "
                         f"got {', '.join(outcome.results[:3]) or 'nothing'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--queries", type=Path, default=Path("tests/search_queries.yaml"))
    parser.add_argument("--browser", action="store_true", help="also search in Chromium through the search box")
    args = parser.parse_args(argv)
    if not (args.site_dir / "search" / "search_index.json").is_file() or not args.queries.is_file():
        print(f"error: build the site first (make build) and keep {args.queries}", file=sys.stderr)
        return 2
    if args.browser and (reason := chromium_missing_reason()):
        print(f"error: {reason}", file=sys.stderr)
        return 2
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    offline = {lang: evaluate(BrowserSearch(load_index(args.site_dir, lang)), items) for lang, items in queries.items()}
    print("offline model:")
    for lang, outcomes in offline.items():
        print(report(lang, outcomes))
    if args.browser:
        from playwright.sync_api import sync_playwright

        print("\nChromium, through the search box:")
        with serve(args.site_dir) as site_url, sync_playwright() as playwright:
            browser = launch(playwright)
            for lang, items in queries.items():
                outcomes = evaluate_in_browser(browser, site_url, lang, items)
                print(report(lang, outcomes))
                print(f"  offline and browser agree on the top 3 of {agreement(offline[lang], outcomes):.1%} of queries")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
