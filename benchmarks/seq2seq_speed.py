"""Seq2seq generation speed on CPU: PyTorch fp32 vs CTranslate2 float32 vs int8.

Measures articles/s for a randomly initialised model with
Randeng-Pegasus-238M's exact architecture (see ``randeng_random.py``), with a
fixed input of 512 tokens and exactly 64 generated tokens per article (greedy,
EOS suppressed until the 64th token, so every configuration does the same
work), at batch sizes 1 and 8. Each configuration runs in its own process so
that its peak resident memory (RSS) is its own.

    nice python benchmarks/seq2seq_speed.py --articles 16 --threads 2

The first run builds the random model and its two CTranslate2 exports under
``--work-dir`` (about 2 GB) and reuses them afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

BACKENDS = ("torch-fp32", "ct2-float32", "ct2-int8")
FIRST_ORDINARY_ID = 104  # after [PAD], [unused1-99], [UNK], [CLS], [SEP], [MASK]
VOCAB_SIZE = 50_000
EOS_ID = 1  # [unused1], read as </s>


def make_inputs(
    n: int, length: int, vocab_size: int, eos_id: int, seed: int = 0
) -> list[list[int]]:
    """``n`` fixed-length inputs: ``length - 1`` ordinary token ids, then EOS."""
    import random

    rng = random.Random(seed)
    return [
        [rng.randrange(FIRST_ORDINARY_ID, vocab_size) for _ in range(length - 1)] + [eos_id]
        for _ in range(n)
    ]


def prepare(work_dir: Path) -> dict[str, Path]:
    """Build (once) the random model and its float32 / int8 CTranslate2 exports."""
    from randeng_random import build_random_randeng

    from summarizer.summarize.ct2_backend import export_ct2, is_ct2_export

    paths = {
        "torch-fp32": work_dir / "randeng-random",
        "ct2-float32": work_dir / "randeng-random-ct2-float32",
        "ct2-int8": work_dir / "randeng-random-ct2-int8",
    }
    if not (paths["torch-fp32"] / "config.json").is_file():
        print(f"building the random model in {paths['torch-fp32']}", file=sys.stderr)
        build_random_randeng(paths["torch-fp32"])
    for name, quant in (("ct2-float32", None), ("ct2-int8", "int8")):
        if not is_ct2_export(paths[name]):
            print(f"exporting {name} to {paths[name]}", file=sys.stderr)
            export_ct2(paths["torch-fp32"], paths[name], quant, force=True)
    return paths


def torch_generator(model_dir: Path, threads: int, device: str = "cpu", dtype: str = "float32"):
    """A ``generate(batch, new_tokens)`` over PyTorch that always makes ``new_tokens`` tokens."""
    import torch
    from transformers import PegasusForConditionalGeneration

    torch.set_num_threads(threads)
    model = PegasusForConditionalGeneration.from_pretrained(str(model_dir))
    model = model.to(device=device, dtype=getattr(torch, dtype)).eval()

    def generate(batch: list[list[int]], new_tokens: int) -> list[list[int]]:
        ids = torch.tensor(batch, device=device)
        with torch.inference_mode():
            out = model.generate(
                input_ids=ids,
                attention_mask=torch.ones_like(ids),
                num_beams=1,
                do_sample=False,
                max_new_tokens=new_tokens,
                min_new_tokens=new_tokens,
                # A forced EOS at the last step would clash with min_new_tokens.
                forced_eos_token_id=None,
            )
        return [row[1:].tolist() for row in out.cpu()]  # drop the decoder start token

    return generate


def ct2_generator(model_dir: Path, threads: int, device: str = "cpu",
                  compute_type: str = "default"):
    """The same over :class:`Ct2Backend` (min = max new tokens, greedy)."""
    from summarizer.summarize.ct2_backend import Ct2Backend

    backend = Ct2Backend(model_dir, device, compute_type=compute_type, threads=threads)
    backend.forced_eos = False  # as for PyTorch above: every output is new_tokens long

    def generate(batch: list[list[int]], new_tokens: int) -> list[list[int]]:
        return backend.generate(batch, max_new_tokens=new_tokens, min_new_tokens=new_tokens)

    return generate


def time_generation(generate, inputs: list[list[int]], batch: int, new_tokens: int,
                    sync=None) -> tuple[float, list[int]]:
    """Seconds to generate for all ``inputs`` in batches of ``batch``, and the output lengths.

    The first batch is a warm-up and not timed (lazy initialisation, caches).
    """
    generate(inputs[:batch], new_tokens)
    lengths: set[int] = set()
    if sync:
        sync()
    start = time.perf_counter()
    for i in range(0, len(inputs), batch):
        lengths.update(len(o) for o in generate(inputs[i : i + batch], new_tokens))
    if sync:
        sync()
    return time.perf_counter() - start, sorted(lengths)


def run_one(args: argparse.Namespace) -> dict[str, object]:
    """One configuration in this process: load, warm up on one batch, time all articles."""
    model_dir = Path(args.model_dir)
    if args.backend == "torch-fp32":
        generate = torch_generator(model_dir, args.threads)
    else:
        generate = ct2_generator(model_dir, args.threads)
    inputs = make_inputs(args.articles, args.input_tokens, VOCAB_SIZE, eos_id=EOS_ID)
    cpu_start = time.process_time()
    elapsed, lengths = time_generation(generate, inputs, args.batch, args.output_tokens)
    # CPU seconds of this process (warm-up batch included): on a shared machine
    # they depend far less on the other processes than wall-clock time does.
    cpu = time.process_time() - cpu_start
    return {
        "backend": args.backend,
        "batch": args.batch,
        "articles": len(inputs),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(inputs) / elapsed, 3),
        "cpu_seconds_per_article": round(cpu / (len(inputs) + args.batch), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "output_lengths": lengths,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=32, help="timed articles per configuration")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 8])
    ap.add_argument("--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS))
    ap.add_argument("--input-tokens", type=int, default=512)
    ap.add_argument("--output-tokens", type=int, default=64)
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/summarizer-bench"))
    ap.add_argument("--json", type=Path, help="also write the results here")
    # Internal: one configuration in a child process.
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--backend", choices=BACKENDS, help=argparse.SUPPRESS)
    ap.add_argument("--batch", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--model-dir", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        print(json.dumps(run_one(args)))
        return

    paths = prepare(args.work_dir)
    load = os.getloadavg()
    print(f"# {args.articles} articles, {args.input_tokens} input tokens -> {args.output_tokens} "
          f"output tokens, {args.threads} threads, {os.cpu_count()} CPUs, "
          f"load average at start {load[0]:.2f}")
    results = []
    for batch in args.batch_sizes:
        for backend in args.backends:
            cmd = [sys.executable, __file__, "--child", "--backend", backend,
                   "--batch", str(batch), "--model-dir", str(paths[backend]),
                   "--articles", str(args.articles), "--threads", str(args.threads),
                   "--input-tokens", str(args.input_tokens),
                   "--output-tokens", str(args.output_tokens)]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                sys.exit(f"{backend} batch {batch} failed:\n{proc.stderr[-3000:]}")
            res = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append(res)
            print(f"{backend:12s} batch {batch:3d}: {res['articles_per_s']:8.3f} articles/s  "
                  f"{res['cpu_seconds_per_article']:6.2f} CPU s/article  "
                  f"peak RSS {res['peak_rss_mb']:6d} MB  ({res['articles']} articles in "
                  f"{res['seconds']} s, output lengths {res['output_lengths']})", flush=True)
    by = {(r["backend"], r["batch"]): r for r in results}
    for batch in args.batch_sizes:
        base = by.get(("torch-fp32", batch))
        for backend in ("ct2-float32", "ct2-int8"):
            if base and (backend, batch) in by:
                other = by[(backend, batch)]
                print(f"speed-up {backend} / torch-fp32 at batch {batch}: "
                      f"{other['articles_per_s'] / base['articles_per_s']:.2f}x wall-clock, "
                      f"{base['cpu_seconds_per_article'] / other['cpu_seconds_per_article']:.2f}x "
                      "CPU time")
    load = os.getloadavg()
    print(f"# load average at end {load[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
