#!/usr/bin/env python3
"""Check the content of docs/: front matter schema, translations in both
languages, categories, the registry, shortcodes and unsafe markup. (The
contact-link and link rules are scripts/check_contact_links.py and
check_links.py; the build runs them all.)

    python scripts/check_content.py [--docs-dir DIR]

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.checks import check_site  # noqa: E402
from helpcentre.cli import parser_for, report, require_docs_dir, run  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = parser_for(__doc__).parse_args(argv)

    def check() -> int:
        require_docs_dir(args.docs_dir)
        result = check_site(args.docs_dir, Path.cwd(), full=False)
        return report(result.findings, len(result.catalogue.documents))

    return run(check)


if __name__ == "__main__":
    sys.exit(main())
