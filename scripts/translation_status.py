#!/usr/bin/env python3
"""Translation status of every page: missing in one language, structurally
different, or out of date.

    python scripts/translation_status.py [--docs-dir DIR] [--report FILE]
    python scripts/translation_status.py --mark-reviewed docs/account/register.en.md [...]

Out of date: after a pair was marked reviewed, the side whose text changed
makes the other side out of date; a pair never marked is judged by git (the
side changed later, committed or not, makes the other out of date). Marking
writes `translation_reviewed: <zh>/<en>` into the English file; do it once
both versions say the same.

Prints `path:line: RULE-ID message` per finding and a summary; --report
writes the same as Markdown for a pull request.
Exit codes: 0 in sync, 1 findings, 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpcentre.cli import parser_for  # noqa: E402
from helpcentre.contact_links import new_markdown  # noqa: E402
from helpcentre.content import LANGUAGES, Catalogue, Document  # noqa: E402
from helpcentre.findings import Finding, format_findings  # noqa: E402
from helpcentre.history import last_changes  # noqa: E402
from helpcentre.translation import (  # noqa: E402
    compare_structure, freshness, review_mark, structure_of, with_review_mark,
)


def pairs(catalogue: Catalogue) -> dict[str, dict[str, Document]]:
    grouped: dict[str, dict[str, Document]] = {}
    for doc in catalogue.documents:
        grouped.setdefault(doc.stem, {})[doc.lang] = doc
    return dict(sorted(grouped.items()))


def check_pairs(docs_dir: Path, root: Path, use_git: bool = True) -> tuple[list[Finding], int, bool]:
    """(findings, pages checked, whether git history was available)."""
    catalogue = Catalogue.load(docs_dir, root)
    changes = last_changes(root, docs_dir.resolve().relative_to(root.resolve()).as_posix(),
                           include_uncommitted=True) if use_git else {}
    md = new_markdown()
    findings: list[Finding] = []
    grouped = pairs(catalogue)
    for versions in grouped.values():
        if len(versions) < len(LANGUAGES):
            present = next(iter(versions.values()))
            missing = [lang for lang in LANGUAGES if lang not in versions]
            findings += [Finding(present.path, 1, "TRANSLATION-MISSING",
                                 f"there is no {lang} version: create "
                                 f"{present.path[: -len(f'.{present.lang}.md')]}.{lang}.md") for lang in missing]
            continue
        texts = {lang: (docs_dir / doc.rel).read_text(encoding="utf-8") for lang, doc in versions.items()}
        paths = {lang: doc.path for lang, doc in versions.items()}
        findings += compare_structure(paths["zh"], structure_of(texts["zh"], md),
                                      paths["en"], structure_of(texts["en"], md), "zh")
        findings += freshness(paths, texts, {lang: doc.front for lang, doc in versions.items()},
                              {lang: changes.get((root / doc.path).resolve()) for lang, doc in versions.items()})
    return findings, len(grouped), bool(changes)


def mark_reviewed(paths: list[Path], docs_dir: Path) -> list[str]:
    """Write the review mark for the pair of each path; return what was done."""
    done = []
    for path in paths:
        stem, lang = path.name.rsplit(".", 2)[0], path.name.rsplit(".", 2)[1]
        files = {other: path.with_name(f"{stem}.{other}.md") for other in LANGUAGES}
        if lang not in LANGUAGES or not all(f.is_file() for f in files.values()):
            raise ValueError(f"{path} is not one of a pair of .zh.md and .en.md files")
        texts = {other: f.read_text(encoding="utf-8") for other, f in files.items()}
        mark = review_mark(texts["zh"], texts["en"])
        files["en"].write_text(with_review_mark(texts["en"], mark), encoding="utf-8")
        done.append(f"marked {files['en']} reviewed against {files['zh']} ({mark})")
    return done


def markdown_report(findings: list[Finding], pages: int) -> str:
    lines = ["## Translation status", ""]
    if not findings:
        return "\n".join(lines + [f"All {pages} pages exist in both languages, correspond and are up to date.", ""])
    lines += [f"{len(findings)} problem(s) in {pages} pages.", "", "| File | Line | Rule | What to do |",
              "|---|---|---|---|"]
    escaped_bar = "\\|"
    lines += [f"| `{f.path}` | {f.line} | {f.rule} | {f.message.replace('|', escaped_bar)} |" for f in sorted(findings)]
    return "\n".join(lines + [""])


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--report", type=Path, help="also write a Markdown report to this file")
    parser.add_argument("--mark-reviewed", nargs="+", type=Path, metavar="PATH",
                        help="mark these pages' translations as reviewed")
    parser.add_argument("--no-git", action="store_true", help="judge freshness by review marks only")
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        print(f"error: {args.docs_dir} is not a folder", file=sys.stderr)
        return 2
    if args.mark_reviewed:
        try:
            print("\n".join(mark_reviewed(args.mark_reviewed, args.docs_dir)))
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        return 0
    findings, pages, had_history = check_pairs(args.docs_dir, Path.cwd(), use_git=not args.no_git)
    if findings:
        print(format_findings(findings))
    note = "" if had_history or args.no_git else " (no git history here: freshness judged by review marks only)"
    print(f"{'OK: ' if not findings else ''}{pages} pages, {len(findings)} translation problem(s){note}.")
    if args.report:
        args.report.write_text(markdown_report(findings, pages), encoding="utf-8")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
