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
``attribution_actor_<group>_*``     attributions by the speaker's side (who is quoted;
                                    ``other`` = another or unknown side)
``attribution_quote_<kind>_*``      direct / indirect quotations
=================================  ==================================================

A ratio whose denominator is zero is NaN (an empty article has no rate), never
an error.
"""

from __future__ import annotations

import bisect
import re
import warnings
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
    for suffix, unit in (("_per_1k", "per 1k words"), ("_share", "share"), ("_mean", "mean")):
        if feature.endswith(suffix):
            base = feature[: -len(suffix)]
            fam, _, rest = base.partition("_")
            rest = rest.replace("__", ": ").replace("_", " ")
            head = fam.capitalize() + (f": {rest}" if rest else "")
            return f"{head} ({unit})"
    return feature


class SmallSampleWarning(UserWarning):
    """A group has too few articles for an article-level bootstrap."""


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


def _check_evidence(evidence: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("doc_id", "family") if c not in evidence.columns]
    if missing:
        raise ValueError(f"evidence lacks columns {missing}; expected the columns of contrast.extract "
                         f"({list(EVIDENCE_COLUMNS)})")
    ev = evidence.copy()
    for c in EVIDENCE_COLUMNS:
        if c not in ev.columns:
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


def _count_parts(ev: pd.DataFrame) -> pd.DataFrame:
    """Long (doc_id, sent_id, column, value) contributions of every evidence row."""
    fam = ev["family"].astype("string").fillna("unknown").map(_snake)
    label = ev["label"].astype("string").fillna("none").map(_snake)
    parts: list[pd.DataFrame] = []

    def add(mask: Any, column: Any, value: Any = 1.0) -> None:
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        col = column[mask] if isinstance(column, pd.Series) else pd.Series(column, index=ev.index[mask])
        val = value[mask] if isinstance(value, pd.Series) else value
        parts.append(pd.DataFrame({"doc_id": ev["doc_id"][mask].to_numpy(), "sent_id": ev["sent_id"][mask].to_numpy(),
                                   "column": np.asarray(col, dtype=object), "value": np.asarray(val, dtype=float)}))

    add(np.ones(len(ev), dtype=bool), fam + "_n")
    special = {"sentiment", "actor", "naming", "unattributed"}
    is_label_fam = (~fam.isin(list(special))).to_numpy()
    add(is_label_fam, fam + "_" + label + "_n")
    compound = pd.to_numeric(ev["compound"], errors="coerce").astype(float)
    scored = compound.notna().to_numpy()
    sent = (fam == "sentiment").to_numpy()
    add(sent, "sentiment_" + label + "_n")
    add(sent & scored, pd.Series("sentiment_sum", index=ev.index), compound.fillna(0.0))
    add(sent & scored, pd.Series("sentiment_scored_n", index=ev.index))
    actor = ev["actor"].astype("string").fillna("other").map(_snake)
    act = (fam == "actor").to_numpy()
    add(act, "actor_" + actor + "_n")
    add(act & scored, "sentiment_" + actor + "_n")
    add(act & scored, "sentiment_" + actor + "_sum", compound.fillna(0.0))
    att = (fam == "attribution").to_numpy()
    stype = ev["speaker_type"].astype("string").fillna("unknown").map(_snake)
    add(att, "attribution_speaker_" + stype + "_n")
    add(att, "attribution_actor_" + actor + "_n")
    quote = ev["quote"].astype("string")
    add(att & quote.notna().to_numpy(), "attribution_quote_" + quote.fillna("none").map(_snake) + "_n")
    nam = (fam == "naming").to_numpy()
    nset = ev["label"].astype("string").fillna("names").map(_snake)
    variant = ev["variant"].astype("string").fillna(ev["span"].astype("string")).fillna("x").map(_snake)
    add(nam, "naming_" + nset + "_n")
    add(nam, "naming_" + nset + "__" + variant + "_n")
    if not parts:
        return pd.DataFrame(columns=["doc_id", "sent_id", "column", "value"])
    return pd.concat(parts, ignore_index=True)


def _default_count_columns() -> list[str]:
    cols = [f"{f}_n" for f in FAMILIES]
    cols += [f"attribution_{s}_n" for s in STANCES]
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


def _share_parent(base: str) -> str:
    if base == "unattributed":
        return "n_body_sentences"
    if base.startswith("naming_") and "__" in base:
        return base.split("__", 1)[0] + "_n"
    return base.split("_", 1)[0] + "_n"


def _num_den(frame: pd.DataFrame, feature: str) -> tuple[np.ndarray, np.ndarray, float]:
    """Numerator, denominator and scale of ``feature`` for every row of ``frame``."""
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


def _sentence_counts(evidence: pd.DataFrame, corpus: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    _check_corpus(corpus)
    ev = _check_evidence(evidence)
    frame, starts = _segment_corpus(corpus, ev)
    ev = ev[ev["doc_id"].astype("string").isin(list(starts))].copy()
    ev["doc_id"] = ev["doc_id"].astype(str)
    # sentence of each row: the extractor's, else from its start offset; clipped to the article
    sid = pd.to_numeric(ev["sent_id"], errors="coerce").to_numpy(dtype=float)
    n_sent = ev["doc_id"].map({d: len(v) for d, v in starts.items()}).to_numpy(dtype=int)
    for i in np.flatnonzero(np.isnan(sid)):
        d, o = ev["doc_id"].iat[i], pd.to_numeric(ev["start"].iat[i], errors="coerce")
        sid[i] = max(0, bisect.bisect_right(starts[d], 0 if pd.isna(o) else int(o)) - 1)
    fixed = np.minimum(np.maximum(np.nan_to_num(sid), 0), n_sent - 1)
    ev["sent_id"] = np.where(n_sent == 0, -1, fixed).astype("int64")
    ev = ev[ev["sent_id"] >= 0]
    parts = _count_parts(ev.reset_index(drop=True))
    count_cols = list(dict.fromkeys([*_default_count_columns(), *parts["column"].unique().tolist()]))
    if len(parts):
        wide = parts.groupby(["doc_id", "sent_id", "column"], sort=False)["value"].sum().unstack("column")
        wide.index = wide.index.set_levels(wide.index.levels[0].astype("string"), level=0)
        frame = frame.join(wide, on=["doc_id", "sent_id"])
    for c in count_cols:
        if c not in frame.columns:
            frame[c] = 0.0
    frame[count_cols] = frame[count_cols].fillna(0.0)
    int_cols = [c for c in count_cols if not c.endswith("_sum")]
    frame[int_cols] = frame[int_cols].astype("int64")
    return frame, count_cols


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
    frame = meta.merge(frame, on="doc_id", how="inner")
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
    # issue 14: a near-duplicate article (flagged by load_corpus in `duplicate_of`) counts once
    if "duplicate_of" in corpus.columns:
        corpus = corpus[(corpus["duplicate_of"].fillna("").astype(str) == "").to_numpy()].drop(
            columns=[c for c in ("duplicate_of", "reprint_of") if c in corpus.columns])
    frame, count_cols = _sentence_counts(evidence, corpus)
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


def _units_matrix(units: pd.DataFrame, features: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    nums, dens, scales = [], [], []
    for f in features:
        n, d, s = _num_den(units, f)
        nums.append(n)
        dens.append(d)
        scales.append(s)
    shape = (len(units), len(features))
    num = np.column_stack(nums) if nums else np.zeros(shape)
    den = np.column_stack(dens) if dens else np.zeros(shape)
    return num, den, np.asarray(scales, dtype=float)


class _Units:
    """Resampling units per group: articles, or sentences for small groups."""

    def __init__(self, articles: pd.DataFrame, by: str, evidence: pd.DataFrame | None,
                 corpus: pd.DataFrame | None, min_articles: int):
        if by not in articles.columns:
            raise ValueError(f"no column {by!r} to group by; articles has {list(articles.columns)}")
        if (evidence is None) != (corpus is None):
            raise ValueError("pass both evidence= and corpus= (needed to resample sentences), or neither")
        self.articles = articles
        self.by = by
        self.min_articles = min_articles
        self.groups = articles[by].astype("string").fillna("<NA>")
        self._evidence = evidence
        self._corpus = corpus
        self._sentences: pd.DataFrame | None = None

    def can_resample_sentences(self) -> bool:
        return self._evidence is not None and self._corpus is not None

    def sentence_table(self) -> pd.DataFrame | None:
        if self._evidence is None or self._corpus is None:
            return None
        if self._sentences is None:
            frame, count_cols = _sentence_counts(self._evidence, self._corpus)
            keys = pd.DataFrame({"doc_id": self.articles["doc_id"].astype("string"), "_group": self.groups})
            self._sentences = frame.merge(keys, on="doc_id", how="inner")
        return self._sentences

    def n_articles(self, group: str) -> int:
        return int((self.groups == group).sum())

    def small(self, group: str) -> bool:
        return self.n_articles(group) < self.min_articles

    def get(self, group: str, *, sentences: bool) -> tuple[pd.DataFrame, str]:
        if sentences:
            st = self.sentence_table()
            if st is not None:
                return st[st["_group"] == group], "sentences"
        return self.articles[(self.groups == group).to_numpy()], "articles"


def _warn_small(groups: list[str], have_sentences: bool, min_articles: int) -> None:
    if not groups:
        return
    if have_sentences:
        msg = (f"{len(groups)} group(s) have fewer than {min_articles} articles ({', '.join(groups)}); "
               "their confidence intervals resample sentences, which treats the sentences of an "
               "article as independent and gives intervals that are too narrow: read them as "
               "descriptive of these articles, not of the outlet")
    else:
        msg = (f"{len(groups)} group(s) have fewer than {min_articles} articles ({', '.join(groups)}); "
               "pass evidence= and corpus= to resample sentences; with one article there is no interval")
    warnings.warn(msg, SmallSampleWarning, stacklevel=3)


def compare(
    articles: pd.DataFrame,
    by: str = "source",
    *,
    features: Sequence[str] | None = None,
    evidence: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """One row per group (outlet) with estimates and bootstrap confidence intervals.

    Parameters
    ----------
    articles : DataFrame
        From :func:`articles`.
    by : str
        Grouping column (``source``, or any corpus column such as ``country``).
    features : list of str, optional
        Features to compare (default: every ``*_per_1k``, ``*_share`` and
        ``*_mean`` column).
    evidence, corpus : DataFrame, optional
        The evidence and corpus the articles table was built from. Needed to
        resample *sentences* for groups with fewer than ``min_articles``
        articles (the bundled demo has one article per outlet).
    min_articles : int
        Groups with fewer articles resample sentences (with a
        :class:`SmallSampleWarning`).
    n_boot, seed, ci
        Bootstrap replicates, random seed (results are reproducible; each
        group has its own stream, so adding a group leaves the others
        unchanged) and confidence level.

    Returns
    -------
    DataFrame
        Wide: one row per group with ``<by>, n_articles, n_sentences,
        n_words, resampled`` (``articles`` or ``sentences``) and, for each
        feature, ``<feature>, <feature>_low, <feature>_high``. The estimate
        is the group's pooled ratio (hedges per 1,000 of the group's words;
        sentiment mean over its sentences), not a mean of article rates, so
        long articles weigh more. Use :func:`to_long` for one row per
        (group, feature).

    Notes
    -----
    Percentile bootstrap (Efron & Tibshirani 1993) resampling whole articles
    (a cluster bootstrap, Davison & Hinkley 1997 sec. 3.8); intervals for
    sentence-resampled groups ignore the clustering of sentences within an
    article and are too narrow.

    Examples
    --------
    >>> import contrast
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> ev = contrast.evidence.evidence_frame([])
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     tab = compare(articles(ev, corpus), evidence=ev, corpus=corpus,
    ...                   features=["hedge_per_1k"], n_boot=200)
    >>> tab[["source", "resampled", "hedge_per_1k", "hedge_per_1k_low"]].values.tolist()
    [['Business Insider', 'sentences', 0.0, 0.0], ['Izvestia', 'sentences', 0.0, 0.0]]
    """
    feats = _features(articles, features)
    units = _Units(articles, by, evidence, corpus, min_articles)
    groups = sorted(units.groups.unique().tolist())
    small = [g for g in groups if units.small(g)]
    _warn_small(small, units.can_resample_sentences(), min_articles)
    rows = []
    for g in groups:
        u, kind = units.get(g, sentences=g in small)
        num, den, scale = _units_matrix(u, feats)
        est, low, high = stats.bootstrap_ratio(num, den, scale=scale, n_boot=n_boot, ci=ci,
                                               rng=stats.group_rng(seed, g))
        arts = articles[(units.groups == g).to_numpy()]
        row: dict[str, Any] = {by: g, "n_articles": len(arts),
                               "n_sentences": int(arts["n_sentences"].sum()) if "n_sentences" in arts else pd.NA,
                               "n_words": int(arts["n_words"].sum()) if "n_words" in arts else pd.NA,
                               "resampled": kind}
        for i, f in enumerate(feats):
            row[f], row[f"{f}_low"], row[f"{f}_high"] = est[i], low[i], high[i]
        rows.append(row)
    cols = [by, "n_articles", "n_sentences", "n_words", "resampled"]
    cols += [c for f in feats for c in (f, f"{f}_low", f"{f}_high")]
    out = pd.DataFrame(rows, columns=cols)
    out.attrs.update({"ci": ci, "n_boot": n_boot, "seed": seed, "by": by})
    return out


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
    out = table.reindex(columns=list(columns))
    missing = [c for c in columns if c not in table.columns]
    counts = [c for c in missing if c not in _BASE_COUNTS and not c.endswith(_SUFFIXES)]
    if counts:
        out[counts] = 0
    for f in missing:
        if f.endswith(("_per_1k", "_share")):
            num, den, scale = _num_den(out, f)
            with np.errstate(divide="ignore", invalid="ignore"):
                out[f] = np.where(den > 0, scale * num / np.where(den > 0, den, 1.0), np.nan)
    return out


def compare_stream(
    chunks: Iterable[pd.DataFrame],
    by: str = "source",
    *,
    features: Sequence[str],
    n_boot: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """:func:`compare` over articles tables that arrive in chunks, in constant memory.

    Each chunk must have the ``features`` (see :func:`conform_articles`).
    Intervals come from the Poisson bootstrap
    (:class:`contrast.stats.PoissonBootstrap`) resampling articles;
    ``resampled`` says ``articles (Poisson)``. Groups with fewer than two
    articles get no interval; there is no sentence resampling here, so use
    :func:`compare` for small corpora.
    """
    feats = list(features)
    acc: dict[str, stats.PoissonBootstrap] = {}
    counts: dict[str, list[int]] = {}
    scale = np.ones(len(feats))
    for chunk in chunks:
        if by not in chunk.columns:
            raise ValueError(f"no column {by!r} to group by; articles has {list(chunk.columns)}")
        groups = chunk[by].astype("string").fillna("<NA>")
        for g in groups.unique().tolist():
            part = chunk[(groups == g).to_numpy()]
            num, den, scale = _units_matrix(part, feats)
            if g not in acc:
                acc[g] = stats.PoissonBootstrap(len(feats), n_boot=n_boot, rng=stats.group_rng(seed, g))
                counts[g] = [0, 0, 0]
            acc[g].update(num, den)
            counts[g][0] += len(part)
            counts[g][1] += int(part["n_sentences"].sum()) if "n_sentences" in part else 0
            counts[g][2] += int(part["n_words"].sum()) if "n_words" in part else 0
    small = [g for g in sorted(acc) if counts[g][0] < 5]
    if small:
        warnings.warn(f"{len(small)} group(s) have fewer than 5 articles ({', '.join(small)}); their "
                      "intervals are unreliable (none with one article)", SmallSampleWarning, stacklevel=2)
    rows = []
    for g in sorted(acc):
        est, low, high = acc[g].result(scale=scale, ci=ci)
        row: dict[str, Any] = {by: g, "n_articles": counts[g][0], "n_sentences": counts[g][1],
                               "n_words": counts[g][2], "resampled": "articles (Poisson)"}
        for i, f in enumerate(feats):
            row[f], row[f"{f}_low"], row[f"{f}_high"] = est[i], low[i], high[i]
        rows.append(row)
    cols = [by, "n_articles", "n_sentences", "n_words", "resampled"]
    cols += [c for f in feats for c in (f, f"{f}_low", f"{f}_high")]
    out = pd.DataFrame(rows, columns=cols)
    out.attrs.update({"ci": ci, "n_boot": n_boot, "seed": seed, "by": by})
    return out


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


def contrast_pair(
    articles: pd.DataFrame,
    by: str = "source",
    *,
    a: str,
    b: str,
    features: Sequence[str] | None = None,
    evidence: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Compare two groups feature by feature: ratio, difference, CIs, p-values.

    Parameters
    ----------
    articles : DataFrame
        From :func:`articles`.
    by : str
        Grouping column.
    a, b : str
        The two groups; ratios are ``a / b`` and differences ``a - b``.
    features, evidence, corpus, min_articles, n_boot, seed, ci
        As in :func:`compare`. If either group has fewer than
        ``min_articles`` articles (and evidence/corpus are given), both are
        resampled and permuted by sentence.
    n_perm : int
        Permutations for the p-value.

    Returns
    -------
    DataFrame
        One row per feature: ``feature, label, group_a, group_b, estimate_a,
        estimate_b, ratio, ratio_low, ratio_high, difference,
        difference_low, difference_high, p_value, p_adjusted, resampled,
        units_a, units_b``. ``ratio`` (rate ratio) is NaN for sentiment
        means, whose sign makes a ratio meaningless: read the difference.
        ``p_value`` is a two-sided permutation test of the difference;
        ``p_adjusted`` applies Benjamini-Hochberg across the features
        compared. An infinite ratio bound means group *b* can have none.

    Notes
    -----
    Bootstrap intervals resample each group separately (Efron & Tibshirani
    1993); p-values shuffle units between groups (Good 2005) and are
    adjusted for the false discovery rate (Benjamini & Hochberg 1995).

    Examples
    --------
    >>> import contrast, warnings
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> ev = contrast.evidence.evidence_frame([])
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     out = contrast_pair(articles(ev, corpus), a="Izvestia", b="Business Insider",
    ...                         evidence=ev, corpus=corpus, features=["hedge_per_1k"], n_boot=100, n_perm=100)
    >>> out[["feature", "resampled"]].values.tolist()
    [['hedge_per_1k', 'sentences']]
    """
    feats = _features(articles, features)
    units = _Units(articles, by, evidence, corpus, min_articles)
    known = set(units.groups.unique().tolist())
    for g in (a, b):
        if g not in known:
            raise ValueError(f"group {g!r} not found in column {by!r}; groups are {sorted(known)}")
    if a == b:
        raise ValueError("a and b must be different groups")
    small = [g for g in (a, b) if units.small(g)]
    use_sent = bool(small) and units.can_resample_sentences()
    _warn_small(small, units.can_resample_sentences(), min_articles)
    ua, kind = units.get(a, sentences=use_sent)
    ub, _ = units.get(b, sentences=use_sent)
    na, da, scale = _units_matrix(ua, feats)
    nb, db, _ = _units_matrix(ub, feats)
    est_a = stats._ratio(na.sum(0), da.sum(0), scale)
    est_b = stats._ratio(nb.sum(0), db.sum(0), scale)
    ra = stats.bootstrap_replicates(na, da, scale=scale, n_boot=n_boot, rng=stats.group_rng(seed, a))
    rb = stats.bootstrap_replicates(nb, db, scale=scale, n_boot=n_boot, rng=stats.group_rng(seed, b))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = est_a / est_b
        rr = ra / rb
    is_mean = np.array([f.endswith("_mean") for f in feats])
    ratio = np.where(is_mean | ~np.isfinite(est_b) | (est_b == 0), np.nan, ratio)
    rlow, rhigh = stats._quantiles(rr, ci)
    dlow, dhigh = stats._quantiles(ra - rb, ci)
    if len(ua) < 2 or len(ub) < 2:
        rlow[:], rhigh[:], dlow[:], dhigh[:] = np.nan, np.nan, np.nan, np.nan
    rlow, rhigh = np.where(np.isnan(ratio), np.nan, rlow), np.where(np.isnan(ratio), np.nan, rhigh)
    p = stats.permutation_ratio_test(na, da, nb, db, scale=scale, n_perm=n_perm,
                                     rng=stats.group_rng(seed, f"{a}\x00{b}"))
    return pd.DataFrame({
        "feature": feats,
        "label": [feature_label(f) for f in feats],
        "group_a": a, "group_b": b,
        "estimate_a": est_a, "estimate_b": est_b,
        "ratio": ratio, "ratio_low": rlow, "ratio_high": rhigh,
        "difference": est_a - est_b, "difference_low": dlow, "difference_high": dhigh,
        "p_value": p, "p_adjusted": stats.bh_adjust(p),
        "resampled": kind, "units_a": len(ua), "units_b": len(ub),
    })


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
        est, low, high = stats.bootstrap_ratio(x, np.ones_like(x), n_boot=n_boot, ci=ci,
                                               rng=stats.group_rng(seed, f"{g}\x00{actor}"))
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


