"""Material silently indexes Chinese as unsearchable runs of characters when
jieba is missing. Fail the build instead."""

from __future__ import annotations

import importlib.util

from mkdocs.exceptions import PluginError


def on_config(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = search.config.lang or [] if search else []
    if "zh" in languages and importlib.util.find_spec("jieba") is None:
        raise PluginError(
            "search: 'zh' is configured but jieba is not installed, so Chinese text would "
            "not be segmented and could not be found; run `make install`"
        )
    return config
