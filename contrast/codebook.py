"""The codebook: what every column of every output means, derived from its name.

Column names are generated (``naming_<set>__<variant>_share``,
``attribution_actor_<side>_per_1k``, ``<feature>_low``), so the entries are
derived from the name patterns of :mod:`contrast.tables`, not from a hand
list: a column added by a new lexicon or actor dictionary gets its entry.

>>> import contrast
>>> book = contrast.codebook({"articles": ["doc_id", "hedge_per_1k"]})
>>> book.loc[1, ["column", "family", "unit", "denominator"]].tolist()
['hedge_per_1k', 'hedge', 'article', 'n_words (per 1,000)']
>>> label("naming_kyiv_kiev__kiev_share")
'Naming kyiv kiev: kiev (share of the set)'
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import pandas as pd

__all__ = ["codebook", "label", "entry", "CODEBOOK_COLUMNS", "FORMULA_NOTE"]

CODEBOOK_COLUMNS = ["table", "column", "label", "family", "unit", "denominator", "computed", "validity"]

#: How the CSVs are guarded against spreadsheet formulas (io.escape_formulas).
FORMULA_NOTE = ("CSV files: a text cell starting with = + - @ (a spreadsheet formula) gets a leading ' "
                "unless it reads as a number (\"-2\", \"+3.5%\") or lies in an offset-exact column "
                "(span, speaker, cue: text[start:end] == span holds in every file); Parquet files are exact.")

_FAMILY_WORDS = {
    "sentiment": "sentence sentiment (VADER compound)",
    "actor": "mentions of an actor group",
    "hedge": "hedges",
    "booster": "boosters",
    "number": "numbers cited",
    "naming": "contested names",
    "attribution": "attributions (reporting cues)",
    "unattributed": "sentences without attribution",
    "custom": "custom word categories",
}

# family -> the validity.csv measure that validates it (first matching row, held-out preferred)
_VALIDITY = {
    "hedge": "hedge: sentence has a hedge",
    "attribution": "attribution cue",
    "number": "numbers: value F1",
    "sentiment": "sentence sentiment",
    "sentiment_toward": "sentiment toward targets",
}

_EVIDENCE = {
    "doc_id": ("meta", "the article's id"),
    "source": ("meta", "the article's outlet"),
    "sent_id": ("position", "0-based sentence index in the article (the headline is sentence 0)"),
    "start": ("position", "character offset of the span's start in the article's text as loaded"),
    "end": ("position", "character offset of the span's end (text[start:end] == span)"),
    "span": ("text", "the matched text, exact (never formula-guarded)"),
    "family": ("category", "the evidence family (sentiment, attribution, hedge, booster, number, naming, ...)"),
    "label": ("category", "the class within the family (stance, hedge type, number category, naming set)"),
    "speaker": ("attribution", "who is cited, as written"),
    "speaker_resolved": ("attribution", "the speaker a pronoun or short name refers back to"),
    "cue": ("attribution", "the reporting verb or phrase as written"),
    "speaker_start": ("position", "offset of the speaker's start"),
    "speaker_end": ("position", "offset of the speaker's end"),
    "content_start": ("position", "offset of the reported content's start"),
    "content_end": ("position", "offset of the reported content's end"),
    "speaker_type": ("attribution", "named, title, institution, pronoun or anonymous"),
    "quote": ("attribution", "direct or indirect quotation"),
    "value": ("number", "the numeric value (lower bound of a range)"),
    "value_high": ("number", "upper bound of a range"),
    "counted": ("number", "the thing counted"),
    "approx": ("number", "the approximator (up to, about, more than)"),
    "compound": ("sentiment", "VADER compound score of the sentence, or toward the actor mention"),
    "actor": ("actor", "the side of the actor or speaker, from the side map"),
    "variant": ("naming", "the variant of the contested name used"),
    "affiliation": ("actor", "country (ISO 3166-1 alpha-2) or organisation the actor belongs to"),
    "role": ("attribution", "the speaker's role (head of state, military, spokesperson, ...)"),
}

_META = {
    "title": "headline", "date": "publication date", "url": "address of the article",
    "language": "language code", "removed": "text removed as page furniture", "duplicate_of":
    "doc_id of the article this one nearly duplicates", "path": "file of the article",
}

_STATS = {
    "n_articles": ("article", "articles in the group"),
    "n_sentences": ("sentence", "sentences (headline included)"),
    "n_body_sentences": ("sentence", "sentences without the headline"),
    "n_words": ("word", "alphanumeric tokens"),
    "n_units": ("unit", "units the interval resamples (articles, or sentences: see resampled)"),
    "resampled": ("unit", "the unit the bootstrap resamples: articles, or sentences for a group with "
                          "fewer than 5 articles"),
    "period": ("period", "the period (W, M, Q) of the row"),
    "feature": ("test", "the compared column (see its own entry)"),
    "label": ("test", "readable name of the feature"),
    "group_a": ("test", "first group"), "group_b": ("test", "second group, or 'rest' (all the others)"),
    "estimate_a": ("test", "pooled estimate of group a"), "estimate_b": ("test", "pooled estimate of group b"),
    "ratio": ("test", "estimate_a / estimate_b (NaN for sentiment means: read the difference)"),
    "ratio_low": ("test", "lower bound of the ratio's percentile interval (each group's bootstrap)"),
    "ratio_high": ("test", "upper bound of the ratio's interval"),
    "difference": ("test", "estimate_a - estimate_b"),
    "difference_low": ("test", "lower bound of the difference's percentile interval"),
    "difference_high": ("test", "upper bound of the difference's interval"),
    "p_value": ("test", "two-sided permutation p of the difference, articles shuffled between the groups "
                        "(exact when there are at most n_perm arrangements)"),
    "p_adjusted": ("test", "Benjamini-Hochberg adjusted p over the testable rows of the whole table "
                           "(empty for untestable rows)"),
    "units_a": ("test", "units behind group a's interval"), "units_b": ("test", "units behind group b's interval"),
    "n_articles_a": ("test", "articles in group a"), "n_articles_b": ("test", "articles in group b"),
    "n_informative_a": ("test", "articles of group a that carry the feature (nonzero denominator)"),
    "n_informative_b": ("test", "articles of group b that carry the feature (nonzero denominator)"),
    "permuted": ("test", "the unit the test permutes (articles)"),
    "min_p": ("test", "the smallest p the permutation design can give, whatever the data: "
                      "C(n - m, n_a - m_a) / C(n, n_a) with m the informative articles, at least 1/(n_perm + 1)"),
    "testable": ("test", "min_p <= alpha (0.05) and both groups have at least 5 articles: the test can "
                         "reject; untestable rows get no adjusted p and are not ranked"),
}


@lru_cache(maxsize=1)
def _validity_table() -> pd.DataFrame | None:
    from importlib import resources

    ref = resources.files("contrast") / "validity.csv"
    if not ref.is_file():
        return None
    with ref.open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh)


def _validity(key: str) -> str:
    table = _validity_table()
    measure = _VALIDITY.get(key)
    if table is None or measure is None:
        return ""
    rows = table[table["measure"].astype(str) == measure]
    if rows.empty:
        return ""
    held = rows[rows["data"].astype(str).str.contains("held-out", case=False)]
    r = (held if len(held) else rows).iloc[0]
    value = r["value"]
    shown = f"{float(value):.4f}".rstrip("0").rstrip(".") if pd.notna(value) else ""
    return f"{r['metric']} {shown} on {r['data']}"


def _families() -> tuple[str, ...]:
    from contrast.evidence import FAMILIES

    return FAMILIES


def _family(base: str) -> str:
    for f in sorted(_families(), key=len, reverse=True):
        if base == f or base.startswith(f + "_"):
            return f
    return base.split("_", 1)[0]


def _words(s: str) -> str:
    return s.replace("__", ": ").replace("_", " ").strip()


def _what(base: str) -> str:
    """What a count base (``attribution_speaker_named``) counts, in words."""
    fam = _family(base)
    rest = base[len(fam) + 1:] if base != fam else ""
    famw = _FAMILY_WORDS.get(fam, f"{fam} evidence rows")
    if not rest:
        return famw
    if fam == "attribution":
        for key, what in (("speaker_", "speaker type"), ("actor_", "speaker's side"), ("role_", "speaker's role"),
                          ("quote_", "quotation")):
            if rest.startswith(key):
                return f"attributions whose {what} is {_words(rest[len(key):])}"
        return f"attributions with stance {_words(rest)}"
    if fam == "naming":
        nset, _, variant = rest.partition("__")
        return f"uses of {_words(variant)!r} in the set {_words(nset)!r}" if variant else \
            f"uses of any name of the set {_words(nset)!r}"
    if fam == "sentiment":
        if rest == "scored":
            return "sentences with a sentiment score"
        if rest in {"negative", "neutral", "positive"}:
            return f"sentences labelled {rest}"
        return f"scored mentions of {_words(rest)}"
    if fam == "actor":
        return f"mentions of {_words(rest)}"
    return f"{famw} of type {_words(rest)}"


def label(column: str) -> str:
    """A readable label for any output column (charts, report, codebook).

    Examples
    --------
    >>> label("hedge_per_1k")
    'Hedges'
    >>> label("attribution_actor_russia_share_low")
    'Attribution: actor russia (share), lower bound'
    """
    from contrast import tables

    for suffix, word in (("_low", "lower bound"), ("_high", "upper bound")):
        if column.endswith(suffix) and column[: -len(suffix)].endswith(("_per_1k", "_share", "_mean")):
            return f"{label(column[: -len(suffix)])}, {word}"
    if column in tables.FEATURE_LABELS:
        return tables.FEATURE_LABELS[column]
    if column.startswith("naming_") and "__" in column and column.endswith(("_share", "_n", "_per_1k")):
        base = column.rsplit("_share", 1)[0] if column.endswith("_share") else column
        nset, _, variant = base[len("naming_"):].partition("__")
        variant = variant.removesuffix("_n").removesuffix("_per_1k")
        unit = "share of the set" if column.endswith("_share") else \
            "count" if column.endswith("_n") else "per 1k words"
        return f"Naming {_words(nset)}: {_words(variant)} ({unit})"
    if column.endswith(("_per_1k", "_share", "_mean")):
        return tables.feature_label(column)
    if column.endswith("_n") and not column.startswith("n_"):
        return _what(column[:-2]).capitalize() + " (count)"
    if column.endswith("_sum"):
        return _what(column[:-4]).capitalize() + " (sum of scores)"
    if column in _STATS:
        return _STATS[column][1].split(" (")[0].capitalize()
    return _words(column).capitalize()


def entry(column: str, table: str = "articles", *, by: str | None = None, grouping: str | None = None
          ) -> dict[str, Any]:
    """The codebook row of one column of one output table."""
    from contrast import tables

    unit = {"articles": "article", "sources": "group", "trends": "group and period", "pairwise": "comparison",
            "evidence": "evidence row"}.get(table, table)
    row: dict[str, Any] = {"table": table, "column": column, "label": label(column), "family": "",
                           "unit": unit, "denominator": "", "computed": "", "validity": ""}
    if table == "evidence":
        fam, what = _EVIDENCE.get(column, ("extractor", "a field of the extractor that emitted the row"))
        row.update(family=fam, computed=what + (f". {FORMULA_NOTE}" if column == "span" else ""))
        return row
    interval = ""
    base_col = column
    for suffix, word in (("_low", "lower"), ("_high", "upper")):
        if column.endswith(suffix) and column[: -len(suffix)].endswith(("_per_1k", "_share", "_mean")):
            base_col = column[: -len(suffix)]
            interval = (f"{word} bound of the 95% percentile interval of the keyed Poisson bootstrap "
                        "(see resampled); ")
    if by is not None and column == by:
        row.update(family="group", computed=f"the group compared ({grouping or 'values of ' + by})")
        return row
    if base_col.endswith(("_per_1k", "_share", "_mean")):
        if base_col.endswith("_per_1k"):
            base = base_col[: -len("_per_1k")]
            den, how = "n_words (per 1,000)", f"1000 * {base}_n / n_words: {_what(base)} per 1,000 words"
        elif base_col.endswith("_share"):
            base = base_col[: -len("_share")]
            parent = tables._share_parent(base)
            den, how = parent, f"{base}_n / {parent}: share of {_what(base)}"
        else:
            base = base_col[: -len("_mean")]
            if base == "sentiment":
                den, how = "sentiment_scored_n", "mean VADER compound of the scored sentences"
            else:
                den, how = f"{base}_n", f"mean VADER-based score toward the mentions ({_what(base)})"
        fam = _family(base)
        pooled = " pooled over the group's articles (ratio of sums)" if table in {"sources", "trends"} else ""
        vkey = "sentiment_toward" if fam == "sentiment" and base != "sentiment" else fam
        row.update(family=fam, denominator=den, computed=interval + how + pooled, validity=_validity(vkey))
        return row
    if column.endswith("_n") and not column.startswith("n_"):
        base = column[:-2]
        fam = _family(base)
        row.update(family=fam, computed=f"number of evidence rows: {_what(base)}", validity=_validity(fam))
        return row
    if column.endswith("_sum"):
        base = column[:-4]
        row.update(family=_family(base), computed=f"sum of the compound scores of {_what(base)}")
        return row
    if column in _STATS:
        stat_unit, what = _STATS[column]
        row.update(family="statistics" if table == "pairwise" else "size", computed=what)
        if column in {"resampled", "testable"}:  # the rule, stated once per table
            from contrast.compare import UNIT_RULE

            row["computed"] = f"{what}. {UNIT_RULE.format(min_articles=5)}"
        return row
    if column == "doc_id":
        row.update(family="meta", computed="the article's id")
        return row
    row.update(family="meta", computed=f"corpus column: {_META.get(column, 'as in the input')}")
    if grouping and column.endswith(("_month", "_week", "_quarter", "_year", "_bin")):
        row.update(family="group", computed=f"derived group label ({grouping})")
    return row


def codebook(tables: Mapping[str, Any] | None = None, *, grouping: str | None = None, by: str | None = None,
             **frames: Any) -> pd.DataFrame:
    """Every column of every table, with family, unit, denominator, how computed and validity.

    Parameters
    ----------
    tables : mapping, optional
        Table name (``articles``, ``sources``, ``evidence``, ``pairwise``,
        ``trends``) -> DataFrame or list of its columns.
    grouping : str, optional
        A sentence saying how groups were formed (``Grouping.describe()``).
    by : str, optional
        The grouping column (default: the sources table's ``attrs["by"]``).
    **frames
        Tables as keywords (``codebook(articles=arts, sources=src)``).

    Returns
    -------
    DataFrame
        ``table, column, label, family, unit, denominator, computed,
        validity``: one row per (table, column), in table order.
    """
    items: dict[str, Any] = dict(tables or {})
    items.update(frames)
    rows = []
    for name, obj in items.items():
        cols: Iterable[Any] = obj.columns if isinstance(obj, pd.DataFrame) else obj
        key = name.split("_parquet")[0]
        b = by or (obj.attrs.get("by") if isinstance(obj, pd.DataFrame) else None)
        if b is None and key in {"sources", "trends"}:
            cols = list(cols)
            b = str(cols[0]) if cols else None
        for c in cols:
            rows.append(entry(str(c), key, by=b, grouping=grouping))
    return pd.DataFrame(rows, columns=CODEBOOK_COLUMNS)


class _CallableModule(types.ModuleType):
    """``contrast.codebook(...)`` calls :func:`codebook`; ``contrast.codebook.label`` still works."""

    def __call__(self, *args: Any, **kwargs: Any) -> pd.DataFrame:
        return codebook(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
