#!/usr/bin/env python3
"""Benchmark the insights report: generate N access-log lines (nginx combined
format: events of every type in two languages, foreign traffic, bots, errors,
repeats and broken lines) as three rotated files, two plain and one gzipped,
in a scratch folder; run scripts/insights.py on them as another process and
print its wall time and peak memory. Prints numbers, asserts nothing.

    python scripts/bench_insights.py [--lines 1000000] [--memory-limit 1GB] [--seed 1]
"""

from __future__ import annotations

import argparse
import gzip
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

SCRIPT = Path(__file__).resolve().parent / "insights.py"
START = datetime(2025, 10, 1, tzinfo=timezone.utc)
BROWSERS = [f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/{v}.0 Safari/537.36" for v in range(110, 140)]
BOTS = ["Mozilla/5.0 (compatible; Googlebot/2.1)", "curl/8.5.0", "python-requests/2.32.3"]
WORDS = {"zh": ["密码", "充值", "退款", "转账", "限额", "账户", "冻结", "手机号", "银行卡", "到账", "验证码",
                "客服"],
         "en": ["password", "top up", "refund", "transfer", "limit", "account", "frozen", "phone", "card", "code"]}
# The share of each kind of line, roughly what a help centre's server sees.
KINDS = {"search": 40, "open": 20, "vote": 6, "contact": 4, "lang": 1, "foreign": 18, "bot": 5, "status": 2,
         "forged": 2, "broken": 1, "repeat": 1}


def query(rng: random.Random, lang: str) -> str:
    words = WORDS[lang]
    # A few queries are most of the traffic, as in any search log.
    picked = (words[min(int(rng.paretovariate(1.2)) - 1, len(words) - 1)] for _ in range(rng.randint(1, 2)))
    return " ".join(dict.fromkeys(picked))


def event(rng: random.Random, kind: str, lang: str) -> str:
    page = "/" if lang == "zh" else "/en/"
    article = f"{page}a{rng.randint(1, 300)}/"
    params = {
        "search": lambda: {"q": query(rng, lang), "n": rng.choice((0, 1, 3, 8)), "r": 1,
                           "w": rng.choice(("dialog", "contact"))},
        "open": lambda: {"q": query(rng, lang), "u": article, "k": rng.randint(1, 5), "w": "dialog",
                         **({"prev": query(rng, lang)} if rng.random() < 0.2 else {})},
        "vote": lambda: {"u": article, "h": 1} if rng.random() < 0.7 else {"u": article, "h": 0, "why": "unclear"},
        "contact": lambda: {"ch": rng.choice(("chat", "phone", "email")), "from": "contact", "s": rng.randint(0, 1)},
        "lang": lambda: {"q": query(rng, lang), "t": "en" if lang == "zh" else "zh"},
    }[kind]()
    pairs = {"v": 1, "e": kind, "l": lang, "p": page, **params}
    return "/_hc/e?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in pairs.items())


def line(rng: random.Random, when: datetime, previous: str) -> str:
    kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
    if kind == "repeat" and previous:
        return previous
    lang = "zh" if rng.random() < 0.7 else "en"
    agent, status, target = rng.choice(BROWSERS), 204, "/"
    if kind in ("search", "open", "vote", "contact", "lang"):
        target = event(rng, kind, lang)
    elif kind == "foreign":
        target, status = f"/{lang}/a{rng.randint(1, 300)}/", 200
    elif kind == "bot":
        agent, target = rng.choice(BOTS), event(rng, "search", lang)
    elif kind == "status":
        target, status = event(rng, "search", lang), 404
    elif kind == "forged":
        target = event(rng, "search", lang) + "&uid=" + str(rng.randint(1, 10**6))
    elif kind == "broken":
        return f'10.0.0.{rng.randint(1, 254)} - - [{when:%d/%b/%Y:%H:%M:%S +0000}] "GET /_hc/e?v=1&e=sea'  # cut off
    address = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return (f'{address} - - [{when:%d/%b/%Y:%H:%M:%S +0000}] "GET {target} HTTP/1.1" {status} 0 '
            f'"https://help.example.com/" "{agent}"')


def generate(folder: Path, lines: int, seed: int) -> list[Path]:
    """access.log.2.gz (oldest, gzipped), access.log.1 and access.log, a third of the lines each."""
    rng = random.Random(seed)
    files = [folder / "access.log.2.gz", folder / "access.log.1", folder / "access.log"]
    step = timedelta(days=30) / lines
    previous = ""
    for index, path in enumerate(files):
        count = lines // 3 + (1 if index < lines % 3 else 0)
        first = index * (lines // 3)
        text = []
        for number in range(first, first + count):
            previous = line(rng, START + step * number, previous)
            text.append(previous)
        data = ("\n".join(text) + "\n").encode("utf-8")
        path.write_bytes(gzip.compress(data, compresslevel=6) if path.suffix == ".gz" else data)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="log lines to generate (default 1000000)")
    parser.add_argument("--memory-limit", default="1GB", help="passed to the report (default 1GB)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.lines < 3:
        parser.error("--lines must be at least 3")
    with tempfile.TemporaryDirectory(prefix="bench-insights-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        files = generate(folder, args.lines, args.seed)
        generated = time.perf_counter() - started
        size = sum(f.stat().st_size for f in files)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(SCRIPT), *map(str, files), "--memory-limit", args.memory_limit,
                                 "--html", str(folder / "insights.html"), "--markdown", str(folder / "insights.md")],
                                capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(result.stdout.strip() or result.stderr.strip())
    print(f"lines: {args.lines:,}  files: 3 ({size / 2**20:.0f} MiB on disk, 1 gzipped)  "
          f"generated in {generated:.1f} s")
    print(f"report: {seconds:.1f} s wall  {args.lines / seconds:,.0f} lines/s  peak memory {peak_mb:.0f} MiB"
          f"  (memory limit {args.memory_limit}, exit {result.returncode})")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
