"""Pages stay bounded as the help centre grows: a page's sidebar shows the
current category only, at most SIDEBAR_ARTICLES articles of it, and long
category listings are split into pages. (scripts/bench.py measures the
real numbers at 100, 1,000 and 3,000 articles per language.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpcentre_tools.generate import generate_articles
from helpcentre_tools.search_files import SearchFiles
from support import ROOT, build, make_project

SIDEBAR_ARTICLES = 25
PAGE_SIZE = 25


def grown_site(tmp_path: Path, articles: int) -> Path:
    project = make_project(tmp_path / f"site-{articles}")
    generate_articles(project / "docs", articles, source_docs=ROOT / "docs")
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    return project / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scale")
    return {n: grown_site(tmp, n) for n in (50, 250)}


def sidebar_links(html: str) -> list[str]:
    nav = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
    return re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="md-nav__link', nav)


def test_largest_page_does_not_grow_with_the_number_of_articles(sites):
    largest = {n: max(p.stat().st_size for p in site.rglob("*.html")) for n, site in sites.items()}
    # Five times the articles; the largest page may differ only by longer titles, not by more links.
    assert largest[250] < largest[50] * 1.15, largest


def test_sidebar_shows_the_current_category_only_and_a_window_of_it(sites):
    site = sites[250]  # 50 articles in each of 5 categories
    html = (site / "en" / "account" / "generated-00100" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
    assert nav.count("generated-") <= SIDEBAR_ARTICLES + 1
    assert "md-nav__link--active" in nav, "the current article is in the window"
    assert not re.search(r'href="\.\./\.\./payments/generated', nav), "no articles of other categories"
    assert re.search(r"All \d+ articles in this topic", nav)
    for category in ("payments", "security", "withdrawals", "support"):
        assert f"../../{category}/" in nav, "every category stays one click away"


def test_category_listing_is_split_into_pages(sites):
    site = sites[250]
    account = site / "account"
    pages = sorted(p.name for p in account.iterdir() if p.name.startswith("page-"))
    articles = len([p for p in account.iterdir() if p.name.startswith(("generated-", "register", "reset", "locked",
                                                                        "frozen", "update", "app-"))])
    assert len(pages) == -(-articles // PAGE_SIZE) - 1
    for page in [account / "index.html", *(account / name / "index.html" for name in pages)]:
        html = page.read_text(encoding="utf-8")
        listing = html[html.index('class="hc-article-list"'):html.index("</div>", html.index('class="hc-article-list"'))]
        assert listing.count("<li>") <= PAGE_SIZE
        assert 'class="hc-pager"' in html
    index = SearchFiles.load(site / "search")
    assert not any(doc["location"].startswith("account/page-") for doc in index.docs), "not in search results"
    sidebar = (account / "index.html").read_text(encoding="utf-8")
    assert "page-2" not in sidebar[sidebar.index("md-nav--primary"):sidebar.index("md-sidebar--secondary")]
    english_page = (site / "en" / "account" / "page-2" / "index.html").read_text(encoding="utf-8")
    assert '"base": "../../../en/"' in english_page, "an English listing page searches the English index"
    assert '<html lang="en"' in english_page
    listing = english_page[english_page.index('class="hc-article-list"'):]
    for href in re.findall(r'href="([^"#]+)"', listing[:listing.index("</div>")]):
        assert (site / "en" / "account" / "page-2" / href / "index.html").resolve().is_file(), href
