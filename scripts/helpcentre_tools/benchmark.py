"""Pieces the benchmark scripts share: a scratch copy of the project with
generated articles, a timed build, and measurements of the built site."""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from helpcentre_tools import site_languages
from helpcentre_tools.generate import generate_articles

ROOT = Path(__file__).resolve().parents[2]
PROJECT_FILES = ("mkdocs.yml",)
PROJECT_FOLDERS = ("overrides", "scripts", "docs")


def copy_project(destination: Path, articles: int = 0) -> Path:
    """The project in `destination`, with `articles` generated per language."""
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, destination / name)
    for folder in PROJECT_FOLDERS:
        shutil.copytree(ROOT / folder, destination / folder, ignore=shutil.ignore_patterns("__pycache__"))
    if articles:
        generate_articles(destination / "docs", articles, source_docs=ROOT / "docs")
    return destination


@dataclass
class BuildRun:
    seconds: float
    peak_rss_mb: float


def build_site(project: Path) -> BuildRun:
    """A strict build of `project` into project/site, timed, with the peak
    memory of the build process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "properdocs", "build", "--config-file", "mkdocs.yml", "--strict", "--quiet", "--site-dir", "site"],
                   cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return BuildRun(round(seconds, 1), round(max(peak, before) / 1024, 0))


def gzipped(path: Path) -> int:
    """Bytes a static host sends for a file, gzipped."""
    return len(gzip.compress(path.read_bytes(), 6))


def index_sizes(site: Path) -> dict[str, dict[str, int]]:
    """Each language's search files (the split index): every file together,
    raw and gzipped one by one as a host sends them, the manifest alone, and
    the number of documents."""
    sizes = {}
    for language in site_languages(site.parent / "mkdocs.yml"):
        folder = site / language.prefix / "search"
        files = [path for path in folder.rglob("*") if path.is_file()]
        manifest = folder / "search_index.json"
        index = json.loads(manifest.read_bytes())
        documents = index.get("docs") or []
        prepare = index["config"].get("hc", {}).get("prepare")
        count = json.loads((folder / prepare).read_bytes())["documents"] if prepare else len(documents)
        sizes[language.code] = {"raw": sum(path.stat().st_size for path in files),
                                "gzip": sum(gzipped(path) for path in files),
                                "manifest_gzip": gzipped(manifest), "docs": count, "files": len(files)}
    return sizes


def page_sizes(site: Path) -> dict[str, object]:
    pages = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")]
    sizes = sorted(size for size, _ in pages)
    largest = max(pages)
    return {"pages": len(pages), "median_html": int(statistics.median(sizes)),
            "largest_html": largest[0], "largest_page": largest[1],
            "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file())}
