"""Exactly once under kill -9: a subprocess is SIGKILLed mid-run, then resumed, repeatedly."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_data import article, near_duplicate, write_jsonl
from batch_fakes import FAIL_MARKER, FakeFactory

from summarizer.batch import side_paths

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = """
import sys
import test_batch_crash
from summarizer.batch import run_batch
from summarizer.config import load_config
inp, out, fmt, workers, delay, factory = sys.argv[1:7]
cfg = load_config(overrides=["batch.commit_interval_s=0.3"])
run_batch([inp], out, fmt=fmt, workers=int(workers), resume=True, config=cfg,
          factory=getattr(test_batch_crash, factory)(delay_s=float(delay)))
"""


class KillerFactory(FakeFactory):
    """Its process dies (as if OOM-killed) on the one item that contains 致命."""

    def __call__(self):
        inner = super().__call__()

        def process(items):
            if any("致命" in it.text for it in items):
                os._exit(9)
            return inner(items)
        return process


def start(inp: Path, out: Path, fmt: str, workers: int, delay: float,
          factory: str = "FakeFactory") -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests'}", OMP_NUM_THREADS="1")
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(inp), str(out), fmt, str(workers), str(delay), factory],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def rows(out: Path, fmt: str) -> list[str]:
    if fmt == "jsonl":
        lines = out.read_text(encoding="utf-8").splitlines()
        return [json.dumps(json.loads(x), sort_keys=True, ensure_ascii=False) for x in lines]
    if fmt == "csv":
        with out.open(encoding="utf-8", newline="") as fh:
            return [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in csv.DictReader(fh)]
    import pyarrow.parquet as pq

    return [json.dumps(r, sort_keys=True, ensure_ascii=False)
            for r in pq.read_table(out).to_pylist()]


def sidecars(out: Path) -> tuple[list[str], list[str]]:
    paths = side_paths(out)
    return (sorted(paths["deadletter"].read_text(encoding="utf-8").splitlines()),
            sorted(paths["duplicates"].read_text(encoding="utf-8").splitlines()))


def written(out: Path, fmt: str) -> int:
    """How much output there is: bytes, or committed-looking parts for Parquet."""
    if fmt == "parquet":
        parts = out.with_name(out.name + ".parts")
        return len(list(parts.glob("part-0[0-8]*.parquet"))) if parts.is_dir() else 0
    return out.stat().st_size if out.exists() else 0


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "workers"), [("jsonl", 1), ("csv", 1), ("parquet", 2)])
def test_kill_9_then_resume_gives_every_item_exactly_once(tmp_path, fmt, workers):
    recs = []
    for i in range(300):
        recs.append({"text": article(i)})
        if i % 50 == 0:
            recs.append({"text": near_duplicate(article(i))})
            recs.append({"text": FAIL_MARKER + article(1000 + i)})
    inp = tmp_path / "in.jsonl"
    write_jsonl(inp, recs)
    with inp.open("a", encoding="utf-8") as fh:
        fh.write("{broken\n")

    ref = tmp_path / f"ref.{fmt}"
    p = start(inp, ref, fmt, 1, 0.0)
    assert p.wait(120) == 0, p.stderr.read().decode()
    expected = sorted(rows(ref, fmt))
    expected_side = sidecars(ref)
    assert len(expected) == 300 and [len(x) for x in expected_side] == [7, 6]

    out = tmp_path / f"out.{fmt}"
    rng = random.Random(fmt)
    kills, sizes = 0, []
    for _ in range(4):
        before = written(out, fmt)
        p = start(inp, out, fmt, workers, 0.01)
        deadline = time.monotonic() + 60
        # Kill only once this run has written something of its own, at a random later moment.
        while written(out, fmt) <= before and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.4))
        if p.poll() is not None:
            break
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        kills += 1
        sizes.append(written(out, fmt))
        if fmt == "jsonl":
            with out.open("ab") as fh:  # a torn write, as a crash in mid-line leaves it
                fh.write(b'{"id": "torn", "summ')
        elif fmt == "parquet":
            (out.with_name(out.name + ".parts") / "part-099999.parquet").write_bytes(b"PAR1junk")
    assert kills >= 2, "the job finished before it could be killed twice: make it slower"
    assert sizes == sorted(sizes)  # each resumed run made progress before its kill
    p = start(inp, out, fmt, workers, 0.0)
    assert p.wait(120) == 0, p.stderr.read().decode()
    got = rows(out, fmt)
    assert len(got) == len(set(got))  # no duplicates
    assert sorted(got) == expected  # nothing lost, nothing extra
    assert sidecars(out) == expected_side



def test_an_item_that_kills_its_worker_fails_alone_and_the_run_goes_on(tmp_path):
    from summarizer.batch import run_batch

    inp = write_jsonl(tmp_path / "in.jsonl",
                      [{"text": article(i) + ("致命" if i == 5 else "")} for i in range(40)])
    out = tmp_path / "o.jsonl"
    rep = run_batch([str(inp)], out, workers=2, factory=KillerFactory())
    assert (rep.ok, rep.failed) == (39, 1)
    [dead] = [json.loads(x) for x in side_paths(out)["deadletter"].read_text().splitlines()]
    assert dead["ref"].endswith("in.jsonl:6") and "worker process died" in dead["reason"]


def test_an_item_that_kills_the_job_ends_in_the_dead_letter_after_three_tries(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl",
                      [{"text": article(i) + ("致命" if i == 5 else "")} for i in range(40)])
    out = tmp_path / "o.jsonl"
    for _ in range(3):  # workers=1 runs in the driver: the whole job dies each time
        p = start(inp, out, "jsonl", 1, 0.0, factory="KillerFactory")
        assert p.wait(60) == 9
    p = start(inp, out, "jsonl", 1, 0.0, factory="KillerFactory")
    assert p.wait(60) == 0, p.stderr.read().decode()
    assert len(rows(out, "jsonl")) == 39
    [dead] = [json.loads(x) for x in side_paths(out)["deadletter"].read_text().splitlines()]
    assert dead["ref"].endswith("in.jsonl:6") and "stopped 3 times" in dead["reason"]
