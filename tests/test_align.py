"""Sentence alignment across outlets, omissions, framing differences, stories."""

from __future__ import annotations

import pandas as pd
import pytest

import contrast
from contrast.alignment import Alignment, align, content_terms, sentence_table, stories
from contrast.evidence import evidence_frame

UA = """Drones kill seven in Kharkiv
Russian drones struck Kharkiv overnight, killing 7 civilians, Ukrainian officials said.
Mayor Ihor Terekhov said 21 people were injured and a school was damaged.
The attack came hours after talks in Istanbul ended without agreement.
Kyiv has asked its Western partners for more air defence systems."""

RU = """Kiev claims strike on Kharkov
Ukrainian officials claimed that 7 civilians were killed in Kharkov by Russian drones.
According to Terekhov, 21 people were hurt.
The Russian Defence Ministry said its forces hit military targets in the region.
The talks in Istanbul ended without agreement."""

UNRELATED = """Harvest festival opens
The annual harvest festival opened in the village square with music and pies.
Bakers from three counties entered the bread competition."""


def _corpus(texts: dict[str, str], dates: dict[str, str | None] | None = None) -> pd.DataFrame:
    df = pd.DataFrame({"doc_id": list(texts), "source": list(texts), "text": list(texts.values())})
    if dates is not None:
        df["date"] = [dates[k] for k in texts]
    return contrast.load_corpus(df)


NO_EVIDENCE = evidence_frame([])


def test_omission_and_pairs_on_parallel_reports():
    corpus = _corpus({"UA": UA, "RU": RU})
    res = align(corpus, "UA", "RU", evidence=NO_EVIDENCE)
    assert isinstance(res, Alignment)
    paired = set(zip(res.pairs["sent_id_a"], res.pairs["sent_id_b"], strict=True))
    # body sentences: 1 <-> 1 (drones), 2 <-> 2 (Terekhov), 3 <-> 4 (Istanbul talks)
    assert paired == {(1, 1), (2, 2), (3, 4)}
    assert "Kyiv has asked its Western partners" in " ".join(res.only_a["sentence"])
    assert any(s.startswith("The Russian Defence Ministry said") for s in res.only_b["sentence"])
    assert res.n_a == len(res.pairs) + len(res.only_a)
    assert res.n_b == len(res.pairs) + len(res.only_b)
    assert (res.pairs["similarity"] >= res.threshold).all()
    assert res.pairs["similarity"].is_monotonic_decreasing
    # each omission names its closest counterpart, below the threshold
    assert (res.only_a["best_similarity"] < res.threshold).all()


def test_sentence_only_in_one_outlet_is_an_omission():
    shared = "Officials said 7 civilians were killed in Kharkiv on Monday."
    extra = "Residents blamed a Ukrainian air defence missile for the blast in Bilhorod."
    corpus = _corpus({"A": f"Strike\n{shared}\n{extra}", "B": f"Strike\n{shared}"})
    res = align(corpus, "A", "B", evidence=NO_EVIDENCE)
    assert list(res.only_a["sentence"]) == [extra]
    assert res.only_b.empty
    assert set(res.pairs["sentence_a"]) == {"Strike", shared}


