"""Addresses that never break: short links (/a/<id>/) and error-code links
(/e/<code>/) in every language, on any static host and as real 301s; a
rename and a removal caught against the published list without a redirect,
and working with one; the committed list holds for the real docs. The rules'
fixtures are in fixtures/cases (id-*, error-code-*, redirect-*)."""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpcentre.content import parse_front_matter
from support import ROOT, build, run_check, run_script
from test_second_site import second_site

LANGUAGE_PREFIXES = {"zh": "", "zh-Hant": "zh-Hant/", "en": "en/"}


def articles() -> list[tuple[str, int, list]]:
    """(category/slug, id, error codes) of every real article."""
    found = []
    for path in sorted((ROOT / "docs").glob("*/*.zh.md")):
        meta = parse_front_matter(path.read_text(encoding="utf-8")).meta
        if path.parent.name != "templates" and "type" in meta:
            found.append((f"{path.parent.name}/{path.name.split('.')[0]}", meta["id"],
                          [str(code) for code in meta.get("error_codes", [])]))
    return found


def refresh_target(page: Path) -> Path:
    """The file a redirect page's meta refresh leads to."""
    url = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page.read_text(encoding="utf-8")).group(1)
    return (page.parent / url / "index.html").resolve()


@pytest.mark.parametrize("lang", LANGUAGE_PREFIXES)
def test_every_article_opens_at_its_short_link_in_every_language(built_site, lang):
    prefix = LANGUAGE_PREFIXES[lang]
    for stem, number, _ in articles():
        page = built_site.root / f"{prefix}a/{number}/index.html"
        assert refresh_target(page) == (built_site.root / prefix / stem / "index.html").resolve(), stem
        assert 'name="robots" content="noindex"' in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGE_PREFIXES)
def test_an_error_code_opens_the_article_that_claims_it(built_site, lang):
    prefix = LANGUAGE_PREFIXES[lang]
    claimed = [(stem, code) for stem, _, codes in articles() for code in codes]
    assert claimed, "the sample articles claim at least one error code"
    for stem, code in claimed:
        page = built_site.root / f"{prefix}e/{code}/index.html"
        assert refresh_target(page) == (built_site.root / prefix / stem / "index.html").resolve()


def test_hosts_that_read_redirect_files_answer_with_a_301(built_site):
    stem, number, _ = articles()[0]
    rules = (built_site.root / "_redirects").read_text(encoding="utf-8").splitlines()
    assert f"/a/{number}/ /{stem}/ 301" in rules and f"/en/a/{number}/ /en/{stem}/ 301" in rules
    nginx = (built_site.root / "nginx-redirects.conf").read_text(encoding="utf-8")
    assert f"location = /zh-Hant/a/{number}/ {{ return 301 /zh-Hant/{stem}/; }}" in nginx


def test_nginx_answers_a_short_link_with_a_301(nginx_url):
    stem, number, _ = articles()[0]

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.build_opener(NoRedirect).open(f"{nginx_url}/en/a/{number}/")
    assert answer.value.code == 301 and answer.value.headers["Location"].endswith(f"/en/{stem}/")


def test_a_short_link_opens_the_article_in_a_browser_on_a_plain_static_host(site_url, page):
    stem, code = next((stem, codes[0]) for stem, _, codes in articles() if codes)
    page.goto(f"{site_url}/en/e/{code}/")
    page.wait_for_url(f"{site_url}/en/{stem}/")
    assert page.locator("article h1").count() == 1


def test_the_committed_published_list_holds_for_the_real_docs():
    result = run_script(ROOT, "published_urls.py")
    assert result.returncode == 0, result.stdout + result.stderr


# --- the published list: a rename and a removal (the second site, configured alone) ---


@pytest.fixture
def published_site(tmp_path) -> Path:
    """The second site, with what it publishes now recorded."""
    project = second_site(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    recorded = run_script(project, "published_urls.py", "--record")
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    return project


def short_link_of(project: Path, stem: str) -> str:
    listed = (project / "published-urls.txt").read_text(encoding="utf-8")
    return re.search(rf"^/a/(\d+)/ /{stem}/$", listed, re.M).group(1)


def gone_urls(stdout: str) -> set[str]:
    return {line.split(" ")[2] for line in stdout.splitlines() if ": URL-GONE " in line}


def rename(project: Path, old: str, new: str) -> None:
    """What a writer does: the files renamed, the site's own links to them updated."""
    for path in (project / "docs").glob(f"{old}.*.md"):
        path.rename(path.with_name(Path(new).name + "." + path.name.split(".", 1)[1]))
    for path in (project / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new).replace(Path(old).name + ".md", Path(new).name + ".md"),
                        encoding="utf-8")


