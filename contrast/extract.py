"""Run every extractor over a corpus and return the evidence table.

Extraction is per article, so it parallelises over processes (``n_jobs``),
streams over chunks, maps over Dask partitions, and is cached by the article
text's hash together with the lexicons and package versions.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
import pickle
import sys
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

from contrast.affiliation import affiliate_rows, apply_sides
from contrast.evidence import EVIDENCE_COLUMNS, evidence_frame
from contrast.features import MODULES
from contrast.text import segment

__all__ = ["extract", "extract_text", "clear_cache", "link_number_speakers", "with_actors"]

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


def _rows_for(text: str, headline: bool, mods: list[ModuleType], res: dict[str, Any]) -> _Rows:
    doc = segment(text, headline=headline)
    rows: _Rows = []
    for m in mods:
        for r in m.extract(doc, res[_name(m)]):
            if "sent_id" not in r:
                r["sent_id"] = doc.sent_id(r["start"])
            rows.append(r)
    rows.sort(key=lambda r: (r["start"], r["end"], r.get("family", "")))
    affiliate_rows(text, rows, custom_actors=_custom_actors(res))
    link_number_speakers(rows)
    return rows


def extract_text(
    text: str,
    *,
    doc_id: str = "",
    source: str = "",
    headline: bool = True,
    families: Iterable[str] | None = None,
    resources: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Evidence for one article's text (the same table :func:`extract` returns).

    Examples
    --------
    >>> ev = extract_text("Kyiv says\\nExperts suggest the strike may have killed about 40 people.")
    >>> sorted(set(ev["family"]) & {"hedge", "number"})
    ['hedge', 'number']
    """
    mods = _modules(families)
    rows = _rows_for(text, headline, mods, _resources(mods, resources))
    for r in rows:
        r["doc_id"], r["source"] = doc_id, source
    ev = evidence_frame(rows)
    if families is not None:
        ev = ev[ev["family"].isin(set(families))].reset_index(drop=True)
    return ev


# ----------------------------------------------------------------------------- cache


def _affiliation_module() -> ModuleType:
    return importlib.import_module("contrast.affiliation")


@lru_cache(maxsize=1)
def _default_fingerprint() -> str:
    """Hash of the bundled lexicons and the versions the results depend on."""
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
    for mod in [importlib.import_module(f"contrast.features.{m}") for m in MODULES] + [_affiliation_module()]:
        if mod.__file__:
            with open(mod.__file__, "rb") as fh:
                h.update(fh.read())
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


class _Cache:
    """Evidence per (text hash, headline flag, resources fingerprint), LRU in memory.

    A serial run stores an article's rows; a parallel run stores the article's
    slice of the table a worker sent back, so filling the cache costs it no
    conversion.
    """

    def __init__(self, max_docs: int = 20_000):
        self.max_docs = max_docs
        self._store: OrderedDict[tuple[str, bool, str], _Cached] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: tuple[str, bool, str]) -> _Cached | None:
        rows = self._store.get(key)
        if rows is None:
            self.misses += 1
            return None
        self._store.move_to_end(key)
        self.hits += 1
        return rows

    def put(self, key: tuple[str, bool, str], rows: _Cached) -> None:
        self._store[key] = rows
        if len(self._store) > self.max_docs:
            self._store.popitem(last=False)

    def clear(self) -> None:
        self._store.clear()
        self.hits = self.misses = 0


_CACHE = _Cache()


def clear_cache() -> None:
    """Forget cached evidence (e.g. after editing a bundled lexicon file in place)."""
    _CACHE.clear()
    _default_fingerprint.cache_clear()


def _text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# ----------------------------------------------------------------------------- drivers


def _extract_records(
    items: list[tuple[str, str, str, bool]],
    families: tuple[str, ...] | None,
    resources: Mapping[str, Any] | None,
    progress: bool = False,
) -> _Rows:
    """Evidence rows of every article, computed here (no cache)."""
    mods = _modules(families)
    res = _resources(mods, resources)
    it: Iterable[tuple[str, str, str, bool]] = items
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(items, desc="extract", unit="article", file=sys.stderr)
    out: _Rows = []
    for doc_id, source, text, headline in it:
        out.extend({**r, "doc_id": doc_id, "source": source} for r in _rows_for(text, headline, mods, res))
    return out


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


#: parallel tasks: at least this many per worker (even hand-out at the end), at most _TASK_MAX articles each
_TASKS_PER_WORKER = 4
_TASK_MAX = 250


