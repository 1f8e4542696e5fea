"""The one fence-aware reader of Markdown source lines that every rule uses:
which lines are fenced code and which are inside an HTML comment, with
their line numbers in the file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FENCE_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class SourceLine:
    number: int  # in the file
    text: str
    in_code: bool  # a fenced code block, its fence lines included
    in_comment: bool  # a multi-line HTML comment, its first and last lines included

    @property
    def is_prose(self) -> bool:
        return not self.in_code and not self.in_comment


def source_lines(lines: list[str], first_line: int = 1) -> Iterator[SourceLine]:
    """A closing fence is the opening's character, at least as long, alone on
    its line (as pymdownx.superfences reads it)."""
    fence, in_comment = None, False
    for number, line in enumerate(lines, start=first_line):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            yield SourceLine(number, line, True, False)
            continue
        if in_comment:
            in_comment = "-->" not in line
            yield SourceLine(number, line, False, True)
            continue
        opened = FENCE_OPEN.match(line)
        if opened:
            fence = opened.group("fence")
            yield SourceLine(number, line, True, False)
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
            yield SourceLine(number, line, False, True)
            continue
        yield SourceLine(number, line, False, False)


def prose_lines(lines: list[str], first_line: int = 1) -> Iterator[SourceLine]:
    return (line for line in source_lines(lines, first_line) if line.is_prose)
