"""The content model: every Markdown file under docs/, read and parsed once,
with its front matter (and the line of every key) and what the file is.

Layout (mkdocs-static-i18n, suffix structure):

    docs/index.<lang>.md                 home page
    docs/<page>.<lang>.md                other top-level pages (contact)
    docs/<category>/index.<lang>.md      a category landing page
    docs/<category>/<slug>.<lang>.md     an article

Everything here is pure: functions take text and return records and findings.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path, PurePosixPath

import frontmatter
import yaml

from helpcentre.findings import Finding, display_path
from helpcentre.languages import Languages

ARTICLE_TYPES = ("troubleshooting", "how-to", "reference")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

REQUIRED_KEYS = {
    "article": ("title", "description", "type"),
    "category": ("title", "description"),
    "page": ("title", "description"),
}
OPTIONAL_KEYS = {
    "article": ("order", "keywords", "hide", "translation_reviewed", "updated", "id", "error_codes",
                "publish_after", "unpublish_after", "owner", "reviewed"),
    "category": ("order", "icon", "hide", "translation_reviewed"),
    "page": ("order", "hide", "popular", "template", "search", "keywords", "translation_reviewed"),
}

_YAML_HANDLER = frontmatter.YAMLHandler()


@dataclass
class FrontMatter:
    meta: dict
    key_lines: dict[str, int] = field(default_factory=dict)
    end_line: int = 1  # the closing '---' line (1 when there is no block)
    problems: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass(eq=False)
class Document:
    """One Markdown file under docs/: its text, read once, and its front matter."""

    path: str  # as shown in messages, e.g. docs/account/register.zh.md
    rel: str  # relative to docs/, posix: account/register.zh.md
    lang: str
    stem: str  # language-independent id: account/register
    kind: str  # article | category | page
    category: str | None
    slug: str
    text: str
    front: FrontMatter
    # The page this one was converted from at build time (no hand-written file); None for a written page.
    source: Document | None = None

    @property
    def meta(self) -> dict:
        return self.front.meta

    def line_of(self, key: str) -> int:
        return self.front.key_lines.get(key, self.front.end_line)

    @cached_property
    def _body(self) -> tuple[str, int]:
        return markdown_body(self.text, self.front)

    @property
    def body(self) -> str:
        """The Markdown MkDocs hands to plugins: the text after the front matter."""
        return self._body[0]

    @property
    def first_line(self) -> int:
        """The file line the body starts on."""
        return self._body[1]

    @property
    def is_readable(self) -> bool:
        """False for a file whose bytes are not text the rules can read (encoding, binary, unreadable)."""
        return not any(rule in READ_RULES for _, rule, _ in self.front.problems)

    @cached_property
    def keyword_set(self) -> frozenset[str]:
        return frozenset(str(k).casefold() for k in self.meta.get("keywords", []) or [])

    def rel_without_lang(self) -> str:
        """The link target other pages use: static-i18n maps it per language."""
        return f"{self.stem}.md"

    @property
    def url_path(self) -> str:
        """The page's URL below its language root: account/register/."""
        return page_path(self.rel_without_lang())

    @property
    def is_home(self) -> bool:
        return self.kind == "page" and self.slug == "index"

    @property
    def order(self) -> float:
        order = self.meta.get("order")
        return order if isinstance(order, (int, float)) else float("inf")

    @property
    def sort_key(self) -> tuple:
        return (self.order, str(self.meta.get("title", "")).casefold(), self.slug)


