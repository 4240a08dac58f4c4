"""Articles, sources and pairwise tables on synthetic evidence with known answers."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from contrast import tables
from contrast.evidence import evidence_frame
from contrast.text import segment


def _corpus(texts: dict[str, tuple[str, str]]) -> pd.DataFrame:
    rows = [{"doc_id": d, "source": s, "title": t.split("\n")[0], "date": None, "text": t, "has_title": True,
             "country": "RU" if s == "Izv" else "US"} for d, (s, t) in texts.items()]
    return pd.DataFrame(rows)


TEXTS = {
    "a1": ("BI", "Drones hit Kyiv\nOfficials said drones may have hit Kyiv. It is likely. Nothing else happened."),
    "a2": ("Izv", "Kiev regime strikes\nThe ambassador claimed that Kiev shelled 392 civilians. Clearly this is true."),
    "a3": ("Izv", ""),
}


def _span(corpus: pd.DataFrame, doc: str, word: str, nth: int = 0) -> dict:
    text = corpus.set_index("doc_id").loc[doc, "text"]
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    src = corpus.set_index("doc_id").loc[doc, "source"]
    return {"doc_id": doc, "source": src, "start": i, "end": i + len(word), "span": word}


@pytest.fixture()
def synth():
    c = _corpus(TEXTS)
    rows = [
        {**_span(c, "a1", "may"), "family": "hedge", "label": "modal"},
        {**_span(c, "a1", "likely"), "family": "hedge", "label": "adverb"},
        {**_span(c, "a1", "said"), "family": "attribution", "label": "neutral", "speaker": "Officials",
         "speaker_type": "anonymous", "actor": None, "quote": "indirect"},
        {**_span(c, "a1", "Kyiv"), "family": "naming", "label": "Kyiv/Kiev", "variant": "Kyiv"},
        {**_span(c, "a1", "Kyiv", 1), "family": "naming", "label": "Kyiv/Kiev", "variant": "Kyiv"},
        {**_span(c, "a1", "Kyiv", 1), "family": "actor", "actor": "Ukraine", "compound": -0.4, "label": "negative"},
        {**_span(c, "a2", "claimed"), "family": "attribution", "label": "distancing", "speaker": "The ambassador",
         "speaker_type": "title", "actor": "Russia", "quote": "indirect"},
        {**_span(c, "a2", "Kiev"), "family": "naming", "label": "Kyiv/Kiev", "variant": "Kiev"},
        {**_span(c, "a2", "Kiev", 1), "family": "naming", "label": "Kyiv/Kiev", "variant": "Kiev"},
        {**_span(c, "a2", "Kiev", 1), "family": "actor", "actor": "Ukraine", "compound": -0.8, "label": "negative"},
        {**_span(c, "a2", "392"), "family": "number", "label": "casualties", "value": 392.0,
         "counted": "civilians", "speaker": "The ambassador", "actor": "Russia"},
        {**_span(c, "a2", "Clearly"), "family": "booster", "label": "adverb"},
        {**_span(c, "a2", "Clearly"), "family": "unattributed", "label": "unattributed"},
    ]
    # one sentiment row per sentence
    for d in ("a1", "a2"):
        text = c.set_index("doc_id").loc[d, "text"]
        for i, (s, e) in enumerate(segment(text).sentences):
            rows.append({"doc_id": d, "source": c.set_index("doc_id").loc[d, "source"], "family": "sentiment",
                         "start": s, "end": e, "span": text[s:e], "sent_id": i,
                         "compound": -0.5 if d == "a2" else 0.1 * i, "label": "neutral"})
    return c, evidence_frame(rows)


def test_articles_counts_rates_shares_and_means(synth):
    c, ev = synth
    a = tables.articles(ev, c).set_index("doc_id")
    assert list(a.index) == ["a1", "a2", "a3"]  # every article, even without evidence
    assert list(a.columns[:5]) == ["source", "title", "date", "country", "n_words"]
    doc = segment(TEXTS["a1"][1])
    assert a.loc["a1", "n_words"] == doc.n_words
    assert a.loc["a1", "n_sentences"] == len(doc.sentences)
    assert a.loc["a1", "n_body_sentences"] == len(doc.sentences) - 1
    n = a.loc["a1", "n_words"]
    expected = {
        "hedge_n": 2, "hedge_modal_n": 1, "booster_n": 0, "attribution_neutral_n": 1,
        "attribution_speaker_anonymous_n": 1, "attribution_actor_other_n": 1, "naming_kyiv_kiev__kyiv_n": 2,
        "hedge_per_1k": 2000 / n, "hedge_adverb_per_1k": 1000 / n, "attribution_neutral_share": 1.0,
        "naming_kyiv_kiev__kyiv_share": 1.0, "sentiment_ukraine_mean": -0.4,
        "sentiment_mean": np.mean([0.1 * i for i in range(len(doc.sentences))]), "unattributed_share": 0.0,
    }
    for col, val in expected.items():
        assert a.loc["a1", col] == pytest.approx(val), col
    assert a.loc["a2", "attribution_distancing_share"] == 1.0
    assert a.loc["a2", "naming_kyiv_kiev__kiev_share"] == 1.0
    assert a.loc["a2", "naming_kyiv_kiev__kyiv_share"] == 0.0
    assert a.loc["a2", "unattributed_share"] == pytest.approx(1 / a.loc["a2", "n_body_sentences"])
    assert a.loc["a2", "number_casualties_per_1k"] == pytest.approx(1000 / a.loc["a2", "n_words"])
    # the empty article: zero counts, NaN rates and means, no error
    assert a.loc["a3", "n_words"] == 0 and a.loc["a3", "hedge_n"] == 0
    assert np.isnan(a.loc["a3", "hedge_per_1k"]) and np.isnan(a.loc["a3", "sentiment_mean"])


def test_articles_without_evidence_has_all_family_columns(synth):
    c, _ = synth
    a = tables.articles(evidence_frame([]), c)
    for col in ("hedge_n", "booster_per_1k", "attribution_distancing_per_1k", "number_casualties_per_1k",
                "attribution_speaker_pronoun_share", "sentiment_mean", "sentiment_russia_mean"):
        assert col in a.columns, col
    assert (a["hedge_n"] == 0).all()
    assert a["unattributed_share"].isna().all()  # attribution not extracted: unknown, not 0


def test_articles_rejects_bad_input(synth):
    c, ev = synth
    with pytest.raises(ValueError, match="corpus lacks columns"):
        tables.articles(ev, c.drop(columns="text"))
    with pytest.raises(ValueError, match="evidence lacks columns"):
        tables.articles(ev.drop(columns="family"), c)


def test_sentences_sum_to_articles(synth):
    c, ev = synth
    s = tables.sentences(ev, c)
    a = tables.articles(ev, c).set_index("doc_id")
    sums = s.groupby("doc_id")[["n_words", "hedge_n", "naming_n", "sentiment_n"]].sum()
    pd.testing.assert_frame_equal(sums, a.loc[["a1", "a2"], ["n_words", "hedge_n", "naming_n", "sentiment_n"]],
                                  check_names=False, check_dtype=False)


def test_compare_small_groups_resample_sentences_with_warning(synth):
    c, ev = synth
    a = tables.articles(ev, c)
    with pytest.warns(tables.SmallSampleWarning, match="resample sentences"):
        out = tables.compare(a, evidence=ev, corpus=c, n_boot=300)
    assert list(out["source"]) == ["BI", "Izv"]
    assert set(out["resampled"]) == {"sentences"}
    bi = out.set_index("source").loc["BI"]
    assert bi["hedge_per_1k"] == pytest.approx(a.loc[0, "hedge_per_1k"])  # pooled over one article
    assert bi["hedge_per_1k_low"] <= bi["hedge_per_1k"] <= bi["hedge_per_1k_high"]
    izv = out.set_index("source").loc["Izv"]
    assert izv["n_articles"] == 2 and izv["n_words"] == a.loc[1, "n_words"]
    with pytest.warns(tables.SmallSampleWarning):
        again = tables.compare(a, evidence=ev, corpus=c, n_boot=300)
    pd.testing.assert_frame_equal(out, again)  # seeded


def test_compare_without_sentences_warns_and_gives_no_interval(synth):
    c, ev = synth
    a = tables.articles(ev, c)
    with pytest.warns(tables.SmallSampleWarning, match="pass evidence= and corpus="):
        out = tables.compare(a, features=["hedge_per_1k"], n_boot=100)
    assert out["resampled"].tolist() == ["articles", "articles"]
    assert np.isnan(out.loc[0, "hedge_per_1k_low"])  # one article: no interval


def _many_articles(n_per: int = 8) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(0)
    docs, rows = [], []
    for src, rate in (("A", 0.08), ("B", 0.02)):
        for k in range(n_per):
            words = ["may" if rng.random() < rate else "word" for _ in range(200)]
            text = "Headline here\n" + " ".join(words) + "."
            d = f"{src}{k}"
            docs.append({"doc_id": d, "source": src, "title": "Headline here", "date": None, "text": text,
                         "has_title": True})
            pos = 14
            for w in words:
                if w == "may":
                    rows.append({"doc_id": d, "source": src, "family": "hedge", "label": "modal",
                                 "start": pos, "end": pos + 3, "span": "may"})
                pos += len(w) + 1
    return pd.DataFrame(docs), evidence_frame(rows)


def test_compare_resamples_articles_for_large_groups_and_contrast_pair():
    c, ev = _many_articles()
    a = tables.articles(ev, c)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no small-sample warning with 8 articles per group
        out = tables.compare(a, features=["hedge_per_1k", "sentiment_mean"], n_boot=500)
    assert out["resampled"].tolist() == ["articles", "articles"]
    a_row = out.set_index("source").loc["A"]
    sub = a[a.source == "A"]
    assert a_row["hedge_per_1k"] == pytest.approx(1000 * sub.hedge_n.sum() / sub.n_words.sum())
    true_rate = 1000 * 0.08 * 200 / 202  # 8% of the 200 body words; 2 headline words
    assert a_row["hedge_per_1k_low"] < true_rate < a_row["hedge_per_1k_high"]
    long = tables.to_long(out)
    assert set(long.columns) >= {"source", "feature", "estimate", "ci_low", "ci_high"}
    assert len(long) == 4

    pair = tables.contrast_pair(a, a="A", b="B", features=["hedge_per_1k", "sentiment_mean"],
                                n_boot=500, n_perm=500)
    hedge = pair.set_index("feature").loc["hedge_per_1k"]
    assert hedge["ratio"] == pytest.approx(hedge["estimate_a"] / hedge["estimate_b"])
    assert hedge["ratio_low"] > 1.5  # A hedges about four times as often
    assert hedge["p_value"] < 0.01
    assert np.isnan(pair.set_index("feature").loc["sentiment_mean", "ratio"])  # no ratio of means
    assert hedge["p_adjusted"] >= hedge["p_value"]
    with pytest.raises(ValueError, match="group 'Z' not found"):
        tables.contrast_pair(a, a="A", b="Z")


def test_compare_by_other_column(synth):
    c, ev = synth
    a = tables.articles(ev, c)
    with pytest.warns(tables.SmallSampleWarning):
        out = tables.compare(a, by="country", evidence=ev, corpus=c, features=["booster_per_1k"], n_boot=100)
    assert out["country"].tolist() == ["RU", "US"]
    with pytest.raises(ValueError, match="no column 'nope'"):
        tables.compare(a, by="nope")
    with pytest.raises(ValueError, match="not rates/shares/means"):
        tables.compare(a, features=["hedge_n"])


def test_shares_naming_numbers_actor_tables(synth):
    c, ev = synth
    sh = tables.shares(ev, "attribution", "speaker_type")
    assert sh.set_index(["source", "category"]).loc[("BI", "anonymous"), "share"] == 1.0
    assert sh.set_index(["source", "category"]).loc[("Izv", "anonymous"), "share"] == 0.0
    who = tables.shares(ev, "attribution", "actor")
    assert set(who.category) == {"Russia", "other"}
    nothing = tables.shares(ev, "custom")
    assert nothing.empty
    nm = tables.naming_shares(ev).set_index(["source", "variant"])
    assert nm.loc[("Izv", "Kiev"), "share"] == 1.0 and nm.loc[("BI", "Kiev"), "share"] == 0.0
    nums = tables.numbers_table(ev)
    assert nums[["number", "category", "counted", "speaker", "speaker_side"]].values.tolist() == [
        ["392", "casualties", "civilians", "The ambassador", "Russia"]]
    act = tables.actor_sentiment(ev, n_boot=100).set_index(["source", "actor"])
    assert act.loc[("Izv", "Ukraine"), "mean"] == pytest.approx(-0.8)
    assert act.loc[("Izv", "Ukraine"), "n"] == 1


def test_export_table_escapes_formulas(tmp_path):
    df = pd.DataFrame({"note": ["=HYPERLINK(\"x\")", "-5 dead", "fine"], "value": [-1.0, 2.0, 3.0],
                       "span": ["-2", "=x", "+3.5%"], "counted": ["-2", "+3.5%", "@home"]})
    paths = tables.export_table(df, tmp_path / "t")
    text = paths["csv"].read_text()
    assert "'=HYPERLINK" in text and "'-5 dead" in text and "-1.0" in text
    back_csv = pd.read_csv(paths["csv"], dtype=str)
    assert back_csv["span"].tolist() == df["span"].tolist()  # offset-exact: never guarded
    assert back_csv["counted"].tolist() == ["-2", "+3.5%", "'@home"]  # numbers as text stay numbers
    back = pd.read_parquet(paths["parquet"])
    assert back["note"].tolist() == df["note"].tolist()


def test_demo_corpus_articles_match_evidence(demo_corpus, demo_evidence):
    a = tables.articles(demo_evidence, demo_corpus)
    assert len(a) == len(demo_corpus)
    for fam, n in demo_evidence["family"].value_counts().items():
        assert a[f"{fam}_n"].sum() == n, fam


def test_compare_stream_matches_compare_on_chunks():
    import numpy as np
    import pandas as pd

    from contrast.tables import compare, compare_stream, conform_articles, union_columns

    rng = np.random.default_rng(3)
    n = 400
    arts = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "source": np.where(np.arange(n) % 2, "A", "B"),
                         "n_words": rng.integers(200, 800, n), "n_sentences": rng.integers(5, 30, n),
                         "hedge_n": rng.poisson(3, n)})
    arts["hedge_per_1k"] = 1000 * arts["hedge_n"] / arts["n_words"]
    full = compare(arts, features=["hedge_per_1k"], n_boot=1000)
    chunks = [arts.iloc[i:i + 150] for i in range(0, n, 150)]
    cols = union_columns([list(c.columns) for c in chunks])
    streamed = compare_stream((conform_articles(c, cols) for c in chunks), features=["hedge_per_1k"], n_boot=1000)
    pd.testing.assert_series_equal(full["hedge_per_1k"], streamed["hedge_per_1k"])
    assert list(streamed["n_articles"]) == [200, 200]
    for side in ("_low", "_high"):
        assert np.allclose(full["hedge_per_1k" + side], streamed["hedge_per_1k" + side], rtol=0.03)


def test_conform_articles_fills_counts_and_recomputes_shares():
    import numpy as np
    import pandas as pd

    from contrast.tables import conform_articles

    early = pd.DataFrame({"doc_id": ["a", "b"], "n_words": [100, 100], "n_sentences": [5, 5],
                          "naming_kyiv_kiev_n": [2, 0]})
    cols = ["doc_id", "n_words", "n_sentences", "naming_kyiv_kiev_n", "naming_kyiv_kiev__kiev_n",
            "naming_kyiv_kiev__kiev_share"]
    out = conform_articles(early, cols)
    assert list(out["naming_kyiv_kiev__kiev_n"]) == [0, 0]
    assert out["naming_kyiv_kiev__kiev_share"].iloc[0] == 0.0
    assert np.isnan(out["naming_kyiv_kiev__kiev_share"].iloc[1])


def test_sentence_table_from_evidence_equals_segmenting_again(demo_corpus, demo_evidence):
    import pandas as pd

    from contrast.tables import _segment_corpus

    fast, starts_fast = _segment_corpus(demo_corpus, demo_evidence)
    slow, starts_slow = _segment_corpus(demo_corpus)
    pd.testing.assert_frame_equal(fast, slow)
    assert starts_fast == starts_slow


def _count_parts_by_strings(ev: pd.DataFrame) -> pd.DataFrame:
    """The counts as first written: a column name per evidence row, summed by pandas (the reference)."""
    snake = tables._snake
    fam = ev["family"].astype("string").fillna("unknown").map(snake)
    label = ev["label"].astype("string").fillna("none").map(snake)
    parts = []

    def add(mask, column, value=1.0):
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            col = column[mask] if isinstance(column, pd.Series) else pd.Series(column, index=ev.index[mask])
            val = value[mask] if isinstance(value, pd.Series) else value
            parts.append(pd.DataFrame({"doc_id": ev["doc_id"][mask].to_numpy(), "sent_id": ev["sent_id"][mask].to_numpy(),
                                       "column": np.asarray(col, dtype=object), "value": np.asarray(val, dtype=float)}))

    add(np.ones(len(ev), dtype=bool), fam + "_n")
    add((~fam.isin(["sentiment", "actor", "naming", "unattributed"])).to_numpy(), fam + "_" + label + "_n")
    compound = pd.to_numeric(ev["compound"], errors="coerce").astype(float)
    scored, sent = compound.notna().to_numpy(), (fam == "sentiment").to_numpy()
    add(sent, "sentiment_" + label + "_n")
    add(sent & scored, pd.Series("sentiment_sum", index=ev.index), compound.fillna(0.0))
    add(sent & scored, pd.Series("sentiment_scored_n", index=ev.index))
    actor = ev["actor"].astype("string").fillna("other").map(snake)
    act, att = (fam == "actor").to_numpy(), (fam == "attribution").to_numpy()
    add(act, "actor_" + actor + "_n")
    add(act & scored, "sentiment_" + actor + "_n")
    add(act & scored, "sentiment_" + actor + "_sum", compound.fillna(0.0))
    add(att, "attribution_speaker_" + ev["speaker_type"].astype("string").fillna("unknown").map(snake) + "_n")
    # who is quoted: cited speakers only (a speaker read), over attribution_cited_n
    cited = att & (ev["speaker_start"].notna() | ev["speaker"].astype("string").str.strip().ne("").fillna(False)).to_numpy(bool)
    add(cited, pd.Series("attribution_cited_n", index=ev.index))
    add(cited, "attribution_actor_" + actor + "_n")
    quote = ev["quote"].astype("string")
    add(att & quote.notna().to_numpy(), "attribution_quote_" + quote.fillna("none").map(snake) + "_n")
    nam = (fam == "naming").to_numpy()
    nset = ev["label"].astype("string").fillna("names").map(snake)
    variant = ev["variant"].astype("string").fillna(ev["span"].astype("string")).fillna("x").map(snake)
    add(nam, "naming_" + nset + "_n")
    add(nam, "naming_" + nset + "__" + variant + "_n")
    return pd.concat(parts, ignore_index=True)


@pytest.mark.parametrize("shuffle", [False, True])
def test_sentence_counts_equal_a_string_per_row(demo_evidence, shuffle):
    """The counts built from factorised names equal those summed from one column name per evidence row."""
    ev = demo_evidence.assign(doc_id=demo_evidence["doc_id"].astype(str), sent_id=demo_evidence["sent_id"].astype("int64"))
    if shuffle:  # row order and missing labels must not matter
        ev = ev.sample(frac=1, random_state=3).reset_index(drop=True)
        ev.loc[ev.index[::5], "label"] = pd.NA
        ev.loc[ev.index[::7], "actor"] = pd.NA
    ref = _count_parts_by_strings(ev)
    want = ref.groupby(["doc_id", "sent_id", "column"], sort=False)["value"].sum().unstack("column").fillna(0.0)
    got, order = tables._count_matrix(ev)
    assert order == list(want.columns) == list(got.columns)
    assert len(order) > 40 and {"naming_n", "sentiment_sum", "attribution_quote_direct_n"} <= set(order)
    got = got.set_axis(pd.MultiIndex.from_tuples([(str(d), int(s)) for d, s in got.index]), axis=0).sort_index()
    want = want.set_axis(pd.MultiIndex.from_tuples([(str(d), int(s)) for d, s in want.index]), axis=0).sort_index()
    assert list(got.index) == list(want.index)
    np.testing.assert_array_equal(got.to_numpy(), want.to_numpy())  # exactly: sums in the same order


def test_articles_table_reads_only_the_counted_evidence_columns(demo_corpus, demo_evidence):
    """Extra columns (a user's, or the big span texts of others) neither change the table nor get copied."""
    extra = demo_evidence.assign(note=["x" * 50] * len(demo_evidence), sent_id=pd.NA)
    a = tables.articles(demo_evidence.assign(sent_id=pd.NA), demo_corpus)
    pd.testing.assert_frame_equal(tables.articles(extra, demo_corpus), a)
    pd.testing.assert_frame_equal(tables.articles(demo_evidence, demo_corpus), a)
