"""Every content rule over a loaded site, shared by the command-line checks
and the build's content gate."""

from __future__ import annotations

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
    findings = list(site.findings)
    findings += [finding for doc in site.catalogue.documents for finding in check_unsafe_html(doc.path, doc.text)]
    if site.registry is not None:
        findings += check_shortcodes(site)
        findings += check_single_sources(site)
        findings += check_styles(site)
        if full:
            findings += check_contacts(site)
            findings += check_all_links(site)
    # A converted page reports at its source's lines, like the source itself.
    return sorted(set(findings))


def parsed_documents(site: Site):
    return [doc for doc in site.catalogue.documents if not doc.front.problems]


def check_shortcodes(site: Site) -> list[Finding]:
    return [finding for doc in parsed_documents(site) for finding in site.expanded(doc)[1]]


def check_single_sources(site: Site) -> list[Finding]:
    """Brand, channel facts and policy numbers come only from their files."""
    return [finding for doc in written_documents(site)
            for finding in check_single_source(doc, site.registry, site.policy)]


def check_styles(site: Site) -> list[Finding]:
    return [finding for doc in written_documents(site)
            for finding in check_style(doc, site.languages.get(doc.lang).style, site.context(doc), site.catalogue)]


def written_documents(site: Site):
    """Pages written by hand (a converted page's text is its source's)."""
    return [doc for doc in parsed_documents(site) if doc.source is None]


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
