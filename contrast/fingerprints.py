"""Framing fingerprints: how well do the framing features alone identify the outlet?

:func:`fingerprint` cross-validates a logistic regression on the
standardised features of the articles table and reports the balanced
accuracy with a confidence interval, against the accuracy the same procedure
reaches with shuffled labels, and the weight of each feature with its
stability across folds. :func:`plot_fingerprint` draws the weights.

Notes
-----
Cross-validated classification as a measure of how distinguishable groups
of texts are, and its interpretation through model weights, follows e.g.
Grimmer, Roberts & Stewart (2022), *Text as Data*, ch. 17-19. The
shuffled-label baseline is the permutation test of Ojala & Garriga (2010),
"Permutation tests for studying classifier performance", JMLR 11. Weights
of a linear model on standardised features are conditional effects: with
correlated features (a rate and its share), weight can move between them
from fold to fold; the sign agreement column shows when that happens.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, confusion_matrix
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

__all__ = ["Fingerprint", "fingerprint", "plot_fingerprint"]

#: Okabe & Ito (2008) colour-blind-safe palette, used in order of the groups.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")


@dataclass
class Fingerprint:
    """Result of :func:`fingerprint`.

    Attributes
    ----------
    by : str
        The grouping column (e.g. ``source``).
    classes : list
        The groups, in the model's order.
    group_sizes : Series
        Articles per group.
    features : list of str
        The features used (constant or all-missing ones are in ``dropped``).
    balanced_accuracy : float
        Mean out-of-fold balanced accuracy over the CV repeats.
    ci_low, ci_high : float
        95% CI of the balanced accuracy: stratified bootstrap of articles
        over their out-of-fold predictions (uncertainty from the sample of
        test articles; training-set variability is not included).
    chance : float
        ``1 / n_groups``, the expected balanced accuracy of guessing.
    baseline, baseline_high : float
        Mean and 95th percentile of the balanced accuracy with shuffled labels.
    p_value : float
        Share of shuffled-label runs that reach the observed balanced accuracy
        (``(1 + k) / (1 + n_permutations)``).
    scores : DataFrame
        Balanced accuracy per CV repeat (``repeat, balanced_accuracy``).
    weights : DataFrame
        One row per (class, feature): ``mean`` and ``sd`` of the
        standardised logistic-regression coefficient across the
        ``n_splits * n_repeats`` folds, ``sign_agreement`` (share of folds
        whose coefficient has the sign of the mean), sorted by ``|mean|``.
        With two groups there is one row per feature, for ``classes[1]``:
        positive weights point to ``classes[1]``, negative to ``classes[0]``.
    fold_weights : DataFrame
        The coefficient of every fold (long form).
    group_means : DataFrame
        Raw mean of each feature per group (features x groups), to read the
        weights against.
    confusion : DataFrame
        Out-of-fold confusion counts summed over repeats (true x predicted).
    null : ndarray
        The shuffled-label balanced accuracies.
    dropped : list of str
        Features left out (constant or all missing).
    settings : dict
        ``n_splits, n_repeats, n_permutations, seed, C``.
    """

    by: str
    classes: list[Any]
    group_sizes: pd.Series
    features: list[str]
    balanced_accuracy: float
    ci_low: float
    ci_high: float
    chance: float
    baseline: float
    baseline_high: float
    p_value: float
    scores: pd.DataFrame
    weights: pd.DataFrame
    fold_weights: pd.DataFrame
    group_means: pd.DataFrame
    confusion: pd.DataFrame
    null: np.ndarray
    dropped: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    def top(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` features with the largest mean absolute weight (all classes)."""
        order = (self.weights.assign(_abs=self.weights["mean"].abs())
                 .groupby("feature")["_abs"].max().sort_values(ascending=False))
        keep = list(order.index[:n])
        w = self.weights[self.weights["feature"].isin(keep)]
        return w.assign(_o=w["feature"].map({f: i for i, f in enumerate(keep)})) \
                .sort_values(["_o", "class"]).drop(columns="_o").reset_index(drop=True)

    def summary(self, n: int = 8) -> str:
        """Plain-text summary: accuracy, CI, baseline, strongest features."""
        sizes = ", ".join(f"{g}: {k}" for g, k in self.group_sizes.items())
        lines = [
            f"Framing fingerprint by {self.by!r} ({sizes}; {len(self.features)} features)",
            f"balanced accuracy {self.balanced_accuracy:.2f} (95% CI {self.ci_low:.2f}-{self.ci_high:.2f}); "
            f"chance {self.chance:.2f}; shuffled labels {self.baseline:.2f} "
            f"(95th pct {self.baseline_high:.2f}); permutation p = {self.p_value:.3g}",
        ]
        two = len(self.classes) == 2
        if two:
            lines.append(f"weights: positive -> {self.classes[1]}, negative -> {self.classes[0]}")
        for r in self.top(n).itertuples():
            who = "" if two else f"[{r[1]}] "
            lines.append(f"  {who}{r.feature:<40} {r.mean:+.2f} (sd {r.sd:.2f}, "
                         f"sign agreement {r.sign_agreement:.0%})")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head, *rest = self.summary(0).split("\n")
        return (f"<p><strong>{html.escape(head)}</strong><br>{'<br>'.join(map(html.escape, rest))}</p>"
                + self.top(10).to_html(index=False, float_format="{:.2f}".format))


