"""Everything around an article's text, for overrides/main.html: title with
description and last-updated date, the contact block that ends every
troubleshooting article, "Was this helpful?", and related articles."""

from __future__ import annotations

from site_data import page_language, page_link, site_data
from helpcentre.article import (
    related_articles, render_contact_block, render_feedback, render_header, render_related,
)


def on_page_context(context, page, config, nav):
    data = site_data(config)
    lang = page_language(page, config)
    doc = data.document(page.file.src_uri, lang)
    if doc is None or doc.kind != "article" or data.registry is None:
        return context
    link = page_link(page, lang)
    related = related_articles(data.catalogue, doc)
    troubleshooting = doc.meta.get("type") == "troubleshooting"
    endpoint = (config.extra.get("feedback") or {}).get("endpoint") or ""
    context["hc_article"] = {
        "header": render_header(page.title, page.meta.get("description", ""), data.last_changed(doc),
                                data.registry, lang),
        "contact_block": render_contact_block(data.registry, lang, link) if troubleshooting else "",
        "feedback": render_feedback(data.registry, lang, link, related, troubleshooting, endpoint),
        "related": render_related(related, lang, data.registry, link),
    }
    return context
