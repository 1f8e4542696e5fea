#!/usr/bin/env python3
"""Check the content of docs/: front matter schema, every page in every
language, categories, the registry, the policy file and the glossary,
shortcodes, values typed instead of taken from the registry or the policy
file, the languages' style rules and unsafe markup. (The
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
        status = report(check_site(site, full=False), len(site.catalogue.documents))
        if site.policy is not None and site.policy.examples():
            print(f"note: {site.policy.examples()} values in {site.policy.path} are still examples "
                  "(example: true); replace them with your own before going live", file=sys.stderr)
        return status

    return run(check)


if __name__ == "__main__":
    sys.exit(main())