def parse_front_matter(text: str) -> FrontMatter:
    """Split and parse a YAML front matter block, keeping line numbers.

    MkDocs only sees front matter that starts on the very first line, so that
    is the rule here too; anything else is reported, never silently ignored.
    """
    if not _YAML_HANDLER.detect(text):
        return FrontMatter(
            meta={},
            problems=[(1, "FRONTMATTER-MISSING",
                       "no front matter: start the file with a line '---', then "
                       "title, description and type, then a closing '---'")],
        )
    try:
        _, block, _ = _YAML_HANDLER.FM_BOUNDARY.split(text, 2)
    except ValueError:
        return FrontMatter(
            meta={},
            problems=[(1, "FRONTMATTER-UNCLOSED",
                       "the front matter block is never closed: add a line '---' after the last key")],
        )
    end_line = 2 + block.count("\n") - 1
    try:
        node, meta = compose_and_load(block)
    except yaml.YAMLError as error:
        line = yaml_error_line(error, block)
        problem = " ".join(filter(None, [getattr(error, "context", None), getattr(error, "problem", None)])) \
            or str(error).split(":")[0]
        return FrontMatter(
            meta={}, end_line=end_line,
            problems=[(line, "FRONTMATTER-YAML",
                       f"front matter is not valid YAML ({problem}); quote values that "
                       f"contain ': ' or start with a special character")],
        )
    if meta is None:
        meta, node = {}, None
    if not isinstance(meta, dict):
        return FrontMatter(
            meta={}, end_line=end_line,
            problems=[(2, "FRONTMATTER-YAML", "front matter must be 'key: value' lines")],
        )
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines.setdefault(str(key_node.value), 1 + key_node.start_mark.line)
    problems = [(line, "FRONTMATTER-DUPLICATE-KEY", message) for line, message in duplicate_keys(node)]
    return FrontMatter(meta=meta, key_lines=key_lines, end_line=end_line, problems=problems)


def page_path(docs_rel: str) -> str:
    """The URL path, below its language root, of the page a docs path
    (without language) builds: account/x.md -> account/x/, account/index.md
    -> account/, index.md -> ""."""
    if docs_rel == "index.md" or docs_rel.endswith("/index.md"):
        return docs_rel[: -len("index.md")]
    return docs_rel[: -len(".md")] + "/"


def compose_and_load(text: str):
    """Parse YAML once into (node tree with line marks, Python value), with
    libyaml when PyYAML has it."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        try:
            return node, (loader.construct_document(node) if node is not None else None)
        except (ValueError, OverflowError, TypeError) as error:
            # A value YAML parses but Python cannot hold (the date 0000-00-00).
            raise yaml.constructor.ConstructorError(None, None, f"a value that cannot be read ({error})",
                                                    node.start_mark) from error
    finally:
        loader.dispose()


def key_lines(node, prefix: str = "") -> dict[str, int]:
    """{dotted key: its line} for every key of a YAML mapping node, nested ones included."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}{key_node.value}"
            lines[key] = 1 + key_node.start_mark.line
            lines.update(key_lines(value_node, key + "."))
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            lines[f"{prefix}{number}"] = 1 + item.start_mark.line
            lines.update(key_lines(item, f"{prefix}{number}."))
    return lines


def markdown_body(text: str, front: FrontMatter) -> tuple[str, int]:
    """The Markdown that MkDocs hands to plugins (front matter and the blank
    lines after it removed) and the file line it starts on."""
    skipped = front.end_line if front.end_line > 1 else 0  # 1 means no block
    body = "\n".join(text.split("\n")[skipped:])
    stripped = body.lstrip("\n")
    start = skipped + 1 + len(body) - len(stripped)
    return stripped, start



def classify(rel: str, codes: tuple[str, ...]) -> tuple[str, str | None, str, str] | None:
    """Return (kind, category, slug, lang) for a docs-relative path, or None
    when the file name has no language suffix of the site."""
    posix = PurePosixPath(rel)
    if not posix.name.endswith(".md"):
        return None
    slug, _, lang = posix.name[: -len(".md")].rpartition(".")
    if not slug or lang not in codes or "." in slug:
        return None
    folders = posix.parent.parts
    if not folders:
        return ("page", None, slug, lang)
    category = folders[0]
    if len(folders) == 1 and slug == "index":
        return ("category", category, slug, lang)
    return ("article", category, slug, lang)


