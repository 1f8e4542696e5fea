"""What an article page shows around its text, in the built site."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from support import LANGUAGES, PROJECT, ROOT

# Every article as the build has it: written, and converted at build time (Traditional Chinese).
CATALOGUE = PROJECT.site().catalogue
ARTICLES = [d for d in CATALOGUE.documents if d.kind == "article"]
PREFIX = {lang.code: lang.prefix for lang in LANGUAGES}


def url_of(doc) -> str:
    return f"{PREFIX[doc.lang]}{doc.stem}"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def links(html: str) -> list[dict]:
    parser = Links()
    parser.feed(html)
    return parser.links


@pytest.mark.parametrize("doc", ARTICLES, ids=lambda d: d.rel)
def test_title_description_and_breadcrumbs(built_site, doc):
    html = built_site.html(url_of(doc))
    article = html[html.index("<article"):]
    assert re.search(r"<h1>[^<]+</h1>\s*<p class=\"hc-description\">", article)
    path = html[html.index('class="md-path"'):html.index("<article")]
    category = CATALOGUE.get(f"{doc.category}/index", doc.lang)
    assert f">{category.meta['title']}<".replace(" ", "") in re.sub(r"\s+", "", path)
    assert 'href="../"' in path, "the breadcrumb links to the category"


@pytest.mark.parametrize("doc", ARTICLES, ids=lambda d: d.rel)
def test_troubleshooting_articles_end_with_the_contact_block(built_site, doc):
    html = built_site.html(url_of(doc))
    block = re.search(r'<section class="hc-contact-block" aria-labelledby="still-need-help">.*?</section>', html, re.S)
    assert bool(block) == (doc.meta["type"] == "troubleshooting")
    if block:
        hrefs = [a.get("href", "") for a in links(block.group(0))]
        assert [h.split("#")[1] for h in hrefs] == ["chat", "phone", "email", "social"]
        assert all(h.startswith("../../contact/#") for h in hrefs)
        assert 'class="hc-notice"' in block.group(0)
        # The block comes after the article's own text and before the feedback control.
        assert html.index("</h2>", html.index("<article")) < block.start() < html.index("data-hc-feedback")


@pytest.mark.parametrize("doc", ARTICLES, ids=lambda d: d.rel)
def test_every_article_asks_whether_it_helped(built_site, doc):
    html = built_site.html(url_of(doc))
    start = html.index('<section class="hc-feedback"')
    widget = html[start:html.index('<h2 id="related-articles">', start)]
    assert 'data-endpoint=""' in widget, "nothing is sent anywhere by default"
    assert widget.count("data-helpful=") == 2
    more = widget[widget.index("hc-feedback__more"):]
    assert "hidden" in more[:60]
    assert "contact/" in more or 'href="#still-need-help"' in more, '"No" leads to a person'
    assert 'class="hc-related"' in more, '"No" offers related articles'


@pytest.mark.parametrize("doc", ARTICLES, ids=lambda d: d.rel)
def test_related_articles_are_real_neighbours(built_site, doc):
    html = built_site.html(url_of(doc))
    related = re.search(r'<nav class="hc-related" aria-label="[^"]+"><h2 id="related-articles">.*?</nav>', html, re.S)
    assert related
    hrefs = [a["href"] for a in links(related.group(0))]
    assert 1 <= len(hrefs) <= 4
    assert f"../{doc.slug}/" not in hrefs
    assert hrefs[0].startswith("../") and hrefs[0].count("/") == 2, "same category comes first"
    for href in hrefs:
        assert (built_site.root / url_of(doc) / href / "index.html").resolve().is_file()


def test_previous_and_next_stay_in_the_category(built_site):
    checked = 0
    for doc in ARTICLES:
        html = built_site.html(url_of(doc))
        for a in links(html):
            if "md-footer__link" in a.get("class", ""):
                target = (built_site.root / url_of(doc) / a["href"]).resolve()
                parts = target.relative_to(built_site.root.resolve()).parts
                assert parts[1 if PREFIX[doc.lang] else 0] == doc.category, (doc.rel, a["href"])
                checked += 1
    assert checked >= len(ARTICLES)


def test_last_updated_is_hidden_without_history(built_site):
    # The built copy is not a git checkout and has no `updated:`: no date rather than a wrong one.
    assert 'class="hc-updated"' not in built_site.html("account/reset-password")


def test_feedback_endpoint_is_off_by_default():
    assert PROJECT.settings.feedback_endpoint == ""
