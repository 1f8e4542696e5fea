#!/usr/bin/env python3
"""Check internal links and anchors in docs/ with line numbers: every link to
another page or file must exist in the same language, every #anchor must be
a heading id of its page.

    python scripts/check_links.py [--docs-dir DIR]

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage or registry error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.checks import check_all_links  # noqa: E402
from helpcentre.cli import parser_for, report, require_docs_dir, require_registry, run  # noqa: E402
from helpcentre.content import Catalogue  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = parser_for(__doc__).parse_args(argv)

    def check() -> int:
        require_docs_dir(args.docs_dir)
        registry = require_registry(args.docs_dir, Path.cwd())
        catalogue = Catalogue.load(args.docs_dir, Path.cwd())
        checked = sum(1 for doc in catalogue.documents if not doc.front.problems)
        return report(check_all_links(args.docs_dir, registry, catalogue), checked)

    return run(check)


if __name__ == "__main__":
    sys.exit(main())
