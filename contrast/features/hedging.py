"""Hedges and boosters: how tentatively or forcefully a text presents its claims.

Two evidence families. ``hedge`` rows mark a writer (or a quoted speaker)
withholding full commitment; their ``label`` is the hedge type:

- ``modal``: epistemic modals (*may*, *might*, *could*);
- ``adverb``: *likely*, *possibly*, *reportedly*, *allegedly*, *apparently*;
- ``adjective`` / ``noun``: *possible*, *unclear*, *unconfirmed*; *possibility*;
- ``verb``: *suggest*, *appear to*, *seem*, *believe*, *indicate*;
- ``approximator``: *about* / *around* / *some* / *up to* / *nearly* + a number;
- ``vague_quantifier``: *many*, *some*, *several*, *most of* before a noun
  (vague language after Channell 1994; drop with
  ``default_resources().without_types("vague_quantifier")``);
- ``vague_source``: weasel attributions (*some say*, *it is believed*,
  *critics say*, *experts suggest*, *is widely considered*).

``booster`` rows mark emphatic certainty; ``label`` is ``adverb`` (*clearly*,
*indeed*, *really*), ``adjective`` (*it is clear*, *undeniable*), ``phrase``
(*in fact*, *the fact is*, *of course*, *there is no doubt*) or ``verb``
(*prove*, *show*, *demonstrate*).

The word lists are data (``contrast/lexicons/hedges.tsv`` and
``boosters.tsv``: columns ``term``, ``type``, ``rule``). A term may hold ``*``
at a word end (any ending), ``(a|b)`` alternatives for a word and ``(a|b)?``
for an optional word. ``rule`` names a small pure function (:data:`RULES`)
that decides, from the words around a match, whether an ambiguous word is a
hedge here: *May* the month, *about* meaning "concerning", *show* the noun,
*might* the noun. Words that are hedges only in a reading the rules cannot
recognise are left out: *can* (ability: "soldiers can call") and *will*
(plain future) are in neither list.

Examples
--------
>>> from contrast.text import segment
>>> doc = segment("Experts suggest about 300 soldiers may have left in May.", headline=False)
>>> [(r["span"], r["label"]) for r in extract(doc, default_resources())]
[('Experts suggest', 'vague_source'), ('about', 'approximator'), ('may', 'modal')]

A classroom change: add a hedge and see it counted.

>>> res = default_resources().with_terms(hedges=["arguably"])
>>> [r["span"] for r in extract(segment("It is arguably the worst.", headline=False), res)]
['arguably']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd

from contrast.lexicon import load_table, trie_regex
from contrast.text import Doc

__all__ = [
    "FAMILIES",
    "RULES",
    "Resources",
    "Term",
    "default_resources",
    "extract",
    "term_pattern",
]

FAMILIES = ("hedge", "booster")

#: Type given to user terms passed as a plain list.
USER_TYPE = "user"

# --------------------------------------------------------------------------
# context helpers and rules
# --------------------------------------------------------------------------

_WORD_BEFORE = re.compile(r"([\w’'-]+)[^\w\n]*$")
_WORD_AFTER = re.compile(r"^[^\w\n]*?([\w’'-]+|[$€£]?\d[\d,.]*)")
_NUMWORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|"
    "half|third|thirds|quarter|quarters|twice|double|triple|all|every|"
    "one-third|two-thirds|one-quarter|three-quarters|one-half|one-fifth"
)
_NUMBER_NEXT = re.compile(
    rf"\s+(?:[$€£]\s?)?(?:\d|(?:(?:a|an)\s+)?(?:{_NUMWORDS})\b|(?:a|an)\s+(?:dozen|third|quarter|half|"
    rf"hundred|thousand|million|billion|fifth|tenth)\b)",
    re.IGNORECASE,
)
_MONTH_CONTEXT = frozenset(
    "in of since until till by early late mid last next this from through during on the "
    "before after between and or to every each".split()
)
_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your whose every each "
    "tv talk game news road air radio fashion".split()
)
_ABOUT_GOVERNORS = frozenset(
    "talk talks talked talking speak speaks spoke speaking spoken ask asks asked asking "
    "worry worries worried worrying concern concerned care cares cared know knows knew known "
    "learn learned learnt think thinks thought hear heard read write wrote written say said "
    "tell told telling joke joked complain complained complaining warn warned warning "
    "information news story stories question questions doubts details debate discussion "
    "argue argued fight fought unsure sure clear serious happy angry upset nervous "
    "bring brought come came set".split()
)
_BE = frozenset("is are was were be been being am 's ’s seems seemed remain remains remained "
                "feel feels felt become became becomes appear appears appeared".split())


def _prev_word(text: str, start: int) -> str:
    """The word before ``start`` on the same line, lower-cased ('' if none)."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _WORD_BEFORE.search(text, max(line_start, start - 40), start)
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    """The word (or number) after ``end`` on the same line, as written ('' if none)."""
    m = _WORD_AFTER.match(text[end:end + 40])
    return m.group(1) if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“'‘«(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def not_month(text: str, start: int, end: int) -> bool:
    """*may* the modal, not *May* the month ("May 9 parade", "in May") or a name.

    Lower-case *may* is always the modal. Capitalised *May* is the modal only
    at the start of a sentence or in a title-case headline ("Russia May
    Launch"), and never before a number or after "in", "since", "early"...
    """
    if text[start] == "m":
        return True
    nxt = _next_word(text, end)
    prev = _prev_word(text, start)
    if not nxt or nxt[0].isdigit() or prev in _MONTH_CONTEXT or prev[:1].isdigit():
        return False
    if _sentence_initial(text, start):
        return nxt[:1].islower() or nxt.lower() in {"i", "we"}
    # title-case headline: "Russia May Launch New Offensive"
    return nxt[:1].isupper() and nxt.lower() not in {"day", "election", "elections"}


