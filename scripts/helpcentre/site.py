"""The content model of one docs tree, shared by the build and every check:
the registry, every page read and parsed once, each page's shortcodes
expanded once and its Markdown rendered once (with the site's own
extensions) for the rules that need links, ids and checklists."""

from __future__ import annotations

import dataclasses
import html
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import jinja2
import markupsafe

from helpcentre.addresses import AddressData, load_address_data
from helpcentre.content import Catalogue, Document
from helpcentre.dates import Notice, build_now, check_schedule, check_schedules_agree, load_notices, schedule_of
from helpcentre.conversion import Converter, load_overrides
from helpcentre.findings import Finding
from helpcentre.history import last_changed
from helpcentre.languages import Languages
from helpcentre.markdown_setup import MarkdownSetup, render_tree
from helpcentre.glossary import Glossary, load_glossary
from helpcentre.policy import Policy, load_policy
from helpcentre.registry import (CONVERSION_LABELS, GLOSSARY_LABELS, INSIGHTS_LABELS, LABELS, SEARCH_ELSEWHERE_LABELS, Registry,
                                 load_registry)
from helpcentre.search_terms import SearchTerms, load_search_terms
from helpcentre.shortcodes import PageContext, Paging, expand

CHECKLIST_CLASS = "checklist"


@dataclass(frozen=True)
class Rendered:
    """What the rules need of a page as the site renders it."""

    links: tuple[str, ...]  # href of every link and src of every image, in order
    ids: frozenset[str]  # element ids: heading ids and {#ids}
    checklists: tuple[tuple[str, ...], ...]  # the links inside each checklist, in order
    checklist_steps: tuple[int, ...]  # items of each checklist's first numbered list

    @classmethod
    def of(cls, tree: etree.Element) -> "Rendered":
        checklists = [el for el in tree.iter()
                      if el.tag in ("div", "details") and CHECKLIST_CLASS in (el.get("class") or "").split()]
        links = [el.get("href") or el.get("src") for el in tree.iter() if el.tag in ("a", "img")]
        return cls(
            links=tuple(link for link in links if link),
            ids=frozenset(el.get("id") for el in tree.iter() if el.get("id")),
            checklists=tuple(tuple(a.get("href") for a in el.iter("a") if a.get("href")) for el in checklists),
            checklist_steps=tuple(_steps(el) for el in checklists),
        )


def _steps(checklist: etree.Element) -> int:
    first_list = next((child for child in checklist if child.tag == "ol"), None)
    return len([li for li in first_list if li.tag == "li"]) if first_list is not None else 0


