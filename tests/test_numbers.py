"""Numbers cited: tables of text -> expected number evidence."""

from __future__ import annotations

import math
import re
import sys
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import contrast
from contrast.evidence import EVIDENCE_COLUMNS
from contrast.features import numbers
from contrast.lexicon import REQUIRED_META, lexicon_meta, load_table
from contrast.text import segment


def rows(text: str) -> list[dict]:
    doc = segment(text, headline=False)
    out = numbers.extract(doc, numbers.default_resources())
    for r in out:
        assert text[r["start"]:r["end"]] == r["span"]
        assert set(r) <= set(EVIDENCE_COLUMNS)
        assert r["family"] == "number"
        assert r["label"] in numbers.LABELS
    return out


def one(text: str, span: str) -> dict:
    found = [r for r in rows(text) if r["span"] == span]
    assert len(found) == 1, (span, [r["span"] for r in rows(text)])
    return found[0]


# text, span, value, value_high, approx, counted, label
CASES = [
    ("drone strikes have killed 392 people this year", "392", 392, None, None, "people", "casualties"),
    ("drones accounting for up to 80% of civilian casualties", "up to 80%", 80, None, "up to",
     "civilian casualties", "percent"),
    ("a total of 7,175 civilians have been killed", "7,175", 7175, None, None, "civilians", "casualties"),
    ("7,175 civilians have been killed and 17,617 injured", "17,617", 17617, None, None, "injured",
     "casualties"),
    ("only four to seven infantrymen per kilometer on the front line", "four to seven", 4, 7, None,
     "infantrymen per kilometer", "count"),
    ("including two deaths near Kupyansk", "two", 2, None, None, "deaths", "casualties"),
    ("injuries and deaths rising by a third between July and September", "a third", 1 / 3, None, None,
     "injuries and deaths", "percent"),
    ("the death toll rose to 300.", "300", 300, None, None, "death toll", "casualties"),
    ("Growth was 3.5 percent.", "3.5 percent", 3.5, None, None, None, "percent"),
    ("It rose 80 per cent.", "80 per cent", 80, None, None, None, "percent"),
    ("Aid of $5 billion arrived.", "$5 billion", 5e9, None, None, "dollar", "money"),
    ("It costs €3bn a year.", "€3bn", 3e9, None, None, "EUR", "money"),
    ("a fine of 5 billion rubles ($55 million)", "5 billion rubles", 5e9, None, None, "rubles", "money"),
    ("a fine of 5 billion rubles ($55 million)", "$55 million", 55e6, None, None, "dollar", "money"),
    ("1.2 million people fled", "1.2 million", 1.2e6, None, None, "people", "count"),
    ("twenty-five tanks were lost", "twenty-five", 25, None, None, "tanks", "count"),
    ("a dozen drones", "a dozen", 12, None, None, "drones", "count"),
    ("dozens of soldiers", "dozens", 12, 120, "dozens", "soldiers", "count"),
    ("hundreds of homes were destroyed", "hundreds", 100, 1000, "hundreds", "homes", "count"),
    ("thousands of people were killed", "thousands", 1000, 10000, "thousands", "people", "casualties"),
    ("between 10 and 15 soldiers", "between 10 and 15", 10, 15, None, "soldiers", "count"),
    ("10-15 tanks", "10-15", 10, 15, None, "tanks", "count"),
    ("more than 60% of its revenue", "more than 60%", 60, None, "more than", "revenue", "percent"),
    ("nearly half of the troops", "nearly half", 0.5, None, "nearly", "troops", "percent"),
    ("at least 74 mph winds", "at least 74 mph", 74, None, "at least", "mph", "other"),
    ("some seven miles (11 km)", "some seven miles", 7, None, "some", "miles", "other"),
    ("about 300 songs", "about 300", 300, None, "about", "songs", "count"),
    ("fewer than 20 journalists", "fewer than 20", 20, None, "fewer than", "journalists", "count"),
    ("one of the units was placed behind them", "one", 1, None, None, "units", "count"),
    ("Two of the deputies were fired", "Two", 2, None, None, "deputies", "count"),
    ("since February 2022", "February 2022", 2022, None, None, None, "date"),
    ("the first time", "first", 1, None, None, None, "ordinal"),
    ("the 3rd brigade", "3rd", 3, None, None, None, "ordinal"),
    ("a third country", "third", 3, None, None, None, "ordinal"),
    ("at 10 a.m. local time", "10 a.m. local time", 10, None, None, None, "time"),
    ("the Hornets offense was -5 yards", "-5 yards", -5, None, None, "yards", "other"),
    ("the 65-year-old winger", "65-year-old", 65, None, None, "year-old", "other"),
]


