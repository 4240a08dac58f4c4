"""contrast._punkt.FastPunkt splits exactly as NLTK's PunktSentenceTokenizer with the same parameters."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

import contrast
from contrast._punkt import FastPunkt
from contrast.text import _punkt

EVAL = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "eval"
NYT = EVAL / "sentiment" / "nyt_snippets_vader_gold.tsv"
POLNEAR = EVAL / "attribution" / "polnear"

FAST = _punkt()  # the tokenizer contrast uses
REF = PunktSentenceTokenizer(FAST._params)  # NLTK's, same abbreviations
_ABBREVS = sorted(FAST._params.abbrev_types)

_WORDS = st.one_of(
    st.sampled_from(["the", "The", "said", "Kyiv", "Russia's", "ex", "e.g", "i.e", "vs", "a", "I", "J", "x",
                     "Ürümqi", "élan", "É", "ß", "ǅ", "e\u0301", "٣", "²", "½", "_", "F-16", "U.S", "Ukr-Gen",
                     "5", "-3", "1,000", "3.5", ".5", ",5", "12-", "1.2.3", "7th", "No", "no", "NO"]),
    st.sampled_from(_ABBREVS),
    st.sampled_from([s.title() for s in _ABBREVS[::3]] + [s.upper() for s in _ABBREVS[::5]]),
    st.text(min_size=1, max_size=4),
)
_END = st.sampled_from(["", "", "", ".", ".", ".", "..", "...", "?", "!", "!!", "?!", ".)", '."', ".”", ".'",
                        ",", ";", ":", "-", "—", ".-", ". .", "…"])
_PRE = st.sampled_from(["", "", "", "(", '"', "“", "'", "[", "-", "--"])
_SEP = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", "\u2009", "", " . ", " ? ", " ... "])


@st.composite
def _lines(draw: st.DrawFn) -> str:
    n = draw(st.integers(0, 25))
    return "".join(draw(_PRE) + draw(_WORDS) + draw(_END) + draw(_SEP) for _ in range(n))


def _same(text: str) -> None:
    assert list(FAST.span_tokenize(text)) == list(REF.span_tokenize(text)), text


def _same_decisions(text: str) -> None:
    for _, context in REF._match_potential_end_contexts(text):
        assert FAST.text_contains_sentbreak(context) == REF.text_contains_sentbreak(context), context


def test_contrast_uses_the_untrained_fast_path() -> None:
    assert isinstance(FAST, FastPunkt) and FAST._untrained


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines())
def test_equal_to_reference_on_fuzzed_text(text: str) -> None:
    _same_decisions(text)
    _same(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAzZ.,;:!?()\"' -\t\n5é\u0301ß…")), max_size=60))
def test_equal_to_reference_on_punctuation_soup(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_equal_to_reference_on_arbitrary_unicode(text: str) -> None:
    _same(text)


def test_trained_parameters_use_nltk_unchanged() -> None:
    params = PunktParameters()
    params.abbrev_types = {"mr"}
    params.ortho_context["smith"] = 2  # any orthographic context: the NLTK method runs
    fast, ref = FastPunkt(params), PunktSentenceTokenizer(params)
    assert not fast._untrained
    text = "I met Mr. Smith. Smith left. J. Bach wrote it."
    assert list(fast.span_tokenize(text)) == list(ref.span_tokenize(text))


def test_equal_to_reference_on_the_seed_articles() -> None:
    corpus = contrast.load_corpus(contrast.demo_path())
    for text in corpus["text"]:
        for line in text.splitlines():
            _same(line)


@pytest.mark.skipif(not NYT.is_file(), reason="../shared/eval not present")
def test_equal_to_reference_on_nyt_snippets() -> None:
    n = 0
    for line in NYT.read_text(encoding="utf-8").splitlines():
        parts = line.rstrip("\r").split("\t", 2)
        if len(parts) == 3:
            _same(parts[2])
            n += 1
    assert n > 5000


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="../shared/eval not present")
def test_equal_to_reference_on_polnear_texts() -> None:
    files = sorted(POLNEAR.rglob("*.txt"))
    assert files
    for p in files:
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            _same(line)
