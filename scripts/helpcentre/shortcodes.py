"""Shortcodes: `{{ name }}` placeholders in Markdown, filled from the registry
and the catalogue of pages.

Inline shortcodes may stand anywhere in a line:

    {{ brand }}                      the brand name
    {{ channels.<id>.<field> }}      a registry text, e.g. {{ channels.chat.name }}
    {{ policy.<key> }}               a policy value, e.g. {{ policy.withdrawal_fee.rate }}

Block shortcodes stand alone on their line. Each is a template of the theme,
`partials/shortcodes/<name>.md` (Markdown that may include HTML partials),
so a team changes what one renders by overriding that file:

    {{ contact_channels }}   every channel with hours and response time
    {{ official_notice }}    "use official channels only"
    {{ contact_cta }}        a call to action linking to the contact page
    {{ search_box }}         the home page search form
    {{ urgent_channels }}    the contact page's situations that cannot wait, each with its channel
    {{ describe_problem }}   the contact page's box that answers with three articles as one types
    {{ category_cards }}     the categories as cards
    {{ category_articles }}  the articles of this category, with descriptions
    {{ popular_articles }}   the pages listed under `popular:` in front matter
    {{ response_times }}     every channel with its hours and expected response
    {{ glossary }}           every term of the glossary with its definition
    {{ policy.<table> }}     a table of policy values, e.g. {{ policy.withdrawal_time }}

An unknown shortcode is an error with its line, never literal text on a page.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

import jinja2

from typing import TYPE_CHECKING

from helpcentre.content import Catalogue, Document, page_path
from helpcentre.findings import Finding
from helpcentre.lines import source_lines
from helpcentre.policy import PolicyError

if TYPE_CHECKING:
    from helpcentre.site import Site

SHORTCODE = re.compile(r"\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}")
SHORTCODE_TEMPLATES = "partials/shortcodes/{name}.md"


class ShortcodeError(Exception):
    pass


@dataclass
class PageContext:
    """What a shortcode or a page block knows about the page it is rendered into."""

    site: Site
    doc: Document
    page_url: str  # below the site root: en/account/, or en/account/page-2/ for a listing page

    @property
    def registry(self):
        return self.site.registry

    @property
    def catalogue(self):
        return self.site.catalogue

    @property
    def lang(self) -> str:
        return self.doc.lang

    def label(self, name: str) -> str:
        return self.registry.text(f"labels.{name}", self.lang)

    def text(self, key: str) -> str:
        return self.registry.text(key, self.lang)

    def md_link(self, target_rel: str) -> str:
        """Markdown link from this page's file to a docs-relative .md path."""
        return posixpath.relpath(target_rel, posixpath.dirname(self.doc.rel) or ".")

    def url(self, target_rel: str) -> str:
        """HTML link from this page's URL to the page of a docs-relative .md path."""
        return relative_url(self.page_url, self.site.languages.prefix(self.lang) + page_path(target_rel))

    def render(self, template: str, **values) -> str:
        try:
            labels = self.registry.data["labels"]
            return self.site.env.get_template(template).render(
                labels={name: self.label(name) for name in labels}, lang=self.lang, **values)
        except jinja2.TemplateNotFound as error:
            raise ShortcodeError(f"the theme has no template {error.name}: copy overrides/partials/ from the "
                                 "help centre into your theme's custom_dir") from error


def relative_url(from_url: str, to_url: str) -> str:
    """A link between two directory URLs below the site root (account/x/, en/)."""
    relative = posixpath.relpath(to_url or ".", from_url.rstrip("/") or ".")
    return relative if relative.endswith("/") else relative + "/"


def expand_inline(text: str, ctx: PageContext) -> str:
    """Fill inline shortcodes in a one-line text (titles, descriptions)."""
    return SHORTCODE.sub(lambda match: _inline(match.group(1), ctx), text)


