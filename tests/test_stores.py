"""Every export loaded into real stores, answering as the Turtle does: the same rows (as
a bag, no DISTINCT added) and the same sums. RDF files in pyoxigraph (embedded), rdflib
and the Oxigraph server over HTTP (as `kg serve` runs it); the Kùzu CSVs into Kùzu and
LadybugDB by their own script, each in a process of its own (the two libraries cannot
share one). And the README's recipe for replacing one article, run as written."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg import query as q
from kg.serve import free_port, start

ROOT = Path(__file__).resolve().parent.parent
RDF_FILES = ("graph.ttl", "graph.nt", "graph.nq", "graph.jsonld")
PARAMS = {"neighbourhood": {"name": "MSIT"}, "partners": {"name": "아마존웹서비스"}}
SUMS = """PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/kg-ko/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT (SUM(?v) AS ?total) (COUNT(?v) AS ?amounts) WHERE { ?i schema:amount/schema:value ?v }"""
EVIDENCE = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT (COUNT(*) AS ?evidence) WHERE { ?st a rdf:Statement }"""


def _queries() -> list[tuple[str, str]]:
    out = [(nq.name, q.bind(nq.text, PARAMS.get(nq.name))) for nq in q.list_queries()]
    return out + [("sums", SUMS), ("statements", EVIDENCE), ("all", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")]


def _bag(rows) -> Counter:
    return Counter(tuple(rows))


def _oxigraph_answers(path: Path) -> dict[str, Counter]:
    store = q.load_store(path)
    out = {}
    for name, text in _queries():
        res = store.query(text, use_default_graph_as_union=True)
        variables = [v.value for v in res.variables]
        out[name] = _bag(tuple(_plain(row[v]) for v in variables) for row in res)
    return out


def _plain(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(
            ("#integer", "#nonNegativeInteger", "#decimal")):
        return str(int(float(term.value)))  # one spelling of a number in every store
    return term.value


@pytest.fixture(scope="module")
def expected(seeds_out) -> dict[str, Counter]:
    answers = _oxigraph_answers(seeds_out / "graph.ttl")
    assert sum(answers["investments"].values()) == 6
    assert sum(answers["all"].values()) > 1000
    return answers


@pytest.mark.parametrize("name", RDF_FILES[1:] + (".",))
def test_embedded_oxigraph_answers_like_the_turtle(seeds_out, expected, name):
    """Each file parsed into an in-memory store, and the build's store ("."), opened."""
    assert _oxigraph_answers(seeds_out / name) == expected


def test_an_output_folder_is_queried_through_its_store(seeds_out, tmp_path, expected):
    import shutil

    import pyoxigraph

    opened = q.load_store(seeds_out)
    with pytest.raises(RuntimeError, match="read-write"):  # the build's store, not a copy
        opened.update("INSERT DATA { <http://a> <http://b> <http://c> }")
    bare = tmp_path / "bare"  # a folder without a store: its graph.nq is parsed
    shutil.copytree(seeds_out, bare, ignore=shutil.ignore_patterns("graph.oxigraph"))
    assert isinstance(q.load_store(bare), pyoxigraph.Store)
    assert _oxigraph_answers(bare) == expected


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("name", ["graph.nq", "graph.jsonld"])
def test_rdflib_answers_like_the_turtle(seeds_out, expected, name):
    ds = Dataset(default_union=True)
    ds.parse(seeds_out / name, format="nquads" if name.endswith(".nq") else "json-ld")
    for query_name, text in _queries():
        if query_name == "all":
            got = _bag((s, p, o) for s, p, o, _g in ds.quads())
            got = _bag((str(s), str(p), _rdflib_plain(o)) for s, p, o in got)
        else:
            res = ds.query(text)
            got = _bag(tuple(_rdflib_plain(row[v]) for v in res.vars) for row in res)
        assert got == expected[query_name], query_name


def _rdflib_plain(term):
    if term is None:
        return None
    datatype = str(getattr(term, "datatype", "") or "")
    if datatype.endswith(("#integer", "#nonNegativeInteger", "#decimal")):
        return str(int(float(term)))
    return str(term)


@pytest.mark.server
@pytest.mark.parametrize("name", ["graph.nq", "graph.jsonld", "."])
def test_oxigraph_server_answers_like_the_turtle(seeds_out, expected, name):
    with start(seeds_out / name, "127.0.0.1", free_port()) as server:
        for query_name, text in _queries():
            url = server.url + "?" + urllib.parse.urlencode({"query": text})
            req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=30) as r:
                data = json.load(r)
            variables = data["head"]["vars"]
            got = _bag(tuple(_json_plain(b.get(v)) for v in variables)
                       for b in data["results"]["bindings"])
            assert got == expected[query_name], query_name


def _json_plain(binding):
    if binding is None:
        return None
    if binding.get("datatype", "").endswith(("#integer", "#nonNegativeInteger", "#decimal")):
        return str(int(float(binding["value"])))
    return binding["value"]


CYPHER = """
import json, sys
engine = __import__(sys.argv[1])
conn = engine.Connection(engine.Database(sys.argv[2]))
conn.execute(open("kuzu/load.cypher", encoding="utf-8").read())
def rows(query):
    r = conn.execute(query); out = []
    while r.has_next(): out.append(r.get_next())
    return out
print(json.dumps({
  "investments": rows("MATCH (o)-[:INVESTS]->(i) RETURN o.label, i.label, i.amount, i.currency"),
  "sums": rows("MATCH (i:Investment) RETURN sum(i.amount), count(i.amount)")[0]
          + [int(rows("MATCH ()-[r]->() RETURN sum(size(r.sentences))")[0][0])],
  "nodes": rows("MATCH (n) RETURN count(n)")[0][0],
  "sentences": sorted(s for row in rows("MATCH ()-[r]->() RETURN r.sentences") for s in row[0]),
}, ensure_ascii=False, default=str))
"""


@pytest.mark.parametrize("engine", ["ladybug", "kuzu"])
def test_kuzu_files_load_unchanged_into_embedded_cypher_databases(tmp_path, seeds_out,
                                                                  seeds_result, engine):
    out = subprocess.run([sys.executable, "-c", CYPHER, engine, str(tmp_path / "db")],
                         cwd=seeds_out, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout)
    store = q.load_store(seeds_out / "graph.ttl")
    want = sorted((r["o"].value, r["i"].value, int(r["v"].value), r["c"].value)
                  for r in store.query("""PREFIX kg: <https://w3id.org/kg-ko/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX schema: <https://schema.org/>
        SELECT ?o ?i ?v ?c WHERE { ?x kg:invests ?y . ?x rdfs:label ?o . ?y rdfs:label ?i ;
          schema:amount [ schema:value ?v ; schema:currency ?c ] }"""))
    assert sorted(tuple(r) for r in got["investments"]) == want
    sums = next(iter(store.query(SUMS)))
    evidence = next(iter(store.query(EVIDENCE)))
    assert [int(got["sums"][0]), got["sums"][1], got["sums"][2]] == [
        int(sums["total"].value), int(sums["amounts"].value), int(evidence["evidence"].value)]
    data = seeds_result.data
    assert got["nodes"] == len(data.entities)
    assert got["sentences"] == sorted(ev.text for r in data.relations for ev in r.evidence)


# ---------------------------------------------------------------- the README's recipe

def _recipe() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- recipe: replace one article -->\n```sh\n(.*?)```", readme, re.S)
    assert m, "README: the recipe block is missing"
    return m.group(1)


def test_readme_recipe_replaces_one_article(tmp_path, pipeline):
    """Build a corpus, load it into an Oxigraph store, edit one article, then run the
    README's block as it is: the store then holds exactly the new build's quads."""
    from kg.pipeline import build

    news = tmp_path / "news"
    shutil.copytree(ROOT / "seeds", news)
    build([news], tmp_path / "out", pipeline=pipeline, cache_dir=tmp_path / ".kgcache")
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["oxigraph", "load", "--location", "db", "--file", "out/graph.nq"],
                   cwd=tmp_path, env=env, check=True, capture_output=True)
    article = news / "002_430102f8735eb5df.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.split("\n\n")[0] + "\n\n한국데이터산업협회는 서울에서 "
                       "데이터 바우처 사업을 운영한다.\n", encoding="utf-8")

    run = subprocess.run(["bash", "-euo", "pipefail", "-c", _recipe()], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]

    dump = subprocess.run(["oxigraph", "dump", "--location", "db", "--format", "nq"],
                          cwd=tmp_path, env=env, check=True, capture_output=True)
    got, want = ox.Store(), ox.Store()  # both through a store: the same literal forms
    got.load(dump.stdout, format=ox.RdfFormat.N_QUADS)
    want.load(path=str(tmp_path / "out" / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    assert set(got) == set(want)
    want = set(want)
    assert any("데이터 바우처" in x.object.value for x in want
               if isinstance(x.object, ox.Literal))


# ---------------------------------------------------------------- kg eval / kg validate

@pytest.mark.parametrize("name", RDF_FILES[1:] + (".",))
def test_eval_reads_every_format_like_the_turtle(seeds_out, name):
    from kg.evaluate import evaluate

    gold = Path(__file__).resolve().parent / "data" / "gold"
    assert evaluate(seeds_out / name, gold).as_dict() == evaluate(
        seeds_out / "graph.ttl", gold).as_dict()


def test_validate_finds_faults_planted_in_nquads(tmp_path, seeds_out):
    """Faults in a document's named graph and in the default graph are both seen."""
    from kg.validate import validate

    assert validate(seeds_out / "graph.nq").conforms
    lines = (seeds_out / "graph.nq").read_text(encoding="utf-8").splitlines()
    doc = next(ln for ln in lines if "/doc/002_" in ln and "#mentionedIn" in ln)
    entity = doc.split(" ", 1)[0]
    graph = doc.rsplit(" ", 2)[-2]
    planted = [
        # a second label, in the default graph; an evidence record with no source, in a
        # document's graph
        f'{entity} <http://www.w3.org/2000/01/rdf-schema#label> "둘째 이름"@ko .',
        f"<https://w3id.org/kg-ko/id/evidence-planted> "
        f"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        f"<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> {graph} .",
    ]
    bad = tmp_path / "bad.nq"
    bad.write_text("\n".join(lines + planted) + "\n", encoding="utf-8")
    result = validate(bad)
    assert not result.conforms
    focus = {v.focus_node for v in result.errors}
    assert any("evidence-planted" in f for f in focus)
    assert any(v.path == "rdfs:label" for v in result.errors)
