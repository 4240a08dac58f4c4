"""Findings: the largest differences of a pairwise table, each as one plain sentence with its evidence.

:func:`findings` reads the table of :func:`contrast.tables.pairwise` (it
never recomputes a statistic): it keeps the comparisons that survive the
Benjamini-Hochberg correction, ranks them by a conservative effect size,
writes each as one sentence (what, how much, the interval, the number of
articles behind it) and picks example sentences from each side out of the
evidence table. :func:`evidence_key` and :func:`row_keys` name the evidence
behind a feature column in one vocabulary, which the evidence browser
(:mod:`contrast.browser`) filters on.

>>> import pandas as pd
>>> pw = pd.DataFrame({"feature": ["hedge_per_1k"], "label": ["Hedges"], "group_a": ["A"],
...                    "group_b": ["B"], "estimate_a": [6.0], "estimate_b": [2.0], "ratio": [3.0],
...                    "ratio_low": [2.0], "ratio_high": [4.5], "difference": [4.0],
...                    "difference_low": [2.5], "difference_high": [5.5], "p_value": [0.001],
...                    "p_adjusted": [0.002], "resampled": ["articles"], "units_a": [40], "units_b": [50]})
>>> findings(pw)["sentence"].iloc[0]
'A uses hedges 3.0 times as often as B (6.0 vs 2.0 per 1,000 words, 95% CI 2.0 to 4.5); 40 vs 50 articles, adjusted p = 0.002.'
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["findings", "ExampleReserve", "describe", "effect_size", "evidence_key", "row_keys", "untested", "default_features", "readable_labels", "FINDING_COLUMNS"]

#: Columns of :func:`findings`.
FINDING_COLUMNS = ("rank", "feature", "label", "group_a", "group_b", "effect", "sentence", "family", "key",
                   "p_adjusted", "examples_a", "examples_b")

_SUFFIXES = ("_per_1k", "_share", "_mean")
#: Families whose evidence carries the sentence as its span (sentence-level rows).
_SENTENCE_FAMILIES = ("sentiment", "unattributed")


def _snake(s: Any) -> str:
    out = re.sub(r"\W+", "_", str(s).strip().lower()).strip("_")
    return out or "x"


def evidence_key(feature: str) -> tuple[str, str | None]:
    """The evidence behind a feature column: ``(family, key)``; ``key`` None = the whole family.

    Keys are those of :func:`row_keys` (the naming of
    :mod:`contrast.tables`' count columns).

    Examples
    --------
    >>> evidence_key("attribution_speaker_anonymous_per_1k")
    ('attribution', 'speaker_anonymous')
    >>> evidence_key("sentiment_russia_mean"), evidence_key("hedge_per_1k")
    (('actor', 'russia'), ('hedge', None))
    """
    base = feature
    for suf in _SUFFIXES:
        if feature.endswith(suf):
            base = feature[: -len(suf)]
            break
    fam, _, rest = base.partition("_")
    if fam == "sentiment" and feature.endswith("_mean") and rest:
        return "actor", rest
    return fam, (rest or None)


def row_keys(evidence: pd.DataFrame) -> pd.Series:
    """Per evidence row, the ``|``-joined keys it counts toward (see :func:`evidence_key`).

    Examples
    --------
    >>> from contrast.evidence import evidence_frame
    >>> ev = evidence_frame([{"family": "attribution", "label": "distancing", "speaker_type": "named",
    ...                       "actor": "Russia"}])
    >>> row_keys(ev).tolist()
    ['distancing|speaker_named|actor_russia']
    """
    if evidence.empty:
        return pd.Series([], dtype=object, index=evidence.index)
    # computed once per distinct combination of the columns a key is made of (a huge article's
    # 250,000 rows made a dozen columns of strings each): span and variant matter for naming rows only
    fam = evidence["family"].astype("string")
    parts = {c: (evidence[c] if c in evidence.columns else pd.Series(pd.NA, index=evidence.index)
                 ).astype("string") for c in ("family", "label", "actor", "speaker_type", "quote", "variant", "span")}
    is_naming = (fam == "naming").fillna(False).to_numpy(bool)
    parts["variant"] = parts["variant"].where(is_naming)
    parts["span"] = parts["span"].where(is_naming)
    combos = pd.DataFrame(parts)
    code = combos.groupby(list(parts), dropna=False, sort=False).ngroup().to_numpy()
    first = np.unique(code, return_index=True)[1]  # each combination's first row, in code order
    distinct = _row_keys_each(combos.iloc[first].reset_index(drop=True))
    return pd.Series(distinct.to_numpy()[code], index=evidence.index, dtype=distinct.dtype)


def _row_keys_each(evidence: pd.DataFrame) -> pd.Series:
    """:func:`row_keys`, computed row by row."""

    def col(name: str, fill: str) -> pd.Series:
        s = evidence[name] if name in evidence.columns else pd.Series(pd.NA, index=evidence.index)
        return s.astype("string").fillna(fill).astype(str).map(_snake)

    fam = evidence["family"].astype("string").fillna("").astype(str)
    label = col("label", "none")
    actor = col("actor", "other")
    keys = label.copy()
    att = fam == "attribution"
    if att.any():
        quote = evidence["quote"].astype("string") if "quote" in evidence.columns else pd.Series(pd.NA, index=evidence.index, dtype="string")
        q = ("|quote_" + quote.fillna("").astype(str).map(_snake)).where(quote.notna(), "")
        keys[att] = (label + "|speaker_" + col("speaker_type", "unknown") + "|actor_" + actor + q)[att]
    nam = fam == "naming"
    if nam.any():
        var = evidence["variant"].astype("string").fillna(evidence["span"].astype("string")).fillna("x")
        keys[nam] = (col("label", "names") + "|" + col("label", "names") + "__"
                     + var.astype(str).map(_snake))[nam]
    act = fam == "actor"
    keys[act] = actor[act]
    return keys


def _kind(key: Any) -> str:
    """What a key says about its family: attribution keys of speaker type, side or quotation differ
    in kind from stance; all other keys of a family are of one kind (one finding per family and group)."""
    k = "" if key is None or (isinstance(key, float) and math.isnan(key)) else str(key)
    for prefix in ("speaker_", "actor_", "quote_"):
        if k.startswith(prefix):
            return prefix
    return ""


@functools.lru_cache(maxsize=1)
def _naming_sets() -> tuple[str, ...]:
    """The bundled rival-name sets and variants as written ("Kurakhove/Kurakhovo", "Kurakhove")."""
    from contrast.lexicon import load_table

    table = load_table("naming")
    return tuple(dict.fromkeys([*table["set"].astype(str), *table["variant"].dropna().astype(str)]))


def readable_labels(features: Iterable[str], evidence: pd.DataFrame | None = None) -> dict[str, str]:
    """Plain noun phrases for feature columns, with the names as written in the evidence.

    Examples
    --------
    >>> readable_labels(["hedge_modal_per_1k", "attribution_actor_west_share", "number_casualties_per_1k"])
    {'hedge_modal_per_1k': 'modal hedges', 'attribution_actor_west_share': 'attributions to speakers from the west side', 'number_casualties_per_1k': 'casualty figures'}
    """
    spelled: dict[str, str] = {}
    if evidence is not None and len(evidence):
        cols = [c for c in ("label", "variant", "actor", "speaker_type") if c in evidence.columns]
        for c in cols:
            for v in evidence[c].dropna().astype(str).unique()[:5000]:
                spelled.setdefault(_snake(v), v)
    for v in _naming_sets():  # a name the evidence (the report's sample) does not show is spelled as listed
        spelled.setdefault(_snake(v), v)
    out = {}
    for f in features:
        fam, key = evidence_key(f)
        name = {"hedge": "hedges", "booster": "boosters", "number": "numbers", "naming": "contested names",
                "attribution": "attributions", "actor": "mentions of a side", "unattributed":
                "unattributed sentences"}.get(fam, fam.replace("_", " "))
        if key is None:
            out[f] = name if fam != "sentiment" else "mean sentence sentiment"
            continue
        if fam == "attribution" and key.startswith("speaker_"):
            kind = spelled.get(key[8:], key[8:].replace("_", " "))
            out[f] = "attributions to sources of unknown type" if kind == "unknown" else f"attributions to {kind} sources"
        elif fam == "attribution" and key.startswith("actor_"):
            side = spelled.get(key[6:], key[6:].replace("_", " "))
            out[f] = ("attributions to speakers of no known side" if side.lower() == "other"
                      else f"attributions to speakers from the {side} side")
        elif fam == "attribution" and key.startswith("quote_"):
            out[f] = f"{key[6:].replace('_', ' ')} quotations"
        elif fam == "naming" and "__" in key:
            nset, _, var = key.partition("__")
            out[f] = f'the name "{spelled.get(var, var)}" (within {spelled.get(nset, nset)})'
        elif fam == "actor" and f.endswith("_mean"):
            out[f] = f"mean sentiment toward {spelled.get(key, key)}"
        elif fam == "actor":
            out[f] = f"mentions of {spelled.get(key, key)}"
        elif fam == "sentiment":
            out[f] = f"{spelled.get(key, key)} sentences"
        elif fam == "number" and key in _NUMBER_NAMES:
            out[f] = _NUMBER_NAMES[key]
        else:
            out[f] = f"{spelled.get(key, key).replace('_', ' ')} {name}"
    return out


_NUMBER_NAMES = {"casualties": "casualty figures", "percent": "percentages", "money": "sums of money",
                 "date": "dates written as numbers", "time": "clock times", "count": "counts",
                 "ordinal": "ordinals", "other": "other numbers"}


def effect_size(row: Mapping[str, Any]) -> float:
    """A conservative effect size: ln of the rate ratio's CI bound nearest 1.

    Rates and shares use the ratio's interval (its point estimate when the
    interval is missing); means (a ratio of signed scores means nothing)
    use twice the difference's bound nearest 0, so that a shift of 0.35 in
    the -1..1 sentiment scale weighs like a doubling. An interval that
    straddles no-difference gives 0.

    Examples
    --------
    >>> round(effect_size({"ratio": 3.0, "ratio_low": 2.0, "ratio_high": 4.5}), 3)
    0.693
    >>> effect_size({"ratio": 1.2, "ratio_low": 0.9, "ratio_high": 1.6})
    0.0
    """
    def num(k: str) -> float:
        v = row.get(k)
        try:
            return float(v)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return math.nan

    r, lo, hi = num("ratio"), num("ratio_low"), num("ratio_high")
    if math.isfinite(r) and r > 0:
        if math.isnan(lo) and math.isnan(hi):
            return abs(math.log(r))
        if lo > 1:
            return math.log(lo)
        if 0 < hi < 1:
            return -math.log(hi)
        return 0.0
    d, dlo, dhi = num("difference"), num("difference_low"), num("difference_high")
    if math.isnan(d):
        return 0.0
    ea, eb = num("estimate_a"), num("estimate_b")
    if not str(row.get("feature", "")).endswith("_mean") and (ea == 0 or eb == 0):
        # one side has none: the ratio is undefined. Weigh it as the ratio of the
        # difference's bound nearest 0 to a floor of 5% of the larger estimate,
        # i.e. at most a 21-fold ratio, so that a rare label found in one group
        # only does not outrank a large, well-measured ratio
        bound = dlo if d > 0 else dhi
        floor = 0.05 * max(abs(ea), abs(eb))
        return math.log1p(abs(bound) / floor) if math.isfinite(bound) and bound * d > 0 and floor > 0 else 0.0
    if math.isnan(dlo) and math.isnan(dhi):
        return 2 * abs(d)
    if dlo > 0:
        return 2 * dlo
    if dhi < 0:
        return -2 * dhi
    return 0.0


def _fmt(x: Any, digits: int = 2) -> str:
    """A number with ``digits`` significant digits (at least one decimal below 10)."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return "–"
    if math.isnan(v):
        return "–"
    if math.isinf(v):
        return "∞"
    if v == 0:
        return "0"
    mag = int(math.floor(math.log10(abs(v))))
    dec = max(0, digits - 1 - mag)
    if abs(v) < 10:
        dec = max(dec, 1)
    return f"{v:,.{dec}f}"


