"""Benchmark `kg build` on a reproducible synthetic Korean corpus.

    python bench/run.py --docs 100,1000,5000

For each corpus size N it measures, in one run:

* raw Kiwi: `Kiwi().tokenize(text)` on every document, one thread (the floor);
* `kg build` in one process, and with `--jobs 2`;
* the incremental rebuild: a full build into an empty `--cache`, one document
  edited, the rebuild timed; its output is compared byte for byte with a full
  build of the edited corpus without a cache.

Every build runs as a subprocess (`python -m kg.cli build ...`); its peak memory is
the largest sum of RSS (and PSS) over the process and all its descendants
(the workers of --jobs), sampled every 0.2 s (PSS every 1 s). Times are medians of
--repeat runs. For the largest N it also times, inside one process, the RDF graph
construction and every output renderer (and, for comparison, rdflib's and
pyoxigraph's own serialisers on the same triples), and for --profile-docs it
profiles one single-process build with cProfile.

The code under test is copied (kg/ and ontology/) into the work folder first, so
edits made to the working tree during a long run do not change what is measured
or invalidate the extraction cache half-way; --commit REF measures a commit instead,
--live the tree in place.
Results go to bench/results.json.
"""
from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import filecmp
import functools
import io
import json
import os
import platform
import pstats
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))
from corpus import DEFAULT_SEED, edited, file_name, write_corpus

MB = 1_000_000

# The targets. `scaling` compares time(5k)/time(1k) <= 5.5 as a ratio to the
# ratio of document counts (5.5 / 5 = 1.1), so that other sizes can be checked too.
TARGETS = {
    "ratio_to_kiwi_min": 0.5,
    "jobs2_speedup_min": 1.7,
    "scaling_max": 5.5 / 5,
    "peak_rss_jobs2_max_mb": 2000,
    "incremental_pct_max": 10.0,
}


# --- running a measured subprocess --------------------------------------------------------

@dataclass
class Run:
    seconds: float            # wall clock
    cpu_seconds: float        # user + system of the process and every descendant
    peak_rss_mb: float        # the largest sum of RSS over the process tree
    peak_pss_mb: float        # the same with PSS (shared pages counted once)
    peak_processes: int
    load_before: float        # the machine's 1-minute load average when the run started
    stdout: str


class TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants until stopped."""

    def __init__(self, pid: int, interval: float = 0.2, pss_every: int = 5):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.interval, self.pss_every = interval, pss_every
        self.peak_rss = self.peak_pss = 0
        self.peak_processes = 0
        self.cpu: dict[int, float] = {}     # pid -> user + system seconds, last sampled
        self._stop_event = threading.Event()

    def tree(self) -> list[psutil.Process]:
        try:
            return [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return []

    def run(self) -> None:
        tick = 0
        while not self._stop_event.is_set():
            procs = self.tree()
            rss = pss = 0
            for p in procs:
                try:
                    if tick % self.pss_every == 0:
                        info = p.memory_full_info()
                        pss += info.pss
                    else:
                        info = p.memory_info()
                    rss += info.rss
                    times = p.cpu_times()
                    self.cpu[p.pid] = times.user + times.system
                except psutil.Error:
                    pass
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_processes = max(self.peak_processes, len(procs))
            tick += 1
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def run_measured(cmd: list[str], env: dict, cwd: Path) -> Run:
    """Run `cmd` to the end; its wall time, CPU time and peak memory.

    CPU time is the larger of the sampled CPU times of every process of the tree and
    the rusage of the children this process waited for (exact for one process; the
    workers of --jobs are not waited for by the build, so only sampling sees them)."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    try:
        out, err = proc.communicate()
    except BaseException:       # interrupted: do not leave the build running
        for p in sampler.tree()[::-1]:
            with contextlib.suppress(psutil.Error):
                p.kill()
        raise
    finally:
        seconds = time.perf_counter() - start
        sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{err[-3000:]}")
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu = max(waited, sum(sampler.cpu.values()))
    return Run(seconds, cpu, sampler.peak_rss / MB, sampler.peak_pss / MB,
               sampler.peak_processes, load, out)


