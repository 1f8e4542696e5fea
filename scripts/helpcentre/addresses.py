"""Every address the help centre answers at, and the promise that none of
them dies once published:

- an article's permanent `id` (front matter): `a/<id>/` below each
  language's root opens it (`/a/12/`, `/en/a/12/`);
- its `error_codes`: `e/<code>/` opens the article for that code;
- the redirects writers add when they rename or remove a page
  (`redirects.yml` below docs_dir: old path: new path, below each
  language's root, for every language);
- the published list (`published-urls.txt` beside mkdocs.yml): every URL a
  deploy has published, one per line, recorded by the deploy workflow
  (scripts/published_urls.py --record). A URL on it that is neither a page
  nor a redirect any more is a finding, so the build fails before anything
  is published.

Each short link, error-code link and redirect is written as a small HTML
page that any static host serves (partials/hc-redirect.html), and as real
301 redirects in `_redirects` (Netlify, Cloudflare Pages) and
`nginx-redirects.conf`. mkdocs-redirects is not used: it does not know
mkdocs-static-i18n's suffix layout (mkdocs/mkdocs-redirects#33, #63: the
redirect goes to `page.en/` and exists for the default language only).

Everything here is pure: functions take the content model and return
records and findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpcentre.content import Catalogue, Document, load_yaml_file, read_text_file
from helpcentre.findings import Finding, display_path
from helpcentre.languages import Languages

SHORT_LINK = "a/{}/"
ERROR_LINK = "e/{}/"
ERROR_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
# A path below a language's root, as a reader sees it in the address bar.
PAGE_PATH = re.compile(r"^(?:[a-z0-9][a-z0-9._-]*/)+$")
PUBLISHED_HEADER = """\
# Every URL this help centre has published, one per line: a page, or a
# short link, error-code link or redirect and the page it leads to.
# The deploy workflow adds new ones (scripts/published_urls.py --record);
# the build fails when one is gone without a redirect (docs/redirects.yml).
"""


@dataclass(frozen=True)
class Redirect:
    """`source` leads to `target`; both are paths below the site root with
    the language prefix (en/a/12/ -> en/account/register/)."""

    source: str
    target: str
    title: str  # the page it leads to
    lang: str


@dataclass(frozen=True)
class Declared:
    """One line of redirects.yml: old -> new below each language's root."""

    old: str
    new: str
    path: str
    line: int


@dataclass(frozen=True)
class Published:
    """One line of the published list: a URL below the site root (with its
    language prefix, no leading slash) and, for a redirect, where it led."""

    url: str
    target: str | None
    path: str
    line: int


@dataclass(frozen=True)
class Imported:
    """An address of a help centre this one was imported from (written by
    scripts/import_help_centre.py): /hc/en-us/articles/360001001 -> a page."""

    old: str  # a path from the site root, without its trailing slash
    lang: str
    stem: str
    path: str
    line: int


@dataclass
class AddressData:
    """What the content model reads for addresses: the writers' redirects,
    the imported addresses and the published list, with their findings."""

    declared: list[Declared]
    published: list[Published]
    published_path: str
    redirects_path: str
    findings: list[Finding]
    imported: list[Imported] = field(default_factory=list)


# --- reading ----------------------------------------------------------------------


def load_address_data(docs_dir: Path, root: Path, redirects_file: str, published_file: Path,
                      imported_file: str = "imported-addresses.yml") -> AddressData:
    redirects_display = display_path(docs_dir / redirects_file, root)
    published_display = display_path(published_file, root)
    declared, findings = load_redirects(docs_dir / redirects_file, redirects_display)
    published, problems = load_published(published_file, published_display)
    imported, imported_problems = load_imported(docs_dir / imported_file, display_path(docs_dir / imported_file, root))
    return AddressData(declared, published, published_display, redirects_display,
                       findings + problems + imported_problems, imported)


