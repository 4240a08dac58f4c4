"""Fast equivalents of the attribution extractor's whole-text scans.

The attribution cue pattern (:func:`contrast.features.attribution._compile`)
is one case-insensitive regular expression with hundreds of verb forms and an
optional, lazily repeated auxiliary prefix ("has repeatedly said"). Python's
``re`` tries every alternative at every word start, which made that single
``finditer`` most of the extractor's cost. :class:`CueScanner` finds exactly
the same matches, in the same order, by

1. visiting only word starts whose word can begin a match (a dictionary look-up
   of the lower-cased word: an auxiliary, the first word of a verb form, or the
   first word of one of the fixed constructions such as "according to");
2. trying the fixed constructions with a small regular expression built from
   the same source text;
3. walking the auxiliary prefix word by word (each auxiliary consumes exactly
   one word, so the lazy repetition is a simple loop) and, at each step, trying
   only the verb forms whose first word is the word found there, in the
   original alternation order.

Any word that is not plain ASCII (where case-insensitive matching could pair
e.g. the Kelvin sign with "k") falls back to the full pattern at that
position, so the result is identical to ``pattern.finditer(text)``; the test
suite checks this on real articles and on fuzzed text.

"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Cue", "CueScanner"]

_RUN = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w'’-])\w+")
#: the end of a word ending in "ly", or of one ending in "n" before an apostrophe
_ENDINGS = re.compile(r"ly(?!\w)|n(?=['’])")
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
_NOT_BEFORE = frozenset("'’-")
_APOS = ("'", "’")
_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group


@dataclass(frozen=True, slots=True)
class Cue:
    """One match of the cue pattern.

    ``kind`` is the name of the alternative that matched (``acc``, ``pas``,
    ``acc2``, ``asby``, ``rep``, ``call`` or ``v``); ``vs``/``ve`` are the
    verb's offsets for ``v`` (else equal to ``start``/``end``).
    """

    kind: str
    start: int
    end: int
    vs: int
    ve: int
    text: str

    @classmethod
    def from_match(cls, m: re.Match[str]) -> Cue:
        """The :class:`Cue` of a match of the full cue pattern."""
        kind = "v"
        for name in ("acc", "pas", "acc2", "asby", "rep", "call"):
            if m.group(name) is not None:
                kind = name
                break
        cs, ce = m.span()
        vs, ve = m.span("verb") if kind == "v" else (cs, ce)
        return cls(kind, cs, ce, vs, ve, m.group())


def _run_start(text: str, i: int) -> int:
    """Start of the word-character run that contains offset ``i``."""
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i


def _trie(words: frozenset[str]) -> str:
    """A regular expression matching exactly ``words``, factored as a trie (fast in ``re``)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or r"(?!x)x"


def _key(form: str) -> str:
    """The lower-cased word-character run a verb form starts with."""
    m = _RUN.match(form)
    return m.group().lower() if m else ""


