"""The generator's working state: packed per-organisation arrays, identifiers and row writers.

Only what later stages need is kept, in `array`/`bytearray` columns indexed by organisation
(a million enterprises cost a few tens of megabytes). Identifiers are never stored as strings
except the USCCs (18 bytes each): a person's citizen ID and every trade name are recomputed from
the index through bijections, so they are unique without remembering which were issued.
"""

from __future__ import annotations

import math
import random
from array import array
from bisect import bisect
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from graph.model import MODEL
from seeds.city import (
    AUTHORITY_DOMAINS,
    CITY_CODE,
    DISTRICT_CUM_WEIGHTS,
    DISTRICTS,
    INDUSTRY_CUM_WEIGHTS,
    PROVINCE_ABBR,
    TRADE_CHARS,
)
from seeds.codes import (
    NEW_ORG_SPACE,
    NUMERIC_ORG_SPACE,
    make_citizen_id,
    make_uscc,
    new_org_code,
    numeric_org_code,
    scramble,
)
from seeds.names import (
    FEMALE_CHARS,
    FIRST_SEQUENCE,
    MALE_CHARS,
    PLACES_PER_ERA,
    SEQUENCES,
    SURNAME_CUM_WEIGHTS,
    SURNAMES,
    places_for_year,
)
from seeds.output import Output

# Organisation kinds, in index order.
ENT, IB, COOP, SOCIAL, PUBLIC, GOV = range(6)
KIND_NAMES = (
    "ENTERPRISE",
    "INDIVIDUAL_BUSINESS",
    "FARMER_COOP",
    "SOCIAL_ORG",
    "PUBLIC_INSTITUTION",
    "GOV_ORGAN",
)
# Shares of the other kinds, relative to the number of enterprises (the scale).
KIND_SHARES = (1.0, 0.30, 0.02, 0.015, 0.01, 0.006)

# Flags kept per organisation.
F_SOE, F_BRANCH, F_DEREG, F_REVOKED, F_GROUP_TOP, F_CITY_LEVEL = (1, 2, 4, 8, 16, 32)

NEW_STYLE_FROM = date(2015, 10, 1).toordinal()  # USCCs with "MA…" organisation codes
BIRTH_FIRST = date(1956, 1, 1).toordinal()
BIRTH_LAST = date(2004, 12, 31).toordinal()
RECORD_CODES = {
    "ADMIN_LICENSE": "XK",
    "ADMIN_PENALTY": "CF",
    "ADMIN_ACTION": "QZ",
    "JUDICIAL": "SF",
    "ARREARS": "QJ",
    "CONTRACT_BREACH": "WY",
    "COMMITMENT": "CN",
    "HONOR": "RY",
    "INTERVIEW": "YT",
}
DOMAIN_ABBR = {d.domain: d.abbr for d in AUTHORITY_DOMAINS}

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def entry_id(seq: int) -> str:
    """The id of the `seq`-th generated list entry (1-based)."""
    return f"LE-{seq:09d}"


