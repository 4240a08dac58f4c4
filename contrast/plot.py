"""Charts for comparing outlets: DataFrame in, matplotlib Axes out.

Every function takes a table from :mod:`contrast.tables` (or the evidence
table), draws on ``ax`` (a new figure when omitted) and returns the Axes; it
never calls ``plt.show`` or ``savefig``. Outlets keep one colour across all
charts (:func:`outlet_colors`, the Okabe-Ito colour-blind-safe palette).
:func:`save_charts` renders every chart to PNG and SVG.

Statistics live in :mod:`contrast.stats` and :mod:`contrast.tables`; this
module only draws them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from contrast import tables

__all__ = [
    "OKABE_ITO",
    "outlet_colors",
    "framing_profile",
    "category_shares",
    "stance_shares",
    "speaker_type_shares",
    "who_is_quoted",
    "hedges_vs_boosters",
    "sentiment_distribution",
    "actor_sentiment_heatmap",
    "numbers_by_category",
    "naming_shares",
    "top_naming_sets",
    "distinctive_words",
    "distinctive_words_grid",
    "save_charts",
    "SLIDE_STYLE",
    "voices_shares",
    "voices_by_side_chart",
    "voices_by_role_chart",
    "top_speakers_chart",
]

#: Okabe & Ito (2008) colour-universal-design palette, ordered so that the
#: first outlets get the most distinct colours (yellow last: weak on white).
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442")
#: Paul Tol's "muted" scheme (also colour-blind safe), used after the first eight outlets.
_TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
_GREY = "#7f7f7f"

#: Font sizes that stay readable when a 10 x 6 inch chart fills a slide.
SLIDE_STYLE: dict[str, Any] = {
    "font.size": 13, "axes.titlesize": 15, "axes.labelsize": 13, "xtick.labelsize": 12,
    "ytick.labelsize": 12, "legend.fontsize": 11, "figure.titlesize": 16,
    "axes.spines.top": False, "axes.spines.right": False, "svg.fonttype": "none",
    "savefig.bbox": "tight", "figure.dpi": 100, "savefig.dpi": 150,
}


def outlet_colors(sources: Iterable[Any]) -> dict[str, str]:
    """One fixed colour per outlet: sorted names get the Okabe-Ito colours in turn.

    The same set of outlets always gets the same colours, in every chart.

    Examples
    --------
    >>> outlet_colors(["Izvestia", "Business Insider", "Izvestia"])
    {'Business Insider': '#0072B2', 'Izvestia': '#D55E00'}
    """
    names = sorted({str(s) for s in sources if s is not None and not (isinstance(s, float) and np.isnan(s))})
    palette = OKABE_ITO + _TOL_MUTED
    if len(names) > len(palette):
        warnings.warn(f"{len(names)} outlets but {len(palette)} distinct colour-blind-safe colours; "
                      "colours repeat", UserWarning, stacklevel=2)
    return {n: palette[i % len(palette)] for i, n in enumerate(names)}


def _group_word(by: str) -> str:
    """How a grouping column is named in titles and legends."""
    return "outlet" if by == "source" else by.replace("_", " ")


#: Largest figure side in inches: under 4,000 px at the 150 dpi charts are saved at.
MAX_INCHES = 25.0


def _ax(ax: Axes | None, size: tuple[float, float] = (10, 6)) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt  # pyplot so that notebooks display the new figure

    w, h = (min(MAX_INCHES, float(x)) for x in size)
    fig = plt.figure(figsize=(w, h), layout="constrained")
    return fig.add_subplot()


def _note(ax: Axes, text: str, *, y: float = -0.12) -> None:
    """A grey note at the foot of the figure (what was left out, what is empty).

    Drawn as the figure's ``supxlabel``, which the layout places below every
    axis label, so it never overlaps them whatever the figure's size (``y``
    is kept for compatibility and ignored). Several notes are joined.
    """
    fig = ax.figure
    notes = [*getattr(fig, "_contrast_notes", []), text]
    fig._contrast_notes = notes  # type: ignore[union-attr]
    fig.supxlabel("; ".join(notes), fontsize=9, color="#444444", x=0.01, ha="left")  # type: ignore[union-attr]


#: Above this many groups, grouped bars give way to a heatmap (one row per group).
MAX_BAR_GROUPS = 5


def _colors(groups: Sequence[str], colors: Mapping[str, str] | None) -> dict[str, str]:
    base = outlet_colors(groups) if colors is None else dict(colors)
    return {g: base.get(g, _GREY) for g in groups}


def _empty(ax: Axes, title: str, msg: str) -> Axes:
    ax.set_title(title)
    ax.text(0.5, 0.5, msg, ha="center", va="center", transform=ax.transAxes, color=_GREY)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _groups(data: pd.DataFrame, by: str) -> list[str]:
    if by not in data.columns:
        raise ValueError(f"no column {by!r}; columns are {list(data.columns)}")
    return sorted(data[by].dropna().astype(str).unique().tolist())


#: Rates shown by default in the framing profile (those present are drawn).
PROFILE_FEATURES = (
    "hedge_per_1k", "booster_per_1k", "attribution_per_1k", "attribution_neutral_per_1k",
    "attribution_distancing_per_1k", "attribution_emphatic_per_1k", "attribution_endorsing_per_1k",
    "attribution_accusation_per_1k", "attribution_speaker_anonymous_per_1k", "number_per_1k",
    "number_casualties_per_1k", "naming_per_1k",
)


def framing_profile(
    data: pd.DataFrame,
    *,
    by: str = "source",
    features: Sequence[str] | None = None,
    colors: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Features x outlets: horizontal bars with confidence-interval whiskers.

    Parameters
    ----------
    data : DataFrame
        :func:`contrast.tables.compare` output (wide) or :func:`~contrast.tables.to_long`.
    by : str
        Grouping column.
    features : list of str, optional
        Features to draw, top to bottom (default: :data:`PROFILE_FEATURES`
        present in ``data``). Draw features of one unit together.
    colors : mapping, optional
        Outlet -> colour (default :func:`outlet_colors`).
    ax : Axes, optional

    Returns
    -------
    Axes
        One bar per (feature, outlet) in ``ax.patches``, in feature order
        then outlet order; the bar length is the estimate.

    Examples
    --------
    >>> wide = pd.DataFrame({"source": ["A", "B"], "hedge_per_1k": [4.0, 2.0],
    ...                      "hedge_per_1k_low": [3.0, 1.0], "hedge_per_1k_high": [5.0, 3.0]})
    >>> ax = framing_profile(wide)
    >>> [float(p.get_width()) for p in ax.patches]
    [4.0, 2.0]
    """
    long = data if "feature" in data.columns else tables.to_long(data, by)
    title = f"Framing profile: rates per 1,000 words by {_group_word(by)}"
    n_groups = long[by].nunique() if by in long.columns else 1
    n_feats = len(features) if features is not None else len(PROFILE_FEATURES)
    ax = _ax(ax, (10, max(7.0, 1.5 + 0.09 * n_feats * n_groups)))
    if features is None:
        est = pd.to_numeric(long["estimate"], errors="coerce").fillna(0)
        present = set(long.loc[est != 0, "feature"])  # leave out what no outlet has
        features = [f for f in PROFILE_FEATURES if f in present]
    else:
        features = list(features)
    long = long[long["feature"].isin(features)]
    if long.empty:
        return _empty(ax, title, "no features to show")
    groups = _groups(long, by)
    cols = _colors(groups, colors)
    k = len(groups)
    height = 0.8 / k
    yticks = []
    for i, f in enumerate(features):
        yticks.append(i)
        for j, g in enumerate(groups):
            r = long[(long["feature"] == f) & (long[by].astype(str) == g)]
            if r.empty:
                continue
            est = float(r["estimate"].iloc[0]) if pd.notna(r["estimate"].iloc[0]) else 0.0
            lo, hi = r["ci_low"].iloc[0], r["ci_high"].iloc[0]
            y = i - 0.4 + height * (j + 0.5)
            ax.barh(y, est, height=height * 0.92, color=cols[g], label=g if i == 0 else None)
            if pd.notna(lo) and pd.notna(hi):
                ax.errorbar(est, y, xerr=[[max(est - float(lo), 0)], [max(float(hi) - est, 0)]],
                            fmt="none", ecolor="#222222", elinewidth=1.2, capsize=3)
    ax.set_yticks(yticks, [_feature_label(f) for f in features])
    ax.invert_yaxis()
    unit = "per 1,000 words" if all(f.endswith("_per_1k") for f in features) else "estimate"
    level = int(round(100 * float(data.attrs.get("ci", 0.95))))
    ax.set_xlabel(f"{unit} (whiskers: {level}% bootstrap CI)")
    ax.set_xlim(left=0)
    ax.set_title(title)
    ax.legend(title=_group_word(by).capitalize(), loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    if "resampled" in long.columns and (long["resampled"] == "sentences").any():
        _note(ax, f"CIs resample sentences (fewer than 5 articles per {_group_word(by)}): descriptive only",
              y=-0.08)
    return ax


def _feature_label(feature: str) -> str:
    """The codebook's label for a column when there is one, else the tables' own."""
    try:
        from contrast import codebook  # type: ignore[attr-defined]

        lab = codebook.label(feature)
        if lab:
            return str(lab)
    except Exception:  # the codebook module is optional
        pass
    return tables.feature_label(feature)


def category_shares(
    data: pd.DataFrame,
    *,
    by: str = "source",
    category: str = "category",
    value: str = "share",
    order: Sequence[str] | None = None,
    title: str = "",
    xlabel: str = "",
    unit: str = "rows",
    groups: Sequence[str] | None = None,
    colors: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Each group's shares of a family's categories: grouped bars, or a heatmap for many groups.

    ``data`` is long (:func:`contrast.tables.shares`). Every category in
    ``order`` is drawn (empty ones as empty) and so is every category of the
    data that ``order`` does not name (e.g. ``unknown``), so each group's
    shares sum to 100%. A group without any row (``total`` 0, or absent
    from ``data`` but named in ``groups``) is kept and marked "none found".
    With up to :data:`MAX_BAR_GROUPS` groups, ``ax.patches`` hold the bars
    in category order, group by group (heights in %, or counts with
    ``value="n"``) and the legend gives each group's total; with more, the
    heatmap's array (``ax.images[0].get_array()``, groups x categories, in
    %) replaces the bars and the row labels carry the totals.

    Examples
    --------
    >>> d = pd.DataFrame({"source": ["A", "A", "B", "B"], "category": ["x", "y", "x", "y"],
    ...                   "n": [1, 3, 2, 2], "total": [4, 4, 4, 4], "share": [.25, .75, .5, .5]})
    >>> ax = category_shares(d)
    >>> [round(float(p.get_height()), 1) for p in ax.patches]
    [25.0, 75.0, 50.0, 50.0]
    """
    word = _group_word(by)
    all_groups = sorted(set(_groups(data, by)) | {str(g) for g in (groups or [])}) if len(data) or groups else []
    k = len(all_groups)
    seen = list(dict.fromkeys(data[category].astype(str))) if len(data) else []
    cats = list(order) if order is not None else seen
    cats += [c for c in seen if c not in cats]  # never drop a category the data has (e.g. "unknown")
    heat = k > MAX_BAR_GROUPS
    longest = max((len(f"{g} (n=1,000)") for g in all_groups), default=10)
    # upright category labels under many columns need their own height, rows a readable one
    label_room = 0.075 * max((len(c) for c in cats), default=0) if len(cats) > 5 else 0.0
    size = (max(8.0, 3.0 + 0.95 * len(cats) + 0.1 * longest), 1.8 + 0.55 * k + label_room) if heat else (10, 6)
    ax = _ax(ax, size)
    if not len(data) or data["total"].fillna(0).sum() == 0:
        return _empty(ax, title, "nothing found")
    totals = {g: 0 for g in all_groups}
    for g, t in data.groupby(data[by].astype(str))["total"].max().items():
        totals[str(g)] = int(t) if pd.notna(t) else 0
    pct = value == "share"
    mat = np.full((k, len(cats)), np.nan)
    for i, g in enumerate(all_groups):
        sub = data[data[by].astype(str) == g]
        got = dict(zip(sub[category].astype(str), pd.to_numeric(sub[value], errors="coerce"), strict=True))
        if totals[g]:
            mat[i] = [float(got.get(c, 0.0)) if pd.notna(got.get(c, 0.0)) else 0.0 for c in cats]
    if pct:
        mat = mat * 100
    empty = [g for g in all_groups if not totals[g]]
    rot = 0 if len(cats) <= 5 else 90  # upright labels never overlap, whatever their length
    tick_labels = [c.replace("_", " ") for c in cats]
    if heat:
        shown = mat if pct else mat / np.nansum(mat, axis=1, keepdims=True) * 100
        im = ax.imshow(np.ma.masked_invalid(shown), cmap="Blues", vmin=0, vmax=100, aspect="auto")
        for i in range(k):
            for j in range(len(cats)):
                v = shown[i, j]
                if np.isfinite(v):
                    ax.text(j, i, f"{v:.0f}%" if v >= 1 or v == 0 else "<1%", ha="center", va="center",
                            fontsize=10, color="white" if v > 60 else "black")
            if not totals[all_groups[i]]:
                ax.text((len(cats) - 1) / 2, i, "none found", ha="center", va="center", fontsize=10, color=_GREY)
        ax.set_xticks(np.arange(len(cats)), tick_labels, rotation=rot, ha="center")
        ax.set_yticks(np.arange(k), [f"{g} (n={totals[g]:,})" for g in all_groups])
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        cbar = ax.figure.colorbar(im, ax=ax, shrink=0.8)
        cbar.set_label(f"share of {unit} (%)")
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        return ax
    cols = _colors(all_groups, colors)
    x = np.arange(len(cats))
    width = 0.8 / k
    for j, g in enumerate(all_groups):
        vals = [0.0 if not np.isfinite(v) else float(v) for v in mat[j]]
        label = f"{g} (n={totals[g]:,})" if totals[g] else f"{g} (none found)"
        ax.bar(x - 0.4 + width * (j + 0.5), vals, width=width * 0.92, color=cols[g], label=label)
    ax.set_xticks(x, tick_labels, rotation=rot, ha="center")
    ax.set_ylabel(f"share of the {word}'s {unit} (%)" if pct else f"count of {unit}")
    if pct:
        ax.set_ylim(0, 100)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(title=f"{word.capitalize()} (total)", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if empty:
        _note(ax, f"none found in: {', '.join(empty)}", y=-0.2 if rot else -0.14)
    return ax


def stance_shares(data: pd.DataFrame, *, by: str = "source", colors: Mapping[str, str] | None = None,
                  groups: Sequence[str] | None = None, ax: Axes | None = None) -> Axes:
    """Share of attributions by reporting-verb stance, per outlet.

    ``data``: ``tables.shares(evidence, "attribution", "label")``.
    """
    return category_shares(data, by=by, order=tables.STANCES, colors=colors, ax=ax,
                           groups=groups, unit="attributions",
                           title=f"How each {_group_word(by)} attributes: stance of the reporting verb",
                           xlabel="stance (said = neutral, claimed = distancing, confirmed = endorsing, "
                                  "stressed = emphatic)")


def speaker_type_shares(data: pd.DataFrame, *, by: str = "source", colors: Mapping[str, str] | None = None,
                        groups: Sequence[str] | None = None, ax: Axes | None = None) -> Axes:
    """Share of attributions by speaker type (named, title, institution, pronoun, anonymous, unknown).

    ``data``: ``tables.shares(evidence, "attribution", "speaker_type")``; the
    ``unknown`` type (no speaker found) is drawn, so the shares sum to 100%.
    """
    return category_shares(data, by=by, order=[*tables.SPEAKER_TYPES, "unknown"], colors=colors, ax=ax,
                           groups=groups, unit="attributions", title="Who is cited: type of source",
                           xlabel="speaker type (unknown = no speaker found)")


def who_is_quoted(data: pd.DataFrame, *, by: str = "source", colors: Mapping[str, str] | None = None,
                  groups: Sequence[str] | None = None, ax: Axes | None = None) -> Axes:
    """Share of each group's cited speakers that belong to each side, with article-bootstrap whiskers
    (grouped bars up to :data:`MAX_BAR_GROUPS` groups, else a heatmap of the shares).

    ``data``: :func:`contrast.voices.voices_by_side` (the same shares as the articles table's
    ``attribution_actor_<side>_share`` and the pairwise table; agentless cues cite no one and are
    left out).
    """
    return voices_shares(data, by=by, colors=colors, ax=ax, groups=groups,
                         title="Whose voice is carried: side of the cited speaker",
                         xlabel="side of the speaker (other = another or unknown side)")


def hedges_vs_boosters(
    articles: pd.DataFrame,
    *,
    by: str = "source",
    colors: Mapping[str, str] | None = None,
    max_points: int = 1500,
    ax: Axes | None = None,
) -> Axes:
    """Each article as a point: hedges vs boosters per 1,000 words.

    ``ax.collections`` holds one scatter per outlet (in sorted order) whose
    offsets are the articles' ``(hedge_per_1k, booster_per_1k)``; above
    ``max_points`` articles per outlet a seeded random sample is drawn (and
    a note says so); the axes end at the 99.5th percentile (a note counts
    the articles beyond).
    """
    title = "Hedging vs boosting, by article"
    need = {"hedge_per_1k", "booster_per_1k"}
    n_groups = articles[by].nunique() if by in articles.columns else 1
    ax = _ax(ax, (8 + (2.5 if n_groups > 6 else 0), 7))
    if not need <= set(articles.columns) or articles.empty:
        return _empty(ax, title, "no hedge/booster rates")
    groups = _groups(articles, by)
    cols = _colors(groups, colors)
    n = len(articles)
    size = 90 if n <= 100 else 40 if n <= 1000 else 12
    drawn = 0
    for g in groups:
        sub = articles[articles[by].astype(str) == g]
        show = sub if len(sub) <= max_points else sub.sample(max_points, random_state=0)
        drawn += len(show)
        ax.scatter(show["hedge_per_1k"].astype(float), show["booster_per_1k"].astype(float), s=size,
                   color=cols[g], edgecolor="white", linewidth=0.8 if size > 20 else 0.2,
                   label=f"{g} ({len(sub):,} article{'s' if len(sub) != 1 else ''})", alpha=0.9 if n <= 1000 else 0.5)
    vals = articles[list(need)].astype(float).to_numpy()
    hi = float(np.nanpercentile(vals, 99.5)) if np.isfinite(vals).any() else 1.0
    hi = 1.0 if not np.isfinite(hi) or hi <= 0 else hi * 1.15
    ax.plot([0, hi], [0, hi], color=_GREY, linewidth=1, linestyle="--", label="as many hedges as boosters")
    ax.set_xlim(-0.03 * hi, hi)
    ax.set_ylim(-0.03 * hi, hi)
    ax.set_xlabel("hedges per 1,000 words")
    ax.set_ylabel("boosters per 1,000 words")
    ax.set_title(title)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0), title=_group_word(by).capitalize())
    notes = []
    if drawn < n:
        notes.append(f"{drawn:,} of {n:,} articles drawn (a random sample of at most {max_points:,} per "
                     f"{_group_word(by)})")
    outside = int((np.nanmax(vals, axis=1) > hi).sum()) if len(vals) else 0
    if outside:
        notes.append(f"{outside:,} article(s) beyond the axes (the top 0.5%)")
    if notes:
        _note(ax, "; ".join(notes), y=-0.1)
    return ax


def sentiment_distribution(
    evidence: pd.DataFrame,
    *,
    by: str = "source",
    colors: Mapping[str, str] | None = None,
    max_points: int = 400,
    ax: Axes | None = None,
) -> Axes:
    """Sentence sentiment (VADER compound) per outlet: horizontal box plots plus the sentences as dots.

    One row per outlet (sorted, top to bottom), labelled with its mean and
    number of sentences; ``ax.collections[i]`` holds outlet *i*'s sentence
    scores as x offsets (a seeded sample of ``max_points`` when it has more;
    the boxes use every sentence).
    """
    title = f"Sentence sentiment by {_group_word(by)} (VADER compound)"
    n_groups = evidence[by].nunique() if by in evidence.columns else 1
    ax = _ax(ax, (10, max(4.5, 1.6 + 0.55 * n_groups)))
    sub = evidence[evidence["family"].astype("string") == "sentiment"]
    sub = sub.assign(compound=pd.to_numeric(sub["compound"], errors="coerce")).dropna(subset=["compound"])
    if sub.empty:
        return _empty(ax, title, "no sentence sentiment scores")
    groups = _groups(sub, by)
    if not groups:
        return _empty(ax, title, f"no {_group_word(by)} to compare")
    cols = _colors(groups, colors)
    values = [sub.loc[sub[by].astype(str) == g, "compound"].to_numpy(float) for g in groups]
    bp = ax.boxplot(values, positions=np.arange(len(groups)), widths=0.6, showfliers=False, orientation="horizontal",
                    patch_artist=True, medianprops={"color": "black", "linewidth": 2})
    for patch, g in zip(bp["boxes"], groups, strict=True):
        patch.set_facecolor(cols[g])
        patch.set_alpha(0.35)
    rng = np.random.default_rng(0)
    sampled = False
    for i, (g, v) in enumerate(zip(groups, values, strict=True)):
        pts = v if len(v) <= max_points else rng.choice(v, max_points, replace=False)
        sampled |= len(pts) < len(v)
        ax.scatter(pts, i + rng.uniform(-0.2, 0.2, len(pts)), s=18 if len(pts) > 200 else 28, color=cols[g],
                   edgecolor="white", linewidth=0.4, zorder=3, alpha=0.8)
    ax.axvline(0, color=_GREY, linewidth=1, linestyle="--")
    ax.set_yticks(np.arange(len(groups)),
                  [f"{g}\nmean {np.mean(v):+.2f}, n={len(v):,}" for g, v in zip(groups, values, strict=True)])
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_xlabel("compound score of the sentence (-1 negative to +1 positive)")
    ax.set_title(title)
    if sampled:
        _note(ax, f"dots: a random sample of at most {max_points:,} sentences per {_group_word(by)}; "
                  "boxes use every sentence", y=-0.1)
    return ax


def actor_sentiment_heatmap(
    data: pd.DataFrame,
    *,
    by: str = "source",
    groups: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap outlet x actor of the mean sentiment toward the actor's mentions.

    ``data``: :func:`contrast.tables.actor_sentiment`. Cells show the mean
    and the number of mentions; empty cells are outlets that never mention
    the actor. ``groups`` lists every outlet to show: one that mentions no
    side keeps its row ("no side mentioned"), never vanishes. The image
    array (``ax.images[0].get_array()``) is the pivot table (outlets as
    rows, sorted).
    """
    title = f"Sentiment toward each side, by {_group_word(by)}"
    present = set(data[by].astype(str)) if by in data.columns and len(data) else set()
    rows = sorted(present | {str(g) for g in (groups or [])})
    ax = _ax(ax, (9, 1.8 + 0.55 * max(1, len(rows))))
    if data.empty:
        return _empty(ax, title, "no actor mentions" + (f" in {', '.join(rows)}" if rows else ""))
    d = data.assign(**{by: data[by].astype(str)})
    pivot = d.pivot_table(index=by, columns="actor", values="mean", aggfunc="first").reindex(rows)
    counts = d.pivot_table(index=by, columns="actor", values="n", aggfunc="first").reindex_like(pivot)
    arr = pivot.to_numpy(float)
    lim = float(np.nanmax(np.abs(arr))) if np.isfinite(arr).any() else 0.5
    lim = max(0.25, np.ceil(lim * 20) / 20)
    im = ax.imshow(np.ma.masked_invalid(arr), cmap="RdBu", vmin=-lim, vmax=lim, aspect="auto")
    small = len(rows) > 8
    for i in range(arr.shape[0]):
        if not np.isfinite(arr[i]).any():
            ax.text((arr.shape[1] - 1) / 2, i, f"no side mentioned by this {_group_word(by)}", ha="center",
                    va="center", fontsize=10, color=_GREY)
            continue
        for j in range(arr.shape[1]):
            if np.isfinite(arr[i, j]):
                dark = abs(arr[i, j]) > 0.6 * lim
                sep = "  " if small else "\n"
                ax.text(j, i, f"{arr[i, j]:+.2f}{sep}n={int(counts.iat[i, j]):,}", ha="center", va="center",
                        fontsize=10 if small else 12, color="white" if dark else "black")
            else:
                ax.text(j, i, "not mentioned" if small else "not\nmentioned", ha="center", va="center",
                        fontsize=9 if small else 10, color=_GREY)
    ax.set_xticks(np.arange(arr.shape[1]), [str(c) for c in pivot.columns])
    ax.set_yticks(np.arange(arr.shape[0]), [str(r) for r in pivot.index])
    ax.set_xlabel("actor mentioned")
    ax.set_ylabel(_group_word(by))
    ax.set_title(title)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    cbar = ax.figure.colorbar(im, ax=ax, shrink=0.9)
    cbar.set_label("mean compound toward actor\n(-1 negative, +1 positive)")
    return ax


def numbers_by_category(data: pd.DataFrame, *, by: str = "source", colors: Mapping[str, str] | None = None,
                        groups: Sequence[str] | None = None, value: str = "share", ax: Axes | None = None) -> Axes:
    """Which kinds of number each outlet cites: share of its numbers by category, with n.

    ``data``: ``tables.shares(evidence, "number", "label")``; bar heights are
    shares (%) of the group's numbers, so an outlet with more articles does
    not "cite more" (``value="n"`` draws counts).
    """
    return category_shares(data, by=by, value=value, order=tables.NUMBER_CATEGORIES,
                           colors=colors, ax=ax, groups=groups, unit="numbers",
                           title="Numbers cited, by category", xlabel="category of number")


def top_naming_sets(data: pd.DataFrame, max_sets: int = 6) -> list[str]:
    """The contested-name sets with the most occurrences (all groups together), most frequent first."""
    if data.empty:
        return []
    per = data.groupby(["set", data.columns[0]])["total"].max().groupby(level=0).sum()
    return per.sort_values(ascending=False, kind="mergesort").index.astype(str).tolist()[:max_sets]


def _short_label(variant: str, nset: str, width: int = 34) -> str:
    """``variant  [set]``, cut to ``width`` characters a part (a set can list many long variants)."""
    def cut(x: str) -> str:
        x = str(x)
        return x if len(x) <= width else x[: width - 1].rstrip() + "…"

    return f"{cut(variant)}  [{cut(nset)}]"


def naming_shares(
    data: pd.DataFrame,
    *,
    by: str = "source",
    max_sets: int = 6,
    colors: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Which variant of each contested name an outlet uses (share within the set).

    ``data``: :func:`contrast.tables.naming_shares`. Only the ``max_sets``
    most frequent sets are drawn (a note names how many more there are; the
    report lists them all in a table). With up to :data:`MAX_BAR_GROUPS`
    groups: one row per ``set: variant`` and bars (``ax.patches``) in row
    order, outlet by outlet, widths in %; with more, a heatmap groups x
    variants (``ax.images[0].get_array()``, in %).
    """
    title = f"Naming: which variant each {_group_word(by)} uses"
    sets = top_naming_sets(data, max_sets) if not data.empty else []
    n_more = data["set"].nunique() - len(sets) if not data.empty else 0
    shown = data[data["set"].astype(str).isin(sets)] if not data.empty else data
    order = {s_: i for i, s_ in enumerate(sets)}
    rows = (shown[["set", "variant"]].drop_duplicates()
            .assign(_o=lambda d: d["set"].map(order), _v=lambda d: d["variant"].str.lower())
            .sort_values(["_o", "_v"])[["set", "variant"]] if not shown.empty else shown)
    groups = _groups(shown, by) if not shown.empty else []
    heat = len(groups) > MAX_BAR_GROUPS
    if heat:
        longest = max((len(f"{g} (n=1,000)") for g in groups), default=10)
        size = (max(8.0, 3.5 + 0.75 * len(rows) + 0.1 * longest), 2.6 + 0.45 * len(groups) + 0.11 * 40)
    else:
        size = (10, max(3.5, 1.2 + 0.3 * len(rows) * max(1, len(groups))))
    ax = _ax(ax, size)
    if data.empty:
        return _empty(ax, title, "no contested names found")
    labels = [_short_label(var, nset) for nset, var in rows.itertuples(index=False)]
    lookup = {(str(a), str(b), str(c)): r for a, b, c, r in
              zip(shown["set"], shown["variant"], shown[by], shown[["n", "total", "share"]].itertuples(index=False),
                  strict=True)}
    if heat:
        mat = np.full((len(groups), len(rows)), np.nan)
        for i, g in enumerate(groups):
            for j, (nset, var) in enumerate(rows.itertuples(index=False)):
                r = lookup.get((str(nset), str(var), g))
                if r is not None and pd.notna(r.share):
                    mat[i, j] = 100 * float(r.share)
        im = ax.imshow(np.ma.masked_invalid(mat), cmap="Purples", vmin=0, vmax=100, aspect="auto")
        for i in range(mat.shape[0]):
            for j in range(mat.shape[1]):
                if np.isfinite(mat[i, j]):
                    ax.text(j, i, f"{mat[i, j]:.0f}%", ha="center", va="center", fontsize=9,
                            color="white" if mat[i, j] > 60 else "black")
                else:
                    ax.text(j, i, "–", ha="center", va="center", fontsize=9, color=_GREY)
        totals = shown.groupby(shown[by].astype(str))["total"].sum()
        ax.set_yticks(np.arange(len(groups)), [f"{g} (n={int(totals.get(g, 0)):,})" for g in groups])
        ax.set_xticks(np.arange(len(rows)), labels, rotation=90, ha="center")
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        cbar = ax.figure.colorbar(im, ax=ax, shrink=0.8)
        cbar.set_label("share of the set's occurrences (%); – = set not used")
        ax.set_title(title)
    else:
        cols = _colors(groups, colors)
        height = 0.8 / len(groups)
        for i, (nset, var) in enumerate(rows.itertuples(index=False)):
            for j, g in enumerate(groups):
                r = lookup.get((str(nset), str(var), g))
                share = float(r.share) * 100 if r is not None and pd.notna(r.share) else 0.0
                y = i - 0.4 + height * (j + 0.5)
                ax.barh(y, share, height=height * 0.92, color=cols[g], label=g if i == 0 else None)
                if r is not None and len(groups) * len(rows) <= 40:
                    ax.annotate(f"{int(r.n)}/{int(r.total)}", (share, y), xytext=(4, 0),
                                textcoords="offset points", va="center", fontsize=9)
        ax.set_yticks(np.arange(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_xlim(0, 112)
        ax.set_xlabel(f"share of the set's occurrences in the {_group_word(by)} (%)")
        ax.set_title(title)
        ax.legend(title=_group_word(by).capitalize(), frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if n_more > 0:
        _note(ax, f"the {len(sets)} most frequent sets; {n_more} more in the report's naming table "
                  "(tables.naming_shares)", y=-0.35 if heat else -0.1)
    return ax


def distinctive_words(
    data: pd.DataFrame,
    *,
    group: str | None = None,
    n: int = 10,
    colors: Mapping[str, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Diverging bars of the most distinctive words of ``group`` vs its comparison.

    ``data``: :func:`contrast.stats.distinctive_words`. Bars to the right
    (positive z) are words typical of ``group``, to the left of the
    comparison (the other outlets, or the reference outlet). ``ax.patches``
    widths are the z-scores, top to bottom.
    """
    ax = _ax(ax, (9, max(4.5, 0.33 * 2 * n + 1.5)))
    if data.empty:
        return _empty(ax, "Distinctive words", "no words to compare")
    groups = list(dict.fromkeys(data["group"].astype(str)))
    group = groups[0] if group is None else str(group)
    sub = data[data["group"].astype(str) == group]
    if sub.empty:
        raise ValueError(f"group {group!r} not in the table; groups are {groups}")
    ref = str(sub["reference"].iloc[0])
    all_outlets = sorted({*groups, *(r for r in data["reference"].astype(str) if r != "rest")})
    cols = outlet_colors(all_outlets) if colors is None else dict(colors)
    others = [g for g in all_outlets if g != group]
    ref_label = ref if ref != "rest" else (others[0] if len(others) == 1 else "the other outlets")
    ref_color = cols.get(ref_label, _GREY)
    pos = sub[sub["z"] > 0].nlargest(n, "z")
    neg = sub[sub["z"] < 0].nsmallest(n, "z")
    show = pd.concat([pos, neg.iloc[::-1]])
    y = np.arange(len(show))
    colours = [cols.get(group, _GREY) if z > 0 else ref_color for z in show["z"]]
    ax.barh(y, show["z"].to_numpy(float), color=colours, height=0.75)
    ax.set_yticks(y, show["word"].tolist())
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    for v in (-1.96, 1.96):
        ax.axvline(v, color=_GREY, linewidth=0.8, linestyle=":")
    ax.set_xlabel("z-score of log-odds ratio (informative Dirichlet prior); dotted: |z| = 1.96")
    ax.set_title(f"Distinctive words: {group} (right) vs {ref_label} (left)")
    return ax


def distinctive_words_grid(data: pd.DataFrame, *, n: int | None = None,
                           colors: Mapping[str, str] | None = None) -> Figure:
    """One :func:`distinctive_words` panel per group; returns the Figure.

    Two columns up to six groups, three beyond; fewer words per panel as
    the groups grow (8, then 6 beyond nine groups) so the figure stays under
    :data:`MAX_INCHES`.
    """
    groups = list(dict.fromkeys(data["group"].astype(str))) or ["(none)"]
    ncol = min(2 if len(groups) <= 6 else 3, len(groups))
    nrow = int(np.ceil(len(groups) / ncol))
    n = n if n is not None else (8 if len(groups) <= 9 else 6)
    import matplotlib.pyplot as plt

    panel = max(3.6, 0.26 * 2 * n + 1.2)
    fig = plt.figure(figsize=(min(MAX_INCHES, 8 * ncol), min(MAX_INCHES, panel * nrow)), layout="constrained")
    axes = fig.subplots(nrow, ncol, squeeze=False).ravel()
    for ax, g in zip(axes, groups, strict=False):
        if data.empty:
            _empty(ax, "Distinctive words", "no words to compare")
        else:
            distinctive_words(data, group=g, n=n, colors=colors, ax=ax)
            if len(groups) > 2:
                ax.set_title(f"{g} (right) vs the rest (left)", fontsize=12)
                ax.set_xlabel("z-score of the log-odds ratio", fontsize=10)
    for ax in axes[len(groups):]:
        ax.set_visible(False)
    return fig


# --------------------------------------------------------------------------- saving


def _save(fig: Figure, out_dir: Path, name: str) -> Path:
    from contrast.io import atomic_path

    paths = {}
    for ext in ("png", "svg"):
        target = out_dir / f"{name}.{ext}"
        with atomic_path(target) as tmp:
            fig.savefig(tmp, format=ext, bbox_inches="tight", dpi=150 if ext == "png" else None,
                        metadata={"Software": None} if ext == "png" else {"Date": None})
        paths[ext] = target
    return paths["png"]


def save_charts(
    evidence: pd.DataFrame,
    articles: pd.DataFrame,
    sources: pd.DataFrame,
    out_dir: str | Path,
    *,
    corpus: pd.DataFrame | None = None,
    by: str | None = None,
    words: pd.DataFrame | None = None,
) -> dict[str, Path]:
    """Render every chart to ``out_dir/<name>.png`` and ``.svg`` (atomic writes).

    Parameters
    ----------
    evidence, articles, sources : DataFrame
        :func:`contrast.extract`, :func:`contrast.tables.articles`,
        :func:`contrast.tables.compare`.
    out_dir : path
        Created if missing.
    corpus : DataFrame, optional
        Needed for the distinctive-words chart (word counts need the text).
    by : str, optional
        Grouping column (default: the one ``sources`` was computed by). Any
        column of the articles table: evidence rows take their article's
        group, so ``by="date"`` or ``by="country"`` work as ``"source"`` does.

    Returns
    -------
    dict
        Chart name -> PNG path (the SVG sits beside it), in display order.
    """
    import matplotlib.pyplot as plt
    from matplotlib import rc_context

    by = by or sources.attrs.get("by") or "source"
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ev = _with_groups(evidence, articles, by)
    groups = sorted(set(articles[by].dropna().astype(str)) if by in articles else set())
    colors = outlet_colors(groups)
    charts: dict[str, Path] = {}

    def draw(name: str, fn: Any) -> None:
        with rc_context(SLIDE_STYLE):  # type: ignore[arg-type]
            result = fn()
            fig = result if isinstance(result, Figure) else result.figure
            try:
                charts[name] = _save(fig, out, name)
            finally:
                plt.close(fig)

    draw("framing_profile", lambda: framing_profile(sources, by=by, colors=colors))
    draw("attribution_stance", lambda: stance_shares(
        tables.shares(ev, "attribution", "label", by=by), by=by, colors=colors, groups=groups))
    draw("speaker_types", lambda: speaker_type_shares(
        tables.shares(ev, "attribution", "speaker_type", by=by), by=by, colors=colors, groups=groups))
    from contrast import voices

    draw("who_is_quoted", lambda: who_is_quoted(voices.voices_by_side(ev, by=by), by=by, colors=colors,
                                                groups=groups))
    draw("voices_by_role", lambda: voices_by_role_chart(voices.voices_by_role(ev, by=by), by=by, colors=colors))
    draw("top_speakers", lambda: top_speakers_chart(voices.top_speakers(ev, by=by), by=by, colors=colors))
    draw("hedges_vs_boosters", lambda: hedges_vs_boosters(articles, by=by, colors=colors))
    draw("sentiment_distribution", lambda: sentiment_distribution(ev, by=by, colors=colors))
    draw("actor_sentiment", lambda: actor_sentiment_heatmap(tables.actor_sentiment(ev, by=by), by=by,
                                                            groups=groups))
    draw("numbers_by_category", lambda: numbers_by_category(
        tables.shares(ev, "number", "label", by=by), by=by, colors=colors, groups=groups))
    draw("naming_variants", lambda: naming_shares(tables.naming_shares(ev, by=by), by=by, colors=colors))
    if (corpus is not None or words is not None) and len(groups) >= 2:
        from contrast import stats

        if words is None and corpus is not None:
            grouped = corpus if by in corpus.columns else corpus.assign(
                **{by: corpus["doc_id"].astype(str).map(articles.set_index(articles["doc_id"].astype(str))[by])})
            grouped = grouped.assign(**{by: grouped[by].astype("string")}).dropna(subset=[by])
            words = stats.distinctive_words(grouped, by=by)
        if len(groups) == 2:
            draw("distinctive_words", lambda: distinctive_words(words, n=12, colors=colors))
        else:
            draw("distinctive_words", lambda: distinctive_words_grid(words, colors=colors))
    return charts


# --------------------------------------------------------------------------- framing over time (issue 14)

#: Features a trend chart shows when none are chosen (those present are drawn, at most three).
TREND_FEATURES = ("attribution_per_1k", "hedge_per_1k", "sentiment_mean", "attribution_distancing_share",
                  "number_casualties_per_1k")
#: The tallest trend figure, in inches (under 4,000 px at the 150 dpi charts are saved with).
_TREND_MAX_HEIGHT = 25.0


def _adjacent_runs(part: pd.DataFrame) -> list[pd.DataFrame]:
    """The rows of one outlet's trend split where a period is missing (no articles in it).

    >>> t = pd.DataFrame({"period_start": pd.to_datetime(["2022-01-01", "2022-02-01", "2022-05-01"]),
    ...                   "period_end": pd.to_datetime(["2022-01-31", "2022-02-28", "2022-05-31"])})
    >>> [len(r) for r in _adjacent_runs(t)]
    [2, 1]
    """
    if part.empty:
        return []
    start = pd.to_datetime(part["period_start"]).to_numpy()
    end = pd.to_datetime(part["period_end"]).to_numpy() if "period_end" in part.columns else start
    if (end == start).all():  # no period ends known: adjacency cannot be told, draw one run
        return [part]
    gap = np.zeros(len(part), dtype=bool)
    gap[1:] = start[1:] > end[:-1] + np.timedelta64(1, "D")
    run_id = np.cumsum(gap)
    return [part.iloc[run_id == k] for k in range(int(run_id[-1]) + 1)]


def _trend_axis_label(feature: str) -> str:
    """A trend panel's y label with its unit: "Attributions per 1,000 words", "Mean sentence sentiment"."""
    label = tables.feature_label(feature)
    if feature.endswith("_per_1k") and "per 1k" not in label:
        return f"{label} per 1,000 words"
    return label


def trend(
    trends: pd.DataFrame,
    *,
    features: Sequence[str] | str | None = None,
    events: Mapping[str, str] | None = None,
    by: str | None = None,
    colors: Mapping[str, str] | None = None,
    max_lines: int = 4,
    ncols: int = 3,
) -> Figure:
    """Chosen features over time per outlet: lines with CI bands, event markers.

    Parameters
    ----------
    trends : DataFrame
        From :func:`contrast.trend` (one row per group and period).
    features : str or list of str, optional
        Features to draw, one row of panels each (default: up to three of
        :data:`TREND_FEATURES` that are present).
    events : mapping, optional
        Date -> label, e.g. ``{"2022-02-24": "full-scale invasion"}``: a
        dashed line in every panel, numbered; the key is printed under
        the chart.
    by : str, optional
        The grouping column (default: the one :func:`contrast.trend` used).
    colors : mapping, optional
        Outlet -> colour (default :func:`outlet_colors`, as in every chart).
    max_lines : int
        Up to this many outlets share one panel per feature; more get small
        multiples (one panel per outlet, ``ncols`` per row, the same y axis
        within a feature).
    ncols : int
        Panels per row in small multiples.

    Returns
    -------
    Figure
        Periods with fewer articles than ``trend``'s ``min_articles`` are
        drawn as open markers. The figure is never taller than 25 inches
        (under 4,000 px as saved): with many outlets, features that do not
        fit are left out with a warning.
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.transforms import blended_transform_factory

    from contrast.trend import trend_long

    by = by or trends.attrs.get("by") or "source"
    if features is None:
        feats = [f for f in TREND_FEATURES if f in trends.columns and f"{f}_low" in trends.columns][:3]
        if not feats:
            feats = [c for c in trends.columns if f"{c}_low" in trends.columns][:1]
    else:
        feats = [features] if isinstance(features, str) else list(features)
    long = trend_long(trends, feats, by=by)
    groups = _groups(long, by) if len(long) else []
    cols = _colors(groups, colors)
    many = len(groups) > max_lines
    ncols = max(1, min(ncols, len(groups))) if many else 1
    per_feat = int(np.ceil(len(groups) / ncols)) if many else 1
    panel_h = 2.3 if many else 3.0
    fit = max(1, int(_TREND_MAX_HEIGHT // (panel_h * per_feat)))
    if len(feats) > fit:
        warnings.warn(f"trend chart: {len(feats)} features x {len(groups)} outlets do not fit one readable "
                      f"figure; showing {feats[:fit]}; draw the others in another call", UserWarning,
                      stacklevel=2)
        feats = feats[:fit]
    nrows = max(1, per_feat * len(feats))
    height = min(_TREND_MAX_HEIGHT, panel_h * nrows + 1.2 + (0.25 * len(events or {}) if events else 0))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols if many else 10, height), sharex=True,
                             squeeze=False, layout="constrained")
    if long.empty:
        _empty(axes[0][0], "Framing over time", "no dated articles")
        return fig
    marks = sorted((pd.Timestamp(d), str(label)) for d, label in (events or {}).items())
    lo, hi = long["period_start"].min(), long["period_start"].max()
    marks = [(d, label) for d, label in marks if lo - pd.Timedelta(days=45) <= d <= hi + pd.Timedelta(days=45)]

    def draw(ax: Axes, part: pd.DataFrame, g: str, label: str | None) -> None:
        part = part.sort_values("period_start")
        x = pd.to_datetime(part["period_mid"])
        # a line or band never bridges periods without articles: each run of adjacent periods is drawn alone
        for k, run in enumerate(_adjacent_runs(part)):
            rx = x.loc[run.index]
            ax.fill_between(rx, run["ci_low"], run["ci_high"], color=cols[g], alpha=0.18, linewidth=0)
            ax.plot(rx, run["estimate"], color=cols[g], linewidth=1.8, label=label if k == 0 else None)
        full = ~part["small"].to_numpy(bool)
        ax.plot(x[full], part["estimate"][full], "o", color=cols[g], markersize=4)
        ax.plot(x[~full], part["estimate"][~full], "o", markerfacecolor="white", markeredgecolor=cols[g],
                markersize=4)

    def mark(ax: Axes, top: bool) -> None:
        trans = blended_transform_factory(ax.transData, ax.transAxes)
        for k, (d, _) in enumerate(marks, 1):
            ax.axvline(d, color=_GREY, linestyle="--", linewidth=0.9, zorder=0)
            if top:  # numbered inside the panel's top edge, on three levels so close events stay apart
                ax.text(d, 0.97 - 0.075 * ((k - 1) % 3), str(k), transform=trans, ha="center", va="top",
                        fontsize=8, color="#333333", zorder=5,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})

    for fi, f in enumerate(feats):
        data = long[long["feature"] == f]
        label = _trend_axis_label(f)
        if not many:
            ax = axes[fi][0]
            for g in groups:
                draw(ax, data[data[by] == g], g, g)
            ax.set_ylabel(label)
            mark(ax, fi == 0)
            continue
        first: Axes | None = None
        for gi, g in enumerate(groups):
            ax = axes[fi * per_feat + gi // ncols][gi % ncols]
            if first is None:
                first = ax
            else:
                ax.sharey(first)
            draw(ax, data[data[by] == g], g, None)
            ax.set_title(f"{g}: {label}", fontsize=10, loc="left")
            if gi % ncols == 0:
                ax.set_ylabel(label, fontsize=9)
            mark(ax, fi == 0 and gi < ncols)
        for gi in range(len(groups), per_feat * ncols):
            axes[fi * per_feat + gi // ncols][gi % ncols].set_visible(False)
    for row in axes:
        for ax in row:
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
            ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    for c in range(axes.shape[1]):  # the last drawn panel of each column carries the dates (sharex hides them)
        shown = [ax for ax in axes[:, c] if ax.get_visible()]
        if shown:
            shown[-1].xaxis.set_tick_params(labelbottom=True)
    period = trends.attrs.get("period", "")
    unit = {"W": "week", "M": "month", "Q": "quarter", "D": "day", "Y": "year"}.get(str(period).upper(), "period")
    title = f"Framing over time, by {unit} and {_group_word(by)} (bands: {trends.attrs.get('ci', 0.95):.0%} CI"
    title = title.replace("(bands: 95% CI", "(bands: 95% bootstrap CI") + "; open dots: few articles)"
    fig.suptitle(title, fontsize=12)
    if not many:
        axes[0][0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, title=_group_word(by))
    if marks:
        lines = ["Events:"]
        for k, (d, label) in enumerate(marks, 1):  # wrap between entries, never inside one
            entry = f"{k} {label} ({d:%Y-%m-%d})"
            if len(lines[-1]) + len(entry) + 3 > (60 * ncols if many else 130):
                lines.append(entry)
            else:
                lines[-1] += "   " + entry
        fig.supxlabel("\n".join(lines), fontsize=9, color="#333333")
    return fig


# ----------------------------------------------------------------------------- voices (who speaks for whom)


def voices_shares(
    data: pd.DataFrame,
    *,
    by: str = "source",
    title: str = "Whose voices are carried",
    xlabel: str = "",
    colors: Mapping[str, str] | None = None,
    groups: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Grouped bars of cited speakers' shares per category, with their bootstrap intervals.

    ``data``: :func:`contrast.voices.voices_by_side` or
    :func:`contrast.voices.voices_by_role` (long, with ``ci_low``/``ci_high``).
    Empty categories are drawn as zero-height bars, never dropped.

    Examples
    --------
    >>> d = pd.DataFrame({"source": ["A", "A"], "category": ["Russia", "West"], "n": [1, 3],
    ...                   "total": [4, 4], "share": [.25, .75], "ci_low": [.1, .5], "ci_high": [.4, .9],
    ...                   "articles": [2, 2]})
    >>> [round(float(p.get_height()), 1) for p in voices_shares(d).patches]
    [25.0, 75.0]
    """
    ax = category_shares(data, by=by, title=title, xlabel=xlabel, colors=colors, ax=ax, groups=groups,
                         unit="cited speakers")
    if data.empty or "ci_low" not in data.columns or ax.images:  # a heatmap (many groups): no bars to whisker
        return ax
    # the bars' groups, as category_shares orders them (a named group without rows keeps its place)
    groups = sorted(set(_groups(data, by)) | {str(g) for g in (groups or [])})
    cats = list(dict.fromkeys(data["category"].astype(str)))
    width = 0.8 / len(groups)
    x = np.arange(len(cats))
    for j, g in enumerate(groups):
        sub = data[data[by].astype(str) == g].set_index("category")
        est = np.array([float(sub["share"].get(c, np.nan)) for c in cats]) * 100
        lo = np.array([float(sub["ci_low"].get(c, np.nan)) for c in cats]) * 100
        hi = np.array([float(sub["ci_high"].get(c, np.nan)) for c in cats]) * 100
        ok = ~(np.isnan(est) | np.isnan(lo) | np.isnan(hi))
        if ok.any():
            xs = (x - 0.4 + width * (j + 0.5))[ok]
            ax.errorbar(xs, est[ok], yerr=[est[ok] - lo[ok], hi[ok] - est[ok]], fmt="none",
                        ecolor="#333333", elinewidth=1, capsize=2)
    ax.set_ylabel("share of cited speakers (%), 95% CI over articles")
    return ax


def voices_by_side_chart(data: pd.DataFrame, *, by: str = "source", colors: Mapping[str, str] | None = None,
                         ax: Axes | None = None) -> Axes:
    """Share of cited speakers by side (from their affiliation), per outlet, with intervals."""
    return voices_shares(data, by=by, colors=colors, ax=ax,
                         title="Who speaks for whom: side of the cited speaker",
                         xlabel="side (from the affiliation the article gives; unknown = not told)")


def voices_by_role_chart(data: pd.DataFrame, *, by: str = "source", colors: Mapping[str, str] | None = None,
                         ax: Axes | None = None) -> Axes:
    """Share of cited speakers by role, per outlet, with intervals."""
    return voices_shares(data, by=by, colors=colors, ax=ax,
                         title="Who speaks: role of the cited speaker", xlabel="role")


def top_speakers_chart(data: pd.DataFrame, *, by: str = "source", n: int = 8,
                       colors: Mapping[str, str] | None = None) -> Figure:
    """One panel per outlet: the named people it quotes most, labelled with their affiliation.

    ``data``: :func:`contrast.voices.top_speakers`. The figure grows with the
    number of outlets (two columns), at most ``n`` people per panel.
    """
    import matplotlib.pyplot as plt

    groups = _groups(data, by) if not data.empty else []
    ncols = 2 if len(groups) > 1 else 1
    nrows = max(1, -(-len(groups) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(11, min(2.2 + 0.28 * n * nrows, 26)), squeeze=False,
                             layout="constrained")
    cols = _colors(groups, colors)
    for ax, g in zip(axes.flat, groups, strict=False):
        sub = data[data[by].astype(str) == g].sort_values("rank").head(n)
        labels = [f"{nm} ({aff or '?'})" for nm, aff in zip(sub["name"], sub["affiliation"], strict=True)]
        ax.barh(range(len(sub))[::-1], sub["n"], color=cols[g])
        ax.set_yticks(range(len(sub))[::-1], labels)
        ax.set_title(g)
        ax.set_xlabel("attributions")
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))  # counts: no "0.5" attributions
    for ax in list(axes.flat)[len(groups):]:
        ax.set_axis_off()
    if not groups:
        _empty(axes.flat[0], "Most-quoted people", "no named speakers")
    fig.suptitle("The people each outlet quotes most (affiliation from the article)")
    return fig


def _with_groups(evidence: pd.DataFrame, articles: pd.DataFrame, by: str) -> pd.DataFrame:
    """The evidence with the grouping column ``by`` (as text), taken from the articles table by doc_id."""
    if by in evidence.columns and by != "doc_id":
        return evidence.assign(**{by: evidence[by].astype("string")})
    if by not in articles.columns:
        raise ValueError(f"no column {by!r} in the evidence or the articles table")
    groups = articles.set_index(articles["doc_id"].astype(str))[by].astype("string")
    groups = groups[~groups.index.duplicated()]
    return evidence.assign(**{by: evidence["doc_id"].astype(str).map(groups)})
