#!/usr/bin/env python3
"""Benchmark search at scale: what a reader pays for it. For each size, copy
the project, add N generated articles per language, build it with the real
configuration (timed), serve it gzipped, and measure:

- the search bytes of a page view that does not search (the worker script
  and the manifest; before the split index, Material's worker and the whole
  index);
- the search bytes of a first query, engine included: median and worst over
  the whole query suite, counted file by file as the worker fetches them,
  and checked against the bytes Chromium received for a sample;
- the round trips after the last input (the worker reports them);
- on a phone (4x CPU slowdown in Chromium, 150 ms latency and 1.6 Mbit/s
  shared by every request, a 390x844 screen): how long after navigation the
  first results show when the reader types straight away, and how long after
  the last input on an idle loaded page.

    python scripts/bench_search.py [--articles 100 1000 3000] [--queries 6]
                                   [--before REV] [--json FILE] [--keep DIR]

--before REV also builds and measures the project as it was at git revision
REV, in the same run. --keep DIR keeps each size's built site (this
version) as DIR/<articles>/, for `scripts/audit.py --site-dir`. Prints a
table and writes the numbers as JSON.
Exit codes: 0 measured, 1 a build failed, 2 usage error or no browser.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lunr.query import Query
from lunr.query_parser import QueryParser

from helpcentre_tools import site_languages
from helpcentre_tools.benchmark import build_site, copy_project, gzipped
from helpcentre_tools.browser import SlowLink, chromium_missing_reason, launch, serve, type_like_a_person
from helpcentre_tools.generate import generate_articles
from helpcentre_tools.search_files import SearchFiles
from helpcentre_tools.search_model import BrowserSearch
from helpcentre_tools.search_suite import load_queries

ROOT = Path(__file__).resolve().parents[1]
PHONE_LATENCY, PHONE_BYTES_PER_SECOND, PHONE_CPU = 0.150, 1_600_000 / 8, 4
PHONE_SCREEN = {"width": 390, "height": 844}
SHOWN_PAGES = 10  # hc-search-engine.js MAX_PAGES
SEARCH_PATHS = ("/search/", "/workers/")
KEYSTROKE_MS = 120  # a person typing on a phone
# When the results line or list changes after the last input (a key, a committed composition).
TIMING_PROBE = """() => {
  window.__hcTiming = { input: 0, shown: 0 }
  const seen = () => {
    const meta = document.querySelector(".md-search-result__meta")
    const list = document.querySelector(".md-search-result__list")
    if (window.__hcTiming.input && list && list.children.length && !window.__hcTiming.shown)
      window.__hcTiming.shown = performance.now()
  }
  document.addEventListener("input", () => { window.__hcTiming.input = performance.now(); window.__hcTiming.shown = 0 }, true)
  new MutationObserver(seen).observe(document.body, { childList: true, subtree: true, characterData: true })
}"""


# --- building ------------------------------------------------------------------------


def project_at(destination: Path, articles: int, revision: str | None) -> tuple[Path, dict]:
    """A project with `articles` generated per language: this one, or the
    repository as it was at `revision` (its own plugin, imported first)."""
    destination.mkdir(parents=True, exist_ok=True)
    if revision is None:
        return copy_project(destination, articles), {}
    tree = destination.parent / f"tree-{destination.name}"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), revision], cwd=ROOT, check=True,
                   capture_output=True)
    for name in ("mkdocs.yml",):
        shutil.copy2(tree / name, destination / name)
    for folder in ("overrides", "scripts", "docs"):
        shutil.copytree(tree / folder, destination / folder)
    if articles:
        generate_articles(destination / "docs", articles, source_docs=tree / "docs")
    return destination, {"PYTHONPATH": str(destination / "scripts")}


def remove_worktrees() -> None:
    subprocess.run(["git", "worktree", "prune"], cwd=ROOT, capture_output=True)


# --- bytes -------------------------------------------------------------------------


def is_search(path: str) -> bool:
    return any(part in path for part in SEARCH_PATHS)


def page_view_bytes(browser, site_url: str, served: list, prefix: str) -> int:
    """Search bytes of a page view of an article, without a search."""
    page = browser.new_context().new_page()
    served.clear()
    page.goto(f"{site_url}/{prefix}account/reset-password/")
    page.wait_for_load_state("networkidle")
    total = sum(size for path, size in served if is_search(path))
    page.context.close()
    return total


def first_query_files(search: BrowserSearch, files: SearchFiles, query: str) -> list[str]:
    """The files the worker fetches for a first query: the prepare file, the
    chunks of its terms, the fragments of the pages shown."""
    prepared = search.prepare(query)
    names = [files.manifest["config"]["hc"]["prepare"]]
    if prepared.strip():
        parsed = Query(["title", "text", "tags"])
        QueryParser(prepared, parsed).parse()
        for clause in parsed.clauses:
            term = clause.term.strip("*")
            names += files.chunks_for(term)
        pages = [files.ref(hit.location) // files.stride for hit in search.search(query)[:SHOWN_PAGES]]
        names += [f"{files.prepare['pages']}{page}.json" for page in pages]
    return list(dict.fromkeys(names))


def first_query_bytes(site: Path, prefix: str, queries: list[str]) -> list[int]:
    """Engine included: Material's worker (for lunr) and hc-search-engine.js."""
    folder = site / prefix / "search"
    workers = site / "assets" / "javascripts" / "workers"
    engine = sum(gzipped(path) for path in workers.glob("search.*.min.js")) + gzipped(workers / "hc-search-engine.js")
    files = SearchFiles.load(folder)
    search = BrowserSearch(files)
    sizes = {}
    totals = []
    for query in queries:
        names = first_query_files(search, files, query)
        totals.append(engine + sum(sizes.setdefault(name, gzipped(folder / name)) for name in names))
    return totals


