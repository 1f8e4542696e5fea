"""Every content rule over a loaded site, shared by the command-line checks
and the build's content gate."""

from __future__ import annotations

from helpcentre.addresses import check_addresses
from helpcentre.contact_links import ContactPolicy, check_document
from helpcentre.findings import Finding
from helpcentre.links import check_links, static_files_of
from helpcentre.safety import check_unsafe_html
from helpcentre.single_source import check_single_source
from helpcentre.site import Site
from helpcentre.style import check_style


def check_site(site: Site, full: bool = True) -> list[Finding]:
    """All content rules. `full=False` leaves out the contact-link and the
    link rules, which scripts/check_contact_links.py and check_links.py
    report on their own; the build's gate runs everything."""
    static = static_files_of(site.docs_dir) if full else frozenset()
    findings = list(site.findings)
    if site.addresses is not None:
        findings += check_addresses(site.catalogue, site.languages, site.addresses, site.hidden)
    # Pages out of the site now (scheduled, taken down) are checked all the same.
    for doc in site.catalogue.documents + list(site.hidden):
        findings += page_findings(site, doc, full, static)
    # A converted page reports at its source's lines, like the source itself.
    return sorted(set(findings))


def check_pages(site: Site, documents, full: bool = True) -> list[Finding]:
    """Every rule for some pages only, with what loading found in their files
    (the writers' preview, after a save)."""
    static = static_files_of(site.docs_dir) if full else frozenset()
    paths = {doc.path for doc in documents}
    findings = [finding for finding in site.findings if finding.path in paths]
    for doc in documents:
        findings += page_findings(site, doc, full, static)
    return sorted(set(findings))


def page_findings(site: Site, doc, full: bool, static) -> list[Finding]:
    findings = check_unsafe_html(doc.path, doc.text)
    if site.registry is None:
        return findings
    parsed = not doc.front.problems
    if parsed:
        findings += site.expanded(doc)[1]
    if parsed and doc.source is None:  # a converted page's text is its source's
        findings += check_single_source(doc, site.registry, site.policy)
        findings += check_style(doc, site.languages.get(doc.lang).style, site.context(doc), site.catalogue)
    if full:
        findings += check_document(doc, lambda: site.rendered(doc), contact_policy(site))
        if parsed:
            findings += check_links(site, doc, static)
    return findings


def parsed_documents(site: Site):
    return [doc for doc in site.catalogue.documents if not doc.front.problems]


def contact_policy(site: Site) -> ContactPolicy:
    return ContactPolicy(tuple(site.registry.channel_ids), tuple(site.registry.official_domains))


def check_contacts(site: Site, documents=None) -> list[Finding]:
    """The contact-link rules (scripts/check_contact_links.py) over every page, or over `documents`."""
    policy = contact_policy(site)
    # A converted page reports at its source's lines: the same finding once.
    return sorted({finding for doc in (site.catalogue.documents if documents is None else documents)
                   for finding in check_document(doc, lambda doc=doc: site.rendered(doc), policy)})


def check_all_links(site: Site) -> list[Finding]:
    static = static_files_of(site.docs_dir)
    return [finding for doc in parsed_documents(site) for finding in check_links(site, doc, static)]
