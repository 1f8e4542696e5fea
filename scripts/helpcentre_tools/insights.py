"""The insights report (scripts/insights.py, `make insights`): what customers
searched, found, missed, voted and contacted, per language, from the web
server's access logs of the help centre's anonymous events.

The event protocol (v1, insights-protocol.md, shared with the browser side)
makes every event one GET to the events path (default /_hc/e) with the event
in the query string. The logs are read and checked by DuckDB, embedded: the SQL below is
named queries that a warehouse could run on the same lines, and DuckDB spills
to disk when the logs are larger than --memory-limit.

Every line is counted once: as an event, or as skipped with the first reason
of REASONS that applies. Queries are grouped by their normalised form
(normalise()); IP addresses and user agents only tell duplicates apart and
are never in the report.
"""

from __future__ import annotations

import glob
import html
import tempfile
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

DEFAULT_ENDPOINT = "/_hc/e"
# The protocol's cap on suggestions: one customer's rephrasing is an anecdote.
SUGGESTION_MIN = 2
GZIP_MAGIC = b"\x1f\x8b"

# Every reason a line is skipped, in the order they are decided (a line gets
# the first that applies), with what the report says about it.
REASONS = {
    "malformed": "not a readable log line (truncated, not UTF-8, no time, request or status)",
    "outside-period": "outside --since/--until",
    "foreign": "not an event: another path, or not a GET",
    "bot": "bot or script user agent",
    "status": "response status not 2xx",
    "version": "protocol version missing or not 1",
    "event": "unknown event type (e)",
    "parameter": "unknown, empty or repeated parameter name",
    "missing": "a required parameter is missing",
    "encoding": "percent-encoding that is not UTF-8",
    "control": "control or bidirectional-override characters",
    "oversized": "a value over its cap",
    "number": "a number that is not a non-negative integer",
    "language": "bad language code (l or t)",
    "value": "a value the protocol does not allow",
    "other-language": "language not chosen with --lang",
    "duplicate": "the same event from the same client within 10 s",
}

# Parameters of each event type besides v, e, l, p: (required, optional).
COMMON = ("v", "e", "l", "p")
EVENTS = {
    "search": (("q", "n", "r", "w"), ()),
    "open": (("q", "u", "k", "w"), ("prev",)),
    "lang": (("q", "t"), ()),
    "vote": (("u", "h"), ("why", "c")),
    "contact": (("ch", "from", "s"), ()),
}
WHY = ("missing", "wrong", "unclear", "broken", "other")

# --- the SQL ---------------------------------------------------------------------
# {files} placeholders are filled with read_csv calls by read_sql(); $names
# are bound parameters.

# One VARCHAR column per line: no quoting, a delimiter no log line has. A
# line that is not UTF-8 or over 2 MB is rejected and counted as malformed.
# Not strict: a stray carriage return would otherwise stop the whole read
# (it splits its line instead, into lines that are malformed).
READ_CSV = r"""SELECT line FROM read_csv({files}, columns = {{'line': 'VARCHAR'}}, header = false,
    auto_detect = false, delim = E'\x01', quote = '', escape = '', strict_mode = false, store_rejects = true,
    compression = '{compression}')"""

