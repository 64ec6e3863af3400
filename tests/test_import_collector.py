"""The cyclic garbage collector during an import (graph/importer/collector.py).

A run pauses automatic collection and runs a young collection after each written batch: the
collector must be back as it was when the last overlapping run ends (also after a failure), and
a run must not pile up the driver's per-batch garbage while it is paused.
"""

from __future__ import annotations

import gc

import pytest
from stdnum.cn import uscc

from graph.executor import Executor
from graph.importer import collector, import_rows

KEY = b"test-hash-key"


def test_overlapping_runs_pause_the_collector_until_the_last_one_ends() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the first run goes on
    assert gc.isenabled()


def test_a_failed_run_resumes_the_collector() -> None:
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("batch failed")
    assert gc.isenabled()


def test_a_collector_disabled_before_the_run_stays_disabled() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def _sessions() -> int:
    """Driver sessions alive or awaiting the collector."""
    return sum(type(o).__name__ == "AsyncSession" for o in gc.get_objects())


def _wire_rows() -> int:
    """Statement rows alive (`{"i": …, "k": …, …}`), held by sessions awaiting the collector."""
    return sum(type(o) is dict and "i" in o and "k" in o for o in gc.get_objects())


@pytest.mark.db
async def test_a_paused_run_frees_each_written_batch(empty_graph: Executor) -> None:
    """The rows of a written batch are freed at once; the driver's sessions they went through
    wait for a collection every `collector.EVERY` batches, holding nothing of them."""
    gc.collect()
    before = _sessions()
    rows = []
    for n in range(400):
        body = f"91110105MA{n:07d}"
        org = {"kind": "organization", "uscc": body + uscc.calc_check_digit(body), "name": f"企{n}"}
        rows.append(("feed", n + 1, org))
    with collector.paused():  # as an overlapping run would: still paused when this one ends
        summary = await import_rows(empty_graph, rows, id_key=KEY, batch_size=10, progress=False)
        assert summary.created == 400  # in 40 batches, 40 transactions
        assert _wire_rows() == 0
        assert _sessions() - before <= collector.EVERY
    assert gc.isenabled()
