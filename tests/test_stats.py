"""Statistics on tables with known answers (no matplotlib)."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import scipy.stats

from contrast import stats


def test_stats_and_tables_do_not_import_matplotlib():
    code = "import sys, contrast.stats, contrast.tables; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_bootstrap_ratio_covers_known_rate():
    rng = np.random.default_rng(42)
    words = rng.integers(300, 900, size=200)
    counts = rng.poisson(5.0 * words / 1000)  # true rate: 5 per 1,000 words
    est, low, high = stats.bootstrap_ratio(counts, words, scale=1000, n_boot=2000)
    assert est[0] == pytest.approx(1000 * counts.sum() / words.sum())
    assert low[0] < 5.0 < high[0]
    assert high[0] - low[0] < 1.5  # informative, not a vacuous interval


def test_bootstrap_ratio_is_reproducible_and_seeded():
    num, den = np.arange(10.0), np.full(10, 100.0)
    a = stats.bootstrap_ratio(num, den, rng=stats.group_rng(0, "A"))
    b = stats.bootstrap_ratio(num, den, rng=stats.group_rng(0, "A"))
    c = stats.bootstrap_ratio(num, den, rng=stats.group_rng(1, "A"))
    assert np.array_equal(np.stack(a), np.stack(b))
    assert not np.array_equal(np.stack(a), np.stack(c))


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        ([3], [100], (3 / 100, np.nan, np.nan)),  # one unit: no interval
        ([0, 0], [0, 0], (np.nan, np.nan, np.nan)),  # no denominator: NaN, no error
        ([], [], (np.nan, np.nan, np.nan)),
    ],
)
def test_bootstrap_ratio_edge_cases(num, den, expected):
    est, low, high = stats.bootstrap_ratio(np.asarray(num, float), np.asarray(den, float), n_boot=50)
    np.testing.assert_allclose([est[0], low[0], high[0]], expected, equal_nan=True)


def test_bootstrap_ci_matches_scipy_percentile():
    x = np.random.default_rng(3).normal(10, 2, size=80)
    est, low, high = stats.bootstrap_ci(x, n_boot=5000, seed=1)
    ref = scipy.stats.bootstrap((x,), np.mean, n_resamples=5000, method="percentile", random_state=1)
    assert est == pytest.approx(x.mean())
    assert low == pytest.approx(ref.confidence_interval.low, abs=0.1)
    assert high == pytest.approx(ref.confidence_interval.high, abs=0.1)


def test_bootstrap_rejects_bad_level():
    with pytest.raises(ValueError, match="ci must be between 0 and 1"):
        stats.bootstrap_ratio([1, 2], [1, 1], ci=95)


def test_permutation_test_known_cases():
    same = stats.permutation_ratio_test([1, 2, 3, 4], [10] * 4, [1, 2, 3, 4], [10] * 4, n_perm=999)
    apart = stats.permutation_ratio_test([0, 0, 1, 0, 0, 1], [10] * 6, [5, 6, 5, 7, 6, 5], [10] * 6,
                                         n_perm=999)
    assert same[0] == pytest.approx(1.0)
    assert apart[0] < 0.01
    assert apart[0] > 0  # never exactly zero (Phipson & Smyth 2010)


def test_permutation_test_matches_scipy_difference_of_means():
    rng = np.random.default_rng(7)
    x, y = rng.normal(0, 1, 15), rng.normal(0.8, 1, 15)
    ours = stats.permutation_ratio_test(x, np.ones_like(x), y, np.ones_like(y), n_perm=20000)[0]
    ref = scipy.stats.permutation_test((x, y), lambda a, b: np.mean(a) - np.mean(b), n_resamples=20000,
                                       alternative="two-sided", random_state=7).pvalue
    assert ours == pytest.approx(ref, abs=0.01)


def test_bh_adjust_hand_example_and_scipy():
    # hand: sorted p 0.01, 0.03, 0.04, 0.20 (m=4) -> p*m/rank = 0.04, 0.06, 0.0533, 0.20,
    # then the running minimum from the top: 0.04, 0.0533, 0.0533, 0.20
    p = [0.01, 0.04, 0.03, 0.20]
    np.testing.assert_allclose(stats.bh_adjust(p), [0.04, 0.16 / 3, 0.16 / 3, 0.20])
    q = np.random.default_rng(0).uniform(size=30)
    np.testing.assert_allclose(stats.bh_adjust(q), scipy.stats.false_discovery_control(q))


def test_bh_adjust_keeps_nan():
    out = stats.bh_adjust([0.01, np.nan, 0.02])
    assert np.isnan(out[1])
    np.testing.assert_allclose(out[[0, 2]], [0.02, 0.02])


def test_log_odds_matches_hand_computed_formula():
    # Monroe et al. (2008) eqs. 16 and 20 by hand: y_i = (3, 1), y_j = (1, 3), alpha = (2, 2):
    # a0 = 4, n_i = n_j = 4; word 0: delta = log(5/3) - log(3/5), var = 1/5 + 1/3
    delta, z = stats.log_odds_dirichlet([3, 1], [1, 3], [2.0, 2.0])
    d0 = math.log(5 / 3) - math.log(3 / 5)
    assert delta[0] == pytest.approx(d0)
    assert z[0] == pytest.approx(d0 / math.sqrt(1 / 5 + 1 / 3))
    assert z[1] == pytest.approx(-z[0])


def test_log_odds_unequal_sizes():
    # y_i = (10, 0, 5), y_j = (2, 4, 2), alpha = (1, 1, 1): n_i = 15, n_j = 8, a0 = 3
    delta, z = stats.log_odds_dirichlet([10, 0, 5], [2, 4, 2], [1.0, 1.0, 1.0])
    d1 = math.log(1 / (15 + 3 - 0 - 1)) - math.log(5 / (8 + 3 - 4 - 1))
    assert delta[1] == pytest.approx(d1)
    assert z[1] == pytest.approx(d1 / math.sqrt(1 / 1 + 1 / 5))


def test_distinctive_words_each_vs_rest_and_reference():
    counts = pd.DataFrame({"A": [20, 5, 5, 1], "B": [5, 20, 5, 1], "C": [5, 5, 20, 1]},
                          index=["war", "peace", "talks", "rare"])
    rest = stats.distinctive_words(counts, min_count=1)
    top = rest.sort_values("z", ascending=False).groupby("group").head(1)
    assert dict(zip(top.group, top.word, strict=True)) == {"A": "war", "B": "peace", "C": "talks"}
    assert set(rest.reference) == {"rest"}
    ref = stats.distinctive_words(counts, reference="A", min_count=1)
    assert set(ref.group) == {"B", "C"} and set(ref.reference) == {"A"}
    b = ref[ref.group == "B"].set_index("word")
    assert b.loc["peace", "z"] > 0 > b.loc["war", "z"]
    # informative prior = pooled counts: check one z against the formula
    alpha = counts.sum(axis=1).to_numpy(float)
    _, z = stats.log_odds_dirichlet(counts["B"], counts["A"], alpha)
    assert b.loc["peace", "z"] == pytest.approx(z[1])


def test_distinctive_words_from_corpus_and_errors():
    corpus = pd.DataFrame({"source": ["X", "Y"], "text": ["Kiev Kiev Kiev regime regime the", "Kyiv Kyiv Kyiv the"]})
    out = stats.distinctive_words(corpus, min_count=1)
    assert "the" not in set(out.word)  # English stop words left out
    x = out[out.group == "X"].set_index("word")
    assert x.loc["kiev", "z"] > 0 > x.loc["kyiv", "z"]
    with pytest.raises(ValueError, match="reference 'Z' is not a group"):
        stats.distinctive_words(corpus, reference="Z")
    with pytest.raises(ValueError, match="at least two groups"):
        stats.distinctive_words(corpus[corpus.source == "X"])
    assert stats.distinctive_words(corpus, min_count=100).empty


def test_poisson_bootstrap_does_not_depend_on_chunking():
    from contrast.stats import PoissonBootstrap

    rng = np.random.default_rng(3)
    num = rng.poisson(4, size=(300, 3)).astype(float)
    den = rng.integers(200, 900, size=(300, 3)).astype(float)
    results = []
    for cuts in ([300], [1, 299], [100, 100, 100], [7] * 42 + [6]):
        pb = PoissonBootstrap(3, n_boot=400, rng=np.random.default_rng(11))
        at = 0
        for n in cuts:
            pb.update(num[at:at + n], den[at:at + n])
            at += n
        assert at == 300
        results.append(np.concatenate(pb.result(scale=1000)))
    for r in results[1:]:
        np.testing.assert_array_equal(r, results[0])
    # and the interval covers the rate of the pooled sums
    est, low, high = np.split(results[0], 3)
    assert np.all(low < est) and np.all(est < high)