def before_number(text: str, start: int, end: int) -> bool:
    """An approximator only before a number: "about 300", "up to 80%", "some two dozen".

    *about* after a verb or noun it complements ("talked about", "news
    about") means "concerning" and is never an approximator.
    """
    if not _NUMBER_NEXT.match(text, end):
        return False
    if text[start:end].lower() == "about" and _prev_word(text, start) in _ABOUT_GOVERNORS:
        return False
    return True


def epistemic_appear(text: str, start: int, end: int) -> bool:
    """*appear* as "seem" ("appears to be", "it appears that"), not "appear in court"."""
    nxt = _next_word(text, end).lower()
    if nxt in {"that", "as", "likely", "unlikely", "certain", "increasingly", "ready", "set",
               "poised", "keen", "unable", "willing", "reluctant", "close", "intent"}:
        return True
    if nxt == "to":
        after = text[end:end + 20].lower()
        return not re.match(r"\s+to\s+(?:the\s+)?(?:court|him|her|them|me|us|you|voters|viewers)\b",
                            after)
    return _prev_word(text, start) in {"it", "would", "there"}


def not_think_tank(text: str, start: int, end: int) -> bool:
    """*think* as a belief verb, not "think tank"."""
    return _next_word(text, end).lower() not in {"tank", "tanks"}


def not_rather_than(text: str, start: int, end: int) -> bool:
    """*rather* as a softener ("rather weak"), not "rather than"."""
    return _next_word(text, end).lower() not in {"than", "that"}


def modal_might(text: str, start: int, end: int) -> bool:
    """*might* the modal, not the noun ("military might", "with all its might")."""
    nxt = _next_word(text, end).lower()
    if not nxt or nxt in {"of", "and", "to"} or not text[end:end + 1].isspace():
        return False
    return _prev_word(text, start) not in _DETERMINERS | {"military", "economic", "naval", "full",
                                                          "all", "industrial", "nuclear", "air"}


