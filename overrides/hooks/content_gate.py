"""Fail the build before anything is written when the content is broken:
front matter, missing translations, unknown categories, a bad registry.

Messages are `path:line: RULE-ID message`, the same as `make check`."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from site_data import load_site_data
from helpcentre.findings import format_findings


@event_priority(100)
def on_pre_build(config) -> None:
    data = load_site_data(config)
    if data.findings:
        raise PluginError(
            f"the content has {len(data.findings)} problem(s); fix them and build again:\n"
            + format_findings(data.findings)
        )
