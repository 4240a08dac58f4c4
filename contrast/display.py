"""Highlight evidence in an article's text, for Jupyter and the HTML report.

:func:`show` returns an object that Jupyter renders as HTML: spans coloured
by family, a legend, and each span's attributes (speaker, stance, value,
counted, compound, ...) in a tooltip on hover. Only inline styles and
``title`` attributes are used (no JavaScript, no ``<style>`` block), so it
renders the same in JupyterLab, classic Notebook, a notebook exported to
HTML, and the report.

Overlapping spans (a number inside a quotation, a hedge inside an attributed
sentence) are handled by cutting the text at every span boundary: each piece
takes the colour of the shortest span covering it, a second family shows as
an underline, and the tooltip lists every span covering it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = ["FAMILY_COLORS", "Highlight", "show", "highlight_html", "sentence_html", "legend_html"]

#: Background colour per family (Okabe-Ito hues, shown at 35-45% opacity).
FAMILY_COLORS: dict[str, str] = {
    "hedge": "#E69F00",
    "booster": "#D55E00",
    "attribution": "#56B4E9",
    "speaker": "#0072B2",
    "content": "#0072B2",
    "number": "#009E73",
    "naming": "#CC79A7",
    "actor": "#F0E442",
    "custom": "#999999",
    "sentiment": "#555555",
    "unattributed": "#999999",
}
_OTHER = "#BBBBBB"
_SENTENCE_FAMILIES = ("sentiment", "unattributed")
_DECORATIONS = ("speaker", "content")
_ORDER = ("number", "naming", "hedge", "booster", "attribution", "custom", "actor")
_ATTRS = (("label", "type"), ("cue", "cue"), ("speaker", "speaker"), ("speaker_resolved", "resolved"),
          ("speaker_type", "speaker type"), ("quote", "quote"), ("actor", "side"), ("value", "value"),
          ("value_high", "value high"), ("approx", "approx"), ("counted", "counted"),
          ("compound", "compound"), ("variant", "variant"))
_LEGEND_NAMES = {"speaker": "attribution: speaker", "content": "attribution: reported content",
                 "attribution": "attribution: cue (stance)", "actor": "actor mention",
                 "unattributed": "sentence without attribution", "sentiment": "sentence sentiment (VADER)"}


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _color(family: str) -> str:
    return FAMILY_COLORS.get(family, _OTHER)


def _fmt(v: Any) -> str | None:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    if isinstance(v, float):
        return f"{v:+.3f}" if -1.0 <= v <= 1.0 and v != int(v) else f"{v:g}"
    return str(v)


def _describe(row: Any, family: str, part: str = "") -> str:
    head = family if not part else f"attribution {part}"
    bits = []
    for col, name in _ATTRS:
        if col == "label" and family == "attribution":
            name = "stance"
        if col == "label" and family == "naming":
            name = "set"
        val = _fmt(getattr(row, col, None))
        if val is not None and val != "":
            bits.append(f"{name}: {val}")
    return head + (" — " + "; ".join(bits) if bits else "")


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    family: str
    tip: str


@dataclass(frozen=True)
class Highlight:
    """An HTML fragment that Jupyter displays (``_repr_html_``)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def _items(rows: pd.DataFrame, lo: int, hi: int) -> tuple[list[_Item], list[_Item]]:
    spans: list[_Item] = []
    sentence: list[_Item] = []

    def ok(s: Any, e: Any) -> bool:
        return not (pd.isna(s) or pd.isna(e)) and int(e) > int(s) and int(e) > lo and int(s) < hi

    for r in rows.itertuples(index=False):
        fam = str(r.family)
        if ok(r.start, r.end):
            s, e = max(int(r.start), lo), min(int(r.end), hi)
            if fam in _SENTENCE_FAMILIES:
                sentence.append(_Item(s, e, fam, _describe(r, fam)))
            else:
                spans.append(_Item(s, e, fam, _describe(r, fam)))
        if fam == "attribution":
            for part, a, b in (("speaker", "speaker_start", "speaker_end"),
                               ("content", "content_start", "content_end")):
                sa: Any = getattr(r, a, None)
                sb: Any = getattr(r, b, None)
                if sa is not None and sb is not None and ok(sa, sb):
                    spans.append(_Item(max(int(sa), lo), min(int(sb), hi), part, _describe(r, fam, part)))
    return spans, sentence


def _style(active: list[_Item]) -> str:
    fills = sorted((i for i in active if i.family not in _DECORATIONS),
                   key=lambda i: (i.end - i.start, _ORDER.index(i.family) if i.family in _ORDER else 99))
    css = []
    if fills:
        css.append(f"background:{_rgba(_color(fills[0].family), 0.4)}")
        css.append("border-radius:2px")
        if len(fills) > 1 and fills[1].family != fills[0].family:
            css.append(f"box-shadow:inset 0 -3px 0 {_color(fills[1].family)}")
    fams = {i.family for i in active}
    if "speaker" in fams:
        css.append(f"border-bottom:2px solid {_color('speaker')}")
        css.append("font-weight:600")
    if "content" in fams:
        css.append(f"text-decoration:underline dotted {_color('content')}")
    return ";".join(css)


