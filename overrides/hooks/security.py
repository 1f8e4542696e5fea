"""After the last language is built: security headers for static hosts
(site/_headers for Netlify and Cloudflare Pages, site/nginx-security-headers.conf
for nginx) with a Content-Security-Policy made from the built pages, and
/.well-known/security.txt from the registry. See helpcentre/security.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.plugins import event_priority

from site_data import site_data
from helpcentre.security import (
    content_security_policy, headers_file, inline_script_hashes, nginx_snippet, origin_of, security_headers,
    security_txt,
)


# Last of all, after every language and every page rewrite.
@event_priority(-300)
def on_post_build(config) -> None:
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return  # an inner language build; the outer one comes back here at the end
    site = Path(config.site_dir)
    pages = (path.read_text(encoding="utf-8") for path in site.rglob("*.html"))
    endpoint = origin_of((config.extra.get("feedback") or {}).get("endpoint") or "")
    headers = security_headers(content_security_policy(inline_script_hashes(pages), [endpoint] if endpoint else []))
    (site / "_headers").write_text(headers_file(headers), encoding="utf-8")
    (site / "nginx-security-headers.conf").write_text(nginx_snippet(headers), encoding="utf-8")
    data = site_data(config)
    if data.registry is not None:
        well_known = site / ".well-known"
        well_known.mkdir(exist_ok=True)
        (well_known / "security.txt").write_text(
            security_txt(data.registry, config.site_url or "/", date.today()), encoding="utf-8")
    # GitHub Pages (branch deploys) would hide .well-known/ behind Jekyll.
    (site / ".nojekyll").write_text("", encoding="utf-8")
