"""Sentiment per sentence (VADER) and toward actor mentions."""

from __future__ import annotations

import pathlib
import random

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SentimentIntensityAnalyzer,
    SentiText,
)

import contrast
from contrast.actors import ActorDictionary
from contrast.features import sentiment as S
from contrast.features.sentiment import Resources, TowardOptions, sentiment_toward, vader_tokens
from contrast.text import segment

EVAL = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "eval"
NYT = EVAL / "sentiment" / "nyt_snippets_vader_gold.tsv"


@pytest.fixture(scope="module")
def ref() -> SentimentIntensityAnalyzer:
    """A separate reference analyzer, so a bug in our shared one cannot hide."""
    return SentimentIntensityAnalyzer()


# --------------------------------------------------------------------------
# vader_tokens equals the reference polarity_scores
# --------------------------------------------------------------------------


def _check_equal(text: str, ref: SentimentIntensityAnalyzer) -> None:
    vt = vader_tokens(text)
    assert vt.compound == ref.polarity_scores(text)["compound"], text
    assert len(vt.spans) == len(vt.raw) == len(vt.valences)
    assert vt.nonzero == [i for i, v in enumerate(vt.raw) if v != 0]
    if text.isascii():
        words = SentiText(text.strip()).words_and_emoticons
        assert [SentiText._strip_punc_if_word(text[s:e]) for s, e in vt.spans] == words


@pytest.mark.skipif(not NYT.is_file(), reason="../shared/eval not present")
def test_vader_tokens_equal_reference_on_nyt_snippets(ref: SentimentIntensityAnalyzer) -> None:
    n = 0
    for line in NYT.read_text(encoding="utf-8").splitlines():
        parts = line.rstrip("\r").split("\t", 2)
        if len(parts) == 3:
            _check_equal(parts[2], ref)
            n += 1
    assert n > 5000


def test_vader_tokens_equal_reference_on_fuzzed_text(ref: SentimentIntensityAnalyzer) -> None:
    rng = random.Random(20240601)
    lex = list(ref.lexicon)
    vocab = (
        lex[:: max(1, len(lex) // 400)]
        + list(BOOSTER_DICT)[:40] + list(NEGATE)[:20]
        + ["but", "BUT", "kind", "of", "no", "least", "at", "very", "never", "so", "this", "without",
           "doubt", "sort", "the", "Russia", "GOOD", "BAD", "great!", "awful?", "(bad)", ":)", ":-(",
           "isn't", "don't", "sh*t", "the shit", "bad ass", "yeah right", "cut the mustard",
           "kiss of death", "hand to mouth", "😀", "💔", "☹️", "x", "!!!", "??", "—", "'", "\u00a0", "\t"]
    )
    for _ in range(3000):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 25))]
        seps = [rng.choice([" ", " ", " ", "  ", "\n", "\u2009", ""]) for _ in words]
        text = "".join(w + s for w, s in zip(words, seps, strict=True))
        if rng.random() < 0.3:
            text = rng.choice(["  ", "\n", " !"]) + text + rng.choice(["", ".", "!", "??", "  "])
        _check_equal(text, ref)


@pytest.mark.parametrize("text", ["", " ", "\n\t", "!!!", "😀", "I ❤️ it 😀!", "Kyiv 💔 Moscow"])
def test_vader_tokens_edge_cases(text: str, ref: SentimentIntensityAnalyzer) -> None:
    _check_equal(text, ref)


def test_vader_token_spans_point_into_the_text_with_emojis() -> None:
    text = "Great 😀 day"
    vt = vader_tokens(text)
    assert vt.spans[0] == (0, 5)
    assert text[slice(*vt.spans[-1])] == "day"
    assert all(0 <= s < e <= len(text) for s, e in vt.spans)


# --------------------------------------------------------------------------
# sentence rows
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("compound", "label"),
    [(-0.9, "negative"), (-0.05, "negative"), (-0.049, "neutral"), (0.0, "neutral"),
     (0.049, "neutral"), (0.05, "positive"), (0.7, "positive")],
)
def test_vader_label_thresholds(compound: float, label: str) -> None:
    assert S.vader_label(compound) == label


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_gives_no_rows(text: str) -> None:
    assert S.extract(segment(text), S.default_resources()) == []


def test_seed_articles_every_sentence_scored(ref: SentimentIntensityAnalyzer) -> None:
    corpus = contrast.load_corpus(contrast.demo_path())
    ev = contrast.extract(corpus, families=["sentiment", "actor"])
    assert set(ev["family"]) == {"sentiment", "actor"}
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        doc = segment(text)
        rows = ev[(ev["doc_id"] == doc_id) & (ev["family"] == "sentiment")]
        assert list(zip(rows["start"], rows["end"], strict=True)) == doc.sentences
        assert list(rows["sent_id"]) == list(range(len(doc.sentences)))
        for r in rows.itertuples():
            assert text[r.start:r.end] == r.span
            assert r.compound == ref.polarity_scores(r.span)["compound"]
            assert r.label == S.vader_label(r.compound)
        actors = ev[(ev["doc_id"] == doc_id) & (ev["family"] == "actor")]
        assert len(actors) == len(contrast.actors.default_actors().find(text)) > 5
        for r in actors.itertuples():
            assert text[r.start:r.end] == r.span
            assert contrast.actors.default_actors().actor_of(r.span) == r.actor
            assert -1.0 <= r.compound <= 1.0
            assert doc.sent_id(r.start) == r.sent_id


def test_row_keys_are_evidence_columns() -> None:
    rows = S.extract(segment("Kyiv hails brave defenders\nMoscow denied it."), S.default_resources())
    assert rows and all(set(r) <= set(contrast.EVIDENCE_COLUMNS) for r in rows)
    assert [r["family"] for r in rows] == ["sentiment", "actor", "sentiment", "actor"]