def _badge(items: list[_Item]) -> str:
    out = []
    for it in items:
        if it.family == "sentiment":
            try:
                val = float(it.tip.split("compound: ")[1].split(";")[0])
            except (IndexError, ValueError):
                val = 0.0
            color = "#B2182B" if val <= -0.05 else "#2166AC" if val >= 0.05 else "#666666"
            text = f"{val:+.2f}"
        else:
            color, text = "#666666", "no source"
        out.append(f'<sup class="contrast-{html.escape(it.family)}" title="{html.escape(it.tip, quote=True)}" '
                   f'style="font-size:70%;color:{color};border:1px solid {color};border-radius:3px;'
                   f'padding:0 2px;margin-left:2px">{html.escape(text)}</sup>')
    return "".join(out)


def highlight_html(
    text: str,
    rows: pd.DataFrame,
    *,
    start: int = 0,
    end: int | None = None,
    families: Iterable[str] | None = None,
) -> str:
    """HTML of ``text[start:end]`` with the evidence ``rows`` highlighted (no legend).

    Parameters
    ----------
    text : str
        The article text the offsets index into.
    rows : DataFrame
        Evidence rows of this article.
    start, end : int
        The part of the text to render (e.g. one sentence).
    families : iterable of str, optional
        Families to show (default: all in ``rows``). ``speaker`` and
        ``content`` come with ``attribution``.

    Examples
    --------
    >>> from contrast.evidence import evidence_frame
    >>> ev = evidence_frame([{"family": "hedge", "label": "adverb", "start": 4, "end": 10, "span": "likely"}])
    >>> out = highlight_html("It's likely <b>", ev)
    >>> 'title="hedge — type: adverb"' in out, "&lt;b&gt;" in out
    (True, True)
    """
    hi = len(text) if end is None else min(end, len(text))
    lo = max(0, start)
    if families is not None:
        fams = set(families)
        rows = rows[rows["family"].astype(str).isin(fams)]
    spans, sent_items = _items(rows, lo, hi)
    cuts = {lo, hi}
    for it in spans:
        cuts.update((it.start, it.end))
    badges_at: dict[int, list[_Item]] = {}
    for it in sent_items:
        badges_at.setdefault(it.end, []).append(it)
        cuts.add(it.end)
    points = sorted(c for c in cuts if lo <= c <= hi)
    # one sweep over the boundaries: spans enter the active set at their start
    # and leave it at their end, so the work is linear in pieces + spans (plus
    # the spans covering each piece), not pieces x spans
    by_start = sorted(range(len(spans)), key=lambda k: spans[k].start)
    nxt = 0
    active_ids: dict[int, None] = {}  # insertion-ordered set of span indices
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a in badges_at:
            out.append(_badge(badges_at.pop(a)))
        piece = html.escape(text[a:b])
        while nxt < len(by_start) and spans[by_start[nxt]].start <= a:
            active_ids[by_start[nxt]] = None
            nxt += 1
        for k in [k for k in active_ids if spans[k].end <= a]:
            del active_ids[k]
        active = [spans[k] for k in sorted(active_ids)]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({f"contrast-{it.family}" for it in active}))
        tip = "\n".join(dict.fromkeys(it.tip for it in active))
        out.append(f'<span class="{html.escape(classes)}" title="{html.escape(tip, quote=True)}" '
                   f'style="{_style(active)}">{piece}</span>')
    for pos in sorted(badges_at):
        out.append(_badge(badges_at[pos]))
    return "".join(out)


def legend_html(families: Sequence[str], counts: dict[str, int] | None = None) -> str:
    """A row of colour swatches naming each family."""
    items = []
    for fam in families:
        name = _LEGEND_NAMES.get(fam, fam)
        n = f" ({counts[fam]})" if counts and fam in counts else ""
        if fam == "speaker":
            sw = f"border-bottom:2px solid {_color(fam)};font-weight:600"
        elif fam == "content":
            sw = f"text-decoration:underline dotted {_color(fam)}"
        elif fam in _SENTENCE_FAMILIES:
            sw = "font-size:70%;border:1px solid #666;border-radius:3px;padding:0 2px"
            name = f"{name}: badge at sentence end"
        else:
            sw = f"background:{_rgba(_color(fam), 0.4)};border-radius:2px"
        items.append(f'<span style="margin-right:1em;white-space:nowrap"><span class="contrast-legend-{html.escape(fam)}" '
                     f'style="{sw};padding:0 4px">{html.escape(fam)}</span> {html.escape(name)}{html.escape(n)}</span>')
    return ('<div class="contrast-legend" style="font-size:90%;margin:0 0 .6em 0;line-height:1.8">'
            + " ".join(items) + "</div>")


