"""A 404 page per language: site/404.html in Chinese and site/en/404.html in
English, with search, the categories and a way home.

mkdocs-static-i18n renders 404.html once per language into the same file,
so the last language built would win. Each build's page is kept here; the
default language's stays at the root. Static hosts that serve only the root
404 page send English paths on to en/404.html (assets/javascripts/not-found.js)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from site_data import current_language, site_data
from helpcentre.content import DEFAULT_LANGUAGE, language_prefix
from helpcentre.render import render_not_found
from helpcentre.seo import HTML_LANG

KEPT = "_hc_not_found_pages"


def language_root(config, lang: str) -> str:
    root = urlsplit(config.site_url or "/").path or "/"
    return root + language_prefix(lang)


def on_template_context(context, template_name, config):
    if template_name != "404.html":
        return context
    data = site_data(config)
    lang = current_language(config)
    if data.registry is not None:
        context["hc_not_found"] = render_not_found(data.registry, data.catalogue, lang, language_root(config, lang))
        context["hc_not_found_title"] = data.registry.text("labels.not_found_title", lang)
    return context


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    lang = current_language(config)
    output = output.replace('<html lang="', f'<html data-hc-root="{language_root(config, DEFAULT_LANGUAGE)}" lang="', 1)
    output = output.replace(f'lang="{lang}"', f'lang="{HTML_LANG.get(lang, lang)}"', 1)
    kept = config.extra.setdefault(KEPT, {})
    kept[lang] = output
    if lang != DEFAULT_LANGUAGE:
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
    # MkDocs writes the returned page to site/404.html: keep the default language there.
    return kept.get(DEFAULT_LANGUAGE, output)
