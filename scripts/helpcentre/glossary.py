"""The glossary (docs/glossary.yml): one definition per term, in every
language. The glossary page lists them ({{ glossary }}); every other page
shows a term's definition as a tooltip where the term appears, through
Markdown abbreviations (`*[term]: definition`, appended to the page) and
Material's `content.tooltips`.

    terms:
      transaction-id:                       # stable id: the term's anchor on the glossary page
        term: {zh: 交易编号, en: transaction ID}
        also: {zh: [交易号], en: [transaction number]}   # optional: other forms with the tooltip
        means: {zh: …, en: …}
        tooltip: false                      # optional: listed, but no tooltip (words on every page)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.content import load_keyed_yaml_file
from helpcentre.findings import Finding, display_path

RULE = "GLOSSARY-INVALID"
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM_KEYS = {"term", "also", "means", "tooltip"}


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    also: tuple[str, ...]
    means: str
    tooltip: bool


@dataclass
class Glossary:
    terms: dict
    path: str
    converters: dict = field(default_factory=dict)  # locale -> Converter, for converted languages

    def entries(self, lang: str) -> list[Entry]:
        return [Entry(term_id, self._text(spec["term"], lang), tuple(self._forms(spec.get("also"), lang)),
                      self._text(spec["means"], lang), spec.get("tooltip", True))
                for term_id, spec in self.terms.items()]

    def abbreviations(self, lang: str) -> str:
        """Markdown abbreviation definitions for every tooltip term and its other forms."""
        return "\n".join(f"*[{form}]: {entry.means}" for entry in self.entries(lang) if entry.tooltip
                         for form in (entry.term, *entry.also))

    def _text(self, value: dict, lang: str) -> str:
        if lang in value:
            return value[lang]
        converter = self.converters[lang]
        return converter.plain(value[converter.source])

    def _forms(self, value: dict | None, lang: str) -> list[str]:
        if not value:
            return []
        if lang in value:
            return list(value[lang])
        converter = self.converters.get(lang)
        return [converter.plain(form) for form in value.get(converter.source, [])] if converter else []


def load_glossary(path: Path, languages: tuple[str, ...], display_root: Path | None = None,
                  ) -> tuple[Glossary | None, list[Finding]]:
    """The glossary at `path`, validated for every written language. A site
    without one has no glossary page and no tooltips."""
    display = display_path(path, display_root)
    if not path.is_file():
        return None, []
    data, lines, problems = load_keyed_yaml_file(path, display, RULE)
    if problems:
        return None, problems
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, dict) or not terms:
        return None, [Finding(display, 1, RULE, "expected 'terms:' mapping each term id to its term, means "
                                                "(and optional also) per language")]
    findings = []
    seen: dict[tuple[str, str], str] = {}
    for term_id, spec in terms.items():
        key = f"terms.{term_id}"

        def problem(message: str, part: str = "") -> None:
            findings.append(Finding(display, lines.get(f"{key}.{part}", lines.get(key, 1)), RULE, message))

        if not TERM_ID.match(str(term_id)):
            problem(f"term id '{term_id}' must be lowercase words joined by hyphens (its anchor on the glossary page)")
        if not isinstance(spec, dict) or set(spec) - TERM_KEYS:
            problem(f"'{term_id}' has term, means and optionally also and tooltip"
                    + (f"; unknown: {', '.join(sorted(set(spec) - TERM_KEYS))}" if isinstance(spec, dict) else ""))
            continue
        for part in ("term", "means"):
            for lang in languages:
                text = spec.get(part, {}).get(lang) if isinstance(spec.get(part), dict) else None
                if not isinstance(text, str) or not text.strip():
                    problem(f"'{term_id}' needs a {lang} '{part}'", part)
                elif "\n" in text.strip() or "]" in text:
                    problem(f"'{term_id}.{part}' ({lang}) must be one line without ']'", part)
        also = spec.get("also") or {}
        if not isinstance(also, dict) or not all(isinstance(v, list) and all(isinstance(f, str) for f in v)
                                                for v in also.values()):
            problem(f"'{term_id}.also' maps a language to a list of other forms", "also")
            also = {}
        if "tooltip" in spec and not isinstance(spec["tooltip"], bool):
            problem(f"'{term_id}.tooltip' is true or false", "tooltip")
        for lang in languages:
            term = spec.get("term", {}).get(lang) if isinstance(spec.get("term"), dict) else None
            for form in [term, *also.get(lang, [])]:
                if isinstance(form, str) and (lang, form) in seen and seen[lang, form] != term_id:
                    problem(f"'{form}' ({lang}) is already the term or another form of '{seen[lang, form]}'", "term")
                elif isinstance(form, str):
                    seen[lang, form] = term_id
    if findings:
        return None, findings
    return Glossary(terms, display), []
