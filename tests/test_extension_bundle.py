"""`api.extensions.bundle`: several extensions' hooks run as one extension's, in their order."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import strawberry
from strawberry.extensions import SchemaExtension

from api.extensions.bundle import Bundle, bundle

EVENTS: list[str] = []


def recording(name: str) -> type[SchemaExtension]:
    class Recording(SchemaExtension):
        def on_operation(self) -> Iterator[None]:
            EVENTS.append(f"{name} operation in")
            yield
            EVENTS.append(f"{name} operation out")

        def on_parse(self) -> Iterator[None]:
            EVENTS.append(f"{name} parse in")
            yield
            EVENTS.append(f"{name} parse out")

    return Recording


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "hi"


async def test_bundled_hooks_enter_in_order_and_leave_in_reverse() -> None:
    EVENTS.clear()
    schema = strawberry.Schema(query=Query, extensions=[bundle(recording("a"), recording("b"))])
    result = await schema.execute("{ hello }")
    assert result.errors is None
    assert result.data == {"hello": "hi"}
    assert EVENTS == [
        "a operation in",
        "b operation in",
        "a parse in",
        "b parse in",
        "b parse out",
        "a parse out",
        "b operation out",
        "a operation out",
    ]


def test_an_extension_with_other_hooks_is_refused() -> None:
    class Executing(SchemaExtension):
        async def on_execute(self) -> AsyncIterator[None]:
            yield

    with pytest.raises(TypeError, match="cannot be bundled"):
        Bundle([Executing()])
