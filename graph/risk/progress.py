"""Progress output for the long recomputations (`creditgraph analytics …`) and batching."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import TypeVar

from graph.progress import ProgressBar, progress_bar

T = TypeVar("T")


def batched(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def batched_by_weight(
    items: Iterable[T], weight: Callable[[T], int], *, limit: int, size: int
) -> Iterator[list[T]]:
    """Batches of at most `size` items whose weights add up to at most `limit` (one heavier item
    goes alone). Bolt servers cap a message (ArcadeDB: 16 MiB), so parameters are cut by size."""
    batch: list[T] = []
    total = 0
    for item in items:
        w = weight(item)
        if batch and (total + w > limit or len(batch) >= size):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += w
    if batch:
        yield batch


class Progress:
    """A bar on stderr when enabled (plain lines when stderr is no terminal); a silent counter
    otherwise (tests, the API)."""

    def __init__(self, label: str, total: int | None, *, enabled: bool) -> None:
        self.done = 0
        self._bar: ProgressBar | None = (
            progress_bar(total=total, desc=label, unit="items") if enabled else None
        )

    def update(self, n: int) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)

    def note(self, text: str) -> None:
        if self._bar is not None:
            self._bar.set_postfix_str(text)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()
