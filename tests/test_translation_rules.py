"""Translation status (scripts/helpcentre/translation.py) as functions, in
this process: the structure two languages must share, review marks and
freshness, with the messages that say what to do.
tests/test_translation_status.py runs it through the command line and git."""

from __future__ import annotations

import pytest

from helpcentre.content import Document, parse_front_matter
from helpcentre.history import Change
from helpcentre.site import Rendered
from helpcentre.translation import (MARK_KEY, Side, Structure, compare_structure, content_hash, freshness,
                                    review_mark, structure_of, with_review_mark)
from support import LANGUAGES

SOURCE = """---
title: T
type: troubleshooting
keywords: [a]
---

Intro ![pic](../assets/pic.zh.png)

## First {#first}

### Second {: #second .wide }

## No id

#!shebang-like line

!!! checklist "Do"

    1. [{{ channels.chat.name }}](../contact.md#chat)

```
## not a heading ../contact.md#phone
```

Then [x](../contact.md#email).
"""


def document(text: str, lang: str = "zh") -> Document:
    return Document(f"docs/account/sample.{lang}.md", f"account/sample.{lang}.md", lang, "account/sample",
                    "article", "account", "sample", text, parse_front_matter(text))


def rendered(steps: tuple[int, ...]):
    return lambda: Rendered(links=(), ids=frozenset(), checklists=((),) * len(steps), checklist_steps=steps)


def test_the_structure_of_a_page():
    structure = structure_of(document(SOURCE), rendered((1,)), LANGUAGES)
    assert structure == Structure(headings=((2, "first", 9), (3, "second", 11), (2, "", 13)),
                                  checklists=((17, 1),), channels=(("chat", 19), ("email", 25)),
                                  images=(("../assets/pic.png", 7),))


def test_a_page_without_checklists_is_not_rendered_for_its_structure():
    def never():
        raise AssertionError("rendered")
    assert structure_of(document("---\ntitle: T\n---\n\n## A {#a}"), never, LANGUAGES).checklists == ()


def structure(headings=((2, "a", 3),), checklists=((5, 2),), channels=(("chat", 6),), images=()):
    return Structure(tuple(headings), tuple(checklists), tuple(channels), tuple(images))


def compare(source: Structure, translation: Structure) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.message) for f in
            compare_structure("docs/x.zh.md", source, "docs/x.en.md", translation, "简体中文")]


def test_the_same_structure_passes():
    assert compare(structure(), structure(headings=((2, "a", 9),), checklists=((12, 2),), channels=(("chat", 1),))) == []


def test_a_heading_of_another_level_or_id():
    assert compare(structure(), structure(headings=((3, "a", 4),))) == [
        (4, "TRANSLATION-HEADINGS", "heading 1 is ### {#a} here but ## {#a} in docs/x.zh.md:3; give both languages "
                                    "the same headings, each with the same {#id}")]
    [(line, _, message)] = compare(structure(headings=((2, "", 3),)), structure(headings=((2, "b", 4),)))
    assert line == 4 and "a level-2 heading without an id in docs/x.zh.md:3" in message


def test_a_heading_too_many_or_too_few():
    assert compare(structure(headings=((2, "a", 3), (2, "b", 8))), structure()) == [
        (1, "TRANSLATION-HEADINGS", "1 headings here, 2 in the 简体中文 version docs/x.zh.md; add or remove "
                                    "## {#b} so they match")]
    [(line, rule, message)] = compare(structure(), structure(headings=((2, "a", 3), (2, "c", 9))))
    assert (line, rule) == (9, "TRANSLATION-HEADINGS") and "add or remove ## {#c} so they match" in message


def test_checklists_and_their_steps():
    assert compare(structure(), structure(checklists=())) == [
        (1, "TRANSLATION-CHECKLISTS", "0 checklist(s) here, 1 in docs/x.zh.md; both languages need the same "
                                      "checklists")]
    assert compare(structure(checklists=()), structure(checklists=((7, 1),)))[0][:2] == (7, "TRANSLATION-CHECKLISTS")
    assert compare(structure(checklists=((5, 2), (9, 3))), structure(checklists=((6, 2), (10, 4)))) == [
        (10, "TRANSLATION-STEPS", "checklist 2 has 4 step(s) here and 3 in docs/x.zh.md:9; translate every step, "
                                  "one for one")]


