"""Speed, load time and size of a category model; prints JSON.

Single-threaded by construction (numpy/BLAS limited to one thread before they
load). Headlines come from ``--data`` (JSONL with ``text``) or, without it,
from a few headlines written here, repeated.

    PYTHONPATH=. python benchmarks/classify_speed.py \
        --data ../shared/data/classification/toutiao_dev.jsonl
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WRITTEN = ["国足主场二比一战胜对手", "央行宣布下调存款准备金率", "新款SUV上市油耗仅6升",
           "高考志愿填报指南", "《王者荣耀》新英雄上线", "我国第二艘航母海试"]


def _load_seconds(model: str) -> tuple[float, float]:
    """Wall and CPU seconds from a fresh interpreter to the first prediction (imports included)."""
    code = (
        "import time; t, c = time.perf_counter(), time.process_time();"
        "from summarizer.classify.category import load_category_model;"
        "from summarizer.types import Document;"
        f"load_category_model({model!r}).predict([Document('国足出征')]);"
        "print(time.perf_counter() - t, time.process_time() - c)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description="category model speed")
    ap.add_argument("--model", default="builtin")
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--n", type=int, default=3000, help="headlines to time")
    ap.add_argument("--batch-size", type=int, default=256)
    args = ap.parse_args()

    from summarizer.classify.category import BUILTIN_DIR, load_category_model
    from summarizer.types import Document

    if args.data:
        texts = [json.loads(line)["text"] for line in args.data.open(encoding="utf-8")]
    else:
        texts = WRITTEN
    texts = (texts * (args.n // len(texts) + 1))[: args.n]
    docs = [Document(t) for t in texts]

    load_s, load_cpu_s = _load_seconds(args.model)
    clf = load_category_model(args.model)
    clf.predict(docs[:64])  # warm-up (jieba's start-up, if used, is counted in load_s)
    t0, c0 = time.perf_counter(), time.process_time()
    for start in range(0, len(docs), args.batch_size):
        clf.predict(docs[start:start + args.batch_size])
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0

    model_dir = BUILTIN_DIR if args.model == "builtin" else Path(args.model)
    size = sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file())
    print(json.dumps({
        "model": args.model,
        "headlines": len(docs),
        "headlines_per_s": round(len(docs) / elapsed),
        # Per second of this process's CPU time: the one-core speed on a busy machine.
        "headlines_per_cpu_s": round(len(docs) / cpu),
        "batch_size": args.batch_size,
        "load_to_first_prediction_s": round(load_s, 3),
        "load_to_first_prediction_cpu_s": round(load_cpu_s, 3),
        "size_mb": round(size / 1e6, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }, indent=2))


if __name__ == "__main__":
    main()
