"""Batch job over HTTP: feeds and pages served from a local server on 127.0.0.1 only."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from batch_data import article, html_page, read_jsonl, rss
from batch_fakes import FakeFactory

from summarizer.batch import run_batch, side_paths
from summarizer.batch.fetch import Fetcher
from summarizer.config import Config
from summarizer.errors import FetchError


class Site:
    """Routes path -> (body, content type, validators); counts what the server saw."""

    def __init__(self) -> None:
        self.routes: dict[str, dict] = {}
        self.hits: dict[str, int] = {}
        self.statuses: list[tuple[str, int]] = []
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()
        self.base = ""

    def add(self, path: str, body: str, ctype: str = "text/html; charset=utf-8", **kw) -> str:
        self.routes[path] = {"body": body.encode("utf-8"), "ctype": ctype, **kw}
        return self.base + path


@pytest.fixture
def site():
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep pytest output clean
            pass

        def do_GET(self):  # noqa: N802 - http.server's interface
            with s.lock:
                s.hits[self.path] = s.hits.get(self.path, 0) + 1
                s.active += 1
                s.max_active = max(s.max_active, s.active)
            self.left = False
            try:
                self._serve()
            finally:
                self._leave()

        def _leave(self):
            # Counted as done before the response goes out: the client holds its
            # per-host slot until it has read the response, so this never overcounts.
            if not self.left:
                self.left = True
                with s.lock:
                    s.active -= 1

        def _serve(self):
            r = s.routes.get(self.path)
            if r is None:
                return self._status(404)
            if r.get("delay"):
                time.sleep(r["delay"])
            if r.get("fail_times", 0) > 0:
                r["fail_times"] -= 1
                return self._status(503)
            etag, lm = r.get("etag"), r.get("last_modified")
            if (etag and self.headers.get("If-None-Match") == etag) or (
                    lm and self.headers.get("If-Modified-Since") == lm):
                return self._status(304)
            self._leave()
            self.send_response(200)
            s.statuses.append((self.path, 200))
            self.send_header("Content-Type", r["ctype"])
            self.send_header("Content-Length", str(len(r["body"])))
            if etag:
                self.send_header("ETag", etag)
            if lm:
                self.send_header("Last-Modified", lm)
            self.end_headers()
            self.wfile.write(r["body"])

        def _status(self, code):
            self._leave()
            s.statuses.append((self.path, code))
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


def closed_port_url(path: str = "/feed.xml") -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


def cfg(**batch) -> Config:
    return Config.model_validate({"batch": {"http_timeout_s": 5, "http_retries": 1, **batch}})


def test_conditional_get_reuses_the_cached_feed_on_304(site, tmp_path):
    entries = [{"guid": f"g{i}", "title": f"标题{i}", "body": article(i)} for i in range(4)]
    url = site.add("/feed.xml", rss(entries), "application/rss+xml", etag='"v1"')
    lm_url = site.add("/lm.xml", rss([{"guid": "h1", "title": "t", "body": article(9)}]),
                      last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    out = tmp_path / "o.jsonl"
    first = run_batch([url, lm_url], out, config=cfg(), factory=FakeFactory())
    assert first.ok == 5
    again = run_batch([url, lm_url], out, config=cfg(), factory=FakeFactory(), resume=True)
    assert (again.ok, again.already_done) == (0, 5)
    assert site.statuses.count(("/feed.xml", 304)) == 1
    assert site.statuses.count(("/lm.xml", 304)) == 1
    assert len(read_jsonl(out)) == 5


def test_teasers_are_fetched_and_unreachable_links_go_to_the_dead_letter(site, tmp_path):
    full = article(7)
    page = site.add("/a/7.html", html_page("全文", full))
    dead_link = closed_port_url("/a/8.html")
    url = site.add("/feed.xml", rss([
        {"guid": "t7", "title": "全文", "body": full[:30] + "…", "link": page},
        {"guid": "t8", "title": "无法访问", "body": "摘要……", "link": dead_link},
        {"guid": "f9", "title": "完整", "body": article(9), "link": site.base + "/never"},
    ]))
    out = tmp_path / "o.jsonl"
    rep = run_batch([url], out, config=cfg(), factory=FakeFactory())
    rows = {r["id"]: r for r in read_jsonl(out)}
    assert set(rows) == {"t7", "f9"}
    assert site.hits.get("/never") is None  # a full body is not fetched again
    [dead] = read_jsonl(side_paths(out)["deadletter"])
    assert (dead["id"], dead["stage"], dead["link"]) == ("t8", "fetch", dead_link)
    assert "cannot fetch" in dead["reason"]
    assert rep.failed == 1


def test_teaser_text_is_replaced_by_the_page_text(site, tmp_path):
    full = article(11)
    page = site.add("/p.html", html_page("全文", full))
    url = site.add("/f.xml", rss([{"guid": "x", "title": "t", "body": "短摘要…", "link": page}]))
    seen = []

    class Recording(FakeFactory):
        def __call__(self):
            inner = super().__call__()

            def process(items):
                seen.extend(it.text for it in items)
                return inner(items)
            return process

    run_batch([url], tmp_path / "o.jsonl", config=cfg(), factory=Recording())
    assert len(seen) == 1 and "编号11" in seen[0] and len(seen[0]) >= len(full)


def test_unreachable_feed_url_is_reported_and_the_run_goes_on(site, tmp_path):
    good = site.add("/ok.xml", rss([{"guid": "a", "title": "t", "body": article(1)}]))
    bad = closed_port_url()
    rep = run_batch([bad, good], tmp_path / "o.jsonl", config=cfg(), factory=FakeFactory())
    assert rep.ok == 1
    [err] = rep.input_errors
    assert bad in err and "cannot fetch" in err


def test_retries_with_backoff_then_success(site):
    url = site.add("/flaky", "<p>x</p>", fail_times=2)
    f = Fetcher(timeout_s=5, retries=2, per_host=1, backoff_s=0.01)
    assert f.get(url).body == b"<p>x</p>"
    assert [c for p, c in site.statuses if p == "/flaky"] == [503, 503, 200]
    site.add("/down", "", fail_times=5)
    with pytest.raises(FetchError, match="HTTP 503"):
        f.get(site.base + "/down")
    with pytest.raises(FetchError, match="HTTP 404"):
        f.get(site.base + "/missing")
    assert [c for p, c in site.statuses if p == "/missing"] == [404]  # no retry on 404


@pytest.mark.parametrize("limit", [1, 2, 4])
def test_per_host_concurrency_limit(site, tmp_path, limit):
    entries = []
    for i in range(8):
        link = site.add(f"/slow/{i}.html", html_page(f"t{i}", article(200 + i)), delay=0.15)
        entries.append({"guid": f"s{i}", "title": f"t{i}", "body": "摘要…", "link": link})
    url = site.add("/slow.xml", rss(entries))
    rep = run_batch([url], tmp_path / "o.jsonl", config=cfg(per_host_concurrency=limit),
                    factory=FakeFactory())
    assert rep.ok == 8
    assert site.max_active == limit
