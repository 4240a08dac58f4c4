from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contrast.text import quote_spans, segment, sentence_spans, token_spans


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Headline here\nMr. Smith said so. Gen. Lee agreed.",
         ["Headline here", "Mr. Smith said so.", "Gen. Lee agreed."]),
        ("H\nThe U.S. and the U.K. met on Jan. 5. They talked.",
         ["H", "The U.S. and the U.K. met on Jan. 5.", "They talked."]),
        ("H\nLt. Col. Ivanov of No. 5 unit in St. Petersburg spoke. Then he left.",
         ["H", "Lt. Col. Ivanov of No. 5 unit in St. Petersburg spoke.", "Then he left."]),
        # a headline with no final stop stays one sentence, separate from the lead
        ("Russia Reports 392 Deaths\nThe ambassador spoke.", ["Russia Reports 392 Deaths", "The ambassador spoke."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences(text, expected):
    d = segment(text)
    assert [d.sentence(i) for i in range(len(d.sentences))] == expected


def test_no_headline_mode_splits_first_line():
    spans = sentence_spans("One. Two.", headline=False)
    assert len(spans) == 2


def test_seed_headline_is_sentence_zero(demo_corpus):
    for _, row in demo_corpus.iterrows():
        d = segment(row.text)
        assert d.sentence(0) == row.title
        assert d.sent_id(0) == 0


def test_tokens():
    text = "Ukraine's 7,175 full-scale U.S. drones."
    toks = [text[s:e] for s, e in token_spans(text)]
    assert toks == ["Ukraine's", "7,175", "full-scale", "U.S.", "drones", "."]


def test_quote_spanning_two_sentences_is_one_span():
    text = '"The fact is bad. They shoot them," he said.'
    spans = quote_spans(text)
    assert spans == [(0, 35)]
    d = segment("H\n" + text)
    assert len(d.sentences) == 3  # headline + two sentences inside one quotation
    q = quote_spans(d.text)[0]
    assert d.sent_id(q[0]) != d.sent_id(q[1] - 1)


def test_curly_quotes_and_unclosed():
    assert quote_spans("“a” and “b") == [(0, 3), (8, 10)]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_offsets_always_match(text):
    d = segment(text)
    for s, e in d.sentences:
        assert 0 <= s < e <= len(text)
        assert d.text[s:e].strip() == d.text[s:e]
    for s, e in token_spans(text):
        assert text[s:e] and not text[s:e].isspace()
    for s, e in quote_spans(text):
        assert 0 <= s < e <= len(text)
