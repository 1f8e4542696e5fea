"""The contact page answers first (docs/contact.<lang>.md: {{ urgent_channels }}
and {{ describe_problem }}): in every language, the problems customers
describe there have their article among the three answers shown as they
type; the situations that cannot wait are on a phone's first screen without
a query; without JavaScript every channel shows; axe finds nothing serious
with the answers open."""

from __future__ import annotations

import pytest
import yaml

from helpcentre_tools.browser import type_like_a_person
from support import LANGUAGES, ROOT
from test_browser_pages import AXE, run_axe

pytestmark = pytest.mark.program

QUERIES = yaml.safe_load((ROOT / "tests" / "contact_page_queries.yaml").read_text(encoding="utf-8"))
PHONE = {"width": 390, "height": 844}


def contact_url(site_url: str, lang: str) -> str:
    return f"{site_url}/{LANGUAGES.get(lang).prefix}contact/"


def answers(page, query: str) -> list[str]:
    box = page.locator("#hc-describe")
    box.click()
    box.fill("")
    type_like_a_person(page, query)
    page.wait_for_function("(q) => document.querySelector('[data-hc-answers-list]').dataset.query === q",
                           arg=query, timeout=15000)
    return page.eval_on_selector_all("[data-hc-answers-list] a", "links => links.map(a => new URL(a.href).pathname)")


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_each_problem_has_its_article_among_the_three_answers(browser, site_url, lang):
    page = browser.new_page()
    page.goto(contact_url(site_url, lang))
    prefix = "/" + LANGUAGES.get(lang).prefix
    misses = []
    for query in QUERIES[lang]:
        shown = answers(page, query["q"])
        assert len(shown) <= 3
        if f"{prefix}{query['expect']}/" not in shown:
            misses.append((query["q"], query["expect"], shown))
    page.close()
    assert misses == []


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_urgent_channels_are_on_a_phones_first_screen_without_a_query(browser, site_url, lang):
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(contact_url(site_url, lang))
    links = page.locator(".hc-urgent a[data-hc-channel]")
    assert links.count() == 3
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert page.locator(".hc-urgent").bounding_box()["y"] < page.locator("[data-hc-answers]").bounding_box()["y"]
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_without_javascript_every_channel_shows(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(contact_url(site_url, lang))
    for channel in ("chat", "phone", "email", "social"):
        assert page.locator(f"[id='{channel}']").is_visible()
    assert page.locator(".hc-urgent a").count() == 3 and page.locator("#hc-describe").is_visible()
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_with_the_answers_open(browser, site_url, lang):
    page = browser.new_page()
    page.goto(contact_url(site_url, lang))
    assert answers(page, QUERIES[lang][0]["q"])
    assert run_axe(page, AXE.read_text(encoding="utf-8")) == []
    page.close()