@dataclass(eq=False)
class Site:
    docs_dir: Path
    root: Path  # paths in messages are relative to it; git history is read from it
    languages: Languages
    registry: Registry | None
    catalogue: Catalogue
    findings: list[Finding]  # of loading: registry, file names, front matter, translations
    env: jinja2.Environment
    markdown: MarkdownSetup
    paging: Paging
    _expanded: dict[str, tuple[str, list[Finding]]] = field(default_factory=dict, repr=False)
    _rendered: dict[str, Rendered] = field(default_factory=dict, repr=False)
    _converter: object = field(default=None, repr=False)
    _history: dict[Path, date] | None = field(default=None, repr=False)
    converters: dict[str, Converter] = field(default_factory=dict)
    search_terms: dict[str, SearchTerms] = field(default_factory=dict)
    policy: Policy | None = None
    glossary: Glossary | None = None
    addresses: AddressData | None = None  # None: the plugin's addresses are off
    now: datetime | None = None  # the build's "now" (dates.build_now)
    # Pages out of the site at `now`: "scheduled" (before publish_after) or
    # "expired" (after unpublish_after); still checked, never built.
    hidden: dict[Document, str] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)

    @classmethod
    def load(cls, docs_dir: Path, root: Path, languages: Languages, settings, env: jinja2.Environment,
             markdown: MarkdownSetup) -> "Site":
        """`settings`: the helpcentre plugin's configuration (registry, policy
        and glossary files, templates folder, listing page size)."""
        converters, findings = load_converters(docs_dir, root, languages)
        search_terms, terms_findings = load_all_search_terms(docs_dir, root, languages)
        findings += terms_findings
        written = tuple(lang.code for lang in languages if lang.code not in converters)
        policy, policy_findings = load_policy(docs_dir / settings.policy, written, root)
        glossary, glossary_findings = load_glossary(docs_dir / settings.glossary, written, root)
        labels = LABELS + (CONVERSION_LABELS if converters else ()) + (GLOSSARY_LABELS if glossary else ()) + \
            (SEARCH_ELSEWHERE_LABELS if any(lang.script for lang in languages) else ()) + \
            (INSIGHTS_LABELS if settings.insights.enabled else ())
        registry, registry_findings = load_registry(docs_dir / settings.registry, written, root, labels)
        for data in (registry, policy, glossary):
            if data is not None:
                data.converters = converters
        catalogue = Catalogue.load(docs_dir, languages, settings.templates_dir, root, converters)
        now = build_now()
        hidden = {doc: state for doc in catalogue.documents if (state := schedule_of(doc).state(now)) != "live"}
        findings += [finding for doc in catalogue.documents if doc.source is None and not doc.front.problems
                     for finding in check_schedule(doc)]
        findings += check_schedules_agree(catalogue.documents, languages.default.code)
        categories = {doc.category for doc in catalogue.documents if doc.kind == "category"}
        notices, notice_findings = load_notices(docs_dir / settings.notices, root, written, categories)
        findings += notice_findings
        catalogue = catalogue.without(hidden) if hidden else catalogue
        addresses = load_address_data(docs_dir, root, settings.addresses.redirects, root / settings.addresses.published,
                                      settings.addresses.imported) if settings.addresses.enabled else None
        return cls(docs_dir, root, languages, registry, catalogue,
                   findings + policy_findings + glossary_findings + registry_findings + catalogue.findings,
                   escaping(env), markdown, Paging(settings.category_page_size), converters=converters,
                   search_terms=search_terms, policy=policy, glossary=glossary, addresses=addresses, now=now,
                   hidden=hidden, notices=notices)

    def updated(self, changed: set[str], templates_dir: str = "templates") -> "Site":
        """The content model after the Markdown files at `changed` (relative
        to docs_dir) were edited, created or removed, for the writers'
        preview: only those files are read again; the registry and the other
        data files are kept (a change to them starts the preview afresh).
        What was expanded or rendered for the other pages is kept, except the
        listing pages (categories, the home page), which show other pages."""
        catalogue = self.catalogue.updated(self.docs_dir, self.languages, changed, templates_dir, self.root,
                                           self.converters)
        kept = {doc.rel for doc in catalogue.documents if doc.kind == "article"
                and self.catalogue.by_rel(doc.rel) is doc}
        stale = set(self.catalogue.findings)
        return dataclasses.replace(
            self, catalogue=catalogue,
            findings=[f for f in self.findings if f not in stale] + catalogue.findings,
            _expanded={rel: value for rel, value in self._expanded.items() if rel in kept},
            _rendered={rel: value for rel, value in self._rendered.items() if rel in kept})

    @property
    def expired(self) -> list[Document]:
        return [doc for doc, state in self.hidden.items() if state == "expired"]

    def is_hidden(self, src_uri: str, lang: str) -> bool:
        """Whether a MkDocs file is a page out of the site now (see `document`)."""
        stem = src_uri[: -len(f".{lang}.md")] if src_uri.endswith(f".{lang}.md") else src_uri[: -len(".md")]
        return any(doc.stem == stem and doc.lang == lang for doc in self.hidden)

    def notices_for(self, doc: Document) -> list[str]:
        """The texts of the notices showing now on `doc`, in its language."""
        showing = [notice for notice in self.notices if notice.shows(self.now, doc.category)]
        converter = self.converters.get(doc.lang)
        return [notice.text[doc.lang] if doc.lang in notice.text else converter.plain(notice.text[converter.source])
                for notice in showing if doc.lang in notice.text or converter]

    def context(self, doc: Document, page_url: str | None = None) -> PageContext:
        return PageContext(self, doc, self.languages.prefix(doc.lang) + doc.url_path if page_url is None else page_url)

    def expanded(self, doc: Document) -> tuple[str, list[Finding]]:
        """The page's Markdown with its shortcodes filled, and their findings."""
        if doc.rel not in self._expanded:
            self._expanded[doc.rel] = expand(self.context(doc), doc.body) if self.registry else (doc.body, [])
        return self._expanded[doc.rel]

    def rendered(self, doc: Document) -> Rendered:
        if doc.rel not in self._rendered:
            if self._converter is None:
                self._converter = self.markdown.new()
            self._rendered[doc.rel] = Rendered.of(render_tree(self._converter, self.expanded(doc)[0]))
        return self._rendered[doc.rel]

    def document(self, src_uri: str, lang: str) -> Document | None:
        """The page a MkDocs file comes from: account/x.en.md, or account/x.md
        as mkdocs-static-i18n names a page of the language being built."""
        if src_uri.endswith(f".{lang}.md"):
            return self.catalogue.get(src_uri[: -len(f".{lang}.md")], lang)
        return self.catalogue.get(src_uri[: -len(".md")], lang) if src_uri.endswith(".md") else None

    def last_changed(self, doc: Document) -> date | None:
        """Front matter `updated:` wins; else the file's last commit (a converted
        page's source's); else unknown."""
        doc = doc.source or doc
        if isinstance(doc.meta.get("updated"), date):
            return doc.meta["updated"]
        if self._history is None:
            try:
                folder = self.docs_dir.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                folder = self.docs_dir.as_posix()
            self._history = last_changed(self.root, folder)
        return self._history.get((self.root / doc.path).resolve())


def escaping(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment for the block shortcodes' Markdown templates,
    with every value escaped as it is written out (<, > and &; quotes stay,
    so the search index reads the text as written): a registry or glossary
    text can never add markup to a page. What a template marks safe (a
    partial's own | e output) is written as it is."""
    def finalize(value):
        if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
            return markupsafe.Markup(html.escape(value, quote=False))
        return value
    return env.overlay(finalize=finalize)


def load_converters(docs_dir: Path, root: Path, languages: Languages) -> tuple[dict[str, Converter], list[Finding]]:
    converters, findings = {}, []
    for lang in languages.converted:
        overrides = []
        if lang.conversion_overrides:
            overrides, problems = load_overrides(docs_dir / lang.conversion_overrides, root)
            findings += problems
        converters[lang.code] = Converter(lang.convert_from, lang.opencc, overrides)
    return converters, findings


def load_all_search_terms(docs_dir: Path, root: Path, languages: Languages,
                          ) -> tuple[dict[str, SearchTerms], list[Finding]]:
    terms, findings = {}, []
    for lang in languages:
        if lang.search_terms:
            terms[lang.code], problems = load_search_terms(docs_dir / lang.search_terms, root)
            findings += problems
    return terms, findings
