"""Bearer tokens from an OpenID Connect identity provider (a regulator's single sign-on).

The provider signs with an asymmetric key (RS256, ES256, …) published as a JWKS; PyJWT's
`PyJWKClient` fetches and caches it. A token is accepted only with the configured issuer and
audience and an unexpired `exp`; its role comes from one claim, mapped through OIDC_ROLE_MAP.
Symmetric algorithms are never accepted here: an HS256 token is one of our own (api/auth.py),
so a provider's public key can never be abused as an HMAC secret.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jwt

from api.settings import Settings
from graph.errors import Unauthenticated

JWKS_CACHE_SECONDS = 300  # how long fetched keys are trusted before the JWKS is read again
JWKS_TIMEOUT = 5  # seconds for one fetch of the JWKS
ASYMMETRIC = ("RS", "PS", "ES", "Ed")


@dataclass(frozen=True)
class Identity:
    """Who an identity provider's token names, and the role names its claim carries."""

    subject: str
    roles: tuple[str, ...]
    token_id: str | None


@lru_cache(maxsize=4)
def _client(jwks_url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(jwks_url, lifespan=JWKS_CACHE_SECONDS, timeout=JWKS_TIMEOUT)


def _claim(claims: Mapping[str, Any], path: str) -> Any:
    """A claim by dotted path (`realm_access.roles`); None when any step is missing."""
    value: Any = claims
    for step in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
    return value


def is_provider_token(settings: Settings, token: str) -> bool:
    """True when single sign-on is on and the token is signed asymmetrically (the provider's)."""
    if not settings.oidc_issuer:
        return False
    try:
        alg = str(jwt.get_unverified_header(token).get("alg", ""))
    except jwt.InvalidTokenError:
        return False
    return alg.startswith(ASYMMETRIC)


def verify(settings: Settings, token: str) -> Identity:
    """The identity of a provider's token; UNAUTHENTICATED when anything does not check out.
    May read the provider's JWKS over the network (call it off the event loop)."""
    algorithms = [a for a in settings.oidc_algorithms if a.startswith(ASYMMETRIC)]
    if not (settings.oidc_issuer and settings.oidc_jwks_url and algorithms):
        raise Unauthenticated("single sign-on is not configured on this server")
    try:
        key = _client(settings.oidc_jwks_url).get_signing_key_from_jwt(token)
        claims = jwt.decode(
            token,
            key.key,
            algorithms=algorithms,
            audience=settings.oidc_audience,
            issuer=settings.oidc_issuer,
            options={"require": ["exp", "iss", "aud"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("the token has expired") from exc
    except jwt.PyJWKClientConnectionError as exc:
        raise Unauthenticated("the identity provider's keys cannot be read now") from exc
    except (jwt.InvalidTokenError, jwt.PyJWKClientError) as exc:
        raise Unauthenticated("the token is not valid") from exc
    subject = _claim(claims, settings.oidc_subject_claim)
    if not isinstance(subject, str) or not subject.strip():
        raise Unauthenticated(f"the token has no '{settings.oidc_subject_claim}' claim")
    raw = _claim(claims, settings.oidc_role_claim)
    names = (raw,) if isinstance(raw, str) else tuple(r for r in raw or () if isinstance(r, str))
    jti = claims.get("jti")
    return Identity(subject=subject.strip(), roles=names, token_id=str(jti) if jti else None)