def summarise(runs: list[Run]) -> dict:
    """Medians over repeated runs (and every run's numbers)."""
    def med(key: str) -> float:
        return statistics.median(getattr(r, key) for r in runs)

    return {"seconds": med("seconds"), "cpu_seconds": med("cpu_seconds"),
            "peak_rss_mb": med("peak_rss_mb"), "peak_pss_mb": med("peak_pss_mb"),
            "peak_processes": max(r.peak_processes for r in runs),
            "load_before": max(r.load_before for r in runs),
            "runs": [{k: v for k, v in asdict(r).items() if k != "stdout"} for r in runs]}


def throughput(seconds: float, docs: int, nbytes: int, nchars: int) -> dict:
    return {"docs_per_s": docs / seconds, "mb_per_s": nbytes / MB / seconds,
            "chars_per_s": nchars / seconds}


# --- the measurements of one corpus size ---------------------------------------------------

class Bench:
    """Runs builds of the code under test (PYTHONPATH=src) from the work folder."""

    def __init__(self, workdir: Path, src: Path | None):
        self.workdir = workdir
        self.env = dict(os.environ)
        if src is not None:
            self.env["PYTHONPATH"] = str(src)

    def python(self, *args: str) -> list[str]:
        return [sys.executable, *args]

    def worker(self, mode: str, *args: str) -> tuple[dict, Run]:
        run = run_measured(self.python(str(Path(__file__).resolve()), "--worker", mode, *args),
                           self.env, self.workdir)
        return json.loads(run.stdout.strip().splitlines()[-1]), run

    def build(self, corpus: Path, out: Path, jobs: int = 1, cache: Path | None = None) -> Run:
        shutil.rmtree(out, ignore_errors=True)
        cmd = self.python("-m", "kg.cli", "build", str(corpus), "-o", str(out),
                          "--jobs", str(jobs))
        if cache is not None:
            cmd += ["--cache", str(cache)]
        return run_measured(cmd, self.env, self.workdir)


def graph_counts(stdout: str) -> dict:
    """documents/entities/relations counts from the report `kg build` prints."""
    counts = {}
    for line in stdout.splitlines():
        for key in ("documents read", "entities", "relations"):
            if line.startswith(key + ":"):
                counts[key.split()[0]] = int(line.split(":")[1].split()[0])
    return counts


def same_outputs(a: Path, b: Path) -> tuple[bool, list[str]]:
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    differ = sorted(set(files_a) ^ set(files_b))
    differ += [f for f in files_a if f in files_b
               and not filecmp.cmp(a / f, b / f, shallow=False)]
    return not differ and bool(files_a), differ


def cached_extractions(cache: Path) -> int:
    return sum(1 for _ in cache.rglob("*.pickle")) if cache.exists() else 0


