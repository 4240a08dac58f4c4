"""Framing over time on constructed corpora with a planted change after a date."""

from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest

import contrast
from contrast import trend as tr_function
from contrast.trend import events_from, n_periods, trend_long, trend_stream

matplotlib.use("Agg")

CHANGE = pd.Timestamp("2022-03-01")


def _corpus() -> pd.DataFrame:
    rows = []
    for month in range(1, 7):
        for i in range(8):
            date = pd.Timestamp(2022, month, 1 + 3 * i)
            for src in ("Alpha", "Beta"):
                hedged = src == "Alpha" and date >= CHANGE
                verb = "reportedly moved, possibly overnight," if hedged else "moved"
                rows.append({"doc_id": f"{src}-{month}-{i}", "source": src, "date": date.strftime("%Y-%m-%d"),
                             "title": f"Convoy {month}-{i} {src}",
                             "text": f"Troops {verb} towards the river crossing number {month * 10 + i}. "
                                     f"The convoy carried fuel and food for unit {i}."})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def arts() -> pd.DataFrame:
    corpus = contrast.load_corpus(_corpus())
    ev = contrast.extract(corpus, cache=False, progress=False)
    return contrast.articles(ev, corpus)


@pytest.fixture(scope="module")
def monthly(arts) -> pd.DataFrame:
    return contrast.trend(arts, by="source", period="M", features=["hedge_per_1k", "attribution_per_1k"],
                          n_boot=400)


def test_planted_change_shows(monthly):
    a = monthly[monthly.source == "Alpha"].set_index("period")
    before, after = a.loc[["2022-01", "2022-02"]], a.loc[["2022-03", "2022-04", "2022-05", "2022-06"]]
    assert (before["hedge_per_1k"] == 0).all()
    assert (after["hedge_per_1k_low"] > before["hedge_per_1k_high"].max()).all()
    b = monthly[monthly.source == "Beta"]
    assert (b["hedge_per_1k"] == 0).all()


def test_one_row_per_group_and_period(monthly, arts):
    assert len(monthly) == 12
    assert monthly.groupby("source")["n_articles"].sum().to_dict() == {"Alpha": 48, "Beta": 48}
    assert list(monthly.columns[:5]) == ["source", "period", "period_start", "period_end", "small"]
    assert monthly.period_start.is_monotonic_increasing is False  # sorted by group, then period
    assert monthly.groupby("source").period_start.apply(lambda s: s.is_monotonic_increasing).all()


def test_cells_use_the_one_statistics_engine(monthly, arts):
    cell = arts[(arts.source == "Alpha") & arts.date.str.startswith("2022-04")]
    one = contrast.compare(cell, by="source", features=["hedge_per_1k"], n_boot=400)
    row = monthly[(monthly.source == "Alpha") & (monthly.period == "2022-04")].iloc[0]
    assert row["hedge_per_1k"] == pytest.approx(one["hedge_per_1k"].iloc[0])
    assert row["n_words"] == one["n_words"].iloc[0]


def test_periods_week_quarter_and_span(arts):
    q = contrast.trend(arts, period="Q", features=["hedge_per_1k"], n_boot=200)
    assert sorted(set(q.period)) == ["2022Q1", "2022Q2"]
    w = contrast.trend(arts, period="W", features=["hedge_per_1k"], n_boot=200)
    assert w.period.str.contains("/").all() and len(w) > len(q)
    assert n_periods(arts.date, "M") == 6 and n_periods(arts.date, "Q") == 2
    assert n_periods(pd.Series([None, "nonsense"]), "M") == 0
    with pytest.raises(ValueError, match="period must be one of"):
        contrast.trend(arts, period="fortnight")


def test_undated_articles_are_left_out_and_counted(arts):
    a = arts.copy()
    a.loc[a.index[:3], "date"] = None
    out = contrast.trend(a, features=["hedge_per_1k"], n_boot=200)
    assert out.attrs["n_undated"] == 3 and out.n_articles.sum() == len(a) - 3


def test_trend_stream_matches_estimates(arts, monthly):
    chunks = [arts.iloc[:40], arts.iloc[40:]]
    streamed = trend_stream(chunks, features=["hedge_per_1k"], n_boot=200)
    merged = streamed.merge(monthly, on=["source", "period"], suffixes=("_s", ""))
    assert len(merged) == 12
    assert np.allclose(merged["hedge_per_1k_s"], merged["hedge_per_1k"])


def test_trend_long_is_the_chart_data(monthly):
    long = trend_long(monthly, ["hedge_per_1k"])
    assert len(long) == 12 and set(long.feature) == {"hedge_per_1k"}
    assert (long.period_start < long.period_mid).all()
    assert (long.ci_low <= long.estimate).all() and (long.estimate <= long.ci_high).all()
    with pytest.raises(ValueError, match="not in the trend table"):
        trend_long(monthly, ["nope_per_1k"])


