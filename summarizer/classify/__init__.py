"""Classification: a news category per item and zero or more themes.

Both classifiers take :class:`~summarizer.types.Document` objects, so they
work on a headline alone (``text`` = headline) or on a whole article.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Protocol

from ..config import ClassifyConfig
from ..types import Document, Label

TaskName = Literal["category", "themes"]


class CategoryClassifier(Protocol):
    labels: Sequence[str]

    def predict(self, docs: Sequence[Document]) -> list[Label]: ...


class ThemeTagger(Protocol):
    labels: Sequence[str]

    def predict(self, docs: Sequence[Document]) -> list[tuple[Label, ...]]:
        """Themes over their thresholds per document, best first (possibly empty)."""
        ...


def load_category_classifier(cfg: ClassifyConfig) -> CategoryClassifier:
    from .category import load_category_model

    return load_category_model(cfg.category_model)


def load_theme_tagger(cfg: ClassifyConfig) -> ThemeTagger:
    from .themes import load_theme_model

    return load_theme_model(cfg.themes_model)


def record_document(rec: dict, where: str) -> Document:
    """A record's document: ``text`` (or ``title`` when text is null) plus an optional headline."""
    from ..errors import InputError

    headline = rec.get("headline") or rec.get("title") or None
    text = rec.get("text") or headline
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            f"{where}: record has no non-empty 'text' (or 'headline')",
            hint='every record needs "text": "..." or "headline": "..."',
        )
    return Document(text=text, headline=headline if headline != text else None)


def _read(
    path: Path, limit: int | None = None, *, gold: TaskName | None = None
) -> tuple[list[dict], list[Document]]:
    """Records and their documents; ``gold`` also checks each record's reference labels."""
    from ..errors import InputError
    from ..textio import iter_jsonl

    recs, docs = [], []
    for lineno, rec in iter_jsonl(path):
        where = f"{path}:{lineno}"
        docs.append(record_document(rec, where))
        if gold == "category" and not isinstance(rec.get("label"), str):
            raise InputError(f"{where}: record has no 'label' string for --task category",
                             hint='every record needs "label": "news_edu" (one category)')
        if gold == "themes" and not (
            isinstance(rec.get("labels"), list)
            and all(isinstance(t, str) for t in rec["labels"])
        ):
            raise InputError(f"{where}: record has no 'labels' list for --task themes",
                             hint='every record needs "labels": [...] of theme ids, '
                             'e.g. [] or ["rural_revitalisation"]')
        recs.append(rec)
        if limit is not None and len(recs) >= limit:
            break
    return recs, docs


def classify_jsonl(src: Path, dst: Path, cfg: ClassifyConfig, *, task: TaskName) -> int:
    """Add ``category`` or ``themes`` to every record of ``src``; write them in order to ``dst``."""
    recs, docs = _read(src)
    if task == "category":
        preds = [lab.to_dict() for lab in load_category_classifier(cfg).predict(docs)]
    else:
        preds = [[t.to_dict() for t in labs] for labs in load_theme_tagger(cfg).predict(docs)]
    from ..textio import open_output

    with open_output(dst) as out:
        for rec, pred in zip(recs, preds, strict=True):
            out.write(json.dumps(dict(rec, **{task: pred}), ensure_ascii=False) + "\n")
    return len(recs)


def evaluate(data: Path, cfg: ClassifyConfig, *, task: TaskName, limit: int | None = None) -> dict:
    """Accuracy and macro F1 (``label`` field) or per-theme P/R/F1 (``labels`` list field)."""
    from ..metrics import multi_label_scores, single_label_scores

    recs, docs = _read(data, limit, gold=task)
    if task == "category":
        gold = [r["label"] for r in recs]
        pred = [lab.label for lab in load_category_classifier(cfg).predict(docs)]
        return single_label_scores(gold, pred)
    gold_sets = [r["labels"] for r in recs]
    tagger = load_theme_tagger(cfg)
    pred_sets = [[lab.label for lab in labs] for labs in tagger.predict(docs)]
    return multi_label_scores(gold_sets, pred_sets, labels=list(tagger.labels))
