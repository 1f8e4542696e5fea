"""The help centre as one MkDocs plugin.

Event order, stated once, against mkdocs-static-i18n ("i18n"). i18n runs its
on_config, on_files, on_nav and on_post_build at priority -100; inside the
on_post_build of the first language's build it runs the whole build again
for every other language, each with its own on_config ... on_post_build.

    on_config       100  the languages; refuse a build that cannot segment
                         words (before Material's search plugin loads its
                         jieba dictionary)
    on_pre_build    100  the content gate: load the docs once per run and
                         stop before anything is written if they are broken;
                         the site name in the language i18n chose
    on_files        -110 pages out of the site now (publish_after,
                         unpublish_after) taken out; category listing pages
                         2, 3 ... of this language's files (after i18n chose
                         them)
    on_nav          0    order, sections and previous/next from front matter
                         (before i18n's -100, as MkDocs runs it)
    on_page_markdown 0   shortcodes (after i18n's admonition titles at 50)
    on_page_context 0    article blocks, head tags and the sidebar window
                         for the theme's partials (after i18n's, at 50)
    on_template_context  the 404 page's panel
    on_post_page    0    the one post-processing chain (postprocess.py)
    on_post_template     the same chain for 404.html; one 404 page per language
    on_post_build   -200 after i18n's -100, so after every other language's
                         build: once every language is built, the per-language
                         search indexes, llms.txt and the Markdown twins
                         (checked against the registry), the short links and redirects
                         (before the security headers hash the pages'
                         scripts), robots.txt, security headers,
                         security.txt and, with insights on, the events path

The writers' preview (preview.py) runs the same events, one language per
build, up to on_env, then renders pages one at a time; it gives the plugin
its content model (adopt) and never runs on_post_build.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from helpcentre import article, seo
from helpcentre.addresses import nginx_redirects, old_address_lookup, redirects, redirects_file
from helpcentre.checks import check_site
from helpcentre.config import HelpCentreConfig
from helpcentre.dates import ClockError
from helpcentre.conversion import (ConversionUnavailable, cut_in_source_script, fold_characters, fold_map,
                                   phrase_folds, require_opencc)
from helpcentre.findings import format_findings
from helpcentre.languages import LanguageError, Languages, languages_of
from helpcentre.links import static_files_of
from helpcentre.llms_txt import check_machine_text, machine_files
from helpcentre.markdown_setup import MarkdownSetup
from helpcentre.navigation import SectionLayout, arrange, show_sidebar
from helpcentre.postprocess import PageView, finish
from helpcentre.search_index import (HOMOPHONES_KEY, PINYIN_FIELD, common_characters, han_characters, han_words,
                                     homophone_readings, pinyin_tokens, pinyin_words, split_index)
from helpcentre.search_shards import cache_rules, nginx_cache_snippet, split_search_index
from helpcentre.search_terms import romanizer, syllabifier
from helpcentre.security import (
    content_security_policy, headers_file, inline_script_hashes, nginx_snippet, origin_of, security_headers,
    security_txt,
)
from helpcentre.contact_links import CONTACT_PAGE
from helpcentre.content import page_path
from helpcentre.shortcodes import (ShortcodeError, expand, expand_inline, has_block, relative_url,
                                   render_category_page)
from helpcentre.site import Site

FIRST = 100
AFTER_I18N = -110
AFTER_ALL_LANGUAGES = -200
# Text in the script a language folds queries into (fold_queries), folded
# back into the other, character by character.
FOLD_BACK = {"t2s": "s2t", "s2t": "t2s", "s2tw": "t2s"}
NGINX_HEADERS = "nginx-security-headers.conf"
NGINX_SEARCH_CACHE = "nginx-search-cache.conf"
NGINX_REDIRECTS = "nginx-redirects.conf"
OLD_ADDRESSES = "old-addresses.json"
MEDIA = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf"})


class HelpCentrePlugin(BasePlugin[HelpCentreConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.languages: Languages | None = None
        self.site: Site | None = None
        self.site_signature: tuple = ()
        self.findings: list = []  # of the content gate, for self.site
        self.listing_pages: set[str] = set()  # src_uri of generated category listing pages
        self.sections: list[SectionLayout] = []
        self.not_found_pages: dict[str, str] = {}
        # mkdocs-static-i18n builds the other languages inside the first
        # build's on_post_build, and leaves the theme's language at the last
        # one: each build's language is pushed at its start, popped at its end.
        self.builds_under_way: list[str] = []
        self.languages_built: set[str] = set()
        self.adopted = False  # the writers' preview gives the content model (adopt)

    # --- content ---------------------------------------------------------------

    @event_priority(FIRST)
    def on_config(self, config):
        try:
            self.languages = languages_of(config, self.config)
        except LanguageError as error:
            raise PluginError(f"helpcentre: {error}") from error
        require_word_segmentation(self.languages)
        if self.languages.converted:
            try:
                require_opencc()
            except ConversionUnavailable as error:
                raise PluginError(f"helpcentre: {error}") from error
        return config

    @event_priority(FIRST)
    def on_pre_build(self, config):
        self.builds_under_way.append(self.current_language(config))
        site = self.load_site(config)
        if self.findings:
            raise PluginError(f"the content has {len(self.findings)} problem(s); fix them and build again:\n"
                              + format_findings(self.findings))
        if site.registry is not None:
            config.site_name = site.registry.text("site_name", self.current_language(config))

    @event_priority(AFTER_I18N)
    def on_files(self, files, config):
        lang = self.current_language(config)
        for file in [file for file in files.documentation_pages() if self.site.is_hidden(file.src_uri, lang)]:
            files.remove(file)  # scheduled or taken down: out of every page, listing and index
        for file in shared_media_files(Path(config.docs_dir), files, config, self.languages.codes):
            files.append(file)
        self.listing_pages = set()
        for file in listing_page_files(self.site, lang, config):
            files.append(file)
            self.listing_pages.add(file.src_uri)
        for file in converted_page_files(self.site, lang, config):
            files.append(file)
        return files

    def on_nav(self, nav, config, files):
        lang = self.current_language(config)
        self.sections = arrange(nav, lambda page: self.site.document(page.file.src_uri, lang),
                                lambda page: page.file.src_uri in self.listing_pages)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        doc = self.site.document(page.file.src_uri, self.current_language(config))
        if doc is None or self.site.registry is None:
            return markdown
        ctx = self.site.context(doc)
        try:
            for key in ("title", "description"):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = expand_inline(page.meta[key], ctx)
        except ShortcodeError as error:
            raise PluginError(f"{doc.path}:{doc.line_of('title')}: SHORTCODE-INVALID {error}") from error
        # The gate expanded the file's own text already; another plugin may have changed it since.
        expanded, findings = self.site.expanded(doc) if markdown == doc.body else expand(ctx, markdown)
        if findings:
            raise PluginError(format_findings(findings))
        return with_tooltips(expanded, doc, self.site)

    # --- pages -----------------------------------------------------------------

    def on_page_context(self, context, page, config, nav):
        lang = self.current_language(config)
        show_sidebar(self.sections, page, self.config.sidebar_window,
                     self.site.registry.text("labels.all_articles", lang))
        doc = self.site.document(page.file.src_uri, lang)
        page_url = self.url_path(page)
        if doc is not None:
            point_language_switcher(config, self.site, doc)
        context["hc"] = {
            "converted": self.converted_notice(doc),
            "labels": self.labels(lang),
            "search_help": self.search_help(lang, page_url),
            "search_elsewhere": self.search_elsewhere(lang, page_url),
            "insights": self.insights(lang, page_url),
            "notices": self.site.notices_for(doc) if doc is not None else [],
            **({"head": self.head(doc, page, config), "article": self.article(doc, page, page_url)}
               if doc is not None else {}),
        }
        return context

    def on_template_context(self, context, template_name, config):
        if template_name == "sitemap.xml":
            context["hc"] = {"sitemap": self.sitemap(config)}
            return context
        if template_name != "404.html":
            return context
        lang = self.current_language(config)
        show_sidebar(self.sections, None, self.config.sidebar_window, "")
        root = urlsplit(config.site_url or "/").path or "/"
        context["hc"] = {"labels": self.labels(lang), "not_found": self.not_found(lang, root)}
        return context

    def on_post_page(self, output, page, config):
        return finish(output, self.page_view(self.current_language(config)))

    def on_post_template(self, output, template_name, config):
        if template_name != "404.html":
            return output
        lang = self.current_language(config)
        output = finish(output, self.page_view(lang))
        self.not_found_pages[lang] = output
        prefix = self.languages.prefix(lang)
        if prefix:
            target = Path(config.site_dir) / prefix / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(output, encoding="utf-8")
        # MkDocs writes what this returns to site/404.html: the default language's.
        return self.not_found_pages.get(self.languages.default.code, output)

    # --- the whole site ----------------------------------------------------------

    @event_priority(AFTER_ALL_LANGUAGES)
    def on_post_build(self, config):
        self.languages_built.add(self.builds_under_way.pop())
        if self.builds_under_way or not set(self.languages.codes) <= self.languages_built:
            return
        self.languages_built = set()
        site_dir = Path(config.site_dir)
        write_search_indexes(site_dir, self.site, self.languages)
        if self.site.addresses is not None:
            write_redirects(site_dir, self.site, config.site_url or "/", config.theme.get_env())
        if self.site.registry is not None:
            write_machine_text(site_dir, self.site, config.site_url or "/")
        write_robots_txt(site_dir, config.site_url or "/")
        write_security_files(site_dir, self.site, config.site_url or "/", self.endpoints())
        if self.config.insights.enabled:
            write_insights_endpoint(site_dir, config.site_url or "/", self.config.insights.endpoint)

    def endpoints(self) -> list[str]:
        """Addresses pages send to: feedback, and insights when on."""
        insights = [self.config.insights.endpoint] if self.config.insights.enabled else []
        return [self.config.feedback_endpoint, *insights]

    def on_build_error(self, error):
        self.builds_under_way, self.languages_built = [], set()

    # --- the writers' preview (helpcentre.preview) -----------------------------

    def adopt(self, site: Site) -> None:
        """Build from `site`, the content model the writers' preview loads,
        updates and checks page by page, instead of reading and checking the
        docs at on_pre_build."""
        self.site, self.adopted = site, True

    def refresh_generated(self, files, config) -> set[str]:
        """Give this language's generated pages (category listings, converted
        pages) the content of the current content model; returns the src_uri
        of each whose content changed."""
        lang = self.current_language(config)
        changed = set()
        for fresh in listing_page_files(self.site, lang, config) + converted_page_files(self.site, lang, config):
            file = files.get_file_from_path(fresh.src_uri)
            if file is not None and file.content_string != fresh.content_string:
                file.content_string = fresh.content_string
                changed.add(fresh.src_uri)
        return changed

    # --- helpers ------------------------------------------------------------------

    def load_site(self, config) -> Site:
        """The docs, read and checked once per run: the other languages' builds
        (and a `mkdocs serve` rebuild with nothing changed) reuse them and
        their findings."""
        if self.adopted:
            return self.site
        docs_dir = Path(config.docs_dir)
        signature = docs_signature(docs_dir)
        if self.site is None or signature != self.site_signature:
            root = Path(config.config_file_path).parent if config.config_file_path else docs_dir.parent
            try:
                self.site = Site.load(docs_dir, root, self.languages, self.config, config.theme.get_env(),
                                      MarkdownSetup.of(config))
            except ClockError as error:
                raise PluginError(f"helpcentre: {error}") from error
            self.site_signature = signature
            self.findings = check_site(self.site)
            teach_word_segmentation(self.site, config)
        return self.site

    def current_language(self, config) -> str:
        """The language being built: mkdocs-static-i18n sets the theme's language per build."""
        lang = config.theme.get("language")
        return lang if lang in self.languages.codes else self.languages.default.code

    def url_path(self, page) -> str:
        """The page's URL below the site root, with its language prefix."""
        return page.url if page.url.endswith("/") or not page.url else page.url.rsplit("/", 1)[0] + "/"

    def labels(self, lang: str) -> dict[str, str]:
        return {name: self.site.registry.text(f"labels.{name}", lang) for name in self.site.registry.data["labels"]}

    def page_view(self, lang: str) -> PageView:
        language = self.languages.get(lang)
        return PageView(language.html_lang, language.prefix, self.site.registry.text("labels.search_button", lang))

    def link(self, lang: str, page_url: str):
        """docs path (account/x.md) -> URL relative to the page at `page_url`, in `lang`."""
        prefix = self.languages.prefix(lang)
        return lambda docs_rel: relative_url(page_url, prefix + page_path(docs_rel))

    def sitemap(self, config) -> list[dict]:
        urls = seo.SiteUrls(config.site_url or "/", self.languages)
        today = date.today()
        return [{"loc": urls.of(doc.lang, doc.url_path), "lastmod": (self.site.last_changed(doc) or today).isoformat(),
                 "alternates": seo.alternates(doc, self.site.catalogue, urls)}
                for doc in sorted(self.site.catalogue.documents, key=lambda d: (self.languages.codes.index(d.lang), d.stem))]

    def converted_notice(self, doc) -> dict | None:
        if doc is None or doc.source is None:
            return None
        return {"source_language": self.languages.get(doc.source.lang).name, "guide": self.config.writers_guide}

    def search_help(self, lang: str, page_url: str) -> dict:
        link = self.link(lang, page_url)
        return {"categories": article.article_list(self.site.catalogue.categories(lang), link),
                "channels": article.channel_links(self.site.registry, lang, link)}

    def search_elsewhere(self, lang: str, page_url: str) -> list[dict]:
        """The languages a query typed in another script is offered in, each
        with its labels in its own language (the reader typed in it)."""
        current = self.languages.get(lang)
        return [{"script": other.script, "lang": other.html_lang, "code": other.code,
                 "url": relative_url(page_url, other.prefix),
                 "index": relative_url(page_url, other.prefix + "search/") + "search_index.json",
                 "one": self.site.registry.text("labels.search_elsewhere_one", other.code).replace("{language}", other.name),
                 "other": self.site.registry.text("labels.search_elsewhere_other", other.code).replace("{language}", other.name)}
                for other in self.languages if other.script and current.script and other.script != current.script]

    def insights(self, lang: str, page_url: str) -> dict | None:
        """What hc-insights.js needs, or None (insights off: no page loads it).
        Channels are named by their links (tel:, mailto:) and by their
        anchors on the contact page, where articles send readers."""
        if not self.config.insights.enabled:
            return None
        channels = {channel_id: channel["link"] for channel_id, channel in self.site.registry.data["channels"].items()
                    if channel.get("link")}
        return {"endpoint": self.config.insights.endpoint, "lang": lang,
                "contact": self.link(lang, page_url)(CONTACT_PAGE), "channels": channels}

    def not_found(self, lang: str, root: str) -> dict:
        """Links are absolute: a 404 page is served at any depth."""
        language_root = root + self.languages.prefix(lang)

        def link(docs_rel: str) -> str:
            return language_root + page_path(docs_rel)

        return {"root": language_root, "site_root": root,
                "language_prefixes": [language.prefix for language in self.languages.others],
                "current_prefix": self.languages.prefix(lang),
                "categories": article.article_list(self.site.catalogue.categories(lang), link),
                "channels": article.channel_links(self.site.registry, lang, link)}

    def head(self, doc, page, config) -> dict:
        urls = seo.SiteUrls(config.site_url or "/", self.languages)
        title, description = page.title, page.meta.get("description", "")
        if doc.is_home:
            title = config.site_name
        objects = seo.structured_data(doc, self.site.catalogue, self.site.registry, urls, title, description,
                                      page.content or "",
                                      self.site.last_changed(doc) if doc.kind == "article" else None)
        return {"title": config.site_name if doc.is_home else None,
                "alternates": seo.alternates(doc, self.site.catalogue, urls),
                "open_graph": seo.open_graph(doc, self.site.catalogue, urls, config.site_name, title, description),
                "twitter": {"title": title, "description": description},
                "json_ld": [seo.json_ld(obj) for obj in objects]}

    def article(self, doc, page, page_url: str) -> dict | None:
        if doc.kind != "article":
            return None
        lang, registry = doc.lang, self.site.registry
        link = self.link(lang, page_url)
        related = article.related_articles(self.site.catalogue, doc, self.config.related_articles)
        language = self.languages.get(lang)
        return {
            "title": page.title, "description": page.meta.get("description", ""),
            "updated": article.updated_label(self.site.last_changed(doc), language.date_locale),
            "troubleshooting": doc.meta.get("type") == "troubleshooting",
            "channels": article.channel_links(registry, lang, link),
            "official_notice": {"title": registry.text("official_notice.title", lang),
                                "text": registry.text("official_notice.text", lang)},
            "related": article.article_list(related, link),
            "feedback_endpoint": self.config.feedback_endpoint,
            "lang": lang,
        }


