#!/usr/bin/env python3
"""Write the insights report from the help centre's event logs: top searches,
searches with no result or no click, helpful rates, the contact page and
suggested keywords, per language (scripts/helpcentre_tools/insights.py says
how each figure is counted).

    python scripts/insights.py LOG [LOG ...] [--since 2025-10-01] [--until 2025-10-31]
                               [--lang zh --lang en] [--min-votes 5] [--top 20]
                               [--html test-artifacts/insights.html]
                               [--markdown test-artifacts/insights.md | --markdown -]
                               [--json FILE]
                               [--endpoint /_hc/e] [--memory-limit 1GB]

LOG is a file or a glob (quote it: 'logs/access.log*'); plain and gzipped
files mix freely. Lines that are not events are counted by reason, never fatal.
Exit codes: 0 report written, 2 usage error (no such log file, bad date).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from helpcentre.cli import UsageError, run
from helpcentre_tools.insights import (DEFAULT_ENDPOINT, LogError, Options, build_report, figures, log_files,
                                       render_html, render_markdown)


def iso_date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise UsageError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from error


def options_of(args: argparse.Namespace) -> Options:
    since, until = iso_date("--since", args.since), iso_date("--until", args.until)
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    if args.min_votes < 1 or args.top < 1:
        raise UsageError("--min-votes and --top must be at least 1")
    return Options(since=since, until=until, langs=tuple(args.lang), min_votes=args.min_votes, top=args.top,
                   endpoint=args.endpoint, memory_limit=args.memory_limit)


def write(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("logs", nargs="+", metavar="LOG", help="access log files or globs (plain or gzipped)")
    parser.add_argument("--since", help="first day to count (YYYY-MM-DD, UTC)")
    parser.add_argument("--until", help="last day to count (YYYY-MM-DD, UTC, inclusive)")
    parser.add_argument("--lang", action="append", default=[], help="only this language (repeatable; default all)")
    parser.add_argument("--min-votes", type=int, default=5, help="votes an article needs to be rated (default 5)")
    parser.add_argument("--top", type=int, default=20, help="rows per table (default 20)")
    parser.add_argument("--html", default="test-artifacts/insights.html", help="the HTML report")
    parser.add_argument("--markdown", default="test-artifacts/insights.md", help="the Markdown report; - for stdout")
    parser.add_argument("--json", help="also the figures as JSON, for scripts and dashboards")
    parser.add_argument("--endpoint", default=DEFAULT_ENDPOINT,
                        help=f"the events path or URL (default {DEFAULT_ENDPOINT})")
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB's memory limit; beyond it, it spills to disk")
    args = parser.parse_args(argv)

    def report() -> int:
        options = options_of(args)
        try:
            result = build_report(log_files(args.logs), options)
        except LogError as error:
            raise UsageError(str(error)) from error
        write(args.html, render_html(result))
        write(args.markdown, render_markdown(result))
        if args.json:
            write(args.json, json.dumps(figures(result), ensure_ascii=False, indent=2))
        written = ", ".join(path for path in (args.html, args.markdown, args.json) if path and path != "-")
        # With the Markdown on stdout, the summary must not end up in the PR comment.
        out = sys.stderr if args.markdown == "-" else sys.stdout
        skipped = sum(result.skipped.values())
        print(f"insights: {result.events:,} events from {result.lines:,} lines ({skipped:,} skipped) -> {written}",
              file=out)
        return 0

    return run(report)


if __name__ == "__main__":
    sys.exit(main())
