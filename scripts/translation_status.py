#!/usr/bin/env python3
"""Translation status of every page, for every language against the default
one: missing, structurally different, or out of date; for a language that is
converted at build time (Traditional Chinese from Simplified), which pages
are converted and which are written by hand and reviewed.

    python scripts/translation_status.py [--config-file mkdocs.yml] [--docs-dir DIR] [--report FILE]
    python scripts/translation_status.py --mark-reviewed docs/account/register.en.md [...]

Out of date: after a translation was marked reviewed, the side whose text
changed makes the other side out of date; a pair never marked is judged by
git (the side changed later, committed or not, makes the other out of date).
Marking writes `translation_reviewed: <source>/<translation>` into the
translation; do it once it says the same as the default language's page.

Prints `path:line: RULE-ID message` per finding and a summary; --report
writes the same as Markdown for a pull request.
Exit codes: 0 in sync, 1 findings, 2 usage error.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from helpcentre.cli import Project, UsageError, parser_for, project_of, run
from helpcentre.content import Document
from helpcentre.findings import Finding, display_path, format_findings
from helpcentre.history import last_changes
from helpcentre.site import Site
from helpcentre.translation import Side, compare_structure, freshness, review_mark, structure_of, with_review_mark


def versions_by_page(site: Site) -> dict[str, dict[str, Document]]:
    grouped: dict[str, dict[str, Document]] = {}
    for doc in site.catalogue.documents:
        grouped.setdefault(doc.stem, {})[doc.lang] = doc
    return dict(sorted(grouped.items()))


@dataclass(frozen=True)
class Conversion:
    """A page of a converted language: converted at build time, or written by hand (and reviewed)."""

    lang: str
    path: str  # the page's file, written or not
    source: str
    converted: bool

    def __str__(self) -> str:
        state = "converted" if self.converted else "reviewed "
        return f"{self.lang} {state} {self.path} (from {self.source})"


def conversions(project: Project, site: Site) -> list[Conversion]:
    converted_languages = {lang.code for lang in project.languages.converted}
    found = []
    for doc in site.catalogue.documents:
        if doc.lang not in converted_languages:
            continue
        source = doc.source or site.catalogue.get(doc.stem, project.languages.get(doc.lang).convert_from)
        path = display_path(project.docs_dir / doc.rel, project.root) if doc.source else doc.path
        found.append(Conversion(doc.lang, path, source.path if source else "?", doc.source is not None))
    return sorted(found, key=lambda c: (c.lang, c.path))


def check_translations(project: Project, use_git: bool = True) -> tuple[list[Finding], int, bool]:
    """(findings, pages checked, whether git history was available)."""
    site = project.site()
    languages = project.languages
    changes = last_changes(project.root, project.docs_dir.resolve().relative_to(project.root.resolve()).as_posix(),
                           include_uncommitted=True) if use_git else {}
    findings: list[Finding] = []
    grouped = versions_by_page(site)

    def side(doc: Document) -> Side:
        return Side(doc, languages.get(doc.lang).name, changes.get((project.root / doc.path).resolve()))

    for versions in grouped.values():
        present = versions.get(languages.default.code) or next(iter(versions.values()))
        for lang in languages:
            if lang.code not in versions:
                findings.append(Finding(present.path, 1, "TRANSLATION-MISSING",
                                        f"there is no {lang.name} version: create "
                                        f"{present.path[: -len(f'.{present.lang}.md')]}.{lang.code}.md"))
        source = versions.get(languages.default.code)
        if source is None:
            continue
        source_structure = structure_of(source, lambda: site.rendered(source), languages)
        for lang in languages.others:
            translation = versions.get(lang.code)
            if translation is None or translation.source is not None:
                continue  # missing (reported above), or converted from the source at build time
            findings += compare_structure(source.path, source_structure, translation.path,
                                          structure_of(translation, lambda: site.rendered(translation), languages),
                                          languages.default.name)
            findings += freshness(side(source), side(translation))
    return findings, len(grouped), bool(changes), conversions(project, site)


def mark_reviewed(paths: list[Path], project: Project) -> list[str]:
    """Write the review mark into each translation; return what was done."""
    languages, done = project.languages, []
    for path in paths:
        stem, _, lang = path.name[: -len(".md")].rpartition(".")
        source = path.with_name(f"{stem}.{languages.default.code}.md")
        if lang not in languages.codes or lang == languages.default.code or not path.is_file() \
                or not source.is_file():
            raise UsageError(f"{path} is not a translation beside a {languages.default.name} page "
                             f"({source.name}); mark the translation, not the source")
        texts = {"source": source.read_text(encoding="utf-8"), "translation": path.read_text(encoding="utf-8")}
        mark = review_mark(texts["source"], texts["translation"])
        path.write_text(with_review_mark(texts["translation"], mark), encoding="utf-8")
        done.append(f"marked {path} reviewed against {source} ({mark})")
    return done


def markdown_report(findings: list[Finding], pages: int, converted: list[Conversion]) -> str:
    lines = ["## Translation status", ""]
    if converted:
        lines += [f"Converted at build time: {sum(c.converted for c in converted)}; written by hand and reviewed: "
                  f"{sum(not c.converted for c in converted)}.", ""]
    if not findings:
        return "\n".join(lines + [f"All {pages} pages exist in every language, correspond and are up to date.", ""])
    lines += [f"{len(findings)} problem(s) in {pages} pages.", "", "| File | Line | Rule | What to do |",
              "|---|---|---|---|"]
    escaped_bar = "\\|"
    lines += [f"| `{f.path}` | {f.line} | {f.rule} | {f.message.replace('|', escaped_bar)} |" for f in sorted(findings)]
    return "\n".join(lines + [""])


def main(argv: list[str] | None = None) -> int:
    parser = parser_for(__doc__)
    parser.add_argument("--report", type=Path, help="also write a Markdown report to this file")
    parser.add_argument("--mark-reviewed", nargs="+", type=Path, metavar="PATH",
                        help="mark these translations as reviewed against the default language's page")
    parser.add_argument("--no-git", action="store_true", help="judge freshness by review marks only")
    args = parser.parse_args(argv)

    def status() -> int:
        project = project_of(args)
        if args.mark_reviewed:
            print("\n".join(mark_reviewed(args.mark_reviewed, project)))
            return 0
        findings, pages, had_history, converted = check_translations(project, use_git=not args.no_git)
        for conversion in converted:
            print(conversion)
        if findings:
            print(format_findings(findings))
        note = "" if had_history or args.no_git else " (no git history here: freshness judged by review marks only)"
        print(f"{'OK: ' if not findings else ''}{pages} pages, {len(findings)} translation problem(s){note}.")
        if args.report:
            args.report.write_text(markdown_report(findings, pages, converted), encoding="utf-8")
        return 1 if findings else 0

    return run(status)


if __name__ == "__main__":
    sys.exit(main())
