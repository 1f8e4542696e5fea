"""The real site: every article of the brief, in both languages, built where
links expect it, with a language switcher that stays on the same page."""

from __future__ import annotations

import itertools
import re
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from support import LANGUAGES

EXPECTED = yaml.safe_load((Path(__file__).parent / "expected_articles.yml").read_text(encoding="utf-8"))["articles"]
ARTICLES = [(a["category"], a["slug"]) for a in EXPECTED]
PREFIX = {"zh": "", "zh-Hant": "zh-Hant/", "en": "en/"}
DOCS = Path(__file__).parents[1] / "docs"


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    collector = TagCollector()
    collector.feed(html)
    return collector.tags


def test_the_brief_lists_34_articles():
    assert len(ARTICLES) == 34
    for category, slug in ARTICLES:
        types = {front_matter(category, slug, lang)["type"] for lang in ("zh", "en")}
        assert types == {next(a["type"] for a in EXPECTED if a["slug"] == slug)}


@pytest.mark.parametrize("category,slug", ARTICLES)
@pytest.mark.parametrize("lang", list(PREFIX))
def test_article_is_built_at_its_url(built_site, lang, category, slug):
    html = built_site.html(f"{PREFIX[lang]}{category}/{slug}")
    assert f'<html lang="{LANGUAGES.get(lang).html_lang}"' in html
    assert "{{" not in html, "an unexpanded shortcode reached the page"


@pytest.mark.parametrize("category,slug", ARTICLES)
def test_language_switcher_points_to_the_same_article(built_site, category, slug):
    for lang, other in itertools.permutations(PREFIX, 2):
        page = f"{PREFIX[lang]}{category}/{slug}"
        links = {attrs.get("hreflang"): attrs["href"] for tag, attrs in tags(built_site.html(page))
                 if tag == "a" and "md-select__link" in attrs.get("class", "")}
        target = (built_site.root / page / links[other]).resolve()
        assert target == (built_site.root / f"{PREFIX[other]}{category}/{slug}").resolve()


def front_matter(category: str, slug: str, lang: str) -> dict:
    source = DOCS / category / f"{slug}.{lang}.md"
    return yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])


def nav_titles(html: str) -> list[str]:
    nav = html[html.index('md-nav--primary'):html.index('md-sidebar--secondary')]
    return [re.sub(r"<[^>]+>|\s+", " ", title).strip()
            for title in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)]


def test_titles_and_section_names_are_translated(built_site):
    zh = built_site.html("account/reset-password")
    en = built_site.html("en/account/reset-password")
    assert re.search(r"<title>忘记密码 - \S+ 帮助中心</title>", zh)
    assert re.search(r"<title>Forgot your password - \S+ Help Center</title>", en)
    assert {"账户", "支付", "安全", "提现", "获取帮助", "联系客服"} <= set(nav_titles(zh))
    assert {"Account", "Payments", "Security", "Withdrawals", "Getting help", "Contact us"} <= set(nav_titles(en))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_navigation_follows_front_matter_order_then_title(built_site, lang):
    titles = nav_titles(built_site.html(f"{PREFIX[lang]}payments"))
    articles = [front_matter(c, s, lang) for c, s in ARTICLES if c == "payments"]
    expected = [m["title"] for m in sorted(articles, key=lambda m: (m.get("order", 0), m["title"]))]
    shown = [t for t in titles if t in expected]
    assert shown == expected
    sections = ["账户", "支付", "安全", "提现", "获取帮助"] if lang == "zh" else \
        ["Account", "Payments", "Security", "Withdrawals", "Getting help"]
    assert [t for t in titles if t in sections] == sections
    assert titles[0] in ("首页", "Home")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_category_pages_list_every_article_with_its_description(built_site, lang):
    for category in sorted({c for c, _ in ARTICLES}):
        html = built_site.html(f"{PREFIX[lang]}{category}")
        listing = html[html.index('class="hc-article-list"'):]
        for article_category, slug in ARTICLES:
            if article_category != category:
                continue
            description = front_matter(category, slug, lang)["description"]
            assert f'href="{slug}/"' in listing
            assert description in html_unescape(listing)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_contact_page_has_an_anchor_per_channel_and_the_notice(built_site, lang):
    html = built_site.html(f"{PREFIX[lang]}contact")
    for channel in ("chat", "phone", "email", "social"):
        assert f'id="{channel}"' in html
    assert "admonition warning" in html
    assert "+1-202-555-0142" in html and "support@example.com" in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_page_is_search_first(built_site, lang):
    html = built_site.html(PREFIX[lang].rstrip("/") or ".")
    body = html[html.index('<article'):]
    assert body.index('role="search"') < body.index("hc-categories") < body.index("hc-article-list") < body.index("hc-cta")
    form = next(attrs for tag, attrs in tags(body) if tag == "input" and attrs.get("name") == "q")
    assert form["type"] == "search"


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES if lang.script == "Latn"])
def test_a_latin_script_languages_pages_say_nothing_in_chinese(built_site, lang):
    """Every text a page of English shows in its content (policy values,
    registry texts, labels, listings) is in English: a value in the default
    language's words ("within 120 天") is found here."""
    han = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
    offenders = {}
    for path in sorted((built_site.root / LANGUAGES.get(lang).prefix).rglob("index.html")):
        article = re.search(r"<article[^>]*>(.*?)</article>", path.read_text(encoding="utf-8"), re.S)
        text = html_unescape(re.sub(r"<[^>]+>", " ", article.group(1))) if article else ""
        if han.search(text):
            offenders[str(path.relative_to(built_site.root))] = re.findall(r".{0,20}[\u4e00-\u9fff]+.{0,10}", text)[:3]
    assert not offenders
