"""Run every extractor over a corpus and return the evidence table.

Extraction is per article, so it parallelises over processes (``n_jobs``),
streams over chunks, maps over Dask partitions, and is cached by the article
text's hash together with the lexicons and package versions.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import importlib
import logging
import pickle
import sys
import warnings
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as _res
from importlib.metadata import version
from types import ModuleType
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

from contrast.affiliation import affiliate_rows, apply_sides, date_roles, outlet_state
from contrast.evidence import EVIDENCE_COLUMNS, evidence_frame
from contrast.features import MODULES
from contrast.text import Doc, segment, text_digest

__all__ = ["extract", "extract_text", "clear_cache", "link_number_speakers", "with_actors", "SegmentationWarning"]


class SegmentationWarning(UserWarning):
    """Sentences too long to analyse as written were split (see :func:`contrast.text.split_long`)."""

_Rows = list[dict[str, Any]]


def _modules(families: Iterable[str] | None) -> list[ModuleType]:
    mods = [importlib.import_module(f"contrast.features.{m}") for m in MODULES]
    if families is None:
        return mods
    wanted = set(families)
    known = {f for m in mods for f in m.FAMILIES}
    unknown = wanted - known
    if unknown:
        raise ValueError(f"unknown families {sorted(unknown)}; choose from {sorted(known)}")
    return [m for m in mods if wanted & set(m.FAMILIES)]


def _name(mod: ModuleType) -> str:
    return mod.__name__.rsplit(".", 1)[1]


def _resources(mods: list[ModuleType], given: Mapping[str, Any] | None) -> dict[str, Any]:
    given = dict(given or {})
    unknown = set(given) - set(MODULES)
    if unknown:
        raise ValueError(f"unknown resources {sorted(unknown)}; keys are module names {list(MODULES)}")
    return {_name(m): given[_name(m)] if _name(m) in given else m.default_resources() for m in mods}


def with_actors(resources: Mapping[str, Any] | None, actors: Any) -> dict[str, Any]:
    """Resources for every module that uses an actor dictionary, switched to ``actors``."""
    from contrast.actors import as_actors

    actors = as_actors(actors)
    out = dict(resources or {})
    for m in _modules(None):
        base = out.get(_name(m)) or m.default_resources()
        if hasattr(base, "with_actors"):
            out[_name(m)] = base.with_actors(actors)
    return out


def link_number_speakers(rows: _Rows) -> None:
    """Give each number the speaker of the attribution whose content or sentence holds it.

    A number inside an attribution's content span takes that speaker (the
    first such attribution in text order); else a number in a sentence with
    an attribution takes the first one there.
    """
    attrs = [(i, a) for i, a in enumerate(r for r in rows if r.get("family") == "attribution")
             if a.get("speaker")]
    if not attrs:
        return
    by_sent: dict[Any, dict[str, Any]] = {}
    spans: list[tuple[int, int, int, dict[str, Any]]] = []  # (content_start, content_end, order, row)
    for i, a in attrs:
        by_sent.setdefault(a.get("sent_id"), a)
        cs, ce = a.get("content_start"), a.get("content_end")
        if cs is not None and ce is not None:
            spans.append((cs, ce, i, a))
    spans.sort(key=lambda t: t[0])
    starts = [t[0] for t in spans]
    longest = max((ce - cs for cs, ce, _, _ in spans), default=0)
    for r in rows:
        if r.get("family") != "number":
            continue
        s, e = r["start"], r["end"]
        # spans holding [s, e) start in [e - longest, s]
        lo, hi = bisect.bisect_left(starts, e - longest), bisect.bisect_right(starts, s)
        inside = [(i, a) for cs, ce, i, a in spans[lo:hi] if ce >= e]
        best = min(inside, key=lambda t: t[0])[1] if inside else by_sent.get(r.get("sent_id"))
        if best is not None:
            r["speaker"] = best.get("speaker")
            r["speaker_resolved"] = best.get("speaker_resolved")
            r["speaker_type"] = best.get("speaker_type")
            for k in ("affiliation", "role"):  # the speaker's, where the affiliation step gave them
                if best.get(k) is not None:
                    r[k] = best[k]
            if r.get("actor") is None:
                r["actor"] = best.get("actor")


def _custom_actors(res: Mapping[str, Any]) -> bool:
    """Whether a module's resources carry an actor dictionary other than the bundled one."""
    from contrast.actors import default_actors

    base = default_actors()
    return any(getattr(r, "actors", base) is not base for r in res.values())


