"""Shortcodes (scripts/helpcentre/shortcodes.py) on the real site's content
model, in this process: what each fills in, in each language, and the
finding an unknown or misplaced one gives."""

from __future__ import annotations

import dataclasses

import pytest

from helpcentre.shortcodes import (Paging, ShortcodeError, category_listing, expand, expand_inline, has_block,
                                   relative_url, render_category_page)
from support import LANGUAGES, PROJECT

SITE = PROJECT.site()


def page(stem: str, lang: str = "en"):
    doc = SITE.catalogue.get(stem, lang)
    assert doc is not None, stem
    return doc


def expanded(text: str, stem: str = "account/reset-password", lang: str = "en", site=SITE):
    return expand(site.context(site.catalogue.get(stem, lang)), text)


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_inline_shortcodes_fill_the_registry_and_policy_texts_of_the_pages_language(lang):
    registry = SITE.registry
    out, findings = expanded("{{ brand }} · {{ channels.chat.name }} · {{policy.withdrawal_fee.rate}}", lang=lang)
    assert findings == []
    assert out == f"{registry.brand} · {registry.text('channels.chat.name', lang)} · " \
                  f"{SITE.policy.value('withdrawal_fee.rate', lang)}"


def test_an_unknown_or_misplaced_shortcode_is_a_finding_at_its_line():
    doc = page("account/reset-password")
    body = "first\n\nsay {{ nope }} here\n{{ channels.fax.name }}\ntext {{ contact_channels }} inline"
    out, findings = expand(SITE.context(doc), body)
    assert [(f.path, f.line, f.rule) for f in findings] == [(doc.path, doc.first_line + n, "SHORTCODE-INVALID")
                                                             for n in (2, 3, 4)]
    assert "unknown shortcode {{ nope }}; known: brand, channels.<id>.<field>, policy.<key>, contact_channels" \
        in findings[0].message
    assert "renders a block: put it alone on its own line" in findings[2].message
    assert out == body, "a line that fails is kept as it was, so nothing half-filled reaches a page"


def test_a_site_without_a_policy_file_says_so():
    _, findings = expanded("{{ policy.withdrawal_fee.rate }}\n{{ policy.withdrawal_time }}",
                           site=dataclasses.replace(SITE, policy=None))
    assert [f.message for f in findings] == ["this site has no policy file: create docs/policy.yml (see the "
                                             "writers' guide)"] * 2


def test_a_policy_key_that_is_a_table_or_unknown_is_a_finding():
    out, findings = expanded("{{ policy.nope }}\nwithin {{ policy.withdrawal_time }} today")
    assert [f.rule for f in findings] == ["SHORTCODE-INVALID", "SHORTCODE-INVALID"]
    assert "unknown policy value 'policy.nope'" in findings[0].message
    assert "alone on its own line" in findings[1].message


def test_code_is_never_expanded():
    body = "```\n{{ brand }}\n```\n\n    not code: {{ brand }}"
    out, findings = expanded(body)
    assert findings == [] and out.split("\n")[1] == "{{ brand }}" and SITE.registry.brand in out.split("\n")[-1]


def test_expand_inline_fills_titles_and_leaves_the_rest():
    ctx = SITE.context(page("account/reset-password"))
    assert expand_inline("Open {{ brand }} now", ctx) == f"Open {SITE.registry.brand} now"
    assert expand_inline("no shortcode", ctx) == "no shortcode"


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_contact_channels_lists_every_channel_under_its_own_anchor(lang):
    out, findings = expanded("{{ contact_channels }}", "contact", lang)
    assert findings == []
    registry = SITE.registry
    for channel_id in registry.channel_ids:
        data = registry.data["channels"][channel_id]
        assert f":{data['icon'].replace('/', '-')}: {registry.text(f'channels.{channel_id}.name', lang)} " \
               f"{{#{channel_id}}}" in out
        for field in ("summary", "hours", "response", "best_for"):
            assert registry.text(f"channels.{channel_id}.{field}", lang) in out, (channel_id, field)
        if "how" in data:
            assert f"{registry.text(f'channels.{channel_id}.how', lang)}" in out
    for label in ("how", "hours", "response", "best_for"):
        assert f"**{registry.text(f'labels.{label}', lang)}" in out, label
    phone = registry.data["channels"]["phone"]
    assert f"[{registry.text('channels.phone.detail', lang)}]({phone['link']})" in out


def test_a_channel_without_an_icon_gets_the_help_icon():
    registry = dataclasses.replace(SITE.registry, data={**SITE.registry.data, "channels": {
        **SITE.registry.data["channels"], "chat": {k: v for k, v in SITE.registry.data["channels"]["chat"].items()
                                                  if k != "icon"}}})
    out, _ = expanded("{{ contact_channels }}", "contact", "en", site=dataclasses.replace(SITE, registry=registry))
    assert ":material-help-circle-outline: Live chat {#chat}" in out


def test_a_call_to_action_links_the_contact_page_from_where_the_page_is():
    nested, _ = expanded("{{ contact_cta }}", "support/response-times", "en")
    assert "](../contact.md#chat)" in nested and "](../contact.md){ .md-button" in nested
    assert SITE.registry.text("labels.contact_cta_title", "en") in nested
    top, _ = expanded("{{ contact_cta }}", "index", "zh")
    assert "](contact.md#phone)" in top and SITE.registry.text("labels.contact_cta_title", "zh") in top


