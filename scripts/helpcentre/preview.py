"""The writers' preview (`make serve`): the help centre served while a writer
edits it, a saved page back in the browser in a second or two even at
thousands of articles.

`properdocs serve` builds every page of every language again on every save.
Here each language's build is kept warm: its configuration, files,
navigation and pages, made step by step exactly as `properdocs build` makes
them, so one page can be rendered again alone and comes out the same as in
a full build (tests/test_preview.py compares them). A save re-renders what
depends on it:

- a page whose text changed: the page and the pages converted from it;
- a page whose title, description, order, type or keywords changed, or a
  new or removed page: every language's files and navigation again (no
  rendering), then the page in every language, its category's listings, the
  articles whose sidebar, previous/next links or related articles show it,
  and the home page;
- mkdocs.yml, the registry, the policy file, the glossary, search terms,
  conversion overrides, the theme or the plugin's code: a fresh start.

Pages are rendered when first asked for, the rest in the background (the
terminal shows the progress). What the whole site makes at the end of a
build (search indexes, sitemap, the other languages' 404 pages, security
headers) is refreshed by a full build in the background once saves pause,
and the terminal says when; `make build` stays the only way to publish. The
content checks run on every saved page; their findings are printed and
shown in a banner on the page (served pages only, never written to disk).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import properdocs.replacement  # noqa: F401  (mkdocs.* imports are ProperDocs': plugins import mkdocs)
import watchdog.events
from properdocs.commands import build as properdocs_build
from properdocs.config import load_config
from properdocs.livereload import LiveReloadServer, _serve_url
from properdocs.structure.files import InclusionLevel, get_files, set_exclusions
from properdocs.structure.nav import get_navigation

from helpcentre.checks import check_pages, check_site
from helpcentre.cli import PLUGIN_NAME, Project
from helpcentre.content import Document, classify
from helpcentre.findings import Finding, format_findings
from helpcentre.languages import languages_of
from helpcentre.review import Due, review_due

log = logging.getLogger("helpcentre.preview")

# Front matter that other pages show (listings, sidebars, related articles):
# a change to it re-renders them.
SHOWN_ELSEWHERE = ("title", "description", "order", "type", "keywords", "popular")
# What a full build makes once for the whole site, copied in from the
# background build.
WHOLE_SITE_OUTPUTS = ("search_index.json", "sitemap.xml", "sitemap.xml.gz", "robots.txt", "_headers",
                      "nginx-security-headers.conf", "security.txt", "404.html")
QUIET_BEFORE_REFRESH = 20.0
GIVE_WAY = 3.0  # seconds the background waits after a save, so reloading pages go first
FINDING_LINE = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>\d+): (?P<rule>[A-Z][A-Z0-9-]+) (?P<message>.*)$")
BANNER_TEMPLATE = "partials/hc-preview-problems.html"
REVIEW_TEMPLATE = "partials/hc-review-due.html"  # seconds without a save before the whole-site outputs are rebuilt


class LanguageBuild:
    """One language's build, kept in memory: `properdocs build` up to the
    point where it renders pages, then pages rendered one at a time with the
    same functions it uses."""

    def __init__(self, config_file: Path, lang: str, site_dir: Path, site, site_url: str | None):
        config = load_config(str(config_file), site_dir=str(site_dir))
        if site_url:
            config.site_url = site_url
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            # mkdocs-static-i18n builds the language it is told is current; this
            # build is one language only, so its loop over the others never runs.
            i18n.current_language, i18n.building = lang, True
        config.plugins[PLUGIN_NAME].adopt(site)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        self.lang, self.config, self.files, self.nav = lang, config, files, nav
        self.pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for file in self.pages:
            self._read(file.page)
        self.env = config.plugins.on_env(env, config=config, files=files)
        self.by_dest = {file.dest_uri: file for file in self.pages}

    @property
    def plugin(self):
        return self.config.plugins[PLUGIN_NAME]

    def _read(self, page) -> None:
        """What a page shows of itself to others (its title, for the
        navigation), without rendering its Markdown."""
        self.config._current_page = page
        try:
            page = self.config.plugins.on_pre_page(page, config=self.config, files=self.files)
            page.read_source(self.config)
            page.markdown = self.config.plugins.on_page_markdown(page.markdown, page=page, config=self.config,
                                                                 files=self.files)
        finally:
            self.config._current_page = None

    def copy_theme(self) -> None:
        """Static files (the theme's and docs/assets) and the theme's own
        templates: once, by the default language's build."""
        self.files.copy_static_files(inclusion=InclusionLevel.is_included)
        for template in self.config.theme.static_templates:
            properdocs_build._build_theme_template(template, self.env, self.files, self.config, self.nav)

    def render(self, file) -> None:
        properdocs_build._populate_page(file.page, self.config, self.files)
        properdocs_build._build_page(file.page, self.config, self.pages, self.nav, self.env)

    def adopt(self, site) -> set[str]:
        """Use an updated content model; the src_uri of every generated page
        (listing, converted page) whose content changed with it."""
        self.plugin.adopt(site)
        return self.plugin.refresh_generated(self.files, self.config)

    def document(self, file) -> Document | None:
        return self.plugin.site.document(file.src_uri, self.lang)


@dataclass
class Change:
    """What a batch of saved files means for the preview."""

    restart: bool = False  # configuration, data files, theme or code
    markdown: set[str] = field(default_factory=set)  # docs-relative .md paths
    structure: bool = False  # a page appeared or went away


class Preview:
    """The served site: the content model, one warm build per language, and
    which pages are current."""

    def __init__(self, config_file: Path, site_dir: Path, site_url: str | None = None,
                 only: str | None = None):
        self.config_file, self.site_dir, self.site_url, self.only = config_file, site_dir, site_url, only
        self.root = config_file.parent
        self.lock = threading.RLock()  # ProperDocs' objects are not thread-safe
        self.builds: dict[str, LanguageBuild] = {}
        self.current: set[tuple[str, str]] = set()  # (lang, dest_uri) rendered from the current content
        self.problems: dict[str, list[Finding]] = {}  # source path -> its findings
        self.saved: set[str] = set()  # source paths checked since the preview started
        self.site_problems: list[Finding] = []  # registry, data files: shown on every page
        self.waiting = 0  # saves and requests under way: the background gives way to them
        self.waiting_lock = threading.Lock()
        self.start()

    @contextlib.contextmanager
    def foreground(self):
        with self.waiting_lock:
            self.waiting += 1
        try:
            yield
        finally:
            with self.waiting_lock:
                self.waiting -= 1

    # --- content ------------------------------------------------------------------

    def start(self) -> None:
        """Read everything afresh: the first run, or a change to the
        configuration, the data files, the theme or the code."""
        with self.lock:
            config = load_config(str(self.config_file))
            languages = languages_of(config, config.plugins[PLUGIN_NAME].config)
            self.project = Project(config, languages, Path(config.docs_dir), self.root)
            self.languages = languages
            self.site = self.project.site()
            self.builds, self.current = {}, set()
            self.site_problems = [f for f in self.site.findings if not f.path.endswith(".md")]
            self.build(languages.default.code).copy_theme()

    def article_stem(self, page: str) -> str:
        """The article a `--page` path names (docs/account/x.zh.md -> account/x)."""
        path = Path(page).resolve()
        try:
            rel = path.relative_to(self.project.docs_dir.resolve()).as_posix()
        except ValueError:
            rel = ""
        doc = self.site.catalogue.by_rel(rel)
        if doc is None or doc.kind != "article":
            raise PageNotFound(f"{page} is not an article of {self.project.docs_dir}; give its file, "
                               "such as docs/account/reset-password.zh.md")
        return doc.stem

    def build(self, lang: str) -> LanguageBuild:
        with self.lock:
            if lang not in self.builds:
                self.builds[lang] = LanguageBuild(self.config_file, lang, self.site_dir, self.site, self.site_url)
            return self.builds[lang]

    def classify(self, paths: Iterable[str]) -> Change:
        docs_dir = self.project.docs_dir.resolve()
        change = Change()
        for raw in paths:
            path = Path(raw).resolve()
            try:
                rel = path.relative_to(docs_dir).as_posix()
            except ValueError:
                change.restart = True  # mkdocs.yml, overrides/, scripts/
                continue
            if rel.endswith(".md") and self.project.settings.templates_dir not in Path(rel).parts:
                change.markdown.add(rel)
                if (self.site.catalogue.by_rel(rel) is None) == path.is_file():
                    change.structure = True
            elif not rel.endswith(".md"):
                change.restart = True  # the registry, policy, glossary, search terms, overrides, assets
        return change

    def apply(self, paths: Iterable[str]) -> list[str]:
        """Bring the preview up to date with the saved files; the pages
        rendered again at once (lang:dest_uri), the rest being stale."""
        with self.foreground():
            return self._apply(paths)

    def _apply(self, paths: Iterable[str]) -> list[str]:
        change = self.classify(paths)
        if change.restart:
            self.start()
            return []
        if not change.markdown:
            return []
        with self.lock:
            before = self.site
            self.site = before.updated(change.markdown, self.project.settings.templates_dir)
            stems = self.changed_stems(change.markdown)
            self.check(stems)
            self.remove_gone(before)
            if change.structure or any(self.shown_elsewhere(before, self.site, stem) for stem in stems):
                return self.restructure(stems, before)
            urgent = []
            for lang, build in self.builds.items():
                urgent += self.refresh(lang, build.adopt(self.site), before)
            return urgent

    def restructure(self, stems: set[str], before) -> list[str]:
        """What other pages show changed: every language's files and
        navigation are made again when next needed (a page asked for, or the
        background), and the pages that show `stems` are stale till then."""
        self.builds = {}
        shown = self.dependents(stems, before)
        if shown is None:
            self.current = set()
            return []
        pages, listings = set(), set()
        for site in (before, self.site):
            for stem, lang in shown:
                doc = site.catalogue.get(stem, lang)
                if doc is not None:
                    page = self.languages.prefix(lang) + doc.url_path
                    pages.add((lang, page + "index.html"))
                    if doc.kind == "category":
                        listings.add((lang, page + "page-"))
        self.current = {(lang, dest) for lang, dest in self.current if (lang, dest) not in pages
                        and not any(lang == code and dest.startswith(start) for code, start in listings)}
        return []

    def dependents(self, stems: set[str], before) -> set[tuple[str, str]] | None:
        """(stem, lang) of every page that shows one of `stems`, before or
        after the save: the page itself in every language, its category's
        index and listings, the home and contact pages, and the articles
        whose sidebar window, previous and next links or related articles
        name it. None when every page shows it (a category's or the home
        page's own title is in every sidebar)."""
        window = self.project.settings.sidebar_window
        related = self.project.settings.related_articles
        found = set()
        for site in (before, self.site):
            pages = [doc for doc in site.catalogue.documents if doc.kind == "page"]
            for stem in stems:
                for lang in self.languages.codes:
                    doc = site.catalogue.get(stem, lang)
                    if doc is None:
                        continue
                    if doc.kind != "article":
                        return None
                    found |= {(stem, lang), (f"{doc.category}/index", lang)}
                    found |= {(page.stem, lang) for page in pages if page.lang == lang}
                    articles = site.catalogue.articles(doc.category, lang)
                    position = articles.index(doc)
                    found |= {(other.stem, lang) for place, other in enumerate(articles)
                              if abs(place - position) <= window or position <= related}
                    found |= {(other.stem, lang) for other in site.catalogue.keyword_neighbours(doc)}
        return found

    def changed_stems(self, rels: set[str]) -> set[str]:
        stems = set()
        for rel in rels:
            found = classify(rel, self.languages.codes)
            if found:
                stems.add(rel[: -len(f".{found[3]}.md")])
        return stems

    @staticmethod
    def shown_elsewhere(before, after, stem: str) -> bool:
        """Whether any language's page of `stem` changed what other pages show of it."""
        old = {doc.lang: doc for doc in before.catalogue.documents if doc.stem == stem}
        new = {doc.lang: doc for doc in after.catalogue.documents if doc.stem == stem}
        if set(old) != set(new):
            return True
        return any(doc.kind != "article" or any(doc.meta.get(key) != new[lang].meta.get(key)
                                                for key in SHOWN_ELSEWHERE)
                   for lang, doc in old.items())

    def refresh(self, lang: str, generated: set[str], before) -> list[str]:
        """Re-render in `lang` the pages read or converted again (a new
        object in the content model; the others are kept as they were) and
        the generated pages whose content changed with them."""
        build = self.builds[lang]
        wanted = []
        for file in build.pages:
            doc = build.document(file)
            if file.src_uri in generated or (doc is not None and before.catalogue.get(doc.stem, doc.lang) is not doc):
                wanted.append(file.dest_uri)
        for dest in sorted(wanted):
            self.render(lang, dest)
        return [f"{lang}:{dest}" for dest in sorted(wanted)]

    def remove_gone(self, before) -> None:
        """A removed page's output goes, in every language."""
        kept = {(doc.stem, doc.lang) for doc in self.site.catalogue.documents}
        for doc in before.catalogue.documents:
            if (doc.stem, doc.lang) not in kept:
                target = self.site_dir / self.languages.prefix(doc.lang) / doc.url_path / "index.html"
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()

    # --- pages --------------------------------------------------------------------

    def render(self, lang: str, dest: str) -> None:
        with self.lock:
            build = self.build(lang)
            file = build.by_dest.get(dest)
            if file is None:
                return
            try:
                build.render(file)
            except Exception as error:  # shown on the page; the last good output stays
                doc = build.document(file)
                path = doc.path if doc is not None else file.src_uri
                self.problems[path] = self.problems.get(path, []) + [Finding(path, 1, "PREVIEW-RENDER", str(error))]
                log.error("preview: %s could not be rendered: %s", path, error)
            self.current.add((lang, dest))

    def lang_of(self, dest: str) -> str:
        return next((lang.code for lang in self.languages if lang.prefix and dest.startswith(lang.prefix)),
                    self.languages.default.code)

    def ensure(self, dest: str) -> None:
        """Render a page that is asked for, if it is not current."""
        lang = self.lang_of(dest)
        with self.foreground(), self.lock:
            if (lang, dest) not in self.current and self.wanted(lang, dest):
                self.render(lang, dest)

    def wanted(self, lang: str, dest: str) -> bool:
        build = self.build(lang)
        file = build.by_dest.get(dest)
        if file is None:
            return False
        if self.only is None:
            return True
        doc = build.document(file)
        return doc is not None and (doc.stem == self.only or doc.kind == "page"
                                    or (doc.kind == "category" and self.only.startswith(f"{doc.category}/")))

    def stale(self) -> list[tuple[str, str]]:
        """Pages not yet rendered from the current content, default language first."""
        with self.lock:
            return [(lang.code, file.dest_uri) for lang in self.languages
                    for file in self.build(lang.code).pages
                    if (lang.code, file.dest_uri) not in self.current and self.wanted(lang.code, file.dest_uri)]

    def document_at(self, dest: str):
        build = self.builds.get(self.lang_of(dest))
        file = build.by_dest.get(dest) if build else None
        return build.document(file) if file is not None else None

    def page_problems(self, dest: str) -> list[Finding]:
        doc = self.document_at(dest)
        if doc is None:
            return list(self.site_problems)
        paths = {doc.path} | ({doc.source.path} if doc.source else set())
        return self.site_problems + [f for path in sorted(paths) for f in self.problems.get(path, [])]

    def review(self, dest: str) -> Due | None:
        """The page's article when it is due for review, by the default
        language's version (review dates are kept there; make stale)."""
        doc = self.document_at(dest)
        if doc is None or doc.kind != "article":
            return None
        source = self.site.catalogue.get(doc.stem, self.languages.default.code) or doc
        return review_due(source, self.project.settings.review, self.site.now.date(), self.site.last_changed)

    def banner(self, problems: list[Finding], due: Due | None = None) -> str:
        """The page's problems, and whether it is due for review, as the
        theme's partials show them (served pages only)."""
        with self.lock:
            env = self.build(self.languages.default.code).env
        html = env.get_template(BANNER_TEMPLATE).render(problems=[str(finding) for finding in problems]) \
            if problems else ""
        return html + (env.get_template(REVIEW_TEMPLATE).render(due=due) if due else "")

    # --- checks -------------------------------------------------------------------

    def check(self, stems: set[str]) -> None:
        docs = [doc for doc in self.site.catalogue.documents if doc.stem in stems]
        findings = check_pages(self.site, docs)
        for path in {doc.path for doc in docs}:
            self.problems[path] = [f for f in findings if f.path == path]
            self.saved.add(path)
        if findings:
            print(format_findings(findings), flush=True)
        else:
            print(f"preview: {', '.join(sorted({doc.path for doc in docs if doc.source is None}))}: no problems",
                  flush=True)

    def record(self, lines: list[str]) -> None:
        """The findings of a check of every page (`path:line: RULE message`
        lines), for the pages' banners; a page saved since keeps its own."""
        problems: dict[str, list[Finding]] = {}
        for line in lines:
            found = FINDING_LINE.match(line)
            problems.setdefault(found["path"], []).append(
                Finding(found["path"], int(found["line"]), found["rule"], found["message"]))
        with self.lock:
            self.problems = {**problems, **{path: found for path, found in self.problems.items() if path in self.saved}}


def check_everything(config_file: Path) -> list[Finding]:
    """Every content rule over every page (`serve.py --check`)."""
    config = load_config(str(config_file))
    project = Project(config, languages_of(config, config.plugins[PLUGIN_NAME].config), Path(config.docs_dir),
                      config_file.parent)
    return check_site(project.site())


# --- serving --------------------------------------------------------------------------


class PreviewServer(LiveReloadServer):
    """ProperDocs' live-reload server (its polling, its reload script) with
    the saved files' paths handed to the preview instead of a full rebuild,
    pages rendered when asked for, and a page's problems in a banner."""

    def __init__(self, preview: Preview, host: str, port: int, mount_path: str = "/"):
        super().__init__(builder=self.rebuild, host=host, port=port, root=str(preview.site_dir),
                         mount_path=mount_path)
        self.preview = preview
        self.saved: set[str] = set()
        self.saved_lock = threading.Lock()
        self.last_save = 0.0
        self.changed = threading.Event()  # wakes the background workers
        self.request = threading.local()
        self.error_handler = self.not_found

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        """As the base class's, but the paths of the events are kept."""
        path = os.path.abspath(path)
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1
        server = self

        class Handler(watchdog.events.FileSystemEventHandler):
            def on_any_event(self, event):
                if event.is_directory:
                    return
                with server.saved_lock:
                    server.saved.update(p for p in (event.src_path, getattr(event, "dest_path", "")) if p)
                    server.last_save = time.monotonic()
                with server._rebuild_cond:
                    server._want_rebuild = True
                    server._rebuild_cond.notify_all()

        self._watch_refs[path] = self.observer.schedule(Handler(), path, recursive=recursive)

    def rebuild(self) -> None:
        with self.saved_lock:
            paths, self.saved = self.saved, set()
        started = time.perf_counter()
        rendered = self.preview.apply(paths)
        print(f"preview: {len(paths)} file(s) saved, {len(rendered) or 'all'} page(s) rendered again "
              f"in {time.perf_counter() - started:.2f} s", flush=True)
        self.changed.set()

    def dest_of(self, path: str) -> str | None:
        if not (path + "/").startswith(self.mount_path):
            return None
        rel = path[len(self.mount_path):]
        if path.endswith("/"):
            rel += "index.html"
        return os.path.normpath("/" + rel).lstrip("/")

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        dest = self.dest_of(path)
        self.request.dest = dest
        if dest and dest.endswith(".html") and not path.startswith("/livereload/"):
            self.preview.ensure(dest)
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content, epoch):
        content = super()._inject_js_into_html(content, epoch)
        dest = getattr(self.request, "dest", "") or ""
        problems, due = self.preview.page_problems(dest), self.preview.review(dest)
        return inject_banner(content, self.preview.banner(problems, due)) if problems or due else content

    def not_found(self, code: int) -> bytes | None:
        page = self.preview.site_dir / "404.html"
        return page.read_bytes() if code == 404 and page.is_file() else None


