"""Session 30: the English acronyms of three Ukrainian bodies (affiliation_aliases.tsv v17)."""
import pytest

from contrast.extract import extract_text

CASES = [
    ("censor.net", "SSU: Russian agent detained in Kharkiv", "SSU", ("UA", "minister_or_official", "Ukraine")),
    ("ukrinform.net", "SES: 40 people rescued from rubble in Dnipro", "SES", ("UA", "minister_or_official", "Ukraine")),
    ("censor.net", "VR: law on mobilization adopted in first reading", "VR", ("UA", "legislator", "Ukraine")),
    ("reuters.com", "Russian forces shelled Kharkiv, the SSU said.", "the SSU", ("UA", "minister_or_official", "Ukraine")),
]


@pytest.mark.parametrize("source,text,speaker,want", CASES)
def test_ukrainian_acronyms(source, text, speaker, want):
    ev = extract_text(text, doc_id="x", source=source, headline=True, families=["attribution"])
    r = ev[ev["speaker"] == speaker].iloc[0]
    assert (r["affiliation"], r["role"], r["actor"]) == want


def test_po_is_not_an_alias():
    # "PO" is also Poland's Civic Platform (Platforma Obywatelska): left out
    ev = extract_text("PO: the government must resign", doc_id="x", source="tvn24.pl", headline=True,
                      families=["attribution"])
    assert not (ev["affiliation"] == "UA").any()
