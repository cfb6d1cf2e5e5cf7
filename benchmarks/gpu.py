"""The seq2seq engine on one CUDA GPU: generation speed and the training path.

Four sections, each printed as it finishes and added to ``--json``:

1. ``generation``: the random Randeng-Pegasus-238M-shaped model (see
   ``randeng_random.py``), 512 input tokens, exactly 64 generated tokens
   (greedy), PyTorch bf16 at batch 1, 16 and 64, then CTranslate2 float16 at
   the same batch sizes when ctranslate2 has CUDA support. Prints articles/s
   and peak GPU memory. The goal is at least 50 articles/s.
2. ``recipe``: ``configs/train_randeng_gpu.yaml`` unchanged except for the
   model (the same 238M-shaped random model), the data (People's Daily
   articles, each with its headline as the summary, so that inputs fill the
   recipe's 512 tokens) and a fixed number of optimiser steps without
   evaluation. Prints training samples/s and peak GPU memory: the figures
   docs/training.md gives for the recipe.
3. ``training``: two epochs of ``training/train_summarizer.py`` on
   ``../shared/data/summarization/lcsts_train.jsonl`` (evaluated on
   ``lcsts_val.jsonl``) with a tiny random model that has Randeng's vocab,
   proving the bf16 Trainer path with evaluation end to end. Prints samples/s
   and ROUGE (meaningless for a random tiny model after two epochs; shown
   only to prove that evaluation runs).
4. ``engine``: the abstractive engine as users run it (tokeniser, sentence
   chunking, beam search, fusion of partial summaries) on real People's
   Daily articles with the 238M-shaped random model. A random model never
   stops early, so every summary runs to its length limit: a lower bound
   on articles/s.

    python benchmarks/gpu.py --json gpu.json          # everything, a few minutes on an H200
    python benchmarks/gpu.py --sections generation --articles 256

Exits with status 2 and a message when no CUDA GPU is visible.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SHARED = ROOT.parent / "shared" / "data"
SECTIONS = ("generation", "recipe", "training", "engine")


def require_gpu() -> None:
    try:
        import torch
    except ImportError:
        sys.exit("error: PyTorch is not installed; this benchmark needs PyTorch with CUDA")
    if not torch.cuda.is_available():
        print("error: no CUDA GPU is visible (torch.cuda.is_available() is False); "
              "benchmarks/gpu.py measures the GPU path only. Run it on a machine with an "
              "NVIDIA GPU and a CUDA build of PyTorch; for CPU figures use "
              "benchmarks/seq2seq_speed.py.", file=sys.stderr)
        sys.exit(2)


def randeng_dir(work: Path, tiny: bool) -> Path:
    """The random Randeng-238M-shaped model, or a tiny one with its vocab, built once."""
    from randeng_random import build_random_randeng

    model_dir = work / ("randeng-tiny" if tiny else "randeng-random")
    if not (model_dir / "config.json").is_file():
        build_random_randeng(model_dir, tiny=tiny)
    return model_dir


def long_articles(path: Path, count: int, chars: tuple[int, int]) -> list[dict[str, str]]:
    """The first ``count`` articles of a People's Daily JSONL with a length within ``chars``."""
    from summarizer.textio import iter_jsonl

    found = []
    for _, rec in iter_jsonl(path):
        text, headline = rec.get("text") or "", rec.get("headline") or ""
        if chars[0] <= len(text) <= chars[1] and headline:
            found.append({"text": text, "headline": headline})
            if len(found) == count:
                break
    return found


def peak_gpu_mb() -> int:
    import torch

    return round(torch.cuda.max_memory_allocated() / 2**20) if torch.cuda.is_available() else -1


