"""Article HTML from a hosted help centre as this project's Markdown, with
markdownify (BeautifulSoup underneath):

- headings in ATX style, each with an explicit id (`## Steps {#steps}`),
  given by the caller so every language of an article has the same ids;
- lists with nested lists indented four spaces (Python-Markdown's rule);
- tables as GFM tables when they are simple (one header row, no spanning,
  no table or block inside a cell), else kept as HTML;
- code blocks fenced, inline code kept;
- callouts (`div.callout`, `div.note`, `div.warning`, `div.tip`) as
  admonitions;
- a line break inside Chinese text dropped instead of becoming a space
  (browsers show a space for it between Han characters);
- links and images through the caller's `link` and `image` functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from bs4 import BeautifulSoup, NavigableString, Tag
from markdownify import ATX, MarkdownConverter

WIDE = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
LINE_BREAK_BETWEEN_WIDE = re.compile(rf"(?<=[{WIDE}])[ \t]*\n\s*(?=[{WIDE}])")
CALLOUT_KINDS = {"warning": "warning", "danger": "danger", "caution": "warning", "tip": "tip", "note": "note",
                 "info": "info", "success": "success"}
BLOCKS_IN_CELL = ("table", "ul", "ol", "pre", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
ADMONITION_INDENT = "    "
LIST_INDENT = 4


@dataclass
class Conversion:
    """What the caller learns from one body."""

    markdown: str
    links: list[str] = field(default_factory=list)  # every href, as written
    images: list[str] = field(default_factory=list)  # every img src, as written


def simple_table(table: Tag) -> bool:
    rows = table.find_all("tr")
    if not rows or table.find("table") is not None:
        return False
    if any(cell.get("colspan", "1") != "1" or cell.get("rowspan", "1") != "1" for cell in table.find_all(["td", "th"])):
        return False
    if any(cell.find(BLOCKS_IN_CELL) is not None for cell in table.find_all(["td", "th"])):
        return False
    widths = {len(row.find_all(["td", "th"])) for row in rows}
    return len(widths) == 1


def callout_kind(element: Tag) -> str | None:
    classes = " ".join(element.get("class") or [])
    if element.name != "div" or not re.search(r"\b(callout|note|warning|tip|info|alert)\b", classes):
        return None
    return next((kind for word, kind in CALLOUT_KINDS.items() if word in classes), "note")


class HelpCentreConverter(MarkdownConverter):
    def __init__(self, heading_ids: list[str], link: Callable[[str], str], image: Callable[[str], str], **options):
        super().__init__(heading_style=ATX, bullets="-", escape_underscores=False, escape_asterisks=False,
                         table_infer_header=True, code_language="text", **options)
        self.heading_ids, self.heading_number, self.heading_shift = heading_ids, 0, 0
        self.link, self.image = link, image

    def convert_hN(self, n, el, text, parent_tags):
        # The page title is the <h1>: the body's first heading level becomes ##.
        heading = super().convert_hN(max(2, min(6, n - self.heading_shift)), el, text, parent_tags)
        if "_inline" in parent_tags or not heading.strip():
            return heading
        number, self.heading_number = self.heading_number, self.heading_number + 1
        slug = self.heading_ids[number] if number < len(self.heading_ids) else f"section-{number + 1}"
        return heading.rstrip("\n") + f" {{#{slug}}}\n\n"

    def convert_a(self, el, text, parent_tags):
        if el.get("href"):
            el["href"] = self.link(el["href"])
            el.attrs.pop("title", None)
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        if el.get("src"):
            el["src"] = self.image(el["src"])
        el.attrs.pop("title", None)
        return super().convert_img(el, text, parent_tags)

    def convert_li(self, el, text, parent_tags):
        item = super().convert_li(el, text, parent_tags)
        lines = item.split("\n")
        first, rest = lines[0], lines[1:]
        width = len(first) - len(first.lstrip()) + len(first.lstrip().split(" ", 1)[0]) + 1
        return "\n".join([first] + [(" " * (LIST_INDENT - width) + line) if line.strip() and width < LIST_INDENT
                                    else line for line in rest])

    def convert_div(self, el, text, parent_tags):
        kind = callout_kind(el)
        if kind is None:
            return text
        body = "\n".join(ADMONITION_INDENT + line if line.strip() else "" for line in text.strip().split("\n"))
        return f"\n\n!!! {kind}\n\n{body}\n\n"

    def convert_table(self, el, text, parent_tags):
        if simple_table(el):
            return super().convert_table(el, text, parent_tags)
        for node in el.find_all(["a", "img"]):
            if node.name == "a" and node.get("href"):
                node["href"] = self.link(node["href"])
            if node.name == "img" and node.get("src"):
                node["src"] = self.image(node["src"])
        for node in [el, *el.find_all(True)]:
            for attribute in [name for name in node.attrs if name not in ("href", "src", "alt", "colspan", "rowspan")]:
                del node[attribute]
        return "\n\n" + str(el) + "\n\n"


def heading_ids(html: str, slug: Callable[[str], str]) -> tuple[list[str], dict[str, str]]:
    """The ids the headings of a body get (from their text, `slug`, made
    unique), and {the id a heading had in the HTML: its new id}."""
    soup = BeautifulSoup(html or "", "html.parser")
    ids, renamed = [], {}
    for number, heading in enumerate(soup.find_all(re.compile(r"^h[1-6]$")), 1):
        base = slug(heading.get_text(" ", strip=True)) or f"section-{number}"
        candidate, count = base, 2
        while candidate in ids:
            candidate, count = f"{base}-{count}", count + 1
        ids.append(candidate)
        if heading.get("id"):
            renamed[heading["id"]] = candidate
        for anchor in heading.find_all("a", attrs={"name": True}):
            renamed[anchor["name"]] = candidate
    return ids, renamed


def old_heading_ids(html: str) -> list[str | None]:
    """The id (or `<a name>`) each heading has in the HTML, in order."""
    soup = BeautifulSoup(html or "", "html.parser")
    found = []
    for heading in soup.find_all(re.compile(r"^h[1-6]$")):
        anchor = heading.find("a", attrs={"name": True})
        found.append(heading.get("id") or (anchor["name"] if anchor else None))
    return found


def to_markdown(html: str, ids: list[str], link: Callable[[str], str], image: Callable[[str], str]) -> Conversion:
    soup = BeautifulSoup(html or "", "html.parser")
    links = [a["href"] for a in soup.find_all("a", href=True)]
    images = [img["src"] for img in soup.find_all("img", src=True)]
    for text in soup.find_all(string=True):
        if isinstance(text, NavigableString) and text.parent is not None and text.parent.name not in ("pre", "code"):
            joined = LINE_BREAK_BETWEEN_WIDE.sub("", str(text))
            if joined != str(text):
                text.replace_with(joined)
    converter = HelpCentreConverter(ids, link, image)
    levels = [int(heading.name[1]) for heading in soup.find_all(re.compile(r"^h[1-6]$"))]
    converter.heading_shift = min(levels) - 2 if levels else 0
    markdown = converter.convert_soup(soup)
    markdown = re.sub(r"[ \t]+$", lambda m: m.group(0) if m.group(0) == "  " else "", markdown, flags=re.M)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
    return Conversion(markdown, links, images)
