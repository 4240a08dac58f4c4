"""Session 30: bare surnames that alone are common words or shared names ("Johnson", "Harris"),
read with the article's date and state (contrast.affiliation._dated_surnames)."""
import pandas as pd
import pytest

from contrast.extract import extract_text

CASES = [
    # source, date, text, speaker, (affiliation, role, side)
    ("reuters.com", "2022-03-01", "UK relaxes visa rules for Ukrainian refugees as Johnson warns millions could flee.",
     "Johnson", ("GB", "head_of_state_or_government", "West")),
    ("bbc.co.uk", "2022-04-09", "Johnson pledges more aid to Zelensky in Kyiv meeting",
     "Johnson", ("GB", "head_of_state_or_government", "West")),
    ("cnn.com", "2022-02-19", "Harris said the United States would stand with its allies.",
     "Harris", ("US", "head_of_state_or_government", "West")),
    ("bbc.co.uk", "2022-05-03", "Wallace says the UK will send more missiles to Ukraine.",
     "Wallace", ("GB", "minister_or_official", "West")),
    # Truss's offices change within 2022: the date picks the one held then
    ("bbc.co.uk", "2022-04-28", "Truss says the West must double down on support for Ukraine.",
     "Truss", ("GB", "minister_or_official", "West")),
    ("bbc.co.uk", "2022-10-05", "Truss says the UK will keep up support for Ukraine.",
     "Truss", ("GB", "head_of_state_or_government", "West")),
]

EMPTY = [
    # out of office on the article's date
    ("reuters.com", "2024-03-01", "UK relaxes visa rules as Johnson warns millions could flee.", "Johnson"),
    # an outlet of no state and no British row: the reader cannot tell which Johnson
    ("censor.net", "2022-03-01", "Russian aggression: Putin breaches international law - Johnson", "Johnson"),
    ("my blog", "2022-03-01", "Johnson said the plan would fail.", "Johnson"),
    # no date: the surname alone is not read
    ("bbc.co.uk", None, "Johnson pledges more aid to Zelensky in Kyiv meeting", "Johnson"),
]


def _row(source, date, text, speaker):
    ev = extract_text(text, doc_id="x", source=source, headline=True, families=["attribution"], date=date)
    rows = ev[ev["speaker"] == speaker]
    assert len(rows), ev[["speaker", "cue"]]
    return rows.iloc[0]


@pytest.mark.parametrize("source,date,text,speaker,want", CASES)
def test_dated_surname_is_placed(source, date, text, speaker, want):
    r = _row(source, date, text, speaker)
    assert (r["affiliation"], r["role"], r["actor"]) == want


@pytest.mark.parametrize("source,date,text,speaker", EMPTY)
def test_dated_surname_stays_empty(source, date, text, speaker):
    r = _row(source, date, text, speaker)
    assert pd.isna(r["affiliation"]) or r["affiliation"] == ""
    assert r["actor"] == "other"


def test_pronoun_chain_follows_the_surname():
    ev = extract_text("UK relaxes visa rules as Johnson warns millions could flee. He said more would come.",
                      doc_id="x", source="reuters.com", headline=False, families=["attribution"], date="2022-03-01")
    he = ev[ev["speaker"] == "He"].iloc[0]
    assert (he["speaker_resolved"], he["affiliation"]) == ("Johnson", "GB")


def test_a_user_side_map_follows():
    from contrast.extract import extract

    corpus = pd.DataFrame({"doc_id": ["a"], "source": ["bbc.co.uk"], "date": ["2022-04-09"],
                           "text": ["Johnson pledges more aid to Zelensky in Kyiv meeting."]})
    ev = extract(corpus, families=["attribution"], sides={"GB": "Britain"})
    r = ev[ev["speaker"] == "Johnson"].iloc[0]
    assert (r["affiliation"], r["actor"]) == ("GB", "Britain")
