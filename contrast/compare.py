"""Group statistics: one rule for every interval and test, on every path.

This module is the statistics engine of the tables (:func:`compare`,
:func:`compare_stream`, :func:`contrast_pair`, :func:`pairwise`); the
:mod:`contrast.tables` names re-export it. The rule, stated once (the
codebook repeats it):

* **Intervals** resample the units of each group with a *keyed Poisson
  bootstrap* (:func:`contrast.stats.poisson_weights`): a unit's weight in a
  replicate is a function of its id and the seed only. The unit is the
  article; a group with fewer than ``min_articles`` articles resamples its
  sentences instead (when the sentences are known), which describes those
  articles rather than the outlet. The rule is decided from the corpus (the
  group's article count), so the CLI with folder or table input, the
  streaming path and Python give the same numbers to the last digit.
* **Tests** permute *articles* between the two groups (exact when there are
  no more arrangements than ``n_perm``); every row carries the article
  counts, the smallest p the design can reach (``min_p``) and ``testable``
  (``min_p <= alpha`` and both groups have at least ``min_articles``
  articles). The Benjamini-Hochberg correction runs over the
  testable rows of the whole table (untestable rows get no adjusted p:
  Tarone 1990, Gilbert 2005).
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

import contrast.tables as _t
from contrast import stats

__all__ = ["UNIT_RULE", "SmallSampleWarning", "compare", "compare_stream", "contrast_pair", "pairwise",
           "unit_of"]

#: The resampling rule in one sentence (written into the codebook and the report's caveats).
UNIT_RULE = ("Intervals resample articles (keyed Poisson bootstrap: each article's weight depends only on its "
             "doc_id and the seed, so every path gives the same interval); a group with fewer than "
             "{min_articles} articles resamples its sentences instead (descriptive of those articles, not of "
             "the outlet); tests permute articles between the two groups, and a test whose smallest "
             "attainable p exceeds alpha, or with a group below {min_articles} articles, is marked "
             "testable=False and left out of the Benjamini-Hochberg correction.")

# fixed-point scale of sentiment sums: integer sums are exact in any order and chunking
_EXACT = 1e6


class SmallSampleWarning(UserWarning):
    """A group has too few articles for an article-level bootstrap or test."""


def unit_of(n_articles: int, min_articles: int = 5, have_sentences: bool = True) -> str:
    """The resampling unit of a group: ``"articles"``, or ``"sentences"`` below ``min_articles``."""
    return "sentences" if n_articles < min_articles and have_sentences else "articles"


def _matrix(units: pd.DataFrame, features: Sequence[str], col: Any = None
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Numerators, denominators and scales, integer-valued so that sums are exact.

    ``col`` reads the columns (see :func:`contrast.tables._compact_column_getter`).
    """
    num, den, scale = _t._units_matrix(units, features, col)
    is_mean = np.array([f.endswith("_mean") for f in features], dtype=bool)
    if is_mean.any():
        num[:, is_mean] = np.round(num[:, is_mean] * _EXACT)
        scale = np.where(is_mean, scale / _EXACT, scale)
    return num, den, scale


#: cells (articles x features) of the matrices pairwise's permutation test holds at once, per matrix
_PERM_BLOCK_CELLS = 1_000_000
_BLOCK_STEPS = 10  # bootstrap steps per block of units in _bootstrap (5,000 units: two 8 MB matrices of 100 features)


def _keys(units: pd.DataFrame, unit: str) -> np.ndarray:
    ids = units["doc_id"].astype(str)
    if unit == "sentences":
        ids = ids + "#" + units["sent_id"].astype(str)
    return stats.unit_keys(ids.tolist())


