"""Hardening: the headers a static host sends (site/_headers, and the same
for nginx), no Content-Security-Policy violation while customers browse,
search and switch language, and security.txt from the registry."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest

from helpcentre_tools.browser import search_results, serve
from helpcentre.security import parse_headers_file

CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture(scope="module")
def headers(built_site) -> dict[str, str]:
    return parse_headers_file((built_site.root / "_headers").read_text(encoding="utf-8"))


def test_headers_file_and_nginx_snippet_agree(built_site, headers):
    assert (built_site.root / "_headers").read_text(encoding="utf-8").splitlines()[1] == "/*"
    nginx = (built_site.root / "nginx-security-headers.conf").read_text(encoding="utf-8")
    for name, value in headers.items():
        assert f'add_header {name} "{value}" always;' in nginx
    assert set(headers) >= {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                            "Permissions-Policy", "Strict-Transport-Security"}


def test_content_security_policy_allows_only_the_site(headers):
    csp = dict(part.split(" ", 1) for part in headers["Content-Security-Policy"].split("; "))
    assert csp["default-src"] == "'self'" and csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'" and csp["style-src"] == "'self'"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "unsafe-eval" not in headers["Content-Security-Policy"]
    sources = csp["script-src"].split()
    assert sources[0] == "'self'" and all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", s) for s in sources[1:])
    assert not re.search(r"https?://", headers["Content-Security-Policy"])


def test_every_inline_script_is_allowed_by_a_hash(built_site, headers):
    from helpcentre.security import inline_script_hashes
    pages = [p.read_text(encoding="utf-8") for p in built_site.files(".html")]
    assert set(inline_script_hashes(pages)) <= set(re.split(r"[ ;]+", headers["Content-Security-Policy"]))


PAGES = ["", "account/reset-password/", "contact/", "account/", "no/such/page/"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_csp_violations_while_browsing_searching_and_switching_language(browser, built_site, headers, prefix):
    with serve(built_site.root, headers=headers) as url:
        context = browser.new_context()
        context.add_init_script(CSP_PROBE)
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
        violations = []
        for path in PAGES:
            response = page.goto(f"{url}/{prefix}{path}")
            assert response.headers["content-security-policy"] == headers["Content-Security-Policy"]
            if path == "account/reset-password/":
                assert search_results(page, "password" if prefix else "密码"), "search works under the CSP"
                page.keyboard.press("Escape")
                page.click("[data-helpful=no]")
                page.hover(".md-header__option .md-select")
                with page.expect_navigation():
                    page.click(f'.md-select__link[hreflang="{"zh" if prefix else "en"}"]')
                assert urlsplit(page.url).path.endswith("/account/reset-password/")
                page.emulate_media(color_scheme="dark")
            violations += page.evaluate("window.__cspViolations")
        context.close()
        assert violations == []
        assert not [m for m in console if "Content Security Policy" in m or "Refused" in m]


def test_security_txt(built_site):
    text = (built_site.root / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.strip().splitlines())
    assert fields["Contact"].startswith("mailto:")
    expires = date.fromisoformat(fields["Expires"][:10])
    assert date.today() < expires <= date.today() + timedelta(days=366)
    assert fields["Canonical"] == "https://help.example.com/.well-known/security.txt"


def test_the_probe_sees_violations_when_the_policy_is_wrong(browser, built_site, headers):
    without_hashes = {**headers, "Content-Security-Policy": re.sub(r" 'sha256-[^']+'", "",
                                                                    headers["Content-Security-Policy"])}
    with serve(built_site.root, headers=without_hashes) as url:
        context = browser.new_context()
        context.add_init_script(CSP_PROBE)
        page = context.new_page()
        page.goto(f"{url}/")
        page.wait_for_function("() => window.__cspViolations.some(v => v.startsWith('script-src'))", timeout=10000)
        context.close()
