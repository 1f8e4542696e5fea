"""Shortcodes: `{{ name }}` placeholders in Markdown, filled from the registry
and the catalogue of pages.

Inline shortcodes may stand anywhere in a line:

    {{ brand }}                      the brand name
    {{ channels.<id>.<field> }}      a registry text, e.g. {{ channels.chat.name }}

Block shortcodes stand alone on their line and expand to Markdown:

    {{ contact_channels }}   every channel with hours and response time
    {{ official_notice }}    "use official channels only"
    {{ contact_cta }}        a call to action linking to the contact page
    {{ search_box }}         the home page search form
    {{ category_cards }}     the categories as cards
    {{ category_articles }}  the articles of this category, with descriptions
    {{ popular_articles }}   the pages listed under `popular:` in front matter

An unknown shortcode is an error with its line, never literal text on a page.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from helpcentre.content import Catalogue, Document, page_path
from helpcentre.findings import Finding
from helpcentre.registry import Registry

SHORTCODE = re.compile(r"\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class PageContext:
    registry: Registry
    catalogue: Catalogue
    doc: Document

    @property
    def lang(self) -> str:
        return self.doc.lang

    def label(self, name: str) -> str:
        return self.registry.text(f"labels.{name}", self.lang)

    def link(self, target_rel: str) -> str:
        """Relative link from this page to a docs-relative .md path."""
        start = posixpath.dirname(self.doc.rel) or "."
        return posixpath.relpath(target_rel, start)


class ShortcodeError(Exception):
    pass


def expand_inline(text: str, ctx: PageContext) -> str:
    """Fill inline shortcodes in a one-line text (titles, descriptions)."""
    return SHORTCODE.sub(lambda match: _inline(match.group(1), ctx), text)


def expand(markdown: str, ctx: PageContext, first_line: int = 1) -> tuple[str, list[Finding]]:
    """Fill every shortcode of a page body; `first_line` is the file line of
    the body's first line, so findings point into the source file."""
    out, findings = [], []
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or "{{" not in line:
            out.append(line)
            continue
        block = SHORTCODE.fullmatch(line.strip())
        if block and block.group(1) in BLOCKS:
            try:
                out.append(BLOCKS[block.group(1)](ctx))
            except ShortcodeError as error:
                findings.append(Finding(ctx.doc.path, number, "SHORTCODE-INVALID", str(error)))
            continue

        def replace(match: re.Match) -> str:
            name = match.group(1)
            if name in BLOCKS:
                raise ShortcodeError(f"{{{{ {name} }}}} renders a block: put it alone on its own line")
            return _inline(name, ctx)

        try:
            out.append(SHORTCODE.sub(replace, line))
        except ShortcodeError as error:
            findings.append(Finding(ctx.doc.path, number, "SHORTCODE-INVALID", str(error)))
            out.append(line)
    return "\n".join(out), findings


def _inline(name: str, ctx: PageContext) -> str:
    if name == "brand":
        return ctx.registry.brand
    if name.startswith("channels.") and ctx.registry.has_text(name, ctx.lang):
        return ctx.registry.text(name, ctx.lang)
    known = ", ".join(["brand", "channels.<id>.<field>", *BLOCKS])
    raise ShortcodeError(f"unknown shortcode {{{{ {name} }}}}; known: {known}")


# --- block renderers ----------------------------------------------------------


def channel_how(registry: Registry, channel_id: str, lang: str) -> str:
    channel = registry.data["channels"][channel_id]
    if "how" in channel:
        return registry.text(f"channels.{channel_id}.how", lang)
    detail = registry.text(f"channels.{channel_id}.detail", lang)
    if "link" in channel:
        return f"[{detail}]({channel['link']})"
    return f"**{detail}**"


def render_contact_channels(ctx: PageContext) -> str:
    registry, lang = ctx.registry, ctx.lang
    colon = "：" if lang == "zh" else ":"
    parts = []
    for channel_id in registry.channel_ids:
        channel = registry.data["channels"][channel_id]
        key = f"channels.{channel_id}"
        icon = channel.get("icon", "material/help-circle-outline").replace("/", "-")
        details = [f"- **{ctx.label('how')}{colon}** {channel_how(registry, channel_id, lang)}"]
        if "how" in channel and "detail" in channel:
            details.append(f"    {registry.text(f'{key}.detail', lang)}")
        for field in ("hours", "response", "best_for"):
            details.append(f"- **{ctx.label(field)}{colon}** {registry.text(f'{key}.{field}', lang)}")
        parts.append("\n".join([
            f"## :{icon}: {registry.text(f'{key}.name', lang)} {{#{channel_id}}}",
            "",
            registry.text(f"{key}.summary", lang),
            "",
            *details,
            "",
        ]))
    return "\n".join(parts)


