"""The registry is validated with line numbers before anything uses it."""

from __future__ import annotations

import copy

import pytest
import yaml

from helpcentre.registry import LABELS, validate_registry, Registry
from support import LANGUAGES, ROOT

# Converted languages take the texts of the language they are converted from.
WRITTEN = tuple(lang.code for lang in LANGUAGES if not lang.convert_from)

DATA = yaml.safe_load((ROOT / "docs" / "registry.yml").read_text(encoding="utf-8"))


def problems(data) -> list[str]:
    return [f.message for f in validate_registry(Registry(data, "docs/registry.yml"), {}, WRITTEN)]


def test_the_real_registry_is_valid():
    assert problems(DATA) == []


@pytest.mark.parametrize("edit,expected", [
    (lambda d: d["channels"].pop("social"), "channel 'social' is missing"),
    (lambda d: d["channels"].__setitem__("fax", {}), "unknown channel 'fax'"),
    (lambda d: d["channels"]["phone"]["hours"].pop("en"), "channel 'phone' needs 'hours' in en"),
    (lambda d: d.__setitem__("brand", ""), "'brand' must be the brand name"),
    (lambda d: d.__setitem__("official_domains", []), "'official_domains' must list"),
    (lambda d: d["labels"].pop("feedback_no"), "'labels.feedback_no' needs a zh text"),
    (lambda d: d["official_notice"]["text"].pop("zh"), "'official_notice.text' needs a zh text"),
    (lambda d: d["contact_page"]["urgent"]["fraud"].__setitem__("channel", "fax"),
     "situation 'fraud' needs a 'channel', one of: chat, phone, email, social"),
    (lambda d: d["contact_page"]["urgent"]["locked"]["text"].pop("en"), "situation 'locked' needs a en text"),
    (lambda d: d["contact_page"].pop("describe_label"), "'contact_page.describe_label' needs a zh text"),
    (lambda d: d["contact_page"].__setitem__("urgent", {}), "'contact_page.urgent' must map each situation"),
    (lambda d: d.__setitem__("contact_page", ["not", "a", "mapping"]), "'contact_page' must be a mapping"),
])
def test_each_problem_is_reported(edit, expected):
    data = copy.deepcopy(DATA)
    edit(data)
    assert any(expected in message for message in problems(data)), problems(data)


def test_every_label_exists_in_both_languages():
    for label in LABELS:
        assert set(DATA["labels"][label]) >= {"zh", "en"}