def inject_banner(html: bytes, banner: str) -> bytes:
    """The banner first in the page body."""
    start = html.find(b"<body")
    end = html.find(b">", start) + 1 if start >= 0 else 0
    return html[:end] + banner.encode("utf-8") + html[end:]


class Background:
    """The work that waits: pages not yet rendered (default language first),
    the content checks of every page, and the whole-site outputs."""

    def __init__(self, preview: Preview, server: PreviewServer, refresh: bool):
        self.preview, self.server, self.refresh = preview, server, refresh

    def start(self) -> None:
        for target in (self.render_all, self.check_all) + ((self.refresh_outputs,) if self.refresh else ()):
            threading.Thread(target=target, daemon=True).start()

    def render_all(self) -> None:
        while True:
            self.server.changed.clear()
            stale = self.preview.stale()
            total = len(stale)
            for done, (lang, dest) in enumerate(stale, start=1):
                if self.server.changed.is_set():
                    break
                while self.preview.waiting:
                    time.sleep(0.01)
                if (lang, dest) not in self.preview.current:
                    self.preview.render(lang, dest)
                if done % 250 == 0 or done == total:
                    print(f"preview: rendered {done:,} of {total:,} pages in the background", flush=True)
            else:
                self.server.changed.wait()
            # A save: the browsers reload first; their pages are rendered as they ask.
            time.sleep(GIVE_WAY)

    def check_all(self) -> None:
        """Every rule over every page, in another process (it takes seconds
        at thousands of pages and would slow saves in this one)."""
        result = subprocess.run([sys.executable, str(Path(__file__).parents[1] / "serve.py"), "--check",
                                 "--config-file", str(self.preview.config_file)], cwd=self.preview.root,
                                capture_output=True, text=True, preexec_fn=lambda: os.nice(10),
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        findings = [line for line in result.stdout.splitlines() if FINDING_LINE.match(line)]
        self.preview.record(findings)
        print(f"preview: content checks of every page: {len(findings)} problem(s)", flush=True)
        if findings:
            print("\n".join(findings), flush=True)

    def refresh_outputs(self) -> None:
        """A full build into a scratch folder once saves pause; its search
        indexes, sitemap, 404 pages and headers copied in."""
        built_at, current = 0.0, False
        while True:
            time.sleep(1)
            last_save = self.server.last_save
            if (current and last_save <= built_at) or (last_save and time.monotonic() - last_save < QUIET_BEFORE_REFRESH):
                continue
            built_at = time.monotonic()
            current = self.build_whole_site(built_at)

    def build_whole_site(self, started_at: float) -> bool:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="hc-preview-") as scratch:
            command = [sys.executable, "-m", "properdocs", "build", "--quiet", "--config-file",
                       str(self.preview.config_file), "--site-dir", scratch]
            process = subprocess.Popen(command, cwd=self.preview.root, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, text=True,
                                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                                       preexec_fn=lambda: os.nice(10))
            while process.poll() is None:
                if self.server.last_save > started_at:  # saved again: start over once saves pause
                    process.kill()
                    process.wait()
                    return False
                time.sleep(0.2)
            if process.returncode != 0:
                print("preview: the background full build failed; search and the sitemap stay as they were "
                      "(see the problems above)", flush=True)
                return False
            copied = copy_whole_site_outputs(Path(scratch), self.preview.site_dir)
        print(f"preview: search indexes, sitemap, 404 pages and headers refreshed ({copied} files, "
              f"{time.perf_counter() - started:.0f} s full build in the background)", flush=True)
        return True


