"""Build the theme tagger's training set by weak labelling real news with the seed phrases.

For every theme of a theme set (``configs/themes.yaml``) each corpus item gets
one of three weak labels:

* positive: no negative cue in the headline, a ``context`` word in headline or
  lead, and a seed in the headline or at least ``min_body_hits`` (3) seed hits in
  the lead (first ``lead_chars`` characters of the body);
* negative: no seed hit anywhere in headline or lead;
* unsure: anything else; the item is left out of that theme's training set.

Items are read as the full view (headline + lead) and, for headline-only use,
as a headline view labelled from the headline alone. Education headlines
(``edu_headlines.jsonl``) add on-topic negatives; written examples
(``training/themes_written_examples.jsonl``) fill themes the corpora barely
cover. Items whose headline or text also appear in an evaluation file (the
theme dev set and eval pool) are dropped so that scores stay honest.

Example::

    PYTHONPATH=. python training/build_theme_data.py --config configs/themes.yaml \\
        --output /tmp/theme_train.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from summarizer.classify.themes import (  # noqa: E402
    CUE_LEAD_CHARS,
    CUE_MIN_BODY_HITS,
    NEG,
    POS,
    ThemeDef,
    ThemeSet,
    load_theme_config,
    weak_label,
)
from summarizer.errors import InputError  # noqa: E402
from summarizer.textio import iter_jsonl  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DEFAULT_CORPORA = (SHARED / "news" / "peoples_daily_2023.jsonl",
                   SHARED / "news" / "xinwenlianbo.jsonl")
DEFAULT_BACKGROUND = (SHARED / "classification" / "edu_headlines.jsonl",)
DEFAULT_EXCLUDE = (SHARED / "themes" / "dev.jsonl", SHARED / "themes" / "eval_pool.jsonl")
WRITTEN_EXAMPLES = ROOT / "training" / "themes_written_examples.jsonl"

# Words that mark a story as education news: such stories are the hard
# negatives the tagger must learn to leave alone, so all of them are kept.
EDU_WORDS = ("学校", "教师", "教育", "学生", "高校", "大学", "学院", "小学", "中学", "幼儿园",
             "师生", "课堂", "职业院校", "办学")


@dataclass(frozen=True)
class Example:
    """One training example: the text the tagger reads and per-theme targets (None = skip)."""

    text: str
    targets: dict[str, bool | None]
    origin: str

    def to_dict(self) -> dict:
        return {"text": self.text, "targets": self.targets, "origin": self.origin}


def _target(label: str) -> bool | None:
    return {POS: True, NEG: False}.get(label)


def _fingerprints(paths: Iterable[Path]) -> set[str]:
    """Headlines and text openings of evaluation items, to keep them out of training."""
    keys: set[str] = set()
    for path in paths:
        if not path.is_file():
            continue
        for _, rec in iter_jsonl(path):
            for value in (rec.get("title"), rec.get("headline"), (rec.get("text") or "")[:60]):
                if value and len(value) >= 8:
                    keys.add(value)
    return keys


def _headline(rec: dict) -> str:
    return (rec.get("headline") or rec.get("title") or "").strip()


def news_examples(
    records: Iterable[dict], themes: ThemeSet, *, origin: str,
    lead_chars: int = CUE_LEAD_CHARS,
    min_body_hits: int = CUE_MIN_BODY_HITS, background_keep: float = 0.1,
    exclude: set[str] | None = None,
    rng: random.Random | None = None, view_chars: int = 300,
) -> Iterator[Example]:
    """Weak-labelled examples from full news items (headline + body).

    Every item with a positive or unsure label, and every education item, is
    kept; other news is sub-sampled to ``background_keep`` as general negatives.
    The example text is the headline plus a ``view_chars`` window of the lead:
    for a weak positive the window around its first seed hit (so that the
    passage the label rests on is what the model reads), else the opening.
    """
    rng = rng or random.Random(0)
    exclude = exclude or set()
    for rec in records:
        head = _headline(rec)
        body = (rec.get("text") or "").strip()
        if not body and not head:
            continue
        if head in exclude or body[:60] in exclude:
            continue
        lead = body[:lead_chars]
        labels = {t.id: weak_label(head, lead, t, min_body_hits=min_body_hits)
                  for t in themes.themes}
        is_edu = any(w in head for w in EDU_WORDS) or sum(lead.count(w) for w in EDU_WORDS) >= 3
        all_neg = all(v == NEG for v in labels.values())
        if not is_edu and all_neg and rng.random() >= background_keep:
            continue
        window = _window(lead, [t for t in themes.themes if labels[t.id] == POS], view_chars)
        yield Example(f"{head}\n{window}" if head else window,
                      {k: _target(v) for k, v in labels.items()}, origin)
        if head and (is_edu or any(v != NEG for v in labels.values())):
            # A headline alone carries the theme only when it holds a seed itself.
            head_labels = {t.id: weak_label(head, "", t, min_body_hits=min_body_hits)
                           for t in themes.themes}
            yield Example(head, {
                k: True if head_labels[k] == POS else (None if labels[k] != NEG else False)
                for k in labels}, origin + ":headline")


def _window(lead: str, positive: Sequence[ThemeDef], view_chars: int) -> str:
    starts = [i for t in positive for s in t.seeds
              if (i := lead.find(s.split("+")[0])) >= 0]
    start = max(0, min(starts) - view_chars // 3) if starts else 0
    return lead[start:start + view_chars]


def headline_examples(records: Iterable[dict], themes: ThemeSet, *, origin: str,
                      exclude: set[str] | None = None) -> Iterator[Example]:
    """Weak-labelled examples from headline-only records (``text`` is the headline)."""
    exclude = exclude or set()
    for rec in records:
        head = (rec.get("text") or rec.get("headline") or rec.get("title") or "").strip()
        if not head or head in exclude:
            continue
        labels = {t.id: _target(weak_label(head, "", t)) for t in themes.themes}
        yield Example(head, labels, origin)


def written_examples(path: Path, themes: ThemeSet) -> list[Example]:
    """Hand-written examples: ``{"headline", "text"?, "labels": [...]}``; labels are complete."""
    out = []
    for lineno, rec in iter_jsonl(path):
        labels = rec.get("labels")
        head = (rec.get("headline") or "").strip()
        if not isinstance(labels, list) or not head:
            raise InputError(f"{path}:{lineno}: written example needs 'headline' and 'labels'",
                             hint='e.g. {"headline": "...", "text": "...", "labels": ["theme_id"]}')
        unknown = set(labels) - set(themes.ids)
        if unknown:
            raise InputError(f"{path}:{lineno}: unknown theme(s) {sorted(unknown)}",
                             hint=f"use ids from the theme config: {themes.ids}")
        text = (rec.get("text") or "").strip()
        targets = {t: t in labels for t in themes.ids}
        out.append(Example(f"{head}\n{text}" if text else head, targets, "written"))
        if text:
            out.append(Example(head, targets, "written:headline"))
    return out


def _records(path: Path) -> Iterator[dict]:
    for _, rec in iter_jsonl(path):
        yield rec


def build_data(
    themes: ThemeSet, *, corpora: Sequence[Path] = DEFAULT_CORPORA,
    background: Sequence[Path] = DEFAULT_BACKGROUND, written: Path | None = WRITTEN_EXAMPLES,
    exclude: Sequence[Path] = DEFAULT_EXCLUDE, lead_chars: int = CUE_LEAD_CHARS,
    min_body_hits: int = CUE_MIN_BODY_HITS,
    background_keep: float = 0.1, seed: int = 0, view_chars: int = 300,
) -> list[Example]:
    """All training examples for a theme set.

    >>> from summarizer.classify.themes import load_theme_config
    >>> data = build_data(load_theme_config("configs/themes.yaml"))  # doctest: +SKIP
    """
    for path in (*corpora, *background):
        if not Path(path).is_file():
            raise InputError(f"training corpus {path} not found",
                             hint="pass existing JSONL files with --corpus / --background")
    rng = random.Random(seed)
    keys = _fingerprints(exclude)
    out: list[Example] = []
    for path in corpora:
        out.extend(news_examples(_records(Path(path)), themes, origin=Path(path).stem,
                                 lead_chars=lead_chars, min_body_hits=min_body_hits,
                                 background_keep=background_keep, exclude=keys, rng=rng,
                                 view_chars=view_chars))
    for path in background:
        out.extend(headline_examples(_records(Path(path)), themes, origin=Path(path).stem,
                                     exclude=keys))
    if written is not None and Path(written).is_file():
        out.extend(written_examples(Path(written), themes))
    return out


def summary(examples: Sequence[Example], themes: ThemeSet) -> dict:
    """Positive / negative / skipped counts per theme and example counts per origin."""
    per = {}
    for t in themes.ids:
        c = Counter(ex.targets[t] for ex in examples)
        per[t] = {"pos": c[True], "neg": c[False], "skipped": c[None]}
    return {"examples": len(examples), "themes": per,
            "origins": dict(Counter(ex.origin for ex in examples))}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", type=Path, default=ROOT / "configs" / "themes.yaml")
    ap.add_argument("--corpus", type=Path, action="append", help="news JSONL (headline+text)")
    ap.add_argument("--background", type=Path, action="append", help="headline-only JSONL")
    ap.add_argument("--written", type=Path, default=WRITTEN_EXAMPLES)
    ap.add_argument("--output", type=Path, required=True)
    ap.add_argument("--sample", type=int, default=0,
                    help="also print this many random weak positives per theme, for reading")
    args = ap.parse_args(argv)
    themes = load_theme_config(args.config)
    data = build_data(themes, corpora=args.corpus or DEFAULT_CORPORA,
                      background=args.background or DEFAULT_BACKGROUND, written=args.written)
    with args.output.open("w", encoding="utf-8") as f:
        for ex in data:
            f.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
    print(json.dumps(summary(data, themes), ensure_ascii=False, indent=2))
    rng = random.Random(1)
    for t in themes.ids if args.sample else ():
        pos = [ex for ex in data if ex.targets[t] and ex.origin != "written"
               and not ex.origin.endswith(":headline")]
        for ex in rng.sample(pos, min(args.sample, len(pos))):
            print(f"[{t}] {ex.origin} | {ex.text[:160]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
