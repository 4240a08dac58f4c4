"""Evidence -> tables: one row per sentence, per article, per outlet; pairwise contrasts.

Every figure is a *ratio of sums* of evidence counts, so it can be computed
for a sentence, an article or an outlet alike and traced back to the
sentences behind it. Column names are snake_case and family-prefixed:

=================================  ==================================================
column                              meaning
=================================  ==================================================
``<family>_n``                      evidence rows of the family (``hedge_n``)
``<family>_<label>_n``              rows with that label (``number_casualties_n``)
``<x>_per_1k``                      ``1000 * <x>_n / n_words`` (``hedge_per_1k``)
``<x>_share``                       ``<x>_n`` over its parent count: attribution
                                    shares over ``attribution_n``, naming variant
                                    ``naming_<set>__<variant>_share`` over
                                    ``naming_<set>_n``, ``sentiment_<label>_share``
                                    over ``sentiment_n``, ``unattributed_share``
                                    over ``n_body_sentences``
``sentiment_mean``                  mean VADER compound of the sentences
``sentiment_<actor>_mean``          mean compound toward the actor's mentions
                                    (``sentiment_<actor>_n`` mentions scored)
``attribution_speaker_<type>_*``    attributions by speaker type (named, title, ...)
``attribution_cited_n``             attributions that cite a speaker (not agentless)
``attribution_actor_<group>_*``     cited speakers by side (who is quoted; shares over
                                    ``attribution_cited_n``; ``other`` = another or
                                    unknown side)
``attribution_quote_<kind>_*``      direct / indirect quotations
=================================  ==================================================

A ratio whose denominator is zero is NaN (an empty article has no rate), never
an error.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from contrast import stats
from contrast.evidence import EVIDENCE_COLUMNS, FAMILIES
from contrast.features.attribution import SPEAKER_TYPES, STANCES
from contrast.io import write_csv, write_parquet
from contrast.text import count_words, segment

__all__ = [
    "SmallSampleWarning",
    "sentences",
    "articles",
    "compare",
    "contrast_pair",
    "to_long",
    "feature_columns",
    "shares",
    "actor_sentiment",
    "naming_shares",
    "numbers_table",
    "compare_stream",
    "conform_articles",
    "union_columns",
    "export_table",
    "pairwise",
    "sentence_units",
    "articles_and_units",
    "FEATURE_LABELS",
    "feature_label",
]

#: Attribution stances and speaker types (kept as columns even when absent) are
#: the attribution extractor's own lists: STANCES, SPEAKER_TYPES.
#: Number categories.
NUMBER_CATEGORIES = ("casualties", "percent", "money", "date", "time", "count", "ordinal", "other")
SENTIMENT_LABELS = ("negative", "neutral", "positive")

# families whose labels are rated per 1,000 words
_LABEL_FAMILIES = ("hedge", "booster", "number", "attribution", "custom")
# families rated per 1,000 words as a whole
_RATE_FAMILIES = ("hedge", "booster", "number", "naming", "attribution", "actor", "custom")
_META_EXCLUDE = {"text", "removed", "has_title", "path"}
_BASE_COUNTS = ("n_words", "n_sentences", "n_body_sentences")
_SUFFIXES = ("_per_1k", "_share", "_mean")

#: Readable names of common features for charts and reports.
FEATURE_LABELS: dict[str, str] = {
    "hedge_per_1k": "Hedges",
    "booster_per_1k": "Boosters",
    "attribution_per_1k": "Attributions",
    "attribution_neutral_per_1k": "Neutral attributions (said)",
    "attribution_distancing_per_1k": "Distancing attributions (claimed)",
    "attribution_endorsing_per_1k": "Endorsing attributions (confirmed)",
    "attribution_emphatic_per_1k": "Emphatic attributions (stressed)",
    "attribution_accusation_per_1k": "Agentless accusations",
    "attribution_speaker_anonymous_per_1k": "Anonymous sources",
    "number_per_1k": "Numbers cited",
    "number_casualties_per_1k": "Casualty figures",
    "naming_per_1k": "Contested names",
    "actor_per_1k": "Actor mentions",
    "unattributed_share": "Unattributed sentences (share)",
    "sentiment_mean": "Mean sentence sentiment",
}


def feature_label(feature: str) -> str:
    """A readable name for a feature column, for charts and reports.

    Examples
    --------
    >>> feature_label("hedge_per_1k")
    'Hedges'
    >>> feature_label("attribution_speaker_title_share")
    'Attribution: speaker title (share)'
    """
    if feature in FEATURE_LABELS:
        return FEATURE_LABELS[feature]
    if feature.startswith("naming_") and "__" in feature:
        from contrast.codebook import label

        return label(feature)  # "Naming kyiv kiev: kiev (share of the set)"
    for suffix, unit in (("_per_1k", "per 1k words"), ("_share", "share"), ("_mean", "mean")):
        if feature.endswith(suffix):
            base = feature[: -len(suffix)]
            fam, _, rest = base.partition("_")
            rest = rest.replace("__", ": ").replace("_", " ")
            head = fam.capitalize() + (f": {rest}" if rest else "")
            return f"{head} ({unit})"
    return feature


@lru_cache(maxsize=65536)
def _snake(s: Any) -> str:
    out = re.sub(r"\W+", "_", str(s).strip().lower()).strip("_")
    return out or "x"


# --------------------------------------------------------------------------- sentences


def _has_title(corpus: pd.DataFrame) -> pd.Series:
    if "has_title" in corpus.columns:
        return corpus["has_title"].fillna(True).astype(bool)
    return pd.Series(True, index=corpus.index)


def _check_corpus(corpus: pd.DataFrame) -> None:
    missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"corpus lacks columns {missing}; columns found: {list(corpus.columns)}; "
                         "load it with contrast.load_corpus")


def _check_evidence_columns(evidence: pd.DataFrame) -> None:
    missing = [c for c in ("doc_id", "family") if c not in evidence.columns]
    if missing:
        raise ValueError(f"evidence lacks columns {missing}; expected the columns of contrast.extract "
                         f"({list(EVIDENCE_COLUMNS)})")


def _check_evidence(evidence: pd.DataFrame) -> pd.DataFrame:
    _check_evidence_columns(evidence)
    missing = [c for c in EVIDENCE_COLUMNS if c not in evidence.columns]
    if not missing:
        return evidence  # its callers only read it (a copy of a 20 MB article's evidence is 80 MB)
    ev = evidence.copy()
    for c in missing:
        ev[c] = pd.NA
    return ev


def _sentence_spans_from_evidence(evidence: pd.DataFrame | None) -> dict[str, list[tuple[int, int]]]:
    """Sentence spans per article from its ``sentiment`` rows (one per sentence), where complete."""
    if evidence is None or not len(evidence) or "family" not in evidence.columns:
        return {}
    sent = evidence.loc[evidence["family"] == "sentiment", ["doc_id", "sent_id", "start", "end"]]
    if not len(sent) or sent[["sent_id", "start", "end"]].isna().any().any():
        return {}
    sent = sent.assign(doc_id=sent["doc_id"].astype(str)).sort_values(["doc_id", "sent_id"], kind="stable")
    docs = sent["doc_id"].to_numpy()
    sid = sent["sent_id"].to_numpy(dtype=np.int64)
    st = sent["start"].to_numpy(dtype=np.int64).tolist()
    en = sent["end"].to_numpy(dtype=np.int64).tolist()
    first = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
    counts = np.diff(np.r_[first, len(docs)])
    position = np.arange(len(docs)) - np.repeat(first, counts)
    broken = set(docs[sid != position])  # a sentence without its row: segment that article again
    return {docs[f]: list(zip(st[f:f + c], en[f:f + c], strict=True))
            for f, c in zip(first.tolist(), counts.tolist(), strict=True) if docs[f] not in broken}


def _segment_corpus(corpus: pd.DataFrame, evidence: pd.DataFrame | None = None
                    ) -> tuple[pd.DataFrame, dict[str, list[int]]]:
    """Sentence frame (doc_id, sent_id, start, end, n_words, ...) and sentence starts per doc.

    Sentences are those of the evidence's ``sentiment`` rows where they cover
    an article (the same spans :func:`contrast.text.segment` gives, without
    splitting the text again), else from :func:`contrast.text.segment`.
    """
    known = _sentence_spans_from_evidence(evidence)
    rows: list[tuple[str, int, int, int, int, int]] = []
    starts: dict[str, list[int]] = {}
    for doc_id, text, ht in zip(corpus["doc_id"].astype(str), corpus["text"], _has_title(corpus), strict=True):
        text = "" if text is None or (isinstance(text, float) and np.isnan(text)) else str(text)
        spans = known.get(doc_id)
        if spans is None or (spans and spans[-1][1] > len(text)):
            spans = segment(text, doc_id=doc_id, headline=bool(ht)).sentences
        starts[doc_id] = [s for s, _ in spans]
        for i, (s, e) in enumerate(spans):
            rows.append((doc_id, i, s, e, count_words(text, s, e), 0 if (ht and i == 0) else 1))
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "n_words", "n_body_sentences"])
    frame["n_sentences"] = 1
    return frame.astype({"doc_id": "string", "sent_id": "int64", "start": "int64", "end": "int64",
                         "n_words": "int64", "n_body_sentences": "int64", "n_sentences": "int64"}), starts


class _Names:
    """Count-column names of evidence rows, built once per distinct combination (not once per row).

    A name is the concatenation of constant pieces and per-row values; the
    values are factorised first, so a 250,000-row evidence table costs a few
    hundred strings, and each row carries the integer code of its name.
    """

    def __init__(self, n: int):
        self.n = n
        self.vocab: dict[str, int] = {}  # name -> column code, in order of first appearance

    def codes(self, *pieces: Any) -> tuple[np.ndarray, list[str]]:
        """Per-row codes of ``"".join(pieces)`` (each piece a str or a Series) and the name of each code."""
        combined = np.zeros(self.n, dtype=np.int64)
        levels: list[Any] = []
        for p in pieces:
            if isinstance(p, pd.Series):
                c, u = pd.factorize(p.to_numpy(dtype=object))
                combined = combined * len(u) + c
                levels.append(list(u))
            else:
                levels.append(str(p))
        dense, uniq = pd.factorize(combined)
        names = []
        for v in np.asarray(uniq, dtype=np.int64).tolist():
            parts: list[str] = []
            for lev in reversed(levels):
                if isinstance(lev, str):
                    parts.append(lev)
                else:
                    v, i = divmod(v, len(lev))
                    parts.append(str(lev[i]))
            names.append("".join(reversed(parts)))
        return dense.astype(np.int64), names


def _snaked(values: pd.Series, fill: str) -> pd.Series:
    """``values`` as strings with NA as ``fill``, in :func:`_snake` form (computed once per distinct value)."""
    codes, uniq = pd.factorize(values.astype("string").fillna(fill))  # no Python string per row
    return pd.Series(np.asarray([_snake(u) for u in uniq], dtype=object)[codes] if len(uniq) else [],
                     index=values.index, dtype=object)


def _count_cells(ev: pd.DataFrame) -> _Cells:
    """Counts and sums per (doc_id, sent_id) of the evidence rows, sparse, columns in order of first use.

    Memory: a few integer arrays of the evidence's length, never a string
    per evidence row.
    """
    n = len(ev)
    fam = _snaked(ev["family"], "unknown")
    label = _snaked(ev["label"], "none")
    names = _Names(n)
    unit: list[tuple[np.ndarray, np.ndarray]] = []  # (rows, column codes), each row counting 1
    summed: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (rows, column codes, values)

    def add(mask: Any, coded: tuple[np.ndarray, list[str]], value: Any = None) -> None:
        rows = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not len(rows):
            return
        codes, local = coded
        sub = codes[rows]
        lut = np.full(len(local), -1, dtype=np.int64)
        for c in pd.unique(sub).tolist():  # global codes in order of first appearance, as the names appear
            lut[c] = names.vocab.setdefault(local[c], len(names.vocab))
        if value is None:
            unit.append((rows, lut[sub]))
        else:
            summed.append((rows, lut[sub], np.asarray(value, dtype=float)[rows]))

    everything = np.ones(n, dtype=bool)
    add(everything, names.codes(fam, "_n"))
    special = {"sentiment", "actor", "naming", "unattributed"}
    is_label_fam = (~fam.isin(list(special))).to_numpy()
    add(is_label_fam, names.codes(fam, "_", label, "_n"))
    compound = pd.to_numeric(ev["compound"], errors="coerce").astype(float)
    scored = compound.notna().to_numpy()
    score = compound.fillna(0.0).to_numpy()
    sent = (fam == "sentiment").to_numpy()
    add(sent, names.codes("sentiment_", label, "_n"))
    add(sent & scored, names.codes("sentiment_sum"), score)
    add(sent & scored, names.codes("sentiment_scored_n"))
    actor = _snaked(ev["actor"], "other")
    act = (fam == "actor").to_numpy()
    add(act, names.codes("actor_", actor, "_n"))
    add(act & scored, names.codes("sentiment_", actor, "_n"))
    add(act & scored, names.codes("sentiment_", actor, "_sum"), score)
    att = (fam == "attribution").to_numpy()
    add(att, names.codes("attribution_speaker_", _snaked(ev["speaker_type"], "unknown"), "_n"))
    # who is quoted: the side of each cited speaker, over the attributions that cite one
    # (``attribution_cited_n``), as contrast.voices counts them; an agentless cue ("reportedly")
    # quotes no one and is no speaker of side "other"
    cited = att & cites_speaker(ev)
    add(cited, names.codes("attribution_cited_n"))
    add(cited, names.codes("attribution_actor_", actor, "_n"))
    quote = ev["quote"].astype("string")
    add(att & quote.notna().to_numpy(), names.codes("attribution_quote_", _snaked(quote, "none"), "_n"))
    nam = (fam == "naming").to_numpy()
    if nam.any():
        nset = _snaked(ev["label"], "names")
        # naming rows only: the other rows' spans include every sentence of the text
        variant = _snaked(ev["variant"].astype("string").where(nam).fillna(ev["span"].astype("string").where(nam)),
                          "x")
        add(nam, names.codes("naming_", nset, "_n"))
        add(nam, names.codes("naming_", nset, "__", variant, "_n"))
    order = list(names.vocab)
    # the (doc_id, sent_id) of each row, as one integer, and the distinct pairs in order of first appearance
    doc_codes, docs = pd.factorize(ev["doc_id"])
    sid = ev["sent_id"].to_numpy(dtype=np.int64)
    pair, uniq = pd.factorize(doc_codes.astype(np.int64) * (int(sid.max(initial=0)) + 1) + sid)
    sums = None
    if summed:  # sums of scores as pandas sums them (compensated), row order kept within each cell
        rows = np.concatenate([r for r, _, _ in summed])
        cells = pd.DataFrame({"p": pair[rows], "c": np.concatenate([c for _, c, _ in summed]),
                              "v": np.concatenate([v for _, _, v in summed])})
        got = cells.groupby(["p", "c"], sort=False)["v"].sum()
        sums = (got.index.get_level_values(0).to_numpy(), got.index.get_level_values(1).to_numpy(), got.to_numpy())
    width = len(docs) and (int(sid.max(initial=0)) + 1)
    u = np.asarray(uniq, dtype=np.int64)
    index = pd.MultiIndex.from_arrays(
        [pd.array(np.asarray(docs, dtype=object)[u // width] if width else [], dtype="string"),
         u % width if width else u], names=["doc_id", "sent_id"])
    return _Cells(order, index, [(pair[rows], cols) for rows, cols in unit], sums)


class _Cells:
    """The counts of :func:`_count_cells`, sparse: one entry per (evidence row, count column).

    ``index`` holds the distinct (doc_id, sent_id) pairs, ``units`` the
    (pair, column) entries counting 1 each, ``sums`` the (pair, column, sum)
    cells of summed scores; columns are codes into ``order``.
    """

    def __init__(self, order: list[str], index: pd.MultiIndex, units: list[tuple[np.ndarray, np.ndarray]],
                 sums: tuple[np.ndarray, np.ndarray, np.ndarray] | None):
        self.order, self.index, self.units, self.sums = order, index, units, sums


def _count_matrix(ev: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Counts and sums per (doc_id, sent_id) of the evidence rows, wide, and the columns in order of first use.

    The wide table has one row per (doc_id, sent_id) that has evidence and
    one column per count column (``*_n``: rows counted; ``*_sum``: summed
    compound scores), both in order of first appearance; absent contributions are 0.
    """
    cells = _count_cells(ev)
    return _count_matrix_of(cells), cells.order


