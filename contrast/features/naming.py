"""Naming: which of several rival names for the same thing an outlet uses.

An *equivalence set* groups rival names for one referent: ``Kyiv/Kiev``,
``Pokrovsk/Krasnoarmeysk``, ``invasion/special military operation``,
``regime/government``. Each set has *variants* (canonical forms such as
``Kiev``), and each variant one or more *terms* as written (``Kiev``;
``Krasnoarmeysk``, ``Krasnoarmeisk``). Every occurrence is one evidence row:
``family="naming"``, ``label`` = the set, ``variant`` = the variant used,
``span`` as written, and ``actor`` when the actor dictionary knows the span
("Kiev regime" -> Ukraine).

The bundled sets for the Russia-Ukraine war are ``lexicons/naming.tsv``
(columns ``set, variant, term, side, rule, note``); ``side`` says whose usage a
variant is associated with and is available for joins via
:attr:`Resources.variants`. Sets are matched independently, so one span can
count in two sets ("Kiev regime" is a ``Kiev`` in ``Kyiv/Kiev`` and a
``regime`` in ``regime/government``); within a set the longest term wins.
A term containing a capital letter is matched case-sensitively. A term with
an empty variant *blocks*: "Kyiv Post" is a newspaper's name, not the
outlet's choice of "Kyiv".

Examples
--------
>>> from contrast.text import segment
>>> doc = segment("Strikes near Krasnoarmeysk, says the Kiev regime.", headline=False)
>>> [(r["label"], r["variant"], r["span"]) for r in extract(doc, default_resources())]
[('Pokrovsk/Krasnoarmeysk', 'Krasnoarmeysk', 'Krasnoarmeysk'), ('regime/government', 'regime', 'Kiev regime'), ('Kyiv/Kiev', 'Kiev', 'Kiev')]

Your own sets, for another conflict:

>>> res = Resources.from_dict({"Derry/Londonderry": {"Derry": ["Derry"], "Londonderry": ["Londonderry"]}})
>>> [(r["variant"], r["span"]) for r in extract(segment("Londonderry, or Derry.", headline=False), res)]
[('Londonderry', 'Londonderry'), ('Derry', 'Derry')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from contrast.actors import ActorDictionary, as_actors, default_actors
from contrast.lexicon import load_table, trie_regex
from contrast.text import Doc

__all__ = ["FAMILIES", "RULES", "Resources", "default_resources", "extract"]

FAMILIES = ("naming",)

COLUMNS = ("set", "variant", "term", "side", "rule", "note")

_WORD_BEFORE = re.compile(r"(\S+) $")
_PLACE_PREPS = frozenset(
    "in near of from to at around outside toward towards and for into on the captured took "
    "take held hold liberated liberate encircled surrounded".split()
)


def not_person(text: str, start: int, end: int) -> bool:
    """A place name, not a surname: "in Dimitrov" yes, "Grigor Dimitrov" no."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not m:
        return True
    prev = m.group(1)
    return not (prev[:1].isupper() and prev.isalpha() and prev.lower() not in _PLACE_PREPS)


def not_compound(text: str, start: int, end: int) -> bool:
    """A naming "the regime", not "the regime of sanctions" or "regime change"."""
    return not re.match(r"\s+(?:of|change|changes)\b", text[end:end + 12])


Rule = Callable[[str, int, int], bool]

#: Context rules by name: ``rule(text, start, end) -> keep``.
RULES: dict[str, Rule] = {"not_person": not_person, "not_compound": not_compound}


def _term_regex(term: str) -> str:
    """Regex of a term; case-sensitive if it has a capital (then also in Title Case)."""
    sensitive = any(c.isupper() for c in term)
    parts = []
    for w in term.split():
        wild = w.endswith("*")
        core = w.rstrip("*")
        first = ""
        if sensitive and core[:1].islower():
            # headline Title Case: "Kiev regime" also matches "Kiev Regime"
            first, core = f"[{core[0]}{core[0].upper()}]", core[1:]
        core = re.escape(core).replace("’", "'").replace("'", "['’]").replace(r"\-", "[-‐–]")
        parts.append(first + core + (r"[\w’'-]*" if wild else ""))
    pat = r"\s+".join(parts)
    return pat if sensitive else f"(?i:{pat})"


_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Set:
    name: str
    rows: tuple[tuple[str, str], ...]  # per group: (variant, rule)


def _key(term: str) -> tuple[str, bool]:
    """Dispatch key of a term: the letters its first word starts with; True if a prefix."""
    first = term.split()[0].lower()
    run = _LETTERS.match(first)
    if not run:
        raise ValueError(f"naming term {term!r} must start with a letter")
    return run.group(), first.endswith("*") and run.group() == first[:-1]


