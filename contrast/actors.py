"""Actor dictionaries: which side (actor group) a name refers to.

The bundled preset covers the Russia-Ukraine war (groups ``Russia``,
``Ukraine``, ``West``); users build their own for another conflict with
:meth:`ActorDictionary.from_dict` or a TSV file (columns ``alias``, ``actor``).
Matching is case-sensitive (aliases are proper names: "US" is not "us") and
longest-first ("Russian Foreign Ministry" before "Russian").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from contrast.lexicon import PhraseMatcher, load_table

__all__ = ["ActorDictionary", "as_actors", "default_actors"]


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
