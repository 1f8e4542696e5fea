"""Security headers and security.txt for a static host.

The Content-Security-Policy allows the site's own origin only. Material's
templates put three kinds of executable inline script in every page: the
`__md_scope` / `__md_get` helpers (one variant per folder depth, since they
hold the page's relative base URL), the palette restore script and the
script that opens a toggle named by the URL fragment. They are allowed by
their SHA-256 hashes, collected from the built pages, so no 'unsafe-inline'
is needed. The `__config` JSON and the JSON-LD blocks are data, not run.
Material sets styles through the CSSOM only, so style-src needs no
'unsafe-inline' either; img-src allows data: for the icons Material's CSS
draws with data-URI SVG masks.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from datetime import date, timedelta
from urllib.parse import urlsplit

from helpcentre.registry import Registry

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
DATA_TYPES = ("application/json", "application/ld+json")


def inline_script_hashes(pages: Iterable[str]) -> list[str]:
    """CSP sources ('sha256-…') of every executable inline script."""
    hashes = set()
    for html in pages:
        for attributes, body in INLINE_SCRIPT.findall(html):
            if any(kind in attributes for kind in DATA_TYPES):
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def content_security_policy(script_hashes: list[str], connect_to: list[str] | None = None) -> str:
    connect = " ".join(["'self'", *sorted(set(connect_to or []))])
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {' '.join(script_hashes)}".strip(),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src {connect}",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def security_headers(csp: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                              "microphone=(), payment=(), usb=()",
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def headers_file(headers: dict[str, str], paths: dict[str, dict[str, str]] | None = None) -> str:
    """Netlify and Cloudflare Pages read site/_headers: the security headers
    for every path, then more headers for some (`paths`)."""
    lines = ["# Security headers for every path (generated at build; see README).", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    for path, extra in (paths or {}).items():
        lines += [path] + [f"  {name}: {value}" for name, value in extra.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet(headers: dict[str, str]) -> str:
    lines = ["# Security headers for nginx (generated at build; include in the server block).",
             "# Note: add_header in a location block replaces these; repeat the include there."]
    return "\n".join(lines + [f'add_header {name} "{value}" always;' for name, value in headers.items()]) + "\n"


def parse_headers_file(text: str, path: str = "/*") -> dict[str, str]:
    """The headers a _headers file gives `path` (one of its path lines)."""
    headers, current = {}, None
    for line in text.splitlines():
        if line and not line.startswith(("#", " ")):
            current = line.strip()
        elif current == path and line.startswith("  ") and ": " in line:
            name, value = line.strip().split(": ", 1)
            headers[name] = value
    return headers


def security_txt(registry: Registry, site_url: str, today: date) -> str:
    """RFC 9116: Contact and Expires are required."""
    security = registry.data.get("security") or {}
    lines = [f"Contact: {contact}" for contact in security.get("contact", [])]
    expires = today + timedelta(days=int(security.get("expires_days", 365)))
    lines.append(f"Expires: {expires.isoformat()}T00:00:00.000Z")
    if security.get("preferred_languages"):
        lines.append(f"Preferred-Languages: {', '.join(security['preferred_languages'])}")
    lines.append(f"Canonical: {site_url.rstrip('/')}/.well-known/security.txt")
    if security.get("policy"):
        lines.append(f"Policy: {security['policy']}")
    return "\n".join(lines) + "\n"


def origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None
