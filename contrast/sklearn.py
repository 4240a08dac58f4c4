"""A scikit-learn transformer: article texts in, the framing feature table out.

:class:`FramingFeatures` runs :func:`contrast.extract` and
:func:`contrast.tables.articles` on each text and returns the numeric
features (rates per 1,000 words, shares, sentiment means), so the framing
measures can feed any scikit-learn model::

    make_pipeline(FramingFeatures(), StandardScaler(), LogisticRegression())
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from contrast.evidence import FAMILIES

__all__ = ["FramingFeatures", "framing_feature_columns"]

_ID_COLUMNS = ("n_words", "n_sentences", "n_body_sentences")


def _family_of(col: str, families: Sequence[str]) -> str | None:
    best = None
    for f in families:
        if col.startswith(f + "_") and (best is None or len(f) > len(best)):
            best = f
    return best


def framing_feature_columns(
    articles: pd.DataFrame, *, rates: bool = True, families: Iterable[str] | None = None
) -> list[str]:
    """The feature columns of an articles table (:func:`contrast.tables.articles`).

    Parameters
    ----------
    articles : DataFrame
        One row per article.
    rates : bool, default True
        ``True``: rates per 1,000 words, shares and means (``*_per_1k``,
        ``*_share``, ``*_mean``), comparable across articles of any length.
        ``False``: raw counts (``*_n``), the article length (``n_words``,
        ``n_sentences``, ``n_body_sentences``) and the means.
    families : iterable of str, optional
        Keep only the columns of these evidence families (``hedge``,
        ``attribution``, ...); length columns are always kept.

    Returns
    -------
    list of str
        Column names, in table order. Identifiers and metadata (``doc_id``,
        ``source``, ``title``, ``date``, ...) are never features.
    """
    numeric = [c for c in articles.columns if pd.api.types.is_numeric_dtype(articles[c])
               and not pd.api.types.is_bool_dtype(articles[c])]
    if rates:
        cols = [c for c in numeric if c.endswith(("_per_1k", "_share", "_mean"))
                and not c.endswith(("_low", "_high"))]
    else:
        cols = [c for c in numeric if c in _ID_COLUMNS or c.endswith(("_n", "_mean"))]
    if families is None:
        return cols
    wanted = set(families)
    known = list(FAMILIES)
    return [c for c in cols if c in _ID_COLUMNS or _family_of(c, known) in wanted]


def _texts(X: Any) -> tuple[list[str], list[bool] | None, pd.DataFrame | None]:
    """Texts (and headline flags) from the accepted input types."""
    if isinstance(X, str):
        raise TypeError("FramingFeatures expects a collection of texts (list, array, Series or a "
                        "DataFrame with a 'text' column), got a single string")
    frame: pd.DataFrame | None = None
    has_title: list[bool] | None = None
    if isinstance(X, pd.DataFrame):
        if "text" not in X.columns:
            raise ValueError(f"a DataFrame input needs a 'text' column; columns found: {list(X.columns)}")
        frame = X
        values: Sequence[Any] = X["text"].tolist()
        if "has_title" in X.columns:
            has_title = [bool(v) for v in X["has_title"]]
    elif isinstance(X, pd.Series):
        values = X.tolist()
    else:
        arr = np.asarray(X, dtype=object)
        if arr.ndim == 2 and arr.shape[1] == 1:
            arr = arr[:, 0]
        if arr.ndim != 1:
            raise ValueError(f"expected a 1-D collection of texts (or one column), got an array of "
                             f"shape {arr.shape}")
        values = arr.tolist()
    texts: list[str] = []
    for i, v in enumerate(values):
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            texts.append("")
        elif isinstance(v, str):
            texts.append(v)
        else:
            raise TypeError(f"text {i} is a {type(v).__name__}, not a string; FramingFeatures "
                            "takes raw article texts")
    return texts, has_title, frame


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Framing features of article texts: hedges, attribution, numbers, naming, sentiment.

    Each text is segmented, run through the evidence extractors
    (:func:`contrast.extract`) and aggregated into one row of the articles
    table (:func:`contrast.tables.articles`); the numeric features of that
    table are the output.

    Parameters
    ----------
    families : sequence of str, optional
        Evidence families to extract and keep (default: all), e.g.
        ``("hedge", "booster", "attribution")``.
    resources : mapping, optional
        Custom lexicons per extractor module, passed to
        :func:`contrast.extract` (``{"hedging": ...}``).
    rates : bool, default True
        Output rates per 1,000 words, shares and means (``True``), or raw
        counts with the article length and the means (``False``). See
        :func:`framing_feature_columns`.

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        The output columns, fixed at ``fit``: a feature absent from the
        articles table at ``transform`` time (e.g. a naming variant never
        seen) is 0, one not seen at ``fit`` is dropped.
    n_features_in_ : int
        1 for a 1-D collection of texts; the number of columns for a DataFrame.
    feature_names_in_ : ndarray of str
        The DataFrame's columns (only for DataFrame input).

    Notes
    -----
    Input ``X`` is either a 1-D collection of article texts (list, array,
    Series, or an ``(n, 1)`` array), or a DataFrame with a ``text`` column
    (e.g. the corpus from :func:`contrast.load_corpus`; a ``has_title``
    column is honoured, other columns are ignored). With 1-D input the
    first line is not forced to be a headline sentence. Missing texts
    (``None``/NaN) are empty. A measure that is undefined for a text (a
    rate of an empty text, a share of attributions when there are none, the
    sentiment toward an actor never mentioned) is 0 in the output, since
    scikit-learn models do not accept NaN; use :func:`contrast.articles` when
    you need to tell the two apart.

    ``fit`` is stateless apart from fixing the feature names; the features
    of a text do not depend on the other texts.

    Scikit-learn's ``check_estimator`` does not run on text-input
    estimators (tag ``input_tags.two_d_array=False``, as for
    ``CountVectorizer``); the test suite runs its data-independent checks
    and text-input equivalents of the others.

    Examples
    --------
    >>> from contrast.sklearn import FramingFeatures
    >>> ff = FramingFeatures(families=("hedge",))
    >>> X = ff.fit_transform(["Officials said it may possibly be true.", "It is true."])
    >>> X.shape[0], "hedge_per_1k" in ff.get_feature_names_out()
    (2, True)
    """

    def __init__(
        self,
        *,
        families: Sequence[str] | None = None,
        resources: Mapping[str, Any] | None = None,
        rates: bool = True,
    ) -> None:
        self.families = families
        self.resources = resources
        self.rates = rates

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.transformer_tags.preserves_dtype = []
        return tags

    # ------------------------------------------------------------------ internals

    def _check_params(self) -> list[str] | None:
        if not isinstance(self.rates, bool | np.bool_):
            raise TypeError(f"rates must be True or False, got {self.rates!r}")
        if self.families is None:
            return None
        if isinstance(self.families, str):
            fams = [self.families]
        else:
            fams = list(self.families)
        unknown = sorted(set(fams) - set(FAMILIES))
        if unknown:
            raise ValueError(f"unknown families {unknown}; choose from {list(FAMILIES)}")
        return fams

    def _table(self, X: Any, families: list[str] | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
        from contrast.extract import extract
        from contrast.tables import articles

        texts, has_title, frame = _texts(X)
        corpus = pd.DataFrame({
            "doc_id": [str(i) for i in range(len(texts))],
            "source": "",
            "title": "",
            "date": None,
            "text": texts,
            "has_title": has_title if has_title is not None else [False] * len(texts),
        })
        if not texts:
            raise ValueError("FramingFeatures needs at least one text; got 0")
        ev = extract(corpus, families=families, resources=self.resources, progress=False)
        return articles(ev, corpus), frame

    def _set_input_attrs(self, X: Any, frame: pd.DataFrame | None) -> None:
        if frame is not None:
            self.n_features_in_ = frame.shape[1]
            cols = list(frame.columns)
            if all(isinstance(c, str) for c in cols):
                self.feature_names_in_ = np.asarray(cols, dtype=object)
            elif hasattr(self, "feature_names_in_"):
                del self.feature_names_in_
        else:
            self.n_features_in_ = 1
            if hasattr(self, "feature_names_in_"):
                del self.feature_names_in_

    def _matrix(self, table: pd.DataFrame) -> np.ndarray:
        names = list(self.feature_names_out_)
        out = table.reindex(columns=names).astype("float64")
        return np.nan_to_num(out.to_numpy(dtype="float64", na_value=np.nan), nan=0.0,
                             posinf=0.0, neginf=0.0)

    # ------------------------------------------------------------------ API

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        """Fix the feature names from the articles table of ``X``.

        Parameters
        ----------
        X : 1-D collection of str, or DataFrame with a ``text`` column
            Article texts.
        y : ignored

        Returns
        -------
        self
        """
        self._fit_table(X)
        return self

    def _fit_table(self, X: Any) -> pd.DataFrame:
        families = self._check_params()
        table, frame = self._table(X, families)
        self._set_input_attrs(X, frame)
        cols = framing_feature_columns(table, rates=self.rates, families=families)
        self.feature_names_out_ = np.asarray(cols, dtype=object)
        return table

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> np.ndarray:
        """Fit and transform in one extraction pass (same result as ``fit(X).transform(X)``)."""
        table = self._fit_table(X)
        return self._matrix(table)

    def transform(self, X: Any) -> np.ndarray:
        """Framing features of each text.

        Parameters
        ----------
        X : 1-D collection of str, or DataFrame with a ``text`` column
            Article texts.

        Returns
        -------
        ndarray of shape (n_texts, n_features)
            Float features in the order of :meth:`get_feature_names_out`
            (a DataFrame after ``set_output(transform="pandas")``).
        """
        check_is_fitted(self, "feature_names_out_")
        families = self._check_params()
        table, _ = self._table(X, families)
        return self._matrix(table)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Output feature names (``hedge_per_1k``, ``attribution_distancing_share``, ...).

        Parameters
        ----------
        input_features : ignored
            Accepted for scikit-learn compatibility; the output names do not
            depend on the input column names.

        Returns
        -------
        ndarray of str
        """
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)
