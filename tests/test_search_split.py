"""The split search index (scripts/helpcentre/search_shards.py and
workers/hc-search-*.js): the same answers as the whole index, nothing heavy
before a search, bounded fetches, and a clear failure when a file is gone.

Parity runs every query of the suite, every kind, in Chromium, through two
workers of the site: one as a page uses it (only the chunks a query needs)
and one that loads every chunk (the whole index). Same results, same order."""

from __future__ import annotations

import gzip
import re
import json
import shutil
import time
from urllib.parse import urlsplit

import pytest

from helpcentre.search_shards import MANIFEST, chunk_name, content_hash, split_search_index
from helpcentre_tools.browser import (clear_search, open_search, paste_into_search, search_results, serve,
                                      stable_results, type_like_a_person)
from helpcentre_tools.search_files import SearchFiles
from helpcentre_tools.search_suite import load_queries
from search_report import elsewhere
from support import LANGUAGES, ROOT

QUERIES = load_queries(ROOT / "tests" / "search_queries.yaml")
MANIFEST_BYTES = 2_000  # gzipped, at most, whatever the number of articles

# Two workers in the page: one split, one whole. Every query to both, one at a time.
PARITY = """async ([queries]) => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const manifest = await (await fetch(new URL("search/" + "search_index.json",
    new URL(config.base.replace(/\\/?$/, "/"), location.href)))).json()
  const start = () => {
    const worker = new Worker(new URL(config.search, location.href))
    worker.postMessage({ type: 0, data: { config: manifest.config, docs: manifest.docs, options: { suggest: true } } })
    return worker
  }
  const ask = (worker, query, hc) => new Promise(resolve => {
    const listen = ({ data }) => {
      if (data.type === 3 && data.data.query === query) {
        worker.removeEventListener("message", listen)
        resolve(data.data)
      }
    }
    worker.addEventListener("message", listen)
    worker.postMessage({ type: 2, data: query, hc })
  })
  const summary = data => ({ items: data.items.map(group => group.map(item => item.location)),
                             total: data.total, suggest: data.suggest || [], failed: !!data.failed })
  const split = start(), whole = start()
  const answers = []
  for (const query of queries)
    answers.push([summary(await ask(split, query, { now: true })), summary(await ask(whole, query, { now: true, whole: true }))])
  split.terminate(); whole.terminate()
  return answers
}"""


def queries_on(lang: str) -> list[str]:
    """Every query typed on this language's site, and every other-language
    query that this site answers through the link."""
    own = [q.q for q in QUERIES if q.lang == lang]
    forwarded = [q.q for q in QUERIES if q.kind == "other-language" and (elsewhere(LANGUAGES, q.lang, q.q) or
                                                                        LANGUAGES.get(lang)).code == lang]
    return list(dict.fromkeys(own + forwarded))


@pytest.mark.program
@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_the_split_index_answers_every_query_as_the_whole_index(browser, site_url, lang):
    page = browser.new_page()
    page.goto(f"{site_url}/{LANGUAGES.get(lang).prefix}")
    queries = queries_on(lang)
    answers = page.evaluate(PARITY, [queries])
    page.close()
    differ = [(query, split, whole) for query, (split, whole) in zip(queries, answers) if split != whole]
    assert len(answers) == len(queries) > 400
    assert not [query for query, (split, _) in zip(queries, answers) if split["failed"]]
    assert differ == [], f"{len(differ)} of {len(queries)} differ, e.g. {differ[:2]}"
    assert sum(1 for split, _ in answers if split["items"]) > 0.9 * len(queries)


@pytest.mark.program
def test_a_page_view_fetches_the_manifest_only_and_intent_fetches_the_engine(browser, site_url):
    page = browser.new_page()
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(f"{site_url}/en/account/locked-account/")
    page.wait_for_load_state("networkidle")
    search = [path for path in requested if "/search/" in path or "/workers/" in path]
    assert search == ["/assets/javascripts/workers/hc-search-worker.js", "/en/search/search_index.json"]
    page.hover(".md-search__input")
    deadline = time.monotonic() + 15
    while not any("/hc-search-engine.js" in path for path in requested) and time.monotonic() < deadline:
        page.wait_for_timeout(50)  # polling for the request the worker makes; the loop ends on it
    page.wait_for_load_state("networkidle")
    before_query = [path for path in requested if "/search/" in path or "/workers/" in path]
    assert any(path.startswith("/en/search/prepare.") for path in before_query)
    assert "/assets/javascripts/workers/hc-search-engine.js" in before_query
    assert not any("/terms/" in path or "/pages/" in path for path in before_query), "no terms before a query"
    open_search(page)
    assert search_results(page, "locked")
    chunks = [path for path in requested[len(before_query):] if "/terms/" in path]
    assert chunks and all(path.startswith("/en/search/terms/") for path in chunks), "only this language's terms"
    page.close()


