"""Writing a planned import into docs/, safe to run twice: a file the
importer wrote last time and nobody edited since is updated; a file edited
since (its text no longer the one recorded in the mapping file's
`imported`) is kept, and a finding says so; an unchanged export changes
nothing. Nothing outside docs/ and the mapping file is written."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpcentre.findings import Finding

IMPORTED_ADDRESSES_HEADER = ("# Addresses of the help centre this one was imported from, and the page each is now\n"
                             "# (lang:category/slug). Written by scripts/import_help_centre.py; the build turns them\n"
                             "# into redirects (README, \"Moving from Zendesk\").\n")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Written:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited locally: not overwritten
    findings: list[Finding] = field(default_factory=list)


def write_files(docs_dir: Path, files: dict[str, str], imported: dict[str, str]) -> Written:
    """Write `files` (docs-relative path -> text); `imported` (path -> digest
    of what was written last time) is updated in place."""
    written = Written()
    for path, text in sorted(files.items()):
        target = docs_dir / path
        if target.is_file():
            current = target.read_text(encoding="utf-8")
            if current == text:
                written.unchanged.append(path)
                imported[path] = digest(text)
                continue
            if imported.get(path) == digest(text):
                written.kept.append(path)  # edited here, unchanged in the export: the edit stays, nothing to say
                continue
            if imported.get(path) != digest(current):
                written.kept.append(path)
                written.findings.append(Finding(f"docs/{path}", 1, "IMPORT-LOCAL-EDIT",
                                                "edited since the last import, and the export changed it too: kept "
                                                "as it is; bring over what changed in Zendesk by hand"))
                continue
            written.updated.append(path)
        else:
            written.created.append(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        imported[path] = digest(text)
    return written


def write_images(docs_dir: Path, images: dict[str, bytes]) -> int:
    """Images are named by their content: one written is never rewritten."""
    new = 0
    for path, data in images.items():
        target = docs_dir / path
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            new += 1
    return new


def imported_addresses_text(addresses: dict[str, str], before: dict[str, str]) -> str:
    """imported-addresses.yml: the old addresses of earlier imports kept, this one's added."""
    merged = {**before, **addresses}
    return IMPORTED_ADDRESSES_HEADER + yaml.safe_dump(dict(sorted(merged.items())), allow_unicode=True, width=200)


def write_if_changed(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