_COUNT_DTYPE = np.int32  # of the sentence table's count columns (see _with_counts)


def _with_counts(frame: pd.DataFrame, cells: _Cells, count_cols: list[str]) -> pd.DataFrame:
    """The sentence frame with its count columns: ``cells.order``, then the other ``count_cols``, zero-filled.

    Counts go straight into one integer and one float array of the frame's
    length (a dense wide table joined, filled and cast took four copies of
    it: on a 20 MB article, 170,000 sentences x 100 columns each).
    """
    seen = set(cells.order)
    names = [*cells.order, *(c for c in count_cols if c not in seen and c not in frame.columns)]
    n = len(frame)
    to_frame = np.full(len(cells.index), -1, dtype=np.int64)  # pair -> its row of the frame
    if len(cells.index):
        pos = cells.index.get_indexer(pd.MultiIndex.from_arrays([frame["doc_id"], frame["sent_id"]]))
        hit = np.flatnonzero(pos >= 0)
        if len(np.unique(pos[hit])) != len(hit):  # a repeated (doc_id, sent_id) gets the counts of each
            wide = _count_matrix_of(cells)
            out = frame.join(wide, on=["doc_id", "sent_id"])
            for c in names:
                if c not in out.columns:
                    out[c] = 0.0
            out[names] = out[names].fillna(0.0)
            int_cols = [c for c in names if not c.endswith("_sum")]
            out[int_cols] = out[int_cols].astype("int64")
            return out
        to_frame[pos[hit]] = hit
    int_names = [c for c in names if not c.endswith("_sum")]
    sum_names = [c for c in names if c.endswith("_sum")]
    where = {c: i for i, c in enumerate(int_names)} | {c: i for i, c in enumerate(sum_names)}
    lut = np.array([where[c] for c in cells.order], dtype=np.int64)
    # int32: a sentence's counts are small, and a 20 MB article's 175,000 sentences x 93 count columns
    # took 130 MB as int64 (the public sentence tables are int64 again: _int64_counts)
    ints = np.zeros((n, len(int_names)), dtype=_COUNT_DTYPE)
    sums = np.zeros((n, len(sum_names)))
    for pairs, cols in cells.units:
        rows = to_frame[pairs]
        ok = rows >= 0
        np.add.at(ints, (rows[ok], lut[cols[ok]]), 1)
    if cells.sums is not None:
        rows = to_frame[cells.sums[0]]
        ok = rows >= 0
        sums[rows[ok], lut[cells.sums[1][ok]]] = cells.sums[2][ok]
    kind = set(int_names)
    counts = pd.DataFrame({c: ints[:, where[c]] if c in kind else sums[:, where[c]] for c in names},
                          index=frame.index, copy=False)
    return pd.concat([frame, counts], axis=1)


