"""Two duties of a payments help centre, checked per Markdown file:

1. Every troubleshooting checklist reaches a human: a `checklist` admonition
   (`!!! checklist`, `??? checklist`, `???+ checklist`) must contain a link to
   the contact page with a registry channel as its fragment
   (`../contact.md#chat`). A `type: troubleshooting` article needs at least one.
2. No unofficial contact detail gets in: no phone number, email address,
   `mailto:`/`tel:` link, or link to a host outside the official domains.

Checklists are found with the block rules of Python-Markdown's admonition
and pymdownx.details processors (their own regular expressions), outside
fenced code and HTML comments; their content is then rendered by
Python-Markdown configured like the site, so reference links, nested lists,
code spans and fenced code mean exactly what they mean on the page.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import markdown
from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.admonition import AdmonitionProcessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.details import DetailsProcessor

from helpcentre.content import markdown_body, parse_front_matter
from helpcentre.findings import Finding

CHECKLIST_TYPE = "checklist"
CONTACT_PAGE = "contact.md"
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "def_list",
                       "pymdownx.details", "pymdownx.superfences"]
FENCE_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Checklist:
    line: int
    links: tuple[str, ...]  # hrefs of the links inside it, in order


@dataclass(frozen=True)
class ContactPolicy:
    channel_ids: tuple[str, ...]
    official_domains: tuple[str, ...]


# --- structure ---------------------------------------------------------------


class _KeepTree(Treeprocessor):
    """Runs after inline processing and keeps the finished element tree."""

    def run(self, root):
        self.md.kept_tree = root


class _KeepTreeExtension(markdown.Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_KeepTree(md), "keep_tree", 0)


def new_markdown() -> markdown.Markdown:
    """A Python-Markdown instance configured like the site; reuse it across
    files (it is reset per document) because building one is the slow part."""
    return markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, _KeepTreeExtension()])


def checklist_openings(lines: list[str]) -> list[int]:
    """1-based lines that open a checklist, outside fenced code and comments."""
    openings, fence, in_comment = [], None, False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if in_comment:
            in_comment = "-->" not in line
            continue
        if fence:
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        opened = FENCE_OPEN.match(line)
        if opened:
            fence = opened.group("fence")
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
            continue
        text = line.lstrip()
        admonition = AdmonitionProcessor.RE.match(text)
        details = DetailsProcessor.START.match(text)
        kind = None
        if admonition:
            kind = admonition.group(1)
        elif details:
            kind = details.group(2) or details.group(4)
        if kind and CHECKLIST_TYPE in kind.split():
            openings.append(number)
    return openings


def checklist_regions(lines: list[str], openings: list[int]) -> list[str]:
    """The text of each outermost checklist: its opening line and every line
    after it that is blank or indented under it (the admonition block rule),
    dedented to the opening's indentation."""
    regions, covered_until = [], 0
    for opening in openings:
        if opening <= covered_until:
            continue  # nested in the previous checklist, rendered with it
        indent = len(lines[opening - 1]) - len(lines[opening - 1].lstrip())
        end = opening
        while end < len(lines) and (not lines[end].strip()
                                    or len(lines[end]) - len(lines[end].lstrip()) >= indent + 4):
            end += 1
        regions.append("\n".join(line[indent:] for line in lines[opening - 1:end]))
        covered_until = end
    return regions


def find_checklists(body: str, first_line: int, md: markdown.Markdown) -> list[Checklist]:
    """Checklists with the links Python-Markdown finds in them. Only the
    checklist blocks are rendered, with the page's reference definitions, so
    reference-style links resolve as they do on the page."""
    lines = body.split("\n")
    openings = checklist_openings(lines)
    if not openings:
        return []
    references = [line for line in lines if ReferenceProcessor.RE.match(line)]
    md.reset()
    md.convert("\n\n".join([*checklist_regions(lines, openings), "\n".join(references)]))
    elements = [el for el in md.kept_tree.iter()
                if el.tag in ("div", "details") and CHECKLIST_TYPE in (el.get("class") or "").split()]
    numbers = [first_line - 1 + n for n in openings]
    numbers += [first_line] * (len(elements) - len(numbers))
    return [Checklist(number, tuple(_links(element))) for number, element in zip(numbers, elements)]


def _links(element: etree.Element) -> list[str]:
    return [a.get("href", "") for a in element.iter("a") if a.get("href")]


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


def check_markdown_file(path: str, rel: str, text: str, policy: ContactPolicy,
                        md: markdown.Markdown) -> list[Finding]:
    """All contact findings for one Markdown file; `rel` is its path below docs/."""
    front = parse_front_matter(text)
    body, first_line = markdown_body(text, front)
    checklists = find_checklists(body, first_line, md)
    article_type = front.meta.get("type") if isinstance(front.meta.get("type"), str) else None
    type_line = front.key_lines.get("type", 1)
    return (check_checklists(path, rel, checklists, article_type, type_line, policy)
            + check_contact_details(path, text.split("\n"), policy))
