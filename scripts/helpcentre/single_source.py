"""The registry and the policy file are the only sources of what they hold:
an article names a channel, its hours and response time, the brand and the
policy numbers through shortcodes, never typed out, so a change there
reaches every page.

- CONTACT-LINK-TEXT: a link to a channel (contact.md#chat) reads as the
  channel's name: `[{{ channels.chat.name }}](../contact.md#chat)`, or the
  name itself as the registry has it today.
- REGISTRY-TYPED: the brand or a channel's name, hours or response time
  typed into the text of a page.
- POLICY-TYPED: an amount, a percentage or a range from the policy file
  typed into the text of a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from helpcentre.content import Document
from helpcentre.findings import Finding
from helpcentre.lines import prose_lines
from helpcentre.safety import CODE_SPAN
from helpcentre.shortcodes import SHORTCODE

CONTACT_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]*contact\.md#(?P<channel>[\w-]+))[^)]*\)")
INLINE_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)")
# Registry fields an article must not type: the channel's name and what it promises.
TYPED_FIELDS = ("name", "hours", "response")
# Values too short or too common to be a copy of the registry ("邮件", "Email").
MIN_TYPED_LENGTH = 4
TIME_RANGE = re.compile(r"\d{1,2}:\d{2}\s*[–-]\s*\d{1,2}:\d{2}")


def check_single_source(doc: Document, registry, policy=None) -> list[Finding]:
    """The three rules over one page's Markdown source."""
    names = {cid: registry.text(f"channels.{cid}.name", doc.lang) for cid in registry.channel_ids}
    typed = typed_registry_values(registry, doc.lang)
    policy_values = typed_policy_values(policy, doc.lang) if policy is not None else {}
    findings = []
    for line in prose_lines(doc.body.split("\n"), doc.first_line):
        text = CODE_SPAN.sub(" ", line.text)
        for link in CONTACT_LINK.finditer(text):
            channel = link.group("channel")
            wanted = f"{{{{ channels.{channel}.name }}}}"
            if channel in names and link.group("text").strip() not in (wanted, names[channel]):
                findings.append(Finding(doc.path, line.number, "CONTACT-LINK-TEXT",
                                        f"the link to the {channel} channel reads '{link.group('text')}': write "
                                        f"[{wanted}]({link.group('target')}) so it always carries the "
                                        f"channel's name ({names[channel]})"))
        prose = INLINE_LINK.sub(" ", SHORTCODE.sub(" ", text))
        for value, shortcode in typed.items():
            if value in prose:
                findings.append(Finding(doc.path, line.number, "REGISTRY-TYPED",
                                        f"'{value}' is typed by hand: write {shortcode}, so the page follows "
                                        "docs/registry.yml"))
        for value, shortcode in policy_values.items():
            if re.search(rf"(?<![\d.,]){re.escape(value)}(?![\d.,])", prose):
                findings.append(Finding(doc.path, line.number, "POLICY-TYPED",
                                        f"'{value}' is typed by hand: write {shortcode}, so the page follows "
                                        "docs/policy.yml"))
    return findings


def typed_registry_values(registry, lang: str) -> dict[str, str]:
    """{text an article must not type: the shortcode that writes it}."""
    values = {registry.brand: "{{ brand }}"}
    for cid in registry.channel_ids:
        for name in TYPED_FIELDS:
            key = f"channels.{cid}.{name}"
            if registry.has_text(key, lang):
                text = registry.text(key, lang)
                if len(text) >= MIN_TYPED_LENGTH:
                    values.setdefault(text, f"{{{{ {key} }}}}")
                for times in TIME_RANGE.findall(text):
                    values.setdefault(times, f"{{{{ {key} }}}}")
    return values


def typed_policy_values(policy, lang: str) -> dict[str, str]:
    """{rendered amount, percentage or range: its shortcode}: values with a
    digit that could not be an ordinary number in a sentence."""
    values = {}
    for key in policy.keys():
        if policy.is_table(key):
            continue
        text = policy.value(key, lang)
        if re.search(r"\d", text) and (re.search(r"[%.,–]", text) or policy.unit_of(key) == "money"):
            values.setdefault(text, f"{{{{ policy.{key} }}}}")
    return values


def check_all(documents: Iterable[Document], registry, policy=None) -> list[Finding]:
    return [finding for doc in documents for finding in check_single_source(doc, registry, policy)]
