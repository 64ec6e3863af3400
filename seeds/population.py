"""Generator stage: organisations, the persons behind them and their roles over time.

Enterprises come first. Some belong to equity groups (a parent company holds a stake when the
child is registered, up to five levels deep; enterprise 0 → 1 → … → 5 is always such a chain),
some are branches of another enterprise (a principal, no legal representative), state-owned
groups are held by the city's SASAC. People are reused across companies, so one person is often
legal representative or shareholder of several, and accountants keep books for several.
Then come individual businesses, cooperatives, social organisations, public institutions and
government organs, and finally mutual shareholdings and one three-company ownership cycle.
"""

from __future__ import annotations

import random
from array import array
from bisect import bisect
from datetime import date
from typing import Any

from graph.model import MODEL
from seeds.city import (
    CITY,
    CITY_CODE,
    COOP_KINDS,
    DISTRICTS,
    GOV_ORGANS,
    INDUSTRIES,
    PUBLIC_INSTITUTIONS,
    RURAL_DISTRICTS,
    SHOP_KINDS,
    SOCIAL_KINDS,
    SOE_INDUSTRIES,
    SUFFIX_CUM_WEIGHTS,
    SUFFIXES,
)
from seeds.state import (
    COOP,
    ENT,
    F_BRANCH,
    F_CITY_LEVEL,
    F_DEREG,
    F_GROUP_TOP,
    F_REVOKED,
    F_SOE,
    GOV,
    IB,
    KIND_NAMES,
    NEW_STYLE_FROM,
    PUBLIC,
    SOCIAL,
    CityState,
)

MAX_DEPTH = 5  # equity chains are at most five SHAREHOLDER_OF hops deep
REGISTRATION_FIRST = date(1995, 1, 1).toordinal()
INSTITUTIONS_UNTIL = date(2015, 12, 31).toordinal()
SOE_INDUSTRY_INDEX = tuple(k for k, x in enumerate(INDUSTRIES) if x.code in SOE_INDUSTRIES)
GROUP_SUFFIX = next(k for k, (s, _) in enumerate(SUFFIXES) if s == "集团有限公司")
JOINT_STOCK_SUFFIX = next(k for k, (s, _) in enumerate(SUFFIXES) if s == "股份有限公司")


def write_org(s: CityState, org: int, kind: int, name: str, industry: str | None) -> None:
    flags = s.flags[org]
    status = "ACTIVE"
    if flags & F_REVOKED:
        status = "BUSINESS_LICENCE_REVOKED"
    elif flags & F_DEREG:
        status = "DEREGISTERED"
    row: dict[str, Any] = {
        "kind": "organization",
        "uscc": s.uscc(org),
        "name": name,
        "orgKind": KIND_NAMES[kind],
        "region": s.region_code(org),
    }
    if industry:
        row["industry"] = industry
    row["isSOE"] = bool(flags & F_SOE)
    row["status"] = status
    row["registeredAt"] = s.iso(s.reg[org])
    s.out.write("organization", row)
    s.m.nodes["Subject"] += 1
    s.m.nodes["Organization"] += 1
    s.m.nodes[MODEL.org_label(KIND_NAMES[kind])] += 1


def registration(s: CityState) -> int:
    """Registration dates skew recent: most subjects in a register are young."""
    last = s.as_of - 30
    return last - int((last - REGISTRATION_FIRST) * s.rng.random() ** 1.8)


def enterprise_name(s: CityState, org: int) -> str:
    prefix = "河北" if s.flags[org] & F_CITY_LEVEL else CITY.removesuffix("市")
    industry = INDUSTRIES[s.industry[org]]
    return (
        prefix + s.trade_name(org) + industry.terms[s.name_part[org]] + SUFFIXES[s.suffix[org]][0]
    )


