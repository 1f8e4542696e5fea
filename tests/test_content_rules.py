"""The content rules as functions, in this process, on the real registry and
policy file: unsafe markup (safety.py), one source for every fact
(single_source.py), the style rules (style.py) and how the gate puts them
together (checks.py). tests/test_bad_input.py runs them through the command
line and the build over fixture sites."""

from __future__ import annotations

import dataclasses

import pytest

from helpcentre.checks import check_all_links, check_contacts, check_pages, check_site, page_findings
from helpcentre.content import Document, parse_front_matter
from helpcentre.safety import check_unsafe_html
from helpcentre.single_source import check_all, check_single_source, typed_policy_values, typed_registry_values
from helpcentre.style import STYLES, check_style, half_width_punctuation, raw_context, visible_text
from support import FIXTURES, PROJECT, make_project

SITE = PROJECT.site()
REGISTRY, POLICY = SITE.registry, SITE.policy


def document(body: str, lang: str = "en", rel: str = "account/sample", front: str = "title: T\ndescription: D\n"
             "type: how-to\n") -> Document:
    text = f"---\n{front}---\n\n{body}"
    return Document(f"docs/{rel}.{lang}.md", f"{rel}.{lang}.md", lang, rel, "article", rel.split("/")[0],
                    rel.split("/")[-1], text, parse_front_matter(text))


def rules(findings) -> list[tuple[int, str]]:
    return [(finding.line, finding.rule) for finding in findings]


# --- unsafe markup --------------------------------------------------------------


@pytest.mark.parametrize("line,rule", [
    ("<script>alert(1)</script>", "HTML-SCRIPT"),
    ("< SCRIPT src=x>", "HTML-SCRIPT"),
    ('<iframe src="x"></iframe>', "HTML-FRAME"),
    ("<frame>", "HTML-FRAME"),
    ("<object data=x>", "HTML-OBJECT"),
    ("<embed src=x>", "HTML-OBJECT"),
    ("<applet>", "HTML-OBJECT"),
    ('<img src=x onerror="alert(1)">', "HTML-EVENT"),
    ("[x](javascript:alert(1))", "URL-SCRIPT"),
    ("[x]: vbscript:msgbox", "URL-SCRIPT"),
    ('<a href="data:text/html,hi">x</a>', "URL-SCRIPT"),
    ("<JavaScript:alert(1)>", "URL-SCRIPT"),
])
def test_markup_that_runs_code_is_refused(line, rule):
    [finding] = check_unsafe_html("docs/x.md", f"---\ntitle: T\n---\n\n{line}")
    assert (finding.path, finding.line, finding.rule) == ("docs/x.md", 5, rule)
    assert finding.message.endswith("content can't carry code. Describe the step in words, or show markup "
                                    "inside `code`")


@pytest.mark.parametrize("line", [
    "`<script>` in a code span", "``<iframe>`` too", "Say javascript: in prose", "A scripted reply",
    "<a href='https://example.com'>ok</a>", "online help",
])
def test_code_spans_and_plain_words_are_fine(line):
    assert check_unsafe_html("docs/x.md", line) == []


def test_fenced_code_may_show_markup_and_front_matter_is_checked():
    assert check_unsafe_html("docs/x.md", "```html\n<script>x</script>\n```") == []
    assert rules(check_unsafe_html("docs/x.md", "---\ntitle: <script>x</script>\n---")) == [(2, "HTML-SCRIPT")]


# --- one source for every fact -------------------------------------------------------


def test_a_channel_link_reads_as_the_channels_name():
    body = ("[{{ channels.chat.name }}](../contact.md#chat) and [Live chat](../contact.md#chat)\n"
            "[chat with us](../contact.md#chat \"title\") and [x](../contact.md#fax)")
    [finding] = check_single_source(document(body), REGISTRY, POLICY)
    assert (finding.line, finding.rule) == (8, "CONTACT-LINK-TEXT")
    assert finding.message == ("the link to the chat channel reads 'chat with us': write "
                               "[{{ channels.chat.name }}](../contact.md#chat) so it always carries the channel's "
                               "name (Live chat)")


