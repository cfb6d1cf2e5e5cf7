"""Where models are found and on which device they run: the one place for both.

Every stage that loads weights goes through :func:`locate_model` (is the model
on this machine, and where?) and :func:`resolve_device` / :func:`resolve_dtype`
(which hardware, which precision). Heavy imports happen inside the functions so
that importing this module stays cheap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelNotFoundError


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


def locate_model(name: str) -> ModelLocation:
    """Find a model by local directory or Hugging Face id in the local cache; never download.

    Raises :class:`ModelNotFoundError` naming the model, where it was looked
    for and how to get it.
    """
    p = Path(name).expanduser()
    if p.is_dir():
        return ModelLocation(name, p)
    if p.exists():
        raise ModelNotFoundError(f"model path {p} is a file, not a model directory")
    snap = _hf_cache_snapshot(name)
    if snap is not None and any(snap.iterdir()):
        return ModelLocation(name, snap)
    cache = os.environ.get("HF_HUB_CACHE") or os.environ.get("HF_HOME") or "~/.cache/huggingface"
    raise ModelNotFoundError(
        f"model {name!r} is not available on this machine "
        f"(not a local directory, not in the Hugging Face cache at {cache})",
        hint=(
            f"on a machine with internet run `huggingface-cli download {name}` and copy the "
            "cache over, or pass --model /path/to/model_dir; or use --engine extractive, "
            "which needs no weights"
        ),
    )


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
