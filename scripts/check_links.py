#!/usr/bin/env python3
"""Check internal links and anchors in docs/ with line numbers: every link to
another page or file must exist in the same language, every #anchor must be
an id on its page.

    python scripts/check_links.py [--config-file mkdocs.yml] [--docs-dir DIR]

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage or registry error.
"""

from __future__ import annotations

import sys

from helpcentre.checks import check_all_links, parsed_documents
from helpcentre.cli import parser_for, project_of, report, require_registry, run


def main(argv: list[str] | None = None) -> int:
    args = parser_for(__doc__).parse_args(argv)

    def check() -> int:
        site = project_of(args).site()
        require_registry(site)
        return report(check_all_links(site), len(parsed_documents(site)))

    return run(check)


if __name__ == "__main__":
    sys.exit(main())
