"""Small repairs to Material's markup that axe-core reports: the search
dialog needs an accessible name, and the search landmark inside it a label
of its own (the home page has a second search form)."""

from __future__ import annotations

import re

from site_data import current_language, page_language, site_data

SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?=>)')
SEARCH_LANDMARK = re.compile(r'<div class="md-search__inner" role="search"(?=>)')


def name_search(html: str, label: str) -> str:
    html = SEARCH_DIALOG.sub(f'\\g<0> aria-label="{label}"', html, count=1)
    return SEARCH_LANDMARK.sub(f'\\g<0> aria-label="{label}"', html, count=1)


def _label(config, lang: str) -> str:
    data = site_data(config)
    return data.registry.text("labels.search_button", lang) if data.registry else "Search"


def on_post_page(output, page, config):
    return name_search(output, _label(config, page_language(page, config)))


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    return name_search(output, _label(config, current_language(config)))