def test_recording_lists_every_page_and_short_link_of_every_language(published_site):
    listed = (published_site / "published-urls.txt").read_text(encoding="utf-8")
    assert "\n/cards/card-declined/\n" in listed and "\n/zh/cards/card-declined/\n" in listed
    assert re.search(r"^/zh/a/\d+/ /zh/cards/card-declined/$", listed, re.M)


def test_a_renamed_article_without_a_redirect_fails_the_check_and_the_build(published_site):
    rename(published_site, "cards/card-declined", "cards/card-refused")
    check = run_check(published_site, "published_urls.py")
    assert check.returncode == 1
    assert gone_urls(check.stdout) == {"/cards/card-declined/", "/zh/cards/card-declined/"}
    assert all("'cards/card-declined/: <new path>/' to docs/redirects.yml" in line
               for line in check.stdout.splitlines() if ": URL-GONE " in line)
    result = build(published_site)
    assert result.returncode != 0 and "URL-GONE" in result.stdout + result.stderr
    assert not (published_site / "site" / "index.html").exists()


def test_a_renamed_article_with_a_redirect_works_at_its_old_address_in_every_language(published_site):
    rename(published_site, "cards/card-declined", "cards/card-refused")
    (published_site / "docs" / "redirects.yml").write_text("cards/card-declined/: cards/card-refused/\n",
                                                           encoding="utf-8")
    assert run_check(published_site, "published_urls.py").returncode == 0
    result = build(published_site)
    assert result.returncode == 0, result.stdout + result.stderr
    site = published_site / "site"
    for prefix in ("", "zh/"):
        assert refresh_target(site / prefix / "cards/card-declined/index.html") == \
            (site / prefix / "cards/card-refused/index.html").resolve()
    assert "/cards/card-declined/ /cards/card-refused/ 301" in (site / "_redirects").read_text(encoding="utf-8")
    number = short_link_of(published_site, "cards/card-declined")  # the id went with the article
    assert refresh_target(site / "a" / number / "index.html") == (site / "cards/card-refused/index.html").resolve()


def test_a_removed_article_needs_a_redirect_to_its_category(published_site):
    number = short_link_of(published_site, "cards/lost-card")
    for path in (published_site / "docs").glob("cards/lost-card.*.md"):
        path.unlink()
    check = run_check(published_site, "published_urls.py")
    assert check.returncode == 1
    assert gone_urls(check.stdout) == {"/cards/lost-card/", "/zh/cards/lost-card/", f"/a/{number}/", f"/zh/a/{number}/"}
    (published_site / "docs" / "redirects.yml").write_text(
        f"cards/lost-card/: cards/\na/{number}/: cards/\n", encoding="utf-8")
    assert run_check(published_site, "published_urls.py").returncode == 0


def test_a_changed_id_is_refused_with_the_published_one(published_site):
    path = published_site / "docs" / "cards" / "order-a-card.en.md"
    number = int(re.search(r"^id: (\d+)$", path.read_text(encoding="utf-8"), re.M).group(1))
    for path in (published_site / "docs").glob("cards/order-a-card.*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace(f"id: {number}\n", "id: 99\n"), encoding="utf-8")
    check = run_check(published_site, "published_urls.py")
    assert check.returncode == 1
    changed = [line for line in check.stdout.splitlines() if "ID-CHANGED" in line]
    assert changed and all(f"put back 'id: {number}'" in line for line in changed)
    assert "URL-GONE" not in check.stdout


def test_recording_refuses_while_a_published_url_is_gone(published_site):
    listed = (published_site / "published-urls.txt").read_text(encoding="utf-8")
    rename(published_site, "cards/card-declined", "cards/card-refused")
    assert run_check(published_site, "published_urls.py", "--record").returncode == 1
    assert (published_site / "published-urls.txt").read_text(encoding="utf-8") == listed


def test_the_published_list_check_is_a_usage_error_when_addresses_are_off(project):
    assert run_check(project, "published_urls.py").returncode == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("addresses: {enabled: true}",
                                                                 "addresses: {enabled: false}"), encoding="utf-8")
    assert run_check(project, "published_urls.py").returncode == 2


def test_a_malformed_published_list_line_is_a_finding(published_site):
    with (published_site / "published-urls.txt").open("a", encoding="utf-8") as listed:
        listed.write("cards/no-leading-slash/\n")
    check = run_check(published_site, "published_urls.py")
    assert check.returncode == 1 and ": PUBLISHED-LINE " in check.stdout
