"""The seq2seq engine on one CUDA GPU: generation speed and the training path.

1. Generation: the random Randeng-Pegasus-238M-shaped model (see
   ``randeng_random.py``), 512 input tokens, exactly 64 generated tokens
   (greedy), PyTorch bf16 at batch 1, 16 and 64, then CTranslate2 float16 at
   the same batch sizes when ctranslate2 has CUDA support. Prints articles/s
   and peak GPU memory. The goal is at least 50 articles/s.
2. Training: two epochs of ``training/train_summarizer.py`` on
   ``../shared/data/summarization/lcsts_train.jsonl`` (evaluated on
   ``lcsts_val.jsonl``) with a tiny random model that has Randeng's vocab,
   proving the bf16 Trainer path end to end. Prints samples/s and ROUGE (which
   is meaningless for a random tiny model after two epochs, and is only shown
   to prove that evaluation runs).

    python benchmarks/gpu.py                       # everything, ~5 minutes on an H200
    python benchmarks/gpu.py --skip-training --articles 256

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

LCSTS = ROOT.parent / "shared" / "data" / "summarization"


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


def generation(args: argparse.Namespace, work: Path) -> list[dict]:
    import torch
    from randeng_random import VOCAB_SIZE, build_random_randeng
    from seq2seq_speed import EOS_ID, ct2_generator, make_inputs, time_generation, torch_generator

    cuda = args.device == "cuda"
    model_dir = work / ("randeng-random" if cuda else "randeng-tiny")
    if not (model_dir / "config.json").is_file():
        build_random_randeng(model_dir, tiny=not cuda)
    count = max(args.articles, args.articles_batch1, *args.batch_sizes)
    inputs = make_inputs(count, args.input_tokens, VOCAB_SIZE, eos_id=EOS_ID)
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
    from randeng_random import build_random_randeng

    from training.train_summarizer import TrainConfig, main

    train_file, eval_file = LCSTS / "lcsts_train.jsonl", LCSTS / "lcsts_val.jsonl"
    if not train_file.is_file():
        print(f"training: skipped ({train_file} not found)")
        return {}
    tiny = work / "randeng-tiny"
    if not (tiny / "config.json").is_file():
        build_random_randeng(tiny, tiny=True)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=512, help="articles per batched configuration")
    ap.add_argument("--articles-batch1", type=int, default=64, help="articles at batch 1")
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 16, 64])
    ap.add_argument("--input-tokens", type=int, default=512)
    ap.add_argument("--output-tokens", type=int, default=64)
    ap.add_argument("--skip-generation", action="store_true")
    ap.add_argument("--skip-training", action="store_true")
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/summarizer-gpu-bench"))
    ap.add_argument("--json", type=Path, help="also write the results here")
    # Runs every code path on the CPU with a tiny model and tiny sizes, so the
    # script can be checked where there is no GPU; its figures mean nothing.
    ap.add_argument("--cpu-smoke-test", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.device = "cpu" if args.cpu_smoke_test else "cuda"
    if args.cpu_smoke_test:
        args.articles, args.articles_batch1, args.batch_sizes = 4, 2, [1, 2]
        args.input_tokens, args.output_tokens = 32, 8
    else:
        require_gpu()
    import torch

    name = torch.cuda.get_device_name(0) if args.device == "cuda" else "cpu (smoke test)"
    print(f"# {name}, torch {torch.__version__}, "
          f"{args.input_tokens} input tokens -> {args.output_tokens} output tokens", flush=True)
    args.work_dir.mkdir(parents=True, exist_ok=True)
    out = {"device": name}
    if not args.skip_generation:
        out["generation"] = generation(args, args.work_dir)
    if not args.skip_training:
        out["training"] = training(args, args.work_dir)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
