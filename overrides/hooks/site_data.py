"""Shared by the hooks (not a hook itself): the registry and the catalogue of
pages, loaded once per language build and kept on the config object, so no
state survives in module globals between builds or `mkdocs serve` reloads."""

from __future__ import annotations

import posixpath
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS_DIR) not in sys.path:
    sys.path.insert(0, str(SCRIPTS_DIR))

from helpcentre.checks import check_site  # noqa: E402
from helpcentre.content import DEFAULT_LANGUAGE, Catalogue, Document, language_prefix, page_path  # noqa: E402
from helpcentre.findings import Finding  # noqa: E402
from helpcentre.history import last_changed  # noqa: E402
from helpcentre.registry import Registry  # noqa: E402

CONFIG_KEY = "_helpcentre_site"


@dataclass
class SiteData:
    registry: Registry | None
    catalogue: Catalogue
    findings: list[Finding]
    root: Path = Path(".")
    signature: tuple = ()
    _history: dict[Path, date] | None = field(default=None, repr=False)

    def last_changed(self, doc: Document) -> date | None:
        """Front matter `updated:` wins; else the file's last commit; else unknown."""
        if isinstance(doc.meta.get("updated"), date):
            return doc.meta["updated"]
        if self._history is None:
            self._history = last_changed(self.root)
        return self._history.get((self.root / doc.path).resolve())

    def document(self, src_uri: str, lang: str) -> Document | None:
        """The page a MkDocs file comes from: account/x.en.md, or account/x.md
        as mkdocs-static-i18n names a page of the language being built."""
        if src_uri.endswith(f".{lang}.md"):
            return self.catalogue.get(src_uri[: -len(f".{lang}.md")], lang)
        return self.catalogue.get(src_uri[: -len(".md")], lang) if src_uri.endswith(".md") else None


def load_site_data(config) -> SiteData:
    """Check and load the docs once; the other language's build (and a
    `mkdocs serve` rebuild with nothing changed) reuses the result."""
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).parent if config.config_file_path else docs_dir.parent
    signature = _signature(docs_dir)
    cached = config.extra.get(CONFIG_KEY)
    if cached is not None and cached.signature == signature:
        return cached
    checked = check_site(docs_dir, root)
    data = SiteData(checked.registry, checked.catalogue, checked.findings, root, signature)
    config.extra[CONFIG_KEY] = data
    return data


def _signature(docs_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in docs_dir.rglob("*") if p.suffix in (".md", ".yml")))


def site_data(config) -> SiteData:
    data = config.extra.get(CONFIG_KEY)
    return data if data is not None else load_site_data(config)


def current_language(config) -> str:
    return config.theme.get("language") or DEFAULT_LANGUAGE


def page_language(page, config) -> str:
    return getattr(page.file, "locale", None) or current_language(config)


def page_link(page, lang: str):
    """A function from a docs path (account/register.md, contact.md) to its
    URL relative to `page`, in the page's language."""
    # With directory URLs a page is a folder ("en/account/x/"); "" is the home page.
    page_dir = page.url.rstrip("/") if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)

    def link(docs_rel: str) -> str:
        relative = posixpath.relpath(language_prefix(lang) + page_path(docs_rel) or ".", page_dir or ".")
        return relative if relative.endswith("/") else relative + "/"

    return link