def _check_features(articles: pd.DataFrame, features: Sequence[str] | None) -> list[str]:
    if features is None:
        from contrast.sklearn import framing_feature_columns

        cols = framing_feature_columns(articles, rates=True)
        if not cols:
            raise ValueError("no feature columns (*_per_1k, *_share, *_mean) in the table; "
                             "pass the table from contrast.articles or features=[...]")
        return cols
    if isinstance(features, str):
        features = [features]
    missing = [f for f in features if f not in articles.columns]
    if missing:
        raise ValueError(f"features {missing} not in the table; columns: {list(articles.columns)}")
    bad = [f for f in features if not pd.api.types.is_numeric_dtype(articles[f])]
    if bad:
        raise ValueError(f"features {bad} are not numeric")
    if not features:
        raise ValueError("features is empty")
    return list(features)


def _model(C: float) -> Pipeline:
    return make_pipeline(
        SimpleImputer(strategy="median", keep_empty_features=True),
        StandardScaler(),
        LogisticRegression(C=C, class_weight="balanced", solver="newton-cholesky", max_iter=1000),
    )


def fingerprint(
    articles: pd.DataFrame,
    by: str = "source",
    *,
    features: Sequence[str] | None = None,
    n_splits: int = 5,
    n_repeats: int = 10,
    n_permutations: int = 100,
    n_boot: int = 2000,
    C: float = 1.0,
    seed: int = 0,
    min_per_group: int = 10,
) -> Fingerprint:
    """How well do the framing features alone identify the outlet?

    Parameters
    ----------
    articles : DataFrame
        One row per article (:func:`contrast.articles`), with the ``by`` column.
    by : str, default "source"
        The grouping column to predict; articles with a missing value are left out.
    features : sequence of str, optional
        Numeric columns to use (default: every rate, share and mean of the
        table; constant or all-missing columns are dropped).
    n_splits : int, default 5
        Folds of the stratified cross-validation.
    n_repeats : int, default 10
        Repeats of the cross-validation with different fold assignments.
    n_permutations : int, default 100
        Shuffled-label runs for the baseline and the p-value (0: none).
    n_boot : int, default 2000
        Bootstrap resamples for the confidence interval.
    C : float, default 1.0
        Inverse L2 regularisation strength of the logistic regression.
    seed : int, default 0
        Seed of folds, bootstrap and permutations (results are reproducible).
    min_per_group : int, default 10
        Refuse to run when a group has fewer articles: with a handful of
        articles per outlet, any classifier finds something, and neither
        the accuracy nor the weights mean anything.

    Returns
    -------
    Fingerprint
        Accuracy with CI, baseline, p-value, weights with stability;
        ``summary()``, HTML view in Jupyter, :func:`plot_fingerprint`.

    Raises
    ------
    ValueError
        Fewer than two groups, fewer than ``min_per_group`` articles in a
        group (the message lists the group sizes), or bad options.

    Notes
    -----
    Model: median imputation, standardisation and a logistic regression with
    balanced class weights, all fitted inside each training fold (no
    information from the test fold leaks). See the module docstring for
    references.

    Examples
    --------
    >>> import contrast
    >>> from contrast.tables import articles
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> table = articles(contrast.extract(corpus), corpus)
    >>> fingerprint(table)  # one article per outlet
    Traceback (most recent call last):
    ...
    ValueError: fingerprint needs at least 10 articles per 'source' group ...
    """
    if by not in articles.columns:
        raise ValueError(f"no column {by!r} to group by; columns: {list(articles.columns)}")
    for name, v, least in (("n_splits", n_splits, 2), ("n_repeats", n_repeats, 1),
                        ("n_permutations", n_permutations, 0), ("n_boot", n_boot, 1),
                        ("min_per_group", min_per_group, 2)):
        if not isinstance(v, int | np.integer) or v < least:
            raise ValueError(f"{name} must be an integer >= {least}, got {v!r}")
    if C <= 0:
        raise ValueError(f"C must be positive, got {C!r}")
    cols = _check_features(articles, features)
    data = articles[articles[by].notna()]
    y_all = data[by].astype(str).to_numpy()
    sizes = pd.Series(y_all).value_counts().sort_index()
    sizes.index.name = by
    if len(sizes) < 2:
        raise ValueError(f"fingerprint needs at least two {by!r} groups to tell apart; found "
                         f"{len(sizes)} ({', '.join(f'{g}: {k}' for g, k in sizes.items())})")
    small = sizes[sizes < min_per_group]
    if len(small):
        have = ", ".join(f"{g}: {k}" for g, k in sizes.items())
        raise ValueError(
            f"fingerprint needs at least {min_per_group} articles per {by!r} group to claim anything "
            f"(too few in {list(small.index)}); articles per group: {have}. Collect more articles, "
            f"or leave out the small groups; with fewer articles the accuracy and the weights are noise")
    if sizes.min() < n_splits:
        raise ValueError(f"n_splits={n_splits} needs at least {n_splits} articles in every group; "
                         f"smallest group has {sizes.min()}")

    X_df = data[cols].apply(pd.to_numeric, errors="coerce").astype("float64")
    X_df = X_df.replace([np.inf, -np.inf], np.nan)
    keep = [c for c in cols if X_df[c].notna().any() and X_df[c].nunique(dropna=True) > 1]
    dropped = [c for c in cols if c not in keep]
    if not keep:
        raise ValueError(f"every feature is constant or missing across the articles: {cols[:10]}")
    X = X_df[keep].to_numpy()
    classes = sorted(sizes.index)
    y = np.searchsorted(classes, y_all)
    n, k = len(y), len(classes)

    cv = RepeatedStratifiedKFold(n_splits=n_splits, n_repeats=n_repeats, random_state=seed)
    oof = np.empty((n_repeats, n), dtype=int)
    coef_rows: list[pd.DataFrame] = []
    row_names = [classes[1]] if k == 2 else classes
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for i, (tr, te) in enumerate(cv.split(X, y)):
            m = _model(C).fit(X[tr], y[tr])
            oof[i // n_splits, te] = m.predict(X[te])
            coef = m[-1].coef_
            coef_rows.append(pd.DataFrame({
                "fold": i, "class": np.repeat(row_names, len(keep)),
                "feature": np.tile(keep, len(row_names)), "weight": coef.ravel()}))
        null = _null(X, y, n_splits, n_permutations, C, seed)

    per_repeat = np.array([balanced_accuracy_score(y, oof[r]) for r in range(n_repeats)])
    ba = float(per_repeat.mean())
    lo, hi = _bootstrap_ci(y, oof, k, n_boot, seed)
    fold_w = pd.concat(coef_rows, ignore_index=True)
    weights = _weight_table(fold_w)
    conf = sum(confusion_matrix(y, oof[r], labels=range(k)) for r in range(n_repeats))
    confusion = pd.DataFrame(conf, index=pd.Index(classes, name="true"),
                             columns=pd.Index(classes, name="predicted"))
    group_means = X_df[keep].groupby(y_all).mean().T
    group_means.columns.name = by
    p = float((1 + np.sum(null >= ba)) / (1 + len(null))) if len(null) else float("nan")
    return Fingerprint(
        by=by, classes=list(classes), group_sizes=sizes, features=keep,
        balanced_accuracy=ba, ci_low=lo, ci_high=hi, chance=1.0 / k,
        baseline=float(null.mean()) if len(null) else float("nan"),
        baseline_high=float(np.quantile(null, 0.95)) if len(null) else float("nan"),
        p_value=p,
        scores=pd.DataFrame({"repeat": range(n_repeats), "balanced_accuracy": per_repeat}),
        weights=weights, fold_weights=fold_w, group_means=group_means, confusion=confusion,
        null=null, dropped=dropped,
        settings={"n_splits": n_splits, "n_repeats": n_repeats, "n_permutations": n_permutations,
                  "n_boot": n_boot, "seed": seed, "C": C},
    )


def _null(X: np.ndarray, y: np.ndarray, n_splits: int, n_permutations: int, C: float,
          seed: int) -> np.ndarray:
    """Balanced accuracy of one CV run per shuffle of the labels."""
    rng = np.random.default_rng(seed + 1)
    out = np.empty(n_permutations)
    for p in range(n_permutations):
        yp = rng.permutation(y)
        pred = np.empty_like(yp)
        cv = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=int(rng.integers(2**31)))
        for tr, te in cv.split(X, yp):
            pred[te] = _model(C).fit(X[tr], yp[tr]).predict(X[te])
        out[p] = balanced_accuracy_score(yp, pred)
    return out


