"""The contact rules (scripts/helpcentre/contact_links.py) as functions, in
this process: every reason a link does or does not reach a person, every
shape of checklist, every kind of contact detail, and what each message
tells the writer to do. tests/test_contact_links.py runs the same rules
through the command line over fixture files."""

from __future__ import annotations

import pytest

from helpcentre.contact_links import (CONTACT_PAGE, Checklist, ContactPolicy, check_checklists,
                                      check_contact_details, check_document, checklist_openings, contact_channel,
                                      find_checklists)
from helpcentre.content import Document, parse_front_matter
from helpcentre.site import Rendered

POLICY = ContactPolicy(("chat", "phone", "email", "social"), ("example.com", "examplepay.example"))
ARTICLE = "account/sample.en.md"


@pytest.mark.parametrize("href,channel,why", [
    ("../contact.md#chat", "chat", ""),
    ("../contact.md#phone", "phone", ""),
    ("../contact.md", None, "'../contact.md' has no channel: add #chat or another channel id"),
    ("../contact.md#fax", None, "'../contact.md#fax' names an unknown channel '#fax'"),
    ("contact.md#chat", None, "'contact.md#chat' does not resolve to the contact page from here "
                              "(it points at account/contact.md)"),
    ("https://help.example.com/contact/#chat", None, "'https://help.example.com/contact/#chat' leaves the help centre"),
    ("//example.com/contact.md#chat", None, "'//example.com/contact.md#chat' leaves the help centre"),
    ("mailto:help@example.com", None, "'mailto:help@example.com' leaves the help centre"),
    ("../payments/refunds.md", None, ""),
    ("reset-password.md#contact", None, ""),
    ("../contact%2Emd#chat", "chat", ""),
])
def test_what_a_link_reaches(href, channel, why):
    assert contact_channel(href, ARTICLE, POLICY) == (channel, why)


def test_the_contact_page_is_reached_from_the_top_level_too():
    assert contact_channel("contact.md#email", "index.en.md", POLICY) == ("email", "")


def findings(checklists, article_type="troubleshooting", rel=ARTICLE):
    return check_checklists("docs/" + rel, rel, checklists, article_type, 4, POLICY)


def test_a_checklist_reaches_a_person_through_any_of_its_links():
    assert findings([Checklist(10, ("../payments/refunds.md", "../contact.md#chat"))]) == []
    assert findings([Checklist(10, ("../contact.md#phone",)), Checklist(20, ("../contact.md#email",))]) == []


def test_a_checklist_of_links_to_other_pages_only_does_not_reach_a_person():
    [finding] = findings([Checklist(10, ("../payments/refunds.md", "../index.md"))])
    assert (finding.path, finding.line, finding.rule) == ("docs/account/sample.en.md", 10, "CHECKLIST-NO-CONTACT")
    assert finding.message == ("this checklist does not lead to a person: end it with a step that links to a "
                               "channel, e.g. [live chat](../contact.md#chat); channels: #chat, #phone, #email, "
                               "#social")


def test_the_message_says_why_each_contact_link_failed():
    [finding] = findings([Checklist(12, ("../contact.md", "../contact.md#fax"))])
    assert finding.message.endswith("; channels: #chat, #phone, #email, #social ('../contact.md' has no channel: "
                                    "add #chat or another channel id; '../contact.md#fax' names an unknown "
                                    "channel '#fax')")


def test_the_suggested_link_fits_where_the_page_is():
    [top] = findings([Checklist(3, ())], rel="contact-us.en.md")
    assert "[live chat](contact.md#chat)" in top.message
    [deep] = findings([Checklist(3, ())], rel="a/b/c.en.md")
    assert "[live chat](../../contact.md#chat)" in deep.message


def test_a_troubleshooting_article_needs_a_checklist_and_other_types_do_not():
    [missing] = findings([])
    assert (missing.line, missing.rule) == (4, "CHECKLIST-MISSING")
    assert missing.message == ("a troubleshooting article needs a checklist: add '!!! checklist \"...\"' with "
                               "numbered steps ending in a contact link such as [live chat](../contact.md#chat)")
    assert findings([], article_type="how-to") == [] and findings([], article_type=None) == []