def expand(ctx: PageContext, body: str) -> tuple[str, list[Finding]]:
    """Every shortcode of a page's body filled; findings point into the source file."""
    out, findings = [], []
    for line in source_lines(body.split("\n"), ctx.doc.first_line):
        if line.in_code or "{{" not in line.text:
            out.append(line.text)
            continue
        block = SHORTCODE.fullmatch(line.text.strip())
        try:
            if block and block.group(1) in BLOCKS:
                out.append(render_block(block.group(1), ctx))
            elif block and is_policy_table(block.group(1), ctx):
                out.append(render_policy_table(block.group(1), ctx))
            else:
                # Registry and policy texts are text: escaped, they can never add markup to a page.
                out.append(SHORTCODE.sub(lambda match: html.escape(_inline(match.group(1), ctx), quote=False),
                                         line.text))
        except (ShortcodeError, PolicyError) as error:
            findings.append(Finding(ctx.doc.path, line.number, "SHORTCODE-INVALID", str(error)))
            out.append(line.text)
    return "\n".join(out), findings


def has_block(body: str, name: str) -> bool:
    """Whether a page's Markdown has the block shortcode `name` on a line of its own."""
    return any((block := SHORTCODE.fullmatch(line.strip())) and block.group(1) == name for line in body.split("\n"))


def render_block(name: str, ctx: PageContext) -> str:
    return ctx.render(SHORTCODE_TEMPLATES.format(name=name), **BLOCKS[name](ctx))


def _inline(name: str, ctx: PageContext) -> str:
    if name in BLOCKS:
        raise ShortcodeError(f"{{{{ {name} }}}} renders a block: put it alone on its own line")
    if name == "brand":
        return ctx.registry.brand
    if name.startswith("channels.") and ctx.registry.has_text(name, ctx.lang):
        return ctx.registry.text(name, ctx.lang)
    if name.startswith(POLICY_PREFIX):
        return policy_of(ctx).value(name[len(POLICY_PREFIX):], ctx.lang)
    known = ", ".join(["brand", "channels.<id>.<field>", "policy.<key>", *BLOCKS])
    raise ShortcodeError(f"unknown shortcode {{{{ {name} }}}}; known: {known}")


# --- policy values ------------------------------------------------------------------

POLICY_PREFIX = "policy."


def policy_of(ctx: PageContext):
    if ctx.site.policy is None:
        raise ShortcodeError("this site has no policy file: create docs/policy.yml (see the writers' guide)")
    return ctx.site.policy


def is_policy_table(name: str, ctx: PageContext) -> bool:
    if not name.startswith(POLICY_PREFIX):
        return False
    try:
        return policy_of(ctx).is_table(name[len(POLICY_PREFIX):])
    except PolicyError:
        return False  # the inline lookup names the problem


def render_policy_table(name: str, ctx: PageContext) -> str:
    return ctx.render(SHORTCODE_TEMPLATES.format(name="policy_table"),
                      table=policy_of(ctx).table(name[len(POLICY_PREFIX):], ctx.lang))


# --- what each block template is given ------------------------------------------


def channel(ctx: PageContext, channel_id: str) -> dict:
    data = ctx.registry.data["channels"][channel_id]
    key = f"channels.{channel_id}"
    fields = {name: ctx.text(f"{key}.{name}") for name in ("name", "summary", "hours", "response", "best_for")
              if ctx.registry.has_text(f"{key}.{name}", ctx.lang)}
    return {"id": channel_id, "icon": str(data.get("icon", "material/help-circle-outline")).replace("/", "-"),
            "how": ctx.text(f"{key}.how") if "how" in data else None,
            "detail": ctx.text(f"{key}.detail") if "detail" in data else None,
            "link": data.get("link"), **fields}


def channels_context(ctx: PageContext) -> dict:
    return {"channels": [channel(ctx, cid) for cid in ctx.registry.channel_ids], "contact": ctx.md_link("contact.md")}


def contact_page_section(ctx: PageContext) -> dict:
    if "contact_page" not in ctx.registry.data:
        raise ShortcodeError("this needs a 'contact_page' section in the registry (see the writers' guide)")
    return ctx.registry.data["contact_page"]


