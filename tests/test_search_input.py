"""Any input runs the search in the header dialog, the way customers enter
text: keys, a paste from the menu or a long press (an `input` event and no
key), drag and drop, voice or autofill, and an IME composition, which is
searched once when it is committed, never half-composed. In every language."""

from __future__ import annotations

import pytest

from helpcentre_tools.browser import RESULT_LINKS, clear_search, open_search, search_results, stable_results
from support import LANGUAGES

QUERIES = {"zh": "提现", "zh-Hant": "提現", "en": "withdraw"}
# Every query Material's search worker receives, in order.
RECORD_QUERIES = """
window.__hcQueries = []
const post = Worker.prototype.postMessage
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && message.type === 2) window.__hcQueries.push(message.data)
  return post.call(this, message, ...rest)
}
"""


@pytest.fixture
def dialog(browser, site_url):
    def open_on(lang: str):
        page = browser.new_page()
        page.add_init_script(RECORD_QUERIES)
        page.goto(f"{site_url}/{LANGUAGES.get(lang).prefix}")
        open_search(page)
        return page
    pages = []

    def opened(lang: str):
        pages.append(open_on(lang))
        return pages[-1]
    yield opened
    for page in pages:
        page.close()


def results(page) -> list[str]:
    page.wait_for_selector(RESULT_LINKS, timeout=10000)
    return stable_results(page)


@pytest.mark.parametrize("input_type", ["insertFromPaste", "insertFromDrop", "insertReplacementText"])
@pytest.mark.parametrize("lang", list(QUERIES))
def test_paste_drop_and_autofill_search_like_typing(dialog, lang, input_type):
    page = dialog(lang)
    typed = search_results(page, QUERIES[lang])
    assert typed
    clear_search(page)
    page.evaluate("""([value, inputType]) => {
        const input = document.querySelector(".md-search__input")
        input.value = value
        input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType, data: value }))
    }""", [QUERIES[lang], input_type])
    assert results(page) == typed


@pytest.mark.parametrize("lang", list(QUERIES))
def test_voice_input_inserts_text_with_no_key_and_searches(dialog, lang):
    page = dialog(lang)
    typed = search_results(page, QUERIES[lang])
    clear_search(page)
    page.keyboard.insert_text(QUERIES[lang])  # an input event, no keydown or keyup: dictation
    assert results(page) == typed


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_a_composition_is_searched_once_when_committed(dialog, lang):
    page = dialog(lang)
    committed = QUERIES[lang]
    page.evaluate("() => { window.__hcQueries = [] }")
    page.evaluate("""(committed) => {
        const input = document.querySelector(".md-search__input")
        input.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }))
        for (const letters of ["t", "ti", "tix", "tixian"]) {
            input.value = letters
            input.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: letters,
                                                         inputType: "insertCompositionText" }))
            input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, keyCode: 229, isComposing: true }))
        }
        input.value = committed
        input.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: committed }))
        input.dispatchEvent(new InputEvent("input", { bubbles: true, data: committed, inputType: "insertText" }))
    }""", committed)
    assert results(page)
    queries = [q for q in page.evaluate("() => window.__hcQueries") if q]
    assert queries == [committed], "nothing half-composed is searched, and the committed text once"


def test_typing_searches_each_value_once(dialog):
    page = dialog("en")
    page.evaluate("() => { window.__hcQueries = [] }")
    page.keyboard.type("withdraw", delay=20)
    results(page)
    queries = [q for q in page.evaluate("() => window.__hcQueries") if q]
    assert queries and queries[-1] == "withdraw"
    assert all(a != b for a, b in zip(queries, queries[1:])), f"a value was searched twice in a row: {queries}"


@pytest.mark.parametrize("lang", list(QUERIES))
def test_the_home_page_box_searches_what_was_pasted_into_it(dialog, browser, site_url, lang):
    typed = search_results(dialog(lang), QUERIES[lang])
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/{LANGUAGES.get(lang).prefix}")
        page.evaluate("""(value) => {
            const input = document.querySelector(".hc-search__input")
            input.focus()
            input.value = value
            input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste", data: value }))
        }""", QUERIES[lang])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.input_value(".md-search__input") == QUERIES[lang]
        assert results(page) == typed
    finally:
        page.close()
