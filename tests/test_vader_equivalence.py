"""contrast._vader.FastVader gives exactly vaderSentiment's polarity_scores."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from contrast._vader import FastVader, words_of

EVAL = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "eval"
NYT = EVAL / "sentiment" / "nyt_snippets_vader_gold.tsv"

REF = SentimentIntensityAnalyzer()  # separate from the one contrast uses
FAST = FastVader(SentimentIntensityAnalyzer())

_LEX = sorted(REF.lexicon)
_SPECIAL_WORDS = sorted({w for k in SPECIAL_CASES for w in k.split()})
_EMOJI = sorted(REF.emojis)[::40]
_WORDS = st.one_of(
    st.sampled_from(_LEX),
    st.sampled_from(sorted(BOOSTER_DICT)),
    st.sampled_from(NEGATE),
    st.sampled_from(_SPECIAL_WORDS + ["but", "BUT", "But", "kind", "of", "no", "No", "or", "nor", "least",
                                      "at", "very", "never", "so", "this", "without", "doubt", "the",
                                      "Russia", "Kyiv", "x", "I"]),
    st.sampled_from([":)", ":-(", ":D", "<3", "!!!", "??", "?!", "—", "'", "(", ")", "...", "-"]),
    st.sampled_from(_EMOJI),
    st.text(min_size=1, max_size=6),
)
_CASE = st.sampled_from([str, str, str.upper, str.title])
_PUNCT = st.sampled_from(["", "", "", ",", ".", "!", "?", "'", '"', "(", ")", ";", ":", "!!", "?!"])
_SEP = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2009", ""])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    n = draw(st.integers(0, 30))
    parts = []
    for _ in range(n):
        w = draw(_CASE)(draw(_WORDS))
        parts.append(draw(_PUNCT) + w + draw(_PUNCT) + draw(_SEP))
    return draw(st.sampled_from(["", " ", "\n"])) + "".join(parts)


def _same(text: str) -> None:
    assert FAST.polarity_scores(text) == REF.polarity_scores(text), text


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts())
def test_equal_to_reference_on_fuzzed_text(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_equal_to_reference_on_arbitrary_unicode(text: str) -> None:
    _same(text)


@pytest.mark.skipif(not NYT.is_file(), reason="../shared/eval not present")
def test_equal_to_reference_on_nyt_snippets() -> None:
    n = 0
    for line in NYT.read_text(encoding="utf-8").splitlines():
        parts = line.rstrip("\r").split("\t", 2)
        if len(parts) == 3:
            _same(parts[2])
            n += 1
    assert n > 5000


@pytest.mark.parametrize("text", [
    "", " ", "!!!", "😀", "I ❤️ it 😀!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Without a doubt, an excellent idea.", "Sentiment analysis has never been this good!",
    "no good or bad", "not bad at all", "he is kind of great", "it is the shit", "bad ass stuff",
    "good good but good good bad", "so, so, so good", "never so never this good",
])
def test_equal_to_reference_on_vader_examples(text: str) -> None:
    _same(text)


def test_words_match_sentitext() -> None:
    from vaderSentiment.vaderSentiment import SentiText

    for text in ["Hello, world!! :) :-( it's (bad).", "", "a. b, ;; --- ok"]:
        assert words_of(text) == SentiText(text).words_and_emoticons


def test_scores_differ_when_they_should() -> None:
    """The comparison is not vacuous: different texts get different scores."""
    assert FAST.polarity_scores("good")["compound"] > 0 > FAST.polarity_scores("not good")["compound"]
