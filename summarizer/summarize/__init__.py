"""Summarisation: two engines behind one interface.

``extractive`` needs nothing downloaded and is always available; ``abstractive`` runs
a pretrained seq2seq model found on this machine; ``auto`` picks abstractive
when its model is available and otherwise says so on stderr and uses
extractive.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ..config import Engine, SummarizeConfig
from ..types import Document, Summary


class SummarizerEngine(Protocol):
    name: str
    model: str | None
    # Documents per ``summarize`` call that keep the engine busy (for callers that stream).
    batch_size: int

    def summarize(self, docs: Sequence[Document], max_chars: int | None = None) -> list[Summary]:
        """One summary per document, in order; ``max_chars`` overrides the config budget."""
        ...


def char_budget(text: str, cfg: SummarizeConfig, max_chars: int | None = None) -> int:
    """The summary budget in characters for one article.

    An explicit ``max_chars`` (argument, then config) wins; otherwise the budget
    is ``ratio`` of the article's length clamped to ``[min_chars, max_chars_cap]``.

    >>> char_budget("字" * 1000, SummarizeConfig())
    150
    >>> char_budget("字" * 300, SummarizeConfig())
    60
    """
    explicit = max_chars if max_chars is not None else cfg.max_chars
    if explicit is not None:
        return explicit
    n = len("".join(text.split()))  # non-space characters, without a per-character loop
    return int(min(cfg.max_chars_cap, max(cfg.min_chars, round(n * cfg.ratio))))


def load_summarizer(cfg: SummarizeConfig, engine: Engine | None = None) -> SummarizerEngine:
    """Build the engine named by ``engine`` (or ``cfg.engine``)."""
    from ..models import is_model_available

    choice = engine or cfg.engine
    if choice == "auto":
        if is_model_available(cfg.model):
            choice = "abstractive"
        else:
            print(
                f"summarizer: model {cfg.model!r} not found locally; using the extractive engine "
                "(pass --engine abstractive --model DIR to use a seq2seq model)",
                file=sys.stderr,
            )
            choice = "extractive"
    if choice == "extractive":
        from .extractive import ExtractiveSummarizer

        return ExtractiveSummarizer(cfg)
    from .abstractive import AbstractiveSummarizer

    return AbstractiveSummarizer(cfg)


def _documents(
    path: Path, limit: int | None = None, *, reference: bool = False
) -> tuple[list[dict], list[Document]]:
    from ..textio import iter_jsonl, require_text

    recs: list[dict] = []
    docs: list[Document] = []
    for lineno, rec in iter_jsonl(path):
        text = require_text(rec, where=f"{path}:{lineno}")
        if reference:
            require_text(rec, where=f"{path}:{lineno}", field="summary")
        recs.append(rec)
        docs.append(Document(text=text, headline=rec.get("headline") or None))
        if limit is not None and len(recs) >= limit:
            break
    return recs, docs


def summarize_jsonl(
    src: Path,
    dst: Path,
    cfg: SummarizeConfig,
    *,
    engine: Engine | None = None,
    max_chars: int | None = None,
) -> int:
    """Add ``summary`` to every record of ``src`` and write them, in order, to ``dst``."""
    import json

    from ..progress import progress
    from ..textio import open_output

    recs, docs = _documents(src)
    summarizer = load_summarizer(cfg, engine)
    batch = summarizer.batch_size
    with open_output(dst) as out, progress(len(docs), "summarising") as advance:
        for start in range(0, len(docs), batch):
            chunk = docs[start : start + batch]
            for rec, summary in zip(
                recs[start : start + batch], summarizer.summarize(chunk, max_chars), strict=False
            ):
                rec = dict(rec, summary=summary.text)
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            advance(len(chunk))
    return len(recs)


def evaluate(
    data: Path,
    cfg: SummarizeConfig,
    *,
    engine: Engine | None = None,
    limit: int | None = None,
    max_chars: int | None = None,
) -> dict[str, float]:
    """Character-level ROUGE of the chosen engine against the ``summary`` field of ``data``."""
    from ..metrics import corpus_rouge

    recs, docs = _documents(data, limit, reference=True)
    refs = [r["summary"] for r in recs]
    summarizer = load_summarizer(cfg, engine)
    preds = [s.text for s in summarizer.summarize(docs, max_chars=max_chars)]
    return corpus_rouge(preds, refs)
