"""Batch job throughput, peak memory and state-store overhead on real news articles.

Reads ../shared/data/news/ (People's Daily and CCTV Xinwen Lianbo, interleaved)
into a scratch JSONL, then runs `summarizer batch` in subprocesses:

* articles/s with 1 and 2 workers on 2,000 articles, default engines
  (extractive summariser + built-in classifiers; classification is turned off,
  and the script says so, when the built-in models are not in the package);
* peak RSS of the largest process at 2,000 and 20,000 articles (1 worker);
* state-store overhead: SQLite bytes per article, and the driver's own cost
  per article (reading, dedup, state, writing) measured with a processor that
  does no NLP work.

    PYTHONPATH=. nice python benchmarks/batch.py --scratch /tmp/bench
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
FILES = ("peoples_daily_2023.jsonl", "xinwenlianbo.jsonl")

NULL_SCRIPT = """
import sys
from summarizer.batch import run_batch
from summarizer.batch.process import ProcessorFactory
from summarizer.batch.types import OutputRecord, Outcome

class Null(ProcessorFactory):
    def __call__(self):
        def run(items):
            return [Outcome(it, OutputRecord(
                id=it.id, source=it.source, ref=it.ref, link=it.link, date=it.date,
                kind=it.kind, headline=it.headline, summary=it.text[:60], category=None,
                category_score=None, themes=(), theme_scores=(), engine="null", model=None))
                for it in items]
        return run

import resource
rep = run_batch([sys.argv[1]], sys.argv[2], factory=Null())
ru = resource.getrusage(resource.RUSAGE_SELF)
print(rep.elapsed_s, rep.ok, ru.ru_utime + ru.ru_stime)
"""


def write_input(path: Path, n: int) -> None:
    """The first ``n`` articles, alternating between the two news files."""
    handles = [(NEWS / f).open(encoding="utf-8") for f in FILES]
    try:
        # Alternate while both last, then the rest of the longer file.
        lines = (ln for pair in itertools.zip_longest(*handles) for ln in pair
                 if ln and ln.strip())
        written = 0
        with path.open("w", encoding="utf-8") as out:
            for line in itertools.islice(lines, n):
                rec = json.loads(line)
                out.write(json.dumps({k: rec.get(k) for k in ("id", "headline", "text", "date")},
                                     ensure_ascii=False) + "\n")
                written += 1
        if written < n:
            raise SystemExit(f"only {written} articles in {NEWS}, {n} asked for")
    finally:
        for h in handles:
            h.close()


def classifiers_available() -> bool:
    from summarizer.classify import load_category_classifier, load_theme_tagger
    from summarizer.config import ClassifyConfig
    from summarizer.errors import SummarizerError

    try:
        load_category_classifier(ClassifyConfig())
        load_theme_tagger(ClassifyConfig())
    except SummarizerError as exc:
        print(f"note: built-in classifiers unavailable ({exc.message}); classification off",
              file=sys.stderr)
        return False
    return True


def run(cmd: list[str]) -> tuple[dict | str, float]:
    """Run ``cmd``; return its stdout (JSON when possible) and wall seconds."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    start = time.monotonic()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    try:
        return json.loads(proc.stdout), wall
    except json.JSONDecodeError:
        return proc.stdout.strip(), wall


def peak_rss_of(cmd: list[str]) -> tuple[dict | str, float, float]:
    """Run ``cmd`` under a fresh wrapper process whose children's peak RSS is that of ``cmd``.

    ``ru_maxrss`` of children is the peak of the largest single process (the
    batch driver, or a worker when there are several), not a sum.
    """
    wrapper = ("import resource, subprocess, sys, json;"
               "p = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
               "sys.stderr.write(p.stderr);"
               "print(json.dumps({'rc': p.returncode, 'out': p.stdout,"
               " 'peak_kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")
    res, wall = run([sys.executable, "-c", wrapper, *cmd])
    assert isinstance(res, dict)
    if res["rc"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {res['rc']})")
    try:
        out = json.loads(res["out"])
    except json.JSONDecodeError:
        out = res["out"].strip()
    return out, wall, res["peak_kib"] / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scratch", type=Path, default=Path("/tmp/summarizer-batch-bench"))
    ap.add_argument("--throughput-n", type=int, default=2000)
    ap.add_argument("--memory-n", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--skip", nargs="*", default=[], choices=["throughput", "memory", "state"])
    args = ap.parse_args()
    if not NEWS.is_dir():
        raise SystemExit(f"{NEWS} not found: the benchmark needs ../shared/data/news")
    shutil.rmtree(args.scratch, ignore_errors=True)
    args.scratch.mkdir(parents=True)
    sizes = sorted({args.throughput_n, *args.memory_n})
    inputs = {}
    for n in sizes:
        inputs[n] = args.scratch / f"news_{n}.jsonl"
        write_input(inputs[n], n)
    base = [sys.executable, "-m", "summarizer", "batch", "--engine", "extractive"]
    if not classifiers_available():
        base += ["--set", "classify.enabled=false"]
    results: dict[str, object] = {"engines": " ".join(base[3:])}

    if "throughput" not in args.skip:
        for w in args.workers:
            out = args.scratch / f"tp_w{w}.jsonl"
            rep, wall = run([*base, str(inputs[args.throughput_n]), "-o", str(out),
                                "--workers", str(w)])
            assert isinstance(rep, dict)
            results[f"throughput_w{w}"] = {
                "articles": args.throughput_n, "ok": rep["ok"],
                "dups": rep["skipped_duplicates"], "failed": rep["failed"],
                "articles_per_s": round(args.throughput_n / rep["elapsed_s"], 2),
                "wall_s_incl_startup": round(wall, 1)}
            print(f"throughput workers={w}: {results[f'throughput_w{w}']}", flush=True)

    if "memory" not in args.skip:
        for n in args.memory_n:
            out = args.scratch / f"mem_{n}.jsonl"
            rep, wall, peak = peak_rss_of([*base, str(inputs[n]), "-o", str(out), "--workers", "1"])
            assert isinstance(rep, dict)
            results[f"memory_{n}"] = {"articles": n, "ok": rep["ok"],
                                      "peak_rss_mib": round(peak, 1), "wall_s": round(wall, 1)}
            print(f"memory n={n}: {results[f'memory_{n}']}", flush=True)

    if "state" not in args.skip:
        n = max(sizes)
        out = args.scratch / f"null_{n}.jsonl"
        res, wall, peak = peak_rss_of([sys.executable, "-c", NULL_SCRIPT, str(inputs[n]),
                                       str(out)])
        elapsed, ok, cpu = (float(x) for x in str(res).split())
        state_files = [out.with_name(out.name + s)
                       for s in (".state.sqlite", ".state.sqlite-wal", ".state.sqlite-shm")]
        state_bytes = sum(f.stat().st_size for f in state_files if f.exists())
        results["state_overhead"] = {
            "articles": n, "ok": int(ok),
            "driver_us_per_article": round(elapsed / n * 1e6, 1),
            # CPU time (startup included) does not depend on what else runs on the machine.
            "driver_cpu_us_per_article": round(cpu / n * 1e6, 1),
            "driver_articles_per_s": round(n / elapsed, 1),
            "state_bytes_per_article": round(state_bytes / n, 1),
            "peak_rss_mib_no_models": round(peak, 1)}
        print(f"state overhead: {results['state_overhead']}", flush=True)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
