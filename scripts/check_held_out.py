#!/usr/bin/env python3
"""Check that the search suite's held-out set stays held out: no keyword,
search-terms correction or jieba word copies a held-out query, no held-out
query was tuned on, and no held-out answer changed without a recorded reason
(scripts/helpcentre_tools/held_out.py says how each is decided).

    python scripts/check_held_out.py [--config-file mkdocs.yml] [--docs-dir DIR]
                                     [--queries tests/search_queries.yaml]
                                     [--guard tests/search_held_out.yaml] [--freeze]

--freeze adds every held-out query that is not frozen yet to the guard file,
with the pages it expects now: run it once, after writing new held-out
queries blind and before looking at what search returns for them.

Prints `path:line: RULE-ID message` per problem, then a summary.
Exit codes: 0 clean, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from helpcentre.cli import UsageError, parser_for, project_of, report, run
from helpcentre.findings import display_path
from helpcentre_tools.held_out import check, correction_phrases, freeze, jieba_phrases, keyword_phrases, load_guard
from helpcentre_tools.search_suite import SuiteError, load_queries


def phrases_of(project) -> list:
    """Every keyword of the written pages, every correction's typed side and
    every word of the search plugin's jieba dictionary."""
    site = project.site()
    phrases = [phrase for doc in site.catalogue.documents if doc.source is None
               for phrase in keyword_phrases(doc.path, doc.text)]
    for lang in site.languages:
        if lang.code in site.search_terms:
            path = display_path(project.docs_dir / lang.search_terms, project.root)
            phrases += correction_phrases(path, site.search_terms[lang.code].corrections)
    search = project.config.plugins.get("material/search") or project.config.plugins.get("search")
    user_dict = getattr(search.config, "jieba_dict_user", None) if search else None
    if user_dict:
        path = Path(user_dict) if Path(user_dict).is_absolute() else project.root / user_dict
        if path.is_file():
            phrases += jieba_phrases(display_path(path, project.root), path.read_text(encoding="utf-8"))
    return phrases


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--queries", type=Path, default=Path("tests/search_queries.yaml"))
    parser.add_argument("--guard", type=Path, default=Path("tests/search_held_out.yaml"))
    parser.add_argument("--freeze", action="store_true", help="freeze the held-out queries not frozen yet")
    args = parser.parse_args(argv)

    def run_check() -> int:
        if not args.queries.is_file():
            raise UsageError(f"{args.queries} not found")
        try:
            queries = load_queries(args.queries)
        except SuiteError as error:
            raise UsageError(str(error)) from error
        project = project_of(args)
        guard, problems = load_guard(args.guard, display_path(args.guard, project.root))
        if args.freeze:
            text = args.guard.read_text(encoding="utf-8") if args.guard.is_file() else ""
            text, added = freeze(queries, guard, text)
            args.guard.write_text(text, encoding="utf-8")
            print(f"froze {added} held-out queries in {args.guard}")
            guard, problems = load_guard(args.guard, display_path(args.guard, project.root))
        suite = display_path(args.queries, project.root)
        phrases = phrases_of(project)
        files_read = len({phrase.path for phrase in phrases}) + 2  # and the suite and the guard
        return report(problems + check(queries, phrases, guard, suite), files_read)

    return run(run_check)


if __name__ == "__main__":
    sys.exit(main())
