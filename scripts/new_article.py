#!/usr/bin/env python3
"""Create a new article in both languages from the template of its type.

    python scripts/new_article.py <category> <slug> --type troubleshooting|how-to|reference
                                  [--title-zh 标题] [--title-en Title] [--docs-dir docs]

Writes docs/<category>/<slug>.zh.md and .en.md from docs/templates/<type>.<lang>.md
with the front matter filled in (order: after the category's last article).
Navigation and the category page list the article by themselves.

Exit codes: 0 created, 2 usage error (unknown category or type, bad or
existing slug, missing template); nothing is written on an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from string import Template

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.content import ARTICLE_TYPES, LANGUAGES, SLUG_PATTERN, Catalogue  # noqa: E402

TEMPLATES = "templates"
DEFAULT_DESCRIPTION = {
    "zh": "用一句话说明这篇文章帮客户解决什么问题。",
    "en": "Say in one sentence what this article helps the customer do.",
}


class UsageError(Exception):
    pass


def default_titles(slug: str) -> dict[str, str]:
    words = slug.replace("-", " ")
    return {"en": words[:1].upper() + words[1:], "zh": f"（待写标题）{words}"}


def plan_article(docs_dir: Path, category: str, slug: str, article_type: str,
                 titles: dict[str, str]) -> dict[Path, str]:
    """The files to write and their text; raises UsageError on bad input."""
    catalogue = Catalogue.load(docs_dir)
    categories = sorted({doc.category for doc in catalogue.documents if doc.kind == "category"})
    if category not in categories:
        raise UsageError(f"unknown category '{category}'; use one of: {', '.join(categories)} "
                         f"(a category is a folder with index.zh.md and index.en.md)")
    if not SLUG_PATTERN.match(slug):
        raise UsageError(f"'{slug}' is not a valid slug: use lowercase letters, digits and single hyphens, "
                         f"e.g. card-declined")
    if article_type not in ARTICLE_TYPES:
        raise UsageError(f"unknown type '{article_type}'; use one of: {', '.join(ARTICLE_TYPES)}")
    orders = [doc.order for doc in catalogue.articles(category, LANGUAGES[0]) if doc.order != float("inf")]
    order = (int(max(orders, default=0)) // 10 + 1) * 10
    files = {}
    for lang in LANGUAGES:
        target = docs_dir / category / f"{slug}.{lang}.md"
        if target.exists():
            raise UsageError(f"{target} already exists; pick another slug, or edit that article")
        template = docs_dir / TEMPLATES / f"{article_type}.{lang}.md"
        if not template.is_file():
            raise UsageError(f"the template {template} is missing")
        files[target] = Template(template.read_text(encoding="utf-8")).substitute(
            title=_yaml_text(titles[lang]), description=_yaml_text(DEFAULT_DESCRIPTION[lang]),
            order=order, keywords="")
    return files


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("category")
    parser.add_argument("slug")
    parser.add_argument("--type", required=True, dest="article_type", help=" | ".join(ARTICLE_TYPES))
    parser.add_argument("--title-zh")
    parser.add_argument("--title-en")
    parser.add_argument("--docs-dir", type=Path, default=Path("docs"))
    args = parser.parse_args(argv)
    titles = default_titles(args.slug)
    titles.update({lang: title for lang, title in (("zh", args.title_zh), ("en", args.title_en)) if title})
    try:
        files = plan_article(args.docs_dir, args.category, args.slug, args.article_type, titles)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"created {path}")
    print("next: write both versions (titles, description, steps), add keywords customers would type,\n"
          "      add a query for it to tests/search_queries.yaml, then run make check.\n"
          "      Navigation and the category page pick the article up by themselves.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
