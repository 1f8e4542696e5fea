"""Chinese must be segmented in the built index, or nobody can find it."""

from __future__ import annotations

import re

from support import FIXTURES, build, make_project

CHINESE_RUN = re.compile(r"[\u4e00-\u9fff]{12,}")


def chinese_entries(index) -> list[dict]:
    return [doc for doc in index.docs if re.search(r"[\u4e00-\u9fff]", doc["text"])]


def test_each_language_has_its_own_index(built_site):
    zh, en = built_site.search_index("zh"), built_site.search_index("en")
    assert zh.config["lang"] == ["zh"] and en.config["lang"] == ["en"]
    for index in (zh, en):
        assert "\\u200b" in index.config["separator"] or "\u200b" in index.config["separator"]
    # Locations are relative to the language root, and nothing of the other language is in them.
    assert not any(doc["location"].startswith("en/") for doc in zh.docs + en.docs)
    assert all(re.search(r"[\u4e00-\u9fff]", doc["title"]) for doc in zh.docs if "#" not in doc["location"])
    assert not any(re.search(r"[\u4e00-\u9fff]", doc["title"] + doc["text"]) for doc in en.docs)
    assert {doc["location"] for doc in zh.docs} == {doc["location"] for doc in en.docs}


def test_keywords_from_front_matter_are_indexed(built_site):
    zh, en = built_site.search_index("zh"), built_site.search_index("en")
    assert zh.config["fields"]["keywords"]["boost"] >= zh.config["fields"]["text"]["boost"]
    keywords = zh.field_terms("account/reset-password/", "keywords")
    assert {"登", "不", "上"} & keywords or "登不上" in keywords
    assert not any(len(term) > 8 for term in keywords), "Chinese keywords must be segmented like the rest of the index"
    assert en.field_terms("account/reset-password/", "keywords") >= {"reset", "password"}


def test_chinese_text_in_the_index_is_segmented(built_site):
    entries = chinese_entries(built_site.search_index())
    assert len(entries) > 50
    for doc in entries:
        assert "\u200b" in doc["text"], f"{doc['location']} is not segmented"
        # jieba splits sentences into words: no long unbroken run of Hanzi is left
        unsegmented = CHINESE_RUN.findall(doc["text"])
        assert not unsegmented, f"{doc['location']}: unsegmented text {unsegmented[:2]}"


def test_build_fails_when_jieba_is_missing(tmp_path):
    project = make_project(tmp_path / "site", FIXTURES / "base" / "docs")
    blocker = tmp_path / "block"
    blocker.mkdir()
    # A sitecustomize that makes `import jieba` fail, as on a machine without it.
    (blocker / "sitecustomize.py").write_text(
        "import sys\n"
        "class BlockJieba:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'jieba' or name.startswith('jieba.'):\n"
        "            raise ModuleNotFoundError(\"No module named 'jieba'\")\n"
        "sys.meta_path.insert(0, BlockJieba())\n"
    )
    result = build(project, PYTHONPATH=str(blocker))
    assert result.returncode != 0
    assert "jieba is not installed" in result.stdout + result.stderr
    assert not (project / "site" / "index.html").exists()
