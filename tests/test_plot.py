"""Charts: inspect the drawn objects against the tables they were drawn from."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib")
import matplotlib  # noqa: E402

matplotlib.use("Agg")

from contrast import plot, stats, tables  # noqa: E402
from contrast.evidence import evidence_frame  # noqa: E402


def test_outlet_colors_are_fixed_and_colour_blind_safe():
    a = plot.outlet_colors(["Izvestia", "Business Insider", "TASS"])
    b = plot.outlet_colors(["TASS", "Izvestia", "Business Insider", "TASS"])
    assert a == b
    assert list(a) == ["Business Insider", "Izvestia", "TASS"]
    assert set(a.values()) <= set(plot.OKABE_ITO)
    assert len(set(a.values())) == 3


def test_framing_profile_bars_equal_estimates():
    wide = pd.DataFrame({"source": ["A", "B"], "n_articles": [1, 1], "resampled": ["sentences"] * 2,
                         "hedge_per_1k": [4.0, 2.0], "hedge_per_1k_low": [3.0, 1.0], "hedge_per_1k_high": [5.0, 3.5],
                         "booster_per_1k": [1.0, 6.0], "booster_per_1k_low": [0.0, 5.0],
                         "booster_per_1k_high": [2.0, 7.0]})
    ax = plot.framing_profile(wide)
    assert [p.get_width() for p in ax.patches] == [4.0, 2.0, 1.0, 6.0]
    colors = plot.outlet_colors(["A", "B"])
    assert matplotlib.colors.to_hex(ax.patches[0].get_facecolor()) == colors["A"].lower()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Hedges", "Boosters"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]
    assert "per 1,000 words" in ax.get_xlabel()
    # whiskers span the CI
    segs = [s for c in ax.collections for s in c.get_segments()]
    assert any(np.allclose(sorted([s[0][0], s[1][0]]), [3.0, 5.0]) for s in segs)


def test_category_shares_heights_and_ticks():
    ev = evidence_frame([{"source": "A", "family": "attribution", "label": "neutral"},
                         {"source": "A", "family": "attribution", "label": "distancing"},
                         {"source": "A", "family": "attribution", "label": "neutral"},
                         {"source": "B", "family": "attribution", "label": "distancing"}])
    table = tables.shares(ev, "attribution", "label")
    ax = plot.stance_shares(table)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[:2] == ["neutral", "distancing"] and len(ticks) == len(tables.STANCES)  # empty shown as empty
    heights = [round(p.get_height(), 6) for p in ax.patches]
    k = len(ticks)
    assert heights[:2] == [round(100 * 2 / 3, 6), round(100 / 3, 6)] and heights[k:k + 2] == [0.0, 100.0]
    assert sum(heights[:k]) == pytest.approx(100) and sum(heights[k:]) == pytest.approx(100)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A (n=3)", "B (n=1)"]


def test_speaker_types_keep_unknown_and_a_group_without_any():
    ev = evidence_frame([{"source": "A", "family": "attribution", "label": "neutral", "speaker_type": "named"},
                         {"source": "A", "family": "attribution", "label": "neutral", "speaker_type": None},
                         {"source": "B", "family": "hedge", "label": "modal"}])
    ax = plot.speaker_type_shares(tables.shares(ev, "attribution", "speaker_type"), groups=["A", "B"])
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[-1] == "unknown"
    heights = [p.get_height() for p in ax.patches][: len(ticks)]
    assert heights[0] == pytest.approx(50) and heights[-1] == pytest.approx(50)  # A's shares sum to 100%
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A (n=2)", "B (none found)"]


def test_actor_heatmap_keeps_an_outlet_that_mentions_no_side():
    ev = evidence_frame([{"source": "A", "family": "actor", "actor": "Russia", "compound": -0.5}])
    ax = plot.actor_sentiment_heatmap(tables.actor_sentiment(ev, n_boot=20), groups=["A", "B"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    assert np.ma.is_masked(ax.images[0].get_array()[1, 0])
    assert any("no side mentioned" in t.get_text() for t in ax.texts)


def test_numbers_by_category_draws_shares_with_n():
    ev = evidence_frame([{"source": "A", "family": "number", "label": "casualties"},
                         {"source": "A", "family": "number", "label": "casualties"},
                         {"source": "A", "family": "number", "label": "date"},
                         {"source": "B", "family": "number", "label": "date"}])
    ax = plot.numbers_by_category(tables.shares(ev, "number", "label"))
    k = len(tables.NUMBER_CATEGORIES)
    heights = [round(p.get_height(), 6) for p in ax.patches]
    date = tables.NUMBER_CATEGORIES.index("date")
    assert heights[0] == round(200 / 3, 6) and heights[date] == round(100 / 3, 6) and heights[k + date] == 100
    assert "share" in ax.get_ylabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A (n=3)", "B (n=1)"]
    counts = plot.numbers_by_category(tables.shares(ev, "number", "label"), value="n")
    assert [p.get_height() for p in counts.patches][:1] == [2]


def test_sentiment_distribution_ticks_are_outlets():
    ev = evidence_frame([{"source": s, "family": "sentiment", "compound": v}
                         for s, v in [("B", 0.5), ("A", -0.2), ("A", -0.4), ("B", 0.1)]])
    ax = plot.sentiment_distribution(ev)
    assert [t.get_text().split("\n")[0] for t in ax.get_yticklabels()] == ["A", "B"]
    assert ax.get_yticklabels()[0].get_text() == "A\nmean -0.30, n=2"
    xs = [sorted(c.get_offsets()[:, 0].tolist()) for c in ax.collections]
    assert xs == [[-0.4, -0.2], [0.1, 0.5]]


def test_actor_heatmap_array_is_the_pivot():
    ev = evidence_frame([{"source": "A", "family": "actor", "actor": "Russia", "compound": -0.5},
                         {"source": "A", "family": "actor", "actor": "Ukraine", "compound": 0.3},
                         {"source": "B", "family": "actor", "actor": "Russia", "compound": 0.2}])
    table = tables.actor_sentiment(ev, n_boot=50)
    ax = plot.actor_sentiment_heatmap(table)
    arr = ax.images[0].get_array()
    assert arr[0, 0] == pytest.approx(-0.5) and arr[0, 1] == pytest.approx(0.3)
    assert arr[1, 0] == pytest.approx(0.2) and np.ma.is_masked(arr[1, 1])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Russia", "Ukraine"]


def test_hedges_vs_boosters_points():
    arts = pd.DataFrame({"source": ["A", "A", "B"], "hedge_per_1k": [1.0, 2.0, 3.0],
                         "booster_per_1k": [0.5, 0.0, 4.0]})
    ax = plot.hedges_vs_boosters(arts)
    assert ax.collections[0].get_offsets().tolist() == [[1.0, 0.5], [2.0, 0.0]]
    assert ax.collections[1].get_offsets().tolist() == [[3.0, 4.0]]


def test_naming_shares_widths():
    ev = evidence_frame([{"source": "A", "family": "naming", "label": "Kyiv/Kiev", "variant": "Kyiv"},
                         {"source": "B", "family": "naming", "label": "Kyiv/Kiev", "variant": "Kiev"},
                         {"source": "B", "family": "naming", "label": "Kyiv/Kiev", "variant": "Kyiv"}])
    ax = plot.naming_shares(tables.naming_shares(ev))
    assert [round(p.get_width(), 6) for p in ax.patches] == [0.0, 50.0, 100.0, 50.0]  # Kiev: A, B; Kyiv: A, B
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kiev  [Kyiv/Kiev]", "Kyiv  [Kyiv/Kiev]"]


def test_distinctive_words_bars_are_z_scores():
    counts = pd.DataFrame({"A": [20, 5, 5], "B": [5, 20, 5]}, index=["war", "peace", "talks"])
    table = stats.distinctive_words(counts, min_count=1)
    ax = plot.distinctive_words(table, group="A", n=5)
    a = table[table.group == "A"].set_index("word")
    widths = [p.get_width() for p in ax.patches]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "war" and labels[-1] == "peace"
    assert widths == pytest.approx([a.loc[w, "z"] for w in labels])
    assert "B" in ax.get_title()
    with pytest.raises(ValueError, match="not in the table"):
        plot.distinctive_words(table, group="Z")


@pytest.mark.parametrize("fn", [plot.framing_profile, plot.stance_shares, plot.naming_shares,
                                plot.actor_sentiment_heatmap])
def test_empty_tables_draw_a_message(fn):
    empty = {plot.framing_profile: pd.DataFrame({"source": ["A"]}),
             plot.stance_shares: tables.shares(evidence_frame([]), "attribution"),
             plot.naming_shares: tables.naming_shares(evidence_frame([])),
             plot.actor_sentiment_heatmap: tables.actor_sentiment(evidence_frame([]))}[fn]
    ax = fn(empty)
    assert ax.texts and not ax.patches


def test_save_charts_writes_png_and_svg(tmp_path, demo_corpus, demo_evidence):
    arts = tables.articles(demo_evidence, demo_corpus)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tables.SmallSampleWarning)
        src = tables.compare(arts, evidence=demo_evidence, corpus=demo_corpus, n_boot=200)
    import matplotlib.pyplot as plt

    before = len(plt.get_fignums())
    charts = plot.save_charts(demo_evidence, arts, src, tmp_path, corpus=demo_corpus)
    assert len(plt.get_fignums()) == before  # figures are closed
    assert {"framing_profile", "attribution_stance", "speaker_types", "who_is_quoted", "hedges_vs_boosters",
            "sentiment_distribution", "actor_sentiment", "numbers_by_category", "naming_variants",
            "distinctive_words"} <= set(charts)
    for png in charts.values():
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.with_suffix(".svg").read_text().lstrip().startswith("<?xml")
    assert not list(tmp_path.glob(".*.tmp"))


def test_voices_heatmap_for_many_outlets_has_no_stray_whiskers():
    rows = [dict(source=g, category=c, n=2, total=6, share=1 / 3, ci_low=.2, ci_high=.5, articles=3)
            for g in "ABCDEFGHI" for c in ("military", "diplomat", "other")]
    ax = plot.voices_by_role_chart(pd.DataFrame(rows))
    assert len(ax.images) == 1 and not ax.collections and not ax.containers  # whiskers belong to bars only
    few = plot.voices_by_role_chart(pd.DataFrame([r for r in rows if r["source"] in "AB"]))
    assert not few.images and len(few.containers) >= 2
