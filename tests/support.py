"""Helpers for tests: copy the project into tmp_path, build it, run the CLIs."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from helpcentre.cli import load_project

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# Screenshots and reports the browser tests leave for people to look at.
ARTIFACTS = ROOT / "test-artifacts"
ARTIFACTS.mkdir(exist_ok=True)
# The real site's configuration, as the plugin and the checks read it.
PROJECT = load_project(ROOT / "mkdocs.yml", root=ROOT)
LANGUAGES = PROJECT.languages
# The real docs' static files (the icon), so fixture sites look the same.
STATIC_DIRS = ("assets",)


# What a short link's or a redirect's page holds and a page never does (partials/hc-redirect.html).
REDIRECT_PAGE = 'http-equiv="refresh"'


def make_project(destination: Path, docs: Path | None = None, overlay: Path | None = None) -> Path:
    """A copy of the project (config, theme partials, scripts) with `docs` as docs/,
    then the files of `overlay` copied over it."""
    destination.mkdir(parents=True, exist_ok=True)
    for config in ("mkdocs.yml", ".markdownlint-cli2.yaml"):
        shutil.copy2(ROOT / config, destination / config)
    for folder in ("overrides", "scripts"):
        shutil.copytree(ROOT / folder, destination / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(docs or ROOT / "docs", destination / "docs")
    # Fixture sites use the real registry, policy values and glossary unless they bring their own.
    for data in ("registry.yml", "policy.yml", "glossary.yml"):
        if not (destination / "docs" / data).exists() and (ROOT / "docs" / data).exists():
            shutil.copy2(ROOT / "docs" / data, destination / "docs" / data)
    # ... the real conversion overrides (Traditional Chinese is converted from
    # Simplified) and search terms.
    for data in ("conversion", "search"):
        if not (destination / "docs" / data).exists():
            shutil.copytree(ROOT / "docs" / data, destination / "docs" / data)
    for folder in STATIC_DIRS:
        if not (destination / "docs" / folder).exists():
            shutil.copytree(ROOT / "docs" / folder, destination / "docs" / folder)
    if overlay is not None:
        shutil.copytree(overlay, destination / "docs", dirs_exist_ok=True)
    return destination


def environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def build(project: Path, site_dir: str = "site", core: str = "properdocs", **extra_env: str) -> subprocess.CompletedProcess:
    """A strict build on ProperDocs (what `make build` runs) or on MkDocs 1.6.1."""
    return subprocess.run(
        [sys.executable, "-m", core, "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", site_dir],
        cwd=project, capture_output=True, text=True, env={**environment(), **extra_env}, timeout=600,
    )


def run_script(project: Path, script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(project / "scripts" / script), *args],
        cwd=project, capture_output=True, text=True, env=environment(), timeout=600,
    )


def run_check(project: Path, script: str, *args: str) -> subprocess.CompletedProcess:
    """A command-line check's main() in this process, from `project`: what
    run_script does without starting Python again, so coverage and mutation
    testing see the code it runs. run_script stays the proof that each
    script runs as a program."""
    module = importlib.import_module(script.removesuffix(".py"))
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = module.main(list(args))
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess([script, *args], code, out.getvalue(), err.getvalue())


def findings_of(stdout: str) -> list[str]:
    """`path:line: RULE-ID` of every finding a check printed, sorted."""
    return sorted(" ".join(line.split(" ", 2)[:2]) for line in stdout.splitlines() if line.startswith("docs/"))


def require(reason: str | None) -> None:
    """A missing tool (Chromium, nginx) skips locally and fails in CI (CI=true)."""
    if reason:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"cannot run in CI: {reason}")
        pytest.skip(reason)


# --- personal data left in redacted text (test_redaction, test_insights_end_to_end) ---

SEPARATORS = re.compile(r"[\s\-‐-―−.,/_()（）－．，]")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def compact(text: str) -> str:
    """NFKC, and without the separators a number can be written with."""
    return SEPARATORS.sub("", nfkc(text))


def digit_windows(text: str, size: int = 6) -> set[str]:
    digits = re.sub(r"\D", "", nfkc(text))
    return {digits[i:i + size] for i in range(len(digits) - size + 1)}


def leaks(redacted: str, personal: list[str], keep: list[str] = ()) -> list[str]:
    """What is wrong with `redacted`: a personal substring that survives as
    written, with its separators moved, or as 6 digits in a row (unless those
    digits are part of something kept); or a kept substring that is gone."""
    problems = []
    red = nfkc(redacted)
    red_digits = re.findall(r"\d+", compact(red))
    kept_windows = set().union(*(digit_windows(compact(k)) for k in keep)) if keep else set()
    for item in personal:
        if item in redacted or nfkc(item) in red:
            problems.append(f"{item!r} survives")
        elif compact(item) and compact(item) in compact(red):
            problems.append(f"{item!r} survives with its separators changed")
        else:
            found = sorted(w for w in digit_windows(item) - kept_windows if any(w in run for run in red_digits))
            if found:
                problems.append(f"6+ digits of {item!r} survive: {found}")
    for item in keep:
        if nfkc(item) not in red:
            problems.append(f"{item!r} was lost")
    return problems
