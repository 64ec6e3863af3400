"""The audit trail: canonical input digests, no raw personal data, one event per change."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from graph import audit
from graph.audit import Actor
from graph.executor import Executor, Tx
from graph.sanctions.state import snapshot


def test_digest_is_canonical_and_hides_the_input() -> None:
    one = {"b": [1, 2], "a": date(2024, 6, 1), "idNumber": "110105198001010016"}
    two = {"idNumber": "110105198001010016", "a": date(2024, 6, 1), "b": [1, 2]}
    digest = audit.input_digest(one)
    assert digest == audit.input_digest(two)
    expected = '{"a":"2024-06-01","b":[1,2],"idNumber":"110105198001010016"}'
    assert digest == hashlib.sha256(expected.encode()).hexdigest()
    assert "110105198001010016" not in digest
    assert audit.input_digest({**one, "b": [2, 1]}) != digest


@pytest.mark.db
async def test_event_is_written_in_the_callers_transaction(executor: Executor) -> None:
    actor = Actor("officer-9", "sanction_officer")
    marker = "AUDIT-TEST-ID"

    async def work(tx: Tx) -> str:
        return await audit.record_event(
            tx, actor, "designateListEntry", {"idNumber": "110105198001010016"}, [marker, marker]
        )

    event_id = await executor.unit(work)
    (event,) = await audit.events_for(executor, [marker])
    assert event["eventId"] == event_id
    assert (event["actor"], event["role"], event["operation"], event["outcome"]) == (
        "officer-9",
        "sanction_officer",
        "designateListEntry",
        "OK",
    )
    assert event["affectedIds"] == [marker]
    assert event["inputDigest"] == audit.input_digest({"idNumber": "110105198001010016"})
    assert "110105198001010016" not in str(event)

    before = await snapshot(executor)

    async def failing(tx: Tx) -> None:
        await audit.record_event(tx, actor, "revokeBasis", {}, ["ROLLED-BACK"])
        raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        await executor.unit(failing)
    assert await audit.events_for(executor, ["ROLLED-BACK"]) == []
    assert await snapshot(executor) == before
