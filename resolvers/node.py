"""The Relay `Node` interface: objects a client can refetch by id alone (`node(id:)`).

A node's id is global and stable, and says nothing about the database: a subject's id is its
business key, the USCC of an organisation or the public person id (derived from a keyed hash of
the citizen ID, never the number itself), which are already unique across every node and tell
their kind apart, so the id a client holds from any query refetches the same subject. Database
element ids (`#42:0`, `4:…:42`) never leave the service.

Why not `strawberry.relay.Node`: it makes `id` a `GlobalID` ("base64 of Type:key"), which would
change every subject's `id` that clients, dashboards and exports already read as the USCC or
person id (the schema's contract since the first release). The interface below is the Relay
contract (`interface Node { id: ID! }` and `node(id: ID!): Node`), with business keys as ids.
"""

from __future__ import annotations

import strawberry


@strawberry.interface(
    description="An object with a global id (Relay): refetch it with `node(id:)`. The id is a "
    "business key (USCC, person id), never a database id."
)
class Node:
    id: strawberry.ID = strawberry.field(description="Global id: the object's business key.")


def node_key(node_id: str) -> str:
    """The subject id a node id names (ids are compared upper-case, as `subject(id:)` does)."""
    return node_id.strip().upper()
