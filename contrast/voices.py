"""Whose voices each outlet carries: cited speakers by side and by role, and the people quoted most.

Tables from the evidence table's attribution rows that have a speaker
(``speaker_start`` set). Shares come with percentile bootstrap intervals that
resample articles (:func:`contrast.stats.bootstrap_ratio`), so an outlet's
interval reflects how its articles vary. Speakers without a side or role are
counted as ``unknown`` (shares sum to one, nothing is dropped).

>>> import contrast
>>> ev = contrast.extract(contrast.load_corpus(contrast.demo_path()))
>>> t = voices_by_side(ev)
>>> t.groupby("source")["share"].sum().round(6).tolist()
[1.0, 1.0]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from contrast.affiliation import ROLES, _name_tokens, _words, default_gazetteer
from contrast.stats import bootstrap_ratio

__all__ = ["speakers", "voices", "voices_by_side", "voices_by_role", "top_speakers"]

_COLUMNS = ["category", "n", "total", "share", "ci_low", "ci_high", "articles"]


def speakers(evidence: pd.DataFrame) -> pd.DataFrame:
    """The attribution rows that cite a speaker."""
    ev = evidence[evidence["family"] == "attribution"]
    return ev[ev["speaker_start"].notna()]


def voices(
    evidence: pd.DataFrame,
    column: str = "actor",
    *,
    by: str = "source",
    order: Sequence[str] | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Share of cited speakers in each category of ``column``, per group, with intervals.

    Parameters
    ----------
    evidence : DataFrame
        From :func:`contrast.extract`.
    column : str
        ``actor`` (the side), ``role`` or ``affiliation``.
    by : str
        Grouping column of the evidence (default the outlet).
    order : sequence of str, optional
        Categories in this order first (the others follow by frequency).
    n_boot, ci, seed
        Bootstrap replicates, confidence level, seed.

    Returns
    -------
    DataFrame
        One row per group and category: ``by, category, n, total, share,
        ci_low, ci_high, articles`` (``total`` = cited speakers of the group,
        ``articles`` = articles with at least one).
    """
    sp = speakers(evidence)
    if by not in sp.columns:
        raise ValueError(f"no column {by!r} in the evidence; columns are {list(evidence.columns)}")
    if sp.empty:
        return pd.DataFrame(columns=[by, *_COLUMNS])
    cat = sp[column].astype("string").fillna("unknown").replace("", "unknown")
    counts = Counter(cat)
    cats = list(dict.fromkeys([*(order or ()), *(c for c, _ in counts.most_common())]))
    cats = [c for c in cats if c in counts] + (["unknown"] if "unknown" in counts and "unknown" not in cats
                                               else [])
    rng = np.random.default_rng(seed)
    out = []
    frame = pd.DataFrame({"g": sp[by].astype("string"), "doc": sp["doc_id"].astype("string"), "cat": cat})
    for g, part in frame.groupby("g", sort=True):
        table = pd.crosstab(part["doc"], part["cat"]).reindex(columns=cats, fill_value=0)
        num = table.to_numpy(dtype=float)
        den = np.repeat(num.sum(axis=1, keepdims=True), len(cats), axis=1)
        est, low, high = bootstrap_ratio(num, den, n_boot=n_boot, ci=ci, rng=rng)
        total = int(num.sum())
        for k, c in enumerate(cats):
            out.append({by: g, "category": c, "n": int(num[:, k].sum()), "total": total,
                        "share": float(est[k]), "ci_low": float(low[k]), "ci_high": float(high[k]),
                        "articles": int(len(table))})
    return pd.DataFrame(out, columns=[by, *_COLUMNS])


def voices_by_side(evidence: pd.DataFrame, *, by: str = "source", sides: Sequence[str] | None = None,
                   **kwargs: object) -> pd.DataFrame:
    """:func:`voices` by side (``actor``); ``sides`` orders them (default Russia, Ukraine, West, Belarus, other)."""
    order = sides if sides is not None else ("Russia", "Ukraine", "West", "Belarus", "other")
    return voices(evidence, "actor", by=by, order=order, **kwargs)  # type: ignore[arg-type]


