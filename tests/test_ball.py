"""`graph.network.ball`, the ids-only walk of the alert fan-out, against `related_parties`.

On a generated city, for every subject and radius 1–3, the ball holds the same subjects at the
same distances as the related-party walk, and routes back along the same hops; a narrowed last
step (`alerts/expand_watched_edges`) keeps only the watched subjects of the outermost level.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.alerts import watches
from graph.audit import Actor
from graph.cypher import statement
from graph.executor import Executor
from graph.importer import import_files
from graph.network import ball, related_parties
from seeds.generator import generate

pytestmark = pytest.mark.db

KEY = b"ball-test"
SUBJECTS = statement("bench/alerts_sample_subjects")
WATCHED_LAST = statement("alerts/expand_watched_edges")


@pytest.fixture
async def city(empty_graph: Executor, tmp_path: Path) -> list[str]:
    files = generate(tmp_path, scale=60, seed=3).files
    await import_files(empty_graph, files, id_key=KEY, progress=False, risk_refresh=False)
    return [r["sid"] for r in await empty_graph.read(SUBJECTS, skip=0, limit=10_000)]


async def test_ball_equals_the_related_party_walk(empty_graph: Executor, city: list[str]) -> None:
    ex = empty_graph
    compared = 0
    for sid in city[::3]:
        for radius in (1, 2, 3):
            walk = await ball(ex, sid, radius)
            related = await related_parties(ex, sid, max_depth=radius)
            assert walk.distance == {sid: 0} | {r.node["sid"]: r.distance for r in related.reached}
            for r in related.reached:
                ids, hops = walk.route(r.node["sid"])
                assert ids == [n["sid"] for n in r.nodes]
                assert hops == list(r.hops)
            compared += len(related.reached)
    assert compared > 500  # the city is connected enough for the comparison to mean something


async def test_a_narrowed_last_step_keeps_only_watched_subjects(
    empty_graph: Executor, city: list[str]
) -> None:
    ex = empty_graph
    for start in city:  # the first subject with someone two hops away
        full = await ball(ex, start, 2)
        if 2 in full.distance.values():
            break
    outer = sorted(s for s, d in full.distance.items() if d == 2)
    await watches.watch(ex, Actor("inv-ball", "investigator"), outer[0], radius=2, events=["FLAG"])
    narrowed = await ball(ex, start, 2, last=WATCHED_LAST)
    inner = {s: d for s, d in full.distance.items() if d < 2}
    assert narrowed.distance == inner | {outer[0]: 2}
    assert narrowed.route(outer[0]) == full.route(outer[0])
