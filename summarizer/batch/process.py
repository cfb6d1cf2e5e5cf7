"""Turning work items into output records: the injectable processing step.

A :class:`ProcessorFactory` is a small picklable object that builds a
processor once per worker (one model load per process or Ray actor); the
processor maps a chunk of work items to outcomes. Tests inject their own
factory; the CLI uses :class:`PipelineFactory`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..config import Config, Engine
from ..types import Item, Result
from .types import Outcome, OutputRecord, WorkItem

Processor = Callable[[Sequence[WorkItem]], list[Outcome]]


class ProcessorFactory:
    """Builds a processor in the process that will run it (must be picklable)."""

    def __call__(self) -> Processor:
        raise NotImplementedError


def result_record(item: WorkItem, result: Result) -> OutputRecord:
    """The output record of a pipeline result, with the work item's provenance."""
    s, c, t = result.summary, result.category, result.themes or ()
    return OutputRecord(
        id=item.id, source=item.source, ref=item.ref, link=item.link, date=item.date,
        kind=item.kind, headline=item.headline, summary=s.text if s else None,
        category=c.label if c else None, category_score=round(float(c.score), 4) if c else None,
        themes=tuple(x.label for x in t), theme_scores=tuple(round(float(x.score), 4) for x in t),
        engine=s.engine if s else None, model=s.model if s else None,
    )


def isolate_failures(run: Callable[[Sequence[WorkItem]], list[OutputRecord]],
                     items: Sequence[WorkItem]) -> list[Outcome]:
    """Run a chunk; if it fails, rerun item by item so only the bad items fail."""
    try:
        return [Outcome(it, rec) for it, rec in zip(items, run(items), strict=True)]
    except Exception:  # noqa: BLE001 - any failure of the models is a per-item failure
        if len(items) == 1:
            import traceback

            err = traceback.format_exc(limit=1).strip().splitlines()[-1]
            return [Outcome(items[0], error=err)]
    return [out for it in items for out in isolate_failures(run, [it])]


@dataclass
class PipelineProcessor:
    """Summarise and classify work items with :class:`summarizer.pipeline.Pipeline`."""

    pipeline: object

    def _run(self, items: Sequence[WorkItem]) -> list[OutputRecord]:
        docs = [Item(id=it.id, kind="caption" if it.kind == "caption" else "article",
                     body=it.text, headline=it.headline) for it in items]
        results = self.pipeline.analyze(docs)
        return [result_record(it, r) for it, r in zip(items, results, strict=True)]

    def __call__(self, items: Sequence[WorkItem]) -> list[Outcome]:
        return isolate_failures(self._run, items)


@dataclass
class PipelineFactory(ProcessorFactory):
    """The real pipeline with the given config and engine; models load on first use.

    >>> PipelineFactory(Config(), engine="extractive").engine
    'extractive'
    """

    config: Config = field(default_factory=Config)
    engine: Engine | None = None

    def __call__(self) -> Processor:
        from ..pipeline import Pipeline

        pipe = Pipeline(self.config, engine=self.engine)
        # Load the models now, in the worker, rather than inside the first chunk.
        _ = pipe.summarizer
        if self.config.classify.enabled:
            _ = pipe.category_classifier, pipe.theme_tagger
        return PipelineProcessor(pipe)
