"""Single sign-on (an OpenID Connect provider's tokens, verified against its JWKS) and the
rotation of our own token secret.

The identity provider is real as far as the service can tell: an RSA key pair made here and
its public half published as a JWKS by an HTTP server on a free loopback port, read by PyJWT's
`PyJWKClient` exactly as it would read a regulator's provider.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette

from api.app import create_app
from api.auth import ALGORITHM, ISSUER, Role, issue_token, verify_token
from api.settings import Settings
from graph.embedded import free_port
from graph.errors import Unauthenticated

ISSUER_URL = "https://sso.example.gov.cn/realms/credit"
AUDIENCE = "creditgraph"
KID = "key-1"


class Provider:
    """An RSA signing key and the JWKS that publishes its public half."""

    def __init__(self, kid: str = KID) -> None:
        self.kid = kid
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.requests = 0

    def jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def token(self, **claims: Any) -> str:
        now = datetime.now(UTC)
        base = {
            "iss": ISSUER_URL,
            "aud": AUDIENCE,
            "sub": "f3c1-wang.li",
            "preferred_username": "wang.li",
            "realm_access": {"roles": ["credit-investigator", "offline_access"]},
            "iat": now,
            "exp": now + timedelta(minutes=5),
        }
        pem = self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        merged = {k: v for k, v in {**base, **claims}.items() if v is not None}
        return jwt.encode(merged, pem, algorithm="RS256", headers={"kid": self.kid})


@pytest.fixture(scope="module")
def provider() -> Provider:
    return Provider()


@pytest.fixture(scope="module")
def jwks_url(provider: Provider) -> Iterator[str]:
    """The provider's JWKS, served on a free loopback port for the module's tests."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            provider.requests += 1
            body = json.dumps(provider.jwks()).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/protocol/openid-connect/certs"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def sso_settings(jwks_url: str, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "AUTH_TOKEN_SECRET": "unit-test-secret-of-thirty-two-chars!",
        "OIDC_ISSUER": ISSUER_URL,
        "OIDC_AUDIENCE": AUDIENCE,
        "OIDC_JWKS_URL": jwks_url,
        "OIDC_ROLE_CLAIM": "realm_access.roles",
        "OIDC_SUBJECT_CLAIM": "preferred_username",
        "OIDC_ROLE_MAP": {"credit-investigator": "investigator", "credit-admin": "admin"},
        **extra,
    }
    return Settings(_env_file=None, **values)


# -- verification (no database) ----------------------------------------------------------------
def test_a_provider_token_names_its_user_and_mapped_role(provider: Provider, jwks_url: str) -> None:
    principal = verify_token(sso_settings(jwks_url), provider.token())
    assert (principal.id, principal.role) == ("wang.li", Role.INVESTIGATOR)
    assert principal.token_id == "oidc:wang.li"  # not the anonymous public


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        ({"aud": "another-service"}, "not valid"),
        ({"iss": "https://sso.example.gov.cn/realms/other"}, "not valid"),
        ({"exp": datetime.now(UTC) - timedelta(minutes=1)}, "expired"),
        ({"aud": None}, "not valid"),
        ({"realm_access": {"roles": ["offline_access"]}}, "grants no CreditGraph role"),
        ({"realm_access": {"roles": ["credit-investigator", "credit-admin"]}}, "several roles"),
        ({"preferred_username": None}, "no 'preferred_username' claim"),
    ],
)
def test_a_provider_token_is_refused_when_a_check_fails(
    provider: Provider, jwks_url: str, claims: dict[str, Any], message: str
) -> None:
    with pytest.raises(Unauthenticated, match=message):
        verify_token(sso_settings(jwks_url), provider.token(**claims))


def test_a_token_signed_by_another_key_is_refused(jwks_url: str) -> None:
    impostor = Provider(kid=KID)  # same key id, different key
    with pytest.raises(Unauthenticated, match="not valid"):
        verify_token(sso_settings(jwks_url), impostor.token())
    stranger = Provider(kid="unknown-key")
    with pytest.raises(Unauthenticated, match="not valid"):
        verify_token(sso_settings(jwks_url), stranger.token())


