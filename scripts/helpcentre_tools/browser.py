"""Real Chromium for the browser tests: Debian's /usr/bin/chromium driven by
Playwright (its own browser download cannot work here), and a plain static
file server for site/ on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
import time
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    # The machine has no network but loopback: keep Chromium from trying.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-domain-reliability",
]
# The first link of each result item is its page; the rest are its sections.
RESULT_LINKS = ".md-search-result__item > .md-search-result__link:first-child"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A plain static host. `not_found` is how it answers a missing page:
    "nearest" serves the closest 404.html up the path (Cloudflare Pages,
    nginx with a per-language error_page), "root" only /404.html (GitHub
    Pages, most object stores)."""

    extra_headers: dict[str, str] = {}
    not_found = "nearest"
    compress = False
    protocol_version = "HTTP/1.1"  # keep-alive, as every real host
    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")

    def log_message(self, *args):
        pass

    def send_head(self):
        """Gzip text files for clients that accept it, as static hosts do."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the URL with a slash
            path = path / "index.html"
        if not (self.compress and path.suffix in self.COMPRESSIBLE and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = self._not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        candidates = [root / "404.html"]
        if self.not_found == "nearest":
            candidates = [root.joinpath(*parts[:n], "404.html") for n in range(len(parts), -1, -1)]
        return next((c for c in candidates if c.is_file()), None)


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None, not_found: str = "nearest",
          compress: bool = False):
    handler = type("Handler", (QuietHandler,),
                   {"extra_headers": headers or {}, "not_found": not_found, "compress": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def chromium_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (make install)"
    return None


def type_like_a_person(page, text: str) -> None:
    """ASCII through real key events; Chinese the way an IME commits it
    (composition updates, then the committed text, then the key-up of the
    key that committed it), which is what Material's search box listens to."""
    if text.isascii():
        page.keyboard.type(text, delay=5)
        return
    cdp = page.context.new_cdp_session(page)
    for index in range(1, len(text) + 1):
        cdp.send("Input.imeSetComposition", {"text": text[:index], "selectionStart": index, "selectionEnd": index})
    cdp.send("Input.insertText", {"text": text})
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": " ", "code": "Space", "windowsVirtualKeyCode": 32})
    cdp.detach()


def open_search(page, timeout_ms: int = 30000) -> None:
    """Open the header search and wait until its index is loaded."""
    page.click(".md-search__input")
    page.wait_for_function("""() => {
        const meta = document.querySelector(".md-search-result__meta").textContent
        return meta && !/初始化|Initializing/.test(meta)
    }""", timeout=timeout_ms)


def clear_search(page) -> None:
    page.click(".md-search__input")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")


def paste_into_search(page, text: str) -> None:
    """A paste from the context menu: the value changes with an `input` event and no key."""
    page.evaluate("""(text) => {
        const input = document.querySelector(".md-search__input")
        input.focus()
        input.value = text
        input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste", data: text }))
    }""", text)


class ResultsTimeout(AssertionError):
    """The search never answered, or its results never stopped changing."""


def stable_results(page, settle: float = 0.15, timeout: float = 5.0) -> list[str]:
    """The result page URLs once the search has answered and the list stops
    changing; raises ResultsTimeout rather than return what it had."""
    waiting = page.evaluate("""() => {
        const translations = JSON.parse(document.getElementById("__config").textContent).translations
        return [translations["search.result.placeholder"], "正在初始化", "Initializing"]
    }""")
    deadline = time.monotonic() + timeout
    previous, meta = None, ""
    while time.monotonic() < deadline:
        meta = page.inner_text(".md-search-result__meta")
        links = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
        if meta and not meta.startswith(tuple(waiting)) and links == previous:
            return links
        previous = links
        time.sleep(settle)
    raise ResultsTimeout(f"no settled search results after {timeout} s (the search box says {meta!r}; "
                         f"last results {previous})")


def animations_finished(page, timeout_ms: int = 5000) -> None:
    """Wait until no CSS transition or animation runs (Material animates the
    search dialog open); Playwright's TimeoutError says if one never ends."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')",
                           timeout=timeout_ms)


def search_results(page, query: str, settle: float = 0.15, timeout: float = 5.0) -> list[str]:
    """Type into the site's own search box and return the result page URLs."""
    clear_search(page)
    type_like_a_person(page, query)
    return stable_results(page, settle, timeout)
