"""The fast leaf path of api/execution.py answers exactly as graphql-core does (tier 1)."""

from __future__ import annotations

import asyncio
import json
from enum import Enum
from types import SimpleNamespace
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


# Plain object/list fields completed inline, and resolvers called directly: a small schema with
# an interface, nested plain objects and lists, a resolver with arguments under a list, and every
# kind of broken value graphql-core reports.


@strawberry.interface(description="Something with a name.")
class Named:
    name: str = strawberry.field(description="Never null.")


@strawberry.type(description="A leaf object.")
class Tag(Named):
    colour: Colour = strawberry.field(description="An enum.")


@strawberry.type(description="Another implementation of Named.")
class Label(Named):
    size: int = strawberry.field(description="A number.")


@strawberry.type(description="An edge in a list.")
class Edge:
    node: Named = strawberry.field(description="Interface-typed, plain.")
    tags: list[Tag] = strawberry.field(description="Non-null items.")
    maybe: list[Tag | None] | None = strawberry.field(description="Nullable items and list.")

    @strawberry.field(description="A resolver with arguments, called once per edge.")
    def pick(self, first: int, colours: list[Colour] | None = None) -> list[Tag]:
        wanted = set(colours) if colours else None
        return [t for t in self.tags if wanted is None or t.colour in wanted][:first]

    @strawberry.field(description="An async resolver that fails on odd sizes.")
    async def checked(self, info: strawberry.Info) -> str:
        if isinstance(self.node, Label) and self.node.size % 2:
            raise ValueError("odd size")
        return str(info.path.as_list())


@strawberry.type(description="A connection-like holder.")
class Holder:
    edges: list[Edge | None] = strawberry.field(description="Plain list of plain objects.")
    first: Edge | None = strawberry.field(description="A nullable plain object.")


def _holder() -> Holder:
    red, blue = Tag(name="r", colour=Colour.RED), Tag(name="b", colour=Colour.BLUE)
    bad_tag = Tag(name="x", colour=Colour.RED)
    bad_tag.name = None  # type: ignore[assignment]
    edges: list[Edge | None] = [
        Edge(node=red, tags=[red, blue], maybe=[blue, None]),
        Edge(node=Label(name="l", size=3), tags=[blue], maybe=None),
        Edge(node=Label(name="m", size=4), tags=[red, bad_tag], maybe=[bad_tag]),
        Edge(node="not a Named", tags=[], maybe=[]),  # type: ignore[arg-type]
        Edge(node=blue, tags=None, maybe=[red]),  # type: ignore[arg-type]
        Edge(node=blue, tags=(red,), maybe=iter([red])),  # type: ignore[arg-type]
    ]
    return Holder(edges=edges, first=edges[2])


@strawberry.type(description="Root.")
class TreeQuery:
    @strawberry.field(description="The tree.")
    def holder(self) -> Holder | None:
        return _holder()


TREE_QUERY = """query($c: [Colour!]) { holder {
  first { node { name } tags { name } }
  edges { node { __typename name ... on Tag { colour } ... on Label { size } }
    tags { name colour } maybe { name } checked
    pick(first: 1, colours: $c) { name } all: pick(first: 5) { name } } } }"""


def _run_tree(context: type[Any]) -> dict[str, Any]:
    schema = strawberry.Schema(query=TreeQuery, types=[Tag, Label], execution_context_class=context)
    result = asyncio.run(schema.execute(TREE_QUERY, variable_values={"c": ["BLUE"]}))
    errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
    return {"data": result.data, "errors": errors}


def test_plain_subtrees_and_direct_resolver_calls_answer_as_graphql_core() -> None:
    fast, base = _run_tree(FastExecutionContext), _run_tree(StrawberryGraphQLCoreExecutionContext)
    assert fast == base
    assert json.dumps(fast["data"]) == json.dumps(base["data"])  # key order too
    edges = fast["data"]["holder"]["edges"]
    assert edges[0]["pick"] == [{"name": "b"}]
    assert edges[0]["all"] == [{"name": "r"}, {"name": "b"}]
    assert edges[0]["maybe"] == [{"name": "b"}, None]
    assert edges[0]["checked"] == "['holder', 'edges', 0, 'checked']"  # paths reach resolvers
    # Located errors: a null in a non-null nested field empties the nearest nullable parent.
    paths = {path for _, path in fast["errors"]}
    assert ("holder", "edges", 1, "checked") in paths  # the async resolver's failure
    assert ("holder", "first", "tags", 1, "name") in paths  # `first` is nullable: it is null
    assert fast["data"]["holder"]["first"] is None
    assert ("holder", "edges", 3, "node") in paths  # not a Named: abstract type unresolved
    assert ("holder", "edges", 4, "tags") in paths  # null for a non-null list
    assert len(fast["errors"]) >= 5


@strawberry.type(description="An implementation whose own is_type_of looks at the instance.")
class Badge(Named):
    level: int = strawberry.field(description="Above zero for a real badge.")

    @classmethod
    def is_type_of(cls, obj: Any, _info: Any) -> bool:
        return isinstance(obj, Badge) and obj.level > 0


@strawberry.type(description="A plain list of interface-typed objects.")
class Kinds:
    named: list[Named | None] = strawberry.field(description="Completed by the fast path.")


@strawberry.type(description="Root of the runtime-type test.")
class KindsQuery:
    @strawberry.field(description="Objects of the same classes, resolved one after another.")
    def kinds(self) -> Kinds:
        tag, label = Tag(name="t", colour=Colour.RED), Label(name="l", size=2)
        as_label = strawberry.cast(Label, SimpleNamespace(name="cl", size=5))
        as_tag = strawberry.cast(Tag, SimpleNamespace(name="ct", colour=Colour.BLUE))
        tag_as_label = Tag(name="tl", colour=Colour.RED)
        tag_as_label.size = 7  # type: ignore[attr-defined]
        strawberry.cast(Label, tag_as_label)  # a Tag, after Tags were resolved
        badges = [Badge(name="b", level=1), Badge(name="zero", level=0)]
        named: list[Any] = [tag, label, tag, as_label, as_tag, *badges, label, badges[0]]
        return Kinds(named=[*named, tag_as_label])


KINDS_QUERY = """{ kinds { named { __typename name ... on Tag { colour }
  ... on Label { size } ... on Badge { level } } } }"""


def test_runtime_types_kept_per_class_answer_as_graphql_core() -> None:
    """The runtime type (and is_type_of's verdict) is kept per class only where Strawberry's
    own resolvers decide from the class: cast objects and a type's own is_type_of are asked
    each time, so objects of one class can still resolve differently."""

    def run(context: type[Any]) -> dict[str, Any]:
        types = [Tag, Label, Badge]
        schema = strawberry.Schema(query=KindsQuery, types=types, execution_context_class=context)
        result = schema.execute_sync(KINDS_QUERY)
        errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
        return {"data": result.data, "errors": errors}

    for _ in range(2):  # the second run starts with what the first kept
        fast, base = run(FastExecutionContext), run(StrawberryGraphQLCoreExecutionContext)
        assert fast == base
        named = fast["data"]["kinds"]["named"]
        assert [n and n["__typename"] for n in named] == [
            "Tag",
            "Label",
            "Tag",
            "Label",
            "Tag",
            "Badge",
            None,
            "Label",
            "Badge",
            "Label",
        ]
        assert named[-1] == {"__typename": "Label", "name": "tl", "size": 7}
        assert named[3] == {"__typename": "Label", "name": "cl", "size": 5}
        assert [path for _, path in fast["errors"]] == [("kinds", "named", 6)]  # level 0
