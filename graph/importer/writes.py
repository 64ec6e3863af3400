"""Single-row writes for the GraphQL mutations, through the same statements as the bulk import.

A mutation validates with the same model as an import row (`graph.inputs`) and writes it as a batch
of one, so the API and the feeds cannot disagree on what a person, a role or a record is. When the
row is not written, one look-up tells why: a missing end is NOT_FOUND, a kind clash is CONFLICT.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graph.cypher import statement
from graph.errors import Conflict, NotFound
from graph.executor import Executor, Record
from graph.importer.kinds import plan
from graph.importer.loader import existing_keys, first_missing, write_batch
from graph.inputs import InputModel, RoleEndIn
from graph.model import MODEL

END_ROLE = statement("role/end_role")


@dataclass(frozen=True)
class Written:
    created: bool


async def write_one(
    executor: Executor, model: InputModel, *, names: Mapping[str, str] | None = None
) -> Written:
    """Create or update what one validated import-kind model describes, in one transaction.

    `names` maps model field names to the caller's, for the field an error blames.
    """
    planned = plan(model)
    result = await write_batch(executor, planned.lane, [planned])
    if 0 in result.done:
        return Written(created=result.created > 0)
    found = await existing_keys(executor, planned.refs)
    missing = first_missing(planned.refs, found)
    if missing is not None:
        field = (names or {}).get(missing.field, missing.field)
        raise NotFound(f"{missing.reason}: {', '.join(missing.keys)}", field=field)
    raise Conflict(planned.lane.clash)


async def end_role(executor: Executor, data: RoleEndIn) -> Record:
    """Set the last day of an existing role; NOT_FOUND when there is no such role."""
    stmt = END_ROLE.specialise(MODEL.allowed, ROLE=data.role)
    row = await executor.write_one(
        stmt, holder=data.holderId, uscc=data.uscc, **{"from": data.from_, "to": data.to}
    )
    if row is None:
        raise NotFound(
            f"no {data.role} role of {data.holderId} in {data.uscc} from {data.from_}",
            field="from",
        )
    return row
