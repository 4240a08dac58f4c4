"""Whose voices each outlet carries: cited speakers by side and by role, and the people quoted most.

Tables from the evidence table's attribution rows that have a speaker
(``speaker_start`` set). Shares come with the intervals of the one statistics engine,
:func:`contrast.compare.compare` (keyed Poisson bootstrap over articles), so
an outlet's interval reflects how its articles vary and equals the one the
tables give for the same share. Speakers without a side or role are
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
from functools import lru_cache

import pandas as pd

from contrast.affiliation import ROLES, _name_tokens, _words, default_gazetteer, name_key
from contrast.compare import compare

__all__ = ["speakers", "voices", "voices_by_side", "voices_by_role", "top_speakers"]

_COLUMNS = ["category", "n", "total", "share", "ci_low", "ci_high", "articles"]


def speakers(evidence: pd.DataFrame) -> pd.DataFrame:
    """The attribution rows that cite a speaker (:func:`contrast.tables.cites_speaker`)."""
    from contrast.tables import cites_speaker

    return evidence[(evidence["family"] == "attribution").to_numpy(bool) & cites_speaker(evidence)]


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
    # one statistic in one place: each category's share is a feature of a per-article table,
    # and its interval is :func:`contrast.compare.compare`'s (keyed Poisson bootstrap over articles)
    frame = pd.DataFrame({"g": sp[by].astype("string"), "doc": sp["doc_id"].astype("string"), "cat": cat})
    table = pd.crosstab([frame["g"], frame["doc"]], frame["cat"]).reindex(columns=cats, fill_value=0)
    units = pd.DataFrame(table.to_numpy(), columns=[f"voice_c{k}_n" for k in range(len(cats))])
    units.insert(0, by, table.index.get_level_values(0).astype(str))
    units.insert(1, "doc_id", table.index.get_level_values(1).astype(str))
    units["voice_n"] = units[[f"voice_c{k}_n" for k in range(len(cats))]].sum(axis=1)
    feats = [f"voice_c{k}_share" for k in range(len(cats))]
    tab = compare(units, by, features=feats, min_articles=1, n_boot=n_boot, seed=seed, ci=ci)
    out = []
    for r in tab.to_dict("records"):
        part = units[units[by] == r[by]]
        total = int(part["voice_n"].sum())
        for k, c in enumerate(cats):
            f = feats[k]
            out.append({by: r[by], "category": c, "n": int(part[f"voice_c{k}_n"].sum()), "total": total,
                        "share": float(r[f]), "ci_low": float(r[f"{f}_low"]), "ci_high": float(r[f"{f}_high"]),
                        "articles": int(len(part))})
    return pd.DataFrame(out, columns=[by, *_COLUMNS])


def voices_by_side(evidence: pd.DataFrame, *, by: str = "source", sides: Sequence[str] | None = None,
                   **kwargs: object) -> pd.DataFrame:
    """:func:`voices` by side (``actor``); ``sides`` orders them (default Russia, Ukraine, West, Belarus, other)."""
    order = sides if sides is not None else ("Russia", "Ukraine", "West", "Belarus", "other")
    return voices(evidence, "actor", by=by, order=order, **kwargs)  # type: ignore[arg-type]


def voices_by_role(evidence: pd.DataFrame, *, by: str = "source", **kwargs: object) -> pd.DataFrame:
    """:func:`voices` by role (:data:`contrast.affiliation.ROLES` order)."""
    return voices(evidence, "role", by=by, order=ROLES, **kwargs)  # type: ignore[arg-type]


#: Roles that only a person has (a body's or document's role does not make its name a person's).
PERSON_ROLES = frozenset(ROLES) - {"company", "document_or_report", "other", "ngo_or_international"}


def _name(speaker: str, resolved: object) -> list[str]:
    """The tokens of a named speaker's personal name; empty when the name is no person's.

    Title words before the name go ("Russian President Vladimir Putin" ->
    "Vladimir Putin", "FM Mevlut Cavusoglu" -> "Mevlut Cavusoglu"). A name
    that holds a place, body or organisation of the gazetteer ("Earlier
    China", "Red Cross", "Downing Street"), a role or body word ("Ukrainian
    Foreign Ministry"), a number word ("Normandy Four"), an acronym ("OC
    South") or a bare letter ("Sizewell C") is no person's.
    """
    gaz = default_gazetteer()
    for text in (resolved, speaker):
        if not (isinstance(text, str) and text):
            continue
        name = _name_tokens(_words(text))
        while name and ((name[0] in gaz.aliases and gaz.aliases[name[0]][2] != "person")
                        or name[0].lower() in gaz.role_words or name[0] in _LEAD_WORDS
                        or (name[0].isupper() and len(name) > 1)):
            name = name[1:]
        if not name or name[-1].lower() in _number_words() or any(
                w.lower() in gaz.role_words or w in _BODY_WORDS or len(w) < 2 or (w.isupper() and len(w) > 1)
                for w in name):
            continue
        if any(kind != "person" for _, _, _, _, kind in gaz.places(name)):
            continue
        return name
    return []


def _is_known_person(name: Sequence[str]) -> bool:
    return default_gazetteer().person(name) is not None


def _person(speaker: str, resolved: object) -> tuple[str, str]:
    """(merge key, displayed name) of a named speaker; empty when the name is no person's.

    The key is the surname's :func:`contrast.affiliation.name_key`, so spelling
    variants ("Zelensky", "Zelenskyy", "Zelenskiy") are one person. Two names
    run together ("Zelenskyi Biden": two people the gazetteer knows) are none.
    One word is a person's name only when the gazetteer knows the person
    ("Zelensky"); else it is as likely a label ("Transcript:", "Factbox:").
    """
    name = _name(speaker, resolved)
    if not name:
        return "", ""
    if len(name) == 1 and not _is_known_person(name):
        return "", ""
    if len(name) >= 2 and _is_known_person(name[-1:]) and _is_known_person(name[-2:-1]):
        return "", ""
    return name_key(name[-1]), " ".join(name)


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    from contrast.lexicon import load_table

    return frozenset(load_table("numbers_words")["word"].astype(str).str.lower())


#: Capitalised words that can stand before a name without being part of it (the end of a state's
#: or a command's name: "U.S. Army Europe Ben Hodges" -> "Ben Hodges").
_LEAD_WORDS = frozenset({"A", "An", "The", "Federation", "Republic", "Kingdom", "States", "Union",
                         "Europe", "Africa", "Asia", "America", "Americas", "Oceania", "Pacific", "Atlantic"})
#: Capitalised words that make a name an institution's ("Defense Forces", "Foreign Ministry").
_BODY_WORDS = frozenset({"Forces", "Ministry", "Army", "Service", "Office", "Committee", "Council",
                         "Agency", "Staff", "Guard", "Command", "Department", "Court", "Bank"})


def _mode(values: pd.Series) -> str:
    v = values.dropna().astype(str)
    v = v[v != ""]
    return str(v.mode().iloc[0]) if len(v) else ""


def top_speakers(evidence: pd.DataFrame, *, by: str = "source", n: int = 10) -> pd.DataFrame:
    """The named people each group quotes most, with their affiliation, role and side.

    A person is a named speaker whose name reads as a personal name (see
    :func:`_person`) and who is a person by the article: a person's role
    (:data:`PERSON_ROLES`) in one of the corpus's rows for that name, or a
    person the gazetteer knows ("Cyclone Batsirai" and "Hinkley B" have
    neither). People are merged within a group by the spelling-variant key of
    their surname ("Lukashenko" and "Aleksandr Lukashenko"; "Zelensky" and
    "Zelenskyy"); the displayed name is the most frequent full form of the most frequent
    spelling of the surname over every group's rows, so that one person has one name in
    every group. Affiliation, role and side are the most frequent
    among that person's rows in every group (one person, one affiliation).

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
    roles = df["role"].astype("string")
    by_role = set(df.loc[roles.isin(list(PERSON_ROLES)).fillna(False).to_numpy(), "_key"])
    known = {k for k, d in zip(df["_key"], df["_name"], strict=True) if _is_known_person(d.split()[-1:])}
    df = df[df["_key"].isin(by_role | known)]
    # one person, one affiliation: read over every group's rows (a person is not American in one outlet
    # and Italian in another because one story there also named Italy)
    who = {k: (_mode(part["affiliation"]), _mode(part["role"]), _mode(part["actor"]))
           for k, part in df.groupby("_key", sort=False)}
    # and one name: the same person is labelled alike in every group (Reuters' "Zelenskiy" is the
    # corpus's "Zelensky"), so that the panels line up
    names = {k: _display(part["_name"]) for k, part in df.groupby("_key", sort=False)}
    out = []
    for (g, k), part in df.groupby([by, "_key"], observed=True, sort=False):
        aff, role, side = who[k]
        out.append({by: g, "name": names[k], "n": len(part),
                    "share": len(part) / int(totals[g]), "affiliation": aff, "role": role, "side": side})
    if not out:  # named speakers, none a person ("The", headline labels)
        return pd.DataFrame(columns=cols)
    t = pd.DataFrame(out)
    t = t.sort_values([by, "n", "name"], ascending=[True, False, True])
    t["rank"] = t.groupby(by).cumcount() + 1
    return t[t["rank"] <= n][cols].reset_index(drop=True)


def _short_form(name: str) -> str:
    """A name of four words or more without the end of a title run into it: its shortest tail of two
    words or more that opens with a capital ("Temporarily Occupied Territories Iryna Vereshchuk" ->
    "Iryna Vereshchuk"; "Ursula von der Leyen" stays)."""
    words = name.split()
    if len(words) < 4:
        return name
    for k in range(2, len(words)):
        if words[-k][:1].isupper():
            return " ".join(words[-k:])
    return name


def _display(names: pd.Series) -> str:
    """The most frequent full form of the most frequent spelling of the surname ("Volodymyr Zelensky").

    A form of two words or more is preferred to the surname alone; among those the most frequent wins
    (then the longer), so a headline's run of capitals seen once ("Biden Aims Insult At Trump") does
    not name the person its rows were merged into; a form of four words or more counts as its short
    form (:func:`_short_form`: the end of a title run into the name goes).
    """
    surnames = Counter(str(x).split()[-1] for x in names)
    top = max(surnames.items(), key=lambda kv: (kv[1], kv[0]))[0]
    forms = Counter(_short_form(str(x)) for x in names if str(x).split()[-1] == top)
    full = {f: k for f, k in forms.items() if len(f.split()) > 1} or forms
    return max(full.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
