"""How often the faithfulness check flags summaries, measured on reference summaries.

Human reference summaries are the nearest thing to "faithful" summaries at
hand, so the share of them the check flags bounds how often it would replace a
good abstractive summary. LCSTS references are known to contain facts that the
short source post lacks, so part of what is flagged there is genuinely
unsupported; the script prints examples to inspect.

    python benchmarks/faithfulness.py ../shared/data/summarization/lcsts_val.jsonl

Use tuning splits (``*_val``, ``*_dev``) or ``articles/`` files, never the
evaluation-only files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.summarize.faithfulness import (  # noqa: E402
    extract_quantities,
    unsupported_quantities,
)
from summarizer.textio import iter_jsonl, require_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="JSONL with text and summary (or headline)")
    ap.add_argument("--field", default="summary", help="field holding the reference summary")
    ap.add_argument("--examples", type=int, default=10, help="flagged examples to print")
    args = ap.parse_args()

    n = with_quantities = flagged = 0
    shown: list[dict] = []
    for lineno, rec in iter_jsonl(args.data):
        where = f"{args.data}:{lineno}"
        text = require_text(rec, where=where)
        ref = require_text(rec, where=where, field=args.field)
        n += 1
        with_quantities += bool(extract_quantities(ref))
        missing = unsupported_quantities(ref, text)
        if missing:
            flagged += 1
            if len(shown) < args.examples:
                shown.append({"line": lineno, "unsupported": list(missing), args.field: ref})
    print(json.dumps({
        "n": n,
        "with_quantities": with_quantities,
        "flagged": flagged,
        "flagged_pct": round(100 * flagged / max(1, n), 1),
        "flagged_pct_of_with_quantities": round(100 * flagged / max(1, with_quantities), 1),
    }))
    for ex in shown:
        print(json.dumps(ex, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