def render_official_notice(ctx: PageContext) -> str:
    title = ctx.registry.text("official_notice.title", ctx.lang)
    text = ctx.registry.text("official_notice.text", ctx.lang)
    return f'!!! warning "{title}"\n\n    {text}\n'


def render_contact_cta(ctx: PageContext) -> str:
    contact = ctx.link("contact.md")
    channels = " · ".join(
        f"[{ctx.registry.text(f'channels.{cid}.name', ctx.lang)}]({contact}#{cid})"
        for cid in ctx.registry.channel_ids
    )
    return "\n".join([
        '<div class="hc-cta" markdown>',
        "",
        f"**{ctx.label('contact_cta_title')}** {ctx.label('contact_cta_text')}",
        "",
        channels,
        "",
        f"[{ctx.label('contact_cta_button')}]({contact}){{ .md-button .md-button--primary }}",
        "",
        "</div>",
        "",
    ])


def render_search_box(ctx: PageContext) -> str:
    label = html.escape(ctx.label("search_label"))
    placeholder = html.escape(ctx.label("search_placeholder"))
    button = html.escape(ctx.label("search_button"))
    # A plain GET form: Material opens its search with the query from ?q=,
    # and without JavaScript the form still lands on a page with the query.
    return (
        f'<form class="hc-search" role="search" aria-label="{label}" action="." method="get">\n'
        f'<label class="hc-search__label" for="hc-search-input">{label}</label>\n'
        f'<div class="hc-search__row">'
        f'<input class="hc-search__input" id="hc-search-input" type="search" name="q" '
        f'placeholder="{placeholder}" autocomplete="off" enterkeyhint="search">'
        f'<button class="md-button md-button--primary hc-search__button" type="submit">{button}</button>'
        f"</div>\n</form>\n"
    )


def render_category_cards(ctx: PageContext) -> str:
    lines = ['<div class="grid cards hc-categories" markdown>', ""]
    for category in ctx.catalogue.categories(ctx.lang):
        icon = str(category.meta.get("icon", "material/folder-outline")).replace("/", "-")
        title = expand_inline(str(category.meta["title"]), ctx)
        description = expand_inline(str(category.meta["description"]), ctx)
        lines += [
            f"-   :{icon}:{{ .lg .middle }} **[{title}]({ctx.link(category.rel_without_lang())})**",
            "",
            "    ---",
            "",
            f"    {description}",
            "",
        ]
    lines += ["</div>", ""]
    return "\n".join(lines)


CATEGORY_PAGE_SIZE = 25


