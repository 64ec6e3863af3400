"""The name-gram index: `(:Subject)-[:HAS_GRAM]->(:NameGram {g, df})`, one gram node per distinct
two-character substring of subject names, `df` counting the subjects that hold it.

Every write that sets a subject's name calls `index_names` in its own transaction, so the index
is never stale: a subject whose gram edges are not exactly its name's grams is unlinked and
linked again; any other subject costs its id look-up and a read of its few gram edges (no
bookkeeping property on the subject: its stored properties stay the imported ones). `rebuild`
does the same for every subject whose grams are stale (a database loaded around the hooks, a
restore), in batches, one transaction each, so it can be stopped and run again, and then
recounts `df`, which writes only estimate (a new gram's holders in its first batch).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from graph.cypher import statement
from graph.executor import Executor, Tx
from graph.search import heads

GRAM_SCHEMA = statement("search/create_name_gram_key")
UNLINK_GRAMS = statement("search/unlink_grams")
LINK_GRAMS = statement("search/link_grams")
GET_STALE_SUBJECTS = statement("search/get_stale_subjects")
GET_GRAMS = statement("search/get_grams")
COUNT_GRAMS = statement("search/count_grams")

REBUILD_BATCH = 2000
GRAM_BATCH = 500  # a hub gram's count walks one edge per subject
HEAD_BATCH = 200  # grams whose recomputed heads are written together


async def index_names(tx: Tx, sids: Sequence[str], *, fresh: Collection[str] = ()) -> int:
    """Bring the grams of `sids` in step with their names in `tx`; returns how many changed.
    `fresh` are those of `sids` created in `tx`: they hold no gram edge, so they are linked
    without the unlink statement's check (a create costs two statements, not three)."""
    if not sids:
        return 0
    new = [s for s in sids if s in fresh]
    old = [s for s in sids if s not in fresh]
    row = await tx.one(UNLINK_GRAMS, sids=old) if old else None
    stale: list[str] = [*new, *(row["stale"] if row else ())]
    if stale:
        await heads.admit(tx, await tx.run(LINK_GRAMS, sids=stale))
    return len(stale)


@dataclass(frozen=True)
class Rebuilt:
    stale: int  # subjects found stale
    indexed: int  # subjects (re)linked
    grams: int  # grams recounted


Progress = Callable[[str, int, int], None]  # phase ("subjects", "grams", "heads"), done, total


async def rebuild(
    executor: Executor,
    *,
    batch: int = REBUILD_BATCH,
    progress: Progress | None = None,
) -> Rebuilt:
    """Index every subject whose grams are stale, `batch` subjects per transaction, then recount
    every gram's `df` exactly (writes only estimate it: graph/search, ADR 0006) and its heads
    (graph/search/heads.py)."""
    sids = [r["sid"] for r in await executor.read(GET_STALE_SUBJECTS)]
    indexed = 0
    for start in range(0, len(sids), batch):
        chunk = sids[start : start + batch]

        async def link(tx: Tx, chunk: list[str] = chunk) -> int:
            return await index_names(tx, chunk)

        if progress is not None:
            progress("subjects", start, len(sids))
        indexed += await executor.unit(link, name="search rebuild")
    if progress is not None:
        progress("subjects", len(sids), len(sids))
    grams = [r["g"] for r in await executor.read(GET_GRAMS)]
    for start in range(0, len(grams), GRAM_BATCH):
        if progress is not None:
            progress("grams", start, len(grams))
        await executor.write(COUNT_GRAMS, grams=grams[start : start + GRAM_BATCH])
    if progress is not None:
        progress("grams", len(grams), len(grams))
    for start in range(0, len(grams), HEAD_BATCH):
        if progress is not None:
            progress("heads", start, len(grams))
        await heads.recompute(executor, grams[start : start + HEAD_BATCH])
    if progress is not None:
        progress("heads", len(grams), len(grams))
    return Rebuilt(stale=len(sids), indexed=indexed, grams=len(grams))
