"""The plugin's typed configuration, under `plugins: - helpcentre:` in
mkdocs.yml. A wrong value stops the build (and every check) with MkDocs'
own message naming the option."""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c

from helpcentre.style import STYLES


class PositiveInt(c.Type):
    def __init__(self, default: int):
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise base.ValidationError(f"expected a whole number of 1 or more, got {value!r}")
        return value


class HttpUrlOrEmpty(c.Type):
    """An https:// (or http://) address, or "" for none."""

    def __init__(self):
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        parts = urlsplit(value)
        if value and (parts.scheme not in ("http", "https") or not parts.netloc):
            raise base.ValidationError(f"expected an http(s) address such as https://feedback.example.com/, "
                                       f"or \"\" for none; got {value!r}")
        return value


class PathOrHttpUrl(c.Type):
    """A path on this site (/_hc/e) or an http(s) address on another origin."""

    def __init__(self, default: str):
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        parts = urlsplit(value)
        on_this_site = value.startswith("/") and not value.startswith("//") and not parts.query
        elsewhere = parts.scheme in ("http", "https") and parts.netloc and not parts.query
        if not (on_this_site or elsewhere):
            raise base.ValidationError(f"expected a path on this site such as /_hc/e, or an http(s) address "
                                       f"without a query; got {value!r}")
        return value


class InsightsOptions(base.Config):
    # Off: no page loads the insights code, so nothing can be sent.
    enabled = c.Type(bool, default=False)
    # Events go here as GET requests, the event in the query string; the
    # access log of the host serving this path is the collector.
    endpoint = PathOrHttpUrl(default="/_hc/e")


class AddressOptions(base.Config):
    """Addresses that never die (scripts/helpcentre/addresses.py)."""

    # On: every article needs a permanent `id`; /a/<id>/ and /e/<code>/ open
    # articles; the published list and the redirects are checked.
    enabled = c.Type(bool, default=False)
    # Old path: new path, below docs_dir; optional.
    redirects = c.Type(str, default="redirects.yml")
    # Every URL published, beside the configuration file; recorded by deploys.
    published = c.Type(str, default="published-urls.txt")
    # Addresses of a help centre this one was imported from, below docs_dir (the importer writes it).
    imported = c.Type(str, default="imported-addresses.yml")


class ReviewOptions(base.Config):
    """How old an article's `reviewed:` date may get, per article type (days)."""

    troubleshooting = PositiveInt(default=180)
    how_to = PositiveInt(default=365)
    reference = PositiveInt(default=365)


class LanguageOptions(base.Config):
    """What the help centre needs to know about one of mkdocs-static-i18n's
    languages beyond its locale, name and URL."""

    # BCP 47 tag for <html lang> (zh-Hans, zh-Hant, en); defaults to the locale.
    html_lang = c.Optional(c.Type(str))
    # Open Graph locale (zh_CN, en_US); defaults to the locale.
    og_locale = c.Optional(c.Type(str))
    # Babel locale for dates (zh_Hans_CN, en_US); defaults to the locale.
    date_locale = c.Optional(c.Type(str))
    # lunr pipeline of the language's search index; [] for languages that are
    # segmented into words at build time instead of stemmed.
    search_pipeline = c.ListOfItems(c.Choice(("trimmer", "stopWordFilter", "stemmer")),
                                    default=["trimmer", "stopWordFilter", "stemmer"])
    # Cut text into words with jieba (Chinese) in the index and in queries.
    segment_words = c.Type(bool, default=False)
    # lunr language of the language's search index; defaults to the locale.
    search_lang = c.Optional(c.Type(str))
    # Fold a query typed in the other Chinese script into the index's, with a
    # map of only the characters the index uses: t2s (index in Simplified),
    # s2t (index in Traditional) or s2tw (Traditional, Taiwan's forms).
    fold_queries = c.Optional(c.Choice(("t2s", "s2t", "s2tw")))
    # Pages without a hand-written <slug>.<locale>.md are converted at build
    # time from this language's page...
    convert_from = c.Optional(c.Type(str))
    # ... with this OpenCC configuration (s2twp: Traditional, Taiwan phrases) ...
    opencc = c.Optional(c.Choice(("s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "tw2sp", "hk2s")))
    # ... and then these overrides (a YAML file below docs_dir).
    conversion_overrides = c.Optional(c.Type(str))
    # Query-time corrections and pinyin readings writers own (a YAML file
    # below docs_dir, see scripts/helpcentre/search_terms.py). A converted
    # language without one uses its source language's, converted.
    search_terms = c.Optional(c.Type(str))
    # A query word of at least this many letters that matches nothing is
    # retried at edit distance one (a stemmed language's typos); 0: never.
    typo_tolerance = c.Type(int, default=0)
    # The language's writing system (ISO 15924): a query typed in another
    # language's script shows a link to search that language's site.
    script = c.Optional(c.Choice(("Hani", "Latn")))
    # Style rules the checks apply to this language's pages (scripts/helpcentre/style.py):
    # fullwidth-punctuation, space-between-scripts, link-text-is-title.
    style = c.ListOfItems(c.Choice(STYLES), default=[])


class HelpCentreConfig(base.Config):
    # The brand, contact channels, official domains and interface text, below docs_dir.
    registry = c.Type(str, default="registry.yml")
    # Fees, limits, times and deadlines ({{ policy.… }}), below docs_dir; optional.
    policy = c.Type(str, default="policy.yml")
    # Terms and definitions: the glossary page and the tooltips, below docs_dir; optional.
    glossary = c.Type(str, default="glossary.yml")
    # Folders below docs_dir that hold writers' templates, not pages.
    templates_dir = c.Type(str, default="templates")
    # Articles of the current category shown in the sidebar around the page.
    sidebar_window = PositiveInt(default=25)
    # Articles per category listing page (index, page-2, page-3 ...).
    category_page_size = PositiveInt(default=25)
    # Related articles under an article and behind "Was this helpful? No".
    related_articles = PositiveInt(default=4)
    # "Was this helpful?" answers are POSTed here as a JSON beacon; "" sends nothing.
    feedback_endpoint = HttpUrlOrEmpty()
    # Anonymous, first-party search and feedback events for `make insights`; off by default.
    insights = c.SubConfig(InsightsOptions)
    # Banners with a start and an end (card payments delayed today ...), below docs_dir; optional.
    notices = c.Type(str, default="notices.yml")
    # Maximum days between reviews per article type (`owner`, `reviewed` in front matter; make stale).
    review = c.SubConfig(ReviewOptions)
    # Short links, error-code links, redirects and the published list; off by default.
    addresses = c.SubConfig(AddressOptions)
    # Where a converted page's notice links: the writers' guide on conversion.
    writers_guide = c.Type(str, default="")
    # Per-language settings, keyed by the locale used in mkdocs-static-i18n's `languages`.
    languages = c.DictOfItems(c.SubConfig(LanguageOptions), default={})
