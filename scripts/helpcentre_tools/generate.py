"""Realistic generated articles for benchmarks: both languages, the real
front matter, headings with ids, numbered steps, checklists that end in a
contact link, and text recombined from the real articles (so the vocabulary
and the length of the text look like the help centre's own)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from helpcentre.content import Catalogue
from helpcentre.languages import Languages
from helpcentre_tools import site_languages

CATEGORIES = ("account", "payments", "security", "withdrawals", "support")
TYPES = ("troubleshooting", "how-to", "reference")
LINE_KINDS = re.compile(r"^\s*(?:\d+\.|[-*])\s+(.*)$")
CHECKLIST_TITLE = {"zh": "逐项排查", "en": "Work through this checklist"}
CONTACT_STEP = {"zh": "仍未解决？请联系[{{ channels.chat.name }}](../contact.md#chat)，并说明你已经试过的步骤。",
                "en": "Still stuck? Contact [{{ channels.chat.name }}](../contact.md#chat) and tell us what you have tried."}
HEADINGS = {"zh": ["先检查这些", "操作步骤", "常见原因", "下一步", "注意事项"],
            "en": ["Check these first", "Steps", "Common causes", "What to do next", "Good to know"]}
TITLE_FORMAT = {"zh": "{title}（{number}）", "en": "{title} {number}"}
SENTENCE_END = {"zh": "。", "en": "."}


@dataclass
class SentencePool:
    paragraphs: list[str]
    steps: list[str]
    titles: list[str]
    keywords: list[str]


def written_languages(languages: Languages) -> list[str]:
    """The languages writers write; converted ones are made at build time."""
    return [lang.code for lang in languages if not lang.convert_from]


def sentence_pools(docs_dir: Path, languages: Languages) -> dict[str, SentencePool]:
    """Paragraphs, list items, titles and keywords of the real articles."""
    pools = {lang: SentencePool([], [], [], []) for lang in written_languages(languages)}
    for doc in Catalogue.load(docs_dir, languages).documents:
        if doc.kind != "article" or doc.lang not in pools:
            continue
        pool = pools[doc.lang]
        pool.titles.append(str(doc.meta["title"]))
        pool.keywords += [str(k) for k in doc.meta.get("keywords", [])]
        for line in doc.body.split("\n"):
            text = line.strip()
            # Block shortcodes and links to this page's own headings only make sense where they stand.
            if not text or text.startswith(("#", "!!!", "???", "[", "|", "<", "```", "{{")) or "](#" in text:
                continue
            item = LINE_KINDS.match(line)
            (pool.steps if item else pool.paragraphs).append(item.group(1) if item else text)
    return pools


def article(pool: SentencePool, lang: str, number: int, article_type: str, rng: random.Random) -> str:
    title = TITLE_FORMAT[lang].format(title=rng.choice(pool.titles), number=number)
    description = rng.choice(pool.paragraphs).split("。")[0].split(". ")[0].rstrip("。.") + SENTENCE_END[lang]
    keywords = ", ".join(dict.fromkeys(rng.sample(pool.keywords, 5)))
    lines = ["---", f"title: \"{title}\"", f"description: \"{description.replace(chr(34), '')}\"",
             f"type: {article_type}", f"id: {number}", f"order: {number}", f"keywords: [{keywords}]", "---", "",
             rng.choice(pool.paragraphs), ""]
    for section, heading in enumerate(rng.sample(HEADINGS[lang], 3), start=1):
        lines += [f"## {heading} {{#section-{section}}}", "", rng.choice(pool.paragraphs), ""]
        lines += [f"{step}. {rng.choice(pool.steps)}" for step in range(1, rng.randint(3, 6))] + [""]
    if article_type == "troubleshooting":
        lines += [f'!!! checklist "{CHECKLIST_TITLE[lang]}"', ""]
        lines += [f"    {step}. {rng.choice(pool.steps)}" for step in range(1, 4)]
        lines += [f"    4. {CONTACT_STEP[lang]}", ""]
    return "\n".join(lines)


def generate_articles(docs_dir: Path, count: int, seed: int = 7, source_docs: Path | None = None,
                      languages: Languages | None = None) -> list[Path]:
    """Write `count` generated articles per language into the categories of
    `docs_dir`; return the files written."""
    languages = languages or site_languages()
    pools = sentence_pools(source_docs or docs_dir, languages)
    written = []
    for number in range(1, count + 1):
        category = CATEGORIES[number % len(CATEGORIES)]
        article_type = TYPES[number % len(TYPES)]
        for lang in written_languages(languages):
            rng = random.Random(f"{seed}-{number}-{lang}")
            path = docs_dir / category / f"generated-{number:05d}.{lang}.md"
            path.write_text(article(pools[lang], lang, 1000 + number, article_type, rng), encoding="utf-8")
            written.append(path)
    return written
