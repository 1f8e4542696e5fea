"""Found by search engines: titles, descriptions, canonical URLs, hreflang,
Open Graph, schema.org JSON-LD, robots.txt and the sitemap."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape
from urllib.parse import urlsplit

import pytest

SITE = "https://help.example.com/"
PAGE_TYPES = {"HowTo", "Article", "CollectionPage", "WebSite", "ContactPage"}


def pages(built_site):
    return built_site.pages()


def head(html: str) -> str:
    return html[: html.index("</head>")]


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_titles_and_descriptions_are_unique_and_present(built_site):
    titles, descriptions = Counter(), Counter()
    for page in pages(built_site):
        html = head(page.read_text(encoding="utf-8"))
        titles[re.search(r"<title>(.*?)</title>", html).group(1)] += 1
        description = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert description, f"{page}: no meta description"
        descriptions[description.group(1)] += 1
    assert max(titles.values()) == 1, [t for t, n in titles.items() if n > 1]
    assert max(descriptions.values()) == 1, [d for d, n in descriptions.items() if n > 1]


def test_every_page_has_canonical_hreflang_and_open_graph(built_site):
    for page in pages(built_site):
        html = head(page.read_text(encoding="utf-8"))
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert canonical.startswith(SITE)
        alternates = dict(re.findall(r'<link rel=" alternate" hreflang="([^"]+)" href="([^"]+)"', html))
        assert set(alternates) == {"zh-Hans", "zh-Hant", "en", "x-default"}
        assert canonical in alternates.values()
        assert all(url.startswith(SITE) for url in alternates.values())
        og = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html))
        assert og["og:url"] == canonical and og["og:title"] and og["og:description"]
        assert og["og:locale"] in ("zh_CN", "zh_TW", "en_US")
        lang = re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8")).group(1)
        path = urlsplit(canonical).path
        assert lang == ("en" if path.startswith("/en/") else "zh-Hant" if path.startswith("/zh-Hant/") else "zh-Hans")


def test_hreflang_alternates_point_both_ways(built_site):
    for page in pages(built_site):
        html = head(page.read_text(encoding="utf-8"))
        alternates = dict(re.findall(r'<link rel=" alternate" hreflang="([^"]+)" href="([^"]+)"', html))
        for lang in ("zh-Hans", "zh-Hant", "en"):
            other = built_site.root / urlsplit(alternates[lang]).path.lstrip("/") / "index.html"
            back = dict(re.findall(r'<link rel=" alternate" hreflang="([^"]+)" href="([^"]+)"',
                                   head(other.read_text(encoding="utf-8"))))
            assert back == alternates


def validate_json_ld(item: dict) -> None:
    """The properties search engines need for each type we emit."""
    assert item["@context"] == "https://schema.org"
    kind = item["@type"]
    if kind == "HowTo":
        assert item["name"] and item["step"]
        for position, step in enumerate(item["step"], start=1):
            assert step == {"@type": "HowToStep", "position": position, "text": step["text"]} and step["text"]
    elif kind == "Article":
        assert item["headline"] and item["publisher"]["name"] and item["inLanguage"]
    elif kind == "BreadcrumbList":
        elements = item["itemListElement"]
        assert [e["position"] for e in elements] == list(range(1, len(elements) + 1))
        assert all(e["@type"] == "ListItem" and e["name"] and e["item"].startswith(SITE) for e in elements)
    elif kind == "WebSite":
        action = item["potentialAction"]
        assert action["@type"] == "SearchAction" and "{search_term_string}" in action["target"]
        assert action["query-input"] == "required name=search_term_string"
    elif kind == "ContactPage":
        point = item["mainEntity"]["contactPoint"][0]
        assert point["telephone"] and point["email"] and point["contactType"]
    elif kind == "CollectionPage":
        assert item["name"] and item["url"].startswith(SITE)
    else:
        raise AssertionError(f"unexpected type {kind}")
    json.dumps(item)


def test_json_ld_is_valid_and_fits_the_page(built_site):
    seen = Counter()
    for page in pages(built_site):
        items = json_ld(page.read_text(encoding="utf-8"))
        assert sum(1 for item in items if item["@type"] in PAGE_TYPES) == 1, page
        for item in items:
            validate_json_ld(item)
            seen[item["@type"]] += 1
    assert set(seen) == PAGE_TYPES | {"BreadcrumbList"}


@pytest.mark.parametrize("url,kind", [("account/reset-password", "HowTo"), ("en/payments/top-up", "HowTo"),
                                      ("security/is-my-money-safe", "Article"), ("en/contact", "ContactPage")])
def test_json_ld_type_follows_the_article_type(built_site, url, kind):
    assert kind in {item["@type"] for item in json_ld(built_site.html(url))}


def test_robots_txt_and_sitemap(built_site):
    robots = (built_site.root / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://help.example.com/sitemap.xml" in robots and "Allow: /" in robots
    sitemap = (built_site.root / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(urls) == len(pages(built_site))
    for tag in ("zh-Hans", "zh-Hant", "en", "x-default"):
        assert sitemap.count(f'hreflang="{tag}"') == len(urls)


def test_not_found_pages_speak_their_language(built_site):
    zh = (built_site.root / "404.html").read_text(encoding="utf-8")
    en = (built_site.root / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in zh and "<h1>找不到这个页面</h1>" in zh
    assert '<html lang="en"' in en and "find that page</h1>" in unescape(en)
    # Which language roots exist, for hosts that serve the root 404 page everywhere (not-found.js).
    assert '{"current": "", "languages": ["zh-Hant/", "en/"], "root": "/"}' in zh
    assert '{"current": "en/", "languages": ["zh-Hant/", "en/"], "root": "/"}' in en
    assert 'action="/en/"' in en and 'action="/"' in zh
    assert '"base": "/en/"' in en
    for html in (zh, en):
        body = html[html.index("<article"):]
        hrefs = re.findall(r'href="([^"]+)"', body)
        assert hrefs and all(h.startswith(("/", "#")) for h in hrefs), "links must work at any depth"
