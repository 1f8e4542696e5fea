"""Traditional Chinese at /zh-Hant/, converted at build time from the
Simplified pages (OpenCC s2twp, then docs/conversion/zh-Hant.yml), a
hand-written .zh-Hant.md winning over the conversion."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import opencc
import pytest

from helpcentre.conversion import Converter, Override, fold_map, phrase_folds
from support import FIXTURES, ROOT, build, findings_of, run_script

# Taiwan-standard character forms (峰, 群), as s2twp writes them.
SIMPLIFIED_TO_TRADITIONAL = opencc.OpenCC("s2tw.json")
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"https?://\S+")


def article_text(html: str) -> str:
    body = html[html.index("<article"):html.index("</article>")]
    return unescape(TAG.sub(" ", CODE.sub(" ", body)))


def simplified_only(text: str) -> set[str]:
    """Characters that have a different Traditional form: they should not be on a Traditional page."""
    return {char for char in set(URL.sub(" ", text)) if re.match(r"[\u4e00-\u9fff]", char)
            and SIMPLIFIED_TO_TRADITIONAL.convert(char) != char}


def zh_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("en/", "zh-Hant/")))


def test_every_page_exists_in_traditional(built_site):
    pages = zh_pages(built_site.root)
    assert len(pages) > 30
    for page in pages:
        twin = built_site.root / "zh-Hant" / page.relative_to(built_site.root)
        assert twin.is_file(), twin
        assert '<html lang="zh-Hant"' in twin.read_text(encoding="utf-8")


def test_converted_text_has_no_simplified_only_characters(built_site):
    found = {}
    for page in (built_site.root / "zh-Hant").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "<article" in html:
            leftovers = simplified_only(article_text(html))
            if leftovers:
                found[page.relative_to(built_site.root).as_posix()] = "".join(sorted(leftovers))
    assert found == {}


def test_registry_texts_labels_and_404_are_traditional(built_site):
    article = built_site.html("zh-Hant/account/reset-password")
    assert re.search(r"<title>忘記密碼 - \S+ 幫助中心</title>", article)
    assert "還需要幫助？" in article and "只認準官方渠道" in article
    not_found = (built_site.root / "zh-Hant" / "404.html").read_text(encoding="utf-8")
    assert "找不到這個頁面" in not_found and 'action="/zh-Hant/"' in not_found
    contact = built_site.html("zh-Hant/contact")
    assert "線上客服" in contact and 'id="chat"' in contact, "headings keep their ids"


def test_the_overrides_fix_what_opencc_gets_wrong(built_site):
    text = article_text(built_site.html("zh-Hant/payments/transaction-history"))
    assert "交易紀錄" in text and "交易記錄" not in text
    assert "賬戶" not in article_text(built_site.html("zh-Hant/account/locked-account"))


def test_a_converted_page_says_so_once(built_site):
    html = built_site.html("zh-Hant/account/reset-password")
    assert html.count('class="hc-converted"') == 1
    assert "CONTRIBUTING.zh.md#traditional-chinese" in html
    assert 'class="hc-converted"' not in built_site.html("account/reset-password")


@pytest.mark.parametrize("page", ["account/reset-password", "", "contact"])
def test_hreflang_for_three_languages_and_x_default(built_site, page):
    prefix = f"{page}/" if page else ""
    for lang_prefix in ("", "zh-Hant/", "en/"):
        links = re.findall(r'<link rel=" alternate" hreflang="([^"]+)" href="([^"]+)"', built_site.html(lang_prefix + page))
        assert links == [("zh-Hans", f"https://help.example.com/{prefix}"),
                         ("zh-Hant", f"https://help.example.com/zh-Hant/{prefix}"),
                         ("en", f"https://help.example.com/en/{prefix}"),
                         ("x-default", f"https://help.example.com/{prefix}")]


def test_the_sitemap_lists_every_page_with_its_alternates(built_site):
    sitemap = (built_site.root / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert "https://help.example.com/zh-Hant/account/reset-password/" in urls
    for tag in ("zh-Hans", "zh-Hant", "en", "x-default"):
        assert sitemap.count(f'hreflang="{tag}"') == len(urls)


def test_domain_terms_stay_whole_in_the_traditional_index(built_site):
    index = built_site.search_index("zh-Hant")
    assert index.config["lang"] == ["zh"] and index.config["segment_words"]
    assert {"銀行卡", "驗證碼", "手續費", "交易紀錄", "帳戶"} <= set(index.terms)
    assert "密碼" in index.field_terms("account/reset-password/", "keywords"), "front matter keywords are converted too"


def test_each_chinese_index_folds_the_other_script_with_a_compact_map(built_site):
    for lang, typed, expected in (("zh", "賬", "账"), ("zh-Hant", "户", "戶")):
        index = built_site.search_index(lang)
        fold = index.config["fold"]
        assert fold["chars"][typed] == expected
        index_text = "".join(index.terms) + json.dumps(index.docs, ensure_ascii=False)
        assert all(target in index_text for target in fold["chars"].values()), "only characters the index uses"


def test_a_phrase_override_is_folded_as_a_phrase_never_character_by_character(built_site):
    # 登出帳戶 -> 註銷帳戶 must not turn every 登 of a query into 註 (登入, 登錄).
    converter = Converter("zh", "s2twp", [Override("登出帳戶", "註銷帳戶", "close, not log out", 1),
                                          Override("賬", "帳", "variant", 2)])
    assert converter.char_fixes() == {"賬": "帳"}
    fold = built_site.search_index("zh-Hant").config["fold"]
    assert "登" not in fold["chars"] and "記" not in fold["chars"]
    assert ["登出帳戶", "註銷帳戶"] in fold["phrases"]


def test_fold_map_follows_the_overrides_and_every_form_of_a_character():
    index = {"帳", "戶", "鎖"}
    folded = fold_map(index, "s2t", {"賬": "帳"})
    assert {"帐": "帳", "账": "帳", "賬": "帳", "户": "戶", "锁": "鎖"}.items() <= folded.items()
    assert set(folded.values()) == index
    assert {"複": "复", "復": "复"}.items() <= fold_map({"复"}, "t2s").items(), "both Traditional forms of 复"
    assert fold_map({"為"}, "s2tw") == {"为": "為", "爲": "為"}, "Taiwan's form, as the converted pages have it"


def test_a_conversion_that_changes_words_is_folded_as_a_phrase():
    chars = {"册": "冊", "软": "軟", "账": "帳", "户": "戶"}  # as fold_map has them: 注 stays 注

    def fold(text):
        return "".join(chars.get(char, char) for char in text)

    # (typed, meant): a Simplified word typed, its conversion on the pages.
    pairs = [("注册", "註冊"), ("账户", "帳戶"), ("软件", "軟體"), ("注册", "注冊")]
    assert phrase_folds(pairs, fold) == [["注冊", "註冊"], ["軟件", "軟體"]], \
        "only where the characters alone do not reach the word; the first meaning wins"


def test_queries_meet_words_the_conversion_changed(built_site):
    from helpcentre_tools.search_model import BrowserSearch

    traditional = BrowserSearch(built_site.search_index("zh-Hant"))
    assert "註冊" in traditional.prepare("怎么注册"), "注册 is 註冊 on the converted pages, not 注冊"
    simplified = BrowserSearch(built_site.search_index("zh"))
    assert "重复" in simplified.prepare("重複扣款") and "重复" in simplified.prepare("重復扣款")


def test_traditional_text_is_cut_where_its_source_is_cut(built_site):
    # jieba knows Simplified words: cut directly, 怎麼辦 fell apart into 怎麼 / 辦
    # and 號被盜 (号被盗) into 號被 / 盜.
    words = set(built_site.search_index("zh-Hant").terms)
    assert "怎麼辦" in words and "被盜" in words
    assert "號被" not in words


def test_markdown_conversion_keeps_markup_code_links_and_shortcodes():
    converter = Converter("zh", "s2twp", [Override("交易記錄", "交易紀錄", "noun", 1)])
    source = "\n".join([
        "---", "title: 查看交易记录", "keywords: [交易记录, 账单]", "---", "",
        "## 查看交易记录 {#view-history}", "",
        "打开 {{ brand }} App，点击[交易记录](../payments/transaction-history.md#筛选)。",
        "访问 https://example.com/帮助 或输入 `交易记录` 命令。", "",
        "```text", "交易记录 不要转换", "```", "",
        '<span title="账户">账户</span> :material-phone: [说明][参考]', "", "[参考]: ../help/说明.md",
    ])
    lines = converter.markdown(source).split("\n")
    assert lines[1] == "title: 檢視交易紀錄" and lines[2] == "keywords: [交易紀錄, 賬單]"
    assert lines[5] == "## 檢視交易紀錄 {#view-history}"
    assert lines[7] == "開啟 {{ brand }} App，點選[交易紀錄](../payments/transaction-history.md#筛选)。"
    assert lines[8] == "訪問 https://example.com/帮助 或輸入 `交易记录` 命令。"
    assert lines[11] == "交易记录 不要转换", "fenced code is not converted"
    assert lines[14] == '<span title="账户">賬戶</span> :material-phone: [說明][参考]'
    assert lines[16] == "[参考]: ../help/说明.md"
    assert len(lines) == len(source.split("\n")), "every line stays on its line"


@pytest.fixture
def traditional_project(project: Path) -> Path:
    """The tiny fixture site: Traditional Chinese converted from Simplified, as on the real site."""
    assert (project / "docs" / "conversion" / "zh-Hant.yml").is_file()
    return project


def test_a_hand_written_page_wins_and_is_not_marked_converted(traditional_project):
    project = traditional_project
    source = (project / "docs" / "account" / "sample.zh.md").read_text(encoding="utf-8")
    (project / "docs" / "account" / "sample.zh-Hant.md").write_text(
        source.replace("---\n\n", "---\n\n人工審校的繁體版本。\n\n", 1), encoding="utf-8")
    assert build(project).returncode == 0
    reviewed = (project / "site" / "zh-Hant" / "account" / "sample" / "index.html").read_text(encoding="utf-8")
    assert "人工審校的繁體版本" in reviewed and 'class="hc-converted"' not in reviewed
    assert 'class="hc-converted"' in (project / "site" / "zh-Hant" / "contact" / "index.html").read_text()
    status = run_script(project, "translation_status.py", "--no-git")
    assert "zh-Hant reviewed  docs/account/sample.zh-Hant.md (from docs/account/sample.zh.md)" in status.stdout
    assert "zh-Hant converted docs/contact.zh-Hant.md (from docs/contact.zh.md)" in status.stdout


def test_a_reviewed_page_goes_out_of_date_when_its_source_changes(traditional_project):
    project = traditional_project
    source = project / "docs" / "account" / "sample.zh.md"
    (project / "docs" / "account" / "sample.zh-Hant.md").write_text(
        Converter("zh", "s2twp").markdown(source.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_script(project, "translation_status.py", "--mark-reviewed", "docs/account/sample.zh-Hant.md").returncode == 0
    assert run_script(project, "translation_status.py", "--no-git").returncode == 0
    source.write_text(source.read_text(encoding="utf-8") + "\n新增的一段。\n", encoding="utf-8")
    result = run_script(project, "translation_status.py", "--no-git")
    assert result.returncode == 1
    assert findings_of(result.stdout) == ["docs/account/sample.zh-Hant.md:1: TRANSLATION-OUTDATED"]


def test_contact_rules_run_on_the_converted_output(traditional_project):
    """An override that would put a phone number into every converted page is caught, at the source's line."""
    overrides = traditional_project / "docs" / "conversion" / "zh-Hant.yml"
    overrides.write_text(overrides.read_text(encoding="utf-8") + (
        "  - wrong: 開啟\n    right: 撥打 400-123-4567 後開啟\n    why: a bad edit\n"), encoding="utf-8")
    result = run_script(traditional_project, "check_contact_links.py")
    assert result.returncode == 1
    assert "docs/account/sample.zh.md:9: CONTACT-PHONE" in findings_of(result.stdout), result.stdout
    assert build(traditional_project).returncode != 0


def test_a_broken_overrides_file_is_a_finding(traditional_project):
    (traditional_project / "docs" / "conversion" / "zh-Hant.yml").write_text(
        "overrides:\n  - wrong: 賬戶\n    right: 帳戶\n", encoding="utf-8")
    result = run_script(traditional_project, "check_content.py")
    assert result.returncode == 1
    assert findings_of(result.stdout) == ["docs/conversion/zh-Hant.yml:2: CONVERSION-OVERRIDES"]


def test_a_writer_starts_a_reviewed_page_from_the_conversion(traditional_project):
    project = traditional_project
    result = run_script(project, "convert_page.py", "docs/account/sample.zh.md")
    assert result.returncode == 0, result.stderr
    written = (project / "docs" / "account" / "sample.zh-Hant.md").read_text(encoding="utf-8")
    assert "開啟" in written and "{{ brand }}" in written
    again = run_script(project, "convert_page.py", "docs/account/sample.zh.md")
    assert again.returncode == 2 and "exists already" in again.stderr
    assert run_script(project, "convert_page.py", "docs/account/sample.en.md").returncode == 2
