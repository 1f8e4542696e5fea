#!/usr/bin/env python3
"""List the articles due for review, by owner, with the translations that
trail them: an article's `reviewed:` date (or, without one, its last change)
older than the plugin's `review` age for its type.

    python scripts/stale.py [--markdown] [--config-file mkdocs.yml] [--docs-dir DIR]

Today is the build's clock, or HELPCENTRE_NOW when set. Prints
`path:line: REVIEW-DUE message` per article under its owner; --markdown
prints the body of the issue the weekly workflow keeps up to date.
Exit codes: 0 nothing due, 1 articles due, 2 usage error.
"""

from __future__ import annotations

import sys

from helpcentre.cli import parser_for, project_of, run
from helpcentre.findings import Finding
from helpcentre.review import Due, overdue


def finding(due: Due) -> Finding:
    checked = f"last reviewed {due.checked.isoformat()}, {due.age} days ago" if due.checked else "never reviewed"
    return Finding(due.doc.path, due.doc.line_of("reviewed"), "REVIEW-DUE",
                   f"{checked}; {due.doc.meta.get('type')} articles are reviewed every {due.max_age} days: "
                   "check it against the product, then set reviewed: to today's date")


def as_text(owners: dict[str, list[Due]]) -> str:
    lines = []
    for owner, dues in owners.items():
        lines.append(owner)
        for due in dues:
            lines.append(f"  {finding(due)}")
            lines += [f"    translation trails: {doc.path} (reviewed {doc.meta.get('reviewed', 'never')})"
                      for doc in due.trailing]
    return "\n".join(lines)


def as_markdown(owners: dict[str, list[Due]]) -> str:
    lines = ["Articles due for review, by owner (`make stale`). Check each against the product, set "
             "`reviewed:` to the date, and bring the trailing translations along.", ""]
    for owner, dues in owners.items():
        lines += [f"## {owner}", ""]
        for due in dues:
            checked = f"reviewed {due.checked.isoformat()} ({due.age} days)" if due.checked else "never reviewed"
            trailing = "; translations trailing: " + ", ".join(f"`{doc.path}`" for doc in due.trailing) \
                if due.trailing else ""
            lines.append(f"- [ ] `{due.doc.path}`: {due.doc.meta.get('title', '')}, {checked}, "
                         f"every {due.max_age} days{trailing}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--markdown", action="store_true", help="print the review issue's body")
    args = parser.parse_args(argv)

    def list_due() -> int:
        project = project_of(args)
        site = project.site()
        owners = overdue(site.catalogue.documents + list(site.hidden), site.languages.default.code,
                         project.settings.review, site.now.date(), site.last_changed)
        count = sum(len(dues) for dues in owners.values())
        if args.markdown:
            print(as_markdown(owners) if owners else "Nothing is due for review.")
        else:
            if owners:
                print(as_text(owners))
            print(f"{count} article(s) due for review." if count else "OK: nothing is due for review.")
        return 1 if count else 0

    return run(list_due)


if __name__ == "__main__":
    sys.exit(main())