# --- steps the events call --------------------------------------------------------


def require_word_segmentation(languages: Languages) -> None:
    """Material silently indexes Chinese as unsearchable runs of characters
    when jieba is missing: fail the build instead."""
    segmented = [lang.code for lang in languages if lang.segment_words]
    if not segmented:
        return
    try:
        import jieba  # noqa: F401
    except ImportError as error:
        raise PluginError(f"helpcentre: {', '.join(segmented)} must be segmented into words but jieba is not "
                          "installed, so that text could not be found by search; run `make install`") from error


def teach_word_segmentation(site: Site, config) -> None:
    """A converted language's words are cut in its source's script
    (source_script_cuts), where some converted terms are no word jieba knows:
    兩步驟驗證 folds back to 两步骤验证, 交易紀錄 to 交易纪录. jieba learns the
    folded form of every domain term (the search plugin's user dictionary)
    and override, so they stay whole. (Teaching it every converted word of
    the source pages too was tried: the tuning queries did worse, 98.4% ->
    96.8% top-3.)"""
    cuts = source_script_cuts(site.languages)
    if not cuts:
        return
    import jieba

    search = config.plugins.get("material/search") or config.plugins.get("search")
    user_dict = getattr(search.config, "jieba_dict_user", None) if search else None
    words = []
    if user_dict and Path(user_dict).is_file():
        words = [line.split()[0] for line in Path(user_dict).read_text(encoding="utf-8").splitlines() if line.strip()]
    for code in cuts:
        lang, converter = site.languages.get(code), site.converters[code]
        for word in [converter.plain(word) for word in words] + [o.right for o in converter.overrides]:
            jieba.add_word(fold_characters(word, FOLD_BACK[lang.fold_queries]))


