#!/usr/bin/env python3
"""Search quality report: run tests/search_queries.yaml against the built
site and print top-1 / top-3 per language, per set (tuning, held-out) and per
kind of query (clean, pasted, pinyin, ...), and the tuning set's misses.

    python scripts/search_report.py [--site-dir site] [--queries FILE]
                                    [--browser] [--show-held-out-misses]

Without --browser the offline model of the browser search answers (fast).
With --browser every query is also entered into the site's own search box
in Chromium: pasted messages and one in three other queries pasted (an
`input` event and no key), the rest typed (keys, or an IME composition), and
then each the other way, to show that paste and typing give the same results. A query of kind
`other-language` passes through the link offered above the results: it is
followed, and that site's results are what count.

The held-out set's misses are not printed unless asked: keywords and
corrections are written from the tuning set's misses only.

Exit codes: 0 report printed, 2 missing site, query file or browser.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


from helpcentre.languages import Language, Languages
from helpcentre_tools import site_languages
from helpcentre_tools.browser import (RESULT_LINKS, chromium_missing_reason, clear_search, launch, open_search,
                                      paste_into_search, search_results, serve, stable_results)
from helpcentre_tools.search_files import SearchFiles
from helpcentre_tools.search_model import BrowserSearch
from helpcentre_tools.search_suite import SETS, Query, load_queries

OTHER_LANGUAGE = "other-language"
PASTED = "pasted"
SCRIPTS = {"Hani": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"), "Latn": re.compile(r"[A-Za-z]")}
PASTE_EVERY = 3  # in Chromium, one query in three is pasted rather than typed


@dataclass
class Outcome:
    query: Query
    results: list[str]  # article ids (category/slug) in result order
    delivery: str = "typed"

    @property
    def rank(self) -> int | None:
        for position, result in enumerate(self.results, start=1):
            if result in self.query.expect:
                return position
        return None


def article_id(location: str) -> str:
    return location.split("#")[0].strip("/") or "home"


def load_index(site_dir: Path, lang: str) -> SearchFiles:
    return SearchFiles.load(site_dir / site_languages().prefix(lang) / "search")


def script_of(text: str) -> str | None:
    """As search-elsewhere.js decides it: any Han character makes a Han query."""
    return next((name for name, pattern in SCRIPTS.items() if pattern.search(text)), None)


def elsewhere(languages: Languages, lang: str, text: str) -> Language | None:
    """The language whose site the link above the results offers for `text`, if any."""
    current = languages.get(lang)
    return next((other for other in languages if current.script and other.script
                 and other.script != current.script and other.script == script_of(text)), None)


def evaluate(searches: dict[str, BrowserSearch], queries: list[Query], languages: Languages) -> list[Outcome]:
    outcomes = []
    for query in queries:
        lang = query.lang
        if query.kind == OTHER_LANGUAGE:
            target = elsewhere(languages, lang, query.q)
            if target is None:
                outcomes.append(Outcome(query, []))
                continue
            lang = target.code
        outcomes.append(Outcome(query, [article_id(hit.location) for hit in searches[lang].search(query.q)]))
    return outcomes


class ChromiumSearch:
    """Queries entered into the site's own search box, one page per language."""

    def __init__(self, browser, site_url: str, languages: Languages):
        self.browser, self.site_url, self.languages = browser, site_url, languages
        self.pages = {}

    def page(self, lang: str):
        if lang not in self.pages:
            page = self.browser.new_page()
            page.goto(f"{self.site_url}/{self.languages.prefix(lang)}")
            open_search(page)
            self.pages[lang] = page
        return self.pages[lang]

    def results(self, query: Query, paste: bool) -> list[str]:
        links = self.entered(query.lang, query.q, paste)
        if query.kind == OTHER_LANGUAGE:
            links = self.elsewhere(query, paste)
        return [article_id(urlsplit(url).path.removeprefix("/" + self.prefix_of(url))) for url in links]

    def entered(self, lang: str, text: str, paste: bool) -> list[str]:
        page = self.page(lang)
        if not paste:
            return search_results(page, text)
        clear_search(page)
        paste_into_search(page, text)
        return stable_results(page)

    def prefix_of(self, url: str) -> str:
        path = urlsplit(url).path.lstrip("/")
        return next((lang.prefix for lang in self.languages if lang.prefix and path.startswith(lang.prefix)), "")

    def elsewhere(self, query: Query, paste: bool) -> list[str]:
        """The results behind the link offered above the results, or none if
        no link is offered. The link must run the query on the other
        language's root (tests/test_search_forgiving.py follows it); its
        results are read from that language's own search box."""
        page = self.page(query.lang)
        text = query.q.strip()
        page.wait_for_function("(q) => document.querySelector('.hc-search-elsewhere')?.dataset.query === q",
                               arg=text, timeout=60000)
        if page.is_hidden(".hc-search-elsewhere"):
            return []
        href = urlsplit(page.eval_on_selector(".hc-search-elsewhere a", "a => a.href"))
        target = next((lang for lang in self.languages if href.path == "/" + lang.prefix), None)
        if target is None or parse_qs(href.query).get("q") != [text]:
            return []
        return self.entered(target.code, query.q, paste)

    def close(self):
        for page in self.pages.values():
            page.close()


