"""Moving in from Zendesk (scripts/import_help_centre.py): the fixture export
(tests/fixtures/zendesk: 22 articles, three locales, tables, inline images,
links by id in every form, a draft, an outdated translation, hand-typed
contact details), its attachments served by a local HTTP server, imported
into the tiny fixture site; the findings fixed the way the report says, and
then every check and the build pass. A re-import changes nothing; bad
exports name the file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpcentre_tools.browser import serve
from support import FIXTURES, ROOT, build, environment, make_project, run_check, run_script

EXPORT, FILES = FIXTURES / "zendesk" / "export", FIXTURES / "zendesk" / "files"
CHECKS = ("check_content.py", "check_contact_links.py", "check_links.py", "translation_status.py")


@pytest.fixture(scope="module")
def attachments():
    """The attachments' host: a local HTTP server for the fixture's files."""
    with serve(FILES) as url:
        yield url


def export_at(tmp_path: Path, url: str) -> Path:
    """The fixture export with its attachments' origin pointing at `url`."""
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    for path in folder.rglob("*.json"):
        path.write_text(path.read_text(encoding="utf-8").replace("http://zendesk.test", url), encoding="utf-8")
    return folder


def project_at(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", FIXTURES / "base" / "docs")


def import_into(project: Path, export: Path, *extra: str):
    return run_check(project, "import_help_centre.py", "--source", "zendesk", "--export", str(export), *extra)


def snapshot(project: Path) -> dict[str, bytes]:
    return {str(path.relative_to(project)): path.read_bytes() for path in sorted(project.rglob("*"))
            if path.is_file() and path.parts[len(project.parts)] in ("docs", "zendesk-import.yml")}


@pytest.fixture(scope="module")
def imported(tmp_path_factory, attachments):
    """The fixture export imported once: (project, the report)."""
    tmp_path = tmp_path_factory.mktemp("zendesk")
    project = project_at(tmp_path)
    result = import_into(project, export_at(tmp_path, attachments))
    assert result.returncode == 1, result.stdout + result.stderr  # imported, with findings to fix
    return project, result.stdout


def findings(report: str) -> list[tuple[str, int, str, str]]:
    found = []
    for line in report.splitlines():
        match = re.match(r"^(docs/\S+):(\d+): ([A-Z][A-Z0-9-]+) (.*)$", line)
        if match:
            found.append((match.group(1), int(match.group(2)), match.group(3), match.group(4)))
    return found


def test_every_article_every_language_and_the_report(imported):
    project, report = imported
    assert "articles 21 (1 drafts skipped" in report
    articles = [p for p in (project / "docs").glob("*/*.md") if not p.name.startswith("index.")
                and p.parent.name != "account"]
    assert len(articles) == 21 * 3
    assert {p.name.split(".", 1)[1] for p in articles} == {"zh.md", "en.md", "zh-Hant.md"}
    assert not any("\nid: 360001018\n" in p.read_text(encoding="utf-8") for p in articles), "the draft stays out"
    for section in ("sign-in-and-passwords", "account-settings", "payments-and-refunds"):
        assert (project / "docs" / section / "index.zh.md").is_file(), "each section a category, by its slug"
    page = (project / "docs" / "sign-in-and-passwords" / "reset-your-password.en.md").read_text(encoding="utf-8")
    assert "\nid: 360001001\n" in page and "keywords: [" in page and "translation_reviewed: " not in page
    assert "Next:" in report and "links between articles rewritten" in report


def test_html_becomes_markdown_that_keeps_tables_lists_code_callouts_and_chinese_lines(imported):
    project, _ = imported
    docs = project / "docs"

    def page(article_id: int, lang: str) -> str:
        return next(p.read_text(encoding="utf-8") for p in docs.glob(f"*/*.{lang}.md")
                    if f"\nid: {article_id}\n" in p.read_text(encoding="utf-8"))

    assert re.search(r"^\| .+ \|\n\| --- \| --- \| --- \|$", page(360001002, "en"), re.M), "a simple table is GFM"
    assert re.search(r"<t[dh] (colspan|rowspan)=", page(360001006, "en")), "a spanning table stays HTML"
    assert page(360001009, "en").count("<table>") == 2, "a nested table stays HTML"
    assert re.search(r"^    - ", page(360001005, "en"), re.M), "nested lists four spaces in"
    assert "```text\ncurl" in page(360001016, "en") and re.search(r"`[^`\n]+`", page(360001016, "en"))
    assert "!!! warning" in page(360001012, "en") and "!!! note" in page(360001017, "en")
    chinese = page(360001020, "zh")
    assert not re.search(r"[\u4e00-\u9fff，。] ?\n[\u4e00-\u9fff]", chinese.split("---", 2)[2].replace("  \n", "")), \
        "a line break inside Chinese text is no space"
    assert re.search(r"^## .+ \{#[a-z0-9-]+\}$", page(360001004, "zh"), re.M)


def test_images_are_files_once_each_and_linked_locally(imported):
    project, report = imported
    images = sorted((project / "docs" / "assets" / "imported").iterdir())
    assert len(images) == 5, "five inline images, two of them the same bytes, and a PDF"
    assert "images and attachments: 5" in report
    texts = "".join(p.read_text(encoding="utf-8") for p in (project / "docs").glob("*/*.md"))
    assert "zendesk.test" not in texts and "127.0.0.1" not in texts, "nothing left hot-linked"
    assert "](../assets/imported/" in texts
    refunds = next(p for p in (project / "docs").glob("*/*.zh.md") if "\nid: 360001007\n" in p.read_text(encoding="utf-8"))
    assert re.search(r"^- \[refund-request-form\.pdf\]\(\.\./assets/imported/[0-9a-f]{16}\.pdf\)$",
                     refunds.read_text(encoding="utf-8"), re.M), "an attachment that is not inline is listed, as a file"


def test_links_by_id_in_every_form_lead_to_the_page_in_the_same_language(imported):
    project, report = imported
    texts = {p: p.read_text(encoding="utf-8") for p in (project / "docs").glob("*/*.md")}
    leftovers = [(p.name, link) for p, text in texts.items() for link in re.findall(r"\]\(([^)]*articles/\d+[^)]*)\)", text)]
    assert all("360009999" in link for _, link in leftovers), leftovers
    unimported = [f for f in findings(report) if f[2] == "IMPORT-LINK"]
    assert len(unimported) == 3 and all("360009999" in f[3] for f in unimported)
    for path, text in texts.items():
        lang = path.name.split(".", 1)[1].removesuffix(".md")
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text):
            resolved = (path.parent / target).resolve()
            assert resolved.with_name(f"{resolved.stem}.{lang}.md").is_file(), (path, target)


