"""A faster, exact re-implementation of VADER's ``polarity_scores``.

``vaderSentiment`` (Hutto & Gilbert 2014; version 3.3.2) lower-cases the
whole word list again for every negation and idiom check of every sentiment
word, which makes it quadratic in the sentence length. This module runs the
same rules, in the same order and with the same floating-point operations,
on a word list lower-cased once, and reads the analyzer's own ``lexicon``
and ``emojis`` dicts, so the scores are those of the reference package.
``tests/test_vader_equivalence.py`` checks equality of ``neg``, ``neu``,
``pos`` and ``compound`` with ``SentimentIntensityAnalyzer.polarity_scores``
on VADER's NYT evaluation snippets and on fuzzed text.

This is a private module: :mod:`contrast.features.sentiment` is its user.
"""

from __future__ import annotations

import math
import string
from functools import lru_cache

from vaderSentiment.vaderSentiment import (
    B_INCR,
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

__all__ = ["FastVader", "fast_vader"]

_PUNCT = string.punctuation
_NEGATE = frozenset(NEGATE)
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")
assert B_INCR > 0  # the booster table is the package's own


def _negated(word: str) -> bool:
    """``vaderSentiment.negated([word])`` for one lower-cased word."""
    return word in _NEGATE or "n't" in word


def _but_check(lows: list[str], sentiments: list[float]) -> list[float]:
    """VADER's contrastive "but" rule, verbatim (including its ``list.index`` quirk).

    The reference finds each value's position with ``sentiments.index``, so
    equal valences are rescaled at the position of their first occurrence;
    the scores depend on that, so it is kept.
    """
    if "but" in lows:
        bi = lows.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _punctuation_emphasis(text: str) -> float:
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def score_valence(sentiments: list[float], text: str) -> dict[str, float]:
    """``SentimentIntensityAnalyzer.score_valence``, same operations in the same order."""
    if sentiments:
        sum_s = float(sum(sentiments))
        punct_emph_amplifier = _punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = normalize(sum_s)
        # _sift_sentiment_scores; zeros only count as neutral, so skip them in the loop
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = sentiments.count(0)
        for sentiment_score in [x for x in sentiments if x]:
            if sentiment_score > 0:
                pos_sum += float(sentiment_score) + 1
            else:
                neg_sum += float(sentiment_score) - 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
    else:
        compound = pos = neg = neu = 0.0
    return {"neg": round(neg, 3), "neu": round(neu, 3), "pos": round(pos, 3),
            "compound": round(compound, 4)}


def words_of(text: str) -> list[str]:
    """``SentiText(text).words_and_emoticons``: whitespace words, punctuation stripped
    unless that leaves two characters or fewer."""
    return [s if len(s := t.strip(_PUNCT)) > 2 else t for t in text.split()]


class FastVader:
    """VADER's rules over a pre-lower-cased word list.

    Parameters
    ----------
    analyzer : SentimentIntensityAnalyzer
        Its ``lexicon`` and ``emojis`` dicts are used (not copied).
    """

    def __init__(self, analyzer: SentimentIntensityAnalyzer):
        self.analyzer = analyzer
        self.lexicon: dict[str, float] = analyzer.lexicon
        self.emojis: dict[str, str] = analyzer.emojis
        self.emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    # -- the steps of polarity_scores ----------------------------------------
    def demoji(self, text: str) -> str:
        """Emojis replaced by their descriptions, as ``polarity_scores`` does (not stripped)."""
        if text.isascii() or self.emoji_chars.isdisjoint(text):
            return text
        emojis = self.emojis
        out: list[str] = []
        prev_space = True
        for ch in text:
            desc = emojis.get(ch)
            if desc is not None:
                if not prev_space:
                    out.append(" ")
                out.append(desc)
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    def raw_valences(self, words: list[str], lows: list[str]) -> list[float]:
        """Per-word valences before the "but" rule (``sentiment_valence`` for each word).

        ``lows[i]`` must be ``words[i].lower()``.
        """
        lex = self.lexicon
        n = len(words)
        n_upper = sum(map(str.isupper, words))
        cap_diff = 0 < n - n_upper < n
        out: list[float] = [0] * n
        for i in [i for i, low in enumerate(lows) if low in lex]:
            low = lows[i]
            if low in BOOSTER_DICT or (low == "kind" and i < n - 1 and lows[i + 1] == "of"):
                continue
            valence = lex[low]
            if low == "no" and i != n - 1 and lows[i + 1] in lex:
                valence = 0.0
            if (i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no") \
                    or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in _OR_NOR):
                valence = lex[low] * N_SCALAR
            if cap_diff and words[i].isupper():
                if valence > 0:
                    valence += C_INCR
                else:
                    valence -= C_INCR
            for start_i in (0, 1, 2):
                j = i - start_i - 1
                if j < 0:
                    break
                prev = lows[j]
                if prev in lex:
                    continue
                # scalar_inc_dec
                s = 0.0
                if prev in BOOSTER_DICT:
                    s = BOOSTER_DICT[prev]
                    if valence < 0:
                        s *= -1
                    if cap_diff and words[j].isupper():
                        if valence > 0:
                            s += C_INCR
                        else:
                            s -= C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                # _negation_check
                if start_i == 0:
                    if _negated(prev):
                        valence = valence * N_SCALAR
                elif start_i == 1:
                    if lows[i - 2] == "never" and lows[i - 1] in _SO_THIS:
                        valence = valence * 1.25
                    elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
                        pass
                    elif _negated(prev):
                        valence = valence * N_SCALAR
                else:
                    if (lows[i - 3] == "never" and lows[i - 2] in _SO_THIS) or lows[i - 1] in _SO_THIS:
                        valence = valence * 1.25
                    elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
                        pass
                    elif _negated(prev):
                        valence = valence * N_SCALAR
                    valence = self._special_idioms(valence, lows, i)
            # _least_check
            if i > 1 and lows[i - 1] not in lex and lows[i - 1] == "least":
                if lows[i - 2] != "at" and lows[i - 2] != "very":
                    valence = valence * N_SCALAR
            elif i > 0 and lows[i - 1] not in lex and lows[i - 1] == "least":
                valence = valence * N_SCALAR
            out[i] = valence
        return out

    @staticmethod
    def _special_idioms(valence: float, lows: list[str], i: int) -> float:
        """``_special_idioms_check`` (called with ``i >= 3``)."""
        w0, w1, w2, w3 = lows[i], lows[i - 1], lows[i - 2], lows[i - 3]
        onezero = f"{w1} {w0}"
        twoonezero = f"{w2} {w1} {w0}"
        twoone = f"{w2} {w1}"
        threetwoone = f"{w3} {w2} {w1}"
        threetwo = f"{w3} {w2}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        n = len(lows)
        if n - 1 > i:
            zeroone = f"{w0} {lows[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{w0} {lows[i + 1]} {lows[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    # -- whole texts -----------------------------------------------------------
    def polarity_scores(self, text: str) -> dict[str, float]:
        """Equal to ``SentimentIntensityAnalyzer.polarity_scores(text)``."""
        text = self.demoji(text).strip()
        words = words_of(text)
        lows = list(map(str.lower, words))
        sentiments = _but_check(lows, self.raw_valences(words, lows))
        return score_valence(sentiments, text)

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]``."""
        return self.polarity_scores(text)["compound"]


@lru_cache(maxsize=8)
def fast_vader(analyzer: SentimentIntensityAnalyzer) -> FastVader:
    """The :class:`FastVader` of an analyzer (built once per analyzer)."""
    return FastVader(analyzer)
