#!/usr/bin/env python3
"""Benchmark the contact-link checker: generate N realistic articles (both
languages, checklists with contact links, ordinary numbers) in a temporary
docs folder and print how many files per second the checker reads.

    python scripts/bench_contact_links.py [--files 2000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_contact_links import check_files  # noqa: E402
from helpcentre.checks import contact_policy  # noqa: E402
from helpcentre.content import markdown_files  # noqa: E402
from helpcentre.registry import load_registry  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = {
    "zh": """---
title: 示例问题 {n}
description: 第 {n} 篇生成的排查文章。
type: troubleshooting
order: {n}
---

如果你在 2024-01-15 08:00 之后的付款失败，金额为 ¥1,000.00，先别着急。

## 检查付款 {{#check-{n}}}

!!! checklist "逐项排查"

    1. 打开 {{{{ brand }}}} App，进入**我 → 交易记录**，查看交易编号 TXN2024011500{n}。
    2. 确认余额充足，手续费为 0.5%，通常 1-2 个工作日到账。
        - 检查网络，切换 Wi-Fi 和移动数据。
        - 更新 App 到最新版本。
    3. 仍未解决？请联系[在线客服][chat]，或拨打[客服热线](../contact.md#phone)。

[chat]: ../contact.md#chat
""",
    "en": """---
title: Generated problem {n}
description: Generated troubleshooting article number {n}.
type: troubleshooting
order: {n}
---

If a payment of $1,000.00 failed after 08:00 on 2024-01-15, don't worry.

## Check the payment {{#check-{n}}}

!!! checklist "Work through this checklist"

    1. Open the {{{{ brand }}}} app, go to **Me → Transactions** and note transaction ID TXN2024011500{n}.
    2. Make sure your balance covers the 0.5% fee; it usually arrives in 1-2 business days.
        - Check your network and switch between Wi-Fi and mobile data.
        - Update the app to the latest version.
    3. Still stuck? Contact [live chat][chat] or the [phone hotline](../contact.md#phone).

[chat]: ../contact.md#chat
""",
}


def generate(docs_dir: Path, count: int) -> None:
    (docs_dir / "bench").mkdir(parents=True)
    shutil.copy2(ROOT / "docs" / "registry.yml", docs_dir / "registry.yml")
    for n in range(count):
        lang = "zh" if n % 2 == 0 else "en"
        (docs_dir / "bench" / f"article-{n}.{lang}.md").write_text(ARTICLE[lang].format(n=n), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="how many files to generate (default 2000)")
    args = parser.parse_args(argv)
    if args.files < 1:
        parser.error("--files must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        docs_dir = Path(tmp) / "docs"
        generate(docs_dir, args.files)
        registry, _ = load_registry(docs_dir)
        files = markdown_files(docs_dir)
        start = time.perf_counter()
        findings = check_files(files, docs_dir, contact_policy(registry), Path(tmp))
        seconds = time.perf_counter() - start
    print(f"files: {len(files)}  findings: {len(findings)}  seconds: {seconds:.2f}  "
          f"files/second: {len(files) / seconds:.0f}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