UTF8_BOM = b"\xef\xbb\xbf"
READ_RULES = frozenset({"ENCODING", "FILE-BINARY", "FILE-UNREADABLE"})
# Bytes no text file of an editor holds: NUL and the other control characters
# but tab, line feed, form feed and carriage return.
BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
ENCODING_NAMES = {"gb18030": "GBK/GB18030 (Simplified Chinese Windows)", "gbk": "GBK/GB18030 (Simplified Chinese Windows)",
                  "gb2312": "GBK/GB18030 (Simplified Chinese Windows)", "big5": "Big5 (Traditional Chinese Windows)",
                  "big5hkscs": "Big5 (Traditional Chinese Windows)", "cp950": "Big5 (Traditional Chinese Windows)",
                  "cp1252": "Windows-1252 (Western)", "latin_1": "Latin-1", "utf_16": "UTF-16", "shift_jis": "Shift JIS"}


def likely_encoding(data: bytes) -> str | None:
    """The encoding a file that is not UTF-8 most likely is (charset-normalizer's best guess)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def read_text_file(file: Path, display: str) -> tuple[str | None, Finding | None]:
    """A text file as its text: UTF-8, a byte-order mark dropped. A file that
    cannot be read, holds binary content or is in another encoding is a
    finding instead, never a traceback."""
    try:
        data = file.read_bytes()
    except OSError as error:
        return None, Finding(display, 1, "FILE-UNREADABLE", f"cannot be read ({error.strerror or error}); check that "
                                                            "it exists and that you may read it")
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    binary = BINARY.search(data)
    if binary:
        line = data.count(b"\n", 0, binary.start()) + 1
        what = "a NUL byte" if data[binary.start()] == 0 else f"the control character 0x{data[binary.start()]:02x}"
        return None, Finding(display, line, "FILE-BINARY", f"holds {what}: it is not a text file (an image or a "
                                                           "document saved under the wrong name?); keep only Markdown "
                                                           "and YAML text in docs/, saved as UTF-8")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        guess = likely_encoding(data)
        named = ENCODING_NAMES.get(guess or "", guess)
        return None, Finding(display, line, "ENCODING",
                             f"is not UTF-8 (it looks like {named or 'another encoding'}): re-save it as UTF-8 in your "
                             f"editor (Save with Encoding, UTF-8), or run: python scripts/fix_encoding.py {display}")


def read_document(docs_dir: Path, file: Path, languages: Languages,
                  display_root: Path | None = None) -> Document | Finding:
    rel = file.relative_to(docs_dir).as_posix()
    display = display_path(file, display_root)
    classified = classify(rel, languages.codes)
    if classified is None:
        stem = rel[: -len(".md")]
        choices = " or ".join(f"{stem}.{lang.code}.md ({lang.name})" for lang in languages)
        return Finding(display, 1, "FILENAME-LANGUAGE", f"the file name needs a language suffix: rename it to {choices}")
    kind, category, slug, lang = classified
    stem = rel[: -len(f".{lang}.md")]
    text, problem = read_text_file(file, display)
    if problem is not None:
        # Still a page of the site (its translations and the links to it are
        # not missing), but one whose text the rules cannot read.
        unread = FrontMatter(meta={}, problems=[(problem.line, problem.rule, problem.message)])
        return Document(display, rel, lang, stem, kind, category, slug, "", unread)
    return Document(display, rel, lang, stem, kind, category, slug, text, parse_front_matter(text))


def read_documents(docs_dir: Path, files: list[Path], languages: Languages, display_root: Path | None = None,
                   ) -> tuple[list[Document], list[Finding]]:
    """The pages in `files`, with the findings of each file on its own."""
    documents, findings = [], []
    for file in files:
        result = read_document(docs_dir, file, languages, display_root)
        if isinstance(result, Finding):
            findings.append(result)
        else:
            documents.append(result)
            findings.extend(check_document(result))
    return documents, findings


def load_yaml_file(path: Path, display: str, rule: str) -> tuple[object, object, list[Finding]]:
    """(node tree, value, findings) of a YAML data file; a syntax error is a
    finding at its line."""
    text, problem = read_text_file(path, display)
    if problem is not None:
        return None, None, [problem]
    try:
        node, data = compose_and_load(text)
    except yaml.YAMLError as error:
        what = getattr(error, "problem", None) or "a character YAML does not allow"
        return None, None, [Finding(display, yaml_error_line(error, text), rule, f"not valid YAML: {what}")]
    duplicates = duplicate_keys(node)
    if duplicates:
        return None, None, [Finding(display, line, rule, message) for line, message in duplicates]
    return node, data, []


def load_keyed_yaml_file(path: Path, display: str, rule: str) -> tuple[object, dict[str, int], list[Finding]]:
    """(value, line of every dotted key, findings) of a YAML data file whose
    rules report at the key they are about."""
    node, data, problems = load_yaml_file(path, display, rule)
    return data, ({} if problems else key_lines(node)), problems


def yaml_error_line(error: yaml.YAMLError, text: str) -> int:
    """The line (from 1) a YAML error points at: its mark, or for a character
    YAML refuses (a ReaderError), the character's position."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return 1 + mark.line
    position = getattr(error, "position", None)
    return 1 + text.count("\n", 0, position) if isinstance(position, int) else 1


