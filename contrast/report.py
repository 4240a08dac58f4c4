"""The self-contained HTML report: summary, sources table, charts, numbers, examples, caveats.

One file, images embedded as base64 PNG, CSS inline, no JavaScript and no
external request, so it can be mailed, archived or opened offline.
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

__all__ = ["write_report", "render_report", "MEASURES"]

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
    "attribution_stance": "Share of each outlet's attributions by the stance of the reporting verb.",
    "speaker_types": "Share of each outlet's attributions by type of source.",
    "who_is_quoted": "Share of each outlet's attributions whose speaker belongs to each side.",
    "hedges_vs_boosters": "Each point is an article: hedges and boosters per 1,000 words.",
    "sentiment_distribution": "VADER compound score of every sentence, by outlet.",
    "actor_sentiment": "Mean sentiment of the context of each actor's mentions (n = mentions).",
    "numbers_by_category": "Count of numbers cited, by category.",
    "naming_variants": "Share of each contested-name variant within its set, by outlet.",
    "distinctive_words": "Words most typical of each outlet: log-odds ratio with an informative "
                         "Dirichlet prior (Monroe, Colaresi & Quinn 2008), z-scores.",
}

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
"""


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
    out = pd.DataFrame({"outlet": sources[by].astype(str)})
    for c in ("n_articles", "n_sentences", "n_words", "resampled"):
        if c in sources.columns:
            out[c.replace("n_", "")] = sources[c].to_numpy()
    for f in REPORT_FEATURES:
        if f in sources.columns:
            out[tables.feature_label(f)] = [
                _fmt_ci(e, lo, hi) for e, lo, hi in
                zip(sources[f], sources.get(f"{f}_low", pd.Series([np.nan] * len(sources))),
                    sources.get(f"{f}_high", pd.Series([np.nan] * len(sources))), strict=True)]
    level = int(round(100 * float(sources.attrs.get("ci", 0.95))))
    return (_table(out) + f'<p class="note">Estimate ({level}% percentile bootstrap CI). Rates are pooled '
            "per 1,000 of the outlet's words; shares are of the outlet's attributions or body sentences. "
            "Every feature is in <code>sources.csv</code>.</p>")


def _pairwise(articles: pd.DataFrame, sources: pd.DataFrame, evidence: pd.DataFrame,
              corpus: pd.DataFrame, *, max_pairs: int = 6) -> str:
    import itertools
    import warnings

    by = sources.attrs.get("by") or "source"
    if by not in articles.columns:
        return ""
    groups = sorted(articles[by].dropna().astype(str).unique())
    feats = [f for f in REPORT_FEATURES if f in articles.columns]
    pairs = list(itertools.combinations(groups, 2))[:max_pairs]
    if not pairs or not feats:
        return '<p class="note">(fewer than two outlets)</p>'
    out = []
    for a, b in pairs:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", tables.SmallSampleWarning)
            pw = tables.contrast_pair(articles, by, a=a, b=b, features=feats, evidence=evidence, corpus=corpus)
        view = pd.DataFrame({
            "feature": pw["label"], a: pw["estimate_a"], b: pw["estimate_b"],
            "ratio a/b (CI)": [_fmt_ci(*t) for t in zip(pw["ratio"], pw["ratio_low"], pw["ratio_high"], strict=True)],
            "difference a-b (CI)": [_fmt_ci(*t) for t in zip(pw["difference"], pw["difference_low"],
                                                             pw["difference_high"], strict=True)],
            "p": pw["p_value"], "p (BH)": pw["p_adjusted"], "unit": pw["resampled"]})
        out.append(f"<h3>{html.escape(a)} (a) vs {html.escape(b)} (b)</h3>" + _table(view))
    return "".join(out) + ('<p class="note">Ratios are NaN for sentiment means and when b has none; an '
                           "infinite bound means b can have none. p: two-sided permutation test; p (BH): "
                           "Benjamini-Hochberg adjusted across the features of the pair.</p>")


def _img(path: Path) -> str:
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return f"data:image/png;base64,{data}"


