"""The customer's view, in real Chromium: switching language, the helpfulness
control, the 404 pages, keyboard-only use, accessibility (axe-core from
npm) in light and dark palettes, and screenshots of the key pages."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from helpcentre_tools.browser import animations_finished, search_results, serve, stable_results, type_like_a_person
from support import ARTIFACTS, LANGUAGES, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KEY_PAGES = {"home": "", "category": "account/", "troubleshooting": "account/reset-password/",
             "contact": "contact/", "404": "404.html"}
PREFIX = {"zh": "", "zh-Hant": "zh-Hant/", "en": "en/"}
NOT_FOUND = {"zh": ("找不到这个页面", "密码"), "zh-Hant": ("找不到這個頁面", "密碼"), "en": ("We can't find that page", "password")}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 812}}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run make install (npm ci)")
    return AXE.read_text(encoding="utf-8")


def run_axe(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ["violations"]}))
        .violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" "))}))""")
    return [v for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", list(PREFIX))
@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_axe_finds_no_serious_or_critical_problem(page, site_url, axe_source, name, lang, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/{PREFIX[lang]}{KEY_PAGES[name]}")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
        ("slate" if scheme == "dark" else "default")
    assert run_axe(page, axe_source) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_open_search_dialog(page, site_url, axe_source, lang, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/{PREFIX[lang]}")
    search_results(page, "qqxxzz")
    animations_finished(page)  # Material animates the dialog open
    assert page.is_visible(".md-search__output")
    assert run_axe(page, axe_source) == []


@pytest.mark.parametrize("lang,other", [("zh", "en"), ("en", "zh"), ("zh", "zh-Hant"), ("zh-Hant", "en"),
                                        ("en", "zh-Hant")])
def test_language_switcher_keeps_the_reader_on_the_article(page, site_url, lang, other):
    page.goto(f"{site_url}/{PREFIX[lang]}withdrawals/withdrawal-time/")
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f'.md-select__link[hreflang="{other}"]')
    assert urlsplit(page.url).path == f"/{PREFIX[other]}withdrawals/withdrawal-time/"
    assert page.evaluate("document.documentElement.lang") == LANGUAGES.get(other).html_lang


def test_troubleshooting_article_shows_the_contact_block(page, site_url):
    page.goto(f"{site_url}/en/account/locked-account/")
    block = page.locator("section.hc-contact-block[aria-labelledby=still-need-help]")
    assert block.is_visible()
    assert block.locator("a").count() == 4
    with page.expect_navigation():
        page.click("section.hc-contact-block a[href$='#phone']")
    assert urlsplit(page.url).path == "/en/contact/" and urlsplit(page.url).fragment == "phone"
    assert page.is_visible("#phone")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_reveals_contact_and_related_articles(page, site_url, lang):
    sent = []
    page.on("request", lambda request: sent.append(request) if request.method == "POST" else None)
    page.goto(f"{site_url}/{PREFIX[lang]}payments/top-up/")
    more = page.locator(".hc-feedback__more")
    assert not more.is_visible()
    page.click("[data-helpful=no]")
    assert more.is_visible()
    assert more.locator("a[href*='contact/#chat']").is_visible()
    assert more.locator(".hc-related a").count() >= 1
    assert page.is_visible(".hc-feedback__thanks") and not page.is_visible("[data-helpful=yes]")
    assert page.evaluate("document.activeElement.classList.contains('hc-feedback__more')")
    page.wait_for_load_state("networkidle")
    assert sent == [], "nothing is sent anywhere unless a feedback endpoint is configured"
    page.screenshot(path=str(ARTIFACTS / f"feedback-no-{lang}.png"), full_page=True)


def test_yes_says_thanks_and_sends_to_a_configured_endpoint(page, site_url):
    received = []
    page.route("**/feedback-endpoint", lambda route: (received.append(route.request.post_data), route.fulfill(status=204)))
    page.goto(f"{site_url}/en/payments/top-up/")
    page.evaluate("document.querySelector('[data-hc-feedback]').dataset.endpoint = '/feedback-endpoint'")
    with page.expect_request("**/feedback-endpoint"):
        page.click("[data-helpful=yes]")
    assert page.is_visible(".hc-feedback__thanks") and not page.is_visible(".hc-feedback__more")
    page.wait_for_load_state("networkidle")
    assert [json.loads(body) for body in received] == [{"page": "/en/payments/top-up/", "lang": "en", "helpful": True}]


@pytest.mark.parametrize("host", ["nearest", "root"])
@pytest.mark.parametrize("lang", list(PREFIX))
def test_missing_pages_get_the_404_page_of_their_language(browser, built_site, host, lang):
    with serve(built_site.root, not_found=host) as url:
        page = browser.new_page()
        response = page.goto(f"{url}/{PREFIX[lang]}no/such/page/")
        assert response.status == 404
        page.wait_for_selector("h1")
        heading = page.inner_text("article h1")
        assert heading == NOT_FOUND[lang][0]
        assert page.evaluate("document.documentElement.lang") == LANGUAGES.get(lang).html_lang
        # Search from the 404 page searches that language.
        page.fill("#hc-not-found-search", NOT_FOUND[lang][1])
        page.press("#hc-not-found-search", "Enter")
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        assert urlsplit(page.url).path == f"/{PREFIX[lang]}"
        page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_keyboard_only_search(page, site_url, lang):
    page.goto(f"{site_url}/{PREFIX[lang]}contact/")
    page.keyboard.press("/")  # Material's shortcut opens the search
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    type_like_a_person(page, "password" if lang == "en" else "密码")
    assert stable_results(page)
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.startswith(f"/{PREFIX[lang]}") and "contact" not in page.url


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_keyboard_only_navigation(page, site_url, lang):
    page.goto(f"{site_url}/{PREFIX[lang]}")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip, "the first Tab reaches the skip link"
    page.keyboard.press("Enter")
    # Tab through the page until a category link has focus, then follow it.
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if href.rstrip("/").endswith("account") and page.evaluate("!!document.activeElement.closest('.hc-categories')"):
            break
    else:
        pytest.fail("no category card reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == f"/{PREFIX[lang]}account/"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots_of_key_pages(browser, site_url, lang, viewport):
    page = browser.new_page(viewport=VIEWPORTS[viewport])
    for name, path in KEY_PAGES.items():
        response = page.goto(f"{site_url}/{PREFIX[lang]}{path}")
        # 404.html is a file of its own, served as it is when asked for by name.
        assert response.status == 200, f"{name}: {response.status}"
        if name == "404":
            assert page.inner_text("article h1") == NOT_FOUND[lang][0]
        page.screenshot(path=str(ARTIFACTS / f"{name}-{lang}-{viewport}.png"), full_page=True)
    page.close()
