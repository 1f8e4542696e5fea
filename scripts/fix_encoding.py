#!/usr/bin/env python3
"""Re-save text files as UTF-8: the one-command fix for an `ENCODING` finding
(an article saved in GBK or Big5 by a Chinese Windows editor) and for a
byte-order mark.

    python scripts/fix_encoding.py FILE... [--from ENCODING] [--dry-run]

Without --from, each file's encoding is guessed (charset-normalizer). A file
that is UTF-8 already is left alone. Prints what it did to each file.
Exit codes: 0 done (or nothing to do), 1 a file could not be converted,
2 usage error.
"""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from helpcentre.content import UTF8_BOM, likely_encoding


def fix(path: Path, encoding: str | None, dry_run: bool) -> tuple[bool, str]:
    """(converted or fine, what happened)."""
    data = path.read_bytes()
    if data.startswith(UTF8_BOM):
        if not dry_run:
            path.write_bytes(data[len(UTF8_BOM):])
        return True, "byte-order mark removed"
    try:
        data.decode("utf-8")
        return True, "already UTF-8"
    except UnicodeDecodeError:
        pass
    source = encoding or likely_encoding(data)
    if source is None:
        return False, "encoding not recognised: give it with --from (gbk, big5 ...)"
    try:
        text = data.decode(source)
    except (UnicodeDecodeError, LookupError) as error:
        return False, f"cannot be read as {source} ({error}); give the right one with --from"
    if not dry_run:
        path.write_text(text, encoding="utf-8", newline="")
    return True, f"converted from {source} to UTF-8" + (" (dry run)" if dry_run else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--from", dest="encoding", help="the files' encoding, e.g. gbk or big5 (default: guessed)")
    parser.add_argument("--dry-run", action="store_true", help="say what would happen, change nothing")
    args = parser.parse_args(argv)
    if args.encoding:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            parser.error(f"unknown encoding {args.encoding!r}")
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        print(f"error: not a file: {', '.join(missing)}", file=sys.stderr)
        return 2
    status = 0
    for path in args.files:
        ok, what = fix(path, args.encoding, args.dry_run)
        print(f"{path}: {what}")
        status |= not ok
    return status


if __name__ == "__main__":
    sys.exit(main())
