"""Generator stage: a year of credit records and the list entries decided about subjects.

Rates are per organisation and year, by kind. So that even a tiny city exercises every rule,
the first penalties cover each of the seven Hebei "serious" kinds and the simple procedure,
the first state-owned enterprise has arrears to SMEs or migrant workers, the first serious
listing names a state-owned enterprise, and a few red-list entries name subjects that are on an
active black list at the same time.
"""

from __future__ import annotations

from seeds import acts
from seeds.city import CITY_CODE, DISTRICTS, INDUSTRIES
from seeds.measures import HLJ
from seeds.state import COOP, ENT, F_DEREG, F_REVOKED, F_SOE, GOV, IB, PUBLIC, SOCIAL, CityState

# Per kind: licences, penalties, judicial records, arrears, other records (per year).
RATES = {
    ENT: (0.5, 0.11, 0.04, 0.03, 0.04),
    IB: (0.25, 0.06, 0.01, 0.01, 0.01),
    COOP: (0.2, 0.02, 0.01, 0.01, 0.02),
    SOCIAL: (0.1, 0.02, 0.0, 0.01, 0.02),
    PUBLIC: (0.15, 0.01, 0.01, 0.0, 0.02),
    GOV: (0.0, 0.0, 0.01, 0.0, 0.0),
}
OTHER_TYPES = tuple(acts.OTHER_RECORDS)
FORCED_SIMPLE = 3  # penalties after the seven serious ones that use the simple procedure


