"""Fine-tune a Hugging Face seq2seq model on (text, summary) pairs.

Works for any ``AutoModelForSeq2SeqLM`` checkpoint (Pegasus, BART, T5/mT5),
Randeng-Pegasus included: the tokenizer comes from
:func:`summarizer.models.load_tokenizer`, which gives Randeng checkpoints the
project's own jieba + WordPiece tokenizer. Evaluation scores generated
summaries with the project's character-level ROUGE. Training resumes from the
last checkpoint in ``output_dir``; the final model and tokenizer are written to
``output_dir`` itself, so ``summarizer summarize --model OUTPUT_DIR`` loads it.

    python training/train_summarizer.py --config configs/train_summarizer.yaml
    summarizer train summarizer --config configs/train_randeng_gpu.yaml

Data: JSONL, one ``{"text": ..., "summary": ...}`` per line (other fields are
ignored). Inputs longer than ``max_source_length`` tokens are counted and
reported, then truncated, dropped or refused as ``long_inputs`` says.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))

from summarizer.errors import (  # noqa: E402
    DependencyError,
    InputError,
    ModelNotFoundError,
)


class TrainConfig(BaseModel):
    """Everything a fine-tuning run needs; the YAML file maps onto these fields."""

    model_config = ConfigDict(extra="forbid", protected_namespaces=())

    # Hub id found in the local Hugging Face cache, or a local directory.
    model: str
    train_file: Path
    eval_file: Path | None = None
    output_dir: Path
    # Token limits. Randeng-Pegasus accepts up to 1024 positions; LCSTS-like
    # news fits in 128-256 tokens, summaries in 64.
    max_source_length: int = Field(512, ge=8)
    max_target_length: int = Field(64, ge=4)
    # What to do with inputs over max_source_length (always counted and reported).
    long_inputs: Literal["truncate", "drop", "error"] = "truncate"
    max_train_samples: int | None = Field(None, ge=1)
    max_eval_samples: int | None = Field(None, ge=1)
    learning_rate: float = Field(5e-5, gt=0)
    weight_decay: float = Field(0.01, ge=0)
    # int: steps; float in [0, 1): fraction of all steps.
    warmup_steps: float = Field(0.05, ge=0)
    label_smoothing: float = Field(0.0, ge=0, lt=1)
    num_train_epochs: float = Field(3.0, gt=0)
    # -1: run num_train_epochs; otherwise stop after this many optimiser steps.
    max_steps: int = -1
    per_device_train_batch_size: int = Field(8, ge=1)
    per_device_eval_batch_size: int = Field(16, ge=1)
    gradient_accumulation_steps: int = Field(1, ge=1)
    # null: evaluate (and save) once per epoch; N: every N optimiser steps.
    eval_steps: int | None = Field(None, ge=1)
    save_total_limit: int = Field(2, ge=1)
    logging_steps: int = Field(50, ge=1)
    generation_num_beams: int = Field(4, ge=1)
    # auto: bf16 on GPUs that support it, fp16 on other GPUs, fp32 on CPU.
    precision: Literal["auto", "fp32", "bf16", "fp16"] = "auto"
    device: Literal["auto", "cpu", "cuda"] = "auto"
    gradient_checkpointing: bool = False
    # Resume from the newest checkpoint-* in output_dir when there is one.
    resume: bool = True
    seed: int = 42
    dataloader_num_workers: int = Field(0, ge=0)


def load_train_config(path: str | Path, overrides: Sequence[str] = ()) -> TrainConfig:
    """Read a training YAML; ``overrides`` are ``field=value`` strings.

    >>> load_train_config("configs/train_summarizer.yaml").max_target_length  # doctest: +SKIP
    64
    """
    from summarizer.config import apply_overrides, read_yaml, validate

    example = "configs/train_summarizer.yaml"
    data = apply_overrides(read_yaml(path, what="training config", example=example), overrides)
    # Relative data/output paths are relative to the directory the command runs in.
    return validate(TrainConfig, data, where=str(path), example=example)


def read_pairs(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    """``text``/``summary`` pairs of a JSONL file; a record missing either is an error."""
    from summarizer.textio import iter_jsonl, require_text

    if not path.is_file():
        raise InputError(f"data file {path} not found", hint="check train_file / eval_file")
    pairs = []
    for lineno, rec in iter_jsonl(path):
        where = f"{path}:{lineno}"
        pairs.append({"text": require_text(rec, where=where),
                      "summary": require_text(rec, where=where, field="summary")})
        if limit is not None and len(pairs) >= limit:
            break
    if not pairs:
        raise InputError(f"{path} holds no records", hint="one JSON object per line")
    return pairs


def _encode(tokenizer: Any, texts: list[str], limit: int, policy: str) -> tuple[list, list[int]]:
    """Token ids per text and their untruncated lengths; over-long texts re-encoded to fit.

    Texts that fit are left untouched; only the few that do not are encoded a
    second time with truncation, so the tokenizer's own special tokens stay
    in place.
    """
    ids = tokenizer(texts)["input_ids"]
    lengths = [len(x) for x in ids]
    over = [i for i, n in enumerate(lengths) if n > limit]
    if over and policy == "truncate":
        cut = tokenizer([texts[i] for i in over], max_length=limit, truncation=True)["input_ids"]
        for i, row in zip(over, cut, strict=True):
            ids[i] = row
    return ids, lengths


def build_data(cfg: TrainConfig, tokenizer: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Tokenised ``train`` (and ``eval``) datasets plus a report of what was cut.

    Returns ``(datasets, report)``: ``datasets`` maps split name to a
    ``datasets.Dataset`` with ``input_ids``, ``attention_mask``, ``labels``
    (unpadded; the collator pads labels with -100 so padding is not learnt) and
    ``report`` gives, per split, how many inputs/summaries exceeded their limit.

    >>> data, report = build_data(cfg, tokenizer)  # doctest: +SKIP
    >>> report["train"]["inputs_over_limit"]  # doctest: +SKIP
    0
    """
    from datasets import Dataset

    splits = {"train": (cfg.train_file, cfg.max_train_samples)}
    if cfg.eval_file is not None:
        splits["eval"] = (cfg.eval_file, cfg.max_eval_samples)
    out: dict[str, Any] = {}
    report: dict[str, Any] = {}
    for name, (path, limit) in splits.items():
        pairs = read_pairs(Path(path), limit)
        texts = [p["text"] for p in pairs]
        summaries = [p["summary"] for p in pairs]
        src, src_len = _encode(tokenizer, texts, cfg.max_source_length, cfg.long_inputs)
        tgt = tokenizer(text_target=summaries, max_length=cfg.max_target_length,
                        truncation=True)["input_ids"]
        tgt_len = [len(x) for x in tokenizer(text_target=summaries)["input_ids"]]
        over = [i for i, n in enumerate(src_len) if n > cfg.max_source_length]
        stats = {
            "records": len(pairs),
            "inputs_over_limit": len(over),
            "longest_input_tokens": max(src_len),
            "summaries_over_limit": sum(n > cfg.max_target_length for n in tgt_len),
            "longest_summary_tokens": max(tgt_len),
            "long_inputs": cfg.long_inputs,
        }
        if over:
            first = over[0]
            msg = (f"{name}: {len(over)} of {len(pairs)} inputs exceed max_source_length="
                   f"{cfg.max_source_length} tokens (longest {max(src_len)}; first at record "
                   f"{first + 1} of {path})")
            if cfg.long_inputs == "error":
                raise InputError(msg, hint="raise max_source_length, shorten the texts, or set "
                                 "long_inputs: truncate / drop")
            print(f"{msg}; {'truncated' if cfg.long_inputs == 'truncate' else 'dropped'}",
                  file=sys.stderr)
        if stats["summaries_over_limit"]:
            print(f"{name}: {stats['summaries_over_limit']} summaries exceed max_target_length="
                  f"{cfg.max_target_length} tokens and are truncated as targets",
                  file=sys.stderr)
        keep = [i for i in range(len(pairs))
                if not (cfg.long_inputs == "drop" and src_len[i] > cfg.max_source_length)]
        if not keep:
            raise InputError(f"{name}: every input exceeds max_source_length and was dropped",
                             hint="raise max_source_length or set long_inputs: truncate")
        stats["kept"] = len(keep)
        out[name] = Dataset.from_dict({
            "input_ids": [src[i] for i in keep],
            "attention_mask": [[1] * len(src[i]) for i in keep],
            "labels": [tgt[i] for i in keep],
            "reference": [summaries[i] for i in keep],
        })
        report[name] = stats
    return out, report