def enterprises(s: CityState) -> None:
    rng = s.rng
    n = s.n_ent
    revoked = set(rng.sample(range(n), min(n, max(3, n // 600))))
    holders = array("i")  # enterprises that may take a stake in a new one (depth < 5)
    candidates = array("i")  # enterprises with unallocated stake (cross-holdings, the cycle)
    sasac = s.first[GOV]  # the city's SASAC holds the state-owned groups; USCC needed now
    s.flags[sasac] = F_CITY_LEVEL
    s.assign_uscc(sasac, "11", CITY_CODE, False)
    for i in range(n):
        s.tick("enterprises", i + 1, n)
        dist = s.district()
        s.region[i] = dist
        reg = registration(s)
        soe = rng.random() < 0.03
        parent = -1
        if 1 <= i <= MAX_DEPTH:  # the guaranteed five-level chain 0 → 1 → … → 5
            parent = i - 1
        elif i > 20 and rng.random() < 0.05:
            branch(s, i, dist, reg, i in revoked)
            continue
        elif i > MAX_DEPTH and holders and rng.random() < 0.14:
            parent = holders[rng.randrange(len(holders))]
        if i <= MAX_DEPTH:
            soe = False
        if parent >= 0:
            soe = bool(s.flags[parent] & F_SOE)
            reg = min(max(reg, s.reg[parent] + rng.randint(30, 900)), s.as_of - 30)
            s.depth[i] = s.depth[parent] + 1
            s.parent[i] = parent
        flags = F_SOE if soe else 0
        if i in revoked:
            flags |= F_REVOKED
        elif parent < 0 and i > MAX_DEPTH and rng.random() < 0.03:
            flags |= F_DEREG
        if soe and parent < 0 and rng.random() < 0.5:
            flags |= F_CITY_LEVEL
        top = parent < 0 and (i == 0 or soe or rng.random() < 0.04)
        if top:
            flags |= F_GROUP_TOP
        s.flags[i] = flags
        s.reg[i] = reg
        if soe:
            ind = SOE_INDUSTRY_INDEX[rng.randrange(len(SOE_INDUSTRY_INDEX))]
        else:
            ind = s.plain_industry()
        s.industry[i] = ind
        s.name_part[i] = rng.randrange(len(INDUSTRIES[ind].terms))
        if top:
            s.suffix[i] = GROUP_SUFFIX
        else:
            s.suffix[i] = bisect(
                SUFFIX_CUM_WEIGHTS, rng.random() * SUFFIX_CUM_WEIGHTS[GROUP_SUFFIX - 1]
            )
        s.assign_uscc(i, "91", s.region_code(i), reg >= NEW_STYLE_FROM)
        write_org(s, i, ENT, enterprise_name(s, i), INDUSTRIES[ind].code)
        enterprise_people(s, i, parent, sasac)
        if not flags & (F_DEREG | F_REVOKED):
            if s.depth[i] < MAX_DEPTH and (top or parent >= 0 or rng.random() < 0.02):
                holders.append(i)
            if s.free[i] >= 300:
                candidates.append(i)
    cross_holdings(s, candidates)


def branch(s: CityState, i: int, dist: int, reg: int, revoked: bool) -> None:
    """A branch (分公司): BRANCH_OF its head office, run by a principal, no legal representative."""
    rng = s.rng
    head = rng.randrange(i)
    while s.flags[head] & (F_BRANCH | F_DEREG | F_REVOKED):
        head = rng.randrange(i)
    s.flags[i] = F_BRANCH | (s.flags[head] & F_SOE) | (F_REVOKED if revoked else 0)
    reg = min(max(reg, s.reg[head] + 1), s.as_of - 30)
    s.reg[i] = reg
    s.industry[i] = s.industry[head]
    s.assign_uscc(i, "91", DISTRICTS[dist].code, reg >= NEW_STYLE_FROM)
    name = f"{enterprise_name(s, head)}{DISTRICTS[dist].name.rstrip('区县市')}分公司"
    write_org(s, i, ENT, name, INDUSTRIES[s.industry[head]].code)
    s.role("BRANCH_OF", head, reg, holder_org=i)
    principal = s.pick_person(s.entrepreneurs, 0.4, set())
    s.lr[i] = principal
    s.role("PRINCIPAL_OF", i, reg, person=principal)
    s.count("branches")


def enterprise_people(s: CityState, i: int, parent: int, sasac: int) -> None:
    """Legal representatives (with history), owners, controller, board, managers, staff."""
    rng = s.rng
    reg = s.reg[i]
    flags = s.flags[i]
    soe = bool(flags & F_SOE)
    large = rng.random() < 0.08 or soe or bool(flags & F_GROUP_TOP)
    large = large or s.suffix[i] == JOINT_STOCK_SUFFIX
    small = not large and rng.random() < 0.6
    people = s.entrepreneurs
    taken: set[int] = set()
    # Legal representative, sometimes with a predecessor whose role has ended.
    lr = s.pick_person(people, 0.3, taken)
    taken.add(lr)
    start = reg
    if s.as_of - reg > 800 and rng.random() < 0.15:
        former = s.pick_person(people, 0.4, taken)
        taken.add(former)
        start = rng.randint(reg + 200, s.as_of - 60)
        s.role("LEGAL_REPRESENTATIVE_OF", i, reg, start - 1, person=former)
        s.count("formerLegalRepresentatives")
    s.role("LEGAL_REPRESENTATIVE_OF", i, start, person=lr)
    s.lr[i] = lr
    people.append(lr)
    # Owners: the parent company, the city's SASAC, or natural persons; ratios sum to <= 1.
    reserve = rng.choice((1000, 1500, 2000)) if i % 37 == 11 or rng.random() < 0.12 else 0
    remaining = 10000 - reserve
    owners: list[int] = []
    if parent >= 0:
        stake = min(10000 if rng.random() < 0.35 else rng.randint(5100, 9500), remaining)
        since = reg if rng.random() < 0.8 else rng.randint(reg, s.as_of - 1)
        s.role("SHAREHOLDER_OF", i, since, holder_org=parent, ratio_bp=stake)
        remaining -= stake
    elif soe:
        s.role("SHAREHOLDER_OF", i, reg, holder_org=sasac, ratio_bp=remaining)
        s.role("ACTUAL_CONTROLLER_OF", i, reg, holder_org=sasac)
        remaining = 0
    if remaining > 0:
        count = 1 if small and rng.random() < 0.6 else rng.randint(2, 4 if large else 3)
        owners = list(
            dict.fromkeys([lr] + [s.pick_person(people, 0.5, taken) for _ in range(count - 1)])
        )
        owners = owners[:remaining]
        taken.update(owners)
        cuts = sorted(rng.sample(range(1, remaining), len(owners) - 1))
        shares = sorted((b - a for a, b in zip([0, *cuts], [*cuts, remaining], strict=True)))
        for person, share in zip(owners, reversed(shares), strict=True):
            s.role("SHAREHOLDER_OF", i, reg, person=person, ratio_bp=share)
    s.free[i] = reserve
    # Actual controller: the group's controller, the parent company, or the majority owner.
    if parent >= 0 and not soe:
        inherited = s.ctrl[parent]
        if inherited >= 0 and rng.random() < 0.7:
            s.ctrl[i] = inherited
            s.role("ACTUAL_CONTROLLER_OF", i, reg, person=inherited)
        elif rng.random() < 0.4:
            s.role("ACTUAL_CONTROLLER_OF", i, reg, holder_org=parent)
    elif owners and rng.random() < 0.45:
        s.ctrl[i] = owners[0]
        s.role("ACTUAL_CONTROLLER_OF", i, reg, person=owners[0])
    # Board (an executive director in small companies), supervisors, managers.
    directors = [lr] if large or rng.random() < 0.4 else []
    if large:
        directors += [s.pick_person(people, 0.5, taken) for _ in range(rng.randint(2, 4))]
    for d in dict.fromkeys(directors):
        taken.add(d)
        ended = d != lr and s.as_of - reg > 200 and rng.random() < 0.08
        end = rng.randint(reg + 100, s.as_of - 1) if ended else None
        s.role("DIRECTOR_OF", i, reg, end, person=d)
    for _ in range(3 if large else (1 if rng.random() < 0.55 else 0)):
        supervisor = s.pick_person(people, 0.4, taken)
        taken.add(supervisor)
        s.role("SUPERVISOR_OF", i, reg, person=supervisor)
    if large or rng.random() < 0.3:
        managers = [lr] if rng.random() < 0.5 else []
        managers += [
            s.pick_person(people, 0.3, taken) for _ in range(rng.randint(1, 3) if large else 1)
        ]
        for mgr in dict.fromkeys(managers):
            since = reg if rng.random() < 0.7 else rng.randint(reg, s.as_of - 2)
            end = rng.randint(since + 1, s.as_of - 1) if rng.random() < 0.1 else None
            s.role("SENIOR_MANAGER_OF", i, since, end, person=mgr)
    # Finance staff: accountants often keep books for several companies (代理记账).
    if large or rng.random() < 0.45:
        acc = s.pick_person(s.accountants, 0.6, taken)
        s.accountants.append(acc)
        position = "CHIEF_ACCOUNTANT" if large else "ACCOUNTANT"
        s.role("EMPLOYED_BY", i, reg, person=acc, position=position)
        if large and rng.random() < 0.5:
            s.role("EMPLOYED_BY", i, reg, person=s.new_person(), position="CASHIER")
    if soe:
        for _ in range(rng.randint(1, 2)):
            staff = s.new_person()
            s.public_staff.append(staff)
            s.role("EMPLOYED_BY", i, reg, person=staff, position="PUBLIC_STAFF")


def cross_holdings(s: CityState, candidates: array[int]) -> None:
    """Mutual stakes between unrelated enterprises, and one three-company ownership cycle."""
    rng = s.rng
    pairs: set[tuple[int, int]] = set()

    def related(a: int, b: int) -> bool:
        return a == b or s.parent[a] == b or s.parent[b] == a or (a, b) in pairs or (b, a) in pairs

    def stake(holder: int, target: int) -> None:
        share = rng.randint(200, min(int(s.free[target]), 1500))
        s.free[target] -= share
        since = rng.randint(max(s.reg[holder], s.reg[target]), s.as_of - 1)
        s.role("SHAREHOLDER_OF", target, since, holder_org=holder, ratio_bp=share)
        pairs.add((holder, target))

    def usable() -> list[int]:
        return [c for c in candidates if s.free[c] >= 300]

    wanted = max(2, s.n_ent // 400)
    pool = usable()
    for _ in range(wanted * 20):
        if s.m.facts["crossHoldings"] >= wanted or len(pool) < 2:
            break
        a, b = rng.sample(pool, 2)
        if related(a, b):
            continue
        stake(a, b)
        stake(b, a)
        s.count("crossHoldings")
        pool = [c for c in pool if s.free[c] >= 300]
    for _ in range(50):
        if len(pool) < 3:
            break
        a, b, c = rng.sample(pool, 3)
        if related(a, b) or related(b, c) or related(c, a):
            continue
        stake(a, b)
        stake(b, c)
        stake(c, a)
        s.count("ownershipCycles")
        break


def other_organisations(s: CityState) -> None:
    """Individual businesses, cooperatives, social organisations, institutions, organs."""
    rng = s.rng
    sasac = s.first[GOV]
    for kind in (IB, COOP, SOCIAL, PUBLIC, GOV):
        first, count = s.first[kind], s.counts[kind]
        for k in range(count):
            org = first + k
            s.tick(KIND_NAMES[kind].lower(), k + 1, count)
            if kind == COOP:
                dist = RURAL_DISTRICTS[rng.randrange(len(RURAL_DISTRICTS))]
            else:
                dist = s.district()
            s.region[org] = dist
            if kind in (PUBLIC, GOV):  # institutions and organs are long established
                reg = rng.randint(REGISTRATION_FIRST, INSTITUTIONS_UNTIL)
            else:
                reg = registration(s)
            city_level = kind in (SOCIAL, PUBLIC, GOV) and rng.random() < 0.3
            if org == sasac:
                city_level, reg = True, date(2005, 3, 1).toordinal()
            flags = F_CITY_LEVEL if city_level else 0
            if kind == IB and rng.random() < 0.04:
                flags |= F_DEREG
            s.flags[org] = flags
            s.reg[org] = reg
            district = DISTRICTS[dist]
            place = (
                CITY if city_level else (district.name if district.rural else CITY + district.name)
            )
            trade = s.trade_name(org)
            industry: str
            if kind == IB:
                prefix, name = "92", f"{district.name}{trade}{rng.choice(SHOP_KINDS)}"
                industry = rng.choice(("F52", "H62", "O80", "O81"))
            elif kind == COOP:
                what, industry = COOP_KINDS[rng.randrange(len(COOP_KINDS))]
                prefix, name = "93", f"{district.name}{trade}{what}"
            elif kind == SOCIAL:
                prefix, what = SOCIAL_KINDS[rng.randrange(len(SOCIAL_KINDS))]
                topic = INDUSTRIES[s.plain_industry()].terms[0]
                name = f"{place}{topic if what in ('行业协会', '商会') else trade}{what}"
                industry = "S95"
                if what in ("行业协会", "商会"):
                    s.associations.append(org)
            elif kind == PUBLIC:
                industry, what = PUBLIC_INSTITUTIONS[rng.randrange(len(PUBLIC_INSTITUTIONS))]
                prefix, name = "12", f"{place}{trade}{what}"
            else:
                prefix, industry = "11", "S92"
                if org == sasac:
                    name = f"{CITY}人民政府国有资产监督管理委员会"
                elif k < len(GOV_ORGANS) * 2:
                    name = f"{place}{GOV_ORGANS[k % len(GOV_ORGANS)]}"
                else:
                    name = f"{place}{trade}街道办事处"
            new_style = kind in (IB, COOP, SOCIAL) and reg >= NEW_STYLE_FROM
            s.assign_uscc(org, prefix, s.region_code(org), new_style)
            write_org(s, org, kind, name, industry)
            other_people(s, org, kind, reg)


def other_people(s: CityState, org: int, kind: int, reg: int) -> None:
    rng = s.rng
    if kind == IB:  # the operator (经营者) is the principal of an individual business
        operator = s.pick_person(s.entrepreneurs, 0.15, set())
        s.lr[org] = operator
        s.role("PRINCIPAL_OF", org, reg, person=operator)
        if rng.random() < 0.1:
            s.role("EMPLOYED_BY", org, reg, person=s.new_person(), position="STAFF")
        return
    head = s.pick_person(s.entrepreneurs, 0.15, set())
    s.lr[org] = head
    s.role("LEGAL_REPRESENTATIVE_OF", org, reg, person=head)
    if kind in (PUBLIC, GOV):
        s.role("PRINCIPAL_OF", org, reg, person=s.new_person())
        for _ in range(rng.randint(1, 3)):
            staff = s.new_person()
            s.public_staff.append(staff)
            s.role("EMPLOYED_BY", org, reg, person=staff, position="PUBLIC_STAFF")
    elif kind == COOP:
        for _ in range(rng.randint(1, 3)):
            share = rng.randint(500, 2000)
            s.role("SHAREHOLDER_OF", org, reg, person=s.new_person(), ratio_bp=share)
    elif kind == SOCIAL:
        s.role("SUPERVISOR_OF", org, reg, person=s.new_person())


MEMBER_SHARE = 0.08  # enterprises that belong to an industry association or chamber (P18)
MEMBER_LEFT = 0.2  # of those, memberships that have ended


def memberships(s: CityState) -> None:
    """Enterprises' memberships of industry associations and chambers of commerce (MEMBER_OF).

    Drawn from a random stream of their own, so adding them leaves every other generated row as
    it was. A city without an association by name uses its social organisations.
    """
    rng = random.Random(f"{s.seed}-memberships")
    pool = s.associations or list(range(s.first[SOCIAL], s.first[SOCIAL] + s.counts[SOCIAL]))
    written = 0
    for i in range(s.n_ent):
        s.tick("memberships", i + 1, s.n_ent)
        if s.flags[i] & F_BRANCH or (rng.random() >= MEMBER_SHARE and (written or i < s.n_ent - 1)):
            continue
        association = pool[rng.randrange(len(pool))]
        start = max(s.reg[i], s.reg[association]) + rng.randint(30, 2000)
        if start >= s.as_of:
            continue
        end = None
        if rng.random() < MEMBER_LEFT and start + 400 < s.as_of:
            end = rng.randint(start + 365, s.as_of - 1)
        s.role("MEMBER_OF", association, start, end, holder_org=i)
        written += 1
