"""Let the browser paint before it runs any script: Material's bundle and
our scripts sit at the end of <body> but are parser-blocking, so a phone
on a slow network waits for 110 KB of JavaScript before the first paint.
`defer` keeps their order and runs them before DOMContentLoaded, which is
when Material's bundle expects to run anyway."""

from __future__ import annotations

import re

BODY_SCRIPT = re.compile(r'<script src="([^"]+\.js)"(?![^>]*\b(?:defer|async)\b)')


def deferred(html: str) -> str:
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return html[:head_end] + BODY_SCRIPT.sub(r'<script src="\1" defer', html[head_end:])


def on_post_page(output, page, config):
    return deferred(output)


def on_post_template(output, template_name, config):
    return deferred(output) if template_name == "404.html" else output