def test_same_sentence_other_verb_is_paired_and_difference_reported():
    a_text = "Kharkiv strike\nOfficials said 7 civilians were killed in Kharkiv on Monday."
    b_text = "Kharkiv strike\nOfficials claimed 7 civilians were killed in Kharkiv on Monday."
    corpus = _corpus({"A": a_text, "B": b_text})

    def att(doc_id: str, text: str, cue: str, stance: str) -> dict:
        s = text.index(cue)
        return {"doc_id": doc_id, "source": doc_id, "family": "attribution", "label": stance,
                "start": s, "end": s + len(cue), "span": cue, "cue": cue, "speaker": "Officials"}

    ev = evidence_frame([att("A", a_text, "said", "neutral"), att("B", b_text, "claimed", "distancing")])
    res = align(corpus, "A", "B", evidence=ev)
    body = res.pairs[res.pairs["sent_id_a"] == 1].iloc[0]
    assert body["sent_id_b"] == 1
    assert body["cue_a"] == "said" and body["cue_b"] == "claimed"
    assert body["stance_a"] == "neutral" and body["stance_b"] == "distancing"
    assert body["words_only_a"] == "said" and body["words_only_b"] == "claimed"
    assert "attribution verb: said -> claimed" in body["differences"]
    assert "stance: neutral -> distancing" in body["differences"]
    assert "speaker" not in body["differences"]  # same speaker on both sides
    # the headline pair is identical: nothing differs
    head = res.pairs[res.pairs["sent_id_a"] == 0].iloc[0]
    assert head["differences"] == "" and head["words_only_a"] == ""
    assert "differs: attribution verb" in res.summary()
    assert "claimed" in res._repr_html_()


def test_unrelated_articles_give_no_pairs():
    corpus = _corpus({"UA": UA, "X": UNRELATED})
    res = align(corpus, "UA", "X", evidence=NO_EVIDENCE)
    assert res.pairs.empty
    assert len(res.only_a) == res.n_a == 5
    assert len(res.only_b) == res.n_b == 3
    assert "0 pairs" in res.summary()


def test_numbers_and_names_weighted_up():
    a = "Terekhov said 21 people were hurt in the attack on the city."
    b = "Terekhov reported 21 injured."
    corpus = _corpus({"A": f"x\n{a}", "B": f"y\n{b}"})
    low = align(corpus, "A", "B", evidence=NO_EVIDENCE, threshold=0, entity_weight=1.0)
    high = align(corpus, "A", "B", evidence=NO_EVIDENCE, threshold=0, entity_weight=3.0)

    def sim(res: Alignment) -> float:
        return float(res.pairs.loc[res.pairs["sent_id_a"] == 1, "similarity"].iloc[0])

    assert sim(high) > sim(low)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia has killed 7,175 civilians, Miroshnik said.", ["russia", "kill", "7175", "civilian", "miroshnik"]),
        ("It was the one that they had.", []),
        ("", []),
        ("Ukraine's drones", ["ukrain", "drone"]),
    ],
)
def test_content_terms(text, expected):
    assert content_terms(text) == expected


def test_sides_by_doc_id_and_errors():
    corpus = _corpus({"UA": UA, "RU": RU})
    res = align(corpus, a=corpus["doc_id"][0], b=corpus["doc_id"][1], evidence=NO_EVIDENCE)
    assert len(res.pairs) == 3
    with pytest.raises(ValueError, match="neither a doc_id nor a source.*UA"):
        align(corpus, "UA", "Pravda", evidence=NO_EVIDENCE)
    with pytest.raises(ValueError, match="share articles"):
        align(corpus, "UA", "UA", evidence=NO_EVIDENCE)
    with pytest.raises(ValueError, match=r"threshold.*\[0, 1\]"):
        align(corpus, "UA", "RU", evidence=NO_EVIDENCE, threshold=1.5)
    with pytest.raises(ValueError, match="lacks columns"):
        align(corpus.drop(columns="text"), "UA", "RU", evidence=NO_EVIDENCE)


def test_input_not_modified():
    corpus = _corpus({"UA": UA, "RU": RU})
    before = corpus.copy()
    align(corpus, "UA", "RU", evidence=NO_EVIDENCE)
    stories(corpus)
    pd.testing.assert_frame_equal(corpus, before)


def test_evidence_extracted_when_not_given():
    corpus = _corpus({"UA": UA, "RU": RU})
    res = align(corpus, "UA", "RU")
    assert len(res.pairs) == 3


def test_sentence_table_matches_segment():
    corpus = _corpus({"UA": UA})
    st = sentence_table(corpus)
    assert list(st["sent_id"]) == [0, 1, 2, 3, 4]
    text = corpus["text"][0]
    assert all(text[s:e] == sent for s, e, sent in zip(st["start"], st["end"], st["sentence"], strict=True))


