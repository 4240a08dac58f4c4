"""Framing over time: every feature per group and period, with its interval.

:func:`trend` cuts an articles table into (group, period) cells and hands
them to :func:`contrast.tables.compare`, the one statistics engine, so a
cell's estimate and interval are computed exactly as an outlet's are (the
pooled ratio of the cell's articles, a bootstrap over its articles, the same
seed rule). :func:`trend_long` reshapes the result for charts
(:func:`contrast.plot.trend`).

>>> import pandas as pd
>>> arts = pd.DataFrame({"doc_id": list("abcdef"), "source": ["A"] * 6,
...                      "date": ["2022-01-05", "2022-01-20", "2022-02-03", "2022-02-10",
...                               "2022-03-01", "2022-03-15"],
...                      "n_words": [100] * 6, "n_sentences": [5] * 6,
...                      "hedge_n": [1, 1, 3, 3, 5, 5], "hedge_per_1k": [10, 10, 30, 30, 50, 50.]})
>>> t = trend(arts, period="M", n_boot=200, min_articles=1)
>>> t[["source", "period", "n_articles", "hedge_per_1k"]].values.tolist()
[['A', '2022-01', 2, 10.0], ['A', '2022-02', 2, 30.0], ['A', '2022-03', 2, 50.0]]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from contrast import tables

__all__ = ["PERIODS", "trend", "trend_stream", "trend_long", "parse_dates", "periods", "n_periods",
           "events_from"]

#: Accepted period codes: week, month, quarter (and day, year).
PERIODS = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y"}
_SEP = "\x1f"
_HEAD = ["period", "period_start", "period_end"]


def parse_dates(values: Any) -> pd.Series:
    """Dates as naive UTC timestamps; unparseable values give ``NaT`` (no pandas warning).

    ISO 8601 first (what :func:`contrast.load_corpus` keeps), then pandas'
    per-element parsing for the rest.
    """
    s = pd.Series(values, copy=False)
    if pd.api.types.is_datetime64_any_dtype(s):
        out = pd.to_datetime(s, utc=True)
    else:
        text = s.astype("string").str.strip()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = pd.to_datetime(text, errors="coerce", utc=True, format="ISO8601")
            rest = out.isna() & text.notna() & (text != "")
            if rest.any():
                out[rest] = pd.to_datetime(text[rest], errors="coerce", utc=True, format="mixed")
    return out.dt.tz_convert(None)


def _code(period: str) -> str:
    code = str(period).upper()
    if code not in PERIODS:
        raise ValueError(f"period must be one of {sorted(PERIODS)} (week W, month M, quarter Q), got {period!r}")
    return PERIODS[code]


def periods(dates: Any, period: str = "M") -> pd.Series:
    """The period (``pandas.Period``) of each date; missing dates give ``NaT``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "converting to PeriodArray will drop timezone"
        return parse_dates(dates).dt.to_period(_code(period))


def n_periods(dates: Any, period: str = "M") -> int:
    """How many periods the dates span, first to last (0 without dates).

    The CLI writes ``trends.csv`` when this is at least 3.
    """
    p = periods(dates, period).dropna()
    if p.empty:
        return 0
    return int((p.max() - p.min()).n) + 1


def _cells(articles: pd.DataFrame, by: str, period: str, date_col: str) -> tuple[pd.DataFrame, pd.Series]:
    if by not in articles.columns:
        raise ValueError(f"no column {by!r} to group by; articles has {list(articles.columns)}")
    if date_col not in articles.columns:
        raise ValueError(f"no date column {date_col!r}: trends need a date per article")
    per = periods(articles[date_col], period)
    keep = per.notna().to_numpy()
    frame = articles[keep].copy()
    per = per[keep]
    frame["_cell"] = frame[by].astype("string").fillna("<NA>") + _SEP + per.astype(str).to_numpy()
    return frame, per


def _finish(table: pd.DataFrame, by: str, period_of: dict[str, pd.Period], n_undated: int,
            min_articles: int, period: str) -> pd.DataFrame:
    keys = table.pop("_cell").astype(str)
    parts = keys.str.split(_SEP, n=1, expand=True)
    table.insert(0, by, parts[0].to_numpy())
    ps = [period_of[k] for k in keys]
    table.insert(1, "period", [str(p) for p in ps])
    table.insert(2, "period_start", pd.to_datetime([p.start_time for p in ps]))
    table.insert(3, "period_end", pd.to_datetime([p.end_time.normalize() for p in ps]))
    table.insert(4, "small", table["n_articles"] < min_articles)
    table = table.sort_values([by, "period_start"], kind="mergesort").reset_index(drop=True)
    table.attrs.update({"by": by, "period": period, "n_undated": n_undated, "min_articles": min_articles})
    return table


