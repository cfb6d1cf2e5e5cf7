"""Output files that are truthful up to a committed position.

Every sink appends, and :meth:`sync` makes what was appended durable and
returns the position to commit in the state store (bytes for JSONL/CSV, part
count for Parquet). On resume a sink is reopened at the committed position:
bytes or parts beyond it (written but never committed, e.g. a half line after
``kill -9``) are removed, and the items they belonged to are processed again.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any, Protocol

from ..errors import InputError
from .types import RECORD_FIELDS, Format

# Rows per Parquet row group in the final file; parts are merged up to this size.
ROW_GROUP_ROWS = 10_000


class Sink(Protocol):
    path: Path
    commit_rows: int

    def write(self, rows: list[dict[str, Any]]) -> None: ...

    def sync(self) -> int: ...

    def finalise(self) -> None: ...

    def close(self) -> None: ...


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class AppendFile:
    """A byte-append file reopened at its committed offset (``None``: a new file)."""

    commit_rows = 256

    def __init__(self, path: Path, position: int | None) -> None:
        self.path = path
        try:
            if position is None:
                self._fh = path.open("wb")
            else:
                size = path.stat().st_size if path.exists() else 0
                if size < position:
                    raise InputError(
                        f"{path} is shorter ({size} bytes) than its committed length ({position})",
                        hint="the output was changed outside the job; start a new job "
                             "(remove the output and its .state.sqlite)",
                    )
                self._fh = path.open("r+b")
                self._fh.truncate(position)
                self._fh.seek(position)
        except OSError as exc:
            raise InputError(f"cannot write {path}: {exc}",
                             hint="choose a writable output location") from None

    def write_bytes(self, data: bytes) -> None:
        self._fh.write(data)

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.write_bytes(b"".join(
            (json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8") for r in rows))

    def sync(self) -> int:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        return self._fh.tell()

    def finalise(self) -> None:
        self.sync()

    def close(self) -> None:
        self._fh.close()


class JsonlSink(AppendFile):
    """One JSON object per line, ``RECORD_FIELDS`` in order."""


class CsvSink(AppendFile):
    """RFC 4180 CSV with a header; list columns hold JSON arrays."""

    def __init__(self, path: Path, position: int | None) -> None:
        super().__init__(path, position)
        if self._fh.tell() == 0:
            self._write_csv([list(RECORD_FIELDS)])

    def _write_csv(self, rows: list[list[Any]]) -> None:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerows(rows)
        self.write_bytes(buf.getvalue().encode("utf-8"))

    def write(self, rows: list[dict[str, Any]]) -> None:
        self._write_csv([
            [json.dumps(r[k], ensure_ascii=False) if isinstance(r[k], list) else r[k]
             for k in RECORD_FIELDS]
            for r in rows
        ])


def parquet_schema():
    import pyarrow as pa

    types = {"category_score": pa.float64(), "themes": pa.list_(pa.string()),
             "theme_scores": pa.list_(pa.float64())}
    return pa.schema([(k, types.get(k, pa.string())) for k in RECORD_FIELDS])


class ParquetSink:
    """Parquet cannot be appended to, so committed rows live in numbered part files.

    ``OUT.parts/part-000042.parquet`` is written whole (temporary name, fsync,
    rename) at each commit; the committed position is the number of parts.
    :meth:`finalise` merges all parts, in order, into ``OUT`` (row groups of
    up to ``ROW_GROUP_ROWS``) through a temporary file and an atomic rename.
    The parts are kept so that a later ``--resume`` can add to the job.
    """

    commit_rows = 2_000

    def __init__(self, path: Path, position: int | None) -> None:
        self.path = path
        self.parts = path.with_name(path.name + ".parts")
        self._rows: list[dict[str, Any]] = []
        self._n = position or 0
        try:
            self.parts.mkdir(exist_ok=True)
            for f in self.parts.iterdir():
                idx = _part_index(f)
                if idx is None or idx >= self._n:
                    f.unlink()  # written after the last commit
        except OSError as exc:
            raise InputError(f"cannot write {self.parts}: {exc}",
                             hint="choose a writable output location") from None
        missing = [i for i in range(self._n) if not self._part(i).exists()]
        if missing:
            raise InputError(f"{self.parts} lacks committed part {missing[0]}",
                             hint="the parts were changed outside the job; start a new job")

    def _part(self, i: int) -> Path:
        return self.parts / f"part-{i:06d}.parquet"

    def write(self, rows: list[dict[str, Any]]) -> None:
        self._rows.extend(rows)

    def sync(self) -> int:
        if self._rows:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(self._rows, schema=parquet_schema())
            tmp = self._part(self._n).with_suffix(".tmp")
            pq.write_table(table, tmp)
            with tmp.open("rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, self._part(self._n))
            _fsync_dir(self.parts)
            self._n += 1
            self._rows = []
        return self._n

    def finalise(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.sync()
        tmp = self.path.with_name(self.path.name + ".tmp")
        pending: list[pa.Table] = []
        rows = 0
        with pq.ParquetWriter(tmp, parquet_schema()) as writer:
            for i in range(self._n):
                table = pq.read_table(self._part(i))
                pending.append(table)
                rows += table.num_rows
                if rows >= ROW_GROUP_ROWS:
                    writer.write_table(pa.concat_tables(pending), row_group_size=ROW_GROUP_ROWS)
                    pending, rows = [], 0
            if pending:
                writer.write_table(pa.concat_tables(pending), row_group_size=ROW_GROUP_ROWS)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def close(self) -> None:
        self._rows = []


def _part_index(f: Path) -> int | None:
    name = f.name
    if name.startswith("part-") and name.endswith(".parquet"):
        digits = name[len("part-"):-len(".parquet")]
        return int(digits) if digits.isdigit() else None
    return None


def open_sink(fmt: Format, path: Path, position: int | None) -> Sink:
    """The output sink for ``fmt``, reopened at ``position`` (None: a new output)."""
    cls = {"jsonl": JsonlSink, "csv": CsvSink, "parquet": ParquetSink}[fmt]
    return cls(path, position)


def sidecar(path: Path, position: int | None) -> AppendFile:
    """A JSONL log beside the output (dead letter, duplicates) with the same commit rule."""
    return AppendFile(path, position)