def epistemic_could(text: str, start: int, end: int) -> bool:
    """*could* as possibility; not the stock "could not be reached (for comment)"."""
    return not re.match(r"\s+not\s+(?:immediately\s+)?be\s+reached", text[end:end + 40])


def verb_not_noun(text: str, start: int, end: int) -> bool:
    """*show(s)* the verb ("data show"), not the noun ("a TV show", "show of force")."""
    if _prev_word(text, start) in _DETERMINERS:
        return False
    nxt = _next_word(text, end).lower()
    return nxt not in {"of", "host", "hosts", "trial", "trials", "business", "biz", "runner"}


def not_make_sure(text: str, start: int, end: int) -> bool:
    """*sure* as certainty ("I am sure"), not "make sure" / "to be sure"."""
    return _prev_word(text, start) not in {"make", "makes", "made", "making", "ensure"}


def predicative(text: str, start: int, end: int) -> bool:
    """An adjective of certainty used predicatively ("is certain", "certain that").

    Attributive *certain* ("certain areas") means "some" and is no booster.
    """
    nxt = _next_word(text, end).lower()
    if nxt == "that" or not nxt or text[end:end + 1] in ",.;:!?":
        return True
    return _prev_word(text, start) in _BE | {"not", "almost", "virtually", "absolutely", "quite",
                                             "entirely", "completely", "fully"}


def attributive(text: str, start: int, end: int) -> bool:
    """*alleged* / *supposed* before a noun ("the alleged attack"), not the verb "X alleged"."""
    prev = _prev_word(text, start)
    nxt = _next_word(text, end).lower()
    if nxt in {"to", "that", "by"}:
        return False
    return prev in _DETERMINERS or prev in {"of", "for", "and", "with", "in", "on", "over", "after",
                                            "two", "several", "many", "multiple", "numerous"}


_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|say|told|tells|announced|promised|pledged|vowed|warned|added|stated|"
    r"confirmed|insisted|declared|decided|agreed|knew|hoped|expected|predicted|threatened)"
    r"(?:\s+\w+){0,4}?\s+(?:that\s+)?(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


_NARRATIVE_NEXT = frozenset("later soon eventually subsequently go".split())


def not_future_in_past(text: str, start: int, end: int) -> bool:
    """*would* as a hedge (conditional, tentative), not reported future ("said it would send")
    nor narrative future in the past ("would later become", "would go on to win")."""
    if _next_word(text, end).lower() in _NARRATIVE_NEXT:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 80):start]
    before = re.split(r"[.!?;]\s", before)[-1]
    return _REPORTED_FUTURE.search(before) is None


