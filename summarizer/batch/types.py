"""Typed records passed between the batch stages.

``inputs`` yields :class:`WorkItem` (or :class:`InputFailure` for records that
cannot even be read); the processor turns work items into :class:`Outcome`;
``job`` writes the outcomes and returns a :class:`BatchReport`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Format = Literal["jsonl", "csv", "parquet"]
RunnerName = Literal["local", "ray"]

# Column order of the output, identical for every format.
RECORD_FIELDS = (
    "id", "source", "ref", "link", "date", "kind", "headline", "summary", "category",
    "category_score", "themes", "theme_scores", "engine", "model",
)


@dataclass(frozen=True)
class WorkItem:
    """One article to process, with where it came from.

    ``id`` is the identifier the input gave (JSONL ``id``, feed entry guid or
    link) or, failing that, the content hash. ``source`` is the input path or
    feed URL, ``ref`` pinpoints the item inside it (``file:line``,
    ``page.txt#3``, ``feed#guid``). ``fetch_url`` is set when the body is a
    feed teaser whose full text has to be fetched first.
    """

    id: str
    text: str
    source: str
    ref: str
    headline: str | None = None
    link: str | None = None
    date: str | None = None
    kind: str = "article"
    fetch_url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> WorkItem:
        return cls(**d)


class Solo(list):
    """A chunk of one item that was in flight when the job last died: runners process it with
    nothing else in flight, so that a later death is charged to this item alone."""


@dataclass(frozen=True)
class InputFailure:
    """An input record that could not be turned into a work item (bad JSON, empty text...)."""

    source: str
    ref: str
    reason: str
    id: str | None = None


@dataclass(frozen=True)
class OutputRecord:
    """One line of the output: provenance plus what the pipeline said."""

    id: str
    source: str
    ref: str
    link: str | None
    date: str | None
    kind: str
    headline: str | None
    summary: str | None
    category: str | None
    category_score: float | None
    themes: tuple[str, ...]
    theme_scores: tuple[float, ...]
    engine: str | None
    model: str | None

    def to_row(self) -> dict[str, Any]:
        d = asdict(self)
        d["themes"] = list(self.themes)
        d["theme_scores"] = list(self.theme_scores)
        return {k: d[k] for k in RECORD_FIELDS}


@dataclass(frozen=True)
class Outcome:
    """What processing one work item gave: a record, or the reason it failed."""

    item: WorkItem
    record: OutputRecord | None = None
    error: str | None = None


@dataclass
class BatchReport:
    """Counts of a batch run: this run, and the whole job so far (from the state store)."""

    output: str
    ok: int = 0
    skipped_duplicates: int = 0
    failed: int = 0
    already_done: int = 0
    input_errors: list[str] = field(default_factory=list)
    total_ok: int = 0
    total_duplicates: int = 0
    total_failed: int = 0
    elapsed_s: float = 0.0

    @property
    def items_per_s(self) -> float:
        return (self.ok + self.failed + self.skipped_duplicates) / max(self.elapsed_s, 1e-9)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["items_per_s"] = round(self.items_per_s, 2)
        d["elapsed_s"] = round(self.elapsed_s, 2)
        return d
