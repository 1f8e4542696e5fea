"""Query-time search terms a language's writers own (docs/search/<lang>.yml):

- `corrections`: what customers type that the articles never say (slips of a
  pinyin input method 手续废, variant characters 帐, jargon KYC, British
  spellings unauthorised) and what it means, or "" for fillers that only
  add noise (请问一下, 那个 in a dictated question). The search box rewrites
  the query before searching; each entry says why it is there.
- `pinyin`: words whose pinyin the tables get wrong for a payments help
  centre (重置 is chongzhi, not zhongzhi), used for the pinyin field.

They are not a substitute for an article's `keywords`: a word that a page is
about belongs in its front matter; an entry here is for words that are wrong,
or that no page should have to carry.

Each language has its own file, a converted one too: a variant that is a slip
in one script (帐 for 账) is the right character in the other (帳戶)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.content import load_yaml_file
from helpcentre.findings import Finding, display_path

RULE = "SEARCH-TERMS"
HAN_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
SYLLABLE = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Correction:
    typed: str  # as customers type it
    means: str  # what the articles call it
    why: str
    line: int


@dataclass(frozen=True)
class Reading:
    word: str  # 重置
    syllables: tuple[str, ...]  # ("chong", "zhi")
    why: str
    line: int


@dataclass
class SearchTerms:
    corrections: list[Correction] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)

    def for_index(self) -> list[list[str]]:
        """[[typed, means], ...] longest typed first, so a phrase wins over a
        word inside it; a dropped filler leaves a space, so the words on its
        two sides stay apart."""
        ordered = sorted(self.corrections, key=lambda c: -len(c.typed))
        return [[c.typed, c.means or " "] for c in ordered]


def load_search_terms(path: Path, display_root: Path | None = None) -> tuple[SearchTerms, list[Finding]]:
    display = display_path(path, display_root)

    def finding(line: int, message: str) -> Finding:
        return Finding(display, line, RULE, message)

    if not path.is_file():
        return SearchTerms(), [finding(1, f"the search terms file is missing: create {display} (corrections: [])")]
    node, data, problems = load_yaml_file(path, display, RULE)
    if problems:
        return SearchTerms(), problems
    if not isinstance(data, dict) or set(data) - {"corrections", "pinyin"}:
        return SearchTerms(), [finding(1, "expected 'corrections:' (a list of {typed, means, why}) and optionally "
                                          "'pinyin:' (a list of {word, reads, why})")]
    findings: list[Finding] = []
    corrections: list[Correction] = []
    seen: dict[str, int] = {}
    for entry, line in _entries(node, data, "corrections", findings, finding):
        if not (_has_text(entry, ("typed", "why")) and isinstance(entry.get("means"), str)):
            findings.append(finding(line, "each correction needs 'typed' (as customers type it), 'means' "
                                          "(as the articles say it, or \"\" to drop a filler) and 'why'"))
        elif entry["typed"].strip().casefold() == entry["means"].strip().casefold():
            findings.append(finding(line, f"'{entry['typed']}' corrects to itself"))
        elif entry["typed"].strip().casefold() in seen:
            findings.append(finding(line, f"'{entry['typed']}' is already corrected on line "
                                          f"{seen[entry['typed'].strip().casefold()]}"))
        else:
            seen[entry["typed"].strip().casefold()] = line
            corrections.append(Correction(entry["typed"].strip(), entry["means"].strip(), entry["why"].strip(), line))
    readings: list[Reading] = []
    for entry, line in _entries(node, data, "pinyin", findings, finding):
        if not _has_text(entry, ("word", "reads", "why")):
            findings.append(finding(line, "each pinyin entry needs 'word', 'reads' (toneless syllables: chong zhi) "
                                          "and 'why'"))
            continue
        syllables = tuple(entry["reads"].lower().split())
        if not HAN_WORD.fullmatch(entry["word"]) or len(syllables) != len(entry["word"]) or \
                not all(SYLLABLE.fullmatch(s) for s in syllables):
            findings.append(finding(line, f"'{entry['word']}' reads '{entry['reads']}': give one toneless syllable "
                                          f"per character"))
            continue
        readings.append(Reading(entry["word"], syllables, entry["why"].strip(), line))
    return SearchTerms(corrections, readings), findings


def _entries(node, data: dict, key: str, findings: list[Finding], finding):
    """(entry, line) for each item of the list under `key`."""
    if key not in data or data[key] is None:
        return []
    if not isinstance(data[key], list):
        findings.append(finding(1, f"'{key}:' must be a list"))
        return []
    items = next(value for name, value in node.value if name.value == key).value
    return [(entry, 1 + item.start_mark.line) for entry, item in zip(data[key], items)]


def _has_text(entry, keys: tuple[str, ...]) -> bool:
    return isinstance(entry, dict) and all(isinstance(entry.get(k), str) and entry[k].strip() for k in keys)


def romanizer(readings: list[Reading]) -> Callable[[str], str]:
    """Toneless pinyin without spaces (手机号 -> shoujihao), with the domain
    readings in place of the tables' where a word has one."""
    read = syllabifier(readings)
    return lambda text: "".join(read(text))


def syllabifier(readings: list[Reading]) -> Callable[[str], list[str]]:
    """Toneless pinyin, one syllable per character (手机号 -> shou ji hao), with
    the domain readings in place of the tables' where a word has one."""
    from pypinyin import lazy_pinyin

    def tables(text: str) -> list[str]:
        return lazy_pinyin(text, errors="ignore") if text else []

    known = {reading.word: list(reading.syllables) for reading in readings}
    if not known:
        return tables
    words = re.compile("|".join(re.escape(word) for word in sorted(known, key=len, reverse=True)))

    def syllables(text: str) -> list[str]:
        pieces, start = [], 0
        for match in words.finditer(text):
            pieces += tables(text[start:match.start()]) + known[match.group(0)]
            start = match.end()
        return pieces + tables(text[start:])
    return syllables
