#!/usr/bin/env python3
"""Search quality report: run tests/search_queries.yaml against the built
per-language indexes with the offline model of the browser search, and print
top-1 / top-3 hit rates per language and every miss.

    python scripts/search_report.py [--site-dir site] [--queries tests/search_queries.yaml]

Exit codes: 0 report printed, 2 missing site or query file.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.content import DEFAULT_LANGUAGE  # noqa: E402
from helpcentre.search import BrowserSearch  # noqa: E402


@dataclass
class Outcome:
    query: str
    expect: list[str]
    results: list[str]  # article ids (category/slug) in result order

    @property
    def rank(self) -> int | None:
        for position, result in enumerate(self.results, start=1):
            if result in self.expect:
                return position
        return None


def article_id(location: str) -> str:
    return location.split("#")[0].strip("/") or "home"


def load_index(site_dir: Path, lang: str) -> dict:
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


def evaluate(search: BrowserSearch, queries: list[dict]) -> list[Outcome]:
    return [Outcome(q["q"], list(q["expect"]), [article_id(hit.location) for hit in search.search(q["q"])])
            for q in queries]


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    total = len(outcomes) or 1
    top1 = sum(1 for o in outcomes if o.rank == 1) / total
    top3 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 3) / total
    return top1, top3


def report(lang: str, outcomes: list[Outcome]) -> str:
    top1, top3 = rates(outcomes)
    lines = [f"{lang}: {len(outcomes)} queries  top-1 {top1:.1%}  top-3 {top3:.1%}"]
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
    args = parser.parse_args(argv)
    if not (args.site_dir / "search" / "search_index.json").is_file() or not args.queries.is_file():
        print(f"error: build the site first (make build) and keep {args.queries}", file=sys.stderr)
        return 2
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    for lang, items in queries.items():
        search = BrowserSearch(load_index(args.site_dir, lang))
        print(report(lang, evaluate(search, items)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
