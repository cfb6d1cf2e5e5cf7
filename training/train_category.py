"""Train the news-category classifier: the shipped linear model, or a fine-tuned encoder.

``kind: linear`` rebuilds the model shipped in ``summarizer/resources/category``:
character (+ optional jieba-word) n-gram TF-IDF and a linear classifier (by default
NB-SVM: one SVM per class over naive-Bayes log-count-ratio-scaled features) whose
regularisation ``C`` is chosen on the dev split, then (``refit_on_dev``)
refitted on train + dev with cross-validated calibration. ``kind: transformer``
fine-tunes a pretrained Chinese encoder (bert-base-chinese, hfl/rbt3, ...) with
the transformers Trainer; the label names go into its ``config.json``
(``id2label`` / ``label2id``) so :func:`summarizer.classify.category.load_category_model`
loads either kind the same way.

    python training/train_category.py --config configs/train_category.yaml
    summarizer train category --config configs/train_category.yaml --set kind=transformer
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from summarizer.classify.category import CATEGORY_LABELS, document_text, load_category_model  # noqa: E402
from summarizer.errors import InputError  # noqa: E402
from summarizer.metrics import single_label_scores  # noqa: E402
from summarizer.types import Document  # noqa: E402


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", protected_namespaces=())


class LinearSettings(_Strict):
    char_ngrams: tuple[int, int] = (1, 3)
    # Off by default: jieba words add little accuracy and cost much speed (see the YAML).
    word_ngrams: tuple[int, int] = (0, 0)
    min_df: int = Field(2, ge=1)
    max_features: int | None = Field(None, ge=1)
    # nbsvm: per-class SVMs over naive-Bayes-scaled features (+1.1 dev points over svm).
    classifier: Literal["logreg", "svm", "nbsvm"] = "nbsvm"
    # nbsvm only: add this multiple of a plain SVM's scores (+0.2 to +0.4 points in
    # 3-fold cross-validation on train and on dev; see docs/classification.md).
    svm_weight: float = Field(0.3, ge=0)
    # Candidates for C; the one with the best dev accuracy is kept.
    C: list[float] = [0.1, 0.2, 0.3]
    # After choosing C, refit on train + dev (calibrated by cross-validation).
    refit_on_dev: bool = True
    cv_folds: int = Field(3, ge=2)


class TransformerSettings(_Strict):
    # Hub id (must be in the local HF cache) or a local directory.
    model: str = "hfl/rbt3"
    epochs: float = Field(3.0, gt=0)
    max_steps: int = -1
    batch_size: int = Field(32, ge=1)
    learning_rate: float = Field(5e-5, gt=0)
    weight_decay: float = 0.01
    warmup_ratio: float = Field(0.1, ge=0, lt=1)
    max_length: int = Field(64, ge=8)
    seed: int = 0
    device: Literal["auto", "cpu", "cuda", "mps"] = "auto"


class TrainCategoryConfig(_Strict):
    kind: Literal["linear", "transformer"] = "linear"
    train: Path = Path("../shared/data/classification/toutiao_train.jsonl")
    dev: Path = Path("../shared/data/classification/toutiao_dev.jsonl")
    output: Path = Path("summarizer/resources/category")
    labels: list[str] = list(CATEGORY_LABELS)
    # Read at most this many training records (smoke runs).
    limit: int | None = Field(None, ge=1)
    linear: LinearSettings = LinearSettings()
    transformer: TransformerSettings = TransformerSettings()


def load_train_config(path: str | Path | None, overrides: list[str] | None = None
                      ) -> TrainCategoryConfig:
    """Read a training YAML and apply ``field=value`` / ``section.field=value`` overrides.

    >>> load_train_config(None, ["kind=transformer"]).kind
    'transformer'
    """
    from summarizer.config import apply_overrides, read_yaml, validate

    example = "configs/train_category.yaml"
    data = read_yaml(path, what="training config", example=example) if path is not None else {}
    apply_overrides(data, overrides)
    return validate(TrainCategoryConfig, data, where=str(path or "the defaults"), example=example)


@dataclass
class CategoryData:
    train_texts: list[str]
    train_labels: list[str]
    dev_texts: list[str]
    dev_labels: list[str]


def _read_labelled(path: Path, labels: list[str], limit: int | None = None
                   ) -> tuple[list[str], list[str]]:
    from summarizer.classify import record_document
    from summarizer.textio import iter_jsonl

    known = set(labels)
    texts, gold = [], []
    for lineno, rec in iter_jsonl(path):
        lab = rec.get("label")
        if lab not in known:
            raise InputError(f"{path}:{lineno}: label {lab!r} is not one of the configured labels",
                             hint="fix the record or add the label to `labels:` in the config")
        texts.append(document_text(record_document(rec, f"{path}:{lineno}")))
        gold.append(lab)
        if limit is not None and len(texts) >= limit:
            break
    if not texts:
        raise InputError(f"{path} has no records")
    return texts, gold


def build_data(cfg: TrainCategoryConfig) -> CategoryData:
    """Training and dev texts (headline + body start, as at inference) with their labels."""
    train_texts, train_labels = _read_labelled(cfg.train, cfg.labels, cfg.limit)
    dev_texts, dev_labels = _read_labelled(cfg.dev, cfg.labels)
    return CategoryData(train_texts, train_labels, dev_texts, dev_labels)


def _build_linear(cfg: TrainCategoryConfig, data: CategoryData) -> tuple[Path, dict]:
    from summarizer.classify.linear import FeatureConfig, train_linear_model

    s = cfg.linear
    feats = FeatureConfig(char_ngrams=s.char_ngrams, word_ngrams=s.word_ngrams, min_df=s.min_df,
                          max_features=s.max_features)
    blend = s.svm_weight if s.classifier == "nbsvm" else 0.0
    tuning = {}
    best = None
    for c in s.C:
        model = train_linear_model(data.train_texts, data.train_labels, labels=cfg.labels,
                                   features=feats, classifier=s.classifier, C=c,
                                   svm_weight=blend,
                                   calibration_data=(data.dev_texts, data.dev_labels))
        pred = model.predict_proba(data.dev_texts).argmax(axis=1)
        hits = sum(cfg.labels[p] == g for p, g in zip(pred, data.dev_labels, strict=True))
        acc = hits / len(pred)
        tuning[str(c)] = round(acc, 4)
        print(f"C={c}: dev accuracy {acc:.4f}", file=sys.stderr, flush=True)
        if best is None or acc > best[0]:
            best = (acc, c, model)
    assert best is not None  # C has at least one value (pydantic default)
    acc, c, model = best
    meta = {"train": str(cfg.train), "dev": str(cfg.dev), "classifier": s.classifier, "C": c,
            "svm_weight": blend,
            "dev_accuracy_by_C": tuning, "refit_on_dev": s.refit_on_dev}
    if s.refit_on_dev:
        model = train_linear_model(data.train_texts + data.dev_texts,
                                   data.train_labels + data.dev_labels, labels=cfg.labels,
                                   features=feats, classifier=s.classifier, C=c,
                                   svm_weight=blend, cv_folds=s.cv_folds)
    model.meta = meta
    return model.save(cfg.output), meta


class _Encoded:
    """A list of tokenised examples the Trainer can index."""

    def __init__(self, tokenizer, texts: list[str], labels: list[int], max_length: int) -> None:
        self.enc = tokenizer(texts, truncation=True, max_length=max_length)
        self.labels = labels

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: int) -> dict:
        item = {k: v[i] for k, v in self.enc.items()}
        item["labels"] = self.labels[i]
        return item


def _build_transformer(cfg: TrainCategoryConfig, data: CategoryData) -> tuple[Path, dict]:
    import inspect

    import numpy as np
    from transformers import (
        AutoModelForSequenceClassification,
        AutoTokenizer,
        DataCollatorWithPadding,
        Trainer,
        TrainingArguments,
    )

    from summarizer.models import TRAINING_ALTERNATIVE, locate_model, resolve_device

    t = cfg.transformer
    base = locate_model(t.model, alternative=TRAINING_ALTERNATIVE).path
    device = resolve_device(t.device)
    label2id = {lab: i for i, lab in enumerate(cfg.labels)}
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=len(cfg.labels), label2id=label2id,
        id2label=dict(enumerate(cfg.labels)),
        # A base that is itself a classifier over other labels gets a fresh head.
        ignore_mismatched_sizes=True)
    train = _Encoded(tokenizer, data.train_texts, [label2id[g] for g in data.train_labels],
                     t.max_length)
    dev = _Encoded(tokenizer, data.dev_texts, [label2id[g] for g in data.dev_labels],
                   t.max_length)

    def accuracy(pred) -> dict:
        return {"accuracy": float((np.argmax(pred.predictions, -1) == pred.label_ids).mean())}

    # transformers 5 folded warmup_ratio into warmup_steps (a float below 1 is a ratio).
    warmup = ({"warmup_ratio": t.warmup_ratio}
              if "warmup_ratio" in inspect.signature(TrainingArguments).parameters
              else {"warmup_steps": t.warmup_ratio})
    args = TrainingArguments(
        output_dir=str(cfg.output / "checkpoints"), num_train_epochs=t.epochs,
        max_steps=t.max_steps, per_device_train_batch_size=t.batch_size,
        per_device_eval_batch_size=t.batch_size * 2, learning_rate=t.learning_rate,
        weight_decay=t.weight_decay, seed=t.seed, **warmup,
        eval_strategy="epoch", save_strategy="no", logging_steps=50, report_to=[],
        use_cpu=device == "cpu", bf16=device == "cuda")
    trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=dev,
                      data_collator=DataCollatorWithPadding(tokenizer),
                      compute_metrics=accuracy)
    trainer.train()
    trainer.save_model(str(cfg.output))
    tokenizer.save_pretrained(str(cfg.output))
    return cfg.output, {"base_model": t.model, "device": device, "epochs": t.epochs,
                        "max_steps": t.max_steps}


def build_model(cfg: TrainCategoryConfig, data: CategoryData) -> tuple[Path, dict]:
    """Train the configured kind of model, save it to ``cfg.output``; return (dir, settings)."""
    cfg.output.mkdir(parents=True, exist_ok=True)
    if cfg.kind == "linear":
        return _build_linear(cfg, data)
    return _build_transformer(cfg, data)


def evaluate(model: str | Path, texts: list[str], labels: list[str]) -> dict:
    """Accuracy, macro F1 and per-label scores of a saved model on texts with gold labels.

    >>> evaluate("builtin", ["梅西梅开二度，巴萨客场大胜"], ["news_sports"])["accuracy"]
    1.0
    """
    clf = load_category_model(str(model))
    pred = [lab.label for lab in clf.predict([Document(t) for t in texts])]
    return single_label_scores(labels, pred)


def main(cfg: TrainCategoryConfig) -> dict:
    """Build the data, train, save and score on dev; return a JSON-able report."""
    t0 = time.perf_counter()
    data = build_data(cfg)
    path, settings = build_model(cfg, data)
    dev = evaluate(path, data.dev_texts, data.dev_labels)
    report = {"kind": cfg.kind, "output": str(path), "train_records": len(data.train_texts),
              "settings": settings, "seconds": round(time.perf_counter() - t0, 1),
              # After refit_on_dev the model has seen dev: that score is a fit check only.
              "dev_seen_in_training": cfg.kind == "linear" and cfg.linear.refit_on_dev,
              "dev": {k: dev[k] for k in ("n", "accuracy", "macro_f1")}}
    return report


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", type=Path, default=None)
    ap.add_argument("--set", dest="overrides", action="append", default=[])
    ns = ap.parse_args()
    print(json.dumps(main(load_train_config(ns.config, ns.overrides)), ensure_ascii=False,
                     indent=2))
