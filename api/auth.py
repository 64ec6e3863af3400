"""Who is asking: bearer tokens, roles, and the one check every guarded resolver calls.

Tokens are HS256 JWTs signed with `AUTH_TOKEN_SECRET` (`creditgraph token create` issues them;
AUTH_TOKEN_PREVIOUS_SECRET still verifies during a key rollover), or, with single sign-on
configured, an identity provider's tokens (api/oidc.py);
no `Authorization` header means the `public` role, a bad or expired token is UNAUTHENTICATED
(never silently public: a client that meant to authenticate must learn that it did not). The
purpose of a request for personal data comes from the `X-Purpose` header (docs/domain.md §8.6: use
only within the authorised scope, and record it).
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any
from urllib.parse import unquote

import jwt

from api import oidc
from api.settings import Settings
from graph.errors import Forbidden, Unauthenticated

ALGORITHM = "HS256"
ISSUER = "creditgraph"
PURPOSE_HEADER = "x-purpose"
MAX_PURPOSE = 200
# Our own tokens already verified, by (token, verification secrets): checking an HS256 signature
# and its claims costs a fifth of a small query, and a client sends the same token with every
# request. An entry holds until the token's expiry; a changed secret makes another key.
MAX_VERIFIED = 1024
_VERIFIED: dict[tuple[str, ...], tuple[Principal, float]] = {}


class Role(StrEnum):
    """The six roles of issue 7; what each may do is declared in `api/permissions.py`."""

    PUBLIC = "public"
    DASHBOARD = "dashboard"
    INVESTIGATOR = "investigator"
    OFFICER = "officer"
    ANALYST = "analyst"
    ADMIN = "admin"


@dataclass(frozen=True)
class Principal:
    """The authenticated caller. `purpose` is what the caller stated for this request."""

    id: str = "anonymous"
    role: Role = Role.PUBLIC
    purpose: str | None = None
    token_id: str | None = None


ANONYMOUS = Principal()


def issue_token(
    settings: Settings, role: Role, subject: str, *, ttl_seconds: int | None = None
) -> str:
    """A signed token for `subject` acting as `role`, valid for `ttl_seconds` (settings default)."""
    now = datetime.now(UTC)
    ttl = ttl_seconds if ttl_seconds is not None else settings.auth_token_ttl
    claims = {
        "iss": ISSUER,
        "sub": subject,
        "role": role.value,
        "iat": now,
        "exp": now + timedelta(seconds=ttl),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, settings.auth_token_secret.get_secret_value(), algorithm=ALGORITHM)


def verification_secrets(settings: Settings) -> list[str]:
    """The secrets a token of ours may be signed with: the current one, and during a key
    rollover the previous one (AUTH_TOKEN_PREVIOUS_SECRET)."""
    secrets = [settings.auth_token_secret.get_secret_value()]
    if settings.auth_token_previous_secret is not None:
        secrets.append(settings.auth_token_previous_secret.get_secret_value())
    return secrets


def _own_claims(settings: Settings, token: str) -> dict[str, Any]:
    expired: jwt.ExpiredSignatureError | None = None
    for secret in verification_secrets(settings):
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                secret,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                options={"require": ["exp", "iat", "sub", "role", "iss"]},
            )
            return claims
        except jwt.InvalidSignatureError:
            continue  # perhaps signed with the other secret of a rollover
        except jwt.ExpiredSignatureError as exc:
            expired = exc
            break
        except jwt.InvalidTokenError as exc:
            raise Unauthenticated("the token is not valid") from exc
    if expired is not None:
        raise Unauthenticated("the token has expired") from expired
    raise Unauthenticated("the token is not valid")


def provider_role(settings: Settings, names: tuple[str, ...]) -> Role:
    """The one CreditGraph role an identity provider's role names map to (OIDC_ROLE_MAP;
    a name that is a CreditGraph role maps to itself). None or several: UNAUTHENTICATED, since
    guessing which of two roles someone meant would grant too much or too little."""
    known = {r.value for r in Role}
    roles = {settings.oidc_role_map.get(n, n if n in known else "") for n in names} - {""}
    if not roles:
        raise Unauthenticated(
            f"the token's '{settings.oidc_role_claim}' claim grants no CreditGraph role"
        )
    if len(roles) > 1:
        raise Unauthenticated(
            f"the token maps to several roles ({', '.join(sorted(roles))}); set OIDC_ROLE_MAP"
            " so that it maps to exactly one"
        )
    (role,) = roles
    if role not in known:
        raise Unauthenticated(f"OIDC_ROLE_MAP maps to '{role}', which is not a CreditGraph role")
    return Role(role)


def verify_token(settings: Settings, token: str) -> Principal:
    """The principal a token names; UNAUTHENTICATED when it is forged, expired or malformed.
    Our own tokens are HS256; with single sign-on on, an asymmetrically signed token is the
    identity provider's (api/oidc.py), which may read the provider's keys over the network."""
    if oidc.is_provider_token(settings, token):
        identity = oidc.verify(settings, token)
        return Principal(
            id=identity.subject,
            role=provider_role(settings, identity.roles),
            token_id=identity.token_id or f"oidc:{identity.subject}",
        )
    key = (token, *verification_secrets(settings))
    known = _VERIFIED.get(key)
    if known is not None:
        principal, expires = known
        if time.time() < expires:
            return principal
        _VERIFIED.pop(key, None)  # verified again below, which reports the expiry
    claims = _own_claims(settings, token)
    try:
        role = Role(claims["role"])
    except ValueError as exc:
        raise Unauthenticated("the token names an unknown role") from exc
    principal = Principal(id=str(claims["sub"]), role=role, token_id=claims.get("jti"))
    if len(_VERIFIED) >= MAX_VERIFIED:
        _VERIFIED.pop(next(iter(_VERIFIED)))  # the oldest entry
    _VERIFIED[key] = (principal, float(claims["exp"]))
    return principal


def needs_thread(settings: Settings, headers: Mapping[str, str]) -> bool:
    """True when authenticating these headers may block on the network (an identity
    provider's token whose keys are not cached), so the caller runs it in a thread."""
    if not settings.oidc_issuer:
        return False
    _, _, token = (headers.get("authorization") or "").partition(" ")
    return oidc.is_provider_token(settings, token.strip())


def stated_purpose(raw: str | None) -> str | None:
    """The `X-Purpose` header as text. HTTP headers are bytes (read as latin-1), so a purpose in
    Chinese arrives as raw UTF-8 or percent-encoded (`encodeURIComponent`); both are decoded."""
    text = raw or ""
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("latin-1").decode("utf-8")
    return unquote(text).strip()[:MAX_PURPOSE] or None


def authenticate(settings: Settings, headers: Mapping[str, str]) -> Principal:
    """The principal for a request's headers: public without a token, else the token's."""
    purpose = stated_purpose(headers.get(PURPOSE_HEADER))
    header = headers.get("authorization")
    if not header:
        return Principal(purpose=purpose)
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("use an 'Authorization: Bearer <token>' header")
    principal = verify_token(settings, token.strip())
    return Principal(
        id=principal.id, role=principal.role, purpose=purpose, token_id=principal.token_id
    )


def require(principal: Principal, *roles: Role) -> Principal:
    """The principal if its role is one of `roles`; FORBIDDEN (or UNAUTHENTICATED for the
    anonymous public) otherwise."""
    if principal.role in roles:
        return principal
    allowed = ", ".join(r.value for r in roles)
    if principal.role is Role.PUBLIC and principal.token_id is None:
        raise Unauthenticated(f"this operation needs a token for one of: {allowed}")
    raise Forbidden(f"the role {principal.role.value} may not do this (needs one of: {allowed})")


def claims_of(token: str) -> dict[str, Any]:
    """The unverified claims (for the CLI to print what it issued)."""
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims
