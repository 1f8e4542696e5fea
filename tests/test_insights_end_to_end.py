"""Insights end to end, with the real parts: a site built with
`insights: {enabled: true}`, served by Debian's nginx with the README's
server block (its beacon location answers 204 and logs), Chromium doing
what customers do, and `scripts/insights.py` reading nginx's own log.
Off (the real site's setting), a whole session sends nothing."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
import yaml

from helpcentre_tools.browser import (nginx, nginx_missing_reason, open_search, paste_into_search,
                                      readme_nginx_server, search_results, stable_results, type_like_a_person)
from support import FIXTURES, LANGUAGES, ROOT, build, leaks, make_project, require, run_check

pytestmark = pytest.mark.program

ENDPOINT = "/_hc/e"
LOG = "help-insights.log"
MESSAGES = yaml.safe_load((FIXTURES / "redaction" / "messages.yaml").read_text(encoding="utf-8"))
QUIET_MS = 1500  # longer than hc-insights.js waits for a reader to stop typing
# A customer's browser: the report counts HeadlessChrome as a bot.
CUSTOMER = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Mobile Safari/537.36")


def customer_page(browser):
    return browser.new_context(user_agent=CUSTOMER).new_page()


@pytest.fixture(scope="module")
def insights_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("insights") / "project", FIXTURES / "base" / "docs")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    setting = "      insights: {enabled: false}\n"
    assert setting in text
    config.write_text(text.replace(setting, "      insights: {enabled: true}\n"), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def served(insights_site, tmp_path_factory):
    require(nginx_missing_reason())
    workdir = tmp_path_factory.mktemp("nginx-insights")
    with nginx(insights_site, workdir, readme_nginx_server(ROOT / "README.md")) as url:
        yield url, workdir / LOG


def logged(log: Path) -> list[dict[str, str]]:
    """The events in nginx's log, decoded."""
    if not log.exists():
        return []
    events = []
    for line in log.read_text(encoding="utf-8").splitlines():
        request = line.split('"')[1]
        assert request.startswith(f"GET {ENDPOINT}?") and '" 204 ' in line, line
        events.append(dict(parse_qsl(urlsplit(request.split(" ")[1]).query)))
    return events


def wait_for_events(log: Path, count: int, timeout: float = 10.0) -> list[dict[str, str]]:
    deadline = time.monotonic() + timeout
    while len(events := logged(log)) < count:
        assert time.monotonic() < deadline, f"expected {count} events, nginx logged {events}"
        time.sleep(0.05)
    return events


def test_the_beacon_answers_204_with_no_store(served):
    import urllib.request

    url, log = served
    before = len(logged(log))
    with urllib.request.urlopen(f"{url}{ENDPOINT}?v=1&e=search&l=en&p=%2F&q=x&n=0&r=1&w=dialog") as response:
        assert response.status == 204 and response.headers["Cache-Control"] == "no-store"
    assert len(wait_for_events(log, before + 1)) == before + 1


def test_each_action_sends_one_event_and_the_report_counts_them(served, browser, tmp_path):
    url, log = served
    start = len(logged(log))
    page = customer_page(browser)
    page.goto(f"{url}/en/account/sample/")
    open_search(page)
    assert search_results(page, "network") and len(wait_for_events(log, start + 1)) == start + 1
    page.click(".md-search-result__link")  # rank 1
    page.wait_for_url("**/en/account/sample/**")
    page.click("[data-hc-feedback] [data-helpful=no]")
    page.check("input[name=hc-why][value=missing]")
    page.fill("#hc-feedback-comment", "my card 4111 1111 1111 1111 was declined, call 138 0013 8000")
    page.click(".hc-feedback__why button[type=submit]")
    wait_for_events(log, start + 3)
    page.click(".hc-contact-block a[data-hc-channel=chat]")
    page.wait_for_url("**/en/contact/**")
    page.click("#hc-describe")
    type_like_a_person(page, "network")
    page.wait_for_selector("[data-hc-answers-list] li a")
    assert page.locator("[data-hc-answers-list] li").count() <= 3
    wait_for_events(log, start + 5)
    page.evaluate("() => document.addEventListener('click', event => event.preventDefault())")  # no tel: handler
    page.click(".hc-urgent a[data-hc-channel=phone]")
    page.goto(f"{url}/account/sample/")
    page.click("[data-hc-feedback] [data-helpful=yes]")
    page.wait_for_timeout(QUIET_MS)  # the absence of a second event is the point
    events = wait_for_events(log, start + 7)[start:]
    page.context.close()
    assert [(e["e"], e["l"]) for e in events] == [
        ("search", "en"), ("open", "en"), ("vote", "en"), ("contact", "en"), ("search", "en"), ("contact", "en"),
        ("vote", "zh")]
    search, opened, vote, from_article, on_contact_page, from_contact, helpful = events
    assert (on_contact_page["w"], on_contact_page["q"], on_contact_page["p"]) == ("contact", "network", "/en/contact/")
    assert search == {"v": "1", "e": "search", "l": "en", "p": "/en/account/sample/", "q": "network", "n": "1",
                      "r": "1", "w": "dialog"}
    assert opened["k"] == "1" and opened["u"] == "/en/account/sample/" and opened["q"] == "network"
    assert vote["h"] == "0" and vote["why"] == "missing" and "[card]" in vote["c"] and "[phone]" in vote["c"]
    assert (from_article["ch"], from_article["from"], from_article["s"]) == ("chat", "article", "0")
    assert (from_contact["ch"], from_contact["from"], from_contact["s"]) == ("phone", "contact", "1")
    assert helpful["h"] == "1" and helpful["u"] == "/account/sample/"
    assert "4111" not in unquote(log.read_text(encoding="utf-8")) and "0013" not in unquote(log.read_text())

    figures = tmp_path / "figures.json"
    result = run_check(ROOT, "insights.py", str(log), "--min-votes", "1", "--json", str(figures),
                       "--html", str(tmp_path / "report.html"), "--markdown", str(tmp_path / "report.md"))
    assert result.returncode == 0, result.stdout + result.stderr
    report = {language["code"]: language for language in json.loads(figures.read_text())["languages"]}
    english = report["en"]
    assert (english["events"]["open"], english["events"]["contact"], english["events"]["vote"]) == (1, 2, 1)
    assert english["top_searches"][0] == {"label": "network", "count": 2}
    sample = next(a for a in english["articles"] if a["path"] == "/en/account/sample/")
    assert (sample["votes"], sample["yes"], sample["reasons"].get("missing")) == (1, 0, 1)
    assert {c["label"]: c["count"] for c in english["channels"]} == {"chat": 1, "phone": 1}
    chinese = next(a for a in report["zh"]["articles"] if a["path"] == "/account/sample/")
    assert (chinese["votes"], chinese["yes"]) == (1, 1)


