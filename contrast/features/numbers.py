"""Numbers cited: every quantity a text states, with its category and counted thing.

One ``number`` evidence row per number expression. ``span`` is the
expression as written, approximator and unit included ("up to 80%",
"5 billion rubles", "four to seven"); the other columns are

- ``value``: the number (a float; 80 for "80%", 5e9 for "5 billion rubles",
  0.333... for "a third", 2022 for "February 2022");
- ``value_high``: the upper bound of a range ("four to seven" -> 4, 7;
  "10-15"; "between 10 and 15"); a vague plural ("hundreds of") is the range
  [unit, 10 x unit] after the NewsQuant convention (Almasian et al. 2023);
- ``approx``: the approximator as written ("up to", "about", "more than",
  "nearly", "or so"; a vague plural is its own approximator: "dozens");
- ``counted``: the thing counted, the noun phrase after the number
  ("civilians", "infantrymen per kilometer"; after *of*: "80% of civilian
  casualties" -> "civilian casualties") or, when nothing follows, before it
  ("the death toll rose to 300" -> "death toll"); for money the currency,
  for measures the unit;
- ``label``: the category: ``casualties`` (the counted phrase is a casualty
  word, or people counted next to a casualty verb: "killed 392 people"),
  ``percent`` (percentages and fractions; ``value`` keeps the number as
  written, 80 for 80%, 0.5 for half), ``money``, ``date`` (dates and years,
  kept apart from counts: "2022" in "since 2022" is a date), ``time`` (clock
  times), ``ordinal`` ("first", "3rd"), ``count`` (anything else with a
  counted noun) and ``other`` (measures such as "30 miles" or "15 years",
  and bare numbers).

``speaker`` is left empty: :func:`contrast.extract.link_number_speakers`
fills it from attribution rows.

Detection is one compiled regular expression over the whole text (dates,
clock times, ordinals, fractions, vague plurals, and digits or number words
with an optional approximator, currency, scale, range and percent sign);
each match is then classified from a few words around it. Numbers inside
words or identifiers are not numbers ("COVID-19", "Su-25", "MH17", "4G");
nor is a small integer right after a capitalised word with nothing counted
after it ("Game 6", "S&P 500", "iPhone 11").

The word lists are data in ``contrast/lexicons``: ``numbers_words.tsv``
(number words), ``numbers_approximators.tsv``, ``numbers_units.tsv``
(currencies, units, scale abbreviations) and ``numbers_counted.tsv``
(casualty words, person nouns, casualty verbs, nouns a year modifies, and
the words that end a counted noun phrase). Pass edited tables through
:meth:`Resources.from_tables`.

Examples
--------
>>> from contrast.text import segment
>>> doc = segment("Strikes have killed up to 392 people since February 2022.", headline=False)
>>> [(r["span"], r["label"], r["value"], r["approx"], r["counted"])
...  for r in extract(doc, default_resources())]
[('up to 392', 'casualties', 392.0, 'up to', 'people'), ('February 2022', 'date', 2022.0, None, None)]

Notes
-----
The categories follow the issue's scheme; the value conventions (ranges as
low/high, vague plurals as [unit, 10 x unit], fractions as decimals) follow
NewsQuant: Almasian, S., Bruseva, M. & Gertz, M. (2023), "CQE: A
Comprehensive Quantity Extractor", EMNLP 2023. Approximators follow
Channell (1994), *Vague Language*.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd

from contrast.lexicon import load_table, trie_regex
from contrast.text import Doc

__all__ = ["FAMILIES", "LABELS", "Resources", "default_resources", "extract", "find_numbers"]

FAMILIES = ("number",)

#: The number categories (``label``).
LABELS = ("casualties", "percent", "money", "date", "time", "count", "ordinal", "other")

TableLike: TypeAlias = "pd.DataFrame | str | Path | None"

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_ZONE = r"(?:\s+(?:GMT|UTC|EDT|EST|CET|CEST|EET|EEST|MSK|BST|PT|PST|PDT|ET|CT|local\s+time|Kyiv\s+time|Moscow\s+time))?"
_DIG = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_TITLE_RATIO = 0.6


def _alt(items: list[str]) -> str:
    """Regex matching any of the literal phrases, as a character trie (fast to scan).

    Longer phrases win over their prefixes ("fourteen" over "four"); a space
    matches any run of whitespace.
    """
    trie: dict[str, Any] = {}
    for it in set(items):
        if not it:
            continue
        node = trie
        for ch in it:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        subs = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                for ch, child in sorted(node.items()) if ch]
        if not subs:
            return ""
        body = subs[0] if len(subs) == 1 else "(?:" + "|".join(subs) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(trie) if trie else r"(?!x)x"


#: A backslash class escape (``\s``, ``\d``, ``\w``, ``\b`` and their negations) in a regex.
_CLASS_ESCAPE = re.compile(r"\\(?:[sSdDwWbB]|.)|\[(?:\\.|[^\]])*\]", re.DOTALL)


def _ai(pattern: str) -> str:
    r"""``pattern`` with its letters matched case-insensitively, ASCII case variants only.

    Python's ``(?i)`` also matches "ı" and "İ" to "i", "ſ" to "s" and the
    Kelvin sign to "k", which the word lists (ASCII) cannot look up: "mıllion"
    would match as "million" and then be a KeyError. ``(?a)`` limits ignoring
    case to ASCII; it would limit ``\s``, ``\d``, ``\w`` and ``\b`` to ASCII
    too, so each of them, and each character class holding one, stays Unicode
    (``(?u:...)``): "one\N{NO-BREAK SPACE}hundred" is still a number. A class with both a
    class escape and a letter is refused (ValueError).
    """
    def unicode_class(m: re.Match[str]) -> str:
        tok = m.group()
        if tok.startswith("["):
            if not re.search(r"\\[sSdDwW]", tok):
                return tok
            if re.search(r"[A-Za-z]", re.sub(r"\\.", "", tok)):
                raise ValueError(f"a class with both letters and a class escape: {tok}")
            return f"(?u:{tok})"
        return f"(?u:{tok})" if tok[1] in "sSdDwWbB" else tok

    return f"(?ai:{_CLASS_ESCAPE.sub(unicode_class, pattern)})"


def _table(given: TableLike, name: str) -> pd.DataFrame:
    if given is None:
        return load_table(name)
    if isinstance(given, pd.DataFrame):
        return given
    return load_table(given)


def _need(df: pd.DataFrame, cols: tuple[str, ...], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{what} table lacks columns {missing}; expected {list(cols)}, got {list(df.columns)}")


@dataclass(frozen=True)
class Resources:
    """Word lists and compiled patterns for :func:`extract`.

    Build it with :func:`default_resources` (the bundled lists) or
    :meth:`from_tables` (your own lists).
    """

    words: Mapping[str, Mapping[str, float]]
    approximators: Mapping[str, tuple[str, str]]
    units: Mapping[str, tuple[str, str, str, bool]]
    counted: Mapping[str, frozenset[str]]
    pattern: re.Pattern[str] = field(repr=False)
    starts: re.Pattern[str] = field(repr=False)
    unit_after: re.Pattern[str] = field(repr=False)
    casualty_before: re.Pattern[str] = field(repr=False)
    casualty_after: re.Pattern[str] = field(repr=False)

    @classmethod
    def from_tables(
        cls,
        *,
        words: TableLike = None,
        approximators: TableLike = None,
        units: TableLike = None,
        counted: TableLike = None,
    ) -> Resources:
        """Build resources from tables (DataFrames or TSV paths); omitted ones are the bundled lists.

        Parameters
        ----------
        words : table with columns ``word, value, kind``
            ``kind`` is ``cardinal``, ``scale``, ``ordinal``, ``fraction``,
            ``vague`` or ``quantifier`` (see ``numbers_words.tsv``).
        approximators : table with columns ``phrase, direction, position``
            ``position`` is ``before`` or ``after`` the number.
        units : table with columns ``unit, name, kind, position, attach``
            ``kind`` is ``currency``, ``percent``, ``duration``, ``measure``
            or ``scale`` (``name`` is then the multiplier).
        counted : table with columns ``term, kind``
            ``kind`` is ``casualty``, ``person``, ``casualty_verb``,
            ``year_noun`` or ``stop``.

        Examples
        --------
        >>> import pandas as pd
        >>> from contrast.lexicon import load_table, trie_regex
        >>> c = load_table("numbers_counted")
        >>> c = pd.concat([c, pd.DataFrame({"term": ["POWs"], "kind": ["casualty"]})])
        >>> res = Resources.from_tables(counted=c)
        >>> [r["label"] for r in find_numbers("They freed 95 POWs.", res)]
        ['casualties']
        """
        w = _table(words, "numbers_words")
        a = _table(approximators, "numbers_approximators")
        u = _table(units, "numbers_units")
        c = _table(counted, "numbers_counted")
        _need(w, ("word", "value", "kind"), "words")
        _need(a, ("phrase", "direction", "position"), "approximators")
        _need(u, ("unit", "name", "kind", "position", "attach"), "units")
        _need(c, ("term", "kind"), "counted")
        wmap: dict[str, dict[str, float]] = {}
        for word, value, kind in zip(w["word"], w["value"], w["kind"], strict=True):
            wmap.setdefault(str(word).lower(), {})[str(kind)] = float(value)
        amap = {str(p).lower(): (str(d), str(pos)) for p, d, pos in
                zip(a["phrase"], a["direction"], a["position"], strict=True)}
        umap: dict[str, tuple[str, str, str, bool]] = {}
        for unit, name, kind, pos, att in zip(u["unit"], u["name"], u["kind"], u["position"],
                                              u["attach"], strict=True):
            key = _unit_key(str(unit))
            where = "scale" if kind == "scale" else pos
            umap.setdefault(f"{where}:{key}", (str(name), str(kind), str(pos), str(att) == "yes"))
        cmap: dict[str, set[str]] = {}
        for term, kind in zip(c["term"], c["kind"], strict=True):
            cmap.setdefault(str(term).lower(), set()).add(str(kind))
        counted_map = {k: frozenset(v) for k, v in cmap.items()}
        pattern, unit_after, starts = _compile(wmap, amap, u)
        verbs = [t for t, k in counted_map.items() if "casualty_verb" in k]
        vb = _alt(verbs)
        casualty_before = re.compile(rf"\b{_ai(vb)}\s+$")
        casualty_after = re.compile(r"\s*" + _ai(
            r"(?:(?:who|that)\s+)?(?:(?:have|has|had|were|was|are|is|be|got|been|being|reportedly|also|later|may|might|could|would|will|must|should|feared|believed|thought|said|reported|estimated|to|allegedly|probably|likely|already|all)\s+){0,5}"
            rf"(?:{vb})") + r"\b")
        return cls(wmap, amap, umap, counted_map, pattern, starts, unit_after, casualty_before,
                   casualty_after)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Matches of :attr:`pattern` in ``text``, exactly as ``pattern.finditer`` gives them.

        A number expression can only begin where :attr:`starts` matches (a
        digit, a symbol, or a number word, month, approximator or currency
        code at the start of a word), so the full pattern is tried only
        there rather than at every character; this is several times faster.
        """
        pos = 0
        match = self.pattern.match
        for c in self.starts.finditer(" " + text):
            p = c.start()  # the start in text: the padded text has one more character before it
            if p < pos:
                continue
            m = match(text, p)
            if m is not None:
                yield m
                pos = m.end()

    def _finditer_reference(self, text: str) -> Iterator[re.Match[str]]:
        """The slow reference for :meth:`finditer` (the full pattern at every position); for tests."""
        return self.pattern.finditer(text)

    def kinds(self, term: str) -> frozenset[str]:
        """Kinds of a term in the counted-noun lexicon (empty if unknown)."""
        return self.counted.get(term.lower(), frozenset())

    def unit(self, text: str, position: str = "after") -> tuple[str, str, str, bool] | None:
        """``(name, kind, position, attach)`` of a unit as written, or None."""
        return self.units.get(f"{position}:{_unit_key(text)}")


