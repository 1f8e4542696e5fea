"""Do the two language versions of a page still correspond?

- Structure: the same headings (level and id), the same number of
  checklists with the same number of steps each, the same contact channels
  in the same order, the same images.
- Freshness: a pair that a writer marked reviewed carries
  `translation_reviewed: <zh>/<en>` in the English file: short hashes of both
  files (without that line and without `keywords`, which differ by design). A side whose hash moved has changed since the
  review, and the other side is out of date. Without a mark, git decides:
  the side changed later (committed, or edited and not committed yet) makes
  the other side out of date.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import markdown

from helpcentre.contact_links import checklist_openings, checklist_regions
from helpcentre.content import LANGUAGE_NAMES, FrontMatter, markdown_body, parse_front_matter
from helpcentre.findings import Finding
from helpcentre.history import Change

MARK_KEY = "translation_reviewed"
# Lines that may differ without the other language going out of date: the
# mark itself, and keywords, which are each language's own search words.
UNSHARED_LINES = re.compile(rf"^(?:{MARK_KEY}|keywords):.*\n?", re.M)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
CONTACT_FRAGMENT = re.compile(r"contact\.md#([\w-]+)")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Structure:
    headings: tuple[tuple[int, str, int], ...]  # (level, id, line)
    checklists: tuple[tuple[int, int], ...]  # (line, number of steps)
    channels: tuple[tuple[str, int], ...]  # (contact channel, line)
    images: tuple[tuple[str, int], ...]  # (image file without language, line)


def content_hash(text: str) -> str:
    """Hash of a page without its review mark and keywords, so marking (or
    adding a search word) does not put the other language out of date."""
    return hashlib.sha256(UNSHARED_LINES.sub("", text).strip().encode("utf-8")).hexdigest()[:10]


def review_mark(zh_text: str, en_text: str) -> str:
    return f"{content_hash(zh_text)}/{content_hash(en_text)}"


def with_review_mark(text: str, mark: str) -> str:
    """The page with `translation_reviewed: <mark>` in its front matter."""
    front = parse_front_matter(text)
    lines = text.split("\n")
    if MARK_KEY in front.key_lines:
        lines[front.key_lines[MARK_KEY] - 1] = f"{MARK_KEY}: {mark}"
    else:
        lines.insert(front.end_line - 1, f"{MARK_KEY}: {mark}")
    return "\n".join(lines)


def _outside_fences(lines: list[str]):
    fence = False
    for number, line in enumerate(lines, start=1):
        if FENCE.match(line):
            fence = not fence
            continue
        if not fence:
            yield number, line


def structure_of(text: str, md: markdown.Markdown) -> Structure:
    front = parse_front_matter(text)
    body, first_line = markdown_body(text, front)
    lines = body.split("\n")
    offset = first_line - 1
    headings, channels, images = [], [], []
    for number, line in _outside_fences(lines):
        heading = HEADING.match(line)
        if heading and not line.startswith("#!"):
            headings.append((len(heading.group(1)), heading.group(3) or "", offset + number))
        channels += [(channel, offset + number) for channel in CONTACT_FRAGMENT.findall(line)]
        images += [(re.sub(r"\.(zh|en)(?=\.\w+$)", "", src), offset + number) for src in IMAGE.findall(line)]
    openings = checklist_openings(lines)
    steps = []
    if openings:
        md.reset()
        md.convert("\n\n".join(checklist_regions(lines, openings)))
        for element in md.kept_tree.iter():
            if element.tag in ("div", "details") and "checklist" in (element.get("class") or "").split():
                first_list = next((child for child in element if child.tag == "ol"), None)
                steps.append(len([li for li in first_list if li.tag == "li"]) if first_list is not None else 0)
    checklists = tuple((offset + line, count) for line, count in zip(openings, steps))
    return Structure(tuple(headings), checklists, tuple(channels), tuple(images))


def compare_structure(source_path: str, source: Structure, path: str, translation: Structure,
                      source_lang: str) -> list[Finding]:
    """Findings on the translation file wherever it stops corresponding."""
    name = LANGUAGE_NAMES[source_lang]
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
            extra = (source.headings + translation.headings)[min(len(source.headings), len(translation.headings))]
            at(extra[2] if len(translation.headings) > len(source.headings) else 1, "TRANSLATION-HEADINGS",
               f"{len(translation.headings)} headings here, {len(source.headings)} in the {name} version "
               f"{source_path}; add or remove {_heading(extra)} so they match")
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


def freshness(paths: dict[str, str], texts: dict[str, str], fronts: dict[str, FrontMatter],
              changes: dict[str, Change | None]) -> list[Finding]:
    """Out-of-date findings for one pair; keys are language codes."""
    other = {"zh": "en", "en": "zh"}
    mark = fronts["en"].meta.get(MARK_KEY)
    hint = f"python scripts/translation_status.py --mark-reviewed {paths['en']}"
    if isinstance(mark, str) and "/" in mark:
        reviewed = dict(zip(("zh", "en"), mark.split("/", 1)))
        moved = [lang for lang in ("zh", "en") if content_hash(texts[lang]) != reviewed[lang]]
        if moved == ["zh", "en"]:
            return [Finding(paths["en"], fronts["en"].key_lines.get(MARK_KEY, 1), "TRANSLATION-OUTDATED",
                            "both versions changed since they were marked reviewed; make them say the same, "
                            f"then run {hint}")]
        return [Finding(paths[other[lang]], 1, "TRANSLATION-OUTDATED",
                        f"the {LANGUAGE_NAMES[lang]} version {paths[lang]} changed since this pair was reviewed; "
                        f"bring this file up to date, then run {hint}") for lang in moved]
    if changes["zh"] is None or changes["en"] is None or changes["zh"].sha == changes["en"].sha and changes["zh"].sha:
        return []
    if changes["zh"].timestamp == changes["en"].timestamp:
        return []
    newer = "zh" if changes["zh"].timestamp > changes["en"].timestamp else "en"
    older = other[newer]
    return [Finding(paths[older], 1, "TRANSLATION-OUTDATED",
                    f"the {LANGUAGE_NAMES[newer]} version {paths[newer]} changed {changes[newer].label}, after this "
                    f"file ({changes[older].label}); bring it up to date, then run {hint}")]

