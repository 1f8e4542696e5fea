"""The held-out set stays held out (scripts/check_held_out.py, run by
`make check` and `make test`).

The held-out queries of tests/search_queries.yaml measure what customers
will get only while nothing was written from them. Three ways they leak,
each a finding:

- HELD-OUT-LEAK: a front-matter keyword, a search-terms correction (what is
  typed) or a jieba dictionary word equals a held-out query, or one contains
  the other and covers most of it (COVERAGE), once both are normalised
  (NFKC, case, punctuation and spaces, Traditional folded to Simplified). A
  short word inside a long query ("密码" in "忘了密码怎么办") is what a page
  is about, not a copy of the query.
- HELD-OUT-DUPLICATE: a held-out query equals a tuning query (of any
  language) once normalised: it was tuned on.
- HELD-OUT-FROZEN: the pages a held-out query expects differ from the ones
  frozen when it was first scored, and no recorded change says why; a
  held-out query that is not frozen; a frozen one gone without a record.

The guard file (tests/search_held_out.yaml) holds the frozen expectations,
the recorded changes and the exceptions, each with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpcentre.content import compose_and_load
from helpcentre.conversion import opencc_converter
from helpcentre.findings import Finding
from helpcentre_tools.search_suite import HELD_OUT, TUNING, Query

# A keyword inside a query (or a query inside a keyword) leaks it when it is
# at least this share of the longer one: "customer service phone" in
# "customer service phone number" (0.77) does, "phone number" in "i got a
# new phone and number" (0.5) does not.
COVERAGE = 0.6
MOVED = ("tuning", "dropped")


@dataclass(frozen=True)
class Phrase:
    """Something a writer wrote that the search reads as customers' words."""

    text: str
    path: str
    line: int
    what: str  # keyword, correction, jieba word


@dataclass(frozen=True)
class Change:
    lang: str
    q: str
    line: int
    why: str
    expect: tuple[str, ...] | None = None  # the new expectation ...
    moved: str | None = None  # ... or "tuning" / "dropped"


@dataclass(frozen=True)
class Exemption:
    phrase: str
    query: str
    why: str
    line: int


@dataclass
class Guard:
    path: str
    frozen: dict[tuple[str, str], tuple[tuple[str, ...], int]] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    exceptions: list[Exemption] = field(default_factory=list)

    def expected(self, lang: str, q: str) -> tuple[tuple[str, ...] | None, str | None]:
        """The frozen expectation with every recorded change applied: (pages, None)
        or (None, "tuning" / "dropped")."""
        expect = self.frozen[(lang, q)][0]
        moved = None
        for change in self.changes:
            if (change.lang, change.q) == (lang, q):
                expect, moved = (change.expect, None) if change.expect is not None else (None, change.moved)
        return expect, moved


# --- normalising and comparing ---------------------------------------------------


def normalise(text: str) -> str:
    """What two queries share once case, punctuation, spaces and the Chinese
    script are set aside: "Can't remember my password" -> "cantremembermypassword",
    "密碼忘了" -> "密码忘了"."""
    text = opencc_converter("t2s").convert(unicodedata.normalize("NFKC", text).casefold())
    return "".join(char for char in text if char.isalnum())


def overlaps(a: str, b: str, coverage: float = COVERAGE) -> bool:
    """Normalised `a` and `b` are equal, or one holds the other and covers most of it."""
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return shorter in longer and len(shorter) >= coverage * len(longer)


# --- what writers wrote -------------------------------------------------------------