_Splits = tuple[tuple[int, int], ...]  # spans of over-long sentences split for analysis


def _doc_rows(text: str, headline: bool, mods: list[ModuleType], res: dict[str, Any], outlet: str = ""
              ) -> tuple[_Rows, _Splits]:
    """Evidence rows of one article and the spans of its sentences that were split for analysis
    (``outlet``: the state of the outlet that published it, see :func:`contrast.affiliation.outlet_state`)."""
    doc = segment(text, headline=headline)
    return _rows_of(doc, mods, res, outlet), doc.split_sentences


def _rows_of(doc: Doc, mods: list[ModuleType], res: dict[str, Any], outlet: str = "") -> _Rows:
    """Every module's rows of one segmented document, in text order, with speakers' affiliations."""
    rows: _Rows = []
    for m in mods:
        for r in m.extract(doc, res[_name(m)]):
            if "sent_id" not in r:
                r["sent_id"] = doc.sent_id(r["start"])
            rows.append(r)
    rows.sort(key=lambda r: (r["start"], r["end"], r.get("family", "")))
    affiliate_rows(doc.text, rows, custom_actors=_custom_actors(res), outlet=outlet)
    link_number_speakers(rows)
    return rows


def _rows_for(text: str, headline: bool, mods: list[ModuleType], res: dict[str, Any], outlet: str = "") -> _Rows:
    return _doc_rows(text, headline, mods, res, outlet)[0]


def _text_key(text: str, outlet: str) -> str:
    """The cache's key for an article's text: its digest, and the state of the outlet that published
    it where it has one (``outlet``, :func:`contrast.affiliation.outlet_state` of its source: the
    affiliations read depend on it)."""
    return f"{text_digest(text)}@{outlet}" if outlet else text_digest(text)


#: an article longer than this is analysed in blocks of about this many characters (whole sentences)
BLOCK_CHARS = 250_000
_OFFSETS = ("start", "end", "speaker_start", "speaker_end", "content_start", "content_end")


def _doc_frame(text: str, headline: bool, mods: list[ModuleType], res: dict[str, Any], outlet: str = ""
               ) -> tuple[pd.DataFrame, _Splits]:
    """Evidence of a huge article, block by block, so memory stays bounded whatever its size.

    The article is segmented once; its sentences are grouped into blocks of
    at most :data:`BLOCK_CHARS` characters, each analysed as a document of
    its own (with the same sentences), its rows shifted back to offsets and
    sentence ids of the whole text and turned into a table before the next
    block starts. Only relations that cross a block boundary (a pronoun
    resolved to a speaker in the previous block) can differ from one pass.
    """
    doc = segment(text, headline=headline)
    frames: list[pd.DataFrame] = []
    sents = doc.sentences
    i = 0
    while i < len(sents):
        j = i + 1
        b0 = 0 if i == 0 else sents[i][0]
        while j < len(sents) and sents[j][1] - b0 <= BLOCK_CHARS:
            j += 1
        b1 = sents[j][0] if j < len(sents) else len(text)
        spans = [(s - b0, e - b0) for s, e in sents[i:j]]
        block = Doc(doc.doc_id, doc.source, text[b0:b1], spans, [s for s, _ in spans],
                    doc.headline and i == 0)
        rows = _rows_of(block, mods, res, outlet)
        for r in rows:
            for k in _OFFSETS:
                if r.get(k) is not None:
                    r[k] += b0
            r["sent_id"] += i
        frames.append(evidence_frame(rows))
        del rows
        i = j
    if not frames:
        return evidence_frame([]), doc.split_sentences
    return _concat_releasing(frames), doc.split_sentences


