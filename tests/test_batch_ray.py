"""The Ray runner on a local Ray instance started by the test (skipped without Ray)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from batch_data import article, near_duplicate, read_jsonl, write_jsonl
from batch_fakes import FAIL_MARKER, FakeFactory

from summarizer.batch import run_batch, side_paths
from summarizer.config import Config
from summarizer.errors import DependencyError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    # Actors import the test's processor by module name, like any user code.
    path = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": path, "OMP_NUM_THREADS": "1"}})
    yield ray
    ray.shutdown()


@pytest.mark.slow
def test_ray_runner_matches_the_local_runner_and_resumes(ray_local, tmp_path):
    recs = [{"text": article(i)} for i in range(60)]
    recs += [{"text": near_duplicate(article(3))}, {"text": FAIL_MARKER + article(99)}]
    inp = write_jsonl(tmp_path / "in.jsonl", recs)
    local, ray_out = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_batch([str(inp)], local, factory=FakeFactory())
    loads = tmp_path / "loads"
    small_chunks = Config.model_validate({"batch": {"queue_size": 16}})  # 4 items per batch
    rep = run_batch([str(inp)], ray_out, runner="ray", workers=2, config=small_chunks,
                    factory=FakeFactory(loads=str(loads)))
    assert (rep.ok, rep.skipped_duplicates, rep.failed) == (60, 1, 1)
    key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)  # noqa: E731
    assert sorted(map(key, read_jsonl(ray_out))) == sorted(map(key, read_jsonl(local)))
    # One model load per actor (two at most), not one per batch (there are 16 batches).
    assert 1 <= len(list(loads.iterdir())) <= 2
    assert len(read_jsonl(side_paths(ray_out)["deadletter"])) == 1

    write_jsonl(inp, recs + [{"text": article(500)}])
    again = run_batch([str(inp)], ray_out, runner="ray", workers=2, resume=True,
                      factory=FakeFactory())
    assert (again.ok, again.already_done) == (1, 62)
    assert len(read_jsonl(ray_out)) == 61


def test_missing_ray_is_a_dependency_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)
    monkeypatch.setitem(sys.modules, "ray.data", None)
    inp = write_jsonl(tmp_path / "in.jsonl", [{"text": article(1)}])
    with pytest.raises(DependencyError, match=r"summarizer\[ray\]"):
        run_batch([str(inp)], tmp_path / "o.jsonl", runner="ray", factory=FakeFactory())
    assert not (tmp_path / "o.jsonl").exists()