_Entry = tuple[int, re.Pattern[str]]


def _compile(table: pd.DataFrame) -> tuple[tuple[_Set, ...], dict[str, list[_Entry]],
                                         list[tuple[str, _Entry]]]:
    """Sets, and per first-word key the (set index, regex) pairs to try there."""
    sets: list[_Set] = []
    exact: dict[str, list[_Entry]] = {}
    prefix: list[tuple[str, _Entry]] = []
    for si, (name, g) in enumerate(table.groupby("set", sort=False)):
        g = g.drop_duplicates("term", keep="last")
        g = g.assign(_n=g["term"].str.split().str.len(), _l=g["term"].str.len())
        g = g.sort_values(["_n", "_l"], ascending=False, kind="stable")
        by_key: dict[tuple[str, bool], list[str]] = {}
        for i, t in enumerate(g["term"]):
            by_key.setdefault(_key(t), []).append(f"(?P<g{i}>{_term_regex(t)})")
        for (k, is_prefix), parts in by_key.items():
            rx = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])")
            if is_prefix:
                prefix.append((k, (si, rx)))
            else:
                exact.setdefault(k, []).append((si, rx))
        sets.append(_Set(str(name), tuple(zip(g["variant"], g["rule"], strict=True))))
    return tuple(sets), exact, prefix


def _gate(exact: dict[str, list[_Entry]], prefix: list[tuple[str, _Entry]]) -> re.Pattern[str]:
    """One regex that finds every word start where some naming term matches.

    A character trie of the first-word keys (either case) dispatches on the
    word; at the end of a key, a look-behind of the key's length holds a
    look-ahead with the key's term regexes, so whole terms are checked from
    the word start, in C. Words with non-ASCII letters always pass. The gate
    only selects positions; :meth:`Resources.finditer` decides as before.
    """
    def body(entries: Iterable[_Entry]) -> str:
        return "|".join(re.sub(r"\(\?P<g\d+>", "(?:", rx.pattern) for _, rx in entries)

    tails = {k: rf"(?![^\W\d_])(?<=(?=(?:{body(v)})).{{{len(k)}}})" for k, v in exact.items()}
    by_prefix: dict[str, list[_Entry]] = {}
    for k, e in prefix:
        by_prefix.setdefault(k, []).append(e)
    pre = {k: rf"(?<=(?={body(v)}).{{{len(k)}}})" for k, v in by_prefix.items()}
    alts = [trie_regex(tails, fold=True)] + ([trie_regex(pre, fold=True)] if pre else [])
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)}|[a-zA-Z]*+[^\W\d_\x00-\x7f])", re.DOTALL)


def _table(df: pd.DataFrame) -> pd.DataFrame:
    missing = {"set", "variant", "term"} - set(df.columns)
    if missing:
        raise ValueError(f"naming table lacks columns {sorted(missing)}; needs set, variant, term "
                         f"(optional side, rule, note); found {list(df.columns)}")
    t = df.copy()
    for c in COLUMNS:
        if c not in t.columns:
            t[c] = ""
    t = t[list(COLUMNS)].fillna("").astype(str)
    t = t[t["term"].str.strip() != ""].reset_index(drop=True)
    bad = set(t["rule"]) - set(RULES) - {""}
    if bad:
        raise ValueError(f"unknown naming rules {sorted(bad)}; choose from {sorted(RULES)}")
    return t


