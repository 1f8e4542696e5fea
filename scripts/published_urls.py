#!/usr/bin/env python3
"""Check the help centre's addresses against the list of every URL it has
published, or record what a deploy publishes (the deploy workflow does,
after publishing; writers never need to).

    python scripts/published_urls.py [--record] [--config-file mkdocs.yml] [--docs-dir DIR]

Without --record: prints `path:line: RULE-ID message` per problem (a
published URL gone without a redirect, an id missing, duplicated or changed,
an error code claimed twice, a redirect to nothing or in a loop), then how
many pages and redirects are not on the list yet.
With --record: the same check, and when it is clean, the list rewritten
with every page and redirect the site answers at now (nothing is ever
taken off it).

Exit codes: 0 clean (recorded), 1 problems found (nothing recorded), 2 usage
error (for example, the plugin's addresses are off).
"""

from __future__ import annotations

import sys

from helpcentre.addresses import check_addresses, published_list
from helpcentre.cli import UsageError, parser_for, project_of, report, run


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--record", action="store_true", help="rewrite the list with what the site answers at now")
    args = parser.parse_args(argv)

    def check() -> int:
        project = project_of(args)
        if not project.settings.addresses.enabled:
            raise UsageError(f"{args.config_file}: the helpcentre plugin's addresses are off "
                             "(addresses: {enabled: true})")
        site = project.site()
        data = site.addresses
        status = report(check_addresses(site.catalogue, site.languages, data, site.hidden),
                        len(site.catalogue.documents))
        if status:
            return status
        path = project.root / project.settings.addresses.published
        text = published_list(site.catalogue, site.languages, data.declared, data.published, site.expired,
                              data.imported)
        new = sum(1 for line in text.splitlines() if line.startswith("/")) - len(data.published)
        if args.record:
            path.write_text(text, encoding="utf-8")
            print(f"recorded {new} new URL(s) in {data.published_path}")
        else:
            print(f"{new} page(s) and redirect(s) not on {data.published_path} yet (a deploy records them)")
        return 0

    return run(check)


if __name__ == "__main__":
    sys.exit(main())