def test_the_providers_public_key_cannot_sign_our_own_tokens(
    provider: Provider, jwks_url: str
) -> None:
    """Algorithm confusion: HS256 with the provider's public key as the HMAC secret."""
    public = provider.key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    now = datetime.now(UTC)
    claims = {"iss": ISSUER, "sub": "x", "role": "admin", "iat": now, "exp": now + timedelta(1)}

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    # PyJWT refuses a PEM key as an HMAC secret, so the forgery is built by hand.
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64(json.dumps(claims, default=lambda d: int(d.timestamp())).encode())
    signature = hmac.new(public, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    token = f"{header}.{payload}.{b64(signature)}"
    with pytest.raises(Unauthenticated, match="not valid"):
        verify_token(sso_settings(jwks_url), token)


def test_provider_tokens_are_refused_when_single_sign_on_is_off(provider: Provider) -> None:
    settings = Settings(_env_file=None, AUTH_TOKEN_SECRET="unit-test-secret-of-32-characters")
    with pytest.raises(Unauthenticated, match="not valid"):
        verify_token(settings, provider.token())


def test_the_jwks_is_cached_between_tokens(provider: Provider, jwks_url: str) -> None:
    settings = sso_settings(jwks_url)
    verify_token(settings, provider.token())
    before = provider.requests
    for _ in range(5):
        verify_token(settings, provider.token())
    assert provider.requests == before


# -- key rotation ------------------------------------------------------------------------------
OLD = "the-old-secret-of-at-least-thirty-two-chars"
NEW = "the-new-secret-of-at-least-thirty-two-chars"


def test_during_a_rollover_tokens_of_both_secrets_verify_and_new_ones_use_the_new() -> None:
    before = Settings(_env_file=None, AUTH_TOKEN_SECRET=OLD)
    during = Settings(_env_file=None, AUTH_TOKEN_SECRET=NEW, AUTH_TOKEN_PREVIOUS_SECRET=OLD)
    after = Settings(_env_file=None, AUTH_TOKEN_SECRET=NEW)
    old_token = issue_token(before, Role.OFFICER, "li.na")
    new_token = issue_token(during, Role.OFFICER, "li.na")

    assert verify_token(during, old_token).id == "li.na"
    assert verify_token(during, new_token).id == "li.na"
    assert verify_token(after, new_token).id == "li.na"  # signed with the new secret
    with pytest.raises(Unauthenticated, match="not valid"):
        verify_token(after, old_token)  # the rollover is over
    with pytest.raises(Unauthenticated, match="not valid"):
        verify_token(before, new_token)


def test_an_expired_token_of_the_previous_secret_says_expired() -> None:
    before = Settings(_env_file=None, AUTH_TOKEN_SECRET=OLD)
    during = Settings(_env_file=None, AUTH_TOKEN_SECRET=NEW, AUTH_TOKEN_PREVIOUS_SECRET=OLD)
    now = datetime.now(UTC)
    claims = {"iss": ISSUER, "sub": "x", "role": "officer", "iat": now - timedelta(2)}
    stale = jwt.encode({**claims, "exp": now - timedelta(1)}, OLD, algorithm=ALGORITHM)
    assert issue_token(before, Role.OFFICER, "x")  # the old secret did issue tokens
    with pytest.raises(Unauthenticated, match="expired"):
        verify_token(during, stale)


# -- through the API ---------------------------------------------------------------------------
AUDIT = "{ auditEvents(first: 1) { totalCount } }"


@pytest.fixture
async def sso_client(
    app: Starlette, settings: Settings, jwks_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    other = create_app(
        settings.model_copy(
            update={
                "oidc_issuer": ISSUER_URL,
                "oidc_audience": AUDIENCE,
                "oidc_jwks_url": jwks_url,
                "oidc_role_claim": "realm_access.roles",
                "oidc_subject_claim": "preferred_username",
                "oidc_role_map": {"credit-investigator": "investigator", "credit-admin": "admin"},
            }
        )
    )
    other.state.executor = app.state.executor
    transport = httpx.ASGITransport(app=other)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.mark.db
async def test_the_api_takes_the_providers_role(
    sso_client: httpx.AsyncClient, provider: Provider, settings: Settings
) -> None:
    admin = provider.token(realm_access={"roles": ["credit-admin"]})
    investigator = provider.token()

    allowed = await sso_client.post(
        "/graphql", json={"query": AUDIT}, headers={"authorization": f"Bearer {admin}"}
    )
    assert "errors" not in allowed.json(), allowed.json()
    refused = await sso_client.post(
        "/graphql", json={"query": AUDIT}, headers={"authorization": f"Bearer {investigator}"}
    )
    assert [e["extensions"]["code"] for e in refused.json()["errors"]] == ["FORBIDDEN"]
    forged = await sso_client.post(
        "/graphql",
        json={"query": AUDIT},
        headers={"authorization": f"Bearer {Provider().token()}"},
    )
    assert [e["extensions"]["code"] for e in forged.json()["errors"]] == ["UNAUTHENTICATED"]
    own = issue_token(settings, Role.ADMIN, "ops")  # our own tokens still work beside SSO
    mixed = await sso_client.post(
        "/graphql", json={"query": AUDIT}, headers={"authorization": f"Bearer {own}"}
    )
    assert "errors" not in mixed.json(), mixed.json()
