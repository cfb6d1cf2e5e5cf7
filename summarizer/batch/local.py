"""The local runner: chunks processed in this process or in a bounded process pool."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .process import Processor, ProcessorFactory
from .types import Outcome, Solo, WorkItem

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
    the input size; a :class:`Solo` chunk waits until nothing else is in flight and
    runs by itself. ``workers=1`` runs in this process with no pickling. When
    a worker process dies (crash, OOM killer), the chunks that were in flight
    are replayed one at a time in a fresh pool, down to single items, so the
    item that kills its worker fails alone and the run goes on.

    >>> LocalRunner(None, workers=2).in_flight
    4
    """

    def __init__(self, factory: ProcessorFactory, *, workers: int) -> None:
        self.factory = factory
        self.workers = workers
        self.in_flight = 2 * workers
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        import multiprocessing

        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        # spawn, not fork: the driver holds SQLite handles and fetch threads
        # that must not be duplicated into the workers.
        self._pool = ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(self.factory,))
        return self._pool

    def run(self, chunks: Iterator[list[WorkItem]]) -> Iterator[list[Outcome]]:
        if self.workers == 1:
            processor = self.factory()
            for chunk in chunks:
                yield processor(chunk)
            return
        pool = self._new_pool()
        window: deque[tuple[list[WorkItem], Future[list[Outcome]]]] = deque()
        try:
            for chunk in chunks:
                if isinstance(chunk, Solo):
                    while window:
                        yield from self._next(window)
                    yield self._alone(chunk)
                    continue
                window.append((chunk, self._pool.submit(_process, chunk)))
                while len(window) >= self.in_flight:
                    yield from self._next(window)
            while window:
                yield from self._next(window)
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
            del pool

    def _next(self, window: deque) -> Iterator[list[Outcome]]:
        chunk, future = window.popleft()
        try:
            yield future.result()
        except BrokenProcessPool:
            replay = [chunk] + [c for c, _ in window]
            window.clear()
            self._new_pool()
            for c in replay:
                yield self._alone(c)

    def _alone(self, chunk: list[WorkItem]) -> list[Outcome]:
        """Process ``chunk`` with nothing else in flight; split it if it kills the worker."""
        assert self._pool is not None
        try:
            return self._pool.submit(_process, chunk).result()
        except BrokenProcessPool:
            self._new_pool()
            if len(chunk) == 1:
                return [Outcome(chunk[0], error="the worker process died while processing this "
                                                "item (crash or out of memory)")]
            return [o for it in chunk for o in self._alone([it])]