def load_imported(path: Path, display: str) -> tuple[list[Imported], list[Finding]]:
    """imported-addresses.yml: old path: "<lang>:<category>/<slug>". No file: none."""
    if not path.is_file():
        return [], []
    node, data, findings = load_yaml_file(path, display, "IMPORTED-YAML")
    if findings or data is None:
        return [], findings
    if not isinstance(node, yaml.MappingNode):
        return [], [Finding(display, 1, "IMPORTED-YAML", "write one address per line as /old/path: lang:category/slug")]
    found = []
    for key_node, value_node in node.value:
        line, old, target = 1 + key_node.start_mark.line, key_node.value, getattr(value_node, "value", None)
        lang, _, stem = str(target).partition(":")
        if not (isinstance(old, str) and old.startswith("/") and lang and stem):
            findings.append(Finding(display, line, "IMPORTED-YAML", "write /old/path: lang:category/slug"))
            continue
        found.append(Imported(old.rstrip("/"), lang, stem, display, line))
    return found, findings


def load_redirects(path: Path, display: str) -> tuple[list[Declared], list[Finding]]:
    """redirects.yml: a mapping of old path to new path. No file: none."""
    if not path.is_file():
        return [], []
    node, data, findings = load_yaml_file(path, display, "REDIRECTS-YAML")
    if findings:
        return [], findings
    if data is None:
        return [], []
    if not isinstance(node, yaml.MappingNode):
        return [], [Finding(display, 1, "REDIRECTS-YAML", "write one redirect per line as old/path/: new/path/")]
    declared = []
    for key_node, value_node in node.value:
        line = 1 + key_node.start_mark.line
        old, new = key_node.value, value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        problem = next((f"'{value}' is not a path below the language's root: write it as the address shows it "
                        f"after the language, with a slash at the end (account/register/)"
                        for value in (old, new) if not isinstance(value, str) or not PAGE_PATH.match(value)), None)
        if problem:
            findings.append(Finding(display, line, "REDIRECT-PATH", problem))
        else:
            declared.append(Declared(old, new, display, line))
    return declared, findings


def load_published(path: Path, display: str) -> tuple[list[Published], list[Finding]]:
    """The published list. No file: nothing is published yet."""
    if not path.is_file():
        return [], []
    text, problem = read_text_file(path, display)
    if problem is not None:
        return [], [problem]
    published, findings = [], []
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) > 2 or not all(field.startswith("/") and field.endswith("/") for field in fields):
            findings.append(Finding(display, number, "PUBLISHED-LINE",
                                    "each line is a URL path such as /en/account/register/, optionally followed "
                                    "by the page it redirects to; run scripts/published_urls.py --record to rewrite it"))
            continue
        published.append(Published(fields[0][1:], fields[1][1:] if len(fields) == 2 else None, display, number))
    return published, findings


# --- the addresses of a site ----------------------------------------------------


def article_id(doc: Document) -> int | None:
    value = doc.meta.get("id")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def error_codes(doc: Document) -> list[str]:
    codes = doc.meta.get("error_codes") or []
    return [str(code) for code in codes] if isinstance(codes, list) else []


def page_urls(catalogue: Catalogue, languages: Languages) -> dict[str, Document]:
    """Every page's URL below the site root (with its language prefix)."""
    return {languages.prefix(doc.lang) + doc.url_path: doc for doc in catalogue.documents}


