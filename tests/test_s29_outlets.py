"""Session 29 (issue 13): outlets cited by name or acronym are placed in their country."""

import pytest

from contrast.extract import extract_text

CASES = [
    ("Die Welt reported that the talks had failed.", "Die Welt", "DE", "journalist_or_media", "West"),
    ("The NYT said the plan was dropped.", "The NYT", "US", "journalist_or_media", "West"),
    ("Ukrainska Pravda said the minister had resigned.", "Ukrainska Pravda", "UA", "journalist_or_media", "Ukraine"),
    ("Vedomosti wrote that the bank would close.", "Vedomosti", "RU", "journalist_or_media", "Russia"),
]


@pytest.mark.parametrize(("text", "speaker", "affiliation", "role", "side"), CASES)
def test_outlet_is_placed(text, speaker, affiliation, role, side):
    rows = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    got = rows[["speaker", "affiliation", "role", "actor"]].to_dict("records")
    assert got == [{"speaker": speaker, "affiliation": affiliation, "role": role, "actor": side}]


def test_a_phrase_that_is_also_a_magazine_title_stays_unplaced():
    # "Foreign Policy" was left out of the outlet list: in a title-case headline it is a common phrase,
    # and as an alias it would make these experts American
    rows = extract_text("Foreign Policy Experts Say Sanctions Are Working\nThe sanctions bite, they said.",
                        doc_id="x", headline=True, families=["attribution"])
    assert "Foreign Policy Experts" in set(rows["speaker"])
    assert not set(rows["affiliation"].dropna()) - {""}
