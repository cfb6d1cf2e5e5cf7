"""Fit the headline-vs-sub-head weights of summarizer.segment on rendered pages.

Short lines printed between paragraphs are either the headline of a new
article or a sub-head of the current one. This script renders People's Daily
pages of the chosen months with benchmarks/segmentation.py, labels each such
run of short lines (headline when it contains a printed headline group), fits
a logistic regression on ``summarizer.segment.run_features`` and prints the
weights to paste into ``_RUN_WEIGHTS``, with held-out accuracy.

Usage::

    python benchmarks/tune_segmentation.py --months 7,8 --check-months 10,11 --pages 400
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import segmentation as bench  # noqa: E402

from summarizer.segment import _layout, run_features  # noqa: E402


def collect(months: set[int], pages: int, seed: int) -> tuple[list[list[float]], list[int]]:
    rng = random.Random(seed)
    chosen = rng.sample(bench.load_pages(months), pages)
    xs: list[list[float]] = []
    ys: list[int] = []
    for recs in chosen:
        text, truths, _ = bench.render_page(recs, rng)
        heads = [t.heading for t in truths if t.heading]
        lay = _layout(text)
        for p, run in lay.inline_runs.items():
            printed = bench.norm("".join(lay.units[j].text for j in run))
            xs.append(run_features(lay, p))
            ys.append(int(any(h in printed for h in heads)))
    return xs, ys


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--months", default="7,8")
    ap.add_argument("--check-months", default="10,11")
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    def months(s: str) -> set[int]:
        return {int(m) for m in s.split(",")}

    x, y = collect(months(args.months), args.pages, args.seed)
    model = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000).fit(x, y)
    xc, yc = collect(months(args.check_months), args.pages // 2, args.seed + 1)
    print(f"runs: fit {len(y)} ({sum(y)} headlines), check {len(yc)} ({sum(yc)} headlines)")
    print(f"accuracy: fit {model.score(x, y):.4f}, check {model.score(xc, yc):.4f}")
    print("_RUN_WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in model.coef_[0]) + ")")


if __name__ == "__main__":
    main()