@pytest.mark.parametrize(("text", "span", "value", "high", "approx", "counted", "label"), CASES)
def test_number_table(text, span, value, high, approx, counted, label):
    r = one(text, span)
    assert math.isclose(r["value"], value, rel_tol=1e-9)
    if high is None:
        assert r["value_high"] is None
    else:
        assert math.isclose(r["value_high"], high)
    assert r["approx"] == approx
    if counted is not None:
        assert r["counted"] == counted
    if label is not None:
        assert r["label"] == label


# text -> spans that must NOT be numbers
NOTHING = [
    ("COVID-19 spread", []),
    ("the Su-25 jet and flight MH17", []),
    ("4G networks", []),
    ("on Monday", []),
    ("in early November", []),
    ("the same one", []),
    ("no one came", []),
    ("BBC One said it", []),
    ("the S&P 500 rose", []),
    ("Game 6 was played", []),
    ("soldiers can call a hotline", []),
    ("quite a few people", []),
    ("the second half of the match", ["second"]),
    ("someone", []),
]


@pytest.mark.parametrize(("text", "spans"), NOTHING)
def test_nothing_found(text, spans):
    assert [r["span"] for r in rows(text)] == spans


# years and dates are dates, not counts
DATES = [
    ("It happened in 2022.", "2022"),
    ("2022", "2022"),
    ("the 2022 invasion", "2022"),
    ("May 9 parade", "May 9"),
    ("on 24 February 2022", "24 February 2022"),
    ("since mid-2022", "mid-2022"),
    ("in the 1990s", "1990s"),
    ("between 2014 and 2017", "between 2014 and 2017"),
]


@pytest.mark.parametrize(("text", "span"), DATES)
def test_years_are_dates(text, span):
    r = one(text, span)
    assert r["label"] == "date"


def test_year_like_count_is_a_count():
    assert one("They sent 2000 soldiers.", "2000")["label"] == "count"
    assert one("It cost $2000.", "$2000")["label"] == "money"


def test_change_is_not_a_range():
    out = rows("Shares rose 9.4 per cent to $84.")
    assert [(r["span"], r["label"]) for r in out] == [("9.4 per cent", "percent"), ("$84", "money")]
    out = rows("The deficit increased by $43.6 billion to $419.2 billion.")
    assert [r["value_high"] for r in out] == [None, None]


def test_range_scale_propagates():
    r = one("from $10 to $15 billion", "$10 to $15 billion")
    assert (r["value"], r["value_high"]) == (10e9, 15e9)


def test_seed_izvestia_every_number():
    corpus = contrast.load_corpus(contrast.demo_path())
    text = corpus.loc[corpus["source"] == "Izvestia", "text"].iloc[0]
    out = numbers.extract(segment(text), numbers.default_resources())
    got = [(r["span"], r["label"], r["value"], r["value_high"], r["approx"], r["counted"]) for r in out]
    assert got == [
        ("392", "casualties", 392.0, None, None, "Civilian Deaths"),
        ("392", "casualties", 392.0, None, None, "people"),
        ("up to 80%", "percent", 80.0, None, "up to", "civilian casualties"),
        ("February 2022", "date", 2022.0, None, None, None),
        ("7,175", "casualties", 7175.0, None, None, "civilians"),
        ("17,617", "casualties", 17617.0, None, None, "injured"),
        ("a third", "percent", 1 / 3, None, None, "injuries and deaths"),
        ("two", "casualties", 2.0, None, None, "deaths"),
        ("four to seven", "count", 4.0, 7.0, None, "infantrymen per kilometer"),
    ]


def test_seed_business_insider_every_number():
    corpus = contrast.load_corpus(contrast.demo_path())
    text = corpus.loc[corpus["source"] == "Business Insider", "text"].iloc[0]
    out = numbers.extract(segment(text), numbers.default_resources())
    assert [(r["span"], r["label"], r["counted"]) for r in out] == [
        ("February 2022", "date", None),
        ("one", "count", "units"),
    ]


