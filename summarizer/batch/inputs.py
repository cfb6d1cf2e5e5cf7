"""Reading batch inputs as one stream of work items.

Inputs mix freely: RSS 2.0 / Atom feeds (files or http(s) URLs), JSONL files
(``text`` or ``html``, optional ``id``, ``headline``, ``url``, ``date``),
``.txt`` newspaper pages (segmented into items), ``.html`` pages (main text
extracted) and directories of all of these, walked in sorted order so that a
resumed run sees the items in the same order. Everything is a generator: one
record, page or feed is in memory at a time.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import FetchError, InputError, SummarizerError
from .dedup import content_hash
from .fetch import Fetcher, ValidatorCache, is_url
from .types import InputFailure, WorkItem

FEED_SUFFIXES = (".xml", ".rss", ".atom")
PAGE_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED = FEED_SUFFIXES + PAGE_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
_ELLIPSES = ("…", "...", "[…]", "[...]")
_BLOCK_TAGS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}


@dataclass(frozen=True)
class SourceError:
    """A whole input (feed URL, unparsable feed, unsupported file) that gave no items."""

    source: str
    reason: str


Event = WorkItem | InputFailure | SourceError


def check_inputs(inputs: list[str]) -> None:
    """Fail fast on inputs that cannot be a batch input at all (the run itself is wrong)."""
    if not inputs:
        raise InputError("no inputs given", hint="pass feeds, JSONL files or directories")
    for raw in inputs:
        if is_url(raw):
            continue
        p = Path(raw)
        if not p.exists():
            raise InputError(f"input {p} does not exist", hint="check the path")
        if p.is_file() and p.suffix.lower() not in SUPPORTED:
            raise InputError(
                f"input {p} has an unsupported type {p.suffix or '(no suffix)'}",
                hint=f"batch reads {', '.join(SUPPORTED)} files, directories and feed URLs",
            )


def iter_inputs(inputs: list[str], *, fetcher: Fetcher, cache: ValidatorCache | None,
                teaser_chars: int) -> Iterator[Event]:
    """Stream every input as work items, per-record failures and per-input errors.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = p.write_text('{"id": "x1", "text": "正文。"}\\n', encoding="utf-8")
    >>> f = Fetcher(timeout_s=1, retries=0, per_host=1)
    >>> [e.id for e in iter_inputs([str(p)], fetcher=f, cache=None, teaser_chars=0)]
    ['x1']
    """
    for raw in inputs:
        if is_url(raw):
            yield from _feed_url(raw, fetcher, cache, teaser_chars)
        else:
            yield from _path(Path(raw), teaser_chars, top=True)


def _path(p: Path, teaser_chars: int, *, top: bool = False) -> Iterator[Event]:
    if p.is_dir():
        for child in sorted(os.scandir(p), key=lambda e: e.name):
            if child.name.startswith("."):
                continue
            yield from _path(Path(child.path), teaser_chars)
        return
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl(p)
    elif suffix in PAGE_SUFFIXES:
        yield from _text_page(p)
    elif suffix in HTML_SUFFIXES:
        yield from _html_page(p)
    elif suffix in FEED_SUFFIXES:
        try:
            data = p.read_bytes()
        except OSError as exc:
            yield SourceError(str(p), f"cannot read: {exc}")
            return
        yield from _feed(data, str(p), teaser_chars)
    elif not top:
        yield SourceError(str(p), f"skipped: unsupported file type (batch reads {SUPPORTED})")


def _jsonl(p: Path) -> Iterator[Event]:
    # Unlike textio.iter_jsonl, a bad line must not end the file: it goes to
    # the dead letter and the next line is read.
    src = str(p)
    try:
        fh = p.open("r", encoding="utf-8-sig", errors="strict")
    except OSError as exc:
        yield SourceError(src, f"cannot read: {exc}")
        return
    with fh:
        lineno = 0
        while True:
            lineno += 1
            ref = f"{src}:{lineno}"
            try:
                line = fh.readline()
            except UnicodeDecodeError:
                yield InputFailure(src, ref, "line is not UTF-8 text; JSONL input must be UTF-8")
                fh.readline()  # resynchronise at the next newline
                continue
            if not line:
                return
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputFailure(src, ref, f"not valid JSON ({exc.msg})")
                continue
            yield _record_item(rec, src, ref)


def _record_item(rec: object, src: str, ref: str) -> Event:
    if not isinstance(rec, dict):
        return InputFailure(src, ref, f"expected a JSON object, got {type(rec).__name__}")
    given = rec.get("id")
    rid = str(given) if given is not None and str(given).strip() else None
    text = rec.get("text")
    if not (isinstance(text, str) and text.strip()):
        html = rec.get("html")
        if not (isinstance(html, str) and html.strip()):
            return InputFailure(src, ref, "record has no non-empty 'text' or 'html' field", rid)
        text = extract_main_text(html)
        if not text:
            return InputFailure(src, ref, "no article text found in the record's 'html'", rid)
    headline = rec.get("headline") or rec.get("title") or None
    return WorkItem(
        id=rid or content_hash(text), text=text, source=src, ref=ref,
        headline=str(headline) if headline else None,
        link=rec.get("url") or rec.get("link") or None,
        date=str(rec["date"]) if rec.get("date") is not None else None,
    )


def _text_page(p: Path) -> Iterator[Event]:
    from ..segment import segment_text
    from ..textio import read_text

    src = str(p)
    try:
        page = segment_text(read_text(p), source=src)
    except SummarizerError as exc:
        yield InputFailure(src, src, exc.message)
        return
    for it in page.items:
        if not it.body.strip():
            continue
        yield WorkItem(id=content_hash(it.body), text=it.body, source=src, ref=f"{src}#{it.id}",
                       headline=it.headline, kind=it.kind)


def _html_page(p: Path) -> Iterator[Event]:
    src = str(p)
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield InputFailure(src, src, f"cannot read: {exc}")
        return
    doc = extract_document(data)
    if doc is None:
        yield InputFailure(src, src, "no article text found in the HTML page")
        return
    text, title, date = doc
    yield WorkItem(id=content_hash(text), text=text, source=src, ref=src, headline=title, date=date)


def extract_document(html: bytes | str, url: str | None = None,
                     ) -> tuple[str, str | None, str | None] | None:
    """Main text, title and date of an HTML page (trafilatura), or None when it has no text."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        return None
    return text, getattr(doc, "title", None) or None, getattr(doc, "date", None) or None


