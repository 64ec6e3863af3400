"""The production deployment: docker-compose.yml (Neo4j 5 + API) and the API's Dockerfile.

Static checks only (no Docker engine needed).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"

# `${NAME}`, `${NAME:?message}`, `${NAME?message}`, `${NAME:-default}` ... as compose writes them.
VAR_REF = r"\$\{{{name}(?:[:?\-+][^}}]*)?\}}"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yml is not a mapping"
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, Any]:
    services = compose.get("services")
    assert isinstance(services, dict), "docker-compose.yml has no services"
    return services


def environment(service: dict[str, Any]) -> dict[str, str]:
    """The service's environment as a dict, whether written as a mapping or a list."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        pairs = (item.split("=", 1) for item in env)
        return {p[0]: (p[1] if len(p) > 1 else "") for p in pairs}
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def published_container_ports(service: dict[str, Any]) -> set[int]:
    """Container ports that are published on the host (short or long port syntax)."""
    ports: set[int] = set()
    for entry in service.get("ports") or []:
        if isinstance(entry, dict):
            if entry.get("published") is not None:
                ports.add(int(entry["target"]))
            continue
        spec = str(entry).split("/", 1)[0]  # drop /tcp
        parts = spec.rsplit(":", 2)
        if len(parts) >= 2:  # [ip:]host:container; a lone container port is not published
            ports.add(int(parts[-1]))
    return ports


def mount_targets(service: dict[str, Any]) -> dict[str, str]:
    """Container path -> source, for the service's volumes (short or long syntax)."""
    mounts: dict[str, str] = {}
    for entry in service.get("volumes") or []:
        if isinstance(entry, dict):
            mounts[str(entry["target"])] = str(entry.get("source", ""))
        else:
            parts = str(entry).split(":")
            if len(parts) >= 2:
                mounts[parts[1]] = parts[0]
    return mounts


def healthcheck_test(service: dict[str, Any]) -> str:
    check = service.get("healthcheck") or {}
    assert not check.get("disable"), "healthcheck is disabled"
    test = check.get("test")
    assert test, "no healthcheck test"
    if isinstance(test, list):
        assert test[0] in ("CMD", "CMD-SHELL"), test
        return " ".join(str(t) for t in test[1:])
    return str(test)


def test_services_exist(services: dict[str, Any]) -> None:
    assert {"neo4j", "api"} <= set(services)


def test_neo4j_is_an_official_neo4j5_community_image(services: dict[str, Any]) -> None:
    image = services["neo4j"]["image"]
    assert image.startswith("neo4j:5"), image
    assert "enterprise" not in image, image


def test_ports_are_published(services: dict[str, Any]) -> None:
    assert {7474, 7687} <= published_container_ports(services["neo4j"])
    assert 8000 in published_container_ports(services["api"])


def test_neo4j_auth_comes_from_the_password_variable(services: dict[str, Any]) -> None:
    auth = environment(services["neo4j"])["NEO4J_AUTH"]
    assert re.fullmatch("neo4j/" + VAR_REF.format(name="NEO4J_PASSWORD"), auth), (
        f"NEO4J_AUTH must be neo4j/${{NEO4J_PASSWORD...}}, not a literal password: {auth!r}"
    )
    assert re.fullmatch(
        VAR_REF.format(name="NEO4J_PASSWORD"), environment(services["api"])["NEO4J_PASSWORD"]
    )


def test_neo4j_env_holds_only_neo4j_settings(services: dict[str, Any]) -> None:
    # The image writes every NEO4J_* variable into neo4j.conf; Neo4j 5 refuses unknown settings,
    # so e.g. NEO4J_PASSWORD must not be set on this service.
    control = {"NEO4J_AUTH", "NEO4J_AUTH_PATH", "NEO4J_PLUGINS", "NEO4J_DEBUG"}
    for key in environment(services["neo4j"]):
        if key.startswith("NEO4J_") and key not in control:
            assert re.fullmatch(r"NEO4J_[a-z][a-z0-9_]*", key), f"{key} is not a Neo4j setting"


