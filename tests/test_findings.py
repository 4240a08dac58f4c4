"""Findings read the pairwise table: planted differences come first, untestable rows never rank."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from synthetic import study

from contrast import browser, findings
from contrast.findings import evidence_key, row_keys


@pytest.fixture(scope="module")
def synth():
    return study(15, 20)


def test_planted_differences_are_found_with_examples_from_each_side(synth):
    c, ev, arts, pw = synth
    f = findings.findings(pw, evidence=ev)
    assert len(f) >= 3  # the three planted differences (below); "unknown" categories are never findings
    assert not f["feature"].str.contains("_unknown_").any()
    assert (np.diff(f["effect"].to_numpy()) <= 1e-12).all()  # ranked by effect size
    assert (f["p_adjusted"] < 0.05).all()
    top = {(r.group_a, r.family, r.key if isinstance(r.key, str) else None) for r in f.itertuples()}
    assert any(g == "Harbor Observer" and fam == "hedge" for g, fam, _ in top)  # planted: outlet 0 hedges
    assert ("Eastern Telegraph Agency", "attribution", "distancing") in top  # outlet 1 writes "claimed"
    assert any(g == "The Daily Meridian" and fam == "naming" for g, fam, _ in top)  # outlet 2 writes "Kiev"
    for r in f[f.family == "naming"].itertuples():  # a side without the variant shows what it writes instead
        assert r.examples_a and r.examples_b
    hedge = f[(f.group_a == "Harbor Observer") & (f.family == "hedge")].iloc[0]
    assert "Harbor Observer" in hedge.sentence and ("times as often as the other outlets" in hedge.sentence
                                                     or "where the other outlets have none" in hedge.sentence)
    assert "95% CI" in hedge.sentence and "20 vs 280 articles" in hedge.sentence
    src = c.set_index("doc_id")["source"]
    assert len(hedge.examples_a) == 2 and len({e["doc_id"] for e in hedge.examples_a}) == 2
    assert all(src[e["doc_id"]] == "Harbor Observer" for e in hedge.examples_a)
    assert all(src[e["doc_id"]] != "Harbor Observer" for e in hedge.examples_b)
    hedged = ev[(ev.family == "hedge")]
    for e in hedge.examples_a:  # each example sentence holds a hedge
        assert ((hedged.doc_id == e["doc_id"]) & (hedged.sent_id == e["sent_id"])).any()


def test_untestable_and_uncorrected_rows_are_not_ranked(synth):
    *_, pw = synth
    base = findings.findings(pw)
    marked = pw.assign(testable=pw["group_a"] != "Harbor Observer")
    marked.attrs = dict(pw.attrs)
    f = findings.findings(marked)
    assert "Harbor Observer" in set(base["group_a"]) and "Harbor Observer" not in set(f["group_a"])
    assert findings.untested(marked) == int((pw["group_a"] == "Harbor Observer").sum())
    none = pw.assign(p_adjusted=0.5)
    assert findings.findings(none).empty


def test_effect_size_is_conservative():
    wide = {"ratio": 10.0, "ratio_low": 1.5, "ratio_high": 40.0}
    tight = {"ratio": 3.0, "ratio_low": 2.5, "ratio_high": 3.5}
    assert findings.effect_size(tight) > findings.effect_size(wide)  # the bound nearest 1 ranks
    assert findings.effect_size({"ratio": 0.5, "ratio_low": 0.4, "ratio_high": 0.6}) == pytest.approx(-np.log(0.6))
    mean = {"feature": "sentiment_mean", "ratio": np.nan, "difference": -0.3, "difference_low": -0.4,
            "difference_high": -0.2}
    assert findings.effect_size(mean) == pytest.approx(0.4)


@pytest.mark.parametrize("feature, family, key", [
    ("hedge_per_1k", "hedge", None), ("hedge_modal_per_1k", "hedge", "modal"),
    ("attribution_speaker_anonymous_share", "attribution", "speaker_anonymous"),
    ("naming_kyiv_kiev__kiev_share", "naming", "kyiv_kiev__kiev"), ("sentiment_ukraine_mean", "actor", "ukraine"),
    ("unattributed_share", "unattributed", None), ("sentiment_negative_share", "sentiment", "negative"),
])
def test_every_feature_names_its_evidence(feature, family, key, synth):
    assert evidence_key(feature) == (family, key)


def test_row_keys_match_the_count_columns(synth):
    _, ev, arts, _ = synth
    # every key of every row is the middle of a count column of the articles table
    keys = row_keys(ev)
    fam = ev["family"].astype(str)
    for f, k in {(f, k) for f, ks in zip(fam, keys, strict=True) for k in ks.split("|")}:
        col = {"actor": f"actor_{k}_n", "sentiment": f"sentiment_{k}_n"}.get(f, f"{f}_{k}_n")
        if f == "unattributed":
            continue
        assert col in arts.columns, col


def test_browser_samples_every_stratum_and_stays_small(synth):
    c, ev, _, _ = synth
    data = browser.browser_data(c, ev, per_stratum=3, max_items=10_000)
    fams = data["families"]
    seen = {(data["sentences"][i][0], fams[f]) for i, f, _k, _t in data["items"]}
    have = set(zip(ev["source"].astype(str), ev["family"].astype(str), strict=True))
    assert seen == have
    per = pd.Series([(data["sentences"][i][0], fams[f]) for i, f, _k, _t in data["items"]]).value_counts()
    assert per.max() <= 3 * 8  # a row counts toward each of its keys: at most per_stratum x keys
    big = browser.browser_data(c, ev, per_stratum=50, max_items=100_000)
    small = browser.browser_data(c, ev, per_stratum=50, max_items=200)  # halved down to one row per stratum
    assert len(small["items"]) < len(big["items"])
    assert {(small["sentences"][i][0], small["families"][f]) for i, f, _k, _t in small["items"]} == have
    for _g, _d, _s, text, marks in data["sentences"]:
        assert all(0 <= a < b <= len(text) for a, b, _f, _t in marks)


def test_browser_html_embeds_data_that_cannot_end_the_script():
    corpus = pd.DataFrame({"doc_id": ["d"], "source": ["A"], "text": ["He said </script><b>x</b>."],
                           "has_title": [False]})
    from contrast.evidence import evidence_frame

    ev = evidence_frame([{"doc_id": "d", "source": "A", "family": "attribution", "label": "neutral", "sent_id": 0,
                          "start": 3, "end": 7, "span": "said"}])
    out = browser.browser_html(browser.browser_data(corpus, ev))
    payload = out.split('class="cb-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(payload)["sentences"][0][3] == "He said </script><b>x</b>."
    assert out.count("<script") == 2 and 'id="evidence"' in out


def test_explore_gives_the_browser_for_jupyter(demo_corpus, demo_evidence):
    import contrast

    a = contrast.explore(demo_corpus, demo_evidence)
    b = contrast.explore(demo_corpus, demo_evidence, families=["hedge"])
    ida = re.search(r'<section id="([^"]+)"', a._repr_html_()).group(1)
    idb = re.search(r'<section id="([^"]+)"', b._repr_html_()).group(1)
    assert ida != idb  # two explorers in one notebook do not filter each other
    assert b.data["families"] == ["hedge"]
    assert set(a.data["groups"]) == set(demo_corpus["source"])
    assert json.dumps(ida) in a.html  # the script finds its own root


def test_examples_fall_back_to_the_streams_reserve_when_the_sample_has_none():
    from contrast.evidence import evidence_frame
    from contrast.findings import ExampleReserve, findings

    pw = pd.DataFrame({"feature": ["hedge_per_1k"], "group_a": ["A"], "group_b": ["B"], "estimate_a": [6.0],
                       "estimate_b": [2.0], "ratio": [3.0], "ratio_low": [2.0], "ratio_high": [4.5],
                       "difference": [4.0], "difference_low": [2.5], "difference_high": [5.5],
                       "p_value": [0.001], "p_adjusted": [0.002], "units_a": [40], "units_b": [50]})
    sample = evidence_frame([{"doc_id": "a1", "source": "A", "sent_id": 0, "family": "hedge", "label": "modal"}])
    late = pd.DataFrame({"doc_id": ["b7", "b8", "b9"], "source": ["B"] * 3, "text": ["x"] * 3})
    late_ev = evidence_frame([{"doc_id": d, "source": "B", "sent_id": 1, "family": "hedge", "label": "modal"}
                              for d in ("b7", "b8", "b9")])
    reserve = ExampleReserve("source", per_key=2)
    reserve.add(late, late_ev)
    assert reserve.corpus().doc_id.tolist() == ["b7", "b8"]  # the first two of (B, hedge, modal)
    without = findings(pw, evidence=sample)
    assert without.examples_b.iloc[0] == []
    found = findings(pw, evidence=sample, fallback=reserve.evidence())
    assert sorted(e["doc_id"] for e in found.examples_b.iloc[0]) == ["b7", "b8"]
    assert [e["doc_id"] for e in found.examples_a.iloc[0]] == ["a1"]


def test_browser_marks_every_row_overlapping_a_shown_sentence(synth):
    """Only rows near the sampled sentences become records; the marks equal a scan of every row."""
    from types import SimpleNamespace

    from contrast import display

    c, ev, _, _ = synth
    data = browser.browser_data(c, ev, per_stratum=3, max_items=10_000)
    assert data["sentences"]
    cols = [k for k in ev.columns]
    recs = [SimpleNamespace(**r) for r in ev[cols].astype(object).where(ev[cols].notna(), None).to_dict("records")]
    texts = dict(zip(c["doc_id"].astype(str), c["text"], strict=True))
    for _g, doc_id, sid, text, marks in data["sentences"]:
        spans = {int(r.sent_id): (int(r.start), int(r.end)) for r in recs
                 if str(r.doc_id) == doc_id and r.family == "sentiment"}
        s, e = spans[sid]
        assert texts[doc_id][s:e] == text
        want = []
        for it in (r for r in recs if str(r.doc_id) == doc_id):
            fam, a, b = str(it.family), it.start, it.end
            if a is None or b is None or fam in ("sentiment", "unattributed") or not (a < e and b > s):
                continue
            want.append([max(a, s) - s, min(b, e) - s, fam, display._describe(it, fam)])
            sa, sb = it.speaker_start, it.speaker_end
            if fam == "attribution" and sa is not None and sb is not None and s <= sa < sb <= e:
                want.append([sa - s, sb - s, "speaker", display._describe(it, fam, "speaker")])
        assert marks == want


def test_a_name_set_missing_from_the_evidence_is_spelled_as_the_lexicon_lists_it():
    from contrast.findings import readable_labels

    # the report's evidence is a sample: a finding about a set it lacks read "kurakhove_kurakhovo"
    got = readable_labels(["naming_kurakhove_kurakhovo__kurakhove_share"], evidence=pd.DataFrame({"label": ["x"]}))
    assert got == {"naming_kurakhove_kurakhovo__kurakhove_share": 'the name "Kurakhove" (within Kurakhove/Kurakhovo)'}
