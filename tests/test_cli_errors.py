"""Bad input through the real CLI entry point: exit code 2, a message naming the problem and the
fix, never a traceback, nothing dropped silently. Legacy encodings must work.

Most cases call :func:`summarizer.cli.main` in-process (no torch, no subprocess per case); one
subprocess test checks ``python -m summarizer`` itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from summarizer.textio import MAX_TEXT_BYTES

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = (
    "本报讯 青山县第一中学近日举行开学典礼，全校师生共一千二百人参加。"
    "校长在讲话中表示，学校将继续加强与城市学校的合作，推动教育资源共享。\n"
    "据介绍，今年学校新建了两座教学楼和一个图书馆，并引进了三十名年轻教师。"
    "县教育局负责人说，这是全县推进乡村振兴的重要一步。\n"
)
# Traditional characters only: Big5 cannot encode most simplified ones.
ARTICLE_TRAD = (
    "本報訊 青山縣第一中學近日舉行開學典禮，全校師生共一千二百人參加。"
    "校長在講話中表示，學校將繼續加強與城市學校的合作，推動教育資源共享。\n"
    "據介紹，今年學校新建了兩座教學樓和一個圖書館，並引進了三十名年輕教師。"
    "縣教育局負責人說，這是全縣推進鄉村振興的重要一步。\n"
)
RECORD = {"text": ARTICLE, "headline": "青山县一中开学", "summary": "青山一中开学",
          "label": "news_edu", "labels": []}


def assert_user_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    assert err.startswith("error: [E") or "\nerror: [E" in err, err
    assert "fix:" in err, f"no fix in: {err}"
    for needle in needles:
        assert needle in err, f"{needle!r} not in: {err}"
    assert out == ""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    f = {
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "png": tmp_path / "photo.png",
        "random": tmp_path / "random.bin",
        "dir": tmp_path / "adir",
        "missing": tmp_path / "missing.txt",
        "huge": tmp_path / "huge.txt",
    }
    f["empty"].write_bytes(b"")
    f["blank"].write_text(" \n\n\t  \n\u3000\n", encoding="utf-8")
    f["png"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    f["random"].write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    f["dir"].mkdir()
    with f["huge"].open("wb") as fh:  # sparse: costs no disk
        fh.truncate(MAX_TEXT_BYTES + 1)
    return f


TEXT_CASES = [
    ("empty", "is empty"),
    ("blank", "is empty"),
    ("png", "binary"),
    ("random", "binary"),
    ("dir", "is a directory"),
    ("missing", "does not exist"),
    ("huge", "MiB limit"),
]


@pytest.mark.parametrize("command", [["segment"], ["summarize", "-e", "extractive"],
                                     ["run", "-e", "extractive", "--no-classify"]])
@pytest.mark.parametrize(("case", "problem"), TEXT_CASES)
def test_bad_text_file(monkeypatch, capsys, files, command, case, problem):
    path = files[case]
    code, out, err = run_cli(monkeypatch, capsys, *command, str(path))
    assert_user_error(code, out, err, str(path), problem)


def test_empty_stdin(monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, "summarize", "-e", "extractive", "-",
                             stdin=b" \n")
    assert_user_error(code, out, err, "standard input is empty")


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_legacy_encodings_work(monkeypatch, capsys, tmp_path, encoding):
    text = ARTICLE_TRAD if encoding == "big5" else ARTICLE
    page = tmp_path / f"{encoding}.txt"
    page.write_bytes(text.encode(encoding))
    code, out, err = run_cli(monkeypatch, capsys, "segment", str(page))
    assert code in (0, None), err
    [item] = json.loads(out)["items"]
    # Every sentence survives decoding and segmentation (OCR spaces between CJK are removed).
    for sentence in text.replace(" ", "").split("。")[:-1]:
        assert sentence in item["body"]

    code, out, err = run_cli(monkeypatch, capsys, "summarize", "-e", "extractive", "-",
                             stdin=text.encode(encoding))
    assert code in (0, None), err
    summary = out.strip()
    assert summary and all(ch in text for ch in summary if not ch.isspace())


# -- JSONL inputs -------------------------------------------------------------


def _jsonl_files(tmp_path: Path) -> dict[str, Path]:
    good = json.dumps(RECORD, ensure_ascii=False)
    contents = {
        "malformed": (good + '\n{"text": "abc",\n' + good + "\n").encode(),
        "not_object": (good + "\n[1, 2]\n").encode(),
        "no_text": (good + "\n" + json.dumps({"headline": None, "id": 3}) + "\n").encode(),
        "gbk": (good + "\n").encode("utf-8") + (good + "\n").encode("gb18030"),
        "empty": b"\n \n",
    }
    paths = {}
    for name, data in contents.items():
        paths[name] = tmp_path / f"{name}.jsonl"
        paths[name].write_bytes(data)
    return paths


JSONL_CASES = [
    ("malformed", ":2: not valid JSON", "one JSON object"),
    ("not_object", ":2: expected a JSON object, got list", '{"text": "..."}'),
    ("no_text", ":2: record has no non-empty 'text'", '"text"'),
    ("gbk", ":2: not UTF-8", "iconv"),
    ("empty", "contains no records", "one JSON object per line"),
]


@pytest.mark.parametrize(("case", "problem", "fix"), JSONL_CASES)
def test_bad_jsonl_every_command(monkeypatch, capsys, tmp_path, case, problem, fix):
    src = _jsonl_files(tmp_path)[case]
    dst = tmp_path / "out.jsonl"
    commands = [
        ["summarize", "-e", "extractive", "--input", str(src), "--output", str(dst)],
        ["classify", "--task", "category", "--input", str(src), "--output", str(dst)],
        ["classify", "--task", "themes", "--input", str(src), "--output", str(dst)],
        ["eval", "summarize", "-e", "extractive", "--data", str(src)],
        ["eval", "classify", "--task", "category", "--data", str(src)],
        ["eval", "classify", "--task", "themes", "--data", str(src)],
    ]
    for command in commands:
        code, out, err = run_cli(monkeypatch, capsys, *command)
        assert_user_error(code, out, err, str(src), problem, fix)
        # Nothing half-written: the bad line stops the job before any output.
        assert not dst.exists()


def test_jsonl_missing_and_directory(monkeypatch, capsys, tmp_path):
    for path, problem in ((tmp_path / "nope.jsonl", "does not exist"), (tmp_path, "directory")):
        code, out, err = run_cli(monkeypatch, capsys, "classify", "-t", "category", "-i",
                                 str(path), "-o", str(tmp_path / "o.jsonl"))
        assert_user_error(code, out, err, str(path), problem)


def test_eval_reference_fields_named_with_line(monkeypatch, capsys, tmp_path):
    data = tmp_path / "gold.jsonl"
    rec = json.dumps(RECORD, ensure_ascii=False)
    bad = json.dumps({"text": ARTICLE, "label": 3, "labels": "x"}, ensure_ascii=False)
    data.write_text(rec + "\n" + bad + "\n", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "eval", "classify", "-t", "category", "-d",
                             str(data))
    assert_user_error(code, out, err, f"{data}:2", "'label'", '"label": "news_edu"')
    code, out, err = run_cli(monkeypatch, capsys, "eval", "classify", "-t", "themes", "-d",
                             str(data))
    assert_user_error(code, out, err, f"{data}:2", "'labels'", "theme ids")
    data.write_text(rec + "\n" + json.dumps({"text": ARTICLE}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "eval", "summarize", "-e", "extractive", "-d",
                             str(data))
    assert_user_error(code, out, err, f"{data}:2", "'summary'")


def test_every_record_is_written_in_order(monkeypatch, capsys, tmp_path):
    src = tmp_path / "in.jsonl"
    recs = [dict(RECORD, id=i) for i in range(5)]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n\n" for r in recs),
                   encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    code, _, err = run_cli(monkeypatch, capsys, "classify", "-t", "category", "-i", str(src),
                           "-o", str(dst))
    assert code in (0, None), err
    written = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in written] == list(range(5))
    assert all(r["category"]["label"] for r in written)


# -- outputs ------------------------------------------------------------------


def test_unwritable_output(monkeypatch, capsys, tmp_path):
    page = ROOT / "examples" / "page.txt"
    for output, problem, fix in (
        (tmp_path, "it is a directory", "file name"),
        (tmp_path / "no" / "such" / "out.json", "No such file or directory", "create the dir"),
    ):
        code, out, err = run_cli(monkeypatch, capsys, "segment", str(page), "-o", str(output))
        assert_user_error(code, out, err, str(output), problem, fix)
    src = _jsonl_files(tmp_path)["malformed"].with_name("good.jsonl")
    src.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "summarize", "-e", "extractive", "-i",
                             str(src), "-o", str(tmp_path))
    assert_user_error(code, out, err, "it is a directory")


def test_summarize_needs_exactly_one_input(monkeypatch, capsys, tmp_path):
    code, out, err = run_cli(monkeypatch, capsys, "summarize", "-e", "extractive")
    assert_user_error(code, out, err, "article FILE", "--input in.jsonl --output out.jsonl")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "summarize", "-e", "extractive", "-i", str(src))
    assert_user_error(code, out, err, "--input needs --output", "add --output")


# -- models -------------------------------------------------------------------


def test_missing_models(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    a_file = tmp_path / "weights.bin"
    a_file.write_bytes(b"x")
    cases = [
        ("/nonexistent/model", "model directory /nonexistent/model does not exist",
         "check the path"),
        ("nobody/no-such-summarizer", "'nobody/no-such-summarizer' is not available",
         "hf download nobody/no-such-summarizer"),
        (str(a_file), "is a file, not a model directory", "config.json"),
    ]
    for model, problem, fix in cases:
        code, out, err = run_cli(monkeypatch, capsys, "summarize", "-e", "abstractive",
                                 "--model", model, str(article))
        assert_user_error(code, out, err, problem, fix, "--engine extractive")
    # The path hint must not tell the user to download a path from the hub.
    code, out, err = run_cli(monkeypatch, capsys, "run", "-e", "abstractive", "-m",
                             "./models/randeng", str(ROOT / "examples" / "page.txt"))
    assert_user_error(code, out, err, "./models/randeng does not exist")
    assert "hf download" not in err


def test_a_named_model_is_not_silently_replaced(monkeypatch, capsys, tmp_path):
    # Without --engine, auto would fall back to extractive; naming a model asks for it.
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "summarize", "--model", "/typo/model",
                             str(article))
    assert_user_error(code, out, err, "/typo/model does not exist")


def test_export_of_a_directory_without_a_model(monkeypatch, capsys, tmp_path):
    pytest.importorskip("ctranslate2")
    empty = tmp_path / "empty_model"
    empty.mkdir()
    code, out, err = run_cli(monkeypatch, capsys, "export", "-m", str(empty), "-o",
                             str(tmp_path / "ct2"))
    assert_user_error(code, out, err, str(empty), "config.json")


# -- configs ------------------------------------------------------------------


CONFIG_CASES = [
    ("bad_syntax.yaml", b"summarize:\n  engine: [\n", "not valid YAML", "line 3"),
    ("typo.yaml", b"summarize:\n  enginee: auto\n", "summarize.enginee: unknown field",
     "did you mean 'engine'"),
    ("list.yaml", b"- a\n- b\n", "must contain a mapping", "configs/default.yaml"),
    ("gbk.yaml", "summarize:\n  model: 模型\n".encode("gb18030"), "not UTF-8", "UTF-8"),
    ("value.yaml", b"summarize:\n  generation:\n    num_beams: 0\n",
     "summarize.generation.num_beams", "greater than or equal to 1"),
]


@pytest.mark.parametrize(("name", "content", "problem", "detail"), CONFIG_CASES)
def test_bad_config_file(monkeypatch, capsys, tmp_path, name, content, problem, detail):
    cfg = tmp_path / name
    cfg.write_bytes(content)
    code, out, err = run_cli(monkeypatch, capsys, "summarize", "-e", "extractive", "-c",
                             str(cfg), str(ROOT / "examples" / "page.txt"))
    assert_user_error(code, out, err, str(cfg), problem, detail)
    assert "errors.pydantic.dev" not in err


def test_config_path_missing_or_directory(monkeypatch, capsys, tmp_path):
    for path, problem in ((tmp_path / "none.yaml", "not found"), (tmp_path, "is not a file")):
        code, out, err = run_cli(monkeypatch, capsys, "classify", "-t", "category", "-c",
                                 str(path), "-i", "x.jsonl", "-o", "y.jsonl")
        assert_user_error(code, out, err, str(path), problem)


SET_CASES = [
    ("summarize.engine=bogus", "summarize.engine", "'abstractive', 'extractive' or 'auto'"),
    ("summarise.engine=auto", "summarise: unknown field", "did you mean 'summarize'"),
    ("=3", "not of the form section.field=value", "--set summarize.engine=extractive"),
    ("summarize", "not of the form section.field=value", "--set summarize.engine=extractive"),
    ("summarize.max_chars=[", "is not valid YAML", "quote it"),
]


@pytest.mark.parametrize(("override", "problem", "fix"), SET_CASES)
def test_bad_set_override(monkeypatch, capsys, tmp_path, override, problem, fix):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "summarize", "--set", override, str(article))
    assert_user_error(code, out, err, problem, fix)


@pytest.mark.parametrize("command", ["summarizer", "category", "themes"])
def test_bad_training_config(monkeypatch, capsys, tmp_path, command):
    cfg = tmp_path / "train.yaml"
    cfg.write_bytes(b"model: [\n")
    code, out, err = run_cli(monkeypatch, capsys, "train", command, "--config", str(cfg))
    assert_user_error(code, out, err, str(cfg), "not valid YAML")
    cfg.write_bytes(b"\x89PNG\r\n\x1a\n")
    code, out, err = run_cli(monkeypatch, capsys, "train", command, "--config", str(cfg))
    assert_user_error(code, out, err, str(cfg), "not UTF-8")


# -- the real entry point -------------------------------------------------------


def test_python_m_summarizer_exit_code_and_no_traceback(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    page = tmp_path / "page.png"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc = subprocess.run([sys.executable, "-m", "summarizer", "segment", str(page)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith(f"error: [E100] {page} looks like a binary file")
    assert "fix:" in proc.stderr and "Traceback" not in proc.stderr


def test_segment_path_imports_no_heavy_library(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['summarizer', 'segment', {str(ROOT / 'examples' / 'page.txt')!r}]\n"
        "try:\n    runpy.run_module('summarizer', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'torch', 'transformers', 'sklearn', 'ray', 'jieba', 'numpy', 'datasets'})\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=60)
    assert '"items"' in proc.stdout
    assert proc.stderr.rstrip().endswith("HEAVY="), proc.stderr[-300:]
