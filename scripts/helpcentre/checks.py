"""Every content check of the docs tree in one call, shared by
`scripts/check_content.py` and the build's content gate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpcentre.content import Catalogue, markdown_body
from helpcentre.findings import Finding
from helpcentre.registry import Registry, load_registry
from helpcentre.render import PageContext, expand


@dataclass
class SiteCheck:
    registry: Registry | None
    catalogue: Catalogue
    findings: list[Finding]


def check_site(docs_dir: Path, display_root: Path | None = None) -> SiteCheck:
    registry, findings = load_registry(docs_dir, display_root)
    catalogue = Catalogue.load(docs_dir, display_root)
    findings += catalogue.findings
    if registry is not None:
        findings += check_shortcodes(docs_dir, registry, catalogue)
    return SiteCheck(registry, catalogue, findings)


def check_shortcodes(docs_dir: Path, registry: Registry, catalogue: Catalogue) -> list[Finding]:
    findings = []
    for doc in catalogue.documents:
        if doc.front.problems:
            continue
        body, first_line = markdown_body((docs_dir / doc.rel).read_text(encoding="utf-8"), doc.front)
        findings += expand(body, PageContext(registry, catalogue, doc), first_line)[1]
    return findings
