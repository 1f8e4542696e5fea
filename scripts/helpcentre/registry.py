"""The registry (docs/registry.yml): brand, contact channels, official domains.

`load_registry` validates the file and returns findings with line numbers;
`Registry.text(key, lang)` resolves a dotted key such as `channels.chat.name`
to the text for one language, with "{brand}" filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.content import load_keyed_yaml_file
from helpcentre.findings import Finding, display_path
from helpcentre.registry_values import check_values

CHANNEL_IDS = ("chat", "phone", "email", "social")
CHANNEL_TEXT_FIELDS = ("name", "summary", "hours", "response", "best_for")
# Interface text the renderers need, in every language.
LABELS = ("how", "hours", "response", "best_for", "contact_cta_title", "contact_cta_text", "contact_cta_button",
          "search_label", "search_placeholder", "search_button", "popular_title", "search_help_title",
          "search_help_text", "search_help_browse", "search_help_contact", "updated", "still_need_help",
          "still_need_help_text", "feedback_question", "feedback_yes", "feedback_no", "feedback_thanks",
          "feedback_sorry", "related_title", "not_found_title", "not_found_text", "back_home",
          "all_articles", "page_title", "pager", "colon", "channel", "search_failed", "search_retry")
# Needed only by a site that converts a language (the line on a converted page).
CONVERSION_LABELS = ("converted_notice", "converted_notice_link")
# Needed only by a site whose languages name their scripts: the link above the
# search results that runs a query typed in another language's script there.
SEARCH_ELSEWHERE_LABELS = ("search_elsewhere_one", "search_elsewhere_other")
# Needed only by a site with insights on: why an article did not help.
INSIGHTS_LABELS = ("feedback_why", "feedback_why_missing", "feedback_why_wrong", "feedback_why_unclear",
                   "feedback_why_broken", "feedback_why_other", "feedback_comment", "feedback_send")
# Needed only by a site with a glossary: "Also called" and how a list of words is joined.
GLOSSARY_LABELS = ("glossary_also", "list_separator")


@dataclass
class Registry:
    data: dict
    path: str
    # locale -> Converter: texts a converted language has no value for are converted from its source's.
    converters: dict = field(default_factory=dict)
    # Converted texts, once each: every page of a converted language asks for the same labels.
    _converted: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    @property
    def brand(self) -> str:
        return self.data["brand"]

    @property
    def channel_ids(self) -> list[str]:
        return list(self.data["channels"])

    @property
    def official_domains(self) -> list[str]:
        return list(self.data.get("official_domains", []))

    def lookup(self, key: str):
        value = self.data
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise KeyError(key)
            value = value[part]
        return value

    def text(self, key: str, lang: str) -> str:
        value = self.lookup(key)
        if isinstance(value, dict):
            if lang not in value and lang in self.converters:
                if (key, lang) not in self._converted:
                    converter = self.converters[lang]
                    self._converted[key, lang] = converter.plain(self.text(key, converter.source))
                return self._converted[key, lang]
            if lang not in value:
                raise KeyError(key)
            value = value[lang]
        if not isinstance(value, (str, int, float)):
            raise KeyError(key)
        return str(value).replace("{brand}", self.brand)

    def has_text(self, key: str, lang: str) -> bool:
        try:
            self.text(key, lang)
        except KeyError:
            return False
        return True


def load_registry(path: Path, languages: tuple[str, ...], display_root: Path | None = None,
                  labels: tuple[str, ...] = LABELS) -> tuple[Registry | None, list[Finding]]:
    """The registry at `path`, validated for every language code in `languages`."""
    display = display_path(path, display_root)
    if not path.is_file():
        return None, [Finding(display, 1, "REGISTRY-MISSING",
                              f"the registry file is missing: create {display} with brand and channels")]
    data, lines, problems = load_keyed_yaml_file(path, display, "REGISTRY-YAML")
    if problems:
        return None, problems
    registry = Registry(data if isinstance(data, dict) else {}, display)
    findings = validate_registry(registry, lines, languages, labels)
    return (registry if not findings else None), findings


def validate_registry(registry: Registry, key_lines: dict[str, int], languages: tuple[str, ...],
                      required_labels: tuple[str, ...] = LABELS) -> list[Finding]:
    findings: list[Finding] = []

    def problem(key: str, message: str, rule: str = "REGISTRY-INVALID") -> None:
        parent = key.rsplit(".", 1)[0] if "." in key else key
        line = key_lines.get(key) or key_lines.get(parent, 1)
        findings.append(Finding(registry.path, line, rule, message))

    data = registry.data
    if not isinstance(data.get("brand"), str) or not data.get("brand", "").strip():
        problem("brand", "'brand' must be the brand name, e.g. brand: ExamplePay")
    domains = data.get("official_domains")
    if not isinstance(domains, list) or not domains or not all(isinstance(d, str) for d in domains):
        problem("official_domains", "'official_domains' must list the hosts articles may link to")
    for lang in languages:
        if not _has_lang(data.get("site_name"), lang):
            problem("site_name", f"'site_name' needs a {lang} text")
    channels = data.get("channels")
    if not isinstance(channels, dict):
        problem("channels", f"'channels' must map the channel ids {', '.join(CHANNEL_IDS)} to their details")
        return findings
    for channel_id in CHANNEL_IDS:
        if channel_id not in channels:
            problem("channels", f"channel '{channel_id}' is missing; the contact page needs all of: {', '.join(CHANNEL_IDS)}")
    for channel_id, channel in channels.items():
        key = f"channels.{channel_id}"
        if channel_id not in CHANNEL_IDS:
            problem(key, f"unknown channel '{channel_id}'; channels are: {', '.join(CHANNEL_IDS)}")
            continue
        if not isinstance(channel, dict):
            problem(key, f"channel '{channel_id}' must be a mapping of its details")
            continue
        for field_name in CHANNEL_TEXT_FIELDS:
            for lang in languages:
                if not _has_lang(channel.get(field_name), lang):
                    problem(f"{key}.{field_name}", f"channel '{channel_id}' needs '{field_name}' in {lang}")
        if not any(name in channel for name in ("how", "detail")):
            problem(key, f"channel '{channel_id}' needs 'how' (text) or 'detail' (number, address or handle)")
    labels = data.get("labels") if isinstance(data.get("labels"), dict) else {}
    for label in required_labels:
        for lang in languages:
            if not _has_lang(labels.get(label), lang):
                problem(f"labels.{label}" if label in labels else "labels",
                        f"'labels.{label}' needs a {lang} text")
    for part in ("title", "text"):
        for lang in languages:
            if not _has_lang((data.get("official_notice") or {}).get(part), lang):
                problem(f"official_notice.{part}", f"'official_notice.{part}' needs a {lang} text")
    validate_contact_page(data.get("contact_page"), languages, problem)
    if not findings:
        check_values(data, data["brand"], lambda key, rule, message: problem(key, message, rule))
    return findings


CONTACT_PAGE_TEXTS = ("urgent_title", "describe_label", "describe_placeholder", "describe_results")


def validate_contact_page(section, languages: tuple[str, ...], problem) -> None:
    """The optional contact_page section: the texts of the answers-first
    contact page and the situations that cannot wait, each with a known channel."""
    if section is None:
        return
    if not isinstance(section, dict):
        problem("contact_page", "'contact_page' must be a mapping of its texts and 'urgent' situations")
        return
    for name in CONTACT_PAGE_TEXTS:
        for lang in languages:
            if not _has_lang(section.get(name), lang):
                problem(f"contact_page.{name}" if name in section else "contact_page",
                        f"'contact_page.{name}' needs a {lang} text")
    urgent = section.get("urgent")
    if not isinstance(urgent, dict) or not urgent:
        problem("contact_page.urgent" if "urgent" in section else "contact_page",
                "'contact_page.urgent' must map each situation that cannot wait to its channel and text")
        return
    for situation, details in urgent.items():
        key = f"contact_page.urgent.{situation}"
        if not isinstance(details, dict) or details.get("channel") not in CHANNEL_IDS:
            problem(key, f"situation '{situation}' needs a 'channel', one of: {', '.join(CHANNEL_IDS)}")
            continue
        for lang in languages:
            if not _has_lang(details.get("text"), lang):
                problem(f"{key}.text" if "text" in details else key, f"situation '{situation}' needs a {lang} text")


def _has_lang(value, lang: str) -> bool:
    if isinstance(value, dict):
        value = value.get(lang)
    return isinstance(value, str) and bool(value.strip())
