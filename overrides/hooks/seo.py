"""What search engines and validators read: <html lang> per language,
absolute hreflang alternates, Open Graph tags, schema.org JSON-LD, a home
page titled with the site name, robots.txt, and Material's markup without
the two things the Nu HTML Checker rejects (autocomplete on checkboxes, empty
tabindex)."""

from __future__ import annotations

import re
from pathlib import Path

from site_data import page_language, site_data
from helpcentre.seo import HTML_LANG, head_tags, json_ld_tags, structured_data

MATERIAL_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# Material writes tabindex="" on navigation labels that are not focusable;
# an empty tabindex is invalid HTML and means the same as none.
EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
HTML_TAG_LANG = re.compile(r'<html lang="[^"]*"')
TITLE = re.compile(r"<title>.*?</title>", re.S)


def valid_html(html: str) -> str:
    """What the Nu HTML Checker rejects in Material's markup, removed."""
    return EMPTY_TABINDEX.sub("", CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))


def on_post_page(output, page, config):
    data = site_data(config)
    lang = page_language(page, config)
    doc = data.document(page.file.src_uri, lang)
    output = valid_html(output)
    if doc is None or data.registry is None:
        return output
    output = HTML_TAG_LANG.sub(f'<html lang="{HTML_LANG[lang]}"', output, count=1)
    output = MATERIAL_ALTERNATE.sub("", output)
    title, description = page.title, page.meta.get("description", "")
    if doc.kind == "page" and doc.slug == "index":
        title = config.site_name
        output = TITLE.sub(f"<title>{title}</title>", output, count=1)
    site_url = config.site_url or "/"
    objects = structured_data(doc, data.catalogue, data.registry, site_url, title, description,
                              page.content or "", data.last_changed(doc) if doc.kind == "article" else None)
    head = head_tags(doc, data.catalogue, site_url, config.site_name, title, description) + "\n" + json_ld_tags(objects)
    return output.replace("</head>", f"{head}\n</head>", 1)


def on_post_template(output, template_name, config):
    # Material's language links send its script after <page>/sitemap.xml.
    return MATERIAL_ALTERNATE.sub("", valid_html(output)) if template_name == "404.html" else valid_html(output)


def on_post_build(config) -> None:
    site_url = (config.site_url or "/").rstrip("/")
    (Path(config.site_dir) / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {site_url}/sitemap.xml\n", encoding="utf-8")
