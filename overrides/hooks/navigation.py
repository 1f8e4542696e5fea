"""Navigation from the files themselves: no `nav:` in mkdocs.yml.

Pages sort by front matter `order`, then title; a section takes its title
(translated, from front matter) and its place from its index page; previous
and next links stay within a category."""

from __future__ import annotations

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from site_data import current_language, site_data


def on_nav(nav, config, files):
    data = site_data(config)
    lang = current_language(config)

    def doc_of(page: Page):
        return data.document(page.file.src_uri, lang)

    def sort_key(item) -> tuple:
        page = item if isinstance(item, Page) else _index_page(item)
        doc = doc_of(page) if page is not None else None
        is_home = doc is not None and doc.kind == "page" and doc.slug == "index"
        return (not is_home, *(doc.sort_key if doc else (float("inf"), str(item.title), "")))

    def arrange(items: list) -> None:
        items.sort(key=sort_key)
        for item in items:
            if isinstance(item, Section):
                index = _index_page(item)
                if index is not None:
                    doc = doc_of(index)
                    if doc is not None:
                        item.title = str(doc.meta.get("title", item.title))
                    item.children.remove(index)
                    arrange(item.children)
                    item.children.insert(0, index)
                else:
                    arrange(item.children)

    arrange(nav.items)
    _relink(nav)
    return nav


def _index_page(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page) and child.file.name == "index":
            return child
    return None


def _relink(nav) -> None:
    """Previous/next follow the new order and stay inside one category: the
    footer of an article leads to its neighbours, not into another topic."""
    pages = []

    def walk(items):
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    nav.pages = pages
    for page in pages:
        page.previous_page = page.next_page = None
    for group in _groups(nav.items):
        for previous, current in zip(group, group[1:]):
            previous.next_page, current.previous_page = current, previous


def _groups(items) -> list[list[Page]]:
    """The pages of each section, and the top-level pages on their own."""
    groups = []
    for item in items:
        if isinstance(item, Section):
            groups.append([child for child in item.children if isinstance(child, Page)])
            groups += _groups([child for child in item.children if isinstance(child, Section)])
    return groups