def build_model(cfg: TrainConfig) -> tuple[Any, Any]:
    """The seq2seq model and its tokenizer, found locally (never downloaded).

    >>> model, tokenizer = build_model(cfg)  # doctest: +SKIP
    """
    from transformers import AutoConfig, AutoModelForSeq2SeqLM

    from summarizer.models import TRAINING_ALTERNATIVE, load_tokenizer, locate_model

    loc = locate_model(cfg.model, alternative=TRAINING_ALTERNATIVE)
    config = AutoConfig.from_pretrained(str(loc.path))
    tokenizer = load_tokenizer(loc.path, getattr(config, "model_type", None))
    model = AutoModelForSeq2SeqLM.from_pretrained(str(loc.path))
    if cfg.gradient_checkpointing:
        model.gradient_checkpointing_enable()
    return model, tokenizer


def compute_metrics(
    eval_pred: Any, *, tokenizer: Any, references: Sequence[str] | None = None
) -> dict[str, float]:
    """Character-level ROUGE-1/2/L (x100) of generated summaries.

    ``references`` are the original summary strings in evaluation order; when
    absent the labels are decoded instead (which loses characters the vocab
    maps to ``<unk>``).

    >>> compute_metrics((pred_ids, label_ids), tokenizer=tok, references=refs)  # doctest: +SKIP
    {'rouge1': 31.2, 'rouge2': 18.0, 'rougeL': 28.9, 'gen_len': 17.4}
    """
    import numpy as np

    from summarizer.metrics import corpus_rouge

    preds, labels = eval_pred[0], eval_pred[1]
    if isinstance(preds, tuple):
        preds = preds[0]
    preds = np.where(preds < 0, tokenizer.pad_token_id, preds)
    decoded = tokenizer.batch_decode(preds, skip_special_tokens=True)
    if references is None:
        labels = np.where(labels < 0, tokenizer.pad_token_id, labels)
        references = tokenizer.batch_decode(labels, skip_special_tokens=True)
    scores = corpus_rouge([p.strip() for p in decoded], list(references))
    scores.pop("n")
    scores["gen_len"] = round(float(np.mean([len(p.replace(" ", "")) for p in decoded])), 2)
    return scores


