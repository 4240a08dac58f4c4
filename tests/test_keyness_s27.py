"""Session 27: what the distinctive words (keyness) leave out, and what they keep.

On the RUWA headlines corpus the distinctive words showed a split word ("es" of BBC's "A&Es"), Censor.NET's
media-type markers closing its headlines ("... list published. PHOTOS", "VIDEO&PHOTOS") and the neutral
reporting verbs of headlines ("says", "said", "tells"). Each rule has cases that must go and cases that
must stay.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

import contrast
from contrast import hygiene
from contrast.stats import _WORD, distinctive_words, reporting_verb_forms

# --------------------------------------------------------------------------- tokens


@pytest.mark.parametrize("text, words", [
    ("NHS under huge strain as A&Es turn away ambulances", ["NHS", "under", "huge", "strain", "as", "A&Es",
                                                           "turn", "away", "ambulances"]),  # not "A", "Es"
    ("Q&A: what next for AT&T and R&D", ["Q&A", "what", "next", "for", "AT&T", "and", "R&D"]),
    ("Kyiv & Moscow", ["Kyiv", "Moscow"]),  # a spaced ampersand joins nothing
    ("on the 4th day the G7 met, 10km from MH17 site", ["on", "the", "day", "the", "met", "from", "site"]),
    ("Ukraine’s full-scale war, don't", ["Ukraine’s", "full-scale", "war", "don't"]),  # kept as before
    ("Covid-19 cases rose", ["Covid", "cases", "rose"]),  # a hyphen before figures: the word stays
    ("Bakhmut, Pokrovsk and Sizewell", ["Bakhmut", "Pokrovsk", "and", "Sizewell"]),
])
def test_words_are_not_split_nor_glued_to_figures(text: str, words: list[str]) -> None:
    assert [m.group() for m in _WORD.finditer(text)] == words


def _corpus(rows: dict[str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": f"{src}{i}", "source": src, "text": t}
                         for src, texts in rows.items() for i, t in enumerate(texts)])


def test_a_split_word_is_no_distinctive_word() -> None:
    corpus = _corpus({"A": [f"Crowded A&Es in town {i} turn away ambulances" for i in range(8)],
                      "B": [f"Shelling hit the port of city {i} overnight" for i in range(8)]})
    words = set(distinctive_words(corpus, min_count=1, drop_outlet_names=False).word)
    assert "es" not in words and "a&es" in words
    assert {"ambulances", "shelling", "port"} <= words


# --------------------------------------------------------------------------- reporting verbs

@pytest.mark.parametrize("form, dropped", [
    ("says", True), ("said", True), ("say", True), ("saying", True), ("tells", True), ("told", True),
    ("adds", True), ("noted", True), ("urges", True), ("announced", True), ("asked", True),
    # stance-bearing verbs frame what is reported: they stay
    ("claims", False), ("claimed", False), ("alleged", False), ("accuses", False), ("accused", False),
    ("denies", False), ("insists", False), ("warns", False),
    # hedges and hyphenated forms listed with the neutral verbs stay
    ("reportedly", False), ("allegedly", False), ("so-called", False),
    # forms that are mostly nouns or other senses stay
    ("state", False), ("states", False), ("report", False), ("reports", False), ("note", False),
    ("post", False), ("repeated", False), ("continued", False),
    # content words
    ("nuclear", False), ("sizewell", False), ("occupiers", False), ("invaders", False), ("kiev", False),
])
def test_reporting_verb_forms(form: str, dropped: bool) -> None:
    assert (form in reporting_verb_forms()) is dropped


def _says_corpus() -> pd.DataFrame:
    wire = [f"Official says talks on grain in town {i} will resume, Kremlin claims a deal" for i in range(10)]
    other = [f"Occupiers shelled the nuclear plant near town {i}, reportedly" for i in range(10)]
    return _corpus({"W": wire, "U": other})


def test_neutral_reporting_verbs_are_left_out_by_default() -> None:
    out = distinctive_words(_says_corpus(), min_count=1)
    assert "says" not in set(out.word)
    assert {"claims", "reportedly", "nuclear", "occupiers", "grain", "talks"} <= set(out.word)


def test_reporting_verbs_can_be_kept() -> None:
    out = distinctive_words(_says_corpus(), min_count=1, drop_reporting_verbs=False)
    assert "says" in set(out[out.group == "W"].word)


def test_word_counts_table_drops_them_too() -> None:
    acc = contrast.stats.WordCounts().add(_says_corpus())
    assert "says" not in acc.table(min_articles=1).index
    assert "says" in acc.table(min_articles=1, drop_reporting_verbs=False).index


# --------------------------------------------------------------------------- media-type markers in headlines

def _marker_corpus() -> pd.DataFrame:
    rows = []
    for i in range(40):
        title = f"Strike on town {i}: Russian troops shelled the station in region {i}"
        marker = ["PHOTOS", "VIDEO", "VIDEO&PHOTOS", "INFOGRAPHICS", ""][i % 5]
        if marker:
            title += f". {marker}"
        body = f"0{i % 9 + 1}.03.22 10:{i:02d} - {title}. The shelling of town {i} damaged {i + 2} houses, officials said."
        rows.append({"doc_id": f"c{i}", "source": "C", "title": title, "text": body, "date": "2022-03-01"})
    for i in range(10):  # another outlet: a last sentence of its own headline is news
        rows.append({"doc_id": f"n{i}", "source": "N", "date": "2022-03-01",
                     "title": f"Troops enter town {i}. Video shows the column",
                     "text": f"Troops entered town {i} on Monday. Residents fled west."})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def markers() -> pd.DataFrame:
    return contrast.load_corpus(_marker_corpus())


@pytest.mark.parametrize("i, marker", [(0, "PHOTOS"), (1, "VIDEO"), (2, "VIDEO&PHOTOS"), (3, "INFOGRAPHICS")])
def test_a_learned_marker_closing_a_headline_goes(markers: pd.DataFrame, i: int, marker: str) -> None:
    row = markers[markers.doc_id == f"c{i}"].iloc[0]
    assert marker not in row.text and marker not in row.title
    assert row.title.endswith(f"region {i}.") or row.title.endswith(f"region {i}")
    assert marker in json.loads(row.removed)
    assert f"The shelling of town {i} damaged" in row.text


def test_a_headline_without_marker_or_with_a_news_sentence_stays(markers: pd.DataFrame) -> None:
    assert markers[markers.doc_id == "c4"].iloc[0].title == "Strike on town 4: Russian troops shelled the station in region 4"
    n0 = markers[markers.doc_id == "n0"].iloc[0]
    assert n0.title == "Troops enter town 0. Video shows the column"
    assert "Video shows the column" in n0.text


@pytest.mark.parametrize("unit, furniture", [
    ("VIDEO&PHOTOS.", True), ("PHOTO + VIDEO", True), ("Infographics.", True), ("DOCUMENT.", True),
    ("PHOTOS", True), ("Video shows the column", False), ("Photos of the strike", False),
    ("Documents show the plan.", False),
])
def test_media_type_cue(unit: str, furniture: bool) -> None:
    assert (hygiene._cue(unit) == "navigation") is furniture