def chromium_first_query(browser, site_url: str, served: list, prefix: str, query: str) -> tuple[int, dict]:
    """Bytes Chromium received for a first query (intent, typing, results) and what the worker reported."""
    page = browser.new_context().new_page()
    page.goto(f"{site_url}/{prefix}account/reset-password/")
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => { window.__hcReports = []
        new BroadcastChannel("hc-search").onmessage = e => window.__hcReports.push(e.data) }""")
    served.clear()
    page.focus(".md-search__input")
    type_like_a_person(page, query)
    page.wait_for_function("(q) => document.querySelector('.md-search-result').dataset.hcAnswered === q",
                           arg=query, timeout=60000)
    page.wait_for_load_state("networkidle")
    total = sum(size for path, size in served if is_search(path))
    report = next((r for r in reversed(page.evaluate("window.__hcReports")) if r.get("query") == query), {})
    page.context.close()
    return total, report


# --- time on a phone ------------------------------------------------------------------


def phone_page(browser):
    context = browser.new_context(viewport=PHONE_SCREEN, is_mobile=True, has_touch=True)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
    return page


def type_as_a_person(page, query: str) -> None:
    """Key by key; Chinese as an IME composes it, a character every three keys
    of pinyin, then committed."""
    if query.isascii():
        page.keyboard.type(query, delay=KEYSTROKE_MS)
        return
    cdp = page.context.new_cdp_session(page)
    for index in range(1, len(query) + 1):
        cdp.send("Input.imeSetComposition", {"text": query[:index], "selectionStart": index, "selectionEnd": index})
        page.wait_for_timeout(KEYSTROKE_MS * 3)
    cdp.send("Input.insertText", {"text": query})
    cdp.detach()


def open_the_search(page) -> None:
    page.click("label[for=__search]")
    page.wait_for_selector(".md-search__input", state="visible")


def results_shown(page) -> float:
    page.wait_for_function("() => window.__hcTiming.shown > 0", timeout=120000)
    return page.evaluate("window.__hcTiming")


def straight_after_navigation(browser, site_url: str, prefix: str, query: str) -> tuple[float, float]:
    """Seconds from navigation to the first results when the query goes in
    at once (a paste, a committed composition) as soon as the page lets one,
    and of those the seconds after that input."""
    page = phone_page(browser)
    page.goto(f"{site_url}/{prefix}account/reset-password/", wait_until="commit")
    page.wait_for_selector("label[for=__search]")
    page.evaluate(TIMING_PROBE)
    open_the_search(page)
    type_like_a_person(page, query)
    timing = results_shown(page)
    page.context.close()
    return timing["shown"] / 1000, (timing["shown"] - timing["input"]) / 1000


def after_the_last_input(browser, site_url: str, prefix: str, query: str) -> float:
    """Seconds from the last input to the first results, on a page loaded and idle."""
    page = phone_page(browser)
    page.goto(f"{site_url}/{prefix}account/reset-password/")
    page.wait_for_load_state("networkidle")
    page.evaluate(TIMING_PROBE)
    open_the_search(page)
    type_as_a_person(page, query)
    timing = results_shown(page)
    page.context.close()
    return (timing["shown"] - timing["input"]) / 1000


# --- one site ---------------------------------------------------------------------


def sample(queries, lang: str, count: int) -> list[str]:
    own = [query.q for query in queries if query.lang == lang and query.kind != "other-language"]
    return random.Random(f"bench-{lang}").sample(own, min(count, len(own)))


def measure(site: Path, build_s: float, queries, count: int, split: bool) -> dict:
    from playwright.sync_api import sync_playwright

    result = {"build_s": build_s, "languages": {}}
    served: list = []
    with serve(site, compress=True, served=served) as site_url, sync_playwright() as playwright:
        browser = launch(playwright)
        with serve(site, compress=True, link=SlowLink(PHONE_LATENCY, PHONE_BYTES_PER_SECOND)) as phone_url:
            for language in site_languages():
                prefix = language.prefix
                view = page_view_bytes(browser, site_url, served, prefix)
                suite = list(dict.fromkeys(query.q for query in queries if query.lang == language.code))
                picked = sample(queries, language.code, count)
                entry = {"page_view": view, "queries": len(suite)}
                if split:
                    totals = first_query_bytes(site, prefix, suite)
                    entry["first_query_median"] = statistics.median(totals)
                    entry["first_query_worst"] = max(totals)
                    checks = [chromium_first_query(browser, site_url, served, prefix, query) for query in picked[:3]]
                    offline = first_query_bytes(site, prefix, picked[:3])
                    entry["chromium_check"] = [[measured, expected] for (measured, _), expected in zip(checks, offline)]
                    entry["round_trips"] = max(report.get("rounds", 0) for _, report in checks)
                else:
                    entry["first_query_median"] = entry["first_query_worst"] = 0
                    entry["round_trips"] = 0
                straight = [straight_after_navigation(browser, phone_url, prefix, q) for q in picked]
                entry["straight_s"] = [round(total, 2) for total, _ in straight]
                entry["straight_after_input_s"] = [round(after, 2) for _, after in straight]
                entry["idle_s"] = [round(after_the_last_input(browser, phone_url, prefix, q), 2) for q in picked]
                result["languages"][language.code] = entry
        browser.close()
    return result


def run_size(articles: int, revision: str | None, queries, count: int, keep: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        project, env = project_at(Path(tmp) / "project", articles, revision)
        saved = {key: os.environ.get(key) for key in env}
        os.environ.update(env)
        try:
            build_s = build_site(project).seconds
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key)
                else:
                    os.environ[key] = value
        split = (project / "site" / "search" / "search_index.json").stat().st_size < 100_000 and \
            "hc" in json.loads((project / "site" / "search" / "search_index.json").read_bytes())["config"]
        result = measure(project / "site", build_s, queries, count, split)
        if keep:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(project / "site", keep)
        return result


def kb(value: float) -> str:
    return f"{value / 1024:.1f}"


def table(results: dict) -> str:
    lines = [f"{'articles':>8} {'version':<7} {'lang':<8} {'build s':>7} {'view KB':>8} {'1st q KB med':>12} "
             f"{'worst':>7} {'trips':>5} {'phone: straight s (med/max)':>27} {'of which after input':>20} "
             f"{'idle s (med/max)':>17}"]
    for articles, versions in results.items():
        for version, result in versions.items():
            for lang, entry in result["languages"].items():
                straight, idle = entry["straight_s"], entry["idle_s"]
                after_input = entry["straight_after_input_s"]
                lines.append(
                    f"{articles:>8} {version:<7} {lang:<8} {result['build_s']:>7} {kb(entry['page_view']):>8} "
                    f"{kb(entry['first_query_median']):>12} {kb(entry['first_query_worst']):>7} "
                    f"{entry['round_trips']:>5} {statistics.median(straight):>13.2f} / {max(straight):<11.2f} "
                    f"{statistics.median(after_input):>11.2f} / {max(after_input):<6.2f} "
                    f"{statistics.median(idle):>8.2f} / {max(idle):<6.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 1000, 3000],
                        help="generated articles per language, one size each")
    parser.add_argument("--queries", type=int, default=6, help="queries per language timed on the phone")
    parser.add_argument("--before", help="a git revision to measure in the same run (before a change)")
    parser.add_argument("--json", type=Path, default=Path("test-artifacts/bench-search.json"))
    parser.add_argument("--keep", type=Path, help="keep each size's built site in this folder")
    args = parser.parse_args(argv)
    if min(args.articles) < 0 or args.queries < 1:
        parser.error("--articles must be >= 0 and --queries >= 1")
    if reason := chromium_missing_reason():
        print(f"error: {reason}", file=sys.stderr)
        return 2
    queries = load_queries(ROOT / "tests" / "search_queries.yaml")
    results: dict = {}
    started = time.perf_counter()
    try:
        for articles in args.articles:
            results[articles] = {}
            if args.before:
                results[articles]["before"] = run_size(articles, args.before, queries, args.queries)
            keep = args.keep / str(articles) if args.keep else None
            results[articles]["now"] = run_size(articles, None, queries, args.queries, keep)
    except subprocess.CalledProcessError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        remove_worktrees()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print("search bytes are gzipped as a static host sends them; a phone is 4x CPU slowdown, 150 ms latency, "
          "1.6 Mbit/s shared, 390x844")
    print(table(results))
    print(f"{time.perf_counter() - started:.0f} s in all; written: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