def test_contact_details_typed_in_bodies_are_reported_with_the_channel_to_use(imported):
    _, report = imported
    typed = [f for f in findings(report) if f[2] == "IMPORT-CONTACT"]
    assert any("'+1-202-555-0142': it is the registry's phone channel" in f[3] for f in typed)
    assert any("'support@example.com': it is the registry's email channel" in f[3] for f in typed)
    assert any("'400-820-1234': it is none of the registry's channels" in f[3] for f in typed)
    assert not [f for f in findings(report) if f[2].startswith("CONTACT-")], "said once, by the importer"


def follow(project: Path, report: str) -> None:
    """Fix every finding the way its message says."""
    for path, line, rule, message in findings(report):
        file = project / path
        lines = file.read_text(encoding="utf-8").split("\n")
        text = lines[line - 1]
        if rule == "IMPORT-CONTACT":
            detail = re.search(r"hand-typed '([^']+)'", message).group(1)
            text = text.replace(detail, re.search(r"(\[\{\{ channels\.\w+\.name \}\}\]\([^)]+\))", message).group(1))
        elif rule == "IMPORT-LINK":  # "or remove the link"
            href = re.search(r"\((/[^)]+|https?://[^)]+)\)", message).group(1)
            text = re.sub(rf"\[([^\]]*)\]\({re.escape(href)}\)", r"\1", text)
        elif rule == "STYLE-LINK-TITLE":
            title, target = re.search(r"write its title, \[([^\]]+)\]\(([^)]+)\)", message).groups()
            text = re.sub(rf"\[[^\]]*\]\({re.escape(target)}(#[^)]*)?\)", lambda m: f"[{title}]({target}{m.group(1) or ''})", text)
        elif rule == "POLICY-TYPED":
            typed, shortcode = re.search(r"'([^']+)' is typed by hand: write (\{\{ [^}]+ \}\})", message).groups()
            text = text.replace(typed, shortcode)
        elif rule == "TRANSLATION-OUTDATED":
            assert run_script(project, "translation_status.py", "--no-git", "--mark-reviewed", path).returncode == 0
            continue
        else:
            raise AssertionError(f"no way to follow {rule}: {message}")
        lines[line - 1] = text
        file.write_text("\n".join(lines), encoding="utf-8")


