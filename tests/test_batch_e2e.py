"""End to end through the CLI with the real pipeline (extractive engine)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_data import article, atom, html_page, near_duplicate, read_jsonl, rss, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
NO_CLASSIFY = ["--set", "classify.enabled=false"]


def cli(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    return subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], env=env,
                            start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def builtin_classifiers() -> list[str]:
    """Classify with the shipped models when they are in the package; skip that part otherwise."""
    from summarizer.classify import load_category_classifier, load_theme_tagger
    from summarizer.config import ClassifyConfig
    from summarizer.errors import SummarizerError

    try:
        load_category_classifier(ClassifyConfig())
        load_theme_tagger(ClassifyConfig())
    except SummarizerError:
        return NO_CLASSIFY
    return []


@pytest.mark.slow
def test_cli_mixed_inputs_with_the_real_pipeline(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    write_jsonl(d / "a.jsonl", [{"id": "a1", "headline": "铁路", "text": article(1)},
                                {"html": html_page("网页", article(2))}])
    page = "\n\n".join(f"标题{i}\n" + article(10 + i) for i in range(2))
    (d / "page.txt").write_text(page, encoding="utf-8")
    (d / "p.html").write_text(html_page("页面", article(3)), encoding="utf-8")
    (d / "f.xml").write_text(rss([{"guid": "g", "title": "转", "body": near_duplicate(article(1))},
                                  {"guid": "h", "title": "新", "body": article(4)}]),
                             encoding="utf-8")
    (d / "f.atom").write_text(atom([{"guid": "u", "title": "原子", "body": article(5)}]),
                              encoding="utf-8")
    out = tmp_path / "out.jsonl"
    classify = builtin_classifiers()
    p = cli(str(d), "--output", str(out), "--engine", "extractive", *classify)
    stdout, stderr = p.communicate(timeout=300)
    assert p.returncode == 0, stderr.decode()
    report = json.loads(stdout)
    rows = read_jsonl(out)
    from summarizer.segment import segment_text

    page_items = len(segment_text(page, source="page.txt").items)
    assert report["ok"] == len(rows) == 5 + page_items and report["skipped_duplicates"] == 1
    assert sum(r["ref"].startswith(str(d / "page.txt#")) for r in rows) == page_items
    assert {r["engine"] for r in rows} == {"extractive"}
    assert all(r["summary"] for r in rows)
    [a1] = [r for r in rows if r["id"] == "a1"]
    clauses = [c for c in re.split("[，。]", a1["summary"]) if c]
    assert a1["headline"] == "铁路" and clauses
    assert all(c in article(1) for c in clauses)  # extracted from its own article, not another
    if not classify:
        assert all(r["category"] for r in rows)
    assert "batch:" in stderr.decode()  # the final line and plain progress lines go to stderr


@pytest.mark.slow
def test_cli_kill_9_and_resume_with_the_real_pipeline(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [{"text": article(i) * 3} for i in range(150)])
    ref = tmp_path / "ref.jsonl"
    p = cli(str(inp), "-o", str(ref), "--engine", "extractive", *NO_CLASSIFY)
    assert p.wait(300) == 0, p.stderr.read().decode()
    out = tmp_path / "out.jsonl"
    args = [str(inp), "-o", str(out), "--engine", "extractive", "--resume", *NO_CLASSIFY,
            "--set", "batch.commit_interval_s=0.2"]
    p = cli(*args)
    while (not out.exists() or out.stat().st_size < 2000) and p.poll() is None:
        time.sleep(0.01)
    assert p.poll() is None, "finished before the kill"
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    killed_at = len(out.read_bytes().splitlines())
    p = cli(*args)
    assert p.wait(300) == 0, p.stderr.read().decode()
    got = read_jsonl(out)
    assert 0 < killed_at < 150
    assert len(got) == len({r["id"] for r in got}) == 150
    key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)  # noqa: E731
    assert sorted(map(key, got)) == sorted(map(key, read_jsonl(ref)))


def test_cli_run_level_errors_exit_2(tmp_path):
    p = cli(str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl"))
    _, err = p.communicate(timeout=60)
    assert p.returncode == 2 and "does not exist" in err.decode()
    inp = write_jsonl(tmp_path / "in.jsonl", [{"text": article(1)}])
    p = cli(str(inp), "-o", str(tmp_path / "o.jsonl"), "--set", "batch.workers=0")
    _, err = p.communicate(timeout=60)
    assert p.returncode == 2 and "invalid configuration" in err.decode()
