"""Group labels for ``--by COLUMN``: a text column as is, a date by period, a number by quantile bins.

The grouping is decided from the whole column (:func:`grouping`), then
applied to any part of it (:meth:`Grouping.labels`), so a corpus read in
chunks gets the same groups as one read at once.

* **text** (any column that is not a date or a number with many values):
  the values as written; missing values are the group ``<NA>``.
* **period** (the ``date`` column, or any column when ``period`` is given):
  ``W``, ``M`` (default), ``Q`` or ``Y`` periods as pandas writes them
  (``2022-03``, ``2022Q1``); the label column is ``<column>_<period name>``
  (``date_month``).
* **bins** (a numeric column with more than ``bins`` distinct values):
  ``bins`` quantile bins of the whole column, ``[low, high)`` (the last one
  closed), in the column ``<column>_bin``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["Grouping", "grouping", "add_group_column", "PERIOD_NAMES"]

PERIOD_NAMES = {"W": "week", "M": "month", "Q": "quarter", "Y": "year"}
_NA = "<NA>"


def _dates(values: pd.Series) -> pd.Series:
    s = values if pd.api.types.is_datetime64_any_dtype(values) else values.astype("string")
    if pd.api.types.is_datetime64_any_dtype(s):
        out = s
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = pd.to_datetime(s, errors="coerce", format="ISO8601", utc=True)
            if out.isna().sum() > s.isna().sum():
                out = out.fillna(pd.to_datetime(s, errors="coerce", format="mixed", utc=True))
    if getattr(out.dt, "tz", None) is not None:
        out = out.dt.tz_convert(None)
    return out


def _numbers(values: pd.Series) -> pd.Series | None:
    if pd.api.types.is_bool_dtype(values):
        return None
    num = pd.to_numeric(values, errors="coerce") if not pd.api.types.is_numeric_dtype(values) else values
    present = values.notna().sum()
    if present == 0 or num.notna().sum() < 0.95 * present:
        return None
    return num.astype(float)


def _fmt(x: float) -> str:
    return f"{x:g}"


@dataclass(frozen=True)
class Grouping:
    """How one corpus column becomes group labels.

    Attributes
    ----------
    column : str
        The corpus column.
    name : str
        The column holding the labels (``column`` itself for text).
    kind : {"text", "period", "bins"}
    period : str or None
        ``W``, ``M``, ``Q`` or ``Y`` for a period grouping.
    edges : tuple of float
        Bin edges of a numeric grouping.
    """

    column: str
    name: str
    kind: str
    period: str | None = None
    edges: tuple[float, ...] = field(default_factory=tuple)

    def labels(self, values: pd.Series) -> pd.Series:
        """The group label of every value (``<NA>`` where missing or unparseable)."""
        if self.kind == "period":
            d = _dates(values)
            freq = {"Y": "Y", "W": "W", "Q": "Q", "M": "M"}[self.period or "M"]
            per = d.dt.to_period(freq)
            return per.astype("string").fillna(_NA).astype(str).set_axis(values.index)
        if self.kind == "bins":
            num = _numbers(values)
            num = pd.to_numeric(values, errors="coerce") if num is None else num
            edges = np.asarray(self.edges, dtype=float)
            names = [f"[{_fmt(lo)}, {_fmt(hi)}{']' if i == len(edges) - 2 else ')'}"
                     for i, (lo, hi) in enumerate(zip(edges[:-1], edges[1:], strict=True))]
            idx = np.clip(np.searchsorted(edges, num.to_numpy(float), side="right") - 1, 0, len(names) - 1)
            out = np.where(num.isna().to_numpy(), _NA, np.asarray(names, dtype=object)[idx])
            return pd.Series(out, index=values.index, dtype=object).astype(str)
        return values.astype("string").fillna(_NA).astype(str)

    def describe(self) -> str:
        """One sentence for the codebook and the report."""
        if self.kind == "period":
            return f"groups are {PERIOD_NAMES.get(self.period or 'M', self.period)}s of {self.column!r}"
        if self.kind == "bins":
            return (f"groups are {len(self.edges) - 1} quantile bins of {self.column!r} "
                    f"(edges {', '.join(_fmt(e) for e in self.edges)})")
        return f"groups are the values of {self.column!r}"


def grouping(values: pd.Series, column: str, *, period: str | None = None, bins: int = 5) -> Grouping:
    """Decide how ``values`` (the whole column) group articles.

    Examples
    --------
    >>> g = grouping(pd.Series(["2022-03-01", "2022-04-02"]), "date")
    >>> g.name, g.labels(pd.Series(["2022-03-31"])).tolist()
    ('date_month', ['2022-03'])
    >>> g = grouping(pd.Series(range(10)), "n", bins=2)
    >>> g.labels(pd.Series([0, 9])).tolist()
    ['[0, 4.5)', '[4.5, 9]']
    """
    if period is not None and period not in PERIOD_NAMES:
        raise ValueError(f"period must be one of {sorted(PERIOD_NAMES)}, got {period!r}")
    if period is not None or column == "date" or pd.api.types.is_datetime64_any_dtype(values):
        d = _dates(values)
        if d.notna().any():
            p = period or "M"
            return Grouping(column, f"{column}_{PERIOD_NAMES[p]}", "period", period=p)
        if period is not None:
            raise ValueError(f"--by {column!r}: no value parses as a date, so it cannot be grouped by period")
    num = _numbers(values)
    if num is not None and num.nunique() > bins:
        edges = np.unique(np.quantile(num.dropna().to_numpy(float), np.linspace(0, 1, bins + 1)))
        if len(edges) >= 2:
            return Grouping(column, f"{column}_bin", "bins", edges=tuple(float(e) for e in edges))
    return Grouping(column, column, "text")


def add_group_column(table: pd.DataFrame, by: str, *, period: str | None = None, bins: int = 5,
                     spec: Grouping | None = None) -> tuple[pd.DataFrame, Grouping]:
    """``table`` with the label column of ``by`` added (a copy), and the grouping used."""
    if by not in table.columns:
        raise ValueError(f"--by {by!r} is not a corpus column; columns: {list(table.columns)}")
    if by in {"text", "removed"}:
        raise ValueError(f"--by {by!r}: cannot group by the article text; choose a metadata column")
    g = spec or grouping(table[by], by, period=period, bins=bins)
    if g.name == by and g.kind == "text":
        return table, g
    return table.assign(**{g.name: g.labels(table[by])}), g
