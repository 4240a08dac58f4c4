"""One corpus, one answer: every path gives the same tables and p-values; --by any column; the codebook."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import contrast
from contrast import stats, tables
from contrast.cli import main

BODIES = [
    "Officials said 40 civilians were killed in Kyiv. Experts suggest the toll may rise.",
    "The Kremlin claimed that Kiev regime forces shelled Donetsk, killing about 12 people.",
    "Nothing of note happened in Kharkiv, the mayor said. Markets were calm.",
    "Zelensky said: \"We will not give up Pokrovsk.\" He added that 3,000 troops held it.",
    "Reportedly, drones hit an oil depot near Belgorod. The governor confirmed two injuries.",
    "Analysts believe the offensive will likely stall by winter. Some fear a wider war.",
]


def _corpus_frame() -> pd.DataFrame:
    # 12 articles, 3 outlets: 5 and 5 (articles resampled), 2 (sentences resampled)
    outlets = ["Harbor Observer"] * 5 + ["Steppe Daily"] * 5 + ["Capital Wire"] * 2
    rows = []
    for i, src in enumerate(outlets):
        body = BODIES[i % len(BODIES)] + " " + BODIES[(i * 5 + 1) % len(BODIES)]
        rows.append({"doc_id": f"d{i:02d}", "source": src, "title": f"Report {i} on the front",
                     "date": f"2022-0{1 + i % 3}-{10 + i:02d}", "country": "UA" if i % 2 else "RU",
                     "words_hint": 10 * i + 3, "text": body})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("one_answer")
    df = _corpus_frame()
    csv = root / "corpus.csv"
    df.to_csv(csv, index=False)
    folder = root / "folder"
    folder.mkdir()
    for r in df.itertuples():
        (folder / f"{r.doc_id}.txt").write_text(f"{r.title}\n\n{r.text}\n", encoding="utf-8")
    pd.DataFrame({"file": [f"{d}.txt" for d in df["doc_id"]], "source": df["source"],
                  "date": df["date"]}).to_csv(folder / "sources.csv", index=False)
    return root, csv, folder


@pytest.fixture(scope="module")
def runs(corpus_files):
    root, csv, folder = corpus_files
    outs = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, args in {"csv": [str(csv), "--chunksize", "3"],
                           "folder": [str(folder)]}.items():
            out = root / f"out_{name}"
            assert main([*args, "--out", str(out), "--no-charts", "-q"]) == 0
            outs[name] = out
        corpus = contrast.load_corpus(csv)
        ev = contrast.extract(corpus)
        arts = contrast.articles(ev, corpus)
        py_sources = contrast.compare(arts, evidence=ev, corpus=corpus)
        py_pairs = contrast.pairwise(arts, "source", evidence=ev, corpus=corpus)
    py = root / "out_python"
    contrast.io.write_csv(py_sources, py / "sources.csv")
    contrast.io.write_csv(py_pairs, py / "pairwise.csv")
    outs["python"] = py
    return outs


def test_every_path_gives_identical_sources_and_pairwise(runs):
    ref = pd.read_csv(runs["python"] / "sources.csv")
    assert set(ref["resampled"]) == {"articles", "sentences"}  # both units are exercised
    assert ref.set_index("source")["resampled"].to_dict() == {
        "Harbor Observer": "articles", "Steppe Daily": "articles", "Capital Wire": "sentences"}
    ref_pw = pd.read_csv(runs["python"] / "pairwise.csv")
    assert len(ref_pw) and ref_pw["p_value"].notna().any()
    # Harbor vs Steppe (5 and 5 articles) can be tested; a pair with Capital Wire (2 articles) cannot
    assert ref_pw["testable"].any() and not ref_pw["testable"].all()
    assert ref_pw.loc[ref_pw["testable"], "p_adjusted"].notna().any()
    assert ref_pw.loc[~ref_pw["testable"], "p_adjusted"].isna().all()
    for name in ("csv", "folder"):
        got = pd.read_csv(runs[name] / "sources.csv")
        pd.testing.assert_frame_equal(got, ref, check_exact=True, obj=f"{name} sources.csv")
        got_pw = pd.read_csv(runs[name] / "pairwise.csv")
        pd.testing.assert_frame_equal(got_pw, ref_pw, check_exact=True, obj=f"{name} pairwise.csv")


def test_streaming_chunks_do_not_change_the_numbers():
    corpus = contrast.load_corpus(_corpus_frame())
    ev = contrast.extract(corpus)
    arts, units = tables.articles_and_units(ev, corpus)
    feats = tables.feature_columns(arts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        whole = tables.compare(arts, features=feats, sentence_units=units, n_boot=300)
        for size in (1, 2, 7):
            parts = (arts.iloc[i:i + size] for i in range(0, len(arts), size))
            streamed = tables.compare_stream(parts, features=feats, sentence_units=units, n_boot=300)
            pd.testing.assert_frame_equal(streamed, whole, check_exact=True)
        # shuffled rows: the same intervals (weights are keyed by doc_id, not by position)
        shuffled = tables.compare(arts.sample(frac=1.0, random_state=3), features=feats,
                                  sentence_units=units, n_boot=300)
    pd.testing.assert_frame_equal(shuffled, whole, check_exact=True)


def test_keyed_weights_are_poisson_and_depend_on_key_and_seed_only():
    keys = stats.unit_keys([f"doc{i}" for i in range(400)])
    w = stats.poisson_weights(keys, 500, seed=1)
    assert abs(w.mean() - 1.0) < 0.02 and abs(w.var() - 1.0) < 0.05
    assert np.array_equal(stats.poisson_weights(keys[::-1], 500, seed=1), w[:, ::-1])
    assert not np.array_equal(stats.poisson_weights(keys, 500, seed=2), w)


def test_small_designs_are_marked_untestable_and_left_out_of_the_correction():
    # one article against three: no arrangement can give p below 1/4
    arts = pd.DataFrame({"doc_id": list("abcd"), "source": ["A", "B", "B", "B"], "n_words": [100] * 4,
                         "n_sentences": [5] * 4, "hedge_n": [9, 0, 0, 0], "hedge_per_1k": [90.0, 0, 0, 0]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = tables.contrast_pair(arts, a="A", b="B", features=["hedge_per_1k"], n_perm=500).iloc[0]
    assert row["min_p"] == pytest.approx(0.25) and row["p_value"] == pytest.approx(0.25)
    assert not row["testable"] and np.isnan(row["p_adjusted"])
    assert (row["n_articles_a"], row["n_articles_b"]) == (1, 3)
    # ten against ten with a clear difference: testable, adjusted
    big = pd.DataFrame({"doc_id": [f"x{i}" for i in range(20)], "source": ["A"] * 10 + ["B"] * 10,
                        "n_words": [100] * 20, "n_sentences": [5] * 20,
                        "hedge_n": [5 + i % 3 for i in range(10)] + [i % 2 for i in range(10)]})
    big["hedge_per_1k"] = 10.0 * big["hedge_n"]
    big["naming_x_n"] = [1] + [0] * 9 + [1] + [0] * 9  # one article on each side uses the contested name
    big["naming_x__a_n"] = [1] + [0] * 19
    big["naming_x__a_share"] = big["naming_x__a_n"] / big["naming_x_n"].where(big["naming_x_n"] > 0)
    out = tables.contrast_pair(big, a="A", b="B", features=["hedge_per_1k", "naming_x__a_share"],
                               n_perm=999).set_index("feature")
    assert out.loc["hedge_per_1k", "testable"] and out.loc["hedge_per_1k", "p_adjusted"] < 0.01
    # 100% vs 0% from two articles: the design cannot go below C(18, 9) / C(20, 10) = 0.26
    share = out.loc["naming_x__a_share"]
    assert (share["n_informative_a"], share["n_informative_b"]) == (1, 1)
    assert share["min_p"] == pytest.approx(0.2632, abs=1e-3) and not share["testable"]
    assert share["p_value"] >= share["min_p"] - 1e-9


@pytest.mark.parametrize("by, name, expect", [
    ("country", "country", {"RU", "UA"}),
    ("date", "date_month", {"2022-01", "2022-02", "2022-03"}),
    ("words_hint", "words_hint_bin", None),
])
def test_by_any_column_gives_complete_outputs(corpus_files, by, name, expect, capsys):
    root, csv, _ = corpus_files
    out = root / f"by_{by}"
    assert main([str(csv), "--out", str(out), "--by", by, "--bins", "3", "-q"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for f in ("articles.csv", "evidence.csv", "sources.csv", "pairwise.csv", "codebook.csv", "report.html"):
        assert (out / f).is_file() and (out / f).stat().st_size > 0, f
    assert len(list((out / "charts").glob("*.png"))) >= 8
    sources = pd.read_csv(out / "sources.csv")
    assert sources.columns[0] == name
    groups = set(sources[name].astype(str))
    if expect is not None:
        assert groups == expect
    else:
        assert len(groups) == 3 and all(g.startswith("[") for g in groups)
    assert sources["n_articles"].sum() == 12
    assert name in pd.read_csv(out / "articles.csv").columns


def test_every_output_column_is_in_the_codebook(runs):
    for name in ("csv", "folder"):
        out = runs[name]
        book = pd.read_csv(out / "codebook.csv")
        assert list(book.columns) == contrast.codebook.CODEBOOK_COLUMNS
        for table in ("articles", "evidence", "sources", "pairwise"):
            cols = pd.read_csv(out / f"{table}.csv", nrows=0).columns
            listed = set(book.loc[book["table"] == table, "column"])
            assert set(cols) <= listed, (table, sorted(set(cols) - listed)[:5])
        rows = book.set_index(["table", "column"])
        assert rows.loc[("articles", "hedge_per_1k"), "denominator"].startswith("n_words")
        assert "F1" in rows.loc[("sources", "hedge_per_1k"), "validity"]
        assert rows.loc[("sources", "hedge_per_1k_low"), "computed"].startswith("lower bound")
        assert book["computed"].fillna("").str.len().min() > 0 and book["label"].notna().all()


def test_codebook_entries_follow_generated_names():
    book = contrast.codebook(articles=["naming_invasion__full_scale_invasion_share",
                                       "attribution_actor_belarus_per_1k", "custom_moral_care_n"])
    r = book.set_index("column")
    assert r.loc["naming_invasion__full_scale_invasion_share", "denominator"] == "naming_invasion_n"
    assert "belarus" in r.loc["attribution_actor_belarus_per_1k", "computed"]
    assert r.loc["custom_moral_care_n", "family"] == "custom"
    assert contrast.codebook.label("hedge_per_1k_low") == "Hedges, lower bound"


@pytest.mark.parametrize("sentence, word", [
    ("The ministry claimed that the depot was empty.", "claimed"),
    ("Officials argued that the strike was legal.", "argued"),
    ("The governor indicated that two people were hurt.", "indicated"),
])
def test_reporting_verbs_count_as_attribution_not_as_hedges(sentence, word):
    from contrast.extract import extract_text

    ev = extract_text("Headline\n" + sentence)
    hedges = ev[ev["family"] == "hedge"]["span"].str.lower().tolist()
    cues = " ".join(ev.loc[ev["family"] == "attribution", "span"].str.lower())
    assert word not in hedges
    assert word in cues  # counted once, as attribution stance


def test_an_outlet_that_writes_claimed_does_not_hedge():
    corpus = contrast.load_corpus(pd.DataFrame({
        "doc_id": ["a", "b"], "source": ["Claims", "Plain"],
        "text": [" ".join(["The ministry claimed that troops withdrew."] * 12), "Troops withdrew. " * 12]}))
    ev = contrast.extract(corpus)
    arts = contrast.articles(ev, corpus).set_index("source")
    assert arts.loc["Claims", "hedge_n"] == 0
    assert arts.loc["Claims", "attribution_distancing_n"] >= 12


def test_cli_takes_lexicons_actors_and_families(tmp_path):
    df = pd.DataFrame({"source": ["A", "B"] * 3, "text": [
        "Perchance the Arvenian army will win. The minister said the Arvenians advanced.",
        "The Belmark ministry claimed victory, perchance. Care and kindness matter.",
        "Nothing happened in the Belmark capital."] * 2})
    src = tmp_path / "c.csv"
    df.to_csv(src, index=False)
    (tmp_path / "hedges.tsv").write_text("# name: test\nterm\ttype\trule\nperchance\tadverb\t\n", encoding="utf-8")
    (tmp_path / "actors.tsv").write_text("alias\tactor\nArvenian army\tArvenia\nArvenians\tArvenia\n"
                                         "Belmark ministry\tBelmark\n", encoding="utf-8")
    (tmp_path / "moral.dic").write_text("%\n1\tcare\n%\ncare\t1\nkindness\t1\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "--no-charts", "-q", "--lexicon", f"hedge={tmp_path / 'hedges.tsv'}",
                 "--lexicon", f"custom={tmp_path / 'moral.dic'}", "--actors", str(tmp_path / "actors.tsv"),
                 "--families", "hedge,booster,actor,attribution,custom"]) == 0
    ev = pd.read_csv(out / "evidence.csv")
    assert set(ev["family"]) <= {"hedge", "booster", "actor", "attribution", "custom"}
    assert set(ev.loc[ev["family"] == "hedge", "span"].str.lower()) == {"perchance"}
    assert {"Arvenia", "Belmark"} <= set(ev.loc[ev["family"] == "actor", "actor"].dropna())
    assert (ev["family"] == "custom").sum() >= 4
    book = pd.read_csv(out / "codebook.csv")
    assert any(c.startswith("custom_") for c in book["column"])


def test_cli_bad_lexicon_is_one_line_and_writes_nothing(tmp_path, capsys):
    src = tmp_path / "c.csv"
    pd.DataFrame({"source": ["A"], "text": ["Officials said so."]}).to_csv(src, index=False)
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "--lexicon", "hedge"]) == 2
    assert "FAMILY=FILE" in capsys.readouterr().err
    assert not out.exists()


def test_bad_by_column_fails_in_one_line_without_a_half_written_folder(corpus_files, capsys):
    root, csv, folder = corpus_files
    for src in (csv, folder):
        out = root / f"bad_by_{src.name}"
        assert main([str(src), "--out", str(out), "--by", "nope", "--no-charts"]) == 2
        err = capsys.readouterr().err
        assert "--by 'nope' is not a corpus column" in err and "Traceback" not in err
        assert not out.exists()


def test_a_streamed_run_draws_the_same_charts_as_the_whole_corpus(corpus_files, tmp_path):
    """The charts of a CSV streamed in chunks of 3 with a report sample of 4 articles equal those of the
    folder read at once (evidence charts and distinctive words from every article, not the sample)."""
    _, csv, folder = corpus_files
    outs = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, args in {"csv": [str(csv), "--chunksize", "3", "--report-sample", "4"],
                           "folder": [str(folder)]}.items():
            outs[name] = tmp_path / name
            assert main([*args, "--out", str(outs[name]), "-q"]) == 0
    pngs = sorted(p.name for p in (outs["folder"] / "charts").glob("*.png"))
    assert {"distinctive_words.png", "top_speakers.png", "attribution_stance.png", "who_is_quoted.png"} <= set(pngs)
    for name in pngs:
        assert (outs["csv"] / "charts" / name).read_bytes() == (outs["folder"] / "charts" / name).read_bytes(), name
    note = (outs["csv"] / "report.html").read_text(encoding="utf-8")
    assert "as do the charts" in note


def test_bootstrap_in_blocks_equals_one_block(monkeypatch):
    """compare builds its units matrix a block at a time (bounded memory); blocks never change a digit."""
    import importlib

    cmp = importlib.import_module("contrast.compare")  # the module (contrast.compare is also the function)

    corpus = contrast.load_corpus(_corpus_frame())
    ev = contrast.extract(corpus)
    arts, units = tables.articles_and_units(ev, corpus)
    whole = tables.compare(arts, by="source", sentence_units=units)
    monkeypatch.setattr(cmp, "_BLOCK_STEPS", 1)
    monkeypatch.setattr(stats, "_MAX_CELLS", 2 * 2000)  # a step of 2 units: many blocks
    pb = stats.PoissonBootstrap(3, n_boot=2000)
    assert pb.step == 2
    blocks = tables.compare(arts, by="source", sentence_units=units)
    monkeypatch.setattr(cmp, "_BLOCK_STEPS", 10**6)  # the same steps, one block
    one = tables.compare(arts, by="source", sentence_units=units)
    pd.testing.assert_frame_equal(blocks, one)
    pd.testing.assert_frame_equal(whole.drop(columns=[c for c in whole if c.endswith(("_low", "_high"))]),
                                  blocks.drop(columns=[c for c in blocks if c.endswith(("_low", "_high"))]))


def test_side_shares_are_one_statistic_in_chart_table_and_pairwise():
    # who is quoted: the chart's data (voices_by_side), the articles table's attribution_actor_<side>_share
    # and the pairwise estimate are the same share of cited speakers (agentless cues, "Reportedly", left out)
    df = _corpus_frame()
    corpus = contrast.load_corpus(df)
    ev = contrast.extract(corpus)
    arts = tables.articles(ev, corpus)
    vs = contrast.voices.voices_by_side(ev, n_boot=50)
    agentless = ev[(ev["family"] == "attribution") & ev["speaker_start"].isna()]
    assert len(agentless), "the corpus must hold an agentless cue for this test to mean anything"
    for r in vs.itertuples():
        side = tables._snake(str(r.category))
        part = arts[arts["source"] == r.source]
        num = part.get(f"attribution_actor_{side}_n", pd.Series(0.0)).sum()
        den = part["attribution_cited_n"].sum()
        assert r.total == den
        assert r.share == pytest.approx(num / den)
    pw = contrast.pairwise(arts, features=["attribution_actor_other_share"], evidence=ev, corpus=corpus,
                           min_articles=1, n_boot=50)
    assert len(pw)
    for r in pw.itertuples():
        part = arts[arts["source"] == r.group_a]
        want = part["attribution_actor_other_n"].sum() / part["attribution_cited_n"].sum()
        assert r.estimate_a == pytest.approx(want)
