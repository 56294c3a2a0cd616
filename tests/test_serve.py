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
