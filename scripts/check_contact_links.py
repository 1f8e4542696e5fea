#!/usr/bin/env python3
"""Check that every troubleshooting checklist reaches a human, and that no
unofficial contact detail (phone, email, mailto:/tel:, unofficial host) gets
into the docs.

    python scripts/check_contact_links.py [--config-file mkdocs.yml] [--docs-dir DIR] [PATH ...]

PATH may be a Markdown file or a folder; without PATH every page under the
docs folder is checked. Contact channels and official domains come from the
registry.

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage or registry error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from helpcentre.checks import check_contacts
from helpcentre.cli import UsageError, parser_for, project_of, report, require_registry, run
from helpcentre.site import Site


def selected(site: Site, paths: list[Path]) -> list:
    """The pages named by `paths` (files or folders), all of them without any."""
    if not paths:
        return site.catalogue.documents
    docs_dir = site.docs_dir.resolve()
    chosen = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path} does not exist")
        target = path.resolve()
        if not target.is_relative_to(docs_dir):
            raise UsageError(f"{path} is not inside the docs folder {site.docs_dir}")
        rel = target.relative_to(docs_dir).as_posix()
        chosen += [doc for doc in site.catalogue.documents
                   if doc.rel == rel or (target.is_dir() and (rel == "." or doc.rel.startswith(rel + "/")))]
    return list({doc.rel: doc for doc in chosen}.values())


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="Markdown files or folders (default: all of docs)")
    args = parser.parse_args(argv)

    def check() -> int:
        site = project_of(args).site()
        documents = selected(site, args.paths)
        require_registry(site)
        return report(check_contacts(site, documents), len(documents))

    return run(check)


if __name__ == "__main__":
    sys.exit(main())
