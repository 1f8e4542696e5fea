#!/usr/bin/env python3
"""Benchmark the help centre at scale: for each N, copy the project, add N
generated articles per language (front matter, headings, checklists with
contact links, Chinese and English text of realistic length), build it with
the real configuration, and measure.

    python scripts/bench.py [--articles 100 1000 3000] [--json FILE]

Per N: build wall time and peak memory, seconds per 1,000 pages, site size,
median and largest page HTML, search index raw and gzipped per language, how
many files per second the contact-link checker and the translation status
read, and how long converting the pages into the converted languages
(Traditional Chinese) takes on its own. Prints a table and writes JSON.

Exit codes: 0 measured, 1 a build failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpcentre.cli import load_project
from helpcentre_tools.benchmark import build_site, copy_project, index_sizes, page_sizes

SCRIPTS = Path(__file__).resolve().parent


def files_per_second(project: Path, script: str, *args: str) -> float:
    files = len(list((project / "docs").rglob("*.md"))) - len(list((project / "docs" / "templates").glob("*.md")))
    start = time.perf_counter()
    subprocess.run([sys.executable, str(SCRIPTS / script), *args], cwd=project, capture_output=True, check=False)
    return round(files / (time.perf_counter() - start))


def conversion_seconds(project: Path) -> float:
    """What converting every page into the converted languages (Traditional
    Chinese from Simplified) costs on its own, of the build's time."""
    site = load_project(project / "mkdocs.yml", root=project).site()
    start = time.perf_counter()
    for converter in site.converters.values():
        for doc in site.catalogue.documents:
            if doc.lang == converter.source:
                converter.markdown(doc.text)
    return round(time.perf_counter() - start, 1)


def measure(articles: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp), articles)
        run = build_site(project)
        pages = page_sizes(project / "site")
        return {
            "articles_per_language": articles,
            "build_s": run.seconds,
            "peak_memory_mb": run.peak_rss_mb,
            "s_per_1000_pages": round(run.seconds / pages["pages"] * 1000, 2),
            "conversion_s": conversion_seconds(project),
            **pages,
            "search_index": index_sizes(project / "site"),
            "contact_checker_files_per_s": files_per_second(project, "check_contact_links.py"),
            "translation_status_files_per_s": files_per_second(project, "translation_status.py", "--no-git"),
        }


def table(results: list[dict]) -> str:
    languages = list(results[0]["search_index"]) if results else []
    head = (f"{'N/lang':>7} {'pages':>6} {'build s':>8} {'s/1k pages':>10} {'peak MB':>8} {'site MB':>8} "
            f"{'median KB':>9} {'largest KB':>10} "
            + "".join(f"{lang + ' idx KB gz':>13} " for lang in languages)
            + f"{'checker f/s':>11} {'transl f/s':>10} {'convert s':>9}")
    rows = [head]
    for r in results:
        indexes = "".join(f"{r['search_index'][lang]['raw'] // 1024:>6}/{r['search_index'][lang]['gzip'] // 1024:<6} "
                          for lang in languages)
        rows.append(
            f"{r['articles_per_language']:>7} {r['pages']:>6} {r['build_s']:>8} {r['s_per_1000_pages']:>10} "
            f"{r['peak_memory_mb']:>8.0f} {r['site_bytes'] / 2**20:>8.1f} {r['median_html'] / 1024:>9.1f} "
            f"{r['largest_html'] / 1024:>10.1f} {indexes}{r['contact_checker_files_per_s']:>11} "
            f"{r['translation_status_files_per_s']:>10} {r['conversion_s']:>9}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 1000, 3000],
                        help="generated articles per language, one run each")
    parser.add_argument("--json", type=Path, default=Path("test-artifacts/bench.json"))
    args = parser.parse_args(argv)
    if any(n < 0 for n in args.articles):
        parser.error("--articles takes whole numbers from 0 up")
    results = []
    for articles in args.articles:
        try:
            results.append(measure(articles))
        except subprocess.CalledProcessError:
            print(f"error: the build with {articles} articles per language failed", file=sys.stderr)
            return 1
        print(table(results[-1:]).splitlines()[-1] if len(results) > 1 else table(results), flush=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\n{table(results)}\nlargest page at N={results[-1]['articles_per_language']}: "
          f"{results[-1]['largest_page']}\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
