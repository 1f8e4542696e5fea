"""Take the site name for the language being built from the registry, so the
brand is written in exactly one place."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from site_data import current_language
from helpcentre.registry import load_registry


# After mkdocs-static-i18n (-100), which sets the language of this build.
@event_priority(-110)
def on_config(config):
    registry, _ = load_registry(Path(config.docs_dir))
    if registry is not None:
        config.site_name = registry.text("site_name", current_language(config))
    return config
