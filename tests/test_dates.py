"""Dates: a page before and after its publish_after and unpublish_after, a
notice inside and outside its window, the clock moved with HELPCENTRE_NOW.
On the second site (tests/fixtures/second-site), from configuration and
files alone. Bad dates and notices have their fixtures in fixtures/cases
(date-*, notice-*)."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from helpcentre.dates import ClockError, Schedule, build_now, parse_moment
from helpcentre_tools.search_files import SearchFiles
from support import ROOT, build, run_check
from test_addresses import refresh_target
from test_second_site import second_site

LAUNCH = "2027-01-15T09:00:00+08:00"
TAKEDOWN = "2027-02-01T00:00:00+08:00"
BEFORE, DURING, AFTER = "2027-01-10T00:00:00+08:00", "2027-01-20T12:00:00+08:00", "2027-03-01T00:00:00+08:00"
NOTICES = """\
notices:
  - name: card-delays
    start: 2027-01-20T08:00:00+08:00
    end: 2027-01-20T20:00:00+08:00
    categories: [cards]
    text:
      en: Card payments are delayed today; they will go through by 8pm.
      zh: 今天银行卡付款有延迟，晚上 8 点前会完成。
"""


def test_a_time_needs_its_zone():
    assert parse_moment(datetime(2027, 1, 15, 9, tzinfo=timezone.utc)) == (datetime(2027, 1, 15, 9, tzinfo=timezone.utc), None)
    assert parse_moment("2027-01-15T09:00:00+08:00")[0].utcoffset() == timedelta(hours=8)
    for value in ("2027-01-15T09:00:00", datetime(2027, 1, 15, 9).date(), "next monday", 20270115):
        moment, problem = parse_moment(value)
        assert moment is None and "2026-12-10T09:00:00+08:00" in problem


def test_the_clock_is_helpcentre_now_when_set():
    assert build_now({"HELPCENTRE_NOW": LAUNCH}) == datetime.fromisoformat(LAUNCH)
    assert abs(build_now({}) - datetime.now(timezone.utc)) < timedelta(seconds=5)
    with pytest.raises(ClockError, match="HELPCENTRE_NOW"):
        build_now({"HELPCENTRE_NOW": "2027-01-15"})


@pytest.mark.parametrize("now,state", [(BEFORE, "scheduled"), (LAUNCH, "live"), (DURING, "live"),
                                       (TAKEDOWN, "expired"), (AFTER, "expired")])
def test_a_schedule_is_live_from_publish_after_until_unpublish_after(now, state):
    schedule = Schedule(datetime.fromisoformat(LAUNCH), datetime.fromisoformat(TAKEDOWN))
    assert schedule.state(datetime.fromisoformat(now)) == state


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    """The second site with a new article scheduled for LAUNCH and taken down
    at TAKEDOWN, and a notice for the cards category."""
    project = second_site(tmp_path_factory.mktemp("dated") / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    for lang, title in (("en", "Card offers this winter"), ("zh", "冬季银行卡优惠")):
        (project / "docs" / "cards" / f"winter-offer.{lang}.md").write_text(
            f"---\ntitle: {title}\ndescription: {title}.\ntype: reference\nid: 40\n"
            f"error_codes: [W1]\npublish_after: {LAUNCH}\nunpublish_after: {TAKEDOWN}\norder: 40\n---\n\n{title}.\n",
            encoding="utf-8")
    (project / "docs" / "notices.yml").write_text(NOTICES, encoding="utf-8")
    return project


def built_at(project: Path, now: str, name: str) -> Path:
    result = build(project, site_dir=name, HELPCENTRE_NOW=now)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / name


def everything_that_names(site: Path, slug: str) -> list[str]:
    """Every built file that mentions the article's address or title, the search index included."""
    return sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file()
                  and path.suffix in (".html", ".xml", ".json", ".txt", ".md", "")
                  and (slug in (text := path.read_text(encoding="utf-8", errors="replace"))
                       or "Card offers this winter" in text or "冬季银行卡优惠" in text))