def test_contact_channels_in_the_same_order():
    assert compare(structure(channels=(("chat", 6), ("phone", 8))), structure(channels=(("phone", 7), ("chat", 9)))) \
        == [(7, "TRANSLATION-CONTACT", "contact links here go to #phone, #chat, in docs/x.zh.md to #chat, #phone; "
                                       "link the same channels in the same order")]
    assert compare(structure(channels=(("chat", 6), ("phone", 8))), structure(channels=(("chat", 7),)))[0][0] == 7
    assert compare(structure(), structure(channels=()))[0][:2] == (1, "TRANSLATION-CONTACT")
    assert "go to nothing" in compare(structure(), structure(channels=()))[0][2]


def test_the_same_images():
    assert compare(structure(images=(("../a.png", 2),)), structure(images=(("../b.png", 4),))) == [
        (4, "TRANSLATION-IMAGES", "images here: ../b.png; in docs/x.zh.md: ../a.png; use the same images (or each "
                                  "language's copy of them)")]
    assert compare(structure(images=(("../a.png", 2),)), structure())[0][:2] == (1, "TRANSLATION-IMAGES")


def test_review_marks_ignore_the_mark_and_the_keywords():
    text = "---\ntitle: T\nkeywords: [a]\n---\n\nBody"
    assert content_hash(text) == content_hash(text.replace("[a]", "[b, c]"))
    assert content_hash(text) == content_hash(with_review_mark(text, "x/y"))
    assert content_hash(text) != content_hash(text + " changed") and len(content_hash(text)) == 10
    assert review_mark(text, "other") == f"{content_hash(text)}/{content_hash('other')}"
    marked = with_review_mark(text, "aaa/bbb")
    assert marked.split("\n")[3] == f"{MARK_KEY}: aaa/bbb" and marked.count(MARK_KEY) == 1
    assert with_review_mark(marked, "ccc/ddd").count("ccc/ddd") == 1 and "aaa" not in with_review_mark(marked, "ccc/ddd")


def side(text: str, lang: str, change: Change | None = None) -> Side:
    return Side(document(text, lang), {"zh": "简体中文", "en": "English"}[lang], change)


ZH, EN = "---\ntitle: 标题\n---\n\n正文", "---\ntitle: Title\n---\n\nBody"


def test_a_reviewed_pair_is_fresh_until_a_side_changes():
    mark = review_mark(ZH, EN)
    en = with_review_mark(EN, mark)
    assert freshness(side(ZH, "zh"), side(en, "en")) == []
    [stale] = freshness(side(ZH + " more", "zh"), side(en, "en"))
    assert (stale.path, stale.line, stale.rule) == ("docs/account/sample.en.md", 1, "TRANSLATION-OUTDATED")
    assert stale.message == ("the 简体中文 version docs/account/sample.zh.md changed since this pair was reviewed; "
                             "bring this file up to date, then run python scripts/translation_status.py "
                             "--mark-reviewed docs/account/sample.en.md")
    [other] = freshness(side(ZH, "zh"), side(en + " more", "en"))
    assert other.path == "docs/account/sample.zh.md" and "the English version docs/account/sample.en.md" in other.message
    [both] = freshness(side(ZH + " x", "zh"), side(en + " y", "en"))
    assert (both.line, both.message.split(";")[0]) == (3, "both versions changed since they were marked reviewed")


def test_without_a_mark_the_side_changed_later_wins():
    old, new = Change("a1", 1_700_000_000), Change("b2", 1_700_100_000)
    [stale] = freshness(side(ZH, "zh", new), side(EN, "en", old))
    assert stale.path == "docs/account/sample.en.md"
    assert stale.message.startswith(f"the 简体中文 version docs/account/sample.zh.md changed {new.label}, after "
                                    f"this file ({old.label})")
    assert freshness(side(ZH, "zh", old), side(EN, "en", new))[0].path == "docs/account/sample.zh.md"
    assert freshness(side(ZH, "zh", old), side(EN, "en", old)) == [], "one commit changed both"
    assert freshness(side(ZH, "zh", Change("", 5)), side(EN, "en", Change("", 5))) == []
    assert freshness(side(ZH, "zh", None), side(EN, "en", new)) == []
    assert freshness(side(ZH, "zh", new), side(EN, "en", None)) == []


@pytest.mark.parametrize("mark", ["no-slash", 42])
def test_a_mark_that_is_not_a_pair_is_no_mark(mark):
    en = EN.replace("title: Title", f"title: Title\n{MARK_KEY}: {mark}")
    assert freshness(side(ZH, "zh"), side(en, "en")) == []
