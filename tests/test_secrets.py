"""Production refuses public, empty or short secrets: the token-signing secret and the key of the
citizen-ID hash are in the source as development defaults, so a production service that kept
them would let anyone mint an admin token or reverse the ID hashes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from api.settings import MIN_SECRET_LENGTH, InsecureSettings, Settings

ROOT = Path(__file__).resolve().parents[1]
STRONG = "s" * MIN_SECRET_LENGTH
STRONG_KEY = "k" * MIN_SECRET_LENGTH


def production(**values: Any) -> Settings:
    return Settings(_env_file=None, APP_ENV="production", **values)


def test_good_secrets_pass() -> None:
    settings = production(AUTH_TOKEN_SECRET=STRONG, CREDITGRAPH_ID_HASH_KEY=STRONG_KEY)
    assert settings.secret_problems() == []
    settings.check_production()


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"CREDITGRAPH_ID_HASH_KEY": STRONG_KEY}, "AUTH_TOKEN_SECRET is the public development"),
        ({"AUTH_TOKEN_SECRET": STRONG}, "CREDITGRAPH_ID_HASH_KEY is the public development"),
        (
            {"AUTH_TOKEN_SECRET": "", "CREDITGRAPH_ID_HASH_KEY": STRONG_KEY},
            "AUTH_TOKEN_SECRET is empty",
        ),
        (
            {"AUTH_TOKEN_SECRET": "   ", "CREDITGRAPH_ID_HASH_KEY": STRONG_KEY},
            "AUTH_TOKEN_SECRET is empty",
        ),
        (
            {"AUTH_TOKEN_SECRET": STRONG, "CREDITGRAPH_ID_HASH_KEY": "short-key"},
            f"CREDITGRAPH_ID_HASH_KEY is shorter than {MIN_SECRET_LENGTH} characters",
        ),
        (
            {
                "AUTH_TOKEN_SECRET": STRONG,
                "CREDITGRAPH_ID_HASH_KEY": STRONG_KEY,
                "AUTH_TOKEN_PREVIOUS_SECRET": "old",
            },
            "AUTH_TOKEN_PREVIOUS_SECRET is shorter",
        ),
        (
            {
                "AUTH_TOKEN_SECRET": STRONG,
                "CREDITGRAPH_ID_HASH_KEY": STRONG_KEY,
                "OIDC_ISSUER": "https://sso.example.gov.cn",
            },
            "OIDC_ISSUER is set without OIDC_JWKS_URL and OIDC_AUDIENCE",
        ),
    ],
)
def test_a_weak_secret_is_named(values: dict[str, Any], problem: str) -> None:
    settings = production(**values)
    with pytest.raises(InsecureSettings) as refused:
        settings.check_production()
    assert any(p.startswith(problem) for p in refused.value.problems), refused.value.problems
    assert problem.split()[0] in str(refused.value)


def test_development_keeps_its_defaults() -> None:
    settings = Settings(_env_file=None, APP_ENV="development")
    assert settings.secret_problems()  # they are weak ...
    settings.check_production()  # ... and allowed outside production


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NEO4J_", "GRAPHDB_", "AUTH_", "CREDITGRAPH_", "OIDC_", "APP_ENV"))
    }
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "AUTH_TOKEN_SECRET"),
        ({"AUTH_TOKEN_SECRET": STRONG}, "CREDITGRAPH_ID_HASH_KEY"),
        ({"CREDITGRAPH_ID_HASH_KEY": STRONG_KEY}, "AUTH_TOKEN_SECRET"),
        ({"AUTH_TOKEN_SECRET": "too-short", "CREDITGRAPH_ID_HASH_KEY": STRONG_KEY}, "AUTH_TOKEN"),
    ],
)
def test_production_serve_with_a_weak_secret_exits_2_naming_it(
    env: dict[str, str], named: str
) -> None:
    proc = cli("serve", "--port", "1", APP_ENV="production", NEO4J_URI="bolt://127.0.0.1:1", **env)
    assert proc.returncode == 2, proc.stderr
    assert named in proc.stderr
    assert "refusing to run with APP_ENV=production" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_production_serve_with_good_secrets_gets_past_the_check() -> None:
    """It then fails on the unreachable database, naming it: the secrets were accepted."""
    proc = cli(
        "serve",
        "--port",
        "1",
        APP_ENV="production",
        NEO4J_URI="bolt://127.0.0.1:1",
        NEO4J_PASSWORD="x",
        AUTH_TOKEN_SECRET=STRONG,
        CREDITGRAPH_ID_HASH_KEY=STRONG_KEY,
    )
    assert proc.returncode != 0
    assert "refusing" not in proc.stderr
    assert "bolt://127.0.0.1:1" in proc.stderr


def test_every_command_refuses_in_production_with_default_secrets() -> None:
    """`token create` would sign with the public secret, an import hash with the public key."""
    proc = cli("token", "create", "--role", "admin", "--subject", "ops", APP_ENV="production")
    assert proc.returncode == 2
    assert proc.stdout == ""  # no token printed
    assert "AUTH_TOKEN_SECRET" in proc.stderr
