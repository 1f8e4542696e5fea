"""Replay saves through the writers' preview, without a server, for the
tests: render every page, then apply each step (files written or removed,
as a writer saves them) the way the preview does, render whatever went
stale, and leave the served site in --site-dir.

    python -m helpcentre_tools.preview_replay --config-file mkdocs.yml --site-dir DIR --steps steps.json

steps.json: [{"write": {"docs/account/x.zh.md": "…"}, "remove": ["docs/…"]}, …]
Prints one JSON line per step: the pages rendered at once and the seconds it took.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from helpcentre.preview import Preview


def render_stale(preview: Preview) -> int:
    stale = preview.stale()
    for lang, dest in stale:
        preview.render(lang, dest)
    return len(stale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config-file", type=Path, required=True)
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--steps", type=Path, required=True)
    args = parser.parse_args(argv)
    root = args.config_file.resolve().parent
    preview = Preview(args.config_file.resolve(), args.site_dir.resolve())
    render_stale(preview)
    for step in json.loads(args.steps.read_text(encoding="utf-8")):
        paths = []
        for rel, text in step.get("write", {}).items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
            paths.append(str(root / rel))
        for rel in step.get("remove", []):
            (root / rel).unlink()
            paths.append(str(root / rel))
        started = time.perf_counter()
        rendered = preview.apply(paths)
        seconds = time.perf_counter() - started
        print(json.dumps({"rendered": rendered, "seconds": round(seconds, 3), "stale": render_stale(preview)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
