"""A search with no results, or no query yet, shows the categories and the
contact channels instead of a dead end: the panel is rendered here into each
page (hidden) and shown by assets/javascripts/search-help.js."""

from __future__ import annotations

import posixpath

from site_data import page_language, site_data
from helpcentre.render import render_search_help


def on_post_page(output, page, config):
    data = site_data(config)
    if data.registry is None or "</body>" not in output:
        return output
    lang = page_language(page, config)
    # With directory URLs a page is a folder ("en/account/x/"); "" is the home page.
    page_dir = page.url.rstrip("/") if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)

    def link(docs_rel: str) -> str:
        doc_url = docs_rel[: -len("index.md")] if docs_rel.endswith("index.md") else docs_rel[: -len(".md")] + "/"
        prefix = "" if lang == "zh" else f"{lang}/"
        target = prefix + doc_url
        relative = posixpath.relpath(target or ".", page_dir or ".")
        return relative + ("/" if not relative.endswith("/") else "")

    panel = render_search_help(data.registry, data.catalogue, lang, link)
    return output.replace("</body>", f'<template id="hc-search-help">{panel}</template></body>', 1)
