"""Relay-style connections: `edges { cursor node }`, `pageInfo`, and `totalCount` on demand.

Forward (`first`, `after`) or backward (`last`, `before`) paging, the one place it is decided:
`first` or `last` is required (not both) and capped (MAX_PAGE_SIZE); cursors are opaque offsets.
A page is fetched as `first + 1` rows so `hasNextPage` needs no count; `totalCount` runs its own
query only when the client selects it. `before` alone bounds the page (rows `before - last` to
`before`); `last` without `before` needs the list's size first (`Window.needs_total`, then
`Window.at_end`), one more query only for that form.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

import strawberry
from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode
from strawberry.types import Info

from graph.errors import BadUserInput, LimitExceeded

T = TypeVar("T")
_PREFIX = "cg:"


@lru_cache(maxsize=4096)
def encode_cursor(offset: int) -> str:
    """The opaque cursor of an offset (cached: every edge of every page carries one, selected
    or not, and pages start at the same few offsets)."""
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str, field: str = "after") -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(_PREFIX):
            raise ValueError(cursor)
        offset = int(text[len(_PREFIX) :])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadUserInput(f"invalid cursor {cursor!r}", field=field) from None
    if offset < 0:
        raise BadUserInput(f"invalid cursor {cursor!r}", field=field)
    return offset


@dataclass(frozen=True)
class Window:
    """Rows `skip` to `skip + first` (exclusive), fetched as `limit = first + 1`.

    `tail` is set for `last` without `before`: the window is the list's last `tail` rows, known
    once its size is (`at_end`); until then `skip`/`first` are those of an empty page.
    """

    skip: int
    first: int
    tail: int | None = None

    @property
    def limit(self) -> int:
        return self.first + 1

    @property
    def needs_total(self) -> bool:
        return self.tail is not None

    def at_end(self, total: int) -> Window:
        """The window of the last `tail` of `total` rows (for `last` without `before`)."""
        if self.tail is None:
            return self
        skip = max(total - self.tail, self.skip)
        return Window(skip=skip, first=max(total - skip, 0))


def _size(value: int, name: str, max_page: int) -> int:
    if value < 0:
        raise BadUserInput(f"`{name}` must not be negative", field=name)
    if value > max_page:
        raise LimitExceeded(
            f"`{name}` is {value}, the maximum page size is {max_page}",
            field=name,
            limit=max_page,
        )
    return value


def window(
    first: int | None,
    after: str | None,
    max_page: int,
    *,
    last: int | None = None,
    before: str | None = None,
) -> Window:
    """The rows a connection's paging arguments select (see the module docstring)."""
    if first is not None and last is not None:
        raise BadUserInput("pass `first` or `last`, not both", field="last")
    if first is None and last is None:
        raise BadUserInput("`first` or `last` is required", field="first")
    start = decode_cursor(after) + 1 if after else 0
    end = decode_cursor(before, "before") if before else None
    if end is not None and end < start:
        end = start
    if first is not None:
        size = _size(first, "first", max_page)
        if end is not None:
            size = min(size, end - start)
        return Window(skip=start, first=size)
    assert last is not None
    size = _size(last, "last", max_page)
    if end is None:
        return Window(skip=start, first=0, tail=size)
    skip = max(start, end - size)
    return Window(skip=skip, first=end - skip)


async def resolve(win: Window, total: Callable[[], Awaitable[int]]) -> Window:
    """`win`, with its rows known: `last` without `before` first asks the list's size."""
    return win.at_end(await total()) if win.needs_total else win


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(description="Items precede this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last edge.")


@strawberry.type(description="One item of a connection with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque position, for `after`.")
    node: T = strawberry.field(description="The item.")


CountFn = Callable[[], Awaitable[int]]


@strawberry.type(description="A page of items (Relay connection).")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Paging information.")
    count_fn: strawberry.Private[CountFn | None] = None
    known_total: strawberry.Private[int | None] = None

    @strawberry.field(description="Number of items in the whole list (computed only when asked).")
    async def total_count(self) -> int:
        if self.known_total is not None:
            return self.known_total
        if self.count_fn is None:  # pragma: no cover - every connection sets one or the other
            raise BadUserInput("this list cannot be counted")
        return await self.count_fn()


def selects(info: Info[Any, Any], name: str) -> bool:
    """Whether the field being resolved selects `name` directly (through fragments too).

    Lookahead for work a field can skip, e.g. a connection's total when `totalCount` is not
    asked for. It reads the document, not `info.selected_fields` (which converts the whole
    subtree, arguments included, on every call). `@skip`/`@include` are ignored: a field they
    leave out still counts as selected, which costs work, never a wrong answer.
    """
    raw = info._raw_info
    stack: list[SelectionSetNode | None] = [node.selection_set for node in raw.field_nodes]
    while stack:
        selection_set = stack.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                if selection.name.value == name:
                    return True
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = raw.fragments.get(selection.name.value)
                stack.append(fragment.selection_set if fragment else None)
    return False


def build(
    nodes: Sequence[T],
    win: Window,
    *,
    count: CountFn | None = None,
    total: int | None = None,
) -> Connection[T]:
    """A connection from up to `win.limit` nodes fetched from offset `win.skip`."""
    page = list(nodes[: win.first])
    edges = [Edge(cursor=encode_cursor(win.skip + i), node=n) for i, n in enumerate(page)]
    info = PageInfo(
        has_next_page=len(nodes) > win.first,
        has_previous_page=win.skip > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, count_fn=count, known_total=total)