def test_registry_texts_typed_by_hand_are_found_with_their_shortcode():
    body = "Open ExamplePay.\nWe answer 24 hours a day, 7 days a week.\nCall 8:00–22:00 only.\nOur Live chat team."
    found = check_single_source(document(body), REGISTRY, POLICY)
    assert rules(found) == [(7, "REGISTRY-TYPED"), (8, "REGISTRY-TYPED"), (9, "REGISTRY-TYPED"), (10, "REGISTRY-TYPED")]
    assert found[0].message == "'ExamplePay' is typed by hand: write {{ brand }}, so the page follows docs/registry.yml"
    assert "write {{ channels.chat.hours }}" in found[1].message
    assert "'8:00–22:00' is typed by hand: write {{ channels.phone.hours }}" in found[2].message
    assert "write {{ channels.chat.name }}" in found[3].message


def test_a_registry_text_of_four_characters_is_long_enough_to_count():
    name = REGISTRY.text("channels.chat.name", "zh")
    assert len(name) == 4
    [finding] = check_single_source(document(f"请联系{name}。", "zh"), REGISTRY, POLICY)
    assert finding.rule == "REGISTRY-TYPED" and "{{ channels.chat.name }}" in finding.message


def test_what_is_not_a_typed_registry_value():
    body = ("Open {{ brand }}.\n`ExamplePay` in code.\n[ExamplePay](../index.md) is a link text.\n"
            "Send us an Email.\n```\nExamplePay\n```")
    assert check_single_source(document(body), REGISTRY, POLICY) == []


def test_short_registry_texts_are_left_alone_and_time_ranges_are_kept():
    values = typed_registry_values(REGISTRY, "zh")
    assert values[REGISTRY.brand] == "{{ brand }}"
    assert values["8:00–22:00"] == "{{ channels.phone.hours }}"
    assert all(len(text) >= 4 or ":" in text for text in values)
    assert "{{ channels.chat.response }}" in values.values()


def test_policy_values_typed_by_hand_are_found_but_not_inside_other_numbers():
    body = "The fee is 1% here.\nUp to CNY 20,000.00 a day.\nVersion 11% or 21%.\n3–5 business days abroad."
    found = check_single_source(document(body), REGISTRY, POLICY)
    assert rules(found) == [(7, "POLICY-TYPED"), (8, "POLICY-TYPED"), (10, "POLICY-TYPED")]
    assert found[0].message == ("'1%' is typed by hand: write {{ policy.withdrawal_fee.rate }}, so the page "
                                "follows docs/policy.yml")
    assert check_single_source(document("The fee is 1% here."), REGISTRY, None) == []


def test_the_policy_values_that_count_as_typed():
    values = typed_policy_values(POLICY, "en")
    assert values["1%"] == "{{ policy.withdrawal_fee.rate }}" and values["CNY 1.00"] == "{{ policy.withdrawal_fee.minimum }}"
    assert "3 withdrawals" not in values, "a plain count could be any number in a sentence"
    assert not any(key.startswith("{{ policy.withdrawal_time }}") for key in values.values())


def test_check_all_covers_every_document():
    docs = [document("Open ExamplePay."), document("Fine.", rel="account/other")]
    assert [f.path for f in check_all(docs, REGISTRY, POLICY)] == ["docs/account/sample.en.md"]


# --- style -----------------------------------------------------------------------


def test_half_width_punctuation_beside_chinese():
    assert half_width_punctuation("你好,世界") == [2]
    assert half_width_punctuation("好(吗)") == [1, 3]
    assert half_width_punctuation("结束.") == [2] and half_width_punctuation("结束:") == [2]
    assert half_width_punctuation("在 8:00 开始") == [] and half_width_punctuation("版本 1.5 和 file.md") == []
    assert half_width_punctuation("好.md 和 好:/") == []
    assert half_width_punctuation("Hello, world. Yes!") == [] and half_width_punctuation(",好") == [0]
    assert half_width_punctuation("好;") == [1] and half_width_punctuation("好?") == [1] and half_width_punctuation("好!") == [1]


def test_the_style_rules_and_their_messages():
    body = "在App中打开,然后点设置.\n\n```\n在App中,\n```\n{{ contact_channels }}"
    found = check_style(document(body, "zh", front="title: 标题,好\ndescription: D\ntype: how-to\n"), STYLES,
                        SITE.context(SITE.catalogue.get("account/register", "zh")), SITE.catalogue)
    assert rules(found) == [(2, "STYLE-PUNCTUATION"), (7, "STYLE-PUNCTUATION"), (7, "STYLE-PUNCTUATION"),
                            (7, "STYLE-SPACING"), (7, "STYLE-SPACING")]
    assert found[1].message == "half-width ',' beside Chinese text: write '，' (…在App中打开,然后点设置.…)"
    assert found[3].message == "no space between Chinese and Latin text in '在A': write '在 A' (…在App中打开,…)"
    assert check_style(document(body, "zh"), ()) == []
    only_spacing = check_style(document("在App中,好", "zh"), ("space-between-scripts",))
    assert [f.rule for f in only_spacing] == ["STYLE-SPACING", "STYLE-SPACING"]


