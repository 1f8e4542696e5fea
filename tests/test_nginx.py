"""Debian's nginx serving the built site with the README's configuration:
security headers on every response, the split search index cached as it
must be (content-named files for a year, the manifest revalidated),
compression, and each language's 404 page."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from helpcentre_tools.search_files import SearchFiles
from support import ROOT

pytestmark = pytest.mark.program


def get(url: str, gzip_ok: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_every_response_carries_the_security_headers(nginx_url):
    status, headers, _ = get(f"{nginx_url}/")
    assert status == 200 and headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_split_index_is_cached_by_what_each_file_is(nginx_url, built_site):
    files = SearchFiles.load(built_site.root / "en" / "search")
    manifest = get(f"{nginx_url}/en/search/search_index.json")[1]
    assert manifest["Cache-Control"] == "no-cache" and "Content-Security-Policy" in manifest
    for name in (files.manifest["config"]["hc"]["prepare"], files.chunks[0][2], f"{files.prepare['pages']}0.json"):
        status, headers, _ = get(f"{nginx_url}/en/search/{name}")
        assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable", name
        assert "Content-Security-Policy" in headers, "a location's add_header must not drop the security headers"
    assert "immutable" in get(f"{nginx_url}/search/{SearchFiles.load(built_site.root / 'search').chunks[0][2]}")[1]["Cache-Control"]


def test_json_and_scripts_are_compressed(nginx_url):
    status, headers, body = get(f"{nginx_url}/en/search/search_index.json", gzip_ok=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip" and gzip.decompress(body).startswith(b"{")


@pytest.mark.parametrize("prefix,heading", [("", "找不到这个页面"), ("en/", "find that page"),
                                            ("zh-Hant/", "找不到這個頁面")])
def test_a_missing_page_gets_the_404_page_of_its_language(nginx_url, prefix, heading):
    status, _, body = get(f"{nginx_url}/{prefix}no/such/page/")
    assert status == 404 and heading in body.decode("utf-8")


def test_the_readme_configuration_is_what_ran(nginx_workdir):
    config = (nginx_workdir / "nginx.conf").read_text(encoding="utf-8")
    assert "include nginx-search-cache.conf;" in config and "try_files $uri $uri/ $uri/index.html =404;" in config
    assert (ROOT / "README.md").read_text(encoding="utf-8").count("```nginx") == 1