def pairwise(
    articles: pd.DataFrame,
    by: str = "source",
    *,
    vs: str = "auto",
    features: Sequence[str] | None = None,
    evidence: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Every comparison of a corpus in one table: all pairs of groups, or each group against the rest.

    Parameters
    ----------
    articles : DataFrame
        From :func:`articles`.
    by : str
        Grouping column.
    vs : {"auto", "pairs", "rest"}
        ``"pairs"``: every pair of groups; ``"rest"``: each group against all
        the others pooled (group_b is ``"rest"``); ``"auto"``: pairs for up
        to three groups, rest beyond.
    features, evidence, corpus, min_articles, n_boot, n_perm, seed, ci
        As in :func:`contrast_pair`.

    Returns
    -------
    DataFrame
        The rows of :func:`contrast_pair` for every comparison, with
        ``p_adjusted`` recomputed by Benjamini-Hochberg over the whole table
        (every comparison and feature), so that a figure reads the same in
        the report, ``pairwise.csv`` and Python.
    """
    import itertools

    if vs not in {"auto", "pairs", "rest"}:
        raise ValueError(f"vs must be 'auto', 'pairs' or 'rest', got {vs!r}")
    if by not in articles.columns:
        raise ValueError(f"no column {by!r} to group by; articles has {list(articles.columns)}")
    groups = sorted(articles[by].astype("string").fillna("<NA>").unique().tolist())
    mode = ("rest" if len(groups) > 3 else "pairs") if vs == "auto" else vs
    parts = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        if mode == "pairs":
            for a, b in itertools.combinations(groups, 2):
                parts.append(contrast_pair(articles, by, a=a, b=b, features=features, evidence=evidence,
                                           corpus=corpus, min_articles=min_articles, n_boot=n_boot,
                                           n_perm=n_perm, seed=seed, ci=ci))
        else:
            key = "_vs_group"
            for g in groups:
                rel = articles.assign(**{key: np.where(articles[by].astype("string").fillna("<NA>") == g,
                                                       g, "rest")})
                ev = None if evidence is None else evidence
                parts.append(contrast_pair(rel, key, a=g, b="rest", features=features, evidence=ev,
                                           corpus=corpus, min_articles=min_articles, n_boot=n_boot,
                                           n_perm=n_perm, seed=seed, ci=ci))
    if not parts:
        return pd.DataFrame()
    out = pd.concat(parts, ignore_index=True)
    out["p_adjusted"] = stats.bh_adjust(out["p_value"].to_numpy(float))
    out.attrs.update({"by": by, "vs": mode, "seed": seed, "n_boot": n_boot, "n_perm": n_perm, "ci": ci})
    return out
