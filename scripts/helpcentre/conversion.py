"""Pages of one language converted at build time from another's, with
OpenCC's phrase-level conversion (Simplified to Traditional Chinese with
Taiwan vocabulary, say) and a small file of overrides that a reviewer owns
(terms OpenCC gets wrong for a payments product), applied after it.

Only prose is converted: fenced code, code spans, link and image targets,
reference definitions, URLs, HTML tags, attribute lists ({#id}) and
shortcodes pass through untouched, and every line stays on its line, so a
finding on a converted page points at the same line of its source."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helpcentre.content import load_yaml_file
from helpcentre.findings import Finding, display_path
from helpcentre.lines import source_lines

# What must not change, in the order it is looked for on a line.
PROTECTED = re.compile(
    r"`+[^`]*`+"  # code spans
    r"|\]\([^)]*\)"  # link and image targets
    r"|\]\[[^\]]*\]"  # reference labels: [text][label]
    r"|^\s*\[[^\]]+\]:\s*\S+.*$"  # reference definitions
    r"|\{\{[^}]*\}\}"  # shortcodes
    r"|\{[#.:][^}]*\}"  # attribute lists: {#id}, { .class }
    r"|<[^>\n]*>"  # HTML tags
    r"|(?:https?://|www\.)\S+"  # bare URLs
    r"|:[a-z0-9-]+:",  # icons and emoji (:material-phone:)
    re.M,
)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# The CJK Unified Ideographs and their Extension A: what a query's characters can be folded from.
CJK_CHARACTERS = tuple(chr(code) for start, end in ((0x3400, 0x4DC0), (0x4E00, 0xA000)) for code in range(start, end))


class ConversionUnavailable(RuntimeError):
    pass


def require_opencc() -> None:
    try:
        import opencc  # noqa: F401
    except ImportError as error:
        raise ConversionUnavailable("a language is converted at build time (convert_from) but the opencc package "
                                    "is not installed; run `make install`") from error


@lru_cache(maxsize=None)
def opencc_converter(config: str):
    import opencc

    return opencc.OpenCC(config if config.endswith(".json") else f"{config}.json")


@dataclass(frozen=True)
class Override:
    wrong: str  # what OpenCC writes
    right: str  # what the language's readers expect
    why: str
    line: int


@dataclass
class Converter:
    """Converts one language's text into another's."""

    source: str  # the language converted from (a locale)
    opencc: str  # the OpenCC configuration, e.g. s2twp
    overrides: list[Override] = field(default_factory=list)

    def plain(self, text: str) -> str:
        """A text with no markup (a title, a registry value, a keyword)."""
        converted = opencc_converter(self.opencc).convert(text)
        for override in self.overrides:
            converted = converted.replace(override.wrong, override.right)
        return converted

    def markdown(self, text: str) -> str:
        """A Markdown file, front matter included; prose only."""
        lines = text.split("\n")
        out = []
        for line in source_lines(lines):
            out.append(line.text if line.in_code or not HAN.search(line.text) else self._line(line.text))
        return "\n".join(out)

    def _line(self, line: str) -> str:
        pieces, start = [], 0
        for match in PROTECTED.finditer(line):
            pieces.append(self.plain(line[start:match.start()]) if match.start() > start else "")
            pieces.append(match.group(0))
            start = match.end()
        pieces.append(self.plain(line[start:]) if start < len(line) else "")
        return "".join(pieces)

    def char_fixes(self) -> dict[str, str]:
        """The overrides of a single character (賬 → 帳), which a query folds
        character by character. A longer override is a phrase (登出帳戶 →
        註銷帳戶, 交易記錄 → 交易紀錄): folding its characters one by one
        would turn every 登 into 註 and 忘記 into 忘紀; queries get it as a
        phrase instead."""
        return {o.wrong: o.right for o in self.overrides if len(o.wrong) == 1 and len(o.right) == 1}


def load_overrides(path: Path, display_root: Path | None = None) -> tuple[list[Override], list[Finding]]:
    """The overrides file: a list of {wrong, right, why}; every entry says why."""
    display = display_path(path, display_root)
    if not path.is_file():
        return [], [Finding(display, 1, "CONVERSION-OVERRIDES", f"the conversion overrides file is missing: create "
                                                                  f"{display} (overrides: [])")]
    node, data, problems = load_yaml_file(path, display, "CONVERSION-OVERRIDES")
    if problems:
        return [], problems
    entries = (data or {}).get("overrides") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Finding(display, 1, "CONVERSION-OVERRIDES", "expected 'overrides:' with a list of "
                                                                 "{wrong: …, right: …, why: …}")]
    items = node.value[[k.value for k, _ in node.value].index("overrides")][1].value
    overrides, findings = [], []
    for entry, item in zip(entries, items):
        line = 1 + item.start_mark.line
        if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) and entry[k].strip()
                                                for k in ("wrong", "right", "why"))):
            findings.append(Finding(display, line, "CONVERSION-OVERRIDES",
                                    "each override needs 'wrong' (what OpenCC writes), 'right' and 'why'"))
            continue
        overrides.append(Override(entry["wrong"], entry["right"], entry["why"], line))
    # Longer terms first, so a phrase wins over a word inside it.
    return sorted(overrides, key=lambda o: -len(o.wrong)), findings


def fold_map(index_chars: set[str], to_index: str, char_fixes: dict[str, str] | None = None) -> dict[str, str]:
    """{character of a query: the index's character}, only for characters
    the index uses: what a query typed in the other script is folded with
    before it is searched. `to_index` is an OpenCC character-level
    configuration (t2s, s2t). Every character is tried, so a character with
    several forms in the other script folds from each (複 and 復 into 复)."""
    char_fixes = char_fixes or {}
    folded = {}
    for char in CJK_CHARACTERS:
        target = fold_characters(char, to_index)
        target = char_fixes.get(target, target)
        if target != char and target in index_chars:
            folded[char] = target
    return folded


def phrase_folds(pairs: Iterable[tuple[str, str]], fold: Callable[[str], str]) -> list[list[str]]:
    """[[a word as a query has it after its characters are folded, the
    index's word]] for each (typed, meant) pair where folding characters does
    not reach the index's word: the conversion changed the word, not only its
    characters (注册 -> 註冊, 软件 -> 軟體, 登录 -> 登入). Longest first, so a
    phrase wins over a word inside it."""
    phrases: dict[str, str] = {}
    for typed, meant in pairs:
        key = fold(typed)
        if len(key) > 1 and key != meant:
            phrases.setdefault(key, meant)
    return [[key, meant] for key, meant in sorted(phrases.items(), key=lambda item: (-len(item[0]), item[0]))]


@lru_cache(maxsize=None)
def _folded_character(char: str, config: str) -> str:
    converted = opencc_converter(config).convert(char)
    return converted if len(converted) == 1 else char


def fold_characters(text: str, config: str) -> str:
    """`text` converted character by character, one character for one (an
    OpenCC character-level configuration such as t2s), so positions in the
    result are positions in `text`."""
    return "".join(_folded_character(char, config) for char in text)


def cut_in_source_script(cut: Callable[[str], Iterable[str]], to_source: str) -> Callable[[str], list[str]]:
    """A word cutter for converted text that cuts it where its source's text
    would be cut: jieba's dictionaries are Simplified Chinese, so Traditional
    text is folded to Simplified character by character (`to_source`, such
    as t2s), cut there, and the cuts laid back on the original characters.
    Cut directly, 帳號被鎖 came out as 帳 / 號被 / 鎖 and 怎麼辦 as 怎麼 / 辦."""
    def cut_aligned(text: str) -> list[str]:
        words, start = [], 0
        for word in cut(fold_characters(text, to_source)):
            words.append(text[start:start + len(word)])
            start += len(word)
        return words

    return cut_aligned
