"""Who is quoted by side and role per outlet, and the people quoted most (contrast.voices)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from contrast import extract, voices

TEXTS = {
    "A": ["Belarusian President Aleksandr Lukashenko said the West was to blame. "
          "Lukashenko added that talks were possible. Moscow said the drills were over.",
          "Lukashenko said on Monday that the border was calm. Experts said the plan would fail."],
    "B": ["Polish President Andrzej Duda said aid would continue. Duda added that Warsaw would host talks.",
          "Kyiv said 40 drones were downed. The Pentagon said the drones were Iranian."],
}


@pytest.fixture(scope="module")
def ev():
    rows = [{"doc_id": f"{s}{i}", "source": s, "text": t, "has_title": False}
            for s, ts in TEXTS.items() for i, t in enumerate(ts)]
    return extract(pd.DataFrame(rows), cache=False)


def test_side_shares_sum_to_one_and_keep_unknown(ev):
    t = voices.voices_by_side(ev)
    assert np.allclose(t.groupby("source")["share"].sum(), 1.0)
    a = t[t["source"] == "A"].set_index("category")
    assert a.loc["Belarus", "n"] == 3 and a.loc["Russia", "n"] == 1
    assert a.loc["other", "n"] == 1  # the experts: no side, still counted
    assert (t["total"] == t.groupby("source")["n"].transform("sum")).all()
    # intervals hold their estimate (two articles per outlet: intervals exist)
    ok = t["ci_low"].notna()
    assert ok.any() and ((t.loc[ok, "ci_low"] <= t.loc[ok, "share"] + 1e-12)
                         & (t.loc[ok, "share"] <= t.loc[ok, "ci_high"] + 1e-12)).all()


def test_role_shares_name_unknown_roles(ev):
    t = voices.voices_by_role(ev)
    b = t[t["source"] == "B"].set_index("category")
    assert b.loc["head_of_state_or_government", "n"] == 2
    assert b.loc["military", "n"] == 1


def test_side_shares_follow_the_side_map(ev):
    rows = [{"doc_id": f"{s}{i}", "source": s, "text": t, "has_title": False}
            for s, ts in TEXTS.items() for i, t in enumerate(ts)]
    ev2 = extract(pd.DataFrame(rows), cache=False, sides={"BY": "Russia"})
    a = voices.voices_by_side(ev2).query("source == 'A'").set_index("category")
    assert a.loc["Russia", "n"] == 4
    assert a["n"].get("Belarus", 0) == 0


def test_top_speakers_merge_surnames_and_carry_affiliation(ev):
    t = voices.top_speakers(ev)
    a = t[t["source"] == "A"].iloc[0]
    assert (a["name"], a["n"], a["affiliation"], a["side"]) == ("Aleksandr Lukashenko", 3, "BY", "Belarus")
    b = t[t["source"] == "B"].iloc[0]
    assert (b["name"], b["n"], b["affiliation"]) == ("Andrzej Duda", 2, "PL")
    assert "Moscow" not in set(t["name"])  # places and bodies are not people


def test_charts_draw_every_category(ev):
    from contrast import plot

    t = voices.voices_by_side(ev)
    ax = plot.voices_by_side_chart(t)
    assert len(ax.patches) == t["category"].nunique() * t["source"].nunique()
    fig = plot.top_speakers_chart(voices.top_speakers(ev))
    assert len(fig.axes) >= 2


def test_empty_evidence_gives_empty_tables():
    empty = extract(pd.DataFrame({"doc_id": ["x"], "source": ["s"], "text": ["Nothing here."],
                                  "has_title": [False]}), cache=False)
    assert voices.voices_by_side(empty).empty and voices.top_speakers(empty).empty


def test_labels_and_bodies_are_not_top_people():
    rows = [{"doc_id": "r1", "source": "R", "has_title": True,
             "text": "Factbox: How the sanctions work\nPolish President Andrzej Duda said aid would continue."},
            {"doc_id": "r2", "source": "R", "has_title": True,
             "text": "Transcript: The evening show\nDuda said the border was calm."}]
    ev = extract(pd.DataFrame(rows), cache=False)
    t = voices.top_speakers(ev)
    assert set(t["name"]) == {"Andrzej Duda"} and t["n"].iloc[0] == 2


def test_top_speakers_is_empty_when_no_named_speaker_is_a_person():
    from contrast.evidence import evidence_frame

    ev = evidence_frame([{"doc_id": "d", "source": "A", "family": "attribution", "speaker": "The",
                          "speaker_type": "named", "speaker_start": 0, "speaker_end": 3}])
    from contrast import voices

    got = voices.top_speakers(ev)
    assert got.empty and list(got.columns)[:3] == ["source", "rank", "name"]


def _named(rows):
    from contrast.evidence import evidence_frame

    return evidence_frame([{"doc_id": d, "source": "A", "family": "attribution", "speaker": s,
                            "speaker_type": "named", "speaker_start": 0, "speaker_end": len(s),
                            "role": role, "affiliation": aff, "actor": side}
                           for d, s, role, aff, side in rows])


def test_spelling_variants_are_one_person_shown_under_the_most_frequent_spelling():
    ev = _named([("d1", "Zelensky", "head_of_state_or_government", "UA", "Ukraine"),
                 ("d2", "Zelenskyy", "head_of_state_or_government", "UA", "Ukraine"),
                 ("d3", "Volodymyr Zelenskyy", "head_of_state_or_government", "UA", "Ukraine"),
                 ("d4", "Zelenskiy", "head_of_state_or_government", "UA", "Ukraine"),
                 ("d5", "Volodymyr Zelenskyi", "head_of_state_or_government", "UA", "Ukraine")])
    t = voices.top_speakers(ev)
    assert len(t) == 1
    assert (t["name"].iloc[0], t["n"].iloc[0]) == ("Volodymyr Zelenskyy", 5)


# named speakers that are not people (seen on the RUWA corpus), and two names run together
NOT_PEOPLE = ["Sizewell C", "Hinkley B", "Cyclone Batsirai", "Earlier China", "Normandy Four",
              "Transcript", "Zelenskyi Biden", "OC South", "Red Cross", "Downing Street",
              "Latest Ukraine Updates"]


@pytest.mark.parametrize("name", NOT_PEOPLE)
def test_non_people_are_not_top_speakers(name):
    ev = _named([("d1", name, None, None, "other"), ("d2", name, None, None, "other"),
                 ("d3", "Olena Kovalenko", "local_official", "UA", "Ukraine")])
    t = voices.top_speakers(ev)
    assert t["name"].tolist() == ["Olena Kovalenko"]


def test_a_name_with_a_role_somewhere_in_the_corpus_is_a_person():
    # no role in one row, a person's role in another: the person counts in both
    ev = _named([("d1", "Alexey Arestovich", None, None, "other"),
                 ("d2", "Alexey Arestovich", "minister_or_official", "UA", "Ukraine"),
                 ("d3", "Cyclone Batsirai", None, None, "other")])
    t = voices.top_speakers(ev)
    assert t["name"].tolist() == ["Alexey Arestovich"] and t["n"].iloc[0] == 2


def test_shares_and_intervals_are_those_of_compare(ev):
    # one statistic, one place: voices' interval equals compare()'s on the per-article table
    from contrast.compare import compare

    t = voices.voices_by_side(ev, n_boot=500, seed=3)
    sp = voices.speakers(ev)
    side = sp["actor"].astype(str)
    units = pd.DataFrame({"source": sp["source"].astype(str), "doc_id": sp["doc_id"].astype(str),
                          "belarus_n": (side == "Belarus").astype(int), "x_n": 1})
    units = units.groupby(["source", "doc_id"], as_index=False).sum()
    ref = compare(units.rename(columns={"belarus_n": "x_belarus_n"}), "source",
                  features=["x_belarus_share"], min_articles=1, n_boot=500, seed=3)
    got = t[t["category"] == "Belarus"].set_index("source")
    for r in ref.itertuples(index=False):
        assert got.loc[r.source, "share"] == pytest.approx(r.x_belarus_share)
        assert got.loc[r.source, "ci_low"] == pytest.approx(r.x_belarus_share_low, nan_ok=True)
        assert got.loc[r.source, "ci_high"] == pytest.approx(r.x_belarus_share_high, nan_ok=True)


def test_displayed_name_is_the_most_frequent_full_form_not_the_longest():
    from contrast.voices import _display

    names = pd.Series(["Donald Trump"] * 5 + ["Trump"] * 9 + ["Biden Aims Insult At Trump", "Billionaire Donald Trump"])
    assert _display(names) == "Donald Trump"
    assert _display(pd.Series(["Zelensky", "Zelensky"])) == "Zelensky"
    assert _display(pd.Series(["Volodymyr Zelensky", "Zelensky", "Zelensky"])) == "Volodymyr Zelensky"


def test_a_person_has_one_affiliation_across_outlets():
    ev = pd.DataFrame({
        "source": ["a"] * 3 + ["b"] * 5,
        "family": "attribution", "label": "neutral",
        "speaker": ["Donald Trump"] * 8, "speaker_resolved": [None] * 8, "speaker_type": "named", "speaker_start": 0,
        "affiliation": ["IT", "IT", None, "US", "US", "US", None, None],
        "role": ["head_of_state_or_government"] * 8, "actor": ["West"] * 8})
    top = voices.top_speakers(ev)
    assert set(top["affiliation"]) == {"US"} and list(top["n"]) == [3, 5]


def test_a_title_run_into_a_name_is_not_shown():
    from contrast.voices import _display

    names = pd.Series(["Temporarily Occupied Territories Iryna Vereshchuk"] * 3 + ["Iryna Vereshchuk"])
    assert _display(names) == "Iryna Vereshchuk"
    assert _display(pd.Series(["Ursula von der Leyen"] * 2)) == "Ursula von der Leyen"
    assert _display(pd.Series(["Recep Tayyip Erdogan", "Erdogan"])) == "Recep Tayyip Erdogan"


def test_top_speakers_give_one_person_one_name_in_every_outlet():
    # Reuters spells him Zelenskiy, the others Zelensky: one label, so the panels line up
    texts = {"reuters.com": ["Ukrainian President Volodymyr Zelenskiy said the city held. Zelenskiy added more."],
             "bbc.co.uk": ["Ukrainian President Volodymyr Zelensky said talks would go on. Zelensky added more.",
                           "Zelensky said the army held the line."]}
    rows = [{"doc_id": f"{s}{i}", "source": s, "text": t, "has_title": False}
            for s, ts in texts.items() for i, t in enumerate(ts)]
    t = voices.top_speakers(extract(pd.DataFrame(rows), cache=False))
    assert set(t["name"]) == {"Volodymyr Zelensky"}
    assert dict(zip(t["source"], t["n"], strict=True)) == {"bbc.co.uk": 3, "reuters.com": 2}


@pytest.mark.parametrize("speaker", ["Europe Ben Hodges", "U.S. Army Europe Ben Hodges"])
def test_a_command_or_continent_before_a_name_is_not_part_of_it(speaker):
    # the five-country corpus's "former commander of U.S. Army Europe Ben Hodges"
    assert voices._person(speaker, None) == ("hodges", "Ben Hodges")
