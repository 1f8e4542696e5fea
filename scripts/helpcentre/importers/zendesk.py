"""A Zendesk Guide export: the Help Center API's responses as saved while
paging through them (scripts/zendesk_export.py saves one), pages
concatenated into one list each:

    categories.json                   {"categories": [...]}
    sections.json                     {"sections": [...]}
    articles.json                     {"articles": [...]}   source-locale bodies
    translations/<article id>.json    {"translations": [...]}
    attachments/<article id>.json     {"article_attachments": [...]}  (optional)

read into records, and planned as this project's files: one Markdown file
per article and language, categories from sections, images as files, links
by article id rewritten, old addresses kept alive. A broken export is an
ExportError naming the file; everything else is a finding in the report.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

import yaml

from helpcentre.contact_details import EMAIL, phone_digits, phone_numbers
from helpcentre.content import ARTICLE_TYPES
from helpcentre.findings import Finding
from helpcentre.importers.html_markdown import heading_ids, old_heading_ids, to_markdown
from helpcentre.translation import content_hash

ARTICLE_LINK = re.compile(r"^(?:https?://[^/]+)?(?:(?:\.\./|/)?(?:hc/(?P<locale>[A-Za-z-]+)/)?articles/)"
                          r"(?P<id>\d+)(?:-[^/?#]*)?/?(?:\?[^#]*)?(?:#(?P<anchor>.*))?$")
DEFAULT_TYPE = "how-to"
IMAGE_FOLDER = "assets/imported"


class ExportError(Exception):
    """The export cannot be read: `path: message`."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")


@dataclass
class Translation:
    locale: str
    title: str
    body: str
    draft: bool
    outdated: bool
    html_url: str = ""


@dataclass
class Article:
    id: int
    section_id: int
    source_locale: str
    draft: bool
    position: int
    labels: list[str]
    html_url: str
    translations: dict[str, Translation]
    attachments: list[dict] = field(default_factory=list)


@dataclass
class Section:
    id: int
    name: str
    description: str
    html_url: str
    position: int


@dataclass
class Export:
    folder: Path
    sections: dict[int, Section]
    articles: dict[int, Article]


# --- reading ----------------------------------------------------------------------


def read_json(folder: Path, name: str, key: str, required: bool = True) -> list:
    path = folder / name
    if not path.is_file():
        if required:
            raise ExportError(name, "missing from the export: save it with scripts/zendesk_export.py, or check "
                                    "the folder")
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise ExportError(name, f"is not valid JSON{where}: {getattr(error, 'msg', error)}") from error
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ExportError(name, f'expected {{"{key}": [...]}}, as the Help Center API returns it')
    return data[key]


def field_of(item: dict, key: str, name: str, kind=str):
    value = item.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ExportError(name, f"an entry (id {item.get('id')}) has no {kind.__name__} '{key}'")
    return value


def read_export(folder: Path) -> Export:
    if not folder.is_dir():
        raise ExportError(str(folder), "is not a folder")
    read_json(folder, "categories.json", "categories")
    sections = {}
    for item in read_json(folder, "sections.json", "sections"):
        sections[field_of(item, "id", "sections.json", int)] = Section(
            item["id"], field_of(item, "name", "sections.json"), item.get("description") or "",
            item.get("html_url") or "", item.get("position") or 0)
    articles: dict[int, Article] = {}
    for item in read_json(folder, "articles.json", "articles"):
        number = field_of(item, "id", "articles.json", int)
        if number in articles:
            raise ExportError("articles.json", f"article {number} appears twice; save the export again "
                                               "(a page was probably saved twice while paging)")
        if item.get("section_id") not in sections:
            raise ExportError("articles.json", f"article {number} is in section {item.get('section_id')}, "
                                               "which sections.json does not have")
        name = f"translations/{number}.json"
        translations = {}
        for translation in read_json(folder, name, "translations"):
            locale = field_of(translation, "locale", name).lower()
            translations[locale] = Translation(locale, field_of(translation, "title", name),
                                               translation.get("body") or "", bool(translation.get("draft")),
                                               bool(translation.get("outdated")), translation.get("html_url") or "")
        source = str(item.get("source_locale") or item.get("locale") or "").lower()
        translations.setdefault(source, Translation(source, field_of(item, "title", "articles.json"),
                                                    item.get("body") or "", bool(item.get("draft")),
                                                    bool(item.get("outdated")), item.get("html_url") or ""))
        articles[number] = Article(number, item["section_id"], source, bool(item.get("draft")),
                                   item.get("position") or 0, [str(label) for label in item.get("label_names") or []],
                                   item.get("html_url") or "", translations,
                                   read_json(folder, f"attachments/{number}.json", "article_attachments", False))
    return Export(folder, sections, articles)


