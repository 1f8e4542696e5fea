"""What the command-line checks share: the --docs-dir argument, the registry
they need, and the report with its exit code (0 clean, 1 findings, 2 usage
or configuration error)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcentre.findings import Finding, format_findings, summary
from helpcentre.registry import Registry, load_registry


class UsageError(Exception):
    """Exit code 2, with the message on stderr."""


def parser_for(doc: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--docs-dir", default="docs", type=Path, help="the docs folder (default: docs)")
    return parser


def require_docs_dir(docs_dir: Path) -> None:
    if not docs_dir.is_dir():
        raise UsageError(f"{docs_dir} is not a folder")


def require_registry(docs_dir: Path, root: Path) -> Registry:
    registry, findings = load_registry(docs_dir, root)
    if registry is None:
        print(format_findings(findings))
        raise UsageError("the registry is invalid; fix it first")
    return registry


def report(findings: list[Finding], checked: int) -> int:
    if findings:
        print(format_findings(findings))
    print(summary(findings, checked))
    return 1 if findings else 0


def run(main) -> int:
    """Call `main()`, turning a UsageError into exit code 2."""
    try:
        return main()
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
