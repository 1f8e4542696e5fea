"""Navigation from the files themselves: no `nav:` in mkdocs.yml.

Pages sort by front matter `order`, then title; a section takes its title
(translated, from front matter) and its place from its index page; previous
and next links stay within a category."""

from __future__ import annotations

from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

from category_pages import is_category_page
from site_data import current_language, site_data


SIDEBAR_ARTICLES = 25  # articles of the current category shown around the current page


def on_nav(nav, config, files):
    data = site_data(config)
    lang = current_language(config)
    _drop_generated(nav.items)

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
    # Per section, once: its index page, the rest, and where each page sits.
    nav.hc_sections = []
    for section in _sections(nav.items):
        index = _index_page(section)
        articles = [child for child in section.children if child is not index]
        nav.hc_sections.append((section, index, articles, {id(a): n for n, a in enumerate(articles)}))
    return nav


def on_page_context(context, page, config, nav):
    """Each page's sidebar: every category, and only the current category's
    articles, at most SIDEBAR_ARTICLES of them around the current page, so
    the HTML of a page does not grow with the size of the help centre."""
    data = site_data(config)
    lang = current_language(config)
    current = page.parent if isinstance(page.parent, Section) else None
    for section, index, articles, positions in getattr(nav, "hc_sections", []):
        if section is not current:
            section.children = [index] if index else articles[:1]
            continue
        head = [index] if index else []
        if len(articles) <= SIDEBAR_ARTICLES:
            section.children = head + articles
            continue
        position = positions.get(id(page), 0)
        start = max(0, min(position - SIDEBAR_ARTICLES // 2, len(articles) - SIDEBAR_ARTICLES))
        label = data.registry.text("labels.all_articles", lang).format(count=len(articles))
        section.children = head + articles[start:start + SIDEBAR_ARTICLES] + [Link(label, (index or page).url)]
    return context


def on_template_context(context, template_name, config):
    """The 404 page shows the categories only."""
    nav = context.get("nav")
    if template_name == "404.html" and nav is not None:
        for section, index, articles, _ in getattr(nav, "hc_sections", []):
            section.children = [index] if index else articles[:1]
    return context


def _sections(items) -> list[Section]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found += _sections(item.children)
    return found


def _drop_generated(items: list) -> None:
    """Category listing pages 2, 3 ... are reached from the listing, not the sidebar."""
    items[:] = [item for item in items if not (isinstance(item, Page) and is_category_page(item.file))]
    for item in items:
        if isinstance(item, Section):
            _drop_generated(item.children)


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
