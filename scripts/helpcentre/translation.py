"""Does each translation of a page still correspond to the default language's?

- Structure: the same headings (level and id), the same number of
  checklists with the same number of steps each, the same contact channels
  in the same order, the same images.
- Freshness: a translation that a writer marked reviewed carries
  `translation_reviewed: <source>/<translation>` in its front matter: short
  hashes of the default-language file and of itself (without that line and
  without `keywords`, which differ by design). A side whose hash moved has
  changed since the review, and the other side is out of date. Without a
  mark, git decides: the side changed later (committed, or edited and not
  committed yet) makes the other side out of date.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from helpcentre.contact_links import checklist_openings
from helpcentre.content import Document, parse_front_matter
from helpcentre.findings import Finding
from helpcentre.history import Change
from helpcentre.languages import Languages
from helpcentre.lines import prose_lines
from helpcentre.site import Rendered

MARK_KEY = "translation_reviewed"
# Lines that may differ without the other language going out of date: the
# mark itself, and keywords, which are each language's own search words.
UNSHARED_LINES = re.compile(rf"^(?:{MARK_KEY}|keywords|id|error_codes):.*\n?", re.M)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
CONTACT_FRAGMENT = re.compile(r"contact\.md#([\w-]+)")


@dataclass(frozen=True)
class Structure:
    headings: tuple[tuple[int, str, int], ...]  # (level, id, line)
    checklists: tuple[tuple[int, int], ...]  # (line, number of steps)
    channels: tuple[tuple[str, int], ...]  # (contact channel, line)
    images: tuple[tuple[str, int], ...]  # (image file without language, line)


def content_hash(text: str) -> str:
    """Hash of a page without its review mark, keywords, id and error codes,
    so marking (or adding a search word) does not put the other language
    out of date; the id and the codes have rules of their own that keep
    the languages in step (addresses.py)."""
    return hashlib.sha256(UNSHARED_LINES.sub("", text).strip().encode("utf-8")).hexdigest()[:10]


def review_mark(source_text: str, translation_text: str) -> str:
    return f"{content_hash(source_text)}/{content_hash(translation_text)}"


def with_review_mark(text: str, mark: str) -> str:
    """The page with `translation_reviewed: <mark>` in its front matter."""
    front = parse_front_matter(text)
    lines = text.split("\n")
    if MARK_KEY in front.key_lines:
        lines[front.key_lines[MARK_KEY] - 1] = f"{MARK_KEY}: {mark}"
    else:
        lines.insert(front.end_line - 1, f"{MARK_KEY}: {mark}")
    return "\n".join(lines)


def structure_of(doc: Document, rendered: Callable[[], Rendered], languages: Languages) -> Structure:
    """The page's structure; `rendered` gives the page as the site renders it
    (asked for only when the page has checklists)."""
    codes = "|".join(re.escape(code) for code in languages.codes)
    language_suffix = re.compile(rf"\.(?:{codes})(?=\.\w+$)")
    headings, channels, images = [], [], []
    for line in prose_lines(doc.body.split("\n"), doc.first_line):
        heading = HEADING.match(line.text)
        if heading and not line.text.startswith("#!"):
            headings.append((len(heading.group(1)), heading.group(3) or "", line.number))
        channels += [(channel, line.number) for channel in CONTACT_FRAGMENT.findall(line.text)]
        images += [(language_suffix.sub("", src), line.number) for src in IMAGE.findall(line.text)]
    openings = checklist_openings(doc.body.split("\n"), doc.first_line)
    checklists = tuple(zip(openings, rendered().checklist_steps)) if openings else ()
    return Structure(tuple(headings), checklists, tuple(channels), tuple(images))


def compare_structure(source_path: str, source: Structure, path: str, translation: Structure,
                      source_name: str) -> list[Finding]:
    """Findings on the translation file wherever it stops corresponding."""
    name = source_name
    findings = []

    def at(line: int, rule: str, message: str) -> None:
        findings.append(Finding(path, line, rule, message))

    for index, (theirs, ours) in enumerate(zip(source.headings, translation.headings)):
        if theirs[:2] != ours[:2]:
            at(ours[2], "TRANSLATION-HEADINGS",
               f"heading {index + 1} is {_heading(ours)} here but {_heading(theirs)} in {source_path}:{theirs[2]}; "
               "give both languages the same headings, each with the same {#id}")
            break
    else:
        if len(source.headings) != len(translation.headings):
            extra_here = len(translation.headings) > len(source.headings)
            surplus = (translation.headings if extra_here else source.headings)[
                min(len(source.headings), len(translation.headings))]
            at(surplus[2] if extra_here else 1, "TRANSLATION-HEADINGS",
               f"{len(translation.headings)} headings here, {len(source.headings)} in the {name} version "
               f"{source_path}; add or remove {_heading(surplus)} so they match")
    if len(source.checklists) != len(translation.checklists):
        at(translation.checklists[0][0] if translation.checklists else 1, "TRANSLATION-CHECKLISTS",
           f"{len(translation.checklists)} checklist(s) here, {len(source.checklists)} in {source_path}; "
           "both languages need the same checklists")
    else:
        for index, ((their_line, theirs), (our_line, ours)) in enumerate(zip(source.checklists, translation.checklists)):
            if theirs != ours:
                at(our_line, "TRANSLATION-STEPS",
                   f"checklist {index + 1} has {ours} step(s) here and {theirs} in {source_path}:{their_line}; "
                   "translate every step, one for one")
    their_channels = [channel for channel, _ in source.channels]
    our_channels = [channel for channel, _ in translation.channels]
    if their_channels != our_channels:
        line = next((number for (channel, number), theirs in zip(translation.channels, their_channels)
                     if channel != theirs),
                    translation.channels[-1][1] if translation.channels else 1)
        at(line, "TRANSLATION-CONTACT",
           f"contact links here go to {_channels(our_channels)}, in {source_path} to {_channels(their_channels)}; "
           "link the same channels in the same order")
    if [src for src, _ in source.images] != [src for src, _ in translation.images]:
        at(translation.images[0][1] if translation.images else 1, "TRANSLATION-IMAGES",
           f"images here: {_channels([s for s, _ in translation.images])}; in {source_path}: "
           f"{_channels([s for s, _ in source.images])}; use the same images (or each language's copy of them)")
    return findings


def _heading(heading: tuple[int, str, int]) -> str:
    return f"{'#' * heading[0]} {{#{heading[1]}}}" if heading[1] else f"a level-{heading[0]} heading without an id"


def _channels(items: list[str]) -> str:
    return ", ".join(f"#{item}" if not item.startswith(("/", ".")) and "." not in item else item
                     for item in items) or "nothing"


@dataclass(frozen=True)
class Side:
    """One file of a (default language, translation) pair."""

    doc: Document
    name: str  # the language's name, for messages
    change: Change | None  # its last change in git, or None


def freshness(source: Side, translation: Side) -> list[Finding]:
    """Out-of-date findings for one translation against the default language."""
    mark = translation.doc.meta.get(MARK_KEY)
    hint = f"python scripts/translation_status.py --mark-reviewed {translation.doc.path}"
    if isinstance(mark, str) and "/" in mark:
        reviewed = dict(zip(("source", "translation"), mark.split("/", 1)))
        moved = [side for key, side in (("source", source), ("translation", translation))
                 if content_hash(side.doc.text) != reviewed[key]]
        if len(moved) == 2:
            return [Finding(translation.doc.path, translation.doc.front.key_lines.get(MARK_KEY, 1),
                            "TRANSLATION-OUTDATED", "both versions changed since they were marked reviewed; "
                            f"make them say the same, then run {hint}")]
        return [Finding(other.doc.path, 1, "TRANSLATION-OUTDATED",
                        f"the {side.name} version {side.doc.path} changed since this pair was reviewed; "
                        f"bring this file up to date, then run {hint}")
                for side, other in ((source, translation), (translation, source)) if side in moved]
    if source.change is None or translation.change is None:
        return []
    if source.change.sha == translation.change.sha and source.change.sha:
        return []
    if source.change.timestamp == translation.change.timestamp:
        return []
    newer, older = (source, translation) if source.change.timestamp > translation.change.timestamp \
        else (translation, source)
    return [Finding(older.doc.path, 1, "TRANSLATION-OUTDATED",
                    f"the {newer.name} version {newer.doc.path} changed {newer.change.label}, after this "
                    f"file ({older.change.label}); bring it up to date, then run {hint}")]