def _unit_key(unit: str) -> str:
    u = re.sub(r"\s+", " ", unit.strip())
    # short abbreviations are case-sensitive (m vs M, mW vs MW); words are not
    return u if len(u) <= 3 else u.lower()


def _compile(words: Mapping[str, Mapping[str, float]], approx: Mapping[str, tuple[str, str]],
             units: pd.DataFrame) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    card = [w for w, k in words.items() if "cardinal" in k]
    tens = [w for w in card if words[w]["cardinal"] >= 20 and words[w]["cardinal"] % 10 == 0]
    small = [w for w in card if 0 < words[w]["cardinal"] < 10]
    scale = [w for w, k in words.items() if "scale" in k]
    ordw = [w for w, k in words.items() if "ordinal" in k]
    frac = [w for w, k in words.items() if "fraction" in k]
    vague = [w for w, k in words.items() if "vague" in k]
    quant = [w for w, k in words.items() if "quantifier" in k]
    big_vague = [w for w in vague if words[w]["vague"] >= 1000]
    atom = rf"(?:(?:{_alt(tens)})-(?:{_alt(small)})|{_alt(card)}|{_alt(scale)})"
    # a chain of number words: "twenty-five", "one hundred and twenty", "a dozen"
    first = rf"(?:(?:{_alt(tens)})-(?:{_alt(small)})|{_alt(card)}|an?\s+(?:{_alt(scale)}))"
    wordnum = (rf"(?:{first}"
               rf"(?:(?:\s+|-|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+){atom})*)")
    ordinal = (rf"(?:(?:{_alt(tens)})-(?:{_alt([w for w in ordw if words[w]['ordinal'] < 10])})"
               rf"|{_alt(ordw)})")
    before = [p for p, (_, pos) in approx.items() if pos == "before"]
    after = [p for p, (_, pos) in approx.items() if pos == "after"]
    sym_before = [p for p in before if not p[0].isalpha()]
    word_before = [p for p in before if p[0].isalpha()]
    u = units
    cur_pre = [x for x, k, p in zip(u["unit"], u["kind"], u["position"], strict=True)
               if k == "currency" and p == "before"]
    cur_sym = [x for x in cur_pre if not x[-1].isalpha()]
    cur_code = [x for x in cur_pre if x[-1].isalpha()]
    attached = [x for x, a in zip(u["unit"], u["attach"], strict=True) if a == "yes"]
    pct_words = [x for x, k in zip(u["unit"], u["kind"], strict=True) if k == "percent" and x != "%"]
    sc_spaced = [w for w in scale if w != "dozen"] + [
        x for x, k in zip(u["unit"], u["kind"], strict=True) if k == "scale" and len(x) >= 2]
    cur = rf"(?:(?:{_alt(cur_sym)})\s?|(?<![A-Za-z])(?:{_alt(cur_code)})(?:\s|(?=\d)))"
    value = (rf"(?:(?<![\w.,/-])(?:(?:-|−|minus[\s-])(?=\d))?{_DIG}"
             rf"|(?<![\w-]){_ai(wordnum)}(?![\w]))")
    value2 = rf"(?:{_DIG}|{_ai(wordnum)}(?![\w]))"
    scale_sfx = rf"(?:(?:{_alt(attached)})(?![\w])|\s+(?:{_ai(_alt(sc_spaced))})(?![\w]))"
    pct = rf"(?:\s?%|\s*-?{_ai(_alt(pct_words))}(?![\w]))"
    post = rf"(?:\s+{_ai(_alt([a for a in after if a[0].isalpha()]))}(?![\w])|{_alt([a for a in after if not a[0].isalpha()])}|-(?ai:plus|odd)\b)"
    sep = r"(?(between)\s+(?:and|to)\s+|(?:\s?[-–—]\s?|\s+to\s+|-to-))"

    def part(n: int) -> str:
        return (rf"(?P<cur{n}>{cur})?(?P<v{n}>{value2 if n == 2 else f'(?(cur{n}){value2}|{value})'})(?P<sc{n}>{scale_sfx})?"
                rf"(?P<half{n}>\s+and\s+a\s+half)?(?P<pct{n}>{pct})?")

    approx_re = (rf"(?P<approx>(?<![\w]){_ai(_alt(word_before))}\s+|(?:{_alt(sym_before)})\s?)?")
    date = (
        rf"(?P<date>(?P<d_md>{_MONTH}\s+(?P<d_md_day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]\d)(?:,?\s+(?P<d_md_year>\d{{4}}))?)(?![\w])"
        rf"|(?P<d_dm>(?<![\w.,])(?P<d_dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<d_dm_year>\d{{4}}))?)(?![\w])"
        rf"|(?P<d_my>{_MONTH},?\s+(?P<d_my_year>\d{{4}}))(?![\w])"
        r"|(?P<d_num>(?<![\w.,/-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4}))(?![\w/.]\d|\w)"
        r"|(?P<d_dec>(?<![\w.,-])(?:1\d|20)\d0s|['’]\d0s)(?![\w])"
        r"|(?P<d_mid>(?ai:mid|early|late)-(?P<d_mid_year>\d{4}))(?![\w])"
        r")"
    )
    time = (
        r"(?P<time>(?<![\w.,:])(?P<t_h>\d{1,2})(?:[:.](?P<t_m>[0-5]\d))?\s?(?P<t_ap>[aApP]\.?[mM]\b\.?)" + _ZONE
        + r"|(?<![\w.,:])(?P<t_h2>[01]?\d|2[0-3]):(?P<t_m2>[0-5]\d)(?![\d:])" + _ZONE
        + r"|(?<![\w.,:])(?P<t_h3>[01]\d|2[0-3])(?P<t_m3>[0-5]\d)\s+(?:GMT|UTC|EDT|EST|CET|MSK|BST)\b)"
    )
    ordn = rf"(?P<ord>(?<![\w.,-])\d+(?:st|nd|rd|th)(?![A-Za-z])|(?<![\w-]){_ai(ordinal)}(?![\w]))"
    fnum = rf"(?:an?|{_alt(card)}|\d+)"
    fraction = (
        rf"(?P<frac>(?<![\w-])(?P<f_num>{_ai(fnum)})[\s-]+(?P<f_den>{_ai(_alt(frac))})(?![\w-])"
        rf"|(?<![\w-])(?P<f_half>(?ai:half))(?![\w-])(?:\s+an?\s+(?P<f_half_sc>{_ai(_alt(scale))})\b)?)"
    )
    plural_vague = r"tens(?=\s+of\b)|" + _alt([v for v in vague if v != "tens"])
    vague_re = (
        rf"(?P<vague>(?<![\w-])(?:(?P<v_q>{_ai(_alt(quant))})\s+(?P<v_sc>{_ai(_alt(scale))}))(?![\w-])"
        rf"|(?<![\w-])(?P<v_pl>{_ai(plural_vague)})"
        rf"(?:\s+of\s+(?P<v_pl2>{_ai(_alt(big_vague))}))?(?![\w-]))"
    )
    num = (rf"(?P<num>(?P<between>(?ai:between)\s+)?{part(1)}"
           rf"(?:(?P<sep>{sep}){part(2)})?(?P<post>{post})?(?![\w]|[.,]\d))")
    full = rf"(?<![\w])(?:{date}|{time}|{ordn}|{approx_re}(?:{fraction}|{vague_re}|{num}))"
    spaced = [x for x, k in zip(u["unit"], u["kind"], strict=True)
              if k in ("currency", "measure", "duration") and len(x) >= 2 and x.lower() not in ("in", "at", "am", "pm", "t", "per")]
    unit_after = re.compile(rf"\s?-?(?P<unit>{_alt(spaced)})(?![\w])")
    # Where a match of ``full`` can begin: the first word(s) of each of its
    # alternatives, with what must follow them (see :func:`_starts`).
    months = {w.lower() for w in re.findall(r"[A-Z][a-z]+", _MONTH)}
    nw, sp = r"(?![\w])", r"\s"
    leads: dict[str, list[str]] = {
        nw: [*card, *scale, *ordw, *frac, *vague, *months],
        sp: [*word_before, *quant, "between"],
        "-": ["mid", "early", "late"],
        r"(?:\s|-)": ["minus"],
        r"(?:\s|\d)": list(cur_code),
        "": [*cur_sym, *sym_before],
        rf"(?:\s|-)+(?:{_alt(scale)}|{_alt(frac)})": ["a", "an"],
    }
    starts = _starts(leads)
    return re.compile(full), unit_after, re.compile(starts)