def with_tooltips(markdown: str, doc, site: Site) -> str:
    """The glossary's terms as Markdown abbreviations at the end of the page,
    so each shows its definition (Material's content.tooltips); not on the
    glossary page itself, which defines them."""
    if site.glossary is None or has_block(doc.body, "glossary"):
        return markdown
    return markdown + "\n\n" + site.glossary.abbreviations(doc.lang) + "\n"


def point_language_switcher(config, site: Site, doc) -> None:
    """Material's language switcher (config.extra.alternate, which
    mkdocs-static-i18n resets for each page) leads to the same page in every
    language it exists in, converted pages included; else to that language's home."""
    root = urlsplit(config.site_url or "/").path or "/"
    # mkdocs-static-i18n sets the list at on_config and, for the pages it
    # knows (not the generated ones), again as an attribute for each page;
    # the theme reads the attribute first.
    alternates = getattr(config.extra, "alternate", None)
    if alternates is None:
        alternates = next((value for key, value in config.extra.items() if key == "alternate"), [])
    for alternate in alternates:
        code = alternate.get("lang")
        if code not in site.languages.codes:
            continue
        other = site.catalogue.get(doc.stem, code)
        target = site.languages.prefix(code) + (other.url_path if other is not None else "")
        alternate["link"] = target if target else root