def _pct(x: Any) -> str:
    try:
        v = 100 * float(x)
    except (TypeError, ValueError):
        return "–"
    return "–" if math.isnan(v) else f"{v:.0f}%" if v >= 10 or v == 0 else f"{v:.1f}%"


def _p(p: Any) -> str:
    v = float(p)
    return "< 0.001" if v < 0.001 else f"= {v:.3f}" if v < 0.01 else f"= {v:.2f}"


def _other(b: str, group_word: str) -> str:
    return f"the other {group_word}s" if b == "rest" else b


def _noun(label: str) -> str:
    """The feature's readable label as a noun phrase inside a sentence."""
    s = re.sub(r"\s*\((share|per 1k words|mean)\)$", "", str(label)).strip()
    return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s


def describe(row: Mapping[str, Any], *, group_word: str = "outlet", ci: float = 0.95) -> str:
    """One plain sentence for one row of the pairwise table: what, how much, interval, n.

    Examples
    --------
    >>> describe({"feature": "sentiment_mean", "label": "Mean sentence sentiment", "group_a": "A",
    ...           "group_b": "rest", "estimate_a": -0.30, "estimate_b": -0.05, "difference": -0.25,
    ...           "difference_low": -0.4, "difference_high": -0.1, "p_adjusted": 0.004,
    ...           "units_a": 30, "units_b": 90})
    'Mean sentence sentiment is lower in A than in the other outlets: -0.30 vs -0.05 (difference -0.25, 95% CI -0.40 to -0.10); 30 vs 90 articles, adjusted p = 0.004.'
    """
    a, b = str(row["group_a"]), _other(str(row["group_b"]), group_word)
    feature = str(row.get("feature", ""))
    label = str(row.get("label") or feature)
    level = f"{int(round(100 * ci))}% CI"
    unit_name = str(row.get("resampled") or "articles")
    unit_name = unit_name if unit_name in ("articles", "sentences") else "articles"
    n = (f"{int(row['units_a']):,} vs {int(row['units_b']):,} {unit_name}"
         if pd.notna(row.get("units_a")) and pd.notna(row.get("units_b")) else "")
    tail = "; ".join(x for x in (n, f"adjusted p {_p(row['p_adjusted'])}" if pd.notna(row.get("p_adjusted")) else "") if x)
    tail = tail.replace("; adjusted", ", adjusted")
    ea: Any = row.get("estimate_a")
    eb: Any = row.get("estimate_b")
    d = float(row.get("difference", np.nan))
    if feature.endswith("_mean"):
        word = "higher" if d > 0 else "lower"
        return (f"{_cap(label)} is {word} in {a} than in {b}: {float(ea):+.2f} vs {float(eb):+.2f} "
                f"(difference {d:+.2f}, {level} {float(row.get('difference_low', np.nan)):+.2f} to "
                f"{float(row.get('difference_high', np.nan)):+.2f}); {tail}.")
    noun = _noun(label)
    share = feature.endswith("_share")
    r = float(row.get("ratio", np.nan))
    lo: Any = row.get("ratio_low")
    hi: Any = row.get("ratio_high")
    if math.isfinite(r) and r > 0:
        if r >= 1:
            times, interval = _fmt(r), (lo, hi)
        else:  # say it the way round that reads: "3 times less", with the interval inverted to match
            inv = [1 / float(x) if pd.notna(x) and float(x) > 0 else (math.inf if pd.notna(x) else math.nan)
                   for x in (hi, lo)]
            times, interval = _fmt(1 / r), (inv[0], inv[1])
        ci_txt = (f", {level} {_fmt(interval[0])} to {_fmt(interval[1])}"
                  if pd.notna(interval[0]) and pd.notna(interval[1]) else "")
        if share:
            how = "times as large" if r >= 1 else "times smaller"
            return (f"The share of {noun} is {_pct(ea)} in {a} vs {_pct(eb)} in {b} ({times} {how}{ci_txt}); "
                    f"{tail}.")
        how = "times as often as" if r >= 1 else "times less often than"
        return (f"{a} uses {noun} {times} {how} {b} ({_fmt(ea)} vs {_fmt(eb)} per 1,000 words{ci_txt}); "
                f"{tail}.")
    dl: Any = row.get("difference_low")
    dh: Any = row.get("difference_high")
    if share:
        scale = 100.0
        diff = (f", difference {level} {_fmt(scale * float(dl))} to {_fmt(scale * float(dh))} points"
                if pd.notna(dl) and pd.notna(dh) else "")
        return f"The share of {noun} is {_pct(ea)} in {a} vs {_pct(eb)} in {b}{diff}; {tail}."
    diff = f", difference {level} {_fmt(dl)} to {_fmt(dh)}" if pd.notna(dl) and pd.notna(dh) else ""
    who, none = (a, b) if d > 0 else (b, a)
    has = "have" if none.startswith("the other ") else "has"
    uses = "use" if who.startswith("the other ") else "uses"
    return (f"{_cap(who)} {uses} {noun} where {none} {has} none ({_fmt(ea)} vs {_fmt(eb)} per 1,000 words{diff}); "
            f"{tail}.")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _examples(rows: pd.DataFrame, n: int, *, order: str | None, seed: int) -> list[dict[str, Any]]:
    """Up to ``n`` sentences of ``rows``, from different articles when possible."""
    rows = rows.dropna(subset=["doc_id", "sent_id"])
    if rows.empty:
        return []
    if order is not None and "compound" in rows.columns:
        c = pd.to_numeric(rows["compound"], errors="coerce")
        rows = rows.assign(_c=c).dropna(subset=["_c"]).sort_values("_c", ascending=order == "low",
                                                                     kind="mergesort")
        rows = rows.head(max(50, 10 * n))
    else:
        rng = np.random.default_rng(seed)
        k = min(len(rows), max(50, 10 * n))
        rows = rows.iloc[rng.choice(len(rows), size=k, replace=False)]
    picked: list[dict[str, Any]] = []
    docs: set[str] = set()
    keys: set[tuple[str, int]] = set()
    for prefer_new in (True, False):
        for r in rows.itertuples(index=False):
            doc, sent = str(r.doc_id), int(r.sent_id)
            if len(picked) >= n or (doc, sent) in keys or (prefer_new and doc in docs):
                continue
            keys.add((doc, sent))
            docs.add(doc)
            picked.append({"doc_id": doc, "sent_id": sent, "source": str(getattr(r, "source", ""))})
    return picked


