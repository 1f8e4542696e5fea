"""The advice stays safe: what the safety review fixed cannot come back
unnoticed. Each check reads the source of both written languages."""

from __future__ import annotations

import re

import pytest

from support import ROOT

DOCS = ROOT / "docs"
LANGS = ("zh", "en")


def source(stem: str, lang: str) -> str:
    return (DOCS / f"{stem}.{lang}.md").read_text(encoding="utf-8")


def every_page(lang: str) -> dict[str, str]:
    return {path.relative_to(DOCS).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(DOCS.glob(f"*/*.{lang}.md")) if "templates" not in path.parts}


def pages_saying(lang: str, pattern: str, flags: int = 0) -> list[str]:
    return [page for page, text in every_page(lang).items() if re.search(pattern, text, flags)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_phishing_article_covers_faked_caller_id_screen_sharing_and_safe_accounts(lang):
    text = source("security/phishing-and-scams", lang)
    for section in ("{#caller-id-spoofing}", "{#screen-sharing}", "{#safe-account-scam}"):
        assert section in text
    assert "../security/scammed.md" in text


@pytest.mark.parametrize("lang,unsafe", [
    ("en", r"check (the|their) (caller'?s? )?(phone )?number|check the sender"),
    ("zh", r"核对(发件人或)?来电号码|核对对方的号码"),
])
def test_no_page_says_to_trust_a_caller_id_or_sender(lang, unsafe):
    assert not pages_saying(lang, unsafe, re.I)


@pytest.mark.parametrize("lang,only_requested", [("en", "requested yourself"), ("zh", "本人刚申请")])
def test_a_reset_link_is_tapped_only_when_just_requested(lang, only_requested):
    assert only_requested in source("account/reset-password", lang)


NEGATION = re.compile(r"\b(never|not|don't|do not|instead of|rather than)\b|绝不|不要|不会|不能|不是|而非|别", re.I)
SENTENCE_END = re.compile(r"[.!?。！？\n]")


def sentences_saying(text: str, pattern: str) -> list[str]:
    """The sentences of `text` in which `pattern` matches."""
    found = []
    for match in re.finditer(pattern, text, re.I):
        starts = [m.end() for m in SENTENCE_END.finditer(text, 0, match.start())]
        start = starts[-1] if starts else 0
        end = SENTENCE_END.search(text, match.end())
        found.append(text[start:end.start() if end else len(text)])
    return found


@pytest.mark.parametrize("lang,email_documents", [
    ("en", r"(email|send) (us )?(a copy of |a photo of )?(your )?(ID|identity) document"),
    ("zh", r"(发邮件|邮件发送|通过邮件).{0,12}(证件|身份证)"),
])
def test_identity_documents_are_uploaded_in_the_app_never_emailed(lang, email_documents):
    """Each sentence that speaks of emailing a document must say not to."""
    offenders = [(page, sentence) for page, text in every_page(lang).items()
                 for sentence in sentences_saying(text, email_documents) if not NEGATION.search(sentence)]
    assert not offenders
    assert "../account/verify-identity.md" in source("account/update-account-info", lang)


@pytest.mark.parametrize("lang,sentence,unsafe", [
    ("en", "Please email us a copy of your ID document.", True),
    ("en", "Never email us a copy of your ID document.", False),
    ("en", "Never share your password. Email us a copy of your ID document.", True),
    ("zh", "请通过邮件把身份证照片发给我们。", True),
    ("zh", "不要通过邮件发送身份证照片。", False),
])
def test_the_email_rule_reads_each_sentence_on_its_own(lang, sentence, unsafe):
    pattern = {"en": r"(email|send) (us )?(a copy of |a photo of )?(your )?(ID|identity) document",
               "zh": r"(发邮件|邮件发送|通过邮件).{0,12}(证件|身份证)"}[lang]
    assert any(not NEGATION.search(s) for s in sentences_saying(sentence, pattern)) == unsafe


@pytest.mark.parametrize("lang,irreversible", [("en", "can't be reversed"), ("zh", "无法撤回")])
def test_a_crypto_payment_is_said_to_be_irreversible(lang, irreversible):
    assert irreversible in source("payments/payment-methods", lang)


@pytest.mark.parametrize("lang,overpromise", [
    ("en", r"(nobody|no one) (else )?can (sign|log|get) in|(nobody|no one) can get into"),
    ("zh", r"(别人|任何人|其他人)(都|就)?(无法|不能)登录"),
])
def test_two_factor_authentication_is_never_promised_to_stop_everyone(lang, overpromise):
    assert not pages_saying(lang, overpromise)


@pytest.mark.parametrize("lang,order", [
    ("en", ("**Stop paying", "**Freeze your account", "**Change your password", "**Call the hotline",
            "**Keep the evidence", "**Report it to the police")),
    ("zh", ("**停止付款", "**冻结账户", "**修改密码", "**拨打热线", "**保留证据", "**报警")),
])
def test_the_scam_first_steps_come_in_order(lang, order):
    steps = source("security/scammed", lang).split("{#first-steps}", 1)[1]
    positions = [steps.index(step) for step in order]
    assert positions == sorted(positions)