def converted_page_files(site: Site, lang: str, config) -> list[File]:
    """The pages of `lang` converted at build time: they have no file in docs/."""
    files = []
    for doc in site.catalogue.documents:
        if doc.lang != lang or doc.source is None:
            continue
        file = File.generated(config, doc.rel_without_lang(), content=doc.text)
        file.dest_uri = site.languages.prefix(lang) + (doc.url_path + "index.html" if config.use_directory_urls
                                                       else doc.rel_without_lang()[: -len(".md")] + ".html")
        file.edit_uri = doc.source.rel  # "Edit this page" opens the source the page is converted from
        files.append(file)
    return files


def shared_media_files(docs_dir: Path, files, config, codes: tuple[str, ...]) -> list[File]:
    """Images and documents without a language suffix (docs/assets/imported/
    x.png) belong to every language: mkdocs-static-i18n, with
    fallback_to_default off, gives them to the default language's build only,
    and an English page showing one would link to nothing."""
    present = {file.src_uri for file in files}
    return [File(rel, str(docs_dir), config.site_dir, config.use_directory_urls)
            for rel in sorted(static_files_of(docs_dir) - present)
            if PurePosixPath(rel).suffix.lower() in MEDIA
            and not any(part in codes for part in PurePosixPath(rel).name.split(".")[1:-1])]