class CueScanner:
    """Finds the matches of the full cue pattern, fast (see the module docstring).

    Parameters
    ----------
    full : re.Pattern
        The full cue pattern (used where the fast path cannot decide).
    others : re.Pattern
        The same pattern without the reporting-verb alternative.
    forms : sequence of str
        The verb forms in the full pattern's alternation order.
    form_pattern : callable
        Turns a form into its regular-expression source.
    aux_words : iterable of str
        The literal auxiliary words of the pattern's prefix.
    other_keys : iterable of str
        Every lower-case first word of the ``others`` alternatives.
    """

    def __init__(self, full: re.Pattern[str], others: re.Pattern[str], forms: Sequence[str],
                 form_pattern: Mapping[str, str], aux_words: frozenset[str],
                 other_keys: frozenset[str]):
        self.full = full
        self.others = others
        groups: dict[str, list[str]] = {}
        for f in forms:
            groups.setdefault(_key(f), []).append(form_pattern[f])
        self.verbs = {k: re.compile(rf"(?:{'|'.join(v)})(?![\w-])", re.IGNORECASE)
                      for k, v in groups.items()}
        self.aux = aux_words
        self.other_keys = other_keys
        self.first = frozenset(self.verbs) | aux_words | other_keys
        self._first_re = re.compile(rf"(?<![\w'’-])(?:{_trie(self.first)})(?!\w)")

    @staticmethod
    def usable(forms: Sequence[str]) -> bool:
        """Whether every form is plain ASCII starting with a word character."""
        return all(f.isascii() and _key(f) for f in forms)

    def candidates_simple(self, text: str) -> list[tuple[int, int, str | None]]:
        """:meth:`candidates` by a plain loop over every word (the reference)."""
        out: list[tuple[int, int, str | None]] = []
        for w in _WORD_START.finditer(text):
            raw = w.group()
            if not raw.isascii():
                out.append((w.start(), w.end(), None))
                continue
            run = raw.lower()
            if run in self.first or run.endswith("ly") or (
                    run.endswith("n") and text[w.end():w.end() + 1] in _APOS):
                out.append((w.start(), w.end(), run))
        return out

    def candidates(self, text: str) -> list[tuple[int, int, str | None]]:
        """``(start, end, word)`` of the words where a match may begin or continue.

        Every word start whose lower-case word-character run is an auxiliary or
        the first word of an alternative, ends in "ly", ends in "n" before an
        apostrophe ("don't"), or is not plain ASCII (``word`` None: only the
        full pattern can decide) is listed, in text order; a few words that
        are not word starts may be listed too (the scanner skips them). Found
        by a few regular expressions over the lower-cased text rather than a
        Python loop over every word.
        """
        low = text.lower()
        if len(low) != len(text) or "\u212a" in text:  # offsets must survive lower-casing
            return self.candidates_simple(text)
        # (start, end, word) of every match, built by C-level iterators
        ms = list(self._first_re.finditer(low))
        starts = list(map(_START, ms))
        found: dict[int, tuple[int, int, str | None]] = dict(
            zip(starts, zip(starts, map(_END, ms), map(_GROUP, ms), strict=True), strict=True))
        for m in _ENDINGS.finditer(low):
            e = m.end()
            s = _run_start(low, m.start())
            if s not in found:
                run = low[s:e]
                found[s] = (s, e, run if run.isascii() else None)
        if not low.isascii():
            for m in _NON_ASCII_WORD.finditer(low):
                s = _run_start(low, m.start())
                if s not in found:
                    rm = _RUN.match(low, s)
                    assert rm is not None
                    found[s] = (s, rm.end(), None)
        return [found[k] for k in sorted(found)]

    def scan(self, text: str) -> Iterator[Cue]:
        """Yield the cues of ``text`` in order, as ``full.finditer(text)`` would."""
        cands = self.candidates(text)
        n = len(cands)
        last = 0
        verbs, other_keys, aux = self.verbs, self.other_keys, self.aux
        for j in range(n):
            p, e, run = cands[j]
            if p < last or (p > 0 and text[p - 1] in _NOT_BEFORE):
                continue  # inside the last match, or not a word start
            cue: Cue | None = None
            if run is None:
                cue = self._slow(text, p)
            else:
                if run in other_keys:
                    m = self.others.match(text, p)
                    if m:
                        cue = Cue.from_match(m)
                if cue is None:
                    if run not in verbs:
                        # no verb form starts here: a match must go on to the next
                        # candidate, past an auxiliary and white space or past "n't"
                        # (the first step of _verb_at, tested without a call)
                        nxt = cands[j + 1][0] if j + 1 < n else -1
                        if nxt <= e:
                            continue
                        if text[e:nxt].isspace():
                            if run not in aux and not (len(run) >= 3 and run.endswith("ly")):
                                continue
                        elif text[e] not in _APOS:
                            continue
                    cue = self._verb_at(text, cands, j)
            if cue is not None:
                last = cue.end
                yield cue

    def _verb_at(self, text: str, cands: list[tuple[int, int, str | None]], j: int
                 ) -> Cue | None:
        """The reporting-verb alternative at candidate ``j``: the lazy auxiliary prefix
        walked word by word (each auxiliary is exactly one word plus white space)."""
        p = cands[j][0]
        n = len(cands)
        verbs, aux = self.verbs, self.aux
        while True:
            q, e, run = cands[j]
            if run is None:
                return self._slow(text, p)
            pat = verbs.get(run)
            if pat is not None:
                m = pat.match(text, q)
                if m:
                    return Cue("v", p, m.end(), q, m.end(), text[p:m.end()])
            # an auxiliary must be followed by white space and then the next candidate
            nxt = cands[j + 1][0] if j + 1 < n else -1
            if (run in aux or (len(run) >= 3 and run.endswith("ly"))) and nxt > e and \
                    text[e:nxt].isspace():
                j += 1
                continue
            if len(run) >= 2 and run.endswith("n") and text[e:e + 1] in _APOS and \
                    text[e + 1:e + 2] in ("t", "T") and nxt > e + 2 and text[e + 2:nxt].isspace():
                j += 1
                continue
            return None

    def _slow(self, text: str, p: int) -> Cue | None:
        m = self.full.match(text, p)
        return Cue.from_match(m) if m else None


