"""Batch job over feeds, JSONL files and directories: resumable, exactly once, local or Ray.

>>> from summarizer.batch import run_batch  # doctest: +SKIP
>>> run_batch(["feeds/", "https://example.com/rss"], "out.jsonl", resume=True)  # doctest: +SKIP
"""

from .job import run_batch, side_paths
from .types import BatchReport, OutputRecord, WorkItem

__all__ = ["BatchReport", "OutputRecord", "WorkItem", "run_batch", "side_paths"]