def incremental(bench: Bench, corpus: Path, n: int, repeat: int, cache: Path) -> dict:
    """A full build into an empty cache; then `repeat` times: edit one document (a
    different edit each time) and rebuild. The first rebuild's output is compared
    with a full build of the edited corpus without a cache."""
    index = n // 2
    path = corpus / file_name(index)
    original = path.read_text(encoding="utf-8")
    out, out_ref = bench.workdir / "out-incremental", bench.workdir / "out-reference"
    shutil.rmtree(cache, ignore_errors=True)
    full = bench.build(corpus, out, cache=cache)
    rebuilds, extracted, check = [], [], {}
    try:
        for r in range(repeat):
            path.write_text(edited(original, variant=r), encoding="utf-8")
            before = cached_extractions(cache)
            rebuilds.append(bench.build(corpus, out, cache=cache))
            extracted.append(cached_extractions(cache) - before)
            if r == 0:
                ref = bench.build(corpus, out_ref)
                identical, differ = same_outputs(out, out_ref)
                check = {"identical": identical, "differing_files": differ,
                         "reference_full_build_seconds": ref.seconds}
    finally:
        path.write_text(original, encoding="utf-8")
    shutil.rmtree(out_ref, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return {"edited_file": path.name, "full_with_cache": summarise([full]),
            "rebuild": summarise(rebuilds), "extracted_on_rebuild": extracted, **check}


def bench_size(bench: Bench, n: int, repeat: int, seed: int, keep_cache: bool) -> dict:
    corpus = bench.workdir / f"corpus-{n}"
    paths = write_corpus(corpus, n, seed)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nbytes, nchars = sum(p.stat().st_size for p in paths), sum(map(len, texts))
    size = {"docs": n, "bytes": nbytes, "chars": nchars, "repeat": repeat}
    log(f"N={n}: {nbytes / MB:.1f} MB, {nchars:,} characters; repeat {repeat}")

    kiwi = [bench.worker("kiwi", str(corpus)) for _ in range(repeat)]
    tokenize_s = statistics.median(k["tokenize_s"] for k, _ in kiwi)
    tokenize_cpu = statistics.median(k["tokenize_cpu_s"] for k, _ in kiwi)
    size["kiwi"] = {"tokenize_seconds": tokenize_s, "tokenize_cpu_seconds": tokenize_cpu,
                    "load_seconds": statistics.median(k["load_s"] for k, _ in kiwi),
                    "tokens": kiwi[0][0]["tokens"],
                    **throughput(tokenize_s, n, nbytes, nchars),
                    "process": summarise([run for _, run in kiwi])}
    log(f"  raw Kiwi    {tokenize_s:8.1f} s  {n / tokenize_s:7.1f} docs/s")

    out = bench.workdir / "out"
    for jobs in (1, 2):
        runs = []
        for _ in range(repeat):
            runs.append(bench.build(corpus, out, jobs=jobs))
        s = summarise(runs)
        s.update(throughput(s["seconds"], n, nbytes, nchars))
        s["ratio_to_kiwi"] = tokenize_s / s["seconds"]
        s["ratio_to_kiwi_process"] = size["kiwi"]["process"]["seconds"] / s["seconds"]
        s["cpu_ratio_to_kiwi"] = tokenize_cpu / s["cpu_seconds"]   # robust to other load
        s["graph"] = graph_counts(runs[0].stdout)
        size[f"build_jobs{jobs}"] = s
        log(f"  build -j{jobs}   {s['seconds']:8.1f} s  {s['docs_per_s']:7.1f} docs/s  "
            f"{s['peak_rss_mb']:6.0f} MB  {s['ratio_to_kiwi']:.2f} x Kiwi")
    shutil.rmtree(out, ignore_errors=True)
    size["jobs2_speedup"] = size["build_jobs1"]["seconds"] / size["build_jobs2"]["seconds"]

    cache = bench.workdir / f"cache-{n}"
    inc = incremental(bench, corpus, n, repeat, cache)
    inc["rebuild_pct_of_full"] = 100 * inc["rebuild"]["seconds"] / size["build_jobs1"]["seconds"]
    inc["rebuild_pct_of_full_with_cache"] = (100 * inc["rebuild"]["seconds"]
                                             / inc["full_with_cache"]["seconds"])
    size["incremental"] = inc
    log(f"  incremental {inc['rebuild']['seconds']:8.1f} s  "
        f"{inc['rebuild_pct_of_full']:.1f}% of full; identical={inc.get('identical')}")
    if not keep_cache:
        shutil.rmtree(cache, ignore_errors=True)
    return size


# --- workers: run in a subprocess, print one JSON line -----------------------------------

def corpus_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def kiwi_worker(folder: Path) -> dict:
    import warnings

    from kiwipiepy import Kiwi

    texts = corpus_texts(folder)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)   # num_workers=0 changed in 0.21
        kiwi = Kiwi(num_workers=0)                             # one thread
    kiwi.tokenize("모델을 불러온다.")                            # Kiwi initialises lazily
    load = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(kiwi.tokenize(text)) for text in texts)
    return {"load_s": load, "tokenize_s": time.perf_counter() - start,
            "tokenize_cpu_s": time.process_time() - cpu, "tokens": tokens}


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def export_worker(folder: Path, cache: Path) -> dict:
    """Where the time goes after extraction, for one corpus (extractions from `cache`):
    the graph as the build makes it, each renderer of kg.export.render_all, and for
    comparison rdflib's and pyoxigraph's own Turtle (and N-Triples) of the same triples."""
    import pyoxigraph as ox

    from kg import graph
    from kg.export.html import render_html
    from kg.export.neo4j import render_neo4j
    from kg.export.propertygraph import render_graphml
    from kg.export.jsonld import render_jsonld
    from kg.export.rdf import _Terms, render_nquads, render_ntriples
    from kg.export.turtle import render_turtle
    from kg.pipeline import Pipeline, build

    result = {}
    pipeline, result["pipeline_load_s"] = timed(Pipeline.load)
    built, result["build_from_cache_s"] = timed(
        lambda: build(sorted(folder.glob("*.txt")), None, pipeline=pipeline, cache_dir=cache))
    data = built.data
    result["extracted_now"] = built.extracted
    result["documents"], result["entities"] = len(data.documents), len(data.entities)
    result["relations"] = len(data.relations)
    result["evidence"] = sum(len(r.evidence) for r in data.relations)
    rdflib_graph, result["to_rdf_s"] = timed(graph.to_rdf, data)
    if hasattr(graph, "to_triples"):    # what write_outputs renders from (kg >= e53e17e)
        rdf, result["to_triples_s"] = timed(graph.to_triples, data)
    else:
        rdf = rdflib_graph
    view, result["to_networkx_s"] = timed(graph.to_networkx, data)
    result["triples"] = len(rdf)

    renderers = {   # the renderers of kg.export.render_all, one by one, on the build's input
        "graph.ttl": lambda: render_turtle(rdf),
        "graph.nt": lambda: render_ntriples(rdf),
        "graph.nq": lambda: render_nquads(data, rdf),
        "graph.jsonld": lambda: render_jsonld(rdf),
        "graph.graphml": lambda: render_graphml(data),
        "graph.html": lambda: render_html(view).encode("utf-8"),
        "neo4j/": lambda: b"".join(render_neo4j(data).values()),
    }
    result["renderers"] = {}
    for name, render in renderers.items():
        payload, seconds = timed(render)
        result["renderers"][name] = {"seconds": seconds, "bytes": len(payload)}
    result["render_total_s"] = sum(r["seconds"] for r in result["renderers"].values())
    result["html_bytes"] = result["renderers"]["graph.html"]["bytes"]

    # for comparison: rdflib's Turtle serialiser, and pyoxigraph's (unsorted) Turtle
    # and N-Triples of the same triples after converting the terms
    payload, seconds = timed(lambda: rdflib_graph.serialize(format="turtle", encoding="utf-8"))
    result["rdflib_turtle"] = {"seconds": seconds, "bytes": len(payload)}
    terms = _Terms()
    triples, result["pyoxigraph_convert_s"] = timed(
        lambda: [terms.triple(s, p, o) for s, p, o in rdf])
    prefixes = {k: str(v) for k, v in graph.PREFIXES.items()}
    turtle, seconds = timed(functools.partial(ox.serialize, triples,
                                              format=ox.RdfFormat.TURTLE, prefixes=prefixes))
    result["pyoxigraph_turtle"] = {"seconds": seconds, "bytes": len(turtle)}
    ntriples, seconds = timed(functools.partial(ox.serialize, triples,
                                                format=ox.RdfFormat.N_TRIPLES))
    result["pyoxigraph_ntriples"] = {"seconds": seconds, "bytes": len(ntriples)}
    return result


