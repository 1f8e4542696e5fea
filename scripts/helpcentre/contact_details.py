"""What a contact detail looks like in text: email addresses, phone numbers
(full-width digits included), contact URL schemes and links to hosts. The
articles' rule (contact_links.py) refuses them outside the registry; the
registry's own check (registry.py) allows them only in the fields that hold
them, in their exact form."""

from __future__ import annotations

import re
import unicodedata

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
CONTACT_SCHEME = re.compile(r"\b(mailto|tel|sms|callto):", re.IGNORECASE)
URL = re.compile(r"(?:\bhttps?://|(?<![\w/])//(?=[\w-]+\.)|\bwww\.)([^\s/?#<>()\[\]\"'`*]+)", re.IGNORECASE)
# Bounded by ASCII letters and digits, not by \w: Chinese text runs straight into a
# number (请拨打13800138000, 热线：400-…); a scheme (tel:) has its own rule.
PHONE_CANDIDATE = re.compile(r"(?<![A-Za-z0-9_.,/+-])(?<![A-Za-z]:)\+?\(?\d[\d ()./-]*\d\)?(?![A-Za-z0-9_%/:-])")
DATE_SHAPE = re.compile(r"^(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./](?:19|20)?\d{2}$"
                        r"|^(?:19|20)\d{2} ?- ?(?:19|20)\d{2}$")
# An amount or a duration: "$500-1000", "500-1000 元", "1000-5000 USD", "3-5 days".
AMOUNT_BEFORE = re.compile(r"(?:[$¥€£]|USD|CNY|RMB|HKD)\s*$", re.IGNORECASE)
UNIT_AFTER = re.compile(r"^\s*(?:元|块|美元|港元|人民币|%|USD|CNY|RMB|HKD|天|小时|分钟|秒|个|次|笔|days?|hours?|minutes?|"
                        r"seconds?|times|transactions?)", re.IGNORECASE)


def normalise(line: str) -> str:
    """Full-width digits, plus signs, brackets and spaces to ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", line)


def looks_like_phone(candidate: str) -> bool:
    text = candidate.strip()
    digits = re.sub(r"\D", "", text)
    groups = [g for g in re.split(r"[ ()./-]+", text.lstrip("+")) if g]
    if DATE_SHAPE.match(text) or not 7 <= len(digits) <= 15:
        return False
    if text.startswith("+"):
        return len(digits) >= 8
    if re.match(r"^\(\d{2,4}\)", text):
        return True
    if len(groups) == 1:
        # Mainland and Taiwan mobile numbers, 400/800 hotlines; other long runs of
        # digits are order or transaction numbers.
        return bool(re.fullmatch(r"1[3-9]\d{9}|[48]00\d{7}|09\d{8}", digits))
    if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 and " " in text.strip():
        return False  # 1 000 000: a thousands-grouped amount
    if "." in text and not re.fullmatch(r"\d{3}\.\d{3}\.\d{4}", text):
        return False  # decimals and version numbers
    if len(groups) == 2 and not groups[0].startswith("0") and len(groups[1]) < 4:
        return False
    return all(len(g) >= 2 for g in groups[1:])


def phone_numbers(line: str) -> list[re.Match]:
    """The phone numbers in a line of text: what looks like one and is not an
    amount or a duration ("$500-1000", "3-5 days")."""
    return [match for match in PHONE_CANDIDATE.finditer(line) if looks_like_phone(match.group(0))
            and not (AMOUNT_BEFORE.search(line[:match.start()]) or UNIT_AFTER.match(line[match.end():]))]


def phone_digits(texts) -> set[str]:
    """The digits of every phone number in `texts`, to compare numbers however they are written."""
    return {re.sub(r"\D", "", match.group(0)) for text in texts for match in phone_numbers(text)}


def is_official(host: str, domains: tuple[str, ...]) -> bool:
    host = host.lower().rstrip(".").split(":")[0]
    return any(host == d or host.endswith("." + d) for d in domains)
