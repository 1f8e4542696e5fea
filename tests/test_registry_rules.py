"""The registry's values checked by what they are
(scripts/helpcentre/registry_values.py), as functions on small registries
written here: which key each problem names, and the exact message a
reviewer reads. tests/test_registry_values.py edits the real registry."""

from __future__ import annotations

import pytest

from helpcentre.registry_values import check_values, texts

DOMAINS = ["example.com", "examplepay.example"]


def problems(data: dict, brand: str = "Pay") -> list[tuple[str, str, str]]:
    found = []
    check_values({"official_domains": DOMAINS, **data}, brand, lambda key, rule, message: found.append(
        (key, rule, message)))
    return found


def channel(**fields) -> dict:
    return {"channels": {"x": fields}}


def test_a_clean_registry_has_no_problem():
    assert problems({
        "brand": "Pay", "site_name": {"en": "{brand} Help"}, "labels": {"hours": {"en": "Hours"}},
        "official_notice": {"title": {"en": "Official channels"}},
        "channels": {"phone": {"icon": "material/phone", "name": {"en": "Hotline"}, "detail": "+1-202-555-0142",
                               "link": "tel:+12025550142"},
                     "email": {"detail": "help@example.com", "link": "mailto:help@example.com"},
                     "chat": {"link": "https://help.example.com/chat"},
                     "social": {"detail": "@{brand}"}},
        "security": {"contact": ["mailto:security@example.com", "https://example.com/security"],
                     "policy": "https://example.com/policy"},
    }) == []


def test_every_text_is_found_with_its_key_and_contact_fields_are_left_to_their_own_rules():
    data = {"brand": "Pay", "site_name": {"en": "S"}, "labels": {"a": {"zh": "甲", "en": "A"}},
            "official_notice": {"text": {"en": "N"}}, "other": {"en": "not shown"},
            "channels": {"x": {"icon": "i", "detail": "d", "link": "l", "name": {"en": "X"}, "hours": "24/7"},
                         "y": "not a channel"}}
    assert list(texts(data)) == [("brand", "Pay"), ("site_name.en", "S"), ("labels.a.zh", "甲"), ("labels.a.en", "A"),
                                 ("official_notice.text.en", "N"), ("channels.x.name.en", "X"),
                                 ("channels.x.hours", "24/7")]


@pytest.mark.parametrize("detail,link,expected", [
    ("+1-202-555-0142", "tel:+12025550199",
     [("channels.x.link", "REGISTRY-PHONE", "the link 'tel:+12025550199' must call the number shown "
                                            "(+1-202-555-0142): tel:+12025550142")]),
    ("Call +1-202-555-0142", "tel:+12025550142",
     [("channels.x.detail", "REGISTRY-PHONE", "'Call +1-202-555-0142' must be one phone number in international "
                                              "form, such as +1-202-555-0142, and nothing else")]),
    ("+1", "tel:+1", [("channels.x.detail", "REGISTRY-PHONE", "'+1' must be one phone number in international form, "
                                                              "such as +1-202-555-0142, and nothing else")]),
    ("+1 202", "tel:+1202", [("channels.x.detail", "REGISTRY-PHONE", "'+1 202' must be one phone number in "
                                                                     "international form, such as +1-202-555-0142, "
                                                                     "and nothing else")]),
    (None, "tel:+12025550142", [("channels.x.detail", "REGISTRY-PHONE", "'' must be one phone number in "
                                                                        "international form, such as "
                                                                        "+1-202-555-0142, and nothing else")]),
])
def test_a_phone_channel_shows_one_number_and_calls_it(detail, link, expected):
    fields = {"link": link} if detail is None else {"detail": detail, "link": link}
    assert problems(channel(**fields)) == expected


@pytest.mark.parametrize("detail,link,expected", [
    ("help@example.com", "mailto:help@example.com", []),
    ("help@sub.example.com", "mailto:help@sub.example.com", []),
    ("help@evil.example.net", "mailto:help@evil.example.net",
     [("channels.x.detail", "REGISTRY-EMAIL", "'help@evil.example.net' is not on an official domain "
                                              "(example.com, examplepay.example)")]),
    ("help@example.com", "mailto:other@example.com",
     [("channels.x.link", "REGISTRY-EMAIL", "the link 'mailto:other@example.com' must write to the address shown: "
                                            "mailto:help@example.com")]),
    ("write to help@example.com", "mailto:help@example.com",
     [("channels.x.detail", "REGISTRY-EMAIL", "'write to help@example.com' must be one email address, such as "
                                              "support@example.com, and nothing else")]),
])
def test_an_email_channel_shows_one_official_address_and_writes_to_it(detail, link, expected):
    assert problems(channel(detail=detail, link=link)) == expected


def test_the_example_address_names_the_first_official_domain_or_a_placeholder():
    found = []
    check_values({"official_domains": [], **channel(detail="x", link="mailto:x")}, "Pay",
                 lambda *problem: found.append(problem))
    assert found[0][2] == "'x' must be one email address, such as support@example.com, and nothing else"
    found = []
    check_values({"official_domains": ["pay.example"], **channel(detail="x", link="mailto:x")}, "Pay",
                 lambda *problem: found.append(problem))
    assert found[0][2] == "'x' must be one email address, such as support@pay.example, and nothing else"