def generation(args: argparse.Namespace, work: Path) -> list[dict]:
    import torch
    from randeng_random import VOCAB_SIZE
    from seq2seq_speed import EOS_ID, ct2_generator, make_inputs, time_generation, torch_generator

    cuda = args.device == "cuda"
    model_dir = randeng_dir(work, tiny=not cuda)
    count = max(args.articles, args.articles_batch1, *args.batch_sizes)
    inputs = make_inputs(count, args.input_tokens, VOCAB_SIZE, eos_id=EOS_ID)
    print(f"generation: {args.input_tokens} input tokens -> {args.output_tokens} output tokens",
          flush=True)
    results = []

    def report(name: str, batch: int, generate, peak_mb) -> None:
        n = max(batch, args.articles if batch > 1 else args.articles_batch1)
        seconds, lengths = time_generation(generate, inputs[:n], batch, args.output_tokens,
                                           sync=torch.cuda.synchronize if cuda else None)
        res = {"backend": name, "batch": batch, "articles": n, "seconds": round(seconds, 2),
               "articles_per_s": round(n / seconds, 2), "output_lengths": lengths,
               "peak_gpu_mb": peak_mb()}
        results.append(res)
        print(f"{name:14s} batch {batch:3d}: {res['articles_per_s']:8.2f} articles/s  "
              f"peak GPU memory {res['peak_gpu_mb']} MB  (output lengths {lengths})", flush=True)

    def torch_peak() -> int:
        return round(torch.cuda.max_memory_allocated() / 2**20) if cuda else -1

    dtype = "bfloat16" if cuda else "float32"
    generate = torch_generator(model_dir, threads=1, device=args.device, dtype=dtype)
    for batch in args.batch_sizes:
        if cuda:
            torch.cuda.reset_peak_memory_stats()
        report(f"torch-{dtype}", batch, generate, torch_peak)
    del generate
    gc.collect()
    if cuda:
        torch.cuda.empty_cache()

    try:
        import ctranslate2

        if cuda and ctranslate2.get_cuda_device_count() == 0:
            raise RuntimeError("this ctranslate2 build has no CUDA support")
        from summarizer.models import is_ct2_export
        from summarizer.summarize.ct2_backend import export_ct2

        quant = "float16" if cuda else "float32"
        ct2_dir = work / f"{model_dir.name}-ct2-{quant}"
        if not is_ct2_export(ct2_dir):
            export_ct2(model_dir, ct2_dir, quant, force=True)
        generate = ct2_generator(ct2_dir, threads=1, device=args.device, compute_type=quant)

        def in_use() -> str:
            # CTranslate2 has its own allocator: report what the whole device holds.
            if not cuda:
                return "-1"
            free, total = torch.cuda.mem_get_info()
            return f"{round((total - free) / 2**20)} (whole device)"

        for batch in args.batch_sizes:
            report(f"ct2-{quant}", batch, generate, in_use)
    except Exception as exc:  # noqa: BLE001 - optional part: say why it was skipped
        print(f"ct2-float16: skipped ({type(exc).__name__}: {exc})", flush=True)
    return results


def training(args: argparse.Namespace, work: Path) -> dict:
    from training.train_summarizer import TrainConfig, main

    lcsts = args.shared_data / "summarization"
    train_file, eval_file = lcsts / "lcsts_train.jsonl", lcsts / "lcsts_val.jsonl"
    if not train_file.is_file():
        print(f"training: skipped ({train_file} not found)")
        return {}
    tiny = randeng_dir(work, tiny=True)
    fields = {
        "model": str(tiny),
        "train_file": train_file,
        "eval_file": eval_file if eval_file.is_file() else None,
        "output_dir": work / "train-run",
        "max_source_length": 256,
        "max_target_length": 48,
        "max_eval_samples": 512,
        "num_train_epochs": 2,
        "per_device_train_batch_size": 64,
        "per_device_eval_batch_size": 128,
        "learning_rate": 5e-4,
        "generation_num_beams": 1,
        "logging_steps": 50,
        "save_total_limit": 1,
        "resume": False,
        "precision": "auto",
        "device": args.device,
    }
    if args.device != "cuda":
        fields.update(max_train_samples=16, max_eval_samples=8, max_steps=2,
                      per_device_train_batch_size=8, per_device_eval_batch_size=8)
    cfg = TrainConfig(**fields)
    start = time.perf_counter()
    summary = main(cfg)
    train = summary["train"]
    print(f"training: {summary['precision']} on {summary['device']}, "
          f"{train.get('train_samples_per_second')} samples/s, "
          f"{time.perf_counter() - start:.1f} s in all, eval "
          f"{ {k: v for k, v in summary.get('eval', {}).items() if 'rouge' in k} }", flush=True)
    return summary