def voices_by_role(evidence: pd.DataFrame, *, by: str = "source", **kwargs: object) -> pd.DataFrame:
    """:func:`voices` by role (:data:`contrast.affiliation.ROLES` order)."""
    return voices(evidence, "role", by=by, order=ROLES, **kwargs)  # type: ignore[arg-type]


def _person(speaker: str, resolved: object) -> tuple[str, str]:
    """(surname key, displayed name) of a named speaker; empty when the name is an institution's.

    Title words before the name go ("Russian President Vladimir Putin" ->
    "Vladimir Putin"); a name holding a role or body word ("Ukrainian Foreign
    Ministry") is no person's.
    """
    gaz = default_gazetteer()
    for text in (resolved, speaker):
        if isinstance(text, str) and text:
            name = _name_tokens(_words(text))
            while name and (name[0] in gaz.aliases and gaz.aliases[name[0]][2] != "person"
                            or name[0].lower() in gaz.role_words or name[0] in _LEAD_WORDS):
                name = name[1:]
            if not name or any(w.lower() in gaz.role_words or w in _BODY_WORDS for w in name):
                continue
            # one word is a person's name only when the gazetteer knows the person
            # ("Zelensky"); else it is as likely a label ("Transcript:", "Factbox:")
            if len(name) == 1 and gaz.aliases.get(name[0], ("", "", ""))[2] != "person":
                continue
            return name[-1], " ".join(name)
    return "", ""


#: Capitalised words that can stand before a name without being part of it.
_LEAD_WORDS = frozenset({"A", "An", "The", "Federation", "Republic", "Kingdom", "States", "Union"})
#: Capitalised words that make a name an institution's ("Defense Forces", "Foreign Ministry").
_BODY_WORDS = frozenset({"Forces", "Ministry", "Army", "Service", "Office", "Committee", "Council",
                         "Agency", "Staff", "Guard", "Command", "Department", "Court", "Bank"})


def _mode(values: pd.Series) -> str:
    v = values.dropna().astype(str)
    v = v[v != ""]
    return str(v.mode().iloc[0]) if len(v) else ""


def top_speakers(evidence: pd.DataFrame, *, by: str = "source", n: int = 10) -> pd.DataFrame:
    """The named people each group quotes most, with their affiliation, role and side.

    People are merged by surname within a group ("Lukashenko" and "Aleksandr
    Lukashenko"); the displayed name is the longest form seen. Affiliation,
    role and side are the most frequent among that person's rows.

    Returns
    -------
    DataFrame
        ``by, rank, name, n, share, affiliation, role, side``; ``share`` is of
        the group's cited speakers.
    """
    sp = speakers(evidence)
    sp = sp[sp["speaker_type"].astype("string") == "named"]
    cols = [by, "rank", "name", "n", "share", "affiliation", "role", "side"]
    if sp.empty:
        return pd.DataFrame(columns=cols)
    totals = speakers(evidence).groupby(by, observed=True).size()
    keys = [_person(s, r) for s, r in zip(sp["speaker"], sp["speaker_resolved"], strict=True)]
    df = sp.assign(_key=[k for k, _ in keys], _name=[d for _, d in keys])
    df = df[df["_key"] != ""]
    out = []
    for (g, _), part in df.groupby([by, "_key"], observed=True, sort=False):
        out.append({by: g, "name": max(part["_name"], key=len), "n": len(part),
                    "share": len(part) / int(totals[g]), "affiliation": _mode(part["affiliation"]),
                    "role": _mode(part["role"]), "side": _mode(part["actor"])})
    if not out:  # named speakers, none a person ("The", headline labels)
        return pd.DataFrame(columns=cols)
    t = pd.DataFrame(out)
    t = t.sort_values([by, "n", "name"], ascending=[True, False, True])
    t["rank"] = t.groupby(by).cumcount() + 1
    return t[t["rank"] <= n][cols].reset_index(drop=True)