@pytest.mark.parametrize("line,rule,fragment", [
    ("Write to help@example.com today.", "CONTACT-EMAIL",
     "email address 'help@example.com': write [email support](../contact.md#email) instead; addresses live in "
     "docs/registry.yml"),
    ("[Call us](tel:+12025550142)", "CONTACT-LINK",
     "'tel:' link: contact details come only from the registry; link to the contact page instead, e.g. "
     "../contact.md#phone"),
    ("See https://evil.example.net/help", "CONTACT-HOST",
     "link to 'evil.example.net', which is not an official domain (example.com, examplepay.example); remove it "
     "or add the domain to official_domains in docs/registry.yml after review"),
    ("Call +1 202 555 0142 now.", "CONTACT-PHONE",
     "phone number '+1 202 555 0142': link to [the phone hotline](../contact.md#phone) instead; numbers live in "
     "docs/registry.yml"),
    ("拨打１３８００１３８０００", "CONTACT-PHONE", "phone number '13800138000'"),
    ("请拨打13800138000咨询", "CONTACT-PHONE", "phone number '13800138000'"),
    ("热线：400-123-4567", "CONTACT-PHONE", "phone number '400-123-4567'"),
    ("客服電話0912345678", "CONTACT-PHONE", "phone number '0912345678'"),
])
def test_each_kind_of_contact_detail_and_what_to_do_instead(line, rule, fragment):
    [finding] = check_contact_details("docs/x.en.md", ["intro", line], POLICY)
    assert (finding.path, finding.line, finding.rule) == ("docs/x.en.md", 2, rule)
    assert fragment in finding.message


@pytest.mark.parametrize("line", [
    "See https://help.example.com/en/ and https://www.examplepay.example/",
    "Fees from $500-1000 apply.",
    "Allow 1000-5000 元.",
    "It takes 3-5 days.",
    "Reference 2024-03-12 and order 1234567890123.",
])
def test_what_is_not_a_contact_detail(line):
    assert check_contact_details("docs/x.en.md", [line], POLICY) == []


def test_every_detail_on_a_line_is_reported():
    found = check_contact_details("docs/x.en.md", ["a@example.org or b@example.org, tel:+1202 or sms:1"], POLICY)
    assert [f.rule for f in found] == ["CONTACT-LINK", "CONTACT-LINK", "CONTACT-EMAIL", "CONTACT-EMAIL"]


@pytest.mark.parametrize("source,openings", [
    ('!!! checklist "Do this"\n    1. a', [1]),
    ('??? checklist "Do this"\n    1. a', [1]),
    ('???+ checklist\n    1. a', [1]),
    ('!!! note checklist "Both"\n    1. a', [1]),
    ('!!! note "Not a checklist"\n    1. a', []),
    ('  !!! checklist', [1]),
    ('```\n!!! checklist\n```\n!!! checklist', [4]),
    ('<!--\n!!! checklist\n-->\n', []),
    ('!!! checklists', []),
])
def test_the_lines_that_open_a_checklist(source, openings):
    assert checklist_openings(source.split("\n")) == openings, "numbered from the file's first line"
    assert checklist_openings(source.split("\n"), 1) == openings
    assert checklist_openings(source.split("\n"), 10) == [n + 9 for n in openings]


def document(text: str) -> Document:
    return Document("docs/" + ARTICLE, ARTICLE, "en", "account/sample", "article", "account", "sample", text,
                    parse_front_matter(text))


PAGE = ('---\ntitle: T\ndescription: D\ntype: troubleshooting\n---\n\nIntro.\n\n!!! checklist "First"\n'
        '    1. a\n\n??? checklist "Second"\n    1. b\n')


def rendered(*checklists: tuple[str, ...]) -> Rendered:
    return Rendered(links=(), ids=frozenset(), checklists=checklists, checklist_steps=())


def test_each_rendered_checklist_gets_the_line_that_opens_it():
    doc = document(PAGE)
    assert find_checklists(doc, lambda: rendered(("a",), ("b",))) == [Checklist(9, ("a",)), Checklist(12, ("b",))]
    # A checklist the source does not show as one (made by a plugin) reports at the body's first line.
    assert find_checklists(doc, lambda: rendered((), (), ("c",)))[2] == Checklist(doc.first_line, ("c",))


def test_a_page_without_a_checklist_in_its_source_is_not_rendered_for_it():
    def never():
        raise AssertionError("rendered")
    assert find_checklists(document("---\ntitle: T\ntype: how-to\n---\n\nNo checklist."), never) == []


def test_one_file_gets_both_rules():
    text = PAGE.replace("    1. b", "    1. b, or mail b@example.org")
    found = check_document(document(text), lambda: rendered(("../contact.md#chat",), ()), POLICY)
    assert [(f.line, f.rule) for f in found] == [(12, "CHECKLIST-NO-CONTACT"), (13, "CONTACT-EMAIL")]


def test_a_type_that_is_not_text_is_no_type_and_a_missing_type_reports_at_line_1():
    no_type = document("---\ntitle: T\n---\n\nText.")
    assert check_document(no_type, lambda: rendered(), POLICY) == []
    listed = document("---\ntitle: T\ntype: [troubleshooting]\n---\n\nText.")
    assert check_document(listed, lambda: rendered(), POLICY) == []
    assert findings([], rel=ARTICLE)[0].line == 4
    assert check_checklists("docs/x.md", "x.md", [], "troubleshooting", 1, POLICY)[0].line == 1
    assert CONTACT_PAGE == "contact.md"
