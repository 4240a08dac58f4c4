"""Statistics for comparing outlets: bootstrap CIs, permutation tests, FDR, keyness.

Pure numpy/pandas (no matplotlib): the numbers are tested on their own and
:mod:`contrast.plot` only draws them.

Every rate, mean and share in :mod:`contrast.tables` is a *ratio of sums*
over units (articles or sentences): ``scale * sum(numerator) / sum(denominator)``
(hedges per 1,000 words: numerator = hedge count, denominator = words,
scale = 1000). The functions here therefore take a numerator matrix and a
denominator matrix with one row per unit and one column per feature, and
resample the units (rows). Resampling whole articles keeps the words and
sentences of an article together (a cluster bootstrap), which is what makes
the interval honest when sentences of one article resemble each other.
"""

from __future__ import annotations

import hashlib
import math
import re
import warnings
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "media_mentions",
    "reporting_verb_forms",
    "bootstrap_ci",
    "bootstrap_ratio",
    "PoissonBootstrap",
    "unit_keys",
    "poisson_weights",
    "min_attainable_p",
    "permutation_ratio_test",
    "bh_adjust",
    "log_odds_dirichlet",
    "distinctive_words",
    "word_counts",
    "WordCounts",
    "group_rng",
]

# Memory bound for the (replicates x units) weight matrices, in cells: 1M cells are 8 MB a matrix, and
# drawing keyed weights takes about five such temporaries (4M cells took 160 MB on a 20 MB article's
# sentences). Integer-valued sums are exact, so the bound never changes a result.
_MAX_CELLS = 1_000_000


def group_rng(seed: int | None, key: str = "") -> np.random.Generator:
    """A generator seeded by ``seed`` and a stable hash of ``key``.

    Each group gets its own stream, so adding an outlet to a corpus does not
    change the intervals of the others.
    """
    entropy = [0 if seed is None else int(seed), zlib.crc32(key.encode("utf-8"))]
    return np.random.default_rng(entropy)


def _as_2d(a: Any) -> np.ndarray:
    arr = np.asarray(a, dtype=float)
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2:
        raise ValueError(f"expected a 1-D or 2-D array (units x features), got shape {arr.shape}")
    return arr


