"""What search engines read, as data for the theme's head partial
(overrides/partials/hc-head.html): language alternates, Open Graph tags and
schema.org JSON-LD, built from the page's front matter, the catalogue and
the registry."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from helpcentre.content import Catalogue, Document
from helpcentre.languages import Languages
from helpcentre.registry import Registry

MAX_STEPS = 20


@dataclass(frozen=True)
class SiteUrls:
    site_url: str
    languages: Languages

    def of(self, lang: str, path: str) -> str:
        return f"{self.site_url.rstrip('/')}/{self.languages.prefix(lang)}{path}"


class _ListItems(HTMLParser):
    """Text of the items of ordered lists (the steps of an article)."""

    def __init__(self):
        super().__init__()
        self.depth, self.items, self._current = 0, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "ol":
            self.depth += 1
        elif tag == "li" and self.depth == 1 and self._current is None:
            self._current = []

    def handle_endtag(self, tag):
        if tag == "ol":
            self.depth -= 1
        elif tag == "li" and self.depth == 1 and self._current is not None:
            text = re.sub(r"\s+", " ", "".join(self._current)).strip()
            if text:
                self.items.append(text)
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)


def steps_of(content_html: str) -> list[str]:
    parser = _ListItems()
    parser.feed(content_html)
    return parser.items[:MAX_STEPS]


def breadcrumbs(doc: Document, catalogue: Catalogue, urls: SiteUrls, home_title: str) -> dict:
    items = [(home_title, urls.of(doc.lang, ""))]
    if doc.category:
        category = catalogue.get(f"{doc.category}/index", doc.lang)
        if category is not None and category is not doc:
            items.append((str(category.meta["title"]), urls.of(doc.lang, category.url_path)))
    items.append((str(doc.meta["title"]), urls.of(doc.lang, doc.url_path)))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": n, "name": name, "item": url}
                            for n, (name, url) in enumerate(items, start=1)],
    }


def structured_data(doc: Document, catalogue: Catalogue, registry: Registry, urls: SiteUrls,
                    title: str, description: str, content_html: str, updated: date | None) -> list[dict]:
    """schema.org objects for a page: HowTo for how-to and troubleshooting
    articles, Article for reference, WebSite with a search action for the
    home page, ContactPage for the contact page, CollectionPage for a category."""
    lang = urls.languages.get(doc.lang).html_lang
    url = urls.of(doc.lang, doc.url_path)
    publisher = {"@type": "Organization", "name": registry.brand, "url": urls.site_url}
    home = catalogue.get("index", doc.lang)
    home_title = str(home.meta["title"]) if home else registry.brand
    graph: list[dict] = []
    if doc.kind == "article":
        common = {"name": title, "description": description, "inLanguage": lang, "url": url}
        if doc.meta.get("type") in ("how-to", "troubleshooting"):
            steps = steps_of(content_html) or [description]
            graph.append({"@type": "HowTo", **common,
                          "step": [{"@type": "HowToStep", "position": n, "text": text}
                                   for n, text in enumerate(steps, start=1)]})
        else:
            article = {"@type": "Article", **common, "headline": title, "publisher": publisher, "author": publisher}
            if updated:
                article["dateModified"] = updated.isoformat()
            graph.append(article)
        graph.append(breadcrumbs(doc, catalogue, urls, home_title))
    elif doc.kind == "category":
        graph.append({"@type": "CollectionPage", "name": title, "description": description,
                      "inLanguage": lang, "url": url})
        graph.append(breadcrumbs(doc, catalogue, urls, home_title))
    elif doc.is_home:
        graph.append({
            "@type": "WebSite", "name": registry.text("site_name", doc.lang), "url": url, "inLanguage": lang,
            "publisher": publisher,
            "potentialAction": {"@type": "SearchAction", "target": f"{url}?q={{search_term_string}}",
                                "query-input": "required name=search_term_string"},
        })
    elif doc.slug == "contact":
        channels = registry.data["channels"]
        point = {"@type": "ContactPoint", "contactType": "customer support",
                 "availableLanguage": [language.html_lang for language in urls.languages]}
        if "phone" in channels and "detail" in channels["phone"]:
            point["telephone"] = registry.text("channels.phone.detail", doc.lang)
        if "email" in channels and "detail" in channels["email"]:
            point["email"] = registry.text("channels.email.detail", doc.lang)
        graph.append({"@type": "ContactPage", "name": title, "description": description, "inLanguage": lang,
                      "url": url, "mainEntity": {**publisher, "contactPoint": [point]}})
    return [{"@context": "https://schema.org", **item} for item in graph]


def alternates(doc: Document, catalogue: Catalogue, urls: SiteUrls) -> list[dict]:
    """hreflang alternates (absolute URLs): every language the page exists in, and x-default."""
    found = [{"hreflang": lang.html_lang, "href": urls.of(lang.code, doc.url_path)}
             for lang in urls.languages if catalogue.get(doc.stem, lang.code) is not None]
    return found + [{"hreflang": "x-default", "href": urls.of(urls.languages.default.code, doc.url_path)}]


def open_graph(doc: Document, catalogue: Catalogue, urls: SiteUrls, site_name: str,
               title: str, description: str) -> list[dict]:
    """Open Graph properties in order (og:locale:alternate once per other language)."""
    properties = [
        ("og:type", "article" if doc.kind == "article" else "website"), ("og:site_name", site_name),
        ("og:title", title), ("og:description", description), ("og:url", urls.of(doc.lang, doc.url_path)),
        ("og:locale", urls.languages.get(doc.lang).og_locale),
    ]
    properties += [("og:locale:alternate", lang.og_locale) for lang in urls.languages
                   if lang.code != doc.lang and catalogue.get(doc.stem, lang.code) is not None]
    return [{"property": key, "content": value} for key, value in properties]


def json_ld(obj: dict) -> str:
    """JSON for a <script type="application/ld+json"> element: no "<" that could end it."""
    return json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c")
