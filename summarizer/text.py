"""Chinese text helpers shared by every stage: width folding, sentence splitting, jieba.

One :func:`tokenizer` instance of jieba serves the whole process. It is built
lazily, logs nothing, and caches its dictionary in a per-user directory rather
than jieba's shared ``/tmp`` file, which breaks when several users share a host.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

_FULLWIDTH_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH_ASCII[0x3000] = 0x20  # ideographic space


def fold_width(text: str) -> str:
    """Fold full-width ASCII letters, digits and spaces to half-width; keep CJK punctuation.

    Full-width ，。！？：；（） stay as they are because they are the normal
    punctuation of Chinese text; only letters, digits and a few symbols that
    OCR mixes freely are folded.
    """
    out = []
    for ch in text:
        cp = ord(ch)
        if 0xFF10 <= cp <= 0xFF19 or 0xFF21 <= cp <= 0xFF3A or 0xFF41 <= cp <= 0xFF5A:
            out.append(chr(_FULLWIDTH_ASCII[cp]))
        elif cp in (0xFF05, 0xFF0E, 0xFF0B, 0xFF0D, 0xFF0F, 0x3000):  # ％．＋－／ and space
            out.append(chr(_FULLWIDTH_ASCII[cp]))
        else:
            out.append(ch)
    return "".join(out)


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs (the BMP blocks news text uses)."""
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF


def is_cjk_punct(ch: str) -> bool:
    return ord(ch) > 0x2000 and unicodedata.category(ch).startswith("P")


_SENT_END = "。！？!?；;…"
_CLOSERS = "”’」』）)》】"
# Straight quotes look the same when they open and close, so whether one
# belongs to the sentence before it depends on whether a quote is open.
_STRAIGHT_QUOTES = "\"'"


def split_sentences(text: str, *, keep_semicolon: bool = True) -> list[str]:
    """Split Chinese text into sentences.

    Closing quotes and brackets stay with the sentence they close (a straight
    ``"`` only when it closes an open quote), runs of end marks (``？！``,
    ``……``, ``！”。``) stay together, and trailing text without a final mark is
    kept as its own sentence. Newlines always end a sentence.
    ``keep_semicolon=False`` does not end sentences at semicolons.

    >>> split_sentences("他说：“好。”然后走了。还有尾巴")
    ['他说：“好。”', '然后走了。', '还有尾巴']
    """
    ends = _SENT_END if keep_semicolon else _SENT_END.replace("；", "").replace(";", "")
    simple = _simple_splitter(ends)
    out: list[str] = []
    for para in text.split("\n"):
        if not any(q in para for q in _STRAIGHT_QUOTES):
            # No straight quotes, no state to track: one regex pass is enough.
            for m in simple.finditer(para):
                _append_stripped(out, m.group(0))
            continue
        start, i, n = 0, 0, len(para)
        open_quotes: set[str] = set()
        while i < n:
            ch = para[i]
            if ch in _STRAIGHT_QUOTES:
                open_quotes ^= {ch}
            elif ch in ends:
                i += 1
                while i < n and (
                    para[i] in ends
                    or para[i] in _CLOSERS
                    or (para[i] in _STRAIGHT_QUOTES and para[i] in open_quotes)
                ):
                    open_quotes.discard(para[i])
                    i += 1
                _append_stripped(out, para[start:i])
                start = i
                continue
            i += 1
        _append_stripped(out, para[start:])
    return out


@lru_cache(maxsize=2)
def _simple_splitter(ends: str) -> re.Pattern[str]:
    marks, closers = re.escape(ends), re.escape(_CLOSERS)
    return re.compile(rf"[^{marks}]+(?:[{marks}][{marks}{closers}]*)?|[{marks}][{marks}{closers}]*")


def _append_stripped(out: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        out.append(piece)


def split_clauses(sentence: str) -> list[str]:
    """Split a sentence at commas/colons into clauses, each keeping its trailing mark."""
    parts = re.findall(r"[^，,：:、]+[，,：:、]?", sentence)
    return [p for p in (x.strip() for x in parts) if p]


def cache_dir() -> Path:
    """Per-user cache directory for derived files (jieba dictionary cache and the like)."""
    base = os.environ.get("SUMMARIZER_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    path = root / "summarizer" if not os.environ.get("SUMMARIZER_CACHE") else root
    path.mkdir(parents=True, exist_ok=True)
    return path


_JIEBA_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def tokenizer():
    """The process-wide jieba tokenizer, initialised on first use.

    >>> tokenizer().lcut("职业院校数字化转型", HMM=False)
    ['职业院校', '数字化', '转型']
    """
    import jieba

    logging.getLogger("jieba").setLevel(logging.ERROR)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir())
    with _JIEBA_LOCK:
        tok.initialize()
    return tok


def cut(text: str, *, hmm: bool = False) -> list[str]:
    """Words from the shared jieba tokenizer (HMM off by default, so output is deterministic)."""
    return tokenizer().lcut(text, HMM=hmm)
