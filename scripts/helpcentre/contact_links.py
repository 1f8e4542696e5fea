"""Two duties of a payments help centre, checked per Markdown file:

1. Every troubleshooting checklist reaches a human: a `checklist` admonition
   (`!!! checklist`, `??? checklist`, `???+ checklist`) must contain a link to
   the contact page with a registry channel as its fragment
   (`../contact.md#chat`). A `type: troubleshooting` article needs at least one.
2. No unofficial contact detail gets in: no phone number, email address,
   `mailto:`/`tel:` link, or link to a host outside the official domains.

Checklists are read from the page as the site renders it (the content
model's one rendering with the site's extensions), so reference links,
nested lists, code spans and fenced code mean exactly what they mean on the
page; the line of each is found with the block rules of Python-Markdown's
admonition and pymdownx.details processors, outside fenced code and HTML
comments.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from markdown.extensions.admonition import AdmonitionProcessor
from pymdownx.details import DetailsProcessor

from helpcentre.contact_details import CONTACT_SCHEME, EMAIL, URL, is_official, normalise, phone_numbers
from helpcentre.content import Document
from helpcentre.findings import Finding
from helpcentre.lines import prose_lines
from helpcentre.site import CHECKLIST_CLASS as CHECKLIST_TYPE, Rendered

CONTACT_PAGE = "contact.md"


@dataclass(frozen=True)
class Checklist:
    line: int
    links: tuple[str, ...]  # hrefs of the links inside it, in order


@dataclass(frozen=True)
class ContactPolicy:
    channel_ids: tuple[str, ...]
    official_domains: tuple[str, ...]


# --- structure ---------------------------------------------------------------


def checklist_openings(lines: list[str], first_line: int = 1) -> list[int]:
    """File lines that open a checklist, outside fenced code and comments."""
    openings = []
    for line in prose_lines(lines, first_line):
        text = line.text.lstrip()
        admonition = AdmonitionProcessor.RE.match(text)
        details = DetailsProcessor.START.match(text)
        kind = None
        if admonition:
            kind = admonition.group(1)
        elif details:
            kind = details.group(2) or details.group(4)
        if kind and CHECKLIST_TYPE in kind.split():
            openings.append(line.number)
    return openings


def find_checklists(doc: Document, rendered: Callable[[], Rendered]) -> list[Checklist]:
    """Each checklist of the rendered page with its links, numbered by the
    line that opens it in the source. A page with no checklist in its source
    is not rendered for this."""
    numbers = checklist_openings(doc.body.split("\n"), doc.first_line)
    if not numbers:
        return []
    checklists = rendered().checklists
    numbers += [doc.first_line] * (len(checklists) - len(numbers))
    return [Checklist(number, links) for number, links in zip(numbers, checklists)]


# --- checks --------------------------------------------------------------------


def contact_channel(href: str, article_rel: str, policy: ContactPolicy) -> tuple[str | None, str]:
    """(channel id, '') when href reaches a contact channel from the article,
    else (None, why not)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, f"'{href}' leaves the help centre"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(article_rel), unquote(parts.path)))
    if posixpath.basename(parts.path) == CONTACT_PAGE and target != CONTACT_PAGE:
        return None, f"'{href}' does not resolve to the contact page from here (it points at {target})"
    if target != CONTACT_PAGE:
        return None, ""
    if not parts.fragment:
        return None, f"'{href}' has no channel: add #{policy.channel_ids[0]} or another channel id"
    if parts.fragment not in policy.channel_ids:
        return None, f"'{href}' names an unknown channel '#{parts.fragment}'"
    return parts.fragment, ""


def check_checklists(path: str, article_rel: str, checklists: list[Checklist],
                     article_type: str | None, type_line: int, policy: ContactPolicy) -> list[Finding]:
    findings = []
    correct = "../" * article_rel.count("/") + CONTACT_PAGE
    if article_type == "troubleshooting" and not checklists:
        findings.append(Finding(path, type_line, "CHECKLIST-MISSING",
                                "a troubleshooting article needs a checklist: add '!!! checklist \"...\"' "
                                f"with numbered steps ending in a contact link such as [live chat]({correct}#chat)"))
    for checklist in checklists:
        reasons = []
        for href in checklist.links:
            channel, why = contact_channel(href, article_rel, policy)
            if channel:
                break
            if why:
                reasons.append(why)
        else:
            detail = f" ({'; '.join(reasons)})" if reasons else ""
            findings.append(Finding(path, checklist.line, "CHECKLIST-NO-CONTACT",
                                    "this checklist does not lead to a person: end it with a step that links "
                                    f"to a channel, e.g. [live chat]({correct}#chat); channels: "
                                    f"{', '.join('#' + c for c in policy.channel_ids)}{detail}"))
    return findings


def check_contact_details(path: str, lines: list[str], policy: ContactPolicy) -> list[Finding]:
    findings = []
    for number, raw in enumerate(lines, start=1):
        line = normalise(raw)
        for match in CONTACT_SCHEME.finditer(line):
            findings.append(Finding(path, number, "CONTACT-LINK",
                                    f"'{match.group(0)}' link: contact details come only from the registry; "
                                    "link to the contact page instead, e.g. ../contact.md#phone"))
        for match in EMAIL.finditer(line):
            findings.append(Finding(path, number, "CONTACT-EMAIL",
                                    f"email address '{match.group(0)}': write [email support](../contact.md#email) "
                                    "instead; addresses live in docs/registry.yml"))
        for match in URL.finditer(line):
            host = match.group(1)
            if not is_official(host, policy.official_domains):
                findings.append(Finding(path, number, "CONTACT-HOST",
                                        f"link to '{host}', which is not an official domain "
                                        f"({', '.join(policy.official_domains)}); remove it or add the domain "
                                        "to official_domains in docs/registry.yml after review"))
        for match in phone_numbers(line):
            findings.append(Finding(path, number, "CONTACT-PHONE",
                                    f"phone number '{match.group(0).strip()}': link to "
                                    "[the phone hotline](../contact.md#phone) instead; numbers live in "
                                    "docs/registry.yml"))
    return findings


# --- one file ------------------------------------------------------------------


def check_document(doc: Document, rendered: Callable[[], Rendered], policy: ContactPolicy) -> list[Finding]:
    """All contact findings for one page; `rendered` gives the page as the site renders it."""
    article_type = doc.meta.get("type") if isinstance(doc.meta.get("type"), str) else None
    return (check_checklists(doc.path, doc.rel, find_checklists(doc, rendered), article_type,
                             doc.front.key_lines.get("type", 1), policy)
            + check_contact_details(doc.path, doc.text.split("\n"), policy))