def test_the_build_passes_once_the_findings_are_fixed_the_way_the_report_says(tmp_path, attachments):
    project = project_at(tmp_path)
    result = import_into(project, export_at(tmp_path, attachments))
    assert findings(result.stdout)
    follow(project, result.stdout)
    for check in CHECKS:
        outcome = run_script(project, check, *(["--no-git"] if check == "translation_status.py" else []))
        assert outcome.returncode == 0, (check, outcome.stdout)
    lint = subprocess.run([str(ROOT / "node_modules/.bin/markdownlint-cli2"), "docs/**/*.md"], cwd=project,
                          capture_output=True, text=True, env=environment())
    assert lint.returncode == 0, lint.stdout + lint.stderr
    built = build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    site = project / "site"
    page = site / "en" / "sign-in-and-passwords" / "reset-your-password" / "index.html"
    assert page.is_file() and "Reset your password" in page.read_text(encoding="utf-8")
    # Old addresses: a redirect page, a 301 rule, and the 404 page's lookup.
    old = site / "hc" / "en-us" / "articles" / "360001001" / "index.html"
    assert "../../../../en/sign-in-and-passwords/reset-your-password/" in old.read_text(encoding="utf-8")
    assert "/hc/zh-cn/articles/360001001/ /sign-in-and-passwords/reset-your-password/ 301" in \
        (site / "_redirects").read_text(encoding="utf-8")
    lookup = json.loads((site / "old-addresses.json").read_text(encoding="utf-8"))
    assert lookup["/hc/zh-tw/articles/360001001"] == "/zh-Hant/sign-in-and-passwords/reset-your-password/"
    # Following the report edited pages; importing the same export again keeps the edits.
    before = snapshot(project)
    again = import_into(project, export_at(tmp_path / "again", attachments))
    assert snapshot(project) == before and "IMPORT-LOCAL-EDIT" not in again.stdout


def test_the_404_page_sends_any_old_address_on(tmp_path, attachments, browser):
    project = project_at(tmp_path)
    import_into(project, export_at(tmp_path, attachments))
    result = build(project)
    assert result.returncode != 0, "the findings stop the build until they are fixed"
    follow(project, import_into(project, export_at(tmp_path / "again", attachments)).stdout)
    assert build(project).returncode == 0
    with serve(project / "site", not_found="root") as url:  # one 404 page for everything, as GitHub Pages
        page = browser.new_page()
        page.goto(f"{url}/hc/en-us/articles/360001001-A-title-Zendesk-had-later")
        page.wait_for_url(f"{url}/en/sign-in-and-passwords/reset-your-password/")
        page.close()


def test_reimporting_the_unchanged_export_changes_nothing(imported, attachments, tmp_path):
    project, _ = imported
    before = snapshot(project)
    again = import_into(project, export_at(tmp_path, attachments))
    assert snapshot(project) == before
    assert "0 created, 0 updated" in again.stdout


def test_a_local_edit_is_kept_and_reported_when_the_export_changed_too(tmp_path, attachments):
    project = project_at(tmp_path)
    export = export_at(tmp_path, attachments)
    import_into(project, export)
    page = project / "docs" / "sign-in-and-passwords" / "change-your-password.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA line a writer added.\n", encoding="utf-8")
    translations = export / "translations" / "360001002.json"
    data = json.loads(translations.read_text(encoding="utf-8"))
    for translation in data["translations"]:
        translation["body"] += "<p>Changed in Zendesk.</p>"
    translations.write_text(json.dumps(data), encoding="utf-8")
    result = import_into(project, export)
    assert "A line a writer added." in page.read_text(encoding="utf-8")
    assert f"docs/sign-in-and-passwords/change-your-password.en.md:1: IMPORT-LOCAL-EDIT" in result.stdout
    assert "Changed in Zendesk." in (project / "docs/sign-in-and-passwords/change-your-password.zh.md").read_text(
        encoding="utf-8"), "an untouched page is updated"


def break_export(export: Path, case: str) -> str:
    """Break the export one way; returns the file the message must name."""
    if case == "missing file":
        (export / "sections.json").unlink()
        return "sections.json"
    if case == "malformed JSON":
        path = export / "articles.json"
        path.write_text(path.read_text(encoding="utf-8")[:-40], encoding="utf-8")
        return "articles.json"
    if case == "unknown locale":
        path = export / "translations" / "360001003.json"
        path.write_text(path.read_text(encoding="utf-8").replace('"zh-tw"', '"fr-fr"'), encoding="utf-8")
        return "translations/360001003.json"
    if case == "duplicate article id":
        path = export / "articles.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["articles"].append(dict(data["articles"][0]))
        path.write_text(json.dumps(data), encoding="utf-8")
        return "articles.json"
    raise AssertionError(case)