def _coprime_multiplier(space: int, rng: random.Random) -> int:
    while True:
        m = rng.randrange(space // 3, space - 1)
        if math.gcd(m, space) == 1:
            return m


class CityState:
    """Everything the stages share. Stages run in a fixed order on one `random.Random`."""

    def __init__(
        self, out: Output, *, scale: int, seed: int, as_of: date, progress: Progress | None
    ) -> None:
        self.out = out
        self.m = out.manifest
        self.rng = random.Random(seed)
        self.seed = seed
        self.as_of = as_of.toordinal()
        self.progress = progress
        self.n_ent = scale
        self.counts = tuple(
            scale if k == ENT else max(2, round(scale * share))
            for k, share in enumerate(KIND_SHARES)
        )
        self.first = tuple(sum(self.counts[:k]) for k in range(6))
        total = self.total_orgs = sum(self.counts)
        self.usccs = bytearray(18 * total)
        self.region = bytearray(total)  # district index
        self.flags = bytearray(total)
        self.reg = array("i", bytes(4 * total))  # registration date (ordinal)
        self.lr = array("i", [-1]) * total  # legal representative or principal (person)
        self.ctrl = array("i", [-1]) * total  # natural-person actual controller
        self.parent = array("i", [-1]) * total  # equity parent (organisation)
        self.depth = bytearray(total)  # SHAREHOLDER_OF hops below the group's top
        self.free = array("H", bytes(2 * total))  # unallocated stake, basis points
        self.industry = bytearray(total)
        self.name_part = bytearray(total)
        self.suffix = bytearray(total)
        self.persons = 0
        self.entrepreneurs = array("i")  # reuse pools of person indices
        self.accountants = array("i")
        self.public_staff = array("i")
        self.listed_black: list[int] = []  # organisations on an active negative serious list
        self.associations: list[int] = []  # industry associations and chambers of commerce
        # Bijections for identifiers, keyed by the seed.
        rng = self.rng
        self._birth_days = [
            (f"{d.year:04d}{d.month:02d}{d.day:02d}", places_for_year(d.year))
            for d in map(date.fromordinal, range(BIRTH_FIRST, BIRTH_LAST + 1))
        ]
        self.person_space = len(self._birth_days) * PLACES_PER_ERA * SEQUENCES
        self._person_key = (_coprime_multiplier(self.person_space, rng), rng.randrange(10**9))
        self._org_key = (
            _coprime_multiplier(NUMERIC_ORG_SPACE, rng),
            rng.randrange(NUMERIC_ORG_SPACE),
            _coprime_multiplier(NEW_ORG_SPACE, rng),
            rng.randrange(NEW_ORG_SPACE),
        )
        self.trade_space = len(TRADE_CHARS) ** 2 + len(TRADE_CHARS) ** 3
        if total > self.trade_space:
            raise ValueError("scale too large for unique trade names")
        self._trade_key = (_coprime_multiplier(self.trade_space, rng), rng.randrange(10**9))
        self.authorities: dict[tuple[str, str], str] = {}
        self._recent_ids: dict[int, str] = {}
        self._last_org: tuple[int, str] = (-1, "")
        self._record_seq = 0
        self._entry_seq = 0
        self._decision_seq: Counter[str] = Counter()

    # -- small helpers ---------------------------------------------------------------------
    def tick(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None and (done % 5000 == 0 or done == total):
            self.progress(stage, done, total)

    @staticmethod
    def iso(ordinal: int) -> str:
        return date.fromordinal(ordinal).isoformat()

    def recent(self, days: int = 365) -> int:
        """A decision date in the `days` before `as_of`."""
        return self.as_of - self.rng.randint(1, days)

    def district(self) -> int:
        return bisect(DISTRICT_CUM_WEIGHTS, self.rng.random() * DISTRICT_CUM_WEIGHTS[-1])

    def plain_industry(self) -> int:
        return bisect(INDUSTRY_CUM_WEIGHTS, self.rng.random() * INDUSTRY_CUM_WEIGHTS[-1])

    def kind_of(self, org: int) -> int:
        return bisect(self.first, org) - 1

    def region_code(self, org: int) -> str:
        return CITY_CODE if self.flags[org] & F_CITY_LEVEL else DISTRICTS[self.region[org]].code

    def count(self, fact: str) -> None:
        self.m.facts[fact] += 1

    # -- identifiers -----------------------------------------------------------------------
    def uscc(self, org: int) -> str:
        if org == self._last_org[0]:
            return self._last_org[1]
        value = self.usccs[18 * org : 18 * org + 18].decode("ascii")
        self._last_org = (org, value)
        return value

    def assign_uscc(self, org: int, prefix: str, region: str, new_style: bool) -> str:
        """Give `org` its USCC: a distinct organisation code per index, in the era's style."""
        mult, off, new_mult, new_off = self._org_key
        if new_style:
            code = new_org_code(scramble(org, NEW_ORG_SPACE, new_mult, new_off))
        else:
            code = numeric_org_code(scramble(org, NUMERIC_ORG_SPACE, mult, off))
        value = make_uscc(prefix[0], prefix[1], region, code)
        self.usccs[18 * org : 18 * org + 18] = value.encode("ascii")
        self._last_org = (org, value)
        return value

    def person_id(self, person: int) -> str:
        """The citizen ID number of person `person`: a bijection, so numbers never repeat."""
        cached = self._recent_ids.get(person)
        if cached is not None:
            return cached
        mult, off = self._person_key
        s = scramble(person, self.person_space, mult, off)
        day, rest = divmod(s, PLACES_PER_ERA * SEQUENCES)
        place, seq = divmod(rest, SEQUENCES)
        born, places = self._birth_days[day]
        number = make_citizen_id(places[place], born, FIRST_SEQUENCE + seq)
        if len(self._recent_ids) > 4096:  # people are mostly looked up right after creation
            self._recent_ids.clear()
        self._recent_ids[person] = number
        return number

    def trade_name(self, org: int) -> str:
        """A two- or three-character trade name (字号), distinct for every organisation."""
        mult, off = self._trade_key
        t = scramble(org, self.trade_space, mult, off)
        c = len(TRADE_CHARS)
        if t < c * c:
            return TRADE_CHARS[t // c] + TRADE_CHARS[t % c]
        t -= c * c
        return TRADE_CHARS[t // (c * c)] + TRADE_CHARS[(t // c) % c] + TRADE_CHARS[t % c]

    # -- persons and roles -----------------------------------------------------------------
    def new_person(self) -> int:
        p = self.persons
        self.persons += 1
        number = self.person_id(p)
        rng = self.rng
        surname = SURNAMES[bisect(SURNAME_CUM_WEIGHTS, rng.random() * SURNAME_CUM_WEIGHTS[-1])]
        pool = MALE_CHARS if int(number[16]) % 2 else FEMALE_CHARS
        given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
        line = f'{{"kind":"person","idNumber":"{number}","name":"{surname}{given}"}}\n'
        self.out.write_line("person", line)
        self.m.nodes["Subject"] += 1
        self.m.nodes["Person"] += 1
        return p

    def pick_person(self, pool: array[int] | None, reuse: float, exclude: set[int]) -> int:
        """A person for a role: someone from `pool` with probability `reuse`, else a new one."""
        rng = self.rng
        if pool is not None and len(pool) > 8 and rng.random() < reuse:
            for _ in range(4):
                p = pool[rng.randrange(len(pool))]
                if p not in exclude:
                    return p
        return self.new_person()

    def role(
        self,
        role: str,
        org: int,
        start: int,
        end: int | None = None,
        *,
        person: int | None = None,
        holder_org: int | None = None,
        ratio_bp: int | None = None,
        position: str | None = None,
    ) -> None:
        """One role row. Callers never repeat (holder, role, organisation, from).

        Built as text: roles are most of the rows and every value here is an identifier, a
        code or a date that needs no JSON escaping.
        """
        if person is not None:
            holder = f'"holderIdNumber":"{self.person_id(person)}"'
        else:
            assert holder_org is not None
            holder = f'"holderUscc":"{self.uscc(holder_org)}"'
        line = (
            f'{{"kind":"role","role":"{role}",{holder},"uscc":"{self.uscc(org)}",'
            f'"from":"{self.iso(start)}"'
        )
        if end is not None:
            line += f',"to":"{self.iso(end)}"'
        if ratio_bp is not None:
            line += f',"ratio":{ratio_bp / 10000!r}'
        if position is not None:
            line += f',"position":"{position}"'
        self.out.write_line("role", line + "}\n")
        self.m.relationships[role] += 1

    # -- authorities, records, list entries ------------------------------------------------
    def authority(self, domain: str, org: int) -> str:
        return self.authorities[(domain, self.region_code(org))]

    def decision_no(self, authority: str, org: int | None, word: str, decided: int) -> str:
        """A decision number in the usual form, e.g. 长市监罚〔2026〕12号."""
        abbr = DOMAIN_ABBR.get(authority.split("-", 1)[1], "")
        place = "石"
        if org is not None and not self.flags[org] & F_CITY_LEVEL:
            place = DISTRICTS[self.region[org]].abbr
        year = date.fromordinal(decided).year
        key = f"{authority}{word}{year}"
        self._decision_seq[key] += 1
        return f"{place}{abbr}{word}〔{year}〕{self._decision_seq[key]}号"

    def court_no(self, region: str, word: str, decided: int) -> str:
        """A court case number, e.g. （2026）冀0102执345号."""
        year = date.fromordinal(decided).year
        key = f"{region}{word}{year}"
        self._decision_seq[key] += 1
        return f"（{year}）{PROVINCE_ABBR}{region[2:]}{word}{self._decision_seq[key]}号"

    def record(
        self,
        record_type: str,
        authority: str,
        decided: int,
        fields: dict[str, Any],
        *,
        org: int | None = None,
        person: int | None = None,
    ) -> None:
        """One credit record (HAS_RECORD from its subject, ISSUED_BY its authority)."""
        self._record_seq += 1
        row: dict[str, Any] = {
            "kind": "record",
            "recordId": f"CR-{RECORD_CODES[record_type]}-{self._record_seq:09d}",
            "recordType": record_type,
        }
        if person is not None:
            row["subjectIdNumber"] = self.person_id(person)
        else:
            assert org is not None
            row["subjectUscc"] = self.uscc(org)
        published = min(decided + self.rng.randint(1, 7), self.as_of)
        row["authorityId"] = authority
        row["decisionDate"] = self.iso(decided)
        row["publishedAt"] = self.iso(published)
        row.update((k, v) for k, v in fields.items() if v is not None)
        self.out.write("record", row)
        self.m.nodes["CreditRecord"] += 1
        self.m.nodes[MODEL.record_label(record_type)] += 1
        self.m.relationships["HAS_RECORD"] += 1
        self.m.relationships["ISSUED_BY"] += 1

    def entry(
        self,
        list_type: str,
        authority: str,
        decided: int,
        fields: dict[str, Any],
        *,
        org: int | None = None,
        person: int | None = None,
        valid_days: int | None = None,
        debtors: list[int] | None = None,
    ) -> None:
        """One list entry (LISTED_AS from its subject, ISSUED_BY, DEBT_RESPONSIBLE_FOR)."""
        self._entry_seq += 1
        row: dict[str, Any] = {
            "kind": "listEntry",
            "entryId": entry_id(self._entry_seq),
            "listType": list_type,
        }
        if person is not None:
            row["subjectIdNumber"] = self.person_id(person)
        else:
            assert org is not None
            row["subjectUscc"] = self.uscc(org)
        row["authorityId"] = authority
        row["decisionDate"] = self.iso(decided)
        row["validFrom"] = self.iso(decided)
        if valid_days:
            row["validUntil"] = self.iso(decided + valid_days)
        row.update((k, v) for k, v in fields.items() if v is not None)
        if debtors:
            unique = list(dict.fromkeys(debtors))
            row["debtResponsibleIdNumbers"] = [self.person_id(p) for p in unique]
            self.m.relationships["DEBT_RESPONSIBLE_FOR"] += len(unique)
        self.out.write("listEntry", row)
        self.m.nodes["ListEntry"] += 1
        self.m.relationships["LISTED_AS"] += 1
        self.m.relationships["ISSUED_BY"] += 1
        self.count(f"list.{list_type}")
