"""Charts that scale: 2 to 15 groups and up to 100,000 articles, readable size, no overlapping labels.

Label overlap is measured from the drawn text extents (``fig.canvas.draw()``,
``Text.get_window_extent``), the size from the figure's tight bounding box at
the dpi the charts are saved at.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
from matplotlib import rc_context  # noqa: E402

from contrast import plot, tables  # noqa: E402
from contrast.evidence import evidence_frame  # noqa: E402

NAMES = ["Harbor Observer", "Eastern Telegraph Agency", "The Daily Meridian", "Northern Star Weekly",
         "Capital Broadcasting Network", "Republic News Service", "Frontline Gazette International",
         "The Morning Ledger", "Continental Wire", "Steppe Herald", "Baltic Courier", "Danube Today Online",
         "Coastal Review", "The Independent Monitor of Record", "Union Dispatch"]
SIDES = ["Russia", "Ukraine", "West", "Belarus", "other"]
SETS = {f"Set{i}/Variant{i}": [f"Set{i}", f"Variant{i}", f"Third{i}"][: 2 + i % 2] for i in range(9)}


def _evidence(groups: list[str], n_rows: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for g in groups[1:]:  # the first group has no evidence at all: it must still be drawn
        for _ in range(n_rows):
            rows.append({"source": g, "family": "attribution", "label": rng.choice(tables.STANCES[:4]),
                         "speaker_type": rng.choice([*tables.SPEAKER_TYPES, None]), "actor": rng.choice(SIDES)})
            rows.append({"source": g, "family": "number", "label": rng.choice(tables.NUMBER_CATEGORIES)})
            nset = rng.choice(list(SETS))
            rows.append({"source": g, "family": "naming", "label": nset, "variant": rng.choice(SETS[nset])})
            rows.append({"source": g, "family": "sentiment", "compound": float(rng.uniform(-1, 1))})
            if g != groups[-1]:  # the last group mentions no side
                rows.append({"source": g, "family": "actor", "actor": rng.choice(SIDES[:3]),
                             "compound": float(rng.uniform(-1, 1))})
    return evidence_frame(rows)


def _sources(groups: list[str], seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    out = pd.DataFrame({"source": groups, "n_articles": 50, "resampled": "articles"})
    for f in plot.PROFILE_FEATURES:
        est = rng.uniform(0.5, 20, len(groups))
        out[f], out[f"{f}_low"], out[f"{f}_high"] = est, est * 0.8, est * 1.2
    out.attrs["by"] = "source"
    return out


def _articles(groups: list[str], n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "source": rng.choice(groups, n),
                         "hedge_per_1k": rng.gamma(2, 3, n), "booster_per_1k": rng.gamma(2, 2, n)})


def _charts(groups: list[str], n_articles: int):
    ev = _evidence(groups, max(3, min(400, n_articles // len(groups))))
    colors = plot.outlet_colors(groups)
    words = pd.DataFrame([{"group": g, "reference": "rest", "word": f"w{g[:3]}{i}", "z": z}
                          for g in groups for i, z in enumerate(np.linspace(-6, 6, 30))])
    return {
        "framing_profile": lambda: plot.framing_profile(_sources(groups), colors=colors),
        "attribution_stance": lambda: plot.stance_shares(tables.shares(ev, "attribution", "label"), colors=colors,
                                                         groups=groups),
        "speaker_types": lambda: plot.speaker_type_shares(tables.shares(ev, "attribution", "speaker_type"),
                                                          colors=colors, groups=groups),
        "who_is_quoted": lambda: plot.who_is_quoted(tables.shares(ev, "attribution", "actor"), colors=colors,
                                                    groups=groups),
        "numbers_by_category": lambda: plot.numbers_by_category(tables.shares(ev, "number", "label"),
                                                                colors=colors, groups=groups),
        "naming_variants": lambda: plot.naming_shares(tables.naming_shares(ev), colors=colors),
        "actor_sentiment": lambda: plot.actor_sentiment_heatmap(tables.actor_sentiment(ev, n_boot=20),
                                                                groups=groups),
        "sentiment_distribution": lambda: plot.sentiment_distribution(ev, colors=colors),
        "hedges_vs_boosters": lambda: plot.hedges_vs_boosters(_articles(groups, n_articles), colors=colors),
        "distinctive_words": lambda: (plot.distinctive_words(words, group=groups[0], n=12, colors=colors)
                                      if len(groups) == 2 else plot.distinctive_words_grid(words, colors=colors)),
    }


def _overlaps(texts) -> list[tuple[str, str]]:
    boxes = [(t.get_text(), t.get_window_extent().shrunk(0.98, 0.9)) for t in texts
             if t.get_visible() and t.get_text().strip()]
    return [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes, 2) if ba.overlaps(bb)]


@pytest.mark.parametrize("n_groups, n_articles", [(2, 2), (6, 600), (15, 100_000)])
def test_every_chart_is_readable_at_scale(n_groups, n_articles):
    groups = NAMES[:n_groups]
    for name, make in _charts(groups, n_articles).items():
        with rc_context(plot.SLIDE_STYLE):  # type: ignore[arg-type]
            result = make()
            fig = result if isinstance(result, matplotlib.figure.Figure) else result.figure
            fig.canvas.draw()
            renderer = fig.canvas.get_renderer()
            bbox = fig.get_tightbbox(renderer)
            w, h = bbox.width * 150, bbox.height * 150  # inches at the saved dpi
            assert h < 4000 and w < 4000, (name, n_groups, w, h)
            for ax in fig.axes:
                for what, texts in (("x ticks", ax.get_xticklabels()), ("y ticks", ax.get_yticklabels()),
                                    ("annotations", ax.texts)):
                    assert _overlaps(texts) == [], (name, n_groups, what)
                legend = ax.get_legend()
                if legend is not None:
                    assert _overlaps(legend.get_texts()) == [], (name, n_groups, "legend")
            if name not in ("framing_profile", "hedges_vs_boosters", "distinctive_words", "sentiment_distribution"):
                drawn = " ".join(t.get_text() for ax in fig.axes
                                 for t in [*ax.get_yticklabels(), *ax.texts,
                                           *(ax.get_legend().get_texts() if ax.get_legend() else [])])
                for g in groups if name != "naming_variants" else groups[1:]:
                    assert g in drawn, (name, n_groups, g)  # no group dropped silently
            matplotlib.pyplot.close(fig)


def test_naming_chart_shows_the_most_frequent_sets_and_says_how_many_more():
    groups = NAMES[:3]
    data = tables.naming_shares(_evidence(groups, 300))
    ax = plot.naming_shares(data, max_sets=4)
    top = plot.top_naming_sets(data, 4)
    shown = {t.get_text().split("[")[-1].rstrip("]") for t in ax.get_yticklabels()}
    assert shown == set(top)
    assert "5 more" in ax.figure.get_supxlabel()  # the note at the foot of the figure


def test_one_colour_per_outlet_in_every_chart():
    groups = NAMES[:4]
    colors = plot.outlet_colors(groups)
    charts = _charts(groups, 400)
    for name in ("attribution_stance", "numbers_by_category", "hedges_vs_boosters"):
        ax = charts[name]()
        handles = ax.get_legend().legend_handles
        labels = [t.get_text() for t in ax.get_legend().get_texts()]
        for label, handle in zip(labels, handles, strict=True):
            g = next((g for g in groups if label.startswith(g)), None)
            if g is None:
                continue
            face = handle.get_facecolor()
            face = face[0] if np.ndim(face) == 2 else face
            assert matplotlib.colors.to_hex(face) == colors[g].lower(), (name, g)
