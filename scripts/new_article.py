#!/usr/bin/env python3
"""Create a new article in every written language from the template of its
type (a converted language, such as Traditional Chinese, follows by itself).

    python scripts/new_article.py <category> <slug> --type troubleshooting|how-to|reference
                                  [--title zh=标题 --title en=Title ...] [--config-file mkdocs.yml]

Writes docs/<category>/<slug>.<lang>.md for each of the site's languages from
docs/templates/<type>.<lang>.md, with the front matter filled in (id: the
next free one; order: after the category's last article). Navigation and the category page list
the article by themselves.

Exit codes: 0 created, 2 usage error (unknown category, type or language,
bad or existing slug, missing template); nothing is written on an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from string import Template

from helpcentre.addresses import article_id, load_published, short_link_id
from helpcentre.cli import UsageError, load_project, run
from helpcentre.content import ARTICLE_TYPES, SLUG_PATTERN, Catalogue
from helpcentre.languages import Languages


def next_article_id(catalogue: Catalogue, published_ids: set[int]) -> int:
    """One more than the highest id any article has or had: a removed
    article's short link may still be on the published list, and an id is
    never reused."""
    held = {article_id(doc) or 0 for doc in catalogue.documents if doc.kind == "article"}
    return max(held | published_ids, default=0) + 1


def plan_article(docs_dir: Path, languages: Languages, templates_dir: str, category: str, slug: str,
                 article_type: str, titles: dict[str, str], published_ids: set[int] = frozenset()) -> dict[Path, str]:
    """The files to write and their text; raises UsageError on bad input."""
    catalogue = Catalogue.load(docs_dir, languages, templates_dir)
    categories = sorted({doc.category for doc in catalogue.documents if doc.kind == "category"})
    if category not in categories:
        raise UsageError(f"unknown category '{category}'; use one of: {', '.join(categories)} "
                         f"(a category is a folder with an index page in every language)")
    if not SLUG_PATTERN.match(slug):
        raise UsageError(f"'{slug}' is not a valid slug: use lowercase letters, digits and single hyphens, "
                         f"e.g. card-declined")
    if article_type not in ARTICLE_TYPES:
        raise UsageError(f"unknown type '{article_type}'; use one of: {', '.join(ARTICLE_TYPES)}")
    unknown = sorted(set(titles) - set(languages.codes))
    if unknown:
        raise UsageError(f"--title for unknown language {', '.join(unknown)}; the site's languages are: "
                         f"{languages.described()}")
    orders = [doc.order for doc in catalogue.articles(category, languages.default.code) if doc.order != float("inf")]
    order = (int(max(orders, default=0)) // 10 + 1) * 10
    new_id = next_article_id(catalogue, set(published_ids))
    words = slug.replace("-", " ")
    files = {}
    for lang in (language.code for language in languages if not language.convert_from):
        target = docs_dir / category / f"{slug}.{lang}.md"
        if target.exists():
            raise UsageError(f"{target} already exists; pick another slug, or edit that article")
        template = docs_dir / templates_dir / f"{article_type}.{lang}.md"
        if not template.is_file():
            raise UsageError(f"the template {template} is missing")
        title = titles.get(lang) or words[:1].upper() + words[1:]
        files[target] = Template(template.read_text(encoding="utf-8")).substitute(
            title=_yaml_text(title), order=order, keywords="", id=new_id)
    return files


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_titles(values: list[str]) -> dict[str, str]:
    titles = {}
    for value in (part for value in values for part in value.split(";") if part.strip()):
        lang, sep, title = value.strip().partition("=")
        if not sep or not lang or not title.strip():
            raise UsageError(f"--title takes LANG=TITLE, e.g. --title en=\"Card declined\" (got {value!r})")
        titles[lang] = title.strip()
    return titles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("category")
    parser.add_argument("slug")
    parser.add_argument("--type", required=True, dest="article_type", help=" | ".join(ARTICLE_TYPES))
    parser.add_argument("--title", action="append", default=[], metavar="LANG=TITLE",
                        help="the title in one language; repeat for each, or join them with ';' "
                             "(default: the slug)")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)

    def create() -> int:
        project = load_project(args.config_file)
        published, _ = load_published(args.config_file.parent / project.settings.addresses.published, "")
        published_ids = {short_link_id(entry.url, project.languages) for entry in published} - {None}
        files = plan_article(project.docs_dir, project.languages, project.settings.templates_dir, args.category,
                             args.slug, args.article_type, parse_titles(args.title), published_ids)
        for path, text in files.items():
            path.write_text(text, encoding="utf-8")
            print(f"created {path}")
        print("next: write every language's version (titles, description, steps), add keywords customers\n"
              "      would type, add a query for it to tests/search_queries.yaml, then run make check.\n"
              "      Navigation and the category page pick the article up by themselves.")
        return 0

    return run(create)


if __name__ == "__main__":
    sys.exit(main())
