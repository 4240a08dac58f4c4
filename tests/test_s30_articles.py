"""Session 30: an article alone ("The", "the", "A") is never a speaker (seen in the RUWA and
five-country runs: 'the' for "the invaders enjoy and boast", 'A' for "A nonbinding resolution")."""
import pandas as pd
import pytest

from contrast.extract import extract_text

TEXTS = [
    "Moreover, the invaders enjoy and boast of their war crimes.",
    "A nonbinding resolution was passed overwhelmingly, condemning Russia for its assault on Ukraine.",
    "Claiming disorganization in the Ukrainian military, the two US veterans have told foreigners to stay home.",
    "Countries like the UK, Poland and the Baltic States have resisted, saying that any deal would fail.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_no_lone_article_speaker(text):
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    spk = {str(s).lower() for s in ev["speaker"] if isinstance(s, str)}
    assert not spk & {"the", "a", "an"}


def test_a_full_noun_phrase_is_still_found():
    ev = extract_text(TEXTS[2], doc_id="x", headline=False, families=["attribution"])
    assert "the two US veterans" in set(ev["speaker"].dropna())
    ev = extract_text("The ministry said the strike hit a depot.", doc_id="x", headline=False, families=["attribution"])
    assert list(ev["speaker"]) == ["The ministry"]
    assert pd.notna(ev["cue"]).all()
