"""What search engines read: language alternates, Open Graph tags and
schema.org JSON-LD, built from the page's front matter, the catalogue and
the registry."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from html.parser import HTMLParser

from helpcentre.content import DEFAULT_LANGUAGE, LANGUAGES, Catalogue, Document, language_prefix, page_path
from helpcentre.registry import Registry

OG_LOCALES = {"zh": "zh_CN", "en": "en_US"}
HTML_LANG = {"zh": "zh-Hans", "en": "en"}
MAX_STEPS = 20


def language_url(site_url: str, lang: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{language_prefix(lang)}{path}"


def doc_path(doc: Document) -> str:
    """The URL path of a page below its language root: account/register/."""
    return page_path(doc.rel_without_lang())


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


def breadcrumbs(doc: Document, catalogue: Catalogue, site_url: str, home_title: str) -> dict:
    items = [(home_title, language_url(site_url, doc.lang, ""))]
    if doc.category:
        category = catalogue.get(f"{doc.category}/index", doc.lang)
        if category is not None and category is not doc:
            items.append((str(category.meta["title"]), language_url(site_url, doc.lang, doc_path(category))))
    items.append((str(doc.meta["title"]), language_url(site_url, doc.lang, doc_path(doc))))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": n, "name": name, "item": url}
                            for n, (name, url) in enumerate(items, start=1)],
    }


def structured_data(doc: Document, catalogue: Catalogue, registry: Registry, site_url: str,
                    title: str, description: str, content_html: str, updated: date | None) -> list[dict]:
    """schema.org objects for a page: HowTo for how-to and troubleshooting
    articles, Article for reference, WebSite with a search action for the
    home page, ContactPage for the contact page, CollectionPage for a category."""
    lang = HTML_LANG[doc.lang]
    url = language_url(site_url, doc.lang, doc_path(doc))
    publisher = {"@type": "Organization", "name": registry.brand, "url": site_url}
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
        graph.append(breadcrumbs(doc, catalogue, site_url, home_title))
    elif doc.kind == "category":
        graph.append({"@type": "CollectionPage", "name": title, "description": description,
                      "inLanguage": lang, "url": url})
        graph.append(breadcrumbs(doc, catalogue, site_url, home_title))
    elif doc.slug == "index":
        graph.append({
            "@type": "WebSite", "name": registry.text("site_name", doc.lang), "url": url, "inLanguage": lang,
            "publisher": publisher,
            "potentialAction": {"@type": "SearchAction", "target": f"{url}?q={{search_term_string}}",
                                "query-input": "required name=search_term_string"},
        })
    elif doc.slug == "contact":
        channels = registry.data["channels"]
        point = {"@type": "ContactPoint", "contactType": "customer support",
                 "availableLanguage": [HTML_LANG[code] for code in LANGUAGES]}
        if "phone" in channels and "detail" in channels["phone"]:
            point["telephone"] = registry.text("channels.phone.detail", doc.lang)
        if "email" in channels and "detail" in channels["email"]:
            point["email"] = registry.text("channels.email.detail", doc.lang)
        graph.append({"@type": "ContactPage", "name": title, "description": description, "inLanguage": lang,
                      "url": url, "mainEntity": {**publisher, "contactPoint": [point]}})
    return [{"@context": "https://schema.org", **item} for item in graph]


def head_tags(doc: Document, catalogue: Catalogue, site_url: str, site_name: str,
              title: str, description: str) -> str:
    """hreflang alternates (absolute URLs) and Open Graph / Twitter tags."""
    url = language_url(site_url, doc.lang, doc_path(doc))
    tags = []
    for lang in LANGUAGES:
        if catalogue.get(doc.stem, lang) is not None:
            # The leading space keeps Material's sitemap-based language switch
            # from fetching <page>/sitemap.xml for each alternate (it selects
            # link[rel=alternate] exactly); rel is a token list, so browsers
            # and crawlers read the same "alternate" relation.
            tags.append(f'<link rel=" alternate" hreflang="{lang}" '
                        f'href="{language_url(site_url, lang, doc_path(doc))}">')
    default = language_url(site_url, DEFAULT_LANGUAGE, doc_path(doc))
    tags.append(f'<link rel=" alternate" hreflang="x-default" href="{default}">')
    og = {
        "og:type": "article" if doc.kind == "article" else "website",
        "og:site_name": site_name, "og:title": title, "og:description": description, "og:url": url,
        "og:locale": OG_LOCALES[doc.lang],
    }
    tags += [f'<meta property="{key}" content="{html.escape(value)}">' for key, value in og.items()]
    tags += [f'<meta property="og:locale:alternate" content="{OG_LOCALES[lang]}">'
             for lang in LANGUAGES if lang != doc.lang and catalogue.get(doc.stem, lang) is not None]
    tags += ['<meta name="twitter:card" content="summary">',
             f'<meta name="twitter:title" content="{html.escape(title)}">',
             f'<meta name="twitter:description" content="{html.escape(description)}">']
    return "\n".join(tags)


def json_ld_tags(objects: list[dict]) -> str:
    return "\n".join(
        '<script type="application/ld+json">'
        + json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c")
        + "</script>"
        for obj in objects
    )
