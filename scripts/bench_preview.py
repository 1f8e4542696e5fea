#!/usr/bin/env python3
"""Benchmark the writers' preview (make serve) the way a writer meets it:
copy the project, add N generated articles per language, start
`scripts/serve.py`, and measure in Chromium

- time to first page served: from starting the server to an article's page
  answering;
- save-to-reload: from writing a file to the open page showing the change
  after its automatic reload, for an edited article (the article open), a
  new article (its category page open) and an edited registry value (the
  contact page open); the median of several saves of each.

    python scripts/bench_preview.py [--articles 1000 3000] [--saves 5] [--json FILE]

Exit codes: 0 measured, 1 the preview failed, 2 usage error or no browser.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from helpcentre_tools.benchmark import copy_project
from helpcentre_tools.browser import chromium_missing_reason, launch

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "account/generated-00005"  # one the generator always writes
TIMEOUT_MS = 120000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 300) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if response.status == 200:
                    return time.perf_counter()
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def save_to_reload(page, write, marker: str) -> float:
    """Seconds from `write()` to the open page showing `marker` after its reload."""
    started = time.perf_counter()
    write()
    # During the reload the page may have no body yet.
    page.wait_for_function("(marker) => document.body && document.body.innerText.includes(marker)", arg=marker,
                           timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def new_article(docs: Path, number: int) -> tuple[dict[Path, str], str]:
    slug = f"bench-new-{number}"
    title = f"Bench new article {number}"
    files = {
        docs / "account" / f"{slug}.en.md":
            f"---\ntitle: {title}\ndescription: A new article for the benchmark.\ntype: how-to\norder: 1\n---\n\n"
            f"Text of {title}.\n",
        docs / "account" / f"{slug}.zh.md":
            f"---\ntitle: 基准新文章 {number}\ndescription: 基准测试的新文章。\ntype: how-to\norder: 1\n---\n\n"
            "基准测试的正文。\n",
    }
    return files, title


def measure(articles: int, saves: int) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp), articles)
        docs = project / "docs"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        server = subprocess.Popen([sys.executable, str(project / "scripts" / "serve.py"), "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            first = wait_for(f"{base}/en/{ARTICLE}/") - started
            result = {"articles_per_language": articles, "first_page_s": round(first, 2)}
            with sync_playwright() as playwright:
                browser = launch(playwright)
                page = browser.new_page()
                article_file = docs / f"{ARTICLE}.en.md"
                page.goto(f"{base}/en/{ARTICLE}/")
                edits = []
                for n in range(saves):
                    marker = f"Edited for the benchmark {n}"
                    text = article_file.read_text(encoding="utf-8")
                    body = re.sub(r"\nEdited for the benchmark \d+\.\n", "\n", text)
                    edits.append(save_to_reload(page, lambda: article_file.write_text(
                        body.replace("\n\n", f"\n\n{marker}.\n\n", 1), encoding="utf-8"), marker))
                    time.sleep(1)
                page.goto(f"{base}/en/account/")
                added = []
                for n in range(saves):
                    files, title = new_article(docs, n)
                    added.append(save_to_reload(page, lambda: [p.write_text(t, encoding="utf-8")
                                                               for p, t in files.items()], title))
                    time.sleep(1)
                registry = docs / "registry.yml"
                page.goto(f"{base}/en/contact/")
                registry_saves = []
                original = registry.read_text(encoding="utf-8")
                for n in range(saves):
                    marker = f"Every day, bench hours {n}"
                    changed = original.replace("en: 24 hours a day, 7 days a week", f"en: {marker}", 1)
                    registry_saves.append(save_to_reload(page, lambda: registry.write_text(changed, encoding="utf-8"),
                                                         marker))
                    time.sleep(1)
                browser.close()
            for name, samples in (("edited_article", edits), ("new_article", added),
                                  ("registry_value", registry_saves)):
                result[name] = {"median_s": round(statistics.median(samples), 2), "max_s": round(max(samples), 2),
                                "saves": len(samples)}
            return result
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--json", type=Path, default=Path("test-artifacts/bench-preview.json"))
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.articles) or args.saves < 1:
        parser.error("--articles and --saves must be 1 or more")
    if reason := chromium_missing_reason():
        print(f"error: {reason}", file=sys.stderr)
        return 2
    print("save-to-reload in Chromium, median / max of each kind of save (seconds)")
    print(f"{'articles/lang':>13} {'first page':>11} {'edited article':>15} {'new article':>12} {'registry value':>15}",
          flush=True)
    results = []
    for articles in args.articles:
        try:
            r = measure(articles, args.saves)
        except Exception as error:  # a benchmark reports a failure; it does not hide it
            print(f"error: the preview failed at {articles} articles per language: {error}", file=sys.stderr)
            return 1
        results.append(r)
        cells = [f"{r[k]['median_s']} / {r[k]['max_s']}" for k in ("edited_article", "new_article", "registry_value")]
        print(f"{articles:>13} {r['first_page_s']:>10}s {cells[0]:>15} {cells[1]:>12} {cells[2]:>15}", flush=True)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
