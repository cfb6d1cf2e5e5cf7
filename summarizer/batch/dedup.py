"""Duplicate detection: exact (hash of normalised text) and near (MinHash + LSH).

The same wire story reaches several feeds with different whitespace,
full/half-width digits or a changed byline; normalisation removes the first
two, MinHash over character shingles catches the rest. The index lives in the
state store, so it survives resume and does not grow in memory.
"""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .state import StateStore

_MERSENNE = np.uint64((1 << 61) - 1)
_PUNCT_CATEGORIES = ("P", "S", "Z", "C")


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), lower case, without whitespace or punctuation.

    >>> normalise("２０２３年， 新华社 ")
    '2023年新华社'
    """
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in _PUNCT_CATEGORIES)


def content_hash(text: str) -> str:
    """Stable id of a text: 24 hex digits of SHA-256 over its normalised form."""
    return _digest(normalise(text))


def _digest(norm: str) -> str:
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:24]


def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) whose S-curve midpoint (1/b)^(1/r) is closest to ``threshold``.

    >>> lsh_shape(0.9, 128)
    (8, 16)
    """
    best = (num_perm, 1)
    best_err = float("inf")
    for rows in range(1, num_perm + 1):
        if num_perm % rows:
            continue
        bands = num_perm // rows
        err = abs((1.0 / bands) ** (1.0 / rows) - threshold)
        if err < best_err:
            best, best_err = (bands, rows), err
    return best


@dataclass(frozen=True)
class MinHasher:
    """MinHash signatures over character shingles, banded for LSH lookups."""

    threshold: float
    num_perm: int = 128
    shingle: int = 5
    seed: int = 1

    @cached_property
    def _perms(self) -> tuple[np.ndarray, np.ndarray]:
        rng = np.random.default_rng(self.seed)
        a = rng.integers(1, int(_MERSENNE), size=self.num_perm, dtype=np.uint64)
        b = rng.integers(0, int(_MERSENNE), size=self.num_perm, dtype=np.uint64)
        return a, b

    @cached_property
    def shape(self) -> tuple[int, int]:
        return lsh_shape(self.threshold, self.num_perm)

    def signature(self, norm_text: str) -> np.ndarray:
        k = self.shingle
        grams = {norm_text[i:i + k] for i in range(max(1, len(norm_text) - k + 1))}
        hashes = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64,
                             count=len(grams))
        a, b = self._perms
        # uint64 products wrap around; that is harmless for hashing and keeps it vectorised.
        return ((np.outer(hashes, a) + b) % _MERSENNE).min(axis=0)

    def buckets(self, sig: np.ndarray) -> list[tuple[int, int]]:
        bands, rows = self.shape
        out = []
        for band in range(bands):
            chunk = sig[band * rows:(band + 1) * rows].tobytes()
            # SQLite integers are signed 64-bit: keep the bucket hash inside that range.
            out.append((band, int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(),
                                              "big", signed=True)))
        return out

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.mean(a == b))


@dataclass(frozen=True)
class Verdict:
    """Dedup outcome for one text: its hash, index entries, and what it duplicates (if anything)."""

    content_hash: str
    signature: bytes | None
    buckets: tuple[tuple[int, int], ...]
    dup_of: str | None = None
    how: str | None = None  # "exact" or "near"
    similarity: float | None = None


class Deduper:
    """Checks texts against everything registered in the state store so far.

    ``threshold`` 1.0 turns near-duplicate detection off (exact only).
    """

    def __init__(self, state: StateStore, threshold: float) -> None:
        self.state = state
        self.hasher = MinHasher(threshold) if threshold < 1.0 else None

    def check(self, key: str, text: str) -> Verdict:
        norm = normalise(text)
        h = _digest(norm)
        owner = self.state.find_hash(h)
        if owner is not None and owner != key:
            return Verdict(h, None, (), dup_of=owner, how="exact", similarity=1.0)
        if self.hasher is None:
            return Verdict(h, None, ())
        sig = self.hasher.signature(norm)
        buckets = tuple(self.hasher.buckets(sig))
        best: tuple[float, str] | None = None
        for cand in sorted(self.state.lsh_candidates(buckets) - {key}):
            raw = self.state.signature(cand)
            if raw is None:
                continue
            sim = MinHasher.similarity(sig, np.frombuffer(raw, dtype=np.uint64))
            if sim >= self.hasher.threshold and (best is None or sim > best[0]):
                best = (sim, cand)
        if best is not None:
            return Verdict(h, None, (), dup_of=best[1], how="near", similarity=round(best[0], 3))
        return Verdict(h, sig.tobytes(), buckets)
