"""The self-contained HTML report: findings first, then the tables, charts and the evidence behind them.

One file, images embedded as base64 PNG, CSS and script inline, no external
request, so it can be mailed, archived or opened offline. It opens with
``<section id="findings">`` (elements of class ``finding``: the largest
differences that survive the multiple-testing correction, from the pairwise
table, :mod:`contrast.findings`), a table of contents, and holds the
evidence browser ``<section id="evidence">`` (:mod:`contrast.browser`);
clicking a finding or a chart opens the browser filtered to its sentences.
Every section names the grouping (``by``).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from contrast import display, tables
from contrast.io import write_text

__all__ = ["write_report", "render_report", "fmt_validity", "MEASURES"]

#: What each measure is and is not; shown in the caveats section.
MEASURES: dict[str, tuple[str, str, str]] = {
    # family: (title, what it is, what it is not)
    "sentiment": ("Sentence sentiment",
                  "VADER compound score (Hutto & Gilbert 2014) of each sentence, -1 to +1, from a "
                  "general-purpose lexicon of word valences.",
                  "Not the outlet's attitude: war reporting is negative whoever writes it, and VADER "
                  "scores words such as 'killed' regardless of who is blamed."),
    "actor": ("Sentiment toward actors",
              "VADER valence of the words near each mention of Russia, Ukraine or the West, from the "
              "bundled actor dictionary.",
              "Not stance toward the side: a sentence reporting an attack on Ukraine can score negative "
              "'toward Ukraine' while sympathising with it."),
    "hedge": ("Hedges",
              "Expressions that weaken a claim (may, reportedly, about, sources say), per 1,000 words, "
              "from a lexicon after Hyland (2005) with context rules.",
              "Not a measure of honesty or uncertainty of the facts; quoted hedges count for the outlet."),
    "booster": ("Boosters",
                "Expressions that strengthen a claim (clearly, in fact, the fact is), per 1,000 words.",
                "Not a measure of bias; quotations are counted too."),
    "number": ("Numbers cited",
               "Every number with its category (casualties, percent, money, date, ...), what it counts "
               "and who said it when the sentence is attributed.",
               "Not a check of the figures: numbers are reported as written."),
    "naming": ("Naming",
               "Which variant of each contested name is used (Kyiv/Kiev, Pokrovsk/Krasnoarmeysk, "
               "'regime'/'government').",
               "Only the bundled sets (and user sets) are counted; a variant in a quotation is counted "
               "for the outlet."),
    "attribution": ("Attribution",
                    "Who is cited (speaker, type, side) and the stance of the reporting verb: neutral "
                    "(said), distancing (claimed), endorsing (confirmed), emphatic (stressed), and "
                    "agentless accusations; after Hyland (2002) and Bergler (1992).",
                    "Cue detection is imperfect (see the validity figures); stance is a property of "
                    "the verb, not of the outlet's belief."),
    "unattributed": ("Unattributed sentences",
                     "Share of body sentences that assert something without any attribution cue.",
                     "Not 'opinion': background facts are often unattributed in every outlet."),
}

_VALIDITY_KEYS = {
    "sentiment": ("sentence sentiment", "sentiment (sentence", "nyt"),
    "actor": ("toward", "target", "newsmtsc"),
    "hedge": ("hedge",),
    "booster": ("booster",),
    "number": ("number",),
    "naming": ("naming",),
    "attribution": ("attribution", "cue", "source recall", "polnear"),
    "unattributed": ("unattributed",),
}

_CAPTIONS = {
    "framing_profile": "Rates per 1,000 words by outlet; whiskers are bootstrap confidence intervals.",
    "attribution_stance": "Share of each outlet's attributions by the stance of the reporting verb (n = attributions).",
    "speaker_types": "Share of each outlet's attributions by type of source, unknown included (n = attributions).",
    "who_is_quoted": "Share of each outlet's cited speakers by side, from the affiliation the article gives (other = "
                     "another or an unknown side; agentless cues cite no one and are left out; n = cited speakers); "
                     "whiskers are article-bootstrap intervals.",  # the bar form; see _HEATMAP_CAPTIONS
    "voices_by_role": "Share of each outlet's cited speakers by role, read from the article (unknown = not told); "
                      "whiskers are article-bootstrap intervals.",  # the bar form; see _HEATMAP_CAPTIONS
    "top_speakers": "The named people each outlet quotes most, with the affiliation the articles give them.",
    "hedges_vs_boosters": "Each point is an article: hedges and boosters per 1,000 words.",
    "sentiment_distribution": "VADER compound score of every sentence, by outlet.",
    "actor_sentiment": "Mean sentiment of the context of each actor's mentions (n = mentions).",
    "numbers_by_category": "Share of each outlet's numbers by category (n = numbers cited).",
    "naming_variants": "Share of each contested-name variant within its set, by outlet.",
    "distinctive_words": "Words most typical of each outlet: log-odds ratio with an informative "
                         "Dirichlet prior (Monroe, Colaresi & Quinn 2008), z-scores. The outlets' own names and "
                         "every news outlet, agency or domain named in the text are left out (they stay in the "
                         "text and as speakers); an outlet's near-duplicates count once.",
}

#: Captions of the charts that :mod:`contrast.plot` draws as a heatmap instead of bars when they
#: have more than :data:`contrast.plot.MAX_BAR_GROUPS` groups, for that form (``{n}``: the threshold).
_HEATMAP_CAPTIONS = {
    "who_is_quoted": "Share of each outlet's cited speakers by side, from the affiliation the article gives (other = "
                     "another or an unknown side; agentless cues cite no one and are left out); with more than {n} "
                     "outlets, a heatmap of the shares (%), one row per outlet (n = cited speakers), without intervals.",
    "voices_by_role": "Share of each outlet's cited speakers by role, read from the article (unknown = not told); "
                      "with more than {n} outlets, a heatmap of the shares (%), one row per outlet (n = cited "
                      "speakers), without intervals.",
}


def _caption(name: str, word: str, n_groups: Mapping[str, int]) -> str:
    """The caption of chart ``name``, for the form it is drawn in (``n_groups``: its groups, where known)."""
    cap = _CAPTIONS.get(name, name.replace("_", " "))
    if name in _HEATMAP_CAPTIONS and name in n_groups:
        from contrast.plot import MAX_BAR_GROUPS  # the threshold plot.category_shares draws by

        if n_groups[name] > MAX_BAR_GROUPS:
            cap = _HEATMAP_CAPTIONS[name].format(n=MAX_BAR_GROUPS)
    return cap.replace("outlet", word)


def _chart_groups(charts: Mapping[str, Path], evidence: pd.DataFrame, articles: pd.DataFrame,
                  by: str) -> dict[str, int]:
    """How many groups each chart of ``charts`` named in :data:`_HEATMAP_CAPTIONS` draws, as
    :func:`contrast.plot.charts` draws it: for who_is_quoted every group of the articles (one without
    a cited speaker is drawn as "none found"), for voices_by_role the groups with a cited speaker
    (:func:`contrast.voices.voices_by_role` leaves the others out)."""
    out: dict[str, int] = {}
    if "who_is_quoted" in charts and by in articles.columns:
        out["who_is_quoted"] = int(articles[by].dropna().astype(str).nunique())  # every outlet, "none found" too
    if "voices_by_role" not in charts or "speaker_start" not in evidence.columns or (
            by not in evidence.columns and by not in articles.columns):
        return out
    from contrast import voices
    from contrast.plot import _with_groups

    sp = voices.speakers(_with_groups(evidence, articles, by))
    out["voices_by_role"] = int(sp[by].dropna().nunique())
    return out


_CSS = """
body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:70em;margin:2em auto;
padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;font-size:.9em;margin:.5em 0 1em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1em 0 2em}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{color:#555;font-size:.9em}.note{color:#555;font-size:.9em}
.warn{background:#fff4e0;border-left:4px solid #E69F00;padding:.5em 1em}
.example{margin:.3em 0 .8em;font-family:Georgia,serif}.src{color:#555;font-size:.85em;font-family:sans-serif}
.scroll{overflow-x:auto}
nav.toc{background:#f7f7f7;border:1px solid #e4e4e4;padding:.4em 1em;font-size:.92em}nav.toc ol{margin:.2em 0}
.finding{border-left:4px solid #0072B2;background:#f6f9fc;padding:.5em 1em;margin:.8em 0;cursor:pointer}
.finding:hover{background:#eaf2fa}.finding .what{margin:0 0 .3em;font-size:1.02em}
.finding .side{font-size:.9em;margin:.2em 0}.finding .side b{font-family:sans-serif}
.finding a.to-evidence{font-size:.85em}figure[data-evidence-target]{cursor:pointer}
details>summary{cursor:pointer;color:#0072B2}
"""


def _label(feature: str) -> str:
    """The readable label of a column: the codebook's when there is one, else the tables' own."""
    try:
        from contrast import codebook as _codebook  # type: ignore[attr-defined]

        lab = _codebook.label(feature)
        if lab:
            return str(lab)
    except Exception:  # the codebook module is optional here
        pass
    return tables.feature_label(feature)


def _group_word(by: str) -> str:
    return "outlet" if by == "source" else str(by).replace("_", " ")


def _threshold(target: Any) -> tuple[str, float] | None:
    """``(">=", 0.55)`` from a target such as ">= 0.55" or "≥0.55"; None when it names no threshold."""
    import re

    m = re.match(r"\s*(>=|<=|>|<|≥|≤)\s*([-+]?\d*\.?\d+)", str(target or ""))
    if not m:
        return None
    op = {"≥": ">=", "≤": "<="}.get(m.group(1), m.group(1))
    return op, float(m.group(2))


def _meets(v: float, op: str, t: float) -> bool:
    return {">=": v >= t, "<=": v <= t, ">": v > t, "<": v < t}[op]


def fmt_validity(value: Any, target: Any = None) -> str:
    """A validity figure with enough decimals that rounding never moves it across its target.

    Examples
    --------
    >>> fmt_validity(0.5497, ">= 0.55"), fmt_validity(0.924, ">= 0.85"), fmt_validity(0.9, "")
    ('0.5497 (target &gt;= 0.55, not met)', '0.92 (target &gt;= 0.85)', '0.90')
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
        return html.escape(text) + (f" (target {html.escape(str(target))})" if str(target or "").strip() else "")
    if np.isnan(v):
        return "–"
    thr = _threshold(target)
    digits = 2
    if thr is not None:
        truth = _meets(v, *thr)
        while digits < 6 and (_meets(round(v, digits), *thr) != truth or round(v, digits) == thr[1] != v):
            digits += 1
    out = f"{v:.{digits}f}"
    tgt = str(target).strip() if target is not None and not (isinstance(target, float) and pd.isna(target)) else ""
    if tgt:
        met = "" if thr is None or _meets(v, *thr) else ", not met"
        out += f" (target {html.escape(tgt)}{met})"
    return out


def _esc(v: Any) -> str:
    if v is None or (not isinstance(v, str) and not isinstance(v, (list, dict)) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        return f"{v:,.3g}" if abs(v) < 1000 else f"{v:,.0f}"
    return html.escape(str(v))


def _table(df: pd.DataFrame, *, max_rows: int = 200) -> str:
    if df.empty:
        return '<p class="note">(none)</p>'
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    body = []
    for row in df.head(max_rows).itertuples(index=False):
        cells = []
        for v in row:
            num = isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
            cells.append(f'<td class="num">{_esc(v)}</td>' if num else f"<td>{_esc(v)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = (f'<p class="note">{len(df) - max_rows} more rows in the CSV.</p>' if len(df) > max_rows else "")
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>{more}'


def _fmt_ci(est: Any, low: Any, high: Any) -> str:
    def f(x: Any) -> str:
        if x is None or pd.isna(x):
            return "–"
        x = float(x)
        return "∞" if np.isinf(x) else f"{x:.2f}"

    if est is None or pd.isna(est):
        return "–"
    if (low is None or pd.isna(low)) and (high is None or pd.isna(high)):
        return f(est)
    return f"{f(est)} ({f(low)}–{f(high)})"


#: Features shown in the report's sources table (others are in sources.csv).
REPORT_FEATURES = ("hedge_per_1k", "booster_per_1k", "attribution_per_1k", "attribution_distancing_share",
                   "attribution_speaker_anonymous_share", "unattributed_share", "number_per_1k",
                   "sentiment_mean", "sentiment_russia_mean", "sentiment_ukraine_mean")


def _sources_table(sources: pd.DataFrame) -> str:
    if sources is None or sources.empty:
        return '<p class="note">(no sources table)</p>'
    by = sources.attrs.get("by") or sources.columns[0]
    out = pd.DataFrame({_group_word(by): sources[by].astype(str)})
    for c in ("n_articles", "n_sentences", "n_words", "resampled"):
        if c in sources.columns:
            out[c.replace("n_", "")] = sources[c].to_numpy()
    for f in REPORT_FEATURES:
        if f in sources.columns:
            out[_label(f)] = [
                _fmt_ci(e, lo, hi) for e, lo, hi in
                zip(sources[f], sources.get(f"{f}_low", pd.Series([np.nan] * len(sources))),
                    sources.get(f"{f}_high", pd.Series([np.nan] * len(sources))), strict=True)]
    level = int(round(100 * float(sources.attrs.get("ci", 0.95))))
    return (_table(out) + f'<p class="note">Estimate ({level}% percentile bootstrap CI). Rates are pooled '
            "per 1,000 of the outlet's words; shares are of the outlet's attributions or body sentences. "
            "Every feature is in <code>sources.csv</code>.</p>")


def _pairwise(pairwise: pd.DataFrame | None, *, max_rows: int = 40) -> str:
    """The pairwise table as computed (:func:`contrast.tables.pairwise`): its strongest rows, the rest in the CSV."""
    if pairwise is None or pairwise.empty:
        return '<p class="note">(fewer than two groups to compare)</p>'
    by = pairwise.attrs.get("by", "source")
    word = _group_word(by)
    mode = pairwise.attrs.get("vs", "pairs")
    pw = pairwise.sort_values(["p_adjusted", "p_value"], kind="mergesort")
    if "testable" in pw.columns:
        pw = pd.concat([pw[pw["testable"].fillna(False).astype(bool)], pw[~pw["testable"].fillna(False).astype(bool)]])
    head = pw.head(max_rows)
    comp = [f"{a} vs {'the other ' + word + 's' if b == 'rest' else b}"
            for a, b in zip(head["group_a"].astype(str), head["group_b"].astype(str), strict=True)]
    view = pd.DataFrame({
        "comparison (a vs b)": comp,
        "feature": [_label(f) for f in head["feature"]],
        "a": head["estimate_a"].to_numpy(), "b": head["estimate_b"].to_numpy(),
        "ratio a/b (CI)": [_fmt_ci(*t) for t in zip(head["ratio"], head["ratio_low"], head["ratio_high"], strict=True)],
        "difference a-b (CI)": [_fmt_ci(*t) for t in zip(head["difference"], head["difference_low"],
                                                         head["difference_high"], strict=True)],
        "p": head["p_value"].to_numpy(), "p (BH)": head["p_adjusted"].to_numpy(),
        f"{head['resampled'].iloc[0] if 'resampled' in head else 'units'} a/b": [
            f"{int(x)}/{int(y)}" for x, y in zip(head["units_a"], head["units_b"], strict=True)],
    })
    if "min_p" in head.columns:
        view["min attainable p"] = head["min_p"].to_numpy()
    if "testable" in head.columns:
        view["testable"] = np.where(head["testable"].fillna(False).astype(bool), "yes", "no: too few data")
    n_comp = pairwise[["group_a", "group_b"]].drop_duplicates().shape[0]
    how = (f"each {word} against the other {word}s pooled" if mode == "rest" else f"every pair of {word}s")
    return (f'<p class="note">{n_comp} comparisons ({how}) x {pairwise["feature"].nunique()} features = '
            f"{len(pairwise):,} tests; p (BH): Benjamini-Hochberg over the whole table. The {min(max_rows, len(pw))} "
            "smallest adjusted p-values are shown; every row is in <code>pairwise.csv</code>.</p>" + _table(view)
            + '<p class="note">Ratios are empty for sentiment means and when b has none; an infinite bound means '
              "b can have none. p: two-sided permutation test.</p>")


def _finding_examples(corpus: pd.DataFrame, evidence: pd.DataFrame, examples: list[dict[str, Any]],
                      family: str, none: str = "no sentence of this kind in the report's sample") -> str:
    out = []
    fams = ["attribution"] if family == "attribution" else None if family in ("sentiment", "unattributed") else [family]
    for e in examples:
        frag = display.sentence_html(corpus, evidence, e["doc_id"], int(e["sent_id"]), families=fams)
        if frag:
            out.append(f'<div class="example">{frag} <span class="src">— {_esc(e.get("source"))}, '
                       f'{_esc(e["doc_id"])}, sentence {int(e["sent_id"])}</span></div>')
    return "".join(out) or f'<p class="note">({none})</p>'


def _findings(found: pd.DataFrame, corpus: pd.DataFrame, evidence: pd.DataFrame, pairwise: pd.DataFrame | None,
              by: str, reserve: bool = False) -> str:
    from contrast.browser import link_attrs
    from contrast.findings import untested

    word = _group_word(by)
    alpha = found.attrs.get("alpha", 0.05)
    if pairwise is None or pairwise.empty:
        return '<p class="note">Fewer than two groups: nothing to compare.</p>'
    intro = (f'<p class="note">The largest differences between {word}s that survive the Benjamini-Hochberg '
             f"correction at {alpha:g} over all {len(pairwise):,} tests of the pairwise table, ranked by a "
             "conservative effect size (the rate ratio's confidence bound nearest 1). Click a finding to read "
             "its sentences in the evidence browser.")
    n_untested = untested(pairwise)
    if n_untested:
        intro += f" {n_untested:,} tests had too little data to reject and are not ranked."
    if reserve:
        intro += (" Example sentences come from the report's sample, or, for a side the sample has none of, from "
                  "the first articles of the whole stream that carry that evidence.")
    intro += "</p>"
    if found.empty:
        return intro + '<p class="finding-none">No difference survives the correction.</p>'
    wanted = {e["doc_id"] for col in ("examples_a", "examples_b") for ex in found[col] for e in ex}
    ev = evidence[evidence["doc_id"].astype(str).isin(wanted)] if len(evidence) else evidence
    est = {(str(f), str(a), str(b)): (ea, eb) for f, a, b, ea, eb in zip(
        pairwise["feature"], pairwise["group_a"], pairwise["group_b"], pairwise["estimate_a"],
        pairwise["estimate_b"], strict=True)} if {"estimate_a", "estimate_b"} <= set(pairwise.columns) else {}

    def none_note(r: Any, side: int) -> str:
        value = est.get((str(r.feature), str(r.group_a), str(r.group_b)), (None, None))[side]
        if value is not None and pd.notna(value) and float(value) == 0:
            return "none: no article of this side has a sentence of this kind"
        return "no sentence of this kind among the articles kept for examples"
    items = []
    for r in found.itertuples(index=False):
        key = r.key if isinstance(r.key, str) else None
        b = f"the other {word}s" if str(r.group_b) == "rest" else str(r.group_b)
        items.append(
            f'<div class="finding" id="finding-{int(r.rank)}" {link_attrs(str(r.group_a), r.family, key)} '
            f'data-effect="{float(r.effect):.4f}">'
            f'<p class="what"><b>{int(r.rank)}.</b> {html.escape(str(r.sentence))}</p>'
            f'<div class="side"><b>{html.escape(str(r.group_a))}</b>'
            f"{_finding_examples(corpus, ev, list(r.examples_a), r.family, none_note(r, 0))}</div>"
            f'<div class="side"><b>{html.escape(b)}</b>'
            f"{_finding_examples(corpus, ev, list(r.examples_b), r.family, none_note(r, 1))}</div>"
            f'<a class="to-evidence" href="#evidence" {link_attrs(str(r.group_a), r.family, key)}>'
            "read more sentences in the evidence browser</a></div>")
    return intro + "".join(items)


def _codebook_section(codebook: pd.DataFrame) -> str:
    return ('<p class="note">Every column of every output: family, unit, denominator, how it is computed and its '
            "validity figure where one exists (also <code>codebook.csv</code>).</p>"
            f"<details><summary>{len(codebook):,} columns</summary>{_table(codebook, max_rows=5000)}</details>")


def _trends_section(trends: pd.DataFrame | None, trend_charts: Mapping[str, Path] | None) -> str:
    out = []
    for name, path in (trend_charts or {}).items():
        p = Path(path).with_suffix(".png")
        if p.exists():
            out.append(f'<figure id="chart-{html.escape(name)}"><img alt="{html.escape(name.replace("_", " "))}" '
                       f'src="{_img(p)}"><figcaption>{html.escape(name.replace("_", " "))} '
                       f"(<code>charts/{html.escape(p.name)}</code>)</figcaption></figure>")
    if trends is not None and not trends.empty:
        out.append(f"<details><summary>The trend table ({len(trends):,} rows; all in <code>trends.csv</code>)"
                   f"</summary>{_table(trends, max_rows=300)}</details>")
    return "".join(out) or '<p class="note">(no trends)</p>'


def _naming_table(evidence: pd.DataFrame, by: str, groups: pd.Series | None) -> str:
    """Every contested-name set (the chart shows the most frequent): share of each variant per group."""
    ev = evidence[evidence["family"].astype(str) == "naming"] if len(evidence) else evidence
    if ev.empty:
        return ""
    if by not in ev.columns:
        if groups is None:
            return ""
        ev = ev.assign(**{by: ev["doc_id"].astype(str).map(groups)})
    data = tables.naming_shares(ev, by=by)
    if data.empty:
        return ""
    data = data.assign(cell=[f"{100 * sh:.0f}% ({int(n)}/{int(t)})" for sh, n, t in
                             zip(data["share"], data["n"], data["total"], strict=True)])
    wide = data.pivot_table(index=["set", "variant"], columns=by, values="cell", aggfunc="first").reset_index()
    wide.columns = [str(c) for c in wide.columns]
    return (f"<details><summary>Every contested-name set ({data['set'].nunique()}): share of each variant "
            f"within its set, per {html.escape(_group_word(by))} (n of the set's occurrences)</summary>"
            f"{_table(wide.fillna('–'), max_rows=500)}</details>")


def _duplicates_section(duplicates: pd.DataFrame) -> str:
    cols = [c for c in ("doc_id", "source", "date", "title", "duplicate_of", "similarity") if c in duplicates.columns]
    return (f'<p class="note">{len(duplicates):,} article(s) flagged as (near-)duplicates of an earlier one; '
            "counted once in the tables.</p>" + _table(duplicates[cols] if cols else duplicates))


#: Widest chart embedded in the report, in pixels (the PNG and SVG files in charts/ keep their full size).
EMBED_MAX_WIDTH = 1600


def _img(path: Path, max_width: int = EMBED_MAX_WIDTH) -> str:
    """A chart as a data URL, scaled down to ``max_width`` pixels (a screen needs no more; the file stays small)."""
    raw = Path(path).read_bytes()
    try:
        import io as _io

        from PIL import Image  # matplotlib's own dependency

        with Image.open(_io.BytesIO(raw)) as im:
            if im.width > max_width:
                small = im.convert("RGB").resize((max_width, round(im.height * max_width / im.width)),
                                                 Image.Resampling.LANCZOS)
                buf = _io.BytesIO()
                small.quantize(256).save(buf, format="PNG", optimize=True)
                raw = buf.getvalue()
    except (ImportError, OSError):
        pass
    data = base64.b64encode(raw).decode("ascii")
    return f"data:image/png;base64,{data}"


def _examples(corpus: pd.DataFrame, evidence: pd.DataFrame, *, per_family: int = 3) -> str:
    if evidence.empty:
        return '<p class="note">(no evidence)</p>'
    parts = []
    where = evidence.groupby(evidence["doc_id"].astype(str), sort=False).indices  # doc_id -> row positions
    present = set(evidence["family"].astype(str))
    fams = [f for f in ("attribution", "hedge", "booster", "number", "naming", "actor", "unattributed",
                        "sentiment", "custom") if f in present]
    for fam in fams:
        # the columns read below only (all columns of a 20 MB article's 175,000 sentiment rows, filtered,
        # sorted and split by outlet, were three copies of 60 MB)
        cols = [c for c in ("doc_id", "sent_id", "source", "family", "compound") if c in evidence.columns]
        sub = evidence.loc[(evidence["family"].astype(str) == fam).to_numpy(), cols].dropna(subset=["doc_id",
                                                                                                  "sent_id"])
        if fam == "sentiment":
            sub = sub.assign(_a=pd.to_numeric(sub["compound"], errors="coerce").abs()).sort_values(
                "_a", ascending=False, kind="mergesort")
        # spread the examples over outlets: round-robin by source
        picked: list[pd.Series] = []
        seen: set[tuple[str, int]] = set()
        groups = [g for _, g in sub.groupby(sub["source"].astype(str), sort=True)]
        i = 0
        while len(picked) < per_family and any(i < len(g) for g in groups):
            for g in groups:
                if i < len(g) and len(picked) < per_family:
                    r = g.iloc[i]
                    key = (str(r["doc_id"]), int(r["sent_id"]))
                    if key not in seen:
                        seen.add(key)
                        picked.append(r)
            i += 1
        items = []
        for r in picked:
            at = where.get(str(r["doc_id"]), [])
            # one article's rows; all of them without a copy (a huge article's are an 80 MB table)
            doc_rows = evidence if len(at) == len(evidence) else evidence.iloc[at]
            frag = display.sentence_html(corpus, doc_rows, str(r["doc_id"]), int(r["sent_id"]),
                                         families=[fam] if fam not in ("attribution",) else ["attribution"])
            items.append(f'<div class="example">{frag} <span class="src">— {_esc(r["source"])}, '
                         f'sentence {int(r["sent_id"])}</span></div>')
        title = MEASURES.get(fam, (fam,))[0]
        parts.append(f"<h3>{html.escape(title)}</h3>" + display.legend_html(display._present(sub, [fam]))
                     + "".join(items))
    return "".join(parts)


def _caveats(articles: pd.DataFrame, sources: pd.DataFrame | None, validity: pd.DataFrame | None,
             families: set[str]) -> str:
    by = (sources.attrs.get("by") if sources is not None else None) or "source"
    out = []
    n_art = len(articles)
    per = articles.groupby(by).size() if by in articles.columns else pd.Series(dtype=int)
    small = per[per < 5]
    out.append("<h3>Sample size</h3>")
    msg = (f"<p>{n_art} article(s) from {len(per)} outlet(s). ")
    if len(small):
        msg += (f"{len(small)} outlet(s) have fewer than five articles ({html.escape(', '.join(map(str, small.index)))}): "
                "their intervals resample sentences, treat the sentences of an article as independent and "
                "are too narrow. They describe these articles, not the outlet's coverage in general.")
    else:
        msg += "Intervals resample whole articles (a cluster bootstrap)."
    out.append(f'<div class="warn">{msg}</p></div>')
    out.append("<p>Pairwise p-values are permutation tests adjusted with "
               "Benjamini-Hochberg across every comparison and feature of the pairwise table; with many "
               "features some differences will look large by chance.</p>")
    out.append("<h3>What each measure is and is not</h3>")
    rows = []
    for fam, (title, is_, is_not) in MEASURES.items():
        if fam not in families:
            continue
        val = ""
        if validity is not None and not validity.empty and "measure" in validity.columns:
            keys = _VALIDITY_KEYS.get(fam, (fam,))
            m = validity["measure"].astype(str).str.lower()
            hit = validity[m.apply(lambda s, keys=keys: any(k in s for k in keys))]
            val = "; ".join(
                f"{_esc(r.get('metric'))} = {fmt_validity(r.get('value'), r.get('target'))} on {_esc(r.get('data'))}"
                for _, r in hit.iterrows())
        rows.append(f"<tr><td><b>{html.escape(title)}</b></td><td>{html.escape(is_)}</td>"
                    f"<td>{html.escape(is_not)}</td><td>{val or 'not measured'}</td></tr>")
    out.append("<table><thead><tr><th>measure</th><th>is</th><th>is not</th><th>validity</th></tr></thead>"
               f"<tbody>{''.join(rows)}</tbody></table>")
    if validity is not None and not validity.empty:
        out.append("<h3>Validity against human annotation</h3>")
        cols = [c for c in ("measure", "data", "metric", "value", "target", "baseline", "note")
                if c in validity.columns]
        shown = validity[cols].copy()
        if "value" in shown.columns:  # as text, with the decimals its target needs (0.5497 is not 0.55)
            shown["value"] = [fmt_validity(v, t).split(" (target")[0] for v, t in
                              zip(shown["value"], shown.get("target", pd.Series([None] * len(shown))), strict=True)]
        out.append(_table(shown))
    else:
        out.append('<p class="note">No validity table was supplied (run <code>python benchmarks/validity.py</code> '
                   "with the evaluation data).</p>")
    return "".join(out)


def _figures(charts: Mapping[str, Path], word: str, n_groups: Mapping[str, int] | None = None) -> str:
    from contrast.browser import CHART_FAMILIES, link_attrs

    figs = []
    for name, path in charts.items():
        p = Path(path)
        if p.suffix.lower() != ".png":
            p = p.with_suffix(".png")
        if not p.exists():
            continue
        cap = _caption(name, word, n_groups or {})
        fam = CHART_FAMILIES.get(name)
        link = f" {link_attrs(None, fam)} title=\"click to read the sentences behind this chart\"" if fam is not None else ""
        more = " Click the chart to read its sentences." if fam is not None else ""
        figs.append(f'<figure id="chart-{html.escape(name)}"{link}><img alt="{html.escape(name.replace("_", " "))}" '
                    f'src="{_img(p)}"><figcaption>{html.escape(cap)}{more} '
                    f"(<code>charts/{html.escape(p.stem)}.png</code>, <code>.svg</code>)</figcaption></figure>")
    if not figs:
        return '<p class="note">(no charts)</p>'
    return (f'<p class="note">Charts are embedded at most {EMBED_MAX_WIDTH:,} px wide (so the report stays small); '
            "the full-size PNG and SVG files are in <code>charts/</code>.</p>" + "".join(figs))


#: Bounds of the evidence browser's embedded data (rows of evidence; bytes of JSON).
BROWSER_MAX_ROWS = 3000
BROWSER_MAX_BYTES = 600_000


def _bounded_browser_data(corpus: pd.DataFrame, evidence: pd.DataFrame, by: str, groups: pd.Series | None,
                          per_stratum: int) -> tuple[dict[str, Any], int]:
    """The browser's data, with ``per_stratum`` halved until its JSON is at most :data:`BROWSER_MAX_BYTES`."""
    import json

    from contrast import browser as _browser

    while True:
        data = _browser.browser_data(corpus, evidence, by=by, groups=groups, per_stratum=per_stratum,
                                     max_items=BROWSER_MAX_ROWS)
        size = len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        if size <= BROWSER_MAX_BYTES or per_stratum <= 1:
            return data, per_stratum
        per_stratum = max(1, per_stratum // 2)


def render_report(
    *,
    corpus: pd.DataFrame,
    evidence: pd.DataFrame,
    articles: pd.DataFrame,
    sources: pd.DataFrame,
    charts: Mapping[str, Path],
    validity: pd.DataFrame | None = None,
    title: str = "contrast report",
    note: str | None = None,
    codebook: pd.DataFrame | None = None,
    pairwise: pd.DataFrame | None = None,
    trends: pd.DataFrame | None = None,
    trend_charts: Mapping[str, Path] | None = None,
    duplicates: pd.DataFrame | None = None,
    findings: pd.DataFrame | None = None,
    browser_sample: int = 12,
    examples: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> str:
    """The report as an HTML string (see :func:`write_report`)."""
    from contrast import __version__
    from contrast import browser as _browser
    from contrast import findings as _findings_mod

    by = sources.attrs.get("by") or "source"
    word = _group_word(by)
    n_words = int(articles["n_words"].sum()) if "n_words" in articles else 0
    n_sent = int(articles["n_sentences"].sum()) if "n_sentences" in articles else 0
    outlets = sorted(articles[by].dropna().astype(str).unique()) if by in articles else []
    dates = pd.to_datetime(corpus.get("date", pd.Series(dtype=object)), errors="coerce", utc=True).dropna()
    span = (f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates given")
    fam_counts = evidence["family"].astype(str).value_counts() if len(evidence) else pd.Series(dtype=int)
    summary = pd.DataFrame({"articles": [len(articles)], f"{word}s": [len(outlets)], "sentences": [n_sent],
                            "words": [n_words], "dates": [span], "evidence rows": [len(evidence)]})
    per_outlet = (articles.groupby(by).agg(articles=("doc_id", "size"), words=("n_words", "sum"))
                  .reset_index().rename(columns={by: word}) if by in articles else pd.DataFrame())
    fams = pd.DataFrame({"family": fam_counts.index, "rows": fam_counts.to_numpy()})
    groups = articles.set_index(articles["doc_id"].astype(str))[by].astype(str) if by in articles else None
    if pairwise is None and by in articles.columns and len(outlets) >= 2:
        pairwise = tables.pairwise(articles.copy(), by, evidence=evidence, corpus=corpus,
                                   features=_findings_mod.default_features(articles))
    ex_corpus, ex_evidence = corpus, evidence  # where finding examples are drawn and shown from
    if examples is not None and len(examples[1]):  # a streamed run's reserve (contrast.findings.ExampleReserve)
        more_c, more_e = examples
        ex_corpus = pd.concat([corpus, more_c[~more_c["doc_id"].astype(str).isin(set(corpus["doc_id"].astype(str)))]],
                              ignore_index=True)
        ex_evidence = pd.concat([evidence, more_e[~more_e["doc_id"].astype(str).isin(
            set(evidence["doc_id"].astype(str)))]], ignore_index=True)
    if findings is None and pairwise is not None:
        findings = _findings_mod.findings(pairwise, evidence=evidence, groups=groups, group_word=word,
                                          fallback=None if examples is None else examples[1])
    found = findings if findings is not None else pd.DataFrame(columns=list(_findings_mod.FINDING_COLUMNS))
    data, per_stratum = _bounded_browser_data(corpus, evidence, by, groups, browser_sample)
    numbers = tables.numbers_table(evidence)
    parts: list[tuple[str, str, str]] = [  # (id, heading, body)
        ("findings", "Findings", _findings(found, ex_corpus, ex_evidence, pairwise, by, examples is not None)),
        ("corpus", "Corpus", _table(summary) + _table(per_outlet) + "<h3>Evidence found</h3>" + _table(fams)),
        ("sources", "Sources", f'<p class="note">One row per {html.escape(word)} (grouping: '
                               f"<code>{html.escape(str(by))}</code>).</p>" + _sources_table(sources)),
        ("pairwise", "Pairwise contrasts", _pairwise(pairwise)),
    ]
    if trends is not None or trend_charts:
        parts.append(("trends", "Trends", _trends_section(trends, trend_charts)))
    parts += [
        ("charts", "Charts", _figures(charts, word, _chart_groups(charts, evidence, articles, by)) + _naming_table(evidence, by, groups)),
        ("numbers", "Numbers cited", _table(numbers)),
        ("examples", "Examples", '<p class="note">Sentences from the corpus with the evidence of each family '
                                 "highlighted; hover a highlight for its attributes.</p>" + _examples(corpus, evidence)),
    ]
    if duplicates is not None:
        parts.append(("duplicates", "Duplicates", _duplicates_section(duplicates)))
    if codebook is not None:
        parts.append(("codebook", "Codebook", _codebook_section(codebook)))
    parts.append(("caveats", "Caveats", _caveats(articles, sources, validity, set(fam_counts.index) | {"sentiment"})))
    toc_items = [(i, h) for i, h, _ in parts]
    toc_items.insert(len(toc_items) - 1, ("evidence", "Evidence browser"))
    toc = ('<nav class="toc" aria-label="contents"><b>Contents</b><ol>'
           + "".join(f'<li><a href="#{i}">{html.escape(h)}</a></li>' for i, h in toc_items) + "</ol></nav>")
    body = [f'<section id="{i}"><h2>{html.escape(h)}</h2>{content}</section>' for i, h, content in parts[:-1]]
    n_ev = len(data["items"])
    body.append(_browser.browser_html(data, element_id="evidence", title="Evidence browser").replace(
        '<div class="cb-controls">',
        f'<p class="note">A sample of {n_ev:,} evidence rows (up to {per_stratum} per {html.escape(word)}, family '
        f"and label; at most {BROWSER_MAX_ROWS:,} rows and {BROWSER_MAX_BYTES // 1000:,} kB of data, so the report "
        "stays small whatever the corpus size), with their sentences highlighted; every row is in "
        "<code>evidence.csv</code>.</p>"
        '<div class="cb-controls">', 1))
    i, h, content = parts[-1]
    body.append(f'<section id="{i}"><h2>{html.escape(h)}</h2>{content}</section>')
    head = [
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="note">Generated by contrast {html.escape(__version__)}; groups: <b>{html.escape(word)}</b> '
        f"(<code>{html.escape(str(by))}</code>). Every figure below is an aggregation of <code>evidence.csv</code> "
        "(one row per span, with its sentence and offsets).</p>",
        f'<p class="note"><strong>{html.escape(note)}</strong></p>' if note else "",
    ]
    # findings first, then the table of contents, then everything else
    sections = head + body[:1] + [toc] + body[1:]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
            + "\n".join(sections) + "</body></html>\n")


def write_report(
    path: str | Path,
    *,
    corpus: pd.DataFrame,
    evidence: pd.DataFrame,
    articles: pd.DataFrame,
    sources: pd.DataFrame,
    charts: Mapping[str, Path],
    validity: pd.DataFrame | None = None,
    note: str | None = None,
    codebook: pd.DataFrame | None = None,
    pairwise: pd.DataFrame | None = None,
    trends: pd.DataFrame | None = None,
    trend_charts: Mapping[str, Path] | None = None,
    duplicates: pd.DataFrame | None = None,
    examples: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> Path:
    """Write the self-contained HTML report atomically.

    Parameters
    ----------
    path : path
        The ``report.html`` to write.
    corpus, evidence, articles, sources : DataFrame
        :func:`contrast.load_corpus`, :func:`contrast.extract`,
        :func:`contrast.tables.articles`, :func:`contrast.tables.compare`.
    charts : mapping
        Chart name -> PNG path (:func:`contrast.plot.save_charts`); embedded
        as base64.
    validity : DataFrame, optional
        Columns ``measure, data, metric, value, target, baseline, note``;
        shown in the caveats, matched to each measure.
    note : str, optional
        A sentence shown under the title (e.g. that a large corpus was
        summarised from a sample).
    codebook : DataFrame, optional
        ``contrast.codebook`` table; shown as a section.
    pairwise : DataFrame, optional
        :func:`contrast.tables.pairwise` (as written to ``pairwise.csv``); the
        findings and the pairwise section read it. Computed here when
        omitted (pairs for up to three groups, each against the rest beyond).
    trends, trend_charts : optional
        :func:`contrast.trend` table and chart name -> PNG path; a section.
    duplicates : DataFrame, optional
        Articles flagged as duplicates (``doc_id, source, duplicate_of, ...``).
    examples : (corpus, evidence), optional
        More articles and their evidence (labelled with the grouping column)
        from which a finding takes example sentences when ``evidence`` has
        none of its kind for a side (:class:`contrast.findings.ExampleReserve`).

    Returns
    -------
    Path
        ``path``.
    """
    text = render_report(corpus=corpus, evidence=evidence, articles=articles, sources=sources,
                         charts=charts, validity=validity, note=note, codebook=codebook, pairwise=pairwise,
                         trends=trends, trend_charts=trend_charts, duplicates=duplicates, examples=examples)
    return write_text(path, text)