# --- the mapping file -------------------------------------------------------------


@dataclass
class Mapping:
    """zendesk-import.yml: what the team decides (locales, sections, types)
    and what the importer last wrote (`imported`: path -> hash)."""

    locales: dict[str, str]
    sections: dict[int, str]
    types: dict[str, str]
    imported: dict[str, str]

    @classmethod
    def load(cls, path: Path, default_locales: dict[str, str]) -> "Mapping":
        data = {}
        if path.is_file():
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as error:
                raise ExportError(path.name, f"is not valid YAML: {error}") from error
        if not isinstance(data, dict):
            raise ExportError(path.name, "write locales:, sections: and types: as mappings")
        locales = {**default_locales, **{str(k).lower(): str(v) for k, v in (data.get("locales") or {}).items()}}
        types = {str(k): str(v) for k, v in (data.get("types") or {}).items()}
        bad = sorted(set(types.values()) - set(ARTICLE_TYPES))
        if bad:
            raise ExportError(path.name, f"types: {', '.join(bad)} is no article type ({', '.join(ARTICLE_TYPES)})")
        return cls(locales, {int(k): str(v) for k, v in (data.get("sections") or {}).items()}, types,
                   dict(data.get("imported") or {}))

    def text(self) -> str:
        header = ("# How a Zendesk export maps onto this help centre (make import SOURCE=zendesk EXPORT=...).\n"
                  "# locales: Zendesk locale -> site language; sections: section id -> category folder;\n"
                  "# types: label -> article type (default how-to). `imported` is written by the importer:\n"
                  "# what it last wrote, so a re-import can tell your edits from its own.\n")
        data = {"locales": self.locales, "sections": self.sections, "types": self.types,
                "imported": dict(sorted(self.imported.items()))}
        return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)


def default_locales(languages) -> dict[str, str]:
    """Zendesk locales (en-us, zh-cn, zh-tw) from each language's code and
    Open Graph locale in the site's configuration."""
    found = {}
    for lang in languages:
        for name in (lang.code, getattr(lang, "og_locale", None), getattr(lang, "html_lang", None)):
            if name:
                found[str(name).lower().replace("_", "-")] = lang.code
    return found


