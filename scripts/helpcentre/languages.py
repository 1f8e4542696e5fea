"""The languages of a help centre, from mkdocs-static-i18n's `languages`
(locale, name, which one is the default) and the plugin's per-language
options. Nothing else in the package names a language: code asks this
model for the default, the URL prefix, the <html lang> tag and so on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # the locale in file names and mkdocs-static-i18n: account/x.<code>.md
    name: str  # as the language switcher shows it
    default: bool
    html_lang: str
    og_locale: str
    date_locale: str
    search_pipeline: tuple[str, ...]
    segment_words: bool
    search_lang: str
    fold_queries: str | None = None
    convert_from: str | None = None
    opencc: str | None = None
    conversion_overrides: str | None = None
    search_terms: str | None = None  # below docs_dir: query-time corrections writers own
    typo_tolerance: int = 0  # a query word of this many letters that matches nothing is retried at edit distance 1
    script: str | None = None  # ISO 15924 (Hani, Latn): a query in another language's script gets a hint there
    style: tuple[str, ...] = ()  # style rules its pages are checked with (style.py)

    @property
    def prefix(self) -> str:
        """Where the language lives below the site root: "" for the default, "en/"."""
        return "" if self.default else f"{self.code}/"


class LanguageError(ValueError):
    pass


@dataclass(frozen=True)
class Languages:
    all: tuple[Language, ...]

    def __post_init__(self):
        defaults = [lang.code for lang in self.all if lang.default]
        if len(defaults) != 1:
            raise LanguageError(f"exactly one language must be the default (got {defaults or 'none'})")

    def __iter__(self):
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.all)

    @property
    def default(self) -> Language:
        return next(lang for lang in self.all if lang.default)

    @property
    def converted(self) -> tuple[Language, ...]:
        """Languages whose pages are converted from another's where no page is written by hand."""
        return tuple(lang for lang in self.all if lang.convert_from)

    @property
    def others(self) -> tuple[Language, ...]:
        return tuple(lang for lang in self.all if not lang.default)

    def get(self, code: str) -> Language:
        for lang in self.all:
            if lang.code == code:
                return lang
        raise LanguageError(f"unknown language '{code}'; the site's languages are: {', '.join(self.codes)}")

    def prefix(self, code: str) -> str:
        return self.get(code).prefix

    def described(self) -> str:
        return ", ".join(f"{lang.code} ({lang.name})" for lang in self.all)


def language(code: str, name: str, default: bool, options=None) -> Language:
    options = options or {}
    return Language(
        code=code, name=name or code, default=default,
        html_lang=options.get("html_lang") or code,
        og_locale=options.get("og_locale") or code,
        date_locale=options.get("date_locale") or code.replace("-", "_"),
        search_pipeline=tuple(options.get("search_pipeline", ("trimmer", "stopWordFilter", "stemmer"))),
        segment_words=bool(options.get("segment_words", False)),
        search_lang=options.get("search_lang") or code,
        fold_queries=options.get("fold_queries"),
        convert_from=options.get("convert_from"),
        opencc=options.get("opencc"),
        conversion_overrides=options.get("conversion_overrides"),
        search_terms=options.get("search_terms"),
        typo_tolerance=int(options.get("typo_tolerance") or 0),
        script=options.get("script"),
        style=tuple(options.get("style") or ()),
    )


def languages_of(config, plugin_config) -> Languages:
    """The languages of a loaded MkDocs config: mkdocs-static-i18n's built
    languages, or the theme's one language when the site has no i18n plugin."""
    options = plugin_config.languages or {}
    i18n = config.plugins.get("i18n")
    if i18n is None:
        code = config.theme.get("language") or config.theme.locale.language
        found = [language(code, code, True, options.get(code))]
    else:
        found = [language(item.locale, item.name, bool(item.default), options.get(item.locale))
                 for item in i18n.config.languages if item.build or item.default]
    unknown = sorted(set(options) - {lang.code for lang in found})
    if unknown:
        raise LanguageError(f"plugins.helpcentre.languages names {', '.join(unknown)}, which mkdocs-static-i18n "
                            f"does not build; its languages are: {', '.join(lang.code for lang in found)}")
    languages = Languages(tuple(found))
    for lang in languages:
        if lang.convert_from and (lang.convert_from not in languages.codes or lang.convert_from == lang.code
                                  or not lang.opencc):
            raise LanguageError(f"plugins.helpcentre.languages.{lang.code}: convert_from must name another of "
                                f"the site's languages ({', '.join(languages.codes)}) and opencc a configuration")
    return languages