def test_extract_frame_has_numbers():
    corpus = contrast.load_corpus(contrast.demo_path())
    ev = contrast.extract(corpus, families=["number"])
    assert set(ev["family"]) == {"number"}
    assert len(ev) == 11
    for _, r in ev.iterrows():
        text = corpus.loc[corpus["doc_id"] == r["doc_id"], "text"].iloc[0]
        assert text[r["start"]:r["end"]] == r["span"]


def test_edge_inputs():
    assert rows("") == []
    assert rows("#") == []


def test_lexicons_have_metadata():
    for name in ("numbers_words", "numbers_approximators", "numbers_units", "numbers_counted"):
        meta = lexicon_meta(name)
        assert all(meta.get(k) for k in REQUIRED_META), name


def test_user_tables():
    counted = load_table("numbers_counted")
    counted = pd.concat([counted, pd.DataFrame({"term": ["POWs"], "kind": ["casualty"]})])
    res = numbers.Resources.from_tables(counted=counted)
    assert [r["label"] for r in numbers.find_numbers("They freed 95 POWs.", res)] == ["casualties"]
    assert [r["label"] for r in numbers.find_numbers("They freed 95 POWs.")] == ["count"]


def test_bad_table_lists_columns():
    with pytest.raises(ValueError, match="expected"):
        numbers.Resources.from_tables(words=pd.DataFrame({"w": ["one"]}))


def test_fast_scan_equals_full_scan():
    corpus = contrast.load_corpus(contrast.demo_path())
    res = numbers.default_resources()
    text = "\n".join(corpus["text"]) + " about 8 or $9; between $US160 million and $US171 million."
    assert [m.span() for m in res.finditer(text)] == [m.span() for m in res._finditer_reference(text)]


def _far(target: str, cut: int) -> str:
    """``target`` placed so that 160 characters after "COVID-19" end ``cut`` characters into it.

    The scan used before version 2 searched only up to there, and cut such numbers short.
    """
    head = "The COVID-19 " + "outbreak " * 30
    return head[:head.index("19") + 2 + 160 - cut - 1] + " " + target


# numbers far from an earlier digit that is not a number: found whole
FAR = [
    (_far("Six million people lost work.", 7), [("Six million", "count")]),
    (_far("even harsh ones, they said.", 14), []),
    (_far("at least 150 percent more.", 12), [("at least 150 percent", "percent")]),
    (_far("cost $6 to $13 a stem.", 7), [("$6 to $13", "money")]),
]


@pytest.mark.parametrize(("text", "expected"), FAR)
def test_far_numbers_are_whole(text, expected):
    assert [(r["span"], r["label"]) for r in rows(text)] == expected


# --------------------------------------------------------------------------
# the fast paths equal the plain regex searches they replace, on fuzzed text
# --------------------------------------------------------------------------

_PIECES = [
    # number words, in several cases, and number-like words that are not numbers
    "one", "One", "ONE", "two", "twelve", "twenty", "twenty-five", "hundred", "thousand", "million",
    "billion", "dozen", "dozens", "hundreds", "tens", "several", "many", "a few", "a couple of",
    "first", "third", "Second", "half", "quarter", "thirds", "ones", "someone", "zero",
    # digits and digit shapes
    "0", "5", "19", "392", "7,175", "3.5", ".5", "2022", "1990s", "'90s", "’90s", "8/8/88",
    "12:30", "9am", "3rd", "21st", "10-15",
    # months and dates
    "May", "may", "Sept.", "February", "mid", "early", "late",
    # approximators
    "up to", "about", "more than", "at least", "nearly", "some", "over", "under", "between", "or so",
    "or more", "an estimated", "in excess of", "~", "+", "-plus", "odd", "approx.",
    # currencies, units, scales
    "$", "US$", "$US", "USD", "€", "£", "¥", "₽", "Rs.", "zł", "HK $", "bn", "m", "k", "%",
    "percent", "per cent", "km", "miles", "years", "rubles",
    # separators and punctuation
    " ", " ", " ", "  ", "\n", "-", "–", "—", "−", "to", "and", "minus", ".", ",", "/", ":", "(",
    ")", "'", "’", "&", "#",
    # ordinary words, casualty and change verbs
    "killed", "were killed", "people", "civilians", "soldiers", "rose", "rose to", "fell by", "is",
    "of", "the", "death toll", "lost their lives", "COVID", "Su", "iPhone", "Game", "S&P", "No.",
    "said", "The", "Reuters", "x",
    # characters that ``re`` matches to ASCII letters when ignoring case
    "ſ", "\u212a", "\u0130", "\u0131",
]
_FUZZ = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_FUZZ_SETTINGS = settings(max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])