def profile_worker(folder: Path, top: int) -> dict:
    """cProfile of one single-process build (no cache), outputs written."""
    from kg.pipeline import build

    out = Path(tempfile.mkdtemp(prefix="kg-profile-"))
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    build(sorted(folder.glob("*.txt")), out)
    profiler.disable()
    total = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    stats = pstats.Stats(profiler)

    def rows(index: int) -> list[dict]:
        ranked = sorted(stats.stats.items(), key=lambda kv: kv[1][index], reverse=True)
        return [{"function": pstats.func_std_string(func), "calls": nc,
                 "tottime_s": round(tt, 3), "cumtime_s": round(ct, 3)}
                for func, (cc, nc, tt, ct, callers) in ranked[:top]]

    return {"seconds_under_profiler": total, "by_cumulative": rows(3), "by_self": rows(2)}


def run_worker(args: argparse.Namespace) -> None:
    folder = Path(args.worker_args[0])
    if args.worker == "kiwi":
        result = kiwi_worker(folder)
    elif args.worker == "export":
        result = export_worker(folder, Path(args.worker_args[1]))
    else:
        result = profile_worker(folder, int(args.worker_args[1]))
    say(json.dumps(result, ensure_ascii=False))


# --- the run -----------------------------------------------------------------------------

def log(message: str) -> None:
    """Progress, on stderr."""
    print(message, file=sys.stderr, flush=True)  # noqa: T201


