"""Gram heads: the first page of a broad name search without sorting every match.

A query of common words ("有限公司": 862,698 of 1M names) finds most of the city, and the
database sorts every match before it can return the first 21 (ADR 0006, "Broad terms at 1M").
So each gram keeps, on its node, the keys of its first `HEAD` holders in rank order (`head`) and
of the first `HEAD` whose name starts with it (`starts`). A key is the name's length (four digits),
`|` and the id: key order is the search's ranking after its prefix class. Any subject whose name
contains the query holds each of its grams, so the matches among a head, in head order, are the
first matches overall, as long as the page fills before the head runs out; the names starting with
the query are found the same way in the `starts` of its first gram (a filter only thins the
matches: they are still in order). A page that does not fill
from the heads (a narrow query, a far page) is answered by the gram statements of
graph/search/statements.py, as before: the heads only ever shortcut, never decide.

Kept true by the same hook as the gram edges (`grams.index_names`, the write's transaction): a
freshly linked subject's key enters each head it ranks into, which stays the first holders
because a head only loses its last keys. A subject deleted or renamed leaves a stale key, which
the read drops (`search/get_head_subjects` checks the key against the subject), so a head is the
first holders less the stale ones. A head shorter than `HEAD` has never been cut: it holds every
holder. `creditgraph search rebuild` recomputes every head.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from graph.cypher import statement
from graph.executor import Executor, Record, Tx

SET_GRAM_HEADS = statement("search/set_gram_heads")
GET_GRAM_HEAD = statement("search/get_gram_head")
GET_GRAM_STARTS = statement("search/get_gram_starts")
GET_QUERY_HEADS = statement("search/get_query_heads")
GET_HEAD_SUBJECTS = statement("search/get_head_subjects")

HEAD = 200  # keys per head: a page of 20 after a few pages of misses
BROAD = 2_000  # a query whose rarest gram has fewer holders is answered by the gram statement


def _merged(head: Sequence[str] | None, keys: Sequence[str]) -> list[str]:
    return sorted({*(head or ()), *keys})[:HEAD]


def _stored(g: str, head: list[str], starts: list[str]) -> dict[str, object]:
    """`search/set_gram_heads`'s row: a full head may have been cut, so it holds only the first."""
    full = {"headFull": len(head) >= HEAD, "startsFull": len(starts) >= HEAD}
    return {"g": g, "head": head, "starts": starts, **full}


async def admit(tx: Tx, rows: Sequence[Record]) -> int:
    """Enter freshly linked subjects into the heads they rank into (`rows`: the entrants
    `search/link_grams` returned); returns the grams changed."""
    heads = [
        _stored(r["g"], _merged(r["head"], r["keys"]), _merged(r["starts"], r["startKeys"]))
        for r in rows
    ]
    if heads:
        await tx.run(SET_GRAM_HEADS, heads=heads)
    return len(heads)


async def recompute(executor: Executor, grams: Sequence[str]) -> None:
    """Recompute the heads of `grams` from their holders (the rebuild; written in one
    transaction). A name written meanwhile may miss its entry: run it when writes are quiet,
    as `creditgraph search rebuild` is meant to be, or again."""
    heads = []
    for g in grams:
        head = [r["key"] for r in await executor.read(GET_GRAM_HEAD, g=g, k=HEAD)]
        starts = [r["key"] for r in await executor.read(GET_GRAM_STARTS, g=g, k=HEAD)]
        heads.append(_stored(g, head, starts))
    await executor.write(SET_GRAM_HEADS, heads=heads)


def _complete(head: Sequence[str]) -> bool:
    """A head shorter than HEAD was never cut: it holds every holder."""
    return len(head) < HEAD


async def first_page(
    executor: Executor,
    query: str,
    skip: int,
    limit: int,
    filters: Mapping[str, str] | None = None,
) -> list[Record] | None:
    """The page the name statement for `filters` (`search/search_names…`, no id branch) would
    return for `query`, read from the heads; None when the heads cannot tell (the caller runs
    the statement). A filter is an equality on a column the rows carry (kind, region,
    industry), checked here."""
    grams = await executor.read(GET_QUERY_HEADS, query=query, broad=BROAD)
    if len(grams) < len(query) - 1:
        return []  # a gram nobody holds: no name contains the query
    if any(g["unheaded"] for g in grams):
        return None  # indexed before heads: `creditgraph search rebuild`
    rarest = min(grams, key=lambda g: (g["df"] or 0, g["i"]))
    if rarest["head"] is None:
        return None  # fewer than BROAD candidates: the gram statement is as quick
    first = next(g for g in grams if g["i"] == 0)
    wanted = skip + limit
    rows = await executor.read(
        GET_HEAD_SUBJECTS, keys=[*first["starts"], *rarest["head"]], query=query
    )
    given = dict(filters or {})
    by_key = {r["key"]: r for r in rows if all(r[c] == v for c, v in given.items())}
    prefixed = [
        by_key[k] for k in first["starts"] if k in by_key and by_key[k]["name"].startswith(query)
    ]
    if len(prefixed) < wanted and not _complete(first["starts"]):
        return None  # more names may start with the query than the head holds
    found = prefixed
    if len(found) < wanted:
        rest = [
            by_key[k]
            for k in rarest["head"]
            if k in by_key and not by_key[k]["name"].startswith(query)
        ]
        if len(found) + len(rest) < wanted and not _complete(rarest["head"]):
            return None
        found = found + rest
    return [{c: r[c] for c in r if c != "key"} for r in found[skip:wanted]]