def duplicate_keys(node) -> list[tuple[int, str]]:
    """(line, message) of each key that a YAML mapping repeats: YAML lets the
    last one win without a word."""
    found = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key, line = str(key_node.value), 1 + key_node.start_mark.line
            if key in seen:
                found.append((line, f"'{key}' is given twice (also at line {seen[key]}); keep one: YAML would "
                                    "silently use the last"))
            seen.setdefault(key, line)
            found += duplicate_keys(value_node)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += duplicate_keys(item)
    return found


def converted_document(source: Document, lang: str, converter) -> Document:
    """`source` converted into `lang`. Its path in messages is the source's:
    lines are kept, so a finding points at the line to fix there."""
    if not source.is_readable:
        return Document(source.path, f"{source.stem}.{lang}.md", lang, source.stem, source.kind, source.category,
                        source.slug, "", source.front, source)
    text = converter.markdown(source.text)
    return Document(source.path, f"{source.stem}.{lang}.md", lang, source.stem, source.kind, source.category,
                    source.slug, text, parse_front_matter(text), source)


def _path_order(doc: Document) -> tuple[str, ...]:
    """A written page's place in `markdown_files` (sorted paths)."""
    return PurePosixPath(doc.rel).parts


def markdown_files(docs_dir: Path, templates_dir: str = "templates") -> list[Path]:
    return sorted(path for path in docs_dir.rglob("*.md") if templates_dir not in path.relative_to(docs_dir).parts
                  and not leaves(path, docs_dir))


def leaves(path: Path, docs_dir: Path) -> bool:
    """Whether `path` is a symbolic link to somewhere outside docs_dir."""
    if not path.is_symlink():
        return False
    try:
        path.resolve().relative_to(docs_dir.resolve())
    except (ValueError, OSError, RuntimeError):  # outside, or a loop of links
        return True
    return False


def links_leaving(docs_dir: Path, display_root: Path | None = None) -> list[Finding]:
    """Every symbolic link in docs_dir (files and folders) that points outside
    it: the build would publish whatever it points at."""
    findings = []
    for folder, folders, files in os.walk(docs_dir):
        for name in sorted(folders + files):
            path = Path(folder) / name
            if leaves(path, docs_dir):
                findings.append(Finding(display_path(path, display_root), 1, "FILE-SYMLINK",
                                        f"is a symbolic link to {os.readlink(path)}, outside {docs_dir.name}/: the "
                                        "site would publish a file from elsewhere; copy the file in, or remove the link"))
    return findings