# --- planning -------------------------------------------------------------------


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", re.sub(r"['\u2019]", "", text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def url_slug(html_url: str) -> str:
    last = unquote(urlsplit(html_url).path.rstrip("/").rsplit("/", 1)[-1])
    return slugify(last.split("-", 1)[1]) if "-" in last else ""


@dataclass
class Planned:
    files: dict[str, str]  # docs-relative path -> text
    images: dict[str, bytes]  # docs-relative path -> bytes
    old_addresses: dict[str, str]  # /hc/<locale>/articles/<id> -> "<lang>:<stem>"
    findings: list[Finding]
    counts: dict[str, int]


def plan_import(export: Export, mapping: Mapping, languages, categories: set[str],
                fetch: Callable[[str], bytes | None], channels: dict[str, list[str]], drafts: bool = False) -> Planned:
    """Everything an import writes, without writing: `languages` the site's
    (default first), `categories` its existing category folders, `fetch`
    downloads an attachment (None when it fails), `channels` the registry's
    texts per contact channel (to offer the channel a typed detail is)."""
    codes = [lang.code for lang in languages]
    written_codes = [lang.code for lang in languages if not getattr(lang, "convert_from", None)]
    default = codes[0]
    findings: list[Finding] = []
    for article in export.articles.values():
        for locale in article.translations:
            if locale not in mapping.locales or mapping.locales[locale] not in codes:
                raise ExportError(f"translations/{article.id}.json",
                                  f"locale '{locale}' is not one of the site's languages ({', '.join(codes)}); "
                                  f"map it under locales: in the mapping file, e.g. {locale}: {codes[0]}")
    chosen = {number: article for number, article in sorted(export.articles.items())
              if drafts or not article.draft}
    folders = {section.id: mapping.sections.get(section.id) or url_slug(section.html_url) or slugify(section.name)
               or f"section-{section.id}" for section in export.sections.values()}
    mapping.sections.update(folders)  # written back, for the team to rename
    stems = {}
    for article in chosen.values():
        english = next((t.title for t in article.translations.values() if slugify(t.title)), "")
        slug = url_slug(article.html_url) or slugify(english) or f"article-{article.id}"
        stems[article.id] = f"{folders[article.section_id]}/{slug}"
    files, images, addresses = {}, {}, {}
    pending: list[tuple[str, str, str, str]] = []  # findings placed once the file's lines are known
    counts = {"articles": len(chosen), "drafts skipped": len(export.articles) - len(chosen), "files": 0,
              "images": 0, "links rewritten": 0}
    image_names: dict[str, str] = {}
    for section in export.sections.values():
        folder = folders[section.id]
        if folder in categories or f"{folder}/index.{codes[0]}.md" in files or not any(a.section_id == section.id for a in chosen.values()):
            continue
        for code in written_codes:
            files[f"{folder}/index.{code}.md"] = category_page(section)
    source_ids = {article.id: heading_plan(article, mapping) for article in chosen.values()}
    for article in chosen.values():
        stem = stems[article.id]
        ids, renamed = source_ids[article.id]
        attachment_urls = {attachment.get("content_url") for attachment in article.attachments}
        article_type = next((mapping.types[label] for label in article.labels if label in mapping.types), DEFAULT_TYPE)
        for locale, translation in sorted(article.translations.items()):
            if translation.draft and not drafts:
                continue
            lang = mapping.locales[locale]
            path = f"{stem}.{lang}.md"

            def link(href: str, path=path, lang=lang) -> str:
                if href in attachment_urls:
                    return image(href)  # an attachment linked from the text: a file here too
                target = article_link(href, stems, source_ids)
                if target is None:
                    match = ARTICLE_LINK.match(href)
                    if match:
                        pending.append((path, href, "IMPORT-LINK",
                                        f"links to Zendesk article {match.group('id')} ({href}), which was not "
                                        f"imported: link to the page that replaces it, or remove the link"))
                    return href
                counts["links rewritten"] += 1
                return relative_to(path, target)

            def image(src: str, path=path, article=article) -> str:
                if src not in image_names:
                    data = fetch(src)
                    if data is None:
                        listed = f" (attachments/{article.id}.json)" if any(
                            a.get("content_url") == src for a in article.attachments) else ""
                        pending.append((path, src, "IMPORT-IMAGE",
                                        f"the image {src}{listed} could not be downloaded: download it into "
                                        f"docs/{IMAGE_FOLDER}/ and link it, or remove it"))
                        return src
                    name = f"{IMAGE_FOLDER}/{hashlib.sha256(data).hexdigest()[:16]}{extension(src)}"
                    images[name] = data
                    image_names[src] = name
                return relative_to(path, image_names[src])

            body = to_markdown(translation.body, ids, link, image).markdown
            listed = [(attachment.get("file_name") or "file", image(attachment["content_url"]))
                      for attachment in article.attachments
                      if not attachment.get("inline") and attachment.get("content_url")]
            if listed:  # Zendesk lists the other attachments under the article
                body += "\n" + "".join(f"- [{name}]({local})\n" for name, local in listed)
            files[path] = article_file(translation, article, article_type, body)
        for locale, translation in article.translations.items():
            if translation.draft and not drafts:
                continue
            target = f"{mapping.locales[locale]}:{stem}"
            addresses[f"/hc/{locale}/articles/{article.id}"] = target
            exact = unquote(urlsplit(translation.html_url).path).rstrip("/")
            if re.fullmatch(rf"/hc/{re.escape(locale)}/articles/{article.id}-[^/]+", exact, re.I):
                addresses[exact] = target
        mark_translations(files, stem, mapping, article, default)
    counts["files"] = len(files)
    counts["images"] = len(images)
    for path, needle, rule, message in pending:
        if path in files:
            line = next((n for n, text in enumerate(files[path].split("\n"), 1) if needle in text), 1)
            findings.append(Finding(f"docs/{path}", line, rule, message))
    findings += contact_findings(files, channels)
    return Planned(files, images, dict(sorted(addresses.items())), sorted(set(findings)), counts)


def heading_plan(article: Article, mapping: Mapping) -> tuple[list[str], dict[str, str]]:
    """Heading ids for every language of an article, from the source
    locale's headings (English text makes readable ids); the old ids of each
    language's headings map to them by position."""
    source = article.translations.get(article.source_locale) or next(iter(article.translations.values()))
    readable = next((t for t in article.translations.values() if slugify(t.title)), source)
    ids, _ = heading_ids(readable.body, slugify)
    renamed = {}
    for translation in article.translations.values():
        for number, old in enumerate(old_heading_ids(translation.body)):
            if old and number < len(ids):
                renamed[old] = ids[number]
    return ids, renamed


def article_link(href: str, stems: dict[int, str], heading_plans: dict) -> str | None:
    """docs path (category/slug.md#anchor) of an imported article a Zendesk link points to."""
    match = ARTICLE_LINK.match(href.strip())
    if not match or int(match.group("id")) not in stems:
        return None
    number = int(match.group("id"))
    anchor = heading_plans[number][1].get(match.group("anchor") or "")
    return f"{stems[number]}.md" + (f"#{anchor}" if anchor else "")


def relative_to(path: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(path))


def extension(src: str) -> str:
    suffix = posixpath.splitext(urlsplit(src).path)[1].lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ".bin"


def yaml_text(text: str) -> str:
    return json.dumps(text.strip(), ensure_ascii=False)


def description_of(markdown: str, title: str) -> str:
    for line in markdown.split("\n"):
        text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
        text = re.sub(r"\{\{[^}]*\}\}|[*_`#>|]", "", text).strip()
        if text and not line.startswith(("#", "!!!", "|", "<", "-", "1.", "```")):
            sentence = re.split(r"(?<=[.。!！?？])\s*", text)[0]
            return sentence[:160]
    return title


def article_file(translation: Translation, article: Article, article_type: str, body: str) -> str:
    keywords = ", ".join(yaml_text(label) for label in article.labels)
    lines = ["---", f"title: {yaml_text(translation.title)}",
             f"description: {yaml_text(description_of(body, translation.title))}", f"type: {article_type}",
             f"id: {article.id}", f"order: {article.position * 10 or 10}"]
    if keywords:
        lines.append(f"keywords: [{keywords}]")
    return "\n".join(lines + ["---", "", body])


def mark_translations(files: dict[str, str], stem: str, mapping: Mapping, article: Article, default: str) -> None:
    """A translation Zendesk marked outdated is marked as reviewed against an
    older version of the default language's page, so translation_status.py
    reports it TRANSLATION-OUTDATED until someone brings it up to date. The
    others carry no mark: imported together, git history keeps them in step
    (and fixing the report's findings in one language does not put the
    other out of date). An outdated default-language page is due for review
    (make stale)."""
    source_path = f"{stem}.{default}.md"
    if source_path not in files:
        return
    for locale, translation in article.translations.items():
        lang = mapping.locales[locale]
        path = f"{stem}.{lang}.md"
        if path not in files:
            continue
        if lang == default:
            if translation.outdated:
                files[path] = files[path].replace("\n---\n", "\nreviewed: 2000-01-01  # outdated in Zendesk\n---\n", 1)
            continue
        if not translation.outdated:
            continue
        mark = f"{'0' * 10}/{content_hash(files[path])}"
        files[path] = files[path].replace("\n---\n", f"\ntranslation_reviewed: {mark}\n---\n", 1)


def category_page(section: Section) -> str:
    return "\n".join(["---", f"title: {yaml_text(section.name)}",
                      f"description: {yaml_text(section.description or section.name)}", "---", "",
                      "{{ category_articles }}", ""])


def contact_findings(files: dict[str, str], channels: dict[str, list[str]]) -> list[Finding]:
    """Hand-typed phone numbers and email addresses in imported bodies, with
    what to write instead (the build refuses them: the contact rules). A
    detail the registry holds is offered as its channel's link."""
    digits = {channel: phone_digits(texts) for channel, texts in channels.items()}
    emails = {channel: {m.group(0).casefold() for text in texts for m in EMAIL.finditer(text)}
              for channel, texts in channels.items()}
    findings = []
    for path, text in files.items():
        for number, line in enumerate(text.split("\n"), 1):
            typed = [(m.group(0).strip(), next((c for c, d in digits.items() if phone_digits([m.group(0)]) <= d), None))
                     for m in phone_numbers(line)]
            typed += [(m.group(0), next((c for c, e in emails.items() if m.group(0).casefold() in e), None))
                      for m in EMAIL.finditer(line)]
            for detail, channel in typed:
                if channel:
                    advice = (f"it is the registry's {channel} channel: replace it with "
                              f"[{{{{ channels.{channel}.name }}}}]({relative_to(path, 'contact.md')}#{channel})")
                else:
                    usual = "phone" if "@" not in detail else "email"
                    advice = (f"it is none of the registry's channels, so it must not be published: replace it with "
                              f"the channel that answers instead, e.g. [{{{{ channels.{usual}.name }}}}]"
                              f"({relative_to(path, 'contact.md')}#{usual}), or remove it")
                findings.append(Finding(f"docs/{path}", number, "IMPORT-CONTACT", f"hand-typed '{detail}': {advice}"))
    return findings