def records(s: CityState) -> None:
    rng = s.rng
    total = s.total_orgs
    state = {"penalties": 0, "soe_arrears": 0}
    for org in range(total):
        s.tick("records", org + 1, total)
        lic, pen, jud, arr, other = RATES[s.kind_of(org)]
        flags = s.flags[org]
        if not flags & F_DEREG:
            while rng.random() < lic:
                licence(s, org)
                lic *= 0.4
        if rng.random() < pen:
            penalty(s, org, state)
            if rng.random() < 0.2:
                penalty(s, org, state)
        if rng.random() < jud:
            judicial(s, org)
        soe = bool(flags & F_SOE)
        if rng.random() < (arr * 4 if soe else arr) or (soe and not state["soe_arrears"]):
            arrears(s, org, soe, state)
        if rng.random() < other:
            record_type = rng.choice(OTHER_TYPES)
            simple_record(s, org, record_type, acts.OTHER_RECORDS[record_type], "信")
    for org in range(s.n_ent):
        if s.flags[org] & F_REVOKED:
            revocation(s, org)
    for _ in range(max(3, s.persons // 300)):
        person_penalty(s, rng.randrange(s.persons))


def simple_record(s: CityState, org: int, record_type: str, act: acts.Act, word: str) -> None:
    decided = s.recent()
    auth = s.authority(act.domain, org)
    fields = {
        "decisionNo": s.decision_no(auth, org, word, decided),
        "legalBasis": act.legal_basis,
        "title": act.title,
        "domain": act.domain,
    }
    s.record(record_type, auth, decided, fields, org=org)


def licence(s: CityState, org: int) -> None:
    section = INDUSTRIES[s.industry[org]].code[0]
    act = s.rng.choice(acts.LICENCES.get(section, ()) + acts.LICENCES["*"])
    simple_record(s, org, "ADMIN_LICENSE", act, "许")


def penalty(s: CityState, org: int, state: dict[str, int]) -> None:
    rng = s.rng
    act = rng.choice(acts.PENALTY_ACTS)
    k = state["penalties"]
    state["penalties"] += 1
    serious_kinds = acts.HEBEI_SERIOUS_KINDS
    if k < len(serious_kinds):
        kind = serious_kinds[k]
    elif k < len(serious_kinds) + FORCED_SIMPLE:
        kind = "WARNING" if k % 2 else "FINE"
    else:
        names, weights = zip(*acts.PENALTY_KIND_WEIGHTS, strict=True)
        kind = rng.choices(names, weights)[0]
    serious = kind in serious_kinds
    forced_simple = len(serious_kinds) <= k < len(serious_kinds) + FORCED_SIMPLE
    simple = kind in ("WARNING", "FINE") and (forced_simple or rng.random() < 0.3)
    old = not forced_simple and not serious and rng.random() < 0.05
    decided = s.as_of - rng.randint(1300, 1800) if old else s.recent()
    amount = None
    if kind == "FINE":
        amount = float(rng.randint(1, 30) * 100 if simple else rng.randint(50, 2000) * 100)
    severity = "SERIOUS" if serious else ("MINOR_EXEMPT" if rng.random() < 0.03 else "GENERAL")
    end = None if simple else decided + 3 * 365
    auth = s.authority(act.domain, org)
    basis = f"{act.legal_basis}；{acts.SIMPLE_PROCEDURE_BASIS}" if simple else act.legal_basis
    fields = {
        "decisionNo": s.decision_no(auth, org, "罚", decided),
        "legalBasis": basis,
        "title": act.title,
        "domain": act.domain,
        "severity": severity,
        "procedure": "SIMPLE" if simple else "GENERAL",
        "penaltyKind": kind,
        "amount": amount,
        "publicationEnd": s.iso(end) if end else None,
        "status": "EXPIRED" if end and end < s.as_of else None,
    }
    s.record("ADMIN_PENALTY", auth, decided, fields, org=org)
    s.count("penalties.simple" if simple else "penalties.general")
    if serious:
        s.count("penalties.hebeiSerious")
    if end and end < s.as_of:
        s.count("penalties.expired")


def revocation(s: CityState, org: int) -> None:
    decided = s.recent()
    auth = s.authority("MARKET", org)
    fields = {
        "decisionNo": s.decision_no(auth, org, "罚", decided),
        "legalBasis": acts.REVOCATION.legal_basis,
        "title": acts.REVOCATION.title,
        "domain": "MARKET",
        "severity": "SERIOUS",
        "procedure": "GENERAL",
        "penaltyKind": "BUSINESS_LICENCE_REVOCATION",
        "publicationEnd": s.iso(decided + 3 * 365),
    }
    s.record("ADMIN_PENALTY", auth, decided, fields, org=org)
    s.count("penalties.businessLicenceRevocation")


def person_penalty(s: CityState, person: int) -> None:
    rng = s.rng
    act = rng.choice(acts.PERSON_PENALTY_ACTS)
    decided = s.recent()
    auth = s.authorities[(act.domain, DISTRICTS[s.district()].code)]
    fields = {
        "decisionNo": s.decision_no(auth, None, "罚", decided),
        "legalBasis": act.legal_basis,
        "title": act.title,
        "domain": act.domain,
        "severity": "GENERAL",
        "procedure": "GENERAL",
        "penaltyKind": "FINE",
        "amount": float(rng.randint(2, 50) * 100),
    }
    s.record("ADMIN_PENALTY", auth, decided, fields, person=person)
    s.count("penalties.persons")


def judicial(s: CityState, org: int) -> None:
    word, title = s.rng.choice(acts.JUDICIAL_TITLES)
    decided = s.recent()
    fields = {
        "decisionNo": s.court_no(s.region_code(org), word, decided),
        "legalBasis": acts.JUDICIAL_BASIS,
        "title": title,
        "domain": "COURT",
        "severity": "GENERAL",
    }
    s.record("JUDICIAL", s.authority("COURT", org), decided, fields, org=org)


def arrears(s: CityState, org: int, soe: bool, state: dict[str, int]) -> None:
    rng = s.rng
    if soe and (not state["soe_arrears"] or rng.random() < 0.5):  # SME payments, migrant wages
        kind, domain, title = acts.ARREARS[4 + state["soe_arrears"] % 2]
        state["soe_arrears"] += 1
        s.count("arrears.soe")
    else:
        kind, domain, title = rng.choice(acts.ARREARS)
    decided = s.recent()
    auth = s.authority(domain, org)
    fields = {
        "decisionNo": s.decision_no(auth, org, "欠", decided),
        "legalBasis": acts.ARREARS_BASIS[kind],
        "title": title,
        "domain": domain,
        "severity": "GENERAL",
        "arrearsKind": kind,
        "amount": float(rng.randint(10, 5000) * 100),
    }
    s.record("ARREARS", auth, decided, fields, org=org)


def _status(s: CityState) -> str:
    x = s.rng.random()
    return "ACTIVE" if x < 0.82 else ("OBJECTION_PENDING" if x < 0.86 else "REMOVED")


def lists(s: CityState) -> None:
    """Dishonest judgment debtors, serious dishonesty, key attention, anomalies, red list."""
    rng = s.rng
    n = s.n_ent
    market = s.first[COOP]  # enterprises and individual businesses
    black: list[int] = []
    for org in sorted(rng.sample(range(market), max(3, round(n * 0.012)))):
        status = "ACTIVE" if rng.random() < 0.85 else "REMOVED"
        defaulter(s, s.authority("COURT", org), s.region_code(org), status, org=org)
        if status == "ACTIVE":
            black.append(org)
    for _ in range(max(2, s.persons // 500)):
        region = DISTRICTS[s.district()].code
        defaulter(
            s, s.authorities[("COURT", region)], region, "ACTIVE", person=rng.randrange(s.persons)
        )
    black += serious_dishonesty(s)
    for org in sorted(rng.sample(range(market), max(2, round(n * 0.01)))):
        decided = s.recent()
        auth = s.authority(rng.choice(("CREDIT", "MARKET", "EMERGENCY")), org)
        fields = {
            "decisionNo": s.decision_no(auth, org, "重点", decided),
            "reason": acts.KEY_ATTENTION_REASON,
            "legalBasis": acts.KEY_ATTENTION_BASIS,
            "removalConditions": acts.REMOVAL_CONDITIONS,
            "remedies": acts.REMEDIES,
            "status": _status(s),
        }
        s.entry("KEY_ATTENTION", auth, decided, fields, org=org, valid_days=365)
    for org in sorted(rng.sample(range(market), max(3, round(n * 0.03)))):
        decided = s.recent(720)
        auth = s.authority("MARKET", org)
        fields = {
            "decisionNo": s.decision_no(auth, org, "异", decided),
            "reason": rng.choice(acts.ANOMALY_REASONS),
            "legalBasis": acts.ANOMALY_BASIS,
            "removalConditions": acts.REMOVAL_CONDITIONS,
            "remedies": acts.REMEDIES,
            "status": "ACTIVE" if rng.random() < 0.75 else "REMOVED",
        }
        s.entry("BUSINESS_ANOMALY", auth, decided, fields, org=org)
    red_list(s, sorted(set(black)))


def defaulter(
    s: CityState,
    auth: str,
    region: str,
    status: str,
    *,
    org: int | None = None,
    person: int | None = None,
) -> None:
    """A court's dishonest-judgment-debtor entry (HLJ Art.21(4), 28)."""
    decided = s.recent(720)
    fields = {
        "decisionNo": s.court_no(region, "执", decided),
        "reason": acts.DEFAULTER_REASON,
        "legalBasis": acts.DEFAULTER_BASIS,
        "removalConditions": acts.REMOVAL_CONDITIONS,
        "remedies": acts.REMEDIES,
        "status": status,
    }
    s.entry("JUDGMENT_DEFAULTER", auth, decided, fields, org=org, person=person)


def serious_dishonesty(s: CityState) -> list[int]:
    """Serious-dishonesty designations (HLJ Art.28, 29), some naming debt-responsible persons."""
    rng = s.rng
    n = s.n_ent
    soes = [i for i in range(min(n, 5000)) if s.flags[i] & F_SOE]
    chosen = sorted(rng.sample(range(n), min(n, max(3, round(n * 0.003)))))
    if soes:
        chosen[0] = soes[0]
    active: list[int] = []
    for k, org in enumerate(dict.fromkeys(chosen)):
        soe_case = k == 0 and bool(soes)
        domain, item, reason = (
            acts.SOE_SERIOUS_REASON if soe_case else rng.choice(acts.SERIOUS_REASONS)
        )
        decided = s.recent(540)
        auth = s.authority(domain, org)
        status = "ACTIVE" if k < 3 else _status(s)
        debtors = None
        if k % 3 == 1 or rng.random() < 0.3:
            debtors = [s.pick_person(s.entrepreneurs, 0.8, {s.lr[org]})]
            if rng.random() < 0.3:
                debtors.append(rng.randrange(s.persons))
        fields = {
            "decisionNo": s.decision_no(auth, org, "失信", decided),
            "reason": reason,
            "legalBasis": f"{HLJ}第二十八条、第二十九条第（{item}）项",
            "removalConditions": acts.REMOVAL_CONDITIONS,
            "remedies": acts.REMEDIES,
            "status": status,
        }
        valid = rng.choice((365, 730, 1095))
        s.entry(
            "SERIOUS_DISHONESTY", auth, decided, fields, org=org, valid_days=valid, debtors=debtors
        )
        if status == "ACTIVE":
            active.append(org)
    for person in list(s.public_staff[:2]):  # public servants listed in person (HLJ Art.32)
        domain, item, reason = acts.SERIOUS_REASONS[4]
        decided = s.recent()
        auth = s.authorities[(domain, CITY_CODE)]
        fields = {
            "decisionNo": s.decision_no(auth, None, "失信", decided),
            "reason": reason,
            "legalBasis": f"{HLJ}第二十八条、第二十九条第（{item}）项",
            "removalConditions": acts.REMOVAL_CONDITIONS,
            "remedies": acts.REMEDIES,
            "status": "ACTIVE",
        }
        s.entry("SERIOUS_DISHONESTY", auth, decided, fields, person=person, valid_days=730)
    return active


def red_list(s: CityState, black: list[int]) -> None:
    """Red-list entries; a few deliberately name subjects on an active black list."""
    rng = s.rng
    n = s.n_ent
    red = sorted(rng.sample(range(n), max(3, round(n * 0.02))))
    for k in range(min(max(2, len(red) // 20), len(black))):
        red[k] = black[rng.randrange(len(black))]
    listed = set(black)
    for org in dict.fromkeys(red):
        domain, reason = rng.choice(acts.RED_REASONS)
        decided = s.recent()
        auth = s.authority(domain, org)
        fields = {
            "decisionNo": s.decision_no(auth, org, "守信", decided),
            "reason": reason,
            "legalBasis": acts.RED_BASIS,
            "status": "ACTIVE",
        }
        s.entry("RED_LIST", auth, decided, fields, org=org, valid_days=365)
        if org in listed:
            s.count("redListConflicts")