def copy_whole_site_outputs(built: Path, served: Path) -> int:
    copied = 0
    for path in built.rglob("*"):
        if path.is_file() and path.name in WHOLE_SITE_OUTPUTS:
            target = served / path.relative_to(built)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            copied += 1
    return copied


class PageNotFound(ValueError):
    pass


def serve(config_file: Path, dev_addr: str, page: str | None = None, refresh: bool = True) -> int:
    """Serve the preview until interrupted; `page` (docs/<category>/<slug>.<lang>.md)
    limits it to that article in every language."""
    host, _, port = dev_addr.rpartition(":")
    with tempfile.TemporaryDirectory(prefix="hc-preview-site-") as site_dir:
        started = time.perf_counter()
        preview = Preview(config_file, Path(site_dir), _serve_url(host, int(port), "/"))
        if page is not None:
            preview.only = preview.article_stem(page)
        server = PreviewServer(preview, host, int(port))
        server.watch(str(preview.project.docs_dir))
        server.watch(str(config_file))
        for folder in ("overrides", "scripts"):
            if (preview.root / folder).is_dir():
                server.watch(str(preview.root / folder))
        background = Background(preview, server, refresh and page is None)
        print(f"preview: serving {server.url} after {time.perf_counter() - started:.1f} s; pages render when "
              "you open them, the rest in the background", flush=True)
        background.start()
        try:
            server.serve()
        except KeyboardInterrupt:
            print("preview: stopped", flush=True)
        finally:
            server.shutdown()
    return 0
