"""Answers machines can quote: per language, an llms.txt that follows
llmstxt.org (an H1 with the site's name, a blockquote summary, a paragraph
on the official contact channels, then an H2 per category with one line per
article: `- [title](url): description`), and a Markdown twin of every page
(the spec's `index.html.md`) with its shortcodes expanded from the registry
and the policy file and its links made absolute.

AI assistants and search answers have shown people fake support numbers;
these files carry only what the site says, and `check_machine_text` proves
that every phone number, email address and URL in them comes from the
registry or the site before anything is published. Only live pages are
listed (the content model leaves scheduled and taken-down pages out).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from helpcentre.contact_details import EMAIL, URL, is_official, phone_digits, phone_numbers
from helpcentre.content import Document, page_path
from helpcentre.findings import Finding

TWIN = "index.html.md"
MARKDOWN_LINK = re.compile(r"(\]\()([^)\s]+?\.md)(#[^)\s]*)?(\))")
COMMENT = re.compile(r"<!--.*?-->\s*", re.S)


@dataclass(frozen=True)
class MachineFile:
    path: str  # below the site folder: en/llms.txt, en/account/register/index.html.md
    text: str


def absolute(site_url: str, prefix: str, url_path: str) -> str:
    return f"{site_url.rstrip('/')}/{prefix}{url_path}"


def twin_path(prefix: str, doc: Document) -> str:
    return f"{prefix}{doc.url_path}{TWIN}"


def llms_txt(site, lang: str, site_url: str) -> MachineFile:
    """The llms.txt of one language, from the live content model."""
    catalogue, registry = site.catalogue, site.registry
    prefix = site.languages.prefix(lang)
    home = catalogue.get("index", lang)
    contact = catalogue.get("contact", lang)
    lines = [f"# {registry.text('site_name', lang)}", ""]
    if home is not None:
        lines += [f"> {home.meta.get('description', '')}", ""]
    notice = registry.text("official_notice.text", lang)
    if contact is not None:
        lines += [f"{notice} [{contact.meta.get('title', '')}]({absolute(site_url, prefix, twin_path('', contact))})", ""]
    for category in catalogue.categories(lang):
        articles = catalogue.articles(category.category, lang)
        if not articles:
            continue
        lines += [f"## {category.meta.get('title', category.category)}", ""]
        lines += [f"- [{doc.meta.get('title', '')}]({absolute(site_url, prefix, twin_path('', doc))}): "
                  f"{doc.meta.get('description', '')}" for doc in articles]
        lines.append("")
    return MachineFile(f"{prefix}llms.txt", "\n".join(lines))


def markdown_twin(site, doc: Document, site_url: str) -> MachineFile:
    """The page as Markdown: title, description, and its text with shortcodes
    filled and links to other pages made absolute."""
    prefix = site.languages.prefix(doc.lang)
    body = COMMENT.sub("", site.expanded(doc)[0])
    folder = posixpath.dirname(doc.rel_without_lang())

    def link(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(folder, match.group(2)))
        return f"{match.group(1)}{absolute(site_url, prefix, page_path(target))}{match.group(3) or ''}{match.group(4)}"

    text = f"# {doc.meta.get('title', '')}\n\n> {doc.meta.get('description', '')}\n\n{MARKDOWN_LINK.sub(link, body)}"
    return MachineFile(twin_path(prefix, doc), text.rstrip() + "\n")


def machine_files(site, site_url: str) -> list[MachineFile]:
    files = [llms_txt(site, lang.code, site_url) for lang in site.languages]
    return files + [markdown_twin(site, doc, site_url) for doc in site.catalogue.documents]


# --- the proof ------------------------------------------------------------------


def registry_strings(data) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in registry_strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in registry_strings(value)]
    return [str(data)] if isinstance(data, (str, int)) else []


def check_machine_text(files: list[MachineFile], registry, site_url: str) -> list[Finding]:
    """Every email address and phone number in `files` is one the registry
    holds; every URL is on the site or an official domain. `path:line` of
    each that is not."""
    known = registry_strings(registry.data)
    emails = {match.group(0).casefold() for text in known for match in EMAIL.finditer(text)}
    phones = phone_digits(known)
    hosts = tuple(registry.official_domains) + tuple(filter(None, [URL.match(site_url).group(1) if URL.match(site_url)
                                                                   else None]))
    findings = []
    for file in files:
        for number, line in enumerate(file.text.splitlines(), 1):
            for match in EMAIL.finditer(line):
                if match.group(0).casefold() not in emails:
                    findings.append(Finding(file.path, number, "MACHINE-EMAIL",
                                            f"'{match.group(0)}' is no address in the registry"))
            for match in URL.finditer(line):
                if not is_official(match.group(1), hosts):
                    findings.append(Finding(file.path, number, "MACHINE-URL",
                                            f"'{match.group(1)}' is neither this site nor an official domain"))
            for match in phone_numbers(URL.sub(" ", line)):
                if phone_digits([match.group(0)]) - phones:
                    findings.append(Finding(file.path, number, "MACHINE-PHONE",
                                            f"'{match.group(0).strip()}' is no number in the registry"))
    return findings
