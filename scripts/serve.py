#!/usr/bin/env python3
"""The writers' preview: serve the help centre while you edit it, each saved
page back in the browser within a second or two (helpcentre/preview.py says
how). `make build` stays the only way to publish.

    python scripts/serve.py [--config-file mkdocs.yml] [--dev-addr 127.0.0.1:8000]
                            [--page docs/<category>/<slug>.<lang>.md] [--no-refresh]

--page serves that one article in every language (with the home, contact
and category pages), for slow machines. --no-refresh leaves out the
background full build that refreshes search and the sitemap.
Exit codes: 0 stopped, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcentre.findings import format_findings
from helpcentre.preview import PageNotFound, check_everything, serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port (default 127.0.0.1:8000)")
    parser.add_argument("--page", help="serve only this article: docs/<category>/<slug>.<lang>.md")
    parser.add_argument("--no-refresh", action="store_true", help="no background full build for search and sitemap")
    parser.add_argument("--check", action="store_true", help="run every content rule once, print the findings, exit")
    args = parser.parse_args(argv)
    if not args.config_file.is_file():
        print(f"error: {args.config_file} not found", file=sys.stderr)
        return 2
    if args.check:
        findings = check_everything(args.config_file.resolve())
        print(format_findings(findings))
        return 1 if findings else 0
    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit():
        print(f"error: --dev-addr must be host:port, got {args.dev_addr!r}", file=sys.stderr)
        return 2
    try:
        return serve(args.config_file.resolve(), args.dev_addr, args.page, refresh=not args.no_refresh)
    except PageNotFound as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
