"""Triage of linked-risk indicators: an investigator or officer confirms or dismisses one, with
a reason, and the decision stays with it through recomputations while its evidence is the same.

Indicators are replaced whole by every refresh or recomputation (graph/risk/linked.py), so the
decision lives apart (`:Triage`, keyed by the indicator id, stable per subject and source) with a
fingerprint of the evidence it judged. Reading compares fingerprints: unchanged evidence keeps
the decision; a new path or source entry makes the indicator come back as CHANGED, to be judged
again. Sanction flags are not triaged: they end only through objection, repair or expiry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from graph import audit
from graph.audit import Principal
from graph.cypher import statement
from graph.errors import BadUserInput, NotFound
from graph.executor import Executor, Record, Tx

GET_TARGET = statement("risk/get_triage_target")
MERGE_TRIAGE = statement("risk/merge_triage")
TRIAGE_ALERT = statement("alerts/triage_alert")

DECISIONS = ("CONFIRMED", "DISMISSED")
CHANGED = "CHANGED"
MAX_REASON = 1000


def fingerprint(evidence: str | None, entry_ids: Sequence[str] | None) -> str:
    """The evidence an indicator stands on: its paths (as stored) and its source's entries."""
    basis = json.dumps([evidence or "", sorted(entry_ids or [])], ensure_ascii=False)
    return hashlib.sha256(basis.encode()).hexdigest()[:32]


def status(row: Record) -> str | None:
    """CONFIRMED or DISMISSED while the evidence judged is the current one, CHANGED once it is
    not, None when nobody triaged the indicator. `row` has the stored (JSON) evidence."""
    triage: dict[str, Any] | None = row.get("triage")
    if not triage:
        return None
    current = fingerprint(row.get("evidence"), row.get("sourceEntryIds"))
    return str(triage["decision"]) if triage.get("fingerprint") == current else CHANGED


def _check(decision: str, reason: str) -> str:
    if decision not in DECISIONS:
        raise BadUserInput(f"decision must be one of {list(DECISIONS)}", field="decision")
    return _reason(reason)


def _reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise BadUserInput("a triage needs a reason", field="reason")
    if len(text) > MAX_REASON:
        raise BadUserInput(f"reason is longer than {MAX_REASON} characters", field="reason")
    return text


async def triage_indicator(
    executor: Executor, principal: Principal, indicator_id: str, decision: str, reason: str
) -> str:
    """Confirm or dismiss an indicator, audited, in one transaction; returns the subject it
    indicates."""
    text = _check(decision, reason)

    async def work(tx: Tx) -> str:
        found = await tx.one(GET_TARGET, id=indicator_id)
        if found is None or found["indicatorId"] is None:
            if found is not None and found["flagId"] is not None:
                raise BadUserInput(
                    "a sanction flag is not triaged: it ends only through objection, repair or "
                    "expiry (DOMAIN.md §7.3: risk indicators and sanctions are kept apart)",
                    field="indicatorId",
                )
            raise NotFound(f"no risk indicator {indicator_id}", field="indicatorId")
        row = await tx.one(
            MERGE_TRIAGE,
            indicatorId=indicator_id,
            decision=decision,
            reason=text,
            by=principal.id,
            role=principal.role,
            at=datetime.now(UTC),
            fingerprint=fingerprint(found["evidence"], found["sourceEntryIds"]),
        )
        assert row is not None
        data = {"indicatorId": indicator_id, "decision": decision, "reason": text}
        await audit.record_event(tx, principal, "triageIndicator", data, [indicator_id])
        return str(found["target"])

    return await executor.unit(work, name="triageIndicator")


async def triage_alert(
    executor: Executor, principal: Principal, alert_id: str, decision: str, reason: str
) -> str:
    """Confirm or dismiss one of the caller's alerts, audited, in one transaction."""
    text = _check(decision, reason)

    async def work(tx: Tx) -> str:
        row = await tx.one(
            TRIAGE_ALERT,
            alertId=alert_id,
            owner=principal.id,
            decision=decision,
            reason=text,
            at=datetime.now(UTC),
        )
        if row is None:
            raise NotFound(f"no alert {alert_id} of yours", field="alertId")
        data = {"alertId": alert_id, "decision": decision, "reason": text}
        await audit.record_event(tx, principal, "triageAlert", data, [alert_id])
        return alert_id

    return await executor.unit(work, name="triageAlert")
