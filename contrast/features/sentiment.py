"""Sentiment: VADER per sentence, and sentiment toward each actor mention.

Two evidence families:

``sentiment``
    One row per sentence: ``compound`` is the reference VADER compound score
    (Hutto & Gilbert 2014, the ``vaderSentiment`` package and its bundled
    lexicon) and ``label`` is ``negative`` / ``neutral`` / ``positive`` with
    VADER's standard thresholds (compound <= -0.05, >= 0.05).
``actor``
    One row per actor mention (``contrast.actors.default_actors()`` or the
    user's :class:`~contrast.actors.ActorDictionary`): ``span`` is the mention,
    ``actor`` its group and ``compound`` the sentiment toward it from its local
    context (:func:`sentiment_toward`).

VADER is run once per sentence; its per-word valences are kept and reused for
every mention in the sentence, so scoring the actors costs little on top of
the sentence scores.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, normalize

from contrast._vader import _but_check, fast_vader, score_valence, words_of
from contrast.actors import ActorDictionary, as_actors, default_actors
from contrast.text import Doc, sentence_spans

__all__ = [
    "FAMILIES",
    "Resources",
    "TowardOptions",
    "VaderTokens",
    "default_resources",
    "extract",
    "sentiment_toward",
    "vader_tokens",
    "vader_label",
]

FAMILIES = ("sentiment", "actor")

#: VADER's standard thresholds for the compound score.
VADER_THRESHOLDS = (-0.05, 0.05)


def vader_label(compound: float, thresholds: tuple[float, float] = VADER_THRESHOLDS) -> str:
    """``negative`` / ``neutral`` / ``positive`` for a compound score.

    Examples
    --------
    >>> vader_label(-0.3), vader_label(0.0), vader_label(0.05)
    ('negative', 'neutral', 'positive')
    """
    lo, hi = thresholds
    if compound <= lo:
        return "negative"
    if compound >= hi:
        return "positive"
    return "neutral"


# --------------------------------------------------------------------------
# VADER, once per sentence, keeping the per-word valences
# --------------------------------------------------------------------------

_NONSPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class VaderTokens:
    """VADER's words of a text with character offsets and their valences.

    Attributes
    ----------
    spans : list of (int, int)
        Offsets (into the text given to :func:`vader_tokens`) of each
        whitespace-separated word VADER scores.
    raw : list of float
        Valence of each word after VADER's boosters, negation, capitals and
        idioms, before the contrastive "but" rule.
    valences : list of float
        The same after the "but" rule: the list VADER sums.
    compound : float
        VADER's compound score of the whole text (equal to
        ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``).
    nonzero : list of int
        Indices of the words whose ``raw`` valence is not 0.
    """

    spans: list[tuple[int, int]]
    raw: list[float]
    valences: list[float]
    compound: float
    nonzero: list[int]


def _demoji(analyzer: SentimentIntensityAnalyzer, text: str) -> tuple[str, list[int]]:
    """VADER's emoji-to-words conversion, with the original offset of each output char."""
    out: list[str] = []
    pos: list[int] = []
    prev_space = True
    for i, ch in enumerate(text):
        if ch in analyzer.emojis:
            desc = analyzer.emojis[ch]
            if not prev_space:
                out.append(" ")
                pos.append(i)
            out.append(desc)
            pos.extend([i] * len(desc))
            prev_space = False
        else:
            out.append(ch)
            pos.append(i)
            prev_space = ch == " "
    return "".join(out), pos


def vader_tokens(text: str, analyzer: SentimentIntensityAnalyzer | None = None) -> VaderTokens:
    """Run VADER once over ``text`` and keep each word's valence and offsets.

    The steps are those of ``SentimentIntensityAnalyzer.polarity_scores``
    (vaderSentiment 3.3.2), calling the analyzer's own methods, so the
    compound score is the reference one; the test suite checks equality on
    VADER's NYT evaluation sentences and on fuzzed text.

    Parameters
    ----------
    text : str
        A sentence (or clause).
    analyzer : SentimentIntensityAnalyzer, optional
        Defaults to the one in :func:`default_resources`.

    Examples
    --------
    >>> vt = vader_tokens("Russia brutally attacked peaceful Ukrainians.")
    >>> [round(float(v), 2) for v in vt.valences]
    [0.0, -3.0, -2.0, 2.2, 0.0]
    >>> vt.spans[2]
    (16, 24)
    """
    a = default_resources().analyzer if analyzer is None else analyzer
    fv = fast_vader(a)
    pos: list[int] | None = None
    if not text.isascii() and not fv.emoji_chars.isdisjoint(text):
        text, pos = _demoji(a, text)
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    spans = [m.span() for m in _NONSPACE.finditer(stripped)]
    if lead:
        spans = [(s + lead, e + lead) for s, e in spans]

    # -- as in polarity_scores (contrast._vader, equal to vaderSentiment) --
    words = words_of(stripped)
    if len(words) != len(spans):  # cannot happen: both split on Unicode whitespace
        raise RuntimeError("VADER tokenisation mismatch")
    lows = list(map(str.lower, words))
    raw = fv.raw_valences(words, lows)
    sentiments = _but_check(lows, list(raw))
    compound = score_valence(sentiments, stripped)["compound"]
    # ---------------------------------------------------------------------

    if pos is not None:
        spans = [(pos[s], pos[e - 1] + 1) for s, e in spans]
    return VaderTokens(spans, raw, sentiments, float(compound), [i for i, v in enumerate(raw) if v])