def category_page_count(catalogue: Catalogue, category: str, lang: str) -> int:
    return max(1, -(-len(catalogue.articles(category, lang)) // CATEGORY_PAGE_SIZE))


def category_page_file(page: int) -> str:
    """The Markdown path of a category listing page, beside the index."""
    return "index.md" if page == 1 else f"page-{page}.md"


def render_category_page(ctx: PageContext, page: int) -> str:
    """One page of a category's articles and, when there are more than fit
    on one page, the links to every page: a page's size never grows with
    the number of articles."""
    articles = ctx.catalogue.articles(ctx.doc.category, ctx.lang)
    start = (page - 1) * CATEGORY_PAGE_SIZE
    listing = _article_list(ctx, articles[start:start + CATEGORY_PAGE_SIZE])
    pages = category_page_count(ctx.catalogue, ctx.doc.category, ctx.lang)
    if pages == 1:
        return listing
    links = " ".join(f"**{n}**" if n == page else f"[{n}]({category_page_file(n)})" for n in range(1, pages + 1))
    label = html.escape(ctx.label("pager"))
    return f'{listing}\n<nav class="hc-pager" aria-label="{label}" markdown>\n\n{links}\n\n</nav>\n'


def render_category_articles(ctx: PageContext) -> str:
    if ctx.doc.kind != "category":
        raise ShortcodeError("{{ category_articles }} only works on a category index page")
    return render_category_page(ctx, 1)


def render_popular_articles(ctx: PageContext) -> str:
    stems = ctx.doc.meta.get("popular") or []
    docs = []
    for stem in stems:
        doc = ctx.catalogue.get(str(stem), ctx.lang)
        if doc is None:
            raise ShortcodeError(f"popular article '{stem}' does not exist; use a path like account/reset-password")
        docs.append(doc)
    if not docs:
        raise ShortcodeError("{{ popular_articles }} needs a 'popular:' list of article paths in the front matter")
    return f"## {ctx.label('popular_title')} {{#popular}}\n\n" + _article_list(ctx, docs)


def _article_list(ctx: PageContext, docs: list[Document]) -> str:
    items = []
    for doc in docs:
        title = expand_inline(str(doc.meta.get("title", doc.slug)), ctx)
        description = expand_inline(str(doc.meta.get("description", "")), ctx)
        items.append(f"-   [{title}]({ctx.link(doc.rel_without_lang())})\n\n    {description}\n")
    return '<div class="hc-article-list" markdown>\n\n' + "\n".join(items) + "\n</div>\n"


def _category_items(catalogue: Catalogue, lang: str, link) -> str:
    return "".join(f'<li><a href="{link(doc.rel_without_lang())}">{html.escape(str(doc.meta["title"]))}</a></li>'
                   for doc in catalogue.categories(lang))


def _channel_items(registry: Registry, lang: str, link, hours: bool) -> str:
    def item(cid: str) -> str:
        name = html.escape(registry.text(f"channels.{cid}.name", lang))
        when = f' <span>{html.escape(registry.text(f"channels.{cid}.hours", lang))}</span>' if hours else ""
        return f'<li><a href="{link("contact.md")}#{cid}">{name}</a>{when}</li>'
    return "".join(item(cid) for cid in registry.channel_ids)


def render_search_help(registry: Registry, catalogue: Catalogue, lang: str, link) -> str:
    """The panel the search dialog shows instead of a dead end: categories and
    contact channels. `link(docs_rel)` turns a docs path into a URL."""
    text = lambda key: html.escape(registry.text(f"labels.{key}", lang))  # noqa: E731
    return (
        '<div class="hc-search-help" data-hc-search-help hidden>'
        f'<p class="hc-search-help__title">{text("search_help_title")}</p>'
        f'<p>{text("search_help_text")}</p>'
        f'<p class="hc-search-help__heading">{text("search_help_browse")}</p>'
        f'<ul>{_category_items(catalogue, lang, link)}</ul>'
        f'<p class="hc-search-help__heading">{text("search_help_contact")}</p>'
        f'<ul>{_channel_items(registry, lang, link, hours=True)}</ul>'
        "</div>"
    )


def render_not_found(registry: Registry, catalogue: Catalogue, lang: str, language_root: str) -> str:
    """The 404 page of one language: search, the categories, a way home and
    the contact channels. Links are absolute, since a 404 page is served at
    any depth."""
    text = lambda key: html.escape(registry.text(f"labels.{key}", lang))  # noqa: E731

    def link(docs_rel: str) -> str:
        return language_root + page_path(docs_rel)

    return (
        f'<h1>{text("not_found_title")}</h1>'
        f'<p class="hc-description">{text("not_found_text")}</p>'
        f'<form class="hc-search hc-search--inline" role="search" aria-label="{text("search_label")}" '
        f'action="{language_root}" method="get">'
        f'<label class="hc-search__label" for="hc-not-found-search">{text("search_label")}</label>'
        f'<div class="hc-search__row"><input class="hc-search__input" id="hc-not-found-search" type="search" '
        f'name="q" placeholder="{text("search_placeholder")}" autocomplete="off">'
        f'<button class="md-button md-button--primary hc-search__button" type="submit">{text("search_button")}</button>'
        "</div></form>"
        f'<h2 id="browse">{text("search_help_browse")}</h2>'
        f'<ul class="hc-link-list">{_category_items(catalogue, lang, link)}</ul>'
        f'<h2 id="contact">{text("search_help_contact")}</h2>'
        f'<ul class="hc-link-list">{_channel_items(registry, lang, link, hours=False)}</ul>'
        f'<p><a class="md-button" href="{language_root}">{text("back_home")}</a></p>'
    )


BLOCKS = {
    "contact_channels": render_contact_channels,
    "official_notice": render_official_notice,
    "contact_cta": render_contact_cta,
    "search_box": render_search_box,
    "category_cards": render_category_cards,
    "category_articles": render_category_articles,
    "popular_articles": render_popular_articles,
}