def trend(
    articles: pd.DataFrame,
    by: str = "source",
    period: str = "M",
    *,
    features: Sequence[str] | None = None,
    date_col: str = "date",
    evidence: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """One row per group and period: every feature with its bootstrap interval.

    Parameters
    ----------
    articles : DataFrame
        From :func:`contrast.articles` (needs a ``date`` column).
    by : str
        Grouping column (default ``source``).
    period : {'W', 'M', 'Q'}
        Week, month or quarter ('D' and 'Y' also work).
    features : list of str, optional
        Default: every ``*_per_1k``, ``*_share`` and ``*_mean`` column.
    date_col : str
        The column holding the date; articles without a parseable date are
        left out (their number is ``attrs["n_undated"]``).
    evidence, corpus : DataFrame, optional
        Passed to :func:`contrast.tables.compare`: cells with fewer than
        ``min_articles`` articles then resample sentences.
    min_articles, n_boot, seed, ci
        As in :func:`contrast.tables.compare`.

    Returns
    -------
    DataFrame
        ``<by>, period`` (e.g. ``2022-03``, ``2022Q1``,
        ``2022-02-21/2022-02-27``), ``period_start, period_end``, ``small``
        (fewer than ``min_articles`` articles: read with care), ``n_articles,
        n_sentences, n_words, resampled`` and, for each feature, ``<feature>,
        <feature>_low, <feature>_high``; sorted by group and period. Periods
        without articles have no row.
    """
    frame, per = _cells(articles, by, period, date_col)
    n_undated = len(articles) - len(frame)
    if frame.empty:
        raise ValueError(f"no article has a parseable {date_col!r}: no trend to compute")
    period_of = dict(zip(frame["_cell"], per, strict=True))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tables.SmallSampleWarning)  # marked in the `small` column
        table = tables.compare(frame, by="_cell", features=features, evidence=evidence, corpus=corpus,
                               min_articles=min_articles, n_boot=n_boot, seed=seed, ci=ci)
    return _finish(table, by, period_of, n_undated, min_articles, period)


def trend_stream(
    chunks: Iterable[pd.DataFrame],
    by: str = "source",
    period: str = "M",
    *,
    features: Sequence[str],
    date_col: str = "date",
    min_articles: int = 5,
    n_boot: int = 2000,
    seed: int | None = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """:func:`trend` over articles tables that arrive in chunks (the streaming CLI).

    The cells go to :func:`contrast.tables.compare_stream` (Poisson bootstrap
    over articles), as the streamed sources table does.
    """
    period_of: dict[str, pd.Period] = {}
    n_undated = 0

    def cells() -> Iterable[pd.DataFrame]:
        nonlocal n_undated
        for chunk in chunks:
            frame, per = _cells(chunk, by, period, date_col)
            n_undated += len(chunk) - len(frame)
            period_of.update(zip(frame["_cell"], per, strict=True))
            if len(frame):
                yield frame

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tables.SmallSampleWarning)
        table = tables.compare_stream(cells(), by="_cell", features=features, n_boot=n_boot, seed=seed, ci=ci)
    if table.empty:
        raise ValueError(f"no article has a parseable {date_col!r}: no trend to compute")
    return _finish(table, by, period_of, n_undated, min_articles, period)


def trend_long(trends: pd.DataFrame, features: Sequence[str] | str | None = None,
               by: str | None = None) -> pd.DataFrame:
    """The data a trend chart draws: one row per (group, period, feature).

    Columns ``<by>, period, period_start, period_end, period_mid, feature, label,
    estimate, ci_low, ci_high, n_articles, small``; ``label`` is the
    readable feature name, ``period_mid`` where a chart draws the period.
    A pure reshaping of :func:`trend`'s output.
    """
    by = by or trends.attrs.get("by") or str(trends.columns[0])
    all_feats = [c for c in trends.columns if f"{c}_low" in trends.columns and f"{c}_high" in trends.columns]
    if features is None:
        feats = all_feats
    else:
        feats = [features] if isinstance(features, str) else list(features)
        bad = [f for f in feats if f not in all_feats]
        if bad:
            raise ValueError(f"features {bad} are not in the trend table; choose from {all_feats[:12]}...")
    small = trends["small"] if "small" in trends.columns else pd.Series(False, index=trends.index)
    start = pd.to_datetime(trends["period_start"])
    end = pd.to_datetime(trends["period_end"]) if "period_end" in trends.columns else start
    mid = start + (end + pd.Timedelta(days=1) - start) / 2
    frames = []
    for f in feats:
        frames.append(pd.DataFrame({
            by: trends[by].to_numpy(), "period": trends["period"].to_numpy(),
            "period_start": start.to_numpy(), "period_end": end.to_numpy(), "period_mid": mid.to_numpy(), "feature": f,
            "label": tables.feature_label(f), "estimate": trends[f].to_numpy(float),
            "ci_low": trends[f"{f}_low"].to_numpy(float), "ci_high": trends[f"{f}_high"].to_numpy(float),
            "n_articles": trends["n_articles"].to_numpy(), "small": small.to_numpy(bool)}))
    cols = [by, "period", "period_start", "period_end", "period_mid", "feature", "label", "estimate", "ci_low", "ci_high",
            "n_articles", "small"]
    if not frames:
        return pd.DataFrame(columns=cols)
    out = pd.concat(frames, ignore_index=True)[cols]
    out.attrs["by"] = by
    return out


def events_from(corpus: pd.DataFrame, column: str = "event", *, date_col: str = "date") -> dict[str, str]:
    """Event markers from a corpus column: each event's peak day (most stories) -> its name.

    For corpora that tag each story with an event (e.g. ``ruwa_headlines.csv``,
    whose keyword-assigned tags also reach stories months before the event:
    the peak day, not the first, is when it happened).
    """
    if column not in corpus.columns or date_col not in corpus.columns:
        return {}
    frame = pd.DataFrame({"event": corpus[column], "day": parse_dates(corpus[date_col]).dt.normalize()}).dropna()
    if frame.empty:
        return {}
    counts = frame.groupby(["event", "day"]).size().reset_index(name="n")
    peak = counts.sort_values(["event", "n", "day"], ascending=[True, False, True]).drop_duplicates("event")
    peak = peak.sort_values("day")
    return {d.strftime("%Y-%m-%d"): str(e) for e, d in zip(peak["event"], peak["day"], strict=True)}