def docs_signature(docs_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in docs_dir.rglob("*") if p.suffix in (".md", ".yml")))


def listing_page_files(site: Site, lang: str, config) -> list[File]:
    """Category listings in pages: the index page shows the first page, and
    account/page-2/, account/page-3/ ... the rest, kept out of the search index."""
    if site.registry is None:
        return []
    files = []
    prefix = site.languages.prefix(lang)
    for category in site.catalogue.categories(lang):
        title = str(category.meta["title"])
        for number in range(2, site.paging.page_count(site.catalogue, category.category, lang) + 1):
            page_file = site.paging.page_file(number)
            ctx = site.context(category, prefix + f"{category.category}/{page_file[:-len('.md')]}/")
            page_title = site.registry.text("labels.page_title", lang).format(title=title, page=number)
            front = {"title": page_title, "description": str(category.meta["description"]),
                     "search": {"exclude": True}}
            content = "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n\n" + \
                render_category_page(ctx, number) + "\n"
            file = File.generated(config, f"{category.category}/{page_file}", content=content)
            if prefix:
                file.dest_uri = prefix + file.dest_uri  # the URL follows the destination
            files.append(file)
    return files


def write_search_indexes(site_dir: Path, site: Site, languages: Languages) -> None:
    """mkdocs-static-i18n merges every language into one index, so a reader
    would get results in every language: split it, one index per language."""
    index_file = site_dir / "search" / "search_index.json"
    if not index_file.is_file():
        return
    merged = json.loads(index_file.read_text(encoding="utf-8"))
    keywords = {languages.prefix(doc.lang) + doc.url_path: [str(w) for w in doc.meta["keywords"]]
                for doc in site.catalogue.documents if isinstance(doc.meta.get("keywords"), list) and doc.meta["keywords"]}
    def readings(lang) -> list:
        # A converted page's pinyin is read from its source's text too.
        return [reading for code in (lang.code, lang.convert_from) if code in site.search_terms
                for reading in site.search_terms[code].readings]

    romanizers = {lang.code: romanizer(readings(lang)) for lang in languages if lang.segment_words}
    recut = source_script_cuts(languages)
    # A converted page's words are cut as its source's are, so the pinyin of
    # its title and of its source's title are the same words, stored once.
    pinyin = {languages.prefix(doc.lang) + doc.url_path:
              pinyin_tokens(page_phrases(doc), recut.get(doc.lang, jieba_cut), romanizers[doc.lang])
              for doc in site.catalogue.documents if languages.get(doc.lang).segment_words}
    settings = {lang.code: query_settings(lang, site.search_terms.get(lang.code)) for lang in languages}
    indexes = split_index(merged, languages, keywords, cut=jieba_cut, recut=recut, pinyin=pinyin,
                          query_settings=settings)
    for code, index in indexes.items():
        if languages.get(code).fold_queries:
            index["config"]["fold"] = query_fold(code, indexes, languages, site.converters)
        if code in romanizers and any(doc.get(PINYIN_FIELD) for doc in index["docs"]):
            index["config"][HOMOPHONES_KEY] = homophones(
                [doc for doc in site.catalogue.documents if doc.lang == code], recut.get(code, jieba_cut),
                syllabifier(readings(languages.get(code))), site.converters.get(code))
        folder = languages.prefix(code) + "search/"
        split_search_index(index, folder).write(site_dir / folder)


