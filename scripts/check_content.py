#!/usr/bin/env python3
"""Check the content of docs/: front matter schema, translations in both
languages, categories, the registry and shortcodes.

    python scripts/check_content.py [--docs-dir DIR]

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.content import Catalogue  # noqa: E402
from helpcentre.findings import Finding, format_findings, summary  # noqa: E402
from helpcentre.registry import Registry, load_registry  # noqa: E402
from helpcentre.render import PageContext, expand  # noqa: E402


def check_docs(docs_dir: Path, display_root: Path) -> tuple[list[Finding], int]:
    registry, findings = load_registry(docs_dir, display_root)
    catalogue = Catalogue.load(docs_dir, display_root)
    findings += catalogue.findings
    if registry is not None:
        findings += check_shortcodes(docs_dir, registry, catalogue)
    return findings, len(catalogue.documents)


def check_shortcodes(docs_dir: Path, registry: Registry, catalogue: Catalogue) -> list[Finding]:
    findings = []
    for doc in catalogue.documents:
        if doc.front.problems:
            continue
        body = (docs_dir / doc.rel).read_text(encoding="utf-8").split("\n")[doc.front.end_line:]
        _, found = expand("\n".join(body), PageContext(registry, catalogue, doc), doc.front.end_line + 1)
        findings += found
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs-dir", default="docs", type=Path, help="the docs folder (default: docs)")
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        print(f"error: {args.docs_dir} is not a folder", file=sys.stderr)
        return 2
    findings, checked = check_docs(args.docs_dir, Path.cwd())
    if findings:
        print(format_findings(findings))
    print(summary(findings, checked))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
