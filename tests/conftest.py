from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import build, make_project


class BuiltSite:
    def __init__(self, root: Path):
        self.root = root

    def html(self, url_path: str) -> str:
        return (self.root / url_path / "index.html").read_text(encoding="utf-8")

    def search_index(self, lang: str = "zh") -> dict:
        prefix = "" if lang == "zh" else f"{lang}/"
        return json.loads((self.root / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))

    def files(self, *suffixes: str) -> list[Path]:
        return sorted(p for p in self.root.rglob("*") if p.is_file() and p.suffix in suffixes)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The real docs/, built once with the real configuration."""
    project = make_project(tmp_path_factory.mktemp("real-site"))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(project / "site")