@pytest.mark.parametrize("link,expected", [
    ("https://help.example.com/chat", []),
    ("http://help.example.com/chat", [("channels.x.link", "REGISTRY-URL", "'http://help.example.com/chat' must be a "
                                                                         "https: address")]),
    ("https://evil.example.net/", [("channels.x.link", "REGISTRY-URL", "'https://evil.example.net/' is not on an "
                                                                       "official domain (example.com, "
                                                                       "examplepay.example)")]),
    ("https:///nohost", [("channels.x.link", "REGISTRY-URL", "'https:///nohost' must be a https: address")]),
    ("https://help.example.com/a b", [("channels.x.link", "REGISTRY-URL", "'https://help.example.com/a b' must be a "
                                                                          "https: address")]),
])
def test_any_other_link_is_https_on_an_official_domain(link, expected):
    assert problems(channel(link=link)) == expected


@pytest.mark.parametrize("detail,expected", [
    ("@{brand}", []),
    ("@Pay_Official.cn", []),
    ("Pay on WeChat", [("channels.x.detail", "REGISTRY-TEXT", "'Pay on WeChat' must be a handle such as @Pay (one "
                                                              "word, no spaces or markup), or give the channel a "
                                                              "link")]),
])
def test_a_channel_without_a_link_shows_a_handle(detail, expected):
    assert problems(channel(detail=detail)) == expected
    assert problems(channel(name={"en": "No detail, no link"})) == []


@pytest.mark.parametrize("contact,expected", [
    ("mailto:security@example.com", []),
    ("https://example.com/security", []),
    ("mailto:not an address@example.com", [("security.contact", "REGISTRY-URL", "'mailto:not an address@example.com' "
                                                                                "must be mailto: an address on an "
                                                                                "official domain")]),
    ("mailto:security@evil.example.net", [("security.contact", "REGISTRY-URL", "'mailto:security@evil.example.net' "
                                                                               "must be mailto: an address on an "
                                                                               "official domain")]),
    ("ftp://example.com/", [("security.contact", "REGISTRY-URL", "'ftp://example.com/' must be a https: or mailto: "
                                                                 "address")]),
])
def test_the_security_contacts_are_https_or_mailto_on_an_official_domain(contact, expected):
    assert problems({"security": {"contact": [contact]}}) == expected


def test_the_security_policy_is_https_and_mailto_is_not_allowed_there():
    assert problems({"security": {"policy": "https://example.com/p"}}) == []
    assert problems({"security": {"policy": "mailto:security@example.com"}}) == [
        ("security.policy", "REGISTRY-URL", "'mailto:security@example.com' must be a https: address")]
    assert problems({"security": {}}) == [] and problems({}) == []


def test_official_domains_are_host_names():
    found = []
    check_values({"official_domains": ["example.com", "https://example.com/", "EXAMPLE.COM", 3]}, "Pay",
                 lambda *problem: found.append(problem))
    assert found == [("official_domains", "REGISTRY-URL", "'https://example.com/' is not a host name (example.com, "
                                                          "lowercase, no scheme or path)"),
                     ("official_domains", "REGISTRY-URL", "'EXAMPLE.COM' is not a host name (example.com, lowercase, "
                                                          "no scheme or path)")]


@pytest.mark.parametrize("text,messages", [
    ("{brand} Help", []),
    ("Welcome to <b>{brand}</b>", ["must be plain text: no HTML and no script URLs (Markdown emphasis is fine)"]),
    ("Go to javascript:alert(1)", ["must be plain text: no HTML and no script URLs (Markdown emphasis is fine)"]),
    ("Write to a@example.com", ["holds an email address or a contact link: contact details belong in a channel's "
                                "detail and link only"]),
    ("tel:+12025550142", ["holds an email address or a contact link: contact details belong in a channel's detail "
                          "and link only"]),
    ("See https://evil.example.net/x", ["names 'evil.example.net', which is not an official domain"]),
    ("See https://help.example.com/x", []),
    ("Call +1 202 555 0142", ["holds a phone number: numbers belong in the phone channel's detail only"]),
])
def test_every_text_is_plain_and_holds_no_contact_detail(text, messages):
    assert problems({"labels": {"x": {"en": text}}}) == [("labels.x.en", "REGISTRY-TEXT", m) for m in messages]


def test_the_brand_stands_in_texts_before_they_are_checked():
    assert problems({"labels": {"x": {"en": "{brand}"}}}, brand="<b>Pay</b>") == [
        ("labels.x.en", "REGISTRY-TEXT", "must be plain text: no HTML and no script URLs (Markdown emphasis is fine)")]
    assert problems({"labels": {"x": {"en": "{brand}"}}}, brand="Pay") == []


def test_contact_page_texts_are_checked_like_every_other_text():
    data = {"brand": "Pay", "contact_page": {"urgent_title": {"en": "Now"},
                                             "urgent": {"fraud": {"channel": "phone", "text": {"en": "Fraud"}},
                                                        "odd": "not a situation"}}}
    assert [key for key, _ in texts(data)] == ["brand", "contact_page.urgent_title.en",
                                               "contact_page.urgent.fraud.text.en"]
