"""The `kg` command: a thin layer over the library.

Exit codes: 0 all documents read; 1 some documents skipped (listed); 2 usage or
fatal error.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

# One BLAS thread (read when numpy loads): the page's layouts are small, and several
# threads each only contend with the build's worker processes.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from kg.documents import DEFAULT_MAX_BYTES
from kg.errors import KGError


class _Group(click.Group):
    """Turns the library's errors into one line and exit code 2, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group)
@click.version_option(package_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Log progress and details.")
def main(verbose: bool) -> None:
    """Build knowledge graphs of Korean public-sector AI news, and use them."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("output"), show_default=True, help="Folder for the outputs.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Skip input files larger than this.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that extract and write (each loads Kiwi, ~0.5 GB); "
                   "default: one per processor this process may use, or none (this "
                   "process alone) for inputs under 2 MB.")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Keep extractions here; a rebuild re-reads only changed documents.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://host:8786); merging stays here.")
@click.option("--field", "fields", multiple=True, metavar="FIELD=NAME",
              help="In .jsonl, .json and .csv files, read FIELD (text, title, date, url, "
                   "publisher, author) from the field or column NAME (repeatable); by default "
                   "the usual names are tried (text/content/body, date/published, url/link, "
                   "source/outlet…).")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar (there is none when standard error is not a terminal).")
def build(inputs: tuple[Path, ...], out_dir: Path, max_bytes: int, jobs: int | None,
          cache_dir: Path | None, dask_address: str | None, fields: tuple[str, ...],
          quiet: bool) -> None:
    """Build the graph of INPUTS (files or folders of .txt, .md, .html, .pdf, .docx,
    .hwpx, .hwp; .jsonl, .json, .csv collections of articles) into OUT.

    Writes graph.ttl (RDF Turtle), the other formats, graph.html (an interactive view)
    and graph.oxigraph (a store that kg query and kg serve open), then prints a report:
    documents read, entities by type, relations by predicate, and every file that was
    skipped, with the reason. On a terminal a progress bar shows each stage.
    """
    from kg.documents.records import parse_fields
    from kg.pipeline import build as run_build
    from kg.progress import bars

    progress = bars(sys.stderr, quiet)
    try:
        result = run_build(inputs, out_dir, max_bytes=max_bytes, jobs=jobs,
                           cache_dir=cache_dir, dask_address=dask_address,
                           fields=parse_fields(list(fields)), progress=progress)
    finally:
        progress.close()
    click.echo(f"documents read: {result.documents}")
    click.echo(f"entities: {len(result.entities)}  "
               + "  ".join(f"{k}={v}" for k, v in result.entity_counts.items()))
    click.echo(f"relations: {sum(result.relation_counts.values())}  "
               + "  ".join(f"{k}={v}" for k, v in result.relation_counts.items()))
    click.echo(f"rejected by domain/range: {result.rejected}")
    texts = [p for p in result.outputs if p.parent.name == "text"]
    for path in result.outputs:
        if path.parent.name != "text":
            click.echo(f"wrote {path}")
    if texts:
        click.echo(f"wrote {len(texts)} document texts in {texts[0].parent}")
    for err in result.errors:
        click.echo(f"skipped {err}", err=True)
    if result.errors:
        click.echo(f"warnings: {len(result.errors)} input(s) skipped", err=True)
        sys.exit(1)


@main.command("eval")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path),
              help="Folder of gold annotation JSON files (see ANNOTATION.md).")
@click.option("--verbose", is_flag=True, help="List every false positive and false negative.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--by-rule", is_flag=True,
              help="Per extraction rule: its right and wrong entities and relations.")
@click.option("--by-genre", is_flag=True,
              help="Scores per genre (gold file names' prefix: budget-01 -> budget).")
def evaluate(graph: Path, gold_dir: Path, verbose: bool, as_json: bool, by_rule: bool,
             by_genre: bool) -> None:
    """Score GRAPH (Turtle) against gold annotations: P/R/F1 for entities (per type),
    relations and money; --by-rule and --by-genre say where the numbers come from."""
    from kg.report import evaluate_breakdown, format_by_genre, format_by_rule
    from kg.evaluate import evaluate as run_eval
    from kg.report import format_report

    report = run_eval(graph, gold_dir)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(format_report(report, verbose=verbose))
    if by_rule or by_genre:
        rules, genres = evaluate_breakdown(graph, gold_dir)
        if by_genre:
            click.echo("\n" + format_by_genre(genres))
        if by_rule:
            click.echo("\n" + format_by_rule(rules))


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--gold", "gold_dirs", required=True, multiple=True,
              type=click.Path(path_type=Path, file_okay=False),
              help="Folder of gold annotation JSON files, one per input text (repeatable).")
@click.option("--exclude", multiple=True, metavar="PATTERN",
              help="Leave out texts whose name (without .txt) matches, e.g. 'h7-*' "
                   "(repeatable): the texts kept for checking.")
@click.option("-o", "--out", "out_file", required=True,
              type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the model (ontology/models/relations.json is the one "
                   "kg build uses).")
@click.option("--c", "c", type=click.FloatRange(min=0.001), default=0.5, show_default=True,
              help="Inverse regularisation strength of the logistic regression.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="The probability at which the model adds a relation.")
@click.option("--quotes-out", "quotes_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Also train the quote type model (kg.quotetypes) and write it here "
                   "(ontology/models/quotes.json is the one kg build uses); the relation "
                   "model is then trained with quotes typed by it.")
def train(inputs: tuple[Path, ...], gold_dirs: tuple[Path, ...], exclude: tuple[str, ...],
          out_file: Path, c: float, threshold: float, quotes_file: Path | None) -> None:
    """Train the relation model (kg.learned) on INPUTS' texts and their gold annotations;
    needs scikit-learn (pip install 'kg[train]')."""
    from kg.training import train_files, write_model

    model, quotes = train_files(inputs, gold_dirs, exclude, with_quotes=quotes_file is not None,
                                c=c, threshold=threshold)
    if quotes is not None:
        write_model(quotes, quotes_file)
        cv = quotes["cross_validated"][str(quotes["threshold"])]
        click.echo(f"{quotes['examples']} quoted names, {len(quotes['weights'])} weights, "
                   f"threshold {quotes['threshold']}, cross-validated retypings "
                   f"{cv['fixed']} right, {cv['broke']} wrong: {quotes_file}")
    write_model(model, out_file)
    click.echo(f"{len(model['documents'])} documents, {model['examples']} examples "
               f"({model['positives']} related), {len(model['weights'])} weights, "
               f"threshold {model['threshold']}: {out_file}")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
def validate(graph: Path) -> None:
    """Check GRAPH against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validate import format_violations
    from kg.validate import validate as run_validate

    result = run_validate(graph)
    if result.conforms and not result.violations:
        click.echo(f"{graph}: conforms to the shapes")
        return
    click.echo(format_violations(result))
    if not result.conforms:
        sys.exit(1)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Read the query from this .rq file.")
@click.option("--name", "query_name", help="Run a saved query of ontology/queries/ by name.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to the string VALUE (repeatable); --list shows each saved "
                   "query's parameters.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "tsv"]),
              default="table", show_default=True,
              help="Output: a table or a SPARQL results format.")
@click.option("--list", "list_only", is_flag=True, help="List the saved queries and exit.")
def query(graph: Path | None, sparql: str | None, query_file: Path | None,
          query_name: str | None, params: tuple[str, ...], fmt: str, list_only: bool) -> None:
    """Run a SPARQL 1.1 SELECT or ASK query over GRAPH (an output folder: its store, opened
    not parsed; or a Turtle, N-Triples, N-Quads or JSON-LD file): the query as text, from
    --file, or a saved one with --name."""
    from kg import query as q
    from kg.errors import UsageError

    if list_only:
        click.echo(q.format_list(q.list_queries()))
        return
    sources = [x for x in (sparql, query_file, query_name) if x]
    if graph is None or len(sources) != 1:
        raise UsageError("give GRAPH and exactly one of SPARQL, --file or --name")
    bound = q.parse_params(list(params))
    if query_file:
        saved = q.parse_query(query_file.stem, q.read_query_file(query_file))
        if saved.params:  # a file that declares its parameters is held to them
            q.check_params(saved, bound)
        text = saved.text
    elif query_name:
        saved = q.named_query(query_name)
        q.check_params(saved, bound)
        text = saved.text
    else:
        text = sparql
    store = q.load_store(graph)
    out = q.query_text(store, text, bound, fmt)
    click.echo(out, nl=not out.endswith("\n"))  # the results formats end their last line


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 exposes the endpoint to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--timeout", "query_timeout", type=click.FloatRange(min=0.1), default=30.0,
              show_default=True, help="Stop any query after this many seconds.")
def serve(graph: Path, host: str, port: int, query_timeout: float) -> None:
    """Serve GRAPH read-only as a SPARQL 1.1 Protocol endpoint (the Oxigraph server).
    GRAPH is an output folder (its store, served as it is; its graph.nq when it has no
    store) or a graph file; queries see the union of its graphs. Updates are refused.
    Stop with Ctrl-C."""
    import subprocess

    from kg.serve import Stopped, check_stop, start, stop_on_signals

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can "
                   "query the graph", err=True)
    server = None
    try:
        with stop_on_signals():  # SIGTERM/SIGHUP, even while loading, clean up as Ctrl-C does
            server = start(graph, host, port, query_timeout=query_timeout)
            click.echo(f"SPARQL endpoint: {server.url}  (read-only, queries stopped after "
                       f"{query_timeout:g} s; Ctrl-C to stop)")
            while server.process.poll() is None:
                check_stop()  # (a signal whose exception a library callback swallowed)
                try:
                    server.process.wait(timeout=0.5)
                except subprocess.TimeoutExpired:
                    pass
    except (KeyboardInterrupt, Stopped):
        click.echo("stopping", err=True)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