def _groups(ms):
    return [(m.span(), m.groupdict()) for m in ms]


@_FUZZ_SETTINGS
@given(_FUZZ)
def test_finditer_equals_reference(text):
    res = numbers.default_resources()
    assert _groups(res.finditer(text)) == _groups(res._finditer_reference(text))


@_FUZZ_SETTINGS
@given(_FUZZ)
def test_extract_equals_reference(text):
    doc = segment(text, headline=False)
    fast = numbers.extract(doc, numbers.default_resources())
    with mock.patch.object(numbers.Resources, "finditer", numbers.Resources._finditer_reference):
        slow = numbers.extract(doc, numbers.default_resources())
    assert fast == slow


def _old_titlecase(s: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’]*", s)
    if len(words) < 5:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= numbers._TITLE_RATIO


def _check_context_helpers(text: str, back: int) -> None:
    assert numbers._titlecase(text) == _old_titlecase(text)
    for start in range(len(text) + 1):
        sent_start = max(0, start - back)
        m = numbers._PREV_WORD.search(text, max(sent_start, start - 40), start)
        assert numbers._prev_word(text, start, sent_start) == (m.group(1) if m else "")
        m = numbers._PREV_TOKEN.search(text, max(sent_start, start - 40), start)
        assert numbers._prev_token(text, start, sent_start) == (m.group(1) if m else "")
        lo = max(sent_start, start - 90)
        fast, slow = numbers._back_match(text, lo, start), numbers._BACK.search(text, lo, start)
        assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups()))


@_FUZZ_SETTINGS
@given(_FUZZ, st.integers(0, 30))
def test_context_helpers_equal_reference(text, back):
    _check_context_helpers(text, back)


@pytest.mark.parametrize("text", [
    "So the total civilian death toll has been increased to 5,000 by March.",
    "The Total Civilian Death Toll Had Been Raised By 5 . (they said) ... 10",
    "he said: 'it   was\n\nat  \t 7' & so -- ... ,, it is  ",
])
def test_context_helpers_equal_reference_long(text):
    _check_context_helpers(text, 100)
    _check_context_helpers(text, 3)


def test_lookalikes_are_every_non_ascii_case_variant_of_an_ascii_letter():
    # every non-ASCII character that ``re`` matches to an ASCII letter when ignoring case
    letter = re.compile(r"(?i)[a-z]")
    found = {chr(c) for c in range(128, sys.maxunicode + 1)
             if not 0xD800 <= c < 0xE000 and letter.match(chr(c))}
    assert found == set("".join(_LOOKALIKES.values()))
    for key, chars in _LOOKALIKES.items():
        for ch in chars:
            assert re.match(f"(?i){key}", ch)
            assert not re.match(numbers._ai(key), ch)  # the number words' matching
        assert re.match(numbers._ai(key), key.upper())


def test_ai_keeps_unicode_classes():
    p = re.compile(numbers._ai(r"one\s+hundred\b|\d+|\w|x[\s-]y"))
    assert p.fullmatch("ONE\u00a0Hundred") and p.fullmatch("\u0663") and p.fullmatch("\u00e9")
    assert p.fullmatch("X\u00a0Y")
    assert not p.fullmatch("one hundred".replace("n", "N").replace("e", "\u0131"))
    with pytest.raises(ValueError):
        numbers._ai(r"a[\sb]")


def _check_starts(text: str) -> None:
    # every place the full pattern matches is found by the prefilter, even
    # where the scan would not try it (inside an earlier match)
    res = numbers.default_resources()
    starts = {m.start() for m in res.starts.finditer(" " + text)}
    every = {p for p in range(len(text)) if res.pattern.match(text, p)}
    assert every <= starts, sorted(every - starts)


def test_starts_cover_every_match_start():
    _check_starts("\n".join(contrast.load_corpus(contrast.demo_path())["text"]))