def _doc(corpus: pd.DataFrame, doc_id: str | None) -> pd.Series:
    if "doc_id" not in corpus.columns or "text" not in corpus.columns:
        raise ValueError(f"corpus needs columns doc_id and text; found {list(corpus.columns)}")
    if corpus.empty:
        raise ValueError("the corpus is empty")
    if doc_id is None:
        return corpus.iloc[0]
    hit = corpus[corpus["doc_id"].astype(str) == str(doc_id)]
    if hit.empty:
        ids = corpus["doc_id"].astype(str).tolist()
        raise ValueError(f"doc_id {doc_id!r} not in the corpus; doc_ids are {ids[:10]}"
                         + (" ..." if len(ids) > 10 else ""))
    return hit.iloc[0]


def _present(rows: pd.DataFrame, families: Iterable[str] | None) -> list[str]:
    seen = list(dict.fromkeys(rows["family"].astype(str)))
    fams = seen if families is None else [f for f in families if f in seen]
    out: list[str] = []
    for f in [*_ORDER, *sorted(fams)]:
        if f in fams and f not in out:
            out.append(f)
            if f == "attribution":
                out += ["speaker", "content"]
    return out


def show(
    corpus: pd.DataFrame,
    evidence: pd.DataFrame,
    doc_id: str | None = None,
    *,
    families: Iterable[str] | None = None,
) -> Highlight:
    """Render one article with its evidence highlighted (Jupyter displays it).

    Parameters
    ----------
    corpus : DataFrame
        From :func:`contrast.load_corpus`.
    evidence : DataFrame
        From :func:`contrast.extract` (rows of other articles are ignored).
    doc_id : str, optional
        The article (default: the first).
    families : iterable of str, optional
        Families to highlight, e.g. ``["hedge", "attribution"]`` (default:
        every family with evidence in the article).

    Returns
    -------
    Highlight
        Has ``_repr_html_`` and ``.html``. Hover a span to see its
        attributes (speaker, stance, value, counted, compound, ...).

    Examples
    --------
    >>> import contrast
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> ev = contrast.evidence.evidence_frame([])
    >>> h = show(corpus, ev, corpus.doc_id[0])
    >>> "Russian forces" in h._repr_html_()
    True
    """
    doc = _doc(corpus, doc_id)
    text = str(doc["text"]) if pd.notna(doc["text"]) else ""
    rows = evidence[evidence["doc_id"].astype(str) == str(doc["doc_id"])] if len(evidence) else evidence
    if families is not None:
        families = list(families)
        rows = rows[rows["family"].astype(str).isin(set(families))]
    fams = _present(rows, families)
    counts = rows["family"].astype(str).value_counts().to_dict() if len(rows) else {}
    head = " · ".join(html.escape(str(doc[c])) for c in ("source", "doc_id")
                      if c in doc.index and pd.notna(doc[c]))
    body = highlight_html(text, rows)
    out = ('<div class="contrast-show" style="font-family:Georgia,serif;max-width:52em;line-height:1.6">'
           f'<div style="font-family:sans-serif;color:#555;font-size:90%">{head}</div>'
           + legend_html(fams, counts)
           + f'<div style="white-space:pre-wrap">{body}</div></div>')
    return Highlight(out)


def sentence_html(
    corpus: pd.DataFrame,
    evidence: pd.DataFrame,
    doc_id: str,
    sent_id: int,
    *,
    families: Iterable[str] | None = None,
) -> str:
    """HTML of one sentence with its evidence highlighted (for reports and examples)."""
    from contrast.text import segment

    doc = _doc(corpus, doc_id)
    text = str(doc["text"]) if pd.notna(doc["text"]) else ""
    mine = (evidence["doc_id"].astype(str) == str(doc_id)).to_numpy(dtype=bool)
    rows = evidence if mine.all() else evidence[mine]  # no copy of a huge article's rows
    # the sentence's own sentiment row gives its span without splitting the article again
    own = rows[(rows["family"].astype(str) == "sentiment") & (rows["sent_id"] == sent_id)]
    if len(own) and int(own["end"].iloc[0]) <= len(text):
        s, e = int(own["start"].iloc[0]), int(own["end"].iloc[0])
    else:
        sents = segment(text, headline=bool(doc.get("has_title", True))).sentences
        if not 0 <= sent_id < len(sents):
            return ""
        s, e = sents[sent_id]
    starts = pd.to_numeric(rows["start"], errors="coerce")
    ends = pd.to_numeric(rows["end"], errors="coerce")
    near = rows[((starts < e) & (ends > s)).fillna(False).to_numpy(dtype=bool)]
    return highlight_html(text, near, start=s, end=e, families=families)
