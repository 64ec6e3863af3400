"""Imported sanction sources go through the propagation engine, batch by batch (issue 5).

A court's dishonest judgment debtor list, a serious list, a violated commitment: the batch that
writes them derives the serious-list entry (P2), the flags, the person records, the linked-risk
refresh and the audit event in the same transaction; re-importing changes nothing; roles that
come after the entries (later in the run or in a later run) still reach the holders of the
decision date. The cast is described in tests/test_propagation.py.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from stdnum.cn import ric, uscc

from api.commands import import_ as import_command
from api.settings import Settings
from graph.audit import events_for
from graph.executor import Executor, Tx
from graph.importer import ImportSummary, import_rows
from graph.propagation import engine
from graph.sanctions import lifecycle
from graph.sanctions.state import snapshot
from tests.conftest import DELETE_ALL
from tests.test_propagation import D_DEBT, D_LR, KEY, TODAY, D, flags_on, load_cast, pid

pytestmark = pytest.mark.db

EXAMPLES = Path(__file__).resolve().parents[1] / "seeds" / "examples"
DEBTOR_NUMBER = "230100199112120031"  # D_DEBT in the cast


@pytest.fixture
async def cast(executor: Executor) -> Executor:
    await load_cast(executor)
    return executor


def org_id(n: int) -> str:
    body = f"91230100MA{n:07d}"
    return body + uscc.calc_check_digit(body)


def citizen(n: int) -> str:
    body = f"2301001975{1 + n // 28 % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def court_entry(entry_id: str = "IMP-JD-01", **extra: Any) -> dict[str, Any]:
    """A dishonest judgment debtor entry pushed by the court against D (丁物流)."""
    return {
        "kind": "listEntry",
        "entryId": entry_id,
        "listType": "JUDGMENT_DEFAULTER",
        "subjectUscc": D,
        "authorityId": "PRP-COURT",
        "decisionNo": "（2024）黑01执77号",
        "decisionDate": "2024-04-01",
        "reason": "有履行能力而拒不履行生效法律文书确定的义务",
        "legalBasis": "002 HLJ Art.21(4)",
        "validFrom": "2024-04-01",
        "debtResponsibleIdNumbers": [DEBTOR_NUMBER],
        **extra,
    }


def serious_entry(n: int, decided: str = "2024-06-01") -> dict[str, Any]:
    return {
        "kind": "listEntry",
        "entryId": f"IMP-SD-{n}",
        "listType": "SERIOUS_DISHONESTY",
        "subjectUscc": org_id(n),
        "authorityId": "PRP-SAMR",
        "decisionNo": f"哈市监信〔2024〕{n}号",
        "decisionDate": decided,
        "reason": "恶意拖欠货款，情节严重",
        "legalBasis": "002 HLJ Art.29(4)",
        "validFrom": decided,
        "validUntil": "2034-05-31",
    }


def company(n: int) -> list[dict[str, Any]]:
    """A new enterprise and a new person, without roles."""
    return [
        {"kind": "organization", "uscc": org_id(n), "name": f"导入企业{n}"},
        {"kind": "person", "idNumber": citizen(n), "name": f"导入人{n}"},
    ]


def lr(n: int, start: str = "2020-01-01") -> dict[str, Any]:
    return {
        "kind": "role",
        "role": "LEGAL_REPRESENTATIVE_OF",
        "holderIdNumber": citizen(n),
        "uscc": org_id(n),
        "from": start,
    }


def commitment(record_id: str, status: str, subject: str = D) -> dict[str, Any]:
    return {
        "kind": "record",
        "recordId": record_id,
        "recordType": "COMMITMENT",
        "subjectUscc": subject,
        "authorityId": "PRP-SAMR",
        "decisionDate": "2024-05-01",
        "publicationEnd": "2027-05-01",
        "commitmentStatus": status,
    }


async def imported(executor: Executor, rows: list[dict[str, Any]], **kw: Any) -> ImportSummary:
    summary = await import_rows(
        executor,
        [("feed", n, row) for n, row in enumerate(rows, 1)],
        id_key=KEY,
        progress=False,
        propagate=True,
        on=TODAY,
        **kw,
    )
    assert summary.rejected == 0, [str(r) for r in summary.sample]
    return summary


def kinds(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(r["sourceId"], r["flagType"]) for r in rows}


async def test_an_imported_court_entry_becomes_serious_and_reaches_the_persons(
    cast: Executor,
) -> None:
    summary = await imported(cast, [court_entry()])
    assert summary.propagated is not None
    p = summary.propagated
    assert (p.sources, p.created_entries, p.created_flags, p.ended_flags) == (1, 1, 3, 0)
    derived = "IMP-JD-01-P2"
    assert kinds(await flags_on(cast, D_LR)) == {(derived, "PUNISHMENT_EXTENDED")}
    assert kinds(await flags_on(cast, D_DEBT)) == {(derived, "PUNISHMENT_EXTENDED")}
    assert kinds(await flags_on(cast, D)) == {(derived, "COMMITMENT_INELIGIBLE")}
    (entry,) = await lifecycle.entries(cast, [derived])
    assert (entry["listType"], entry["status"], entry["derivedFrom"]) == (
        "SERIOUS_DISHONESTY",
        "ACTIVE",
        "IMP-JD-01",
    )
    (event,) = await events_for(cast, [derived])
    assert (event["operation"], event["actor"]) == ("import", "creditgraph-import")


async def test_reimporting_the_same_rows_creates_nothing(cast: Executor) -> None:
    rows = [court_entry(), commitment("IMP-CM-01", "VIOLATED")]
    await imported(cast, rows)
    before = await snapshot(cast)  # entries, flags, person records and audit events
    again = await imported(cast, rows)
    assert again.created == 0
    assert again.propagated is not None
    p = again.propagated
    assert (p.created_flags, p.ended_flags, p.created_entries, p.removed_entries) == (0, 0, 0, 0)
    assert await snapshot(cast) == before


async def test_the_batch_and_its_propagation_commit_together(
    cast: Executor, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = engine.propagate
    seen: list[engine.Outcome] = []

    async def fail_after_propagating(tx: Tx, kind: str, ids: Any, **kw: Any) -> engine.Outcome:
        seen.append(await real(tx, kind, ids, **kw))
        raise RuntimeError("injected failure")

    before = await snapshot(cast)
    monkeypatch.setattr(engine, "propagate", fail_after_propagating)
    with pytest.raises(RuntimeError, match="injected"):
        await imported(cast, [court_entry()])
    assert seen[0].created_entries  # the derived entry was written in the batch's transaction…
    assert await snapshot(cast) == before  # …and went with the entry itself


async def test_a_court_feed_removing_its_entry_takes_the_derived_listing_out(
    cast: Executor,
) -> None:
    await imported(cast, [court_entry()])
    summary = await imported(cast, [court_entry(status="REMOVED")])
    assert summary.propagated is not None
    assert (summary.propagated.removed_entries, summary.propagated.ended_flags) == (1, 3)
    (entry,) = await lifecycle.entries(cast, ["IMP-JD-01-P2"])
    assert (entry["status"], entry["removalReason"]) == ("REMOVED", "BASIS_REVOKED")
    assert await flags_on(cast, D_LR) == []
    history = await flags_on(cast, D_DEBT, include_ended=True)
    assert [(r["status"], r["endReason"]) for r in history] == [("ENDED", "BASIS_REVOKED")]


async def test_a_role_later_in_the_same_run_reaches_the_holder_of_the_decision_date(
    cast: Executor,
) -> None:
    # One row per batch: the entry is written and propagated before its company's roles arrive.
    rows = [
        *company(1),
        *company(2),
        serious_entry(1),
        serious_entry(2),
        lr(1),
        lr(2, start="2025-01-01"),  # appointed after the decision: never reached
    ]
    summary = await imported(cast, rows, batch_size=1)
    assert summary.propagated is not None
    assert summary.propagated.repropagated == 2
    assert kinds(await flags_on(cast, pid(citizen(1)))) == {("IMP-SD-1", "PUNISHMENT_EXTENDED")}
    assert await flags_on(cast, pid(citizen(2))) == []


async def test_a_role_in_a_later_file_reaches_the_holder_and_then_nothing_changes(
    cast: Executor,
) -> None:
    first = await imported(cast, [*company(3), serious_entry(3)])
    holder = pid(citizen(3))
    assert first.propagated is not None
    assert first.propagated.created_flags == 1
    assert await flags_on(cast, holder) == []
    later = await imported(cast, [lr(3)])
    assert later.propagated is not None
    assert (later.propagated.repropagated, later.propagated.created_flags) == (1, 1)
    assert kinds(await flags_on(cast, holder)) == {("IMP-SD-3", "PUNISHMENT_EXTENDED")}
    before = await snapshot(cast)
    again = await imported(cast, [lr(3)])
    assert again.propagated is not None
    assert again.propagated.created_flags == 0
    assert await snapshot(cast) == before


async def test_an_imported_false_or_violated_commitment_starts_p7(cast: Executor) -> None:
    rows = [
        commitment("IMP-CM-01", "VIOLATED"),
        commitment("IMP-CM-02", "FULFILLED", subject=org_id(9)),
        *company(9),
    ]
    await imported(cast, rows)
    assert kinds(await flags_on(cast, D)) == {
        ("IMP-CM-01", "KEY_SUPERVISION"),
        ("IMP-CM-01", "COMMITMENT_INELIGIBLE"),
    }
    assert await flags_on(cast, org_id(9)) == []
    # Fulfilled after all (the verification found otherwise): the flags end.
    await imported(cast, [commitment("IMP-CM-01", "FULFILLED")])
    assert await flags_on(cast, D) == []


async def test_commitment_status_belongs_to_commitments_only(cast: Executor) -> None:
    row = {**commitment("IMP-CM-03", "VIOLATED"), "recordType": "ADMIN_PENALTY"}
    summary = await import_rows(cast, [("feed", 1, row)], id_key=KEY, progress=False)
    assert [(r.field, r.reason) for r in summary.sample] == [
        ("commitmentStatus", "commitmentStatus applies only to COMMITMENT records")
    ]
    bad = {**commitment("IMP-CM-04", "BROKEN")}
    summary = await import_rows(cast, [("feed", 1, bad)], id_key=KEY, progress=False)
    assert summary.sample[0].field == "commitmentStatus"


async def test_the_import_command_propagates_the_shipped_examples(
    executor: Executor, settings: Settings
) -> None:
    await executor.write(DELETE_ALL)
    args = argparse.Namespace(
        files=sorted(EXAMPLES.glob("*.jsonl")),
        kind=None,
        batch_size=5000,
        rejects=None,
        no_progress=True,
        no_risk_refresh=False,
    )
    assert await asyncio.to_thread(import_command.run, args, settings) == 0
    court = "91110105MA01A00025"  # on the court's list (BJ-JD-2024-0002)
    store = "92110105MA01A00035"  # broke a credit commitment (BJ-CMT-2024-0009)
    listed = "91110105MA01A00012"  # on the serious list (BJ-SD-2024-0001)
    today = date.today()
    got = {sid: kinds(await flags_on(executor, sid, as_of=today)) for sid in (court, store, listed)}
    assert got == {
        # P8 through its derived serious entry, and P1 as the listed company's controller
        court: {
            ("BJ-JD-2024-0002-P2", "COMMITMENT_INELIGIBLE"),
            ("BJ-SD-2024-0001", "PUNISHMENT_EXTENDED"),
        },
        store: {
            ("BJ-CMT-2024-0009", "KEY_SUPERVISION"),
            ("BJ-CMT-2024-0009", "COMMITMENT_INELIGIBLE"),
        },
        listed: {("BJ-SD-2024-0001", "COMMITMENT_INELIGIBLE")},
    }
    # P1 reached the legal representative of the decision date and the named debtor (李华 is
    # both), not the one who left in 2020 (王小明).
    li_hua = pid("11010519850505002X")
    assert kinds(await flags_on(executor, li_hua, as_of=today)) == {
        ("BJ-SD-2024-0001", "PUNISHMENT_EXTENDED")
    }
    assert await flags_on(executor, pid("110105198001010016"), as_of=today) == []