# Every line to one row: its request's fields, whatever the log format, and
# the first reason that needs no parameter to decide it.
CHECK_REQUESTS = r"""
CREATE TEMP TABLE requests AS
WITH lines AS ({read}),
fields AS (
    SELECT
        CASE WHEN NOT starts_with(ltrim(line), '{{') THEN regexp_extract(line,
            '^(\S+) \S+ \S+ \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{{3}}) \S+ "(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)"',
            ['addr', 'time', 'request', 'status', 'ua']) END AS c,
        CASE WHEN starts_with(ltrim(line), '{{') AND json_valid(line) THEN line::JSON END AS j
    FROM lines
),
requests AS (
    SELECT
        coalesce(nullif(c.addr, ''), j->>'remote_addr', j->>'ClientIP', j->>'client_ip', j->>'ip') AS addr,
        coalesce(nullif(c.ua, ''), j->>'http_user_agent', j->>'ClientRequestUserAgent', j->>'user_agent',
                 j->>'userAgent') AS ua,
        coalesce(nullif(c.time, ''), j->>'time', j->>'time_iso8601', j->>'time_local', j->>'timestamp',
                 j->>'EdgeStartTimestamp', j->>'@timestamp') AS time_text,
        coalesce(nullif(c.request, ''), j->>'request') AS request_line,
        coalesce(j->>'request_uri', j->>'ClientRequestURI', j->>'url', j->>'uri', j->>'path') AS uri,
        coalesce(j->>'request_method', j->>'ClientRequestMethod', j->>'method') AS method_field,
        coalesce(nullif(c.status, ''), j->>'status', j->>'EdgeResponseStatus', j->>'status_code') AS status_text
    FROM fields
),
parsed AS (
    SELECT
        hash(coalesce(addr, ''), coalesce(ua, '')) AS client,
        ua,
        coalesce(nullif(regexp_extract(request_line, '^(\S+) ', 1), ''), method_field, 'GET') AS method,
        -- an absolute URL (Netlify-like logs) keeps only its path and query
        regexp_replace(coalesce(nullif(regexp_extract(request_line, '^\S+ (\S+)', 1), ''), uri),
                       '^[A-Za-z][A-Za-z0-9+.-]*://[^/]*', '') AS target,
        TRY_CAST(status_text AS INTEGER) AS status,
        coalesce(
            try_strptime(time_text, '%d/%b/%Y:%H:%M:%S %z')::TIMESTAMP,
            TRY_CAST(time_text AS TIMESTAMPTZ)::TIMESTAMP,
            -- epoch seconds, milliseconds, microseconds or nanoseconds (Cloudflare)
            CASE WHEN regexp_full_match(time_text, '[0-9]{{9,19}}(\.[0-9]+)?') THEN try(make_timestamp(CAST(
                CASE WHEN time_text::DOUBLE >= 1e17 THEN time_text::DOUBLE / 1000
                     WHEN time_text::DOUBLE >= 1e14 THEN time_text::DOUBLE
                     WHEN time_text::DOUBLE >= 1e11 THEN time_text::DOUBLE * 1000
                     ELSE time_text::DOUBLE * 1000000 END AS BIGINT))) END
        ) AS ts
    FROM requests
),
reasoned AS (
    SELECT client, ts, target,
        CASE
            WHEN target IS NULL OR target = '' OR status IS NULL OR ts IS NULL THEN 'malformed'
            WHEN ts < $since OR ts >= $until THEN 'outside-period'
            WHEN method <> 'GET' OR split_part(target, '?', 1) <> $endpoint THEN 'foreign'
            WHEN regexp_matches(coalesce(ua, ''), 'bot|crawl|spider|slurp|curl|wget|python-requests|headless?', 'i')
                THEN 'bot'
            WHEN status NOT BETWEEN 200 AND 299 THEN 'status'
        END AS reason
    FROM parsed
)
SELECT reason, client, ts,
       CASE WHEN reason IS NULL THEN substr(target, strpos(target, '?') + 1) END AS qs
FROM reasoned
"""

# The protocol's parameter names per event type, as a table CHECK_EVENTS joins.
PROTOCOL_TABLE = """
CREATE TEMP TABLE protocol AS
SELECT unnest($types::VARCHAR[]) AS e, unnest($required::VARCHAR[][]) AS required,
       unnest($allowed::VARCHAR[][]) AS allowed
"""

