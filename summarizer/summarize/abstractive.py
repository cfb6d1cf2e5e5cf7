"""The abstractive engine: a pretrained seq2seq model behind the summariser protocol.

How an article becomes a summary:

1. **Budget.** :func:`~summarizer.summarize.char_budget` gives the length in
   characters; it is turned into token limits with the article's own
   characters-per-token ratio (jieba words make one token span several characters).
2. **Chunking.** Full-width digits and letters are folded to ASCII, so that a
   number tokenises alike whichever width it was typed in. The article is split
   into sentences (:func:`~summarizer.text.split_sentences`), each sentence is
   tokenised, and consecutive sentences are packed into chunks of at most
   ``min(cfg.chunk_tokens, max_source_tokens)`` tokens, special tokens
   included. A sentence longer than that is split at clauses, and a clause
   longer than that into windows of tokens. The model therefore always sees
   every sentence, and nothing is ever truncated by the tokenizer.
3. **Generation.** All chunks of all articles of a call are generated
   together, sorted by length and batched by ``cfg.generation.batch_size``;
   results go back to their articles in input order.
4. **Fusion.** One chunk: its output is the summary. Several chunks: each gets
   a share of the budget (with some overshoot), the partial summaries are
   concatenated, and while that is longer than the budget it is chunked and
   summarised again (it is short, coherent text; at most two more passes);
   whatever is still too long is trimmed at clause boundaries.
5. **Faithfulness.** Numbers, dates and quantities of the summary that the
   article lacks are reported in :attr:`Summary.unsupported`; with
   ``cfg.fallback_on_unsupported`` the summary is replaced by the extractive
   one and :attr:`Summary.fallback` is set. An empty model output is replaced
   the same way.

The headline is not fed to the model: Randeng-Pegasus was fine-tuned on
article text alone, and a prefixed headline both shifts the input away from
that and costs tokens of the first chunk. It is passed on to the extractive
engine when a fallback happens, which uses it for scoring.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import SummarizeConfig
from ..text import fold_width, split_clauses, split_sentences
from ..types import Document, Summary
from . import SummarizerEngine, char_budget
from .faithfulness import unsupported_quantities

# Share of the character budget the model must at least produce, so that a
# model fond of stopping early still gives a usable summary.
_MIN_LENGTH_SHARE = 0.3
# Slack on the token limit: the character estimate is an average, the final
# trim to the budget is exact.
_TOKEN_SLACK = 1.25
# Each partial summary of a multi-chunk article gets this much more than its
# fair share, so that the fusion pass has material to choose from.
_PARTIAL_OVERSHOOT = 1.5
_MIN_PARTIAL_CHARS = 12
# ... but never more than this share of the chunk's own length.
_PARTIAL_SHRINK = 0.6
# Fusion passes after the first: with chunk_tokens 128 and budgets up to 150
# characters the partial summaries fit one chunk after one pass; the cap only
# guards against pathological settings, after which the text is trimmed.
_FUSION_ROUNDS = 2
# Token limits are rounded to multiples of this, so that articles of similar
# budgets share batches.
_LIMIT_BUCKET = 8

_CLAUSE_END = "，,：:、；;"
_SPACE_NEAR_CJK = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


@dataclass(frozen=True)
class _Job:
    """One generation request: token ids in, text of at most ``budget`` characters out."""

    ids: list[int]
    budget: int
    chars_per_token: float


def trim_to_budget(text: str, budget: int) -> str:
    """Cut ``text`` to at most ``budget`` characters, at a sentence or clause boundary if possible.

    A trailing comma-like mark becomes ``。``; only a first clause longer than
    the whole budget is cut mid-clause.

    >>> trim_to_budget("国家统计局发布数据，经济增长5%，就业稳定。", 17)
    '国家统计局发布数据，经济增长5%。'
    """
    text = text.strip()
    if len(text) <= budget:
        return text
    out = ""
    for sentence in split_sentences(text):
        for clause in split_clauses(sentence):
            if len(out) + len(clause) > budget:
                if not out:
                    return text[:budget]
                return out[:-1] + "。" if out[-1] in _CLAUSE_END else out
            out += clause
    return out


def _special_framing(tokenizer) -> tuple[list[int], list[int]]:
    """The special ids a tokenizer puts before and after a text (``[]``/``[</s>]`` for Pegasus).

    Found by encoding a probe with and without special tokens, because fast
    tokenizers of transformers 5 no longer expose ``build_inputs_with_special_tokens``.
    """
    probe = "北京 news"
    bare = tokenizer(probe, add_special_tokens=False)["input_ids"]
    full = tokenizer(probe)["input_ids"]
    for start in range(len(full) - len(bare) + 1):
        if full[start : start + len(bare)] == bare:
            return full[:start], full[start + len(bare) :]
    raise ValueError(f"cannot locate the text inside its special tokens: {full} vs {bare}")


class AbstractiveSummarizer:
    """Summaries written by a seq2seq model (Randeng-Pegasus by default).

    >>> from summarizer.config import SummarizeConfig
    >>> engine = AbstractiveSummarizer(SummarizeConfig(model="models/randeng"))  # doctest: +SKIP
    >>> docs = [Document("国家统计局今天发布数据……")]
    >>> engine.summarize(docs, max_chars=30)[0].text  # doctest: +SKIP
    '国家统计局发布上半年经济数据'
    """

    name = "abstractive"

    def __init__(self, cfg: SummarizeConfig) -> None:
        from ..models import load_seq2seq, resolve_batch_size

        self.cfg = cfg
        self.model: str | None = cfg.model
        self._seq2seq = load_seq2seq(cfg.model, device=cfg.device, dtype=cfg.dtype)
        self.tokenizer = self._seq2seq.tokenizer
        self.max_input_tokens = min(cfg.chunk_tokens, self._seq2seq.max_source_tokens)
        self.batch_size = resolve_batch_size(cfg.generation.batch_size, self._seq2seq.device)
        self._prefix, self._suffix = _special_framing(self.tokenizer)
        self._n_special = len(self._prefix) + len(self._suffix)
        # Built on the first fallback only: most calls never need it.
        self._extractive: SummarizerEngine | None = None
        if self.max_input_tokens <= self._n_special:
            from ..errors import ConfigError

            raise ConfigError(
                f"summarize.chunk_tokens={cfg.chunk_tokens} leaves no room for text "
                f"in model {cfg.model!r}",
                hint="raise summarize.chunk_tokens",
            )

    # -- tokens ---------------------------------------------------------------

    def _token_ids(self, pieces: list[str]) -> list[list[int]]:
        if not pieces:
            return []
        return self.tokenizer(pieces, add_special_tokens=False)["input_ids"]

    def chunk(self, text: str) -> list[list[int]]:
        """Token ids of ``text`` in chunks of at most ``max_input_tokens``, special tokens included.

        Sentences stay whole where they fit; together the chunks hold every
        token of every sentence, in order.
        """
        room = self.max_input_tokens - self._n_special
        units: list[list[int]] = []
        sentences = split_sentences(text)
        for sentence, ids in zip(sentences, self._token_ids(sentences), strict=True):
            if len(ids) <= room:
                units.append(ids)
                continue
            clauses = split_clauses(sentence)
            for clause_ids in self._token_ids(clauses):
                units.extend(clause_ids[i : i + room] for i in range(0, len(clause_ids), room))
        chunks: list[list[int]] = []
        current: list[int] = []
        for ids in units:
            if current and len(current) + len(ids) > room:
                chunks.append(current)
                current = []
            current = current + ids
        if current:
            chunks.append(current)
        return [self._prefix + c + self._suffix for c in chunks]

    # -- generation -------------------------------------------------------------

    def _decode(self, ids: list[int]) -> str:
        text = self.tokenizer.decode(ids, skip_special_tokens=True)
        # BERT-vocab tokenizers (BART/T5 Chinese) put spaces between characters.
        return _SPACE_NEAR_CJK.sub("", text).strip()

    def _generate(self, jobs: list[_Job]) -> list[str]:
        """Generate every job; batches hold jobs of equal length limits, shortest inputs first.

        Length limits are per job and rounded to buckets, so a job's output never
        depends on which other jobs share its batch.
        """
        gen = self.cfg.generation
        limits = [(self._max_new_tokens(j), self._min_new_tokens(j)) for j in jobs]
        order = sorted(range(len(jobs)), key=lambda i: (limits[i], len(jobs[i].ids)))
        texts: list[str] = [""] * len(jobs)
        start = 0
        while start < len(order):
            end = start + 1
            while (end < len(order) and end - start < self.batch_size
                   and limits[order[end]] == limits[order[start]]):
                end += 1
            idx = order[start:end]
            max_new, min_new = limits[idx[0]]
            outputs = self._seq2seq.backend.generate(
                [jobs[i].ids for i in idx],
                max_new_tokens=max_new,
                min_new_tokens=min_new,
                num_beams=gen.num_beams,
                no_repeat_ngram_size=gen.no_repeat_ngram_size,
                repetition_penalty=gen.repetition_penalty,
                length_penalty=gen.length_penalty,
            )
            for i, out in zip(idx, outputs, strict=True):
                texts[i] = trim_to_budget(self._decode(out), jobs[i].budget)
            start = end
        return texts

    def _max_new_tokens(self, job: _Job) -> int:
        tokens = math.ceil(job.budget / job.chars_per_token * _TOKEN_SLACK)
        # The decoder has the same position limit as the encoder (start token included).
        return min(_LIMIT_BUCKET * math.ceil(tokens / _LIMIT_BUCKET),
                   self._seq2seq.max_source_tokens - 1)

    def _min_new_tokens(self, job: _Job) -> int:
        tokens = math.floor(job.budget * _MIN_LENGTH_SHARE / job.chars_per_token)
        return min(max(1, _LIMIT_BUCKET * (tokens // _LIMIT_BUCKET)), self._max_new_tokens(job))

    def _chars_per_token(self, text: str, chunks: list[list[int]]) -> float:
        n_tokens = sum(len(c) - self._n_special for c in chunks)
        n_chars = sum(1 for ch in text if not ch.isspace())
        return max(1.0, n_chars / max(1, n_tokens))

    # -- the protocol -----------------------------------------------------------

    def summarize(self, docs: Sequence[Document], max_chars: int | None = None) -> list[Summary]:
        """One summary per document, in input order, each at most its character budget."""
        from ..errors import InputError

        budgets = [char_budget(d.text, self.cfg, max_chars) for d in docs]
        # Full-width digits and letters (common in OCR and some feeds) fold to
        # ASCII so that a number tokenises the same whichever width it was typed in.
        texts = [fold_width(d.text) for d in docs]
        chunked = [self.chunk(t) for t in texts]
        for i, chunks in enumerate(chunked):
            if not chunks:
                raise InputError(f"document {i} has no text to summarise",
                                 hint="drop empty documents before summarising")
        # Round 0 summarises the articles; later rounds fuse the partial summaries
        # of multi-chunk articles that are still over budget.
        active = list(range(len(docs)))
        for _ in range(1 + _FUSION_ROUNDS):
            jobs: list[_Job] = []
            owner: list[int] = []
            for i in active:
                chunks = chunked[i]
                ratio = self._chars_per_token(texts[i], chunks)
                if len(chunks) == 1:
                    jobs.append(_Job(chunks[0], budgets[i], ratio))
                    owner.append(i)
                    continue
                share = max(_MIN_PARTIAL_CHARS,
                            math.ceil(budgets[i] * _PARTIAL_OVERSHOOT / len(chunks)))
                for ids in chunks:
                    # A partial summary is shorter than its chunk, so fusion rounds shrink.
                    own = (len(ids) - self._n_special) * ratio * _PARTIAL_SHRINK
                    jobs.append(_Job(ids, max(1, min(share, math.floor(own))), ratio))
                    owner.append(i)
            outputs: dict[int, list[str]] = {i: [] for i in active}
            for i, text in zip(owner, self._generate(jobs), strict=True):
                outputs[i].append(text)
            for i in active:
                texts[i] = "".join(outputs[i])
            active = [i for i in active if len(chunked[i]) > 1 and len(texts[i]) > budgets[i]]
            if not active:
                break
            chunked = [self.chunk(t) if i in active else c
                       for i, (t, c) in enumerate(zip(texts, chunked, strict=True))]
        texts = [trim_to_budget(t, b) for t, b in zip(texts, budgets, strict=True)]
        return self._check(docs, texts, max_chars)

    def _check(
        self, docs: Sequence[Document], texts: list[str], max_chars: int | None
    ) -> list[Summary]:
        unsupported = [unsupported_quantities(t, d.text) for d, t in zip(docs, texts, strict=True)]
        replace = [
            i for i, t in enumerate(texts)
            if not t or (unsupported[i] and self.cfg.fallback_on_unsupported)
        ]
        replacements: dict[int, str] = {}
        if replace:
            if self._extractive is None:
                from .extractive import ExtractiveSummarizer

                self._extractive = ExtractiveSummarizer(self.cfg)
            outs = self._extractive.summarize([docs[i] for i in replace], max_chars)
            replacements = {i: s.text for i, s in zip(replace, outs, strict=True)}
        return [
            Summary(
                text=replacements.get(i, texts[i]),
                engine=self.name,
                model=self.model,
                unsupported=unsupported[i],
                fallback=i in replacements,
            )
            for i in range(len(docs))
        ]