def _starts(leads: Mapping[str, list[str]]) -> str:
    """A regex that finds, in ``" " + text``, the character before each place a number can begin.

    ``leads`` maps a regex that must follow to the phrases (matched ignoring
    ASCII case, as in the pattern) that can begin an expression; digits, and ``- − . ' ’``
    before a digit, begin one too. The regex consumes the non-word character
    before a start only, so no start is skipped; ``re`` skips word characters
    without entering the pattern, and tries the alternatives only where their
    first character matches, so this is several times faster than trying the
    full pattern at every position. It must find a superset of the starts of
    ``pattern`` (tested).
    """
    by_first: dict[str, dict[str, set[str]]] = {}  # first character -> rest of phrase -> tails
    for tail, phrases in leads.items():
        for ph in phrases:
            ph = " ".join(str(ph).lower().split())
            if ph:
                by_first.setdefault(ph[0], {}).setdefault(ph[1:], set()).add(tail)
    alts = [r"\d", r"[\-−.'’]\d"]
    for first, rests in sorted(by_first.items()):
        items = {r: "(?:" + "|".join(sorted(t)) + ")" if len(t) > 1 else next(iter(t))
                 for r, t in rests.items()}
        parts = [trie_regex(items).replace(re.escape(" "), r"\s+")]
        rest = _ai("|".join(parts))  # as the pattern: ASCII case variants only (see _ai)
        # one alternative per case of the first character: re tests a literal first character fastest
        cases = dict.fromkeys([first, first.upper()] if len(first.upper()) == 1 else [first])
        alts += [re.escape(ch) + rest for ch in cases]
    return rf"\W(?=(?:{'|'.join(alts)}))"


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The bundled number word lists, loaded once."""
    return Resources.from_tables()


# --------------------------------------------------------------------------
# classification helpers
# --------------------------------------------------------------------------

_TOK = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d[\d,.]*|\S")
_PREV_WORD = re.compile(r"([\w&'’.]+)\W*$")
_PREV_TOKEN = re.compile(r"(\S+)\s+$")
_BACK_VERBS = (
    "rose|risen|rises|rising|increased|increases|increasing|grew|grown|growing|jumped|climbed|"
    "fell|fallen|falls|falling|dropped|drops|declined|decreased|stood|stands|reached|reaches|"
    "totaled|totalled|totals|numbered|hit|hits|is|was|were|are|of|at|surpassed|exceeded|doubled"
)
_BACK = re.compile(
    r"((?:[A-Za-z][\w'’-]*\s+){1,4}?)(?:(?:has|have|had)\s+)?(?:been\s+)?"
    rf"(?:{_BACK_VERBS})"
    r"(?:\s+(?:by|to|at|from))?\s+$",
    re.IGNORECASE,
)
# a match of _BACK ends with one of these words and spans at most 8 whitespace-separated tokens
_BACK_LAST = frozenset([*_BACK_VERBS.split("|"), "by", "to", "at", "from"])
_BACK_TOKENS = 8
_WORD_CHAR = re.compile(r"\w")
_DETS = frozenset(("the", "its", "their", "his", "her", "those", "these", "all", "our", "your", "my",
                   "this", "that"))
_TITLE_WORD = re.compile(r"(?:([A-Z])|[a-z])[\w'’]*")  # words of _titlecase; group: a capital
_YEAR = r"1[5-9]\d\d|2[01]\d\d"
_DATE_PREP = frozenset(
    "in since by until till from of before after during early late mid through throughout "
    "between spring summer autumn fall winter end start beginning year and to or "
    "the a its their his her our".split()
)
_OF_YEAR = frozenset(
    "summer spring autumn fall winter end start beginning middle half quarter class months month "
    "election elections events war invasion crisis revolution year".split()
)
_CHANGE_BEFORE_TO = frozenset(
    "by up down rose fell gained lost added increased decreased jumped climbed dropped plunged "
    "slid surged soared tumbled grew shrank declined edged eased".split()
)
_ONE_BAD_PREV = frozenset("on for at into onto upon".split())
_PRONOUN_ONE_BEFORE = frozenset(
    "the this that each any no every which another a an same last next right wrong new old big "
    "little such someone anyone everyone".split()
)
_PRONOUN_ONE_AFTER = frozenset("another who whose else 's ’s".split())
_HALF_NEXT = frozenset("of the a an their its his her our all them those these that this".split())
_HALF_BAD_PREV = frozenset("first second a the and latter other back last".split())


def _num_value(s: str, words: Mapping[str, Mapping[str, float]]) -> float | None:
    """Value of digits ("7,175", "-5", "minus 3") or of a chain of number words."""
    t = s.strip()
    if t[:1].isdigit() or t[:1] in "-−." or t.lower().startswith("minus"):
        neg = t[:1] in "-−" or t.lower().startswith("minus")
        digits = re.sub(r"^(?:-|−|minus[\s-])", "", t, flags=re.IGNORECASE).replace(",", "")
        try:
            v = float(digits)
        except ValueError:
            return None
        return -v if neg else v
    total, cur, last = 0.0, 0.0, ""
    for tok in re.split(r"[\s-]+", t.lower()):
        if tok == "and":
            continue
        if tok in ("a", "an"):
            cur = cur or 1.0
            last = "a"
            continue
        k = words.get(tok, {})
        if "cardinal" in k:
            v = k["cardinal"]
            if last == "card" and not (cur % 100 >= 20 and cur % 10 == 0 and v < 10):
                return None
            cur += v
            last = "card"
        elif "scale" in k:
            sc = k["scale"]
            if sc < 1000:
                cur = (cur or 1.0) * sc
            else:
                total += (cur or 1.0) * sc
                cur = 0.0
            last = "scale"
        else:
            return None
    return total + cur


def _scale_value(sfx: str | None, res: Resources, *, money: bool, after: str) -> float:
    if not sfx:
        return 1.0
    s = sfx.strip()
    k = res.words.get(s.lower(), {})
    if "scale" in k:
        return k["scale"]
    u = res.unit(s, "scale")
    if u is not None:
        if s == "m" and not money and re.match(r"\s*(?:long|high|tall|wide|deep|away|above|below|from|sprint|race|dash|hurdles|freestyle|in\b)", after):
            return 0.0  # metres, not million: signal "unit"
        return float(u[0])
    return 0.0  # an attached measure unit (5km)


def _titlecase(s: str) -> bool:
    """Whether most words of ``s`` (at least 5 words starting ``[A-Za-z]``) are capitalised."""
    caps = _TITLE_WORD.findall(s)  # one item per word: its capital initial, or ""
    if len(caps) < 5:
        return False
    return (len(caps) - caps.count("")) / len(caps) >= _TITLE_RATIO


def _counted_after(text: str, pos: int, end: int, res: Resources, title: bool,
                   *, allow_of: bool = True, skip_det: bool = False) -> tuple[str, int, int] | None:
    """The noun phrase after a number: ``(phrase, start, end)`` or None."""
    toks: list[tuple[str, int, int]] = []  # tokenised lazily: usually only the first few are read
    scan = _TOK.finditer(text, pos, min(end, pos + 90))

    def tok(k: int) -> tuple[str, int, int] | None:
        while len(toks) <= k:
            t = next(scan, None)
            if t is None:
                return None
            toks.append((t.group(), t.start(), t.end()))
        return toks[k]

    first = tok(0)
    i = 0
    if (allow_of and first is not None and first[0].lower() == "of") or skip_det:
        i += 1 if not skip_det or (first is not None and first[0].lower() == "of") else 0
        while (t := tok(i)) is not None and t[0].lower() in _DETS:
            i += 1
    picked: list[tuple[str, int, int]] = []
    while (cur := tok(i)) is not None and len(picked) < 4:
        w, s, e = cur
        low = w.lower()
        if not w[0].isalpha():
            break
        if low == "per" and picked and (nxt := tok(i + 1)) is not None and nxt[0][0].isalpha():
            picked.extend([cur, nxt])
            break
        if "stop" in res.kinds(low):
            break
        if low.endswith("ly") and len(low) > 4 and low not in ("family", "ally", "supply", "italy"):
            break
        picked.append(cur)
        i += 1
    # trim: trailing capitalised words (names), -ed/-ing verbs that are not casualty words
    while picked:
        w = picked[-1][0]
        low = w.lower()
        if w[0].isupper() and not title and not re.fullmatch(r"[A-Z]{2,}s", w) \
                and not (res.kinds(low) & {"person", "casualty"}):
            picked.pop()
            continue
        if (low.endswith("ed") or low.endswith("ing")) and not (res.kinds(low) & {"casualty", "person"}) \
                and len(picked) > 1:
            picked.pop()
            continue
        break
    if picked and (picked[0][0].lower().endswith("ed") or picked[0][0].lower().endswith("ing")) \
            and len(picked) == 1 and not (res.kinds(picked[0][0]) & {"casualty", "person"}):
        picked = []
    if not picked:
        return None
    return text[picked[0][1]:picked[-1][2]], picked[0][1], picked[-1][2]


def _back_match(text: str, lo: int, start: int) -> re.Match[str] | None:
    """``_BACK.search(text, lo, start)``, with cheap exact shortcuts.

    A match needs whitespace before ``start`` after one of ``_BACK_LAST``,
    and begins within the last ``_BACK_TOKENS`` whitespace-separated tokens.
    """
    chunk = text[lo:start]
    stripped = chunk.rstrip()
    if not stripped or len(stripped) == len(chunk):
        return None
    toks = stripped.rsplit(None, _BACK_TOKENS)
    if toks[-1].isascii() and toks[-1].lower() not in _BACK_LAST:
        return None
    if len(toks) > _BACK_TOKENS:
        lo += len(stripped) - len(stripped[len(toks[0]):].lstrip())
    return _BACK.search(text, lo, start)


def _counted_before(text: str, start: int, sent_start: int, res: Resources) -> str | None:
    """The noun phrase a number is predicated of: "the death toll rose to 300" -> "death toll"."""
    m = _back_match(text, max(sent_start, start - 90), start)
    if m is None:
        return None
    words = m.group(1).split()
    out: list[str] = []
    for w in reversed(words):
        low = w.lower()
        if low == "and" and out:
            out.append(w)
            continue
        if "stop" in res.kinds(low) or not w[0].isalpha() or (w[0].isupper()):
            break
        out.append(w)
    while out and out[-1].lower() == "and":
        out.pop()
    return " ".join(reversed(out)) or None


def _prev_word(text: str, start: int, sent_start: int) -> str:
    """The last word before ``start`` (``_PREV_WORD`` in the 40 characters before it)."""
    lo = max(sent_start, start - 40)
    # a match begins in the last whitespace-separated token holding a word
    # character, so if one of the last two does, search only those (exact, faster)
    chunk = text[lo:start]
    toks = chunk.rsplit(None, 2)
    if len(toks) == 3:
        tail = chunk[len(toks[0]):].lstrip()
        if _WORD_CHAR.search(tail):
            lo += len(chunk) - len(tail)
    m = _PREV_WORD.search(text, lo, start)
    return m.group(1) if m else ""


def _prev_token(text: str, start: int, sent_start: int) -> str:
    """``_PREV_TOKEN``'s group in the 40 characters before ``start``: the last token if whitespace follows it."""
    chunk = text[max(sent_start, start - 40):start]
    stripped = chunk.rstrip()
    if not stripped or len(stripped) == len(chunk):
        return ""
    return stripped.rsplit(None, 1)[-1]


