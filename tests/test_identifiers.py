"""Identifiers (tier 1, no database): USCC and citizen ID validation, masking, the keyed hash.

The memoised citizen-ID validator must agree with python-stdnum's own `ric.validate` on valid and
invalid numbers alike, and nothing derived from a number may contain the number.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable

import pytest
from stdnum.cn import ric, uscc

from graph.errors import BadUserInput
from graph.identifiers import (
    PersonKey,
    _uscc_check_digit,
    is_uscc,
    mask_citizen_id,
    normalize_uscc,
    person_key,
    validate_citizen_id,
)
from graph.importer.rejects import scrub, scrub_text
from graph.inputs import PersonIn, id_context, validated

KEY = b"test-hash-key"
CITIZEN = "11010519491231002X"
USCC = "91110000600037341L"


def citizen(body: str) -> str:
    """A 17-digit body completed with its GB 11643 check digit."""
    return body + ric.calc_check_digit(body + "0")


# -- USCC ----------------------------------------------------------------------------------------
def test_the_uscc_check_digit_is_stdnums() -> None:
    """The hot path's check digit (graph/identifiers.py) against stdnum's, on random bodies over
    the alphabet and outside it."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    rng = random.Random(32100)
    for n in range(20_000):
        chars = alphabet if n % 4 else alphabet + "IOSVZ*"
        body = "".join(rng.choice(chars) for _ in range(17))
        try:
            expected: str | None = uscc.calc_check_digit(body)
        except ValueError:  # a character outside the alphabet
            expected = None
        assert _uscc_check_digit(body) == expected, body
        if expected is not None:
            assert is_uscc(body + expected) == body[:8].isdigit()


@pytest.mark.parametrize(
    "given", [USCC, USCC.lower(), " 9111-0000-6000-3734-1L ", "91110000600037341l"]
)
def test_uscc_is_normalised(given: str) -> None:
    assert normalize_uscc(given) == USCC
    assert is_uscc(given)


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("91110000600037341X", "check digit"),
        ("9111000060003734", "length"),
        ("9111000060003734IL", "format"),  # I is not in the USCC alphabet
        ("", "length"),
    ],
)
def test_bad_uscc_is_bad_user_input_naming_the_field(given: str, why: str) -> None:
    with pytest.raises(BadUserInput) as caught:
        normalize_uscc(given)
    assert caught.value.code == "BAD_USER_INPUT"
    assert caught.value.details["field"] == "uscc"
    assert not is_uscc(given), why


# -- citizen ID ----------------------------------------------------------------------------------
VALID = [
    CITIZEN,
    CITIZEN.lower(),
    citizen("11010519800101001"),
    citizen("31010119900909003"),
    citizen("32010219900101123"),  # Nanjing Xuanwu, which exists from 1983
    citizen("11010520000229001"),  # 29 February of a leap year
]
INVALID = [
    CITIZEN[:-1] + "1",  # check digit
    citizen("11010519490231002"),  # 31 February: valid check digit, impossible date
    citizen("99999919800101001"),  # unknown region
    citizen("11010519800101001")[:-1],  # length
    "11010519800101A01X",  # format
    citizen("32010219721120123"),  # Nanjing Xuanwu did not exist yet in 1972
]


@pytest.mark.parametrize("number", VALID)
def test_valid_citizen_ids_agree_with_stdnum(number: str) -> None:
    assert validate_citizen_id(number) == ric.validate(number).upper()


@pytest.mark.parametrize("number", INVALID)
def test_invalid_citizen_ids_agree_with_stdnum(number: str) -> None:
    with pytest.raises(ric.ValidationError) as ours:
        validate_citizen_id(number)
    with pytest.raises(ric.ValidationError) as theirs:
        ric.validate(number)
    assert type(ours.value) is type(theirs.value)


def test_memoised_checks_do_not_let_a_bad_number_through_after_a_good_one() -> None:
    good = citizen("11010519800101001")
    validate_citizen_id(good)  # remembers 1980-01-01 and (110105, 1980)
    with pytest.raises(BadUserInput, match="citizen ID"):
        person_key(good[:-1] + ("0" if good[-1] != "0" else "1"), KEY)
    with pytest.raises(BadUserInput):
        person_key(citizen("11010519800132001"), KEY)  # 32 January, same region and year


