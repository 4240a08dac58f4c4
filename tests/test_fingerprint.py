"""Framing fingerprints: cross-validated outlet identification with known answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import contrast
from contrast.fingerprints import Fingerprint, fingerprint, plot_fingerprint

FAST = {"n_repeats": 3, "n_permutations": 30, "n_boot": 500}


def _table(n: int = 30, seed: int = 1, hedge_rates=(("Hedger", 6.0), ("Plain", 1.0))) -> pd.DataFrame:
    """Articles table where only the hedge rate depends on the outlet."""
    rng = np.random.default_rng(seed)
    rows = []
    for src, rate in hedge_rates:
        for i in range(n):
            rows.append({
                "doc_id": f"{src}{i}", "source": src, "title": "", "n_words": 500,
                "hedge_per_1k": rng.poisson(rate * 2) / 2,
                "booster_per_1k": rng.poisson(2) / 2,
                "number_per_1k": rng.normal(10, 3),
                "sentiment_mean": rng.normal(0, 0.2),
                "attribution_distancing_share": rng.beta(2, 5),
            })
    return pd.DataFrame(rows)


def test_outlet_that_always_hedges_is_identified_by_hedge_rate():
    res = fingerprint(_table(), **FAST)
    assert isinstance(res, Fingerprint)
    assert res.classes == ["Hedger", "Plain"]
    assert res.balanced_accuracy > 0.85
    assert res.ci_low <= res.balanced_accuracy <= res.ci_high
    assert res.ci_low > res.baseline_high  # clearly above shuffled labels
    assert res.p_value < 0.05
    assert 0.35 < res.baseline < 0.65 and res.chance == 0.5
    top = res.weights.iloc[0]
    assert top["feature"] == "hedge_per_1k"
    assert top["class"] == "Plain" and top["mean"] < 0  # negative: points to Hedger
    assert top["sign_agreement"] == 1.0
    others = res.weights[res.weights["feature"] != "hedge_per_1k"]
    assert (others["mean"].abs() < abs(top["mean"]) / 3).all()
    # bookkeeping
    assert len(res.fold_weights) == 5 * FAST["n_repeats"] * len(res.features)
    assert res.confusion.to_numpy().sum() == 60 * FAST["n_repeats"]
    assert res.group_means.loc["hedge_per_1k", "Hedger"] > res.group_means.loc["hedge_per_1k", "Plain"]
    assert list(res.scores.columns) == ["repeat", "balanced_accuracy"]
    assert "hedge_per_1k" in res.summary() and "Hedger" in res._repr_html_()


def test_no_difference_gives_chance_accuracy():
    table = _table(hedge_rates=(("A", 2.0), ("B", 2.0)), seed=3)
    res = fingerprint(table, **FAST)
    assert abs(res.balanced_accuracy - 0.5) < 0.15
    assert res.ci_low < 0.5 + 0.05
    assert res.p_value > 0.05


def test_three_outlets_weights_per_class():
    table = _table(hedge_rates=(("A", 6.0), ("B", 1.0), ("C", 1.0)))
    table.loc[table["source"] == "C", "attribution_distancing_share"] += 0.4
    res = fingerprint(table, **FAST)
    assert res.chance == pytest.approx(1 / 3)
    assert res.balanced_accuracy > 0.75
    best = res.weights.loc[res.weights.groupby("class")["mean"].idxmax()].set_index("class")["feature"]
    assert best["A"] == "hedge_per_1k"
    assert best["C"] == "attribution_distancing_share"
    assert set(res.weights["class"]) == {"A", "B", "C"}


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        ({"A": 9, "B": 30}, r"at least 10 articles per 'source' group.*'A'.*A: 9, B: 30"),
        ({"A": 30}, r"at least two 'source' groups"),
    ],
)
def test_refuses_with_too_few_articles(sizes, message):
    table = pd.concat([_table(n=k, hedge_rates=((g, 1.0),)) for g, k in sizes.items()], ignore_index=True)
    with pytest.raises(ValueError, match=message):
        fingerprint(table, **FAST)


def test_refuses_on_bundled_corpus(demo_corpus):
    ev = contrast.evidence.evidence_frame([])
    from contrast.tables import articles

    table = articles(ev, demo_corpus)
    with pytest.raises(ValueError, match=r"needs at least 10 articles.*Business Insider: 1, Izvestia: 1"):
        fingerprint(table)


def test_option_errors():
    table = _table(n=12)
    with pytest.raises(ValueError, match="n_splits=13 needs at least 13"):
        fingerprint(table, n_splits=13, min_per_group=5)
    with pytest.raises(ValueError, match="no column 'outlet'"):
        fingerprint(table, by="outlet")
    with pytest.raises(ValueError, match=r"features \['nope'\] not in the table"):
        fingerprint(table, features=["nope"])
    with pytest.raises(ValueError, match="n_repeats must be an integer"):
        fingerprint(table, n_repeats=0)


def test_constant_and_missing_features_dropped_and_nan_imputed():
    table = _table()
    table["custom_per_1k"] = 0.0
    table["sentiment_west_mean"] = np.nan
    table.loc[::7, "number_per_1k"] = np.nan
    res = fingerprint(table, **FAST)
    assert set(res.dropped) == {"custom_per_1k", "sentiment_west_mean"}
    assert "number_per_1k" in res.features
    assert res.weights.iloc[0]["feature"] == "hedge_per_1k"


def test_reproducible_and_input_untouched():
    table = _table()
    before = table.copy()
    r1 = fingerprint(table, seed=5, **FAST)
    r2 = fingerprint(table, seed=5, **FAST)
    pd.testing.assert_frame_equal(table, before)
    assert r1.balanced_accuracy == r2.balanced_accuracy and r1.ci_low == r2.ci_low
    np.testing.assert_array_equal(r1.null, r2.null)
    pd.testing.assert_frame_equal(r1.weights, r2.weights)


def test_selected_features_only():
    res = fingerprint(_table(), features=["number_per_1k", "sentiment_mean"], **FAST)
    assert res.features == ["number_per_1k", "sentiment_mean"]
    assert res.balanced_accuracy < 0.7  # the hedge rate is left out: nothing to find


def test_plot_fingerprint_bars_are_the_weights():
    res = fingerprint(_table(), **FAST)
    ax = plot_fingerprint(res, top=3)
    top = res.top(3)
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx(list(top["mean"]))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Hedges"  # FEATURE_LABELS of hedge_per_1k, drawn at the top (first tick)
    assert f"{res.balanced_accuracy:.2f}" in ax.get_title(loc="left")
    # colour: a negative weight is drawn in the colour of classes[0]
    assert ax.patches[0].get_facecolor() != ax.patches[-1].get_facecolor() or top["mean"].lt(0).all()


def test_plot_fingerprint_multiclass_uses_given_axes():
    import matplotlib.pyplot as plt

    table = _table(hedge_rates=(("A", 6.0), ("B", 1.0), ("C", 1.0)))
    res = fingerprint(table, **FAST)
    fig, ax = plt.subplots()
    out = plot_fingerprint(res, ax=ax, top=2)
    assert out is ax
    assert len(ax.patches) == 2 * 3
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B", "C"]


# --------------------------------------------------------------------------- end to end

PLACES = ["Kharkiv", "Odesa", "Sumy", "Dnipro", "Kherson", "Poltava"]
PLAIN = [
    "Forces struck {p} on {d}.",
    "The governor said {n} people were hurt in {p}.",
    "Residents of {p} reported damage to {n} homes.",
    "Rescue teams worked through the night in {p}.",
    "The regional administration opened shelters in {p}.",
]
HEDGED = [
    "Forces reportedly struck {p} on {d}.",
    "The governor said {n} people may have been hurt in {p}.",
    "Residents of {p} reported damage to possibly {n} homes.",
    "Rescue teams apparently worked through the night in {p}.",
    "The regional administration is likely to open shelters in {p}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synth_corpus(n_per: int = 12, seed: int = 0) -> pd.DataFrame:
    """Two outlets writing the same kinds of sentences; one always hedges."""
    rng = np.random.default_rng(seed)
    rows = []
    for src, templates in (("Hedger", HEDGED), ("Plain", PLAIN)):
        for i in range(n_per):
            k = int(rng.integers(3, 6))
            sents = [templates[j].format(p=rng.choice(PLACES), d=rng.choice(DAYS), n=int(rng.integers(2, 40)))
                     for j in rng.choice(len(templates), size=k, replace=False)]
            rows.append({"doc_id": f"{src}-{i}", "source": src, "title": f"Strike on {rng.choice(PLACES)}",
                         "text": " ".join(sents)})
    return pd.DataFrame(rows)


def test_end_to_end_from_texts():
    corpus = contrast.load_corpus(synth_corpus())
    from contrast.tables import articles

    table = articles(contrast.extract(corpus), corpus)
    res = fingerprint(table, **FAST)
    assert res.balanced_accuracy > 0.9
    assert res.p_value < 0.05
    assert res.weights.iloc[0]["feature"].startswith("hedge_")
    assert res.group_means.loc["hedge_per_1k", "Hedger"] > 0 == res.group_means.loc["hedge_per_1k", "Plain"]
