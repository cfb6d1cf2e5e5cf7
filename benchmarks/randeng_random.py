"""A randomly initialised model with Randeng-Pegasus-238M-Summary-Chinese's exact shape.

Speed and memory depend on the architecture, not on the weights, so the
benchmarks measure this stand-in where the real checkpoint cannot be
downloaded. The shape follows the published ``config.json`` of
IDEA-CCNL/Randeng-Pegasus-238M-Summary-Chinese: PegasusForConditionalGeneration,
12 encoder + 12 decoder layers, d_model 768, 12 heads, FFN 3072, ReLU,
pre-norm, 50,000-entry vocab, 1,024 positions; pad 0, EOS 1, decoder start 0,
forced EOS 1.

The vocab is written in the project tokenizer's format (a BERT-style
``vocab.txt`` whose ``[PAD]`` / ``[unused1]`` / ``[UNK]`` / ``[unused2]`` /
``[unused3]`` slots are Pegasus' special tokens, at the same ids as the
released vocab); the entries after the specials are real CJK characters and
synthetic two-character words, enough for the tokenizer to load and run.

    python benchmarks/randeng_random.py /tmp/randeng-random
"""

from __future__ import annotations

import argparse
from pathlib import Path

VOCAB_SIZE = 50_000
# BERT-Chinese layout that the Randeng vocab keeps: [PAD] 0, [unused1..99] 1-99,
# [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103.
_SPECIAL = ["[PAD]"] + [f"[unused{i}]" for i in range(1, 100)]
_SPECIAL += ["[UNK]", "[CLS]", "[SEP]", "[MASK]"]
_CJK = range(0x4E00, 0x9FA6)


def synthetic_vocab(size: int = VOCAB_SIZE) -> list[str]:
    """``size`` distinct entries: specials, ASCII, CJK characters, ## pieces, then CJK bigrams."""
    entries = list(_SPECIAL)
    entries += [chr(c) for c in range(33, 127)]
    entries += [chr(c) for c in _CJK]
    entries += [f"##{chr(c)}" for c in range(ord("a"), ord("z") + 1)]
    entries += [f"##{d}" for d in range(10)]
    chars = [chr(c) for c in _CJK]
    step = 7919  # a prime, so the pairs spread over the whole character range
    k = 0
    while len(entries) < size:
        first, rnd = k % len(chars), k // len(chars)
        # The round number shifts the second character, so no pair comes back.
        entries.append(chars[first] + chars[(first * step + rnd + 1) % len(chars)])
        k += 1
    return entries[:size]


def randeng_config(tiny: bool = False):  # -> PegasusConfig
    """Randeng-Pegasus-238M's config; ``tiny`` keeps vocab and specials, shrinks the layers."""
    from transformers import PegasusConfig

    width, layers, heads = (128, 2, 4) if tiny else (768, 12, 12)
    return PegasusConfig(
        vocab_size=VOCAB_SIZE,
        d_model=width,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=4 * width,
        decoder_ffn_dim=4 * width,
        activation_function="relu",
        max_position_embeddings=1024,
        scale_embedding=True,
        pad_token_id=0,
        eos_token_id=1,
        bos_token_id=2,
        decoder_start_token_id=0,
        forced_eos_token_id=1,
    )


def build_random_randeng(out_dir: str | Path, seed: int = 0, *, tiny: bool = False) -> Path:
    """Write a random Randeng-238M-shaped model and its tokenizer to ``out_dir``.

    ``tiny`` writes a 2+2-layer, d_model 128 model with the same vocab instead
    (for checking a training path quickly).

    >>> build_random_randeng("/tmp/randeng-random")  # doctest: +SKIP
    PosixPath('/tmp/randeng-random')
    """
    import torch
    from transformers import PegasusForConditionalGeneration

    from summarizer.summarize.tokenizer import RandengPegasusTokenizer

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    vocab = out / "vocab.txt"
    vocab.write_text("".join(e + "\n" for e in synthetic_vocab()), encoding="utf-8")
    tokenizer = RandengPegasusTokenizer(str(vocab))
    tokenizer.save_pretrained(str(out))
    torch.manual_seed(seed)
    model = PegasusForConditionalGeneration(randeng_config(tiny))
    model.save_pretrained(str(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tiny", action="store_true", help="2+2 layers, d_model 128, same vocab")
    args = ap.parse_args()
    path = build_random_randeng(args.out_dir, args.seed, tiny=args.tiny)
    shape = "tiny Randeng-vocab" if args.tiny else "Randeng-Pegasus-238M-shaped"
    print(f"wrote a random {shape} model to {path}")


if __name__ == "__main__":
    main()
