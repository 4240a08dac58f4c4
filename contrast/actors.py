"""Actor dictionaries and side maps: which side a name, or an affiliation, belongs to.

Sides are a grouping of affiliations (:class:`SideMap`, default
:func:`default_sides`), owned by the user: ``extract(corpus, sides=...)`` or
``--sides`` changes them, and every table, chart and report follows.

The bundled preset covers the Russia-Ukraine war (groups ``Russia``,
``Ukraine``, ``West``); users build their own for another conflict with
:meth:`ActorDictionary.from_dict` or a TSV file (columns ``alias``, ``actor``).
Matching is case-sensitive (aliases are proper names: "US" is not "us") and
longest-first ("Russian Foreign Ministry" before "Russian").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from contrast.lexicon import PhraseMatcher, load_table

__all__ = ["ActorDictionary", "SideMap", "apply_sides", "as_actors", "as_sides", "default_actors",
           "default_sides"]


class ActorDictionary:
    """Aliases mapped to actor groups.

    Parameters
    ----------
    table : DataFrame
        Columns ``alias`` and ``actor``; optional ``kind`` (``person`` marks
        personal names, which helps attribution type its speakers).

    Examples
    --------
    >>> actors = ActorDictionary.from_dict({"Blue": ["Blueland", "Blue army"], "Red": ["Redland"]})
    >>> actors.find("The Blue army shelled Redland.")
    [(4, 13, 'Blue'), (22, 29, 'Red')]
    >>> actors.actor_of("a spokesman for Redland's army")
    'Red'
    """

    def __init__(self, table: pd.DataFrame):
        missing = {"alias", "actor"} - set(table.columns)
        if missing:
            raise ValueError(f"actor table lacks columns {sorted(missing)}; found {list(table.columns)}")
        cols = ["alias", "actor"] + (["kind"] if "kind" in table.columns else [])
        self.table = table[cols].copy()
        self.groups: tuple[str, ...] = tuple(dict.fromkeys(self.table["actor"]))
        self._matcher = PhraseMatcher(zip(self.table["alias"], self.table["actor"], strict=True),
                                      case_sensitive=True)

    @classmethod
    def from_dict(cls, groups: Mapping[str, Sequence[str]]) -> ActorDictionary:
        """Build from ``{actor: [alias, ...]}``."""
        rows = [(alias, actor) for actor, aliases in groups.items() for alias in aliases]
        return cls(pd.DataFrame(rows, columns=["alias", "actor"]))

    @classmethod
    def from_file(cls, path: str | Path) -> ActorDictionary:
        """Load a TSV with columns ``alias`` and ``actor`` (``#`` metadata lines allowed)."""
        return cls(load_table(Path(path)))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """All mentions ``(start, end, actor)`` in ``text[start:end]``."""
        return list(self._matcher.finditer(text, start, end))

    def actor_of(self, span: str) -> str | None:
        """The actor group of the first alias in ``span`` (None if none)."""
        for _, _, actor in self._matcher.finditer(span):
            return actor
        return None

    def __repr__(self) -> str:
        return f"ActorDictionary({len(self.table)} aliases, groups={list(self.groups)})"


def as_actors(actors: ActorDictionary | Mapping[str, Sequence[str]]) -> ActorDictionary:
    """An :class:`ActorDictionary` from itself or from ``{group: [alias, ...]}``."""
    if isinstance(actors, ActorDictionary):
        return actors
    if isinstance(actors, Mapping):
        return ActorDictionary.from_dict(actors)
    raise TypeError(f"actors must be an ActorDictionary or a mapping {{group: [alias, ...]}}, "
                    f"got {type(actors).__name__}")


@lru_cache(maxsize=1)
def default_actors() -> ActorDictionary:
    """The bundled Russia / Ukraine / West preset (``lexicons/actors.tsv``)."""
    return ActorDictionary(load_table("actors"))


# ----------------------------------------------------------------------------- sides


class SideMap:
    """Affiliations grouped into sides: ``{affiliation: side}``, the rest ``other``.

    Parameters
    ----------
    mapping : mapping
        Affiliation code -> side name.
    default : str, default "other"
        The side of an affiliation the map does not list.

    Examples
    --------
    >>> sides = default_sides()
    >>> sides["RU"], sides["PL"], sides["NATO"], sides["CN"]
    ('Russia', 'West', 'West', 'other')
    >>> default_sides().updated({"BY": "Russia"})["BY"]
    'Russia'
    """

    def __init__(self, mapping: Mapping[str, str], default: str = "other"):
        self.mapping = {str(k): str(v) for k, v in mapping.items()}
        self.default = default

    def __getitem__(self, affiliation: str) -> str:
        return self.mapping.get(affiliation, self.default)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SideMap) and (self.mapping, self.default) == (other.mapping, other.default)

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.mapping.items())), self.default))

    @property
    def sides(self) -> tuple[str, ...]:
        """The side names, in map order, then the default."""
        return tuple(dict.fromkeys([*self.mapping.values(), self.default]))

    def updated(self, changes: Mapping[str, str]) -> SideMap:
        """A copy with ``{affiliation: side}`` changed."""
        return SideMap({**self.mapping, **changes}, self.default)

    @classmethod
    def from_groups(cls, groups: Mapping[str, Iterable[str]], default: str = "other") -> SideMap:
        """Build from ``{side: [affiliation, ...]}``."""
        return cls({a: side for side, affs in groups.items() for a in affs}, default)

    @classmethod
    def from_file(cls, path: str | Path) -> SideMap:
        """A TSV with columns ``affiliation`` and ``side`` (``#`` metadata lines allowed)."""
        t = load_table(Path(path))
        if not {"affiliation", "side"} <= set(t.columns):
            raise ValueError(f"side map file {path} needs columns 'affiliation' and 'side'; found {list(t.columns)}")
        return cls(dict(zip(t["affiliation"], t["side"], strict=True)))

    def __repr__(self) -> str:
        return f"SideMap({len(self.mapping)} affiliations, sides={list(self.sides)})"


