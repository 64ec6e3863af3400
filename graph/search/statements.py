"""Which prepared statement answers a name search: one per combination of the filters given.

A query no id can equal (it holds a character other than ASCII letters and digits, as every
Chinese name does) takes a statement without the exact-id branch. A filter that is absent has
no predicate at all (no `$x IS NULL OR …` in the statement), so the
database plans exactly the request's work; a page and its count use the same candidates.
Queries shorter than `MIN_INDEXED` characters have no gram: they keep the scan statements of
`cypher/subject/` (graph/subjects.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.cypher import Statement, statement

MIN_INDEXED = 2  # characters: a gram is two


# (could be an id, kind given, region given, industry given) → (page, count), named literally
# so the registry test sees every file used.
_STATEMENTS: dict[tuple[bool, bool, bool, bool], tuple[Statement, Statement]] = {
    (False, False, False, False): (
        statement("search/search_names"),
        statement("search/count_names"),
    ),
    (False, False, False, True): (
        statement("search/search_names_industry"),
        statement("search/count_names_industry"),
    ),
    (False, False, True, False): (
        statement("search/search_names_region"),
        statement("search/count_names_region"),
    ),
    (False, False, True, True): (
        statement("search/search_names_region_industry"),
        statement("search/count_names_region_industry"),
    ),
    (False, True, False, False): (
        statement("search/search_names_kind"),
        statement("search/count_names_kind"),
    ),
    (False, True, False, True): (
        statement("search/search_names_kind_industry"),
        statement("search/count_names_kind_industry"),
    ),
    (False, True, True, False): (
        statement("search/search_names_kind_region"),
        statement("search/count_names_kind_region"),
    ),
    (False, True, True, True): (
        statement("search/search_names_kind_region_industry"),
        statement("search/count_names_kind_region_industry"),
    ),
    (True, False, False, False): (
        statement("search/search_names_or_id"),
        statement("search/count_names_or_id"),
    ),
    (True, False, False, True): (
        statement("search/search_names_or_id_industry"),
        statement("search/count_names_or_id_industry"),
    ),
    (True, False, True, False): (
        statement("search/search_names_or_id_region"),
        statement("search/count_names_or_id_region"),
    ),
    (True, False, True, True): (
        statement("search/search_names_or_id_region_industry"),
        statement("search/count_names_or_id_region_industry"),
    ),
    (True, True, False, False): (
        statement("search/search_names_or_id_kind"),
        statement("search/count_names_or_id_kind"),
    ),
    (True, True, False, True): (
        statement("search/search_names_or_id_kind_industry"),
        statement("search/count_names_or_id_kind_industry"),
    ),
    (True, True, True, False): (
        statement("search/search_names_or_id_kind_region"),
        statement("search/count_names_or_id_kind_region"),
    ),
    (True, True, True, True): (
        statement("search/search_names_or_id_kind_region_industry"),
        statement("search/count_names_or_id_kind_region_industry"),
    ),
}


@dataclass(frozen=True)
class NameSearch:
    """A search of `MIN_INDEXED` characters or more, with the filters it gives."""

    query: str
    kind: str | None = None
    region: str | None = None
    industry: str | None = None

    def filters(self) -> dict[str, Any]:
        given = {"kind": self.kind, "region": self.region, "industry": self.industry}
        return {k: v for k, v in given.items() if v is not None}


def could_be_id(query: str) -> bool:
    """Whether some subject id could equal `query`: ids (USCCs, person ids) are ASCII letters
    and digits. Other queries take the statements without the exact-id branch, whose UNION
    costs a broad query (“有限公司”) four times its name search (ADR 0006)."""
    return query.isascii() and query.isalnum()


def choose(search: NameSearch) -> tuple[Statement, Statement, dict[str, Any]]:
    """The page statement, the count statement, and their shared parameters."""
    filters = search.filters()
    key = (could_be_id(search.query), "kind" in filters, "region" in filters, "industry" in filters)
    page, count = _STATEMENTS[key]
    return page, count, {"query": search.query, **filters}
