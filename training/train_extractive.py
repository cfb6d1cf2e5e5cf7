"""Train the extractive engine's keep model on LCSTS train.

The model (:class:`summarizer.summarize.extractive.KeepModel`) estimates, for
each word of an article, the probability that it reappears in the reference
summary. It is a logistic regression over the features of
:func:`lexical_features`, :func:`article_features`, :func:`place_features` and
the word's offset in its sentence: how often editors kept the word and its
characters in other training pairs, how often it recurs in the article, where
it stands (sentence, clause, offset), its length and kind. The engine's
``keep`` scorer turns these probabilities into the expected ROUGE-1 F1 of
every candidate.

The rates a word is described by are counted on the training pairs; while
fitting, each pair's own contribution is left out of its words' rates
(leave-one-out), otherwise the model would learn to trust rates that saw the
answer. Only ``lcsts_train.jsonl`` is read; val, test and part III stay unseen.

    python training/train_extractive.py                 # ../shared/data -> package resource
    python training/train_extractive.py --data DIR --out FILE --min-count 2
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.summarize.extractive import (  # noqa: E402
    KEEP_FEATURES,
    KEEP_MODEL_PATH,
    article_features,
    article_sentences,
    lexical_features,
    place_features,
    sentence_words,
)
from summarizer.textio import iter_jsonl  # noqa: E402

_CONTENT = re.compile(r"\w")

# One training pair, prepared once: its summary and every word occurrence as
# (word, sentence index, clause index, relative offset).
Pair = tuple[str, str, int, list[tuple[str, int, int, float]]]


def prepare(text: str, summary: str) -> Pair:
    sentences = article_sentences(text)
    occurrences = [
        (w, i, k, pos / len(s))
        for i, s in enumerate(sentences)
        for w, k, pos in sentence_words(s)
        if _CONTENT.match(w)
    ]
    return "".join(sentences), summary, len(sentences), occurrences


class Rates:
    """Smoothed keep rates of words and characters, optionally leaving one pair out."""

    def __init__(self, pairs: list[Pair], smoothing: float) -> None:
        self.smoothing = smoothing
        self.seen: dict[str, Counter[str]] = {"words": Counter(), "chars": Counter()}
        self.kept: dict[str, Counter[str]] = {"words": Counter(), "chars": Counter()}
        for text, summary, _, occ in pairs:
            for kind, items in self._items(text, occ).items():
                for x in items:
                    self.seen[kind][x] += 1
                    self.kept[kind][x] += x in summary
        self.prior = {k: sum(self.kept[k].values()) / sum(self.seen[k].values()) for k in self.seen}

    @staticmethod
    def _items(text: str, occ: list) -> dict[str, set[str]]:
        return {"words": {w for w, *_ in occ}, "chars": set(text)}

    def rate(self, kind: str, x: str, leave_out: str | None = None) -> tuple[float, int]:
        """(smoothed rate, count); ``leave_out`` is the summary of a pair whose text holds ``x``."""
        n, k = self.seen[kind][x], self.kept[kind][x]
        if leave_out is not None and n:
            n, k = n - 1, k - (x in leave_out)
        return (k + self.smoothing * self.prior[kind]) / (n + self.smoothing), n

    def stats(self, word: str, leave_out: str | None = None) -> tuple[float, int, float]:
        rate, seen = self.rate("words", word, leave_out)
        char_rate = sum(self.rate("chars", c, leave_out)[0] for c in word) / len(word)
        return rate, seen, char_rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=KEEP_MODEL_PATH)
    ap.add_argument("--min-count", type=int, default=2,
                    help="words seen in fewer training texts are left to the prior")
    ap.add_argument("--smoothing", type=float, default=5.0,
                    help="pseudo-count pulling each rate towards the prior")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the regression")
    args = ap.parse_args()

    import numpy as np
    from sklearn.linear_model import LogisticRegression

    path = args.data / "summarization" / "lcsts_train.jsonl"
    pairs = [prepare(r["text"], r["summary"]) for _, r in iter_jsonl(path)]
    rates = Rates(pairs, args.smoothing)
    rows, labels = [], []
    for text, summary, n, occ in pairs:
        for w, i, k, where in occ:
            own = lexical_features(w, rates.stats(w, summary)) + article_features(w, text)
            rows.append(own + place_features(i, n, k) + [where])
            labels.append(w in summary)
    model = LogisticRegression(C=args.c, max_iter=2000).fit(np.array(rows), np.array(labels))

    words = {
        w: [round(rates.rate("words", w)[0], 4), n]
        for w, n in sorted(rates.seen["words"].items())
        if n >= args.min_count
    }
    chars = {c: round(rates.rate("chars", c)[0], 4) for c in sorted(rates.seen["chars"])}
    out = {
        "about": "P(source word reappears in the reference summary), logistic regression "
                 "on LCSTS train; built by training/train_extractive.py",
        "pairs": len(pairs),
        "occurrences": len(rows),
        "smoothing": args.smoothing,
        "min_count": args.min_count,
        "features": list(KEEP_FEATURES),
        "weights": [round(float(x), 5) for x in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 5),
        "word_prior": round(rates.prior["words"], 5),
        "char_prior": round(rates.prior["chars"], 5),
        "words": words,
        "chars": chars,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(json.dumps({k: out[k] for k in ("pairs", "occurrences", "weights", "bias")}))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(words)} words)")


if __name__ == "__main__":
    main()
