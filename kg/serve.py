"""A read-only SPARQL 1.1 Protocol endpoint over a built graph: the Oxigraph server.

An output folder's store (kg.store) is served as it is, with `oxigraph serve-read-only`,
which answers queries and refuses updates; a graph file (or a folder without a store)
is first bulk-loaded with `oxigraph load` into a scratch folder. Queries see the union
of the graphs (N-Quads keep each document in its own graph) and are stopped after
`query_timeout` seconds. It binds 127.0.0.1 unless told otherwise.

Nothing is left behind: the child processes die with this one (and are stopped when it
is), the scratch folder is removed whenever starting fails or is interrupted, and
`stop_on_signals()` turns SIGTERM and SIGHUP into an exception so that the same
clean-up runs. The port can be used again at once after a stop (SO_REUSEADDR: a
stopped server's connections in TIME_WAIT do not count as the port being in use).
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError

log = logging.getLogger(__name__)


DEFAULT_QUERY_TIMEOUT = 30.0  # seconds


class ServerError(KGError):
    """The SPARQL server could not be started."""


class Stopped(BaseException):
    """A termination signal arrived (see stop_on_signals)."""


_requested: list[str] = []  # signals received: an exception raised by a handler can be lost


@contextlib.contextmanager
def stop_on_signals(signals=(signal.SIGTERM, signal.SIGHUP)):
    """Within the block, those signals raise Stopped, so `finally` clean-ups run. A
    signal that lands in a callback Python ignores exceptions from (logging's fork hook
    while a subprocess starts) is remembered and raised at the next check_stop()."""
    def handler(signum, _frame):
        _requested.append(signal.Signals(signum).name)
        raise Stopped(_requested[-1])

    previous = {sig: signal.signal(sig, handler) for sig in signals}
    _requested.clear()
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def check_stop() -> None:
    """Raise Stopped if a termination signal arrived whose exception was swallowed."""
    if _requested:
        raise Stopped(_requested[-1])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the child gets SIGTERM when kg dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def oxigraph_binary() -> str:
    """The `oxigraph` executable of the PyPI package `oxigraph`."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        raise ServerError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _check_port(host: str, port: int) -> None:
    """Refuse a port another server listens on (ours would answer our readiness check)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as oxigraph binds
        try:
            probe.bind((host, port))
            probe.listen(1)
        except OSError as exc:
            raise ServerError(f"cannot listen on {host}:{port}: {exc.strerror} "
                              "(is the port in use? choose another with --port)") from None


@dataclass
class Server:
    url: str                              # the SPARQL query endpoint
    process: subprocess.Popen
    workdir: tempfile.TemporaryDirectory = field(repr=False)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.workdir.cleanup()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


def start(graph: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          query_timeout: float = DEFAULT_QUERY_TIMEOUT) -> Server:
    """Serve `graph` read-only: an output folder's store as it is, else (a file kg reads,
    or a folder without a store) the graph loaded into a scratch store; returns once
    queries are answered. `timeout` bounds the start, `query_timeout` each query."""
    from kg.rdfload import graph_file
    from kg.store import store_path

    store = store_path(Path(graph)) if Path(graph).is_dir() else None
    graph = graph_file(Path(graph)) if store is None else Path(graph)
    binary = oxigraph_binary()
    _check_port(host, port)
    workdir = tempfile.TemporaryDirectory(prefix="kg-oxigraph-")
    process = None
    try:
        if store is not None:
            location = str(store)
        else:
            location = os.path.join(workdir.name, "db")
            # run() kills the loader if anything (a signal turned exception) interrupts it
            load = subprocess.run([binary, "load", "--location", location, "--file",
                                   str(graph)], capture_output=True, text=True,
                                  preexec_fn=_die_with_parent)
            check_stop()
            if load.returncode != 0:
                reason = (load.stderr.strip().splitlines() or ["unknown error"])[-1]
                raise ServerError(f"oxigraph could not load {graph}: {reason}")
        log_path = os.path.join(workdir.name, "server.log")  # a pipe nobody reads would fill
        with open(log_path, "wb") as log_file:
            process = subprocess.Popen(
                [binary, "serve-read-only", "--location", location, "--bind", f"{host}:{port}",
                 "--union-default-graph", "--timeout-s", f"{query_timeout:g}"],
                stdout=subprocess.DEVNULL, stderr=log_file, preexec_fn=_die_with_parent)
        reachable = "127.0.0.1" if host == "0.0.0.0" else host
        server = Server(f"http://{reachable}:{port}/query", process, workdir)
        _wait_until_ready(server, host, port, timeout, log_path)
        check_stop()
        return server
    except BaseException:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        workdir.cleanup()
        raise


def _wait_until_ready(server: Server, host: str, port: int, timeout: float,
                      log_path: str) -> None:
    process = server.process
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            with open(log_path, encoding="utf-8", errors="replace") as fh:
                err = fh.read().strip().splitlines()
            raise ServerError(f"oxigraph stopped at start: {err[-1] if err else 'no message'}"
                              f" (is port {port} in use?)")
        try:
            with urllib.request.urlopen(server.url + "?query=ASK%7B%7D", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise ServerError(f"oxigraph did not answer on {host}:{port} within {timeout:.0f} s")
