"""Session 23 coverage rules for issue 13: tables of text -> (speaker, affiliation, role, side),
and cases that must stay empty or find no source."""

from __future__ import annotations

import pandas as pd
import pytest

from contrast.affiliation import describe
from contrast.extract import extract_text


def _rows(text: str, headline: bool = True) -> list[tuple[str, int, str, str, str]]:
    """(speaker, speaker offset, affiliation, role, side) of every attribution row, in text order."""
    ev = extract_text(text, headline=headline, families=["attribution"])
    ev = ev[ev["speaker_start"].notna()].sort_values("speaker_start")
    return [(str(r.speaker), int(r.speaker_start),
             *("" if pd.isna(v) else str(v) for v in (r.affiliation, r.role, r.actor)))
            for r in ev.itertuples()]


# a lede that repeats the headline repeats its colon and dash sources
REPEATED = [
    ("Zelensky Volodymyr: Russia has already fired 1993 missiles at Ukraine - Zelensky (04.05.22 23:58)\n"
     "04.05.22 23:58 - Zelensky Volodymyr: Russia has already fired 1993 missiles at Ukraine - Zelensky. "
     "The Russian occupiers continue to fire rockets.",
     ("Zelensky", "UA", "head_of_state_or_government", "Ukraine")),
    ("Summary of the General Staff: The course of hostilities in Ukraine (23.07.22 07:16)\n"
     "23.07.22 07:16 - Summary of the General Staff: The course of hostilities in Ukraine. The day began.",
     ("General Staff", "UA", "military", "Ukraine")),
]


@pytest.mark.parametrize("text, expected", REPEATED, ids=["dash", "colon"])
def test_a_lede_repeating_the_headline_repeats_its_source(text, expected):
    rows = _rows(text)
    line_end = text.index("\n")
    copies = [r for r in rows if r[1] > line_end]
    assert [r for r in rows if r[1] < line_end], "the headline's own source is found"
    assert len(copies) == 1
    assert (copies[0][0], *copies[0][2:]) == expected


REPEATED_NOT = [
    # the lede does not repeat the headline word for word
    "Zelensky Volodymyr: Russia has already fired 1993 missiles at Ukraine - Zelensky\n"
    "Russia has fired many missiles, the Ukrainian leader said on Wednesday - and more will come.",
    # too short a headline part to tell a copy from a later use of the same words
    "Kuleba: No\nThe minister said Kuleba: No was his answer.",
    # the copy is too far into the article
    "Kuleba: Russia must withdraw its troops now\n" + "Other news of the day. " * 40
    + "Kuleba: Russia must withdraw its troops now, he repeated.",
]


@pytest.mark.parametrize("text", REPEATED_NOT, ids=["no copy", "short", "far"])
def test_no_copy_no_repeated_source(text):
    line_end = text.index("\n")
    assert not [r for r in _rows(text) if r[1] > line_end and r[0] in {"Zelensky", "Kuleba"}]


# acronyms written with full stops are the same organisation
DOTTED = [
    ("a top E.U. official", ("EU", "ngo_or_international")),
    ("E.U. foreign ministers", ("EU", "ngo_or_international")),
    ("the O.S.C.E. mission", ("OSCE", "ngo_or_international")),
]


@pytest.mark.parametrize("phrase, expected", DOTTED)
def test_dotted_acronyms(phrase, expected):
    assert describe(phrase) == expected


@pytest.mark.parametrize("phrase", ["E.g. officials", "U.S.S.R. veterans", "A.B. officials"])
def test_dotted_words_that_are_no_acronym_of_the_gazetteer_stay_empty(phrase):
    assert describe(phrase)[0] == ""


def test_dotted_acronym_in_a_headline_gives_side():
    assert _rows("E.U. announces plans to help Ukraine, blocks airspace", headline=False)[0][2:] == \
        ("EU", "ngo_or_international", "West")
