"""Relay-style connections: `edges { cursor node }`, `pageInfo`, and `totalCount` on demand.

`first` is mandatory and capped (MAX_PAGE_SIZE); cursors are opaque offsets. A page is fetched as
`first + 1` rows so `hasNextPage` needs no count; `totalCount` runs its own query only when the
client selects it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode
from strawberry.types import Info

from graph.errors import BadUserInput, LimitExceeded

T = TypeVar("T")
_PREFIX = "cg:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(_PREFIX):
            raise ValueError(cursor)
        offset = int(text[len(_PREFIX) :])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadUserInput(f"invalid cursor {cursor!r}", field="after") from None
    if offset < 0:
        raise BadUserInput(f"invalid cursor {cursor!r}", field="after")
    return offset


@dataclass(frozen=True)
class Window:
    """Rows `skip` to `skip + first` (exclusive), fetched as `limit = first + 1`."""

    skip: int
    first: int

    @property
    def limit(self) -> int:
        return self.first + 1


def window(first: int, after: str | None, max_page: int) -> Window:
    if first < 0:
        raise BadUserInput("`first` must not be negative", field="first")
    if first > max_page:
        raise LimitExceeded(
            f"`first` is {first}, the maximum page size is {max_page}",
            field="first",
            limit=max_page,
        )
    skip = decode_cursor(after) + 1 if after else 0
    return Window(skip=skip, first=first)


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
