#!/usr/bin/env python3
"""Start a hand-written page of a converted language (Traditional Chinese)
from what the build would convert: the writer then reviews it and marks it.

    python scripts/convert_page.py docs/account/reset-password.zh.md [...] [--config-file mkdocs.yml]

Writes docs/account/reset-password.zh-Hant.md (for every language converted
from the page's language) with the build's conversion, overrides included.
From then on the build uses that file instead of converting, and
`python scripts/translation_status.py --mark-reviewed <file>` records the
review. Refuses to overwrite a file that exists.

Exit codes: 0 written, 2 usage error (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcentre.cli import UsageError, load_project, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="pages in the language others are converted from")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)

    def convert() -> int:
        project = load_project(args.config_file)
        site = project.site()
        planned = {}
        for path in args.paths:
            rel = path.resolve().relative_to(project.docs_dir.resolve()).as_posix() \
                if path.resolve().is_relative_to(project.docs_dir.resolve()) else None
            source = site.catalogue.by_rel(rel) if rel else None
            if source is None:
                raise UsageError(f"{path} is not a page under {project.docs_dir}")
            targets = [(code, converter) for code, converter in site.converters.items()
                       if converter.source == source.lang]
            if not targets:
                raise UsageError(f"no language is converted from {source.lang}: nothing to write for {path}")
            for code, converter in targets:
                target = path.with_name(f"{source.slug}.{code}.md")
                if target.exists():
                    raise UsageError(f"{target} exists already: it is the reviewed page; edit it")
                planned[target] = converter.markdown(source.text)
        for target, text in planned.items():
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}: review it, then run python scripts/translation_status.py --mark-reviewed {target}")
        return 0

    return run(convert)


if __name__ == "__main__":
    sys.exit(main())