@lru_cache(maxsize=1)
def default_sides() -> SideMap:
    """The bundled side map (``lexicons/sides.tsv``): Russia, Ukraine, West, Belarus, other."""
    t = load_table("sides")
    return SideMap(dict(zip(t["affiliation"], t["side"], strict=True)))


def as_sides(sides: Any) -> SideMap:
    """A :class:`SideMap` from what a user gives.

    Accepts a :class:`SideMap`; ``None`` (the default map); a mapping
    ``{affiliation: side}`` or ``{side: [affiliation, ...]}``, applied on top of
    the default map (so ``{"BY": "Russia"}`` puts Belarus with Russia); a path
    to a TSV file (``affiliation``, ``side``), which replaces the map; or a
    spec string ``"BY=Russia,US=USA,GB=UK"`` applied on top of the default.

    Examples
    --------
    >>> as_sides("BY=Russia;US=US")["BY"], as_sides({"Anglo": ["US", "GB"]})["GB"]
    ('Russia', 'Anglo')
    """
    if sides is None:
        return default_sides()
    if isinstance(sides, SideMap):
        return sides
    if isinstance(sides, Path) or (isinstance(sides, str) and ("=" not in sides or Path(sides).is_file())):
        p = Path(sides)
        if not p.is_file():
            raise ValueError(f"sides: no such file {p} (give a TSV file or a spec like 'BY=Russia,US=USA')")
        return SideMap.from_file(p)
    if isinstance(sides, str):
        changes = {}
        for part in re.split(r"[,;]", sides):
            if not part.strip():
                continue
            if "=" not in part:
                raise ValueError(f"sides spec part {part!r} is not AFFILIATION=SIDE (e.g. 'BY=Russia')")
            a, s = (x.strip() for x in part.split("=", 1))
            changes[a] = s
        return default_sides().updated(changes)
    if isinstance(sides, Mapping):
        if all(isinstance(v, str) for v in sides.values()):
            return default_sides().updated(sides)
        flat = {a: side for side, affs in sides.items() for a in affs}
        return default_sides().updated(flat)
    raise TypeError(f"sides must be a SideMap, mapping, file path or spec string, got {type(sides).__name__}")


def apply_sides(evidence: pd.DataFrame, sides: Any) -> pd.DataFrame:
    """Re-derive ``actor`` from ``affiliation`` under another side map.

    Only rows whose side came from the default map change (a user actor
    dictionary's groups stay). Returns a new frame.
    """
    new = as_sides(sides)
    base = default_sides()
    if new == base or evidence.empty:
        return evidence
    ev = evidence.copy()
    aff = ev["affiliation"]
    has = aff.notna()
    if not has.any():
        return ev
    codes = aff[has].astype(str)
    derived = ev.loc[has, "actor"] == codes.map(base.__getitem__)
    idx = derived[derived.fillna(False)].index
    ev.loc[idx, "actor"] = ev.loc[idx, "affiliation"].astype(str).map(new.__getitem__)
    return ev
