"""All settings in one place, read once from the environment (and an optional `.env`)."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


MIN_SECRET_LENGTH = 32
DEVELOPMENT_SECRETS = frozenset(
    {"creditgraph-development-key-change-me", "creditgraph-development-token-secret-change-me"}
)


class InsecureSettings(Exception):
    """Production settings that would make the service unsafe; the message names each variable."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "refusing to run with APP_ENV=production: "
            + "; ".join(problems)
            + " (generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
        )


class Settings(BaseSettings):
    """Every knob of the service. The README's settings table mirrors this class."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Graph database. No NEO4J_URI means: start (or reuse) the embedded ArcadeDB server.
    neo4j_uri: str | None = Field(default=None, alias="NEO4J_URI")
    neo4j_username: str = Field(default="neo4j", alias="NEO4J_USERNAME")
    neo4j_password: SecretStr | None = Field(default=None, alias="NEO4J_PASSWORD")
    # Unset: the server's home database (Neo4j's `neo4j`); the embedded server names its own.
    neo4j_database: str | None = Field(default=None, alias="NEO4J_DATABASE")
    neo4j_connect_timeout: float = Field(default=5.0, alias="NEO4J_CONNECT_TIMEOUT", gt=0)
    neo4j_query_timeout: float = Field(default=30.0, alias="NEO4J_QUERY_TIMEOUT", gt=0)
    neo4j_max_transactions: int = Field(default=8, alias="NEO4J_MAX_TRANSACTIONS", ge=0)

    # Embedded server (used only when NEO4J_URI is unset).
    graphdb_dir: Path = Field(default=REPO_ROOT / "var" / "graphdb", alias="GRAPHDB_DIR")
    graphdb_bolt_port: int = Field(default=7687, alias="GRAPHDB_BOLT_PORT")
    graphdb_http_port: int = Field(default=2480, alias="GRAPHDB_HTTP_PORT")
    graphdb_heap: str = Field(default="2g", alias="GRAPHDB_HEAP")

    # HTTP service.
    host: str = Field(default="127.0.0.1", alias="HOST")
    port: int = Field(default=8000, alias="PORT")
    app_env: Literal["development", "test", "production"] = Field(
        default="development", alias="APP_ENV"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", alias="LOG_LEVEL"
    )

    # Personal data: the key of the keyed hash that replaces citizen ID numbers.
    id_hash_key: SecretStr = Field(
        default=SecretStr("creditgraph-development-key-change-me"),
        alias="CREDITGRAPH_ID_HASH_KEY",
    )

    # Authentication: the key that signs bearer tokens (HS256) and their default lifetime.
    auth_token_secret: SecretStr = Field(
        default=SecretStr("creditgraph-development-token-secret-change-me"),
        alias="AUTH_TOKEN_SECRET",
    )
    auth_token_ttl: int = Field(default=8 * 3600, alias="AUTH_TOKEN_TTL", ge=60)
    # Key rotation: tokens signed with the previous secret stay valid during a rollover (new
    # tokens are always signed with AUTH_TOKEN_SECRET). Unset it once the old tokens expired.
    auth_token_previous_secret: SecretStr | None = Field(
        default=None, alias="AUTH_TOKEN_PREVIOUS_SECRET"
    )

    # Single sign-on: bearer tokens from an OpenID Connect identity provider, verified against
    # its published keys (JWKS). Off while OIDC_ISSUER is unset. The role comes from a claim
    # (a dotted path such as `realm_access.roles`; a string or a list), mapped through
    # OIDC_ROLE_MAP (JSON, the provider's names to CreditGraph's roles; unmapped names that are
    # CreditGraph role names map to themselves).
    oidc_issuer: str | None = Field(default=None, alias="OIDC_ISSUER")
    oidc_audience: str | None = Field(default=None, alias="OIDC_AUDIENCE")
    oidc_jwks_url: str | None = Field(default=None, alias="OIDC_JWKS_URL")
    oidc_role_claim: str = Field(default="role", alias="OIDC_ROLE_CLAIM")
    oidc_subject_claim: str = Field(default="sub", alias="OIDC_SUBJECT_CLAIM")
    oidc_role_map: dict[str, str] = Field(default_factory=dict, alias="OIDC_ROLE_MAP")
    oidc_algorithms: list[str] = Field(default=["RS256", "ES256"], alias="OIDC_ALGORITHMS")

    # GraphQL limits.
    max_page_size: int = Field(default=100, alias="MAX_PAGE_SIZE", ge=1)
    max_query_depth: int = Field(default=14, alias="MAX_QUERY_DEPTH", ge=1)
    max_aliases: int = Field(default=30, alias="MAX_ALIASES", ge=0)
    max_tokens: int = Field(default=2000, alias="MAX_TOKENS", ge=1)
    max_query_cost: int = Field(default=50_000, alias="MAX_QUERY_COST", ge=1)

    # Analyst Cypher (runCypher, runAnalyticsQuery): time limit in seconds and most rows returned.
    run_cypher_timeout: float = Field(default=10.0, alias="RUN_CYPHER_TIMEOUT", gt=0)
    run_cypher_max_rows: int = Field(default=1000, alias="RUN_CYPHER_MAX_ROWS", ge=1, le=100_000)

    # Linked-risk indicators follow changes through an outbox the API drains every this many
    # seconds (graph/risk/refresh.py); 0 runs no worker (`creditgraph analytics refresh` drains).
    risk_refresh_interval: float = Field(default=2.0, alias="RISK_REFRESH_INTERVAL", ge=0)
    # Alerts for watch-lists follow changes through their own outbox (graph/alerts/fanout.py),
    # served every this many seconds (and at once after a change of this process); 0: none.
    alert_interval: float = Field(default=0.5, alias="ALERT_INTERVAL", ge=0)
    # Each worker runs where it holds its lease (graph/leases.py); a process that dies holds it
    # no longer than this many seconds.
    lease_ttl: float = Field(default=15.0, alias="LEASE_TTL", ge=1)

    # HTTP hygiene (api/graphql_http.py, api/middleware.py). Introspection unset: on except in
    # production. A batch is a JSON array of operations; 0 turns batching off.
    graphql_introspection: bool | None = Field(default=None, alias="GRAPHQL_INTROSPECTION")
    max_batch_operations: int = Field(default=10, alias="MAX_BATCH_OPERATIONS", ge=0)
    max_request_bytes: int = Field(default=1_048_576, alias="MAX_REQUEST_BYTES", ge=1024)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list, alias="CORS_ORIGINS")
    behind_tls: bool = Field(default=False, alias="BEHIND_TLS")

    # Calendar for deadlines in working days ([Not in seeds]: holidays change yearly).
    public_holidays: list[date] = Field(default_factory=list, alias="PUBLIC_HOLIDAYS")
    makeup_workdays: list[date] = Field(default_factory=list, alias="MAKEUP_WORKDAYS")
    publication_deadline_working_days: int = Field(
        default=7, alias="PUBLICATION_DEADLINE_WORKING_DAYS", ge=0
    )

    # Joint punishment: days a department has to report how it applied a measure ([Not in
    # seeds]: the seeds require feedback, 001 item 8, but set no period).
    feedback_due_days: int = Field(default=30, alias="FEEDBACK_DUE_DAYS", ge=1)

    # Observability (api/observability/). Log lines are JSON objects (or text for a terminal).
    # /metrics is open unless METRICS_TOKEN is set (then Prometheus sends it as a bearer token);
    # the API binds 127.0.0.1 by default, so only this host can scrape it. Traces are exported
    # over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT (the collector's base URL) is set.
    log_format: Literal["json", "text"] = Field(default="json", alias="LOG_FORMAT")
    metrics_enabled: bool = Field(default=True, alias="METRICS_ENABLED")
    metrics_token: SecretStr | None = Field(default=None, alias="METRICS_TOKEN")
    otel_exporter_otlp_endpoint: str | None = Field(
        default=None, alias="OTEL_EXPORTER_OTLP_ENDPOINT"
    )
    otel_service_name: str = Field(default="creditgraph", alias="OTEL_SERVICE_NAME")

    def secret_problems(self) -> list[str]:
        """What is wrong with the secrets for production: one line per variable, naming it.
        A secret must be set, not a development default, and at least MIN_SECRET_LENGTH long
        (HS256 wants a key of 256 bits; the ID hash key guards every citizen ID number)."""
        problems = []
        for field in ("auth_token_secret", "id_hash_key", "auth_token_previous_secret"):
            info = Settings.model_fields[field]
            value: SecretStr | None = getattr(self, field)
            name = info.alias
            if value is None:
                if info.default is None:
                    continue  # optional and unset
                problems.append(f"{name} is not set")
                continue
            text = value.get_secret_value()
            if not text.strip():
                problems.append(f"{name} is empty")
            elif value == info.default or text in DEVELOPMENT_SECRETS:
                problems.append(f"{name} is the public development default")
            elif len(text) < MIN_SECRET_LENGTH:
                problems.append(f"{name} is shorter than {MIN_SECRET_LENGTH} characters")
        if self.oidc_issuer and not (self.oidc_jwks_url and self.oidc_audience):
            problems.append("OIDC_ISSUER is set without OIDC_JWKS_URL and OIDC_AUDIENCE")
        return problems

    def check_production(self) -> None:
        """Refuse to run in production with a missing, default or short secret."""
        if self.app_env == "production" and (problems := self.secret_problems()):
            raise InsecureSettings(problems)

    @property
    def embedded(self) -> bool:
        """True when the service should run on the project's own embedded graph server."""
        return not self.neo4j_uri

    @property
    def graphiql(self) -> bool:
        return self.app_env != "production"

    @property
    def introspection(self) -> bool:
        """GRAPHQL_INTROSPECTION when set, else on everywhere but in production."""
        if self.graphql_introspection is not None:
            return self.graphql_introspection
        return self.app_env != "production"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: Any) -> Any:
        """CORS_ORIGINS as a JSON list or comma-separated: `https://a.example,https://b.example`."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [origin.strip() for origin in text.split(",") if origin.strip()]
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, built once."""
    return Settings()
