"""Python-Markdown's `abbr`, for text without spaces between words.

`abbr` finds a term only between word boundaries (\\b), and Chinese has no
boundary between two characters: 交易编号 in 查看交易编号。 was never found.
Here a term needs a boundary only on a side that is a Latin letter or digit
(so `ID` is not found inside `IDs` or `PAID`, and 交易编号 is found anywhere).
Everything else is the standard extension: `*[term]: definition` lines and
its `glossary` option. In mkdocs.yml: `markdown_extensions: [helpcentre.abbreviations]`.
"""

from __future__ import annotations

import re

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

LATIN = re.compile(r"[A-Za-z0-9_]")


def term_pattern(term: str) -> str:
    before = r"(?<![A-Za-z0-9_])" if LATIN.match(term[0]) else ""
    after = r"(?![A-Za-z0-9_])" if LATIN.match(term[-1]) else ""
    return before + re.escape(term) + after


class SpacelessAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(term_pattern(term) for term in terms))
        self.iter_element(root)
        return None


class SpacelessAbbrExtension(AbbrExtension):
    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        # The same name: it takes the place of abbr's own treeprocessor.
        md.treeprocessors.register(SpacelessAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return SpacelessAbbrExtension(**kwargs)