def say(message: str = "") -> None:
    """The report, on stdout."""
    print(message, flush=True)  # noqa: T201


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def snapshot_source(workdir: Path, commit: str | None) -> Path:
    """Copy the code under test (kg/ and ontology/) from the working tree as it is now,
    or from `commit`."""
    src = workdir / "src"
    if commit:
        src.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", "--format=tar", commit, "kg", "ontology"],
                                 cwd=REPO, capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(src, filter="data")
        return src
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "kg", src / "kg", ignore=ignore)
    shutil.copytree(REPO / "ontology", src / "ontology", ignore=ignore)
    return src


def machine_info(bench: Bench, commit: str | None) -> dict:
    from importlib.metadata import version

    probe = subprocess.run(
        bench.python("-c", "import kg, kg.execution as e; print(kg.__file__); "
                     "print(e.pipeline_fingerprint())"),
        env=bench.env, cwd=bench.workdir, capture_output=True, text=True, check=True)
    kg_file, fingerprint = probe.stdout.split()
    cpu_model = ""
    if Path("/proc/cpuinfo").exists():
        cpu_model = next((line.split(":", 1)[1].strip() for line in
                          Path("/proc/cpuinfo").read_text().splitlines()
                          if line.startswith("model name")), "")
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(), "cpu_model": cpu_model,
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "platform": platform.platform(), "python": platform.python_version(),
        "git_commit": git("rev-parse", commit or "HEAD"),
        "measured": (f"commit {git('rev-parse', '--short', commit)}" if commit
                     else "the working tree, copied at the start"),
        "git_dirty_files": [] if commit else git("status", "--porcelain").splitlines(),
        "kg_imported_from": kg_file, "pipeline_fingerprint": fingerprint,
        "packages": {name: version(name) for name in
                     ("kiwipiepy", "spacy", "rdflib", "pyoxigraph", "networkx", "psutil")},
    }


