#!/usr/bin/env python3
"""Every contact detail and official domain of the registry, before and after
a change, side by side: what a reviewer of a pull request that touches
docs/registry.yml must see, because a changed phone number or domain is how
a scam would get into the help centre.

    python scripts/registry_diff.py --base origin/main [--registry docs/registry.yml] [--approved]
    python scripts/registry_diff.py --before OLD.yml --after NEW.yml [--approved]

Prints a Markdown table (for the job summary) of the brand, the official
domains, each channel's detail and link, and the security contacts, marking
what changed. Exit codes: 0 nothing changed, or changed and --approved (the
pull request carries the `contact-details-approved` label, which only the
registry's code owners may add); 1 changed without approval; 2 usage error
(a file or revision that cannot be read).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

APPROVAL_LABEL = "contact-details-approved"


def contact_details(data: dict) -> dict[str, str]:
    """{what: value} of every detail a customer could be sent to."""
    details = {"brand": str(data.get("brand", ""))}
    for domain in data.get("official_domains") or []:
        details[f"official domain {domain}"] = str(domain)
    for channel_id, channel in (data.get("channels") or {}).items():
        if isinstance(channel, dict):
            for field in ("detail", "link"):
                if field in channel:
                    details[f"channels.{channel_id}.{field}"] = str(channel[field])
    security = data.get("security") or {}
    for n, contact in enumerate(security.get("contact") or [], start=1):
        details[f"security.contact {n}"] = str(contact)
    if "policy" in security:
        details["security.policy"] = str(security["policy"])
    return details


def compare(before: dict[str, str], after: dict[str, str]) -> list[tuple[str, str, str, bool]]:
    """(what, before, after, changed) for every detail of either side; a domain
    shows on one row however the list is ordered."""
    rows = []
    for key in list(before) + [k for k in after if k not in before]:
        old, new = before.get(key, "—"), after.get(key, "—")
        rows.append((key, old, new, old != new))
    return rows


def table(rows: list[tuple[str, str, str, bool]]) -> str:
    lines = ["| | contact detail | before | after |", "|---|---|---|---|"]
    lines += [f"| {'**changed**' if changed else ''} | {what} | `{old}` | `{new}` |" for what, old, new, changed in rows]
    return "\n".join(lines)


def read_yaml(text: str, where: str) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"{where} is not valid YAML: {error}") from None
    return data if isinstance(data, dict) else {}


def at_revision(revision: str, path: str) -> str:
    result = subprocess.run(["git", "show", f"{revision}:{path}"], capture_output=True, text=True)
    if result.returncode != 0:
        raise ValueError(f"cannot read {path} at {revision}: {result.stderr.strip()}")
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="the revision the pull request goes into, e.g. origin/main")
    parser.add_argument("--before", type=Path, help="the registry before the change")
    parser.add_argument("--after", type=Path, help="the registry after the change (default: --registry)")
    parser.add_argument("--registry", default="docs/registry.yml")
    parser.add_argument("--approved", action="store_true",
                        help=f"the pull request carries the {APPROVAL_LABEL} label")
    args = parser.parse_args(argv)
    if bool(args.base) == bool(args.before):
        parser.error("give --base REVISION or --before FILE")
    try:
        before_text = at_revision(args.base, args.registry) if args.base else args.before.read_text(encoding="utf-8")
        after_text = (args.after or Path(args.registry)).read_text(encoding="utf-8")
        rows = compare(contact_details(read_yaml(before_text, "the registry before")),
                       contact_details(read_yaml(after_text, "the registry after")))
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    changed = [row for row in rows if row[3]]
    print(table(rows))
    if not changed:
        print("\nNo contact detail or official domain changed.")
        return 0
    print(f"\n{len(changed)} contact detail(s) or official domain(s) changed.")
    if args.approved:
        print(f"Approved: the pull request carries the {APPROVAL_LABEL} label.")
        return 0
    print(f"Not approved yet: a code owner of {args.registry} checks every changed value against the "
          f"company's records, then adds the {APPROVAL_LABEL} label to the pull request (see the writers' "
          "guide, 'Changing contact details').", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