def _bootstrap_ci(y: np.ndarray, oof: np.ndarray, k: int, n_boot: int, seed: int) -> tuple[float, float]:
    """Percentile CI of the repeat-averaged balanced accuracy, resampling articles within groups."""
    rng = np.random.default_rng(seed)
    correct = (oof == y[None, :]).mean(axis=0)  # per article, averaged over repeats
    recalls = np.zeros((n_boot, k))
    for c in range(k):
        members = correct[y == c]
        idx = rng.integers(0, len(members), size=(n_boot, len(members)))
        recalls[:, c] = members[idx].mean(axis=1)
    boot = recalls.mean(axis=1)
    lo, hi = np.quantile(boot, [0.025, 0.975])
    return float(lo), float(hi)


def _weight_table(fold_w: pd.DataFrame) -> pd.DataFrame:
    g = fold_w.groupby(["class", "feature"], sort=False)["weight"]
    out = g.agg(["mean", "std"]).rename(columns={"std": "sd"}).reset_index()
    means = fold_w.merge(out[["class", "feature", "mean"]], on=["class", "feature"])
    agree = (np.sign(means["weight"]) == np.sign(means["mean"])).groupby(
        [means["class"], means["feature"]], sort=False).mean()
    out["sign_agreement"] = agree.to_numpy()
    out["sd"] = out["sd"].fillna(0.0)
    out = out.assign(_abs=out["mean"].abs()).sort_values(["class", "_abs"], ascending=[True, False])
    return out.drop(columns="_abs").reset_index(drop=True)


