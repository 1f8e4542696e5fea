"""What only tests, benchmarks and reports use: Chromium through Playwright,
a static server, the offline model of the browser search, the article
generator and the benchmark plumbing. The build never imports this package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from helpcentre.cli import load_project
from helpcentre.languages import Languages

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=None)
def site_languages(config_file: Path = ROOT / "mkdocs.yml") -> Languages:
    """The languages of a site, from its configuration."""
    return load_project(config_file, root=config_file.parent).languages
