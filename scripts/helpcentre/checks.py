"""Every content check of the docs tree in one call, shared by
`scripts/check_content.py` and the build's content gate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpcentre.contact_links import ContactPolicy, check_markdown_file, new_markdown
from helpcentre.content import Catalogue, markdown_body
from helpcentre.findings import Finding
from helpcentre.registry import Registry, load_registry
from helpcentre.render import PageContext, expand


@dataclass
class SiteCheck:
    registry: Registry | None
    catalogue: Catalogue
    findings: list[Finding]


def check_site(docs_dir: Path, display_root: Path | None = None, contacts: bool = True) -> SiteCheck:
    """All content rules; `contacts=False` leaves out the contact-link rules,
    which scripts/check_contact_links.py reports on its own."""
    registry, findings = load_registry(docs_dir, display_root)
    catalogue = Catalogue.load(docs_dir, display_root)
    findings += catalogue.findings
    if registry is not None:
        findings += check_shortcodes(docs_dir, registry, catalogue)
        if contacts:
            findings += check_contacts(docs_dir, registry, catalogue)
    return SiteCheck(registry, catalogue, findings)


def contact_policy(registry: Registry) -> ContactPolicy:
    return ContactPolicy(tuple(registry.channel_ids), tuple(registry.official_domains))


def check_contacts(docs_dir: Path, registry: Registry, catalogue: Catalogue) -> list[Finding]:
    """The contact-link rules (scripts/check_contact_links.py) over every page."""
    md, policy = new_markdown(), contact_policy(registry)
    return [finding for doc in catalogue.documents
            for finding in check_markdown_file(doc.path, doc.rel, (docs_dir / doc.rel).read_text(encoding="utf-8"),
                                               policy, md)]


def check_shortcodes(docs_dir: Path, registry: Registry, catalogue: Catalogue) -> list[Finding]:
    findings = []
    for doc in catalogue.documents:
        if doc.front.problems:
            continue
        body, first_line = markdown_body((docs_dir / doc.rel).read_text(encoding="utf-8"), doc.front)
        findings += expand(body, PageContext(registry, catalogue, doc), first_line)[1]
    return findings
