"""The registry's values are checked by what they are, and escaped wherever
they are rendered: the one file a scammer would most like to change."""

from __future__ import annotations

import markupsafe
import pytest

from helpcentre.registry import Registry, load_registry
from helpcentre.site import escaping
from support import PROJECT, ROOT

REGISTRY = (ROOT / "docs" / "registry.yml").read_text(encoding="utf-8")


def findings_for(tmp_path, old: str, new: str) -> list[str]:
    assert old in REGISTRY, old
    path = tmp_path / "registry.yml"
    path.write_text(REGISTRY.replace(old, new, 1), encoding="utf-8")
    registry, findings = load_registry(path, ("zh", "en"), tmp_path)
    assert (registry is None) == bool(findings)
    return [f"{finding.rule} {finding.message}" for finding in findings]


def test_the_real_registry_passes(tmp_path):
    assert findings_for(tmp_path, "brand: ExamplePay", "brand: ExamplePay") == []


@pytest.mark.parametrize("old,new,expected", [
    ('detail: "+1-202-555-0142"', 'detail: "call +86 400-123-4567 now"', "REGISTRY-PHONE 'call +86"),
    ('detail: "+1-202-555-0142"', 'detail: "+1-202-555-0199"', "REGISTRY-PHONE the link 'tel:+12025550142' must call"),
    ('link: "tel:+12025550142"', 'link: "tel:+1 202 555 0142"', "REGISTRY-PHONE the link"),
    ('detail: "+1-202-555-0142"', 'detail: "12"', "REGISTRY-PHONE '12' must be one phone number"),
    # Words around the right number, with the right link: still not only a number.
    ('detail: "+1-202-555-0142"', 'detail: "Call +1-202-555-0142"', "REGISTRY-PHONE 'Call +1-202-555-0142' must be"),
    # Parses, and the link is its E.164 form, but no phone can have so few digits.
    ('detail: "+1-202-555-0142"\n    link: "tel:+12025550142"', 'detail: "+1 202"\n    link: "tel:+1202"',
     "REGISTRY-PHONE '+1 202' must be one phone number"),
    ("detail: support@example.com", 'detail: "support@example.com<script>alert(1)</script>"', "REGISTRY-EMAIL"),
    ("detail: support@example.com", "detail: support@examp1e-pay.com", "REGISTRY-EMAIL 'support@examp1e-pay.com' is not on an official domain"),
    ('link: "mailto:support@example.com"', 'link: "mailto:help@example.com"', "REGISTRY-EMAIL the link"),
    ('detail: "@{brand}"', 'detail: "@{brand} <b>official</b>"', "REGISTRY-TEXT"),
    ("      en: Live chat\n", "      en: Live chat <img src=x onerror=alert(1)>\n", "REGISTRY-TEXT must be plain text"),
    ("      en: Usually within minutes\n", "      en: Call +86 400-123-4567 for faster help\n", "REGISTRY-TEXT holds a phone number"),
    ("      en: Usually within minutes\n", "      en: Write to help@scam.example.net\n", "REGISTRY-TEXT holds an email address"),
    ("      en: Usually within minutes\n", "      en: See https://examp1epay.net/help\n", "REGISTRY-TEXT names 'examp1epay.net'"),
    ('policy: "https://example.com/security/disclosure-policy"', 'policy: "http://evil.example.org/"',
     "REGISTRY-URL 'http://evil.example.org/' must be a https: address"),
    ("  - example.com\n", "  - https://example.com/\n", "REGISTRY-URL 'https://example.com/' is not a host name"),
])
def test_a_value_of_the_wrong_kind_is_a_finding(tmp_path, old, new, expected):
    findings = findings_for(tmp_path, old, new)
    assert any(finding.startswith(expected) for finding in findings), findings


def test_registry_texts_are_escaped_where_shortcodes_render_them():
    """Even a value that got past the check could not add markup."""
    template = escaping(PROJECT.config.theme.get_env()).from_string("{{ text }} | {{ safe }}")
    out = template.render(text='<script>alert(1)</script> & "quotes"', safe=markupsafe.Markup("<em>kept</em>"))
    assert out == '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" | <em>kept</em>'


def test_an_inline_shortcode_value_is_escaped_in_the_page(tmp_path):
    from helpcentre.shortcodes import expand

    site = PROJECT.site()
    registry = Registry({**site.registry.data, "brand": "A&B <Pay>"}, "registry.yml")
    site.registry = registry
    doc = site.catalogue.get("account/register", "en")
    expanded, _ = expand(site.context(doc), "Open the {{ brand }} app.")
    assert expanded == "Open the A&amp;B &lt;Pay&gt; app."