def extract_main_text(html: str) -> str:
    found = extract_document(html)
    return found[0] if found else ""


def html_fragment_text(fragment: str) -> str:
    """Plain text of a feed entry's HTML body, one line per block element."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types on junk; fall back to raw text
        return fragment.strip()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (ln.strip() for ln in root.text_content().splitlines())
    return "\n".join(ln for ln in lines if ln)


def is_teaser(text: str, teaser_chars: int) -> bool:
    body = text.strip()
    return len(body) < teaser_chars or body.endswith(_ELLIPSES)


def _feed_url(url: str, fetcher: Fetcher, cache: ValidatorCache | None,
              teaser_chars: int) -> Iterator[Event]:
    try:
        resp = fetcher.get(url, cache=cache)
    except FetchError as exc:
        yield SourceError(url, exc.message)
        return
    yield from _feed(resp.body, url, teaser_chars)


def _feed(data: bytes, src: str, teaser_chars: int) -> Iterator[Event]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = parsed.get("bozo_exception") or "no <item> or <entry> elements"
        yield SourceError(src, f"not a usable RSS/Atom feed: {why}")
        return
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        given = entry.get("id") or link
        ref = f"{src}#{given or n}"
        bodies = [c.get("value", "") for c in entry.get("content", [])]
        bodies.append(entry.get("summary", ""))
        text = max((html_fragment_text(b) for b in bodies if b), key=len, default="")
        title = entry.get("title") or None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None
        teaser = bool(link) and is_teaser(text, teaser_chars)
        if not text and not teaser:
            yield InputFailure(src, ref, "feed entry has no text and no link to fetch", given)
            continue
        yield WorkItem(id=given or content_hash(text), text=text, source=src, ref=ref,
                       headline=title, link=link, date=date,
                       fetch_url=link if teaser and is_url(link or "") else None)


def fetch_full_text(item: WorkItem, fetcher: Fetcher) -> WorkItem:
    """Replace a teaser by the main text of the page it links to (raises FetchError)."""
    from dataclasses import replace

    assert item.fetch_url is not None
    resp = fetcher.get(item.fetch_url)
    found = extract_document(resp.body, url=item.fetch_url)
    if found is None or len(found[0]) <= len(item.text):
        if item.text.strip():
            # The page had nothing better: the teaser is all there is.
            return replace(item, fetch_url=None)
        raise FetchError(f"no article text found at {item.fetch_url}",
                         hint="the link does not lead to an article page")
    return replace(item, text=found[0], fetch_url=None)


def estimate_total(inputs: list[str]) -> int | None:
    """Number of items when it can be known cheaply (JSONL lines, HTML files), else None."""
    total = 0
    stack = [Path(x) for x in inputs if not is_url(x)]
    if len(stack) != len(inputs):
        return None
    while stack:
        p = stack.pop()
        if p.is_dir():
            stack.extend(Path(e.path) for e in os.scandir(p) if not e.name.startswith("."))
            continue
        suffix = p.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            with p.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        elif suffix in HTML_SUFFIXES:
            total += 1
        elif suffix in SUPPORTED:
            return None  # pages and feeds: the item count is only known after parsing
    return total