def _task_size(n: int, workers: int) -> int:
    """Articles per parallel task: small tasks keep both cores busy to the end; 250 amortise the hand-over."""
    return max(1, min(_TASK_MAX, -(-n // (workers * _TASKS_PER_WORKER))))


def _frame(items: list[tuple[str, str, str, bool]], families: tuple[str, ...] | None,
           resources: Mapping[str, Any] | None) -> pd.DataFrame:
    """Evidence of a chunk of articles as a DataFrame (cheap to send between processes)."""
    return _frame_counts(items, families, resources)[0]


def _frame_counts(items: list[tuple[str, str, str, bool]], families: tuple[str, ...] | None,
                  resources: Mapping[str, Any] | None) -> tuple[pd.DataFrame, list[int]]:
    """:func:`_frame` and the number of rows of each article, so the caller can cache each one."""
    mods = _modules(families)
    res = _resources(mods, resources)
    out: _Rows = []
    counts = []
    for doc_id, source, text, headline in items:
        rows = _rows_for(text, headline, mods, res)
        counts.append(len(rows))
        out.extend({**r, "doc_id": doc_id, "source": source} for r in rows)
    return evidence_frame(out), counts


def _cached(items: list[tuple[str, str, str, bool]], fams: tuple[str, ...] | None,
            resources: Mapping[str, Any] | None, workers: int, fp: str, progress: bool) -> pd.DataFrame:
    """Extraction that reuses and fills the cache: only unseen articles are extracted.

    A serial run caches each article's rows; a parallel run caches each
    article's slice of the table its worker sent back. Either serves later
    runs of either kind.
    """
    keys = [(_text_key(t), h, fp) for _, _, t, h in items]
    got = [_CACHE.get(k) for k in keys]
    todo = [i for i, g in enumerate(got) if g is None]
    if todo and workers == 1:
        mods = _modules(fams)
        res = _resources(mods, resources)
        it: Iterable[int] = todo
        if progress:
            from tqdm.auto import tqdm

            it = tqdm(todo, desc="extract", unit="article", file=sys.stderr)
        for i in it:
            got[i] = rows = _rows_for(items[i][2], items[i][3], mods, res)
            _CACHE.put(keys[i], rows)
    elif todo:
        from joblib import Parallel, delayed

        size = _task_size(len(todo), workers)
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        parts = Parallel(n_jobs=workers)(
            delayed(_frame_counts)([items[i] for i in c], fams, resources) for c in chunks)
        for chunk, (frame, counts) in zip(chunks, parts, strict=True):
            lo = 0
            for i, n in zip(chunk, counts, strict=True):
                got[i] = piece = _Slice(frame, lo, lo + n)
                _CACHE.put(keys[i], piece)
                lo += n
    return _assemble(items, got)


def _assemble(items: list[tuple[str, str, str, bool]], got: list[_Cached | None]) -> pd.DataFrame:
    """The evidence table of ``items`` in order from their cached rows and table slices.

    Runs of articles with rows become one table; runs whose slices are adjacent
    in one worker table become one slice of it, with their ids and sources.
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
            lens = [g.hi - g.lo for g in (got[i] for i in run) if isinstance(g, _Slice)]
            # this run's ids and sources: the same text may come back under another id
            ids = np.repeat([items[i][0] for i in run], lens)
            srcs = np.repeat([items[i][1] for i in run], lens)
            pieces.append(first.frame.iloc[first.lo:last.hi].assign(doc_id=ids, source=srcs).astype(
                {"doc_id": EVIDENCE_COLUMNS["doc_id"], "source": EVIDENCE_COLUMNS["source"]}))
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
    ev = _frame(_items(part), families, resources)
    if families is not None:
        ev = ev[ev["family"].isin(set(families))]
    return ev.reset_index(drop=True)




def extract(
    corpus: Any,
    *,
    families: Iterable[str] | None = None,
    resources: Mapping[str, Any] | None = None,
    actors: Any = None,
    sides: Any = None,
    n_jobs: int = 1,
    cache: bool = True,
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
        Worker processes; -1 uses every core. Results equal ``n_jobs=1``.
    cache : bool, default True
        Reuse evidence of articles seen before in this process with the same
        text, lexicons and package versions (with any ``n_jobs``: only unseen
        articles are extracted).
    progress : bool, optional
        Progress bar on stderr (default: for more than 300 articles).

    Returns
    -------
    DataFrame
        The evidence table: one row per matched span with the columns of
        :data:`contrast.evidence.EVIDENCE_COLUMNS`; ``text[start:end] == span``.

    Examples
    --------
    >>> import contrast
    >>> ev = contrast.extract(contrast.load_corpus(contrast.demo_path()))
    >>> {"sentiment", "attribution", "hedge", "number", "naming"} <= set(ev["family"])
    True
    """
    fams = tuple(families) if families is not None else None
    _modules(fams)  # validate names early
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
        ev = _cached(items, fams, resources, workers, fp, show)
    elif workers == 1:
        ev = evidence_frame(_extract_records(items, fams, resources, progress=show))
    else:
        from joblib import Parallel, delayed

        # joblib keeps its worker processes alive between calls: only the first
        # parallel call pays for starting them and loading the lexicons.
        size = _task_size(len(items), workers)
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        parts = Parallel(n_jobs=workers)(delayed(_frame)(c, fams, resources) for c in chunks)
        ev = pd.concat(parts, ignore_index=True) if parts else evidence_frame([])
    if fams is not None:
        ev = ev[ev["family"].isin(set(fams))].reset_index(drop=True)
    if sides is not None:
        ev = apply_sides(ev, sides)
    return ev
