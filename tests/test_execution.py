"""The fast leaf path of api/execution.py answers exactly as graphql-core does (tier 1)."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.execution import FastExecutionContext


@strawberry.enum(description="A colour.")
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type(description="A thing.")
class Thing:
    name: str = strawberry.field(description="Never null.")
    nick: str | None = strawberry.field(description="Maybe null.")
    colour: Colour = strawberry.field(description="An enum.")
    size: int = strawberry.field(description="A number.")

    @strawberry.field(description="A resolver field, not a plain attribute.")
    def shout(self) -> str:
        return "hi"


@strawberry.type(description="Root.")
class Query:
    @strawberry.field(description="Things, some of them broken.")
    def things(self) -> list[Thing | None]:
        broken_null = Thing(name="a", nick=None, colour=Colour.RED, size=1)
        broken_null.name = None  # type: ignore[assignment]
        broken_enum = Thing(name="b", nick="bee", colour=Colour.BLUE, size=2)
        broken_enum.colour = "purple"  # type: ignore[assignment]
        broken_int = Thing(name="c", nick="cee", colour=Colour.RED, size=3)
        broken_int.size = "many"  # type: ignore[assignment]
        fine = Thing(name="d", nick=None, colour=Colour.BLUE, size=4)
        return [broken_null, broken_enum, broken_int, fine]


QUERY = "{ things { shout size nick name colour alias: name } }"


def _run(context: type[Any]) -> dict[str, Any]:
    schema = strawberry.Schema(query=Query, execution_context_class=context)
    result = schema.execute_sync(QUERY)
    errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
    return {"data": result.data, "errors": errors}


def test_fast_leaves_give_the_same_data_errors_and_key_order_as_graphql_core() -> None:
    fast, base = _run(FastExecutionContext), _run(StrawberryGraphQLCoreExecutionContext)
    assert fast == base
    things = fast["data"]["things"]
    assert things[3] == {
        "shout": "hi",
        "size": 4,
        "nick": None,
        "name": "d",
        "colour": "BLUE",
        "alias": "d",
    }
    assert list(things[3]) == ["shout", "size", "nick", "name", "colour", "alias"]
    # The null name, the unknown enum value and the non-integer size are errors, each located.
    assert things[:3] == [None, None, None]
    assert sorted(path for _, path in fast["errors"]) == [
        ("things", 0, "name"),
        ("things", 1, "colour"),
        ("things", 2, "size"),
    ]
