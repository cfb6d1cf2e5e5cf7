"""Summarisation benchmark: character-level ROUGE against Lead-1, and articles per second.

Quality sets (all read from ../shared/data, evaluation only):

* ``lcsts_part3``: LCSTS PART III pairs with ``human_score >= 3`` (715), post -> summary;
* ``sogou``: Sogou news articles -> their editor's headline (131);
* ``peoples_daily``: a seeded sample of People's Daily articles -> headline.

Lead-1 is the first sentence of the raw text as :func:`summarizer.text.split_sentences`
cuts it. The engine runs with the project's config; ``--max-chars`` (LCSTS) and
``--headline-max-chars`` (headline sets) are the budgets passed exactly as the
CLI's ``--max-chars`` would pass them, and the JSON says which was used.

Speed: articles of 1,000 characters cut from real People's Daily texts,
summarised on one thread; start-up (jieba dictionary, model load) is timed
separately and excluded. Both wall-clock and CPU-time rates are printed: on a
busy shared machine the CPU-time rate is the honest per-core figure.

Usage::

    python benchmarks/summarization.py                       # extractive, everything
    python benchmarks/summarization.py --sections speed
    python benchmarks/summarization.py --engine abstractive --model DIR --sections speed \
        --speed-n 20 --set summarize.generation.num_beams=1
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# One core: the figures are per-core throughput. Set before numeric libraries load.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from summarizer.config import SummarizeConfig, load_config  # noqa: E402
from summarizer.errors import SummarizerError  # noqa: E402
from summarizer.metrics import corpus_rouge  # noqa: E402
from summarizer.summarize import SummarizerEngine, load_summarizer  # noqa: E402
from summarizer.text import split_sentences  # noqa: E402
from summarizer.types import Document  # noqa: E402


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _lead1(text: str) -> str:
    sents = split_sentences(text)
    return sents[0] if sents else ""


def _quality_sets(data: Path, pd_sample: int, seed: int) -> dict[str, tuple[list[str], list[str]]]:
    """name -> (source texts, references)."""
    sets: dict[str, tuple[list[str], list[str]]] = {}
    part3 = [r for r in _jsonl(data / "summarization" / "lcsts_part3.jsonl")
             if r["human_score"] >= 3]
    sets["lcsts_part3"] = ([r["text"] for r in part3], [r["summary"] for r in part3])
    sogou = [r for r in _jsonl(data / "articles" / "sogou_headlined.jsonl")
             if r.get("text", "").strip() and r.get("headline", "").strip()]
    sets["sogou"] = ([r["text"] for r in sogou], [r["headline"] for r in sogou])
    pd = [r for r in _jsonl(data / "news" / "peoples_daily_2023.jsonl")
          if r.get("text", "").strip() and r.get("headline", "").strip()]
    pd = random.Random(seed).sample(pd, min(pd_sample, len(pd)))
    sets["peoples_daily"] = ([r["text"] for r in pd], [r["headline"] for r in pd])
    return sets


def _speed_articles(data: Path, n: int, seed: int, chars: int = 1000) -> list[str]:
    """``n`` articles of exactly ``chars`` characters: long PD texts cut, short ones joined."""
    recs = _jsonl(data / "news" / "peoples_daily_2023.jsonl")
    random.Random(seed).shuffle(recs)
    out: list[str] = []
    buf = ""
    for r in recs:
        buf = (buf + "\n" + r["text"]).strip() if buf else r["text"]
        if len(buf) >= chars:
            out.append(buf[:chars])
            buf = ""
            if len(out) == n:
                break
    return out


def _summaries(engine: SummarizerEngine, texts: Sequence[str], max_chars: int | None,
               batch: int) -> list[str]:
    docs = [Document(t) for t in texts]
    out: list[str] = []
    for start in range(0, len(docs), batch):
        out += [s.text for s in engine.summarize(docs[start : start + batch], max_chars=max_chars)]
    return out


def quality(engine: SummarizerEngine, cfg: SummarizeConfig, data: Path, args: argparse.Namespace,
            ) -> dict[str, dict]:
    results: dict[str, dict] = {}
    batch = cfg.generation.batch_size
    for name, (texts, refs) in _quality_sets(data, args.pd_sample, args.seed).items():
        texts, refs = texts[: args.limit], refs[: args.limit]
        budget = args.max_chars if name == "lcsts_part3" else args.headline_max_chars
        preds = _summaries(engine, texts, budget, batch)
        results[name] = {
            "n": len(texts),
            "max_chars": budget if budget is not None else (
                f"default: {cfg.ratio} x length in [{cfg.min_chars}, {cfg.max_chars_cap}]"),
            engine.name: corpus_rouge(preds, refs),
            f"{engine.name}_mean_chars": round(sum(map(len, preds)) / max(len(preds), 1), 1),
            "lead1": corpus_rouge([_lead1(t) for t in texts], refs),
            "reference_mean_chars": round(sum(map(len, refs)) / max(len(refs), 1), 1),
        }
    return results


def speed(make_engine: Callable[[], SummarizerEngine], cfg: SummarizeConfig, data: Path,
          args: argparse.Namespace) -> dict[str, float | int | str]:
    texts = _speed_articles(data, args.speed_n, args.seed)
    t0 = time.perf_counter()
    engine = make_engine()
    engine.summarize([Document(texts[0])], max_chars=args.speed_max_chars)  # warm-up
    startup = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    preds = _summaries(engine, texts, args.speed_max_chars, cfg.generation.batch_size)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "engine": engine.name,
        "model": engine.model or "none",
        "articles": len(texts),
        "article_chars": len(texts[0]),
        "max_chars": args.speed_max_chars if args.speed_max_chars is not None else "default",
        "mean_summary_chars": round(sum(map(len, preds)) / len(preds), 1),
        "startup_s": round(startup, 2),
        "wall_s": round(elapsed, 2),
        "cpu_s": round(cpu, 2),
        # Wall-clock rate, and the rate per second of CPU time this process got:
        # on a shared machine the second is the per-core throughput.
        "articles_per_s": round(len(texts) / elapsed, 1),
        "articles_per_cpu_s": round(len(texts) / cpu, 1),
        "threads": 1,
    }


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--engine", choices=["extractive", "abstractive"], default="extractive")
    p.add_argument("--model", help="seq2seq model directory or hub id (abstractive)")
    p.add_argument("--config", type=Path, help="YAML config (default: project defaults)")
    p.add_argument("--set", dest="overrides", action="append", default=[],
                   help="config override as on the CLI, e.g. summarize.generation.num_beams=1")
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--sections", default="quality,speed", help="comma list: quality, speed")
    p.add_argument("--max-chars", type=int, default=None,
                   help="LCSTS budget (default: the config's ratio rule)")
    p.add_argument("--headline-max-chars", type=int, default=30,
                   help="budget for the article -> headline sets")
    p.add_argument("--pd-sample", type=int, default=1000)
    p.add_argument("--limit", type=int, default=None,
                   help="score only the first N pairs of each quality set (slow engines)")
    p.add_argument("--speed-n", type=int, default=500)
    p.add_argument("--speed-max-chars", type=int, default=None,
                   help="budget in the speed run (default: the config's ratio rule)")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    if not args.data.is_dir():
        sys.exit(f"error: {args.data} not found; pass --data DIR (the shared data folder)")
    cfg = load_config(args.config, args.overrides).summarize
    if args.model:
        cfg.model = args.model
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass

    def make_engine() -> SummarizerEngine:
        return load_summarizer(cfg, engine=args.engine)

    sections = {s.strip() for s in args.sections.split(",") if s.strip()}
    report: dict[str, object] = {"engine": args.engine, "model": cfg.model if args.engine ==
                                 "abstractive" else None}
    if "quality" in sections:
        report["quality"] = quality(make_engine(), cfg, args.data, args)
    if "speed" in sections:
        report["speed"] = speed(make_engine, cfg, args.data, args)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    try:
        main()
    except SummarizerError as exc:  # e.g. --engine abstractive with no model here
        sys.exit(f"error: {exc.render()}")
