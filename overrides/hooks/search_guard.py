"""Material silently indexes Chinese as unsearchable runs of characters when
jieba is missing. Fail the build instead."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


# Before Material's search plugin, which crashes on a jieba dictionary without jieba.
@event_priority(100)
def on_config(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = search.config.lang or [] if search else []
    if "zh" in languages and not jieba_installed():
        raise PluginError(
            "search: 'zh' is configured but jieba is not installed, so Chinese text would "
            "not be segmented and could not be found; run `make install`"
        )
    return config


def jieba_installed() -> bool:
    try:
        import jieba  # noqa: F401
    except ImportError:
        return False
    return True
