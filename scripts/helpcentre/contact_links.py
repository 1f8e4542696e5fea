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
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from markdown.extensions.admonition import AdmonitionProcessor
from pymdownx.details import DetailsProcessor

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


# Contact details --------------------------------------------------------------

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
CONTACT_SCHEME = re.compile(r"\b(mailto|tel|sms|callto):", re.IGNORECASE)
URL = re.compile(r"(?:\bhttps?://|(?<![\w/])//(?=[\w-]+\.)|\bwww\.)([^\s/?#<>()\[\]\"'`*]+)", re.IGNORECASE)
PHONE_CANDIDATE = re.compile(r"(?<![\w.,/:+-])\+?\(?\d[\d ()./-]*\d\)?(?![\w%/:-])")
DATE_SHAPE = re.compile(r"^(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./](?:19|20)?\d{2}$"
                        r"|^(?:19|20)\d{2} ?- ?(?:19|20)\d{2}$")
# An amount or a duration: "$500-1000", "500-1000 元", "1000-5000 USD", "3-5 days".
AMOUNT_BEFORE = re.compile(r"(?:[$¥€£]|USD|CNY|RMB|HKD)\s*$", re.IGNORECASE)
UNIT_AFTER = re.compile(r"^\s*(?:元|块|美元|港元|人民币|%|USD|CNY|RMB|HKD|天|小时|分钟|秒|个|次|笔|days?|hours?|minutes?|"
                        r"seconds?|times|transactions?)", re.IGNORECASE)


def normalise(line: str) -> str:
    """Full-width digits, plus signs, brackets and spaces to ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", line)


def looks_like_phone(candidate: str) -> bool:
    text = candidate.strip()
    digits = re.sub(r"\D", "", text)
    groups = [g for g in re.split(r"[ ()./-]+", text.lstrip("+")) if g]
    if DATE_SHAPE.match(text) or not 7 <= len(digits) <= 15:
        return False
    if text.startswith("+"):
        return len(digits) >= 8
    if re.match(r"^\(\d{2,4}\)", text):
        return True
    if len(groups) == 1:
        # Mainland mobile numbers and 400/800 hotlines; other long runs of
        # digits are order or transaction numbers.
        return bool(re.fullmatch(r"1[3-9]\d{9}|[48]00\d{7}", digits))
    if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 and " " in text.strip():
        return False  # 1 000 000: a thousands-grouped amount
    if "." in text and not re.fullmatch(r"\d{3}\.\d{3}\.\d{4}", text):
        return False  # decimals and version numbers
    if len(groups) == 2 and not groups[0].startswith("0") and len(groups[1]) < 4:
        return False
    return all(len(g) >= 2 for g in groups[1:])


def is_official(host: str, domains: tuple[str, ...]) -> bool:
    host = host.lower().rstrip(".").split(":")[0]
    return any(host == d or host.endswith("." + d) for d in domains)


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
        for match in PHONE_CANDIDATE.finditer(line):
            is_quantity = AMOUNT_BEFORE.search(line[:match.start()]) or UNIT_AFTER.match(line[match.end():])
            if looks_like_phone(match.group(0)) and not is_quantity:
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