def test_neo4j_has_a_bolt_healthcheck(services: dict[str, Any]) -> None:
    test = healthcheck_test(services["neo4j"])
    assert "cypher-shell" in test or "7474" in test or "7687" in test, test
    # Variables the check expands in the container ($$VAR / $${VAR}) must exist there.
    env = environment(services["neo4j"])
    for name in re.findall(r"\$\$\{?([A-Za-z_][A-Za-z0-9_]*)", test):
        assert name in env, f"the neo4j healthcheck uses ${name}, which the container does not have"


def test_neo4j_data_is_on_a_named_volume(compose: dict[str, Any], services: dict[str, Any]) -> None:
    mounts = mount_targets(services["neo4j"])
    assert "/data" in mounts, mounts
    assert mounts["/data"] in (compose.get("volumes") or {}), (
        "the /data volume is not a named volume"
    )


def test_api_talks_to_neo4j_in_production(services: dict[str, Any]) -> None:
    env = environment(services["api"])
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert env["NEO4J_USERNAME"] == "neo4j"
    assert env["NEO4J_DATABASE"] == "neo4j"
    assert env["APP_ENV"] == "production"
    hash_key = env["CREDITGRAPH_ID_HASH_KEY"]
    assert re.fullmatch(r"\$\{CREDITGRAPH_ID_HASH_KEY:?\?[^}]*\}", hash_key), (
        f"CREDITGRAPH_ID_HASH_KEY must be required from the environment: {hash_key!r}"
    )


def test_api_waits_for_a_healthy_neo4j(services: dict[str, Any]) -> None:
    depends_on = services["api"]["depends_on"]
    assert isinstance(depends_on, dict), "depends_on needs the long form to carry a condition"
    assert depends_on["neo4j"]["condition"] == "service_healthy"


def test_api_is_built_here_and_checks_readiness(services: dict[str, Any]) -> None:
    api = services["api"]
    build = api["build"]
    dockerfile = build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile"
    assert dockerfile == "Dockerfile"
    assert "/readyz" in healthcheck_test(api)
    command = api.get("command")
    command = " ".join(command) if isinstance(command, list) else str(command)
    assert command.split()[:2] == ["creditgraph", "serve"], command
    assert "0.0.0.0" in command, command
    assert "8000" in command, command


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with line continuations joined and comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_runs_as_a_non_root_user() -> None:
    users = [args for word, args in dockerfile_instructions() if word == "USER"]
    assert users, "the Dockerfile has no USER line"
    user = users[-1].split(":", 1)[0]
    assert user not in ("root", "0"), f"the image runs as root: USER {users[-1]}"


def test_dockerfile_exposes_8000_and_serves() -> None:
    instructions = dockerfile_instructions()
    exposed = {
        p.split("/")[0] for word, args in instructions if word == "EXPOSE" for p in args.split()
    }
    assert "8000" in exposed
    froms = [args for word, args in instructions if word == "FROM"]
    assert froms, "the Dockerfile has no FROM line"
    assert froms[-1].startswith("python:3.11-slim"), froms
    cmd = [args for word, args in instructions if word == "CMD"]
    assert cmd, "the Dockerfile has no CMD"
    assert "creditgraph" in cmd[-1], cmd
    assert "serve" in cmd[-1], cmd


def test_dockerfile_installs_without_the_embedded_extra() -> None:
    runs = " && ".join(args for word, args in dockerfile_instructions() if word == "RUN")
    installs = re.findall(r"pip install\b[^&;|]*", runs)
    assert any(re.search(r"-c \S*constraints.txt", cmd) for cmd in installs), installs
    for cmd in installs:
        assert "embedded" not in cmd, f"production image installs the embedded DB: {cmd}"
        assert "[" not in cmd, f"production image installs extras: {cmd}"