def test_no_actor_rows_without_actors() -> None:
    text = "Headline\nThe weather was terrible. Us and them, russian dolls and ukrainian borscht."
    rows = S.extract(segment(text), S.default_resources())
    assert [r["family"] for r in rows] == ["sentiment"] * 3


# --------------------------------------------------------------------------
# sentiment toward a target
# --------------------------------------------------------------------------


def _toward(text: str, target: str, nth: int = 0, **kw: object) -> float:
    start = -1
    for _ in range(nth + 1):
        start = text.index(target, start + 1)
    return sentiment_toward(text, start, start + len(target), **kw)  # type: ignore[arg-type]


def test_aggressor_scored_below_victims() -> None:
    t = "Russia brutally attacked peaceful Ukrainians."
    assert _toward(t, "Russia") < _toward(t, "Ukrainians")
    assert _toward(t, "Russia") < -0.5


@pytest.mark.parametrize(
    ("text", "negative", "positive"),
    [
        ("Ukraine praised the brave volunteers, while Russia bombed and killed civilians.",
         "Russia", "Ukraine"),
        ("Moscow's lies are shameful; Kyiv's soldiers are brave heroes.", "Moscow", "Kyiv"),
        ("NATO won praise from allies, but the Kremlin faced harsh condemnation.", "Kremlin", "NATO"),
    ],
)
def test_clauses_separate_targets(text: str, negative: str, positive: str) -> None:
    assert _toward(text, negative) < 0 < _toward(text, positive)


@pytest.mark.parametrize(
    "text",
    [
        '"This attack was a horrible, cowardly crime," Zelensky said.',
        "Terrible losses and a disastrous failure, according to Kyiv.",
        "Nothing to see here, said Peskov.",
    ],
)
def test_speaker_is_not_the_target_of_what_they_say(text: str) -> None:
    target = next(n for n in ("Zelensky", "Kyiv", "Peskov") if n in text)
    assert _toward(text, target) == 0.0


def test_target_words_do_not_count() -> None:
    res = Resources.from_actors({"Party": ["Freedom Party", "Hope Alliance"]})
    t = "The Freedom Party met the Hope Alliance on Tuesday."
    assert S.default_resources().analyzer.polarity_scores(t)["compound"] > 0.5
    assert _toward(t, "Freedom Party", resources=res) == 0.0
    assert _toward(t, "Hope Alliance", resources=res) == 0.0


def test_only_the_targets_sentence_counts() -> None:
    t = "Kyiv won a great victory. The war remains a horrible, deadly disaster."
    assert _toward(t, "Kyiv") > 0
    assert _toward("The war remains a horrible disaster. Kyiv met on Friday.", "Kyiv") == 0.0


def test_neutral_sentence_gives_zero() -> None:
    assert _toward("Putin met Macron in Paris on Monday.", "Putin") == 0.0


def test_closer_words_count_more() -> None:
    t = "Russia, with its allies, and the people, and the towns, were sadly hurt."
    far = _toward(t, "Russia")
    near = _toward("Russia was sadly hurt.", "Russia")
    assert near < far <= 0


def test_outside_weight_option() -> None:
    t = "Ukraine is doing fine, but Russia lost terribly and badly."
    full = Resources.from_actors(contrast.actors.default_actors(), options=TowardOptions(outside=1.0))
    none = full.with_options(outside=0.0)
    assert _toward(t, "Ukraine", resources=none) > _toward(t, "Ukraine", resources=full)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 2), (0, 999)])
def test_bad_offsets_raise(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="start"):
        sentiment_toward("Kyiv is fine.", start, end)


def test_sentiment_toward_in_a_long_article_matches_extract() -> None:
    text = contrast.load_corpus(contrast.demo_path())["text"].iloc[1]
    rows = [r for r in S.extract(segment(text), S.default_resources()) if r["family"] == "actor"]
    for r in rows[:15]:
        # sentiment_toward re-splits the text without a headline; offsets still agree
        # except across the headline line, which is a separate paragraph anyway.
        assert sentiment_toward(text, r["start"], r["end"]) == pytest.approx(r["compound"])


# --------------------------------------------------------------------------
# another conflict
# --------------------------------------------------------------------------


def test_custom_actor_dictionary_for_another_conflict() -> None:
    actors = ActorDictionary.from_dict({
        "Armenia": ["Armenia", "Yerevan", "Pashinyan", "Armenian forces"],
        "Azerbaijan": ["Azerbaijan", "Baku", "Aliyev", "Azerbaijani forces"],
    })
    res = Resources.from_actors(actors)
    corpus = contrast.load_corpus(pd.DataFrame({
        "text": ["Baku accuses Yerevan\nAzerbaijani forces shelled villages and killed civilians, "
                 "while Armenia welcomed the peace talks. Russia said nothing."],
        "source": ["wire"],
    }))
    ev = contrast.extract(corpus, families=["actor"], resources={"sentiment": res})
    assert list(ev["span"]) == ["Baku", "Yerevan", "Azerbaijani forces", "Armenia"]
    assert list(ev["actor"]) == ["Azerbaijan", "Armenia", "Azerbaijan", "Armenia"]
    by = dict(zip(ev["span"], ev["compound"], strict=True))
    assert by["Azerbaijani forces"] < 0 < by["Armenia"]
    assert list(ev["label"])[2:] == ["negative", "positive"]


def test_from_actors_rejects_wrong_type() -> None:
    with pytest.raises(TypeError, match="ActorDictionary or a mapping"):
        Resources.from_actors(["Armenia"])  # type: ignore[arg-type]