def _next_word(text: str, end: int, sent_end: int) -> str:
    m = _TOK.match(text, end + len(text[end:sent_end]) - len(text[end:sent_end].lstrip()), sent_end)
    return m.group() if m else ""


@dataclass
class _Sent:
    start: int
    end: int
    title: bool


def _row(start: int, end: int, text: str, label: str, value: float | None,
         value_high: float | None = None, approx: str | None = None,
         counted: str | None = None) -> dict[str, Any]:
    return {
        "family": "number",
        "label": label,
        "start": start,
        "end": end,
        "span": text[start:end],
        "value": value,
        "value_high": value_high,
        "approx": approx,
        "counted": counted,
    }


# --------------------------------------------------------------------------
# extraction
# --------------------------------------------------------------------------


def _date_row(m: re.Match[str], text: str) -> dict[str, Any]:
    g = m.groupdict()
    year = g["d_md_year"] or g["d_dm_year"] or g["d_my_year"] or g["d_mid_year"]
    day = g["d_md_day"] or g["d_dm_day"]
    if year:
        value: float | None = float(year)
    elif day:
        value = float(day)
    elif g["d_num"]:
        y = re.findall(r"\d{4}", g["d_num"])
        value = float(y[0]) if y else None
    elif g["d_dec"]:
        d = re.sub(r"\D", "", g["d_dec"])
        value = float(d) if len(d) == 4 else None
    else:
        value = None
    return _row(m.start("date"), m.end("date"), text, "date", value)


