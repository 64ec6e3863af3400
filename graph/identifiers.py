"""Identifiers: USCC (GB 32100) and citizen ID (GB 11643), validated with python-stdnum.

A citizen ID number is never stored. It becomes a keyed hash (HMAC-SHA256 with the secret from
settings) used to match the same person across feeds, a masked display form, and a public person
id derived from the hash. Without the key the hash cannot be reversed by enumerating the ~10^11
plausible ID numbers, which a plain hash would allow.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError

from graph.errors import BadUserInput

# GB 32100-2015's check-digit alphabet and weights (3**i mod 31), as `stdnum.cn.uscc` has them.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = tuple(3**i % 31 for i in range(17))


def _uscc_check_digit(number: str) -> str | None:
    """`stdnum.cn.uscc.calc_check_digit` of a compact upper-case USCC (None for a character
    outside the alphabet) without its per-call cleaning and alphabet scans, which were a third
    of the import client's CPU on organisation rows (every USCC there is new, so the cache below
    does not help). tests/test_identifiers.py holds it equal to stdnum's."""
    try:
        total = sum(_USCC_VALUES[c] * w for c, w in zip(number, _USCC_WEIGHTS, strict=False))
    except KeyError:
        return None
    return _USCC_ALPHABET[-total % 31]


@functools.lru_cache(maxsize=65_536)
def normalize_uscc(value: str) -> str:
    """Return the compact, upper-case USCC or raise `BadUserInput` saying what is wrong.

    Cached (a failure is not): a bulk feed names each organisation in many role and record rows.

    An already compact code (the usual case in a bulk feed) skips stdnum's re-cleaning: it is
    accepted when its check digit (stdnum's, computed without re-cleaning) matches, which also
    proves every character is in the USCC alphabet. Anything else goes through `uscc.validate`,
    which also says what is wrong.
    """
    if len(value) == 18 and value.isascii() and value.isalnum() and value[:8].isdigit():
        number = value.upper()
        if _uscc_check_digit(number) == number[-1]:
            return number
    try:
        return str(uscc.validate(value)).upper()
    except ValidationError as exc:
        raise BadUserInput(f"invalid USCC {value!r}: {exc}", field="uscc") from exc


def is_uscc(value: str) -> bool:
    return bool(uscc.is_valid(value))


@dataclass(frozen=True)
class PersonKey:
    """What is kept of a citizen ID number: the match hash, the masked form and the public id,
    plus the birth date and gender the number encodes (GB 11643; protected personal data, read
    only by personal-data roles). Other ID documents encode neither."""

    id_hash: str
    id_masked: str
    pid: str
    birth_date: date | None = None
    gender: str | None = None


def mask_citizen_id(number: str) -> str:
    """`110105194912310021` → `1101**********0021`: region prefix and last four only."""
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


# What python-stdnum has already found valid, as pairs that identify no one: birth dates (with
# the date stdnum read from them), and (region code, birth year). See validate_citizen_id.
_KNOWN_BIRTH_DATES: dict[str, date] = {}
_KNOWN_PLACES: set[tuple[str, str]] = set()


def validate_citizen_id(raw_id: str) -> str:
    """`stdnum.cn.ric.validate`, with its date and region checks memoised.

    A bulk import validates hundreds of thousands of numbers, and stdnum's region-database lookup
    and repeated cleaning are most of the cost. The same checks run in the same order; only the
    verdict on a birth date, or on a region and birth year, already seen is reused.
    """
    if len(raw_id) == 18 and raw_id.isascii() and raw_id.isalnum():
        number = raw_id.upper()  # what ric.compact returns for an already compact number
    else:
        number = ric.compact(raw_id)
    if len(number) != 18:
        raise InvalidLength()
    if not number[:-1].isdigit() or not number[:-1].isascii():
        raise InvalidFormat()
    if number[-1] != ric.calc_check_digit(number):
        raise InvalidChecksum()
    if number[6:14] not in _KNOWN_BIRTH_DATES:
        _KNOWN_BIRTH_DATES[number[6:14]] = ric.get_birth_date(number)
    place = (number[:6], number[6:10])
    if place not in _KNOWN_PLACES:
        ric.get_birth_place(number)
        _KNOWN_PLACES.add(place)
    return number


@functools.lru_cache(maxsize=8)
def _keyed_hash(secret: bytes) -> hmac.HMAC:
    """HMAC-SHA256 keyed with `secret`, to be copied per number (keying it each time cost more
    than hashing the number)."""
    return hmac.new(secret, digestmod=hashlib.sha256)


def person_key(raw_id: str, secret: bytes, *, id_type: str = "CITIZEN_ID") -> PersonKey:
    """Validate a raw ID number and turn it into a `PersonKey`; the raw number is dropped here.

    Other valid ID documents (HLJ Art.19 allows them when there is no citizen ID) are hashed
    with their type as a prefix, so two documents of different kinds never collide.
    """
    if id_type == "CITIZEN_ID":
        try:
            number = validate_citizen_id(raw_id)
        except ValidationError as exc:
            raise BadUserInput(f"invalid citizen ID number: {exc}", field="idNumber") from None
    else:
        number = raw_id.strip().upper()
        if len(number) < 6:
            raise BadUserInput("invalid ID document number: too short", field="idNumber")
    keyed = _keyed_hash(secret).copy()
    keyed.update(f"{id_type}:{number}".encode())
    digest = keyed.hexdigest()
    born, gender = citizen_facts(number) if id_type == "CITIZEN_ID" else (None, None)
    return PersonKey(
        id_hash=digest,
        id_masked=mask_citizen_id(number),
        pid="P" + digest[:16].upper(),
        birth_date=born,
        gender=gender,
    )


def citizen_facts(number: str) -> tuple[date, str]:
    """Birth date and gender encoded in a validated citizen ID number (GB 11643: digits 7–14
    are the birth date, the 17th digit is odd for men and even for women)."""
    born = _KNOWN_BIRTH_DATES.get(number[6:14]) or ric.get_birth_date(number)
    return born, "MALE" if int(number[16]) % 2 else "FEMALE"
