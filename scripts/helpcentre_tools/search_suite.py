"""The search query suite (tests/search_queries.yaml): customer queries per
language, split into a tuning set and a held-out set, each with the pages
that answer it and the line it is written on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

SETS = ("tuning", "held-out")
TUNING, HELD_OUT = SETS


@dataclass(frozen=True)
class Query:
    lang: str  # the site it is typed on
    set: str  # tuning or held-out
    q: str
    expect: tuple[str, ...]
    kind: str = "clean"
    line: int = field(default=0, compare=False)


class SuiteError(ValueError):
    """The query file is not the suite's shape."""


def load_queries(path: Path) -> list[Query]:
    """Every query of the suite, in file order, with its line."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise SuiteError(f"{path}: not valid YAML ({error})") from error
    queries, constructor = [], yaml.constructor.SafeConstructor()
    for lang_node, sets_node in _mapping(node, path):
        for set_node, items in _mapping(sets_node, path):
            if set_node.value not in SETS:
                raise SuiteError(f"{path}:{set_node.start_mark.line + 1}: unknown set {set_node.value!r}; "
                                 f"expected one of {', '.join(SETS)}")
            for item in items.value if isinstance(items, yaml.SequenceNode) else []:
                value = constructor.construct_document(item)
                if not isinstance(value, dict) or not isinstance(value.get("q"), str) \
                        or not isinstance(value.get("expect"), list):
                    raise SuiteError(f"{path}:{item.start_mark.line + 1}: a query needs q: text and expect: [pages]")
                queries.append(Query(lang_node.value, set_node.value, value["q"], tuple(value["expect"]),
                                     value.get("kind", "clean"), item.start_mark.line + 1))
    return queries


def _mapping(node, path: Path) -> list:
    if not isinstance(node, yaml.MappingNode):
        raise SuiteError(f"{path}: expected language: {{tuning: [...], held-out: [...]}}")
    return node.value
