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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from helpcentre.content import compose_and_load
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
    try:
        node, data = compose_and_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return [], [Finding(display, 1 + (mark.line if mark else 0), "CONVERSION-OVERRIDES",
                            f"not valid YAML: {error.problem}")]
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


def fold_map(index_chars: set[str], to_index: str, from_index: str, char_fixes: dict[str, str] | None = None,
             ) -> dict[str, str]:
    """{character of the other script: the index's character}, only for
    characters the index uses: what a query typed in the other script is
    folded with before it is searched. `to_index`/`from_index` are OpenCC
    character-level configurations (t2s and s2t, or the other way round)."""
    to_index_cc, from_index_cc = opencc_converter(to_index), opencc_converter(from_index)
    char_fixes = char_fixes or {}
    candidates = {from_index_cc.convert(c) for c in index_chars}
    candidates |= {from_index_cc.convert(wrong) for wrong in char_fixes}
    folded = {}
    for char in sorted(candidates):
        if len(char) != 1:
            continue
        target = to_index_cc.convert(char)
        target = char_fixes.get(target, target)
        if target != char and target in index_chars:
            folded[char] = target
    return folded
