"""Fine-tuning pipeline: two steps on real LCSTS pairs, reload the result, resume, length report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from summarizer.errors import ConfigError, InputError
from summarizer.models import load_seq2seq
from training.train_summarizer import (
    TrainConfig,
    build_data,
    build_model,
    compute_metrics,
    load_train_config,
    main,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def lcsts(shared_data: Path) -> dict[str, Path]:
    files = {s: shared_data / "summarization" / f"lcsts_{s}.jsonl" for s in ("train", "val")}
    if not all(p.is_file() for p in files.values()):
        pytest.skip("LCSTS train/val files are not in ../shared/data")
    return files


def _cfg(model: Path, lcsts: dict[str, Path], out: Path, **kw) -> TrainConfig:
    fields = {
        "model": str(model),
        "train_file": lcsts["train"],
        "eval_file": lcsts["val"],
        "output_dir": out,
        # The tiny model has 64 positions: LCSTS posts (~110 characters) exceed it,
        # which exercises the report-then-truncate path.
        "max_source_length": 64,
        "max_target_length": 24,
        "max_train_samples": 8,
        "max_eval_samples": 4,
        "per_device_train_batch_size": 4,
        "per_device_eval_batch_size": 4,
        "max_steps": 2,
        "eval_steps": 2,
        "logging_steps": 1,
        "generation_num_beams": 1,
        "learning_rate": 1e-3,
        "device": "cpu",
    }
    fields.update(kw)
    return TrainConfig(**fields)


@pytest.fixture(scope="module")
def trained(tiny_pegasus_dir, lcsts, tmp_path_factory):
    out = tmp_path_factory.mktemp("train") / "run"
    cfg = _cfg(tiny_pegasus_dir, lcsts, out)
    return cfg, main(cfg)


def test_two_steps_train_evaluate_and_save(trained, tiny_pegasus_dir):
    cfg, summary = trained
    assert summary["train"]["train_loss"] > 0
    assert summary["resumed_from"] is None
    assert summary["precision"] == "fp32"
    assert {"eval_rouge1", "eval_rouge2", "eval_rougeL"} <= set(summary["eval"])
    assert all(0 <= summary["eval"][k] <= 100 for k in ("eval_rouge1", "eval_rougeL"))
    state = json.loads((cfg.output_dir / "checkpoint-2" / "trainer_state.json").read_text())
    assert state["global_step"] == 2
    # Two optimiser steps changed the weights.
    from transformers import AutoModelForSeq2SeqLM

    before = AutoModelForSeq2SeqLM.from_pretrained(str(tiny_pegasus_dir)).state_dict()
    after = AutoModelForSeq2SeqLM.from_pretrained(str(cfg.output_dir)).state_dict()
    key = "model.encoder.layers.0.fc1.weight"
    assert not np.allclose(before[key].numpy(), after[key].numpy())
    written = json.loads((cfg.output_dir / "train_summary.json").read_text(encoding="utf-8"))
    assert written["data"] == summary["data"]


def test_output_dir_loads_as_a_model(trained):
    cfg, _ = trained
    model = load_seq2seq(str(cfg.output_dir), device="cpu")
    assert type(model.tokenizer).__name__ == "RandengPegasusTokenizer"
    ids = model.tokenizer("国家统计局今天发布数据。")["input_ids"]
    [out] = model.backend.generate([ids], max_new_tokens=8, min_new_tokens=2, num_beams=1,
                                   no_repeat_ngram_size=0, repetition_penalty=1.0,
                                   length_penalty=1.0)
    assert 2 <= len(out) <= 8
    assert isinstance(model.tokenizer.decode(out, skip_special_tokens=True), str)


def test_output_dir_runs_in_the_engine(trained):
    from summarizer.config import GenerationConfig, SummarizeConfig
    from summarizer.summarize.abstractive import AbstractiveSummarizer
    from summarizer.types import Document

    cfg, _ = trained
    engine = AbstractiveSummarizer(SummarizeConfig(
        model=str(cfg.output_dir), device="cpu", chunk_tokens=64,
        generation=GenerationConfig(num_beams=2), fallback_on_unsupported=False))
    [summary] = engine.summarize([Document("国家统计局今天发布数据。本市今年将新建学校。")],
                                 max_chars=20)
    assert summary.engine == "abstractive" and summary.model == str(cfg.output_dir)
    assert len(summary.text) <= 20


def test_resumes_from_the_last_checkpoint(trained, lcsts, tiny_pegasus_dir):
    cfg, _ = trained
    again = main(_cfg(tiny_pegasus_dir, lcsts, cfg.output_dir, max_steps=3, eval_file=None))
    assert again["resumed_from"].endswith("checkpoint-2")
    assert again["train"]["train_runtime"] >= 0
    state = json.loads((cfg.output_dir / "checkpoint-3" / "trainer_state.json").read_text())
    assert state["global_step"] == 3


def test_long_inputs_are_counted_and_handled(tiny_pegasus_dir, lcsts, tmp_path):
    cfg = _cfg(tiny_pegasus_dir, lcsts, tmp_path / "x", max_train_samples=30, eval_file=None)
    _, tokenizer = build_model(cfg)
    texts = [json.loads(line)["text"] for line in lcsts["train"].open(encoding="utf-8")][:30]
    lengths = sorted(len(tokenizer(t)["input_ids"]) for t in texts)
    limit = lengths[len(lengths) // 2]  # about half the posts are longer
    expected_over = sum(n > limit for n in lengths)
    assert 0 < expected_over < 30
    cfg = cfg.model_copy(update={"max_source_length": limit})

    data, report = build_data(cfg, tokenizer)
    assert report["train"]["inputs_over_limit"] == expected_over
    assert len(data["train"]) == 30
    assert max(len(x) for x in data["train"]["input_ids"]) == limit
    # Truncated inputs still end with </s>, like every other input.
    assert all(x[-1] == tokenizer.eos_token_id for x in data["train"]["input_ids"])
    assert max(len(x) for x in data["train"]["labels"]) <= 24

    dropped, report = build_data(cfg.model_copy(update={"long_inputs": "drop"}), tokenizer)
    assert len(dropped["train"]) == 30 - expected_over == report["train"]["kept"]

    with pytest.raises(InputError, match=f"{expected_over} of 30 inputs exceed"):
        build_data(cfg.model_copy(update={"long_inputs": "error"}), tokenizer)


def test_compute_metrics_is_character_rouge(tiny_pegasus_dir, lcsts, tmp_path):
    _, tokenizer = build_model(_cfg(tiny_pegasus_dir, lcsts, tmp_path / "x"))
    refs = ["国家统计局发布数据", "本市新建学校"]
    enc = tokenizer(refs, padding=True)["input_ids"]
    preds = np.array(enc)
    labels = np.where(preds == tokenizer.pad_token_id, -100, preds)
    perfect = compute_metrics((preds, labels), tokenizer=tokenizer, references=refs)
    assert perfect["rouge1"] == perfect["rouge2"] == perfect["rougeL"] == 100.0
    wrong = compute_metrics((preds[::-1], labels), tokenizer=tokenizer, references=refs)
    assert wrong["rouge1"] < 100.0
    from_labels = compute_metrics((preds, labels), tokenizer=tokenizer)
    assert from_labels["rougeL"] == 100.0


def test_shipped_configs_validate():
    for name in ("train_summarizer.yaml", "train_randeng_gpu.yaml"):
        cfg = load_train_config(ROOT / "configs" / name)
        assert cfg.model == "IDEA-CCNL/Randeng-Pegasus-238M-Summary-Chinese"


def test_bad_config_is_a_config_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("model: x\ntrain_file: a.jsonl\noutput_dir: o\nlearning_rate: -1\n")
    with pytest.raises(ConfigError, match="learning_rate"):
        load_train_config(bad)
    with pytest.raises(ConfigError, match="unknown_field"):
        load_train_config(bad, ["learning_rate=1e-4", "unknown_field=3"])


def test_cli_train_command(tiny_pegasus_dir, lcsts, tmp_path, monkeypatch, capsys):
    import sys

    import yaml

    from summarizer.cli import main as cli_main

    cfg = _cfg(tiny_pegasus_dir, lcsts, tmp_path / "cli-run", max_steps=1, eval_file=None)
    path = tmp_path / "train.yaml"
    path.write_text(yaml.safe_dump(json.loads(cfg.model_dump_json())), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["summarizer", "train", "summarizer", "--config", str(path),
                                      "--set", "max_train_samples=4"])
    with pytest.raises(SystemExit) as done:
        cli_main()
    assert done.value.code in (0, None)
    out = capsys.readouterr().out
    # The Trainer logs to stdout too; the command's JSON summary comes last.
    summary = json.loads(out[out.index('{\n  "output_dir"'):])
    assert summary["data"]["train"]["records"] == 4
    assert (tmp_path / "cli-run" / "train_summary.json").is_file()
