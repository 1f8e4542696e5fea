#!/usr/bin/env python3
"""Benchmark the contact-link checker: a scratch copy of the project with N
generated article files (every language, checklists with contact links;
helpcentre_tools/generate.py), and how many files per second the checker
reads, renders and checks.

    python scripts/bench_contact_links.py [--files 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from helpcentre.checks import check_contacts
from helpcentre.cli import load_project
from helpcentre_tools import site_languages
from helpcentre_tools.benchmark import copy_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="how many files to generate (default 2000)")
    args = parser.parse_args(argv)
    if args.files < 1:
        parser.error("--files must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp), -(-args.files // len(site_languages())))
        start = time.perf_counter()
        site = load_project(project / "mkdocs.yml", root=project).site()
        findings = check_contacts(site)
        seconds = time.perf_counter() - start
        files = len(site.catalogue.documents)
    print(f"files: {files}  findings: {len(findings)}  seconds: {seconds:.2f}  files/second: {files / seconds:.0f}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