_AS_ADJ_AS = re.compile(r"\bas\s+(?:\w+\s+){1,3}as\s+$", re.IGNORECASE)
_ENABLE = re.compile(r"\b(?:make|makes|made|making)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def epistemic_possible(text: str, start: int, end: int) -> bool:
    """*possible* as likelihood ("a possible motive", "it is possible that"), not the idioms of
    extent or enablement: "as soon as possible", "if possible", "every possible", "made it possible"."""
    before = text[max(text.rfind("\n", 0, start) + 1, start - 40):start]
    if _AS_ADJ_AS.search(before) or _ENABLE.search(before):
        return False
    return _prev_word(text, start) not in {"if", "where", "wherever", "whenever", "all", "every", "any"}


def quantifier(text: str, start: int, end: int) -> bool:
    """A vague quantifier before a noun ("many incidents", "some analysts", "most of").

    Not before a number (*some 300* is an approximator), not the superlative
    (*the most popular*), and *certain* only attributively ("certain areas";
    predicative *certain* is a booster).
    """
    nxt = _next_word(text, end)
    if not nxt or not nxt[0].isalpha() or not text[end:end + 1].isspace():
        return False
    word, low, prev = text[start:end].lower(), nxt.lower(), _prev_word(text, start)
    if _NUMBER_NEXT.match(text, end) and low not in {"all", "every", "half"}:
        return False
    if word == "most":
        if prev in {"the", "at", "a", "one"} or low.endswith("ly"):
            return False
        return low == "of" or low.endswith("s")
    if word == "certain":
        return not predicative(text, start, end) and low not in {"about", "of", "to"}
    return low not in {"than", "more", "less", "too", "to"}


Rule = Callable[[str, int, int], bool]

#: Context rules by name: ``rule(text, start, end) -> keep``.
RULES: dict[str, Rule] = {
    "not_month": not_month,
    "before_number": before_number,
    "epistemic_appear": epistemic_appear,
    "not_think_tank": not_think_tank,
    "not_rather_than": not_rather_than,
    "modal_might": modal_might,
    "epistemic_could": epistemic_could,
    "verb_not_noun": verb_not_noun,
    "not_make_sure": not_make_sure,
    "predicative": predicative,
    "attributive": attributive,
    "quantifier": quantifier,
    "not_future_in_past": not_future_in_past,
    "epistemic_possible": epistemic_possible,
}


# --------------------------------------------------------------------------
# terms and resources
# --------------------------------------------------------------------------

_ALT = re.compile(r"^\((?P<body>[^()]+)\)(?P<opt>\?)?$")


def _word_pattern(word: str) -> str:
    wild = word.endswith("*")
    core = re.escape(word.rstrip("*")).replace("’", "'").replace("'", "['’]")
    return core + (r"[\w’'-]*" if wild else "")


def term_pattern(term: str) -> str:
    """The regular expression of a term (without word boundaries).

    Words are separated by whitespace (matching any run of spaces); ``*`` at a
    word end matches any ending; ``(a|b)`` matches either word, ``(a|b)?``
    either or none.

    Examples
    --------
    >>> import re
    >>> bool(re.fullmatch(term_pattern("(some|many)? experts suggest*"), "experts suggested"))
    True
    """
    words = term.split()
    if not words:
        raise ValueError("empty term")
    out = ""
    need_sep = False
    for w in words:
        m = _ALT.match(w)
        if m is None and ("(" in w or ")" in w or "|" in w):
            raise ValueError(f"term {term!r}: bad word {w!r}; alternatives are written "
                             "(a|b) or (a|b)? with single words inside")
        alts = [a for a in m.group("body").split("|") if a] if m else [w]

        def sep(a: str, on: bool) -> str:
            # a clitic ("it's") follows its word without a space
            return "" if not on else (r"\s*" if a[:1] in "'’" else r"\s+")

        if m and m.group("opt"):
            if need_sep:
                out += "(?:" + "|".join(sep(a, True) + _word_pattern(a) for a in alts) + ")?"
            else:
                out += "(?:(?:" + "|".join(_word_pattern(a) for a in alts) + r")\s+)?"
        else:
            out += "(?:" + "|".join(sep(a, need_sep) + _word_pattern(a) for a in alts) + ")"
            need_sep = True
    if not need_sep:
        raise ValueError(f"term {term!r} has only optional words")
    return out


_LETTERS = re.compile(r"[^\W\d_]+")


def _first_words(term: str) -> tuple[set[str], set[str]]:
    """Keys a text word must have to start ``term``: (exact words, prefixes).

    The key of a word is its leading run of letters, lower-cased ("it's" ->
    "it", "so-called" -> "so"); a word ending in ``*`` gives a prefix.
    """
    exact: set[str] = set()
    prefix: set[str] = set()
    for w in term.split():
        m = _ALT.match(w)
        alts = [a for a in m.group("body").split("|") if a] if m else [w]
        for a in alts:
            a = a.lower().replace("’", "'")
            run = _LETTERS.match(a)
            key = run.group() if run else ""
            if not key:
                raise ValueError(f"term {term!r} must start with a letter")
            (prefix if a.endswith("*") and key == a[:-1] else exact).add(key)
        if not (m and m.group("opt")):
            break
    return exact, prefix


def _norm(term: str) -> str:
    return " ".join(term.replace("’", "'").lower().split())


def _gate(exact: Mapping[str, re.Pattern[str]],
          prefix: tuple[tuple[str, re.Pattern[str]], ...]) -> re.Pattern[str]:
    """One regex that finds every word start where some term of the lexicon matches.

    A character trie of the first-word keys dispatches on the word; at the
    end of a key, a look-behind of the key's length holds a look-ahead with
    the key's own term regex, so the whole term is checked from the word
    start, in C, before Python sees the position. Words with non-ASCII
    letters always pass (``str.lower`` and ``re.IGNORECASE`` may disagree on
    them). The gate only selects positions: :meth:`Resources.finditer` then
    decides exactly as it would at every word.
    """
    def body(rx: re.Pattern[str]) -> str:
        return re.sub(r"\(\?P<t\d+>", "(?:", rx.pattern)

    tails: dict[str, str] = {}
    for k, rx in exact.items():
        tails[k] = rf"(?![^\W\d_])(?<=(?={body(rx)}).{{{len(k)}}})"
    pre = {k: rf"(?<=(?={body(rx)}).{{{len(k)}}})" for k, rx in prefix}
    alts = [trie_regex(tails)] + ([trie_regex(pre)] if pre else [])
    return re.compile(rf"(?<![\w-])(?:(?i:{'|'.join(alts)})|[a-zA-Z]*+[^\W\d_\x00-\x7f])",
                      re.DOTALL)


def _gate_lower(exact: Mapping[str, re.Pattern[str]],
                prefix: tuple[tuple[str, re.Pattern[str]], ...]
                ) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """:func:`_gate` for the lower-cased text (None if a key is not plain ASCII).

    Run on ``text.lower()`` where lower-casing changes only ASCII capitals
    (:func:`_lower_mode`), the first pattern finds exactly the word starts
    :func:`_gate` finds in ``text``: the trie of first-word keys is then
    case-sensitive (``re`` skips the branches of a case-sensitive trie by
    their first character, which it cannot do under ``IGNORECASE``), the term
    look-aheads stay case-insensitive (they see the same text up to ASCII
    case), and a word with a non-ASCII letter passes in both texts. The
    second pattern omits that last alternative, for texts without non-ASCII
    letters.
    """
    keys = list(exact) + [k for k, _ in prefix]
    if not all(k.isascii() and k.isalpha() and k.islower() for k in keys):
        return None

    def body(rx: re.Pattern[str]) -> str:
        return re.sub(r"\(\?P<t\d+>", "(?:", rx.pattern)

    tails = {k: rf"(?![^\W\d_])(?<=(?=(?i:{body(rx)})).{{{len(k)}}})" for k, rx in exact.items()}
    pre = {k: rf"(?<=(?=(?i:{body(rx)})).{{{len(k)}}})" for k, rx in prefix}
    alts = "|".join([trie_regex(tails)] + ([trie_regex(pre)] if pre else []))
    return (re.compile(rf"(?<![\w-])(?:{alts}|[a-z]*+[^\W\d_\x00-\x7f])", re.DOTALL),
            re.compile(rf"(?<![\w-])(?:{alts})", re.DOTALL))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTER = re.compile(r"[^\W\d_]")


def _lower_mode(text: str, low: str) -> int:
    """How far ``low = text.lower()`` can stand for ``text`` in the gate.

    0: lower-casing changed more than ASCII capitals (use :func:`_gate` on
    ``text``); 1: it changed only ASCII capitals; 2: moreover ``text`` holds
    no non-ASCII letter.
    """
    if len(low) != len(text):
        return 0
    if text.isascii():
        return 2
    chars = set(_NON_ASCII.findall(text))
    if any(c.lower() != c for c in chars):
        return 0
    return 1 if any(_LETTER.match(c) for c in chars) else 2


@dataclass(frozen=True)
class Term:
    """One lexicon entry: ``term`` (pattern), ``family`` (hedge/booster), ``type``, ``rule``."""

    term: str
    family: str
    type: str
    rule: str = ""


TermSpec: TypeAlias = str | Path | pd.DataFrame | Mapping[str, Any] | Iterable[str] | None


def _terms_from(spec: TermSpec, family: str) -> list[Term]:
    """Normalise a user specification of terms into :class:`Term` objects."""
    if spec is None:
        return []
    if isinstance(spec, (str, Path)) and (str(spec).endswith(".tsv") or Path(spec).is_file()):
        spec = load_table(Path(spec))
    elif isinstance(spec, str):
        spec = [spec]
    if isinstance(spec, pd.DataFrame):
        if "term" not in spec.columns:
            raise ValueError(f"{family} table needs a 'term' column; found {list(spec.columns)}")
        types = spec["type"] if "type" in spec.columns else pd.Series(USER_TYPE, index=spec.index)
        rules = spec["rule"] if "rule" in spec.columns else pd.Series("", index=spec.index)
        return [Term(str(t), family, str(ty) or USER_TYPE, str(r) if pd.notna(r) else "")
                for t, ty, r in zip(spec["term"], types, rules, strict=True)]
    if isinstance(spec, Mapping):
        out = []
        for t, v in spec.items():
            if isinstance(v, str):
                out.append(Term(str(t), family, v or USER_TYPE))
            elif isinstance(v, (tuple, list)) and 1 <= len(v) <= 2:
                out.append(Term(str(t), family, str(v[0]), str(v[1]) if len(v) > 1 else ""))
            else:
                raise TypeError(f"{family} term {t!r}: value must be a type or (type, rule), got {v!r}")
        return out
    if isinstance(spec, Path):
        raise ValueError(f"{family} lexicon file not found: {spec}")
    return [Term(str(t), family, USER_TYPE) for t in spec]


@dataclass(frozen=True)
class Resources:
    """Hedge and booster lexicons, compiled into one regular expression.

    Build with :func:`default_resources`, :meth:`from_terms` or
    :meth:`from_files`; derive variants with :meth:`with_terms` and
    :meth:`without_terms` (a Resources object never changes).

    Parameters
    ----------
    terms : tuple of Term
        The entries; a later entry for the same term replaces an earlier one.
    meta : dict
        Provenance (source, citation, licence, version) per family.
    """

    terms: tuple[Term, ...]
    meta: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    _exact: dict[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)
    _prefix: tuple[tuple[str, re.Pattern[str]], ...] = field(init=False, repr=False, compare=False)
    _by_group: tuple[tuple[Term, ...], ...] = field(init=False, repr=False, compare=False)
    _by_key: dict[str, tuple[re.Pattern[str], ...]] = field(init=False, repr=False, compare=False)
    _by_name: dict[str, tuple[Term, ...]] = field(init=False, repr=False, compare=False)
    _gate: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _gate_low: tuple[re.Pattern[str], re.Pattern[str]] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        unique: dict[tuple[str, str, str], Term] = {}
        for t in self.terms:
            if t.family not in FAMILIES:
                raise ValueError(f"term {t.term!r}: family {t.family!r} not in {FAMILIES}")
            if t.rule and t.rule not in RULES:
                raise ValueError(f"term {t.term!r}: unknown rule {t.rule!r}; choose from {sorted(RULES)}")
            if not t.term.strip():
                continue
            unique.pop((_norm(t.term), t.family, t.type), None)
            unique[(_norm(t.term), t.family, t.type)] = t
        terms = tuple(unique.values())
        object.__setattr__(self, "terms", terms)
        # one alternative per distinct term text; its candidates are tried in
        # table order, the first whose rule accepts the context wins
        groups: dict[str, list[Term]] = {}
        for t in terms:
            groups.setdefault(_norm(t.term), []).append(t)
        # longest first: more words, then longer text, so "the fact is" wins over "fact"
        order = sorted(groups.values(), key=lambda g: (-len(g[0].term.split()), -len(g[0].term)))
        # Dispatch on the first word: one small regex per possible first word,
        # tried only where a text word can start a term (one pass over words
        # instead of a 250-way alternation at every character).
        keyed: dict[str, list[int]] = {}
        prefixed: dict[str, list[int]] = {}
        for i, g in enumerate(order):
            exact, prefix = _first_words(g[0].term)
            for k in exact:
                keyed.setdefault(k, []).append(i)
            for k in prefix:
                prefixed.setdefault(k, []).append(i)

        def compile_(idx: list[int]) -> re.Pattern[str]:
            body = "|".join(f"(?P<t{i}>{term_pattern(order[i][0].term)})" for i in idx)
            return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)

        exact_rx = {k: compile_(v) for k, v in keyed.items()}
        prefix_rx = tuple((k, compile_(v)) for k, v in prefixed.items())
        object.__setattr__(self, "_exact", exact_rx)
        object.__setattr__(self, "_prefix", prefix_rx)
        object.__setattr__(self, "_by_group", tuple(tuple(g) for g in order))
        # the regexes to try at a word with an exact key: its own, then the prefixes it has
        object.__setattr__(self, "_by_key", {
            k: (rx, *(prx for p, prx in prefix_rx if k.startswith(p))) for k, rx in exact_rx.items()})
        object.__setattr__(self, "_by_name", {f"t{i}": tuple(g) for i, g in enumerate(order)})
        object.__setattr__(self, "_gate", _gate(exact_rx, prefix_rx))
        object.__setattr__(self, "_gate_low", _gate_lower(exact_rx, prefix_rx))

    # -- construction ------------------------------------------------------
    @classmethod
    def from_terms(cls, hedges: TermSpec = None, boosters: TermSpec = None) -> Resources:
        """Build resources from your own lists only.

        Parameters
        ----------
        hedges, boosters : mapping, list, DataFrame or path, optional
            ``{"term": "type"}``, ``{"term": ("type", "rule")}``, a list of
            terms (type ``"user"``), a DataFrame with columns ``term`` [,
            ``type``, ``rule``], or the path of such a TSV.

        Examples
        --------
        >>> res = Resources.from_terms(hedges={"arguably": "adverb"}, boosters=["beyond question"])
        >>> len(res)
        2
        """
        return cls(tuple(_terms_from(hedges, "hedge") + _terms_from(boosters, "booster")),
                   {"hedge": {"source": "user"}, "booster": {"source": "user"}})

    @classmethod
    def from_files(cls, hedges: str | Path | None = None, boosters: str | Path | None = None
                   ) -> Resources:
        """Build resources from TSV files (columns ``term``, ``type``, ``rule``)."""
        return cls.from_terms(hedges=hedges, boosters=boosters)

    def with_terms(self, hedges: TermSpec = None, boosters: TermSpec = None) -> Resources:
        """A copy with terms added (or re-typed, if already present).

        Examples
        --------
        >>> res = default_resources().with_terms(hedges={"arguably": "adverb"})
        >>> "arguably" in res
        True
        """
        new = _terms_from(hedges, "hedge") + _terms_from(boosters, "booster")
        replaced = {(_norm(t.term), t.family) for t in new}
        kept = tuple(t for t in self.terms if (_norm(t.term), t.family) not in replaced)
        return Resources(kept + tuple(new), self.meta)

    def without_terms(self, *terms: str) -> Resources:
        """A copy without the given terms (as written in the table, case-insensitive)."""
        drop = {_norm(t) for t in terms}
        unknown = drop - {_norm(t.term) for t in self.terms}
        if unknown:
            raise ValueError(f"terms not in the lexicon: {sorted(unknown)}")
        return Resources(tuple(t for t in self.terms if _norm(t.term) not in drop), self.meta)

    def without_types(self, *types: str, family: str = "hedge") -> Resources:
        """A copy without the terms of the given types in ``family``.

        Examples
        --------
        >>> strict = default_resources().without_types("vague_quantifier")
        >>> "vague_quantifier" in set(strict.table["type"])
        False
        """
        known = {t.type for t in self.terms if t.family == family}
        unknown = set(types) - known
        if unknown:
            raise ValueError(f"no {family} types {sorted(unknown)}; types are {sorted(known)}")
        return Resources(tuple(t for t in self.terms
                               if not (t.family == family and t.type in types)), self.meta)

    # -- inspection --------------------------------------------------------
    @property
    def table(self) -> pd.DataFrame:
        """The entries as a DataFrame (``term, family, type, rule``)."""
        return pd.DataFrame([(t.term, t.family, t.type, t.rule) for t in self.terms],
                            columns=["term", "family", "type", "rule"])

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and _norm(term) in {_norm(t.term) for t in self.terms}

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        n = {f: sum(t.family == f for t in self.terms) for f in FAMILIES}
        return f"Resources({n['hedge']} hedges, {n['booster']} boosters)"

    # -- matching ----------------------------------------------------------
    def finditer(self, text: str) -> Iterable[tuple[int, int, Term]]:
        """Yield ``(start, end, term)`` for each accepted match, left to right."""
        prefix, by_key, by_group = self._prefix, self._by_key, self._by_name
        last = 0
        # the gate finds the word starts where some term can match (a superset)
        lowered = text.lower()
        mode = _lower_mode(text, lowered) if self._gate_low is not None else 0
        if mode:
            gates = self._gate_low[mode - 1].finditer(lowered)  # type: ignore[index]
        else:
            gates = self._gate.finditer(text)
            lowered = ""
        for g in gates:
            s = g.start()
            if s < last:
                continue
            if lowered:
                low = _LETTERS.match(lowered, s).group()  # type: ignore[union-attr]
            else:
                low = _LETTERS.match(text, s).group().lower()  # type: ignore[union-attr]
            cands = by_key.get(low)
            if cands is None:  # a word that only a prefix (or no key) can start
                cands = tuple(rx for k, rx in prefix if low.startswith(k))
            best: re.Match[str] | None = None
            for rx in cands:
                m = rx.match(text, s)
                if m is not None and (best is None or m.end() > best.end()):
                    best = m
            if best is None:
                continue
            e = best.end()
            for term in by_group[best.lastgroup]:  # type: ignore[index]
                if not term.rule or RULES[term.rule](text, s, e):
                    yield s, e, term
                    last = e
                    break


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The bundled lists (``lexicons/hedges.tsv``, ``lexicons/boosters.tsv``), loaded once."""
    h, b = load_table("hedges"), load_table("boosters")
    terms = _terms_from(h, "hedge") + _terms_from(b, "booster")
    return Resources(tuple(terms), {"hedge": h.attrs["meta"], "booster": b.attrs["meta"]})


def extract(doc: Doc, resources: Resources | None = None) -> list[dict[str, Any]]:
    """Hedge and booster evidence rows for one segmented article.

    Parameters
    ----------
    doc : Doc
        From :func:`contrast.text.segment`.
    resources : Resources, optional
        Lexicons (default: :func:`default_resources`).

    Returns
    -------
    list of dict
        One row per match: ``family`` (``hedge``/``booster``), ``label`` (the
        type), ``start``, ``end``, ``span``, ``sent_id``.

    Notes
    -----
    The inventory follows Hyland (2005), *Metadiscourse: Exploring
    Interaction in Writing*, Appendix (hedges and boosters), and the
    epistemic categories of Islam et al. (2020); see the lexicon headers.
    """
    res = default_resources() if resources is None else resources
    text = doc.text
    return [
        {"family": t.family, "label": t.type, "start": s, "end": e, "span": text[s:e],
         "sent_id": doc.sent_id(s)}
        for s, e, t in res.finditer(text)
    ]
