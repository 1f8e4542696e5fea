"""Review dates: who keeps each article right (`owner`) and when it was last
checked (`reviewed`, a date), against a maximum age per article type (the
plugin's `review` settings). An article without `reviewed` counts from its
last change in git (or is due at once when that is unknown). A translation
trails when its own `reviewed` is older than its source's, or missing.

Used by `make stale` (scripts/stale.py, and the weekly workflow that keeps
one issue up to date) and by the writers' preview's "review due" banner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from helpcentre.content import Document

NO_OWNER = "(no owner)"


@dataclass(frozen=True)
class Due:
    doc: Document
    owner: str
    checked: date | None  # reviewed, or the last change when never reviewed
    max_age: int
    age: int | None  # days since `checked`; None: never
    trailing: tuple[Document, ...]  # translations reviewed before it, or never


def max_age(settings, doc: Document) -> int:
    return getattr(settings, str(doc.meta.get("type", "")).replace("-", "_"), settings.troubleshooting)


def last_checked(doc: Document, last_changed) -> date | None:
    reviewed = doc.meta.get("reviewed")
    return reviewed if isinstance(reviewed, date) else last_changed(doc)


def review_due(doc: Document, settings, today: date, last_changed) -> Due | None:
    """`doc` when it is due for review at `today`, else None."""
    checked = last_checked(doc, last_changed)
    age = (today - checked).days if checked else None
    limit = max_age(settings, doc)
    if age is not None and age <= limit:
        return None
    return Due(doc, str(doc.meta.get("owner") or NO_OWNER), checked, limit, age, ())


def overdue(documents: list[Document], default: str, settings, today: date, last_changed) -> dict[str, list[Due]]:
    """Every article of the default language due for review, by owner, each
    with the translations that trail it."""
    by_stem: dict[str, list[Document]] = {}
    for doc in documents:
        if doc.kind == "article" and doc.source is None:
            by_stem.setdefault(doc.stem, []).append(doc)
    owners: dict[str, list[Due]] = {}
    for stem, versions in sorted(by_stem.items()):
        source = next((doc for doc in versions if doc.lang == default), None)
        if source is None:
            continue
        due = review_due(source, settings, today, last_changed)
        if due is None:
            continue
        reviewed = source.meta.get("reviewed")
        trailing = tuple(doc for doc in versions if doc is not source and (
            not isinstance(doc.meta.get("reviewed"), date)
            or (isinstance(reviewed, date) and doc.meta["reviewed"] < reviewed)))
        owners.setdefault(due.owner, []).append(Due(due.doc, due.owner, due.checked, due.max_age, due.age, trailing))
    return dict(sorted(owners.items()))