def _precision(cfg: TrainConfig) -> tuple[str, bool, bool]:
    """Device and (bf16, fp16) flags, chosen by summarizer.models."""
    import torch

    from summarizer.models import resolve_device, resolve_dtype

    try:
        device = resolve_device(cfg.device)
    except ModelNotFoundError as exc:  # its hint names the summarize section, not this file
        raise ModelNotFoundError(exc.message, hint="set `device: auto` in the training config "
                                 "or pass --set device=cpu") from None
    if device == "mps":  # Trainer's mixed precision targets CUDA; keep Apple GPUs at fp32
        device = "cpu"
    if cfg.precision != "auto":
        return device, cfg.precision == "bf16", cfg.precision == "fp16"
    dtype = resolve_dtype(device)
    return device, dtype == torch.bfloat16, dtype == torch.float16


def main(cfg: TrainConfig) -> dict[str, Any]:
    """Fine-tune, evaluate and save to ``cfg.output_dir``; returns the run summary.

    >>> main(load_train_config("configs/train_summarizer.yaml"))  # doctest: +SKIP
    {'output_dir': 'runs/summarizer', 'train': {...}, 'eval': {'eval_rougeL': ...}}
    """
    from functools import partial

    from transformers import DataCollatorForSeq2Seq, Seq2SeqTrainer, Seq2SeqTrainingArguments
    from transformers.trainer_utils import get_last_checkpoint

    if importlib.util.find_spec("accelerate") is None:
        raise DependencyError("training with the transformers Trainer needs accelerate",
                              hint="pip install 'summarizer[train]'")
    device, bf16, fp16 = _precision(cfg)
    model, tokenizer = build_model(cfg)
    data, report = build_data(cfg, tokenizer)
    has_eval = "eval" in data
    strategy = "steps" if cfg.eval_steps else "epoch"
    args = Seq2SeqTrainingArguments(
        output_dir=str(cfg.output_dir),
        learning_rate=cfg.learning_rate,
        weight_decay=cfg.weight_decay,
        warmup_steps=int(cfg.warmup_steps) if cfg.warmup_steps >= 1 else cfg.warmup_steps,
        label_smoothing_factor=cfg.label_smoothing,
        num_train_epochs=cfg.num_train_epochs,
        max_steps=cfg.max_steps,
        per_device_train_batch_size=cfg.per_device_train_batch_size,
        per_device_eval_batch_size=cfg.per_device_eval_batch_size,
        gradient_accumulation_steps=cfg.gradient_accumulation_steps,
        eval_strategy=strategy if has_eval else "no",
        eval_steps=cfg.eval_steps,
        save_strategy=strategy,
        save_steps=cfg.eval_steps,
        save_total_limit=cfg.save_total_limit,
        load_best_model_at_end=has_eval,
        metric_for_best_model="rougeL" if has_eval else None,
        greater_is_better=True if has_eval else None,
        logging_steps=cfg.logging_steps,
        predict_with_generate=True,
        generation_max_length=cfg.max_target_length,
        generation_num_beams=cfg.generation_num_beams,
        bf16=bf16,
        fp16=fp16,
        use_cpu=device == "cpu",
        seed=cfg.seed,
        dataloader_num_workers=cfg.dataloader_num_workers,
        # Keeps `reference` (the original summaries) out of the model's inputs.
        remove_unused_columns=True,
        report_to="none",
    )
    references = data["eval"]["reference"] if has_eval else None
    trainer = Seq2SeqTrainer(
        model=model,
        args=args,
        train_dataset=data["train"],
        eval_dataset=data.get("eval"),
        processing_class=tokenizer,
        data_collator=DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100),
        compute_metrics=partial(compute_metrics, tokenizer=tokenizer, references=references)
        if has_eval else None,
    )
    last = get_last_checkpoint(str(cfg.output_dir)) if cfg.output_dir.is_dir() else None
    resume_from = last if cfg.resume and last else None
    if resume_from:
        print(f"resuming from {resume_from}", file=sys.stderr)
    result = trainer.train(resume_from_checkpoint=resume_from)
    summary: dict[str, Any] = {
        "output_dir": str(cfg.output_dir),
        "device": device,
        "precision": "bf16" if bf16 else "fp16" if fp16 else "fp32",
        "resumed_from": resume_from,
        "data": report,
        "train": result.metrics,
    }
    if has_eval:
        summary["eval"] = trainer.evaluate()
    trainer.save_model(str(cfg.output_dir))
    tokenizer.save_pretrained(str(cfg.output_dir))
    (cfg.output_dir / "train_summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return summary


def cli(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--config", "-c", type=Path, required=True)
    ap.add_argument("--set", dest="overrides", action="append", default=[],
                    help="override a field, e.g. --set max_steps=100")
    args = ap.parse_args(argv)
    summary = main(load_train_config(args.config, args.overrides))
    print(json.dumps(summary, indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    from summarizer.errors import SummarizerError

    try:
        cli()
    except SummarizerError as exc:
        sys.exit(f"error: {exc.render()}")
