"""Configuration: YAML files validated by pydantic.

The pydantic defaults below are the project defaults; ``configs/default.yaml``
spells them out for users to copy and edit (a test keeps the two in step).
Any field can be overridden from the CLI with ``--set section.field=value``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

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
    # Chunks generated together; "auto" picks by device (summarizer.models.resolve_batch_size).
    batch_size: Annotated[int, Field(ge=1)] | Literal["auto"] = "auto"


class SummarizeConfig(_Strict):
    engine: Engine = "auto"
    # Hub id or local directory of a seq2seq model, or a CTranslate2 export.
    model: str = "IDEA-CCNL/Randeng-Pegasus-238M-Summary-Chinese"
    # Summary budget in characters; None scales with the article (ratio, clamped).
    max_chars: int | None = Field(None, ge=5)
    ratio: float = Field(0.2, gt=0, le=1)
    # Below ~26 characters a typical news sentence no longer fits (best floor on LCSTS val).
    min_chars: int = Field(26, ge=1)
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


def read_yaml(path: str | Path, *, what: str = "config", example: str = "configs/default.yaml"
              ) -> dict[str, Any]:
    """Read a YAML file whose top level is a mapping; any problem is a :class:`ConfigError`.

    ``what`` names the file in messages ("training config", ...) and
    ``example`` is the file to copy from.

    >>> read_yaml("no/such.yaml")
    Traceback (most recent call last):
    summarizer.errors.ConfigError: [E200] config no/such.yaml not found
      fix: pass an existing YAML file such as configs/default.yaml
    """
    p = Path(path)
    if not p.exists():
        raise ConfigError(f"{what} {p} not found",
                          hint=f"pass an existing YAML file such as {example}")
    if not p.is_file():
        raise ConfigError(f"{what} {p} is not a file", hint=f"pass a YAML file such as {example}")
    try:
        with p.open(encoding="utf-8-sig") as fh:
            # Parsing the open file lets YAML's messages name it with line and column.
            loaded = yaml.safe_load(fh)
    except UnicodeDecodeError:
        raise ConfigError(f"{what} {p} is not UTF-8 text",
                          hint=f"pass a UTF-8 YAML file such as {example}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{what} {p} is not valid YAML: {exc}",
                          hint="fix the YAML syntax at the line shown") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ConfigError(f"{what} {p} must contain a mapping (field: value) at the top level",
                          hint=f"see {example} for the format")
    return loaded


def apply_overrides(data: dict[str, Any], overrides: Sequence[str] | None) -> dict[str, Any]:
    """Apply ``section.field=value`` strings to ``data`` in place; values are read as YAML.

    >>> apply_overrides({}, ["summarize.generation.num_beams=2"])
    {'summarize': {'generation': {'num_beams': 2}}}
    """
    for item in overrides or []:
        key, sep, raw = item.partition("=")
        keys = key.strip().split(".")
        if not sep or not all(k.strip() for k in keys):
            raise ConfigError(f"override {item!r} is not of the form section.field=value",
                              hint="e.g. --set summarize.engine=extractive")
        try:
            value = yaml.safe_load(raw)
        except yaml.YAMLError:
            raise ConfigError(f"override {item!r}: the value {raw!r} is not valid YAML",
                              hint="quote it, e.g. --set 'field=\"[text\"'") from None
        node = data
        for k in keys[:-1]:
            node = node.setdefault(k, {})
            if not isinstance(node, dict):
                raise ConfigError(f"cannot set {key}: {k} is not a section",
                                  hint="override a field of the section: section.field=value")
        node[keys[-1]] = value
    return data


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` (the parent of an unknown field)."""
    for part in loc:
        field = model.model_fields.get(str(part))
        ann = getattr(field, "annotation", None)
        if not (isinstance(ann, type) and issubclass(ann, BaseModel)):
            return []
        model = ann
    return list(model.model_fields)


M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], data: dict[str, Any], *, where: str, example: str) -> M:
    """Validate ``data`` as ``model``; errors become one :class:`ConfigError` listing each field.

    >>> validate(Config, {"summarize": {"enginee": "auto"}}, where="x.yaml",
    ...          example="configs/default.yaml")
    Traceback (most recent call last):
    summarizer.errors.ConfigError: [E200] invalid configuration in x.yaml:
      summarize.enginee: unknown field (did you mean 'engine'?)
      fix: see configs/default.yaml for every field and its allowed values
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = ".".join(str(part) for part in err["loc"]) or "(top level)"
            if err["type"] == "extra_forbidden":
                close = difflib.get_close_matches(
                    str(err["loc"][-1]), _field_names(model, err["loc"][:-1]), n=1)
                guess = f" (did you mean {close[0]!r}?)" if close else ""
                problems.append(f"  {name}: unknown field{guess}")
            elif err["type"] == "missing":
                problems.append(f"  {name}: required field is missing")
            else:
                problems.append(f"  {name}: {err['msg']} (got {err['input']!r})")
        raise ConfigError(f"invalid configuration in {where}:\n" + "\n".join(problems),
                          hint=f"see {example} for every field and its allowed values") from None


def load_config(path: str | Path | None = None, overrides: list[str] | None = None) -> Config:
    """Load a YAML config (or the defaults) and apply ``section.field=value`` overrides.

    >>> load_config(overrides=["summarize.engine=extractive"]).summarize.engine
    'extractive'
    """
    data = read_yaml(path) if path is not None else {}
    apply_overrides(data, overrides)
    where = str(path) if path is not None else "the defaults"
    if overrides:
        where += " with --set " + " ".join(overrides)
    return validate(Config, data, where=where, example="configs/default.yaml")
