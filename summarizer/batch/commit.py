"""Writing outcomes and committing them, in the one order that makes resume exact.

1. rows are appended to the output / dead letter / duplicates files;
2. the files are flushed and fsynced (:meth:`Sink.sync` gives their positions);
3. one SQLite transaction stores the items' terminal statuses *and* the positions.

A crash before 3 leaves bytes past the committed positions and items still
pending: resume truncates the bytes and processes the items again. A crash
after 3 loses nothing. So every item is in the output exactly once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .sinks import AppendFile, Sink
from .state import FinalStatus, StateStore
from .types import BatchReport, OutputRecord, WorkItem


class Committer:
    """Buffers terminal outcomes and commits them with the sinks' positions."""

    def __init__(self, state: StateStore, out: Sink, dead: AppendFile, dups: AppendFile,
                 report: BatchReport, advance: Callable[[int], None], *,
                 interval_s: float) -> None:
        self.state, self.out, self.dead, self.dups = state, out, dead, dups
        self.report = report
        self.advance = advance
        self.interval_s = interval_s
        self._finals: list[FinalStatus] = []
        self._keys: set[str] = set()
        self._last = time.monotonic()

    def has(self, key: str) -> bool:
        """True when ``key`` has a terminal outcome waiting for the next commit."""
        return key in self._keys

    def _add(self, final: FinalStatus) -> None:
        self._finals.append(final)
        self._keys.add(final.key)
        self.advance(1)
        self.maybe_commit()

    def done(self, record: OutputRecord) -> None:
        self.out.write([record.to_row()])
        self.report.ok += 1
        self._add(FinalStatus(record.id, "done", record.ref))

    def failed(self, key: str, source: str, ref: str, reason: str, *, stage: str,
               item_id: str | None = None, link: str | None = None) -> None:
        row: dict[str, Any] = {"id": item_id, "source": source, "ref": ref, "link": link,
                               "stage": stage, "reason": reason}
        self.dead.write([row])
        self.report.failed += 1
        self._add(FinalStatus(key, "failed", ref, reason=reason))

    def duplicate(self, key: str, item: WorkItem, dup_of: str, how: str,
                  similarity: float | None, content_hash: str | None) -> None:
        self.dups.write([{"id": item.id, "source": item.source, "ref": item.ref,
                          "link": item.link, "duplicate_of": dup_of, "how": how,
                          "similarity": similarity}])
        self.report.skipped_duplicates += 1
        self._add(FinalStatus(key, "duplicate", item.ref, content_hash=content_hash,
                              dup_of=dup_of, reason=how))

    def maybe_commit(self) -> None:
        due = len(self._finals) >= self.out.commit_rows or (
            self._finals and time.monotonic() - self._last >= self.interval_s)
        if due:
            self.commit()

    def commit(self) -> None:
        positions = {"output": self.out.sync(), "deadletter": self.dead.sync(),
                     "duplicates": self.dups.sync()}
        self.state.commit(self._finals, positions)
        self._finals, self._keys = [], set()
        self._last = time.monotonic()