def _ratio(num: np.ndarray, den: np.ndarray, scale: np.ndarray | float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        out = scale * num / den
    return np.where(den > 0, out, np.nan)


def _batches(n_rep: int, n_units: int) -> Iterable[int]:
    size = max(1, _MAX_CELLS // max(n_units, 1))
    done = 0
    while done < n_rep:
        b = min(size, n_rep - done)
        yield b
        done += b


def _quantiles(reps: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray]:
    alpha = (1.0 - ci) / 2.0
    low = np.full(reps.shape[1], np.nan)
    high = np.full(reps.shape[1], np.nan)
    for j in range(reps.shape[1]):
        col = reps[:, j]
        col = col[~np.isnan(col)]
        if col.size:
            # no interpolation across an infinite replicate (a ratio over a zero rate)
            if np.isinf(col).any():
                low[j], high[j] = np.quantile(col, [alpha, 1.0 - alpha], method="inverted_cdf")
            else:
                low[j], high[j] = np.quantile(col, [alpha, 1.0 - alpha])
    return low, high


def _check_ci(ci: float, n_boot: int) -> None:
    if not 0.0 < ci < 1.0:
        raise ValueError(f"ci must be between 0 and 1 (e.g. 0.95), got {ci!r}")
    if n_boot < 1:
        raise ValueError(f"n_boot must be a positive integer, got {n_boot!r}")


def bootstrap_replicates(
    num: Any,
    den: Any,
    *,
    scale: Any = 1.0,
    n_boot: int = 2000,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """Bootstrap replicates of ``scale * sum(num) / sum(den)``, shape (n_boot, features).

    Units (rows) are drawn with replacement; a replicate whose denominator is
    zero is NaN.
    """
    num2, den2 = _as_2d(num), _as_2d(den)
    if num2.shape != den2.shape:
        raise ValueError(f"num and den must have the same shape, got {num2.shape} and {den2.shape}")
    rng = np.random.default_rng(0) if rng is None else rng
    n = num2.shape[0]
    sc = np.broadcast_to(np.asarray(scale, dtype=float), (num2.shape[1],))
    if n == 0:
        return np.full((n_boot, num2.shape[1]), np.nan)
    parts = []
    p = np.full(n, 1.0 / n)
    for b in _batches(n_boot, n):
        w = rng.multinomial(n, p, size=b).astype(float)  # (b, n): how often each unit is drawn
        parts.append(_ratio(w @ num2, w @ den2, sc))
    return np.vstack(parts)


def bootstrap_ratio(
    num: Any,
    den: Any,
    *,
    scale: Any = 1.0,
    n_boot: int = 2000,
    ci: float = 0.95,
    rng: np.random.Generator | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Estimate and percentile bootstrap CI of a ratio of sums over units.

    Parameters
    ----------
    num, den : array-like, shape (n_units,) or (n_units, n_features)
        Numerator and denominator of each unit (e.g. hedge count and word
        count of each article).
    scale : float or array of shape (n_features,)
        Multiplier (1000 for a rate per 1,000 words).
    n_boot : int
        Bootstrap replicates.
    ci : float
        Confidence level.
    rng : numpy Generator, optional
        Source of randomness (default: seeded with 0, so results repeat).

    Returns
    -------
    estimate, low, high : ndarray of shape (n_features,)
        NaN where the denominator is zero; ``low``/``high`` are NaN with
        fewer than two units (one unit has no sampling variability to show).

    Notes
    -----
    Percentile interval of the nonparametric bootstrap (Efron & Tibshirani
    1993, *An Introduction to the Bootstrap*, ch. 13), resampling whole units
    (a cluster bootstrap when units are articles; Davison & Hinkley 1997,
    sec. 3.8).

    Examples
    --------
    >>> est, low, high = bootstrap_ratio([2, 4, 6], [100, 100, 100], scale=1000, n_boot=500)
    >>> float(est[0])
    40.0
    >>> bool(low[0] <= 40 <= high[0])
    True
    """
    _check_ci(ci, n_boot)
    num2, den2 = _as_2d(num), _as_2d(den)
    sc = np.broadcast_to(np.asarray(scale, dtype=float), (num2.shape[1],))
    est = _ratio(num2.sum(axis=0), den2.sum(axis=0), sc)
    if num2.shape[0] < 2:
        nan = np.full(num2.shape[1], np.nan)
        return est, nan, nan.copy()
    reps = bootstrap_replicates(num2, den2, scale=sc, n_boot=n_boot, rng=rng)
    low, high = _quantiles(reps, ci)
    return est, low, high


#: Poisson(1) cumulative probabilities P(X <= k), k = 0..30 (the tail beyond is < 1e-33).
_POISSON1_CDF = np.cumsum([math.exp(-1.0) / math.factorial(k) for k in range(31)])
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def unit_keys(ids: Iterable[Any]) -> np.ndarray:
    """Stable 64-bit keys of unit ids (article ``doc_id``, or ``doc_id#sent_id``).

    The bootstrap weight of a unit depends only on its key, the seed and the
    replicate, so every path that sees the same units (in memory, in chunks,
    in any order) draws the same weights.

    Examples
    --------
    >>> unit_keys(["a", "b"]).tolist() == unit_keys(["a", "b"]).tolist()
    True
    """
    out = [int.from_bytes(hashlib.blake2b(str(i).encode("utf-8"), digest_size=8).digest(), "little")
           for i in ids]
    return np.asarray(out, dtype=np.uint64)


def _mix(z: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser (Steele, Lea & Flood 2014), vectorised; wraps modulo 2**64."""
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


def poisson_weights(keys: Any, n_boot: int, seed: int | None = 0, *, first: int = 0) -> np.ndarray:
    """Poisson(1) bootstrap weights, shape ``(n_boot, n_units)``, a pure function of the keys.

    Replicate ``r`` of unit ``k`` gets the weight ``F^-1(u)``, with ``F`` the
    Poisson(1) distribution function and ``u`` a uniform number hashed from
    ``(seed, k, r)``; ``first`` starts at replicate ``first``.
    """
    k = np.asarray(keys, dtype=np.uint64)
    s = _mix(np.asarray([0 if seed is None else int(seed) & 0xFFFFFFFFFFFFFFFF], dtype=np.uint64))
    reps = np.arange(first + 1, first + n_boot + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = _mix(k ^ s)[None, :] + reps[:, None] * _GOLDEN
        _mix_in_place(z)
    z >>= np.uint64(11)
    u = z.astype(np.float64)
    del z
    u *= 1.0 / 9007199254740992.0
    return np.searchsorted(_POISSON1_CDF, u, side="right").astype(np.float64)


def _mix_in_place(z: np.ndarray) -> None:
    """:func:`_mix` of ``z`` written into ``z`` (one temporary instead of five of its size)."""
    t = z >> np.uint64(30)
    z ^= t
    z *= _M1
    np.right_shift(z, np.uint64(27), out=t)
    z ^= t
    z *= _M2
    np.right_shift(z, np.uint64(31), out=t)
    z ^= t


def keyed_replicates(num: Any, den: Any, keys: Any, *, scale: Any = 1.0, n_boot: int = 2000,
                     seed: int | None = 0) -> np.ndarray:
    """Replicates of ``scale * sum(w num) / sum(w den)`` with :func:`poisson_weights`.

    The one bootstrap of :mod:`contrast.tables` (in memory and streamed).
    """
    pb = PoissonBootstrap(_as_2d(num).shape[1], n_boot=n_boot, seed=seed)
    pb.update(num, den, keys=keys)
    return pb.replicates(scale=scale)


class PoissonBootstrap:
    """Streaming bootstrap of ratios of sums, with constant memory.

    Each unit gets an independent Poisson(1) weight in each replicate, so
    units can be added chunk by chunk and only the ``(n_boot, n_features)``
    weighted sums are kept: memory does not grow with the number of units.
    The weights are drawn unit by unit, so the same units in the same order
    give the same intervals however they are split into chunks.

    Parameters
    ----------
    n_features : int
        Columns of the numerator and denominator matrices.
    n_boot : int
        Replicates.
    rng : numpy Generator, optional
        Source of randomness (default: seeded with 0).

    Notes
    -----
    The Poisson bootstrap (Hanley & MacGibbon 2006, *Computational
    Statistics & Data Analysis* 50(12); Chamandy et al. 2012, "Estimating
    uncertainty for massive data streams", Google) approximates the
    multinomial bootstrap of :func:`bootstrap_ratio`; the two agree as the
    number of units grows (a few hundred suffice for percentile intervals).

    With ``keys`` passed to :meth:`update` (the units' :func:`unit_keys`),
    a unit's weights are a function of its key and ``seed`` only
    (:func:`poisson_weights`): the same units give the same intervals in any
    order and any chunking. Integer-valued numerators and denominators are
    summed exactly, so the intervals are identical to the last digit.

    Examples
    --------
    >>> pb = PoissonBootstrap(1, n_boot=500)
    >>> for chunk in ([2, 4], [6]):
    ...     pb.update(np.array(chunk)[:, None], np.full((len(chunk), 1), 100.0))
    >>> est, low, high = pb.result(scale=1000)
    >>> float(est[0]), bool(low[0] <= 40 <= high[0])
    (40.0, True)
    """

    def __init__(self, n_features: int, *, n_boot: int = 2000, rng: np.random.Generator | None = None,
                 seed: int | None = 0):
        self.n_boot = n_boot
        self.seed = seed
        self.rng = rng if rng is not None else np.random.default_rng(0)
        self.num = np.zeros((n_boot, n_features))
        self.den = np.zeros((n_boot, n_features))
        self.total_num = np.zeros(n_features)
        self.total_den = np.zeros(n_features)
        self.n_units = 0

    @property
    def step(self) -> int:
        """Units weighted at once (a bounded ``n_boot x step`` weight matrix); blocks of it sum alike."""
        return max(1, _MAX_CELLS // self.n_boot)

    def update(self, num: Any, den: Any, *, keys: Any = None) -> None:
        """Add units: ``num`` and ``den`` of shape ``(n_units, n_features)``, optional ``keys``."""
        num2, den2 = _as_2d(num), _as_2d(den)
        if num2.shape != den2.shape or num2.shape[1] != self.num.shape[1]:
            raise ValueError(f"expected two arrays of shape (n, {self.num.shape[1]}), "
                             f"got {num2.shape} and {den2.shape}")
        if keys is not None and len(keys) != num2.shape[0]:
            raise ValueError(f"expected {num2.shape[0]} keys, got {len(keys)}")
        step = self.step
        for start in range(0, num2.shape[0], step):
            if keys is not None:
                w = poisson_weights(np.asarray(keys)[start:start + step], self.n_boot, self.seed)
            else:
                # one unit's n_boot weights are consecutive draws, so the result does not
                # depend on how the units are split into chunks
                w = self.rng.poisson(1.0, size=(len(num2[start:start + step]), self.n_boot)).astype(float).T
            self.num += w @ num2[start:start + step]
            self.den += w @ den2[start:start + step]
        self.total_num += num2.sum(axis=0)
        self.total_den += den2.sum(axis=0)
        self.n_units += num2.shape[0]

    def replicates(self, *, scale: Any = 1.0) -> np.ndarray:
        """The ``(n_boot, n_features)`` replicate ratios (NaN where a replicate has no denominator)."""
        sc = np.broadcast_to(np.asarray(scale, dtype=float), (self.num.shape[1],))
        return _ratio(self.num, self.den, sc)

    def estimate(self, *, scale: Any = 1.0) -> np.ndarray:
        """The ratio of the sums of all units."""
        sc = np.broadcast_to(np.asarray(scale, dtype=float), (self.num.shape[1],))
        return _ratio(self.total_num, self.total_den, sc)

    def result(self, *, scale: Any = 1.0, ci: float = 0.95) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Estimate and percentile interval, as :func:`bootstrap_ratio` returns them."""
        _check_ci(ci, self.n_boot)
        sc = np.broadcast_to(np.asarray(scale, dtype=float), (self.num.shape[1],))
        est = _ratio(self.total_num, self.total_den, sc)
        if self.n_units < 2:
            nan = np.full(self.num.shape[1], np.nan)
            return est, nan, nan.copy()
        low, high = _quantiles(_ratio(self.num, self.den, sc), ci)
        return est, low, high


def bootstrap_ci(
    values: Any,
    statistic: Callable[[np.ndarray], float] = np.mean,
    *,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int | None = 0,
) -> tuple[float, float, float]:
    """Percentile bootstrap CI of any statistic of a 1-D sample.

    Parameters
    ----------
    values : array-like
        The sample (NaN values are dropped).
    statistic : callable
        Function of a 1-D array (default: the mean).
    n_boot, ci, seed
        Replicates, confidence level, random seed.

    Returns
    -------
    (estimate, low, high)

    Notes
    -----
    Efron & Tibshirani (1993), *An Introduction to the Bootstrap*, ch. 13.

    Examples
    --------
    >>> est, low, high = bootstrap_ci([1.0, 2.0, 3.0, 4.0], n_boot=500)
    >>> est
    2.5
    >>> 1.0 <= low <= est <= high <= 4.0
    True
    """
    _check_ci(ci, n_boot)
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if x.size == 0:
        return float("nan"), float("nan"), float("nan")
    est = float(statistic(x))
    if x.size < 2:
        return est, float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    reps = np.array([statistic(x[rng.integers(0, x.size, x.size)]) for _ in range(n_boot)], dtype=float)
    alpha = (1.0 - ci) / 2.0
    low, high = np.quantile(reps, [alpha, 1.0 - alpha])
    return est, float(low), float(high)


def permutation_ratio_test(
    num_a: Any,
    den_a: Any,
    num_b: Any,
    den_b: Any,
    *,
    scale: Any = 1.0,
    n_perm: int = 2000,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """Two-sided permutation p-values for a difference of two ratios of sums.

    The statistic is ``|ratio_a - ratio_b|``; units are shuffled between the
    two groups (keeping the group sizes) ``n_perm`` times.

    Returns
    -------
    ndarray of shape (n_features,)
        ``(1 + #{perm >= observed}) / (n_perm + 1)`` (Phipson & Smyth 2010),
        NaN where a group has no denominator. When there are no more
        arrangements than ``n_perm`` the test is exact: every arrangement is
        counted once, ``#{arrangements >= observed} / #arrangements``.

    Notes
    -----
    Fisher-Pitman permutation test (Good 2005, *Permutation, Parametric and
    Bootstrap Tests of Hypotheses*); the ``+1`` keeps p above zero (Phipson &
    Smyth 2010, "Permutation p-values should never be zero").

    Examples
    --------
    >>> p = permutation_ratio_test([1, 0, 1, 0], [10] * 4, [5, 6, 5, 6], [10] * 4, n_perm=999)
    >>> bool(p[0] < 0.05)
    True
    """
    na, da = _as_2d(num_a), _as_2d(den_a)
    nb, db = _as_2d(num_b), _as_2d(den_b)

    def block(cols: slice) -> tuple[np.ndarray, np.ndarray]:
        return np.vstack([na[:, cols], nb[:, cols]]), np.vstack([da[:, cols], db[:, cols]])

    return permutation_ratio_test_blocks(block, na.shape[0], nb.shape[0], na.shape[1], scale=scale,
                                         n_perm=n_perm, rng=rng)


def permutation_ratio_test_blocks(
    block: Callable[[slice], tuple[np.ndarray, np.ndarray]],
    n_a: int,
    n_b: int,
    n_features: int,
    *,
    scale: Any = 1.0,
    n_perm: int = 2000,
    rng: np.random.Generator | None = None,
    width: int | None = None,
) -> np.ndarray:
    """:func:`permutation_ratio_test` of units whose matrices come ``width`` features at a time.

    ``block(cols)`` returns the numerators and denominators of the features
    ``cols`` for the ``n_a`` units of the first group stacked over the ``n_b``
    of the second (float, integer-valued). Each batch of permutations is drawn
    once and applied to every block in turn, so the p-values are those of the
    whole matrices at once, while at most one block is held (for more than one
    block, ``block`` is called again for each batch). ``width`` defaults to all
    features (one block, built once).
    """
    k = n_features
    width = k if width is None or width >= k else max(1, int(width))
    slices = [slice(j, min(j + width, k)) for j in range(0, k, width)] if k else [slice(0, 0)]
    sc_all = np.broadcast_to(np.asarray(scale, dtype=float), (k,))
    kept: tuple[np.ndarray, np.ndarray] | None = None

    def get(cols: slice) -> tuple[np.ndarray, np.ndarray]:
        nonlocal kept
        if len(slices) > 1:
            return block(cols)
        if kept is None:
            kept = block(cols)
        return kept

    obs = np.empty(k)
    tot_n, tot_d = np.empty(k), np.empty(k)
    for cols in slices:
        num, den = get(cols)
        sc = sc_all[cols]
        obs[cols] = np.abs(_ratio(num[:n_a].sum(0), den[:n_a].sum(0), sc) -
                           _ratio(num[n_a:].sum(0), den[n_a:].sum(0), sc))
        tot_n[cols], tot_d[cols] = num.sum(0), den.sum(0)
    if n_a == 0 or n_b == 0:
        return np.full(k, np.nan)
    rng = np.random.default_rng(0) if rng is None else rng
    n = n_a + n_b
    base = np.zeros(n)
    base[:n_a] = 1.0
    hits = np.zeros(k)
    valid = np.zeros(k)
    tol = 1e-12 * np.maximum(1.0, np.abs(np.nan_to_num(obs)))
    exact = math.comb(n, n_a) <= n_perm

    def count(m: np.ndarray) -> None:
        for cols in slices:  # the features' columns are independent: a block at a time
            num, den = get(cols)
            sc = sc_all[cols]
            sa_n, sa_d = m @ num, m @ den
            stat = np.abs(_ratio(sa_n, sa_d, sc) - _ratio(tot_n[cols] - sa_n, tot_d[cols] - sa_d, sc))
            ok = ~np.isnan(stat)
            hits[cols] += ((stat >= obs[cols] - tol[cols]) & ok).sum(0)
            valid[cols] += ok.sum(0)
            del num, den

    if exact:  # every arrangement once: the exact permutation distribution
        import itertools

        masks = np.zeros((math.comb(n, n_a), n))
        for r, idx in enumerate(itertools.combinations(range(n), n_a)):
            masks[r, list(idx)] = 1.0
        count(masks)
        with np.errstate(invalid="ignore", divide="ignore"):
            p = hits / valid
    else:
        for b in _batches(n_perm, n):
            count(rng.permuted(np.tile(base, (b, 1)), axis=1))
        with np.errstate(invalid="ignore", divide="ignore"):
            p = (1.0 + hits) / (1.0 + valid)
    return np.where(np.isnan(obs) | (valid == 0), np.nan, np.minimum(p, 1.0))


def min_attainable_p(n_a: int, n_b: int, n_perm: int = 2000, *, m_a: int | None = None,
                     m_b: int | None = None) -> float:
    """The smallest p-value :func:`permutation_ratio_test` can return for this design.

    Whatever the data, the observed arrangement counts among the
    ``C(n_a + n_b, n_a)`` arrangements (and its mirror image too when the
    groups are of equal size, the statistic being two-sided), and a Monte
    Carlo test cannot go below ``1 / (n_perm + 1)``. With ``m_a`` and
    ``m_b``, the units of each group that carry the feature (a nonzero
    denominator: the others add nothing to either ratio), the statistic
    depends only on where those ``m = m_a + m_b`` units fall, and p is at
    least the chance that they fall as observed,
    ``C(n - m, n_a - m_a) / C(n, n_a)``.

    Examples
    --------
    >>> min_attainable_p(1, 3)
    0.25
    >>> round(min_attainable_p(2, 2), 3)
    0.333
    >>> round(min_attainable_p(14, 283, m_a=1, m_b=1), 3)  # one article with the name on each side
    0.045
    """
    if n_a < 1 or n_b < 1:
        return float("nan")
    n = n_a + n_b
    arrangements = math.comb(n, n_a)  # may exceed a float: divide integers (exact, then rounded)
    if m_a is not None and m_b is not None and (m_a + m_b) < n:
        m = m_a + m_b
        design = math.comb(n - m, n_a - m_a) / arrangements if 0 <= n_a - m_a <= n - m else 1.0
    else:
        design = (2 if n_a == n_b else 1) / arrangements
    if arrangements <= n_perm:
        return min(1.0, design)
    return min(1.0, max(design, 1.0 / (n_perm + 1.0)))


def bh_adjust(pvalues: Any) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (false discovery rate); NaN stays NaN.

    Notes
    -----
    Benjamini & Hochberg (1995), "Controlling the false discovery rate",
    *JRSS B* 57(1): 289-300. Equal to ``scipy.stats.false_discovery_control``
    on the non-missing values.

    Examples
    --------
    >>> bh_adjust([0.01, 0.04, 0.03, 0.20]).round(3).tolist()
    [0.04, 0.053, 0.053, 0.2]
    """
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return out
    if np.any((p[ok] < 0) | (p[ok] > 1)):
        raise ValueError("p-values must lie in [0, 1]")
    q = p[ok]
    order = np.argsort(q)
    ranked = q[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    adj = np.empty(m)
    adj[order] = np.minimum(ranked, 1.0)
    out[ok] = adj
    return out


# --------------------------------------------------------------------------- keyness


def log_odds_dirichlet(
    y_i: Any, y_j: Any, alpha: Any
) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratio with a Dirichlet prior and its z-score, word by word.

    Parameters
    ----------
    y_i, y_j : array-like of shape (n_words,)
        Word counts in group *i* and in the comparison group *j*.
    alpha : array-like of shape (n_words,)
        Dirichlet prior pseudo-counts (``alpha_0 = alpha.sum()``).

    Returns
    -------
    delta, z : ndarray
        ``delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
        - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))``,
        ``z_w = delta_w / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w))``.
        Positive: more typical of *i*.

    Notes
    -----
    Monroe, Colaresi & Quinn (2008), "Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political
    conflict", *Political Analysis* 16(4): 372-403, eqs. 16 and 18-22.

    Examples
    --------
    >>> d, z = log_odds_dirichlet([10, 0], [0, 10], [1.0, 1.0])
    >>> [round(float(v), 3) for v in z]
    [4.592, -4.592]
    """
    yi = np.asarray(y_i, dtype=float)
    yj = np.asarray(y_j, dtype=float)
    a = np.asarray(alpha, dtype=float)
    if not (yi.shape == yj.shape == a.shape):
        raise ValueError(f"counts and prior must have one shape, got {yi.shape}, {yj.shape}, {a.shape}")
    if np.any(a <= 0):
        raise ValueError("the Dirichlet prior must be positive for every word")
    a0 = a.sum()
    ni, nj = yi.sum(), yj.sum()
    delta = np.log((yi + a) / (ni + a0 - yi - a)) - np.log((yj + a) / (nj + a0 - yj - a))
    var = 1.0 / (yi + a) + 1.0 / (yj + a)
    return delta, delta / np.sqrt(var)


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)  # a link is not words: "http", "www", "com"
#: a word: a run of letters (inner hyphens, apostrophes and ampersands kept: "full-scale", "don't", "A&E",
#: "Q&A") standing alone, not glued to a figure or an underscore: "4th", "G7", "10km", "MH17" are no words
#: (their letters alone, "th", "km", are no words either), nor are "A" and "Es" of "A&Es"
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’&-][^\W\d_]+)*(?!\w)")
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1)
def _english_stopwords() -> frozenset[str]:
    """scikit-learn's English stop words, from ``lexicons/english_stop_words.tsv`` (no scikit-learn import)."""
    from contrast.lexicon import load_table

    return frozenset(load_table("english_stop_words")["word"].astype(str))


@lru_cache(maxsize=1)
def reporting_verb_forms() -> frozenset[str]:
    """The neutral reporting verbs that :func:`distinctive_words` leaves out by default (``drop_reporting_verbs``).

    From ``lexicons/reporting_verbs.tsv`` (the attribution family's cue list): the ``neutral`` verbs that
    the lexicon marks ``bare`` in at least one form (a cue wherever it occurs: a report in at least about
    half of its uses, as measured for the lexicon), with every one-word form of their rows whose ``need``
    is ``bare`` or empty ("says", "said", "tells", "told", "adds", "noted", "urges"). Left in: the forms
    marked ``noun``, ``clause``, ``that`` or ``to`` (mostly other senses: "state", "report", "note",
    "post"), the neutral verbs never marked ``bare`` (cues only beside a speaker, mostly other senses:
    "repeat", "observe", "write"), hyphenated forms ("so-called") and the adverbs listed with them
    ("reportedly", "allegedly": hedges), and every stance-bearing verb ("claims", "alleged", "denies",
    "accuses": they frame what is reported).

    >>> {"says", "said", "tells"} <= reporting_verb_forms()
    True
    >>> {"claims", "accused", "reportedly", "so-called", "state", "report", "repeated"} & reporting_verb_forms()
    set()
    """
    from contrast.lexicon import load_table

    table = load_table("reporting_verbs").fillna("")
    neutral = table[table["stance"] == "neutral"]
    verbs = set(neutral.loc[neutral["need"] == "bare", "lemma"])
    rows = neutral[neutral["lemma"].isin(verbs) & neutral["need"].isin(["bare", ""])]
    return frozenset(f for forms in rows["forms"].astype(str) for f in forms.split("|")
                     if f.isalpha() and not f.endswith("edly"))


def _stopwords(stopwords: str | Iterable[str] | None) -> frozenset[str]:
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        if stopwords != "english":
            raise ValueError(f"stopwords must be 'english', None or a collection of words, got {stopwords!r}")
        return _english_stopwords()
    return frozenset(w.lower() for w in stopwords)


def word_counts(
    texts: pd.DataFrame,
    by: str = "source",
    *,
    text_col: str = "text",
    stopwords: str | Iterable[str] | None = "english",
    min_length: int = 2,
) -> pd.DataFrame:
    """Word counts per group: a DataFrame words x groups.

    Words are runs of letters (inner hyphens, apostrophes and ampersands kept:
    "full-scale", "A&E"; a final possessive ``'s`` dropped), lower-cased, curly
    apostrophes written straight; numbers, letters glued to a figure ("4th",
    "G7", "10km") and links are not words.
    """
    counts, _ = _tally(texts, by, text_col=text_col, stopwords=stopwords, min_length=min_length)
    df = pd.DataFrame(counts).fillna(0).astype("int64")
    df.index.name = "word"
    return df.sort_index()


#: a domain written in the text ("tvn24.pl", "Gazeta.pl's", "CENSOR.NET"): top-level domains that are not
#: English words (not "by", "in", "it", "to", "us", "me", "at", "is")
_DOMAIN = (r"(?<![\w@./])(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:com|net|org|pl|ua|ru|uk|eu|de|fr|info|io|tv|gov|int"
           r"|COM|NET|ORG|PL|UA|RU)(?![\w@])(?:['’]s\b)?")


@lru_cache(maxsize=1)
def _media_mentions() -> re.Pattern[str]:
    """Mentions of news outlets and agencies: the ``journalist_or_media`` names of
    ``lexicons/affiliation_aliases.tsv`` (case as written there, a possessive with them, and the agency's
    "has learned" formula: "BelTA has learned"), and domains written in the text."""
    from contrast.lexicon import load_table

    table = load_table("affiliation_aliases")
    names = sorted({str(a) for a, r in zip(table["alias"], table["role"], strict=True) if r == "journalist_or_media"},
                   key=lambda n: (-len(n), n))
    names += [n.upper() for n in names if len(n) >= 4 and n.upper() != n]  # "FOX NEWS" in a capitalised line
    by_first: dict[str, list[str]] = {}
    for n in names:  # grouped by first letter: one branch is tried per position, not two hundred
        by_first.setdefault(n[0], []).append(n[1:])
    alts = "|".join(re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")"
                    for first, rests in sorted(by_first.items()))
    return re.compile(rf"{_DOMAIN}|(?<![\w.])(?:{alts})(?:['’]s)?(?![\w])(?:\s+(?:has\s+|have\s+)?learned\b)?")


def media_mentions(text: str) -> list[str]:
    """The mentions of news outlets and agencies in ``text`` (what :func:`distinctive_words` leaves out).

    >>> media_mentions("MINSK, 26 February (BelTA) - Belarus is ready, BelTA has learned. Source: tvn24.pl, PAP")
    ['BelTA', 'BelTA has learned', 'tvn24.pl', 'PAP']
    >>> media_mentions("A fox news anchor; the paper's page")
    []
    """
    return [m.group() for m in _media_mentions().finditer(text)]


def _tally(texts: pd.DataFrame, by: str, *, text_col: str = "text",
           stopwords: str | Iterable[str] | None = "english",
           min_length: int = 2, named: dict[str, Counter[str]] | None = None,
           named_docs: Counter[str] | None = None) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Per group, the count of each word; and the number of rows each word occurs in.

    With ``named`` (filled per group) the words inside mentions of news outlets (:func:`media_mentions`)
    are counted there too, and ``named_docs`` counts the rows where a word occurs *only* inside them:
    subtracted, they give the counts without the outlets' names.
    """
    if by not in texts.columns or text_col not in texts.columns:
        raise ValueError(f"need columns {by!r} and {text_col!r}; found {list(texts.columns)}")
    stop = _stopwords(stopwords)
    counts: dict[str, Counter[str]] = {}
    docs: Counter[str] = Counter()
    mentions = _media_mentions() if named is not None else None

    def words(text: str) -> Iterable[str]:
        for m in _WORD.finditer(text):
            w = _POSSESSIVE.sub("", m.group().lower().replace("’", "'"))  # "don’t" is "don't"
            if len(w) >= min_length and w not in stop:
                yield w

    for group, text in zip(texts[by].astype(str), texts[text_col].fillna("").astype(str), strict=True):
        c = counts.setdefault(group, Counter())
        seen: set[str] = set()
        if "http" in text or "www." in text:
            text = _URL.sub(" ", text)
        inside: list[str] = []
        if mentions is not None and named is not None:
            found = list(mentions.finditer(text))
            if found:
                inside = [w for m in found for w in words(m.group())]
                text = " ".join(text[a:b] for a, b in zip([0] + [m.end() for m in found],
                                                         [m.start() for m in found] + [len(text)], strict=True))
                named.setdefault(group, Counter()).update(inside)
                c.update(inside)
        for w in words(text):
            c[w] += 1
            seen.add(w)
        if inside and named_docs is not None:
            named_docs.update(set(inside) - seen)
            seen.update(inside)
        docs.update(seen)
    return counts, docs


def distinctive_words(
    data: pd.DataFrame | WordCounts,
    by: str = "source",
    *,
    reference: str | None = None,
    prior: Mapping[str, float] | pd.Series | None = None,
    alpha0: float | None = None,
    min_count: int = 2,
    stopwords: str | Iterable[str] | None = "english",
    top: int | None = None,
    drop_outlet_names: bool = True,
    min_articles: int | None = None,
    drop_reporting_verbs: bool = True,
    drop_furniture_only: bool = True,
) -> pd.DataFrame:
    """Words that distinguish each group: log-odds ratio with an informative Dirichlet prior.

    Parameters
    ----------
    data : DataFrame or WordCounts
        A corpus (with a ``text`` column and the ``by`` column), a
        :class:`WordCounts` fed with one chunk by chunk (the same result), or
        a table of word counts (index = words, one column per group).
    by : str
        Grouping column of a corpus (ignored for a counts table).
    reference : str, optional
        Compare every other group with this one. Default: each group against
        all the others pooled.
    prior : Series or mapping, optional
        Background word counts for the informative prior (default: the counts
        of the whole ``data``, as in Monroe et al. section 3.5.2).
    alpha0 : float, optional
        Total prior weight ``a_0``; the prior is ``a_w = alpha0 * pi_w`` with
        ``pi`` the background relative frequencies. Default: the background's
        total count (``a_w`` = background counts, so the prior weighs as much
        as the data). Smaller values shrink less.
    min_count : int
        Drop words seen fewer times than this in all the data.
    stopwords : 'english', None or collection
        Words to leave out when ``data`` is a corpus ('english':
        scikit-learn's list, which has known gaps, e.g. it includes "fire",
        "system" and "bill"). ``None`` keeps every word.
    top : int, optional
        Keep the ``top`` highest and ``top`` lowest z-scores per group.
    drop_outlet_names : bool
        When ``data`` is a corpus, leave out the outlets' own names and
        domains (from its ``source`` and ``url`` columns, see
        :func:`contrast.hygiene.outlet_names`): "ukrinform" or "belta"
        distinguishes an outlet only by signing its articles. Also when the
        corpus does not say them (``source`` is a country): the words of
        every mention of a news outlet or agency named in
        ``lexicons/affiliation_aliases.tsv`` (role ``journalist_or_media``:
        "Fox News Digital", "(BelTA)", "PAP", with an agency's "has learned"
        formula) and of every domain written in the text ("tvn24.pl",
        "Gazeta.pl") are not counted (:func:`media_mentions`); the same words
        elsewhere ("news" in "fake news") still are. The mentions stay in
        the text: attribution still reads those outlets as speakers.
    min_articles : int, optional
        When ``data`` is a corpus, leave out words found in fewer articles
        than this (an outlet's near-duplicates, ``duplicate_of``, count once): a word one page repeats thirty times (a comment widget's
        "ptsmoderatorfeatured", a name in one profile) says nothing about an
        outlet. Default: 3, or a tenth of the articles when there are fewer
        than 30 (at least 1, so two articles are still compared).
    drop_reporting_verbs : bool
        When ``data`` is a corpus, leave out the neutral reporting verbs
        (:func:`reporting_verb_forms`: "says", "said", "tells", "adds"):
        how often an outlet writes "X says" in its headlines is a style of
        attribution, which the attribution family measures (who is cited,
        with which verb), not a word of its framing; on headline corpora it
        tops every wire's list. Stance-bearing verbs ("claims", "alleged",
        "accuses", "denies") and hedges ("reportedly") stay. ``False``
        keeps them all.
    drop_furniture_only : bool
        When ``data`` is a corpus, leave out its furniture-only pages
        (``corpus.attrs["furniture_only"]``, set by hygiene, see
        :meth:`contrast.hygiene.Furniture.is_furniture_only`): a template
        headline the outlet repeats over no text or only a list of names
        (MSNBC's "Transcript: The Rachel Maddow Show, 3/4/22" over "Guests:
        ..."), whose guests' first names and show names were the outlet's
        "distinctive words". They stay in the corpus and in every other
        table; a warning says how many were left out per group, and the
        result's ``attrs["furniture_only"]`` holds the counts. ``False``
        counts them.

    Returns
    -------
    DataFrame
        Long form, one row per (group, word): ``group, reference, word,
        count, count_other, delta, z``; sorted by group then ``z``
        descending. ``z > 1.96`` marks a word as distinctive of ``group``,
        ``z < -1.96`` of the comparison.

    Notes
    -----
    Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words:
    Lexical feature selection and evaluation for identifying the content of
    political conflict. *Political Analysis* 16(4): 372-403. The z-score
    uses the approximate variance of eq. 20 and does not correct for the
    many words tested: read it as a ranking, not as a test per word.

    Examples
    --------
    >>> counts = pd.DataFrame({"A": [20, 5, 5], "B": [5, 20, 5]}, index=["war", "peace", "talks"])
    >>> out = distinctive_words(counts, min_count=1)
    >>> out[out.group == "A"].word.tolist()
    ['war', 'talks', 'peace']
    """
    left_out: dict[str, int] = {}
    if isinstance(data, WordCounts) or "text" in data.columns:
        acc = data if isinstance(data, WordCounts) else WordCounts(
            by, stopwords=stopwords, drop_furniture_only=drop_furniture_only).add(data)
        counts = acc.table(min_articles=min_articles, drop_outlet_names=drop_outlet_names,
                           drop_reporting_verbs=drop_reporting_verbs)
        left_out = dict(acc.furniture_only)
        if left_out:  # reported as the skipped rows are
            warnings.warn(f"distinctive words leave out {sum(left_out.values()):,} furniture-only page(s) (a "
                          "template headline over no text or only a list of names; kept in every other table): "
                          + ", ".join(f"{g} {n:,}" for g, n in left_out.items()), stacklevel=2)
    else:
        counts = data.apply(pd.to_numeric, errors="raise").fillna(0)
    cols = ["group", "reference", "word", "count", "count_other", "delta", "z"]
    if counts.shape[1] < 2:
        raise ValueError(f"need at least two groups to compare, found {list(counts.columns)}")
    if reference is not None and reference not in counts.columns:
        raise ValueError(f"reference {reference!r} is not a group; groups are {sorted(map(str, counts.columns))}")
    counts = counts[counts.sum(axis=1) >= min_count]
    if counts.empty:
        return pd.DataFrame(columns=cols)
    if prior is None:
        background = counts.sum(axis=1).astype(float)
    else:
        background = pd.Series(prior, dtype=float).reindex(counts.index).fillna(0.0)
        background = background + 0.01  # every word needs a positive prior
    a0 = float(background.sum()) if alpha0 is None else float(alpha0)
    if a0 <= 0:
        raise ValueError(f"alpha0 must be positive, got {alpha0!r}")
    alpha = (a0 * background / background.sum()).to_numpy()
    frames = []
    for g in counts.columns:
        if reference is not None and g == reference:
            continue
        yi = counts[g].to_numpy(float)
        if reference is None:
            yj = counts.drop(columns=[g]).sum(axis=1).to_numpy(float)
            ref = "rest"
        else:
            yj = counts[reference].to_numpy(float)
            ref = str(reference)
        delta, z = log_odds_dirichlet(yi, yj, alpha)
        frame = pd.DataFrame({"group": str(g), "reference": ref, "word": counts.index.astype(str),
                              "count": yi.astype("int64"), "count_other": yj.astype("int64"),
                              "delta": delta, "z": z})
        frame = frame.sort_values(["z", "word"], ascending=[False, True], kind="mergesort")
        if top is not None:
            frame = pd.concat([frame.head(top), frame.tail(top)]).drop_duplicates("word")
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)[cols]
    out.attrs["furniture_only"] = left_out
    return out


class WordCounts:
    """Word counts and document frequencies per group, fed chunk by chunk (:meth:`add`).

    :func:`distinctive_words` of a ``WordCounts`` fed with a corpus in any
    chunks equals that of the whole corpus at once: the counts add up, and
    what names an outlet (its first 50 URLs, its first 500 texts) is kept in
    corpus order. The CLI's streamed runs chart distinctive words this way.
    """

    def __init__(self, by: str = "source", *, stopwords: str | Iterable[str] | None = "english",
                 drop_furniture_only: bool = True) -> None:
        self.by, self.stopwords, self.drop_furniture_only = by, stopwords, drop_furniture_only
        self.n = 0
        #: group -> furniture-only pages left out (``corpus.attrs["furniture_only"]``, see :func:`distinctive_words`)
        self.furniture_only: Counter[str] = Counter()
        self._counts: dict[str, Counter[str]] = {}  # group -> word counts, groups in order of appearance
        self._docs: Counter[str] = Counter()
        self._named: dict[str, Counter[str]] = {}  # group -> words inside mentions of news outlets
        self._named_docs: Counter[str] = Counter()  # rows where a word stands only inside such mentions
        self._urls: dict[str, list[str]] = {}
        self._texts: dict[str, list[str]] = {}

    @property
    def groups(self) -> list[str]:
        """The groups counted so far, in order of appearance."""
        return list(self._counts)

    def add(self, corpus: pd.DataFrame) -> WordCounts:
        """Count a chunk of a corpus (``text`` and the ``by`` column; ``source`` and ``url`` name outlets).

        A near-duplicate of an earlier article of the same outlet (``duplicate_of``, see
        :func:`contrast.hygiene.find_duplicates`) is counted once, as in the tables: a page repeated six
        times (a newsletter widget standing alone) is one article, not six. A furniture-only page
        (``corpus.attrs["furniture_only"]``, see :func:`distinctive_words`) is not counted, and is counted
        in :attr:`furniture_only` (per group) instead, unless ``drop_furniture_only`` is False.
        """
        if "duplicate_of" in corpus.columns:
            corpus = corpus[corpus["duplicate_of"].isna().to_numpy()]
        only = corpus.attrs.get("furniture_only") if self.drop_furniture_only else None
        if only and "doc_id" in corpus.columns and self.by in corpus.columns:  # template pages without news
            skip = corpus["doc_id"].astype(str).isin(set(map(str, only))).to_numpy()
            if skip.any():
                self.furniture_only.update(corpus.loc[skip, self.by].astype(str).tolist())
                corpus = corpus[~skip]
        counts, docs = _tally(corpus, self.by, stopwords=self.stopwords, named=self._named,
                              named_docs=self._named_docs)
        for g, c in counts.items():
            self._counts.setdefault(g, Counter()).update(c)
        self._docs.update(docs)
        self.n += len(corpus)
        if "source" in corpus.columns:
            urls = corpus["url"] if "url" in corpus.columns else pd.Series([None] * len(corpus), index=corpus.index)
            for src, url, text in zip(corpus["source"].astype(str), urls, corpus["text"].astype(str), strict=True):
                texts = self._texts.setdefault(src, [])
                if len(texts) < 500:
                    texts.append(text)
                kept = self._urls.setdefault(src, [])
                if len(kept) < 50 and isinstance(url, str) and url:
                    kept.append(url)
        return self

    def table(self, *, min_articles: int | None = None, drop_outlet_names: bool = True,
              drop_reporting_verbs: bool = True) -> pd.DataFrame:
        """Words x groups counts: words in at least ``min_articles`` articles (default: see
        :func:`distinctive_words`), without the outlets' own names and (``drop_reporting_verbs``) the
        neutral reporting verbs."""
        counts = pd.DataFrame({g: pd.Series(c, dtype="int64") for g, c in self._counts.items()})
        counts = counts.fillna(0).astype("int64")
        counts.index.name = "word"
        counts = counts.sort_index()
        docs = pd.Series(self._docs, dtype="int64").reindex(counts.index, fill_value=0)
        if drop_outlet_names and self._named:  # the words of "Fox News Digital", "(BelTA)", "tvn24.pl" go
            named = pd.DataFrame({g: pd.Series(c, dtype="int64") for g, c in self._named.items()})
            named = named.reindex(index=counts.index, columns=counts.columns).fillna(0).astype("int64")
            counts = counts - named
            docs = docs - pd.Series(self._named_docs, dtype="int64").reindex(counts.index, fill_value=0)
            counts = counts[counts.sum(axis=1) > 0]
            docs = docs.reindex(counts.index)
        least = min(3, max(1, self.n // 10)) if min_articles is None else int(min_articles)
        counts = counts[docs >= least]
        if drop_outlet_names and self._texts:  # issue 14: an outlet's byline is not its framing
            counts = counts.drop(index=list(_outlet_words(self._urls, self._texts) & set(counts.index)))
        if drop_reporting_verbs:  # "says", "said": a style of attribution, measured by the attribution family
            counts = counts.drop(index=list(reporting_verb_forms() & set(counts.index)))
        return counts


def _outlet_words(urls_of: Mapping[str, list[str]], texts_of: Mapping[str, list[str]]) -> set[str]:
    """The words of every outlet's names and URL domains (``Fox News`` -> fox, news; ``censor.net`` -> censor),
    from each outlet's first URLs and texts."""
    from contrast.hygiene import outlet_names

    words: set[str] = set()
    for src in texts_of:
        names = outlet_names(src, urls_of.get(src, []))
        for name in names:
            words.update(_POSSESSIVE.sub("", m.group().lower()) for m in _WORD.finditer(name))
        # the name as the outlet writes it: "Al Jazeera" (aljazeera.com), "NBC" inside msnbc
        compact = {re.sub(r"\W", "", n) for n in names if len(re.sub(r"\W", "", n)) >= 5}
        words.update(compact)  # written as one word: "HuffPost" for huff-post
        sample = " ".join(texts_of[src])
        for a, b in re.findall(r"\b([A-Z]\w*)[\s-]+([A-Z]\w*)\b", sample):
            if (a + b).lower() in compact:
                words.update((a.lower(), b.lower()))
        for acronym in set(re.findall(r"\b[A-Z]{3,}\b", sample)):
            if any(c.endswith(acronym.lower()) and c != acronym.lower() for c in compact):
                words.add(acronym.lower())
    return words