def evaluate_in_browser(chromium: ChromiumSearch, queries: list[Query], paste_every: int = PASTE_EVERY,
                        invert: bool = False) -> list[Outcome]:
    """Pasted messages pasted, and every `paste_every`-th other query; the
    rest typed (or each the other way round, with `invert`)."""
    outcomes = []
    for position, query in enumerate(queries):
        paste = (query.kind == PASTED or position % paste_every == paste_every - 1) != invert
        outcomes.append(Outcome(query, chromium.results(query, paste), "pasted" if paste else "typed"))
    return outcomes


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    total = len(outcomes) or 1
    top1 = sum(1 for o in outcomes if o.rank == 1) / total
    top3 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 3) / total
    return top1, top3


def agreement(first: list[Outcome], second: list[Outcome], depth: int = 3) -> float:
    same = sum(1 for a, b in zip(first, second) if a.results[:depth] == b.results[:depth])
    return same / (len(first) or 1)


def rate_line(label: str, outcomes: list[Outcome]) -> str:
    top1, top3 = rates(outcomes)
    return f"{label:<22}{len(outcomes):>5} queries  top-1 {top1:6.1%}  top-3 {top3:6.1%}"


def report(outcomes: list[Outcome], show_held_out_misses: bool = False) -> str:
    lines = []
    for lang in dict.fromkeys(o.query.lang for o in outcomes):
        of_lang = [o for o in outcomes if o.query.lang == lang]
        lines.append(f"{lang}:")
        for name in SETS:
            in_set = [o for o in of_lang if o.query.set == name]
            lines.append("  " + rate_line(name, in_set))
            for kind in dict.fromkeys(o.query.kind for o in in_set):
                lines.append("    " + rate_line(kind, [o for o in in_set if o.query.kind == kind]))
        for outcome in of_lang:
            if outcome.rank != 1 and (outcome.query.set == "tuning" or show_held_out_misses):
                where = f"rank {outcome.rank}" if outcome.rank else "not in results"
                lines.append(f"  miss [{outcome.query.set}, {outcome.query.kind}, {outcome.delivery}] ({where}): "
                             f"{outcome.query.q!r} expected {', '.join(outcome.query.expect)}; "
                             f"got {', '.join(outcome.results[:3]) or 'nothing'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--queries", type=Path, default=Path("tests/search_queries.yaml"))
    parser.add_argument("--browser", action="store_true", help="also search in Chromium through the search box")
    parser.add_argument("--show-held-out-misses", action="store_true",
                        help="print the held-out set's misses too (never tune against them)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "search" / "search_index.json").is_file() or not args.queries.is_file():
        print(f"error: build the site first (make build) and keep {args.queries}", file=sys.stderr)
        return 2
    if args.browser and (reason := chromium_missing_reason()):
        print(f"error: {reason}", file=sys.stderr)
        return 2
    languages = site_languages()
    queries = load_queries(args.queries)
    searches = {lang.code: BrowserSearch(load_index(args.site_dir, lang.code)) for lang in languages}
    offline = evaluate(searches, queries, languages)
    print("offline model:")
    print(report(offline, args.show_held_out_misses))
    if args.browser:
        from playwright.sync_api import sync_playwright

        started = time.perf_counter()
        with serve(args.site_dir) as site_url, sync_playwright() as playwright:
            browser = launch(playwright)
            chromium = ChromiumSearch(browser, site_url, languages)
            outcomes = evaluate_in_browser(chromium, queries)
            swapped = evaluate_in_browser(chromium, queries, invert=True)
            chromium.close()
            browser.close()
        pasted = sum(1 for o in outcomes if o.delivery == "pasted")
        print(f"\nChromium, through the search box ({pasted} of {len(outcomes)} queries pasted, the rest typed; "
              f"{time.perf_counter() - started:.0f} s):")
        print(report(outcomes, args.show_held_out_misses))
        differ = [(o.query.lang, o.query.q) for o, s in zip(outcomes, swapped) if o.results != s.results]
        print(f"\npaste and typing give the same results for {len(outcomes) - len(differ)} of {len(outcomes)} queries")
        for lang, text in differ:
            print(f"  differ: [{lang}] {text!r}")
        print(f"offline model and Chromium agree on the top 3 of {agreement(offline, outcomes):.1%} of queries")
        for o, b in zip(offline, outcomes):
            if o.results[:3] != b.results[:3] and (o.query.set == "tuning" or args.show_held_out_misses):
                print(f"  disagree: [{o.query.lang}] {o.query.q!r}: offline {o.results[:3]}, Chromium {b.results[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