def recipe(args: argparse.Namespace, work: Path) -> dict:
    """Training throughput and memory of the shipped one-GPU recipe on the 238M shape."""
    import shutil

    import torch

    from training.train_summarizer import load_train_config, main

    if not args.articles_file.is_file():
        print(f"recipe: skipped ({args.articles_file} not found)")
        return {}
    pairs = long_articles(args.articles_file, args.recipe_articles, args.article_chars)
    data = work / "article-headline.jsonl"
    data.write_text("".join(json.dumps({"text": p["text"], "summary": p["headline"]},
                                       ensure_ascii=False) + "\n" for p in pairs),
                    encoding="utf-8")
    out_dir = work / "recipe-run"
    shutil.rmtree(out_dir, ignore_errors=True)
    model_dir = randeng_dir(work, tiny=args.device != "cuda")
    overrides = [f"model={model_dir}", f"train_file={data}", "eval_file=null",
                 f"output_dir={out_dir}", f"max_steps={args.recipe_steps}", "resume=false",
                 f"device={args.device}", "save_total_limit=1"]
    if args.device != "cuda":
        overrides += ["per_device_train_batch_size=2", "max_source_length=64",
                      "max_target_length=16", "dataloader_num_workers=0"]
    cfg = load_train_config(ROOT / "configs" / "train_randeng_gpu.yaml", overrides)
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    summary = main(cfg)
    train = summary["train"]
    effective = cfg.per_device_train_batch_size * cfg.gradient_accumulation_steps
    res = {"articles": len(pairs), "steps": args.recipe_steps, "effective_batch": effective,
           "max_source_length": cfg.max_source_length,
           "max_target_length": cfg.max_target_length, "precision": summary["precision"],
           "inputs_over_limit": summary["data"]["train"]["inputs_over_limit"],
           "train_samples_per_second": train.get("train_samples_per_second"),
           "train_runtime_s": train.get("train_runtime"),
           "wall_s_with_tokenising_and_saving": round(time.perf_counter() - start, 1),
           "peak_gpu_mb": peak_gpu_mb()}
    print(f"recipe: {res['precision']}, {res['steps']} steps of {effective} pairs "
          f"({res['inputs_over_limit']} of {len(pairs)} inputs cut to "
          f"{cfg.max_source_length} tokens): {res['train_samples_per_second']} samples/s, "
          f"peak GPU memory {res['peak_gpu_mb']} MB", flush=True)
    return res


