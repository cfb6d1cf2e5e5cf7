"""Duplicate detection: exact (hash of normalised text) and near (MinHash + LSH).

The same wire story reaches several feeds with different whitespace,
full/half-width digits or a changed byline; normalisation removes the first
two, MinHash over character shingles catches the rest. The index lives in the
state store, so it survives resume and does not grow in memory.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .state import StateStore

_NOT_WORD = re.compile(r"[\W_]+")
_BLOCK = 1024  # shingles per MinHash block


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), lower case, without whitespace or punctuation.

    >>> normalise("２０２３年， 新华社 ")
    '2023年新华社'
    """
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


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
        # Odd multipliers, as multiply-shift hashing requires.
        a = rng.integers(0, 2**63, size=self.num_perm, dtype=np.uint64) * np.uint64(2) + 1
        b = rng.integers(0, 2**63, size=self.num_perm, dtype=np.uint64)
        return a, b

    @cached_property
    def shape(self) -> tuple[int, int]:
        return lsh_shape(self.threshold, self.num_perm)

    def signature(self, norm_text: str) -> np.ndarray:
        # Shingle hashes computed on code points with numpy: a Python loop over
        # shingles cost more than everything else the driver does per article.
        cps = np.frombuffer(norm_text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        k = min(self.shingle, max(1, len(cps)))
        n = max(1, len(cps) - k + 1)
        hashes = np.zeros(n, dtype=np.uint64)
        for j in range(k):
            # uint64 arithmetic wraps around: harmless for hashing, and vectorised.
            hashes = hashes * np.uint64(1_000_003) + cps[j:j + n]
        hashes = np.unique(hashes >> np.uint64(32))
        a, b = self._perms
        sig = np.full(self.num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
        # Blocks of shingles keep the temporary matrix at ~1 MB: a 40,000-character
        # article would otherwise need 40 MB, and peak memory would follow the
        # longest article rather than stay flat.
        for start in range(0, len(hashes), _BLOCK):
            block = hashes[start:start + _BLOCK]
            # Multiply-shift hashing (Dietzfelbinger): a universal family with no modulo.
            np.minimum(sig, ((np.outer(block, a) + b) >> np.uint64(32)).min(axis=0), out=sig)
        # The shift leaves 32-bit values: stored as such, the state is 512 bytes smaller per item.
        return sig.astype(np.uint32)

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
            sim = MinHasher.similarity(sig, np.frombuffer(raw, dtype=np.uint32))
            if sim >= self.hasher.threshold and (best is None or sim > best[0]):
                best = (sim, cand)
        if best is not None:
            return Verdict(h, None, (), dup_of=best[1], how="near", similarity=round(best[0], 3))
        return Verdict(h, sig.tobytes(), buckets)
