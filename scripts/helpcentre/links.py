"""Internal links and anchors, with line numbers (MkDocs' own validation in
the build names the file but not the line).

Each page is rendered by Python-Markdown with the site's extensions after
its shortcodes are filled, so reference links, generated headings (the
contact page's channels) and {#ids} count exactly as on the site."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

import markdown

from helpcentre.contact_links import MARKDOWN_EXTENSIONS, _KeepTreeExtension
from helpcentre.content import Catalogue, Document, markdown_body
from helpcentre.findings import Finding
from helpcentre.registry import Registry
from helpcentre.render import PageContext, category_page_count, expand

CATEGORY_PAGE = re.compile(r"([a-z0-9-]+)/page-(\d+)\.md")


def new_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, "toc", _KeepTreeExtension()])


class LinkIndex:
    """Rendered pages: their links and the ids a link may point at."""

    def __init__(self, catalogue: Catalogue, registry: Registry, texts: dict[str, str]):
        self.catalogue, self.registry, self.texts = catalogue, registry, texts
        self.md = new_markdown()
        self._rendered: dict[str, tuple[list[str], set[str]]] = {}

    def rendered(self, doc: Document) -> tuple[list[str], set[str]]:
        """(hrefs and srcs in order, element ids) of one page."""
        if doc.rel not in self._rendered:
            body, first_line = markdown_body(self.texts[doc.rel], doc.front)
            expanded, _ = expand(body, PageContext(self.registry, self.catalogue, doc), first_line)
            self.md.reset()
            self.md.convert(expanded)
            tree = self.md.kept_tree
            targets = [el.get("href") or el.get("src") for el in tree.iter() if el.tag in ("a", "img")]
            ids = {el.get("id") for el in tree.iter() if el.get("id")}
            self._rendered[doc.rel] = ([t for t in targets if t], ids)
        return self._rendered[doc.rel]

    def is_category_page(self, source: Document, path: str) -> bool:
        """A generated listing page (account/page-2.md) that the build makes."""
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(source.rel), path))
        match = CATEGORY_PAGE.fullmatch(rel)
        return bool(match) and 2 <= int(match.group(2)) <= category_page_count(
            self.catalogue, match.group(1), source.lang)

    def target(self, source: Document, path: str) -> Document | None:
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(source.rel), path))
        if not rel.endswith(".md"):
            return None
        return self.catalogue.get(rel[: -len(".md")], source.lang)


def check_links(doc: Document, text: str, index: LinkIndex, static_files: set[str]) -> list[Finding]:
    findings = []
    lines = text.split("\n")
    used: dict[str, int] = {}

    def line_of(href: str) -> int:
        start = used.get(href, 0)
        for number in range(start, len(lines)):
            if href in lines[number]:
                used[href] = number + 1
                return number + 1
        return 1

    hrefs, own_ids = index.rendered(doc)
    for href in hrefs:
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
        if not path.endswith(".md"):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(doc.rel), path))
            if resolved not in static_files:
                findings.append(Finding(doc.path, line, "LINK-MISSING",
                                        f"'{href}' points at {resolved}, which is not in docs/"))
            continue
        target = index.target(doc, path)
        if target is None and index.is_category_page(doc, path):
            continue
        if target is None:
            wanted = posixpath.normpath(posixpath.join(posixpath.dirname(doc.rel), path))
            findings.append(Finding(doc.path, line, "LINK-MISSING",
                                    f"'{href}' points at {wanted[:-3]}.{doc.lang}.md, which does not exist; "
                                    "link to another page as its .md path without the language, "
                                    "e.g. ../payments/top-up.md"))
            continue
        if fragment and fragment not in index.rendered(target)[1]:
            ids = sorted(index.rendered(target)[1])
            findings.append(Finding(doc.path, line, "LINK-ANCHOR",
                                    f"'{href}': {target.path} has no heading id '{fragment}'; "
                                    f"it has: {', '.join(ids[:12]) or 'none'}"))
    return findings


def static_files_of(docs_dir) -> set[str]:
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file() and p.suffix != ".md"}