def redirects(catalogue: Catalogue, languages: Languages, declared: list[Declared],
              expired: list[Document] = (), imported: list[Imported] = ()) -> list[Redirect]:
    """Every short link, error-code link and writers' redirect of every
    language, each to the page it ends at (chains followed; an unresolved
    one is left out, and reported by check_addresses), and the addresses of
    pages taken down (`expired`: after their unpublish_after) to their category."""
    pages = page_urls(catalogue, languages)
    found = []
    for doc in expired:
        category = catalogue.get(f"{doc.category}/index", doc.lang)
        if doc.kind != "article" or category is None:
            continue
        prefix, target = languages.prefix(doc.lang), languages.prefix(doc.lang) + category.url_path
        title = str(category.meta.get("title", ""))
        sources = [doc.url_path] + ([SHORT_LINK.format(article_id(doc))] if article_id(doc) else []) + \
            [ERROR_LINK.format(code) for code in error_codes(doc)]
        found += [Redirect(prefix + source, target, title, doc.lang) for source in sources]
    for doc in sorted(catalogue.documents, key=lambda d: (d.lang, d.stem)):
        if doc.kind != "article":
            continue
        prefix, target = languages.prefix(doc.lang), languages.prefix(doc.lang) + doc.url_path
        title = str(doc.meta.get("title", ""))
        if article_id(doc) is not None:
            found.append(Redirect(prefix + SHORT_LINK.format(article_id(doc)), target, title, doc.lang))
        found += [Redirect(prefix + ERROR_LINK.format(code), target, title, doc.lang) for code in error_codes(doc)]
    for entry in imported:
        page = catalogue.get(entry.stem, entry.lang)
        if page is not None:
            found.append(Redirect(entry.old.lstrip("/") + "/", languages.prefix(entry.lang) + page.url_path,
                                  str(page.meta.get("title", "")), entry.lang))
    moves = {entry.old: entry.new for entry in declared}
    for lang in languages:
        for entry in declared:
            end = follow(entry.old, moves)
            page = pages.get(lang.prefix + end) if end is not None else None
            if page is not None and lang.prefix + entry.old not in pages:
                found.append(Redirect(lang.prefix + entry.old, lang.prefix + end, str(page.meta.get("title", "")),
                                      lang.code))
    return found


def follow(path: str, moves: dict[str, str]) -> str | None:
    """Where `path` ends after the redirects in `moves`; None for a loop."""
    seen = set()
    while path in moves:
        if path in seen:
            return None
        seen.add(path)
        path = moves[path]
    return path


def published_list(catalogue: Catalogue, languages: Languages, declared: list[Declared],
                   before: list[Published], expired: list[Document] = (), imported: list[Imported] = ()) -> str:
    """The published list after a deploy of this content: what was on it,
    and every page and redirect the site answers at now."""
    entries = {entry.url: entry.target for entry in before}
    for url in page_urls(catalogue, languages):
        entries.setdefault(url, None)
    for redirect in redirects(catalogue, languages, declared, expired, imported):
        entries[redirect.source] = redirect.target
    lines = [f"/{url}" + (f" /{target}" if target else "") for url, target in sorted(entries.items())]
    return PUBLISHED_HEADER + "\n".join(lines) + "\n"


# --- what static hosts read -------------------------------------------------------


def redirects_file(found: list[Redirect], root: str) -> str:
    """site/_redirects (Netlify, Cloudflare Pages): one 301 per line."""
    return "".join(f"{root}{redirect.source} {root}{redirect.target} 301\n" for redirect in found)


def nginx_redirects(found: list[Redirect], root: str) -> str:
    """site/nginx-redirects.conf, to `include` in the server block; each
    address with and without its trailing slash (apps and old help centres
    link both ways)."""
    return "".join(f"location = {root}{source} {{ return 301 {root}{redirect.target}; }}\n"
                   for redirect in found for source in (redirect.source, redirect.source.rstrip("/")))


def old_address_lookup(found: list[Redirect], imported: list[Imported], root: str) -> dict[str, str]:
    """{old path, lower case, no trailing slash: new URL} of the imported
    addresses, for the 404 page on hosts without redirects (not-found.js)."""
    olds = {entry.old.lstrip("/").lower() + "/" for entry in imported}
    return {f"{root}{r.source.rstrip('/')}".lower(): f"{root}{r.target}" for r in found if r.source.lower() in olds}


# --- the rules --------------------------------------------------------------------