def test_starts_cover_every_lexicon_entry():
    words = load_table("numbers_words")["word"].tolist()
    approx = load_table("numbers_approximators")["phrase"].tolist()
    units = load_table("numbers_units")["unit"].tolist()
    months = re.findall(r"[A-Z][a-z]+", numbers._MONTH)
    for w in [*words, *approx, *units, *months, "between", "minus", "mid", "a", "an"]:
        for form in (w, w.upper(), w.title()):
            _check_starts(f"({form} 5 people, {form}-5, {form}5, {form} of thousands, {form} half, "
                          f"{form} 2022; {form} dozen, {form} third and {form}. {form}, the {form} 1st")


@_FUZZ_SETTINGS
@given(_FUZZ)
def test_starts_cover_fuzzed(text):
    _check_starts(text)


# Python's case-insensitive regexes match "ı" (dotless i) and "İ" as "i", "ſ" (long s) as "s"
# and "\u212a" (Kelvin sign) as "k". The number words are matched ASCII-only case-insensitively,
# so a word spelt with one of these is no number word (the lookup tables hold ASCII words only):
# no KeyError, no value 0 for "fırst", no "mıllion" read as a unit. ASCII case still works.
_LOOKALIKES = {"i": "\u0131\u0130", "s": "\u017f", "k": "\u212a"}


@pytest.mark.parametrize("text, expected", [
    # (span, value) of each row
    ("3 mıllion people were there.", [("3", 3.0)]),
    ("a bıllion dollars", []),
    ("bıllions of people", []),
    ("tens of mıllions", [("tens", 10.0)]),  # as "tens of widgets"
    ("half a bıllion", [("half", 0.5)]),  # as "half a loaf"
    ("hundredſ of people", []),
    ("a few hundredſ", []),
    ("a thırd of the people", []),
    ("two thırds of voters", [("two", 2.0)]),  # as "two widgets of voters"
    ("fırst day", []),
    ("fıve people", []),
    ("3 \u212am away", [("3", 3.0)]),
    # ASCII upper and title case still read
    ("3 Million people were there.", [("3 Million", 3e6)]),
    ("a BILLION dollars", [("a BILLION dollars", 1e9)]),
    ("Hundreds of people", [("Hundreds", 100.0)]),
    ("THOUSANDS of people", [("THOUSANDS", 1000.0)]),
    ("Tens of Millions", [("Tens of Millions", 1e7)]),
    ("half a MILLION", [("half a MILLION", 5e5)]),
    ("A Third of the people", [("A Third", 1 / 3)]),
    ("TWO THIRDS of voters", [("TWO THIRDS", 2 / 3)]),
    ("FIRST day", [("FIRST", 1.0)]),
    ("Five people", [("Five", 5.0)]),
    ("3 KILOMETRES away", [("3", 3.0)]),
    ("3 kilometres away", [("3 kilometres", 3.0)]),
])
def test_number_words_are_ascii_case_insensitive(text, expected):
    assert [(r["span"], pytest.approx(r["value"])) for r in rows(text)] == expected


_NUMBER_WORDS = sorted(w for w in load_table("numbers_words")["word"] if any(c in "isk" for c in w))


@st.composite
def _lookalike_text(draw):
    """A number word with one of its i/s/k letters written as a non-ASCII case variant, in context."""
    word = draw(st.sampled_from(_NUMBER_WORDS))
    at = draw(st.sampled_from([j for j, c in enumerate(word) if c in _LOOKALIKES]))
    word = word[:at] + draw(st.sampled_from(_LOOKALIKES[word[at]])) + word[at + 1:]
    before = draw(st.sampled_from(["", "3 ", "a ", "two ", "half a ", "tens of ", "a few ", "about "]))
    after = draw(st.sampled_from(["", " people", " of people", " of the voters", " dollars", "."]))
    return before + word + after


@settings(max_examples=300, deadline=None)
@given(_lookalike_text())
def test_a_non_ascii_case_variant_is_no_number_word(text):
    res = numbers.default_resources()
    odd = "".join(_LOOKALIKES.values())
    for m in res.finditer(text):
        assert not set(m.group()) & set(odd), (text, m.group())
    for r in rows(text):  # no KeyError
        assert not set(r["span"]) & set(odd), (text, r)
