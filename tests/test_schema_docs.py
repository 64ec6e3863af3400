"""Front-end teams read the schema: every type and every field says what it is."""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
)

from api.schema import schema

BUILTIN_SCALARS = {"String", "Int", "Float", "Boolean", "ID"}


def test_every_type_and_field_has_a_description() -> None:
    missing: list[str] = []
    for name, gtype in schema._schema.type_map.items():
        if name.startswith("__") or name in BUILTIN_SCALARS:
            continue
        if name in ("Query", "Mutation", "Subscription"):
            pass
        elif not gtype.description:
            missing.append(name)
        if isinstance(gtype, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in gtype.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
        elif isinstance(gtype, GraphQLEnumType | GraphQLScalarType | GraphQLUnionType):
            continue
    assert missing == [], f"undocumented: {missing}"
