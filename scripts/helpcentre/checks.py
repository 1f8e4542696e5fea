"""Every content check of the docs tree in one call, shared by
`scripts/check_content.py` and the build's content gate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpcentre.contact_links import ContactPolicy, check_markdown_file, new_markdown
from helpcentre.content import Catalogue, markdown_body
from helpcentre.findings import Finding
from helpcentre.links import LinkIndex, check_links, static_files_of
from helpcentre.registry import Registry, load_registry
from helpcentre.safety import check_unsafe_html
from helpcentre.render import PageContext, expand


@dataclass
class SiteCheck:
    registry: Registry | None
    catalogue: Catalogue
    findings: list[Finding]


def check_site(docs_dir: Path, display_root: Path | None = None, full: bool = True) -> SiteCheck:
    """All content rules. `full=False` leaves out the contact-link and the
    link rules, which scripts/check_contact_links.py and check_links.py
    report on their own; the build's gate runs everything."""
    registry, findings = load_registry(docs_dir, display_root)
    catalogue = Catalogue.load(docs_dir, display_root)
    findings += catalogue.findings
    findings += [finding for doc in catalogue.documents
                 for finding in check_unsafe_html(doc.path, (docs_dir / doc.rel).read_text(encoding="utf-8"))]
    if registry is not None:
        findings += check_shortcodes(docs_dir, registry, catalogue)
        if full:
            findings += check_contacts(docs_dir, registry, catalogue)
            findings += check_all_links(docs_dir, registry, catalogue)
    return SiteCheck(registry, catalogue, findings)


def check_all_links(docs_dir: Path, registry: Registry, catalogue: Catalogue) -> list[Finding]:
    documents = [doc for doc in catalogue.documents if not doc.front.problems]
    texts = {doc.rel: (docs_dir / doc.rel).read_text(encoding="utf-8") for doc in documents}
    index, static = LinkIndex(catalogue, registry, texts), static_files_of(docs_dir)
    return [finding for doc in documents for finding in check_links(doc, texts[doc.rel], index, static)]


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
