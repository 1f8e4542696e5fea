from __future__ import annotations

from pathlib import Path

import pytest

from helpcentre_tools.browser import chromium_missing_reason, launch, nginx, nginx_missing_reason, readme_nginx_server, serve
from helpcentre_tools.search_files import SearchFiles
from support import FIXTURES, REDIRECT_PAGE, ROOT, build, make_project, require


class BuiltSite:
    def __init__(self, root: Path):
        self.root = root

    def html(self, url_path: str) -> str:
        return (self.root / url_path / "index.html").read_text(encoding="utf-8")

    def search_index(self, lang: str = "zh") -> SearchFiles:
        """The language's split search index, read back (manifest, prepare file, chunks, pages)."""
        prefix = "" if lang == "zh" else f"{lang}/"
        return SearchFiles.load(self.root / prefix / "search")

    def files(self, *suffixes: str) -> list[Path]:
        return sorted(p for p in self.root.rglob("*") if p.is_file() and p.suffix in suffixes)

    def pages(self) -> list[Path]:
        """Every page a reader reads, without the short links and redirects
        that only lead to one (partials/hc-redirect.html)."""
        return [page for page in self.files(".html") if page.name == "index.html"
                and REDIRECT_PAGE not in page.read_text(encoding="utf-8")]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The real docs/, built once with the real configuration."""
    project = make_project(tmp_path_factory.mktemp("real-site"))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(project / "site")


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Missing locally: skipped with the
    reason. Missing in CI (CI=true): an error, never a silent skip."""
    require(chromium_missing_reason())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    page.close()


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project around the tiny fixture site (tests/fixtures/base)."""
    return make_project(tmp_path / "project", FIXTURES / "base" / "docs")


@pytest.fixture(scope="session")
def nginx_workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("nginx")


@pytest.fixture(scope="session")
def nginx_url(built_site, nginx_workdir):
    """Debian's nginx serving the built site with the README's server block."""
    require(nginx_missing_reason())
    with nginx(built_site.root, nginx_workdir, readme_nginx_server(ROOT / "README.md")) as url:
        yield url