# --------------------------------------------------------------------------
# Sentiment toward a target
# --------------------------------------------------------------------------

# Clause boundaries: punctuation that separates clauses, quotation marks,
# dashes, and contrastive / concessive / relative conjunctions.
_CLAUSE_PUNCT = r"[;:,()\[\]\"“”«»„]|\s[-–—]+\s|—"


@dataclass(frozen=True)
class TowardOptions:
    """How the context of a target is weighted.

    The defaults were tuned on a fixed half of the NewsMTSC training set
    (Hamborg & Donnay 2021); ``benchmarks/validity_sentiment.py`` reports
    macro-F1 on the other half.

    Attributes
    ----------
    boundary_words : tuple of str
        Words that open a new clause (besides ``; : , ( ) [ ]``, dashes and
        quotation marks).
    outside : float
        Weight of words outside the target's clause (1 inside).
    decay : float
        Distance decay: a word ``d`` words away from the target weighs
        ``1 / (1 + d / decay)``.
    agent : float
        Multiplier for a negative word just after the target in its clause
        (the target as the doer: "*Russia* brutally attacked").
    patient : float
        Multiplier for a negative word that has the target as its object
        ("attacked *Ukrainians*", "*Ukrainians* were attacked"). 1 by default:
        NewsMTSC annotators judge a target that is attacked, accused or
        criticised as portrayed negatively too, and lowering it lost accuracy.
    speaker : float
        Multiplier for every word when the target is the speaker of a
        reporting verb ("..., *Obama* said"; "according to *Kyiv*"): what a
        speaker says is not sentiment toward the speaker. 0 by default.
    sentence_mix : float
        Share of the whole-sentence compound mixed into the local score.
    thresholds : (float, float)
        Compound cut-offs for the ``negative`` / ``positive`` labels of actor
        rows (tuned with the weights; sentence rows keep VADER's +-0.05).
    """

    boundary_words: tuple[str, ...] = ("but", "while", "whereas", "although", "though",
                                       "however", "yet", "which", "who")
    outside: float = 0.5
    decay: float = 10.0
    agent: float = 1.5
    patient: float = 1.0
    speaker: float = 0.0
    sentence_mix: float = 0.0
    thresholds: tuple[float, float] = (-0.025, 0.15)
    _re: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = "|".join(re.escape(w) for w in self.boundary_words)
        pat = _CLAUSE_PUNCT + (rf"|(?<![\w-])(?:{words})(?![\w-])" if words else "")
        object.__setattr__(self, "_re", re.compile(pat, re.IGNORECASE))


# A target right before one of these, or right after one of _SPEECH_BEFORE, is the speaker.
_SPEECH_AFTER = re.compile(r"(?:said|says|say|told|tells|added|adds|wrote|writes|tweeted|stated|states|"
                           r"noted|notes|argued|argues|claimed|claims|insisted|insists|warned|warns)\W*$")
_SPEECH_BEFORE = re.compile(r"(?:said|says|added|adds|wrote|writes|tweeted|stated|noted|argued|"
                            r"claimed|insisted|warned|to)\W*$")
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"})


def _clause_bounds(text: str, vt: VaderTokens, opts: TowardOptions) -> list[int]:
    """Offsets where a clause boundary (punctuation or conjunction) starts."""
    if not vt.spans:
        return []
    return [m.start() for m in opts._re.finditer(text, vt.spans[0][0], vt.spans[-1][1])]