def check_document(doc: Document) -> list[Finding]:
    """Front matter schema for one file."""
    findings = [Finding(doc.path, line, rule, message) for line, rule, message in doc.front.problems]
    if doc.front.problems:
        return findings
    meta = doc.meta
    if doc.kind == "article" and not SLUG_PATTERN.match(doc.slug):
        findings.append(Finding(doc.path, 1, "SLUG-INVALID",
                                f"'{doc.slug}' is not a valid slug: use lowercase letters, digits and single hyphens"))
    for key in REQUIRED_KEYS[doc.kind]:
        value = meta.get(key)
        if key not in meta:
            findings.append(Finding(doc.path, doc.front.end_line, "FRONTMATTER-REQUIRED",
                                    f"missing '{key}:' in the front matter; {_HOW_TO_FILL[key]}"))
        elif not isinstance(value, str) or not value.strip():
            findings.append(Finding(doc.path, doc.line_of(key), "FRONTMATTER-EMPTY",
                                    f"'{key}' must be non-empty text; {_HOW_TO_FILL[key]}"))
    allowed = set(REQUIRED_KEYS[doc.kind]) | set(OPTIONAL_KEYS[doc.kind])
    for key in meta:
        if key not in allowed:
            findings.append(Finding(doc.path, doc.line_of(key), "FRONTMATTER-UNKNOWN-KEY",
                                    f"unknown key '{key}' for a {doc.kind} page; allowed: {', '.join(sorted(allowed))}"))
    article_type = meta.get("type")
    if doc.kind == "article" and isinstance(article_type, str) and article_type.strip() \
            and article_type not in ARTICLE_TYPES:
        findings.append(Finding(doc.path, doc.line_of("type"), "FRONTMATTER-TYPE",
                                f"unknown type '{article_type}'; use one of: {', '.join(ARTICLE_TYPES)}"))
    description = meta.get("description")
    if isinstance(description, str) and "\n" in description.strip():
        findings.append(Finding(doc.path, doc.line_of("description"), "FRONTMATTER-DESCRIPTION",
                                "the description must be one sentence on one line"))
    if "order" in meta and (isinstance(meta["order"], bool) or not isinstance(meta["order"], int)):
        findings.append(Finding(doc.path, doc.line_of("order"), "FRONTMATTER-ORDER",
                                f"'order' must be a whole number such as 10, 20, 30 (got {meta['order']!r})"))
    if "updated" in meta and not isinstance(meta["updated"], date):
        findings.append(Finding(doc.path, doc.line_of("updated"), "FRONTMATTER-UPDATED",
                                f"'updated' must be a date written as YYYY-MM-DD (got {meta['updated']!r})"))
    if "reviewed" in meta and not isinstance(meta["reviewed"], date):
        findings.append(Finding(doc.path, doc.line_of("reviewed"), "FRONTMATTER-REVIEWED",
                                f"'reviewed' must be the date you last checked the article, as YYYY-MM-DD "
                                f"(got {meta['reviewed']!r})"))
    if "owner" in meta and not (isinstance(meta["owner"], str) and meta["owner"].strip()):
        findings.append(Finding(doc.path, doc.line_of("owner"), "FRONTMATTER-OWNER",
                                "'owner' is who keeps the article right, e.g. owner: \"@payments-team\""))
    keywords = meta.get("keywords")
    if "keywords" in meta and not (isinstance(keywords, list) and all(isinstance(k, str) and k.strip() for k in keywords)):
        findings.append(Finding(doc.path, doc.line_of("keywords"), "FRONTMATTER-KEYWORDS",
                                "'keywords' must be a list of words, e.g. keywords: [忘记密码, 找回密码]"))
    codes = meta.get("error_codes")
    if "error_codes" in meta and not (isinstance(codes, list) and all(isinstance(c, (str, int)) and not isinstance(c, bool)
                                                                         for c in codes)):
        findings.append(Finding(doc.path, doc.line_of("error_codes"), "FRONTMATTER-ERROR-CODES",
                                "'error_codes' must be a list of the codes the app shows, e.g. error_codes: [51, E-402]"))
    return findings


_HOW_TO_FILL = {
    "title": "write the page title as customers would say it",
    "description": "write one sentence saying what the page helps with (it is the meta description and the listing text)",
    "type": f"set it to one of: {', '.join(ARTICLE_TYPES)}",
}


# The rules of check_tree: across files, so made again whenever a file changes.
TREE_RULES = frozenset({"TRANSLATION-MISSING", "TRANSLATION-TYPE", "CATEGORY-UNKNOWN", "CATEGORY-DEPTH"})