def check_addresses(catalogue: Catalogue, languages: Languages, data: AddressData,
                    hidden: dict[Document, str] | None = None) -> list[Finding]:
    """`hidden`: pages out of the site now (dates.py), whose ids and codes
    still count; the expired ones' addresses lead to their category."""
    hidden = hidden or {}
    everything = Catalogue(catalogue.documents + list(hidden), [])
    expired = [doc for doc, state in hidden.items() if state == "expired"]
    findings = list(data.findings)
    findings += check_ids(everything, languages, data)
    findings += check_error_codes(everything)
    findings += check_redirects(catalogue, languages, data)
    findings += check_published(catalogue, languages, data, expired)
    findings += check_imported(catalogue, languages, data)
    return findings


def written_articles(catalogue: Catalogue) -> list[Document]:
    return [doc for doc in catalogue.documents if doc.kind == "article" and doc.source is None
            and not doc.front.problems]


def check_ids(catalogue: Catalogue, languages: Languages, data: AddressData) -> list[Finding]:
    findings, owners = [], {}
    for doc in written_articles(catalogue):
        value = doc.meta.get("id")
        if "id" not in doc.meta:
            findings.append(Finding(doc.path, doc.front.end_line, "ID-MISSING",
                                    "the article has no 'id:'; give it the next free number (python "
                                    "scripts/new_article.py assigns one) and never change it"))
        elif article_id(doc) is None:
            findings.append(Finding(doc.path, doc.line_of("id"), "ID-INVALID",
                                    f"'id' must be a whole number of 1 or more (got {value!r})"))
        else:
            owners.setdefault(value, {}).setdefault(doc.stem, []).append(doc)
    for value, stems in sorted(owners.items()):
        if len(stems) > 1:
            first, *others = sorted(stems)
            for stem in others:
                for doc in stems[stem]:
                    findings.append(Finding(doc.path, doc.line_of("id"), "ID-DUPLICATE",
                                            f"id {value} is also {first}'s: ids are unique; give this article the "
                                            f"next free number"))
    by_stem: dict[str, list[Document]] = {}
    for doc in written_articles(catalogue):
        if article_id(doc) is not None:
            by_stem.setdefault(doc.stem, []).append(doc)
    default = languages.default.code
    for stem, versions in by_stem.items():
        reference = next((doc for doc in versions if doc.lang == default), versions[0])
        for doc in versions:
            if article_id(doc) != article_id(reference):
                findings.append(Finding(doc.path, doc.line_of("id"), "ID-MISMATCH",
                                        f"id {article_id(doc)} differs from {reference.path}'s {article_id(reference)}: "
                                        "every language of an article has the same id"))
    for entry, page, number in changed_ids(catalogue, languages, data):
        findings.append(Finding(page.path, page.line_of("id"), "ID-CHANGED",
                                f"this article was published with id {number} ({entry.path}:{entry.line}) and "
                                f"links in apps and emails use it: put back 'id: {number}'"))
    return sorted(set(findings))


def changed_ids(catalogue: Catalogue, languages: Languages, data: AddressData) -> list[tuple[Published, Document, int]]:
    """Published short links whose article is still there under another id
    (and no article holds the old one): (the entry, the page, the old id)."""
    pages = page_urls(catalogue, languages)
    held = {article_id(doc) for doc in written_articles(catalogue)}
    changed = []
    for entry in data.published:
        number = short_link_id(entry.url, languages)
        page = pages.get(entry.target or "")
        if number is not None and page is not None and number not in held and article_id(page) is not None:
            changed.append((entry, page.source or page, number))
    return changed


def short_link_id(url: str, languages: Languages) -> int | None:
    for lang in languages:
        match = re.fullmatch(re.escape(lang.prefix) + r"a/(\d+)/", url)
        if match:
            return int(match.group(1))
    return None