def _name_words(vt: VaderTokens, names: list[tuple[int, int, str]]) -> frozenset[int]:
    """Indices of the sentiment-bearing words inside any of the ``names`` spans."""
    out = set()
    for i in vt.nonzero:
        s, e = vt.spans[i]
        if any(s < ne and e > ns for ns, ne, _ in names):
            out.add(i)
    return frozenset(out)


def _score_toward(text: str, vt: VaderTokens, start: int, end: int, opts: TowardOptions,
                  bounds: list[int] | None = None, skip: frozenset[int] = frozenset()) -> float:
    """Score toward ``text[start:end]`` from the VADER words ``vt`` of its sentence.

    Words with an index in ``skip`` (other actor names) do not count.
    """
    spans = vt.spans
    if not spans:
        return 0.0
    if bounds is None:
        bounds = _clause_bounds(text, vt, opts)
    t_clause = bisect.bisect_right(bounds, start)
    # index of the first word at/after the target and the last before it
    first_after = bisect.bisect_left(spans, (end, end))
    last_before = bisect.bisect_left(spans, (start, start)) - 1
    total = 0.0
    scale = 1.0
    if opts.speaker != 1.0:
        nxt = text[spans[first_after][0]:spans[first_after][1]].lower() if first_after < len(spans) else ""
        prv = text[spans[last_before][0]:spans[last_before][1]].lower() if last_before >= 0 else ""
        if _SPEECH_AFTER.match(nxt) or (_SPEECH_BEFORE.match(prv) and (
                prv != "to" or (last_before > 0 and text[spans[last_before - 1][0]:spans[last_before - 1][1]].lower() == "according"))):
            scale = opts.speaker
    raw = vt.raw
    for i in vt.nonzero:
        s, e = spans[i]
        v = raw[i]
        if (s < end and e > start) or i in skip:  # names are not opinions
            continue
        if e <= start:
            d = last_before - i
            before = True
        else:
            d = i - first_after
            before = False
        w = 1.0 / (1.0 + d / opts.decay)
        same = bisect.bisect_right(bounds, s) == t_clause
        if not same:
            w *= opts.outside
        elif v < 0:
            if before:
                # "attacked (peaceful) Ukrainians": the target is the object
                w *= opts.patient if d <= 3 else 1.0
            elif d <= 2:
                aux = text[spans[i - 1][0]:spans[i - 1][1]].lower() if i > 0 else ""
                if aux in _PASSIVE_AUX and text[e:e + 3].strip().lower() != "by":
                    w *= opts.patient  # "Ukrainians were attacked"
                else:
                    w *= opts.agent  # "Russia (brutally) attacked"
        total += w * v * scale
    local = normalize(total) if total else 0.0
    if opts.sentence_mix:
        local = (1 - opts.sentence_mix) * local + opts.sentence_mix * vt.compound
    return float(max(-1.0, min(1.0, local)))


