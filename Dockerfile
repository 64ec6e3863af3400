# CreditGraph API, production image: talks to a Neo4j 5 server over Bolt (NEO4J_URI).
# Built by docker-compose.yml; see the README's "Running against Neo4j 5 (production)".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An unprivileged system user; the installed code stays owned by root and read-only to it.
RUN groupadd --system --gid 10001 creditgraph \
    && useradd --system --uid 10001 --gid creditgraph --home-dir /app --create-home \
       --shell /usr/sbin/nologin creditgraph

# 1. The runtime dependencies, in their own layer: a code change does not reinstall them. Only
#    `[project] dependencies` (no extras: the embedded server and the dev tools stay out), at the
#    versions constraints.txt pins.
COPY pyproject.toml constraints.txt /tmp/deps/
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('/tmp/deps/pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/deps/requirements.txt \
    && pip install -c /tmp/deps/constraints.txt -r /tmp/deps/requirements.txt \
    && rm -rf /tmp/deps

# 2. The package itself, as a wheel would install it (Cypher files and seeds as package data);
#    the source is removed again, so nothing runs from a source tree.
COPY . /tmp/src
RUN pip install --no-deps /tmp/src \
    && rm -rf /tmp/src \
    && python -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('arcadedb_embedded') is not None)" \
    && python -c "from graph.cypher import REGISTRY; assert len(REGISTRY) > 0, 'no cypher/ statements found'" \
    && creditgraph --version

WORKDIR /app
USER 10001:10001

EXPOSE 8000

HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]

CMD ["creditgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
