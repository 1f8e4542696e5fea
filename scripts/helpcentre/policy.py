"""Policy values (docs/policy.yml): fees, limits, times and deadlines in one
place, shown in articles only through shortcodes.

    {{ policy.withdrawal_fee.rate }}              one value            -> 1%
    {{ policy.withdrawal_time.bank_card.usual }}  one cell of a table  -> 2 小时 / 2 hours
    {{ policy.withdrawal_time }}                  the whole table (a block shortcode)

A value is a quantity ({value: 2 or [1, 3], unit: hours, example: true}),
rendered with the unit's wording in the page's language, or a text per
language ({zh: 即时到账, en: Instantly}). `load_policy` validates the file
and returns findings with line numbers; nothing else reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from helpcentre.content import load_keyed_yaml_file
from helpcentre.findings import Finding, display_path

RULE = "POLICY-INVALID"
QUANTITY_KEYS = {"value", "unit", "example"}
MONEY_UNIT = "money"  # amounts always show two decimals
RANGE_DASH = "–"


class PolicyError(ValueError):
    """A policy key that names nothing, or a table used as one value."""


@dataclass(frozen=True)
class Table:
    columns: list[str]  # column headings, in order
    rows: list[list[str]]  # each row's cells, in column order


@dataclass
class Policy:
    units: dict
    policies: dict
    path: str
    # A text a language has no value for is converted from its source's (locale -> Converter).
    converters: dict = field(default_factory=dict)

    def keys(self) -> list[str]:
        """Every key a shortcode may name: groups, tables and their values."""
        return sorted(_keys(self.policies))

    def is_table(self, key: str) -> bool:
        return isinstance(self._node(key), dict) and "rows" in self._node(key)

    def value(self, key: str, lang: str) -> str:
        """One value as a page shows it: `withdrawal_fee.rate` -> "1%"."""
        node = self._node(key)
        if is_quantity(node):
            return self._quantity(node, lang)
        if is_text(node):
            return self._text(node, lang)
        raise PolicyError(f"policy.{key} is {'a table' if self.is_table(key) else 'a group'}, not one value"
                          f"{': put {{ policy.' + key + ' }} alone on its own line' if self.is_table(key) else ''}")

    def unit_of(self, key: str) -> str | None:
        node = self._node(key)
        return node.get("unit") if is_quantity(node) else None

    def table(self, key: str, lang: str) -> Table:
        node = self._node(key)
        if not self.is_table(key):
            raise PolicyError(f"policy.{key} is not a table")
        columns = list(node["columns"])
        return Table([self._text(node["columns"][c], lang) for c in columns],
                     [[self.value(f"{key}.rows.{row}.{c}", lang) for c in columns] for row in node["rows"]])

    def examples(self) -> int:
        """How many values are still examples a team has to replace."""
        return sum(1 for leaf in _leaves(self.policies) if isinstance(leaf, dict) and leaf.get("example") is True)

    def _node(self, key: str):
        node = self.policies
        parts = key.split(".")
        # A table's cells are written without "rows": withdrawal_time.bank_card.usual.
        for index, part in enumerate(parts):
            if isinstance(node, dict) and "rows" in node and part not in node and part in node["rows"]:
                node = node["rows"]
            if not isinstance(node, dict) or part not in node or part in QUANTITY_KEYS:
                raise PolicyError(f"unknown policy value 'policy.{key}'; known: "
                                  f"{', '.join('policy.' + k for k in self.keys())}")
            node = node[part]
        return node

    def _text(self, node: dict, lang: str) -> str:
        if lang in node:
            return str(node[lang])
        converter = self.converters.get(lang)
        if converter is not None and converter.source in node:
            return converter.plain(str(node[converter.source]))
        raise PolicyError(f"no {lang} text")

    def _quantity(self, node: dict, lang: str) -> str:
        value, unit = node["value"], node.get("unit")
        decimals = 2 if unit == MONEY_UNIT else None
        number = RANGE_DASH.join(format_number(v, decimals) for v in value) if isinstance(value, list) \
            else format_number(value, decimals)
        if unit is None:
            return number
        wording = self._wording(unit, lang)
        if isinstance(wording, dict):  # English: one / other
            wording = wording["one"] if value == 1 else wording["other"]
        return wording.replace("{n}", number)

    def _wording(self, unit: str, lang: str):
        wording = self.units[unit]
        if isinstance(wording, str) or lang in wording:
            return wording if isinstance(wording, str) else wording[lang]
        converter = self.converters.get(lang)
        if converter is None or converter.source not in wording:
            raise PolicyError(f"unit '{unit}' has no {lang} wording")
        source = wording[converter.source]
        if isinstance(source, dict):
            return {form: converter.plain(text) for form, text in source.items()}
        return converter.plain(source)


def format_number(value: float, decimals: int | None = None) -> str:
    """1000 -> "1,000", 0.5 -> "0.5", money (decimals=2) 1000 -> "1,000.00"."""
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def is_quantity(node) -> bool:
    return isinstance(node, dict) and "value" in node and set(node) <= QUANTITY_KEYS


def is_text(node) -> bool:
    return isinstance(node, dict) and "value" not in node and "rows" not in node and \
        all(isinstance(v, str) or k == "example" for k, v in node.items()) and any(k != "example" for k in node)


def _keys(node, prefix: str = "") -> list[str]:
    keys = []
    for name, child in node.items():
        key = prefix + name
        if is_quantity(child) or is_text(child):
            keys.append(key)
        elif isinstance(child, dict) and "rows" in child:
            keys.append(key)
            keys += [f"{key}.{row}.{column}" for row, cells in child["rows"].items() for column in cells]
        elif isinstance(child, dict):
            keys += _keys(child, key + ".")
    return keys


def _leaves(node):
    if is_quantity(node) or is_text(node):
        yield node
    elif isinstance(node, dict):
        for child in node.values():
            yield from _leaves(child)


# --- loading ---------------------------------------------------------------------


def load_policy(path: Path, languages: tuple[str, ...], display_root: Path | None = None,
                ) -> tuple[Policy | None, list[Finding]]:
    """The policy file at `path`, validated for every language in `languages`
    (the written ones: converted languages take their source's texts). A
    site without one has no policy shortcodes."""
    display = display_path(path, display_root)
    if not path.is_file():
        return None, []
    data, lines, problems = load_keyed_yaml_file(path, display, RULE)
    if problems:
        return None, problems
    findings: list[Finding] = []

    def problem(key: str, message: str) -> None:
        parts = key.split(".")
        line = next((lines[".".join(parts[:n])] for n in range(len(parts), 0, -1) if ".".join(parts[:n]) in lines), 1)
        findings.append(Finding(display, line, RULE, message))

    if not isinstance(data, dict) or not isinstance(data.get("units"), dict) \
            or not isinstance(data.get("policies"), dict):
        problem("", "expected 'units:' (how each unit reads) and 'policies:' (the values); see the comments "
                    "at the top of docs/policy.yml")
        return None, findings
    units, policies = data["units"], data["policies"]
    for unit, wording in units.items():
        for lang in languages:
            if not _has_wording(wording, lang):
                problem(f"units.{unit}", f"unit '{unit}' needs a {lang} wording with {{n}} (English: one: and other:)")
    _validate(policies, "policies", units, languages, problem)
    if findings:
        return None, findings
    return Policy(units, policies, display), []


def _has_wording(wording, lang: str) -> bool:
    if isinstance(wording, dict):
        wording = wording.get(lang)
    if isinstance(wording, dict):
        return all(isinstance(wording.get(form), str) and "{n}" in wording[form] for form in ("one", "other"))
    return isinstance(wording, str) and "{n}" in wording


def _validate(node, key: str, units: dict, languages: tuple[str, ...], problem: Callable[[str, str], None]) -> None:
    if not isinstance(node, dict) or not node:
        problem(key, f"'{key}' must be a value, a text per language, a table or a group of them")
        return
    if "rows" in node or "columns" in node:
        _validate_table(node, key, units, languages, problem)
    elif "value" in node:
        _validate_quantity(node, key, units, problem)
    elif all(isinstance(v, str) or k == "example" for k, v in node.items()):
        for lang in languages:
            if not isinstance(node.get(lang), str) or not node[lang].strip():
                problem(key, f"'{key}' needs a {lang} text")
    else:
        for name, child in node.items():
            _validate(child, f"{key}.{name}", units, languages, problem)


def _validate_quantity(node: dict, key: str, units: dict, problem) -> None:
    value, unknown = node.get("value"), set(node) - QUANTITY_KEYS
    numbers = value if isinstance(value, list) else [value]
    if unknown:
        problem(key, f"'{key}' has unknown keys {', '.join(sorted(unknown))}; a value has value, unit and example")
    if not numbers or len(numbers) > 2 or not all(isinstance(n, (int, float)) and not isinstance(n, bool)
                                                 and n >= 0 for n in numbers):
        problem(f"{key}.value", f"'{key}.value' must be a number of 0 or more, or a range [from, to]")
    elif len(numbers) == 2 and numbers[0] >= numbers[1]:
        problem(f"{key}.value", f"'{key}.value' is a range [from, to] with from below to")
    if "unit" in node and node["unit"] not in units:
        problem(f"{key}.unit", f"unknown unit '{node['unit']}'; units: {', '.join(units)}")
    if "example" in node and not isinstance(node["example"], bool):
        problem(f"{key}.example", f"'{key}.example' is true (an example to replace) or false")


def _validate_table(node: dict, key: str, units: dict, languages: tuple[str, ...], problem) -> None:
    columns, rows = node.get("columns"), node.get("rows")
    if not isinstance(columns, dict) or not columns or not isinstance(rows, dict) or not rows:
        problem(key, f"table '{key}' needs 'columns' (id: heading per language) and 'rows' (id: a value per column)")
        return
    for column, heading in columns.items():
        _validate(heading, f"{key}.columns.{column}", units, languages, problem)
    for row, cells in rows.items():
        row_key = f"{key}.rows.{row}"
        if not isinstance(cells, dict) or set(cells) != set(columns):
            problem(row_key, f"row '{row}' of '{key}' needs exactly one value per column: {', '.join(columns)}")
            continue
        for column, cell in cells.items():
            _validate(cell, f"{row_key}.{column}", units, languages, problem)