# The requests to the events path, their parameters checked against the
# protocol; a repeated event from the same client is a duplicate.
CHECK_EVENTS = r"""
CREATE TEMP TABLE events AS
WITH named AS (
    SELECT client, ts, qs,
        list_transform(string_split(qs, '&'), x -> CASE WHEN contains(x, '=') THEN split_part(x, '=', 1) ELSE '' END)
            AS names,
        regexp_extract('&' || qs, '&v=([^&]*)', 1) AS v,
        regexp_extract('&' || qs, '&e=([^&]*)', 1) AS e
    FROM requests WHERE reason IS NULL
),
named_checked AS (
    SELECT named.*,
        CASE
            WHEN v <> '1' OR NOT list_contains(names, 'v') THEN 'version'
            WHEN protocol.e IS NULL THEN 'event'
            WHEN len(list_distinct(names)) < len(names) OR NOT list_has_all(allowed, names) THEN 'parameter'
            WHEN NOT list_has_all(names, required) THEN 'missing'
        END AS reason
    FROM named LEFT JOIN protocol ON named.e = protocol.e
),
valued AS (  -- names are now known and unique: a map cannot fail
    SELECT client, ts, qs, reason,
        try(url_decode(replace(qs, '+', ' '))) AS decoded,
        CASE WHEN reason IS NULL THEN map_from_entries(list_transform(string_split(qs, '&'),
            x -> (split_part(x, '=', 1), try(url_decode(replace(substr(x, strpos(x, '=') + 1), '+', ' '))))))
        END AS m
    FROM named_checked
),
fields AS (
    SELECT client, ts, qs, reason, decoded,
        m['l'] AS lang, m['e'] AS e, m['p'] AS p, m['q'] AS q, m['n'] AS n, m['r'] AS r, m['w'] AS w,
        m['u'] AS u, m['k'] AS k, m['prev'] AS prev, m['t'] AS t, m['h'] AS h, m['why'] AS why,
        m['c'] AS c, m['ch'] AS ch, m['from'] AS came_from, m['s'] AS s
    FROM valued
),
checked AS (
    SELECT *,
        coalesce(reason, CASE
            -- DuckDB decodes a stray % as itself; encodeURIComponent never writes one
            WHEN decoded IS NULL OR regexp_matches(qs, '%([^0-9A-Fa-f]|.[^0-9A-Fa-f]|.?$)') THEN 'encoding'
            WHEN regexp_matches(decoded, '[[:cntrl:]\x{80}-\x{9f}\x{202a}-\x{202e}\x{2066}-\x{2069}]')
                THEN 'control'
            WHEN length(q) > 100 OR length(prev) > 100 OR length(p) > 200 OR length(u) > 200 OR length(c) > 300
                OR length(ch) > 64 OR length(t) > 35 OR length(n) > 9 OR length(k) > 9 THEN 'oversized'
            WHEN NOT regexp_full_match(n, '[0-9]+') OR NOT regexp_full_match(k, '[0-9]+')
                OR NOT regexp_full_match(r, '[0-9]+') OR NOT regexp_full_match(h, '[0-9]+')
                OR NOT regexp_full_match(s, '[0-9]+') THEN 'number'
            WHEN NOT regexp_full_match(lang, '[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*')
                OR NOT regexp_full_match(coalesce(t, 'xx'), '[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*') THEN 'language'
            WHEN NOT starts_with(p, '/') OR NOT starts_with(coalesce(u, '/'), '/') OR trim(coalesce(q, 'x')) = ''
                OR coalesce(w, 'dialog') NOT IN ('dialog', 'contact') OR coalesce(r, '0') NOT IN ('0', '1')
                OR coalesce(h, '0') NOT IN ('0', '1') OR coalesce(s, '0') NOT IN ('0', '1')
                OR TRY_CAST(k AS INTEGER) < 1
                OR coalesce(why, 'other') NOT IN ('missing', 'wrong', 'unclear', 'broken', 'other')
                OR (why IS NOT NULL AND h <> '0') OR coalesce(came_from, 'contact') NOT IN ('contact', 'article')
                OR NOT regexp_full_match(coalesce(ch, 'x'), '[A-Za-z0-9_-]+') THEN 'value'
            WHEN NOT list_contains($langs::VARCHAR[], lang) THEN 'other-language'
        END) AS checked_reason
    FROM fields
)
SELECT
    -- "the same event" = the identical query string; ties in time keep identical ones together
    coalesce(checked_reason, CASE WHEN qs = lag(qs) OVER same_client
        AND ts - lag(ts) OVER same_client <= INTERVAL 10 SECOND THEN 'duplicate' END) AS reason,
    ts, lang, e, q, TRY_CAST(n AS INTEGER) AS n, w, u, TRY_CAST(k AS INTEGER) AS k, prev, t,
    TRY_CAST(h AS INTEGER) AS h, why, ch, came_from, TRY_CAST(s AS INTEGER) AS s
FROM checked
WINDOW same_client AS (PARTITION BY client, checked_reason ORDER BY ts, qs)
"""

SKIPPED = """
SELECT reason, count(*) FROM requests WHERE reason IS NOT NULL GROUP BY reason
UNION ALL
SELECT reason, count(*) FROM events WHERE reason IS NOT NULL GROUP BY reason
UNION ALL
SELECT 'malformed', count(DISTINCT (scan_id, file_id, line)) FROM reject_errors
"""

LINES = "SELECT (SELECT count(*) FROM requests) + (SELECT count(DISTINCT (scan_id, file_id, line)) FROM reject_errors)"

COUNTED = "CREATE TEMP VIEW counted AS SELECT * FROM events WHERE reason IS NULL"

QUERIES_TO_NORMALISE = """
SELECT DISTINCT raw FROM (SELECT q AS raw FROM counted UNION ALL SELECT prev FROM counted) WHERE raw IS NOT NULL
"""

# Python's NFKC and casefold, as a lookup table (a warehouse would use its own
# NORMALIZE(..., NFKC) and a case-folding function).
NORM_TABLE = """
CREATE TEMP TABLE norm AS SELECT unnest($raw::VARCHAR[]) AS raw, unnest($form::VARCHAR[]) AS form
"""

