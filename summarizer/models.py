"""Where models are found and on which device they run: the one place for both.

Every stage that loads weights goes through :func:`locate_model` (is the model
on this machine, and where?) and :func:`resolve_device` / :func:`resolve_dtype`
(which hardware, which precision). Heavy imports happen inside the functions so
that importing this module stays cheap.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from .summarize.backends import Seq2SeqBackend


@dataclass(frozen=True)
class ModelLocation:
    """A model that exists locally: the name the user gave and the directory holding it."""

    name: str
    path: Path


def _hf_cache_snapshot(repo_id: str) -> Path | None:
    try:
        from huggingface_hub import snapshot_download
    except ImportError:  # pragma: no cover - transformers depends on it
        return None
    try:
        return Path(snapshot_download(repo_id, local_files_only=True))
    except Exception:  # noqa: BLE001 - any failure means "not cached"
        return None


NO_WEIGHTS = "or use --engine extractive, which needs no weights"
# What a training script tells the user instead (its config names the base model).
TRAINING_ALTERNATIVE = "or set model: in the training config to a local model directory"


def locate_model(name: str, *, alternative: str = NO_WEIGHTS) -> ModelLocation:
    """Find a model by local directory or Hugging Face id in the local cache; never download.

    Raises :class:`ModelNotFoundError` naming the model, where it was looked
    for and how to get it; ``alternative`` ends the hint with what to do
    instead (by default: use the extractive summariser).

    >>> locate_model("./no/such/model")
    Traceback (most recent call last):
    summarizer.errors.ModelNotFoundError: [E300] model directory ./no/such/model does not exist
      fix: check the path ...
    """
    p = Path(name).expanduser()
    if p.is_dir():
        return ModelLocation(name, p)
    no_weights = alternative
    if p.exists():
        raise ModelNotFoundError(
            f"model path {p} is a file, not a model directory",
            hint=f"pass the directory that holds config.json and the weights; {no_weights}",
        )
    if _looks_like_path(name):
        raise ModelNotFoundError(
            f"model directory {name} does not exist",
            hint="check the path (or give a Hugging Face id like owner/name); " + no_weights,
        )
    snap = _hf_cache_snapshot(name)
    if snap is not None and any(snap.iterdir()):
        return ModelLocation(name, snap)
    raise ModelNotFoundError(
        f"model {name!r} is not available on this machine "
        f"(not a local directory, not in the Hugging Face cache at {_hub_cache_dir()})",
        hint=(
            f"on a machine with internet run `hf download {name}` and copy the "
            "cache over, or pass --model /path/to/model_dir; " + no_weights
        ),
    )


def _looks_like_path(name: str) -> bool:
    # Hub ids are "name" or "owner/name"; anything else can only be a local path.
    return name.startswith((".", "/", "~", "\\")) or name.count("/") > 1 or "\\" in name


def _hub_cache_dir() -> str:
    # Read at call time (not huggingface_hub.constants, fixed at import) so
    # that the message names the cache the lookup actually used.
    if os.environ.get("HF_HUB_CACHE"):
        return os.environ["HF_HUB_CACHE"]
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or "~/.cache", "huggingface")
    return os.path.join(home, "hub")


def is_model_available(name: str) -> bool:
    try:
        locate_model(name)
    except ModelNotFoundError:
        return False
    return True


def resolve_device(preference: str = "auto") -> str:
    """Pick ``cuda``, ``mps`` or ``cpu``: the preference if usable, else the best available."""
    import torch

    if preference != "auto":
        if preference == "cuda" and not torch.cuda.is_available():
            raise ModelNotFoundError("device 'cuda' requested but no CUDA GPU is visible",
                                     hint="set summarize.device=auto or cpu")
        if preference == "mps" and not torch.backends.mps.is_available():
            raise ModelNotFoundError("device 'mps' requested but MPS is not available",
                                     hint="set summarize.device=auto or cpu")
        return preference
    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def resolve_dtype(device: str, preference: str = "auto"):
    """Pick the torch dtype: bf16 on GPUs that support it, fp16 on other GPUs, fp32 on CPU."""
    import torch

    if preference != "auto":
        return getattr(torch, preference)
    if device == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device == "mps":
        return torch.float16
    return torch.float32


# Generation is bound by per-step overhead on a GPU: on an H200 a Randeng-sized
# model made the same number of decoding steps per second at batch 16 and 64,
# and the engine ran 3x faster at 64 than at 8 (docs/fast-inference.md). On a
# CPU larger batches mostly add padding.
AUTO_BATCH_SIZE = {"cuda": 64, "mps": 8, "cpu": 8}


def resolve_batch_size(preference: int | str, device: str) -> int:
    """Chunks per ``generate`` call: the preference, or ``AUTO_BATCH_SIZE`` for the device."""
    if preference == "auto":
        return AUTO_BATCH_SIZE.get(device, AUTO_BATCH_SIZE["cpu"])
    return int(preference)


# --- seq2seq models -------------------------------------------------------

CT2_MARKER = "ct2_export.json"


@dataclass(frozen=True)
class Seq2SeqModel:
    """A loaded seq2seq model: how to run it, how to tokenise for it, and its input limit.

    ``max_source_tokens`` is the longest input (EOS included) the model accepts:
    its ``max_position_embeddings`` (``n_positions`` for T5).
    """

    name: str
    path: Path
    backend: Seq2SeqBackend
    tokenizer: Any  # a transformers PreTrainedTokenizer(Fast)
    max_source_tokens: int
    device: str


_SEQ2SEQ_CACHE: dict[tuple[str, str, str], Seq2SeqModel] = {}
_SEQ2SEQ_LOCK = threading.Lock()


def _versions() -> str:
    import torch
    import transformers

    return f"transformers {transformers.__version__}, torch {torch.__version__}"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def is_ct2_export(path: Path) -> bool:
    """A CTranslate2 export: ``model.bin`` next to the exporter's ``ct2_export.json`` marker."""
    return (path / CT2_MARKER).is_file() and (path / "model.bin").is_file()