# -- interpolation as compose does it: ${VAR}, ${VAR:-default}, ${VAR:?error}, ${VAR?error} ----
_INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


class MissingVariable(ValueError):
    pass


def interpolate(value: Any, env: dict[str, str]) -> Any:
    """Resolve the compose file like `docker compose config` would (refusing missing `:?`)."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def one(m: re.Match[str]) -> str:
        name, op, arg = m[1], m[2], m[3] or ""
        found = env.get(name)
        empty = found is None or (op is not None and op.startswith(":") and found == "")
        if op in (":?", "?") and empty:
            raise MissingVariable(f"required variable {name} is missing a value: {arg}")
        if op in (":-", "-") and empty:
            return arg
        return found or ""

    return _INTERPOLATION.sub(one, value.replace("$$", "\x00")).replace("\x00", "$")


SECRETS = {
    "NEO4J_PASSWORD": "neo4j-password",
    "CREDITGRAPH_ID_HASH_KEY": "k" * 40,
    "AUTH_TOKEN_SECRET": "s" * 40,
}


@pytest.mark.parametrize("missing", ["CREDITGRAPH_ID_HASH_KEY", "AUTH_TOKEN_SECRET"])
def test_compose_does_not_validate_without_both_secrets(
    compose: dict[str, Any], missing: str
) -> None:
    env = {k: v for k, v in SECRETS.items() if k != missing}
    with pytest.raises(MissingVariable, match=missing):
        interpolate(compose, env)
    with pytest.raises(MissingVariable, match=missing):
        interpolate(compose, {**env, missing: ""})  # an empty value counts as missing


def test_compose_passes_the_secrets_and_the_http_settings(compose: dict[str, Any]) -> None:
    resolved = interpolate(compose, {**SECRETS, "CORS_ORIGINS": "https://x.example"})
    env = environment(resolved["services"]["api"])
    assert env["AUTH_TOKEN_SECRET"] == SECRETS["AUTH_TOKEN_SECRET"]
    assert env["CREDITGRAPH_ID_HASH_KEY"] == SECRETS["CREDITGRAPH_ID_HASH_KEY"]
    assert env["CORS_ORIGINS"] == "https://x.example"
    assert env["BEHIND_TLS"] == "false"
    for name in ("LOG_FORMAT", "METRICS_TOKEN", "OTEL_EXPORTER_OTLP_ENDPOINT"):
        assert name in env


def test_every_port_is_bound_to_localhost_by_default(compose: dict[str, Any]) -> None:
    resolved = interpolate(compose, SECRETS)
    for name, service in resolved["services"].items():
        for port in service.get("ports") or []:
            assert str(port).startswith("127.0.0.1:"), (name, port)
    opened = interpolate(compose, {**SECRETS, "API_BIND_ADDRESS": "0.0.0.0"})
    assert opened["services"]["api"]["ports"] == ["0.0.0.0:8000:8000"]


def test_a_demo_profile_seeds_neo4j(compose: dict[str, Any]) -> None:
    seed = interpolate(compose, SECRETS)["services"]["seed"]
    assert seed["profiles"] == ["demo"]
    assert seed["command"] == ["creditgraph", "seed"]
    assert environment(seed)["NEO4J_URI"] == "bolt://neo4j:7687"


def test_dockerfile_installs_dependencies_before_the_code_and_no_pythonpath() -> None:
    instructions = dockerfile_instructions()
    copies = [i for i, (word, _) in enumerate(instructions) if word == "COPY"]
    deps = next(i for i, (w, a) in enumerate(instructions) if w == "RUN" and "-r " in a)
    code = next(i for i in copies if instructions[i][1].startswith(". "))
    assert copies[0] < deps < code, instructions
    assert "pyproject.toml" in instructions[copies[0]][1]
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert "PYTHONPATH" not in text
    assert "[dev]" not in text
    assert "--no-deps" in instructions[code + 1][1]
