"""Session 31: title acronyms (PM, FM), deputy heads of government, the Pope, "the alliance", and a
first person chained by the attribution reader (role_nouns v9, affiliation_words v14,
attribution_nouns v4, affiliation_aliases v18)."""
import pandas as pd
import pytest

from contrast.extract import extract_text

#: text, speaker, expected (affiliation, role, side)
CASES = [
    ("The Ukrainian PM said the grid was damaged.", "The Ukrainian PM",
     ("UA", "head_of_state_or_government", "Ukraine")),
    ("Ukrainian PM Denys Shmyhal said the grid was damaged. The PM added that repairs were under way.",
     "The PM", ("UA", "head_of_state_or_government", "Ukraine")),
    ("The Polish FM said talks were needed.", "The Polish FM", ("PL", "minister_or_official", "West")),
    ("Deputy Prime Minister Iryna Vereshchuk said evacuation continued.",
     "Deputy Prime Minister Iryna Vereshchuk", ("UA", "minister_or_official", "Ukraine")),
    ("Ukraine's deputy prime minister said evacuation continued.", "Ukraine's deputy prime minister",
     ("UA", "minister_or_official", "Ukraine")),
    ("The Pope said the war must end.", "The Pope", ("VA", "head_of_state_or_government", "other")),
    ("The pontiff said the war must end.", "The pontiff", ("VA", "head_of_state_or_government", "other")),
    ("NATO said it would not intervene. The alliance said it would help Ukraine.", "The alliance",
     ("NATO", "ngo_or_international", "West")),
    # a dash quotation (Polish and Ukrainian outlets): the "I" inside is the president's
    ('"We will strengthen our presence," Biden declared.\n\n- The invasion is possible - said the US '
     'president\n\n- I do not provoke, I tell the truth - argued the US president', "I",
     ("US", "head_of_state_or_government", "West")),
]


@pytest.mark.parametrize("text,speaker,want", CASES)
def test_titles(text, speaker, want):
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    r = ev[ev["speaker"] == speaker].iloc[0]
    assert (r["affiliation"], r["role"], r["actor"]) == want


@pytest.mark.parametrize("text,speaker", [
    # no state, no home: the acronym gives the role only
    ("The FM said talks were needed.", "The FM"),
    # no international body named before: "the alliance" refers back to none
    ("The alliance said it would field candidates.", "The alliance"),
])
def test_titles_without_state(text, speaker):
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    r = ev[ev["speaker"] == speaker].iloc[0]
    assert pd.isna(r["affiliation"]) or r["affiliation"] == ""


def test_first_person_outside_quotes_and_unchained_stays_empty():
    # a speech printed with no speaker chained: the "I" is nobody's
    ev = extract_text("I tell the truth, and I say it plainly.", doc_id="x", headline=False,
                      families=["attribution"])
    assert (ev["affiliation"].fillna("") == "").all()
