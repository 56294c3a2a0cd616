"""A read-only SPARQL 1.1 Protocol endpoint over a built graph: the Oxigraph server.

The graph is bulk-loaded with `oxigraph load` into a scratch database, then
served with `oxigraph serve-read-only`, which answers queries and refuses
updates. It binds 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError, UsageError

log = logging.getLogger(__name__)


class ServerError(KGError):
    """The SPARQL server could not be started."""


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


def start(graph: Path, host: str = "127.0.0.1", port: int = 7878,
          timeout: float = 30.0) -> Server:
    """Load `graph` and start serving it read-only; returns once queries are answered."""
    graph = Path(graph)
    if not graph.is_file():
        raise UsageError(f"{graph}: no such graph file")
    binary = oxigraph_binary()
    with socket.socket() as probe:  # a server already there would answer our readiness check
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ServerError(f"cannot listen on {host}:{port}: {exc.strerror} "
                              "(is the port in use? choose another with --port)") from None
    workdir = tempfile.TemporaryDirectory(prefix="kg-oxigraph-")
    location = os.path.join(workdir.name, "db")
    load = subprocess.run([binary, "load", "--location", location, "--file", str(graph)],
                          capture_output=True, text=True)
    if load.returncode != 0:
        workdir.cleanup()
        reason = (load.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise ServerError(f"oxigraph could not load {graph}: {reason}")
    process = subprocess.Popen([binary, "serve-read-only", "--location", location,
                                "--bind", f"{host}:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    reachable = "127.0.0.1" if host == "0.0.0.0" else host
    server = Server(f"http://{reachable}:{port}/query", process, workdir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = (process.stderr.read() or "").strip().splitlines()
            server.stop()
            raise ServerError(f"oxigraph stopped at start: {err[-1] if err else 'no message'}"
                              f" (is port {port} in use?)")
        try:
            with urllib.request.urlopen(server.url + "?query=ASK%7B%7D", timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    server.stop()
    raise ServerError(f"oxigraph did not answer on {host}:{port} within {timeout:.0f} s")
