"""How much of a full article the headline-trained category model should read; prints JSON.

Scores the model on THUCNews full articles (``articles/thucnews_categorised.jsonl``)
whose class has an obvious Toutiao equivalent (7 of its 10 classes), reading the
first N characters (the title runs into the body there) for several N.

    PYTHONPATH=. python benchmarks/category_articles.py \
        --data ../shared/data/articles/thucnews_categorised.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# THUCNews classes whose meaning matches a Toutiao class; 时政, 时尚 and 家居 have none.
THUC_TO_TOUTIAO = {"体育": "news_sports", "财经": "news_finance", "教育": "news_edu",
                   "游戏": "news_game", "房产": "news_house", "科技": "news_tech",
                   "娱乐": "news_entertainment"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", default="builtin")
    ap.add_argument("--body-chars", default="20,40,80,150,300,600,100000")
    args = ap.parse_args()

    from summarizer.classify.category import load_category_model
    from summarizer.metrics import single_label_scores
    from summarizer.types import Document

    recs = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    recs = [r for r in recs if r["category"] in THUC_TO_TOUTIAO]
    gold = [THUC_TO_TOUTIAO[r["category"]] for r in recs]
    docs = [Document(r["text"]) for r in recs]
    clf = load_category_model(args.model)
    out = {"n": len(recs), "by_body_chars": {}}
    for n in (int(x) for x in args.body_chars.split(",")):
        clf.body_chars = n
        scores = single_label_scores(gold, [p.label for p in clf.predict(docs)])
        out["by_body_chars"][n] = {k: scores[k] for k in ("accuracy", "macro_f1")}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
