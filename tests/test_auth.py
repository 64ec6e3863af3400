"""Authentication: bearer tokens (none → public; forged, expired, malformed → UNAUTHENTICATED,
before anything runs) and the `creditgraph token create` command."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import jwt
import pytest

from api.auth import (
    ALGORITHM,
    ISSUER,
    MAX_PURPOSE,
    Role,
    authenticate,
    claims_of,
    issue_token,
    stated_purpose,
    verify_token,
)
from api.cli import main
from api.commands import token as token_command
from api.settings import Settings
from graph.errors import Unauthenticated
from tests.conftest import GQL

SETTINGS = Settings(_env_file=None, AUTH_TOKEN_SECRET="unit-test-secret")  # type: ignore[call-arg]
MEASURES = "{ measures { code } }"


def forge(claims: dict[str, Any], secret: str = "unit-test-secret") -> str:
    now = datetime.now(UTC)
    base = {"iss": ISSUER, "sub": "x", "role": "officer", "iat": now, "exp": now + timedelta(1)}
    return jwt.encode({**base, **claims}, secret, algorithm=ALGORITHM)


# -- tokens (no database) ----------------------------------------------------------------------
def test_an_issued_token_names_its_subject_and_role() -> None:
    token = issue_token(SETTINGS, Role.ANALYST, "alice", ttl_seconds=120)
    principal = verify_token(SETTINGS, token)
    assert (principal.id, principal.role, principal.purpose) == ("alice", Role.ANALYST, None)
    assert principal.token_id == claims_of(token)["jti"]
    assert claims_of(token)["exp"] - claims_of(token)["iat"] == 120


def test_a_token_verified_before_is_refused_after_its_expiry_and_under_a_new_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = issue_token(SETTINGS, Role.OFFICER, "bob", ttl_seconds=60)
    assert verify_token(SETTINGS, token).id == "bob"
    assert verify_token(SETTINGS, token).id == "bob"  # the remembered verification
    rotated = Settings(_env_file=None, AUTH_TOKEN_SECRET="another-secret")  # type: ignore[call-arg]
    with pytest.raises(Unauthenticated, match="not valid"):
        verify_token(rotated, token)
    later = claims_of(token)["exp"] + 1.0
    monkeypatch.setattr("api.auth.time.time", lambda: later)
    monkeypatch.setattr("jwt.api_jwt.datetime", _FrozenAt(later))
    with pytest.raises(Unauthenticated, match="expired"):
        verify_token(SETTINGS, token)


class _FrozenAt:
    """`datetime` for PyJWT's expiry check, its `now` fixed at a POSIX time."""

    def __init__(self, at: float) -> None:
        self.at = at

    def now(self, tz: Any = None) -> datetime:
        return datetime.fromtimestamp(self.at, tz)

    def __getattr__(self, name: str) -> Any:
        return getattr(datetime, name)


def test_no_header_is_the_public_with_its_stated_purpose() -> None:
    principal = authenticate(SETTINGS, {"x-purpose": "  case 2024-17 "})
    assert (principal.role, principal.token_id, principal.purpose) == (
        Role.PUBLIC,
        None,
        "case 2024-17",
    )
    assert authenticate(SETTINGS, {"x-purpose": "  "}).purpose is None


def test_a_purpose_in_chinese_arrives_percent_encoded_or_as_raw_utf8() -> None:
    purpose = "案件 2024-17 调查"
    as_latin1 = purpose.encode("utf-8").decode("latin-1")  # how a server reads raw UTF-8 bytes
    assert stated_purpose(quote(purpose)) == purpose
    assert stated_purpose(as_latin1) == purpose
    assert stated_purpose("x" * 500) == "x" * MAX_PURPOSE


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (forge({}, secret="another-secret"), "not valid"),
        (forge({"exp": datetime.now(UTC) - timedelta(seconds=5)}), "expired"),
        (forge({"role": "superuser"}), "unknown role"),
        (forge({"iss": "someone-else"}), "not valid"),
        ("not.a.jwt", "not valid"),
        (jwt.encode({"sub": "x", "role": "admin"}, "unit-test-secret"), "not valid"),  # no exp
    ],
    ids=["forged", "expired", "unknown-role", "other-issuer", "malformed", "no-expiry"],
)
def test_bad_tokens_are_unauthenticated(token: str, message: str) -> None:
    with pytest.raises(Unauthenticated, match=message):
        verify_token(SETTINGS, token)


def test_a_header_that_is_not_bearer_is_unauthenticated() -> None:
    with pytest.raises(Unauthenticated, match="Bearer"):
        authenticate(SETTINGS, {"authorization": "Basic dXNlcjpwdw=="})
    with pytest.raises(Unauthenticated):
        authenticate(SETTINGS, {"authorization": "Bearer "})


# -- the CLI -----------------------------------------------------------------------------------
def test_token_create_prints_the_token_and_its_expiry(capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(action="create", role="investigator", subject="bob", ttl=600)
    assert token_command.run(args, SETTINGS) == 0
    out, err = capsys.readouterr()
    token = out.strip()
    assert "\n" not in token
    principal = verify_token(SETTINGS, token)
    assert (principal.id, principal.role) == ("bob", Role.INVESTIGATOR)
    expires = datetime.fromtimestamp(claims_of(token)["exp"], UTC).isoformat(timespec="seconds")
    assert f"expires {expires}" in err
    assert token not in err


def test_token_cli_help_and_refusals(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["token", "create", "--help"])
    assert done.value.code == 0
    assert "--role" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        main(["token", "create", "--role", "superuser", "--subject", "x"])
    assert done.value.code == 2
    args = argparse.Namespace(action="create", role="admin", subject="x", ttl=0)
    assert token_command.run(args, SETTINGS) == 2
    blank = argparse.Namespace(action="create", role="admin", subject=" ", ttl=None)
    assert token_command.run(blank, SETTINGS) == 2


# -- over HTTP ---------------------------------------------------------------------------------
@pytest.mark.db
async def test_no_token_is_public_and_bad_tokens_refuse_the_request(
    gql: GQL, settings: Settings, token: Callable[..., str]
) -> None:
    anonymous = await gql(MEASURES, authorization="")
    assert "errors" not in anonymous, anonymous
    as_public = await gql(MEASURES, authorization=f"Bearer {token(Role.PUBLIC)}")
    assert "errors" not in as_public, as_public

    now = datetime.now(UTC)
    secret = settings.auth_token_secret.get_secret_value()
    expired = jwt.encode(
        {"iss": ISSUER, "sub": "x", "role": "officer", "iat": now - timedelta(2), "exp": now},
        secret,
        algorithm=ALGORITHM,
    )
    forged = issue_token(SETTINGS, Role.ADMIN, "mallory")  # signed with another secret
    for header in (f"Bearer {forged}", f"Bearer {expired}", "Bearer junk", "Token abc"):
        body = await gql(MEASURES, authorization=header)
        assert body.get("data") is None, body
        (error,) = body["errors"]
        assert error["extensions"]["code"] == "UNAUTHENTICATED", body


@pytest.mark.db
async def test_a_bad_token_runs_no_mutation(gql: GQL) -> None:
    """Even an operation the public may not run gets UNAUTHENTICATED, and nothing is written."""
    uscc = "91110000MA0000001X"
    body = await gql(
        'mutation { upsertEnterprise(input: {uscc: "%s", name: "x"}) { created } }' % uscc,
        authorization="Bearer forged.token.here",
    )
    assert body.get("data") is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