def _count_matrix_of(cells: _Cells) -> pd.DataFrame:
    """The wide table of :func:`_count_matrix` from its cells."""
    mat = np.zeros((len(cells.index), len(cells.order)))
    for pairs, cols in cells.units:
        np.add.at(mat, (pairs, cols), 1.0)
    if cells.sums is not None:
        mat[cells.sums[0], cells.sums[1]] = cells.sums[2]
    return pd.DataFrame(mat, index=cells.index, columns=pd.Index(cells.order, dtype=object, name="column"))


def _default_count_columns() -> list[str]:
    cols = [f"{f}_n" for f in FAMILIES]
    cols += [f"attribution_{s}_n" for s in STANCES]
    cols += ["attribution_cited_n"]
    cols += [f"attribution_speaker_{t}_n" for t in SPEAKER_TYPES]
    cols += [f"number_{c}_n" for c in NUMBER_CATEGORIES]
    cols += [f"sentiment_{lab}_n" for lab in SENTIMENT_LABELS]
    cols += ["sentiment_sum", "sentiment_scored_n"]
    try:
        from contrast.actors import default_actors

        groups = [_snake(g) for g in default_actors().groups]
    except Exception:  # pragma: no cover - the preset is bundled
        groups = []
    for g in [*groups, "other"]:
        cols += [f"actor_{g}_n", f"sentiment_{g}_n", f"sentiment_{g}_sum", f"attribution_actor_{g}_n"]
    return cols