def _time_row(m: re.Match[str], text: str) -> dict[str, Any]:
    g = m.groupdict()
    h = float(g["t_h"] or g["t_h2"] or g["t_h3"])
    mi = float(g["t_m"] or g["t_m2"] or g["t_m3"] or 0)
    if g["t_ap"] and g["t_ap"][0] in "pP" and h < 12:
        h += 12
    if g["t_ap"] and g["t_ap"][0] in "aA" and h == 12:
        h = 0
    return _row(m.start("time"), m.end("time"), text, "time", h + mi / 60)


def _ordinal_row(m: re.Match[str], text: str, res: Resources, sent: _Sent) -> dict[str, Any] | None:
    s = m.group("ord")
    low = s.lower()
    if low[0].isdigit():
        value = float(re.match(r"\d+", low).group())  # type: ignore[union-attr]
    else:
        parts = low.split("-")
        value = sum(res.words.get(p, {}).get("ordinal", res.words.get(p, {}).get("cardinal", 0.0))
                    for p in parts)
        if low == "second":
            # "4.3 second" is a unit, handled with its number
            prev = _prev_word(text, m.start("ord"), sent.start)
            if prev[:1].isdigit() or "cardinal" in res.words.get(prev.lower(), {}):
                return None
    return _row(m.start("ord"), m.end("ord"), text, "ordinal", value)


