"""A stand-in processor for the batch tests: fast, deterministic, no models.

It lets the batch machinery (state, dedup, sinks, runners) be tested on its
own; the end-to-end tests use the real pipeline.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer.batch.process import ProcessorFactory, isolate_failures
from summarizer.batch.types import Outcome, OutputRecord, WorkItem

# Letters, so that normalisation for dedup keeps it and a marked copy of an
# article is not taken for an exact duplicate of the article.
FAIL_MARKER = "坏稿"


def fake_record(item: WorkItem) -> OutputRecord:
    if FAIL_MARKER in item.text:
        raise ValueError(f"cannot process {item.ref}")
    first = item.text.split("。")[0][:40]
    category = "news_tech" if "科技" in item.text else "news_story"
    return OutputRecord(
        id=item.id, source=item.source, ref=item.ref, link=item.link, date=item.date,
        kind=item.kind, headline=item.headline, summary=first, category=category,
        category_score=0.9, themes=("t1",) if "乡村" in item.text else (),
        theme_scores=(0.8,) if "乡村" in item.text else (), engine="fake", model=None)


@dataclass
class FakeFactory(ProcessorFactory):
    """``delay_s`` per item slows runs down for crash tests; ``loads`` counts model loads;
    ``trace`` (a folder) records when each chunk ran, per process."""

    delay_s: float = 0.0
    loads: str | None = None
    trace: str | None = None

    def __call__(self):
        if self.loads:
            Path(self.loads).mkdir(parents=True, exist_ok=True)
            (Path(self.loads) / f"load-{os.getpid()}").touch()

        def run(items: Sequence[WorkItem]) -> list[OutputRecord]:
            if self.delay_s:
                time.sleep(self.delay_s * len(items))
            return [fake_record(it) for it in items]

        def process(items: Sequence[WorkItem]) -> list[Outcome]:
            start = time.monotonic()
            out = isolate_failures(run, items)
            if self.trace:
                with (Path(self.trace) / f"trace-{os.getpid()}").open("a") as fh:
                    fh.write(f"{','.join(it.id for it in items)} {start} {time.monotonic()}\n")
            return out

        return process
