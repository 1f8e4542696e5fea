"""Answers machines can quote: llms.txt per language, parsed against
llmstxt.org's structure, every link resolving to a built file; a Markdown
twin per page with its shortcodes expanded; every phone number, email
address and URL in them from the registry or the site."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpcentre.content import parse_front_matter
from helpcentre.llms_txt import MachineFile, check_machine_text
from helpcentre.registry import load_registry
from support import ROOT

LANGUAGE_PREFIXES = {"zh": "", "zh-Hant": "zh-Hant/", "en": "en/"}
ITEM = re.compile(r"^- \[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)(?:: (?P<notes>.+))?$")


def parse_llms_txt(text: str) -> dict:
    """The spec's structure: one H1, a blockquote, free paragraphs (no
    headings), then H2 sections of `- [name](url): notes` items."""
    lines = text.split("\n")
    assert lines[0].startswith("# ") and not lines[0].startswith("## "), "an H1 with the site's name first"
    parsed = {"title": lines[0][2:], "summary": None, "details": [], "sections": {}}
    section = None
    for line in lines[1:]:
        if not line.strip():
            continue
        if line.startswith("# "):
            raise AssertionError("only one H1")
        if line.startswith("## "):
            section = line[3:]
            parsed["sections"][section] = []
        elif section is not None:
            item = ITEM.match(line)
            assert item, f"not a file-list item: {line!r}"
            parsed["sections"][section].append(item.groupdict())
        elif line.startswith("> ") and parsed["summary"] is None and not parsed["details"]:
            parsed["summary"] = line[2:]
        else:
            assert not line.startswith("#"), "no headings but H2 sections after the summary"
            parsed["details"].append(line)
    return parsed


def built_file(built_site, url: str) -> Path:
    assert url.startswith("https://help.example.com/"), url
    return built_site.root / urlsplit(url).path.lstrip("/")


@pytest.mark.parametrize("lang", LANGUAGE_PREFIXES)
def test_llms_txt_follows_the_spec_and_every_link_is_a_built_file(built_site, lang):
    prefix = LANGUAGE_PREFIXES[lang]
    parsed = parse_llms_txt((built_site.root / prefix / "llms.txt").read_text(encoding="utf-8"))
    assert "ExamplePay" in parsed["title"] and parsed["summary"]
    assert any("contact/index.html.md" in line for line in parsed["details"]), "the official channels' page"
    items = [item for section in parsed["sections"].values() for item in section]
    for item in items:
        assert built_file(built_site, item["url"]).is_file(), item["url"]
        assert item["url"].startswith(f"https://help.example.com/{prefix}") and item["notes"]
    written = sorted((ROOT / "docs").glob("*/*.zh.md"))
    articles = [p for p in written if p.parent.name != "templates" and not p.name.startswith("index.")]
    assert len(items) == len(articles), "every live article once"


def test_the_markdown_twin_carries_the_page_with_its_shortcodes_filled(built_site):
    twin = (built_site.root / "en" / "payments" / "payment-failed" / "index.html.md").read_text(encoding="utf-8")
    meta = parse_front_matter((ROOT / "docs" / "payments" / "payment-failed.en.md").read_text(encoding="utf-8")).meta
    assert twin.startswith(f"# {meta['title']}\n\n> {meta['description']}\n")
    assert "{{" not in twin and "ExamplePay" in twin
    links = re.findall(r"\]\((https?://[^)\s]+)\)", twin)
    assert links and all(built_file(built_site, link.split("#")[0] + "index.html").is_file() for link in links)
    contact = (built_site.root / "contact" / "index.html.md").read_text(encoding="utf-8")
    assert "+1-202-555-0142" in contact, "the registry's number, expanded"


@pytest.mark.parametrize("text,rule", [
    ("Call +1-202-555-0142 now.", None),
    ("Call our other line +1-202-555-0199.", "MACHINE-PHONE"),
    ("Write to support@example.com.", None),
    ("Write to help@examp1e-pay.com.", "MACHINE-EMAIL"),
    ("See https://help.example.com/en/contact/.", None),
    ("See https://examplepay-support.top/refund.", "MACHINE-URL"),
    ("A fee of ¥1,000.00 or 2 days.", None),
])
def test_every_contact_detail_in_machine_text_is_the_registrys(text, rule):
    registry, findings = load_registry(ROOT / "docs" / "registry.yml", ("zh", "en"))
    assert not findings
    found = check_machine_text([MachineFile("en/llms.txt", f"# Help\n\n{text}\n")], registry, "https://help.example.com/")
    assert [finding.rule for finding in found] == ([rule] if rule else [])
    assert all(finding.line == 3 for finding in found)
