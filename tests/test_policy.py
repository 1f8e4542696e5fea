"""Policy values (docs/policy.yml) come from one file: rendered with their
units in every language, as tables where there are several, and a change
there changes every page that shows the value."""

from __future__ import annotations

import re

import pytest

from helpcentre.conversion import Converter
from helpcentre.policy import Policy, PolicyError, format_number, load_policy
from support import LANGUAGES, PROJECT, ROOT, build, make_project

HAN = re.compile(r"[\u3400-\u9fff]")

UNITS = {"hours": {"zh": "{n} 小时", "en": {"one": "{n} hour", "other": "{n} hours"}},
         "money": {"zh": "{n} 元", "en": "CNY {n}"}}
POLICIES = {
    "fee": {"rate": {"value": 1.5, "unit": "money", "example": True}, "note": {"zh": "即时", "en": "Instantly"}},
    "times": {"columns": {"method": {"zh": "方式", "en": "Method"}, "usual": {"zh": "通常", "en": "Usually"}},
              "rows": {"card": {"method": {"zh": "银行卡", "en": "Card"}, "usual": {"value": 1, "unit": "hours"}},
                       "bank": {"method": {"zh": "银行转账", "en": "Bank"},
                                "usual": {"value": [2, 24], "unit": "hours", "example": True}}}},
}


def policy(converters=None) -> Policy:
    return Policy(UNITS, POLICIES, "policy.yml", converters or {})


def test_values_read_with_their_units_in_each_language():
    assert policy().value("fee.rate", "zh") == "1.50 元"
    assert policy().value("fee.rate", "en") == "CNY 1.50"
    assert policy().value("times.card.usual", "en") == "1 hour"
    assert policy().value("times.bank.usual", "en") == "2–24 hours"
    assert policy().value("fee.note", "en") == "Instantly"
    assert format_number(50000.0, 2) == "50,000.00" and format_number(0.5) == "0.5" and format_number(120) == "120"


def test_a_table_has_headings_and_a_row_per_entry():
    table = policy().table("times", "zh")
    assert table.columns == ["方式", "通常"]
    assert table.rows == [["银行卡", "1 小时"], ["银行转账", "2–24 小时"]]
    with pytest.raises(PolicyError, match="alone on its own line"):
        policy().value("times", "en")
    with pytest.raises(PolicyError, match="unknown policy value 'policy.fee.percent'; known: .*policy.fee.rate"):
        policy().value("fee.percent", "en")


def test_a_converted_language_reads_its_sources_wording_converted():
    converters = {"zh-Hant": Converter("zh", "s2twp")}
    assert policy(converters).value("times.bank.usual", "zh-Hant") == "2–24 小時"
    assert policy(converters).table("times", "zh-Hant").rows[1][0] == "銀行轉賬", "OpenCC alone; overrides apply on top"


def test_examples_are_counted_so_a_team_knows_what_is_left():
    assert policy().examples() == 2
    real, findings = load_policy(ROOT / "docs" / "policy.yml", ("zh", "en"))
    assert findings == [] and real.examples() > 0


@pytest.mark.parametrize("text,line,message", [
    ("units: {}\n", 1, "expected 'units:'"),
    ("units:\n  hours: {zh: 小时, en: hours}\npolicies:\n  a: {value: 1, unit: hours}\n", 2, "needs a zh wording"),
    ("units:\n  hours: {zh: '{n} 小时', en: '{n} h'}\npolicies:\n  a:\n    b: {value: [3, 1], unit: hours}\n", 5,
     "from below to"),
    ("units:\n  hours: {zh: '{n} 小时', en: '{n} h'}\npolicies:\n  t:\n    columns: {a: {zh: 甲, en: A}}\n"
     "    rows:\n      r: {b: {zh: 乙, en: B}}\n", 7, "one value per column"),
    ("units:\n  hours: {zh: '{n} 小时', en: '{n} h'}\npolicies:\n  a: {zh: 只有中文}\n", 4, "needs a en text"),
])
def test_a_broken_policy_file_is_a_finding_with_its_line(tmp_path, text, line, message):
    path = tmp_path / "policy.yml"
    path.write_text(text, encoding="utf-8")
    loaded, findings = load_policy(path, ("zh", "en"), tmp_path)
    assert loaded is None and findings
    assert (findings[0].path, findings[0].line, findings[0].rule) == ("policy.yml", line, "POLICY-INVALID")
    assert message in findings[0].message


@pytest.mark.program
def test_changing_a_value_in_the_policy_file_changes_every_page(tmp_path):
    project = make_project(tmp_path / "site")
    policy_file = project / "docs" / "policy.yml"
    text = policy_file.read_text(encoding="utf-8")
    changed = text.replace("rate: {value: 1, unit: percent", "rate: {value: 1.75, unit: percent") \
        .replace("balance: {value: 50000.00, unit: money", "balance: {value: 65000.00, unit: money")
    assert changed.count("1.75") == 1 and changed.count("65000.00") == 1
    policy_file.write_text(changed, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("index.html")}
    assert not [str(p.relative_to(site)) for p, html in pages.items() if "50,000.00" in html]
    fees = [p for p, html in pages.items() if "1.75%" in html]
    limits = [p for p, html in pages.items() if "65,000.00" in html]
    for prefix in ("", "zh-Hant/", "en/"):
        assert site / prefix / "withdrawals" / "withdrawal-fees" / "index.html" in fees
        assert site / prefix / "account" / "account-limits" / "index.html" in limits



def test_an_inline_value_reads_in_the_words_of_its_pages_language():
    """{{ policy.… }} on a page of each language gives that language's wording,
    never the default language's (English shows "120 days", not "120 天")."""
    from helpcentre.shortcodes import expand

    site = PROJECT.site()
    keys = [key for key in site.policy.keys() if site.policy.unit_of(key) not in (None, "percent")
            and not site.policy.is_table(key)]
    assert keys
    for lang in LANGUAGES.codes:
        doc = site.catalogue.get("withdrawals/withdrawal-fees", lang)
        for key in keys:
            expanded, findings = expand(site.context(doc), f"{{{{ policy.{key} }}}}")
            assert findings == [] and expanded == site.policy.value(key, lang), (lang, key)
        wording = {expand(site.context(doc), f"{{{{ policy.{key} }}}}")[0] for key in keys}
        assert bool([w for w in wording if HAN.search(w)]) == (LANGUAGES.get(lang).script == "Hani"), (lang, wording)
