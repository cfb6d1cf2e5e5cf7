"""Deciding, in input order, what each input item needs: nothing, dedup, or processing.

Runs in the driver process only, so decisions are the same whatever the
number of workers or the runner. Items that need processing are registered
as ``pending`` (with their dedup index entries) before they are handed out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace

from ..errors import FetchError
from .commit import Committer
from .dedup import Deduper, content_hash
from .fetch import Fetcher, ordered_prefetch
from .inputs import Event, SourceError, fetch_full_text
from .state import StateStore
from .types import BatchReport, InputFailure, Solo, WorkItem

# An item dispatched this many times without its result ever reaching the
# driver was in flight each time the job died (e.g. a worker killed by the OOM
# killer): it goes to the dead letter instead of crashing the job forever.
MAX_ATTEMPTS = 3


def ref_key(ref: str) -> str:
    """State key of an occurrence that is not a canonical item (duplicate, unreadable record)."""
    return "ref:" + ref


class Planner:
    """Turns the input event stream into chunks of work items to process."""

    def __init__(self, state: StateStore, deduper: Deduper, committer: Committer, run: int,
                 fetcher: Fetcher, report: BatchReport, *, chunk_size: int,
                 fetch_threads: int, lookahead: int) -> None:
        self.state, self.deduper, self.committer = state, deduper, committer
        self.run, self.fetcher, self.report = run, fetcher, report
        self.chunk_size, self.fetch_threads, self.lookahead = chunk_size, fetch_threads, lookahead

    def _known(self, key: str) -> bool:
        return self.committer.has(key) or self.state.get_item(key) is not None

    def _already(self) -> None:
        self.report.already_done += 1
        self.committer.advance(1)

    def _admit(self, events: Iterator[Event]) -> Iterator[WorkItem]:
        for ev in events:
            if isinstance(ev, SourceError):
                msg = f"{ev.source}: {ev.reason}"
                self.report.input_errors.append(msg)
                print(f"summarizer batch: input error: {msg}", file=sys.stderr)
            elif isinstance(ev, InputFailure):
                key = ref_key(ev.ref)
                if self._known(key):
                    self._already()
                else:
                    self.committer.failed(key, ev.source, ev.ref, ev.reason, stage="input",
                                          item_id=ev.id)
            elif (item := self._admit_item(ev)) is not None:
                yield item

    def _admit_item(self, item: WorkItem) -> WorkItem | None:
        # Runs ahead of fetching and dedup (in input order), so every decision
        # about an id is taken here, and an id is claimed at its first occurrence.
        st = self.state.get_item(item.id)
        known_hash = None if item.fetch_url else content_hash(item.text)
        if st is None:
            if self._known(ref_key(item.ref)):
                self._already()  # recorded as a duplicate or failure by an earlier run
                return None
            self.state.claim(item.id, item.ref, self.run, known_hash)
            return item
        if st.seen_run == self.run:
            # The same id a second time in this run: a duplicate, unless the content differs.
            key = ref_key(item.ref)
            if self._known(key):
                self._already()
            elif known_hash is None or st.content_hash is None or known_hash == st.content_hash:
                how = "exact" if known_hash and known_hash == item.id else "same id"
                self.committer.duplicate(key, item, item.id, how,
                                         1.0 if how == "exact" else None, known_hash)
            else:
                self.committer.failed(
                    key, item.source, item.ref, stage="input", item_id=item.id,
                    reason=f"id {item.id!r} is already used by {st.ref} for a different text; "
                           "ids must be unique across inputs (drop 'id' to use content hashes)")
            return None
        self.state.mark_seen(item.id, self.run)
        if st.status != "pending":
            self._already()
            return None
        if st.attempts >= MAX_ATTEMPTS:
            self.committer.failed(item.id, item.source, item.ref, stage="process",
                                  item_id=item.id, link=item.link,
                                  reason=f"the job stopped {st.attempts} times while this item "
                                         "was being processed (worker crash or out of memory?)")
            return None
        return item

    def chunks(self, events: Iterator[Event]) -> Iterator[list[WorkItem]]:
        """Chunks of registered, deduplicated items, in input order."""
        fetched = ordered_prefetch(
            self._admit(events), lambda it: fetch_full_text(it, self.fetcher),
            lambda it: it.fetch_url is not None,
            threads=self.fetch_threads, lookahead=self.lookahead)
        chunk: list[WorkItem] = []
        for item, future in fetched:
            if future is not None:
                try:
                    item = future.result()
                except FetchError as exc:
                    self.committer.failed(item.id, item.source, item.ref, exc.message,
                                          stage="fetch", item_id=item.id, link=item.link)
                    continue
            verdict = self.deduper.check(item.id, item.text)
            if verdict.dup_of is not None:
                self.state.unclaim(item.id)
                self.committer.duplicate(ref_key(item.ref), item, verdict.dup_of, verdict.how,
                                         verdict.similarity, verdict.content_hash)
                continue
            attempts = self.state.register(item.id, verdict.content_hash, item.ref, self.run,
                                           verdict.signature, verdict.buckets)
            item = replace(item, fetch_url=None)
            if attempts > 1:
                # It was in flight when the job last died: run it alone, so that
                # only a truly fatal item accumulates attempts, not its neighbours.
                if chunk:
                    yield self._dispatch(chunk)
                    chunk = []
                yield self._dispatch(Solo([item]))
                continue
            chunk.append(item)
            if len(chunk) >= self.chunk_size:
                yield self._dispatch(chunk)
                chunk = []
        if chunk:
            yield self._dispatch(chunk)

    def _dispatch(self, chunk: list[WorkItem]) -> list[WorkItem]:
        # Durable attempt counts are what lets MAX_ATTEMPTS stop a crash loop.
        self.state.conn.commit()
        return chunk
