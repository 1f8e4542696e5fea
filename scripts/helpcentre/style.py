"""Style rules a language opts into (the plugin's `languages.<code>.style`),
checked instead of left to review:

- `fullwidth-punctuation` (STYLE-PUNCTUATION): next to a Han character,
  punctuation is full width: ，。？！：；（）, never , . ? ! : ; ( ).
- `space-between-scripts` (STYLE-SPACING): one space between Han characters
  and Latin letters or digits: 在 App 中, 24 小时, 第 3 次.
- `link-text-is-title` (STYLE-LINK-TITLE): a link to an article reads as
  that article's title, so readers recognise the page they land on.

The text checked is what readers see: code spans, link targets, URLs, HTML
tags and attribute lists are left out, and an inline shortcode counts as
what it renders ({{ brand }} is Latin letters). Headings, lists, tables and
the title and description are checked; fenced code, comments and block
shortcodes are not.
"""

from __future__ import annotations

import posixpath
import re

from helpcentre.content import Document
from helpcentre.conversion import PROTECTED
from helpcentre.findings import Finding
from helpcentre.lines import prose_lines
from helpcentre.shortcodes import SHORTCODE, PageContext, ShortcodeError, expand_inline
from helpcentre.policy import PolicyError

STYLES = ("fullwidth-punctuation", "space-between-scripts", "link-text-is-title")
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HALF_WIDTH = {",": "，", ".": "。", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
HAN_CHAR = re.compile(f"[{HAN}]")
SPACING = re.compile(rf"[{HAN}][A-Za-z0-9%]|[A-Za-z0-9%][{HAN}]")
ARTICLE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?\)")
MASK = "\u2060"  # a joiner: neither Han nor Latin nor punctuation


def visible_text(line: str, ctx: PageContext | None) -> str:
    """The line as a reader sees it, with the same length: protected spans
    masked, inline shortcodes replaced by what they render."""
    def render(match: re.Match) -> str:
        if ctx is not None:
            try:
                return expand_inline(match.group(0), ctx)
            except (ShortcodeError, PolicyError, KeyError):
                pass
        return MASK
    line = SHORTCODE.sub(render, line)
    # Link texts stay; their targets, code, URLs, tags and attribute lists go.
    return PROTECTED.sub(lambda match: MASK * len(match.group(0)), line)


def check_style(doc: Document, styles: tuple[str, ...], ctx: PageContext | None = None, catalogue=None,
                ) -> list[Finding]:
    if not styles:
        return []
    findings = []
    lines = [(doc.front.key_lines.get(key, 1), str(doc.meta[key])) for key in ("title", "description")
             if isinstance(doc.meta.get(key), str)]
    lines += [(line.number, line.text) for line in prose_lines(doc.body.split("\n"), doc.first_line)
              if not SHORTCODE.fullmatch(line.text.strip())]
    for number, raw in lines:
        text = visible_text(raw, ctx)
        if "fullwidth-punctuation" in styles:
            for position in half_width_punctuation(text):
                mark = text[position]
                findings.append(Finding(doc.path, number, "STYLE-PUNCTUATION",
                                        f"half-width '{mark}' beside Chinese text: write '{HALF_WIDTH[mark]}' "
                                        f"(…{raw_context(text, position)}…)"))
        if "space-between-scripts" in styles:
            for match in SPACING.finditer(text):
                findings.append(Finding(doc.path, number, "STYLE-SPACING",
                                        f"no space between Chinese and Latin text in "
                                        f"'{match.group(0)}': write '{match.group(0)[0]} {match.group(0)[1]}' "
                                        f"(…{raw_context(text, match.start())}…)"))
        if "link-text-is-title" in styles and catalogue is not None:
            findings += link_title_findings(doc, number, raw, catalogue)
    return findings


def half_width_punctuation(text: str) -> list[int]:
    """Positions of half-width punctuation that belongs to Chinese text: a
    comma, question or exclamation mark, semicolon or bracket beside a Han
    character; a full stop or colon after one (8:00, 1.5 and file.md are
    not sentence marks)."""
    def han(index: int) -> bool:
        return 0 <= index < len(text) and bool(HAN_CHAR.match(text[index]))
    positions = []
    for index, char in enumerate(text):
        if char not in HALF_WIDTH:
            continue
        after = text[index + 1] if index + 1 < len(text) else ""
        if char in ",?!;()" and (han(index - 1) or han(index + 1)):
            positions.append(index)
        elif char in ".:" and han(index - 1) and not (after and (after.isalnum() or after in "/.:")):
            positions.append(index)
    return positions


def raw_context(text: str, position: int, width: int = 8) -> str:
    return text[max(0, position - width):position + width].replace(MASK, "")


def link_title_findings(doc: Document, number: int, raw: str, catalogue) -> list[Finding]:
    findings = []
    for link in ARTICLE_LINK.finditer(raw):
        target_rel = posixpath.normpath(posixpath.join(posixpath.dirname(doc.rel_without_lang()),
                                                       link.group("target")))
        target = catalogue.get(target_rel[: -len(".md")], doc.lang)
        if target is None or target.kind != "article":
            continue
        title = str(target.meta.get("title", ""))
        if link.group("text").strip() != title:
            findings.append(Finding(doc.path, number, "STYLE-LINK-TITLE",
                                    f"the link to {target_rel} reads '{link.group('text')}': write its title, "
                                    f"[{title}]({link.group('target')})"))
    return findings