def urgent_channels_context(ctx: PageContext) -> dict:
    situations = contact_page_section(ctx)["urgent"]
    return {"title": ctx.text("contact_page.urgent_title"),
            "situations": [{"text": ctx.text(f"contact_page.urgent.{situation}.text"),
                            "channel": channel(ctx, details["channel"])}
                           for situation, details in situations.items()]}


def describe_problem_context(ctx: PageContext) -> dict:
    contact_page_section(ctx)
    return {name: ctx.text(f"contact_page.{name}") for name in ("describe_label", "describe_placeholder",
                                                                 "describe_results")}


def glossary_context(ctx: PageContext) -> dict:
    if ctx.site.glossary is None:
        raise ShortcodeError("this site has no glossary: create docs/glossary.yml (see the writers' guide)")
    return {"entries": ctx.site.glossary.entries(ctx.lang)}


def official_notice_context(ctx: PageContext) -> dict:
    return {"title": ctx.text("official_notice.title"), "text": ctx.text("official_notice.text")}


def no_context(ctx: PageContext) -> dict:
    return {}


def listed(ctx: PageContext, doc: Document, link) -> dict:
    return {"title": expand_inline(str(doc.meta.get("title", doc.slug)), ctx),
            "description": expand_inline(str(doc.meta.get("description", "")), ctx),
            "link": link(doc.rel_without_lang()), "icon": str(doc.meta.get("icon", "material/folder-outline")).replace("/", "-")}


def category_cards_context(ctx: PageContext) -> dict:
    return {"categories": [listed(ctx, category, ctx.md_link) for category in ctx.catalogue.categories(ctx.lang)]}


def category_articles_context(ctx: PageContext) -> dict:
    if ctx.doc.kind != "category":
        raise ShortcodeError("{{ category_articles }} only works on a category index page")
    return category_listing(ctx, 1)


def popular_articles_context(ctx: PageContext) -> dict:
    docs = []
    for stem in ctx.doc.meta.get("popular") or []:
        doc = ctx.catalogue.get(str(stem), ctx.lang)
        if doc is None:
            raise ShortcodeError(f"popular article '{stem}' does not exist; use a path like account/reset-password")
        docs.append(doc)
    if not docs:
        raise ShortcodeError("{{ popular_articles }} needs a 'popular:' list of article paths in the front matter")
    return {"articles": [listed(ctx, doc, ctx.url) for doc in docs]}


BLOCKS = {
    "contact_channels": channels_context,
    "official_notice": official_notice_context,
    "contact_cta": channels_context,
    "search_box": no_context,
    "category_cards": category_cards_context,
    "category_articles": category_articles_context,
    "popular_articles": popular_articles_context,
    "response_times": channels_context,
    "glossary": glossary_context,
    "urgent_channels": urgent_channels_context,
    "describe_problem": describe_problem_context,
}


# --- category listings in pages ---------------------------------------------------


@dataclass(frozen=True)
class Paging:
    page_size: int

    def page_count(self, catalogue: Catalogue, category: str, lang: str) -> int:
        return max(1, -(-len(catalogue.articles(category, lang)) // self.page_size))

    @staticmethod
    def page_file(page: int) -> str:
        """The Markdown path of a category listing page, beside the index."""
        return "index.md" if page == 1 else f"page-{page}.md"


def category_listing(ctx: PageContext, page: int) -> dict:
    """One page of a category's articles and, when they do not fit on one
    page, links to every page: a page's size never grows with the number of
    articles."""
    paging = ctx.site.paging
    articles = ctx.catalogue.articles(ctx.doc.category, ctx.lang)
    start = (page - 1) * paging.page_size
    count = paging.page_count(ctx.catalogue, ctx.doc.category, ctx.lang)
    category_dir = f"{ctx.doc.category}/"
    pages = [{"number": n, "current": n == page,
              "link": ctx.url(category_dir + paging.page_file(n))} for n in range(1, count + 1)]
    return {"articles": [listed(ctx, doc, ctx.url) for doc in articles[start:start + paging.page_size]],
            "pages": pages if count > 1 else []}


def render_category_page(ctx: PageContext, page: int) -> str:
    return ctx.render(SHORTCODE_TEMPLATES.format(name="category_articles"), **category_listing(ctx, page))
