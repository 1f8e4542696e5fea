#!/usr/bin/env python3
"""Save a Zendesk Guide help centre as an export folder for
scripts/import_help_centre.py: the Help Center API's responses, page after
page, concatenated into one list per file.

    ZENDESK_API_TOKEN=... python scripts/zendesk_export.py --base-url https://example.zendesk.com \\
        --email admin@example.com --out zendesk-export/

Writes categories.json, sections.json, articles.json (with drafts),
translations/<article id>.json and attachments/<article id>.json. Reads
only; needs an API token of an agent who can see every article.
Exit codes: 0 saved, 1 the API answered with an error, 2 usage error.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

API = "/api/v2/help_center"
PAGE_SIZE = 100


class Client:
    def __init__(self, base_url: str, email: str, token: str):
        self.base = base_url.rstrip("/")
        credentials = base64.b64encode(f"{email}/token:{token}".encode()).decode()
        self.headers = {"Authorization": f"Basic {credentials}", "Accept": "application/json"}

    def pages(self, path: str, key: str) -> list:
        """Every item of a listing, following next_page."""
        items, url = [], f"{self.base}{API}{path}?per_page={PAGE_SIZE}"
        while url:
            request = urllib.request.Request(url, headers=self.headers)
            with urllib.request.urlopen(request, timeout=60) as response:
                page = json.loads(response.read().decode("utf-8"))
            items += page.get(key) or []
            url = page.get("next_page")
        return items


def save(folder: Path, name: str, key: str, items: list) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({key: items}, ensure_ascii=False, indent=1), encoding="utf-8")


def export(client: Client, folder: Path) -> int:
    save(folder, "categories.json", "categories", client.pages("/categories.json", "categories"))
    save(folder, "sections.json", "sections", client.pages("/sections.json", "sections"))
    articles = client.pages("/articles.json", "articles")
    save(folder, "articles.json", "articles", articles)
    for article in articles:
        number = article["id"]
        save(folder, f"translations/{number}.json", "translations",
             client.pages(f"/articles/{number}/translations.json", "translations"))
        save(folder, f"attachments/{number}.json", "article_attachments",
             client.pages(f"/articles/{number}/attachments.json", "article_attachments"))
    return len(articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True, help="https://<subdomain>.zendesk.com")
    parser.add_argument("--email", required=True, help="the agent the API token belongs to")
    parser.add_argument("--out", required=True, type=Path, help="the export folder to write")
    args = parser.parse_args(argv)
    token = os.environ.get("ZENDESK_API_TOKEN", "")
    if not token:
        print("error: set ZENDESK_API_TOKEN to an API token (Admin Center > Apps and integrations > Zendesk API)",
              file=sys.stderr)
        return 2
    try:
        count = export(Client(args.base_url, args.email, token), args.out)
    except urllib.error.HTTPError as error:
        print(f"error: {error.url}: HTTP {error.code} {error.reason}", file=sys.stderr)
        return 1
    except (urllib.error.URLError, OSError, json.JSONDecodeError) as error:
        print(f"error: {args.base_url}: {error}", file=sys.stderr)
        return 1
    print(f"saved {count} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