def engine(args: argparse.Namespace, work: Path) -> list[dict]:
    """End-to-end articles/s of the abstractive engine on real articles."""
    import torch

    from summarizer.config import GenerationConfig, SummarizeConfig
    from summarizer.summarize.abstractive import AbstractiveSummarizer
    from summarizer.types import Document

    if not args.articles_file.is_file():
        print(f"engine: skipped ({args.articles_file} not found)")
        return []
    docs = [Document(text=a["text"], headline=a["headline"]) for a in
            long_articles(args.articles_file, args.engine_articles, args.article_chars)]
    sync = torch.cuda.synchronize if args.device == "cuda" else (lambda: None)
    model_dir = randeng_dir(work, tiny=args.device != "cuda")
    results = []
    for batch in args.engine_batch_sizes:
        cfg = SummarizeConfig(engine="abstractive", model=str(model_dir),
                              device=args.device, generation=GenerationConfig(batch_size=batch))
        summarizer = AbstractiveSummarizer(cfg)
        summarizer.summarize(docs[:2])  # warm-up, not timed
        if args.device == "cuda":
            torch.cuda.reset_peak_memory_stats()
        sync()
        start = time.perf_counter()
        summaries = summarizer.summarize(docs)
        sync()
        seconds = time.perf_counter() - start
        chunks = sum(len(summarizer.chunk(d.text)) for d in docs)
        res = {"batch": batch, "articles": len(docs), "seconds": round(seconds, 2),
               "articles_per_s": round(len(docs) / seconds, 2),
               "mean_article_chars": round(sum(len(d.text) for d in docs) / len(docs)),
               "chunks": chunks, "num_beams": cfg.generation.num_beams,
               "chunk_tokens": cfg.chunk_tokens,
               "mean_summary_chars": round(sum(len(s.text) for s in summaries) / len(docs), 1),
               "peak_gpu_mb": peak_gpu_mb()}
        results.append(res)
        print(f"engine batch {batch:3d}: {res['articles_per_s']:8.2f} articles/s "
              f"({len(docs)} articles of {res['mean_article_chars']} characters, {chunks} "
              f"chunks, {cfg.generation.num_beams} beams), peak GPU memory "
              f"{res['peak_gpu_mb']} MB", flush=True)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sections", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    ap.add_argument("--articles", type=int, default=512, help="articles per batched configuration")
    ap.add_argument("--articles-batch1", type=int, default=32, help="articles at batch 1")
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 16, 64])
    ap.add_argument("--input-tokens", type=int, default=512)
    ap.add_argument("--output-tokens", type=int, default=64)
    ap.add_argument("--shared-data", type=Path, default=SHARED,
                    help="the shared data folder (LCSTS, People's Daily)")
    # Typical news lengths; every one of them fills the recipe's 512 input tokens.
    ap.add_argument("--article-chars", type=int, nargs=2, default=(800, 2000),
                    metavar=("MIN", "MAX"), help="lengths of the articles used")
    ap.add_argument("--recipe-articles", type=int, default=2000)
    ap.add_argument("--recipe-steps", type=int, default=60)
    ap.add_argument("--engine-articles", type=int, default=64)
    ap.add_argument("--engine-batch-sizes", type=int, nargs="+", default=[8, 64])
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/summarizer-gpu-bench"))
    ap.add_argument("--json", type=Path, help="also write the results here, after each section")
    # Runs every code path on the CPU with a tiny model and tiny sizes, so the
    # script can be checked where there is no GPU; its figures mean nothing.
    ap.add_argument("--cpu-smoke-test", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.device = "cpu" if args.cpu_smoke_test else "cuda"
    args.articles_file = args.shared_data / "news" / "peoples_daily_2023.jsonl"
    if args.cpu_smoke_test:
        args.articles, args.articles_batch1, args.batch_sizes = 4, 2, [1, 2]
        args.input_tokens, args.output_tokens = 32, 8
        args.recipe_articles, args.recipe_steps = 8, 2
        args.engine_articles, args.engine_batch_sizes = 3, [2]
    else:
        require_gpu()
    import torch

    name = torch.cuda.get_device_name(0) if args.device == "cuda" else "cpu (smoke test)"
    print(f"# {name}, torch {torch.__version__}", flush=True)
    args.work_dir.mkdir(parents=True, exist_ok=True)
    out: dict = {"device": name, "torch": torch.__version__}
    run = {"generation": generation, "recipe": recipe, "training": training, "engine": engine}
    for section in SECTIONS:
        if section not in args.sections:
            continue
        start = time.perf_counter()
        out[section] = run[section](args, args.work_dir)
        print(f"# {section}: {time.perf_counter() - start:.1f} s", flush=True)
        # Written after every section so that a run cut short keeps what it measured.
        if args.json:
            args.json.write_text(json.dumps(out, indent=2, default=str) + "\n",
                                 encoding="utf-8")


if __name__ == "__main__":
    main()
