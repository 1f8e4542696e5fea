"""The help centre is one plugin that this repository uses the way any team
would: registered by an entry point, configured under `plugins:` with a
typed config, markup in partials a team can override, build code apart from
test tooling."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from support import ROOT, build, environment, make_project

BUILD_PACKAGE = ROOT / "scripts" / "helpcentre"


def test_the_plugin_is_registered_by_entry_point():
    plugins = {ep.name: ep.value for ep in entry_points(group="mkdocs.plugins")}
    assert plugins["helpcentre"] == "helpcentre.plugin:HelpCentrePlugin"


def test_mkdocs_yml_lists_the_plugin_once_and_no_hooks():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert len(re.findall(r"^  - helpcentre:", config, re.M)) == 1
    assert not re.search(r"^hooks:", config, re.M)
    assert not (ROOT / "overrides" / "hooks").exists()


@pytest.mark.parametrize("setting,value,message", [
    ("sidebar_window", "0", "sidebar_window"),
    ("category_page_size", "many", "category_page_size"),
    ("feedback_endpoint", '"ftp://feedback.example.com/"', "feedback_endpoint"),
    ("insights", '{enabled: true, endpoint: "ftp://events.example.com/e"}', "expected a path on this site"),
    ("insights", "{enabled: maybe}", "insights"),
])
@pytest.mark.program
def test_a_wrong_setting_fails_with_a_message_naming_it(tmp_path, setting, value, message):
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(rf"^(      {setting}:).*$", rf"\1 {value}", text, count=1, flags=re.M), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and not (project / "site").exists()
    assert message in result.stdout + result.stderr


@pytest.mark.program
def test_a_language_i18n_does_not_build_is_refused(tmp_path):
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "        en:\n          html_lang: en", "        ja:\n          html_lang: ja"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and "names ja, which mkdocs-static-i18n does not build" in result.stderr


@pytest.mark.program
def test_a_team_overrides_a_partial_like_any_material_partial(tmp_path):
    project = make_project(tmp_path / "project")
    partial = project / "overrides" / "partials" / "hc-related.html"
    partial.write_text('<p class="team-related">{{ hc.article.related | length }} related</p>', encoding="utf-8")
    assert build(project).returncode == 0
    html = (project / "site" / "en" / "account" / "reset-password" / "index.html").read_text(encoding="utf-8")
    assert '<p class="team-related">4 related</p>' in html and "hc-related__title" not in html


@pytest.mark.program
def test_a_shortcode_template_can_be_overridden_too(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "overrides" / "partials" / "shortcodes" / "official_notice.md").write_text(
        '!!! danger "{{ title }}"\n\n    {{ text }}\n', encoding="utf-8")
    assert build(project).returncode == 0
    assert 'admonition danger' in (project / "site" / "contact" / "index.html").read_text(encoding="utf-8")


@pytest.mark.program
def test_the_build_imports_no_test_benchmark_or_report_tooling(tmp_path):
    project = make_project(tmp_path / "project")
    probe = ("import sys\n"
             "from mkdocs.commands.build import build\n"
             "from mkdocs.config import load_config\n"
             "build(load_config('mkdocs.yml'))\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'playwright', 'helpcentre_tools', 'pytest'}))\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True,
                            env=environment(), timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert (project / "site" / "index.html").is_file()
    # MkDocs' own search module imports lunr whatever we do; the plugin itself never does.
    imports = [line for p in BUILD_PACKAGE.glob("*.py") for line in p.read_text(encoding="utf-8").splitlines()
               if re.match(r"\s*(from|import) (lunr|playwright|helpcentre_tools)\b", line)]
    assert imports == []


def test_no_sys_path_edits_anywhere():
    sources = [p for folder in ("scripts", "tests", "overrides") for p in (ROOT / folder).rglob("*.py")
               if p != Path(__file__)]
    assert sources
    assert [p for p in sources if re.search(r"sys\.path\.(insert|append)", p.read_text(encoding="utf-8"))] == []


def test_the_event_order_is_stated_in_one_place():
    """Priorities against mkdocs-static-i18n are set only in plugin.py, and the
    build package keeps no state in config.extra."""
    code = {p.name: p.read_text(encoding="utf-8") for p in BUILD_PACKAGE.glob("*.py")}
    assert [name for name, text in code.items() if "event_priority(" in text] == ["plugin.py"]
    assert [name for name, text in code.items() if re.search(r"\bextra(\[|\.setdefault|\.get\(|\.update)", text)] == []


def test_code_names_no_language_except_as_data():
    """Languages come from mkdocs.yml and the registry: no 'zh' or 'en' literal in the build code."""
    offenders = [(p.name, n) for p in BUILD_PACKAGE.glob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
                 if re.search(r"""["'](zh|en)["']""", line)]
    assert offenders == []


def test_page_blocks_are_partials_not_python_strings():
    code = "\n".join(p.read_text(encoding="utf-8") for p in BUILD_PACKAGE.glob("*.py"))
    for tag in ("<section", "<nav", "<form", "<h1>", "<li>", "<ul", "<template"):
        assert tag not in code, tag
    partials = ROOT / "overrides" / "partials"
    for block in ("hc-article-header", "hc-contact-block", "hc-feedback", "hc-related", "hc-search-help",
                  "hc-not-found", "hc-article-list", "hc-head", "hc-search-form"):
        assert (partials / f"{block}.html").is_file(), block
