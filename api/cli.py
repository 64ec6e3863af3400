"""The `creditgraph` command: serve, db start|stop|status, migrate, seed, import."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import pkgutil
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from api import commands as commands_pkg
from api.settings import InsecureSettings, Settings, get_settings
from graph.embedded import EmbeddedError
from graph.errors import CreditGraphError

Handler = Callable[[argparse.Namespace, Settings], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        COMMANDS[name] = fn
        return fn

    return register


def fail(message: str, code: int = 2) -> int:
    print(f"creditgraph: error: {message}", file=sys.stderr)
    return code


def run_async(work: Callable[[Any], Awaitable[int]], settings: Settings) -> int:
    """Connect (starting the embedded server if needed), run `work(executor)`, disconnect."""
    from api.database import connect

    async def main() -> int:
        async with connect(settings) as executor:
            return await work(executor)

    return asyncio.run(main())


# -- serve ---------------------------------------------------------------------------------
@command("serve")
def serve(args: argparse.Namespace, settings: Settings) -> int:
    import logging.config

    import uvicorn

    from api.app import create_app
    from api.observability.logs import logging_config

    settings = settings.model_copy(
        update={"host": args.host or settings.host, "port": args.port or settings.port}
    )
    # One format (LOG_FORMAT) for the service's lines and uvicorn's, from here on.
    log_config = logging_config(settings)
    logging.config.dictConfig(log_config)
    if not settings.embedded:
        # Fail fast, naming the URI, before uvicorn starts.
        from api.database import connect

        async def probe() -> None:
            async with connect(settings):
                pass

        asyncio.run(probe())

    if args.workers < 1:
        return fail(f"--workers must be at least 1, got {args.workers}")
    if args.workers > 1:
        return _serve_processes(args, settings, log_config)

    on_startup = None
    if args.demo:
        from seeds.demo import load_demo

        on_startup = load_demo

    app = create_app(settings, on_startup=on_startup)
    url = f"http://{settings.host}:{settings.port}/graphql"
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        log_config=log_config,
        access_log=False,  # creditgraph.access writes it, with operation, role and duration
    )
    server = uvicorn.Server(config)
    original_startup = server.startup

    async def startup(sockets: Any = None) -> None:
        await original_startup(sockets)
        if server.started:
            print(f"CreditGraph is serving GraphQL at {url}", flush=True)

    server.startup = startup  # type: ignore[method-assign]
    server.run()
    return 0 if server.started else 1


def _serve_processes(args: argparse.Namespace, settings: Settings, log_config: Any) -> int:
    """`serve --workers N`: N uvicorn processes on one socket, each a whole API with its
    background workers on (leases let one at a time serve each outbox: graph/leases.py). This
    process prepares the database once (the embedded server, kept for the lifetime of the
    service; migrations; the demo data) and supervises the workers."""
    import os

    import uvicorn

    from api.database import embedded_server
    from graph.migrate import migrate

    server = None
    if settings.embedded:
        server = embedded_server(settings)
        if server.running() is None:
            server.start(attached=True)
        else:
            server = None  # someone else's (`creditgraph db start`): leave it running

    async def prepare(executor: Any) -> int:
        await migrate(executor)
        if args.demo:
            from seeds.demo import load_demo

            await load_demo(executor, settings.id_hash_key.get_secret_value().encode())
        return 0

    try:
        run_async(prepare, settings)
        # The workers build their settings from the environment (create_app's factory form).
        os.environ["HOST"], os.environ["PORT"] = settings.host, str(settings.port)
        print(
            f"CreditGraph is serving GraphQL at http://{settings.host}:{settings.port}/graphql "
            f"with {args.workers} processes",
            flush=True,
        )
        uvicorn.run(
            "api.app:create_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=args.workers,
            log_level=settings.log_level.lower(),
            log_config=log_config,
            access_log=False,
        )
    finally:
        if server is not None:
            server.stop()
    return 0


# -- db ------------------------------------------------------------------------------------
@command("db")
def db(args: argparse.Namespace, settings: Settings) -> int:
    from api.database import embedded_server

    if not settings.embedded:
        return fail(f"NEO4J_URI is set ({settings.neo4j_uri}): no embedded server to manage")
    server = embedded_server(settings)
    if args.action == "start":
        info = server.start(attached=False)
        print(f"graph server started: pid {info.pid}, {info.uri}, data in {info.data_dir}")
        return 0
    if args.action == "stop":
        stopped = server.stop()
        print("graph server stopped" if stopped else "no graph server was running")
        return 0
    found = server.running()
    if found is None:
        print(f"not running (data dir {server.data_dir})")
        return 3
    info = found
    answering = server.answers(info)
    state = "running and answering" if answering else "running but NOT answering"
    print(f"{state}: pid {info.pid}, {info.uri}, database {info.database}, data in {info.data_dir}")
    return 0 if answering else 1


# -- migrate -------------------------------------------------------------------------------
@command("migrate")
def migrate_cmd(args: argparse.Namespace, settings: Settings) -> int:
    from graph.migrate import migrate

    async def work(executor: Any) -> int:
        n = await migrate(executor)
        print(f"schema up to date ({n} statements applied)")
        return 0

    return run_async(work, settings)


# -- seed ----------------------------------------------------------------------------------
@command("seed")
def seed_cmd(args: argparse.Namespace, settings: Settings) -> int:
    from graph.migrate import migrate
    from seeds.demo import load_demo

    async def work(executor: Any) -> int:
        await migrate(executor)
        await load_demo(executor, settings.id_hash_key.get_secret_value().encode())
        print("demo data loaded")
        return 0

    return run_async(work, settings)


# -- export-schema -------------------------------------------------------------------------
@command("export-schema")
def export_schema(args: argparse.Namespace, settings: Settings) -> int:
    from api.schema import SCHEMA_FILE, schema_sdl
    from graph.model.schema import write_schema

    written = write_schema()
    SCHEMA_FILE.write_text(schema_sdl(), encoding="utf-8")
    print(f"wrote {len(written)} files under cypher/schema/ and {SCHEMA_FILE.name}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="creditgraph",
        description="CreditGraph (信用图谱): credit-based regulation over a graph.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    text = "serve GraphQL (starts the embedded database if needed)"
    p = sub.add_parser(
        "serve",
        help=text,
        description=f"{text[0].upper()}{text[1:]}. Without NEO4J_URI the embedded graph server "
        "is started on 127.0.0.1; with it, the server named there must answer first.",
    )
    p.add_argument("--host", help="bind address (default: HOST setting, 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: PORT setting, 8000)")
    p.add_argument("--demo", action="store_true", help="load the demo data before serving")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="API processes on the one port (default 1); each runs the background workers, "
        "which take turns through leases in the database",
    )

    p = sub.add_parser(
        "db",
        help="start, stop or inspect the embedded graph server",
        description="Manage the embedded graph server (used when NEO4J_URI is not set).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="actions:\n"
        "  start   start it in the background (it keeps running after this command)\n"
        "  stop    stop it\n"
        "  status  print its process id, address and data directory; exit 0 when it answers,\n"
        "          1 when it runs but does not answer, 3 when it is not running",
    )
    p.add_argument("action", choices=["start", "stop", "status"], help="start, stop or status")

    text = "create the database's constraints and indexes, and load the measure catalogue"
    sub.add_parser("migrate", help=text, description=f"{text}; safe to run again.".capitalize())
    text = "load the demo data set (a synthetic city and the README's example enterprise)"
    sub.add_parser("seed", help=text, description=f"{text}; safe to run again.".capitalize())
    sub.add_parser(
        "export-schema", help="regenerate schema.graphql and cypher/schema/ from the code and model"
    )
    add_plugin_commands(sub)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("creditgraph")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def add_plugin_commands(sub: Any) -> None:
    """Commands kept in their own modules under `api/commands/` (one module per command).

    Each module defines `NAME`, `HELP`, `configure(parser)` and `run(args, settings) -> int`.
    """
    for info in pkgutil.iter_modules(commands_pkg.__path__):
        module = importlib.import_module(f"{commands_pkg.__name__}.{info.name}")
        parser = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(parser)
        COMMANDS[module.NAME] = module.run


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("neo4j").setLevel(logging.WARNING)
    settings = get_settings()
    try:
        settings.check_production()
    except InsecureSettings as exc:
        return fail(str(exc))
    try:
        return COMMANDS[args.command](args, settings)
    except (CreditGraphError, EmbeddedError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