PERIOD = "SELECT strftime(min(ts), '%Y-%m-%d %H:%M:%S'), strftime(max(ts), '%Y-%m-%d %H:%M:%S') FROM counted"

LANGUAGE_TOTALS = """
SELECT lang,
    count(*) AS events,
    count(*) FILTER (WHERE e = 'search') AS searches,
    count(*) FILTER (WHERE e = 'open') AS opens,
    count(*) FILTER (WHERE e = 'vote') AS votes,
    count(*) FILTER (WHERE e = 'contact') AS contacts,
    count(*) FILTER (WHERE e = 'lang') AS switches,
    count(*) FILTER (WHERE e = 'search' AND w = 'contact') AS contact_searches,
    count(*) FILTER (WHERE e = 'contact' AND came_from = 'contact' AND s = 1) AS contacts_after_search,
    count(*) FILTER (WHERE e = 'open' AND w = 'contact') AS contact_opens,
    count(*) FILTER (WHERE e = 'contact' AND came_from = 'contact') AS contact_page_contacts
FROM counted GROUP BY lang ORDER BY lang
"""

# Search events per normalised query: all of them, or those with no result.
SEARCHES_BY_FORM = """
SELECT lang, form, count(*) AS searches
FROM counted JOIN norm ON q = raw
WHERE e = 'search' AND (NOT $zero_only OR n = 0)
GROUP BY lang, form
QUALIFY row_number() OVER (PARTITION BY lang ORDER BY searches DESC, form) <= $top
ORDER BY lang, searches DESC, form
"""

# Per normalised query: searches that found something, and how many of them
# no article was opened after (searches minus opens, never below 0).
FORM_CLICKS = """
CREATE TEMP VIEW form_clicks AS
WITH searched AS (
    SELECT lang, form, count(*) AS searches FROM counted JOIN norm ON q = raw
    WHERE e = 'search' AND n > 0 GROUP BY lang, form
),
opened AS (
    SELECT lang, form, count(*) AS opens FROM counted JOIN norm ON q = raw
    WHERE e = 'open' GROUP BY lang, form
)
SELECT lang, form, searches, coalesce(opens, 0) AS opens, greatest(searches - coalesce(opens, 0), 0) AS no_click
FROM searched LEFT JOIN opened USING (lang, form)
"""

NO_CLICK = """
SELECT lang, form, searches, opens, no_click,
       sum(searches) OVER (PARTITION BY lang) AS all_searches, sum(no_click) OVER (PARTITION BY lang) AS all_no_click
FROM form_clicks
QUALIFY row_number() OVER (PARTITION BY lang ORDER BY no_click DESC, form) <= $top
ORDER BY lang, no_click DESC, form
"""

ARTICLES = """
SELECT lang, u, count(*) AS votes, count(*) FILTER (WHERE h = 1) AS yes,
    count(*) FILTER (WHERE why = 'missing') AS missing,
    count(*) FILTER (WHERE why = 'wrong') AS wrong,
    count(*) FILTER (WHERE why = 'unclear') AS unclear,
    count(*) FILTER (WHERE why = 'broken') AS broken,
    count(*) FILTER (WHERE why = 'other') AS other,
    count(*) FILTER (WHERE h = 0 AND why IS NULL) AS unsaid
FROM counted WHERE e = 'vote'
GROUP BY lang, u HAVING count(*) >= $min_votes
QUALIFY row_number() OVER (PARTITION BY lang ORDER BY yes / votes, votes DESC, u) <= $top
ORDER BY lang, yes / votes, votes DESC, u
"""

CHANNELS = """
SELECT lang, ch, count(*) AS contacts, count(*) FILTER (WHERE came_from = 'contact') AS from_contact_page,
       count(*) FILTER (WHERE came_from = 'article') AS from_articles
FROM counted WHERE e = 'contact'
GROUP BY lang, ch ORDER BY lang, contacts DESC, ch
"""

# An article opened after rephrasing from a query that found nothing, or
# found results nobody opened: that query is a keyword the article lacks.
SUGGESTIONS = """
WITH missed AS (
    SELECT lang, form FROM counted JOIN norm ON q = raw WHERE e = 'search' AND n = 0
    UNION
    SELECT lang, form FROM form_clicks WHERE no_click > 0
)
SELECT o.lang, before.form AS keyword, o.u AS article, count(*) AS times
FROM counted o
JOIN norm before ON o.prev = before.raw
JOIN norm after ON o.q = after.raw
JOIN missed ON missed.lang = o.lang AND missed.form = before.form
WHERE o.e = 'open' AND before.form <> after.form
GROUP BY o.lang, before.form, o.u HAVING count(*) >= $min_count
QUALIFY row_number() OVER (PARTITION BY o.lang ORDER BY times DESC, keyword, article) <= $top
ORDER BY o.lang, times DESC, keyword, article
"""