class _Units:
    """Articles (and, where known, sentences) of a corpus with their group labels."""

    def __init__(self, articles: pd.DataFrame, by: str, evidence: pd.DataFrame | None = None,
                 corpus: pd.DataFrame | None = None, sentence_units: pd.DataFrame | None = None,
                 min_articles: int = 5):
        if by not in articles.columns:
            raise ValueError(f"no column {by!r} to group by; articles has {list(articles.columns)}")
        if (evidence is None) != (corpus is None):
            raise ValueError("pass both evidence= and corpus= (needed to resample sentences), or neither")
        self.articles = articles
        self.by = by
        self.min_articles = min_articles
        self.labels = articles[by].astype("string").fillna("<NA>")
        self._evidence, self._corpus = evidence, corpus
        self._sentences = sentence_units

    @property
    def groups(self) -> list[str]:
        return sorted(self.labels.unique().tolist())

    def have_sentences(self) -> bool:
        return self._sentences is not None or self._evidence is not None

    def sentences(self) -> pd.DataFrame | None:
        if self._sentences is None and self._evidence is not None and self._corpus is not None:
            self._sentences, _ = _t._sentence_counts(self._evidence, self._corpus)
        return self._sentences

    def n_articles(self, members: set[str]) -> int:
        return int(self.labels.isin(list(members)).sum())

    def unit(self, members: set[str]) -> str:
        return unit_of(self.n_articles(members), self.min_articles, self.have_sentences())

    def get(self, members: set[str], unit: str) -> pd.DataFrame:
        """The group's units, in the order of their keys (so that order never matters)."""
        arts = self.articles[self.labels.isin(list(members)).to_numpy()]
        if unit == "sentences":
            st = self.sentences()
            if st is not None:
                ids = set(arts["doc_id"].astype(str))
                mine = st["doc_id"].astype(str).isin(ids).to_numpy()
                return st if mine.all() else st[mine]  # no copy of a huge article's sentence table
        return arts


def _bootstrap(units: pd.DataFrame, unit: str, feats: Sequence[str], n_boot: int, seed: int | None
               ) -> tuple[stats.PoissonBootstrap, np.ndarray]:
    """The group's bootstrap, fed a block of units at a time.

    The units x features matrices are built one block of rows at a time, so a
    20 MB article's 170,000 sentences never hold two full matrices at once. A
    block is a whole number of the bootstrap's own steps and the values are
    integers, so the sums are those of one update with the whole matrix.
    """
    pb = stats.PoissonBootstrap(len(feats), n_boot=n_boot, seed=seed)
    keys = _keys(units, unit)
    block = _BLOCK_STEPS * pb.step
    scale = np.ones(len(feats))
    for start in range(0, max(len(units), 1), block):
        num, den, scale = _matrix(units.iloc[start:start + block], feats)
        pb.update(num, den, keys=keys[start:start + block])
    return pb, scale


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


def _sources_row(by: str, g: str, arts: pd.DataFrame, unit: str, n_units: int, feats: Sequence[str],
                 est: np.ndarray, low: np.ndarray, high: np.ndarray) -> dict[str, Any]:
    row: dict[str, Any] = {by: g, "n_articles": len(arts),
                           "n_sentences": int(arts["n_sentences"].sum()) if "n_sentences" in arts else pd.NA,
                           "n_words": int(arts["n_words"].sum()) if "n_words" in arts else pd.NA,
                           "resampled": unit, "n_units": n_units}
    for i, f in enumerate(feats):
        row[f], row[f"{f}_low"], row[f"{f}_high"] = est[i], low[i], high[i]
    return row


def _sources_frame(rows: list[dict[str, Any]], by: str, feats: Sequence[str], attrs: dict[str, Any]
                   ) -> pd.DataFrame:
    cols = [by, "n_articles", "n_sentences", "n_words", "resampled", "n_units"]
    cols += [c for f in feats for c in (f, f"{f}_low", f"{f}_high")]
    out = pd.DataFrame(rows, columns=cols)
    out.attrs.update(attrs)
    return out


