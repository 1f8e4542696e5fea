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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.checks import contact_policy  # noqa: E402
from helpcentre.contact_links import ContactPolicy, check_markdown_file, new_markdown  # noqa: E402
from helpcentre.content import markdown_files  # noqa: E402
from helpcentre.cli import UsageError, parser_for, report, require_docs_dir, require_registry, run  # noqa: E402
from helpcentre.findings import Finding, display_path  # noqa: E402


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
    parser = parser_for(__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="Markdown files or folders (default: all of docs)")
    args = parser.parse_args(argv)
    root = Path.cwd()

    def check() -> int:
        require_docs_dir(args.docs_dir)
        for path in args.paths:
            if not path.exists():
                raise UsageError(f"{path} does not exist")
            if not path.resolve().is_relative_to(args.docs_dir.resolve()):
                raise UsageError(f"{path} is not inside the docs folder {args.docs_dir}")
        registry = require_registry(args.docs_dir, root)
        files = [f for f in collect(args.paths, args.docs_dir) if f.suffix == ".md"]
        return report(check_files(files, args.docs_dir, contact_policy(registry), root), len(files))

    return run(check)


if __name__ == "__main__":
    sys.exit(main())