# Queries after which customers took the link to another language.
SWITCHES = """
SELECT lang, form, t, count(*) AS times
FROM counted JOIN norm ON q = raw WHERE e = 'lang'
GROUP BY lang, form, t
QUALIFY row_number() OVER (PARTITION BY lang ORDER BY times DESC, form, t) <= $top
ORDER BY lang, times DESC, form, t
"""


# --- the report's data ---------------------------------------------------------------


class LogError(Exception):
    """A log the report cannot read at all, or a bad option: a usage error."""


@dataclass(frozen=True)
class Options:
    since: date | None = None
    until: date | None = None
    langs: tuple[str, ...] = ()
    min_votes: int = 5
    top: int = 20
    endpoint: str = DEFAULT_ENDPOINT
    memory_limit: str = "1GB"


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class NoClick:
    query: str
    searches: int
    opens: int
    no_click: int
    rate: float


@dataclass(frozen=True)
class Article:
    path: str
    votes: int
    yes: int
    helpful_rate: float
    reasons: dict[str, int]


@dataclass(frozen=True)
class Suggestion:
    keyword: str
    article: str
    count: int


@dataclass(frozen=True)
class Switch:
    query: str
    target: str
    count: int


@dataclass(frozen=True)
class ContactPage:
    searches: int
    contacts_after_search: int
    contact_after_search_rate: float | None
    opens: int
    contacts: int
    self_service_share: float | None


@dataclass
class Language:
    code: str
    events: dict[str, int]
    top_searches: list[Count] = field(default_factory=list)
    zero_results: list[Count] = field(default_factory=list)
    searches_with_results: int = 0
    no_click_searches: int = 0
    no_click_rate: float | None = None
    no_click: list[NoClick] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    contact_page: ContactPage | None = None
    channels: list[Count] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    switches: list[Switch] = field(default_factory=list)


@dataclass
class Report:
    files: list[str]
    lines: int
    events: int
    since: str | None
    until: str | None
    first: str | None
    last: str | None
    skipped: dict[str, int]
    min_votes: int
    languages: list[Language]


def figures(report: Report) -> dict:
    """The report's data as plain JSON values (what the fixtures' expected.json hold)."""
    return asdict(report)


def normalise(query: str) -> str:
    """How queries are grouped: NFKC, case folded, whitespace collapsed and trimmed."""
    return " ".join(unicodedata.normalize("NFKC", query).casefold().split())


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


# --- reading the logs -----------------------------------------------------------------


def log_files(patterns: list[str]) -> list[Path]:
    """The files named or matched by each pattern, in the order given
    (a glob's matches sorted); a pattern that names nothing is an error."""
    files: list[Path] = []
    for pattern in patterns:
        matches = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        if not matches:
            raise LogError(f"no log file matches {pattern}")
        for match in matches:
            path = Path(match)
            if not path.is_file():
                raise LogError(f"{match}: no such log file")
            if path not in files:
                files.append(path)
    return files


def is_gzip(path: Path) -> bool:
    """By its first bytes, not its name: a rotated log may be gzipped under any name."""
    with path.open("rb") as file:
        return file.read(2) == GZIP_MAGIC


def read_sql(files: list[Path]) -> str:
    """The read_csv calls for the files, gzipped ones and plain ones apart."""
    groups: dict[str, list[Path]] = {"gzip": [], "none": []}
    for file in files:
        groups["gzip" if is_gzip(file) else "none"].append(file)
    return "\nUNION ALL\n".join(
        READ_CSV.format(files=sql_list([str(f) for f in group]), compression=compression)
        for compression, group in groups.items() if group)


def sql_list(values: list[str]) -> str:
    return "[" + ", ".join("'" + value.replace("'", "''") + "'" for value in values) + "]"


def endpoint_path(endpoint: str) -> str:
    """The path the server logs for the endpoint, which may be an absolute URL on another origin."""
    return urlsplit(endpoint).path or "/"


def connect(memory_limit: str, temp_directory: str) -> duckdb.DuckDBPyConnection:
    try:
        con = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": temp_directory,
                                     "preserve_insertion_order": False})
    except duckdb.Error as error:
        raise LogError(f"--memory-limit {memory_limit!r}: {error}") from error
    con.execute("SET TimeZone = 'UTC'")
    return con


