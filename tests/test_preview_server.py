"""`make serve` as a writer uses it, in Chromium: a save reloads the open page
with the change, a content error in the saved file is printed in the
terminal and shown in a banner on the page (never written to the site),
and `--page` serves one article in every language."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from support import environment, make_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    def __init__(self, project: Path, *args: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, str(project / "scripts" / "serve.py"), "--dev-addr", f"127.0.0.1:{self.port}",
             "--no-refresh", *args], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=environment())
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/", timeout=5)
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise AssertionError(f"the preview did not start:\n{self.output}")

    def status(self, path: str) -> int:
        try:
            return urllib.request.urlopen(self.url + path, timeout=30).status
        except urllib.error.HTTPError as error:
            return error.code

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.output = self.process.communicate(timeout=20)[0]
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.output = self.process.communicate()[0]


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def test_a_save_reloads_the_page_and_a_content_error_shows_in_a_banner(browser, project):
    served = Served(project)
    try:
        page = browser.new_page()
        page.goto(served.url + "/en/account/register/")
        article = project / "docs" / "account" / "register.en.md"
        original = article.read_text(encoding="utf-8")
        article.write_text(original.replace("\n\n", "\n\nA line the writer just saved.\n\n", 1), encoding="utf-8")
        page.wait_for_function("() => document.body.innerText.includes('A line the writer just saved.')",
                               timeout=30000)
        assert not page.query_selector(".hc-preview-problems")
        # A contact link whose text is not the channel's name: a finding, on the page and in the terminal.
        broken = original.replace("\n\n", "\n\nAsk [our team](../contact.md#chat) for help.\n\n", 1)
        article.write_text(broken, encoding="utf-8")
        page.wait_for_selector(".hc-preview-problems", timeout=30000)
        banner = page.inner_text(".hc-preview-problems")
        assert "docs/account/register.en.md" in banner and "CONTACT-LINK-TEXT" in banner
        article.write_text(original, encoding="utf-8")
        page.wait_for_function("() => !document.querySelector('.hc-preview-problems')", timeout=30000)
        page.close()
    finally:
        served.stop()
    assert "docs/account/register.en.md" in served.output and "CONTACT-LINK-TEXT" in served.output


def test_one_article_in_every_language_with_page(project):
    served = Served(project, "--page", "docs/account/register.zh.md")
    try:
        for path in ("/account/register/", "/zh-Hant/account/register/", "/en/account/register/", "/en/",
                     "/en/account/"):
            assert served.status(path) == 200, path
        assert served.status("/en/payments/top-up/") == 404
    finally:
        served.stop()


def test_a_page_that_is_not_an_article_is_a_usage_error(project):
    result = subprocess.run([sys.executable, "scripts/serve.py", "--page", "docs/nothing.zh.md"], cwd=project,
                            capture_output=True, text=True, env=environment(), timeout=120)
    assert result.returncode == 2 and "is not an article" in result.stderr


def test_an_article_due_for_review_shows_a_banner_in_the_preview(project, monkeypatch):
    """Only in the preview: reviewed recently, no banner; once its reviewed
    date is older than its type allows, a banner says so (the clock from
    HELPCENTRE_NOW)."""
    monkeypatch.setenv("HELPCENTRE_NOW", "2027-03-01T00:00:00+08:00")
    source = project / "docs" / "account" / "register.zh.md"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace("\ntype: how-to\n", "\ntype: how-to\nowner: \"@account-team\"\nreviewed: 2027-01-01\n", 1),
                      encoding="utf-8")
    served = Served(project, "--page", "docs/account/register.zh.md")
    try:
        def page() -> str:
            return urllib.request.urlopen(served.url + "/en/account/register/", timeout=30).read().decode("utf-8")
        assert "hc-review-due" not in page()
        source.write_text(source.read_text(encoding="utf-8").replace("reviewed: 2027-01-01", "reviewed: 2025-12-01"),
                          encoding="utf-8")
        deadline = time.monotonic() + 60
        while "hc-review-due" not in (html := page()) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Review due" in html and "@account-team" in html and "every 365 days" in html
    finally:
        served.stop()
