"""Progress reporting: a rich bar on a terminal, periodic plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress(
    total: int | None, description: str, *, every_s: float = 10.0
) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``: items/s and ETA on a TTY, a log line every ``every_s`` otherwise."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task):  # noqa: D102 - rich's interface
                return Text(f"{task.speed:.1f}/s" if task.speed else "-/s")

        cols = [
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            Rate(),
            TimeRemainingColumn(),
        ]
        with Progress(*cols, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task(description, total=total)
            yield lambda n=1: bar.advance(task, n)
        return
    done = 0
    start = last = time.monotonic()

    def advance(n: int = 1) -> None:
        nonlocal done, last
        done += n
        now = time.monotonic()
        if now - last >= every_s or (
            total is not None and done >= total and now - start >= every_s
        ):
            last = now
            rate = done / max(now - start, 1e-9)
            eta = f", eta {(total - done) / rate:.0f}s" if total and rate > 0 else ""
            of = f"/{total}" if total else ""
            print(f"{description}: {done}{of} ({rate:.1f}/s{eta})", file=sys.stderr, flush=True)

    yield advance
