"""Progress of long jobs (import, generation, recomputations, benchmarks) for people and logs.

On a terminal a tqdm bar; when stderr is redirected (a log file, CI, a pipe) plain lines with
units instead — "import: 120,000 of 500,000 rows (24%)" — at most one every `PLAIN_EVERY`
seconds and at the end, so a log holds readable lines and no carriage-return frames.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import IO, Any, Protocol

from tqdm import tqdm

PLAIN_EVERY = 10.0  # seconds between two plain progress lines


class ProgressBar(Protocol):
    n: float

    def update(self, n: float | None = 1) -> bool | None: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> Any: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> Any: ...


class PlainProgress:
    """The tqdm calls the project uses, written as periodic plain lines."""

    def __init__(self, total: float | None, desc: str, unit: str, file: IO[str]) -> None:
        self.total, self.desc, self.unit, self.file = total, desc, unit.strip(), file
        self.n = 0.0
        self.postfix = ""
        self._last = time.monotonic()
        self._closed = False

    def _line(self) -> str:
        done = f"{int(self.n):,}"
        if self.total:
            share = f" ({self.n / self.total:.0%})"
            text = f"{self.desc}: {done} of {int(self.total):,} {self.unit}{share}"
        else:
            text = f"{self.desc}: {done} {self.unit}"
        return f"{text}, {self.postfix}" if self.postfix else text

    def update(self, n: float | None = 1) -> bool | None:
        self.n += n or 0
        now = time.monotonic()
        if now - self._last >= PLAIN_EVERY:
            self._last = now
            print(self._line(), file=self.file, flush=True)
        return None

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None:
        self.postfix = s

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            print(f"{self._line()} — done", file=self.file, flush=True)

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> None:
        self.close()


def progress_bar(
    *,
    total: float | None,
    desc: str,
    unit: str = "items",
    leave: bool = True,
    unit_scale: bool = False,
    file: IO[str] | None = None,
) -> ProgressBar:
    """A bar on a terminal, plain lines otherwise (see the module docstring)."""
    out = file or sys.stderr
    if out.isatty():
        return tqdm(total=total, desc=desc, unit=unit, leave=leave, unit_scale=unit_scale, file=out)
    return PlainProgress(total, desc, unit, out)