def _examples(corpus: pd.DataFrame, evidence: pd.DataFrame, *, per_family: int = 3) -> str:
    if evidence.empty:
        return '<p class="note">(no evidence)</p>'
    parts = []
    fams = [f for f in ("attribution", "hedge", "booster", "number", "naming", "actor", "unattributed",
                        "sentiment", "custom") if f in set(evidence["family"].astype(str))]
    for fam in fams:
        sub = evidence[evidence["family"].astype(str) == fam].dropna(subset=["doc_id", "sent_id"])
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
            frag = display.sentence_html(corpus, evidence, str(r["doc_id"]), int(r["sent_id"]),
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
               "Benjamini-Hochberg across features; with many features some differences will look "
               "large by chance.</p>")
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
                f"{_esc(r.get('metric'))} = {_esc(r.get('value'))} on {_esc(r.get('data'))} "
                f"(target {_esc(r.get('target'))})" for _, r in hit.iterrows())
        rows.append(f"<tr><td><b>{html.escape(title)}</b></td><td>{html.escape(is_)}</td>"
                    f"<td>{html.escape(is_not)}</td><td>{val or 'not measured'}</td></tr>")
    out.append("<table><thead><tr><th>measure</th><th>is</th><th>is not</th><th>validity</th></tr></thead>"
               f"<tbody>{''.join(rows)}</tbody></table>")
    if validity is not None and not validity.empty:
        out.append("<h3>Validity against human annotation</h3>")
        cols = [c for c in ("measure", "data", "metric", "value", "target", "baseline", "note")
                if c in validity.columns]
        out.append(_table(validity[cols]))
    else:
        out.append('<p class="note">No validity table was supplied (run <code>python benchmarks/validity.py</code> '
                   "with the evaluation data).</p>")
    return "".join(out)


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
) -> str:
    """The report as an HTML string (see :func:`write_report`)."""
    from contrast import __version__

    by = sources.attrs.get("by") or "source"
    n_words = int(articles["n_words"].sum()) if "n_words" in articles else 0
    n_sent = int(articles["n_sentences"].sum()) if "n_sentences" in articles else 0
    outlets = sorted(articles[by].dropna().astype(str).unique()) if by in articles else []
    dates = pd.to_datetime(corpus.get("date", pd.Series(dtype=object)), errors="coerce", utc=True).dropna()
    span = (f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates given")
    fam_counts = evidence["family"].astype(str).value_counts() if len(evidence) else pd.Series(dtype=int)
    summary = pd.DataFrame({"articles": [len(articles)], "outlets": [len(outlets)], "sentences": [n_sent],
                            "words": [n_words], "dates": [span], "evidence rows": [len(evidence)]})
    per_outlet = (articles.groupby(by).agg(articles=("doc_id", "size"), words=("n_words", "sum"))
                  .reset_index().rename(columns={by: "outlet"}) if by in articles else pd.DataFrame())
    fams = pd.DataFrame({"family": fam_counts.index, "rows": fam_counts.to_numpy()})
    figs = []
    for name, path in charts.items():
        p = Path(path)
        if p.suffix.lower() != ".png":
            p = p.with_suffix(".png")
        if not p.exists():
            continue
        cap = _CAPTIONS.get(name, name.replace("_", " "))
        figs.append(f'<figure id="chart-{html.escape(name)}"><img alt="{html.escape(name.replace("_", " "))}" '
                    f'src="{_img(p)}"><figcaption>{html.escape(cap)} '
                    f"(<code>charts/{html.escape(p.stem)}.png</code>, <code>.svg</code>)</figcaption></figure>")
    numbers = tables.numbers_table(evidence)
    sections = [
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="note">Generated by contrast {html.escape(__version__)}. Every figure below is an '
        "aggregation of <code>evidence.csv</code> (one row per span, with its sentence and offsets).</p>",
        f'<p class="note"><strong>{html.escape(note)}</strong></p>' if note else "",
        "<h2>Corpus</h2>", _table(summary), _table(per_outlet),
        "<h3>Evidence found</h3>", _table(fams),
        "<h2>Sources</h2>", _sources_table(sources),
        "<h2>Pairwise contrasts</h2>", _pairwise(articles, sources, evidence, corpus),
        "<h2>Charts</h2>", "".join(figs) or '<p class="note">(no charts)</p>',
        "<h2>Numbers cited</h2>", _table(numbers),
        "<h2>Examples</h2>",
        '<p class="note">Sentences from the corpus with the evidence of each family highlighted; '
        "hover a highlight for its attributes.</p>",
        _examples(corpus, evidence),
        "<h2>Caveats</h2>",
        _caveats(articles, sources, validity, set(fam_counts.index) | {"sentiment"}),
    ]
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

    Returns
    -------
    Path
        ``path``.
    """
    text = render_report(corpus=corpus, evidence=evidence, articles=articles, sources=sources,
                         charts=charts, validity=validity, note=note)
    return write_text(path, text)