class ExampleReserve:
    """The first articles of every group x family x key of a stream, kept for example sentences.

    A streamed run draws its charts from a sample; a finding about a label
    the sample lacks for one side would show no example sentence there.
    :meth:`add` each chunk's corpus and evidence: the first ``per_key``
    articles with evidence of each (group, family, key) of
    :func:`row_keys` are kept, with all their evidence rows, up to
    ``max_docs`` articles in all (memory: at most ``max_docs`` articles and
    their evidence, whatever the corpus size).
    """

    def __init__(self, by: str = "source", *, per_key: int = 2, max_docs: int = 2000):
        self.by, self.per_key, self.max_docs = by, per_key, max_docs
        self._counts: dict[tuple[str, str, str], int] = {}
        self._corpus: list[pd.DataFrame] = []
        self._evidence: list[pd.DataFrame] = []
        self._docs: set[str] = set()

    def add(self, corpus: pd.DataFrame, evidence: pd.DataFrame) -> None:
        """Keep the articles of ``corpus`` that give a (group, family, key) its first examples."""
        room = self.max_docs - len(self._docs)
        if room <= 0 or evidence.empty or self.by not in corpus.columns:
            return
        doc = evidence["doc_id"].astype(str)
        group = doc.map(corpus.set_index(corpus["doc_id"].astype(str))[self.by].astype(str))
        ex = pd.DataFrame({"doc": doc, "g": group.fillna("(none)"),
                           "f": evidence["family"].astype("string").fillna("").astype(str),
                           "k": row_keys(evidence).str.split("|")}).explode("k")
        ex = ex[~ex["doc"].isin(self._docs)].drop_duplicates(["g", "f", "k", "doc"])
        take: list[str] = []
        for g, f, k, d in zip(ex["g"], ex["f"], ex["k"].astype(str), ex["doc"], strict=True):
            n = self._counts.get((g, f, k), 0)
            if n < self.per_key:
                self._counts[(g, f, k)] = n + 1
                if d not in self._docs:
                    self._docs.add(d)
                    take.append(d)
                    if len(take) >= room:
                        break
        if take:
            wanted = set(take)
            self._corpus.append(corpus[corpus["doc_id"].astype(str).isin(wanted)])
            self._evidence.append(evidence[doc.isin(wanted)])

    def corpus(self) -> pd.DataFrame:
        """The kept articles (corpus rows)."""
        return pd.concat(self._corpus, ignore_index=True) if self._corpus else pd.DataFrame()

    def evidence(self) -> pd.DataFrame:
        """Every evidence row of the kept articles."""
        return pd.concat(self._evidence, ignore_index=True) if self._evidence else pd.DataFrame()


