"""The embedded graph server: ArcadeDB with its Bolt plugin, run as a child JVM.

Why a child process: the `arcadedb-embedded` wheel ships a JRE and the server jars, but the Python
package only offers an in-process (JPype) route; a separate JVM keeps the app's event loop and
memory apart and lets the same `neo4j` driver talk to it over Bolt exactly as to Neo4j.

One data directory, one server: `server.json` in the data dir records the pid and ports, and a
live process whose command line names that directory means "running". An attached server (the
`serve` command, the tests) dies with its parent through PR_SET_PDEATHSIG, so no JVM outlives us.
"""

from __future__ import annotations

import ctypes
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import neo4j

from graph.cypher import statement

PING = statement("system/ping")
PR_SET_PDEATHSIG = 1
JVM_FLAGS = (
    "-Djava.awt.headless=true",
    "--add-modules=jdk.incubator.vector",
    "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/java.nio.channels.spi=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
)


class EmbeddedError(RuntimeError):
    """The embedded server could not be started, found or stopped."""


def package_dir() -> Path:
    """Where the `arcadedb-embedded` wheel keeps its JRE and jars."""
    try:
        import arcadedb_embedded
    except ImportError as exc:  # pragma: no cover - install problem
        raise EmbeddedError(
            "the embedded graph server needs the 'embedded' extra: pip install -e '.[embedded]'"
        ) from exc
    return Path(arcadedb_embedded.__file__).resolve().parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    os.setsid()  # Ctrl-C goes to us, not the JVM; we stop it in order.


@dataclass
class ServerInfo:
    pid: int
    bolt_port: int
    http_port: int
    database: str
    data_dir: str
    attached: bool

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


class EmbeddedServer:
    """Start, find and stop the ArcadeDB server that owns one data directory."""

    def __init__(
        self,
        data_dir: Path,
        *,
        database: str = "creditgraph",
        bolt_port: int = 7687,
        http_port: int = 2480,
        heap: str = "2g",
        password: str | None = None,
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.database = database
        self.bolt_port = bolt_port
        self.http_port = http_port
        self.heap = heap
        self._password = password
        self.process: subprocess.Popen[bytes] | None = None

    # -- files in the data directory -------------------------------------------------------
    @property
    def info_file(self) -> Path:
        return self.data_dir / "server.json"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "log" / "server.out"

    @property
    def password(self) -> str:
        """The root password: given, or generated once and kept (mode 600) in the data dir."""
        if self._password:
            return self._password
        secret = self.data_dir / ".root-password"
        if not secret.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            secret.write_text(secrets.token_urlsafe(18))
            secret.chmod(0o600)
        return secret.read_text().strip()

    # -- status ----------------------------------------------------------------------------
    def running(self) -> ServerInfo | None:
        """The live server on this data dir, or None (a stale `server.json` is removed)."""
        try:
            info = ServerInfo(**json.loads(self.info_file.read_text()))
        except (OSError, ValueError, TypeError):
            return None
        try:
            cmdline = Path(f"/proc/{info.pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            cmdline = ""
        if f"rootPath={self.data_dir}\0" in cmdline or cmdline.endswith(
            f"rootPath={self.data_dir}"
        ):
            return info
        self.info_file.unlink(missing_ok=True)
        return None

    def answers(self, info: ServerInfo, timeout: float = 3.0) -> bool:
        """True if the server runs `RETURN 1` over Bolt."""
        try:
            with (
                neo4j.GraphDatabase.driver(
                    info.uri, auth=("root", self.password), connection_timeout=timeout
                ) as driver,
                driver.session(database=info.database) as session,
            ):
                return session.run(PING.body).single() is not None
        except Exception:
            return False

    # -- start / stop ----------------------------------------------------------------------
    def command(self) -> list[str]:
        pkg = package_dir()
        java = pkg / "jre" / "bin" / "java"
        props = {
            "arcadedb.server.rootPath": str(self.data_dir),
            "arcadedb.server.databaseDirectory": str(self.data_dir / "databases"),
            "arcadedb.server.logsDirectory": str(self.data_dir / "log"),
            "arcadedb.server.rootPassword": self.password,
            "arcadedb.server.plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "arcadedb.server.mode": "production",
            "arcadedb.bolt.host": "127.0.0.1",
            "arcadedb.bolt.port": str(self.bolt_port),
            "arcadedb.server.httpIncomingHost": "127.0.0.1",
            "arcadedb.server.httpIncomingPort": str(self.http_port),
            "arcadedb.server.httpsIncomingPort": str(self.http_port + 1),
            "arcadedb.server.defaultDatabases": f"{self.database}[root]",
            "arcadedb.bolt.defaultDatabase": self.database,
            "arcadedb.txWalFlush": "2",
            "arcadedb.polyglotEngineEnabled": "false",
        }
        return [
            str(java),
            f"-Xmx{self.heap}",
            *JVM_FLAGS,
            *(f"-D{k}={v}" for k, v in props.items()),
            "-cp",
            str(pkg / "jars" / "*"),
            "com.arcadedb.server.ArcadeDBServer",
        ]

    def start(self, *, attached: bool = True, timeout: float = 60.0) -> ServerInfo:
        """Start the server and wait until it answers `RETURN 1`.

        Refuses when a server already runs on this data dir or a port is taken. `attached`
        servers are killed by the kernel when this process dies.
        """
        if existing := self.running():
            raise EmbeddedError(
                f"a graph server (pid {existing.pid}) already runs on {self.data_dir} "
                f"at {existing.uri}; stop it with 'creditgraph db stop' or use it"
            )
        for port in (self.bolt_port, self.http_port, self.http_port + 1):
            if _port_in_use(port):
                raise EmbeddedError(f"port {port} on 127.0.0.1 is already in use")
        (self.data_dir / "log").mkdir(parents=True, exist_ok=True)
        secret = self.data_dir / ".root-password"
        if self._password and not secret.exists():
            secret.write_text(self._password)
            secret.chmod(0o600)
        out = self.log_file.open("ab")
        self.process = subprocess.Popen(
            self.command(),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=self.data_dir,
            preexec_fn=_die_with_parent if attached else os.setsid,
        )
        out.close()
        info = ServerInfo(
            pid=self.process.pid,
            bolt_port=self.bolt_port,
            http_port=self.http_port,
            database=self.database,
            data_dir=str(self.data_dir),
            attached=attached,
        )
        self.info_file.write_text(json.dumps(asdict(info)))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.info_file.unlink(missing_ok=True)
                raise EmbeddedError(
                    f"the graph server exited with code {self.process.returncode}; "
                    f"see {self.log_file}"
                )
            if _port_in_use(self.bolt_port) and self.answers(info, timeout=2.0):
                return info
            time.sleep(0.2)
        self.stop()
        raise EmbeddedError(f"the graph server did not answer within {timeout:g} s")

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server on this data dir (SIGTERM, then SIGKILL). True if one was running."""
        info = self.running()
        pid = info.pid if info else (self.process.pid if self.process else None)
        if pid is None:
            return False
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            self.info_file.unlink(missing_ok=True)
            return False
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                break
            if self.process is None and not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            if self.process is not None:
                self.process.wait(5)
        self.info_file.unlink(missing_ok=True)
        return True