def check_error_codes(catalogue: Catalogue) -> list[Finding]:
    findings, owners = [], {}
    for doc in written_articles(catalogue):
        for code in error_codes(doc):
            if not ERROR_CODE.match(code):
                findings.append(Finding(doc.path, doc.line_of("error_codes"), "ERROR-CODE-INVALID",
                                        f"'{code}' is not an error code: letters, digits, '-', '_' and '.', "
                                        "at most 40"))
            owners.setdefault((doc.lang, code.casefold()), []).append(doc)
    by_stem: dict[str, list[Document]] = {}
    for doc in written_articles(catalogue):
        by_stem.setdefault(doc.stem, []).append(doc)
    for versions in by_stem.values():
        reference = sorted(versions, key=lambda doc: doc.path)[0]
        for doc in versions:
            if sorted(map(str.casefold, error_codes(doc))) != sorted(map(str.casefold, error_codes(reference))):
                findings.append(Finding(doc.path, doc.line_of("error_codes"), "ERROR-CODES-MISMATCH",
                                        f"the error codes differ from {reference.path}'s: every language of an "
                                        "article lists the same codes, so each code opens it in every language"))
    for (_, code), docs in sorted(owners.items()):
        stems = sorted({doc.stem for doc in docs})
        for doc in docs:
            if len(stems) > 1 and doc.stem != stems[0]:
                findings.append(Finding(doc.path, doc.line_of("error_codes"), "ERROR-CODE-DUPLICATE",
                                        f"error code {code} is also claimed by {stems[0]}: one code opens one "
                                        "article; keep it on the one that answers it"))
    return findings


def check_redirects(catalogue: Catalogue, languages: Languages, data: AddressData) -> list[Finding]:
    pages = page_urls(catalogue, languages)
    moves = {entry.old: entry.new for entry in data.declared}
    findings = []
    for entry in data.declared:
        end = follow(entry.old, moves)
        if end is None:
            findings.append(Finding(entry.path, entry.line, "REDIRECT-LOOP",
                                    f"{entry.old} leads back to itself through other redirects; point it at a page"))
            continue
        missing = [lang.name for lang in languages if lang.prefix + end not in pages]
        if missing:
            findings.append(Finding(entry.path, entry.line, "REDIRECT-TARGET",
                                    f"{entry.old} leads to {end}, which is no page in {', '.join(missing)}; point it "
                                    "at a page that exists (an article, or its category)"))
        shadowed = [lang.name for lang in languages if lang.prefix + entry.old in pages]
        if shadowed:
            findings.append(Finding(entry.path, entry.line, "REDIRECT-SHADOWED",
                                    f"{entry.old} is a page in {', '.join(shadowed)}: the page is served and the "
                                    "redirect never is; remove the redirect, or the page"))
    return findings


def check_imported(catalogue: Catalogue, languages: Languages, data: AddressData) -> list[Finding]:
    findings = []
    for entry in data.imported:
        if entry.lang not in languages.codes or catalogue.get(entry.stem, entry.lang) is None:
            findings.append(Finding(entry.path, entry.line, "IMPORTED-TARGET",
                                    f"{entry.old} led to {entry.lang}:{entry.stem}, which is no page now: point it "
                                    "at the page that replaces it (lang:category/slug)"))
    return findings


def check_published(catalogue: Catalogue, languages: Languages, data: AddressData,
                    expired: list[Document] = ()) -> list[Finding]:
    answered = set(page_urls(catalogue, languages)) | {
        redirect.source for redirect in redirects(catalogue, languages, data.declared, expired, data.imported)}
    answered |= {entry.url for entry, _, _ in changed_ids(catalogue, languages, data)}  # ID-CHANGED says it
    findings = []
    for entry in data.published:
        if entry.url in answered or listing_page(entry.url):
            continue
        lang = next((lang for lang in sorted(languages, key=lambda l: -len(l.prefix))
                     if entry.url.startswith(lang.prefix)), languages.default)
        below = entry.url[len(lang.prefix):]
        findings.append(Finding(entry.path, entry.line, "URL-GONE",
                                f"/{entry.url} was published and is no page or redirect any more: links to it in "
                                f"apps, emails and search engines would break; add a line "
                                f"'{below}: <new path>/' to {data.redirects_path} (the article's new address, or "
                                f"its category's)"))
    return findings


def listing_page(url: str) -> bool:
    """Category listing pages 2, 3 ... come and go with the number of articles."""
    return re.search(r"/page-\d+/$", url) is not None
