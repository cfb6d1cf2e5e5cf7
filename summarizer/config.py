"""Configuration: YAML files validated by pydantic.

The pydantic defaults below are the project defaults; ``configs/default.yaml``
spells them out for users to copy and edit (a test keeps the two in step).
Any field can be overridden from the CLI with ``--set section.field=value``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError

Engine = Literal["abstractive", "extractive", "auto"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", protected_namespaces=())


class GenerationConfig(_Strict):
    num_beams: int = Field(4, ge=1)
    no_repeat_ngram_size: int = Field(3, ge=0)
    repetition_penalty: float = Field(1.2, ge=1.0)
    length_penalty: float = 1.0
    batch_size: int = Field(8, ge=1)


class SummarizeConfig(_Strict):
    engine: Engine = "auto"
    # Hub id or local directory of a seq2seq model, or a CTranslate2 export.
    model: str = "IDEA-CCNL/Randeng-Pegasus-238M-Summary-Chinese"
    # Summary budget in characters; None scales with the article (ratio, clamped).
    max_chars: int | None = Field(None, ge=5)
    ratio: float = Field(0.2, gt=0, le=1)
    min_chars: int = Field(20, ge=1)
    max_chars_cap: int = Field(150, ge=1)
    # Tokens per chunk fed to the seq2seq model; long articles are split at
    # sentence boundaries into chunks of at most this many tokens.
    chunk_tokens: int = Field(128, ge=16)
    generation: GenerationConfig = GenerationConfig()
    # Replace an abstractive summary with the extractive one when it states
    # numbers, dates or quantities the source does not contain.
    fallback_on_unsupported: bool = True
    device: Literal["auto", "cpu", "cuda", "mps"] = "auto"
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"


class ClassifyConfig(_Strict):
    # "builtin" is the model shipped inside the package; otherwise a directory.
    category_model: str = "builtin"
    themes_model: str = "builtin"
    enabled: bool = True


class BatchConfig(_Strict):
    workers: int = Field(1, ge=1)
    queue_size: int = Field(256, ge=1)
    # Near-duplicate threshold: Jaccard similarity estimated by MinHash over
    # character shingles; 1.0 disables near-duplicate detection.
    near_duplicate_threshold: float = Field(0.9, gt=0, le=1.0)
    http_timeout_s: float = Field(20.0, gt=0)
    http_retries: int = Field(3, ge=0)
    per_host_concurrency: int = Field(2, ge=1)
    # Outputs are made durable and committed to the state at least this often
    # (and every few hundred rows): the most work a crash can cost.
    commit_interval_s: float = Field(5.0, gt=0)


class Config(_Strict):
    summarize: SummarizeConfig = SummarizeConfig()
    classify: ClassifyConfig = ClassifyConfig()
    batch: BatchConfig = BatchConfig()


def _set_dotted(data: dict[str, Any], dotted: str, value: Any) -> None:
    keys = dotted.split(".")
    node = data
    for key in keys[:-1]:
        node = node.setdefault(key, {})
        if not isinstance(node, dict):
            raise ConfigError(f"cannot set {dotted}: {key} is not a section")
    node[keys[-1]] = value


def load_config(path: str | Path | None = None, overrides: list[str] | None = None) -> Config:
    """Load a YAML config (or the defaults) and apply ``section.field=value`` overrides.

    >>> load_config(overrides=["summarize.engine=extractive"]).summarize.engine
    'extractive'
    """
    data: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"config file {p} not found", hint="pass an existing YAML file")
        try:
            loaded = yaml.safe_load(p.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ConfigError(f"{p} is not valid YAML: {exc}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"{p} must contain a mapping at the top level")
        data = loaded or {}
    for item in overrides or []:
        if "=" not in item:
            raise ConfigError(f"override {item!r} is not of the form section.field=value")
        key, raw = item.split("=", 1)
        _set_dotted(data, key.strip(), yaml.safe_load(raw))
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        where = f" in {path}" if path else ""
        raise ConfigError(f"invalid configuration{where}:\n{exc}") from None
