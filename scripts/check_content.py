#!/usr/bin/env python3
"""Check the content of docs/: front matter schema, translations in both
languages, categories, the registry and shortcodes. (The contact-link rules
are scripts/check_contact_links.py; the build runs both.)

    python scripts/check_content.py [--docs-dir DIR]

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.checks import check_site  # noqa: E402
from helpcentre.findings import format_findings, summary  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs-dir", default="docs", type=Path, help="the docs folder (default: docs)")
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        print(f"error: {args.docs_dir} is not a folder", file=sys.stderr)
        return 2
    result = check_site(args.docs_dir, Path.cwd(), full=False)
    findings, checked = result.findings, len(result.catalogue.documents)
    if findings:
        print(format_findings(findings))
    print(summary(findings, checked))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