@dataclass(frozen=True)
class Resources:
    """Naming equivalence sets, compiled; and the actor dictionary for ``actor``.

    Parameters
    ----------
    table : DataFrame
        Columns ``set, variant, term`` and optionally ``side, rule, note``.
    actors : ActorDictionary, optional
        Gives each span its actor group where it knows it (default: the
        bundled preset; ``None`` leaves ``actor`` empty).
    """

    table: pd.DataFrame
    actors: ActorDictionary | None = field(default_factory=default_actors)
    _sets: tuple[_Set, ...] = field(init=False, repr=False, compare=False)
    _exact: dict[str, list[_Entry]] = field(init=False, repr=False, compare=False)
    _prefix: list[tuple[str, _Entry]] = field(init=False, repr=False, compare=False)
    _gate: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        t = _table(self.table)
        object.__setattr__(self, "table", t)
        sets, exact, prefix = _compile(t)
        object.__setattr__(self, "_sets", sets)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_prefix", prefix)
        object.__setattr__(self, "_gate", _gate(exact, prefix))

    @classmethod
    def from_dict(cls, sets: Mapping[str, Mapping[str, Iterable[str]]], *,
                  actors: ActorDictionary | None = None) -> Resources:
        """Build from ``{set: {variant: [term, ...]}}``.

        Examples
        --------
        >>> Resources.from_dict({"Kyiv/Kiev": {"Kyiv": ["Kyiv"], "Kiev": ["Kiev"]}}).sets
        ['Kyiv/Kiev']
        """
        rows = [(s, v, t) for s, variants in sets.items() for v, terms in variants.items()
                for t in ([terms] if isinstance(terms, str) else terms)]
        return cls(pd.DataFrame(rows, columns=["set", "variant", "term"]), actors)

    @classmethod
    def from_file(cls, path: str | Path, *, actors: ActorDictionary | None = None) -> Resources:
        """Load a TSV with columns ``set, variant, term`` [, ``side, rule, note``]."""
        return cls(load_table(Path(path)), actors)

    def with_actors(self, actors: ActorDictionary | Mapping[str, Iterable[str]]) -> Resources:
        """A copy that labels spans with the actor groups of another dictionary."""
        return Resources(self.table, as_actors(actors))  # type: ignore[arg-type]

    def with_sets(self, other: Resources | pd.DataFrame | Mapping[str, Mapping[str, Iterable[str]]]
                  ) -> Resources:
        """A copy with more sets (or more terms for existing sets) added.

        Examples
        --------
        >>> res = default_resources().with_sets({"Kyiv/Kiev": {"Kiev": ["KIEV"]}})
        >>> "KIEV" in set(res.table["term"])
        True
        """
        if isinstance(other, Resources):
            add = other.table
        elif isinstance(other, pd.DataFrame):
            add = _table(other)
        else:
            add = Resources.from_dict(other, actors=None).table
        return Resources(pd.concat([self.table, add], ignore_index=True), self.actors)

    def without_sets(self, *names: str) -> Resources:
        """A copy without the named sets."""
        unknown = set(names) - set(self.sets)
        if unknown:
            raise ValueError(f"no naming sets {sorted(unknown)}; sets are {self.sets}")
        return Resources(self.table[~self.table["set"].isin(names)], self.actors)

    @property
    def sets(self) -> list[str]:
        """The set names, in table order."""
        return list(dict.fromkeys(self.table["set"]))

    @property
    def variants(self) -> pd.DataFrame:
        """One row per (set, variant) with its ``side`` and ``note``, for joins with evidence."""
        t = self.table[self.table["variant"] != ""]
        return (t.groupby(["set", "variant"], sort=False)
                .agg(side=("side", "first"), note=("note", "first"),
                     terms=("term", lambda s: ", ".join(s)))
                .reset_index())

    def finditer(self, text: str) -> Iterable[tuple[int, int, str, str]]:
        """Yield ``(start, end, set, variant)`` in text order; sets may overlap, terms
        within one set do not."""
        last = [0] * len(self._sets)
        # the gate finds the word starts where some term can match (a superset)
        for g in self._gate.finditer(text):
            s = g.start()
            low = _LETTERS.match(text, s).group().lower()  # type: ignore[union-attr]
            entries = list(self._exact.get(low, ()))
            entries += [e for k, e in self._prefix if low.startswith(k)]
            for si, rx in entries:
                if s < last[si]:
                    continue
                m = rx.match(text, s)
                if m is None:
                    continue
                st = self._sets[si]
                variant, rule = st.rows[int(m.lastgroup[1:])]  # type: ignore[index]
                e = m.end()
                if not variant:
                    last[si] = e  # a blocking term consumes its span
                    continue
                if rule and not RULES[rule](text, s, e):
                    continue
                last[si] = e
                yield s, e, st.name, variant

    def __repr__(self) -> str:
        return f"naming.Resources({len(self.sets)} sets, {len(self.table)} terms)"


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The bundled Russia-Ukraine war sets (``lexicons/naming.tsv``), loaded once."""
    return Resources(load_table("naming"))


def extract(doc: Doc, resources: Resources | None = None) -> list[dict[str, Any]]:
    """Naming evidence rows for one segmented article.

    Parameters
    ----------
    doc : Doc
        From :func:`contrast.text.segment`.
    resources : Resources, optional
        Naming sets (default: :func:`default_resources`).

    Returns
    -------
    list of dict
        One row per occurrence, in text order: ``family="naming"``, ``label``
        (the set), ``variant``, ``start``, ``end``, ``span``, ``sent_id``,
        ``actor`` (when known).
    """
    res = default_resources() if resources is None else resources
    text = doc.text
    rows = []
    for s, e, name, variant in res.finditer(text):
        span = text[s:e]
        row: dict[str, Any] = {"family": "naming", "label": name, "variant": variant,
                               "start": s, "end": e, "span": span, "sent_id": doc.sent_id(s)}
        actor = res.actors.actor_of(span) if res.actors is not None else None
        if actor is not None:
            row["actor"] = actor
        rows.append(row)
    rows.sort(key=lambda r: (r["start"], -r["end"]))
    return rows