def test_demo_corpus_few_pairs(demo_corpus, demo_evidence):
    # Two different incidents sharing topics (drones, civilians/soldiers,
    # Ukraine/Russia): at most a couple of sentences correspond.
    res = align(demo_corpus, "Business Insider", "Izvestia", evidence=demo_evidence)
    assert len(res.pairs) <= 2
    assert res.n_a == len(res.pairs) + len(res.only_a) > 10
    assert res.n_b == len(res.pairs) + len(res.only_b) > 10


# --------------------------------------------------------------------------- stories


@pytest.mark.parametrize(
    ("dates", "same_story"),
    [
        ({"UA": "2025-11-10", "RU": "2025-11-11", "X": "2025-11-10"}, True),
        ({"UA": "2025-11-10", "RU": "2025-11-25", "X": "2025-11-10"}, False),  # outside the window
        ({"UA": "2025-11-10", "RU": None, "X": "2025-11-10"}, True),  # missing date: any window
        (None, True),  # no date column
    ],
)
def test_stories_date_window(dates, same_story):
    corpus = _corpus({"UA": UA, "RU": RU, "X": UNRELATED}, dates)
    sid = stories(corpus, window_days=3)
    assert sid.name == "story_id" and list(sid.index) == list(corpus.index)
    assert bool(sid.iloc[0] == sid.iloc[1]) is same_story
    assert sid.iloc[2] not in (sid.iloc[0], sid.iloc[1])  # the harvest festival is its own story
    assert sid.iloc[0] == 0  # numbered by first appearance


def test_stories_demo_corpus_different_incidents(demo_corpus):
    assert stories(demo_corpus).tolist() == [0, 1]


def test_stories_errors_and_empty():
    corpus = _corpus({"UA": UA})
    with pytest.raises(ValueError, match="window_days"):
        stories(corpus, window_days=-1)
    with pytest.raises(ValueError, match="threshold"):
        stories(corpus, threshold=2)
    assert stories(corpus.iloc[:0]).empty


def test_rival_place_names_still_pair_and_naming_difference_reported():
    a = "Strike\nRussian drones hit Kharkiv overnight, officials in Kyiv said."
    b = "Strike\nRussian drones hit Kharkov overnight, officials in Kiev said."
    corpus = _corpus({"A": a, "B": b})
    assert content_terms("Kharkov Kiev") == content_terms("Kharkiv Kyiv") == ["kharkiv", "kyiv"]
    res = align(corpus, "A", "B")  # evidence extracted, naming family included
    body = res.pairs[res.pairs["sent_id_a"] == 1].iloc[0]
    assert body["similarity"] > 0.95
    assert "Kharkiv" in body["naming_a"] and "Kiev" in body["naming_b"]
    assert "naming:" in body["differences"] and "attribution verb" not in body["differences"]


def test_align_stories_runs_per_story():
    from contrast.alignment import align_stories

    other_ua = UNRELATED
    other_ru = UNRELATED.replace("three counties", "two counties")
    df = pd.DataFrame({"doc_id": ["u1", "r1", "u2", "r2"], "source": ["UA", "RU", "UA", "RU"],
                       "text": [UA, RU, other_ua, other_ru],
                       "date": ["2025-11-10", "2025-11-11", "2025-11-10", "2025-11-10"]})
    corpus = contrast.load_corpus(df)
    res = align_stories(corpus, "UA", "RU", evidence=NO_EVIDENCE)
    assert sorted(res) == [0, 1]
    assert len(res[0].pairs) == 3 and res[0].notes == []  # one article per side, no pooling
    assert len(res[1].pairs) == 3 and res[1].only_a.empty  # festival story: all sentences pair
    with pytest.raises(ValueError, match="not a source"):
        align_stories(corpus, "UA", "u1")
