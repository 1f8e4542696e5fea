"""Content can't carry code: articles are Markdown, and raw HTML that runs
script (script, iframe, object, embed, on* handlers, javascript: URLs) is
refused, whoever wrote it. Code spans and fenced code are text, not HTML,
and may show such markup."""

from __future__ import annotations

import re

from helpcentre.findings import Finding
from helpcentre.lines import source_lines

CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
RULES = (
    ("HTML-SCRIPT", re.compile(r"<\s*script\b", re.I), "a <script> element"),
    ("HTML-FRAME", re.compile(r"<\s*i?frame\b", re.I), "an <iframe>"),
    ("HTML-OBJECT", re.compile(r"<\s*(?:object|embed|applet)\b", re.I), "an <object>/<embed> element"),
    ("HTML-EVENT", re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an event-handler attribute (onclick=, onerror= ...)"),
    # Only where a URL stands: a Markdown link or reference, an autolink, an attribute.
    ("URL-SCRIPT", re.compile(r"(?:\]\(\s*<?|\]:\s*<?|<|\b(?:href|src|action|formaction|data)\s*=\s*[\"']?)"
                              r"\s*(?:javascript\s*:|vbscript\s*:|data\s*:\s*text/html)", re.I),
     "a javascript:, vbscript: or data:text/html URL"),
)


def check_unsafe_html(path: str, text: str) -> list[Finding]:
    """Every line of the file outside fenced code, front matter included."""
    findings = []
    for line in source_lines(text.split("\n")):
        if line.in_code:
            continue
        visible = CODE_SPAN.sub("", line.text)
        for rule, pattern, what in RULES:
            if pattern.search(visible):
                findings.append(Finding(path, line.number, rule,
                                        f"{what} is not allowed in an article: content can't carry code. "
                                        "Describe the step in words, or show markup inside `code`"))
    return findings
