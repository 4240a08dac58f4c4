"""Run every extractor over a corpus and return the evidence table."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any

import pandas as pd

from contrast.evidence import evidence_frame
from contrast.features import MODULES
from contrast.text import segment

__all__ = ["extract", "extract_text"]


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


def _resources(mods: list[ModuleType], given: Mapping[str, Any] | None) -> dict[str, Any]:
    given = dict(given or {})
    unknown = set(given) - set(MODULES)
    if unknown:
        raise ValueError(f"unknown resources {sorted(unknown)}; keys are module names {list(MODULES)}")
    out: dict[str, Any] = {}
    for m in mods:
        name = m.__name__.rsplit(".", 1)[1]
        out[name] = given[name] if name in given else m.default_resources()
    return out


def link_number_speakers(rows: list[dict[str, Any]]) -> None:
    """Give each number the speaker of the attribution whose sentence or content holds it."""
    attrs = [r for r in rows if r["family"] == "attribution" and r.get("speaker")]
    if not attrs:
        return
    for r in rows:
        if r["family"] != "number":
            continue
        best = None
        for a in attrs:
            cs, ce = a.get("content_start"), a.get("content_end")
            if cs is not None and ce is not None and cs <= r["start"] and r["end"] <= ce:
                best = a
                break
            if a.get("sent_id") == r.get("sent_id") and best is None:
                best = a
        if best is not None:
            r["speaker"] = best.get("speaker")
            r["speaker_resolved"] = best.get("speaker_resolved")
            r.setdefault("actor", best.get("actor"))
            if r.get("actor") is None:
                r["actor"] = best.get("actor")


def extract_text(
    text: str,
    *,
    doc_id: str = "",
    source: str = "",
    headline: bool = True,
    mods: list[ModuleType] | None = None,
    resources: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Evidence rows (dicts) for one article's text."""
    mods = _modules(None) if mods is None else mods
    res = _resources(mods, resources)
    doc = segment(text, doc_id=doc_id, source=source, headline=headline)
    rows: list[dict[str, Any]] = []
    for m in mods:
        for r in m.extract(doc, res[m.__name__.rsplit(".", 1)[1]]):
            r.setdefault("doc_id", doc_id)
            r.setdefault("source", source)
            if "sent_id" not in r:
                r["sent_id"] = doc.sent_id(r["start"])
            rows.append(r)
    link_number_speakers(rows)
    return rows


def extract(
    corpus: pd.DataFrame,
    *,
    families: Iterable[str] | None = None,
    resources: Mapping[str, Any] | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Extract evidence from every article of a corpus.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`contrast.load_corpus` (needs ``doc_id, source, text``).
    families : iterable of str, optional
        Restrict to these evidence families (default: all).
    resources : mapping, optional
        Custom lexicons per extractor module, e.g.
        ``{"hedging": hedging.Resources.from_terms(...)}``.
    progress : bool, optional
        Show a progress bar on stderr (default: for more than 300 articles).

    Returns
    -------
    DataFrame
        The evidence table: one row per matched span, columns
        :data:`contrast.evidence.EVIDENCE_COLUMNS`; ``text[start:end] == span``.
    """
    missing = [c for c in ("doc_id", "source", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"corpus lacks columns {missing}; columns found: {list(corpus.columns)}; "
                         "load it with contrast.load_corpus")
    mods = _modules(families)
    res = _resources(mods, resources)
    has_title = corpus["has_title"] if "has_title" in corpus.columns else pd.Series(True, index=corpus.index)
    it: Iterable[Any] = zip(corpus["doc_id"], corpus["source"], corpus["text"], has_title, strict=True)
    if progress or (progress is None and len(corpus) > 300):
        from tqdm.auto import tqdm

        it = tqdm(it, total=len(corpus), desc="extract", unit="article", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    for doc_id, source, text, ht in it:
        rows.extend(extract_text(str(text), doc_id=str(doc_id), source=str(source),
                                 headline=bool(ht), mods=mods, resources=res))
    ev = evidence_frame(rows)
    if families is not None:
        ev = ev[ev["family"].isin(set(families))].reset_index(drop=True)
    return ev