@pytest.mark.parametrize("case", ["missing file", "malformed JSON", "unknown locale", "duplicate article id"])
def test_a_bad_export_names_the_file_and_writes_nothing(tmp_path, attachments, case):
    project = project_at(tmp_path)
    export = export_at(tmp_path, attachments)
    named = break_export(export, case)
    before = snapshot(project)
    result = run_script(project, "import_help_centre.py", "--source", "zendesk", "--export", str(export))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{export}/{named}: " in result.stderr, result.stderr
    assert snapshot(project) == before


def test_an_attachment_that_404s_is_a_finding_naming_it_and_no_hot_link(tmp_path, attachments):
    project = project_at(tmp_path)
    export = export_at(tmp_path, attachments)
    listing = export / "attachments" / "360001003.json"
    data = json.loads(listing.read_text(encoding="utf-8"))
    gone = data["article_attachments"][0]["content_url"]
    for path in export.rglob("*.json"):
        path.write_text(path.read_text(encoding="utf-8").replace(gone, gone + "-gone"), encoding="utf-8")
    result = import_into(project, export)
    missing = [f for f in findings(result.stdout) if f[2] == "IMPORT-IMAGE"]
    assert missing and all("attachments/360001003.json" in f[3] and "could not be downloaded" in f[3] for f in missing)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_the_export_script_saves_the_api_pages_as_one_list_each(tmp_path, attachments):
    """scripts/zendesk_export.py against a local stand-in for the Help Center
    API, two pages of articles: the folder it saves imports like the fixture."""
    api = tmp_path / "api"
    source = json.loads((EXPORT / "articles.json").read_text(encoding="utf-8"))["articles"]
    pages = [source[:11], source[11:]]
    base = "/api/v2/help_center"

    def write(path: str, data: dict) -> None:
        target = api / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data), encoding="utf-8")

    with serve(api) as url:
        for name in ("categories", "sections"):
            write(f"{base}/{name}.json", json.loads((EXPORT / f"{name}.json").read_text(encoding="utf-8")))
        write(f"{base}/articles.json", {"articles": pages[0], "next_page": f"{url}{base}/articles-2.json"})
        write(f"{base}/articles-2.json", {"articles": pages[1], "next_page": None})
        for article in source:
            number = article["id"]
            write(f"{base}/articles/{number}/translations.json",
                  json.loads((EXPORT / "translations" / f"{number}.json").read_text(encoding="utf-8")))
            attachments_file = EXPORT / "attachments" / f"{number}.json"
            write(f"{base}/articles/{number}/attachments.json",
                  json.loads(attachments_file.read_text(encoding="utf-8")) if attachments_file.is_file()
                  else {"article_attachments": []})
        saved = subprocess.run([sys.executable, str(ROOT / "scripts" / "zendesk_export.py"), "--base-url", url,
                                "--email", "a@example.com", "--out", str(tmp_path / "saved")], capture_output=True,
                               text=True, env={**environment(), "ZENDESK_API_TOKEN": "test-token"})
    assert saved.returncode == 0, saved.stdout + saved.stderr
    articles = json.loads((tmp_path / "saved" / "articles.json").read_text(encoding="utf-8"))["articles"]
    assert [a["id"] for a in articles] == [a["id"] for a in source], "both pages, in order"
    assert (tmp_path / "saved" / "translations" / "360001001.json").is_file()


def test_labels_map_to_types_and_troubleshooting_without_a_contact_link_is_reported(tmp_path, attachments):
    project = project_at(tmp_path)
    (project / "zendesk-import.yml").write_text("types: {troubleshooting: troubleshooting}\n", encoding="utf-8")
    result = import_into(project, export_at(tmp_path, attachments))
    missing = {f[0] for f in findings(result.stdout) if f[2] == "CHECKLIST-MISSING"}
    assert len(missing) == 9, "three troubleshooting articles, three languages"
    page = next(p for p in (project / "docs").glob("*/*.en.md") if "\nid: 360001004\n" in p.read_text(encoding="utf-8"))
    assert "\ntype: troubleshooting\n" in page.read_text(encoding="utf-8")
    mapping = (project / "zendesk-import.yml").read_text(encoding="utf-8")
    assert "troubleshooting: troubleshooting" in mapping and "360000101: sign-in-and-passwords" in mapping