def homophones(docs: list, cut, read, converter) -> dict[str, str]:
    """How the search box reads the characters of a slip (search_index.homophone_readings):
    the common characters, and in a converted language their conversions too,
    under the syllables of its pinyin words."""
    syllables = {syllable for doc in docs for word in pinyin_words(page_phrases(doc), cut) for syllable in read(word)}
    characters = common_characters()
    if converter is not None:
        characters += [converter.plain(char) for char in characters]
    return homophone_readings(characters, syllables, lambda char: "".join(read(char)))


def query_fold(code: str, indexes: dict[str, dict], languages: Languages, converters: dict) -> dict:
    """How a query typed in the other Chinese script is folded into this
    index's: a map of characters (only those the index uses), then phrases
    where a conversion changed words, not only characters. An index of
    converted pages gets its overrides and the conversion of each of its
    source's words (注册 typed, 註冊 meant); the source's own index gets
    each of its words converted (軟體 typed, 软件 meant)."""
    lang, index = languages.get(code), indexes[code]
    own = converters.get(code)
    chars = fold_map(han_characters(index["docs"]), lang.fold_queries, own.char_fixes() if own else {})

    def fold(text: str) -> str:
        return "".join(chars.get(char, char) for char in text)

    pairs = []
    if own is not None and lang.convert_from in indexes:
        words = han_words(index["docs"])
        pairs += [(word, converted) for word in sorted(han_words(indexes[lang.convert_from]["docs"]))
                  if (converted := own.plain(word)) in words]
    for other, converter in converters.items():
        if languages.get(other).convert_from == code:
            pairs += [(converter.plain(word), word) for word in sorted(han_words(index["docs"]))]
    overrides = [[o.wrong, o.right] for o in own.overrides] if own else []
    return {"chars": chars, "phrases": overrides + phrase_folds(pairs, fold)}


