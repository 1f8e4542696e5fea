"""Chinese must be segmented in the built index, or nobody can find it."""

from __future__ import annotations

import re

from support import FIXTURES, build, make_project

CHINESE_RUN = re.compile(r"[\u4e00-\u9fff]{12,}")


def chinese_entries(index: dict) -> list[dict]:
    return [doc for doc in index["docs"]
            if not doc["location"].startswith("en/") and re.search(r"[\u4e00-\u9fff]", doc["text"])]


def test_search_is_configured_for_chinese_and_english(built_site):
    config = built_site.search_index()["config"]
    assert set(config["lang"]) >= {"zh", "en"}
    assert "\\u200b" in config["separator"] or "\u200b" in config["separator"]


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
