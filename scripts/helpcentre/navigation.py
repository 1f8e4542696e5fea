"""Navigation from the files themselves (no `nav:` in mkdocs.yml): pages
sort by front matter `order`, then title; a section takes its title and its
place from its index page; previous and next stay within a category; the
sidebar shows every category but only a window of the current one, so a
page's HTML does not grow with the size of the help centre."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from helpcentre.content import Document


@dataclass
class SectionLayout:
    """A section's pages as arranged once per language build."""

    section: Section
    index: Page | None
    articles: list[Page]
    positions: dict[int, int]  # id(page) -> its place among the articles

    def collapse(self) -> None:
        """Only the section's entry point, for pages outside it."""
        self.section.children = [self.index] if self.index else self.articles[:1]

    def window(self, page: Page, size: int, all_articles_label: str) -> None:
        head = [self.index] if self.index else []
        if len(self.articles) <= size:
            self.section.children = head + self.articles
            return
        position = self.positions.get(id(page), 0)
        start = max(0, min(position - size // 2, len(self.articles) - size))
        self.section.children = head + self.articles[start:start + size] + [
            Link(all_articles_label.format(count=len(self.articles)), (self.index or page).url)]


def arrange(nav: Navigation, document_of: Callable[[Page], Document | None],
            is_generated: Callable[[Page], bool]) -> list[SectionLayout]:
    """Sort and relink `nav` in place; return each section's layout."""
    _drop(nav.items, is_generated)

    def sort_key(item) -> tuple:
        page = item if isinstance(item, Page) else _index_page(item)
        doc = document_of(page) if page is not None else None
        is_home = doc is not None and doc.is_home
        return (not is_home, *(doc.sort_key if doc else (float("inf"), str(item.title), "")))

    def sort(items: list) -> None:
        items.sort(key=sort_key)
        for item in items:
            if not isinstance(item, Section):
                continue
            index = _index_page(item)
            if index is None:
                sort(item.children)
                continue
            doc = document_of(index)
            if doc is not None:
                item.title = str(doc.meta.get("title", item.title))
            item.children.remove(index)
            sort(item.children)
            item.children.insert(0, index)

    sort(nav.items)
    _relink(nav)
    layouts = []
    for section in _sections(nav.items):
        index = _index_page(section)
        articles = [child for child in section.children if child is not index]
        layouts.append(SectionLayout(section, index, articles, {id(a): n for n, a in enumerate(articles)}))
    return layouts


def show_sidebar(layouts: list[SectionLayout], page: Page | None, size: int, all_articles_label: str) -> None:
    """Every category, and only the current category's articles around `page`."""
    current = page.parent if page is not None and isinstance(page.parent, Section) else None
    for layout in layouts:
        if layout.section is current:
            layout.window(page, size, all_articles_label)
        else:
            layout.collapse()


def _sections(items) -> list[Section]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found += _sections(item.children)
    return found


def _drop(items: list, is_generated: Callable[[Page], bool]) -> None:
    """Category listing pages 2, 3 ... are reached from the listing, not the sidebar."""
    items[:] = [item for item in items if not (isinstance(item, Page) and is_generated(item))]
    for item in items:
        if isinstance(item, Section):
            _drop(item.children, is_generated)


def _index_page(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page) and child.file.name == "index":
            return child
    return None


def _relink(nav: Navigation) -> None:
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
    """The pages of each section."""
    groups = []
    for item in items:
        if isinstance(item, Section):
            groups.append([child for child in item.children if isinstance(child, Page)])
            groups += _groups([child for child in item.children if isinstance(child, Section)])
    return groups
