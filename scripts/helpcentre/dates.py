"""Time in the content model: when a page goes live and when it is taken
down (`publish_after`, `unpublish_after` in front matter), notices that
show for a while (`notices.yml` below docs_dir), and the build's "now".

Every time carries a time zone (`2026-12-10T09:00:00+08:00`): a bare date or
a time without an offset would mean different moments on a writer's laptop
and on the build machine. "Now" is the build's clock, or HELPCENTRE_NOW when
set (tests and previews move the clock with it). A static site changes only
when it is built: the deploy workflow rebuilds on a schedule, so a page goes
live or a notice ends at the first build after its time.

Everything here is pure: functions take text and times and return records
and findings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from helpcentre.content import Document, load_keyed_yaml_file
from helpcentre.findings import Finding, display_path

NOW_VARIABLE = "HELPCENTRE_NOW"
DATE_KEYS = ("publish_after", "unpublish_after")
EXAMPLE_TIME = "2026-12-10T09:00:00+08:00"


class ClockError(ValueError):
    """HELPCENTRE_NOW is set to something that is not a time with a zone."""


def build_now(environ=os.environ) -> datetime:
    """The build's "now": HELPCENTRE_NOW when set, else the clock."""
    value = environ.get(NOW_VARIABLE, "").strip()
    if not value:
        return datetime.now(timezone.utc)
    moment, problem = parse_moment(value)
    if problem:
        raise ClockError(f"{NOW_VARIABLE}={value!r}: {problem}")
    return moment


def parse_moment(value) -> tuple[datetime | None, str | None]:
    """A time with its zone, from YAML (a datetime) or text (ISO 8601)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None, f"'{value}' is not a time; write it as {EXAMPLE_TIME}"
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return None, f"'{value.isoformat()}' has no time zone; add it, as in {EXAMPLE_TIME}"
        return value, None
    if isinstance(value, date):
        return None, f"'{value.isoformat()}' is a date without a time and a time zone; write it as {EXAMPLE_TIME}"
    return None, f"{value!r} is not a time; write it as {EXAMPLE_TIME}"


# --- pages -----------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    publish_after: datetime | None
    unpublish_after: datetime | None

    def state(self, now: datetime) -> str:
        """"scheduled" before publish_after, "expired" after unpublish_after, else "live"."""
        if self.publish_after is not None and now < self.publish_after:
            return "scheduled"
        if self.unpublish_after is not None and now >= self.unpublish_after:
            return "expired"
        return "live"


def schedule_of(doc: Document) -> Schedule:
    """The page's schedule (a converted page has its source's); an unreadable time counts as none."""
    meta = (doc.source or doc).meta
    times = [parse_moment(meta[key])[0] if key in meta else None for key in DATE_KEYS]
    return Schedule(*times)


def check_schedule(doc: Document) -> list[Finding]:
    findings = []
    for key in DATE_KEYS:
        if key in doc.meta:
            _, problem = parse_moment(doc.meta[key])
            if problem:
                findings.append(Finding(doc.path, doc.line_of(key), "DATE-INVALID", f"'{key}': {problem}"))
    schedule = schedule_of(doc)
    if schedule.publish_after and schedule.unpublish_after and schedule.unpublish_after <= schedule.publish_after:
        findings.append(Finding(doc.path, doc.line_of("unpublish_after"), "DATE-ORDER",
                                "'unpublish_after' is not after 'publish_after': the page would never be live"))
    return findings


def check_schedules_agree(documents: list[Document], default: str) -> list[Finding]:
    """Every written language of a page has the same publish_after and
    unpublish_after: one language live and another not would break the
    language switcher and the links between them."""
    by_stem: dict[str, list[Document]] = {}
    for doc in documents:
        if doc.source is None and not doc.front.problems:
            by_stem.setdefault(doc.stem, []).append(doc)
    findings = []
    for versions in by_stem.values():
        reference = next((doc for doc in versions if doc.lang == default), versions[0])
        for doc in versions:
            if schedule_of(doc) != schedule_of(reference):
                key = next((key for key in DATE_KEYS if key in doc.meta or key in reference.meta), DATE_KEYS[0])
                findings.append(Finding(doc.path, doc.line_of(key), "DATE-MISMATCH",
                                        f"'publish_after' and 'unpublish_after' differ from {reference.path}'s; "
                                        "give every language the same times"))
    return findings


# --- notices --------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """A banner on the pages it concerns while start <= now < end."""

    name: str
    start: datetime
    end: datetime
    categories: tuple[str, ...]  # empty: every page
    text: dict[str, str]  # written language -> text
    line: int

    def shows(self, now: datetime, category: str | None) -> bool:
        return self.start <= now < self.end and (not self.categories or category in self.categories)


def load_notices(path: Path, root: Path, languages: tuple[str, ...],
                 categories: set[str]) -> tuple[list[Notice], list[Finding]]:
    """notices.yml: `notices:` a list of {name, start, end, categories, text:
    {lang: text}}. No file: no notices."""
    if not path.is_file():
        return [], []
    display = display_path(path, root)
    data, lines, findings = load_keyed_yaml_file(path, display, "NOTICES-YAML")
    if findings:
        return [], findings
    entries = (data or {}).get("notices", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Finding(display, 1, "NOTICES-YAML", "write 'notices:' and under it a list of notices "
                                                       "(name, start, end, text per language)")]
    notices = []
    for number, entry in enumerate(entries):
        notice, problems = read_notice(entry, number, display, lines, languages, categories)
        findings += problems
        if notice is not None:
            notices.append(notice)
    return notices, findings


def read_notice(entry, number: int, display: str, lines: dict[str, int], languages: tuple[str, ...],
                categories: set[str]) -> tuple[Notice | None, list[Finding]]:
    line = lines.get(f"notices.{number}", 1)
    if not isinstance(entry, dict):
        return None, [Finding(display, line, "NOTICES-YAML", "each notice has name, start, end and text")]

    def at(key: str) -> int:
        return lines.get(f"notices.{number}.{key}", line)

    findings, times = [], {}
    for key in ("start", "end"):
        moment, problem = parse_moment(entry.get(key)) if key in entry else (None, f"missing '{key}:'")
        if problem:
            findings.append(Finding(display, at(key), "DATE-INVALID", f"notice '{entry.get('name', number + 1)}' "
                                                                      f"'{key}': {problem}"))
        times[key] = moment
    if times["start"] and times["end"] and times["end"] <= times["start"]:
        findings.append(Finding(display, at("end"), "NOTICE-DATES", "the notice ends before it starts"))
    text = entry.get("text") if isinstance(entry.get("text"), dict) else {}
    missing = [lang for lang in languages if not isinstance(text.get(lang), str) or not text[lang].strip()]
    if missing:
        findings.append(Finding(display, at("text"), "NOTICE-LANGUAGE",
                                f"the notice has no text in {', '.join(missing)}; every language needs one"))
    unknown = sorted(set(entry.get("categories") or []) - categories)
    if unknown:
        findings.append(Finding(display, at("categories"), "NOTICE-CATEGORY",
                                f"unknown category {', '.join(unknown)}; use one of: {', '.join(sorted(categories))}"))
    if findings:
        return None, findings
    return Notice(str(entry.get("name", number + 1)), times["start"], times["end"],
                  tuple(entry.get("categories") or ()), {lang: text[lang] for lang in languages}, line), []
