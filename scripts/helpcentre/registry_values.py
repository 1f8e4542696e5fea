"""The registry's values checked by what they are: it is the one file a
scammer, inside the team or out, would most like to change, so nothing in it
is trusted for its shape alone.

- REGISTRY-PHONE: a channel that links with tel: shows exactly one phone
  number, a possible one (Google's phonenumbers), and the link is that same
  number in E.164 form (tel:+12025550142).
- REGISTRY-EMAIL: a channel that links with mailto: shows exactly one
  address, on an official domain, and the link is mailto: that address.
- REGISTRY-URL: every other link and every URL of the registry (the security
  contact and policy) is https:// (or mailto:) on an official domain.
- REGISTRY-TEXT: every text (names, hours, summaries, labels, the notice, a
  social handle) is plain text: no HTML, no script URL, and no phone number,
  email address or host outside the official domains; a handle is one word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import phonenumbers

from helpcentre.contact_details import CONTACT_SCHEME, EMAIL, PHONE_CANDIDATE, URL, is_official, looks_like_phone, normalise

HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|<\s*/?\s*[A-Za-z]")
SCRIPT_URL = re.compile(r"(?:javascript|vbscript|data)\s*:", re.I)
HANDLE = re.compile(r"^@[A-Za-z0-9_.]{1,50}$")
DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Fields of a channel that hold its contact detail and link, checked by type.
DETAIL_FIELDS = ("detail", "link")

Problem = Callable[[str, str, str], None]  # (dotted key, rule, message)


def check_values(data: dict, brand: str, problem: Problem) -> None:
    domains = tuple(d for d in data.get("official_domains") or [] if isinstance(d, str))
    for domain in domains:
        if not DOMAIN.match(domain):
            problem("official_domains", "REGISTRY-URL", f"'{domain}' is not a host name (example.com, lowercase, no "
                                                        "scheme or path)")
    for channel_id, channel in (data.get("channels") or {}).items():
        if isinstance(channel, dict):
            check_channel(f"channels.{channel_id}", channel, brand, domains, problem)
    security = data.get("security") or {}
    for contact in security.get("contact") or []:
        check_url("security.contact", str(contact), domains, problem, schemes=("https", "mailto"))
    if security.get("policy"):
        check_url("security.policy", str(security["policy"]), domains, problem)
    for key, text in texts(data):
        check_text(key, text.replace("{brand}", brand), domains, problem)


def check_channel(key: str, channel: dict, brand: str, domains: tuple[str, ...], problem: Problem) -> None:
    detail = str(channel.get("detail", "")).replace("{brand}", brand)
    link = str(channel.get("link", ""))
    if link.startswith("tel:"):
        check_phone(key, detail, link, problem)
    elif link.startswith("mailto:"):
        check_email(key, detail, link, domains, problem)
    elif link:
        check_url(f"{key}.link", link, domains, problem)
    elif "detail" in channel and not HANDLE.match(detail):
        problem(f"{key}.detail", "REGISTRY-TEXT", f"'{detail}' must be a handle such as @{brand} (one word, no "
                                                  "spaces or markup), or give the channel a link")


def check_phone(key: str, detail: str, link: str, problem: Problem) -> None:
    try:
        number = phonenumbers.parse(detail, None)
    except phonenumbers.NumberParseException:
        number = None
    shown_only_a_number = re.fullmatch(r"\+[\d ()./-]+", detail.strip()) is not None
    if number is None or not shown_only_a_number or not phonenumbers.is_possible_number(number):
        problem(f"{key}.detail", "REGISTRY-PHONE", f"'{detail}' must be one phone number in international form, "
                                                   "such as +1-202-555-0142, and nothing else")
        return
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if link != f"tel:{e164}":
        problem(f"{key}.link", "REGISTRY-PHONE", f"the link '{link}' must call the number shown ({detail}): "
                                                 f"tel:{e164}")


def check_email(key: str, detail: str, link: str, domains: tuple[str, ...], problem: Problem) -> None:
    if not EMAIL.fullmatch(detail.strip()):
        problem(f"{key}.detail", "REGISTRY-EMAIL", f"'{detail}' must be one email address, such as "
                                                   f"support@{domains[0] if domains else 'example.com'}, and nothing else")
        return
    host = detail.rsplit("@", 1)[1]
    if not is_official(host, domains):
        problem(f"{key}.detail", "REGISTRY-EMAIL", f"'{detail}' is not on an official domain "
                                                   f"({', '.join(domains)})")
    if link != f"mailto:{detail}":
        problem(f"{key}.link", "REGISTRY-EMAIL", f"the link '{link}' must write to the address shown: mailto:{detail}")


def check_url(key: str, url: str, domains: tuple[str, ...], problem: Problem,
              schemes: tuple[str, ...] = ("https",)) -> None:
    parts = urlsplit(url)
    if parts.scheme == "mailto" and "mailto" in schemes:
        address = parts.path
        if not EMAIL.fullmatch(address) or not is_official(address.rsplit("@", 1)[-1], domains):
            problem(key, "REGISTRY-URL", f"'{url}' must be mailto: an address on an official domain")
        return
    if parts.scheme not in schemes or not parts.hostname or " " in url:
        problem(key, "REGISTRY-URL", f"'{url}' must be a {' or '.join(s + ':' for s in schemes)} address")
    elif not is_official(parts.hostname, domains):
        problem(key, "REGISTRY-URL", f"'{url}' is not on an official domain ({', '.join(domains)})")


def check_text(key: str, text: str, domains: tuple[str, ...], problem: Problem) -> None:
    line = normalise(text)
    if HTML_TAG.search(text) or SCRIPT_URL.search(text):
        problem(key, "REGISTRY-TEXT", "must be plain text: no HTML and no script URLs (Markdown emphasis is fine)")
    if EMAIL.search(line) or CONTACT_SCHEME.search(line):
        problem(key, "REGISTRY-TEXT", "holds an email address or a contact link: contact details belong in a "
                                      "channel's detail and link only")
    for match in URL.finditer(line):
        if not is_official(match.group(1), domains):
            problem(key, "REGISTRY-TEXT", f"names '{match.group(1)}', which is not an official domain")
    if any(looks_like_phone(match.group(0)) for match in PHONE_CANDIDATE.finditer(line)):
        problem(key, "REGISTRY-TEXT", "holds a phone number: numbers belong in the phone channel's detail only")


def texts(data: dict) -> Iterator[tuple[str, str]]:
    """(dotted key, text) of every text the registry shows, in every language."""
    def walk(value, key):
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, dict):
            for name, child in value.items():
                yield from walk(child, f"{key}.{name}" if key else str(name))
    for section in ("brand", "site_name", "labels", "official_notice"):
        yield from walk(data.get(section), section)
    contact_page = data.get("contact_page")
    if isinstance(contact_page, dict):
        for name, value in contact_page.items():
            if name == "urgent" and isinstance(value, dict):
                for situation, details in value.items():
                    if isinstance(details, dict):
                        yield from walk(details.get("text"), f"contact_page.urgent.{situation}.text")
            else:
                yield from walk(value, f"contact_page.{name}")
    for channel_id, channel in (data.get("channels") or {}).items():
        if isinstance(channel, dict):
            for name, value in channel.items():
                if name not in DETAIL_FIELDS and name != "icon":
                    yield from walk(value, f"channels.{channel_id}.{name}")
