"""The one post-processing chain, for what Material's templates put outside
any block a theme can override: every page and every 404 page goes through
these steps, in this order."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass

SEARCH_WORKER = "hc-search-worker.js"

HTML_TAG_LANG = re.compile(r'<html lang="[^"]*"')
# Material's own language links (config.extra.alternate, set by
# mkdocs-static-i18n) send its script after <page>/sitemap.xml; the head
# partial writes the alternates search engines read instead.
MATERIAL_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')
SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?=>)')
SEARCH_LANDMARK = re.compile(r'<div class="md-search__inner" role="search"(?=>)')
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# Material writes tabindex="" on navigation labels that are not focusable;
# an empty tabindex is invalid HTML and means the same as none.
EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
BODY_SCRIPT = re.compile(r'<script src="([^"]+\.js)"(?![^>]*\b(?:defer|async)\b)')


@dataclass(frozen=True)
class PageView:
    """What the chain needs to know about the page it finishes."""

    html_lang: str
    language_prefix: str  # "" or "en/": where the page's language (and its search index) lives
    search_label: str


def set_html_lang(html: str, view: PageView) -> str:
    return HTML_TAG_LANG.sub(f'<html lang="{view.html_lang}"', html, count=1)


def drop_material_alternates(html: str, view: PageView) -> str:
    return MATERIAL_ALTERNATE.sub("", html)


def name_search_dialog(html: str, view: PageView) -> str:
    """axe-core: the search dialog needs an accessible name, and the search
    landmark inside it a label of its own (the home page has a second one)."""
    label = view.search_label.replace("&", "&amp;").replace('"', "&quot;")
    html = SEARCH_DIALOG.sub(f'\\g<0> aria-label="{label}"', html, count=1)
    return SEARCH_LANDMARK.sub(f'\\g<0> aria-label="{label}"', html, count=1)


def valid_markup(html: str, view: PageView) -> str:
    """What the Nu HTML Checker rejects in Material's markup, removed."""
    return EMPTY_TABINDEX.sub("", CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))


def search_per_language(html: str, view: PageView) -> str:
    """Material's config points at the page's language root (so the browser
    loads that language's index and resolves results under it) and at
    hc-search-worker.js, which prepares queries like that index."""
    match = CONFIG_SCRIPT.search(html)
    if match is None:
        return html
    app = json.loads(match.group(2))
    if view.language_prefix:
        # A trailing slash, or the browser resolves "search/..." beside the language folder.
        app["base"] = posixpath.join(app["base"], view.language_prefix)
    material_worker = posixpath.basename(app["search"])
    if not material_worker.startswith(SEARCH_WORKER):
        app["search"] = f"{posixpath.dirname(app['search'])}/{SEARCH_WORKER}?material={material_worker}"
    encoded = json.dumps(app, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return html[: match.start(2)] + encoded + html[match.end(2):]


def defer_scripts(html: str, view: PageView) -> str:
    """Let the browser paint before it runs any script: Material's bundle and
    ours sit at the end of <body> but block the parser; `defer` keeps their
    order and runs them before DOMContentLoaded, when Material's bundle
    expects to run anyway."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return html[:head_end] + BODY_SCRIPT.sub(r'<script src="\1" defer', html[head_end:])


CHAIN = (set_html_lang, drop_material_alternates, name_search_dialog, valid_markup, search_per_language,
         defer_scripts)


def finish(html: str, view: PageView) -> str:
    for step in CHAIN:
        html = step(html, view)
    return html
