"""What an article page shows around its text: the description and the
last-updated date under the title, a contact block at the end of a
troubleshooting article, the "Was this helpful?" control, related articles.

All HTML here is rendered from the registry and the catalogue; `link`
turns a docs path (account/register.md) into a URL relative to the page.
"""

from __future__ import annotations

import heapq
import html
from collections.abc import Callable
from datetime import date

from babel.dates import format_date

from helpcentre.content import Catalogue, Document
from helpcentre.registry import Registry

BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en_US"}
RELATED_LIMIT = 4
Link = Callable[[str], str]


def localized_date(day: date, lang: str) -> str:
    return format_date(day, format="long", locale=BABEL_LOCALES.get(lang, lang))


def related_articles(catalogue: Catalogue, doc: Document, limit: int = RELATED_LIMIT) -> list[Document]:
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


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def render_header(title: str, description: str, updated: date | None, registry: Registry, lang: str) -> str:
    parts = [f"<h1>{_escape(title)}</h1>", f'<p class="hc-description">{_escape(description)}</p>']
    if updated is not None:
        label = registry.text("labels.updated", lang)
        colon = "：" if lang == "zh" else ": "
        parts.append(f'<p class="hc-updated">{_escape(label)}{colon}'
                     f'<time datetime="{updated.isoformat()}">{_escape(localized_date(updated, lang))}</time></p>')
    return "\n".join(parts)


def render_contact_block(registry: Registry, lang: str, link: Link, heading_id: str | None = "still-need-help",
                         intro_key: str | None = "still_need_help_text") -> str:
    """Every channel with its hours and response time, and the official-channels notice."""
    text = lambda key: _escape(registry.text(key, lang))  # noqa: E731
    contact = link("contact.md")
    items = "".join(
        f'<li><a href="{contact}#{cid}"><strong>{text(f"channels.{cid}.name")}</strong></a>'
        f'<span>{text(f"channels.{cid}.hours")}</span><span>{text(f"channels.{cid}.response")}</span></li>'
        for cid in registry.channel_ids
    )
    if heading_id:
        opening = f'<section class="hc-contact-block" aria-labelledby="{heading_id}">'
        heading = f'<h2 id="{heading_id}">{text("labels.still_need_help")}</h2>'
    else:
        opening = '<section class="hc-contact-block">'
        heading = f'<p class="hc-contact-block__title">{text("labels.still_need_help")}</p>'
    intro = f"<p>{text(f'labels.{intro_key}')}</p>" if intro_key else ""
    notice = f'<p class="hc-notice"><strong>{text("official_notice.title")}</strong> {text("official_notice.text")}</p>'
    return f'{opening}{heading}{intro}<ul class="hc-channels">{items}</ul>{notice}</section>'


def render_related(docs: list[Document], lang: str, registry: Registry, link: Link, heading: bool = True) -> str:
    if not docs:
        return ""
    items = "".join(
        f'<li><a href="{link(d.rel_without_lang())}">{_escape(str(d.meta["title"]))}</a>'
        f'<span>{_escape(str(d.meta.get("description", "")))}</span></li>'
        for d in docs
    )
    title = _escape(registry.text("labels.related_title", lang))
    top = f'<h2 id="related-articles">{title}</h2>' if heading else f'<p class="hc-related__title">{title}</p>'
    return f'<nav class="hc-related" aria-label="{title}">{top}<ul>{items}</ul></nav>'


def render_feedback(registry: Registry, lang: str, link: Link, related: list[Document],
                    troubleshooting: bool, endpoint: str = "") -> str:
    """"Was this helpful?": "No" reveals a way to reach a person and the
    related articles. Nothing is sent anywhere unless `endpoint` is set."""
    text = lambda key: _escape(registry.text(f"labels.{key}", lang))  # noqa: E731
    contact = (f'<p><a href="#still-need-help">{text("still_need_help")}</a></p>' if troubleshooting
               else render_contact_block(registry, lang, link, heading_id=None, intro_key=None))
    return (
        f'<section class="hc-feedback" data-hc-feedback data-endpoint="{_escape(endpoint)}" '
        f'data-lang="{lang}" aria-labelledby="hc-feedback-question">'
        f'<p class="hc-feedback__question" id="hc-feedback-question">{text("feedback_question")}</p>'
        '<div class="hc-feedback__buttons">'
        f'<button type="button" class="md-button" data-helpful="yes">{text("feedback_yes")}</button>'
        f'<button type="button" class="md-button" data-helpful="no">{text("feedback_no")}</button>'
        "</div>"
        f'<p class="hc-feedback__thanks" role="status" hidden>{text("feedback_thanks")}</p>'
        f'<div class="hc-feedback__more" tabindex="-1" hidden><p>{text("feedback_sorry")}</p>'
        f"{contact}{render_related(related, lang, registry, link, heading=False)}</div>"
        "</section>"
    )