def findings(
    pairwise: pd.DataFrame,
    *,
    evidence: pd.DataFrame | None = None,
    groups: pd.Series | None = None,
    alpha: float = 0.05,
    max_findings: int = 12,
    per_side: int = 2,
    group_word: str | None = None,
    labels: Mapping[str, str] | None = None,
    per_feature: int = 1,
    seed: int = 0,
    fallback: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The differences of a pairwise table that survive the correction, ranked by effect size.

    Parameters
    ----------
    pairwise : DataFrame
        :func:`contrast.tables.pairwise` (or rows of
        :func:`~contrast.tables.contrast_pair`); read, never recomputed.
        Rows with ``testable`` False (when the column exists) are not ranked.
    evidence : DataFrame, optional
        The evidence table, for example sentences.
    groups : Series, optional
        doc_id -> group (the grouping of ``pairwise``), when the evidence
        has no column of that name (e.g. ``--by date``).
    alpha : float
        Keep rows with ``p_adjusted < alpha``.
    max_findings : int
        At most this many findings.
    per_side : int
        Example sentences from each side.
    group_word : str, optional
        What a group is called in the sentences (default from the table's
        ``by``: "outlet" for ``source``).
    labels : mapping, optional
        feature -> readable label (default: :func:`readable_labels`).
    per_feature : int
        When every row compares a group with the rest, at most this many
        findings per feature (the strongest): one outlying group otherwise
        makes every other group "differ from the rest" on that feature.
    seed : int
        For the choice of example sentences.
    fallback : DataFrame, optional
        More evidence (with the grouping column, or doc_ids in ``groups``)
        from which a side short of examples in ``evidence`` takes them: the
        :class:`ExampleReserve` of a streamed run.

    Returns
    -------
    DataFrame
        :data:`FINDING_COLUMNS`, best first. ``examples_a`` / ``examples_b``
        are lists of ``{"doc_id", "sent_id", "source"}``. For one feature
        family and group only the strongest form is kept (a rate and the
        matching share say the same).
    """
    by = pairwise.attrs.get("by", "source") if hasattr(pairwise, "attrs") else "source"
    group_word = group_word or ("outlet" if by == "source" else str(by).replace("_", " "))
    empty = pd.DataFrame(columns=list(FINDING_COLUMNS))
    if pairwise is None or pairwise.empty:
        return empty
    pw = pairwise.copy()
    if labels:
        pw["label"] = [labels.get(f, lab) for f, lab in zip(pw["feature"], pw.get("label", pw["feature"]), strict=True)]
    else:
        pw["label"] = pw["feature"].map(readable_labels(pw["feature"].unique(), evidence))
    keep = pd.to_numeric(pw["p_adjusted"], errors="coerce") < alpha
    if "testable" in pw.columns:
        keep &= pw["testable"].fillna(False).astype(bool)
    # an "unknown" category (speaker type, role or side the article does not tell) measures what the
    # extractor could not read, not how an outlet frames: it stays in pairwise.csv, not in the findings
    keep &= ~pw["feature"].astype(str).str.contains(r"_unknown_(?:per_1k|share)$", regex=True)
    pw = pw[keep]
    if pw.empty:
        return empty
    pw = pw.assign(effect=[effect_size(r) for r in pw.to_dict("records")])
    pw = pw[pw["effect"] > 0]
    keys = [evidence_key(f) for f in pw["feature"]]
    pw = pw.assign(family=[k[0] for k in keys], key=[k[1] for k in keys])
    pw = pw.assign(_dedupe=pw["family"] + "\x00" + pw["key"].map(_kind) + "\x00" + pw["group_a"].astype(str)
                   + "\x00" + pw["group_b"].astype(str))
    pw = (pw.sort_values(["effect", "p_adjusted"], ascending=[False, True], kind="mergesort")
          .drop_duplicates("_dedupe"))
    if (pw["group_b"].astype(str) == "rest").all():
        # each group against the rest: one extreme group makes every other one differ from "the rest"
        # on the same feature; keep the strongest per feature so the findings say different things
        pw = pw.groupby("feature", sort=False).head(per_feature)
    pw = pw.head(max_findings)
    ci = float(pairwise.attrs.get("ci", 0.95))

    def prepared(evx: pd.DataFrame | None, column_first: bool) -> pd.DataFrame | None:
        if evx is None or not len(evx):
            return None
        if by in evx.columns and (column_first or groups is None):
            evx = evx.assign(_group=evx[by].astype(str))
        elif groups is not None:
            evx = evx.assign(_group=evx["doc_id"].astype(str).map(groups.astype(str)))
        else:
            return None
        return evx.assign(_keys=row_keys(evx), _fam=evx["family"].astype("string").fillna("").astype(str))

    ev, fb = prepared(evidence, False), prepared(fallback, True)  # the reserve's articles are not in groups
    out = []
    for rank, r in enumerate(pw.to_dict("records"), start=1):
        ex_a, ex_b = _finding_examples(ev, r, per_side, seed + rank)
        if fb is not None and (len(ex_a) < per_side or len(ex_b) < per_side):
            more_a, more_b = _finding_examples(fb, r, per_side, seed + rank)
            ex_a = _topped_up(ex_a, more_a, per_side)
            ex_b = _topped_up(ex_b, more_b, per_side)
        out.append({"rank": rank, "feature": r["feature"], "label": r["label"], "group_a": r["group_a"],
                    "group_b": r["group_b"], "effect": float(r["effect"]),
                    "sentence": describe(r, group_word=group_word, ci=ci), "family": r["family"],
                    "key": r["key"], "p_adjusted": float(r["p_adjusted"]), "examples_a": ex_a,
                    "examples_b": ex_b})
    res = pd.DataFrame(out, columns=list(FINDING_COLUMNS))
    res.attrs.update({"by": by, "alpha": alpha, "group_word": group_word})
    return res


def _topped_up(have: list[dict[str, Any]], more: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    seen = {(e["doc_id"], e["sent_id"]) for e in have}
    return have + [e for e in more if (e["doc_id"], e["sent_id"]) not in seen][: max(0, n - len(have))]


def _finding_examples(ev: pd.DataFrame | None, r: Mapping[str, Any], per_side: int, seed: int
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Example sentences of both sides of one finding (row ``r``) from prepared evidence ``ev``."""
    ex_a: list[dict[str, Any]] = []
    ex_b: list[dict[str, Any]] = []
    if ev is not None:
        sub = ev[ev["_fam"] == r["family"]]
        if isinstance(r["key"], str) and r["key"]:
            sub = sub[sub["_keys"].str.split("|").map(lambda ks, k=r["key"]: k in ks)]
        in_a = sub["_group"] == str(r["group_a"])
        side_b = ~in_a if str(r["group_b"]) == "rest" else sub["_group"] == str(r["group_b"])
        order_a = order_b = None
        if str(r["feature"]).endswith("_mean"):  # the sentences that make the difference
            order_a, order_b = ("low", "high") if float(r["difference"]) < 0 else ("high", "low")
        ex_a = _examples(sub[in_a], per_side, order=order_a, seed=seed)
        ex_b = _examples(sub[side_b], per_side, order=order_b, seed=seed)
        if r["family"] == "naming" and isinstance(r["key"], str) and "__" in r["key"] and not (ex_a and ex_b):
            # a side that never writes this variant: show what it writes instead (the set's other names)
            nset = r["key"].split("__", 1)[0]
            whole = ev[(ev["_fam"] == "naming") & ev["_keys"].str.split("|").map(lambda ks, k=nset: k in ks)]
            in_a_set = whole["_group"] == str(r["group_a"])
            b_set = ~in_a_set if str(r["group_b"]) == "rest" else whole["_group"] == str(r["group_b"])
            ex_a = ex_a or _examples(whole[in_a_set], per_side, order=None, seed=seed)
            ex_b = ex_b or _examples(whole[b_set], per_side, order=None, seed=seed)
    return ex_a, ex_b


def untested(pairwise: pd.DataFrame) -> int:
    """How many rows of the table are marked untestable (0 when the column is absent)."""
    if "testable" not in pairwise.columns:
        return 0
    return int((~pairwise["testable"].fillna(False).astype(bool)).sum())


def default_features(table: pd.DataFrame) -> list[str]:
    """The features worth testing between groups: rates, means, the unattributed share, name variants.

    Shares of attribution categories repeat their rates (same numerator) and
    are left out, so the multiple-testing correction is not spent twice.

    Examples
    --------
    >>> default_features(pd.DataFrame(columns=["hedge_per_1k", "attribution_named_share", "sentiment_mean",
    ...                                        "naming_kyiv_kiev__kyiv_share", "naming_kyiv_kiev_n"]))
    ['hedge_per_1k', 'sentiment_mean', 'naming_kyiv_kiev__kyiv_share']
    """
    out = []
    for c in table.columns:
        c = str(c)
        if c.endswith(("_per_1k", "_mean")) or c == "unattributed_share" or (
                c.startswith("naming_") and "__" in c and c.endswith("_share")):
            out.append(c)
    return out