def test_the_redaction_fixture_leaves_nothing_personal_in_nginx_log(served, browser):
    """Every message pasted into the search box, a page per language side by
    side so their pauses overlap; each search event is matched to its
    message by language and order."""
    url, log = served
    context = browser.new_context(user_agent=CUSTOMER)
    pages = {}
    for lang in ("zh", "zh-Hant", "en"):
        pages[lang] = context.new_page()
        pages[lang].goto(f"{url}/{LANGUAGES.get(lang).prefix}account/sample/")
        open_search(pages[lang])
    queue = {lang: [m for m in MESSAGES if m["lang"] == lang] for lang in pages}
    sent = []
    while any(queue.values()):
        before = len(logged(log))
        batch = [(lang, queue[lang].pop(0)) for lang in pages if queue[lang]]
        for lang, message in batch:
            paste_into_search(pages[lang], message["text"])
        for lang, message in batch:
            stable_results(pages[lang])
        events = wait_for_events(log, before + len(batch), timeout=15)[before:]
        by_lang = {event["l"]: event for event in events}
        sent += [(message, by_lang[lang]["q"]) for lang, message in batch]
    context.close()
    text = unquote(log.read_text(encoding="utf-8"))
    for message, query in sent:
        assert not leaks(query, message["personal"]), (message["text"], query)
        for item in message["personal"]:
            assert item not in text
    assert len(sent) == len(MESSAGES)


def test_with_insights_off_a_whole_session_sends_nothing(built_site, browser, site_url):
    assert not any('id="hc-insights"' in path.read_text(encoding="utf-8")
                   for path in built_site.root.rglob("*.html"))
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(f"{site_url}/en/account/locked-account/")
    open_search(page)
    assert search_results(page, "locked")
    page.click(".md-search-result__link")
    page.wait_for_load_state("networkidle")
    page.click("[data-hc-feedback] [data-helpful=no]")
    page.click(".hc-contact-block a[data-hc-channel]")
    page.wait_for_load_state("networkidle")
    page.close()
    assert not [path for path in requested if path.startswith("/_hc/") or "hc-insights" in path or "hc-redact" in path]


def test_global_privacy_control_sends_nothing(served, browser):
    url, log = served
    context = browser.new_context(user_agent=CUSTOMER)
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })")
    page = context.new_page()
    before = len(logged(log))
    page.goto(f"{url}/en/account/sample/")
    open_search(page)
    assert search_results(page, "network")
    page.keyboard.press("Escape")
    page.click("[data-hc-feedback] [data-helpful=yes]")
    page.wait_for_timeout(QUIET_MS)  # the absence of an event is the point
    context.close()
    assert len(logged(log)) == before


def test_a_no_left_without_a_reason_and_the_other_language_link_send_one_event_each(served, browser):
    url, log = served
    start = len(logged(log))
    page = customer_page(browser)
    page.goto(f"{url}/account/sample/")
    page.click("[data-hc-feedback] [data-helpful=no]")
    page.goto(f"{url}/")  # leaving the page sends the "No" as it is
    vote = wait_for_events(log, start + 1)[start]
    assert (vote["e"], vote["h"], vote["l"], vote["u"]) == ("vote", "0", "zh", "/account/sample/") and "why" not in vote
    open_search(page)
    search_results(page, "network")
    page.wait_for_selector(".hc-search-elsewhere a")
    page.click(".hc-search-elsewhere a")
    page.wait_for_url("**/en/?q=network")
    page.wait_for_timeout(QUIET_MS)  # the English page's own search settles too
    events = logged(log)[start + 1:]
    page.context.close()
    assert sorted((e["e"], e["l"]) for e in events) == [("lang", "zh"), ("search", "en"), ("search", "zh")]
    lang = next(e for e in events if e["e"] == "lang")
    assert (lang["q"], lang["t"]) == ("network", "en")
