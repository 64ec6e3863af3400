"""Building valid identifiers for synthetic subjects: USCCs (GB 32100) and citizen IDs (GB 11643).

The generator needs millions of identifiers that are valid *and* distinct without remembering
the ones already issued, so every identifier is a pure function of an index through a bijection
(`scramble`): distinct indices give distinct codes, and the codes still look random.
"""

from __future__ import annotations

from stdnum.cn import ric, uscc

# GB 32100 character set: digits and upper-case letters without I, O, Z, S, V.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# GB 11714 organisation code: weights of the eight body characters.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
NUMERIC_ORG_SPACE = 10**8
NEW_ORG_SPACE = len(USCC_ALPHABET) ** 6  # "MA" + six characters


def scramble(index: int, space: int, multiplier: int, offset: int) -> int:
    """A bijection of `range(space)`: `multiplier` must be coprime with `space`."""
    return (index * multiplier + offset) % space


def org_code_check(body: str) -> str:
    """GB 11714 check character of an eight-character organisation code body."""
    total = sum(
        (int(c) if c.isdigit() else ord(c) - 55) * w
        for c, w in zip(body, _ORG_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def numeric_org_code(n: int) -> str:
    """A pre-2015 style organisation code: eight digits and a check character."""
    body = f"{n:08d}"
    return body + org_code_check(body)


def new_org_code(n: int) -> str:
    """A post-2015 style organisation code: `MA`, six code characters and a check character."""
    chars = []
    for _ in range(6):
        n, r = divmod(n, len(USCC_ALPHABET))
        chars.append(USCC_ALPHABET[r])
    body = "MA" + "".join(reversed(chars))
    return body + org_code_check(body)


def make_uscc(authority: str, entity_type: str, region: str, org_code: str) -> str:
    """Assemble a USCC and append its GB 32100 check character."""
    first17 = authority + entity_type + region + org_code
    assert len(first17) == 17, first17
    return first17 + str(uscc.calc_check_digit(first17))


def make_citizen_id(region: str, birth: str, sequence: int) -> str:
    """Assemble a GB 11643 citizen ID number; `birth` is `YYYYMMDD`, `sequence` 1–999."""
    first17 = f"{region}{birth}{sequence:03d}"
    return first17 + str(ric.calc_check_digit(first17 + "0"))
