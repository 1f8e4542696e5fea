#!/usr/bin/env python3
"""Benchmark the contact-link checker: generate N realistic article files
(both languages, checklists with contact links; helpcentre/generate.py) in a
temporary docs folder and print how many files per second the checker reads.

    python scripts/bench_contact_links.py [--files 2000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_contact_links import check_files  # noqa: E402
from helpcentre.checks import contact_policy  # noqa: E402
from helpcentre.content import markdown_files  # noqa: E402
from helpcentre.generate import CATEGORIES, generate_articles  # noqa: E402
from helpcentre.registry import load_registry  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def generate(docs_dir: Path, count: int) -> None:
    """`count` files: half Chinese, half English, in the real categories."""
    for category in CATEGORIES:
        (docs_dir / category).mkdir(parents=True)
    shutil.copy2(ROOT / "docs" / "registry.yml", docs_dir / "registry.yml")
    generate_articles(docs_dir, (count + 1) // 2, source_docs=ROOT / "docs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="how many files to generate (default 2000)")
    args = parser.parse_args(argv)
    if args.files < 1:
        parser.error("--files must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        docs_dir = Path(tmp) / "docs"
        generate(docs_dir, args.files)
        registry, _ = load_registry(docs_dir)
        files = markdown_files(docs_dir)
        start = time.perf_counter()
        findings = check_files(files, docs_dir, contact_policy(registry), Path(tmp))
        seconds = time.perf_counter() - start
    print(f"files: {len(files)}  findings: {len(findings)}  seconds: {seconds:.2f}  "
          f"files/second: {len(files) / seconds:.0f}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