def extract(doc: Doc, resources: Resources | None = None) -> list[dict[str, Any]]:
    """Number evidence rows for one segmented article.

    Parameters
    ----------
    doc : Doc
        From :func:`contrast.text.segment`.
    resources : Resources, optional
        Word lists; :func:`default_resources` by default.

    Returns
    -------
    list of dict
        One row per number expression (keys ``family, label, start, end,
        span, sent_id, value, value_high, approx, counted``).
    """
    res = resources if resources is not None else default_resources()
    text = doc.text
    rows: list[dict[str, Any]] = []
    sents: dict[int, _Sent] = {}
    skip_until = -1
    for m in res.finditer(text):
        sid = doc.sent_id(m.start())
        if sid < len(doc.sentences):
            ss, se = doc.sentences[sid]
        else:
            ss, se = 0, len(text)
        if sid not in sents:
            sents[sid] = _Sent(ss, se, _titlecase(text[ss:se]))
        sent = sents[sid]
        new = _classify(m, text, res, sent)
        for r in new:
            if r["start"] < skip_until and r["label"] == "ordinal":
                continue
            r["sent_id"] = sid
            rows.append(r)
            skip_until = max(skip_until, r.pop("_counted_end", -1))
    for r in rows:
        r.pop("_counted_end", None)
    return rows


def find_numbers(text: str, resources: Resources | None = None) -> list[dict[str, Any]]:
    """Number rows for a plain string (no headline), for quick use and teaching.

    Examples
    --------
    >>> [(r["span"], r["value"], r["value_high"], r["counted"])
    ...  for r in find_numbers("only four to seven infantrymen per kilometer")]
    [('four to seven', 4.0, 7.0, 'infantrymen per kilometer')]
    """
    from contrast.text import segment

    return extract(segment(text, headline=False), resources)


def _classify(m: re.Match[str], text: str, res: Resources, sent: _Sent) -> list[dict[str, Any]]:
    if m.group("date") is not None:
        return [_date_row(m, text)]
    if m.group("time") is not None:
        return [_time_row(m, text)]
    if m.group("ord") is not None:
        r = _ordinal_row(m, text, res, sent)
        return [r] if r else []
    approx = m.group("approx")
    approx_s = approx.strip() if approx else None
    if m.group("frac") is not None:
        return _fraction(m, text, res, sent, approx_s)
    if m.group("vague") is not None:
        return _vague(m, text, res, sent, approx_s)
    return _number(m, text, res, sent, approx_s)


