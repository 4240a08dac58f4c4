"""Compact append-only containers for state kept per article while a corpus streams.

A Python object per article (a dict entry, an int, a short str) kept across chunks sits among
each chunk's freed objects and keeps their memory from going back: the process grew with the
corpus though its live data barely did. These keep such state in numpy arrays and one byte
buffer instead.
"""

from __future__ import annotations

import numpy as np

from contrast.text import text_digest

__all__ = ["IdSet", "Multimap", "Strings", "key64"]


def key64(digest: str) -> int:
    """A 64-bit signed integer from a hex digest (its first 16 digits)."""
    return int(digest[:16], 16) - 2**63


class Multimap:
    """Append-only multimap of 64-bit keys to kept indices, held in sorted numpy runs.

    No Python object per entry: a long stream's index is a few arrays (12 bytes an
    entry) rather than millions of small objects left between each chunk's freed
    ones, which kept the process's memory growing with the corpus. New entries wait
    in a small dict until :meth:`flush`; runs are merged so that there are about
    log2(n) of them (each at most half the size of the one before).
    """

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []
        self._recent: dict[int, list[int]] = {}

    def add(self, key: int, value: int) -> None:
        self._recent.setdefault(key, []).append(value)

    def recent(self, key: int) -> list[int]:
        """Values added since the last :meth:`flush`."""
        return self._recent.get(key, [])

    def lookup(self, keys: np.ndarray) -> list[list[int]]:
        """For each key, the values flushed under it (in the order they were added)."""
        out: list[list[int]] = [[] for _ in range(len(keys))]
        for run_keys, run_vals in self._runs:
            lo = np.searchsorted(run_keys, keys, "left")
            hi = np.searchsorted(run_keys, keys, "right")
            for i in np.flatnonzero(hi > lo):
                out[i].extend(run_vals[lo[i]:hi[i]].tolist())
        return out

    def flush(self) -> None:
        if not self._recent:
            return
        pairs = [(k, v) for k, vs in self._recent.items() for v in vs]
        self._recent = {}
        keys = np.fromiter((k for k, _ in pairs), dtype=np.int64, count=len(pairs))
        vals = np.fromiter((v for _, v in pairs), dtype=np.int32, count=len(pairs))
        order = np.lexsort((vals, keys))
        self._runs.append((keys[order], vals[order]))
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            (k2, v2), (k1, v1) = self._runs.pop(), self._runs.pop()
            keys, vals = np.concatenate([k1, k2]), np.concatenate([v1, v2])
            order = np.lexsort((vals, keys))
            self._runs.append((keys[order], vals[order]))


class Strings:
    """Append-only list of strings in one buffer (no Python object per string)."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._ends = np.zeros(64, dtype=np.int64)
        self._n = 0

    def append(self, text: str) -> None:
        if self._n == len(self._ends):
            self._ends = np.concatenate([self._ends, np.zeros(len(self._ends), dtype=np.int64)])
        self._buf += text.encode("utf-8", "surrogatepass")
        self._ends[self._n] = len(self._buf)
        self._n += 1

    def __getitem__(self, k: int) -> str:
        start = int(self._ends[k - 1]) if k else 0
        return self._buf[start:int(self._ends[k])].decode("utf-8", "surrogatepass")


class IdSet:
    """Append-only set of strings (doc_ids), each with the index it was added under, in compact storage."""

    def __init__(self) -> None:
        self._map = Multimap()
        self._ids = Strings()
        self._n = 0

    def __getitem__(self, k: int) -> str:
        return self._ids[k]

    def contains(self, ids: list[str]) -> list[bool]:
        """Whether each id was added before this call (one search for them all)."""
        self._map.flush()
        hashes = [key64(text_digest(d)) for d in ids]
        hits = self._map.lookup(np.array(hashes, dtype=np.int64))
        return [any(self._ids[k] == d for k in ks) for d, ks in zip(ids, hits, strict=True)]

    def index(self, doc_id: str) -> int | None:
        """The first index ``doc_id`` was added under (``None`` if never)."""
        h = key64(text_digest(doc_id))
        ks = sorted([*self._map.lookup(np.array([h], dtype=np.int64))[0], *self._map.recent(h)])
        return next((k for k in ks if self._ids[k] == doc_id), None)

    def __contains__(self, doc_id: str) -> bool:
        return self.index(doc_id) is not None

    def add(self, doc_id: str) -> int:
        """Add ``doc_id`` (again, if it was there); return its index."""
        self._map.add(key64(text_digest(doc_id)), self._n)
        self._ids.append(doc_id)
        self._n += 1
        return self._n - 1
