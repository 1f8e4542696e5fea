"""What an article page shows around its text, as data for the theme's
partials (overrides/partials/hc-*.html): the description and last-updated
date under the title, the contact channels, "Was this helpful?" and related
articles. Links are URLs relative to the page."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import date

from babel.dates import format_date

from helpcentre.content import Catalogue, Document
from helpcentre.registry import Registry

Link = Callable[[str], str]


def related_articles(catalogue: Catalogue, doc: Document, limit: int) -> list[Document]:
    """Same category first, then shared keywords; never the article itself.
    Looked up through indexes, so the cost per page does not grow with the
    size of the help centre."""
    shared = catalogue.keyword_neighbours(doc)
    candidates = dict(shared)
    same_category = (d for d in catalogue.articles(doc.category, doc.lang) if d.stem != doc.stem)
    for other, _ in zip(same_category, range(limit + 1)):
        candidates.setdefault(other, 0)
    candidates.pop(doc, None)

    def rank(other: Document) -> tuple:
        same = other.category == doc.category
        return (-(2 * same + candidates[other]), not same, other.sort_key)

    return heapq.nsmallest(limit, candidates, key=rank)


def updated_label(day: date | None, date_locale: str) -> dict | None:
    return None if day is None else {"iso": day.isoformat(), "text": format_date(day, format="long", locale=date_locale)}


def channel_links(registry: Registry, lang: str, link: Link) -> list[dict]:
    """Every channel with its hours and response time, linking to the contact page."""
    contact = link("contact.md")
    return [{"id": cid, "url": f"{contact}#{cid}",
             **{name: registry.text(f"channels.{cid}.{name}", lang) for name in ("name", "hours", "response")}}
            for cid in registry.channel_ids]


def article_list(docs: list[Document], link: Link) -> list[dict]:
    return [{"title": str(d.meta["title"]), "description": str(d.meta.get("description", "")),
             "url": link(d.rel_without_lang())} for d in docs]
