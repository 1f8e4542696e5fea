#!/usr/bin/env python3
"""Audit the built site with the tools people use: Lighthouse (mobile
defaults, Debian's Chromium) on the key pages of both languages, and the Nu
HTML Checker on every page. Prints a table; exits 1 when a target is missed.

    python scripts/audit.py [--site-dir site] [--no-compress] [--runs 1] [--lighthouse-only]

Targets: accessibility, best practices and SEO 100; performance 95 or more;
zero validator errors. The site is served on 127.0.0.1 by a plain static
file server that gzips text as GitHub Pages, Netlify, Cloudflare Pages and
a usual nginx set-up do (--no-compress serves raw bytes instead).
--lighthouse-only skips the checker, for a generated site of thousands of
pages whose HTML the checker has already seen at today's size.

Exit codes: 0 targets met, 1 a target missed, 2 missing site or tools.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from helpcentre_tools import site_languages
from helpcentre_tools.browser import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = {"home": "", "troubleshooting": "account/reset-password/", "contact": "contact/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=300,
        )
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def validator_errors(site_dir: Path) -> dict[str, int]:
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(site_dir)], capture_output=True, text=True, timeout=600)
    errors: dict[str, int] = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        page = message.get("url", "?").removeprefix("file:").removeprefix(str(site_dir.resolve()) + "/")
        errors[page] = errors.get(page, 0) + 1
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--no-compress", action="store_true", help="serve without gzip")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median counts")
    parser.add_argument("--lighthouse-only", action="store_true", help="skip the Nu HTML Checker")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print("error: build the site first (make build)", file=sys.stderr)
        return 2
    tools = (LIGHTHOUSE, Path(CHROMIUM)) if args.lighthouse_only else (LIGHTHOUSE, VNU, Path(CHROMIUM))
    missing = [str(p) for p in tools if not p.exists()]
    if missing:
        print(f"error: missing {', '.join(missing)} (make install; apt-get install chromium)", file=sys.stderr)
        return 2

    errors = {} if args.lighthouse_only else validator_errors(args.site_dir)
    if not args.lighthouse_only:
        pages = sorted(p for p in args.site_dir.rglob("*.html"))
        print(f"Nu HTML Checker: {sum(errors.values())} errors in {len(errors)} of {len(pages)} pages")
        for page, count in sorted(errors.items()):
            print(f"  {page}: {count}")

    missed = bool(errors)
    print(f"\nLighthouse (mobile), {'raw' if args.no_compress else 'gzip'} static server, "
          f"median of {args.runs}:")
    print(f"{'page':<24}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}")
    with serve(args.site_dir, compress=not args.no_compress) as site_url:
        for lang, prefix in ((language.code, language.prefix) for language in site_languages()):
            for name, path in PAGES.items():
                runs = [lighthouse(f"{site_url}/{prefix}{path}") for _ in range(args.runs)]
                scores = {c: sorted(run[c] for run in runs)[len(runs) // 2] for c in CATEGORIES}
                misses = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
                missed |= bool(misses)
                print(f"{lang + ' ' + name:<24}" + "".join(f"{scores[c]:>6}" for c in CATEGORIES)
                      + (f"   below target: {', '.join(misses)}" if misses else ""))
    print("\ntargets: " + ", ".join(f"{c} >= {t}" for c, t in TARGETS.items()) + ", 0 validator errors")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