def check_targets(sizes: list[dict]) -> list[dict]:
    """Each target of the issue, measured at the sizes it names (or the nearest run)."""
    by_n = {s["docs"]: s for s in sizes}
    largest = by_n[max(by_n)]
    near_1k = by_n[min(by_n, key=lambda n: abs(n - 1000))]
    checks = [
        {"target": "single-process build >= 50% of raw Kiwi throughput", "docs": n,
         "value": s["build_jobs1"]["ratio_to_kiwi"],
         "ok": s["build_jobs1"]["ratio_to_kiwi"] >= TARGETS["ratio_to_kiwi_min"]}
        for n, s in sorted(by_n.items())]
    checks += [{"target": "--jobs 2 >= 1.7x single process", "docs": n,
                "value": s["jobs2_speedup"],
                "ok": s["jobs2_speedup"] >= TARGETS["jobs2_speedup_min"]}
               for n, s in sorted(by_n.items())]
    if largest is not near_1k:
        docs_ratio = largest["docs"] / near_1k["docs"]
        t_ratio = largest["build_jobs1"]["seconds"] / near_1k["build_jobs1"]["seconds"]
        checks.append({"target": f"time({largest['docs']})/time({near_1k['docs']}) <= "
                                 f"{TARGETS['scaling_max'] * docs_ratio:.2f} "
                                 "(5.5 for 5k/1k)",
                       "docs": largest["docs"], "value": t_ratio,
                       "ok": t_ratio <= TARGETS["scaling_max"] * docs_ratio})
    rss = largest["build_jobs2"]["peak_rss_mb"]
    checks.append({"target": "peak RSS <= 2 GB with --jobs 2 at the largest N",
                   "docs": largest["docs"], "value": rss,
                   "ok": rss <= TARGETS["peak_rss_jobs2_max_mb"]})
    inc = near_1k["incremental"]
    checks.append({"target": "incremental rebuild after editing 1 document <= 10% of a "
                             "full build, output identical", "docs": near_1k["docs"],
                   "value": inc["rebuild_pct_of_full"],
                   "ok": inc["rebuild_pct_of_full"] <= TARGETS["incremental_pct_max"]
                   and bool(inc.get("identical"))})
    return checks


