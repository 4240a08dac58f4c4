"""Session 28: a cue noun after a verb that takes it as object, and the publication date closing a body."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import contrast
from contrast.extract import extract_text

MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct."]


def _rows(text: str) -> list[tuple[str, str]]:
    ev = extract_text(text, doc_id="x", headline=True, families=["attribution"])
    return [(str(c), "" if pd.isna(s) else str(s)) for c, s in zip(ev["cue"], ev["speaker"], strict=True)]


@pytest.mark.parametrize("text, cue, speaker", [
    # the subject of a verb taking the cue noun as object is no source of it
    ("Deadly bombing spurs calls for more air defence", "calls for", ""),
    ("The attack sparked claims that Kyiv was behind it.", "claims that", ""),
    # both sides of "trade" / "exchange" are the source, as is the subject of "renew"
    ("Russia and Ukraine trade blame for shelling of nuclear plant", "blame", "Russia and Ukraine"),
    ("Russia And Ukraine Trade Blame Over Dam", "Blame", "Russia And Ukraine"),
    ("Zelensky renews calls for fighter jets", "calls for", "Zelensky"),
    ("Russia, Ukraine trade blame over dam collapse", "blame", "Russia, Ukraine"),
    ("Moscow and Kyiv exchange blame over the dam", "blame", "Moscow and Kyiv"),
    # a verb form that is no noun keeps the phrase before it, "trade" included
    ("Critics of the arms trade said the deal was wrong.", "said", "Critics of the arms trade"),
    ("Critics of the arms trade claimed the deal was wrong.", "claimed", "Critics of the arms trade"),
    # a cue noun's form that is the finite verb after the noun "trade" ("the grain trade demand that")
    ("Opponents of the grain trade demand that the deal end.", "demand", "Opponents of the grain trade"),
])
def test_cue_noun_after_an_object_verb(text: str, cue: str, speaker: str) -> None:
    rows = [r for r in _rows(text) if r[0] == cue]
    assert rows, _rows(text)
    assert rows[0][1] == speaker


def test_title_case_object_verb_headline():
    assert all(s not in {"Deadly Bombing Spurs", "Deadly Bombing"} for _, s in
               _rows("Deadly Bombing Spurs Calls for More Air Defense"))


def _speaker_rows(text: str) -> list[tuple[str, str, str]]:
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    return [("" if pd.isna(s) else str(s), "" if pd.isna(r) else str(r), "" if pd.isna(a) else str(a))
            for s, r, a in zip(ev["speaker"], ev["speaker_resolved"], ev["affiliation"], strict=True)]


@pytest.mark.parametrize("text, resolved, aff", [
    ("Nuland met Senator Rand Paul, who suggested the aid be cut.", "Senator Rand Paul", ""),
    ("The award went to Ukrainian singer Jamala, who said she was proud.", "Ukrainian singer Jamala", "UA"),
    ("US envoy Victoria Nuland, who said aid would flow, left.", "US envoy Victoria Nuland", "US"),
])
def test_a_relative_pronoun_resolves_to_the_name_after_a_verb(text: str, resolved: str, aff: str) -> None:
    rows = [r for r in _speaker_rows(text) if r[0] == "who"]
    assert rows and rows[0][1:] == (resolved, aff)


def test_a_possessors_document_speaks_for_the_possessor():
    rows = _speaker_rows("Kuleba arrived in Kyiv. His statement said the war would end.")
    assert ("His statement", "", "UA") in rows


def test_the_benchmark_matches_a_relative_pronoun_by_its_antecedent():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import validity_affiliation as V

    text = "A country such as Australia, which criticised Beijing, is bullied by China."
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    m = V._with_match_span(ev[ev["speaker_start"].notna()], text)
    row = m[m["speaker"] == "which"].iloc[0]
    assert text[row["match_start"]:row["match_end"]] == row["speaker_resolved"] and row["match_start"] < 29


def test_no_bombing_is_a_speaker():
    assert all(s != "Deadly bombing spurs" and s != "Deadly bombing" for _, s in
               _rows("Deadly bombing spurs calls for more air defence, Zelensky said."))


def _corpus(stamp: bool) -> pd.DataFrame:
    rows = []
    for i in range(12):
        end = f"{MONTHS[i % 10]} {i + 1}, 2022" if stamp else ""
        rows.append({"source": "msnbc.com", "title": f"Report {i} from the front",
                     "text": f"Residents of village {i} describe the shelling on Monday.{end}",
                     "url": f"https://www.msnbc.com/v/{i}"})
    # a date the sentence gives, in an outlet whose bodies close with a stamp
    rows.append({"source": "msnbc.com", "title": "A quiet day", "text": "It all happened on March 3, 2022",
                 "url": "https://www.msnbc.com/v/99"})
    return pd.DataFrame(rows)


def test_a_learned_closing_date_stamp_is_removed_and_recorded():
    out = contrast.load_corpus(_corpus(stamp=True))
    msn = out[out["url"] != "https://www.msnbc.com/v/99"]
    assert all(t.endswith("shelling on Monday.") for t in msn["text"])
    assert "Sept. 9, 2022" in json.loads(msn["removed"].iloc[8])
    assert out[out["url"] == "https://www.msnbc.com/v/99"]["text"].iloc[0].endswith("on March 3, 2022")


def test_a_closing_stamp_is_removed_only_where_the_outlet_has_learned_it():
    rows = _corpus(stamp=False)
    rows.loc[0, "text"] += "Sept. 1, 2022"  # one article of twelve: no learned furniture
    out = contrast.load_corpus(rows)
    assert out["text"].iloc[0].endswith("Monday.Sept. 1, 2022")


def _colon_speakers(label: str, tail: str = "the situation is difficult") -> list[str]:
    text = f"{label}: {tail}\nMore text follows here."
    ev = extract_text(text, doc_id="x", headline=True, families=["attribution"])
    return [str(s) for s in ev.loc[ev["cue"] == ":", "speaker"]]


@pytest.mark.parametrize("label", [
    "Torture of civilians", "Bodies of Russian soldiers", "Sanctions against Russia",  # a topic
    "Putin is lying", "Russians are killing children", "Pavlo Volat died", "World bans Russia",  # a clause
    "Johnson warns Putin", "Near Odesa", "Mariupol", "Kyiv region", "Week in pictures",  # a place or time
    "The atrocities of the Russians", "Russia successfully trades energy carriers",
    "Nuclear threat", "Grain export agreement", "Combat operations in the Donetsk region",  # a common head
    "Sizewell C", "Eurovision 2022",  # a plant, an event
])
def test_a_headline_topic_before_a_colon_is_no_source(label: str) -> None:
    assert _colon_speakers(label) == []
    assert _colon_speakers(label, "Why the city matters to Russia") == []  # a capital after the colon too


@pytest.mark.parametrize("label", ["Mariupol", "Torture of civilians", "Near Odesa", "Eurovision 2022"])
def test_a_place_or_topic_label_stays_no_source_before_a_quotation(label: str) -> None:
    assert _colon_speakers(label, '"We are surrounded and need help"') == []


@pytest.mark.parametrize("label", ["WSJ editorial", "Sarah Silverman heckles Sanders supporters"])
def test_a_quotation_after_the_colon_keeps_a_clause_or_a_document_label(label: str) -> None:
    assert _colon_speakers(label, "'You are being ridiculous.'") != []


@pytest.mark.parametrize("label", [
    "Reznikov", "Boris Johnson", "Kyiv", "Kremlin", "President of Ukraine", "Ministry of Defense",
    "National Police of Ukraine", "UK intelligence", "IAEA chief", "Mayor Boychenko", "Ukraine’s PM",
    "Secretary of State Blinken", "Armed Forces of Ukraine", "Head of the Kharkiv RMA", "Council of Europe",
    "The head of the Kharkiv RMA", "The Office of the President", "Daily Mail",
    "Azov fighter", "Mariupol defenders", "Ukraine's defence ministry", "Kyiv mayor", "EU foreign policy chief",
    # (the review's cases: participles and adverbs before a noun, people nouns, occupations after a nationality)
    "Ukraine's armed forces", "Ukraine's embattled president", "Kyiv's first deputy mayor",
    "Ukrainian boxer Usyk", "Russian oligarch Deripaska", "Ukrainian women", "Ukrainian children", "Russian church",
    "Defenders of Mariupol", "Mothers of Russian soldiers", "Ukraine's national assembly",
])
def test_a_source_before_a_headline_colon_stays(label: str) -> None:
    assert _colon_speakers(label) == [label]
