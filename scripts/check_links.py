#!/usr/bin/env python3
"""Check internal links and anchors in docs/ with line numbers: every link to
another page or file must exist in the same language, every #anchor must be
a heading id of its page.

    python scripts/check_links.py [--docs-dir DIR]

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage or registry error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.checks import check_all_links  # noqa: E402
from helpcentre.content import Catalogue  # noqa: E402
from helpcentre.findings import format_findings, summary  # noqa: E402
from helpcentre.registry import load_registry  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs-dir", default="docs", type=Path, help="the docs folder (default: docs)")
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        print(f"error: {args.docs_dir} is not a folder", file=sys.stderr)
        return 2
    root = Path.cwd()
    registry, registry_findings = load_registry(args.docs_dir, root)
    if registry is None:
        print(format_findings(registry_findings))
        print("error: the registry is invalid; fix it first", file=sys.stderr)
        return 2
    catalogue = Catalogue.load(args.docs_dir, root)
    findings = check_all_links(args.docs_dir, registry, catalogue)
    documents = [doc for doc in catalogue.documents if not doc.front.problems]
    if findings:
        print(format_findings(findings))
    print(summary(findings, len(documents)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
