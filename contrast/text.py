"""Sentences, tokens and quotations with character offsets into the loaded text.

Sentences come from NLTK's Punkt algorithm (Kiss & Strunk 2006) run *untrained*
with a list of news abbreviations, so no model is downloaded. The headline (the
first line of an article that has a title) is always sentence 0, and paragraphs
(lines) are never merged into one sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters

from contrast._punkt import FastPunkt
from contrast.lexicon import load_table

__all__ = ["Doc", "count_words", "segment", "sentence_spans", "token_spans", "quote_spans"]


@lru_cache(maxsize=1)
def _punkt() -> FastPunkt:
    params = PunktParameters()
    abbrevs = load_table("abbreviations")["abbreviation"]
    params.abbrev_types = {a.lower().rstrip(".") for a in abbrevs}
    return FastPunkt(params)


_LINE = re.compile(r"[^\n]+")
# words (with inner hyphens/apostrophes), dotted initialisms (U.S.), numbers
# with separators, and single punctuation marks.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S. U.K.
    r"|\d+(?:[.,]\d+)*"  # 7,175 3.5
    r"|\w+(?:['’-]\w+)*"  # words, Ukraine's, full-scale
    r"|[^\w\s]"  # punctuation
)


def sentence_spans(text: str, *, headline: bool = True) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``.

    Each line is a paragraph; Punkt splits within lines. With ``headline=True``
    the first line is one sentence whatever its punctuation. Spans are
    stripped of surrounding whitespace and never empty.
    """
    tok = _punkt()
    spans: list[tuple[int, int]] = []
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
            chunk = line[s:e]
            ls = len(chunk) - len(chunk.lstrip())
            rs = len(chunk.rstrip())
            if rs > ls:
                spans.append((base + s + ls, base + s + rs))
    return spans


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
    headline when ``headline`` is true.
    """

    doc_id: str
    source: str
    text: str
    sentences: list[tuple[int, int]]
    _starts: list[int] = field(repr=False, compare=False)
    headline: bool = True

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
    sents = sentence_spans(text, headline=headline)
    return Doc(doc_id, source, text, sents, [s for s, _ in sents], headline)
