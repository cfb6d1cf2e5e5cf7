"""Honest metrics: character-level ROUGE for Chinese and classification scores.

ROUGE follows the convention of published Chinese summarisation results:
texts are compared character by character after removing whitespace and
nothing else, and F1 is reported x100, averaged over samples. (The default
tokenizers of ``rouge_score`` and ``evaluate`` drop CJK characters and score
Chinese as zero, which is why this module exists.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence


def _chars(text: str) -> list[str]:
    return [ch for ch in text if not ch.isspace()]


def _f1(overlap: int, n_pred: int, n_ref: int) -> float:
    if overlap == 0 or n_pred == 0 or n_ref == 0:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def _ngram_f1(pred: list[str], ref: list[str], n: int) -> float:
    pc = Counter(tuple(pred[i : i + n]) for i in range(len(pred) - n + 1))
    rc = Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1))
    overlap = sum((pc & rc).values())
    return _f1(overlap, sum(pc.values()), sum(rc.values()))


def _lcs(a: list[str], b: list[str]) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_scores(pred: str, ref: str) -> dict[str, float]:
    """Character-level ROUGE-1/2/L F1 (0-100) of one prediction against one reference.

    >>> rouge_scores("教育帮扶", "教育帮扶")
    {'rouge1': 100.0, 'rouge2': 100.0, 'rougeL': 100.0}
    """
    p, r = _chars(pred), _chars(ref)
    return {
        "rouge1": 100 * _ngram_f1(p, r, 1),
        "rouge2": 100 * _ngram_f1(p, r, 2),
        "rougeL": 100 * _f1(_lcs(p, r), len(p), len(r)),
    }


def corpus_rouge(preds: Sequence[str], refs: Sequence[str]) -> dict[str, float]:
    """Mean of per-sample character ROUGE F1 over a corpus, with ``n``."""
    if len(preds) != len(refs):
        raise ValueError(f"{len(preds)} predictions for {len(refs)} references")
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for p, r in zip(preds, refs, strict=False):
        for k, v in rouge_scores(p, r).items():
            totals[k] += v
    n = len(preds)
    out: dict[str, float] = {"n": n}
    out.update({k: round(v / n, 2) if n else 0.0 for k, v in totals.items()})
    return out


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def single_label_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, object]:
    """Accuracy, macro F1 and per-label precision/recall/F1 for single-label classification."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(pred)} predictions for {len(gold)} gold labels")
    labels = sorted(set(gold) | set(pred))
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=False) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=False) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=False) if g == lab and p != lab)
        per[lab] = prf(tp, fp, fn)
    gold_labels = sorted(set(gold))
    macro = sum(per[lab]["f1"] for lab in gold_labels) / len(gold_labels) if gold_labels else 0.0
    acc = sum(1 for g, p in zip(gold, pred, strict=False) if g == p) / len(gold) if gold else 0.0
    return {
        "n": len(gold),
        "accuracy": round(acc, 4),
        "macro_f1": round(macro, 4),
        "per_label": per,
    }


def multi_label_scores(
    gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]], labels: Sequence[str]
) -> dict[str, object]:
    """Per-label P/R/F1, micro/macro F1 and the false-positive rate on items with no gold label."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(pred)} predictions for {len(gold)} gold label sets")
    gsets = [set(g) for g in gold]
    psets = [set(p) for p in pred]
    per = {}
    tp_all = fp_all = fn_all = 0
    for lab in labels:
        tp = sum(1 for g, p in zip(gsets, psets, strict=False) if lab in g and lab in p)
        fp = sum(1 for g, p in zip(gsets, psets, strict=False) if lab not in g and lab in p)
        fn = sum(1 for g, p in zip(gsets, psets, strict=False) if lab in g and lab not in p)
        per[lab] = prf(tp, fp, fn)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
    none_items = [p for g, p in zip(gsets, psets, strict=False) if not g]
    none_fp = sum(1 for p in none_items if p) / len(none_items) if none_items else 0.0
    return {
        "n": len(gold),
        "per_label": per,
        "micro_f1": prf(tp_all, fp_all, fn_all)["f1"],
        "macro_f1": round(sum(per[lab]["f1"] for lab in labels) / len(labels), 4)
        if labels
        else 0.0,
        "none_false_positive_rate": round(none_fp, 4),
        "none_items": len(none_items),
    }
