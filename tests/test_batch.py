"""Batch job: inputs, dedup, dead letter, formats, workers, resume (fake processor, no models)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from batch_data import (
    article,
    atom,
    html_page,
    near_duplicate,
    read_jsonl,
    rss,
    write_jsonl,
)
from batch_fakes import FAIL_MARKER, FakeFactory

from summarizer.batch import run_batch, side_paths
from summarizer.batch.dedup import Deduper, MinHasher, content_hash, lsh_shape, normalise
from summarizer.batch.inputs import extract_main_text
from summarizer.batch.local import LocalRunner
from summarizer.batch.sinks import AppendFile, ParquetSink
from summarizer.batch.state import StateStore
from summarizer.batch.types import Solo, WorkItem
from summarizer.config import Config
from summarizer.errors import ConfigError, InputError


def run(inputs, out, **kw):
    kw.setdefault("factory", FakeFactory())
    return run_batch([str(i) for i in inputs], out, **kw)


def ids(path: Path) -> list[str]:
    return [r["id"] for r in read_jsonl(path)]


# -- dedup --------------------------------------------------------------------

def test_normalise_folds_width_and_drops_punctuation():
    assert normalise("２０２３年， 新华社　北京电！") == "2023年新华社北京电"
    assert content_hash("今天，晴。") == content_hash("今天 晴")
    assert content_hash("今天晴") != content_hash("明天晴")


def test_lsh_shape_midpoint_tracks_threshold():
    for t in (0.5, 0.7, 0.9):
        b, r = lsh_shape(t, 128)
        assert b * r == 128
        assert abs((1 / b) ** (1 / r) - t) < 0.08


def test_minhash_separates_near_duplicates_from_different_articles():
    m = MinHasher(0.9)
    sim = lambda a, b: m.similarity(m.signature(normalise(a)), m.signature(normalise(b)))  # noqa: E731
    a = article(1)
    assert sim(a, near_duplicate(a)) >= 0.9
    assert max(sim(article(i), article(j)) for i in range(12) for j in range(i + 1, 12)) < 0.6


def test_deduper_exact_near_and_disabled(tmp_path):
    st = StateStore(tmp_path / "s.sqlite")
    d = Deduper(st, 0.9)
    a = article(3)
    v = d.check("a", a)
    assert v.dup_of is None and v.signature is not None
    st.register("a", v.content_hash, "r1", 1, v.signature, v.buckets)
    assert d.check("b", "  " + a.replace("。", "．")).how == "exact"
    near = d.check("c", near_duplicate(a))
    assert (near.dup_of, near.how) == ("a", "near") and near.similarity >= 0.9
    assert d.check("a", a).dup_of is None  # an item never duplicates itself
    assert d.check("e", article(4)).dup_of is None
    assert Deduper(st, 1.0).check("f", near_duplicate(a)).dup_of is None


# -- sinks ------------------------------------------------------------------

def test_append_file_truncates_uncommitted_bytes(tmp_path):
    p = tmp_path / "o.jsonl"
    f = AppendFile(p, None)
    f.write([{"a": 1}])
    pos = f.sync()
    f.write_bytes(b'{"a": 2}\n{"a": 3, "half')
    f.sync()
    f.close()
    g = AppendFile(p, pos)
    g.write([{"a": 4}])
    g.sync()
    g.close()
    assert read_jsonl(p) == [{"a": 1}, {"a": 4}]
    with pytest.raises(InputError, match="shorter"):
        AppendFile(p, pos * 10)


def test_parquet_sink_drops_uncommitted_parts(tmp_path):
    from summarizer.batch.types import RECORD_FIELDS

    row = {k: None for k in RECORD_FIELDS} | {"themes": [], "theme_scores": []}
    p = tmp_path / "o.parquet"
    s = ParquetSink(p, None)
    s.write([row | {"id": "1"}])
    assert s.sync() == 1
    s.write([row | {"id": "2"}])
    s.sync()
    s2 = ParquetSink(p, 1)  # part 2 was never committed
    s2.write([row | {"id": "3"}])
    s2.finalise()
    import pyarrow.parquet as pq

    assert pq.read_table(p).column("id").to_pylist() == ["1", "3"]


# -- the job ----------------------------------------------------------------

@pytest.fixture
def mixed(tmp_path):
    """A JSONL file, an RSS and an Atom feed sharing a story, and a directory of HTML pages."""
    d = tmp_path / "in"
    d.mkdir()
    story = article(100)
    write_jsonl(d / "a.jsonl", [
        {"id": "j1", "text": article(1), "headline": "一", "url": "http://x/1",
         "date": "2024-01-01"},
        {"text": article(2)},
        {"html": html_page("网页", article(3))},
        {"headline": "no text"},
        {"text": story},
    ])
    with (d / "a.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{broken json\n")
    (d / "feed.xml").write_text(rss([
        {"guid": "g1", "title": "标题一", "body": article(10), "link": "http://127.0.0.1:9/1"},
        {"guid": "g2", "title": "同一新闻", "body": story},
        {"guid": "g3", "title": "转载", "body": near_duplicate(article(1))},
    ]), encoding="utf-8")
    (d / "feed2.atom").write_text(atom([
        {"guid": "urn:a1", "title": "原子", "body": article(20)},
        {"guid": "urn:a2", "title": "坏", "body": FAIL_MARKER + article(21)},
    ]), encoding="utf-8")
    pages = d / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"p{i}.html").write_text(html_page(f"页面{i}", article(30 + i)), encoding="utf-8")
    (pages / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    (pages / "notes.md").write_text("ignored", encoding="utf-8")
    return d


def test_mixed_inputs_dedup_and_dead_letter(mixed, tmp_path):
    out = tmp_path / "out.jsonl"
    rep = run([mixed], out)
    rows = read_jsonl(out)
    by_ref = {r["ref"].split("/in/")[-1]: r for r in rows}
    assert rep.ok == len(rows) == 9
    assert (rep.skipped_duplicates, rep.failed) == (2, 4)
    assert len(set(ids(out))) == len(rows)
    j1 = by_ref["a.jsonl:1"]
    assert (j1["id"], j1["headline"], j1["link"], j1["date"]) == ("j1", "一", "http://x/1",
                                                                    "2024-01-01")
    assert by_ref["a.jsonl:2"]["id"] == content_hash(article(2))
    extracted = extract_main_text(html_page("网页", article(3)))
    assert "编号3" in extracted and "首页" not in extracted  # boilerplate (nav) removed
    assert by_ref["a.jsonl:3"]["id"] == content_hash(extracted)
    g1 = by_ref["feed.xml#g1"]
    assert (g1["headline"], g1["link"], g1["engine"]) == ("标题一", "http://127.0.0.1:9/1", "fake")
    assert g1["date"] == "2023-11-14T22:13:20Z"
    assert by_ref["feed2.atom#urn:a1"]["date"] == "2024-01-01T08:00:00Z"
    assert {k for k in by_ref if k.startswith("pages/")} == {f"pages/p{i}.html" for i in range(3)}
    assert by_ref["pages/p1.html"]["headline"] == "页面1"

    dups = read_jsonl(side_paths(out)["duplicates"])
    how = {d["ref"].split("/in/")[-1]: (d["how"], d["duplicate_of"]) for d in dups}
    assert how == {"feed.xml#g2": ("exact", content_hash(article(100))),
                   "feed.xml#g3": ("near", "j1")}
    dead = read_jsonl(side_paths(out)["deadletter"])
    reasons = {d["ref"].split("/in/")[-1]: d["reason"] for d in dead}
    assert set(reasons) == {"a.jsonl:4", "a.jsonl:6", "feed2.atom#urn:a2", "pages/empty.html"}
    assert "no non-empty 'text' or 'html'" in reasons["a.jsonl:4"]
    assert "not valid JSON" in reasons["a.jsonl:6"]
    assert "ValueError" in reasons["feed2.atom#urn:a2"]
    assert any("notes.md" in e for e in rep.input_errors)


def test_resume_after_completion_adds_nothing_and_counts_already_done(mixed, tmp_path):
    out = tmp_path / "out.jsonl"
    first = run([mixed], out)
    again = run([mixed], out, resume=True)
    assert (again.ok, again.skipped_duplicates, again.failed) == (0, 0, 0)
    assert again.already_done == first.ok + first.skipped_duplicates + first.failed
    assert len(read_jsonl(out)) == first.ok
    assert len(read_jsonl(side_paths(out)["deadletter"])) == first.failed
    assert (again.total_ok, again.total_duplicates, again.total_failed) == (9, 2, 4)


def test_resume_processes_only_new_items(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"text": article(i)} for i in range(5)])
    out = tmp_path / "o.jsonl"
    run([src], out)
    write_jsonl(src, [{"text": article(i)} for i in range(8)])
    rep = run([src], out, resume=True)
    assert (rep.ok, rep.already_done) == (3, 5)
    assert sorted(ids(out)) == sorted(content_hash(article(i)) for i in range(8))


def test_same_id_with_different_text_is_a_failure_not_an_overwrite(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": article(1)}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": "1", "text": article(2)},
                                           {"id": "1", "text": article(1)}])
    out = tmp_path / "o.jsonl"
    rep = run([a, b], out)
    assert (rep.ok, rep.failed, rep.skipped_duplicates) == (1, 1, 1)
    [dead] = read_jsonl(side_paths(out)["deadletter"])
    assert "already used" in dead["reason"] and dead["ref"].endswith("b.jsonl:1")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_hold_the_same_records_as_jsonl(mixed, tmp_path, fmt):
    ref = tmp_path / "ref.jsonl"
    run([mixed], ref)
    expected = {r["id"]: r for r in read_jsonl(ref)}
    out = tmp_path / f"out.{fmt}"
    run([mixed], out)
    if fmt == "csv":
        with out.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        got = {r["id"]: r for r in rows}
        assert got.keys() == expected.keys()
        for k, r in got.items():
            assert r["summary"] == expected[k]["summary"]
            assert json.loads(r["themes"]) == expected[k]["themes"]
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        got = {r["id"]: r for r in table.to_pylist()}
        assert got == expected
        assert side_paths(out)["state"].exists() and (tmp_path / "out.parquet.parts").is_dir()


def test_two_workers_give_the_same_records_with_one_model_load_each(mixed, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run([mixed], one, workers=1)
    loads = tmp_path / "loads"
    run([mixed], two, workers=2, factory=FakeFactory(loads=str(loads)),
        config=Config.model_validate({"batch": {"queue_size": 8}}))
    key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)  # noqa: E731
    assert sorted(map(key, read_jsonl(one))) == sorted(map(key, read_jsonl(two)))
    assert len(list(loads.iterdir())) == 2


def test_run_level_errors(tmp_path, mixed):
    out = tmp_path / "o.jsonl"
    with pytest.raises(InputError, match="no inputs"):
        run_batch([], out, factory=FakeFactory())
    with pytest.raises(InputError, match="does not exist"):
        run([tmp_path / "missing.jsonl"], out)
    (tmp_path / "x.pdf").write_text("x")
    with pytest.raises(InputError, match="unsupported type"):
        run([tmp_path / "x.pdf"], out)
    with pytest.raises(InputError, match="output directory"):
        run([mixed], tmp_path / "nodir" / "o.jsonl")
    run([mixed], out)
    with pytest.raises(InputError, match="--resume"):
        run([mixed], out)
    with pytest.raises(ConfigError, match="started as jsonl"):
        run([mixed], out, resume=True, fmt="csv")
    other = tmp_path / "other.jsonl"
    other.write_text("x\n")
    with pytest.raises(InputError, match="already exists"):
        run([mixed], other)


def test_state_is_wal_and_records_every_item(mixed, tmp_path):
    out = tmp_path / "o.jsonl"
    rep = run([mixed], out)
    con = sqlite3.connect(side_paths(out)["state"])
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    counts = dict(con.execute("SELECT status, COUNT(*) FROM items GROUP BY status").fetchall())
    assert counts == {"done": rep.ok, "duplicate": rep.skipped_duplicates, "failed": rep.failed}


def test_text_pages_are_segmented_into_items(tmp_path):
    segment = pytest.importorskip("summarizer.segment")
    d = tmp_path / "pages"
    d.mkdir()
    page = "\n\n".join(f"标题{i}\n" + article(50 + i) for i in range(3))
    (d / "page1.txt").write_text(page, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    rep = run([d], out)
    rows = read_jsonl(out)
    assert rep.ok == len(rows) >= 1
    assert all(r["ref"].startswith(str(d / "page1.txt") + "#") for r in rows)
    items = segment.segment_text(page, source=str(d / "page1.txt")).items
    assert sorted(r["id"] for r in rows) == sorted(content_hash(it.body) for it in items)
    assert sorted(r["ref"] for r in rows) == sorted(f"{d / 'page1.txt'}#{it.id}" for it in items)


@pytest.mark.slow
def test_solo_chunk_runs_with_nothing_else_in_flight(tmp_path):
    # An item that was in flight when the job died must run by itself, or a second death
    # would be charged to whatever ran beside it.
    def items(*ids):
        return [WorkItem(id=i, text=article(k), source="s", ref=i) for k, i in enumerate(ids)]

    chunks = [items("a1", "a2"), items("b1", "b2"), Solo(items("solo")), items("c1", "c2"),
              items("d1", "d2")]
    runner = LocalRunner(FakeFactory(delay_s=0.1, trace=str(tmp_path)), workers=2)
    done = [o.item.id for outcomes in runner.run(iter(chunks)) for o in outcomes]
    assert done == ["a1", "a2", "b1", "b2", "solo", "c1", "c2", "d1", "d2"]
    spans = {}
    for f in tmp_path.glob("trace-*"):
        for line in f.read_text().splitlines():
            ids, start, end = line.split()
            spans[ids] = (float(start), float(end))
    s0, s1 = spans["solo"]
    assert all(end <= s0 or start >= s1 for ids, (start, end) in spans.items() if ids != "solo")