def test_masking_keeps_region_and_last_four() -> None:
    assert mask_citizen_id("110105194912310021") == "1101**********0021"
    assert person_key(CITIZEN, KEY).id_masked == "1101**********002X"


# -- the keyed hash ------------------------------------------------------------------------------
def test_keyed_hash_is_stable_and_depends_on_key_and_type() -> None:
    first = person_key(CITIZEN, KEY)
    assert person_key(CITIZEN.lower(), KEY) == first
    assert person_key(CITIZEN, KEY) == first
    assert person_key(CITIZEN, b"another-key").id_hash != first.id_hash
    other = person_key(CITIZEN, KEY, id_type="OTHER_VALID_ID")
    assert other.id_hash != first.id_hash
    assert first.pid == "P" + first.id_hash[:16].upper()
    assert len(first.id_hash) == 64
    # A known value: changing the hash would orphan every stored person.
    assert first.pid == person_key("11010519491231002x", KEY).pid


def test_person_key_holds_no_raw_number() -> None:
    for number in VALID:
        key = person_key(number, KEY)
        texts = [str(v) for v in dataclasses.astuple(key)] + [repr(key)]
        digits = number.upper()
        for text in texts:
            assert digits not in text.upper()
            assert digits[4:14] not in text  # not even the birth date and sequence part


def test_validated_person_model_holds_a_key_not_the_number() -> None:
    person = validated(
        PersonIn, {"idNumber": CITIZEN, "name": "张伟"}, context=id_context(KEY, cache=True)
    )
    assert isinstance(person.idNumber, PersonKey)
    assert CITIZEN not in repr(person)
    assert CITIZEN not in str(person.model_dump())


def test_a_person_model_without_the_key_refuses_to_validate() -> None:
    with pytest.raises(RuntimeError, match="id_context"):
        PersonIn.model_validate({"idNumber": CITIZEN, "name": "张伟"})


# -- scrubbing rejects -----------------------------------------------------------------------------
def test_scrub_drops_id_fields_and_masks_look_alikes() -> None:
    row = {
        "kind": "role",
        "holderIdNumber": CITIZEN,
        "idnumber_typo": CITIZEN,
        "name": f"pasted {CITIZEN} here",
        "debtResponsibleIdNumbers": [CITIZEN],
        "note": ["old id 110105491231002"],
        "uscc": USCC,
    }
    clean = scrub(row)
    assert clean == {
        "kind": "role",
        "name": "pasted 1101**********002X here",
        "note": ["old id 1101*******1002"],
        "uscc": USCC,
    }
    assert scrub_text(f"invalid USCC '{CITIZEN}'") == "invalid USCC '1101**********002X'"


def test_fast_paths_accept_exactly_what_stdnum_accepts() -> None:
    """Random codes, half completed with a correct check digit: same verdict as stdnum."""
    rng = random.Random(20261122)
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZ"  # the last five are not USCC characters
    for _ in range(3000):
        body = "".join(rng.choice("0123456789") for _ in range(8))
        body += "".join(rng.choice(alphabet) for _ in range(9))
        valid_chars = not set(body) & set("IOSVZ")
        good = valid_chars and rng.random() < 0.5
        code = body + (uscc.calc_check_digit(body) if good else rng.choice(alphabet))
        assert is_accepted(normalize_uscc, code) == uscc.is_valid(code), code
        region = rng.choice(["110105", "320102", "440305", "999999", "310101"])
        born = f"{rng.randint(1900, 2030)}{rng.randint(1, 13):02d}{rng.randint(1, 32):02d}"
        id_body = region + born + f"{rng.randint(0, 999):03d}"
        number = id_body + (ric.calc_check_digit(id_body + "0") if rng.random() < 0.8 else "7")
        assert is_accepted(validate_citizen_id, number) == ric.is_valid(number), number


def is_accepted(check: Callable[[str], object], value: str) -> bool:
    try:
        check(value)
    except (BadUserInput, ric.ValidationError):
        return False
    return True