def load_events(con: duckdb.DuckDBPyConnection, files: list[Path], options: Options) -> None:
    """The tables `requests` (every line) and `events` (every request to the events path), with reasons."""
    until = options.until + timedelta(days=1) if options.until else None
    con.execute(CHECK_REQUESTS.format(read=read_sql(files)),
                {"since": options.since, "until": until, "endpoint": endpoint_path(options.endpoint)})
    con.execute(PROTOCOL_TABLE, {
        "types": list(EVENTS),
        "required": [[*COMMON, *required] for required, _ in EVENTS.values()],
        "allowed": [[*COMMON, *required, *optional] for required, optional in EVENTS.values()],
    })
    con.execute(CHECK_EVENTS, {"langs": list(options.langs) or None})
    con.execute(COUNTED)
    raw = [row[0] for row in con.execute(QUERIES_TO_NORMALISE).fetchall()]
    con.execute(NORM_TABLE, {"raw": raw, "form": [normalise(q) for q in raw]})
    con.execute(FORM_CLICKS)


def build_report(files: list[Path], options: Options) -> Report:
    with tempfile.TemporaryDirectory(prefix="insights-") as spill:
        con = connect(options.memory_limit, spill)
        try:
            load_events(con, files, options)
            return collect(con, files, options)
        except (duckdb.Error, OSError) as error:  # a file unreadable as a whole, or out of memory and disk
            raise LogError(f"the logs could not be read: {error}") from error
        finally:
            con.close()


# --- the figures ------------------------------------------------------------------


def collect(con: duckdb.DuckDBPyConnection, files: list[Path], options: Options) -> Report:
    skipped: dict[str, int] = {}
    for reason, count in con.execute(SKIPPED).fetchall():
        skipped[reason] = skipped.get(reason, 0) + count
    first, last = con.execute(PERIOD).fetchone()
    languages = languages_of(con, options)
    return Report(
        files=[f.name for f in files],
        lines=con.execute(LINES).fetchone()[0],
        events=sum(lang.events["events"] for lang in languages),
        since=options.since.isoformat() if options.since else None,
        until=options.until.isoformat() if options.until else None,
        first=first, last=last,
        skipped={reason: skipped[reason] for reason in REASONS if skipped.get(reason)},
        min_votes=options.min_votes,
        languages=languages,
    )


def rows_by_lang(con: duckdb.DuckDBPyConnection, sql: str, parameters: dict | None = None) -> dict[str, list[tuple]]:
    """The query's rows grouped by their first column, the language."""
    grouped: dict[str, list[tuple]] = {}
    for row in con.execute(sql, parameters).fetchall():
        grouped.setdefault(row[0], []).append(row[1:])
    return grouped


def languages_of(con: duckdb.DuckDBPyConnection, options: Options) -> list[Language]:
    top = {"top": options.top}
    totals = rows_by_lang(con, LANGUAGE_TOTALS)
    searches = rows_by_lang(con, SEARCHES_BY_FORM, {**top, "zero_only": False})
    zero = rows_by_lang(con, SEARCHES_BY_FORM, {**top, "zero_only": True})
    no_click = rows_by_lang(con, NO_CLICK, top)
    articles = rows_by_lang(con, ARTICLES, {**top, "min_votes": options.min_votes})
    channels = rows_by_lang(con, CHANNELS)
    suggestions = rows_by_lang(con, SUGGESTIONS, {**top, "min_count": SUGGESTION_MIN})
    switches = rows_by_lang(con, SWITCHES, top)
    languages = []
    for code in sorted(set(options.langs) | set(totals)):
        (events, searched, opens, votes, contacts, switched, *contact_page), = totals.get(code, [(0,) * 10])
        language = Language(code, {"events": events, "search": searched, "open": opens, "vote": votes,
                                   "contact": contacts, "lang": switched})
        language.top_searches = [Count(*row) for row in searches.get(code, [])]
        language.zero_results = [Count(*row) for row in zero.get(code, [])]
        fill_no_click(language, no_click.get(code, []))
        language.articles = [article(*row) for row in articles.get(code, [])]
        language.contact_page = contact_page_of(*contact_page)
        language.channels = [Count(ch, count) for ch, count, *_ in channels.get(code, [])]
        language.suggestions = [Suggestion(*row) for row in suggestions.get(code, [])]
        language.switches = [Switch(*row) for row in switches.get(code, [])]
        languages.append(language)
    return languages


