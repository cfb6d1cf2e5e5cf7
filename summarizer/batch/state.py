"""The job's durable state: one SQLite file (WAL) beside the output.

It holds, per item key, the status (``pending`` / ``done`` / ``duplicate`` /
``failed``), the dedup index (exact hashes, MinHash signatures and LSH
buckets), the committed byte offsets or part counts of every output file, and
the HTTP validators of fetched feeds. Output files are truthful only up to the
committed positions; see :mod:`summarizer.batch.job` for the commit order.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY, status TEXT NOT NULL, content_hash TEXT, ref TEXT,
    dup_of TEXT, attempts INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0,
    reason TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hashes (hash TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
-- Rowid tables for BLOBs: WITHOUT ROWID rows this large spill into overflow pages.
CREATE TABLE IF NOT EXISTS signatures (key TEXT PRIMARY KEY, sig BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS lsh (
    band INTEGER NOT NULL, bucket INTEGER NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (band, bucket, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS http_cache (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, body BLOB NOT NULL
);
"""

STATUSES = ("pending", "done", "duplicate", "failed")


@dataclass(frozen=True)
class ItemState:
    status: str
    content_hash: str | None
    attempts: int
    seen_run: int
    ref: str | None


@dataclass(frozen=True)
class FinalStatus:
    """A terminal status to store in the same transaction as the output offsets."""

    key: str
    status: str
    ref: str
    content_hash: str | None = None
    dup_of: str | None = None
    reason: str | None = None


def state_path(output: Path) -> Path:
    return output.with_name(output.name + ".state.sqlite")


class StateStore:
    """SQLite state of one batch job.

    >>> import tempfile, pathlib
    >>> st = StateStore(pathlib.Path(tempfile.mkdtemp()) / "out.state.sqlite")
    >>> st.positions()
    {}
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.conn = sqlite3.connect(path, isolation_level="DEFERRED")
            self.conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode survives process crashes (kill -9); a power cut
            # can only lose whole recent transactions, whose output bytes are
            # then truncated away on resume, so exactly-once still holds.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(_SCHEMA)
            self.conn.commit()
        except sqlite3.Error as exc:
            raise InputError(f"cannot open the batch state {path}: {exc}",
                             hint="check that the output directory is writable") from None

    # -- meta ---------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def positions(self) -> dict[str, int]:
        raw = self.get_meta("positions")
        return json.loads(raw) if raw else {}

    def new_run(self) -> int:
        run = int(self.get_meta("run") or 0) + 1
        self.set_meta("run", str(run))
        self.conn.commit()
        return run

    # -- items --------------------------------------------------------------
    def get_item(self, key: str) -> ItemState | None:
        row = self.conn.execute(
            "SELECT status, content_hash, attempts, seen_run, ref FROM items WHERE key=?", (key,)
        ).fetchone()
        return ItemState(*row) if row else None

    def mark_seen(self, key: str, run: int) -> None:
        self.conn.execute("UPDATE items SET seen_run=? WHERE key=?", (run, key))

    def claim(self, key: str, ref: str, run: int, content_hash: str | None) -> None:
        """Reserve ``key`` for the occurrence at ``ref`` in this run (before any fetching)."""
        self.conn.execute(
            "INSERT INTO items (key, status, content_hash, ref, attempts, seen_run)"
            " VALUES (?, 'pending', ?, ?, 0, ?)", (key, content_hash, ref, run))

    def unclaim(self, key: str) -> None:
        """Drop a pending claim whose item turned out to duplicate another."""
        self.conn.execute("DELETE FROM items WHERE key=? AND status='pending'", (key,))

    def register(self, key: str, content_hash: str, ref: str, run: int,
                 signature: bytes | None, buckets: Iterable[tuple[int, int]]) -> int:
        """Record ``key`` as pending (one more attempt) and index it for dedup; returns attempts."""
        c = self.conn
        c.execute(
            "INSERT INTO items (key, status, content_hash, ref, attempts, seen_run)"
            " VALUES (?, 'pending', ?, ?, 1, ?)"
            " ON CONFLICT(key) DO UPDATE SET attempts=attempts+1, seen_run=excluded.seen_run,"
            " content_hash=excluded.content_hash",
            (key, content_hash, ref, run),
        )
        c.execute("INSERT OR IGNORE INTO hashes VALUES (?, ?)", (content_hash, key))
        if signature is not None:
            c.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?)", (key, signature))
            c.executemany("INSERT OR IGNORE INTO lsh VALUES (?, ?, ?)",
                          [(b, h, key) for b, h in buckets])
        return c.execute("SELECT attempts FROM items WHERE key=?", (key,)).fetchone()[0]

    def returned(self, keys: list[str]) -> None:
        """Results for ``keys`` reached the driver: those attempts did not crash the job."""
        self.conn.executemany("UPDATE items SET attempts=0 WHERE key=?", [(k,) for k in keys])
        # In WAL mode with synchronous=NORMAL a commit does not fsync: cheap per chunk.
        self.conn.commit()

    def find_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT key FROM hashes WHERE hash=?", (content_hash,)).fetchone()
        return row[0] if row else None

    def lsh_candidates(self, buckets: Iterable[tuple[int, int]]) -> set[str]:
        found: set[str] = set()
        for band, bucket in buckets:
            rows = self.conn.execute("SELECT key FROM lsh WHERE band=? AND bucket=?",
                                     (band, bucket))
            found.update(r[0] for r in rows)
        return found

    def signature(self, key: str) -> bytes | None:
        row = self.conn.execute("SELECT sig FROM signatures WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def commit(self, finals: Iterable[FinalStatus] = (), positions: dict[str, int] | None = None,
               ) -> None:
        """Store terminal statuses and output positions atomically (one transaction)."""
        self.conn.executemany(
            "INSERT INTO items (key, status, content_hash, ref, dup_of, reason, attempts)"
            " VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT(key) DO UPDATE SET"
            " status=excluded.status, dup_of=excluded.dup_of, reason=excluded.reason",
            [(f.key, f.status, f.content_hash, f.ref, f.dup_of, f.reason) for f in finals],
        )
        if positions is not None:
            self.set_meta("positions", json.dumps(positions, sort_keys=True))
        self.conn.commit()

    def counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT status, COUNT(*) FROM items GROUP BY status")
        got = dict(rows.fetchall())
        return {s: int(got.get(s, 0)) for s in STATUSES}

    # -- HTTP validators ----------------------------------------------------
    def http_cached(self, url: str) -> tuple[str | None, str | None, bytes] | None:
        row = self.conn.execute(
            "SELECT etag, last_modified, body FROM http_cache WHERE url=?", (url,)
        ).fetchone()
        return (row[0], row[1], bytes(row[2])) if row else None

    def http_store(self, url: str, etag: str | None, last_modified: str | None,
                   body: bytes) -> None:
        self.conn.execute("INSERT OR REPLACE INTO http_cache VALUES (?, ?, ?, ?)",
                          (url, etag, last_modified, body))
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()
