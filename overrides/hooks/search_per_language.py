"""One search index per language, each searched only by its own pages.

mkdocs-static-i18n merges every language into site/search/search_index.json,
so a Chinese reader gets English results and the other way round. After the
last language is built this hook splits that file into
site/search/search_index.json (Chinese) and site/en/search/search_index.json
(English, locations relative to /en/), each with its own lunr language and
pipeline, and adds the writer-chosen `keywords` of each article as a heavily
boosted field.

Every page's Material config then points at its language's root (so the
browser loads that language's index and resolves results under it) and at
hc-search-worker.js, which stems English queries like the English index.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from site_data import current_language, page_language, site_data
from helpcentre.content import DEFAULT_LANGUAGE, LANGUAGES, language_prefix, page_path
from helpcentre.search import split_index

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
WORKER = "hc-search-worker.js"


# After mkdocs-static-i18n (-100) has written the merged index of all languages.
@event_priority(-200)
def on_post_build(config) -> None:
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.is_file():
        return
    merged = json.loads(index_file.read_text(encoding="utf-8"))
    keywords = _keywords_by_location(config)
    indexes = split_index(merged, LANGUAGES, DEFAULT_LANGUAGE, keywords, cut=_jieba_cut)
    site_dir = Path(config.site_dir)
    for lang, index in indexes.items():
        target = site_dir / language_prefix(lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")



def _jieba_cut(text: str) -> list[str]:
    # The jieba Material's search plugin loaded, with its user dictionary.
    import jieba

    return list(jieba.cut(text))


def _keywords_by_location(config) -> dict[str, list[str]]:
    """Merged-index location of each page -> its front matter keywords."""
    keywords = {}
    for doc in site_data(config).catalogue.documents:
        words = doc.meta.get("keywords")
        if isinstance(words, list) and words:
            keywords[language_prefix(doc.lang) + page_path(doc.rel_without_lang())] = [str(w) for w in words]
    return keywords


def on_post_page(output, page, config):
    return rewrite_config(output, page_language(page, config))


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        return rewrite_config(output, current_language(config))
    return output


def rewrite_config(html: str, lang: str) -> str:
    match = CONFIG_SCRIPT.search(html)
    if match is None:
        return html
    app = json.loads(match.group(2))
    if language_prefix(lang):
        # A trailing slash, or the browser resolves "search/..." beside "en".
        app["base"] = posixpath.join(app["base"], language_prefix(lang))
    material_worker = posixpath.basename(app["search"])
    if material_worker != WORKER and not material_worker.startswith(WORKER):
        app["search"] = f"{posixpath.dirname(app['search'])}/{WORKER}?material={material_worker}"
    encoded = json.dumps(app, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return html[: match.start(2)] + encoded + html[match.end(2):]