# --------------------------------------------------------------------------
# Resources and extractor
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Resources:
    """What the sentiment extractor needs: a VADER analyzer and an actor dictionary.

    Build your own for another conflict with :meth:`from_actors`.

    Examples
    --------
    >>> res = Resources.from_actors({"Blue": ["Blueland"], "Red": ["Redland"]})
    >>> res.actors.groups
    ('Blue', 'Red')
    """

    analyzer: SentimentIntensityAnalyzer
    actors: ActorDictionary
    options: TowardOptions = TowardOptions()

    @classmethod
    def from_actors(
        cls,
        actors: ActorDictionary | Mapping[str, Sequence[str]],
        *,
        options: TowardOptions | None = None,
    ) -> Resources:
        """Resources with the bundled VADER and the given actor dictionary.

        Parameters
        ----------
        actors : ActorDictionary or mapping
            An :class:`~contrast.actors.ActorDictionary` or ``{group: [alias, ...]}``.
        options : TowardOptions, optional
            Context weighting for actor scores.
        """
        base = default_resources()
        return cls(base.analyzer, as_actors(actors), options or base.options)

    def with_actors(self, actors: ActorDictionary | Mapping[str, Sequence[str]]) -> Resources:
        """A copy scoring the actors of another dictionary."""
        return replace(self, actors=as_actors(actors))

    def with_options(self, **changes: Any) -> Resources:
        """A copy with some :class:`TowardOptions` fields changed."""
        return replace(self, options=replace(self.options, **changes))


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The reference VADER analyzer (bundled lexicon) and the bundled actor preset."""
    return Resources(SentimentIntensityAnalyzer(), default_actors())


def sentiment_toward(
    text: str,
    start: int,
    end: int,
    *,
    resources: Resources | None = None,
) -> float:
    """Sentiment (-1..1) toward the target ``text[start:end]`` from its local context.

    The sentence holding the target is scored once with VADER; each
    sentiment-bearing word then counts toward the target with a weight that
    falls with its distance (in words) and is lower outside the target's
    clause (clauses end at ``; : , ( ) —``, quotation marks and words such as
    *but, while, whereas, although, which*). The target's own words never
    count (a name like "Kiev regime" or "Mr. Goodman" is not an opinion). A
    negative word that has the target as its object ("attacked *Ukrainians*",
    "*civilians* were killed") counts less: the target suffers rather than
    acts. The weighted sum is squashed to -1..1 as VADER does.

    Parameters
    ----------
    text : str
        The text (a sentence or a whole article).
    start, end : int
        Offsets of the target in ``text``.
    resources : Resources, optional
        Analyzer and options (default: :func:`default_resources`).

    Returns
    -------
    float
        Negative toward the target below 0, positive above.

    Notes
    -----
    VADER: Hutto, C.J. & Gilbert, E. (2014). VADER: A parsimonious rule-based
    model for sentiment analysis of social media text. ICWSM. Weights were
    tuned on one half of the NewsMTSC training set (Hamborg & Donnay 2021,
    EACL); ``benchmarks/validity_sentiment.py`` reports macro-F1 on the other.

    Examples
    --------
    >>> t = "Russia brutally attacked peaceful Ukrainians."
    >>> sentiment_toward(t, 0, 6) < sentiment_toward(t, 34, 44)
    True
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"need 0 <= start <= end <= len(text) = {len(text)}; got start={start}, end={end}")
    res = default_resources() if resources is None else resources
    sents = sentence_spans(text, headline=False) or [(0, len(text))]
    s0 = min((s for s, e in sents if e > start), default=sents[-1][0])
    s0 = min(s0, start)
    e0 = max((e for s, e in sents if s < max(end, start + 1)), default=len(text))
    e0 = max(e0, end)
    vt = _shift(vader_tokens(text[s0:e0], res.analyzer), s0)
    skip = _name_words(vt, res.actors.find(text, s0, e0))
    return _score_toward(text, vt, start, end, res.options, skip=skip)


def _shift(vt: VaderTokens, k: int) -> VaderTokens:
    if not k:
        return vt
    return replace(vt, spans=[(s + k, e + k) for s, e in vt.spans])


def extract(doc: Doc, resources: Resources | None = None) -> list[dict[str, Any]]:
    """Sentence rows (family ``sentiment``) and actor rows (family ``actor``) for one document.

    Examples
    --------
    >>> from contrast.text import segment
    >>> rows = extract(segment("Kyiv hails brave defenders\\nMoscow denied it."))
    >>> [(r["family"], r["span"], r["label"]) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('sentiment', 'Kyiv hails brave defenders', 'positive'),
     ('actor', 'Kyiv', 'positive'),
     ('sentiment', 'Moscow denied it.', 'negative'),
     ('actor', 'Moscow', 'negative')]
    """
    res = default_resources() if resources is None else resources
    text = doc.text
    mentions = res.actors.find(text) if doc.sentences else []
    compound_of = fast_vader(res.analyzer).compound
    rows: list[dict[str, Any]] = []
    j = 0
    n_mentions = len(mentions)
    for sid, (s, e) in enumerate(doc.sentences):
        span = text[s:e]
        while j < n_mentions and mentions[j][0] < s:
            j += 1
        k = j
        while k < n_mentions and mentions[k][0] < e:
            k += 1
        if k == j:  # no actor here: the compound score is all we need
            compound = float(compound_of(span))
            rows.append({"family": "sentiment", "label": vader_label(compound), "start": s, "end": e,
                         "span": span, "sent_id": sid, "compound": compound})
            continue
        vt = _shift(vader_tokens(span, res.analyzer), s)
        rows.append({"family": "sentiment", "label": vader_label(vt.compound), "start": s, "end": e,
                     "span": span, "sent_id": sid, "compound": vt.compound})
        here = mentions[j:k]
        j = k
        bounds = _clause_bounds(text, vt, res.options)
        skip = _name_words(vt, here)
        for ms, me, actor in here:
            score = _score_toward(text, vt, ms, me, res.options, bounds, skip)
            rows.append({"family": "actor", "label": vader_label(score, res.options.thresholds),
                         "start": ms, "end": me, "span": text[ms:me], "sent_id": sid,
                         "compound": score, "actor": actor})
    return rows
