"""Watch-lists and alerts (issue 19) on the `propagation` cast (tests/test_propagation.py).

Distances from G (城管局): G —E_LR— E is two hops (E_LR is the legal representative of both);
B, E's actual controller, is three (G — E_LR — E — B).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from graph.alerts import fanout, store, watches
from graph.audit import Actor, events_for
from graph.errors import BadUserInput, NotFound
from graph.executor import Executor
from graph.importer import import_rows
from graph.network import ball
from graph.sanctions import designation
from graph.sanctions.inputs import RepairIn
from graph.sanctions.lifecycle import approve_repair
from tests.test_propagation import E_LR, KEY, TODAY, A, B, C, D, E, G, decision, load_cast

pytestmark = pytest.mark.db

OFFICER = Actor("officer-1", "officer")
WATCHER = Actor("inv-1", "investigator")
OTHER = Actor("inv-2", "investigator")


@pytest.fixture
async def cast(executor: Executor) -> Executor:
    await load_cast(executor)
    await fanout.drain(executor)  # the cast's own events: before any watch, they alert nobody
    return executor


async def designate(executor: Executor, subject: str) -> designation.Designation:
    return await designation.designate(executor, OFFICER, [decision(subject)], on=TODAY)


async def alerts_of(executor: Executor, who: Actor = WATCHER) -> list[store.Alert]:
    return await store.alerts_after(executor, who, 0, unread_only=False, limit=100)


async def test_a_listing_two_hops_away_alerts_once_with_its_path(cast: Executor) -> None:
    w = await watches.watch(cast, WATCHER, G, radius=2, events=["LIST_ENTRY"], note="case 7")
    done = await designate(cast, E)
    served = await fanout.drain(cast)
    assert served.alerts == 1
    (alert,) = await alerts_of(cast)
    assert (alert.watch_id, alert.kind, alert.change) == (w.watch_id, "LIST_ENTRY", "ADDED")
    assert (alert.subject_sid, alert.ref, alert.detail) == (
        E,
        done.entry_ids[0],
        "SERIOUS_DISHONESTY",
    )
    assert alert.distance == 2
    assert alert.path_sids == (G, E_LR, E)
    assert [[(x.role, x.holder, x.organization) for x in hop] for hop in alert.hops] == [
        [("LEGAL_REPRESENTATIVE_OF", E_LR, G)],
        [("LEGAL_REPRESENTATIVE_OF", E_LR, E)],
    ]
    assert alert.legal_basis
    assert not alert.read
    # Three hops away is outside the watch: nothing; and the first event does not alert again.
    await designate(cast, B)
    await fanout.drain(cast)
    assert [a.alert_id for a in await alerts_of(cast)] == [alert.alert_id]
    assert await alerts_of(cast, OTHER) == []


async def test_three_hops_reach_a_radius_three_watch_and_flags_follow_the_extension(
    cast: Executor,
) -> None:
    await watches.watch(cast, WATCHER, G, radius=3, events=["LIST_ENTRY", "FLAG"])
    await designate(cast, B)
    await fanout.drain(cast)
    found = await alerts_of(cast)
    entry = [a for a in found if a.kind == "LIST_ENTRY"]
    assert [(a.subject_sid, a.distance) for a in entry] == [(B, 3)]
    # P1 extends B's listing to its legal representative: a FLAG alert with the rule behind it.
    flags = [a for a in found if a.kind == "FLAG"]
    assert flags
    assert all(a.rule_id and a.source_sid == B for a in flags)
    assert sorted(a.seq for a in found) == [a.seq for a in found]  # numbered in order


async def test_a_repair_produces_a_removed_alert(cast: Executor) -> None:
    await watches.watch(cast, WATCHER, G, radius=2, events=["LIST_ENTRY"])
    done = await designate(cast, E)
    repair = RepairIn(entryId=done.entry_ids[0], methods=("RECTIFICATION",))
    await approve_repair(cast, OFFICER, repair, today=TODAY)
    await fanout.drain(cast)
    changes = [(a.ref, a.change) for a in await alerts_of(cast)]
    assert changes == [(done.entry_ids[0], "ADDED"), (done.entry_ids[0], "REMOVED")]


async def test_a_watch_on_the_subject_itself_and_on_a_new_role(cast: Executor) -> None:
    await watches.watch(cast, WATCHER, E, radius=0, events=["LIST_ENTRY"])
    await designate(cast, E)
    await fanout.drain(cast)
    (alert,) = await alerts_of(cast)
    assert (alert.distance, alert.path_sids, alert.hops) == (0, (E,), ())


async def test_two_workers_serving_the_same_events_write_each_alert_once(cast: Executor) -> None:
    await watches.watch(cast, WATCHER, G, radius=3, events=["LIST_ENTRY", "FLAG"])
    await watches.watch(cast, OTHER, G, radius=2, events=["LIST_ENTRY"])
    await designate(cast, E)
    await designate(cast, B)
    single = await _expected_alerts(cast)
    await asyncio.gather(fanout.drain(cast), fanout.drain(cast), fanout.drain(cast))
    got = await alerts_of(cast) + await alerts_of(cast, OTHER)
    assert len(got) == len({a.alert_id for a in got}) == single
    assert len({a.seq for a in got}) == single  # no number given twice
    assert (await fanout.backlog(cast)).pending == 0


async def _expected_alerts(executor: Executor) -> int:
    """How many alerts the waiting events make (computed, not written)."""
    events = await executor.read(fanout.GET_EVENTS, limit=1000)
    reach = {r["kind"]: int(r["radius"]) for r in await executor.read(fanout.GET_WATCH_REACH)}
    total = 0
    for event in events:
        if event["kind"] in reach:
            total += len(await fanout._alerts_for(executor, event, reach[event["kind"]]))
    return total


async def test_a_rolled_back_change_leaves_no_event(cast: Executor) -> None:
    before = (await fanout.backlog(cast)).pending
    with pytest.raises(NotFound):
        await designation.designate(
            cast, OFFICER, [decision(E, debtResponsibleIds=["P0000000000000000"])], on=TODAY
        )
    assert (await fanout.backlog(cast)).pending == before


async def test_watches_belong_to_their_owner_and_are_audited(cast: Executor) -> None:
    mine = await watches.watch(cast, WATCHER, G, radius=1, events=["ROLE"])
    await watches.watch(cast, OTHER, E, radius=1, events=["FLAG"])
    assert [w.watch_id for w in await watches.page(cast, WATCHER, 0, 10)] == [mine.watch_id]
    admin = Actor("root", "admin")
    assert await watches.count(cast, admin) == 2
    with pytest.raises(NotFound):
        await watches.unwatch(cast, OTHER, mine.watch_id)
    assert await watches.unwatch(cast, admin, mine.watch_id) == mine.watch_id
    assert await watches.count(cast, WATCHER) == 0
    ops = [e["operation"] for e in await events_for(cast, [mine.watch_id])]
    assert sorted(ops) == ["unwatch", "watch"]


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"radius": 4, "events": ["FLAG"]}, "radius"),
        ({"radius": -1, "events": ["FLAG"]}, "radius"),
        ({"radius": 1, "events": []}, "events"),
        ({"radius": 1, "events": ["WEATHER"]}, "events"),
        ({"radius": 1, "events": ["FLAG"], "note": "x" * 501}, "note"),
    ],
)
async def test_bad_watches_are_refused(executor: Executor, kw: dict[str, Any], field: str) -> None:
    with pytest.raises(BadUserInput) as err:
        await watches.watch(executor, WATCHER, G, **kw)
    assert err.value.details.get("field") == field


async def test_a_watch_on_no_subject_is_not_found(executor: Executor) -> None:
    with pytest.raises(NotFound):
        await watches.watch(executor, WATCHER, "91230100MA1PRZ9999", radius=1, events=["FLAG"])


async def test_a_new_tie_near_a_watch_alerts_with_the_role(cast: Executor) -> None:
    await watches.watch(cast, WATCHER, G, radius=1, events=["ROLE"])
    tie = {"kind": "role", "role": "DIRECTOR_OF", "uscc": B, "from": "2024-01-01", "holderId": E_LR}
    assert (await import_rows(cast, [("feed", 1, tie)], id_key=KEY, progress=False)).rejected == 0
    await fanout.drain(cast)
    alerts = await alerts_of(cast)
    got = [(a.kind, a.change, a.subject_sid, a.ref, a.detail, a.distance) for a in alerts]
    # The tie's holder E_LR is G's legal representative: one hop from the watched subject.
    assert got == [("ROLE", "ADDED", B, E_LR, "DIRECTOR_OF", 1)]
    assert alerts[0].path_sids == (G, E_LR)


async def test_a_network_too_wide_to_walk_still_alerts_the_nearer_watches(
    cast: Executor, monkeypatch: pytest.MonkeyPatch
) -> None:
    near = await watches.watch(cast, WATCHER, E, radius=0, events=["LIST_ENTRY"])
    await watches.watch(cast, OTHER, G, radius=2, events=["LIST_ENTRY"])
    # A walk may reach one subject: E's network within two hops is "too wide".
    monkeypatch.setattr(fanout, "MAX_WALK", 1)
    await designate(cast, E)
    served = await fanout.drain(cast)
    assert served.too_wide
    assert served.alerts == 1
    assert [a.watch_id for a in await alerts_of(cast)] == [near.watch_id]
    assert await alerts_of(cast, OTHER) == []


async def test_a_walk_reaches_a_state_organ_but_does_not_pass_through_it(cast: Executor) -> None:
    # G (a GOV_ORGAN) comes to hold shares of A and of D: through it they are two hops apart.
    tie = {"kind": "role", "role": "SHAREHOLDER_OF", "holderUscc": G, "from": "2024-01-01"}
    ties = [{**tie, "uscc": org} for org in (A, D)]
    rows = [("feed", n, tie) for n, tie in enumerate(ties, 1)]
    assert (await import_rows(cast, rows, id_key=KEY, progress=False)).rejected == 0
    assert (await ball(cast, A, 2)).distance.get(D) == 2  # a plain walk goes through G
    await fanout.drain(cast)
    await watches.watch(cast, WATCHER, A, radius=2, events=["LIST_ENTRY"])
    # Common control by the state alone makes no related party (linked_risk's excluded kinds).
    await designate(cast, D)
    await fanout.drain(cast)
    assert await alerts_of(cast) == []
    # G itself is reached: its own listing alerts A's watch, one hop away.
    await designate(cast, G)
    await fanout.drain(cast)
    assert [(a.subject_sid, a.distance, a.path_sids) for a in await alerts_of(cast)] == [
        (G, 1, (A, G))
    ]


async def test_an_event_too_wide_to_walk_waits_behind_the_events_after_it(
    cast: Executor, monkeypatch: pytest.MonkeyPatch
) -> None:
    await watches.watch(cast, WATCHER, E, radius=0, events=["LIST_ENTRY"])
    await watches.watch(cast, WATCHER, C, radius=0, events=["LIST_ENTRY"])
    await watches.watch(cast, OTHER, G, radius=2, events=["LIST_ENTRY"])
    # Walks of two hops: E's first hop (E_LR, E_PRIN, B) is already "too wide", C's is not.
    monkeypatch.setattr(fanout, "MAX_WALK", 2)
    await designate(cast, E)
    await designate(cast, C)
    too_wide = fanout.TooWide()
    served = await fanout.drain(cast, too_wide=too_wide)
    assert served.deferred == 1
    assert len(served.too_wide or []) == 1
    # C's listing, designated after E's, is alerted first; E's once the rest is served.
    alerts = sorted(await alerts_of(cast), key=lambda a: a.seq)
    assert [a.subject_sid for a in alerts] == [C, E]
    assert await fanout.backlog(cast) == fanout.Backlog(0, None)
    # The worker remembers E too wide at two hops: its next events are deferred unwalked.
    assert too_wide == {E: 2}