def print_table(sizes: list[dict]) -> None:
    head = (f"{'docs':>6} {'Kiwi d/s':>9} {'Kiwi MB/s':>9} {'-j1 d/s':>8} {'-j1 MB/s':>8} "
            f"{'-j1 RSS':>8} {'xKiwi':>6} {'cpu':>5} {'-j2 d/s':>8} {'-j2 RSS':>8} {'speedup':>7} "
            f"{'t/t_prev':>8} {'incr s':>7} {'incr %':>6} {'same':>5}")
    say(head)
    prev = None
    for s in sizes:
        k, j1, j2, inc = s["kiwi"], s["build_jobs1"], s["build_jobs2"], s["incremental"]
        scaling = (f"{j1['seconds'] / prev['build_jobs1']['seconds']:.2f}"
                   f"/{s['docs'] / prev['docs']:.0f}" if prev else "")
        say(f"{s['docs']:>6} {k['docs_per_s']:>9.1f} {k['mb_per_s']:>9.3f} "
              f"{j1['docs_per_s']:>8.1f} {j1['mb_per_s']:>8.3f} {j1['peak_rss_mb']:>7.0f}M "
              f"{j1['ratio_to_kiwi']:>6.2f} {j1['cpu_ratio_to_kiwi']:>5.2f} "
              f"{j2['docs_per_s']:>8.1f} {j2['peak_rss_mb']:>7.0f}M "
              f"{s['jobs2_speedup']:>7.2f} {scaling:>8} {inc['rebuild']['seconds']:>7.1f} "
              f"{inc['rebuild_pct_of_full']:>6.1f} {inc.get('identical')!s:>5}")
        prev = s


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark kg build (see the module docstring).")
    parser.add_argument("--docs", default="100,1000,5000",
                        help="corpus sizes, comma-separated (default: %(default)s)")
    parser.add_argument("--repeat", type=int,
                        help="runs per measurement (default: 3 for N <= 1000, else 1)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus random seed")
    parser.add_argument("--profile-docs", type=int, default=1000,
                        help="profile one single-process build of this many documents "
                             "(0: skip; default: %(default)s)")
    parser.add_argument("--no-export-timing", action="store_true",
                        help="skip the in-process timing of the renderers")
    parser.add_argument("--workdir", type=Path, help="work folder (default: a temporary one, "
                                                     "removed at the end)")
    parser.add_argument("--live", action="store_true",
                        help="measure the working tree in place instead of a copy")
    parser.add_argument("--commit", help="measure the code of this commit (git archive) "
                                         "instead of the working tree")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results.json")
    parser.add_argument("--worker", choices=["kiwi", "export", "profile"], help=argparse.SUPPRESS)
    parser.add_argument("worker_args", nargs="*", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.worker:
        return run_worker(args)
    # `kill` stops the run like Ctrl-C: the build running now is stopped too
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sizes_n = sorted({int(x) for x in args.docs.split(",") if x.strip()})
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    bench = Bench(workdir, None if args.live else snapshot_source(workdir, args.commit))
    results = {"command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
               "machine": machine_info(bench, args.commit), "seed": args.seed, "targets": TARGETS,
               "sizes": []}
    log(f"work folder {workdir}; kg from {results['machine']['kg_imported_from']}")
    started = time.perf_counter()
    try:
        for n in sizes_n:
            repeat = args.repeat or (3 if n <= 1000 else 1)
            keep_cache = n == sizes_n[-1] and not args.no_export_timing
            results["sizes"].append(bench_size(bench, n, repeat, args.seed, keep_cache))
            save(results, args.out)
        if not args.no_export_timing:
            n = sizes_n[-1]
            log(f"timing the outputs of N={n} in one process")
            results["outputs"], run = bench.worker("export", str(workdir / f"corpus-{n}"),
                                                   str(workdir / f"cache-{n}"))
            results["outputs"].update(docs=n, process_seconds=run.seconds,
                                      process_peak_rss_mb=run.peak_rss_mb)
            save(results, args.out)
        if args.profile_docs:
            n = args.profile_docs
            corpus = workdir / f"corpus-{n}"
            if not corpus.exists():
                write_corpus(corpus, n, args.seed)
            log(f"profiling a single-process build of N={n}")
            results["profile"], run = bench.worker("profile", str(corpus), "25")
            results["profile"].update(docs=n, process_peak_rss_mb=run.peak_rss_mb)
        results["targets_checked"] = check_targets(results["sizes"])
        results["total_seconds"] = time.perf_counter() - started
        save(results, args.out)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    report(results)
    log(f"wrote {args.out}")


def save(results: dict, path: Path) -> None:
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def report(results: dict) -> None:
    print_table(results["sizes"])
    outputs = results.get("outputs")
    if outputs:
        say(f"\noutputs of N={outputs['docs']}: {outputs['triples']:,} triples, "
              f"{outputs['entities']:,} entities, {outputs['relations']:,} relations")
        say(f"  to_triples {outputs.get('to_triples_s', float('nan')):.2f} s, "
            f"to_rdf (rdflib Graph) {outputs['to_rdf_s']:.2f} s, "
            f"to_networkx {outputs['to_networkx_s']:.2f} s")
        for name, r in outputs["renderers"].items():
            say(f"  {name:20} {r['seconds']:7.2f} s {r['bytes'] / MB:8.1f} MB")
        r = outputs["rdflib_turtle"]
        say(f"  rdflib turtle        {r['seconds']:7.2f} s {r['bytes'] / MB:8.1f} MB")
        for label in ("turtle", "ntriples"):
            r = outputs[f"pyoxigraph_{label}"]
            say(f"  pyoxigraph {label:9} {r['seconds']:7.2f} s {r['bytes'] / MB:8.1f} MB"
                  f" (+ {outputs['pyoxigraph_convert_s']:.2f} s converting terms)")
    profile = results.get("profile")
    if profile:
        say(f"\nprofile of N={profile['docs']} ({profile['seconds_under_profiler']:.1f} s "
              "under cProfile), top 10 by cumulative time:")
        for row in profile["by_cumulative"][:10]:
            say(f"  {row['cumtime_s']:8.2f} s  {row['function']}")
    say()
    for check in results["targets_checked"]:
        say(f"{'PASS' if check['ok'] else 'FAIL'}  {check['target']} "
              f"(N={check['docs']}: {check['value']:.2f})")


if __name__ == "__main__":
    main()