def test_trend_chart_lines_bands_and_events(monthly):
    fig = contrast.plot.trend(monthly, features=["hedge_per_1k", "attribution_per_1k"],
                              events={"2022-03-01": "planted change", "2030-01-01": "out of range"})
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert len(axes) == 2
    assert len(axes[0].collections) == 2  # one CI band per outlet
    texts = [t.get_text() for t in axes[0].texts]
    assert texts == ["1"]  # the event in range, numbered
    assert "planted change" in fig.get_supxlabel() and "out of range" not in fig.get_supxlabel()
    assert fig.get_size_inches()[1] * 150 < 4000


def test_trend_chart_small_multiples_stay_under_4000px():
    rows = []
    for g in range(15):
        for m in range(1, 7):
            rows.append({"source": f"Outlet {g:02d}", "period": f"2022-0{m}",
                         "period_start": pd.Timestamp(2022, m, 1), "n_articles": 10, "small": False,
                         "hedge_per_1k": 1.0 + g, "hedge_per_1k_low": 0.5 + g, "hedge_per_1k_high": 1.5 + g,
                         "sentiment_mean": 0.1, "sentiment_mean_low": 0.0, "sentiment_mean_high": 0.2})
    trends = pd.DataFrame(rows)
    trends.attrs.update(by="source", period="M")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 15 outlets: colours may repeat, but no other warning
        warnings.filterwarnings("ignore", "15 outlets", UserWarning)
        fig = contrast.plot.trend(trends, features=["hedge_per_1k", "sentiment_mean"])
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 30
    assert fig.get_size_inches()[1] * 150 < 4000
    with pytest.warns(UserWarning, match="do not fit"):
        contrast.plot.trend(trends, features=["hedge_per_1k", "sentiment_mean"] * 3)


def test_contrast_trend_is_the_function():
    assert callable(tr_function) and tr_function is contrast.trend


def test_events_from_a_corpus_column():
    corpus = pd.DataFrame({"event": ["bucha", "beginning", "bucha", "bucha", "bucha"],
                           "date": ["2022-04-04", "2022-02-24", "2022-04-04", "2021-10-01", "2022-04-02"]})
    assert events_from(corpus) == {"2022-02-24": "beginning", "2022-04-04": "bucha"}


def test_trend_chart_lines_break_at_periods_without_articles():
    """A line or CI band never bridges months with no articles: Jan-Feb, then (no March) April-May."""
    months = [1, 2, 4, 5]
    trends = pd.DataFrame({
        "source": "Alpha", "period": [f"2022-0{m}" for m in months],
        "period_start": [pd.Timestamp(2022, m, 1) for m in months],
        "period_end": [pd.Timestamp(2022, m, 1) + pd.offsets.MonthEnd(0) for m in months],
        "n_articles": 10, "small": False,
        "hedge_per_1k": [1.0, 2.0, 3.0, 4.0], "hedge_per_1k_low": 0.5, "hedge_per_1k_high": 5.0})
    trends.attrs.update(by="source", period="M")
    ax = contrast.plot.trend(trends, features=["hedge_per_1k"]).axes[0]
    assert ax.get_ylabel() == "Hedges per 1,000 words"
    solid = [ln for ln in ax.lines if ln.get_linestyle() == "-"]
    assert sorted(len(ln.get_xdata()) for ln in solid) == [2, 2]  # two runs, no line across March
    assert len(ax.collections) == 2  # one band per run
    joined = trends.assign(period_end=trends["period_start"] + pd.offsets.MonthEnd(0))
    joined.loc[2:, "period_start"] = [pd.Timestamp(2022, 3, 1), pd.Timestamp(2022, 4, 1)]
    joined.loc[2:, "period_end"] = [pd.Timestamp(2022, 3, 31), pd.Timestamp(2022, 4, 30)]
    joined.attrs.update(by="source", period="M")
    ax = contrast.plot.trend(joined, features=["hedge_per_1k"]).axes[0]
    assert [len(ln.get_xdata()) for ln in ax.lines if ln.get_linestyle() == "-"] == [4]  # adjacent: one line


def test_trend_small_multiples_date_labels_on_every_column():
    rows = []
    for g in range(5):  # 5 outlets in 3 columns: the third column's last panel is on the first row
        for m in range(1, 5):
            rows.append({"source": f"Outlet {g}", "period": f"2022-0{m}", "period_start": pd.Timestamp(2022, m, 1),
                         "period_end": pd.Timestamp(2022, m, 1) + pd.offsets.MonthEnd(0), "n_articles": 10,
                         "small": False, "hedge_per_1k": 1.0, "hedge_per_1k_low": 0.5, "hedge_per_1k_high": 1.5})
    trends = pd.DataFrame(rows)
    trends.attrs.update(by="source", period="M")
    fig = contrast.plot.trend(trends, features=["hedge_per_1k"])
    fig.canvas.draw()
    grid = fig.axes[0].get_subplotspec().get_gridspec()
    for col in range(grid.ncols):
        shown = [ax for ax in fig.axes if ax.get_visible() and ax.get_subplotspec().colspan.start == col]
        last = max(shown, key=lambda ax: ax.get_subplotspec().rowspan.start)
        assert any(t.get_text() for t in last.get_xticklabels()), f"column {col} has no dates"