def fill_no_click(language: Language, rows: list[tuple]) -> None:
    if not rows:
        return
    language.searches_with_results, language.no_click_searches = int(rows[0][4]), int(rows[0][5])
    language.no_click_rate = rate(language.no_click_searches, language.searches_with_results)
    language.no_click = [NoClick(form, searches, opens, missed, rate(missed, searches))
                         for form, searches, opens, missed, *_ in rows if missed > 0]


def article(path: str, votes: int, yes: int, *reasons: int) -> Article:
    return Article(path, votes, yes, rate(yes, votes), dict(zip((*WHY, "unsaid"), reasons)))


def contact_page_of(searches: int, after_search: int, opens: int, contacts: int) -> ContactPage:
    return ContactPage(searches, after_search, rate(after_search, searches), opens, contacts,
                       rate(opens, opens + contacts))


# --- rendering ------------------------------------------------------------------------


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def period_text(report: Report) -> str:
    asked = f"{report.since or 'start'} to {report.until or 'end'}" if report.since or report.until else "all dates"
    seen = f"events from {report.first} to {report.last} UTC" if report.first else "no events"
    return f"{asked} ({seen})"


def summary_text(report: Report) -> str:
    skipped = sum(report.skipped.values())
    return (f"{report.events:,} events counted from {report.lines:,} lines in {len(report.files)} file(s); "
            f"{skipped:,} lines skipped.")


NO_DATA = "No data: the logs hold no help-centre events for this period and these languages."

ARTICLE_HEADERS = ("article", "votes", "helpful", *WHY, "no reason")


@dataclass(frozen=True)
class Table:
    """One table of a language's section; rows hold raw values, formatted by the renderer."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple]
    chart: str = ""  # the bars: "count" (column 1), "rate" (column 2) or none
    words: bool = False  # the first column is customers' words, in the site language


def tables_of(language: Language, min_votes: int) -> list[Table]:
    contact = language.contact_page
    contact_rows = [
        ("contact after search", contact.contact_after_search_rate,
         f"{contact.contacts_after_search:,} of {contact.searches:,} contact-page searches"),
        ("self-service share", contact.self_service_share,
         f"{contact.opens:,} opens of {contact.opens + contact.contacts:,} opens and contacts"),
    ] if contact.searches or contact.opens or contact.contacts else []
    return [
        Table("Top searches", ("query", "searches"), [(c.label, c.count) for c in language.top_searches],
              "count", True),
        Table("Searches with no result", ("query", "searches"), [(c.label, c.count) for c in language.zero_results],
              "count", True),
        Table(f"Searches with results but no article opened (all: {language.no_click_searches:,} of "
              f"{language.searches_with_results:,}, {percent(language.no_click_rate)})",
              ("query", "searches with results", "opens", "no click", "rate"),
              [(n.query, n.searches, n.opens, n.no_click, n.rate) for n in language.no_click], words=True),
        Table(f"Helpful rate, articles with at least {min_votes} votes (least helpful first)", ARTICLE_HEADERS,
              [(a.path, a.votes, a.helpful_rate, *a.reasons.values()) for a in language.articles], "rate"),
        Table("Contact page", ("figure", "value", "of"), contact_rows),
        Table("Contacts by channel", ("channel", "contacts"), [(c.label, c.count) for c in language.channels]),
        Table("Suggested keywords (customers who searched the keyword opened the article after rephrasing)",
              ("keyword", "article", "times"), [(s.keyword, s.article, s.count) for s in language.suggestions],
              words=True),
        Table("Searches before switching language", ("query", "to", "times"),
              [(s.query, s.target, s.count) for s in language.switches], words=True),
    ]


def cell_text(value: object) -> str:
    if isinstance(value, float) or value is None:
        return percent(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def totals_row(language: Language) -> tuple[tuple[str, ...], list[tuple[int, ...]]]:
    names = ("events", "search", "open", "vote", "contact", "lang")
    return (("events", "searches", "opens", "votes", "contacts", "language switches"),
            [tuple(language.events[name] for name in names)])


# Markdown: GitHub renders a comment's HTML and its @mentions; every text a
# customer could have typed goes through md().
MARKDOWN_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "`": "\\`", "\\": "\\\\", "*": "\\*", "_": "\\_",
    "[": "\\[", "]": "\\]", "#": "\\#", "!": "\\!", "~": "\\~", "@": "&#64;", "\n": " ", "\r": " ",
})


def md(text: object) -> str:
    return cell_text(text).translate(MARKDOWN_ESCAPES)


def markdown_table(headers: tuple[str, ...], rows: list[tuple]) -> list[str]:
    return (["| " + " | ".join(md(h) for h in headers) + " |", "|" + "---|" * len(headers)]
            + ["| " + " | ".join(md(value) for value in row) + " |" for row in rows])


def render_markdown(report: Report) -> str:
    lines = ["## Help-centre insights", "", f"Period: {md(period_text(report))}. {md(summary_text(report))}", ""]
    if not report.events:
        lines += [NO_DATA, ""]
    for language in report.languages:
        lines += [f"### Language: {md(language.code)}", "", *markdown_table(*totals_row(language)), ""]
        for table in tables_of(language, report.min_votes):
            if table.rows:
                lines += [f"**{md(table.title)}**", "", *markdown_table(table.headers, table.rows), ""]
    if report.skipped:
        lines += ["### Skipped lines", "",
                  *markdown_table(("reason", "lines", "what"),
                                  [(reason, count, REASONS[reason]) for reason, count in report.skipped.items()])]
    return "\n".join(lines).rstrip("\n") + "\n"


# HTML: one file that makes no request at all (the CSP forbids any), charts as
# inline SVG, each with its table for screen readers and for the exact figures.
CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;
color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:.25rem 0}
svg{display:block;max-width:100%;height:auto}svg text{font-size:12px;fill:#1b1b1b}rect{fill:#3f51b5}
section{border-top:2px solid #3f51b5;margin-top:2rem}
h3~table caption{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
"""
BAR, LABEL_WIDTH, BARS_WIDTH, LABEL_CHARS = 22, 240, 360, 32


