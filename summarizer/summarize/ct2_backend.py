"""CTranslate2 backend: fast CPU (and GPU) inference for exported seq2seq models.

:func:`export_ct2` converts a Hugging Face Pegasus, BART or T5 directory into a
CTranslate2 model directory, copies the tokenizer next to it and writes
``ct2_export.json``, the marker by which :func:`summarizer.models.load_seq2seq`
recognises an export and picks :class:`Ct2Backend` instead of PyTorch.

The backend speaks token ids, like the PyTorch one: the CTranslate2
vocabulary is written by the export in id order with one unique string per id,
so ids and strings map both ways without going through the tokenizer again.

Needs the optional ``ctranslate2`` package: ``pip install 'summarizer[fast]'``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import DependencyError, InputError, ModelLoadError
from ..models import CT2_MARKER as MARKER
from ..models import is_ct2_export

QUANTIZATIONS = ("int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16",
                 "float16", "bfloat16", "float32")
# Files a tokenizer may read; copied so that the export directory is self-contained.
_TOKENIZER_FILES = ("vocab.txt", "vocab.json", "merges.txt", "tokenizer.json", "spiece.model",
                    "sentencepiece.bpe.model", "tokenizer_config.json", "special_tokens_map.json",
                    "added_tokens.json", "generation_config.json")
# Pre-norm / embedding-norm layout per architecture. transformers 5.x no longer
# keeps these keys on Pegasus/BART configs, but the ctranslate2 converter reads them.
_LAYOUT = {
    "pegasus": {"normalize_before": True, "normalize_embedding": False},
    "bart": {"normalize_before": False, "normalize_embedding": True},
}


def _require_ct2() -> Any:
    try:
        import ctranslate2
    except ImportError:
        raise DependencyError(
            "the CTranslate2 backend needs the ctranslate2 package, which is not installed",
            hint="pip install 'summarizer[fast]'",
        ) from None
    return ctranslate2


def read_marker(path: str | Path) -> dict[str, Any]:
    """The metadata :func:`export_ct2` wrote next to the converted model."""
    marker = Path(path) / MARKER
    try:
        return json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot read the CTranslate2 export marker {marker}: {exc}",
                             hint="re-run `summarizer export --to ct2`") from None


def _unique_tokens(tokenizer: Any, size: int) -> list[str]:
    """One distinct string per id ``0..size-1``, the tokenizer's where it has one.

    A vocab may list the same string twice or have fewer entries than the
    model's embedding matrix; CTranslate2 needs a one-to-one mapping, so such
    slots get a placeholder that no text will ever produce.
    """
    tokens: list[str] = []
    seen: set[str] = set()
    for i in range(size):
        tok = tokenizer.convert_ids_to_tokens(i) if i < len(tokenizer) else None
        if not tok or tok in seen:
            tok = f"<ct2_slot_{i}>"
        seen.add(tok)
        tokens.append(tok)
    return tokens


class _VocabView:
    """What the ctranslate2 converter asks of a tokenizer, answered from the model's own ids.

    The converter would load the tokenizer with ``AutoTokenizer``, which cannot
    read Randeng-Pegasus checkpoints; special tokens are taken from the model
    config so they are right whatever the tokenizer class.
    """

    def __init__(self, tokens: list[str], config: Any, unk_token: str | None) -> None:
        self._tokens = tokens

        def tok(idx: int | None, default: str) -> str:
            return tokens[idx] if idx is not None and 0 <= idx < len(tokens) else default

        self.pad_token = tok(config.pad_token_id, tokens[0])
        self.eos_token = tok(config.eos_token_id, self.pad_token)
        self.bos_token = tok(getattr(config, "bos_token_id", None), self.pad_token)
        self.unk_token = unk_token if unk_token in set(tokens) else self.eos_token

    def get_vocab(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self._tokens)}

    def convert_ids_to_tokens(self, idx: int) -> str:
        return self._tokens[idx]


def _converter(model_dir: Path, view: _VocabView) -> Any:
    from ctranslate2.converters import TransformersConverter

    class _Converter(TransformersConverter):
        def load_model(self, model_class: Any, name: str, **kwargs: Any) -> Any:
            model = super().load_model(model_class, name, **kwargs)
            for key, value in _LAYOUT.get(model.config.model_type, {}).items():
                if not hasattr(model.config, key):
                    setattr(model.config, key, value)
            return model

        def load_tokenizer(self, tokenizer_class: Any, name: str, **kwargs: Any) -> Any:
            return view

    return _Converter(str(model_dir))


def _forced_eos(path: Path, config: Any) -> int | None:
    """The EOS id transformers forces at the length limit (generation config first)."""
    from transformers import GenerationConfig

    try:
        return GenerationConfig.from_pretrained(str(path)).forced_eos_token_id
    except OSError:  # no generation_config.json: older checkpoints keep it in config.json
        return getattr(config, "forced_eos_token_id", None)


def export_ct2(
    model_dir: str | Path,
    out_dir: str | Path,
    quantization: str | None = None,
    *,
    force: bool = False,
) -> Path:
    """Convert a Hugging Face seq2seq model directory to CTranslate2.

    ``quantization`` (``int8``, ``float16``, ...) is applied to the saved
    weights; ``None`` keeps float32. Returns ``out_dir``.

    >>> export_ct2("models/randeng", "models/randeng-ct2", "int8")  # doctest: +SKIP
    PosixPath('models/randeng-ct2')
    """
    ctranslate2 = _require_ct2()
    from transformers import AutoConfig

    from ..models import load_tokenizer, locate_model

    if quantization is not None and quantization not in QUANTIZATIONS:
        raise InputError(f"unknown quantization {quantization!r}",
                         hint=f"use one of {', '.join(QUANTIZATIONS)}")
    loc = locate_model(str(model_dir), alternative="export reads a Hugging Face model directory")
    if is_ct2_export(loc.path):
        raise InputError(f"{loc.path} is already a CTranslate2 export",
                         hint="export from the original Hugging Face model directory")
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()) and not force:
        raise InputError(f"output directory {out} exists and is not empty",
                         hint="choose a new --output or pass --force to overwrite")
    try:
        config = AutoConfig.from_pretrained(loc.path)
        tokenizer = load_tokenizer(loc.path, config.model_type)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelLoadError(
            f"cannot read the model in {loc.path}: {exc}",
            hint="pass a Hugging Face model directory with config.json and tokenizer files "
            "(vocab.txt for Randeng-Pegasus)",
        ) from None
    tokens = _unique_tokens(tokenizer, config.vocab_size)
    view = _VocabView(tokens, config, getattr(tokenizer, "unk_token", None))
    try:
        _converter(loc.path, view).convert(str(out), quantization=quantization, force=True)
    except (ValueError, KeyError, AttributeError, NotImplementedError) as exc:
        raise ModelLoadError(
            f"CTranslate2 cannot convert {loc.path} ({config.model_type}): {exc}",
            hint="supported are Pegasus, BART/mBART and T5/mT5 checkpoints",
        ) from None
    for name in _TOKENIZER_FILES:
        src = loc.path / name
        if src.is_file():
            shutil.copyfile(src, out / name)
    marker = {
        "format": "ctranslate2",
        "source_model": loc.name,
        "model_type": config.model_type,
        "quantization": quantization or "float32",
        "ctranslate2_version": ctranslate2.__version__,
        "vocab_size": config.vocab_size,
        "pad_token_id": config.pad_token_id,
        "eos_token_id": config.eos_token_id,
        "decoder_start_token_id": config.decoder_start_token_id,
        "forced_eos_token_id": _forced_eos(loc.path, config),
        # T5 has relative positions; n_positions is the length it was trained for.
        "max_position_embeddings": getattr(config, "max_position_embeddings", None)
        or getattr(config, "n_positions", None),
    }
    (out / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return out


class Ct2Backend:
    """Seq2seq generation with ``ctranslate2.Translator`` on token ids.

    ``compute_type`` ``default`` keeps the export's quantization; ``int8`` etc.
    convert at load time. ``threads`` 0 lets CTranslate2 use every core.

    >>> backend = Ct2Backend("models/randeng-ct2", threads=4)  # doctest: +SKIP
    >>> backend.generate([[2190, 1]], max_new_tokens=32)  # doctest: +SKIP
    [[...]]
    """

    def __init__(
        self,
        model_dir: str | Path,
        device: str = "cpu",
        *,
        compute_type: str = "default",
        threads: int = 0,
    ) -> None:
        ctranslate2 = _require_ct2()
        path = Path(model_dir)
        self.marker = read_marker(path)
        try:
            self.translator = ctranslate2.Translator(
                str(path), device=device, compute_type=compute_type, intra_threads=threads
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelLoadError(f"CTranslate2 cannot load {path}: {exc}",
                                 hint="re-run `summarizer export --to ct2` with this "
                                 "ctranslate2 version, or pick a supported compute type") from None
        vocab_file = path / "shared_vocabulary.json"
        self._tokens: list[str] = json.loads(vocab_file.read_text(encoding="utf-8"))
        self._ids = {tok: i for i, tok in enumerate(self._tokens)}
        self.eos_token_id: int = self.marker["eos_token_id"]
        self.pad_token_id: int | None = self.marker.get("pad_token_id")
        self.forced_eos: bool = self.marker.get("forced_eos_token_id") == self.eos_token_id
        self.max_input_tokens: int | None = self.marker.get("max_position_embeddings")

    def generate(
        self,
        batch: Sequence[Sequence[int]],
        *,
        max_new_tokens: int,
        min_new_tokens: int = 0,
        num_beams: int = 1,
        no_repeat_ngram_size: int = 0,
        repetition_penalty: float = 1.0,
        length_penalty: float = 1.0,
    ) -> list[list[int]]:
        """Generated ids per input (decoder start and EOS excluded), in input order."""
        if not batch:
            return []
        limit = self.max_input_tokens
        for ids in batch:
            if limit is not None and len(ids) > limit:
                raise InputError(
                    f"input of {len(ids)} tokens exceeds the model's {limit} positions",
                    hint="split the article into chunks first (the summariser does this)",
                )
        results = self.translator.translate_batch(
            [[self._tokens[i] for i in ids] for ids in batch],
            beam_size=num_beams,
            max_decoding_length=max_new_tokens,
            min_decoding_length=min_new_tokens,
            no_repeat_ngram_size=no_repeat_ngram_size,
            repetition_penalty=repetition_penalty,
            length_penalty=length_penalty,
            max_input_length=0,  # lengths were checked above; never truncate silently
        )
        out: list[list[int]] = []
        for res in results:
            ids = [self._ids[t] for t in res.hypotheses[0]]
            # transformers forces EOS as the last of max_new_tokens when the model
            # config sets forced_eos_token_id; CTranslate2 does not, so a capped
            # output is cut by one to give the same ids as PyTorch.
            if self.forced_eos and len(ids) >= max_new_tokens:
                ids = ids[: max_new_tokens - 1]
            # Trailing pad ids carry no text; the PyTorch backend cannot tell them
            # from padding and drops them, so they are dropped here too.
            while ids and ids[-1] == self.pad_token_id:
                ids.pop()
            out.append(ids)
        return out
