# CreditGraph API, production image: talks to a Neo4j 5 server over Bolt (NEO4J_URI).
# Built by docker-compose.yml; see the README's "Running against Neo4j 5 (production)".
FROM python:3.11-slim

# PYTHONPATH: the code finds its data beside the packages (graph/cypher.py reads ../cypher/,
# api/schema.py reads ../schema.graphql), which a plain `pip install .` into site-packages
# does not carry, so the packages are imported from the source tree in /app.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# An unprivileged system user; the code stays owned by root and read-only to it.
RUN groupadd --system --gid 10001 creditgraph \
    && useradd --system --uid 10001 --gid creditgraph --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin creditgraph

COPY . .

# No extras: the embedded graph server (`[embedded]`, arcadedb-embedded with its own JRE) stays
# out of the production image, which always has NEO4J_URI set.
RUN pip install -c constraints.txt . \
    && python -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('arcadedb_embedded') is not None)" \
    && python -c "from graph.cypher import REGISTRY; assert len(REGISTRY) > 0, 'no cypher/ statements found'" \
    && creditgraph --help > /dev/null \
    && rm -rf build ./*.egg-info \
    && python -m compileall -q api graph resolvers seeds bench

USER 10001:10001

EXPOSE 8000

HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]

CMD ["creditgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