def test_before_publish_after_the_page_is_nowhere(dated_site):
    site = built_at(dated_site, BEFORE, "before")
    assert everything_that_names(site, "winter-offer") == []
    assert not (site / "a" / "40").exists() and not (site / "zh" / "e" / "W1").exists()
    assert run_check(dated_site, "check_content.py").returncode == 0, "a scheduled page is still checked"


def test_from_publish_after_it_is_everywhere(dated_site):
    site = built_at(dated_site, DURING, "during")
    for prefix in ("", "zh/"):
        assert (site / prefix / "cards" / "winter-offer" / "index.html").is_file()
        listings = [site / prefix / "cards" / "index.html", *(site / prefix / "cards").glob("page-*/index.html")]
        assert any("winter-offer/" in page.read_text(encoding="utf-8") for page in listings)
        index = SearchFiles.load(site / prefix / "search")
        assert any(doc["location"].startswith("cards/winter-offer/") for doc in index.docs)
        assert refresh_target(site / prefix / "a" / "40" / "index.html") == \
            (site / prefix / "cards" / "winter-offer" / "index.html").resolve()
    assert "/cards/winter-offer/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_after_unpublish_after_its_addresses_lead_to_its_category(dated_site):
    site = built_at(dated_site, AFTER, "after")
    for prefix in ("", "zh/"):
        category = (site / prefix / "cards" / "index.html").resolve()
        for address in ("cards/winter-offer", "a/40", "e/W1"):
            assert refresh_target(site / prefix / address / "index.html") == category, address
        listings = [site / prefix / "cards" / "index.html", *(site / prefix / "cards").glob("page-*/index.html")]
        assert not any("winter-offer/" in page.read_text(encoding="utf-8") for page in listings)
    assert "winter-offer" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_an_expired_page_on_the_published_list_is_no_url_gone(dated_site, tmp_path, monkeypatch):
    project = Path(shutil.copytree(dated_site / "docs", tmp_path / "project" / "docs")).parent
    for name in ("mkdocs.yml", "overrides", "scripts"):
        (shutil.copytree if (dated_site / name).is_dir() else shutil.copy2)(dated_site / name, project / name)
    monkeypatch.setenv("HELPCENTRE_NOW", DURING)
    assert run_check(project, "published_urls.py", "--record").returncode == 0
    monkeypatch.setenv("HELPCENTRE_NOW", AFTER)
    check = run_check(project, "published_urls.py")
    assert check.returncode == 0, check.stdout
    monkeypatch.setenv("HELPCENTRE_NOW", BEFORE)  # published, then moved to a later launch: that URL is gone
    assert "URL-GONE /cards/winter-offer/" in run_check(project, "published_urls.py").stdout


def notice_text(site: Path, path: str) -> list[str]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<p class="hc-banner__text">(.*?)</p>', html)


def test_a_notice_shows_on_its_category_inside_its_window_only(dated_site):
    during = built_at(dated_site, DURING, "during-notice")
    assert notice_text(during, "cards/card-declined") == ["Card payments are delayed today; they will go through by 8pm."]
    assert notice_text(during, "zh/cards") == ["今天银行卡付款有延迟，晚上 8 点前会完成。"]
    assert notice_text(during, "transfers/send-money") == [], "only the pages it concerns"
    outside = built_at(dated_site, BEFORE, "outside-notice")
    assert notice_text(outside, "cards/card-declined") == []


def test_a_clock_that_is_not_a_time_fails_the_build_and_the_checks(dated_site, monkeypatch):
    result = build(dated_site, site_dir="bad-clock", HELPCENTRE_NOW="tomorrow")
    assert result.returncode != 0 and "HELPCENTRE_NOW='tomorrow'" in result.stdout + result.stderr
    assert not (dated_site / "bad-clock" / "index.html").exists()
    monkeypatch.setenv("HELPCENTRE_NOW", "2027-01-15")
    assert run_check(dated_site, "check_content.py").returncode == 2
