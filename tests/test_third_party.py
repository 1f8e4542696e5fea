"""The site loads nothing from another host: no fonts, CDNs or analytics.

HTML: every attribute a browser fetches (script src, stylesheet/icon/preload
links, img, iframe, media, object, srcset, inline style url()).
CSS: url() and @import. JS: every absolute URL must be one we have looked at
and know is never fetched on this site (licence comments, feature code that
is switched off); a new one fails the test until someone reviews it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

SITE_HOST = "help.example.com"
LOADING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon",
                     "manifest", "prefetch", "preconnect", "dns-prefetch", "prerender", "mask-icon"}
FETCHED_ATTRIBUTES = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "embed": ("src",), "object": ("data",), "input": ("src",), "image": ("href",), "use": ("href",),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
JS_URL = re.compile(r"""https?://[^\s"'`)<>\\]+""")

# Absolute URLs inside Material's and lunr's bundled JavaScript, each with the
# reason it is never requested by this site.
REVIEWED_JS_URLS = {
    "http://www.w3.org/": "XML namespace identifiers for SVG, not requests",
    "http://www.mozilla.org/MPL/": "licence text in a comment",
    "https://github.com/MihaiValentin/lunr-languages": "licence comment",
    "http://snowball.tartarus.org/": "licence comment",
    "http://tartarus.org/": "licence comment",
    "http://code.google.com/p/urim/": "licence comment",
    "https://github.com/": "source comments; the repository widget is off (no repo_url)",
    "https://api.github.com/": "repository facts, only with a GitHub repo_url (we set none)",
    "https://${e}/api/v4/projects/": "GitLab repository facts, only with a GitLab repo_url",
    "https://unpkg.com/mermaid": "only on pages with Mermaid diagrams (we have no pymdownx mermaid fence)",
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver (none current)",
    "https://fontawesome.com": "licence comment in the icon set",
    "https://developer.mozilla.org/": "comment",
    "https://clipboardjs.com/": "licence comment",
    "https://bit.ly/": "comment in a bundled library",
    "http://wiki.ecmascript.org/": "comment", "http://wiki.commonjs.org/": "comment",
    "http://underscorejs.org": "comment", "http://people.mozilla.org/": "comment",
    "http://narwhaljs.org": "comment", "http://msdn.microsoft.com/": "comment",
    "http://lunrjs.com": "licence comment", "http://en.wikipedia.org/": "comment",
    "http://docs.python.org/": "comment",
    "http://chasen.org/": "licence comment in the TinySegmenter script",
}


class FetchCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and LOADING_LINK_RELS & set((attributes.get("rel") or "").lower().split()):
            self.urls.append(attributes.get("href") or "")
        for name in FETCHED_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name) or ""
            self.urls += [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.urls.append((attributes.get("content") or "").partition("url=")[2])
        self.urls += [a or b for a, b in CSS_URL.findall(attributes.get("style") or "")]

    def handle_data(self, data):
        if self.lasttag == "style":
            self.urls += [a or b for a, b in CSS_URL.findall(data)]


def is_third_party(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname not in (None, SITE_HOST)


def test_html_fetches_nothing_from_other_hosts(built_site):
    offenders = []
    for page in built_site.files(".html"):
        collector = FetchCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(built_site.root)}: {url}" for url in collector.urls if is_third_party(url)]
    assert not offenders


def test_css_fetches_nothing_from_other_hosts(built_site):
    offenders = []
    for sheet in built_site.files(".css"):
        for a, b in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            if is_third_party(a or b):
                offenders.append(f"{sheet.relative_to(built_site.root)}: {a or b}")
    assert not offenders
    assert not any("fonts.googleapis" in p.read_text(encoding="utf-8") for p in built_site.files(".html", ".css"))


def test_javascript_urls_are_all_reviewed(built_site):
    unreviewed = set()
    for script in built_site.files(".js"):
        for url in JS_URL.findall(script.read_text(encoding="utf-8")):
            if not any(url.startswith(prefix) for prefix in REVIEWED_JS_URLS):
                unreviewed.add(f"{script.relative_to(built_site.root)}: {url}")
    assert not unreviewed, "review these URLs; add them to REVIEWED_JS_URLS only if never fetched"


def test_conditional_loaders_stay_switched_off(built_site):
    pages = [p.read_text(encoding="utf-8") for p in built_site.files(".html")]
    assert not any('class="mermaid"' in page for page in pages)
    assert not any("md-source" in page for page in pages), "a repo_url would make Material call a repository API"


def test_detector_catches_a_third_party_load():
    collector = FetchCollector()
    collector.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
                   '<script src="//cdn.example.net/x.js"></script><img srcset="/a.png 1x, https://t.example.org/p.gif 2x">'
                   '<a href="https://elsewhere.example.org/">a link is not a load</a>')
    assert [u for u in collector.urls if is_third_party(u)] == [
        "https://fonts.googleapis.com/css?family=Roboto", "//cdn.example.net/x.js", "https://t.example.org/p.gif"]
