"""The local runner: chunks processed in this process or in a bounded process pool."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .process import Processor, ProcessorFactory
from .types import Outcome, WorkItem

_worker_processor: Processor | None = None


def _init_worker(factory: ProcessorFactory) -> None:
    global _worker_processor
    _worker_processor = factory()


def _process(chunk: list[WorkItem]) -> list[Outcome]:
    assert _worker_processor is not None, "worker initialiser did not run"
    return _worker_processor(chunk)


class LocalRunner:
    """Process chunks with ``workers`` processes (each loads the models once), results in order.

    At most ``2 * workers`` chunks are in flight, so memory does not depend on
    the input size. ``workers=1`` runs in this process with no pickling.

    >>> LocalRunner(None, workers=2).in_flight
    4
    """

    def __init__(self, factory: ProcessorFactory, *, workers: int) -> None:
        self.factory = factory
        self.workers = workers
        self.in_flight = 2 * workers

    def run(self, chunks: Iterator[list[WorkItem]]) -> Iterator[list[Outcome]]:
        if self.workers == 1:
            processor = self.factory()
            for chunk in chunks:
                yield processor(chunk)
            return
        import multiprocessing

        # spawn, not fork: the driver holds SQLite handles and fetch threads
        # that must not be duplicated into the workers.
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                 initargs=(self.factory,)) as pool:
            window: deque[Future[list[Outcome]]] = deque()
            for chunk in chunks:
                window.append(pool.submit(_process, chunk))
                while len(window) >= self.in_flight:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
