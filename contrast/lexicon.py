"""Word lists as data files, and a fast phrase matcher over them.

Every bundled list lives in ``contrast/lexicons/NAME.tsv``: metadata lines
``# key: value`` (at least ``source``, ``citation``, ``licence``, ``version``),
then a tab-separated header and rows. Users pass their own lists as
DataFrames, dicts or file paths instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from io import StringIO
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["load_table", "lexicon_meta", "PhraseMatcher", "REQUIRED_META", "trie_regex"]

REQUIRED_META = ("source", "citation", "licence", "version")


def _read(text: str, name: str) -> pd.DataFrame:
    meta: dict[str, str] = {}
    body: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if value:
                meta[key.strip().lower()] = value.strip()
        elif line.strip():
            body.append(line)
    if not body:
        raise ValueError(f"lexicon {name!r} has no header row; expected a tab-separated table")
    df = pd.read_csv(StringIO("\n".join(body)), sep="\t", dtype=str, keep_default_na=False)
    df.attrs["meta"] = meta
    df.attrs["name"] = name
    return df


@lru_cache(maxsize=64)
def _bundled(name: str) -> pd.DataFrame:
    ref = resources.files("contrast") / "lexicons" / f"{name}.tsv"
    if not ref.is_file():
        avail = sorted(p.name[:-4] for p in (resources.files("contrast") / "lexicons").iterdir()
                       if p.name.endswith(".tsv"))
        raise ValueError(f"no bundled lexicon {name!r}; available: {avail}")
    return _read(ref.read_text(encoding="utf-8"), name)


def load_table(name_or_path: str | Path) -> pd.DataFrame:
    """Load a bundled lexicon by name, or a TSV lexicon file by path.

    The result's ``attrs["meta"]`` holds the header metadata (source,
    citation, licence, version). Returns a copy, so callers may modify it.
    """
    p = Path(name_or_path)
    if p.suffix == ".tsv" or p.exists():
        if not p.is_file():
            raise ValueError(f"lexicon file not found: {p}")
        return _read(p.read_text(encoding="utf-8-sig"), p.stem)
    df = _bundled(str(name_or_path))
    out = df.copy()
    out.attrs = {"meta": dict(df.attrs["meta"]), "name": df.attrs["name"]}
    return out


def lexicon_meta(name: str) -> dict[str, str]:
    """The metadata header of a bundled lexicon."""
    return dict(_bundled(name).attrs["meta"])


def trie_regex(items: Mapping[str, str], *, fold: bool = False) -> str:
    """A regex matching any key of ``items`` literally, as a character trie.

    Each key is followed by its value, a regex fragment (e.g. a lookahead
    that checks the rest of a phrase). One scan with a trie is much faster in
    Python's ``re`` than an alternation of many words, which is tried word by
    word at every position. Matches nothing if ``items`` is empty.

    Examples
    --------
    >>> trie_regex({"may": "", "maybe": "", "might": "!"})
    'm(?:ay(?:be|)|ight!)'
    """
    trie: dict[str | None, Any] = {}
    for key, tail in items.items():
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[None] = tail

    def emit(node: dict[str | None, Any]) -> str:
        subs = [_char(ch) + emit(child) for ch, child in sorted(
            ((c, n) for c, n in node.items() if c is not None), key=lambda cn: str(cn[0]))]
        if None in node:
            subs.append(node[None])
        if len(subs) == 1:
            return subs[0]
        return "(?:" + "|".join(subs) + ")"

    def _char(ch: str) -> str:
        if fold and ch.lower() != ch.upper() and len(ch.lower()) == len(ch.upper()) == 1:
            return "[" + re.escape(ch.lower()) + re.escape(ch.upper()) + "]"
        return re.escape(ch)

    return emit(trie) if trie else r"(?!x)x"


_FIRST_ATOM = re.compile(r"\\[^\w\s]|[\x21-\x7e](?<![\\\[(])")
_APOSTROPHE = "['’]"


def _by_first_char(patterns: list[str], *, fold: bool) -> str:
    """``"|".join(patterns)``, with the alternatives grouped by their first character.

    Equivalent to the plain alternation: at a position only the alternatives
    whose first character matches can match, and within a group they keep
    their order; but ``re`` then tries one character per group instead of
    every alternative at each word start. Patterns that start with the
    apostrophe class (which no other first character overlaps) go last.
    When some pattern starts with anything else (a non-ASCII letter, which
    ``IGNORECASE`` may fold onto an ASCII one), the plain alternation is kept.
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    apostrophe: list[str] = []
    for p in patterns:
        if p.startswith(_APOSTROPHE):
            apostrophe.append(p)
            continue
        m = _FIRST_ATOM.match(p)
        if m is None:
            return "|".join(patterns)
        atom = m.group()
        key = atom.lower() if fold else atom
        groups.setdefault(key, []).append((atom, p[m.end():]))
    alts = ["(?:" + items[0][0] + "(?:" + "|".join(tail for _, tail in items) + "))"
            for items in groups.values()]
    if apostrophe:
        alts.append("(?:" + "|".join(apostrophe) + ")")
    return "|".join(alts)


class PhraseMatcher:
    """Find any of many phrases in text, longest match first, on word boundaries.

    Parameters
    ----------
    phrases : iterable of (phrase, key)
        ``key`` is returned with each match (e.g. a category).
    case_sensitive : bool
        Match case exactly; otherwise case-insensitively.

    Notes
    -----
    Whitespace inside a phrase matches any run of spaces; a trailing ``*``
    matches any word ending (``suggest*`` finds suggests, suggested).
    Apostrophes match both ``'`` and ``’``.
    """

    def __init__(self, phrases: Iterable[tuple[str, str]], *, case_sensitive: bool = False):
        self._keys: dict[str, str] = {}
        patterns: list[str] = []
        for phrase, key in phrases:
            phrase = phrase.strip()
            if not phrase:
                continue
            norm = self._norm(phrase, case_sensitive)
            if norm in self._keys:
                continue
            self._keys[norm] = key
            patterns.append(self._pattern(phrase))
        self.case_sensitive = case_sensitive
        self._wild = {k.rstrip("*"): v for k, v in self._keys.items() if k.endswith("*")}
        # Longer phrases first so "in fact" wins over "fact".
        patterns.sort(key=len, reverse=True)
        flags = 0 if case_sensitive else re.IGNORECASE
        body = _by_first_char(patterns, fold=not case_sensitive) if patterns else r"(?!x)x"
        self._re = re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)

    @staticmethod
    def _norm(phrase: str, case_sensitive: bool) -> str:
        s = re.sub(r"\s+", " ", phrase.replace("’", "'"))
        return s if case_sensitive else s.lower()

    @staticmethod
    def _pattern(phrase: str) -> str:
        wild = phrase.endswith("*")
        words = phrase.rstrip("*").split()
        parts = [re.escape(w.replace("’", "'")).replace("'", "['’]") for w in words]
        pat = r"\s+".join(parts)
        return pat + r"\w*" if wild else pat

    def key(self, matched: str) -> str:
        norm = self._norm(matched, self.case_sensitive)
        if norm in self._keys:
            return self._keys[norm]
        for stem in sorted(self._wild, key=len, reverse=True):
            if norm.startswith(stem):
                return self._wild[stem]
        raise KeyError(matched)

    def finditer(self, text: str, start: int = 0, end: int | None = None
                 ) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, key)`` for each match in ``text[start:end]``."""
        end = len(text) if end is None else end
        for m in self._re.finditer(text, start, end):
            yield m.start(), m.end(), self.key(m.group())

    def __len__(self) -> int:
        return len(self._keys)
