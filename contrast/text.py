"""Sentences, tokens and quotations with character offsets into the loaded text.

Sentences come from NLTK's Punkt algorithm (Kiss & Strunk 2006) run *untrained*
with a list of news abbreviations, so no model is downloaded. The headline (the
first line of an article that has a title) is always sentence 0, and paragraphs
(lines) are never merged into one sentence.

Text as scraped is not always written in sentences: a page flattened into one
line, or a cell of concatenated text. Two limits keep every later stage linear
in the size of its input whatever the shape of the text:

- a first line longer than :data:`MAX_HEADLINE_CHARS` is not a headline (it is
  segmented as body text);
- a sentence longer than :data:`MAX_SENTENCE_CHARS` is split for analysis into
  pieces of at most that length, at clause boundaries (``;``, ``:``, ``,``,
  dashes) where there are some, else at spaces, else every
  :data:`MAX_SENTENCE_CHARS` characters. Each split is recorded in
  :attr:`Doc.split_sentences` (the original span), never silently:
  :func:`contrast.extract` reports the count with a warning and in its
  result's ``attrs["split_sentences"]``.

No sentence of the PolNeAR news texts (34,715 sentences, the longest 979
characters) or headline of the RUWA corpus (the longest 316) reaches them.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from contrast._punkt import FastPunkt, PunktParameters
from contrast.lexicon import load_table

__all__ = ["Doc", "MAX_HEADLINE_CHARS", "MAX_SENTENCE_CHARS", "count_words", "segment", "sentence_spans",
           "split_long", "token_spans", "quote_spans", "ends_with_abbreviation", "abbreviation_forms"]

#: a first line longer than this is body text, not a headline
MAX_HEADLINE_CHARS = 400
#: a sentence longer than this is split for analysis (see :func:`split_long`)
MAX_SENTENCE_CHARS = 1000


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """The bundled news abbreviations, lower-case, without their final full stop ("mr", "u.s", "gen")."""
    return frozenset(a.lower() for a in abbreviation_forms())


@lru_cache(maxsize=1)
def abbreviation_forms() -> frozenset[str]:
    """The bundled abbreviations as written, without their final full stop ("Mr", "U.S"): "no." is not "No."."""
    return frozenset(a.rstrip(".") for a in load_table("abbreviations")["abbreviation"])


@lru_cache(maxsize=1)
def _punkt() -> FastPunkt:
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations())
    return FastPunkt(params)


_LAST_WORD = re.compile(r"(?:^|[\s(\"'“‘])([A-Za-z][A-Za-z.]{0,11})\.$")


def ends_with_abbreviation(s: str) -> bool:
    """True when ``s`` ends with a full stop that closes an abbreviation, not a sentence.

    An abbreviation of the bundled list (``lexicons/abbreviations.tsv``: "Mr.",
    "Gen.", "U.S.") or a single capital initial ("J."): the same list the
    sentence splitter reads, so "Mr. Trump said." is one sentence everywhere.
    """
    m = _LAST_WORD.search(s[-14:])
    if not m:
        return False
    word = m.group(1)
    return (len(word) == 1 and word.isupper()) or word in abbreviation_forms()


#: a wire dateline opening a line or sentence: "MINSK, 20 June (BelTA) - ", "KYIV, Ukraine (AP) — ",
#: "Dubai, United Arab Emirates (CNN)- ", "New York (AFP) – ", "Dec 29 (Reuters) - ": a place of up to
#: five capitalised words (in capitals or not; a date's figures), an optional comma and detail (a country,
#: a date), the agency in brackets (one to three capitalised names: "(AP)", "(Reuters/AP)",
#: "(Interfax-Ukraine)"), then a dash followed by a space or the story's capital. The one definition of a
#: dateline: contrast.hygiene strips it from the first line of an outlet's bodies (when the outlet
#: carries datelines), attribution and affiliation skip it at the start of a speaker or a title
#: ("... (CNN)- John Smith, a tourist, said": no part of either). Not one: a clause of lower-case words
#: before the brackets ("The report by the OSCE (OSCE) – "), a bracket closing a word ("Kyiv
#: (Ukraine)-based"), a US party and state ("Sen. Ted Cruz (R-Texas) — "), a name spelt out in four
#: words or more ("NATO (North Atlantic Treaty Organization) – allies met").
DATELINE = re.compile(r"[A-Z][\w.'’-]*(?: +[A-Z0-9][\w.'’-]*){0,4}(?:,\s*[^()\n]{1,40}?)?\s*"
                      r"\([A-Z][A-Za-z.]+(?:-[A-Z][A-Za-z.]+)?(?:[ /][A-Z][A-Za-z.]+(?:-[A-Z][A-Za-z.]+)?){0,2}\)"
                      r"\s*[-—–]{1,2}(?:\s+|(?=[A-Z\"“‘']))")
DATELINE_LEAD = DATELINE  # the name attribution and affiliation import

_LINE = re.compile(r"[^\n]+")
# words (with inner hyphens/apostrophes), dotted initialisms (U.S.), numbers
# with separators, and single punctuation marks.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S. U.K.
    r"|\d+(?:[.,]\d+)*"  # 7,175 3.5
    r"|\w+(?:['’-]\w+)*"  # words, Ukraine's, full-scale
    r"|[^\w\s]"  # punctuation
)


_CLAUSE = re.compile(r"[;:,\u2013\u2014)](?=\s)|\s[\u2013\u2014-]\s")
_SPACE = re.compile(r"\s+")


def split_long(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Cut the span ``text[start:end]`` into pieces of at most ``limit`` characters.

    Each cut falls at the last clause boundary (after ``;``, ``:``, ``,``,
    ``)`` or a dash) in the second half of the window, else at the last space
    in it, else at ``limit`` characters (one very long token). Pieces are
    stripped of surrounding whitespace and never empty. Linear in
    ``end - start``: each boundary is found once.

    Examples
    --------
    >>> t = "aaaa, bbbb cccc"
    >>> [t[s:e] for s, e in split_long(t, 0, len(t), limit=8)]
    ['aaaa,', 'bbbb', 'cccc']
    """
    if end - start <= limit:
        return [(start, end)]
    # read as the window moves: a 20 MB line's 3.5M space positions as a list took 130 MB
    clauses = _Points(m.end() for m in _CLAUSE.finditer(text, start, end))
    spaces = _Points(m.start() for m in _SPACE.finditer(text, start, end))
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        if end - pos <= limit:
            cut = end
        else:
            hi = pos + limit
            cut = clauses.last_in(pos + limit // 2, hi) or spaces.last_in(pos + 1, hi) or hi
        piece_end = cut
        while piece_end > pos and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > pos:
            out.append((pos, piece_end))
        pos = cut
    return out


class _Points:
    """Increasing positions from an iterator, asked for with bounds that never decrease.

    Only the positions between the last lower bound and the last upper bound
    are held, so memory does not grow with the text.
    """

    def __init__(self, points: Iterator[int]):
        self._points = points
        self._next = next(points, None)
        self._window: deque[int] = deque()

    def last_in(self, lo: int, hi: int) -> int | None:
        """The largest position in ``[lo, hi]``, or None (``lo`` and ``hi`` at least those of the last call)."""
        while self._next is not None and self._next <= hi:
            self._window.append(self._next)
            self._next = next(self._points, None)
        while self._window and self._window[0] < lo:
            self._window.popleft()
        return self._window[-1] if self._window else None


def _first_line_is_headline(text: str) -> bool:
    """Whether the first non-blank line is short enough to be a headline."""
    for m in _LINE.finditer(text):
        line = m.group()
        if line.strip():
            return len(line.strip()) <= MAX_HEADLINE_CHARS
    return True


def _sentence_spans(text: str, headline: bool) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Sentence spans and the spans of over-long sentences that were split."""
    tok = _punkt()
    spans: list[tuple[int, int]] = []
    split: list[tuple[int, int]] = []
    first = True
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        base = m.start()
        if first and headline:
            pieces: list[tuple[int, int]] = [(0, len(line))]
        else:
            pieces = list(tok.span_tokenize(line))
        first = False
        for s, e in pieces:
            a, b = base + s, base + e  # the piece without surrounding whitespace, found without copying it
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b <= a:
                continue
            if b - a > MAX_SENTENCE_CHARS:
                split.append((a, b))
                spans.extend(split_long(text, a, b))
            else:
                spans.append((a, b))
    return spans, split


def sentence_spans(text: str, *, headline: bool = True) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``.

    Each line is a paragraph; Punkt splits within lines. With ``headline=True``
    the first line is one sentence whatever its punctuation, unless it is
    longer than :data:`MAX_HEADLINE_CHARS`. A sentence longer than
    :data:`MAX_SENTENCE_CHARS` comes back as the pieces of
    :func:`split_long`. Spans are stripped of surrounding whitespace and never
    empty.
    """
    return _sentence_spans(text, headline and _first_line_is_headline(text))[0]


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word and punctuation token spans of ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of word tokens (tokens starting with a letter or digit) in ``text[start:end]``."""
    end = len(text) if end is None else end
    return sum(1 for t in _TOKEN.findall(text, start, end) if t[0].isalnum())


_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“"}
_OPENERS = re.compile("[“«\"„]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages, quote marks included.

    Quotes are matched within a paragraph (line), so a quotation that runs
    over two sentences is one span. An unclosed quote runs to the end of its
    paragraph (news style for multi-paragraph quotes). It jumps from one
    opening mark to the next; ``tests/test_attribution.py`` checks it against a
    character-by-character reading.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    search = _OPENERS.search
    while True:
        m = search(text, pos)
        if m is None:
            return out
        i = m.start()
        ch = text[i]
        line_end = text.find("\n", i)
        if line_end < 0:
            line_end = n
        j = text.find(_QUOTE_PAIRS[ch], i + 1, line_end)
        if ch == "„" and j < 0:
            j = text.find("”", i + 1, line_end)
        if j < 0:
            out.append((i, line_end))
            pos = line_end
        else:
            out.append((i, j + 1))
            pos = j + 1


@dataclass(frozen=True)
class Doc:
    """A segmented article: its text, sentence spans and lazily computed tokens.

    ``sentences[i]`` is ``(start, end)`` into ``text``; sentence 0 is the
    headline when ``headline`` is true. ``split_sentences`` holds the spans
    of sentences longer than :data:`MAX_SENTENCE_CHARS` that were split into
    several entries of ``sentences`` for analysis.
    """

    doc_id: str
    source: str
    text: str
    sentences: list[tuple[int, int]]
    _starts: list[int] = field(repr=False, compare=False)
    headline: bool = True
    split_sentences: tuple[tuple[int, int], ...] = ()

    def sent_id(self, offset: int) -> int:
        """Index of the sentence containing (or preceding) character ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence(self, i: int) -> str:
        s, e = self.sentences[i]
        return self.text[s:e]

    def iter_sentences(self) -> Iterator[tuple[int, int, int]]:
        """Yield ``(sent_id, start, end)``."""
        for i, (s, e) in enumerate(self.sentences):
            yield i, s, e

    @property
    def tokens(self) -> list[tuple[int, int]]:
        return token_spans(self.text)

    @property
    def quotes(self) -> list[tuple[int, int]]:
        return quote_spans(self.text)

    @property
    def n_words(self) -> int:
        return count_words(self.text)


def segment(text: str, *, doc_id: str = "", source: str = "", headline: bool = True) -> Doc:
    """Segment an article into a :class:`Doc`.

    Examples
    --------
    >>> d = segment("Kyiv says\\nMr. Smith said it. Gen. Lee agreed.")
    >>> [d.sentence(i) for i in range(len(d.sentences))]
    ['Kyiv says', 'Mr. Smith said it.', 'Gen. Lee agreed.']
    """
    headline = headline and _first_line_is_headline(text)
    sents, split = _sentence_spans(text, headline)
    return Doc(doc_id, source, text, sents, [s for s, _ in sents], headline, tuple(split))


def text_digest(text: str) -> str:
    """A 16-byte BLAKE2b digest of ``text`` as 32 hex digits: the one key for "the same text"."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
