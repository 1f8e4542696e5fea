"""A search with no results, or no query yet, shows the categories and the
contact channels instead of a dead end: the panel is rendered here into each
page (hidden) and shown by assets/javascripts/search-help.js."""

from __future__ import annotations

from site_data import page_language, page_link, site_data
from helpcentre.render import render_search_help


def on_post_page(output, page, config):
    data = site_data(config)
    if data.registry is None or "</body>" not in output:
        return output
    lang = page_language(page, config)
    panel = render_search_help(data.registry, data.catalogue, lang, page_link(page, lang))
    return output.replace("</body>", f'<template id="hc-search-help">{panel}</template></body>', 1)
