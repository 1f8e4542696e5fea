"""hcRedact (overrides/assets/javascripts/hc-redact.js) in real Chromium: no
personal data in a pasted message survives, not even with its spaces or
dashes moved; amounts, dates, times and the question itself do; redacting
twice changes nothing; the result respects the length cap on a code-point
boundary; and no input, however long or strange, makes it throw or hang.

The messages are in fixtures/redaction/messages.yaml. `leaks` is the checker:
it is tested on its own too, so a redaction that keeps a number whole or in
part cannot pass unnoticed."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from support import FIXTURES, ROOT, leaks, nfkc

pytestmark = pytest.mark.program  # drives Chromium

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "hc-redact.js"
MESSAGES = yaml.safe_load((FIXTURES / "redaction" / "messages.yaml").read_text(encoding="utf-8"))
QUERY, COMMENT = 100, 300  # the caps of a search query and of a feedback comment
CAPS = (QUERY, COMMENT, 40)
TOKENS = ("[card]", "[phone]", "[email]", "[id]", "[account]", "[number]", "[ref]", "[code]", "[name]")
IDS = [f"{m['lang']}-{n:02d}" for n, m in enumerate(MESSAGES)]


@pytest.fixture(scope="module")
def redact_page(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content("<!doctype html><html><head><meta charset='utf-8'><title>redact</title></head><body></body></html>")
    before = set(page.evaluate("Object.getOwnPropertyNames(window)"))
    page.add_script_tag(path=str(SCRIPT))
    page.new_globals = set(page.evaluate("Object.getOwnPropertyNames(window)")) - before
    page.js_errors = errors
    yield page
    page.close()


@pytest.fixture(scope="module")
def redacted(redact_page):
    """{cap: [(once, twice) for each message]}, from one call into the page."""
    results = redact_page.evaluate(
        """([texts, caps]) => Object.fromEntries(caps.map(cap => [cap, texts.map(text => {
             const once = hcRedact(text, cap)
             return [once, hcRedact(once, cap)]
           })]))""",
        [[m["text"] for m in MESSAGES], list(CAPS)])
    return {int(cap): value for cap, value in results.items()}


# --- the fixture itself ------------------------------------------------------------

def test_the_fixture_has_twelve_or_more_messages_per_language_with_personal_data_from_the_text():
    counts = Counter(m["lang"] for m in MESSAGES)
    assert set(counts) == {"zh", "zh-Hant", "en"}
    assert all(n >= 12 for n in counts.values()), counts
    for message in MESSAGES:
        assert set(message) <= {"text", "lang", "personal", "keep"}, message
        for item in message["personal"] + message.get("keep", []):
            assert item in message["text"], f"{item!r} is not in {message['text']!r}"
    for lang in counts:
        assert any(not m["personal"] for m in MESSAGES if m["lang"] == lang), f"no plain message in {lang}"
        assert sum(bool(m["personal"]) for m in MESSAGES if m["lang"] == lang) >= 9


# --- the checker can fail ------------------------------------------------------------

@pytest.mark.parametrize("n", [n for n, m in enumerate(MESSAGES) if m["personal"]],
                         ids=[i for i, m in zip(IDS, MESSAGES) if m["personal"]])
def test_the_checker_catches_an_unredacted_message(n):
    message = MESSAGES[n]
    assert len(leaks(message["text"], message["personal"], message.get("keep", []))) >= len(message["personal"])


def test_the_checker_catches_a_number_kept_in_part_or_with_its_spaces_moved():
    card = "6222 0212 3456 7890 123"
    assert leaks("my card [card] 3456 7890 123", [card]) == [f"6+ digits of {card!r} survive: ['345678', '456789', '567890', '678901', '789012', '890123']"]
    assert leaks("my card 6222-0212-3456-7890-123", [card]) == [f"{card!r} survives with its separators changed"]
    assert leaks("call １３８００１３８０００", ["138 0013 8000"]) == ["'138 0013 8000' survives with its separators changed"]
    assert leaks("my card [card]", [card], ["refund"]) == ["'refund' was lost"]
    assert leaks("my card 6222 [card] 123", [card]) == []  # 4 and 3 digits identify no one
    assert leaks("my card [card]", [card], ["my card"]) == []


def test_the_identity_function_fails_the_checker_and_hc_redact_passes_it(redact_page):
    raw = "我的卡6222 0212 3456 7890 123被扣了两次款，电话138-0013-8000"
    personal = ["6222 0212 3456 7890 123", "138-0013-8000"]
    assert leaks(raw, personal) != []
    assert leaks(redact_page.evaluate("t => hcRedact(t, 300)", raw), personal) == []


# --- every message ----------------------------------------------------------------------

@pytest.mark.parametrize("n", range(len(MESSAGES)), ids=IDS)
def test_nothing_personal_survives_and_what_is_kept_does(redacted, n):
    message = MESSAGES[n]
    keep = message.get("keep", [])
    once = redacted[COMMENT][n][0]
    assert leaks(once, message["personal"], keep) == [], once
    for cap in CAPS:  # a shorter cap may cut what is kept, never reveal what is masked
        assert leaks(redacted[cap][n][0], message["personal"]) == [], redacted[cap][n][0]
    if message["personal"]:
        assert any(token in once for token in TOKENS), once
    else:
        assert once == " ".join(nfkc(message["text"]).split()), "a message with nothing personal must come back as it was"


@pytest.mark.parametrize("n", range(len(MESSAGES)), ids=IDS)
def test_redacting_twice_changes_nothing_and_the_cap_holds(redacted, n):
    for cap in CAPS:
        once, twice = redacted[cap][n]
        assert twice == once, f"cap {cap}"
        assert len(once) <= cap, f"cap {cap}: {len(once)} code points"
        assert once == once.strip()
        assert not re.search(r"\[[a-z]*$", once), f"half a token at the cap: {once!r}"


def test_personal_data_is_masked_in_other_surroundings(redact_page):
    """Every number, code and address of the fixture alone, glued to Chinese
    text, and between English words and punctuation."""
    items = sorted({p for m in MESSAGES for p in m["personal"] if re.search(r"[\d@＠０-９]", p)})
    contexts = ["{}", "查询{}的记录", "re: {}!", "({})", "{}，{}"]
    cases = [(c.format(p, p), p) for p in items for c in contexts]
    results = redact_page.evaluate("texts => texts.map(t => hcRedact(t, 300))", [t for t, _ in cases])
    problems = {text: (out, leaks(out, [item])) for (text, item), out in zip(cases, results) if leaks(out, [item])}
    assert not problems, problems


# --- tokens, globals ---------------------------------------------------------------------------

def test_only_hc_redact_is_added_to_the_window_and_nothing_is_thrown(redact_page):
    assert redact_page.new_globals == {"hcRedact"}
    assert redact_page.js_errors == []


PLAIN = [
    " ".join(TOKENS), "尊敬的[name]先生,Dear Mr [name], Ref: [ref]", "退款 3 天", "2024年12月2日", "14:30:00",
    "iPhone 15 Pro 绑卡失败", "Windows 10 can't open", "COVID-19 refund", "提现 1000 元多久到", "3-5 个工作日",
    "v2.3.1 update", "100% refund?", "What is a reference number?", "Where do I find my order ID",
    "how to reset PIN", "2FA code not arriving", "HK$100-200", "RMB 50,000.00 daily limit", "500000元 limit",
    "尊敬的用户您好", "Dear Customer, Dear Sir or Madam", "Dear ExamplePay team", "FPS 轉數快 24/7?",
    "2024/12/02 到 2024/12/05", "12/02/2024 - 15/02/2024", "下午3:30到账", "Visa 卡尾号 1111", "ISO 27001 certified",
]


def test_tokens_and_plain_questions_pass_through(redact_page):
    assert redact_page.evaluate("texts => texts.map(t => hcRedact(t, 300))", PLAIN) == PLAIN


def test_random_surroundings_keep_nothing_personal_and_redacting_twice_changes_nothing(redact_page):
    """A fixed-seed fuzz in the page: each personal number or address of the
    fixture between random bits of text (punctuation, Chinese words, labels,
    emoji, joiners, control characters, amounts, tokens)."""
    items = sorted({p for m in MESSAGES for p in m["personal"] if re.search(r"[\d@＠０-９]", p)})
    bits = ["", "", "", "，", "。", " ", "  ", "😀", "👨‍👩‍👧", "\u200d", "\u0000", "请问", "的", "Ref: ", "Dear ", "is ",
            "卡号", "电话:", "(", ")", "!", "?", "[card]", "x ", "元 ", "¥1,280.00 ", "2024-12-02 ", "14:30 ", "尊敬的",
            "先生", "、", "—", "*", "#", "\n", "\uD800"]
    cases = redact_page.evaluate("""([items, bits]) => {
        let seed = 20241202
        const pick = list => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length]
        const cases = []
        for (let i = 0; i < 4000; i++) {
          const item = pick(items)
          let text = ""
          for (let j = pick([0, 1, 2, 3]); j > 0; j--) text += pick(bits)
          text += item
          for (let j = pick([0, 1, 2, 3]); j > 0; j--) text += pick(bits)
          const cap = pick([20, 100, 300])
          const once = hcRedact(text, cap)
          if (hcRedact(once, cap) !== once || Array.from(once).length > cap) cases.push(["unstable", text, once])
          cases.push([item, hcRedact(text, 300)])
        }
        return cases
    }""", [items, bits])
    assert not [c for c in cases if c[0] == "unstable"]
    problems = [(item, out, leaks(out, [item])) for item, out in cases if leaks(out, [item])]
    assert not problems, problems[:10]


# --- adversarial input -----------------------------------------------------------------------

LONE_SURROGATE = r"/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/"
HUGE = [
    "'4111 1111 1111 1111 '.repeat(10000)", "'1'.repeat(200000)", "'1 '.repeat(100000)", "'1-'.repeat(100000)",
    "'1.'.repeat(100000)", "'1,'.repeat(100000)", "'+1 ('.repeat(50000)", "'(1) '.repeat(50000)",
    "'a'.repeat(200000)", "'A1'.repeat(100000)", "'a@'.repeat(100000)", "'a.'.repeat(100000) + '@'",
    "'a@b.'.repeat(50000)", "'GB82 '.repeat(40000)", "'AB12 '.repeat(40000)", "'Ref '.repeat(50000)",
    "'Ref: 1 '.repeat(30000)", "'验证码 '.repeat(50000)", "'尊敬的'.repeat(70000)", "'Dear A '.repeat(30000)",
    "'Name: A '.repeat(30000)", "'¥1,'.repeat(70000)", "'HK$1 '.repeat(40000)", "'2024-12-'.repeat(25000)",
    "'1:1:'.repeat(50000)", "'😀'.repeat(100000)", "'\\u200d1'.repeat(100000)", "'\\u0000'.repeat(200000)",
    "'\\uD800'.repeat(200000)", "'\\uFF11\\u3000'.repeat(100000)", "'㍿'.repeat(200000)", "' '.repeat(200000)",
    "Array.from({length: 200000}, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')",
]


def test_a_huge_paste_returns_within_the_cap(redact_page):
    results = redact_page.evaluate(
        f"""exprs => exprs.map(expr => {{
              const text = eval(expr)
              const start = performance.now()
              const out = hcRedact(text, 300)
              const ms = performance.now() - start
              return {{expr, type: typeof out, points: Array.from(out).length, ms,
                       lone: {LONE_SURROGATE}.test(out), again: hcRedact(out, 300) === out}}
           }})""", HUGE)
    for result in results:
        assert result["type"] == "string", result
        assert result["points"] <= 300, result
        assert not result["lone"], result
        assert result["again"], result


def test_a_number_cut_by_the_input_cap_leaves_no_digits_behind(redact_page):
    """Whitespace collapses after the input is cut to 2000 code points, so
    what was past the cut of a number could reach the result: it must not."""
    out = redact_page.evaluate("hcRedact(' '.repeat(1995) + '4111 1111 1111 1111 please refund', 300)")
    assert not re.search(r"\d", out), out
    out = redact_page.evaluate("hcRedact('x'.repeat(1990) + ' 13800138000', 2000)")
    assert not re.search(r"\d", out), out


@pytest.mark.parametrize("text, cap", [
    ("'😀'.repeat(150)", 100), ("'a' + '😀'.repeat(150)", 100), ("'👨‍👩‍👧'.repeat(60)", 100),
    ("'退款'.repeat(200)", 300), ("'ab' + '𠮷'.repeat(400)", 300),
])
def test_the_cap_never_splits_a_surrogate_pair(redact_page, text, cap):
    result = redact_page.evaluate(
        f"""() => {{ const out = hcRedact({text}, {cap})
                 return {{points: Array.from(out).length, lone: {LONE_SURROGATE}.test(out)}} }}""")
    assert result == {"points": cap, "lone": False}


def test_control_format_and_lone_surrogate_characters(redact_page):
    cases = {
        "card\u00004111\u00011111\u00021111\u00031111\u0007 ok\u001b[31m": "card [card] ok [31m",
        "4111\u200b1111\u200b1111\u200b1111": "[card]",
        "138\u200d0013\u200d8000 and zh\u00adang@example.com": "[phone] and [email]",
        "6222\u202e0212\u202c3456 7890 123": "[card]",
        "line1\r\nline2\ttab\u2028end": "line1 line2 tab end",
        "\u00a0\u3000 padded \u3000": "padded",
        "call 138\u20130013\u20138000 \u2014 thanks": "call [phone] \u2014 thanks",
    }
    assert redact_page.evaluate("texts => texts.map(t => hcRedact(t, 300))", list(cases)) == list(cases.values())
    lone = redact_page.evaluate(
        f"""() => {{ const out = hcRedact('\\uD800 13800138000 \\uDC00 x\\uDBFF', 300)
                 return [out.replace(/\\uFFFD/g, '?'), {LONE_SURROGATE}.test(out)] }}""")
    assert lone == ["? [phone] ? x?", False]


def test_any_value_and_any_max_length(redact_page):
    results = redact_page.evaluate("""() => {
        const r = (text, max) => { try { return hcRedact(text, max) } catch (e) { return 'THREW ' + e } }
        const long = '退款'.repeat(2000)
        return {
          null: r(null), undefined: r(undefined), number: r(13800138000), array: r([4111111111111111]),
          object: r({}), symbol: r(Symbol('x')), throwing: r({toString() { throw new Error('no') }}),
          noCap: Array.from(r(long)).length, nanCap: Array.from(r(long, 'abc')).length,
          negative: Array.from(r(long, -5)).length, zero: r(long, 0), fraction: r(long, 2.7),
          huge: Array.from(r(long, 1e9)).length, comment: Array.from(r(long, 300)).length,
        }
    }""")
    assert results == {
        "null": "", "undefined": "", "number": "[phone]", "array": "[card]", "object": "[object Object]",
        "symbol": "Symbol(x)", "throwing": "", "noCap": 100, "nanCap": 100, "negative": 100, "zero": "",
        "fraction": "退款", "huge": 2000, "comment": 300,
    }