def source_script_cuts(languages: Languages) -> dict:
    """{code: cutter} for each segmented language converted from another
    script (one that folds queries): its words are cut where its source's
    would be."""
    return {lang.code: cut_in_source_script(jieba_cut, FOLD_BACK[lang.fold_queries]) for lang in languages.converted
            if lang.segment_words and lang.fold_queries and languages.get(lang.convert_from).segment_words}


def page_phrases(doc) -> list[str]:
    """A page's title and keywords, and its source's when it is converted
    (pinyin is read from Simplified characters, which its tables know best)."""
    phrases = []
    for version in (doc, doc.source) if doc.source else (doc,):
        phrases.append(str(version.meta.get("title", "")))
        phrases += [str(word) for word in version.meta.get("keywords") or []]
    return phrases


def query_settings(lang, terms) -> dict:
    """What the search box does to a query before searching, beyond the
    language's pipeline (hc-search-worker.js reads it from the index config)."""
    settings = {}
    if terms and terms.corrections:
        settings["corrections"] = terms.for_index()
    if lang.typo_tolerance:
        settings["typo_tolerance"] = lang.typo_tolerance
    return settings


def jieba_cut(text: str) -> list[str]:
    # The jieba Material's search plugin loaded, with its user dictionary.
    import jieba

    return list(jieba.cut(text))


