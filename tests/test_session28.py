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
    # both sides of "trade" / "exchange" are the source
    ("Russia and Ukraine trade blame for shelling of nuclear plant", "blame", "Russia and Ukraine"),
    ("Moscow and Kyiv exchange blame over the dam", "blame", "Moscow and Kyiv"),
    # a verb form that is no noun keeps the phrase before it, "trade" included
    ("Critics of the arms trade said the deal was wrong.", "said", "Critics of the arms trade"),
    ("Critics of the arms trade claimed the deal was wrong.", "claimed", "Critics of the arms trade"),
])
def test_cue_noun_after_an_object_verb(text: str, cue: str, speaker: str) -> None:
    rows = [r for r in _rows(text) if r[0] == cue]
    assert rows, _rows(text)
    assert rows[0][1] == speaker


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
    rows.append({"source": "other.com", "title": "A quiet day", "text": "It all happened on March 3, 2022",
                 "url": "https://other.com/1"})
    return pd.DataFrame(rows)


def test_a_learned_closing_date_stamp_is_removed_and_recorded():
    out = contrast.load_corpus(_corpus(stamp=True))
    msn = out[out["source"] == "msnbc.com"]
    assert all(t.endswith("shelling on Monday.") for t in msn["text"])
    assert "Sept. 9, 2022" in json.loads(msn["removed"].iloc[8])
    # an outlet whose bodies do not close with a date keeps a date its sentence gives
    assert out[out["source"] == "other.com"]["text"].iloc[0].endswith("on March 3, 2022")


def test_no_closing_stamp_is_learned_where_there_is_none():
    out = contrast.load_corpus(_corpus(stamp=False))
    assert out[out["source"] == "msnbc.com"]["text"].str.endswith("shelling on Monday.").all()


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


@pytest.mark.parametrize("label", [
    "Reznikov", "Boris Johnson", "Kyiv", "Kremlin", "President of Ukraine", "Ministry of Defense",
    "National Police of Ukraine", "UK intelligence", "IAEA chief", "Mayor Boychenko", "Ukraine’s PM",
    "Secretary of State Blinken", "Armed Forces of Ukraine", "Head of the Kharkiv RMA", "Council of Europe",
    "The head of the Kharkiv RMA", "The Office of the President", "Daily Mail",
    "Azov fighter", "Mariupol defenders", "Ukraine's defence ministry", "Kyiv mayor", "EU foreign policy chief",
])
def test_a_source_before_a_headline_colon_stays(label: str) -> None:
    assert _colon_speakers(label) == [label]