def _family_of(col: str, families: Sequence[str]) -> str:
    for f in sorted(families, key=len, reverse=True):
        if col == f"{f}_n" or col.startswith(f + "_"):
            return f
    return col.split("_", 1)[0]


def _derived_specs(count_cols: Iterable[str]) -> list[str]:
    """Names of the rates, shares and means computable from ``count_cols``."""
    cols = set(count_cols)
    out: list[str] = []
    for c in sorted(cols):
        if not c.endswith("_n") or c in _BASE_COUNTS:
            continue
        base = c[:-2]
        fam, _, rest = base.partition("_")
        if base == "unattributed":
            out.append("unattributed_share")
        elif fam == "sentiment":
            if rest in SENTIMENT_LABELS:
                out.append(f"{base}_share")
            elif rest and rest != "scored" and f"{base}_sum" in cols:
                out.append(f"{base}_mean")
        elif fam == "naming":
            if "__" in base:
                out.append(f"{base}_share")
            elif not rest:
                out.append("naming_per_1k")
        elif fam == "attribution":
            out.append(f"{base}_per_1k")
            if rest:
                out.append(f"{base}_share")
        else:  # hedge, booster, number, actor, custom and any user family
            out.append(f"{base}_per_1k")
    if "sentiment_sum" in cols:
        out.append("sentiment_mean")
    return out


def cites_speaker(evidence: pd.DataFrame) -> np.ndarray:
    """Rows whose speaker is read (``speaker_start`` or ``speaker`` given): the cited speakers of
    attribution rows, as :func:`contrast.voices.speakers` and the ``attribution_actor_*`` features count them."""
    mask = np.zeros(len(evidence), dtype=bool)
    for col in ("speaker_start", "speaker"):
        if col in evidence.columns:
            vals = evidence[col]
            mask |= (vals.notna() & (vals.astype("string").str.strip() != "").fillna(False)).to_numpy(bool)
    return mask


def _share_parent(base: str) -> str:
    if base == "unattributed":
        return "n_body_sentences"
    if base.startswith("attribution_actor_"):
        return "attribution_cited_n"  # the side shares of cited speakers
    if base.startswith("naming_") and "__" in base:
        return base.split("__", 1)[0] + "_n"
    return base.split("_", 1)[0] + "_n"


def _num_den(frame: pd.DataFrame, feature: str, col: Any = None) -> tuple[np.ndarray, np.ndarray, float]:
    """Numerator, denominator and scale of ``feature`` for every row of ``frame``.

    ``col`` (name -> numeric array, zeros when absent) replaces the column
    lookup, so that a caller can convert a wide frame once.
    """
    if col is None:
        def col(name: str) -> np.ndarray:
            if name not in frame.columns:
                return np.zeros(len(frame))
            return pd.to_numeric(frame[name], errors="coerce").fillna(0.0).to_numpy(float)

    if feature.endswith("_per_1k"):
        return col(feature[: -len("_per_1k")] + "_n"), col("n_words"), 1000.0
    if feature.endswith("_share"):
        base = feature[: -len("_share")]
        return col(base + "_n"), col(_share_parent(base)), 1.0
    if feature.endswith("_mean"):
        base = feature[: -len("_mean")]
        n = col("sentiment_scored_n" if base == "sentiment" else base + "_n")
        if f"{base}_sum" in frame.columns:
            return col(f"{base}_sum"), n, 1.0
        return col(feature) * n, n, 1.0
    raise ValueError(f"cannot compare {feature!r}: features end in {list(_SUFFIXES)}")


def _derive(frame: pd.DataFrame, count_cols: Sequence[str]) -> pd.DataFrame:
    feats = _derived_specs(count_cols)
    new = {}
    for f in feats:
        num, den, scale = _num_den(frame, f)
        with np.errstate(divide="ignore", invalid="ignore"):
            new[f] = np.where(den > 0, scale * num / np.where(den > 0, den, 1.0), np.nan)
    return pd.concat([frame, pd.DataFrame(new, index=frame.index)], axis=1)


