#!/usr/bin/env python3
"""Check the content of docs/: front matter schema, every page in every
language, categories, the registry, shortcodes and unsafe markup. (The
contact-link and link rules are scripts/check_contact_links.py and
check_links.py; the build runs them all.)

    python scripts/check_content.py [--config-file mkdocs.yml] [--docs-dir DIR]

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import sys

from helpcentre.checks import check_site
from helpcentre.cli import parser_for, project_of, report, run


def main(argv: list[str] | None = None) -> int:
    args = parser_for(__doc__).parse_args(argv)

    def check() -> int:
        site = project_of(args).site()
        return report(check_site(site, full=False), len(site.catalogue.documents))

    return run(check)


if __name__ == "__main__":
    sys.exit(main())
