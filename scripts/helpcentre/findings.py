"""One problem found in a file, printed as `path:line: RULE-ID message`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule} {self.message}"


def format_findings(findings: list[Finding]) -> str:
    return "\n".join(str(finding) for finding in sorted(findings))


def summary(findings: list[Finding], files_checked: int) -> str:
    if not findings:
        return f"OK: {files_checked} files checked, no problems found."
    files = len({finding.path for finding in findings})
    return f"{len(findings)} problem(s) in {files} file(s) ({files_checked} files checked)."


def display_path(file: Path, root: Path | None) -> str:
    """A path as messages show it: relative to `root` when it lies below it."""
    if root is not None:
        try:
            # The folder resolved, not the file: a link is shown where it is, not where it points.
            return (file.parent.resolve() / file.name).relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return file.as_posix()
