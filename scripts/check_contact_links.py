#!/usr/bin/env python3
"""Check that every troubleshooting checklist reaches a human, and that no
unofficial contact detail (phone, email, mailto:/tel:, unofficial host) gets
into the docs.

    python scripts/check_contact_links.py [--docs-dir DIR] [PATH ...]

PATH may be a Markdown file or a folder; without PATH every Markdown file
under the docs folder is checked. Contact channels and official domains come
from DIR/registry.yml.

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage or registry error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.checks import contact_policy  # noqa: E402
from helpcentre.contact_links import ContactPolicy, check_markdown_file, new_markdown  # noqa: E402
from helpcentre.content import markdown_files  # noqa: E402
from helpcentre.findings import Finding, display_path, format_findings, summary  # noqa: E402
from helpcentre.registry import load_registry  # noqa: E402


def collect(paths: list[Path], docs_dir: Path) -> list[Path]:
    if not paths:
        return markdown_files(docs_dir)
    files = []
    for path in paths:
        files += markdown_files(path) if path.is_dir() else [path]
    return sorted(set(files))


def check_files(files: list[Path], docs_dir: Path, policy: ContactPolicy, root: Path) -> list[Finding]:
    md = new_markdown()
    findings = []
    for file in files:
        rel = file.resolve().relative_to(docs_dir.resolve()).as_posix()
        findings += check_markdown_file(display_path(file, root), rel, file.read_text(encoding="utf-8"), policy, md)
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs-dir", default="docs", type=Path, help="the docs folder (default: docs)")
    parser.add_argument("paths", nargs="*", type=Path, help="Markdown files or folders (default: all of docs)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if not args.docs_dir.is_dir():
        print(f"error: {args.docs_dir} is not a folder", file=sys.stderr)
        return 2
    for path in args.paths:
        if not path.exists():
            print(f"error: {path} does not exist", file=sys.stderr)
            return 2
        if not path.resolve().is_relative_to(args.docs_dir.resolve()):
            print(f"error: {path} is not inside the docs folder {args.docs_dir}", file=sys.stderr)
            return 2
    registry, registry_findings = load_registry(args.docs_dir, root)
    if registry is None:
        print(format_findings(registry_findings))
        print("error: the registry is invalid; fix it first", file=sys.stderr)
        return 2
    files = [f for f in collect(args.paths, args.docs_dir) if f.suffix == ".md"]
    findings = check_files(files, args.docs_dir, contact_policy(registry), root)
    if findings:
        print(format_findings(findings))
    print(summary(findings, len(files)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