def _finish(text: str, res: Resources, sent: _Sent, start: int, end: int, value: float | None,
            value_high: float | None, approx: str | None, *, kind: str = "",
            counted: str | None = None, allow_before: bool = True,
            skip_det: bool = False) -> dict[str, Any]:
    """Attach counted noun phrase and category to a number span ``text[start:end]``."""
    c_end = -1
    if counted is None:
        found = _counted_after(text, end, sent.end, res, sent.title, skip_det=skip_det)
        if found is not None:
            counted, _, c_end = found
        elif allow_before:
            counted = _counted_before(text, start, sent.start, res)
    label = kind
    if not label:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", counted or "")]
        ck = set().union(*(res.kinds(w) for w in words)) if words else set()
        if counted and "casualty" in res.kinds(counted):
            ck.add("casualty")
        head_unit = res.unit(counted.split()[0]) if counted else None
        near = bool(res.casualty_before.search(text, max(sent.start, start - 40), start)) or bool(
            res.casualty_after.match(text, c_end if c_end > 0 else end, sent.end))
        if "casualty" in ck:
            label = "casualties"
        elif near and (not counted or "person" in ck):
            label = "casualties"
        elif head_unit is not None and head_unit[1] == "currency":
            label = "money"
        elif head_unit is not None and head_unit[1] == "percent":
            label = "percent"
        elif head_unit is not None:
            label = "other"
        elif counted:
            label = "count"
        else:
            label = "other"
    row = _row(start, end, text, label, value, value_high, approx, counted)
    row["_counted_end"] = c_end
    return row


def _fraction(m: re.Match[str], text: str, res: Resources, sent: _Sent,
              approx: str | None) -> list[dict[str, Any]]:
    start, end = m.start(), m.end("frac")
    if m.group("f_half") is not None:
        prev = _prev_word(text, m.start("f_half"), sent.start).lower()
        nxt = _next_word(text, m.end("f_half"), sent.end).lower()
        sc = m.group("f_half_sc")
        if sc:
            v = 0.5 * res.words[sc.lower()]["scale"]
            return [_finish(text, res, sent, start, end, v, None, approx)]
        if not approx and (nxt not in _HALF_NEXT or prev in _HALF_BAD_PREV):
            return []
        return [_finish(text, res, sent, start, end, 0.5, None, approx, kind="percent", skip_det=True)]
    num = m.group("f_num").lower()
    den_w = m.group("f_den").lower()
    den = res.words[den_w]["fraction"]
    if num in ("a", "an", "one") and "ordinal" in res.words.get(den_w, {}) and den_w not in ("half", "quarter"):
        nxt = _next_word(text, end, sent.end)
        low = nxt.lower()
        if nxt[:1].isalpha() and low != "of" and "stop" not in res.kinds(low):
            # "a third country": an ordinal
            s = m.start("f_den")
            return [_row(s, end, text, "ordinal", res.words[den_w]["ordinal"])]
    n = 1.0 if num in ("a", "an") else _num_value(num, res.words)
    if n is None:
        return []
    return [_finish(text, res, sent, start, end, n / den, None, approx, kind="percent", skip_det=True)]


def _vague(m: re.Match[str], text: str, res: Resources, sent: _Sent,
           approx: str | None) -> list[dict[str, Any]]:
    start, end = m.start(), m.end("vague")
    if m.group("v_q"):
        unit = res.words[m.group("v_sc").lower()]["scale"]
    else:
        unit = res.words[m.group("v_pl").lower()]["vague"]
        if m.group("v_pl2"):
            unit *= res.words[m.group("v_pl2").lower()]["vague"]
    ap = approx or re.sub(r"\s+", " ", text[m.start("vague"):end])
    return [_finish(text, res, sent, start, end, unit, unit * 10, ap)]


def _part_value(m: re.Match[str], n: int, text: str, res: Resources
                ) -> tuple[float | None, str | None, str | None]:
    """Value, currency and unit kind ("percent", "currency", "measure", or None) of part ``n``."""
    v = _num_value(m.group(f"v{n}"), res.words)
    cur = m.group(f"cur{n}")
    cur_name = None
    if cur:
        u = res.unit(cur.strip(), "before")
        cur_name = u[0] if u else cur.strip()
    kind = None
    sc = m.group(f"sc{n}")
    if v is not None and sc:
        mult = _scale_value(sc, res, money=bool(cur), after=text[m.end(f"sc{n}"):m.end(f"sc{n}") + 12])
        if mult:
            v *= mult
        else:
            u = res.unit(sc.strip())
            kind = f"measure:{sc.strip()}" if u is None else f"{u[1]}:{sc.strip()}"
    if v is not None and m.group(f"half{n}"):
        v += 0.5
    if m.group(f"pct{n}"):
        kind = "percent"
    if cur_name:
        kind = f"currency:{cur_name}"
    return v, cur_name, kind


def _number(m: re.Match[str], text: str, res: Resources, sent: _Sent,
            approx: str | None) -> list[dict[str, Any]]:
    start, end = m.start(), m.end("num")
    v1, cur1, k1 = _part_value(m, 1, text, res)
    if v1 is None:
        return []
    post = m.group("post")
    if post and not approx:
        approx = post.strip().lstrip("-")
    between = m.group("between")
    if m.group("v2") is not None:
        v2, cur2, k2 = _part_value(m, 2, text, res)
        sep = m.group("sep").strip()
        ok = v2 is not None and not (k1 and k2 and k1.split(":")[0] != k2.split(":")[0]) \
            and not (k1 and not k2) and not (k1 and k2 and k1.startswith("currency") and k1 != k2)
        if ok and sep in ("-", "–", "—") and m.group("v1")[:1].isalpha() != m.group("v2")[:1].isalpha():
            ok = False
        years = [bool(re.fullmatch(_YEAR, m.group(f"v{i}"))) for i in (1, 2)]
        if ok and years[0] != years[1] and not (k1 or k2):
            ok = False  # "rose 60% in 2018 to 3.9 million"
        if ok and sep == "to" and not between and \
                _prev_word(text, start, sent.start).lower() in _CHANGE_BEFORE_TO:
            ok = False  # "increased by $43.6 billion to $419.2 billion": a change, not a range
        if not ok or v2 is None:
            # two numbers, not a range: "rose 9.4 per cent to $84"
            s1 = m.start("between") if between else start
            e1 = m.end("pct1") if m.group("pct1") else m.end("half1") if m.group("half1") else \
                m.end("sc1") if m.group("sc1") else m.end("v1")
            out = _single(m, text, res, sent, s1 if not approx else start, e1, v1, cur1, k1, approx, 1)
            if v2 is not None:
                out += _single(m, text, res, sent, m.start("cur2") if m.group("cur2") else m.start("v2"),
                               end, v2, cur2, k2, None, 2)
            return out
        # propagate scale / percent / currency to the first part ("$10 to $15 billion")
        if m.group("sc2") and not m.group("sc1") and m.group("v1")[0].isdigit():
            raw1 = _num_value(m.group("v1"), res.words) or 0.0
            raw2 = _num_value(m.group("v2"), res.words) or 0.0
            mult = _scale_value(m.group("sc2"), res, money=bool(cur2 or cur1), after="")
            if mult and raw1 < raw2:
                v1 = raw1 * mult
        k = k1 or k2
        lo, hi = (v1, v2) if v1 <= v2 else (v2, v1)
        if all(years) and not k and not approx:
            return [_row(start, end, text, "date", lo, hi)]
        return [_labelled(text, res, sent, start, end, lo, hi, approx, k, cur1 or cur2, m)]
    return _single(m, text, res, sent, start, end, v1, cur1, k1, approx, 1)