def check_tree(documents: list[Document], languages: Languages) -> list[Finding]:
    """Rules across files: translations exist and agree, categories are known."""
    findings: list[Finding] = []
    by_stem: dict[str, dict[str, Document]] = {}
    for doc in documents:
        by_stem.setdefault(doc.stem, {})[doc.lang] = doc
    categories = {doc.category for doc in documents if doc.kind == "category"}
    default = languages.default.code
    for _, versions in sorted(by_stem.items()):
        present = versions.get(default) or next(iter(versions.values()))
        for lang in languages:
            if lang.code in versions:
                continue
            missing = present.path[: -len(f".{present.lang}.md")] + f".{lang.code}.md"
            findings.append(Finding(present.path, 1, "TRANSLATION-MISSING",
                                    f"there is no {lang.name} version: create {missing} "
                                    f"(every page exists in every language: {languages.described()})"))
        source = versions.get(default)
        if source is None or source.meta.get("type") not in ARTICLE_TYPES:
            continue  # an invalid or missing type is reported on its own file
        for lang, doc in versions.items():
            theirs = doc.meta.get("type")
            if lang != default and theirs in ARTICLE_TYPES and theirs != source.meta["type"]:
                findings.append(Finding(doc.path, doc.line_of("type"), "TRANSLATION-TYPE",
                                        f"type '{theirs}' differs from the {languages.default.name} version's "
                                        f"'{source.meta['type']}'; every language must have the same type"))
    index_files = "/".join(f"index.{lang.code}.md" for lang in languages)
    for doc in documents:
        if doc.kind == "article" and doc.category not in categories:
            known = ", ".join(sorted(c for c in categories if c)) or "none yet"
            findings.append(Finding(doc.path, 1, "CATEGORY-UNKNOWN",
                                    f"'{doc.category}' is not a category (it has no {index_files}); "
                                    f"move the article into one of: {known}"))
        if doc.kind == "article" and doc.rel.count("/") > 1:
            findings.append(Finding(doc.path, 1, "CATEGORY-DEPTH",
                                    "articles live directly in a category folder: docs/<category>/<slug>.<lang>.md"))
    return findings


