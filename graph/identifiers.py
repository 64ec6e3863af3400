"""Identifiers: USCC (GB 32100) and citizen ID (GB 11643), validated with python-stdnum.

A citizen ID number is never stored. It becomes a keyed hash (HMAC-SHA256 with the secret from
settings) used to match the same person across feeds, a masked display form, and a public person
id derived from the hash. Without the key the hash cannot be reversed by enumerating the ~10^11
plausible ID numbers, which a plain hash would allow.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from graph.errors import BadUserInput


def normalize_uscc(value: str) -> str:
    """Return the compact, upper-case USCC or raise `BadUserInput` saying what is wrong."""
    try:
        return str(uscc.validate(value)).upper()
    except ValidationError as exc:
        raise BadUserInput(f"invalid USCC {value!r}: {exc}", field="uscc") from exc


def is_uscc(value: str) -> bool:
    return bool(uscc.is_valid(value))


@dataclass(frozen=True)
class PersonKey:
    """What is kept of a citizen ID number: the match hash, the masked form and the public id."""

    id_hash: str
    id_masked: str
    pid: str


def mask_citizen_id(number: str) -> str:
    """`110105194912310021` → `1101**********0021`: region prefix and last four only."""
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def person_key(raw_id: str, secret: bytes, *, id_type: str = "CITIZEN_ID") -> PersonKey:
    """Validate a raw ID number and turn it into a `PersonKey`; the raw number is dropped here.

    Other valid ID documents (HLJ Art.19 allows them when there is no citizen ID) are hashed
    with their type as a prefix, so two documents of different kinds never collide.
    """
    if id_type == "CITIZEN_ID":
        try:
            number = str(ric.validate(raw_id)).upper()
        except ValidationError as exc:
            raise BadUserInput(f"invalid citizen ID number: {exc}", field="idNumber") from None
    else:
        number = raw_id.strip().upper()
        if len(number) < 6:
            raise BadUserInput("invalid ID document number: too short", field="idNumber")
    digest = hmac.new(secret, f"{id_type}:{number}".encode(), hashlib.sha256).hexdigest()
    return PersonKey(
        id_hash=digest, id_masked=mask_citizen_id(number), pid="P" + digest[:16].upper()
    )
