"""Python's cyclic garbage collector during an import: paused, and run on the young generations
every few dozen written batches.

An import keeps up to a batch per lane of rows, plans and parameters alive, and the driver's
session objects for a written batch form reference cycles, freed only by the cyclic collector.
Left to its thresholds, the collector ran a full collection over everything alive every few
thousand rows: a fifth of the import client's CPU on a 10,000-enterprise city. Paused, with a
young collection every `EVERY` written batches, the same memory is freed at a fraction of the
cost (the cycles no longer hold the batch's rows: the loader empties those lists itself).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class _Pause:
    depth: int = 0  # runs in progress (imports may overlap in one process)
    resume: bool = False  # whether the collector was enabled when the first one began
    batches: int = 0


_PAUSE = _Pause()
EVERY = 50  # written batches between two young collections


@contextmanager
def paused() -> Iterator[None]:
    """Pause automatic collection for an import run; the last run to end resumes it."""
    if _PAUSE.depth == 0:
        _PAUSE.resume = gc.isenabled()
        gc.disable()
    _PAUSE.depth += 1
    try:
        yield
    finally:
        _PAUSE.depth -= 1
        if _PAUSE.depth == 0 and _PAUSE.resume:
            gc.enable()


def batch_written() -> None:
    """Every `EVERY` batches, free what the written batches left in reference cycles (a young
    collection, only while paused: otherwise the collector runs on its own). The loader empties
    a batch's parameter lists once written, so the cycles hold only the driver's few objects;
    a collection costs a walk over every young object still alive (the rows waiting in their
    buffers), so the fewer the cheaper."""
    if _PAUSE.depth:
        _PAUSE.batches += 1
        if _PAUSE.batches % EVERY == 0:
            gc.collect(1)
