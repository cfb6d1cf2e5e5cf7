"""The Ray runner: the same plan and commits, with processing on a Ray Data actor pool.

The driver plans as the local runner does (state, dedup, fetching) and
puts the work items into the object store; Ray Data reads them and runs
``map_batches`` with a pool of :class:`ModelActor` (one model load per
actor); the driver streams the results back and commits them exactly as the
local runner does. Connects to ``RAY_ADDRESS`` when set (a cluster), else
starts or reuses a local Ray instance.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import DependencyError
from .process import ProcessorFactory
from .types import Outcome, OutputRecord, WorkItem


def require_ray() -> None:
    """Raise :class:`DependencyError` with the install command when Ray Data is missing."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        raise DependencyError(
            "--runner ray needs Ray Data, which is not installed",
            hint="pip install 'summarizer[ray]'  (or use --runner local)",
        ) from None


class ModelActor:
    """A Ray actor holding one processor (one model load) for its lifetime."""

    def __init__(self, factory: ProcessorFactory) -> None:
        self.processor = factory()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        items = [WorkItem.from_dict(json.loads(p)) for p in batch["item"]]
        outcomes = self.processor(items)
        return {
            "item": [json.dumps(o.item.to_dict(), ensure_ascii=False) for o in outcomes],
            "record": [json.dumps(o.record.to_row(), ensure_ascii=False) if o.record else ""
                       for o in outcomes],
            "error": [o.error or "" for o in outcomes],
        }


def _outcome(item: str, record: str, error: str) -> Outcome:
    wi = WorkItem.from_dict(json.loads(item))
    if not record:
        return Outcome(wi, error=error or "unknown error")
    row = json.loads(record)
    row["themes"], row["theme_scores"] = tuple(row["themes"]), tuple(row["theme_scores"])
    return Outcome(wi, OutputRecord(**row))


class RayRunner:
    """Plan all chunks into the Ray object store, process them on ``workers`` actors.

    The work items go to the object store (spilled to disk by Ray when large)
    rather than to files, so that actors on other machines of a cluster can
    read them; the driver only holds object references.
    """

    def __init__(self, factory: ProcessorFactory, *, workers: int, chunk_size: int) -> None:
        self.factory = factory
        self.workers = workers
        self.chunk_size = chunk_size

    def _put_blocks(self, chunks: Iterator[list[WorkItem]]) -> list[Any]:
        import pyarrow as pa
        import ray

        refs, buf = [], []
        for chunk in chunks:
            buf.extend(json.dumps(it.to_dict(), ensure_ascii=False) for it in chunk)
            # One block per chunk: Ray Data spreads blocks, not rows, over the actors.
            if len(buf) >= self.chunk_size:
                refs.append(ray.put(pa.table({"item": buf})))
                buf = []
        if buf:
            refs.append(ray.put(pa.table({"item": buf})))
        return refs

    def run(self, chunks: Iterator[list[WorkItem]]) -> Iterator[list[Outcome]]:
        import ray
        import ray.data

        if not ray.is_initialized():
            ray.init(log_to_driver=False)  # honours RAY_ADDRESS
        # Planning completes before processing starts: the actors then get a
        # complete work list, and the driver's SQLite stays single-threaded.
        refs = self._put_blocks(chunks)
        if not refs:
            return
        ds = ray.data.from_arrow_refs(refs).map_batches(
            ModelActor, fn_constructor_args=(self.factory,), concurrency=self.workers,
            batch_size=self.chunk_size, batch_format="numpy", num_cpus=1)
        for batch in ds.iter_batches(batch_size=self.chunk_size, batch_format="numpy"):
            yield [_outcome(i, r, e) for i, r, e in
                   zip(batch["item"], batch["record"], batch["error"], strict=True)]