def write_robots_txt(site_dir: Path, site_url: str) -> None:
    (site_dir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n", encoding="utf-8")


def write_insights_endpoint(site_dir: Path, site_url: str, endpoint: str) -> None:
    """An empty file at the insights path, so any static host answers the
    events (200, logged) without a rule of its own; nginx answers 204 first."""
    root = urlsplit(site_url).path or "/"
    if endpoint.startswith(root):
        target = site_dir / endpoint[len(root):]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")


def write_redirects(site_dir: Path, site: Site, site_url: str, env) -> None:
    """Short links, error-code links and writers' redirects: a page for any
    static host (partials/hc-redirect.html), and 301s in site/_redirects
    (Netlify, Cloudflare Pages) and site/nginx-redirects.conf."""
    template = env.get_template("partials/hc-redirect.html")
    root = urlsplit(site_url).path.rstrip("/") + "/"
    found = redirects(site.catalogue, site.languages, site.addresses.declared, site.expired, site.addresses.imported)
    for redirect in found:
        target = site_dir / redirect.source / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.render(lang=site.languages.get(redirect.lang).html_lang, title=redirect.title,
                                          target=relative_url(redirect.source, redirect.target),
                                          canonical=site_url.rstrip("/") + "/" + redirect.target), encoding="utf-8")
    (site_dir / "_redirects").write_text(redirects_file(found, root), encoding="utf-8")
    (site_dir / NGINX_REDIRECTS).write_text(nginx_redirects(found, root), encoding="utf-8")
    lookup = old_address_lookup(found, site.addresses.imported, root)
    if lookup:  # the 404 page sends an old help centre's address on (not-found.js)
        (site_dir / OLD_ADDRESSES).write_text(json.dumps(lookup, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def write_machine_text(site_dir: Path, site: Site, site_url: str) -> None:
    """llms.txt per language and a Markdown twin of every page; refused
    when any contact detail or URL in them is not the registry's or the site's."""
    files = machine_files(site, site_url)
    problems = check_machine_text(files, site.registry, site_url)
    if problems:
        raise PluginError("llms.txt and the Markdown twins would carry contact details or links from elsewhere:\n"
                          + format_findings(problems))
    for file in files:
        (site_dir / file.path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / file.path).write_text(file.text, encoding="utf-8")


def write_security_files(site_dir: Path, site: Site, site_url: str, endpoints: list[str]) -> None:
    """Security headers for static hosts (site/_headers for Netlify and
    Cloudflare Pages, site/nginx-security-headers.conf for nginx) with a CSP
    made from the built pages, and /.well-known/security.txt."""
    pages = (path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html"))
    origins = [origin for origin in map(origin_of, endpoints) if origin]
    headers = security_headers(content_security_policy(inline_script_hashes(pages), origins))
    search_folders = [lang.prefix + "search/" for lang in site.languages]
    (site_dir / "_headers").write_text(headers_file(headers, cache_rules(search_folders)), encoding="utf-8")
    (site_dir / NGINX_HEADERS).write_text(nginx_snippet(headers), encoding="utf-8")
    (site_dir / NGINX_SEARCH_CACHE).write_text(nginx_cache_snippet(search_folders, NGINX_HEADERS), encoding="utf-8")
    if site.registry is not None:
        well_known = site_dir / ".well-known"
        well_known.mkdir(exist_ok=True)
        (well_known / "security.txt").write_text(security_txt(site.registry, site_url, date.today()),
                                                  encoding="utf-8")
    # GitHub Pages (branch deploys) would hide .well-known/ behind Jekyll.
    (site_dir / ".nojekyll").write_text("", encoding="utf-8")