# --------------------------------------------------------------------------- chart


def _label(feature: str) -> str:
    try:
        from contrast.tables import FEATURE_LABELS
    except ImportError:  # pragma: no cover - tables is part of the package
        return feature
    return str(FEATURE_LABELS.get(feature, feature))


def _outlet_colours(classes: Sequence[Any]) -> dict[Any, str]:
    """The fixed outlet colours of :func:`contrast.plot.outlet_colors` (local palette as fallback)."""
    try:
        from contrast.plot import outlet_colors

        given = outlet_colors([str(c) for c in classes])
        return {c: given[str(c)] for c in classes}
    except (ImportError, KeyError, TypeError):
        return {c: OKABE_ITO[i % len(OKABE_ITO)] for i, c in enumerate(classes)}


def plot_fingerprint(result: Fingerprint, ax: Any = None, *, top: int = 12) -> Any:
    """Bar chart of the strongest feature weights, with their fold-to-fold spread.

    Parameters
    ----------
    result : Fingerprint
        From :func:`fingerprint`.
    ax : matplotlib Axes, optional
        Axes to draw on (default: a new figure).
    top : int, default 12
        Number of features shown (largest mean absolute weight).

    Returns
    -------
    matplotlib Axes
        Horizontal bars: mean standardised weight, error bars one SD across
        folds. Colours are the outlets' fixed colours
        (:func:`contrast.plot.outlet_colors`). With two groups a bar's colour
        is the group it points to;
        with more, one bar per group and feature. The title gives the
        balanced accuracy, its CI and the shuffled-label baseline.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * min(top, len(result.features)) + 1.8))
    w = result.top(top)
    feats = list(dict.fromkeys(w["feature"]))
    colours = _outlet_colours(result.classes)
    ypos = np.arange(len(feats))[::-1]
    if len(result.classes) == 2:
        c0, c1 = result.classes
        vals = w.set_index("feature").loc[feats]
        ax.barh(ypos, vals["mean"], xerr=vals["sd"], height=0.7,
                color=[colours[c1] if v > 0 else colours[c0] for v in vals["mean"]],
                error_kw={"elinewidth": 1, "ecolor": "0.3", "capsize": 2})
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=colours[c0], label=f"more typical of {c0}"),
                           Patch(color=colours[c1], label=f"more typical of {c1}")],
                  loc="best", fontsize=9, frameon=False)
        ax.set_xlabel(f"standardised weight (> 0: {c1}; < 0: {c0}); bars ±1 SD across folds")
    else:
        h = 0.8 / len(result.classes)
        for j, c in enumerate(result.classes):
            vals = w[w["class"] == c].set_index("feature").reindex(feats)
            ax.barh(ypos + (len(result.classes) - 1) / 2 * h - j * h, vals["mean"], xerr=vals["sd"],
                    height=h, color=colours[c], label=str(c),
                    error_kw={"elinewidth": 1, "ecolor": "0.3", "capsize": 1})
        ax.legend(fontsize=9, frameon=False, title=result.by)
        ax.set_xlabel("standardised weight toward each group; bars ±1 SD across folds")
    ax.axvline(0, color="0.2", linewidth=0.8)
    ax.set_yticks(ypos)
    ax.set_yticklabels([_label(f) for f in feats])
    ax.set_title(
        f"Framing fingerprint by {result.by}: balanced accuracy {result.balanced_accuracy:.2f} "
        f"(95% CI {result.ci_low:.2f}-{result.ci_high:.2f})\n"
        f"chance {result.chance:.2f}, shuffled labels {result.baseline:.2f}; "
        f"n = {int(result.group_sizes.sum())} articles",
        fontsize=10, loc="left")
    ax.grid(axis="x", alpha=0.3)
    return ax