def compare(
    articles: pd.DataFrame,
    by: str = "source",
    *,
    features: Sequence[str] | None = None,
    evidence: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    sentence_units: pd.DataFrame | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """One row per group (outlet) with estimates and bootstrap confidence intervals.

    Parameters
    ----------
    articles : DataFrame
        From :func:`contrast.tables.articles`.
    by : str
        Grouping column (``source``, or any corpus column such as ``country``;
        see :func:`contrast.tables.add_group_column` for dates and numbers).
    features : list of str, optional
        Features to compare (default: every ``*_per_1k``, ``*_share`` and
        ``*_mean`` column).
    evidence, corpus : DataFrame, optional
        The evidence and corpus the articles table was built from. Needed to
        resample *sentences* for groups with fewer than ``min_articles``
        articles (the bundled demo has one article per outlet).
    sentence_units : DataFrame, optional
        The sentence table instead (:func:`contrast.tables.sentence_units`),
        as the streaming CLI keeps it for small groups.
    min_articles : int
        Groups with fewer articles resample sentences (with a
        :class:`SmallSampleWarning`).
    n_boot, seed, ci
        Bootstrap replicates, random seed and confidence level. A unit's
        weights depend on its id and the seed only, so adding a group, or
        reading the corpus in chunks, leaves every interval unchanged.

    Returns
    -------
    DataFrame
        Wide: one row per group with ``<by>, n_articles, n_sentences,
        n_words, resampled`` (the unit: ``articles`` or ``sentences``),
        ``n_units`` and, for each feature, ``<feature>, <feature>_low,
        <feature>_high``. The estimate is the group's pooled ratio (hedges
        per 1,000 of the group's words; sentiment mean over its sentences),
        not a mean of article rates, so long articles weigh more.
        ``attrs["unit"]`` states the rule (:data:`UNIT_RULE`).

    Notes
    -----
    Percentile intervals of the Poisson bootstrap (Hanley & MacGibbon 2006;
    Chamandy et al. 2012) resampling whole articles (a cluster bootstrap,
    Davison & Hinkley 1997 sec. 3.8); intervals of sentence-resampled groups
    ignore the clustering of sentences within an article and are too narrow.

    Examples
    --------
    >>> import contrast
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> ev = contrast.evidence.evidence_frame([])
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     tab = compare(contrast.articles(ev, corpus), evidence=ev, corpus=corpus,
    ...                   features=["hedge_per_1k"], n_boot=200)
    >>> tab[["source", "resampled", "hedge_per_1k", "hedge_per_1k_low"]].values.tolist()
    [['Business Insider', 'sentences', 0.0, 0.0], ['Izvestia', 'sentences', 0.0, 0.0]]
    """
    feats = _t._features(articles, features)
    units = _Units(articles, by, evidence, corpus, sentence_units, min_articles)
    groups = units.groups
    small = [g for g in groups if units.n_articles({g}) < min_articles]
    _warn_small(small, units.have_sentences(), min_articles)
    rows = []
    for g in groups:
        unit = units.unit({g})
        u = units.get({g}, unit)
        pb, scale = _bootstrap(u, unit, feats, n_boot, seed)
        est, low, high = pb.result(scale=scale, ci=ci)
        rows.append(_sources_row(by, g, articles[(units.labels == g).to_numpy()], unit, len(u), feats,
                                 est, low, high))
    return _sources_frame(rows, by, feats, {"ci": ci, "n_boot": n_boot, "seed": seed, "by": by,
                                            "unit": UNIT_RULE.format(min_articles=min_articles)})


def compare_stream(
    chunks: Iterable[pd.DataFrame],
    by: str = "source",
    *,
    features: Sequence[str],
    sentence_units: pd.DataFrame | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """:func:`compare` over articles tables that arrive in chunks, in constant memory.

    Each chunk must have the ``features`` (see
    :func:`contrast.tables.conform_articles`). The bootstrap is the same
    keyed Poisson bootstrap as :func:`compare`'s, summed exactly, so the
    result is identical to :func:`compare` on the whole table. Groups with
    fewer than ``min_articles`` articles resample the sentences of
    ``sentence_units`` (the sentence table of at least those groups'
    articles) when it is given, as :func:`compare` does.
    """
    feats = list(features)
    acc: dict[str, stats.PoissonBootstrap] = {}
    counts: dict[str, list[int]] = {}
    scale = np.ones(len(feats))
    doc_group: dict[str, str] = {}  # the group of each article of sentence_units (of those only)
    in_units = set(sentence_units["doc_id"].astype(str)) if sentence_units is not None else set()
    for chunk in chunks:
        if by not in chunk.columns:
            raise ValueError(f"no column {by!r} to group by; articles has {list(chunk.columns)}")
        groups = chunk[by].astype("string").fillna("<NA>")
        if in_units:
            ids = chunk["doc_id"].astype(str)
            mine = ids.isin(in_units).to_numpy()
            doc_group.update(zip(ids[mine], groups[mine], strict=True))
        for g in groups.unique().tolist():
            part = chunk[(groups == g).to_numpy()]
            num, den, scale = _matrix(part, feats)
            if g not in acc:
                acc[g] = stats.PoissonBootstrap(len(feats), n_boot=n_boot, seed=seed)
                counts[g] = [0, 0, 0]
            acc[g].update(num, den, keys=_keys(part, "articles"))
            counts[g][0] += len(part)
            counts[g][1] += int(part["n_sentences"].sum()) if "n_sentences" in part else 0
            counts[g][2] += int(part["n_words"].sum()) if "n_words" in part else 0
    small = [g for g in sorted(acc) if counts[g][0] < min_articles]
    _warn_small(small, sentence_units is not None, min_articles)
    rows = []
    for g in sorted(acc):
        unit, pb, n_units = "articles", acc[g], counts[g][0]
        if g in small and sentence_units is not None:
            sid = sentence_units["doc_id"].astype(str)
            sent = sentence_units[sid.map(doc_group).eq(g).to_numpy()]
            unit, n_units = "sentences", len(sent)
            pb, scale = _bootstrap(sent, unit, feats, n_boot, seed)
        est, low, high = pb.result(scale=scale, ci=ci)
        row = _sources_row(by, g, pd.DataFrame(), unit, n_units, feats, est, low, high)
        row.update(n_articles=counts[g][0], n_sentences=counts[g][1], n_words=counts[g][2])
        rows.append(row)
    return _sources_frame(rows, by, feats, {"ci": ci, "n_boot": n_boot, "seed": seed, "by": by,
                                            "unit": UNIT_RULE.format(min_articles=min_articles)})


_PAIR_COLUMNS = ["feature", "label", "group_a", "group_b", "estimate_a", "estimate_b", "ratio", "ratio_low",
                 "ratio_high", "difference", "difference_low", "difference_high", "p_value", "p_adjusted",
                 "resampled", "units_a", "units_b", "n_articles_a", "n_articles_b", "n_informative_a",
                 "n_informative_b", "permuted", "min_p", "testable"]


def _pair(units: _Units, a: str, b: str, members_a: set[str], members_b: set[str], feats: list[str], *,
          n_boot: int, n_perm: int, seed: int | None, ci: float, alpha: float) -> pd.DataFrame:
    kinds = []
    reps, ests, n_units, n_arts, arts_units = [], [], [], [], []
    for members in (members_a, members_b):
        unit = units.unit(members)
        u = units.get(members, unit)
        pb, scale = _bootstrap(u, unit, feats, n_boot, seed)
        reps.append(pb.replicates(scale=scale))
        ests.append(pb.estimate(scale=scale))
        kinds.append(unit)
        n_units.append(len(u))
        arts = units.get(members, "articles")
        n_arts.append(len(arts))
        arts_units.append(arts)
    est_a, est_b = ests
    ra, rb = reps
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = est_a / est_b
        rr = ra / rb
    is_mean = np.array([f.endswith("_mean") for f in feats])
    ratio = np.where(is_mean | ~np.isfinite(est_b) | (est_b == 0), np.nan, ratio)
    rlow, rhigh = stats._quantiles(rr, ci)
    dlow, dhigh = stats._quantiles(ra - rb, ci)
    if n_units[0] < 2 or n_units[1] < 2:
        rlow[:], rhigh[:], dlow[:], dhigh[:] = np.nan, np.nan, np.nan, np.nan
    rlow, rhigh = np.where(np.isnan(ratio), np.nan, rlow), np.where(np.isnan(ratio), np.nan, rhigh)
    # tests permute articles, in the order of their keys (so that input order never matters)
    ordered = [arts.iloc[np.argsort(_keys(arts, "articles"), kind="stable")] for arts in arts_units]
    del arts_units
    n_a, n_b = len(ordered[0]), len(ordered[1])
    scale = _matrix(ordered[1].iloc[:0], feats)[2]
    getters = [_t._compact_column_getter(part) for part in ordered]

    def block(cols: slice) -> tuple[np.ndarray, np.ndarray]:
        """Both groups' matrices of the features ``cols``, a's rows over b's."""
        names = feats[cols]
        num, den = np.empty((n_a + n_b, len(names))), np.empty((n_a + n_b, len(names)))
        for part, col, lo in ((ordered[0], getters[0], 0), (ordered[1], getters[1], n_a)):
            num[lo:lo + len(part)], den[lo:lo + len(part)], _ = _matrix(part, names, col)
        return num, den

    # a block of features at a time: for 30,000 articles and 90 features the whole matrices of both groups
    # and their stacked copies were 86 MB
    width = max(1, _PERM_BLOCK_CELLS // max(n_a + n_b, 1))
    p = stats.permutation_ratio_test_blocks(block, n_a, n_b, len(feats), scale=scale, n_perm=n_perm,
                                            rng=stats.group_rng(seed, f"{a}\x00{b}"), width=width)
    # articles that carry each feature (nonzero denominator) bound the smallest attainable p
    inf_a, inf_b = np.zeros(len(feats), dtype=np.int64), np.zeros(len(feats), dtype=np.int64)
    for j in range(0, len(feats), width):
        den = block(slice(j, j + width))[1]
        inf_a[j:j + width], inf_b[j:j + width] = (den[:n_a] > 0).sum(0), (den[n_a:] > 0).sum(0)
    min_p = np.array([stats.min_attainable_p(n_arts[0], n_arts[1], n_perm, m_a=int(x), m_b=int(y))
                      for x, y in zip(inf_a, inf_b, strict=True)], dtype=float)
    # a group below min_articles describes its articles (see the unit rule), it is not a sample to test
    testable = (min_p <= alpha) & (min(n_arts) >= units.min_articles) & ~np.isnan(p)
    out = pd.DataFrame({
        "feature": feats, "label": [_t.feature_label(f) for f in feats], "group_a": a, "group_b": b,
        "estimate_a": est_a, "estimate_b": est_b, "ratio": ratio, "ratio_low": rlow, "ratio_high": rhigh,
        "difference": est_a - est_b, "difference_low": dlow, "difference_high": dhigh,
        "p_value": p, "p_adjusted": np.nan,
        "resampled": kinds[0] if kinds[0] == kinds[1] else f"{kinds[0]} (a), {kinds[1]} (b)",
        "units_a": n_units[0], "units_b": n_units[1], "n_articles_a": n_arts[0], "n_articles_b": n_arts[1],
        "n_informative_a": inf_a, "n_informative_b": inf_b,
        "permuted": "articles", "min_p": min_p, "testable": testable,
    })
    return out[_PAIR_COLUMNS]


def _adjust(table: pd.DataFrame) -> pd.DataFrame:
    """Benjamini-Hochberg over the testable rows; untestable rows get no adjusted p."""
    p = table["p_value"].to_numpy(float)
    ok = table["testable"].to_numpy(bool)
    adj = np.full(len(table), np.nan)
    adj[ok] = stats.bh_adjust(p[ok])
    table["p_adjusted"] = adj
    return table


def contrast_pair(
    articles: pd.DataFrame,
    by: str = "source",
    *,
    a: str,
    b: str,
    features: Sequence[str] | None = None,
    evidence: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    sentence_units: pd.DataFrame | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Compare two groups feature by feature: ratio, difference, CIs, p-values.

    Parameters
    ----------
    articles : DataFrame
        From :func:`contrast.tables.articles`.
    by : str
        Grouping column.
    a, b : str
        The two groups; ratios are ``a / b`` and differences ``a - b``.
    features, evidence, corpus, sentence_units, min_articles, n_boot, seed, ci
        As in :func:`compare`: each group's replicates are those of its
        :func:`compare` interval (articles, or sentences below
        ``min_articles``).
    n_perm : int
        Permutations of articles for the p-value (exact below ``n_perm``
        arrangements).
    alpha : float
        A row is ``testable`` when ``min_p <= alpha`` and both groups have
        at least ``min_articles`` articles.

    Returns
    -------
    DataFrame
        One row per feature: ``feature, label, group_a, group_b, estimate_a,
        estimate_b, ratio, ratio_low, ratio_high, difference,
        difference_low, difference_high, p_value, p_adjusted, resampled,
        units_a, units_b, n_articles_a, n_articles_b, n_informative_a,
        n_informative_b`` (articles with a nonzero denominator for the
        feature), ``permuted, min_p`` (smallest attainable p of the
        feature's design), ``testable``. ``ratio`` is NaN for sentiment means (read the
        difference). ``p_adjusted`` is Benjamini-Hochberg over this pair's
        testable features; :func:`pairwise` adjusts over a whole table, and
        is what the CLI and report use.

    Examples
    --------
    >>> import contrast, warnings
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> ev = contrast.evidence.evidence_frame([])
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     out = contrast_pair(contrast.articles(ev, corpus), a="Izvestia", b="Business Insider",
    ...                         evidence=ev, corpus=corpus, features=["hedge_per_1k"], n_boot=100, n_perm=100)
    >>> out[["feature", "resampled", "min_p", "testable"]].values.tolist()
    [['hedge_per_1k', 'sentences', 1.0, False]]
    """
    feats = _t._features(articles, features)
    units = _Units(articles, by, evidence, corpus, sentence_units, min_articles)
    known = set(units.groups)
    for g in (a, b):
        if g not in known:
            raise ValueError(f"group {g!r} not found in column {by!r}; groups are {sorted(known)}")
    if a == b:
        raise ValueError("a and b must be different groups")
    small = [g for g in (a, b) if units.n_articles({g}) < min_articles]
    _warn_small(small, units.have_sentences(), min_articles)
    out = _pair(units, a, b, {a}, {b}, feats, n_boot=n_boot, n_perm=n_perm, seed=seed, ci=ci, alpha=alpha)
    return _adjust(out)


def pairwise(
    articles: pd.DataFrame,
    by: str = "source",
    *,
    vs: str = "auto",
    features: Sequence[str] | None = None,
    evidence: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    sentence_units: pd.DataFrame | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Every comparison of a corpus in one table: all pairs of groups, or each group against the rest.

    Parameters
    ----------
    articles : DataFrame
        From :func:`contrast.tables.articles`.
    by : str
        Grouping column.
    vs : {"auto", "pairs", "rest"}
        ``"pairs"``: every pair of groups; ``"rest"``: each group against all
        the others pooled (group_b is ``"rest"``); ``"auto"``: pairs for up
        to three groups, rest beyond.
    features, evidence, corpus, sentence_units, min_articles, n_boot, n_perm, seed, ci, alpha
        As in :func:`contrast_pair`.

    Returns
    -------
    DataFrame
        The rows of :func:`contrast_pair` for every comparison, with
        ``p_adjusted`` recomputed by Benjamini-Hochberg over the testable
        rows of the whole table (every comparison and feature), so that a
        figure reads the same in the report, ``pairwise.csv`` and Python.
        Untestable rows (``testable`` False) have no adjusted p: rank only
        testable rows.
    """
    if vs not in {"auto", "pairs", "rest"}:
        raise ValueError(f"vs must be 'auto', 'pairs' or 'rest', got {vs!r}")
    feats = _t._features(articles, features)
    units = _Units(articles, by, evidence, corpus, sentence_units, min_articles)
    groups = units.groups
    mode = ("rest" if len(groups) > 3 else "pairs") if vs == "auto" else vs
    kw: dict[str, Any] = {"n_boot": n_boot, "n_perm": n_perm, "seed": seed, "ci": ci, "alpha": alpha}
    if mode == "pairs":
        parts = [_pair(units, a, b, {a}, {b}, feats, **kw) for a, b in itertools.combinations(groups, 2)]
    else:
        parts = [_pair(units, g, "rest", {g}, set(groups) - {g}, feats, **kw) for g in groups]
    if not parts:
        return pd.DataFrame(columns=_PAIR_COLUMNS)
    out = _adjust(pd.concat(parts, ignore_index=True))
    out.attrs.update({"by": by, "vs": mode, "seed": seed, "n_boot": n_boot, "n_perm": n_perm, "ci": ci,
                      "alpha": alpha, "unit": UNIT_RULE.format(min_articles=min_articles)})
    return out