def load_tokenizer(path: Path, model_type: str | None = None):
    """The tokenizer for the model in ``path``.

    Randeng-Pegasus directories (a Pegasus model with a BERT-style ``vocab.txt``
    and no ``tokenizer.json`` / ``spiece.model``) get the project's
    :class:`~summarizer.summarize.tokenizer.RandengPegasusTokenizer`; a directory
    saved by that class reloads with it; everything else goes to ``AutoTokenizer``.
    IDEA-CCNL's own ``tokenizer_config.json`` names a class from another
    repository, so for their checkpoints only ``vocab.txt`` is read.

    >>> load_tokenizer(Path("models/randeng"), "pegasus")  # doctest: +SKIP
    RandengPegasusTokenizer(name_or_path='models/randeng', vocab_size=50000, ...)
    """
    from .summarize.tokenizer import VOCAB_FILE, RandengPegasusTokenizer

    tok_cfg = _read_json(path / "tokenizer_config.json")
    if tok_cfg.get("tokenizer_class") == RandengPegasusTokenizer.__name__:
        return RandengPegasusTokenizer.from_pretrained(str(path))
    has_other = (path / "tokenizer.json").is_file() or (path / "spiece.model").is_file()
    if model_type == "pegasus" and (path / VOCAB_FILE).is_file() and not has_other:
        return RandengPegasusTokenizer(vocab_file=str(path / VOCAB_FILE))
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(path))


def _load_torch(loc: ModelLocation, device: str, dtype: str) -> Seq2SeqModel:
    from transformers import AutoConfig, AutoModelForSeq2SeqLM

    from .summarize.backends import TorchBackend

    config = AutoConfig.from_pretrained(str(loc.path))
    tokenizer = load_tokenizer(loc.path, getattr(config, "model_type", None))
    from transformers.utils import logging as hf_logging

    # A per-tensor "Loading weights" bar on stderr is noise for a CLI that
    # prints summaries; the lock in load_seq2seq serialises this toggle.
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        model = AutoModelForSeq2SeqLM.from_pretrained(str(loc.path))
    finally:
        if bars:
            hf_logging.enable_progress_bar()
    model = model.to(device=device, dtype=resolve_dtype(device, dtype)).eval()
    limit = getattr(config, "max_position_embeddings", None) or getattr(config, "n_positions", None)
    pad_id = config.pad_token_id if config.pad_token_id is not None else tokenizer.pad_token_id
    return Seq2SeqModel(
        name=loc.name,
        path=loc.path,
        backend=TorchBackend(model, pad_token_id=pad_id, device=device),
        tokenizer=tokenizer,
        max_source_tokens=int(limit or 512),
        device=device,
    )


def _load_ct2(loc: ModelLocation, device: str) -> Seq2SeqModel:
    from .summarize.ct2_backend import Ct2Backend

    meta = _read_json(loc.path / CT2_MARKER)
    backend = Ct2Backend(loc.path, device)
    return Seq2SeqModel(
        name=loc.name,
        path=loc.path,
        backend=backend,
        tokenizer=load_tokenizer(loc.path, meta.get("model_type")),
        max_source_tokens=int(meta.get("max_position_embeddings") or 512),
        device=device,
    )


def load_seq2seq(name: str, device: str = "auto", dtype: str = "auto") -> Seq2SeqModel:
    """Load a seq2seq model (Pegasus, BART, T5/mT5 or a CTranslate2 export) once per process.

    ``name`` is a local directory or a Hugging Face id already in the local
    cache (nothing is downloaded). A directory holding ``model.bin`` and
    ``ct2_export.json`` (written by ``summarizer export --to ct2``) runs on
    CTranslate2; anything else on PyTorch with ``AutoModelForSeq2SeqLM`` in eval
    mode on the device/dtype chosen by :func:`resolve_device` /
    :func:`resolve_dtype`. Raises :class:`ModelNotFoundError` when the model is
    not on this machine and :class:`ModelLoadError` (naming the model, its path
    and the library versions) when it is but cannot be loaded.

    >>> m = load_seq2seq("IDEA-CCNL/Randeng-Pegasus-238M-Summary-Chinese")  # doctest: +SKIP
    >>> m.max_source_tokens, m.device  # doctest: +SKIP
    (1024, 'cpu')
    """
    from .errors import DependencyError, ModelLoadError

    loc = locate_model(name)
    resolved = resolve_device(device)
    key = (str(loc.path.resolve()), resolved, dtype)
    with _SEQ2SEQ_LOCK:
        cached = _SEQ2SEQ_CACHE.get(key)
        if cached is not None:
            return cached
        try:
            if is_ct2_export(loc.path):
                model = _load_ct2(loc, resolved)
            else:
                model = _load_torch(loc, resolved, dtype)
        except (DependencyError, ModelLoadError):
            raise
        except Exception as exc:  # noqa: BLE001 - any loader failure becomes one clear error
            raise ModelLoadError(
                f"could not load seq2seq model {name!r} from {loc.path} "
                f"({_versions()}): {type(exc).__name__}: {exc}",
                hint=(
                    "check that the directory holds a complete Pegasus/BART/T5 checkpoint "
                    "(config.json, weights, tokenizer files or vocab.txt) or a CTranslate2 "
                    "export, and that it was saved by a compatible transformers version"
                ),
            ) from exc
        _SEQ2SEQ_CACHE[key] = model
        return model
