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
import re
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


class SlowLink:
    """A phone's network on the server's side, so it holds for every request
    of a page, its workers' included (DevTools' network emulation misses
    those): each response waits `latency` seconds, then shares one downlink
    of `bytes_per_second` with every other response in flight."""

    def __init__(self, latency: float, bytes_per_second: float):
        self.latency, self.rate = latency, bytes_per_second
        self.lock = threading.Lock()
        self.free_at = 0.0

    def transmit(self, size: int) -> None:
        with self.lock:
            self.free_at = max(time.monotonic(), self.free_at) + size / self.rate
            done = self.free_at
        time.sleep(max(0.0, done - time.monotonic()))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A plain static host. `not_found` is how it answers a missing page:
    "nearest" serves the closest 404.html up the path (Cloudflare Pages,
    nginx with a per-language error_page), "root" only /404.html (GitHub
    Pages, most object stores)."""

    extra_headers: dict[str, str] = {}
    not_found = "nearest"
    compress = False
    link: SlowLink | None = None
    served: list | None = None  # (path, body bytes sent) of every response, when given a list
    protocol_version = "HTTP/1.1"  # keep-alive, as every real host
    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.link is not None:
            time.sleep(self.link.latency)
        super().do_GET()

    def copyfile(self, source, outputfile):
        body = source.read()
        if self.link is not None:
            self.link.transmit(len(body))
        if self.served is not None:
            self.served.append((self.path.split("?")[0], len(body)))
        outputfile.write(body)

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
          compress: bool = False, link: SlowLink | None = None, served: list | None = None):
    handler = type("Handler", (QuietHandler,),
                   {"extra_headers": headers or {}, "not_found": not_found, "compress": compress,
                    "link": link, "served": served})
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


def stable_results(page, settle: float = 0.05, timeout: float = 10.0) -> list[str]:
    """The result page URLs once the search worker has answered the query in
    the box (search-status.js marks the results with it) and the list stops
    changing; raises ResultsTimeout rather than return what it had."""
    waiting = page.evaluate("""() => {
        const translations = JSON.parse(document.getElementById("__config").textContent).translations
        return [translations["search.result.placeholder"], "正在初始化", "Initializing"]
    }""")
    deadline = time.monotonic() + timeout
    previous, meta = None, ""
    while time.monotonic() < deadline:
        answered = page.evaluate("""() => {
            const value = document.querySelector(".md-search__input").value
            return !value.trim() || document.querySelector(".md-search-result").dataset.hcAnswered === value
        }""")
        meta = page.inner_text(".md-search-result__meta")
        links = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
        if answered and meta and not meta.startswith(tuple(waiting)) and links == previous:
            return links
        previous = links if answered else None
        time.sleep(settle)
    raise ResultsTimeout(f"no settled search results after {timeout} s (the search box says {meta!r}; "
                         f"last results {previous})")


def animations_finished(page, timeout_ms: int = 5000) -> None:
    """Wait until no CSS transition or animation runs (Material animates the
    search dialog open); Playwright's TimeoutError says if one never ends."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')",
                           timeout=timeout_ms)


def search_results(page, query: str, settle: float = 0.05, timeout: float = 10.0) -> list[str]:
    """Type into the site's own search box and return the result page URLs."""
    clear_search(page)
    type_like_a_person(page, query)
    return stable_results(page, settle, timeout)


NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_missing_reason() -> str | None:
    if not Path(NGINX).exists() or not MIME_TYPES.is_file():
        return f"{NGINX} not found (apt-get install nginx)"
    return None


def readme_nginx_server(readme: Path) -> str:
    """The ```nginx block of the README's Deploy section: the configuration teams copy."""
    text = readme.read_text(encoding="utf-8")
    block = text.split("```nginx\n", 1)[1].split("```", 1)[0]
    return "\n".join(line.removeprefix("  ") for line in block.split("\n"))


@contextlib.contextmanager
def nginx(site: Path, workdir: Path, server: str):
    """Debian's nginx serving `site` with `server` (a server block whose
    listen, server_name and root are replaced), its access log in
    workdir/access.log (and each access_log of the block in workdir, by its
    file name). Yields the base URL."""
    import socket
    import subprocess

    workdir.mkdir(parents=True, exist_ok=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for snippet in site.glob("nginx-*.conf"):
        (workdir / snippet.name).write_text(snippet.read_text(encoding="utf-8"), encoding="utf-8")
    block = re.sub(r"listen [^;]+;", f"listen 127.0.0.1:{port};", server)
    block = re.sub(r"root [^;]+;", f"root {site.resolve()};", block)
    block = re.sub(r"server_name [^;]+;", "server_name localhost;", block)
    block = re.sub(r"access_log \S*/([^/\s;]+)", lambda match: f"access_log {workdir}/{match.group(1)}", block)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {workdir}/nginx.pid;\nerror_log {workdir}/error.log;\n"
        f"events {{ worker_connections 64; }}\nhttp {{\n  include {MIME_TYPES};\n"
        f"  access_log {workdir}/access.log combined;\n"
        + "".join(f"  {name}_temp_path {workdir}/{name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + block + "\n}\n", encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {process.stdout.read().decode()} "
                               f"{(workdir / 'error.log').read_text() if (workdir / 'error.log').exists() else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    else:
        process.kill()
        raise RuntimeError("nginx did not start listening")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
