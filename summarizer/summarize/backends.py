"""How a seq2seq model is run: one small protocol, a PyTorch implementation.

The abstractive engine only ever talks to a :class:`Seq2SeqBackend`, so the
same chunking, length control and faithfulness logic drives PyTorch
(:class:`TorchBackend`) and CTranslate2 (``summarizer.summarize.ct2_backend.Ct2Backend``,
used when ``load_seq2seq`` finds a CTranslate2 export).
"""

from __future__ import annotations

from typing import Any, Protocol


class Seq2SeqBackend(Protocol):
    """Generates output token ids for a batch of tokenised inputs.

    Contract, shared by every backend:

    * ``batch``: one list of token ids per input, exactly as the tokenizer made
      it (special tokens included, so Pegasus inputs end with ``</s>``), not
      padded, each no longer than the model's ``max_source_tokens``. Inputs may
      have different lengths; the backend pads as it needs.
    * returns one list per input, in the same order: the generated ids without
      the decoder start token, without the end-of-sequence token and anything
      after it, without padding. Decoding them with the model's tokenizer gives
      the summary text.
    * ``max_new_tokens`` / ``min_new_tokens`` bound the number of generated
      tokens (EOS not counted); ``num_beams`` = 1 means greedy search;
      ``no_repeat_ngram_size`` = 0 disables the n-gram block;
      ``repetition_penalty`` = 1.0 disables the penalty; ``length_penalty`` is
      the beam-search exponent on the hypothesis length, as in transformers.
    * decoding is deterministic (no sampling), so equal inputs give equal
      outputs whatever else is in the batch.
    """

    def generate(
        self,
        batch: list[list[int]],
        *,
        max_new_tokens: int,
        min_new_tokens: int,
        num_beams: int,
        no_repeat_ngram_size: int,
        repetition_penalty: float,
        length_penalty: float,
    ) -> list[list[int]]: ...


class TorchBackend:
    """Runs a transformers ``*ForConditionalGeneration`` model under ``torch.inference_mode()``.

    >>> backend = TorchBackend(model, pad_token_id=0, device="cpu")  # doctest: +SKIP
    >>> backend.generate([[5, 6, 1]], max_new_tokens=8, min_new_tokens=1, num_beams=1,
    ...                  no_repeat_ngram_size=0, repetition_penalty=1.0,
    ...                  length_penalty=1.0)  # doctest: +SKIP
    [[17, 9, 23]]
    """

    def __init__(self, model: Any, *, pad_token_id: int, device: str) -> None:
        self.model = model
        self.pad_token_id = pad_token_id
        self.device = device
        cfg = model.config
        eos = cfg.eos_token_id
        self.eos_token_ids = set(eos) if isinstance(eos, (list, tuple)) else {eos}
        self.eos_token_id = eos
        self.decoder_start_token_id = (
            cfg.decoder_start_token_id if cfg.decoder_start_token_id is not None else pad_token_id
        )

    def generate(
        self,
        batch: list[list[int]],
        *,
        max_new_tokens: int,
        min_new_tokens: int,
        num_beams: int,
        no_repeat_ngram_size: int,
        repetition_penalty: float,
        length_penalty: float,
    ) -> list[list[int]]:
        import torch

        if not batch:
            return []
        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), self.pad_token_id, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
            mask[row, : len(ids)] = 1
        with torch.inference_mode():
            out = self.model.generate(
                input_ids=input_ids.to(self.device),
                attention_mask=mask.to(self.device),
                max_new_tokens=max_new_tokens,
                min_new_tokens=min(min_new_tokens, max_new_tokens),
                num_beams=num_beams,
                no_repeat_ngram_size=no_repeat_ngram_size,
                repetition_penalty=repetition_penalty,
                length_penalty=length_penalty,
                do_sample=False,
                early_stopping=num_beams > 1,
                decoder_start_token_id=self.decoder_start_token_id,
                pad_token_id=self.pad_token_id,
                eos_token_id=self.eos_token_id,
            )
        return [self._strip(seq) for seq in out.tolist()]

    def _strip(self, seq: list[int]) -> list[int]:
        if seq and seq[0] == self.decoder_start_token_id:
            seq = seq[1:]
        for pos, tok in enumerate(seq):
            if tok in self.eos_token_ids:
                seq = seq[:pos]
                break
        # Only trailing padding: a pad id inside the text is the model's output, kept as is.
        while seq and seq[-1] == self.pad_token_id:
            seq = seq[:-1]
        return seq