@pytest.mark.program
def test_the_manifest_stays_small_and_names_no_article(built_site):
    for lang in LANGUAGES.codes:
        folder = built_site.root / LANGUAGES.get(lang).prefix / "search"
        manifest = (folder / MANIFEST).read_bytes()
        assert len(gzip.compress(manifest)) <= MANIFEST_BYTES
        data = json.loads(manifest)
        assert data["docs"] == [] and "account" not in manifest.decode()


@pytest.mark.program
def test_every_content_named_file_holds_what_its_name_says(built_site):
    files = SearchFiles.load(built_site.root / "search")
    for _, _, name in files.chunks:
        assert name.split("/")[-1].split(".")[0] == content_hash((files.folder / name).read_bytes())
    prepare = files.manifest["config"]["hc"]["prepare"]
    assert prepare.split(".")[1] == content_hash((files.folder / prepare).read_bytes())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_prefix_family_is_in_the_chunks_the_worker_asks_for(built_site, lang):
    """What Material's trailing * makes of a term is in the chunk(s) its first
    characters name (two Chinese, three Latin): the worker's rule, as
    SearchFiles.chunks_for mirrors it, run here over every seventh term and
    each of its prefixes."""
    files = SearchFiles.load(built_site.root / LANGUAGES.get(lang).prefix / "search")
    where = {}
    for _, _, name in files.chunks:
        for term in json.loads((files.folder / name).read_text(encoding="utf-8"))["terms"]:
            where[term] = name
    for term in list(where)[::7]:
        for prefix in dict.fromkeys((term[:1], term[:2], term[:3], term)):
            wanted = set(files.chunks_for(prefix))
            family = {where[other] for other in where if other.startswith(prefix)}
            assert family <= wanted, (prefix, family - wanted)


def copy_site(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site.root, site)
    return site


def chunk_paths(folder):
    return [folder / name for _, _, name in SearchFiles.load(folder).chunks]


@pytest.mark.program
def test_a_shard_that_does_not_match_its_hash_is_refused_and_the_reader_can_retry(browser, built_site, tmp_path):
    site = copy_site(built_site, tmp_path)
    chunks = {path: path.read_bytes() for path in chunk_paths(site / "en" / "search")}
    for path, content in chunks.items():
        path.write_bytes(content.replace(b'"password"', b'"passw0rd"'))
    with serve(site) as url:
        page = browser.new_page()
        page.goto(f"{url}/en/")
        open_search(page)
        type_like_a_person(page, "password")
        page.wait_for_function("() => document.querySelector('.md-search-result').dataset.hcAnswered === 'password'",
                               timeout=15000)
        page.wait_for_selector(".hc-search-failed", timeout=15000)
        assert "Search couldn't load" in page.inner_text(".hc-search-failed")
        assert page.locator(".md-search-result__item").count() == 0
        for path, content in chunks.items():
            path.write_bytes(content)
        page.click(".hc-search-retry")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        links = page.eval_on_selector_all(".md-search-result__link", "a => a.map(e => e.href)")
        assert any("/en/account/reset-password/" in link for link in links)
        page.close()


def redeploy(folder):
    """What a new deploy does to a language's search folder: every content-named
    file replaced by another (here: the same terms and one more), a new
    version of the pages, a new prepare file and manifest."""
    files = SearchFiles.load(folder)
    prepare, manifest = dict(files.prepare), files.manifest
    chunks = []
    for first, last, name in files.chunks:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        data["terms"]["zzredeployed"] = [10 ** 6, {}]
        content = json.dumps(data, ensure_ascii=False).encode()
        (folder / chunk_name(content_hash(content))).write_bytes(content)
        (folder / name).unlink()
        chunks.append([first, last, content_hash(content)])
    version = "f" * 16
    old_pages = folder / files.prepare["pages"]
    new_pages = folder / "pages" / version
    new_pages.mkdir()
    for page in old_pages.iterdir():
        data = json.loads(page.read_text(encoding="utf-8"))
        (new_pages / page.name).write_text(json.dumps({**data, "version": version}), encoding="utf-8")
    shutil.rmtree(old_pages)
    prepare.update(chunks=chunks, version=version, pages=f"pages/{version}/")
    content = json.dumps(prepare, ensure_ascii=False).encode()
    prepare_name = f"prepare.{content_hash(content)}.json"
    (folder / prepare_name).write_bytes(content)
    (folder / manifest["config"]["hc"]["prepare"]).unlink()
    manifest["config"]["hc"].update(version=version, prepare=prepare_name)
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