@dataclass
class Catalogue:
    """Every page of the docs tree, parsed once, with lookups that stay fast
    at thousands of pages."""

    documents: list[Document]
    findings: list[Finding]
    # The findings of single files (file names, front matter), without the
    # rules across files: what an update keeps for the files it does not read.
    own_findings: list[Finding] | None = None

    def __post_init__(self):
        if self.own_findings is None:
            self.own_findings = [f for f in self.findings if f.rule not in TREE_RULES]
        self._by_key = {(doc.stem, doc.lang): doc for doc in self.documents}
        self._by_rel = {doc.rel: doc for doc in self.documents}
        self._listings: dict[tuple, list[Document]] = {}
        self._by_keyword: dict[tuple[str, str], list[Document]] | None = None

    @classmethod
    def load(cls, docs_dir: Path, languages: Languages, templates_dir: str = "templates",
             display_root: Path | None = None, converters: dict | None = None) -> "Catalogue":
        """Every written page, and for each language in `converters` (locale ->
        Converter) a converted page wherever no page is written in it."""
        documents, findings = read_documents(docs_dir, markdown_files(docs_dir, templates_dir), languages,
                                             display_root)
        findings += links_leaving(docs_dir, display_root)
        for lang, converter in (converters or {}).items():
            written = {doc.stem for doc in documents if doc.lang == lang}
            documents += [converted_document(doc, lang, converter) for doc in list(documents)
                          if doc.lang == converter.source and doc.stem not in written]
        return cls(documents, findings + check_tree(documents, languages), own_findings=findings)

    def updated(self, docs_dir: Path, languages: Languages, changed: set[str], templates_dir: str = "templates",
                display_root: Path | None = None, converters: dict | None = None) -> "Catalogue":
        """The catalogue after the files at `changed` (paths relative to
        docs_dir) were edited, created or removed: those files read again and
        their converted pages made again, every other page kept as it is (the
        writers' preview; a build reads everything once with `load`)."""
        converters = converters or {}
        stems = {rel: classify(rel, languages.codes) for rel in changed}
        dirty_keys = {(rel[: -len(f".{c[3]}.md")], c[3]) for rel, c in stems.items() if c}
        # A written page also remakes the pages converted from it, and a removed
        # hand-written translation brings its converted page back.
        for lang, converter in converters.items():
            dirty_keys |= {(stem, lang) for stem, source in list(dirty_keys) if source == converter.source}
            dirty_keys |= {(stem, converter.source) for stem, written in list(dirty_keys) if written == lang}
        dirty_paths = {display_path(docs_dir / rel, display_root) for rel in changed}
        files = [docs_dir / rel for rel in sorted(changed) if rel.endswith(".md") and (docs_dir / rel).is_file()
                 and templates_dir not in PurePosixPath(rel).parts and not leaves(docs_dir / rel, docs_dir)]
        documents, findings = read_documents(docs_dir, files, languages, display_root)
        documents += [doc for doc in self.documents if (doc.stem, doc.lang) not in dirty_keys]
        findings += [f for f in self.own_findings if f.path not in dirty_paths]
        present = {(doc.stem, doc.lang) for doc in documents}
        written = {(doc.stem, doc.lang): doc for doc in documents if doc.source is None}
        for stem, lang in sorted(dirty_keys):
            converter = converters.get(lang)
            source = written.get((stem, converter.source)) if converter else None
            if (stem, lang) not in present and source is not None:
                documents.append(converted_document(source, lang, converter))
        # In the order `load` gives: written pages by path, then each
        # converted language's pages in the order of their sources.
        position = {(doc.stem, doc.lang): n for n, doc in enumerate(sorted(written.values(), key=_path_order))}
        languages_order = list(converters)
        documents.sort(key=lambda doc: (0, _path_order(doc)) if doc.source is None else
                       (1 + languages_order.index(doc.lang), position[doc.source.stem, doc.source.lang]))
        return Catalogue(documents, findings + check_tree(documents, languages), own_findings=findings)

    def without(self, hidden) -> "Catalogue":
        """The catalogue without the pages in `hidden` (scheduled or taken
        down), its findings kept: those pages are still checked."""
        return Catalogue([doc for doc in self.documents if doc not in hidden], self.findings,
                         own_findings=self.own_findings)

    def by_rel(self, rel: str) -> Document | None:
        return self._by_rel.get(rel)

    def get(self, stem: str, lang: str) -> Document | None:
        return self._by_key.get((stem, lang))

    def categories(self, lang: str) -> list[Document]:
        return self._listing(("category", None, lang))

    def articles(self, category: str, lang: str) -> list[Document]:
        return self._listing(("article", category, lang))

    # A keyword that more articles share than this says little about any of
    # them (like a stop word), and following it would make the work per page
    # grow with the size of the help centre.
    MAX_KEYWORD_SHARE = 40

    def keyword_neighbours(self, doc: Document) -> dict[Document, int]:
        """Articles of the same language sharing keywords with `doc`, with
        how many they share."""
        if self._by_keyword is None:
            self._by_keyword = {}
            for other in self.documents:
                if other.kind == "article":
                    for word in other.keyword_set:
                        self._by_keyword.setdefault((other.lang, word), []).append(other)
        shared: dict[Document, int] = {}
        for word in doc.keyword_set:
            postings = self._by_keyword.get((doc.lang, word), [])
            if len(postings) <= self.MAX_KEYWORD_SHARE:
                for other in postings:
                    shared[other] = shared.get(other, 0) + 1
        shared.pop(doc, None)
        return shared

    def _listing(self, key: tuple) -> list[Document]:
        if key not in self._listings:
            kind, category, lang = key
            self._listings[key] = sorted(
                (d for d in self.documents
                 if d.kind == kind and d.lang == lang and (category is None or d.category == category)),
                key=lambda d: d.sort_key)
        return self._listings[key]
