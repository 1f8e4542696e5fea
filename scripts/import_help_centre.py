#!/usr/bin/env python3
"""Import a hosted help centre's export into this project's layout.

    python scripts/import_help_centre.py --source zendesk --export FOLDER
        [--mapping zendesk-import.yml] [--drafts] [--config-file mkdocs.yml]

(`make import SOURCE=zendesk EXPORT=FOLDER`.) Reads a Zendesk Guide export
(scripts/zendesk_export.py saves one; README, "Moving from Zendesk") and
writes one Markdown file per article and language into docs/, a category per
section, inline images downloaded into docs/assets/imported/ (named by their
content), links between articles rewritten, and the old addresses in
docs/imported-addresses.yml. The mapping file says how locales, sections and
labels map; without one, locales follow the site's languages and each
section becomes a category named after it. Safe to run twice.

Prints a report: what was imported, the findings (`path:line: RULE-ID
message`, each saying what to do) and the next steps.
Exit codes: 0 imported with nothing to fix, 1 imported with findings,
2 usage error or an export that cannot be read (the message names the file).
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from helpcentre.checks import check_site
from helpcentre.cli import UsageError, load_project, run
from helpcentre.findings import format_findings
from helpcentre.importers import writing, zendesk
from helpcentre.llms_txt import registry_strings
from translation_status import check_translations

SOURCES = ("zendesk",)
DOWNLOAD_TIMEOUT = 30


def download(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT) as response:
            return response.read()
    except (urllib.error.URLError, OSError, ValueError):
        return None


def site_findings(project, planned) -> list:
    """What `make check` will say about the imported pages, so the report is
    the whole list to fix: the content rules (contact details, links,
    style, troubleshooting checklists) and the translations' structure and
    freshness. A hand-typed detail the importer already explained is not
    repeated."""
    paths = {f"docs/{path}" for path in planned.files}
    explained = {(f.path, f.line, f.rule) for f in planned.findings}
    repeats = {"CONTACT-": "IMPORT-CONTACT", "LINK-ABSOLUTE": "IMPORT-LINK", "CONTACT-HOST": "IMPORT-LINK"}

    def said_already(finding) -> bool:
        return any(finding.rule.startswith(rule) and (finding.path, finding.line, ours) in explained
                   for rule, ours in repeats.items())

    found = check_site(project.site()) + check_translations(project, use_git=False)[0]
    return [f for f in found if f.path in paths and not said_already(f)]


def report(counts: dict, written: writing.Written, images_new: int, findings, mapping_path: Path) -> str:
    lines = ["Imported:",
             f"  articles {counts['articles']} ({counts['drafts skipped']} drafts skipped; --drafts imports them)",
             f"  files: {len(written.created)} created, {len(written.updated)} updated, "
             f"{len(written.unchanged)} unchanged, {len(written.kept)} kept (edited here)",
             f"  images and attachments: {counts['images']} ({images_new} new in docs/{zendesk.IMAGE_FOLDER}/)",
             f"  links between articles rewritten: {counts['links rewritten']}"]
    if findings:
        lines += ["", f"Findings ({len(findings)}): fix each as it says, then run make check:", format_findings(findings)]
    lines += ["", "Next:",
              f"  1. Check {mapping_path.name}: sections -> categories, labels -> types (troubleshooting articles "
              "need a checklist that ends in a contact link).",
              "  2. Run make check and fix what it reports (contact details, links, translations).",
              "  3. make serve to read the imported pages; make build when make check is clean."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", required=True, choices=SOURCES)
    parser.add_argument("--export", required=True, type=Path, help="the export folder")
    parser.add_argument("--mapping", type=Path, default=Path("zendesk-import.yml"),
                        help="locales, sections and types (default: zendesk-import.yml)")
    parser.add_argument("--drafts", action="store_true", help="import drafts too")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)

    def import_export() -> int:
        project = load_project(args.config_file)
        languages = [project.languages.default, *project.languages.others]
        try:
            export = zendesk.read_export(args.export)
            mapping = zendesk.Mapping.load(args.mapping, zendesk.default_locales(languages))
            site = project.site()
            categories = {doc.category for doc in site.catalogue.documents if doc.kind == "category"}
            channels = {channel: registry_strings(data)
                        for channel, data in (site.registry.data.get("channels") or {}).items()} \
                if site.registry else {}
            planned = zendesk.plan_import(export, mapping, languages, categories, download, channels, args.drafts)
        except zendesk.ExportError as error:
            raise UsageError(f"{args.export}/{error}") from error
        docs = project.docs_dir
        written = writing.write_files(docs, planned.files, mapping.imported)
        images_new = writing.write_images(docs, planned.images)
        addresses_file = docs / project.settings.addresses.imported
        before = {}
        if addresses_file.is_file():
            before = yaml.safe_load(addresses_file.read_text(encoding="utf-8")) or {}
        writing.write_if_changed(addresses_file, writing.imported_addresses_text(planned.old_addresses, before))
        writing.write_if_changed(args.mapping, mapping.text())
        findings = sorted(set(planned.findings + written.findings + site_findings(project, planned)))
        print(report(planned.counts, written, images_new, findings, args.mapping))
        return 1 if findings else 0

    return run(import_export)


if __name__ == "__main__":
    sys.exit(main())