def test_what_readers_do_not_see_is_not_styled():
    ctx = SITE.context(SITE.catalogue.get("account/register", "zh"))
    assert visible_text("打开 {{ brand }} 应用", ctx) == f"打开 {REGISTRY.brand} 应用"
    assert "http" not in visible_text("见 https://example.com/a,b 页", None)
    assert visible_text("{{ nope }}", ctx) == "\u2060" and visible_text("{{ brand }}", None) == "\u2060"
    assert check_style(document("打开{{ brand }}", "zh"), ("space-between-scripts",), ctx)[0].rule == "STYLE-SPACING"
    assert raw_context("0123456789abcdefghij", 10, 3) == "789abc"


def test_a_link_to_an_article_reads_as_its_title():
    register = SITE.catalogue.get("account/register", "zh")
    body = "[注册](register.md)和[注册账户](register.md#step)，[别的](../payments/index.md)，![图](register.md)"
    found = check_style(document(body, "zh", rel="account/sample"), ("link-text-is-title",), catalogue=SITE.catalogue)
    assert rules(found) == [(7, "STYLE-LINK-TITLE")]
    assert found[0].message == (f"the link to account/register.md reads '注册': write its title, "
                                f"[{register.meta['title']}](register.md)")
    assert check_style(document(body, "zh"), ("link-text-is-title",)) == [], "no catalogue, no rule"


# --- the gate ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    """The tiny base site with one page breaking a rule of each kind."""
    project = make_project(tmp_path_factory.mktemp("rules") / "project", FIXTURES / "base" / "docs")
    sample = project / "docs" / "account" / "sample.en.md"
    sample.write_text(sample.read_text(encoding="utf-8").replace(
        "Open the {{ brand }} app.",
        "Open the ExamplePay app, {{ nope }}, <script>x</script>, [gone](missing.md), a@example.org."),
        encoding="utf-8")
    return dataclasses.replace(PROJECT, docs_dir=project / "docs", root=project).site()


def test_the_gate_runs_every_rule_and_the_check_leaves_out_contacts_and_links(broken_site):
    everything = {f.rule for f in check_site(broken_site)}
    assert {"REGISTRY-TYPED", "SHORTCODE-INVALID", "HTML-SCRIPT", "CONTACT-EMAIL", "LINK-MISSING"} <= everything
    partial = {f.rule for f in check_site(broken_site, full=False)}
    assert {"REGISTRY-TYPED", "SHORTCODE-INVALID", "HTML-SCRIPT"} <= partial
    assert not partial & {"CONTACT-EMAIL", "LINK-MISSING"}
    assert {f.rule for f in check_contacts(broken_site)} == {"CONTACT-EMAIL"}
    assert {f.rule for f in check_all_links(broken_site)} == {"LINK-MISSING"}


def test_some_pages_only(broken_site):
    sample = broken_site.catalogue.get("account/sample", "en")
    other = broken_site.catalogue.get("account/sample", "zh")
    assert {f.path for f in check_pages(broken_site, [sample])} == {"docs/account/sample.en.md"}
    assert check_pages(broken_site, [other]) == []
    assert check_pages(broken_site, [sample]) == sorted(set(check_pages(broken_site, [sample])))


def test_a_page_whose_front_matter_failed_gets_the_markup_rules_only(broken_site):
    sample = broken_site.catalogue.get("account/sample", "en")
    unparsed = dataclasses.replace(sample, front=dataclasses.replace(sample.front, problems=[(1, "X", "x")]))
    assert {f.rule for f in page_findings(broken_site, unparsed, True, frozenset())} <= {"HTML-SCRIPT", "CONTACT-EMAIL"}
    no_registry = dataclasses.replace(broken_site, registry=None)
    assert [f.rule for f in page_findings(no_registry, sample, True, frozenset())] == ["HTML-SCRIPT"]
    # A converted page's text is its source's: its single-source and style findings are its source's.
    converted = broken_site.catalogue.get("account/sample", "zh-Hant")
    assert converted is not None and converted.source is not None
    assert not [f for f in page_findings(broken_site, converted, False, frozenset()) if f.rule == "REGISTRY-TYPED"]


def test_the_real_docs_pass_every_rule():
    assert check_site(SITE) == []
