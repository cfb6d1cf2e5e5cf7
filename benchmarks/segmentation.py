"""Segmentation benchmark: render real People's Daily pages as OCR text and score the segmenter.

Every page of ``../shared/data/news/peoples_daily_2023.jsonl`` (all articles of
one date+page, in ``order``) is printed the way OCR returns a newspaper page:
body lines broken at a random column width (10-25 characters, per article),
headlines grouped in a block at the top or bottom of the page or printed
above their article, random blank lines, spaces between CJK characters in
some columns, garbage characters, full-width digits. Nothing is printed that
a real page lacks: no separator between articles, no marker on headline
lines. The segmenter's output is scored against the records.

Truth, per record:
- A record is a **caption** item when it is a photo item: at most three lines,
  at most 300 characters, and a line with 图为 / ▲ or a photo credit (…摄, …摄影, …摄影报道).
  Its headline (photo title) is printed right above the caption.
- Any other record is an **article**; its text is everything the record
  holds (bylines, ■ bullets, sub-heads as printed). An article's headline is
  dropped from the page for 8% of articles, which then have no headline.

Scores:
- ``boundary_f1``: a predicted item counts when its normalised text (CJK,
  letters and digits of its byline, sections and body) equals the normalised
  text of a truth item; precision over predicted items, recall over truth items.
- ``headline_accuracy``: share of truth items whose best-overlapping predicted
  item carries the printed heading group (kicker + headline + subheadline,
  normalised; none when the page printed none). ``headline_field_accuracy``
  also requires the headline field itself to be right.
- ``body_char_share``: share of truth characters that land in the predicted
  item holding most of that truth item.

Usage::

    python benchmarks/segmentation.py --pages 600 --seed 1 [--months 7,8]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.segment import segment_text  # noqa: E402
from summarizer.text import fold_width, is_cjk  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "news" / "peoples_daily_2023.jsonl"
GARBAGE = "\ufffd\ufffd\ufffd¤¦¬"
_CAPTION_LINE = re.compile(r"图为|^▲")
_CREDIT_LINE = re.compile(r"摄(?:影(?:报道)?)?(?:（[^）]{1,12}）)?$")


def norm(text: str | None) -> str:
    return "".join(ch for ch in fold_width(text or "").lower() if is_cjk(ch) or ch.isalnum())


@dataclass
class Truth:
    kind: str
    text: str
    heading: str  # normalised printed kicker+headline+subheadline ("" when none printed)
    headline: str  # normalised printed headline
    lines: list[str] = field(default_factory=list)


def is_photo(rec: dict) -> bool:
    lines = [ln for ln in rec["text"].split("\n") if ln.strip()]
    if len(lines) > 3 or len(rec["text"]) > 300:
        return False
    return any(_CAPTION_LINE.search(ln) or _CREDIT_LINE.search(ln.strip()) for ln in lines)


def wrap(text: str, width: int, first: int = 0) -> list[str]:
    """Break a paragraph at a display width (the first line ``first`` narrower, for an indent),
    letting closing punctuation hang into the margin as print does."""
    lines, cur, w = [], "", first
    for ch in text:
        # Chinese typesetting gives ambiguous-width marks a full cell: the interpunct of
        # foreign names (安东·拉斐尔) takes as much room as a character.
        cw = 2 if unicodedata.east_asian_width(ch) in "WFA" else 1
        if w + cw > width and cur and not (ch in "，。、；：！？”’）》" and w <= width):
            lines.append(cur)
            cur, w = "", 0
        cur += ch
        w += cw
    if cur:
        lines.append(cur)
    return lines


def ocr_spaces(line: str) -> str:
    return " ".join(line) if len(line) > 1 else line


def to_fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def heading_lines(rec: dict, rng: random.Random) -> list[str]:
    out = []
    if rec.get("kicker"):
        out.append(rec["kicker"])
    head = rec["headline"]
    parts = [p for p in re.split(r"[\s\u00a0\u3000]{2,}", head) if p]
    if len(parts) > 1 and rng.random() < 0.7:
        out.extend(parts)
    elif len(head) > 16 and rng.random() < 0.5:
        cut = rng.randint(8, len(head) - 4)
        out.extend([head[:cut], head[cut:]])
    else:
        out.append(head)
    if rec.get("subheadline"):
        out.append(rec["subheadline"])
    pad = "\u3000" * rng.randint(1, 4) if rng.random() < 0.3 else ""
    return [pad + ln for ln in out]


def render_page(recs: list[dict], rng: random.Random) -> tuple[str, list[Truth], str]:
    placement = rng.choices(["top", "bottom", "inline"], weights=[0.35, 0.15, 0.5])[0]
    blank_rate = rng.uniform(0.0, 0.25)
    indent = rng.random() < 0.5
    truths: list[Truth] = []
    block: list[list[str]] = []
    body: list[str] = []
    for rec in recs:
        photo = is_photo(rec)
        show_head = photo or rng.random() >= 0.08
        heads = heading_lines(rec, rng) if show_head else []
        printed = "".join(norm(h) for h in heads)
        col = rng.randint(10, 25) * 2
        spaced = rng.random() < 0.3
        full = rng.random() < 0.3
        lines_out: list[str] = []
        paras = [p for p in rec["text"].split("\n") if p.strip()]
        if photo and rng.random() < 0.2 and not paras[0].startswith("▲"):
            paras[0] = "▲" + paras[0]
        for para in paras:
            para = para.strip()
            if full:
                para = to_fullwidth(para)
            wrapped = wrap(para, col, 4 if indent else 0)
            for k, ln in enumerate(wrapped):
                if spaced and rng.random() < 0.5:
                    ln = ocr_spaces(ln)
                if rng.random() < 0.02:
                    at = rng.randint(0, len(ln))
                    ln = ln[:at] + rng.choice(GARBAGE) + ln[at:]
                if indent and k == 0:
                    ln = "\u3000\u3000" + ln
                lines_out.append(ln)
        kind = "caption" if photo else "article"
        truths.append(Truth(kind, rec["text"], printed, norm(rec["headline"]) if show_head else ""))
        if photo or placement == "inline":
            body.extend(heads)
        elif heads:
            block.append(heads)
        body.extend(lines_out)
    if block and rng.random() < 0.5:
        rng.shuffle(block)
    block_lines = [ln for group in block for ln in group]
    page_lines = block_lines + body if placement == "top" else body + block_lines
    out: list[str] = []
    for ln in page_lines:
        out.append(ln)
        if rng.random() < blank_rate:
            out.append("")
    return "\n".join(out) + "\n", truths, placement


def item_text(item) -> str:
    return norm((item.byline or "") + "".join(item.sections) + item.body)


def matches(item, truth: Truth) -> bool:
    """Item text equals the truth text, the whole lines it moved to byline/sections set aside.

    Each sub-head sets aside one truth line: a paragraph that repeats a sub-head's words
    (the sub-head “某某” and later the line “某某！”) stays in the text to be matched."""
    moved = Counter(norm(s) for s in item.sections)
    by = norm(item.byline)
    kept = []
    for ln in truth.text.split("\n"):
        n = norm(ln)
        if n and moved[n] > 0:
            moved[n] -= 1
            continue
        if n and by and n in by:
            continue
        kept.append(n)
    body = norm(item.body)
    return body == "".join(kept) or item_text(item) == norm(truth.text)


def overlap(a: str, b: str) -> int:
    ca, cb = Counter(a), Counter(b)
    return sum(min(v, cb[k]) for k, v in ca.items())


def score_page(items, truths: list[Truth], stats: Counter, fails: list) -> None:
    used: set[int] = set()
    tp = 0
    for it in items:
        for ti, t in enumerate(truths):
            if ti not in used and t.kind == it.kind and matches(it, t):
                used.add(ti)
                tp += 1
                break
    stats["tp"] += tp
    stats["pred"] += len(items)
    stats["truth"] += len(truths)
    texts = [item_text(it) for it in items]
    for t in truths:
        nt = norm(t.text)
        if not items:
            stats["chars"] += len(nt)
            continue
        best = max(range(len(items)), key=lambda k: overlap(nt, texts[k]))
        stats["chars"] += len(nt)
        stats["chars_ok"] += overlap(nt, texts[best])
        it = items[best]
        heading = norm((it.kicker or "") + (it.headline or "") + (it.subheadline or ""))
        stats["head_n"] += 1
        ok = heading == t.heading
        stats["head_ok"] += ok
        stats["head_field_ok"] += ok and norm(it.headline) == t.headline
        if not ok:
            fails.append(("headline", t.heading, heading))
    for ti, t in enumerate(truths):
        if ti not in used:
            fails.append(("boundary", t.kind, norm(t.text)[:40]))


def load_pages(months: set[int] | None) -> list[list[dict]]:
    pages: dict[tuple[str, int], list[dict]] = defaultdict(list)
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if months and int(rec["date"][5:7]) not in months:
                continue
            pages[(rec["date"], rec["page"])].append(rec)
    return [sorted(v, key=lambda r: r["order"]) for _, v in sorted(pages.items())]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--months", default="", help="comma-separated months to draw pages from")
    ap.add_argument("--show-failures", type=int, default=0)
    ap.add_argument("--dump", type=Path, help="write rendered pages here (for inspection)")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"benchmark data not found: {DATA}")
    months = {int(m) for m in args.months.split(",") if m} or None
    rng = random.Random(args.seed)
    pages = load_pages(months)
    if not pages:
        sys.exit(f"no pages in months {sorted(months or [])}; the data covers July-November 2023")
    chosen = rng.sample(pages, min(args.pages, len(pages)))
    stats: Counter = Counter()
    by_place: dict[str, Counter] = defaultdict(Counter)
    fails: list = []
    t0 = time.perf_counter()
    for pi, recs in enumerate(chosen):
        text, truths, placement = render_page(recs, rng)
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"page{pi:04d}.txt").write_text(text, encoding="utf-8")
        page = segment_text(text, source=f"{recs[0]['date']}/{recs[0]['page']}")
        before = len(fails)
        tp0 = stats["tp"]
        score_page(page.items, truths, stats, fails)
        by_place[placement]["tp"] += stats["tp"] - tp0
        by_place[placement]["truth"] += len(truths)
        by_place[placement]["pred"] += len(page.items)
        fails[before:] = [f + (pi,) for f in fails[before:]]
    elapsed = time.perf_counter() - t0
    p = stats["tp"] / max(stats["pred"], 1)
    r = stats["tp"] / max(stats["truth"], 1)
    out = {
        "pages": len(chosen),
        "seed": args.seed,
        "months": sorted(months) if months else "all",
        "truth_items": stats["truth"],
        "predicted_items": stats["pred"],
        "boundary_precision": round(p, 4),
        "boundary_recall": round(r, 4),
        "boundary_f1": round(2 * p * r / max(p + r, 1e-9), 4),
        "headline_accuracy": round(stats["head_ok"] / max(stats["head_n"], 1), 4),
        "headline_field_accuracy": round(stats["head_field_ok"] / max(stats["head_n"], 1), 4),
        "body_char_share": round(stats["chars_ok"] / max(stats["chars"], 1), 4),
        "seconds_per_page": round(elapsed / max(len(chosen), 1), 4),
        "boundary_f1_by_placement": {
            k: round(2 * v["tp"] / max(v["truth"] + v["pred"], 1), 4)
            for k, v in sorted(by_place.items())
        },
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    for f in fails[: args.show_failures]:
        print(f, file=sys.stderr)


if __name__ == "__main__":
    main()
