"""The batch job: inputs -> plan (state, dedup, fetch) -> runner -> committed outputs -> report."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..config import Config, Engine
from ..errors import ConfigError, InputError
from ..progress import progress
from .commit import Committer
from .dedup import Deduper
from .fetch import Fetcher
from .inputs import check_inputs, estimate_total, iter_inputs
from .local import LocalRunner
from .plan import Planner
from .process import PipelineFactory, ProcessorFactory
from .sinks import open_sink, sidecar
from .state import StateStore, state_path
from .types import BatchReport, Format, RunnerName

# A feed entry body shorter than this (or ending in an ellipsis) is a teaser:
# its link is fetched for the full text.
TEASER_CHARS = 200


def side_paths(output: Path) -> dict[str, Path]:
    """Files that live beside ``output``: state, dead letter, duplicates."""
    return {
        "state": state_path(output),
        "deadletter": output.with_name(output.name + ".deadletter.jsonl"),
        "duplicates": output.with_name(output.name + ".duplicates.jsonl"),
    }


def infer_format(output: Path) -> Format:
    suffix = output.suffix.lower()
    return "csv" if suffix == ".csv" else "parquet" if suffix == ".parquet" else "jsonl"


def _check_output(output: Path, resume: bool) -> bool:
    """Validate the output location; returns True when a previous job's state exists."""
    parent = output.parent
    if not parent.is_dir():
        raise InputError(f"output directory {parent} does not exist", hint="create it first")
    if not os.access(parent, os.W_OK):
        raise InputError(f"output directory {parent} is not writable",
                         hint="choose a writable output location")
    has_state = state_path(output).exists()
    if has_state and not resume:
        raise InputError(f"{output} belongs to an existing batch job",
                         hint="pass --resume to continue it, or choose another --output")
    if not has_state and output.exists():
        raise InputError(f"{output} already exists and has no batch state beside it",
                         hint="choose another --output or remove the file")
    return has_state


def run_batch(
    inputs: list[str],
    output: str | Path,
    *,
    config: Config | None = None,
    fmt: Format | None = None,
    workers: int | None = None,
    resume: bool = False,
    runner: RunnerName = "local",
    engine: Engine | None = None,
    factory: ProcessorFactory | None = None,
) -> BatchReport:
    """Process every item of ``inputs`` exactly once into ``output``; return the counts.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "in.jsonl").write_text('{"text": "第一句。第二句。"}\\n', encoding="utf-8")
    >>> cfg = Config.model_validate({"classify": {"enabled": False}})
    >>> run_batch([str(d / "in.jsonl")], d / "out.jsonl", config=cfg, engine="extractive").ok
    1
    """
    cfg = config or Config()
    out_path = Path(output)
    fmt = fmt or infer_format(out_path)
    workers = workers or cfg.batch.workers
    if runner == "ray":
        from .ray_runner import require_ray

        require_ray()
    check_inputs(inputs)
    resuming = _check_output(out_path, resume)
    paths = side_paths(out_path)
    state = StateStore(paths["state"])
    try:
        stored_fmt = state.get_meta("format")
        if stored_fmt is not None and stored_fmt != fmt:
            raise ConfigError(f"{out_path} was started as {stored_fmt}, not {fmt}",
                              hint=f"resume with --format {stored_fmt}")
        state.set_meta("format", fmt)
        pos = state.positions() if resuming else {}
        report = BatchReport(output=str(out_path))
        started = time.monotonic()
        out = open_sink(fmt, out_path, pos.get("output"))
        dead = sidecar(paths["deadletter"], pos.get("deadletter"))
        dups = sidecar(paths["duplicates"], pos.get("duplicates"))
        run = state.new_run()
        fetcher = Fetcher(timeout_s=cfg.batch.http_timeout_s, retries=cfg.batch.http_retries,
                          per_host=cfg.batch.per_host_concurrency)
        factory = factory or PipelineFactory(cfg, engine)
        chunk_size = max(1, min(32, cfg.batch.queue_size // (2 * workers)))
        with progress(estimate_total(inputs), "batch") as advance:
            committer = Committer(state, out, dead, dups, report, advance,
                                  interval_s=cfg.batch.commit_interval_s)
            planner = Planner(state, Deduper(state, cfg.batch.near_duplicate_threshold),
                              committer, run, fetcher, report, chunk_size=chunk_size,
                              fetch_threads=4 * cfg.batch.per_host_concurrency,
                              lookahead=cfg.batch.queue_size)
            events = iter_inputs(inputs, fetcher=fetcher, cache=state, teaser_chars=TEASER_CHARS)
            if runner == "ray":
                from .ray_runner import RayRunner

                executor = RayRunner(factory, workers=workers, chunk_size=chunk_size)
            else:
                executor = LocalRunner(factory, workers=workers)
            for outcomes in executor.run(planner.chunks(events)):
                state.returned([o.item.id for o in outcomes])
                for o in outcomes:
                    if o.record is not None:
                        committer.done(o.record)
                    else:
                        committer.failed(o.item.id, o.item.source, o.item.ref,
                                         o.error or "unknown error", stage="process",
                                         item_id=o.item.id, link=o.item.link)
            committer.commit()
        out.finalise()
        for f in (out, dead, dups):
            f.close()
        counts = state.counts()
        report.total_ok, report.total_duplicates = counts["done"], counts["duplicate"]
        report.total_failed = counts["failed"]
        report.elapsed_s = time.monotonic() - started
        state.set_meta("finished_run", str(run))
        state.conn.commit()
        return report
    finally:
        state.close()

