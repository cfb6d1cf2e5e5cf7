"""HTTP for the batch job: timeouts, retries with backoff, conditional GET, per-host limits.

Only the standard library is used: feeds and article pages are small, and
one dependency fewer is one failure mode fewer on a long unattended run.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from ..errors import FetchError

# Pages over this size are not news articles (or are an attack); refusing
# them keeps a worker's memory bounded.
MAX_BODY_BYTES = 20 * 1024 * 1024
USER_AGENT = "summarizer-batch/0.1 (+https://github.com/)"
_RETRY_STATUSES = {429, 500, 502, 503, 504}

T = TypeVar("T")
R = TypeVar("R")


class ValidatorCache(Protocol):
    def http_cached(self, url: str) -> tuple[str | None, str | None, bytes] | None: ...

    def http_store(self, url: str, etag: str | None, last_modified: str | None,
                   body: bytes) -> None: ...


@dataclass(frozen=True)
class Response:
    url: str
    body: bytes
    content_type: str | None
    not_modified: bool = False  # served from the validator cache after a 304


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


class Fetcher:
    """Thread-safe HTTP GETs with retries, backoff and at most ``per_host`` requests per host.

    >>> Fetcher(timeout_s=5, retries=1, per_host=2).per_host
    2
    """

    def __init__(self, *, timeout_s: float, retries: int, per_host: int,
                 backoff_s: float = 0.5) -> None:
        self.timeout_s = timeout_s
        self.retries = retries
        self.per_host = per_host
        self.backoff_s = backoff_s
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            sem = self._hosts.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with sem:
            yield

    def get(self, url: str, cache: ValidatorCache | None = None) -> Response:
        """GET ``url``; with ``cache``, send its ETag/Last-Modified and reuse the body on 304."""
        cached = cache.http_cached(url) if cache is not None else None
        headers = {"User-Agent": USER_AGENT}
        if cached is not None:
            etag, last_modified, _ = cached
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        last_error = "no attempt made"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff_s * 2 ** (attempt - 1))
            try:
                with self._host_slot(url):
                    req = urllib.request.Request(url, headers=headers)
                    with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:
                        body = resp.read(MAX_BODY_BYTES + 1)
                        info = resp.headers
                if len(body) > MAX_BODY_BYTES:
                    raise FetchError(f"{url} is larger than {MAX_BODY_BYTES // 2**20} MB",
                                     hint="this does not look like a feed or an article page")
                if cache is not None and (info.get("ETag") or info.get("Last-Modified")):
                    cache.http_store(url, info.get("ETag"), info.get("Last-Modified"), body)
                return Response(url, body, info.get("Content-Type"))
            except urllib.error.HTTPError as exc:
                if exc.code == 304 and cached is not None:
                    return Response(url, cached[2], None, not_modified=True)
                last_error = f"HTTP {exc.code} {exc.reason}"
                if exc.code not in _RETRY_STATUSES:
                    break
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                last_error = f"{type(reason).__name__}: {reason}"
        raise FetchError(
            f"cannot fetch {url} ({last_error}; {self.retries + 1} attempt(s))",
            hint="check the URL and that the host is reachable",
        )


def ordered_prefetch(
    items: Iterable[T], work: Callable[[T], R], needs: Callable[[T], bool], *, threads: int,
    lookahead: int,
) -> Iterator[tuple[T, Future[R] | None]]:
    """Run ``work`` ahead of the consumer on the items that ``needs`` it, yielding in input order.

    At most ``lookahead`` items are held, so memory stays bounded however long
    the stream; items that need no work pass through with ``None``.
    """
    window: deque[tuple[T, Future[R] | None]] = deque()
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="fetch") as pool:
        for item in items:
            window.append((item, pool.submit(work, item) if needs(item) else None))
            if len(window) >= lookahead:
                yield window.popleft()
        while window:
            yield window.popleft()