def test_the_official_notice_and_response_times_come_from_the_registry():
    out, _ = expanded("{{ official_notice }}", "contact", "zh")
    assert SITE.registry.text("official_notice.title", "zh") in out
    assert SITE.registry.text("official_notice.text", "zh") in out
    times, _ = expanded("{{ response_times }}", "support/response-times", "en")
    assert all(SITE.registry.text(f"channels.{c}.response", "en") in times for c in SITE.registry.channel_ids)


def test_a_policy_table_has_the_headings_and_cells_of_the_pages_language():
    out, findings = expanded("{{ policy.withdrawal_time }}", "withdrawals/withdrawal-time", "en")
    table = SITE.policy.table("withdrawal_time", "en")
    assert findings == []
    assert out.split("\n")[0] == "| " + " | ".join(table.columns) + " |"
    assert out.split("\n")[1] == "|" + " --- |" * len(table.columns)
    assert "| " + " | ".join(table.rows[0]) + " |" in out


def test_category_cards_link_each_category_from_the_home_page():
    out, findings = expanded("{{ category_cards }}", "index", "en")
    assert findings == []
    for category in SITE.catalogue.categories("en"):
        assert f"({category.category}/index.md)" in out or f'"{category.category}/index.md"' in out, category.stem
        assert str(category.meta["title"]) in out


def test_popular_articles_need_a_list_of_pages_that_exist():
    out, findings = expanded("{{ popular_articles }}", "index", "en")
    assert findings == [] and 'href="account/reset-password/"' in out
    doc = page("index")
    missing = dataclasses.replace(doc, front=dataclasses.replace(doc.front, meta={**doc.meta, "popular": []}))
    _, findings = expand(SITE.context(missing), "{{ popular_articles }}")
    assert "needs a 'popular:' list" in findings[0].message
    wrong = dataclasses.replace(doc, front=dataclasses.replace(doc.front, meta={**doc.meta, "popular": ["nope/x"]}))
    _, findings = expand(SITE.context(wrong), "{{ popular_articles }}")
    assert "popular article 'nope/x' does not exist" in findings[0].message


def test_category_articles_only_on_a_category_page():
    _, findings = expanded("{{ category_articles }}", "account/reset-password")
    assert "only works on a category index page" in findings[0].message
    out, findings = expanded("{{ category_articles }}", "account/index")
    assert findings == []
    for doc in SITE.catalogue.articles("account", "en"):
        assert f'href="{doc.slug}/"' in out


def test_a_site_without_a_glossary_says_so():
    _, findings = expanded("{{ glossary }}", site=dataclasses.replace(SITE, glossary=None))
    assert "this site has no glossary" in findings[0].message
    out, findings = expanded("{{ glossary }}", "support/glossary", "en")
    assert findings == [] and SITE.glossary.entries("en")[0].term in out


def test_has_block_finds_a_block_on_its_own_line_only():
    assert has_block("intro\n  {{ glossary }}  \n", "glossary")
    assert not has_block("see {{ glossary }} here", "glossary") and not has_block("{{ glossary }}", "brand")


@pytest.mark.parametrize("from_url,to_url,link", [
    ("account/x/", "account/", "../"),
    ("en/account/", "en/payments/top-up/", "../payments/top-up/"),
    ("", "en/", "en/"),
    ("en/", "", "../"),
    ("account/", "account/", "./"),
    ("account/x", "account/", "../"),
    ("en/account/x/", "en/account/", "../"),
])
def test_relative_urls_between_directory_urls(from_url, to_url, link):
    assert relative_url(from_url, to_url) == link


def test_listings_come_in_pages_of_a_fixed_size():
    small = dataclasses.replace(SITE, paging=Paging(2))
    articles = small.catalogue.articles("account", "en")
    category = page("account/index")
    assert small.paging.page_count(small.catalogue, "account", "en") == -(-len(articles) // 2)
    assert Paging(2).page_file(1) == "index.md" and Paging(2).page_file(3) == "page-3.md"
    second = category_listing(small.context(category, "en/account/page-2/"), 2)
    assert [a["title"] for a in second["articles"]] == [str(doc.meta["title"]) for doc in articles[2:4]]
    assert [p["current"] for p in second["pages"]][:3] == [False, True, False]
    assert second["pages"][0]["link"] == "../" and second["pages"][2]["link"] == "../page-3/"
    assert category_listing(SITE.context(category), 1)["pages"] == [], "one page: no pager"
    html = render_category_page(small.context(category, "en/account/page-2/"), 2)
    assert '<nav class="hc-pager"' in html and "<strong>2</strong>" in html


def test_a_theme_without_the_templates_is_told_where_to_find_them():
    import jinja2

    bare = dataclasses.replace(SITE, env=jinja2.Environment(loader=jinja2.DictLoader({})))
    with pytest.raises(ShortcodeError, match="copy overrides/partials/"):
        render_category_page(bare.context(page("account/index")), 1)