def bar_chart(title: str, rows: list[tuple[str, float, str]]) -> str:
    """A horizontal bar per row (label, value, value as shown), longest = the largest value (a rate: 100 %)."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    bars = []
    for index, (label, value, shown) in enumerate(rows):
        y = index * BAR
        short = label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"
        width = round(BARS_WIDTH * value / largest, 1)
        bars.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{html.escape(short)}</text>'
                    f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{width}" height="{BAR - 8}"/>'
                    f'<text x="{LABEL_WIDTH + width + 4}" y="{y + 15}">{html.escape(shown)}</text>')
    height = BAR * len(rows)
    return (f'<svg role="img" aria-label="{html.escape(title)}: bar chart, figures in the table below" '
            f'viewBox="0 0 {LABEL_WIDTH + BARS_WIDTH + 60} {height}" width="{LABEL_WIDTH + BARS_WIDTH + 60}" '
            f'height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>')


def html_table(caption: str, headers: tuple[str, ...], rows: list[tuple], lang: str | None = None) -> str:
    """A table; the first column is in the site language `lang` (customers' words)."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = []
    for row in rows:
        first = f'<td lang="{html.escape(lang)}">' if lang else "<td>"
        cells = [first + html.escape(cell_text(row[0])) + "</td>"]
        cells += [f'<td{" class=n" if not isinstance(v, str) else ""}>{html.escape(cell_text(v))}</td>'
                  for v in row[1:]]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def html_figure(table: Table, lang: str) -> str:
    parts = [f"<h3>{html.escape(table.title)}</h3>"]
    if not table.rows:
        return parts[0] + "<p>None.</p>"
    if table.chart:
        column = 1 if table.chart == "count" else 2
        parts.append(bar_chart(table.title, [(str(row[0]), row[column] or 0, cell_text(row[column]))
                                             for row in table.rows]))
    parts.append(html_table(table.title, table.headers, table.rows, lang if table.words else None))
    return "".join(parts)


def render_html(report: Report) -> str:
    parts = [f"<p>Period: {html.escape(period_text(report))}. {html.escape(summary_text(report))}</p>"]
    if not report.events:
        parts.append(f"<p><strong>{html.escape(NO_DATA)}</strong></p>")
    for language in report.languages:
        code = html.escape(language.code)
        parts.append(f'<section aria-labelledby="lang-{code}"><h2 id="lang-{code}">Language: {code}</h2>')
        parts.append(html_table("Events", *totals_row(language)))
        parts += [html_figure(table, language.code) for table in tables_of(language, report.min_votes)]
        parts.append("</section>")
    if report.skipped:
        parts.append('<section aria-labelledby="skipped"><h2 id="skipped">Skipped lines</h2>')
        parts.append(html_table("Skipped lines by reason", ("reason", "lines", "what"),
                                [(reason, count, REASONS[reason]) for reason, count in report.skipped.items()]))
        parts.append("</section>")
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Help-centre insights</title><style>{CSS}</style></head>"
            f"<body><main><h1>Help-centre insights</h1>{''.join(parts)}</main></body></html>\n")
