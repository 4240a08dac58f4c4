"""Custom word categories: your own lists, or a dictionary in LIWC ``.dic`` format.

By default there are no categories and nothing is emitted. Give categories as
lists of words (``*`` at the end matches any ending, as in LIWC) or load a
published dictionary in the LIWC ``.dic`` format with :func:`load_dic`, then
pass it to :func:`contrast.extract`::

    res = custom.load_dic("moral_foundations.dic")
    ev = contrast.extract(corpus, resources={"custom": res})

Each matched word gives one evidence row per category it belongs to:
``family="custom"``, ``label`` = the category name, ``span`` = the word.

Matching follows LIWC: case-insensitive, whole words; an exact entry wins
over wildcard entries, and among wildcard entries the longest stem wins.
Multi-word entries ("kind of") are matched as phrases, in addition to the
single words they contain.

Examples
--------
>>> from contrast.text import segment
>>> res = Resources.from_terms({"threat": ["attack*", "strike"], "peace": ["talks", "ceasefire"]})
>>> doc = segment("Attacks continued despite ceasefire talks.", headline=False)
>>> [(r["label"], r["span"]) for r in extract(doc, res)]
[('threat', 'Attacks'), ('peace', 'ceasefire'), ('peace', 'talks')]
>>> extract(doc, default_resources())
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from contrast.lexicon import PhraseMatcher
from contrast.text import Doc

__all__ = ["FAMILIES", "Resources", "default_resources", "extract", "load_dic"]

FAMILIES = ("custom",)

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _norm(word: str) -> str:
    return " ".join(word.strip().lower().replace("’", "'").split())


@dataclass(frozen=True)
class Resources:
    """Word categories: ``{category: (pattern, ...)}``.

    Parameters
    ----------
    categories : mapping of str to tuple of str
        Words per category; ``*`` at the end of a word matches any ending.
    meta : mapping, optional
        Provenance (e.g. the ``.dic`` file it came from).
    """

    categories: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    meta: Mapping[str, str] = field(default_factory=dict)
    _exact: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _stems: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _max_stem: int = field(init=False, repr=False, compare=False)
    _phrases: PhraseMatcher | None = field(init=False, repr=False, compare=False)
    _phrase_cats: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cats = {str(c): tuple(str(w) for w in ws) for c, ws in self.categories.items()}
        object.__setattr__(self, "categories", cats)
        exact: dict[str, list[str]] = {}
        stems: dict[str, list[str]] = {}
        phrases: dict[str, list[str]] = {}
        for cat, words in cats.items():
            for w in words:
                n = _norm(w)
                if not n or n == "*":
                    continue
                if " " in n:
                    target = phrases
                elif n.endswith("*"):
                    target, n = stems, n.rstrip("*")
                else:
                    target = exact
                lst = target.setdefault(n, [])
                if cat not in lst:
                    lst.append(cat)
        object.__setattr__(self, "_exact", {k: tuple(v) for k, v in exact.items()})
        object.__setattr__(self, "_stems", {k: tuple(v) for k, v in stems.items()})
        object.__setattr__(self, "_max_stem", max(map(len, stems), default=0))
        object.__setattr__(self, "_phrase_cats", {k: tuple(v) for k, v in phrases.items()})
        object.__setattr__(self, "_phrases",
                           PhraseMatcher((p, p) for p in phrases) if phrases else None)

    @classmethod
    def from_terms(cls, categories: Mapping[str, Iterable[str]]) -> Resources:
        """Build from ``{category: [word, ...]}``.

        Examples
        --------
        >>> Resources.from_terms({"threat": ["attack*"]}).lookup("attacked")
        ('threat',)
        """
        return cls({c: tuple([ws] if isinstance(ws, str) else ws) for c, ws in categories.items()},
                   {"source": "user"})

    def with_terms(self, categories: Mapping[str, Iterable[str]]) -> Resources:
        """A copy with words added to (new or existing) categories."""
        merged = {c: list(ws) for c, ws in self.categories.items()}
        for c, ws in categories.items():
            merged.setdefault(c, []).extend([ws] if isinstance(ws, str) else ws)
        return Resources({c: tuple(ws) for c, ws in merged.items()}, self.meta)

    def lookup(self, word: str) -> tuple[str, ...]:
        """The categories of one word (exact entry first, then the longest matching stem)."""
        w = _norm(word)
        hit = self._exact.get(w)
        if hit is not None:
            return hit
        for i in range(min(len(w), self._max_stem), 0, -1):
            hit = self._stems.get(w[:i])
            if hit is not None:
                return hit
        return ()

    @property
    def table(self) -> pd.DataFrame:
        """The entries as a DataFrame (``category, term``)."""
        return pd.DataFrame([(c, w) for c, ws in self.categories.items() for w in ws],
                            columns=["category", "term"])

    def __len__(self) -> int:
        return len(self.categories)

    def __repr__(self) -> str:
        n = sum(len(ws) for ws in self.categories.values())
        return f"custom.Resources({len(self.categories)} categories, {n} entries)"


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def load_dic(path: str | Path) -> Resources:
    """Load a dictionary in LIWC ``.dic`` format as custom categories.

    The format: a line ``%``, one line per category (``<id><whitespace><name>``),
    a line ``%``, then one line per entry: the word (``*`` = any ending) and
    the ids of its categories, separated by tabs (or spaces when the line has
    no tab, in which case the word is the first field).

    Parameters
    ----------
    path : str or Path
        The ``.dic`` file (UTF-8, or Latin-1 as older LIWC files are).

    Returns
    -------
    Resources
        Categories named as in the file's header; ``meta`` records the file
        and how many entry fields were skipped (LIWC 2007's conditional
        entries such as ``(02 134)125/464`` are not supported and skipped).

    Raises
    ------
    ValueError
        If the file has no ``%`` header or an entry names an undefined category.

    Notes
    -----
    LIWC: Pennebaker, J. W., Boyd, R. L., Jordan, K., Blackburn, K. (2015).
    The development and psychometric properties of LIWC2015. Published
    dictionaries distributed in this format include the Moral Foundations
    Dictionary (Graham, Haidt & Nosek 2009). The proprietary LIWC dictionaries
    themselves are not bundled.

    Examples
    --------
    >>> import tempfile, os
    >>> src = "%\\n1\\tthreat\\n2\\tpeace\\n%\\nattack*\\t1\\ntruce\\t2\\nstrike\\t1\\t2\\n"
    >>> with tempfile.NamedTemporaryFile("w", suffix=".dic", delete=False) as f:
    ...     _ = f.write(src)
    >>> res = load_dic(f.name); os.unlink(f.name)
    >>> res.categories["threat"], res.lookup("strike")
    (('attack*', 'strike'), ('threat', 'peace'))
    """
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"dictionary file not found: {p}")
    lines = _read_text(p).splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() == "%"]
    if len(marks) < 2:
        raise ValueError(f"{p}: not a LIWC .dic file: expected a header between two '%' lines")
    names: dict[str, str] = {}
    for line in lines[marks[0] + 1:marks[1]]:
        if not line.strip():
            continue
        parts = line.split(None, 1)
        if len(parts) != 2:
            raise ValueError(f"{p}: bad category line {line!r}; expected '<id> <name>'")
        key = parts[0].strip()
        names[str(int(key)) if key.isdigit() else key] = parts[1].strip()
    cats: dict[str, list[str]] = {name: [] for name in names.values()}
    skipped = 0
    for lineno, line in enumerate(lines[marks[1] + 1:], start=marks[1] + 2):
        if not line.strip():
            continue
        if "\t" in line:
            fields = [f.strip() for f in line.split("\t") if f.strip()]
            word, ids = fields[0], " ".join(fields[1:]).split()
        else:
            word, *ids = line.split()
        for cid in ids:
            if not cid.isdigit():
                skipped += 1
                continue
            cid = str(int(cid))
            if cid not in names:
                raise ValueError(f"{p}, line {lineno}: category {cid} of {word!r} is not defined; "
                                 f"defined: {sorted(names, key=lambda s: (len(s), s))}")
            if word not in cats[names[cid]]:
                cats[names[cid]].append(word)
    meta = {"source": str(p), "format": "LIWC .dic", "skipped_fields": str(skipped)}
    return Resources({c: tuple(ws) for c, ws in cats.items()}, meta)


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """No categories: the custom family is empty until you give it words."""
    return Resources({}, {"source": "none"})


def extract(doc: Doc, resources: Resources | None = None) -> list[dict[str, Any]]:
    """Custom-category evidence rows for one segmented article.

    Parameters
    ----------
    doc : Doc
        From :func:`contrast.text.segment`.
    resources : Resources, optional
        Categories (default: none, so no rows).

    Returns
    -------
    list of dict
        One row per (matched word or phrase, category): ``family="custom"``,
        ``label`` (the category), ``start``, ``end``, ``span``, ``sent_id``.
    """
    res = default_resources() if resources is None else resources
    if not res.categories:
        return []
    text = doc.text
    rows: list[dict[str, Any]] = []
    if res._exact or res._stems:
        for m in _WORD.finditer(text):
            for cat in res.lookup(m.group()):
                s, e = m.span()
                rows.append({"family": "custom", "label": cat, "start": s, "end": e,
                             "span": text[s:e], "sent_id": doc.sent_id(s)})
    if res._phrases is not None:
        for s, e, key in res._phrases.finditer(text):
            for cat in res._phrase_cats[key]:
                rows.append({"family": "custom", "label": cat, "start": s, "end": e,
                             "span": text[s:e], "sent_id": doc.sent_id(s)})
        rows.sort(key=lambda r: (r["start"], -r["end"]))
    return rows
