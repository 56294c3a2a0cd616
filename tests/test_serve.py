"""The real Oxigraph server over HTTP: queries answered, updates refused."""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.serve import free_port, start

pytestmark = pytest.mark.server


def post(url: str, body: str, content_type: str, accept: str = "application/json"):
    req = urllib.request.Request(url, data=body.encode("utf-8"), method="POST",
                                 headers={"Content-Type": content_type, "Accept": accept})
    return urllib.request.urlopen(req, timeout=10)


def test_sparql_protocol_over_http(seeds_graph):
    with start(seeds_graph, "127.0.0.1", free_port()) as server:
        assert server.url.startswith("http://127.0.0.1:")
        q = """PREFIX kg: <https://w3id.org/kg-ko/ontology#>
               PREFIX schema: <https://schema.org/>
               SELECT ?v WHERE { ?i a kg:Investment ; schema:amount/schema:value ?v }"""
        with urllib.request.urlopen(server.url + "?" + urllib.parse.urlencode({"query": q}),
                                    timeout=10) as r:
            assert r.status == 200
            data = json.load(r)
        values = {int(b["v"]["value"]) for b in data["results"]["bindings"]}
        assert 38300000000 in values
        with post(server.url, q, "application/sparql-query") as r:
            assert r.status == 200
        for url, ctype in ((server.url.replace("/query", "/update"), "application/sparql-update"),
                           (server.url, "application/sparql-update")):
            with pytest.raises(urllib.error.HTTPError) as exc:
                post(url, "DROP ALL", ctype)
            assert exc.value.code in (403, 405, 415)
        with urllib.request.urlopen(server.url + "?" + urllib.parse.urlencode({"query": q}),
                                    timeout=10) as r:
            assert len(json.load(r)["results"]["bindings"]) == len(values)  # nothing dropped
    assert server.process.poll() is not None


def test_a_busy_port_is_a_clear_error(seeds_graph):
    from kg.serve import ServerError

    with start(seeds_graph, "127.0.0.1", free_port()) as first:
        port = int(first.url.rsplit(":", 1)[1].split("/")[0])
        with pytest.raises(ServerError, match="port"):
            start(seeds_graph, "127.0.0.1", port, timeout=10)


def test_port_is_reusable_at_once_after_a_stop(seeds_graph):
    port = free_port()
    for _ in range(2):  # the second start would fail while the first's sockets linger
        with start(seeds_graph, "127.0.0.1", port) as server:
            with urllib.request.urlopen(server.url + "?query=ASK%7B%7D", timeout=10) as r:
                assert r.status == 200


def test_query_timeout_is_passed_to_oxigraph(seeds_graph):
    with start(seeds_graph, "127.0.0.1", free_port(), query_timeout=7) as server:
        args = server.process.args
        assert args[args.index("--timeout-s") + 1] == "7"
        assert "--union-default-graph" in args


def test_a_file_kg_does_not_read_is_refused(tmp_path):
    from kg.errors import UsageError

    bad = tmp_path / "graph.xml"
    bad.write_text("<x/>", encoding="utf-8")
    with pytest.raises(UsageError, match="graph.xml: not a graph kg reads"):
        start(bad, "127.0.0.1", free_port())


def test_sigterm_while_loading_leaves_nothing_behind(tmp_path, seeds_out):
    """kg serve, killed with SIGTERM as soon as its scratch folder exists (while oxigraph
    loads a large graph): no oxigraph process and no scratch folder remain."""
    import os
    import signal
    import subprocess
    import sys
    import time

    big = tmp_path / "big.nt"
    lines = (seeds_out / "graph.nt").read_bytes().splitlines(keepends=True)
    with open(big, "wb") as fh:
        for i in range(150):  # ~400,000 distinct triples: loading takes a while
            fh.write(b"".join(ln.replace(b"/id/", b"/id/%d-" % i, 1) for ln in lines))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(big), "--port",
                             str(free_port())], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(scratch.glob("kg-oxigraph-*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(scratch.glob("kg-oxigraph-*")), "the server never started loading"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    time.sleep(0.5)
    assert not list(scratch.iterdir())
    leftover = subprocess.run(["pgrep", "-f", str(scratch)], capture_output=True, text=True)
    assert leftover.stdout.strip() == ""