def _order_columns(meta: list[str], count_cols: list[str], feats: list[str]) -> list[str]:
    fams = list(dict.fromkeys([*FAMILIES, *(c.split("_", 1)[0] for c in count_cols)]))
    order = {f: i for i, f in enumerate(fams)}

    def key(c: str) -> tuple[int, int, str]:
        fam = _family_of(c, fams)
        kind = 0 if c == f"{fam}_n" else 1 if c.endswith("_n") or c.endswith("_sum") else 2
        return order.get(fam, len(order)), kind, c

    return meta + list(_BASE_COUNTS) + sorted(count_cols + feats, key=key)


#: the evidence columns the sentence counts read
_COUNT_INPUT = ("doc_id", "sent_id", "start", "end", "span", "family", "label", "speaker_type", "quote",
                "compound", "actor", "variant", "speaker_start", "speaker")


def _sentence_counts(evidence: pd.DataFrame, corpus: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    _check_corpus(corpus)
    _check_evidence_columns(evidence)
    # only the columns counted, without copying them (a 20 MB article's evidence is an 80 MB table)
    ev = pd.DataFrame({c: evidence[c] if c in evidence.columns else pd.Series(pd.NA, index=evidence.index,
                                                                                 dtype=EVIDENCE_COLUMNS[c])
                       for c in _COUNT_INPUT})
    frame, starts = _segment_corpus(corpus, ev)
    known = ev["doc_id"].astype("string").isin(list(starts)).to_numpy()
    if not known.all():
        ev = ev[known]
    ev = ev.assign(doc_id=ev["doc_id"].astype(str))
    # sentence of each row: the extractor's, else from its start offset; clipped to the article
    sid = np.array(pd.to_numeric(ev["sent_id"], errors="coerce").to_numpy(dtype=float))  # writable
    n_sent = ev["doc_id"].map({d: len(v) for d, v in starts.items()}).to_numpy(dtype=int)
    for i in np.flatnonzero(np.isnan(sid)):
        d, o = ev["doc_id"].iat[i], pd.to_numeric(ev["start"].iat[i], errors="coerce")
        sid[i] = max(0, bisect.bisect_right(starts[d], 0 if pd.isna(o) else int(o)) - 1)
    fixed = np.minimum(np.maximum(np.nan_to_num(sid), 0), n_sent - 1)
    ev = ev.assign(sent_id=np.where(n_sent == 0, -1, fixed).astype("int64"))
    if (ev["sent_id"] < 0).any():
        ev = ev[ev["sent_id"] >= 0]
    cells = _count_cells(ev.reset_index(drop=True))
    del ev
    count_cols = list(dict.fromkeys([*_default_count_columns(), *cells.order]))
    return _with_counts(frame, cells, count_cols), count_cols


def _int64_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its int32 count columns (see :func:`_with_counts`) as int64, the public tables' type."""
    narrow = [c for c in frame.columns if frame[c].dtype == np.int32]
    return frame.astype(dict.fromkeys(narrow, "int64")) if narrow else frame


def _meta(corpus: pd.DataFrame) -> pd.DataFrame:
    cols = ["doc_id", "source", "title", "date"]
    cols += [c for c in corpus.columns if c not in cols and c not in _META_EXCLUDE]
    meta = pd.DataFrame({c: corpus[c] if c in corpus.columns else pd.NA for c in cols}, index=corpus.index)
    meta["doc_id"] = meta["doc_id"].astype("string")
    return meta.reset_index(drop=True)


def sentences(evidence: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: word count, evidence counts and the derived features.

    The resampling unit of :func:`compare` when an outlet has fewer than five
    articles. Columns: the article's metadata, ``sent_id, start, end,
    n_words, n_sentences (=1), n_body_sentences`` (0 for a headline), then the
    count and feature columns described in the module docstring.

    Examples
    --------
    >>> import contrast
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> ev = contrast.evidence.evidence_frame([])
    >>> s = sentences(ev, corpus)
    >>> int(s.groupby("doc_id")["n_sentences"].sum().min()) > 5
    True
    """
    frame, count_cols = _sentence_counts(evidence, corpus)
    meta = _meta(corpus)
    frame = meta.merge(_int64_counts(frame), on="doc_id", how="inner")
    frame = _derive(frame, count_cols)
    head = [*meta.columns, "sent_id", "start", "end"]
    feats = _derived_specs(count_cols)
    return frame[_order_columns(head, count_cols, feats)]


def articles(evidence: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per article: counts, rates per 1,000 words, shares and sentiment means.

    Parameters
    ----------
    evidence : DataFrame
        From :func:`contrast.extract` (any families; absent families give
        zero counts and NaN means).
    corpus : DataFrame
        From :func:`contrast.load_corpus`; every article gets a row, even
        one without evidence, except a near-duplicate within its outlet
        (``duplicate_of`` set by :func:`contrast.load_corpus`), which its
        kept copy stands for.

    Returns
    -------
    DataFrame
        ``doc_id, source, title, date`` and the other corpus metadata
        columns, ``n_words`` (alphanumeric tokens), ``n_sentences``,
        ``n_body_sentences`` (without the headline), then per family the
        counts ``<family>_n``, ``<family>_<label>_n`` and the features
        ``*_per_1k``, ``*_share``, ``*_mean`` (see the module docstring).
        An article with no words has NaN rates.

    Examples
    --------
    >>> import contrast
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> ev = contrast.evidence.evidence_frame([
    ...     {"doc_id": corpus.doc_id[0], "family": "hedge", "label": "adverb", "start": 0, "end": 7,
    ...      "span": corpus.text[0][:7]}])
    >>> a = articles(ev, corpus)
    >>> a[["source", "hedge_n"]].values.tolist()
    [['Business Insider', 1], ['Izvestia', 0]]
    """
    corpus = _counted_once(corpus)
    return _articles_from(*_sentence_counts(evidence, corpus), evidence, corpus)


def _counted_once(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus without near-duplicate copies (flagged by load_corpus in ``duplicate_of``): each counts once."""
    if "duplicate_of" not in corpus.columns:
        return corpus.drop(columns=[c for c in ("reprint_of",) if c in corpus.columns])
    keep = (corpus["duplicate_of"].fillna("").astype(str) == "").to_numpy()
    return corpus[keep].drop(columns=[c for c in ("duplicate_of", "reprint_of") if c in corpus.columns])


def articles_and_units(evidence: pd.DataFrame, corpus: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`articles` and :func:`sentence_units` of the same evidence, segmenting once."""
    corpus = _counted_once(corpus)
    frame, count_cols = _sentence_counts(evidence, corpus)
    return _articles_from(frame, count_cols, evidence, corpus), frame


def _articles_from(frame: pd.DataFrame, count_cols: list[str], evidence: pd.DataFrame,
                   corpus: pd.DataFrame) -> pd.DataFrame:
    meta = _meta(corpus)
    sums = frame.groupby("doc_id")[[*_BASE_COUNTS, *count_cols]].sum()
    sums.index = sums.index.astype("string")
    out = meta.join(sums, on="doc_id")
    num_cols = [*_BASE_COUNTS, *count_cols]
    out[num_cols] = out[num_cols].fillna(0)
    int_cols = [c for c in num_cols if not c.endswith("_sum")]
    out[int_cols] = out[int_cols].astype("int64")
    out = _derive(out, count_cols)
    # per-article means are reported; their sums stay in the sentence table
    sum_cols = [c for c in count_cols if c.endswith("_sum")]
    out = out[_order_columns(list(meta.columns), count_cols, _derived_specs(count_cols))]
    fams = set(evidence["family"].dropna().astype(str)) if "family" in evidence.columns else set()
    if not fams & {"attribution", "unattributed"}:
        out["unattributed_share"] = np.nan  # attribution was not extracted: unknown, not zero
    return out.drop(columns=sum_cols)


# --------------------------------------------------------------------------- comparison


def feature_columns(table: pd.DataFrame) -> list[str]:
    """The comparable features of an articles table (``*_per_1k``, ``*_share``, ``*_mean``)."""
    return [c for c in table.columns if c.endswith(_SUFFIXES) and not c.endswith(("_low", "_high"))]


def _features(articles: pd.DataFrame, features: Sequence[str] | None) -> list[str]:
    if features is None:
        return feature_columns(articles)
    if isinstance(features, str):
        features = [features]
    bad = [f for f in features if not f.endswith(_SUFFIXES)]
    if bad:
        raise ValueError(f"features {bad} are not rates/shares/means; choose from {feature_columns(articles)}")
    return list(features)


def _column_getter(frame: pd.DataFrame) -> Any:
    """name -> float array of one of ``frame``'s numeric columns (NaN as 0), converted when asked for.

    (Not all at once, nor kept: a 20 MB article's sentence table is 170,000 rows x 100 columns.)
    """
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and
               not pd.api.types.is_bool_dtype(frame[c])}

    def col(name: str) -> np.ndarray:
        if name in numeric:
            return np.nan_to_num(frame[name].to_numpy(dtype=float, na_value=np.nan))
        if name not in frame.columns:
            return np.zeros(len(frame))
        return pd.to_numeric(frame[name], errors="coerce").fillna(0.0).to_numpy(float)

    return col


def _compact_column_getter(frame: pd.DataFrame) -> Any:
    """:func:`_column_getter` of ``frame`` that reads each column once and keeps it in its own type.

    Integer columns stay as they are (an int32 count column is 4 bytes an article) and
    are converted, exactly, each time they are asked for; others are kept as floats. For
    building a frame's matrices many times a block of features at a time.
    """
    col = _column_getter(frame)
    kept: dict[str, np.ndarray] = {}

    def get(name: str) -> np.ndarray:
        a = kept.get(name)
        if a is None:
            s = frame[name] if name in frame.columns else None
            ints = (s is not None and pd.api.types.is_integer_dtype(s.dtype)
                    and not pd.api.types.is_extension_array_dtype(s.dtype))
            a = kept[name] = s.to_numpy() if ints and s is not None else col(name)
        return a.astype(float) if a.dtype.kind != "f" else a

    return get


def _units_matrix(units: pd.DataFrame, features: Sequence[str], col: Any = None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    scales = []
    col = _column_getter(units) if col is None else col
    shape = (len(units), len(features))
    num, den = np.zeros(shape), np.zeros(shape)  # filled a feature at a time (no list of columns to stack)
    for j, f in enumerate(features):
        num[:, j], den[:, j], s = _num_den(units, f, col)
        scales.append(s)
    return num, den, np.asarray(scales, dtype=float)


def comparison_inputs(table: pd.DataFrame, features: Sequence[str], *, keep: Sequence[str] = ()
                      ) -> pd.DataFrame:
    """The columns of an articles table that comparing ``features`` reads, in compact types.

    ``doc_id`` (the bootstrap and permutation keys), the ``keep`` columns (e.g. the
    grouping) and each feature's numerator and denominator (see :func:`_num_den`):
    counts as int32 when they fit (NaN-free integers convert to the same floats), sums
    and means as they are. :func:`contrast.compare.pairwise` and :func:`contrast.compare.compare`
    of the result equal those of ``table``: a stream keeps this for every article instead of
    the whole table (30,000 articles: 12 MB rather than 140).
    """
    have = set(table.columns)
    need: dict[str, None] = dict.fromkeys(["doc_id", *keep, *_BASE_COUNTS])  # the sizes compare reports
    for f in features:
        if f.endswith("_per_1k"):
            need.update(dict.fromkeys([f[: -len("_per_1k")] + "_n", "n_words"]))
        elif f.endswith("_share"):
            base = f[: -len("_share")]
            need.update(dict.fromkeys([base + "_n", _share_parent(base)]))
        elif f.endswith("_mean"):
            base = f[: -len("_mean")]
            n = "sentiment_scored_n" if base == "sentiment" else base + "_n"
            need.update(dict.fromkeys([n, f"{base}_sum" if f"{base}_sum" in have else f]))
    out = table[[c for c in need if c in have]]
    narrow = {}
    for c in out.columns:
        s = out[c]
        if c in keep or c == "doc_id" or not pd.api.types.is_integer_dtype(s.dtype) or \
                pd.api.types.is_extension_array_dtype(s.dtype):
            continue
        if len(s) == 0 or (int(s.min()) >= np.iinfo(np.int32).min and int(s.max()) <= np.iinfo(np.int32).max):
            narrow[c] = np.int32
    return out.astype(narrow) if narrow else out.copy()


def union_columns(column_lists: Iterable[Sequence[str]]) -> list[str]:
    """The columns of several articles tables (e.g. chunks of one corpus), in table order."""
    seen: dict[str, None] = {}
    for cols in column_lists:
        seen.update(dict.fromkeys(cols))
    cols = list(seen)
    meta = cols[: cols.index("n_words")] if "n_words" in cols else []
    counts = [c for c in cols if c not in meta and c not in _BASE_COUNTS and not c.endswith(_SUFFIXES)]
    feats = [c for c in cols if c not in meta and c.endswith(_SUFFIXES)]
    ordered = _order_columns(meta, counts, feats)
    return ordered + [c for c in cols if c not in ordered]


def conform_articles(table: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Reindex an articles table to ``columns`` (those of a larger corpus).

    Counts absent from ``table`` are 0; rates and shares absent from it are
    recomputed from the counts (NaN where their denominator is 0), so a
    chunk that never saw, say, the variant *Kiev* gets ``0`` where its
    articles use the set and NaN where they do not.
    """
    missing = [c for c in columns if c not in table.columns]
    counts = [c for c in missing if c not in _BASE_COUNTS and not c.endswith(_SUFFIXES)]
    out = pd.concat([table, pd.DataFrame(0, index=table.index, columns=counts)], axis=1) if counts else table
    out = out.reindex(columns=list(columns))
    rates: dict[str, np.ndarray] = {}
    for f in missing:
        if f.endswith(("_per_1k", "_share")):
            num, den, scale = _num_den(out, f)
            with np.errstate(divide="ignore", invalid="ignore"):
                rates[f] = np.where(den > 0, scale * num / np.where(den > 0, den, 1.0), np.nan)
    if rates:  # assigned at once: a column at a time fragments a wide frame
        out = out.assign(**rates)
    return out.copy()


def to_long(sources: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Wide :func:`compare` output -> one row per (group, feature).

    Columns ``<by>, feature, label, estimate, ci_low, ci_high, n_articles,
    resampled``; ``label`` is a readable name for charts.
    """
    by = by or sources.attrs.get("by") or sources.columns[0]
    feats = [c for c in sources.columns if c.endswith(_SUFFIXES) and f"{c}_low" in sources.columns]
    rows = []
    for _, r in sources.iterrows():
        for f in feats:
            rows.append({by: r[by], "feature": f, "label": feature_label(f),
                         "estimate": r[f], "ci_low": r[f"{f}_low"], "ci_high": r[f"{f}_high"],
                         "n_articles": r.get("n_articles", pd.NA), "resampled": r.get("resampled", pd.NA)})
    out = pd.DataFrame(rows, columns=[by, "feature", "label", "estimate", "ci_low", "ci_high",
                                      "n_articles", "resampled"])
    out.attrs["by"] = by
    return out


# --------------------------------------------------------------------------- evidence summaries


def _ev(evidence: pd.DataFrame, family: str) -> pd.DataFrame:
    ev = _check_evidence(evidence)
    return ev[ev["family"].astype("string") == family]


def shares(
    evidence: pd.DataFrame,
    family: str,
    column: str = "label",
    *,
    by: str = "source",
    categories: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Counts and shares of a family's categories per group.

    Parameters
    ----------
    evidence : DataFrame
        The evidence table.
    family : str
        E.g. ``"attribution"``.
    column : str
        The category column: ``label`` (stance), ``speaker_type``, ``actor``
        (the speaker's side; missing = ``other``), ``quote``.
    by : str
        Grouping column of the evidence (``source``).
    categories : list of str, optional
        Categories to keep (in this order, zero-filled); default: those seen.

    Returns
    -------
    DataFrame
        Long: ``<by>, category, n, total, share`` (share of the group's rows
        of that family; NaN when the group has none).

    Examples
    --------
    >>> from contrast.evidence import evidence_frame
    >>> ev = evidence_frame([{"source": "A", "family": "attribution", "label": "neutral"},
    ...                      {"source": "A", "family": "attribution", "label": "distancing"},
    ...                      {"source": "B", "family": "attribution", "label": "neutral"}])
    >>> shares(ev, "attribution").values.tolist()
    [['A', 'distancing', 1, 2, 0.5], ['A', 'neutral', 1, 2, 0.5], ['B', 'distancing', 0, 1, 0.0], ['B', 'neutral', 1, 1, 1.0]]
    """
    ev = _check_evidence(evidence)
    if column not in ev.columns or by not in ev.columns:
        raise ValueError(f"evidence has no column {column!r} or {by!r}; columns: {list(ev.columns)}")
    groups = sorted(ev[by].dropna().astype(str).unique().tolist())
    sub = ev[ev["family"].astype("string") == family]
    fill = "other" if column == "actor" else "unknown"
    cat = sub[column].astype("string").fillna(fill).astype(str)
    counts = pd.crosstab(sub[by].astype(str), cat) if len(sub) else pd.DataFrame()
    cats = list(categories) if categories is not None else sorted(cat.unique().tolist())
    rows = []
    for g in groups:
        total = int(counts.loc[g].sum()) if g in counts.index else 0
        for c in cats:
            n = int(counts.loc[g, c]) if (g in counts.index and c in counts.columns) else 0
            rows.append((g, c, n, total, n / total if total else np.nan))
    return pd.DataFrame(rows, columns=[by, "category", "n", "total", "share"])


def actor_sentiment(
    evidence: pd.DataFrame,
    *,
    by: str = "source",
    n_boot: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Mean sentiment toward each actor group per outlet, with bootstrap CIs over mentions.

    The intervals use the keyed Poisson bootstrap of :func:`compare`, each
    mention keyed by its article and offset.

    Returns
    -------
    DataFrame
        ``<by>, actor, n, mean, ci_low, ci_high`` (``n`` = scored mentions).

    Examples
    --------
    >>> from contrast.evidence import evidence_frame
    >>> ev = evidence_frame([{"source": "A", "family": "actor", "actor": "Russia", "compound": -0.5},
    ...                      {"source": "A", "family": "actor", "actor": "Russia", "compound": 0.1}])
    >>> actor_sentiment(ev, n_boot=100)[["source", "actor", "n", "mean"]].round(2).values.tolist()
    [['A', 'Russia', 2, -0.2]]
    """
    sub = _ev(evidence, "actor")
    sub = sub.assign(compound=pd.to_numeric(sub["compound"], errors="coerce")).dropna(subset=["compound"])
    rows = []
    for (g, actor), part in sub.groupby([sub[by].astype(str), sub["actor"].astype("string").fillna("other")]):
        x = part["compound"].to_numpy(float)
        # the keyed Poisson bootstrap of contrast.compare, over mentions (keyed by article and offset)
        keys = stats.unit_keys((part["doc_id"].astype(str) + "@" + part["start"].astype(str)).tolist())
        pb = stats.PoissonBootstrap(1, n_boot=n_boot, seed=seed)
        pb.update(np.round(x * 1e6), np.ones_like(x), keys=keys)
        est, low, high = pb.result(scale=1e-6, ci=ci)
        rows.append((g, str(actor), len(x), float(est[0]), float(low[0]), float(high[0])))
    return pd.DataFrame(rows, columns=[by, "actor", "n", "mean", "ci_low", "ci_high"])


def naming_shares(evidence: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Which variant of each contested name each outlet uses.

    Returns
    -------
    DataFrame
        ``<by>, set, variant, n, total, share`` (share within the set and
        outlet; every variant seen anywhere is listed for every outlet that
        uses the set).

    Examples
    --------
    >>> from contrast.evidence import evidence_frame
    >>> ev = evidence_frame([{"source": "A", "family": "naming", "label": "Kyiv/Kiev", "variant": "Kyiv"},
    ...                      {"source": "B", "family": "naming", "label": "Kyiv/Kiev", "variant": "Kiev"}])
    >>> naming_shares(ev)[["source", "variant", "share"]].values.tolist()
    [['A', 'Kiev', 0.0], ['A', 'Kyiv', 1.0], ['B', 'Kiev', 1.0], ['B', 'Kyiv', 0.0]]
    """
    sub = _ev(evidence, "naming")
    cols = [by, "set", "variant", "n", "total", "share"]
    if sub.empty:
        return pd.DataFrame(columns=cols)
    sub = sub.assign(set=sub["label"].astype("string").fillna("names").astype(str),
                     variant=sub["variant"].astype("string").fillna(sub["span"].astype("string")).fillna("?").astype(str),
                     grp=sub[by].astype(str))
    rows = []
    for nset, part in sub.groupby("set"):
        variants = sorted(part["variant"].unique().tolist())
        for g, gp in part.groupby("grp"):
            total = len(gp)
            for v in variants:
                n = int((gp["variant"] == v).sum())
                rows.append((g, nset, v, n, total, n / total))
    return pd.DataFrame(rows, columns=cols).sort_values([by, "set", "variant"], ignore_index=True)


def numbers_table(evidence: pd.DataFrame) -> pd.DataFrame:
    """The numbers cited, with what they count and who is speaking.

    Returns
    -------
    DataFrame
        One row per number: ``source, doc_id, sent_id, number`` (the span),
        ``category, value, value_high, approx, counted, speaker`` (resolved
        name when known, else as written; empty when the sentence is not
        attributed), ``speaker_side`` (actor group of the speaker).

    Examples
    --------
    >>> from contrast.evidence import evidence_frame
    >>> ev = evidence_frame([{"source": "A", "doc_id": "d", "family": "number", "label": "casualties",
    ...                       "span": "392", "value": 392.0, "counted": "civilian deaths", "start": 5,
    ...                       "speaker": "he", "speaker_resolved": "Miroshnik", "actor": "Russia"}])
    >>> numbers_table(ev)[["number", "counted", "speaker"]].values.tolist()
    [['392', 'civilian deaths', 'Miroshnik']]
    """
    sub = _ev(evidence, "number")
    speaker = sub["speaker_resolved"].astype("string").fillna(sub["speaker"].astype("string"))
    out = pd.DataFrame({
        "source": sub["source"].astype("string"), "doc_id": sub["doc_id"].astype("string"),
        "sent_id": sub["sent_id"].astype("Int64"), "number": sub["span"].astype("string"),
        "category": sub["label"].astype("string"), "value": sub["value"].astype("Float64"),
        "value_high": sub["value_high"].astype("Float64"), "approx": sub["approx"].astype("string"),
        "counted": sub["counted"].astype("string"), "speaker": speaker,
        "speaker_side": sub["actor"].astype("string").where(speaker.notna()),
        "_start": pd.to_numeric(sub["start"], errors="coerce"),
    })
    out = out.sort_values(["source", "doc_id", "_start"], kind="mergesort", na_position="last")
    return out.drop(columns="_start").reset_index(drop=True)


def export_table(df: pd.DataFrame, path: str | Path) -> dict[str, Path]:
    """Write ``df`` as ``<path>.csv`` (formula-escaped) and ``<path>.parquet``, atomically.

    Returns ``{"csv": Path, "parquet": Path}``.
    """
    stem = Path(path)
    stem = stem.with_suffix("") if stem.suffix in {".csv", ".parquet"} else stem
    clean = df.copy()
    clean.attrs = {}
    return {"csv": write_csv(clean, stem.with_name(stem.name + ".csv")),
            "parquet": write_parquet(clean, stem.with_name(stem.name + ".parquet"))}


def sentence_units(evidence: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The sentence table the statistics resample for small groups.

    ``doc_id, sent_id, start, end, n_words, n_body_sentences, n_sentences``
    and the count columns (``*_n``, ``*_sum``) of every sentence; the
    articles table is its sum by ``doc_id``.
    """
    frame, _ = _sentence_counts(evidence, corpus)
    return _int64_counts(frame)


# The statistics engine lives in contrast.compare; these names stay importable from here.
from contrast.compare import (  # noqa: E402
    SmallSampleWarning,
    compare,
    compare_stream,
    contrast_pair,
    pairwise,
)