def _concat_releasing(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """``pd.concat(frames, ignore_index=True)`` of same-column tables, column by column, emptying ``frames``.

    Each column of the blocks is freed once it is joined, so the blocks and
    their concatenation are not all in memory at once (a 20 MB article's
    evidence is an 80 MB table).
    """
    columns = list(frames[0].columns)
    if len(frames) == 1 or any(list(f.columns) != columns for f in frames):
        out = pd.concat(frames, ignore_index=True)
        frames.clear()
        return out
    parts: dict[str, pd.Series] = {}
    for c in columns:
        parts[c] = pd.concat([f[c] for f in frames], ignore_index=True)
        for f in frames:
            del f[c]
    frames.clear()
    return pd.DataFrame(parts, copy=False)


def extract_text(
    text: str,
    *,
    doc_id: str = "",
    source: str = "",
    headline: bool = True,
    families: Iterable[str] | None = None,
    resources: Mapping[str, Any] | None = None,
    date: Any = None,
) -> pd.DataFrame:
    """Evidence for one article's text (the same table :func:`extract` returns).

    ``date`` (optional, the article's date as a string or timestamp) sets known office holders'
    roles to the office held then, as :func:`extract` does with a corpus's ``date`` column.

    Examples
    --------
    >>> ev = extract_text("Kyiv says\\nExperts suggest the strike may have killed about 40 people.")
    >>> sorted(set(ev["family"]) & {"hedge", "number"})
    ['hedge', 'number']
    """
    ev = _work([(doc_id, source, text, headline)], tuple(families) if families is not None else None,
               resources)[0]
    if date is not None:
        ev = date_roles(ev, {doc_id: date})
    if families is not None:
        ev = ev[ev["family"].isin(set(families))].reset_index(drop=True)
    return ev


# ----------------------------------------------------------------------------- cache


@lru_cache(maxsize=1)
def _default_fingerprint() -> str:
    """Hash of the bundled lexicons, the package's source files and the versions the results depend on.

    The evidence cache outlives a process (:mod:`contrast.cache`), so a change
    to any module (segmentation, an extractor, a helper) must change the key.
    """
    h = hashlib.sha256()
    for pkg in ("contrast", "vaderSentiment", "nltk"):
        try:
            h.update(f"{pkg}={version(pkg)};".encode())
        except Exception:  # an uninstalled source checkout
            h.update(f"{pkg}=?;".encode())
    lex = _res.files("contrast") / "lexicons"
    for p in sorted(lex.iterdir(), key=lambda p: p.name):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    root = _res.files("contrast")
    for sub in (root, root / "features"):
        for p in sorted(sub.iterdir(), key=lambda p: p.name):
            if p.is_file() and p.name.endswith(".py"):
                h.update(p.name.encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _fingerprint(mods: list[ModuleType], given: Mapping[str, Any] | None) -> str | None:
    """Cache key part for the resources in use; None when custom ones cannot be hashed."""
    h = hashlib.sha256(_default_fingerprint().encode())
    h.update(",".join(_name(m) for m in mods).encode())
    for key in sorted(given or {}):
        try:
            h.update(key.encode() + pickle.dumps((given or {})[key], protocol=5))
        except Exception:
            return None
    return h.hexdigest()[:16]


@dataclass(frozen=True, eq=False)
class _Slice:
    """Rows ``lo:hi`` of a table a worker sent back: one article's evidence."""

    frame: pd.DataFrame
    lo: int
    hi: int


_Cached: TypeAlias = _Rows | _Slice  # rows (serial runs) or the article's slice of a worker's table
_Entry: TypeAlias = tuple[_Cached, _Splits]
_Key: TypeAlias = tuple[str, bool, str]


class _Cache:
    """Evidence per (text hash and outlet state, headline flag, resources fingerprint), LRU in memory.

    A serial run (or a read from the disk store) stores an article's rows; a
    parallel run stores the article's slice of the table a worker sent back,
    so filling the cache costs it no conversion. ``hits`` and ``misses``
    count this memory level only.
    """

    def __init__(self, max_docs: int = 20_000):
        self.max_docs = max_docs
        self._store: OrderedDict[_Key, _Entry] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: _Key) -> _Entry | None:
        entry = self._store.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._store.move_to_end(key)
        self.hits += 1
        return entry

    def put(self, key: _Key, entry: _Entry) -> None:
        self._store[key] = entry
        if len(self._store) > self.max_docs:
            self._store.popitem(last=False)

    def clear(self) -> None:
        self._store.clear()
        self.hits = self.misses = 0


_CACHE = _Cache()


def clear_cache(*, disk: bool = True) -> None:
    """Forget cached evidence: in this process and (``disk=True``) in the on-disk store.

    Use it after editing a bundled lexicon file in place; the disk store is at
    :func:`contrast.cache.cache_dir` (``CONTRAST_CACHE_DIR`` moves it).
    """
    _CACHE.clear()
    _default_fingerprint.cache_clear()
    if disk:
        from contrast.cache import DiskCache, cache_dir

        DiskCache(cache_dir()).clear()


def _disk_key(key: _Key) -> str:
    text, headline, fp = key
    return f"{fp}:{int(headline)}:{text}"


# ----------------------------------------------------------------------------- drivers


Item: TypeAlias = tuple[str, str, str, bool]  # doc_id, source, text, headline


def _items(corpus: pd.DataFrame) -> list[tuple[str, str, str, bool]]:
    missing = [c for c in ("doc_id", "source", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"corpus lacks columns {missing}; columns found: {list(corpus.columns)}; "
                         "load it with contrast.load_corpus")
    heads = corpus["has_title"] if "has_title" in corpus.columns else [True] * len(corpus)
    return [(str(d), str(s), "" if not isinstance(t, str) else t, bool(h))
            for d, s, t, h in zip(corpus["doc_id"], corpus["source"], corpus["text"], heads, strict=True)]


def _n_workers(n_jobs: int) -> int:
    import os

    cpus = os.cpu_count() or 1
    if n_jobs == 0:
        raise ValueError("n_jobs=0 is not valid; use 1 for serial, -1 for all cores")
    return max(1, cpus + 1 + n_jobs) if n_jobs < 0 else n_jobs


#: parallel tasks: at least this many per worker (even hand-out at the end), at most _TASK_MAX articles each.
#: Tried against tasks by text size shrinking toward the end (a quarter of the text first, 6-32 kB last; 13
#: tasks on 447 PolNeAR articles): alternating warm n_jobs=2 calls in one process, the sized tasks took 1.08x
#: and 1.15x as long (medians of 10 and 6 rounds; 8 equal-text tasks 1.03x) on a machine loaded by other jobs.
_TASKS_PER_WORKER = 4
_TASK_MAX = 250


def _task_size(n: int, workers: int) -> int:
    """Articles per parallel task: small tasks keep both cores busy to the end; 250 amortise the hand-over."""
    return max(1, min(_TASK_MAX, -(-n // (workers * _TASKS_PER_WORKER))))


#: a corpus with less text than this runs serially when no workers are running yet: starting them costs more.
#: On a quiet machine a first parallel call cost about 0.3 s more than a serial one on 447 RUWA headlines
#: (0.10 MB, 0.34 s of serial work), and extract runs 0.3-0.7 MB/s on one core: two workers repay that
#: from about 0.2-0.4 MB of text.
_SMALL_BYTES = 250_000
#: the same with workers already up (a session's later calls): each task still costs a hand-over and a
#: table. Warm n_jobs=2 against n_jobs=1 on the first 25/50/110/220/447 RUWA headlines (5/11/25/49/100 kB),
#: medians of 9 alternating calls: 0.57x, 0.67x, 1.10x, 1.26x, 1.41x.
_WARM_SMALL_BYTES = 25_000

_LOG = logging.getLogger(__name__)


def _work(items: list[Item], families: tuple[str, ...] | None, resources: Mapping[str, Any] | None,
          disk: tuple[str, str] | None = None, progress: bool = False
          ) -> tuple[pd.DataFrame, list[int], list[_Splits]]:
    """Evidence of a chunk of articles as one table, the row count and split sentences of each article.

    Runs in a worker process (or the caller's). With ``disk = (folder,
    fingerprint)`` each article's rows also go to the disk store there, in
    one transaction per chunk (articles longer than :data:`BLOCK_CHARS`,
    analysed block by block, are not stored on disk).
    """
    mods = _modules(families)
    res = _resources(mods, resources)
    frames: list[pd.DataFrame] = []
    out: _Rows = []
    counts: list[int] = []
    splits: list[_Splits] = []
    store: list[tuple[str, Any]] = []
    it: Iterable[Item] = items
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(items, desc="extract", unit="article", file=sys.stderr)
    for doc_id, source, text, headline in it:
        outlet = outlet_state(source)  # once per article: the analysis and the cache key use it
        if len(text) > BLOCK_CHARS:
            if out:
                frames.append(evidence_frame(out))
                out = []
            big, sp = _doc_frame(text, headline, mods, res, outlet)
            frames.append(big.assign(doc_id=doc_id, source=source).astype(
                {"doc_id": EVIDENCE_COLUMNS["doc_id"], "source": EVIDENCE_COLUMNS["source"]}))
            counts.append(len(big))
            splits.append(sp)
            continue
        rows, sp = _doc_rows(text, headline, mods, res, outlet)
        counts.append(len(rows))
        splits.append(sp)
        if disk is not None:
            store.append((_disk_key((_text_key(text, outlet), headline, disk[1])), {"r": rows, "s": sp}))
        out.extend({**r, "doc_id": doc_id, "source": source} for r in rows)
    if store and disk is not None:
        from contrast.cache import DiskCache

        _worker_store(disk[0], DiskCache).put_many(store)
    if out or not frames:
        frames.append(evidence_frame(out))
    return (frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)), counts, splits


_WORKER_STORES: dict[str, Any] = {}


def _worker_store(folder: str, cls: Any) -> Any:
    if folder not in _WORKER_STORES:
        _WORKER_STORES[folder] = cls(folder)
    return _WORKER_STORES[folder]


def _frame(items: list[Item], families: tuple[str, ...] | None,
           resources: Mapping[str, Any] | None) -> pd.DataFrame:
    """Evidence of a chunk of articles as a DataFrame (cheap to send between processes)."""
    return _work(items, families, resources)[0]


_WARM: set[int] = set()  # ids of worker pools that have finished a call (their workers are up)
_POOL: list[Any] = []  # [executor, workers, start method] of this process's worker pool


def _start_method() -> str:
    """``fork`` where it is safe and cheap (Linux, one thread): workers inherit the loaded lexicons.

    Elsewhere ``loky`` (joblib's reusable pool of fresh interpreters, which
    never re-runs the user's script): each worker imports the package and
    loads the lexicons itself.
    """
    import multiprocessing as mp
    import threading

    if "fork" in mp.get_all_start_methods() and sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "loky"


def _pool(workers: int) -> Any:
    """This process's pool of ``workers`` processes, started on first use and kept for later calls."""
    if _POOL and _POOL[1] == workers and _POOL[2] == "fork" and not getattr(_POOL[0], "_broken", False):
        return _POOL[0]
    if _POOL and _POOL[2] == "fork":
        _POOL[0].shutdown(wait=False, cancel_futures=True)
    _POOL.clear()
    if _start_method() == "loky":
        from joblib.externals.loky import get_reusable_executor

        pool = get_reusable_executor(max_workers=workers, timeout=300)  # the same object while it lives
        _POOL[:] = [pool, workers, "loky"]
        return pool
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    _resources(_modules(None), None)  # forked workers inherit the default lexicons, loaded once here
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"))
    _POOL[:] = [pool, workers, "fork"]
    return pool


def _parallel(chunks: list[list[Item]], workers: int, *args: Any) -> list[Any]:
    """``_work(chunk, *args)`` for every chunk, in order, on a pool of ``workers`` processes.

    The pool stays up between calls, so only a session's first parallel call
    starts workers (by ``fork`` on Linux: they inherit the lexicons this
    process loaded; elsewhere loky's reusable pool). While they start, this process takes chunks from the
    back of the queue itself (those no worker has taken yet), so that first
    call is not slower than a serial one.
    """
    from concurrent.futures.process import BrokenProcessPool

    from joblib.externals.loky.process_executor import TerminatedWorkerError

    pool = _pool(workers)
    cold = id(pool) not in _WARM
    try:
        if cold and _POOL[2] == "fork":
            # the first submit forks the workers: with every object frozen out of the collector,
            # their garbage collections do not touch (and so copy) the pages they share with this process
            gc.freeze()
            try:
                futures = [pool.submit(_work, chunks[0], *args)]
            finally:
                gc.unfreeze()
            futures += [pool.submit(_work, c, *args) for c in chunks[1:]]
        else:
            futures = [pool.submit(_work, c, *args) for c in chunks]
        results: list[Any] = [None] * len(chunks)
        if cold:
            for i in range(len(chunks) - 1, -1, -1):
                if not futures[i].cancel():  # a worker has it (and, FIFO, every chunk before it)
                    break
                results[i] = _work(chunks[i], *args)
        for i, fut in enumerate(futures):
            if results[i] is None:
                results[i] = fut.result()
    except (BrokenProcessPool, TerminatedWorkerError):
        _POOL.clear()
        raise ChildProcessError("a worker process died (out of memory?); run again with n_jobs=1 "
                           "or fewer jobs") from None
    _WARM.add(id(pool))
    return results


def _go_parallel(items: list[Item], workers: int) -> bool:
    """Whether to use worker processes: more than one asked for, and enough text to repay them.

    Starting a pool (by fork, or loky's fresh interpreters) is repaid only by
    :data:`_SMALL_BYTES` of text; a pool that has finished a call by
    :data:`_WARM_SMALL_BYTES` (each task still costs a hand-over). The choice
    goes to the ``contrast.extract`` logger (level DEBUG).
    """
    if workers <= 1:
        return False
    warm = bool(_POOL) and _POOL[1] == workers and id(_POOL[0]) in _WARM
    need = _WARM_SMALL_BYTES if warm else _SMALL_BYTES
    chars = sum(len(t) for _, _, t, _ in items)
    go = chars >= need
    _LOG.debug("extract: %d articles, %d characters, %d workers asked, %s pool: %s (parallel from %d characters)",
               len(items), chars, workers, "a running" if warm else "no running", "parallel" if go else "serial",
               need)
    return go


def _cached(items: list[Item], fams: tuple[str, ...] | None, resources: Mapping[str, Any] | None,
            workers: int, fp: str, progress: bool, disk: Any) -> tuple[pd.DataFrame, list[_Splits]]:
    """Extraction that reuses and fills the caches: only articles seen nowhere are extracted.

    Memory first, then the disk store (``disk``, a :class:`contrast.cache.DiskCache`
    or None). A serial run caches each article's rows; a parallel run caches
    each article's slice of the table its worker sent back (the workers write
    the disk store themselves). Either serves later runs of either kind.
    """
    outlets = [outlet_state(s) for _, s, _, _ in items]  # once per article: the key and the analysis use it
    keys: list[_Key] = [(_text_key(t, o), h, fp) for (_, _, t, h), o in zip(items, outlets, strict=True)]
    fresh: set[int] = set()  # ids of the tables workers make in this call
    got: list[_Entry | None] = [_CACHE.get(k) for k in keys]
    todo = [i for i, g in enumerate(got) if g is None]
    if todo and disk is not None:
        found = disk.get_many(_disk_key(keys[i]) for i in todo)
        for i in todo:
            v = found.get(_disk_key(keys[i]))
            if v is not None:
                got[i] = entry = (v["r"], tuple(tuple(p) for p in v["s"]))
                _CACHE.put(keys[i], entry)
        todo = [i for i in todo if got[i] is None]
    if todo and not _go_parallel([items[i] for i in todo], workers):
        mods = _modules(fams)
        res = _resources(mods, resources)
        it: Iterable[int] = todo
        if progress:
            from tqdm.auto import tqdm

            it = tqdm(todo, desc="extract", unit="article", file=sys.stderr)
        batch: list[tuple[str, Any]] = []
        for i in it:
            if len(items[i][2]) > BLOCK_CHARS:
                frame, sp = _doc_frame(items[i][2], items[i][3], mods, res, outlets[i])
                got[i] = (_Slice(frame, 0, len(frame)), sp)
                _CACHE.put(keys[i], got[i])  # type: ignore[arg-type]
                continue
            rows, sp = _doc_rows(items[i][2], items[i][3], mods, res, outlets[i])
            got[i] = (rows, sp)
            _CACHE.put(keys[i], (rows, sp))
            if disk is not None:
                batch.append((_disk_key(keys[i]), {"r": rows, "s": sp}))
                if len(batch) >= 200:  # an interrupted run keeps what it computed
                    disk.put_many(batch)
                    batch = []
        if disk is not None:
            disk.put_many(batch)
    elif todo:
        size = _task_size(len(todo), workers)
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        where = (str(disk.folder), fp) if disk is not None and not disk.broken else None
        parts = _parallel([[items[i] for i in c] for c in chunks], workers, fams, resources, where)
        for chunk, (frame, counts, splits) in zip(chunks, parts, strict=True):
            fresh.add(id(frame))
            lo = 0
            for i, n, sp in zip(chunk, counts, splits, strict=True):
                got[i] = entry = (_Slice(frame, lo, lo + n), sp)
                _CACHE.put(keys[i], entry)
                lo += n
    return _assemble(items, [g[0] if g is not None else None for g in got], fresh), [
        g[1] if g is not None else () for g in got]


def _assemble(items: list[tuple[str, str, str, bool]], got: list[_Cached | None],
              fresh: set[int] | frozenset[int] = frozenset()) -> pd.DataFrame:
    """The evidence table of ``items`` in order from their cached rows and table slices.

    Runs of articles with rows become one table; runs whose slices are adjacent
    in one worker table become one slice of it, with their ids and sources.
    A table a worker made in this call for these very articles (its ``id`` in
    ``fresh``) has them already: its slices are taken as they are, without a
    copy when whole.
    """
    pieces: list[pd.DataFrame] = []
    rows: _Rows = []
    run: list[int] = []  # consecutive articles whose slices are adjacent in one table

    def flush_rows() -> None:
        if rows:
            pieces.append(evidence_frame(rows))
            rows.clear()

    def flush_run() -> None:
        if run:
            first, last = got[run[0]], got[run[-1]]
            assert isinstance(first, _Slice) and isinstance(last, _Slice)
            frame = first.frame
            if id(frame) in fresh:
                pieces.append(frame if first.lo == 0 and last.hi == len(frame) else frame.iloc[first.lo:last.hi])
                run.clear()
                return
            lens = [g.hi - g.lo for g in (got[i] for i in run) if isinstance(g, _Slice)]
            # this run's ids and sources: the same text may come back under another id
            ids = pd.array(np.repeat(np.array([items[i][0] for i in run], dtype=object), lens),
                           dtype=EVIDENCE_COLUMNS["doc_id"])
            srcs = pd.array(np.repeat(np.array([items[i][1] for i in run], dtype=object), lens),
                            dtype=EVIDENCE_COLUMNS["source"])
            pieces.append(frame.iloc[first.lo:last.hi].assign(doc_id=ids, source=srcs))
            run.clear()

    for i, g in enumerate(got):
        if isinstance(g, _Slice):
            flush_rows()
            prev = got[run[-1]] if run else None
            if not (isinstance(prev, _Slice) and prev.frame is g.frame and prev.hi == g.lo):
                flush_run()
            run.append(i)
        elif g is not None:
            flush_run()
            doc_id, source = items[i][0], items[i][1]
            rows.extend({**r, "doc_id": doc_id, "source": source} for r in g)
    flush_run()
    flush_rows()
    if not pieces:
        return evidence_frame([])
    return pieces[0].reset_index(drop=True) if len(pieces) == 1 else pd.concat(pieces, ignore_index=True)


def _partition(part: pd.DataFrame, families: tuple[str, ...] | None,
               resources: Mapping[str, Any] | None) -> pd.DataFrame:
    ev = _date_roles(_frame(_items(part), families, resources), part)
    if families is not None:
        ev = ev[ev["family"].isin(set(families))]
    return ev.reset_index(drop=True)


def _date_roles(ev: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Known office holders' roles as of each article's ``date`` (:func:`contrast.affiliation.date_roles`)."""
    if "date" not in corpus.columns or not len(ev):
        return ev
    return date_roles(ev, dict(zip(corpus["doc_id"].astype(str), corpus["date"], strict=True)))


def _report_splits(ev: pd.DataFrame, items: list[Item], splits: list[_Splits]) -> None:
    """Record split over-long sentences in ``ev.attrs`` and say so in one warning."""
    from contrast.text import MAX_SENTENCE_CHARS

    hit = [(items[i][0], sp) for i, sp in enumerate(splits) if sp]
    if not hit:
        return
    n = sum(len(sp) for _, sp in hit)
    ev.attrs["split_sentences"] = {"sentences": n, "articles": len(hit),
                                   "examples": [{"doc_id": d, "start": sp[0][0], "end": sp[0][1]}
                                                for d, sp in hit[:5]]}
    shown = ", ".join(d for d, _ in hit[:3]) + (", ..." if len(hit) > 3 else "")
    warnings.warn(
        f"{n} sentence(s) longer than {MAX_SENTENCE_CHARS:,} characters in {len(hit)} article(s) ({shown}) were "
        "split for analysis at clause boundaries or spaces (offsets still index the text; sentence counts "
        "count the pieces); to analyse them as written, give the text sentence punctuation or line breaks",
        SegmentationWarning, stacklevel=3)


def extract(
    corpus: Any,
    *,
    families: Iterable[str] | None = None,
    resources: Mapping[str, Any] | None = None,
    actors: Any = None,
    sides: Any = None,
    n_jobs: int = 1,
    cache: bool | str = True,
    progress: bool | None = None,
) -> Any:
    """Extract evidence from every article of a corpus.

    Parameters
    ----------
    corpus : DataFrame or dask.dataframe.DataFrame
        From :func:`contrast.load_corpus` (needs ``doc_id, source, text``).
        A Dask DataFrame gives a Dask DataFrame (``map_partitions``).
    families : iterable of str, optional
        Restrict to these evidence families (default: all).
    resources : mapping, optional
        Custom lexicons per extractor module, e.g.
        ``{"hedging": hedging.default_resources().with_terms(hedges=["arguably"])}``.
    actors : ActorDictionary or mapping, optional
        An actor dictionary for another conflict (``{group: [alias, ...]}``),
        used by every family that names actors (sentiment toward actors,
        the speaker's side in attribution, naming). Where it names a
        speaker or mention, its group overrides the side from the affiliation.
    sides : SideMap, mapping, path or str, optional
        How affiliations group into sides (the ``actor`` column): a
        :class:`contrast.actors.SideMap`, ``{affiliation: side}`` or
        ``{side: [affiliation, ...]}`` on top of the default map (e.g.
        ``{"BY": "Russia"}``), a TSV file (``affiliation``, ``side``) or a spec
        ``"BY=Russia,US=USA"``; default :func:`contrast.actors.default_sides`.
    n_jobs : int, default 1
        Worker processes; -1 uses every core. Results equal ``n_jobs=1``. A
        session's first parallel call on less than 250 kB of text runs
        serially (starting workers would cost more than it saves); on more,
        this process works through the corpus while the workers start.
        Later calls run serially on less than 25 kB. The logger
        ``contrast.extract`` says which (level DEBUG).
    cache : bool or "memory", default True
        Reuse evidence of articles seen before with the same text, lexicons,
        package source and versions (with any ``n_jobs``: only unseen
        articles are extracted): in this process's memory, and on disk where
        other processes and later sessions find it (:mod:`contrast.cache`;
        ``CONTRAST_CACHE_DIR`` moves it, ``CONTRAST_CACHE=off`` turns the disk
        store off, :func:`contrast.clear_cache` empties it). ``"memory"``:
        this process only; ``False``: compute everything.
    progress : bool, optional
        Progress bar on stderr (default: for more than 300 articles).

    Returns
    -------
    DataFrame
        The evidence table: one row per matched span with the columns of
        :data:`contrast.evidence.EVIDENCE_COLUMNS`; ``text[start:end] == span``.
        When sentences longer than :data:`contrast.text.MAX_SENTENCE_CHARS`
        were split for analysis, ``attrs["split_sentences"]`` counts them
        (with examples) and a :class:`SegmentationWarning` says so.

    Examples
    --------
    >>> import contrast
    >>> ev = contrast.extract(contrast.load_corpus(contrast.demo_path()))
    >>> {"sentiment", "attribution", "hedge", "number", "naming"} <= set(ev["family"])
    True
    """
    fams = tuple(families) if families is not None else None
    _modules(fams)  # validate names early
    if cache not in (True, False, "memory"):
        raise ValueError(f"cache={cache!r}: use True (memory and disk), 'memory' (this process) or False")
    if sides is not None:
        from contrast.actors import as_sides

        sides = as_sides(sides)  # validate early
    if actors is not None:
        resources = with_actors(resources, actors)
    if type(corpus).__module__.startswith("dask"):
        meta = evidence_frame([])
        out = corpus.map_partitions(_partition, fams, resources, meta=meta)
        return out if sides is None else out.map_partitions(apply_sides, sides, meta=meta)
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"extract expects a corpus DataFrame from load_corpus, got {type(corpus).__name__}")
    items = _items(corpus)
    show = bool(progress) if progress is not None else len(items) > 300
    workers = min(_n_workers(n_jobs), max(1, len(items)))
    fp = _fingerprint(_modules(fams), resources) if cache else None
    if fp is not None:
        from contrast.cache import disk_cache

        disk = disk_cache() if cache is True else None
        ev, splits = _cached(items, fams, resources, workers, fp, show, disk)
    elif not _go_parallel(items, workers):
        ev, _, splits = _work(items, fams, resources, progress=show)
    else:
        size = _task_size(len(items), workers)
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        parts = _parallel(chunks, workers, fams, resources, None)
        ev = pd.concat([p[0] for p in parts], ignore_index=True) if parts else evidence_frame([])
        splits = [sp for p in parts for sp in p[2]]
    ev = _date_roles(ev, corpus)
    if fams is not None:
        ev = ev[ev["family"].isin(set(fams))].reset_index(drop=True)
    _report_splits(ev, items, splits)
    if sides is not None:
        ev = apply_sides(ev, sides)
    return ev
