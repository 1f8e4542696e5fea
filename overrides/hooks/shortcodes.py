"""Fill `{{ ... }}` shortcodes (brand, contact channels, listings) in page
Markdown and in the title and description; an unknown one fails the build."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from site_data import page_language, site_data
from helpcentre.content import markdown_body
from helpcentre.findings import format_findings
from helpcentre.render import PageContext, ShortcodeError, expand, expand_inline


def on_page_markdown(markdown, page, config, files):
    data = site_data(config)
    doc = data.document(page.file.src_uri, page_language(page, config))
    if doc is None or data.registry is None:
        return markdown
    ctx = PageContext(data.registry, data.catalogue, doc)
    try:
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = expand_inline(page.meta[key], ctx)
    except ShortcodeError as error:
        raise PluginError(f"{doc.path}:{doc.line_of('title')}: SHORTCODE-INVALID {error}") from error
    _, first_line = markdown_body(page.file.content_string, doc.front)
    markdown, findings = expand(markdown, ctx, first_line)
    if findings:
        raise PluginError(format_findings(findings))
    return markdown