@pytest.mark.program
def test_a_page_of_the_previous_deploy_reads_the_new_manifest_and_still_searches(browser, built_site, tmp_path):
    site = copy_site(built_site, tmp_path)
    with serve(site) as url:
        page = browser.new_page()
        page.goto(f"{url}/en/")
        open_search(page)
        assert search_results(page, "fee")  # the old deploy's prepare file and some of its terms are loaded
        redeploy(site / "en" / "search")
        requested = []
        page.on("request", lambda request: requested.append(urlsplit(request.url).path))
        results = search_results(page, "locked account")
        assert any("account/locked-account/" in url for url in results[:3])
        assert "/en/search/search_index.json" in requested, "the manifest was read again"
        assert page.locator(".hc-search-failed").count() == 0
        page.close()


ENGINE = (ROOT / "overrides" / "assets" / "javascripts" / "workers" / "hc-search-engine.js").read_text(encoding="utf-8")
MAX_CHUNKS = int(re.search(r"const MAX_CHUNKS = (\d+)", ENGINE).group(1))
MAX_PAGES = int(re.search(r"const MAX_PAGES = (\d+)", ENGINE).group(1))
COUNT_ANSWERS = """() => {
  window.hcAnswered = 0
  document.addEventListener("hc-search-answered", () => window.hcAnswered++)
}"""


def searching(page, folder: str) -> list[str]:
    """The term chunks and page fragments of `folder` that the page fetches from now on."""
    fetched = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path)
            if urlsplit(request.url).path.startswith((f"{folder}terms/", f"{folder}pages/")) else None)
    return fetched


def whole_site_text(built_site, lang: str, characters: int) -> str:
    """The start of every page's text, run together: a pasted message with as many different words as the site has."""
    text = " ".join(re.sub(r"<[^>]+>", " ", doc.get("text", "")) for doc in built_site.search_index(lang).docs)
    return re.sub(r"\s+", " ", text)[:characters]


@pytest.mark.program
@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_a_long_paste_and_a_query_of_no_words_cost_a_bounded_number_of_fetches(browser, built_site, site_url, lang):
    """A pasted message of 20,000 characters that holds the site's own words
    is searched by its first MAX_TERMS terms and fetches at most MAX_CHUNKS
    chunks and MAX_PAGES fragments; punctuation and emoji fetch none."""
    prefix = LANGUAGES.get(lang).prefix
    page = browser.new_page()
    page.goto(f"{site_url}/{prefix}")
    open_search(page)
    fetched = searching(page, f"/{prefix}search/")
    paste_into_search(page, whole_site_text(built_site, lang, 20_000))
    stable_results(page)
    chunks = [path for path in fetched if "/terms/" in path]
    assert 0 < len(chunks) <= MAX_CHUNKS and len(fetched) - len(chunks) <= MAX_PAGES

    fetched.clear()
    paste_into_search(page, "?!…。，、“”「」——😀🙈🎉👍🏽 :-) ¯\\_(-_-)_/¯")
    stable_results(page)
    assert fetched == []
    page.close()


@pytest.mark.program
def test_a_thousand_keystrokes_typed_quickly_are_answered_a_few_times(browser, site_url):
    """Keys typed faster than the worker's pause are answered once, and each
    answer fetches at most MAX_CHUNKS chunks and MAX_PAGES fragments."""
    page = browser.new_page()
    page.goto(f"{site_url}/en/")
    page.evaluate(COUNT_ANSWERS)
    open_search(page)
    fetched = searching(page, "/en/search/")
    page.keyboard.type(("withdrawal fee refund locked account password " * 25)[:1000])
    stable_results(page)
    answered = page.evaluate("window.hcAnswered")
    assert 1 <= answered <= 100, f"{answered} answers for 1,000 keystrokes"
    assert len(fetched) <= answered * (MAX_CHUNKS + MAX_PAGES)
    page.close()
