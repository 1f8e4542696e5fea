#!/usr/bin/env python3
"""Mutation testing as a measure of the suite (`make mutation`): mutmut
changes the code that enforces the mission and the registry one small edit
at a time, runs the tests that reach that code, and counts the edits no test
notices. Prints the score of each group of modules and the run time.

    python scripts/mutation.py [--group NAME ...] [--keep]

mutmut finds a package's name from its path only below ./ or src/; the
plugin lives in scripts/, so the run happens in a scratch copy of the
project (.mutation/) where scripts/ is src/. Tests that start another
program (marked `program`: a script, a build, a browser) are left out: a
mutant lives in this process only.

Equivalent mutants (an edit that changes nothing a caller can see) are
recorded with their reason in tests/mutation_equivalents.yaml and left out
of the score.

Exit codes: 0 every group met its target, 1 one did not, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRATCH = ROOT / ".mutation"
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.yaml"
COPIED = ("docs", "overrides", "tests", "mkdocs.yml", ".markdownlint-cli2.yaml", ".pre-commit-config.yaml",
          "package.json")
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


@dataclass(frozen=True)
class Group:
    name: str
    modules: tuple[str, ...]  # below scripts/
    tests: tuple[str, ...]
    target: float


GROUPS = (
    Group("contact links", ("helpcentre/contact_links.py",),
          ("tests/test_contact_links.py", "tests/test_contact_rules.py"), 0.85),
    Group("registry values", ("helpcentre/registry_values.py",),
          ("tests/test_registry_values.py", "tests/test_registry.py", "tests/test_registry_rules.py"), 0.85),
    Group("content checks", ("helpcentre/checks.py", "helpcentre/safety.py", "helpcentre/single_source.py",
                             "helpcentre/style.py"),
          ("tests/test_bad_input.py", "tests/test_content.py", "tests/test_content_rules.py"), 0.85),
    Group("shortcodes and policy", ("helpcentre/shortcodes.py", "helpcentre/policy.py"),
          ("tests/test_policy.py", "tests/test_shortcodes.py"), 0.75),
    Group("translation status", ("helpcentre/translation.py",),
          ("tests/test_translation_status.py", "tests/test_translation_rules.py"), 0.75),
    Group("search-query preparation", ("helpcentre_tools/query_preparation.py",),
          ("tests/test_query_preparation.py",), 0.75),
)


def prepare(groups: list[Group]) -> None:
    """The scratch project: the repository with scripts/ as src/ (mutated)
    and as scripts/ (copied into test projects as files), and mutmut's settings."""
    if SCRATCH.exists():
        shutil.rmtree(SCRATCH)
    SCRATCH.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, SCRATCH / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, SCRATCH / name)
    shutil.copytree(ROOT / "scripts", SCRATCH / "src", ignore=ignore)
    shutil.copytree(ROOT / "scripts", SCRATCH / "scripts", ignore=ignore)
    if (ROOT / "node_modules").exists():
        (SCRATCH / "node_modules").symlink_to(ROOT / "node_modules")
    tests = sorted({test for group in groups for test in group.tests if (ROOT / test).is_file()})
    settings = {
        "source_paths": ["src"],
        "only_mutate": [f"src/{module}" for group in groups for module in group.modules],
        "pytest_add_cli_args": ["-m", "not program", "-p", "no:cacheprovider"],
        "pytest_add_cli_args_test_selection": tests,
        "also_copy": [name for name in (*COPIED, "scripts", "node_modules") if (SCRATCH / name).exists()],
    }
    (SCRATCH / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\n"
        'testpaths = ["tests"]\npythonpath = ["tests", "src"]\naddopts = "--strict-markers"\n'
        f"markers = {json.dumps(pytest_markers())}\n\n"
        "[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items()),
        encoding="utf-8")


def pytest_markers() -> list[str]:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"][
        "markers"]


def statuses() -> dict[str, str]:
    """{mutant name: status} from mutmut's own results."""
    from mutmut.stats import status_by_exit_code

    found = {}
    for meta in (SCRATCH / "mutants").rglob("*.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            found[name] = status_by_exit_code[code]
    return found


def module_of(mutant: str) -> str:
    """helpcentre.contact_links.x_check__mutmut_3 -> helpcentre/contact_links.py"""
    return mutant.split(".x", 1)[0].split(".x\u01c1", 1)[0].replace(".", "/") + ".py"


def equivalents() -> dict[str, str]:
    if not EQUIVALENTS.is_file():
        return {}
    data = yaml.safe_load(EQUIVALENTS.read_text(encoding="utf-8")) or {}
    return {entry["mutant"]: entry["why"] for entry in data.get("equivalent") or []}


def score_lines(groups: list[Group], found: dict[str, str], known: dict[str, str]) -> tuple[list[str], bool]:
    lines, met = [], True
    for group in groups:
        names = [name for name in found if any(module_of(name).endswith(m) for m in group.modules)]
        counted = [name for name in names if name not in known]
        killed = [name for name in counted if found[name] in KILLED]
        survived = sorted(name for name in counted if found[name] not in KILLED)
        score = len(killed) / len(counted) if counted else 0.0
        met &= score >= group.target
        lines.append(f"{group.name:<26} {score:6.1%}  target {group.target:.0%}  {len(killed)} of {len(counted)} "
                     f"killed, {len(names) - len(counted)} equivalent  ({', '.join(group.modules)})")
        lines += [f"    survived ({found[name]}): {name}" for name in survived]
    return lines, met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--group", action="append", choices=[group.name for group in GROUPS],
                        help="only this group (repeatable; default: all)")
    parser.add_argument("--keep", action="store_true", help="keep .mutation/ to look at a mutant (mutmut show)")
    args = parser.parse_args(argv)
    groups = [group for group in GROUPS if not args.group or group.name in args.group]
    started = time.perf_counter()
    prepare(groups)
    run = subprocess.run([sys.executable, "-m", "mutmut", "run"], cwd=SCRATCH, capture_output=True, text=True)
    found = statuses()
    if not found:
        print(run.stdout[-3000:] + run.stderr[-3000:], file=sys.stderr)
        print("error: mutmut produced no results", file=sys.stderr)
        return 2
    lines, met = score_lines(groups, found, equivalents())
    print("\n".join(lines))
    print(f"{len(found)} mutants in {time.perf_counter() - started:.0f} s")
    if not args.keep:
        shutil.rmtree(SCRATCH)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
