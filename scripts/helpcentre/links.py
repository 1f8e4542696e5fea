"""Internal links and anchors, with line numbers (MkDocs' own validation in
the build names the file but not the line).

Links and ids come from the content model's rendering of each page (its
shortcodes filled, the site's extensions), so reference links, generated
headings (the contact page's channels) and {#ids} count exactly as on the
site."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from helpcentre.content import Document
from helpcentre.findings import Finding
from helpcentre.site import Site

CATEGORY_PAGE = re.compile(r"([a-z0-9-]+)/page-(\d+)\.md")


def is_category_page(site: Site, source: Document, rel: str) -> bool:
    """A generated listing page (account/page-2.md) that the build makes."""
    match = CATEGORY_PAGE.fullmatch(rel)
    return bool(match) and 2 <= int(match.group(2)) <= site.paging.page_count(
        site.catalogue, match.group(1), source.lang)


def check_links(site: Site, doc: Document, static_files: set[str]) -> list[Finding]:
    findings = []
    lines = doc.text.split("\n")
    used: dict[str, int] = {}

    def line_of(href: str) -> int:
        start = used.get(href, 0)
        for number in range(start, len(lines)):
            if href in lines[number]:
                used[href] = number + 1
                return number + 1
        return 1

    own_ids = site.rendered(doc).ids
    for href in site.rendered(doc).links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("{{"):
            continue
        line = line_of(href)
        path, fragment = unquote(parts.path), parts.fragment
        if path.startswith("/"):
            findings.append(Finding(doc.path, line, "LINK-ABSOLUTE",
                                    f"'{href}' is an absolute path; write it relative to this file, "
                                    f"e.g. ../contact.md"))
            continue
        if not path:
            if fragment and fragment not in own_ids:
                findings.append(Finding(doc.path, line, "LINK-ANCHOR",
                                        f"'#{fragment}' is not a heading id on this page; ids here: "
                                        f"{', '.join(sorted(own_ids)) or 'none'}"))
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(doc.rel), path))
        if not path.endswith(".md"):
            if resolved not in static_files:
                findings.append(Finding(doc.path, line, "LINK-MISSING",
                                        f"'{href}' points at {resolved}, which is not in docs/"))
            continue
        target = site.catalogue.get(resolved[: -len(".md")], doc.lang)
        if target is None and is_category_page(site, doc, resolved):
            continue
        if target is None:
            findings.append(Finding(doc.path, line, "LINK-MISSING",
                                    f"'{href}' points at {resolved[:-3]}.{doc.lang}.md, which does not exist; "
                                    "link to another page as its .md path without the language, "
                                    "e.g. ../payments/top-up.md"))
            continue
        target_ids = site.rendered(target).ids
        if fragment and fragment not in target_ids:
            findings.append(Finding(doc.path, line, "LINK-ANCHOR",
                                    f"'{href}': {target.path} has no heading id '{fragment}'; "
                                    f"it has: {', '.join(sorted(target_ids)[:12]) or 'none'}"))
    return findings


def static_files_of(docs_dir: Path) -> set[str]:
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file() and p.suffix != ".md"}