def keyword_phrases(path: str, text: str) -> list[Phrase]:
    """Each front-matter keyword of a page, with its line."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        return []
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    try:
        node, meta = compose_and_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return []  # the content checks report it
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "keywords" and isinstance(value, yaml.SequenceNode):
            return [Phrase(str(item.value), path, item.start_mark.line + 2, "keyword")
                    for item in value.value if isinstance(item, yaml.ScalarNode)]
    return []


def jieba_phrases(path: str, text: str) -> list[Phrase]:
    return [Phrase(line.split()[0], path, number, "jieba word")
            for number, line in enumerate(text.split("\n"), start=1) if line.strip()]


def correction_phrases(path: str, corrections) -> list[Phrase]:
    """What customers type, of each correction (what it means is the pages' own word)."""
    return [Phrase(c.typed, path, c.line, "correction") for c in corrections]


# --- the guard file -------------------------------------------------------------


def load_guard(path: Path, display: str) -> tuple[Guard, list[Finding]]:
    guard = Guard(display)
    if not path.is_file():
        return guard, []
    try:
        node, data = compose_and_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return guard, [Finding(display, (mark.line + 1) if mark else 1, "HELD-OUT-FROZEN", f"not valid YAML: {error}")]
    findings = []
    sections = {key.value: value for key, value in node.value} if isinstance(node, yaml.MappingNode) else {}
    for lang_node, queries in _pairs(sections.get("frozen")):
        for q_node, expect in _pairs(queries):
            guard.frozen[(lang_node.value, q_node.value)] = (
                tuple(item.value for item in expect.value), q_node.start_mark.line + 1)
    for item in _items(sections.get("changes")):
        entry, line = _plain(item), item.start_mark.line + 1
        expect, moved = entry.get("expect"), entry.get("moved")
        if not (isinstance(entry.get("lang"), str) and isinstance(entry.get("q"), str) and _why(entry)
                and (isinstance(expect, list) or moved in MOVED)):
            findings.append(Finding(display, line, "HELD-OUT-FROZEN", "a change needs lang, q, why and either "
                                                                       "expect: [pages] or moved: tuning|dropped"))
            continue
        guard.changes.append(Change(entry["lang"], entry["q"], line, entry["why"],
                                    tuple(expect) if isinstance(expect, list) else None, moved))
    for item in _items(sections.get("exceptions")):
        entry, line = _plain(item), item.start_mark.line + 1
        if not (isinstance(entry.get("phrase"), str) and isinstance(entry.get("query"), str) and _why(entry)):
            findings.append(Finding(display, line, "HELD-OUT-LEAK", "an exception needs phrase, query and why"))
            continue
        guard.exceptions.append(Exemption(entry["phrase"], entry["query"], entry["why"], line))
    return guard, findings


def _pairs(node) -> list:
    return node.value if isinstance(node, yaml.MappingNode) else []


def _items(node) -> list:
    return node.value if isinstance(node, yaml.SequenceNode) else []


def _plain(node) -> dict:
    value = yaml.constructor.SafeConstructor().construct_document(node)
    return value if isinstance(value, dict) else {}


def _why(entry: dict) -> bool:
    return isinstance(entry.get("why"), str) and bool(entry["why"].strip())


# --- the checks ------------------------------------------------------------------


def leaks(held_out: list[Query], phrases: list[Phrase], exceptions: list[Exemption], suite: str) -> list[Finding]:
    """HELD-OUT-LEAK at the phrase, for each held-out query it copies."""
    allowed = {(normalise(e.phrase), normalise(e.query)) for e in exceptions}
    queries = [(query, normalise(query.q)) for query in held_out]
    findings = []
    for phrase in phrases:
        said = normalise(phrase.text)
        for query, typed in queries:
            if overlaps(said, typed) and (said, typed) not in allowed:
                findings.append(Finding(phrase.path, phrase.line, "HELD-OUT-LEAK",
                                        f"the {phrase.what} {phrase.text!r} copies the held-out query {query.q!r} "
                                        f"({suite}:{query.line}); remove it and write keywords from tuning misses "
                                        "only, or move the query to tuning and write a new one blind"))
    return findings


def unused_exceptions(held_out: list[Query], phrases: list[Phrase], guard: Guard) -> list[Finding]:
    said = {normalise(phrase.text) for phrase in phrases}
    typed = {normalise(query.q) for query in held_out}
    return [Finding(guard.path, e.line, "HELD-OUT-LEAK", f"the exception for {e.phrase!r} / {e.query!r} matches "
                                                         "nothing any more: remove it")
            for e in guard.exceptions if normalise(e.phrase) not in said or normalise(e.query) not in typed]


def duplicates(queries: list[Query], suite: str) -> list[Finding]:
    """HELD-OUT-DUPLICATE at each held-out query equal to a tuning query once normalised."""
    tuning: dict[str, Query] = {}
    for query in queries:
        if query.set == TUNING:
            tuning.setdefault(normalise(query.q), query)
    findings = []
    for query in queries:
        twin = tuning.get(normalise(query.q)) if query.set == HELD_OUT else None
        if twin is not None:
            findings.append(Finding(suite, query.line, "HELD-OUT-DUPLICATE",
                                    f"{query.q!r} ({query.lang}) is the tuning query {twin.q!r} ({twin.lang}, line "
                                    f"{twin.line}) once case, punctuation and script are set aside: it was tuned on; "
                                    "drop it or move it to tuning, and write a new held-out query blind"))
    return findings


def frozen_findings(queries: list[Query], guard: Guard, suite: str) -> list[Finding]:
    """HELD-OUT-FROZEN: a held-out query's pages are the frozen ones (with
    their recorded changes); every frozen query is held out or recorded as moved."""
    findings = []
    held = {(q.lang, q.q): q for q in queries if q.set == HELD_OUT}
    for key, query in held.items():
        if key not in guard.frozen:
            findings.append(Finding(suite, query.line, "HELD-OUT-FROZEN",
                                    f"{query.q!r} ({query.lang}) is not frozen: once it is written (blind), run "
                                    "`python scripts/check_held_out.py --freeze`"))
            continue
        expect, moved = guard.expected(*key)
        if moved:
            findings.append(Finding(suite, query.line, "HELD-OUT-FROZEN",
                                    f"{query.q!r} ({query.lang}) is recorded as moved to {moved} but is still held out"))
        elif tuple(query.expect) != expect:
            findings.append(Finding(suite, query.line, "HELD-OUT-FROZEN",
                                    f"{query.q!r} ({query.lang}) expects {list(query.expect)}, frozen as "
                                    f"{list(expect)}: a held-out answer changes only with a recorded reason "
                                    f"(changes: in {guard.path})"))
    for key, (expect, line) in guard.frozen.items():
        if key not in held and guard.expected(*key)[1] is None:
            findings.append(Finding(guard.path, line, "HELD-OUT-FROZEN",
                                    f"{key[1]!r} ({key[0]}) is frozen but no longer held out: record it under "
                                    "changes: with moved: tuning or dropped, and why"))
    for change in guard.changes:
        if (change.lang, change.q) not in guard.frozen:
            findings.append(Finding(guard.path, change.line, "HELD-OUT-FROZEN",
                                    f"the change to {change.q!r} ({change.lang}) names no frozen query"))
    return findings


def check(queries: list[Query], phrases: list[Phrase], guard: Guard, suite: str) -> list[Finding]:
    held_out = [query for query in queries if query.set == HELD_OUT]
    return (leaks(held_out, phrases, guard.exceptions, suite) + unused_exceptions(held_out, phrases, guard)
            + duplicates(queries, suite) + frozen_findings(queries, guard, suite))


def freeze(queries: list[Query], guard: Guard, text: str) -> tuple[str, int]:
    """The guard file's text with every held-out query not yet frozen added
    under frozen: (its language's block), and how many were added."""
    new: dict[str, list[Query]] = {}
    for query in queries:
        if query.set == HELD_OUT and (query.lang, query.q) not in guard.frozen:
            new.setdefault(query.lang, []).append(query)
    if not new:
        return text, 0
    lines = text.rstrip("\n").split("\n") if text.strip() else ["frozen:"]
    if "frozen:" not in lines:
        lines.append("frozen:")
    for lang, added in new.items():
        entries = [f"    {_quoted(q.q)}: [{', '.join(q.expect)}]" for q in added]
        header = f"  {lang}:"
        if header in lines:
            at = _block_end(lines, lines.index(header))
            lines[at:at] = entries
        else:
            at = _block_end(lines, lines.index("frozen:"))
            lines[at:at] = [header, *entries]
    return "\n".join(lines) + "\n", sum(len(added) for added in new.values())


def _block_end(lines: list[str], start: int) -> int:
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return end


def _quoted(text: str) -> str:
    return '"' + re.sub(r'(["\\])', r"\\\1", text) + '"'