def _labelled(text: str, res: Resources, sent: _Sent, start: int, end: int, v: float,
              hi: float | None, approx: str | None, k: str | None, cur: str | None,
              m: re.Match[str]) -> dict[str, Any]:
    # a unit word after the number is part of the span: "5 billion rubles", "30 miles"
    u = res.unit_after.match(text, end, sent.end)
    if k and k.startswith("currency"):
        return _finish(text, res, sent, start, end, v, hi, approx, kind="money", counted=cur,
                       allow_before=False)
    if k == "percent":
        return _finish(text, res, sent, start, end, v, hi, approx, kind="percent")
    if k and k.startswith(("measure", "duration")):
        return _finish(text, res, sent, start, end, v, hi, approx, kind="other",
                       counted=k.split(":", 1)[1])
    if u is not None:
        word = u.group("unit")
        info = res.unit(word)
        uend = u.end()
        counted = word
        per = re.match(r"\s+(?:per|a|an)\s+([A-Za-z]+)\b", text[uend:sent.end])
        if per and (res.unit(per.group(1)) or res.unit(per.group(1) + "s")):
            counted = text[u.start("unit"):uend + per.end()]
        if info is not None and info[1] == "currency":
            return _finish(text, res, sent, start, uend, v, hi, approx, kind="money", counted=counted)
        if info is not None and info[1] == "percent":
            return _finish(text, res, sent, start, uend, v, hi, approx, kind="percent")
        if info is not None and info[1] == "scale":
            pass
        elif info is not None:
            row = _finish(text, res, sent, start, uend, v, hi, approx, kind="other", counted=counted)
            return row
    hy = re.match(r"-([A-Za-z]+(?:-[A-Za-z]+)*)", text[end:sent.end])
    if hy:
        word = hy.group(1)
        return _finish(text, res, sent, start, end, v, hi, approx,
                       kind="other" if res.unit(word.split("-")[0]) else "count", counted=word)
    return _finish(text, res, sent, start, end, v, hi, approx)


def _single(m: re.Match[str], text: str, res: Resources, sent: _Sent, start: int, end: int,
            v: float, cur: str | None, k: str | None, approx: str | None, n: int
            ) -> list[dict[str, Any]]:
    vtxt = m.group(f"v{n}")
    plain = not (cur or k or approx or m.group(f"sc{n}") or m.group(f"half{n}"))
    low = vtxt.lower()
    prev_tok = _prev_token(text, start, sent.start)
    prev = _prev_word(text, start, sent.start).lower()
    if plain and vtxt[:1].isalpha():
        nxt = _next_word(text, end, sent.end)
        if low == "one":
            if prev in _ONE_BAD_PREV and ("stop" in res.kinds(nxt) or not nxt[:1].isalpha()) \
                    and nxt.lower() not in ("of", "to", "or", "and"):
                return []
            if (prev in _PRONOUN_ONE_BEFORE and nxt.lower() != "of") or nxt.lower() in _PRONOUN_ONE_AFTER \
                    or (nxt and not nxt[0].isalnum() and nxt not in ("-", "(")) or not nxt:
                return []
            if text[end:end + 1] == "-" and not res.unit(nxt.lstrip("-").split("-")[0]):
                return []
        # "BBC One", "Formula One", "Channel Four": a name
        if vtxt[0].isupper() and start > sent.start and prev_tok[:1].isupper() and not sent.title:
            return []
    if plain and vtxt[:1].isdigit():
        # a year: "since 2022", "in 2016", "the 2022 invasion"
        if re.fullmatch(_YEAR, vtxt):
            found = _counted_after(text, end, sent.end, res, sent.title, allow_of=False)
            c = found[0] if found else ""
            head = c.split()[-1].lower() if c else ""
            if prev == "of":
                pm = _PREV_WORD.search(text, max(sent.start, start - 60), start - len(prev_tok) - 1) \
                    if prev_tok.lower() == "of" else None
                if pm is None or pm.group(1).lower() not in _OF_YEAR and not re.fullmatch(_MONTH, pm.group(1)):
                    prev = ""
            year = (prev in _DATE_PREP or not c or c[0].isupper() or "year_noun" in res.kinds(head)
                    or "year_noun" in res.kinds(c.split()[0].lower()))
            if year and not res.unit_after.match(text, end, sent.end):
                return [_row(start, end, text, "date", v)]
        # an identifier: "Game 6", "S&P 500", "iPhone 11 Pro", "No. 5"
        if re.fullmatch(r"\d{1,4}", vtxt) and prev_tok and not sent.title and (
                any(ch.isupper() for ch in prev_tok) or "&" in prev_tok or prev_tok in ("No.", "#")) \
                and not prev_tok.endswith((",", ":", ";", "(")) and start > sent.start:
            found = _counted_after(text, end, sent.end, res, sent.title, allow_of=False)
            if found is None and not res.unit_after.match(text, end, sent.end) \
                    and not re.match(r"-[A-Za-z]", text[end:end + 2]):
                return []
    return [_labelled(text, res, sent, start, end, v, None, approx, k, cur, m)]
