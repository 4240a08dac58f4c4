"""The evidence browser: the sentences behind every figure, filtered by group, family and label.

One self-contained HTML fragment (a ``<section>`` with inline CSS, the data
as JSON and a small script; no network, no library): pick a group (outlet),
a family and a label and read the sentences, with every span highlighted
and its attributes in a tooltip (as :func:`contrast.display.show`). The
report embeds it as ``<section id="evidence">``; findings and charts link
to it with ``data-evidence-*`` attributes (:func:`link_attrs`). In Jupyter,
:func:`explore` shows it below a cell.

The data are a stratified sample of the evidence (every group x family x
label keeps up to ``per_stratum`` rows, fewer when the file would grow past
``max_items``), so the file stays small whatever the corpus size; counts
of the whole evidence are shown beside the sample.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd

from contrast import display
from contrast.findings import row_keys

__all__ = ["browser_data", "browser_html", "explore", "link_attrs", "key_label", "CHART_FAMILIES"]

#: Which family a chart's evidence is (clicking the chart filters the browser to it).
CHART_FAMILIES: dict[str, str] = {
    "attribution_stance": "attribution", "speaker_types": "attribution", "who_is_quoted": "attribution",
    "hedges_vs_boosters": "hedge", "sentiment_distribution": "sentiment", "actor_sentiment": "actor",
    "numbers_by_category": "number", "naming_variants": "naming", "framing_profile": "",
}

_ids = itertools.count()


def key_label(family: str, key: str) -> str:
    """A readable name for an evidence key (:func:`contrast.findings.row_keys`).

    Examples
    --------
    >>> key_label("attribution", "speaker_anonymous"), key_label("naming", "kyiv_kiev__kyiv")
    ('speaker: anonymous', 'kyiv kiev: kyiv')
    """
    for prefix, name in (("speaker_", "speaker"), ("actor_", "side"), ("quote_", "quote")):
        if family == "attribution" and key.startswith(prefix):
            return f"{name}: {key[len(prefix):].replace('_', ' ')}"
    if "__" in key:
        a, _, b = key.partition("__")
        return f"{a.replace('_', ' ')}: {b.replace('_', ' ')}"
    return key.replace("_", " ")


def link_attrs(group: str | None, family: str | None, key: str | None = None, *, target: str = "evidence") -> str:
    """HTML attributes that make an element open the browser filtered (escaped).

    Examples
    --------
    >>> link_attrs("TASS", "hedge", "modal")
    'data-evidence-target="evidence" data-evidence-group="TASS" data-evidence-family="hedge" data-evidence-key="modal"'
    """
    parts = [("target", target), ("group", group or ""), ("family", family or ""), ("key", key or "")]
    return " ".join(f'data-evidence-{k}="{html.escape(str(v), quote=True)}"' for k, v in parts)


def _sample(ev: pd.DataFrame, per_stratum: int, max_items: int, seed: int) -> pd.DataFrame:
    """Rows such that every (group, family, key) keeps up to ``per_stratum`` of its rows."""
    if ev.empty:
        return ev
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(ev))
    # each row once per key of its "|"-joined keys, in shuffled order, as integer codes: the keys are
    # split once per distinct value (a list per row of a huge article's evidence took 100 MB)
    key_code, distinct = pd.factorize(ev["cb_keys"])
    part_code: dict[str, int] = {}
    split = [[part_code.setdefault(k, len(part_code)) for k in str(v).split("|")] for v in distinct]
    n_parts = np.array([len(p) for p in split], dtype=np.int64)
    offset = np.r_[0, np.cumsum(n_parts)[:-1]] if len(split) else np.zeros(0, dtype=np.int64)
    flat = np.array([c for p in split for c in p], dtype=np.int64)
    reps = n_parts[key_code[order]]
    row = np.repeat(order, reps)  # position in ev of each exploded row
    within = np.arange(len(row)) - np.repeat(np.cumsum(reps) - reps, reps)
    parts = flat[offset[key_code[row]] + within]
    group_code = pd.factorize(ev["cb_group"])[0]
    fam_code = pd.factorize(ev["cb_fam"])[0]
    strata = pd.DataFrame({"g": group_code[row], "f": fam_code[row], "k": parts})
    rank = strata.groupby(["g", "f", "k"], sort=False).cumcount().to_numpy()
    labels = ev.index.to_numpy()
    k = per_stratum
    while True:
        idx = pd.unique(labels[row[rank < k]])
        if len(idx) <= max_items or k <= 1:
            break
        k = max(1, k // 2)
    return ev.loc[idx]


def _sentence_spans(text: str, rows: list[SimpleNamespace], has_title: bool) -> dict[int, tuple[int, int]]:
    """sent_id -> (start, end), from the sentiment rows (one per sentence) or by segmenting."""
    spans = {int(r.sent_id): (int(r.start), int(r.end)) for r in rows
             if str(r.family) == "sentiment" and r.sent_id is not None and r.start is not None and r.end is not None}
    if not spans and text:
        from contrast.text import segment

        spans = dict(enumerate(segment(text, headline=has_title).sentences))
    return spans


def _rows_near(ev: pd.DataFrame, cols: list[str], wanted: set[str], sample: pd.DataFrame,
               texts: Mapping[str, Any], titled: Mapping[str, Any]
               ) -> dict[str, tuple[list[SimpleNamespace], dict[int, tuple[int, int]]]]:
    """doc_id -> (its evidence rows that overlap a sampled sentence, its sentence spans).

    Only those rows can mark a shown sentence, so only they become records:
    one huge article's 250,000 rows as records took over 600 MB. The spans
    are :func:`_sentence_spans` of all the article's rows.
    """
    doc = ev["doc_id"].astype(str)
    pos = np.flatnonzero(doc.isin(wanted).to_numpy())
    is_sent = (ev["family"].astype("string") == "sentiment").fillna(False).to_numpy(dtype=bool)[pos]
    start = pd.to_numeric(ev["start"].iloc[pos], errors="coerce").to_numpy(dtype=float)
    end = pd.to_numeric(ev["end"].iloc[pos], errors="coerce").to_numpy(dtype=float)
    sid = pd.to_numeric(ev["sent_id"].iloc[pos], errors="coerce").to_numpy(dtype=float)
    docs = doc.to_numpy()[pos]
    picked: dict[str, set[int]] = {}
    for d, k in zip(sample["doc_id"].astype(str), sample["sent_id"], strict=True):
        picked.setdefault(d, set()).add(int(k))
    ok = is_sent & ~np.isnan(sid) & ~np.isnan(start) & ~np.isnan(end)
    # the spans of the sampled sentences only (every sentence's, of a 20 MB article, were 45 MB of
    # tuples and lists), and which articles have any: the others are segmented
    spanned = set(pd.unique(docs[ok]).tolist())
    codes, uniq = pd.factorize(docs)
    width = int(np.nanmax(sid, initial=0)) + 1 if len(sid) else 1
    code_of = {d: i for i, d in enumerate(uniq.tolist())}
    wanted_pairs = [code_of[d] * width + k for d, ks in picked.items() if d in code_of for k in ks if 0 <= k < width]
    row_pairs = codes.astype(np.int64) * width + np.nan_to_num(sid, nan=-1).astype(np.int64)
    ok &= np.isin(row_pairs, np.asarray(wanted_pairs, dtype=np.int64))
    spans: dict[str, dict[int, tuple[int, int]]] = {d: {} for d in spanned}
    for d, k, a, b in zip(docs[ok].tolist(), sid[ok].tolist(), start[ok].tolist(), end[ok].tolist(), strict=True):
        spans[d][int(k)] = (int(a), int(b))
    keep = np.zeros(len(pos), dtype=bool)
    out: dict[str, tuple[list[SimpleNamespace], dict[int, tuple[int, int]]]] = {}
    for d in wanted:
        sp = spans.get(d)
        if sp is None:
            text = texts.get(d)
            text = str(text) if text is not None and pd.notna(text) else ""
            sp = _sentence_spans(text, [], bool(titled.get(d, True)))
        out[d] = ([], sp)
        shown = sorted(sp[k] for k in picked.get(d, ()) if k in sp)
        if not shown:
            continue
        lo = np.array([s for s, _ in shown], dtype=float)
        hi = np.maximum.accumulate(np.array([e for _, e in shown], dtype=float))
        mine = np.flatnonzero(docs == d)
        k = np.searchsorted(lo, end[mine], side="left")  # shown sentences starting before the row ends
        hit = (k > 0) & (hi[np.maximum(k - 1, 0)] > start[mine])  # ... one of them ends after it starts
        keep[mine[hit & ~np.isnan(start[mine]) & ~np.isnan(end[mine])]] = True
    near = ev.iloc[pos[keep]][cols]
    for rec in near.astype(object).where(near.notna(), None).to_dict("records"):
        out[str(rec["doc_id"])][0].append(SimpleNamespace(**rec))
    return out


def browser_data(
    corpus: pd.DataFrame,
    evidence: pd.DataFrame,
    *,
    by: str = "source",
    groups: pd.Series | None = None,
    per_stratum: int = 12,
    max_items: int = 3000,
    seed: int = 0,
) -> dict[str, Any]:
    """The browser's data: a stratified sample of evidence rows and their highlighted sentences.

    Parameters
    ----------
    corpus, evidence : DataFrame
        :func:`contrast.load_corpus` and :func:`contrast.extract`.
    by : str
        Grouping column (of the evidence, else of the corpus).
    groups : Series, optional
        doc_id -> group, overriding ``by``.
    per_stratum : int
        Rows kept per group x family x label.
    max_items : int
        Upper bound on the rows kept (``per_stratum`` is halved until met).
    seed : int
        Sampling seed.

    Returns
    -------
    dict
        JSON-ready: ``groups, families, labels, sentences, items, totals, by``.
        ``sentences`` rows are ``[group, doc_id, sent_id, text, spans]``
        with spans ``[start, end, family, tooltip]`` relative to the text;
        ``items`` rows ``[sentence index, family, "key|key"]``; ``totals``
        counts every evidence row by ``group\\tfamily``.
    """
    if groups is None:
        if by in evidence.columns:
            grp = evidence[by].astype("string")
        elif by in corpus.columns:
            grp = evidence["doc_id"].astype(str).map(corpus.set_index(corpus["doc_id"].astype(str))[by].astype(str))
        else:
            raise ValueError(f"no column {by!r} in the evidence or the corpus")
    else:
        grp = evidence["doc_id"].astype(str).map(groups.astype(str))
    ev = evidence.assign(cb_group=grp.fillna("(none)").astype(str),
                         cb_fam=evidence["family"].astype("string").fillna("").astype(str))
    if (ev["cb_fam"] == "").any():
        ev = ev[ev["cb_fam"] != ""]
    ev = ev.assign(cb_keys=row_keys(ev))
    totals = ev.groupby(["cb_group", "cb_fam"]).size()
    # the sample needs these columns only (copies of every column of a huge article add up)
    narrow = ev[["doc_id", "sent_id", "cb_group", "cb_fam", "cb_keys", "compound"]]
    shown = narrow[narrow["cb_fam"] != "sentiment"]
    # sentence sentiment is one row per sentence: a few per group x label are enough
    sample = pd.concat([_sample(shown, per_stratum, max_items, seed),
                        _sample(narrow[narrow["cb_fam"] == "sentiment"], max(2, per_stratum // 3), max_items // 4,
                                seed)])
    del narrow, shown
    sample = sample.dropna(subset=["doc_id", "sent_id"])
    families = sorted(ev["cb_fam"].unique().tolist())
    fam_idx = {f: i for i, f in enumerate(families)}
    # plain records from here on: pandas row access per item is what made this slow
    cols = [c for c in dict.fromkeys(["doc_id", "sent_id", "family", "start", "end", "speaker_start", "speaker_end",
                                      "cb_group", "cb_fam", "cb_keys", *(c for c, _ in display._ATTRS)])
            if c in ev.columns]
    wanted = set(sample["doc_id"].astype(str))
    docs = corpus.drop_duplicates("doc_id").set_index(corpus.drop_duplicates("doc_id")["doc_id"].astype(str))
    texts = docs["text"].to_dict()
    titled = docs["has_title"].to_dict() if "has_title" in docs.columns else {}
    by_doc = _rows_near(ev, cols, wanted, sample, texts, titled)
    sentences: list[list[Any]] = []
    sent_idx: dict[tuple[str, int], int] = {}
    items: list[list[Any]] = []
    picked = sample[["doc_id", "sent_id", "cb_group", "cb_fam", "cb_keys", "compound"]].astype(object)
    picked = picked.where(picked.notna(), None).to_dict("records")
    picked.sort(key=lambda r: (str(r["doc_id"]), int(r["sent_id"])))
    for r in picked:
        doc_id = str(r["doc_id"])
        if doc_id not in texts:
            continue
        text = str(texts[doc_id]) if texts[doc_id] is not None and pd.notna(texts[doc_id]) else ""
        rows, spans = by_doc.get(doc_id, ([], {}))
        sid = int(r["sent_id"])
        key = (doc_id, sid)
        if key not in sent_idx:
            if sid not in spans:
                continue
            s, e = spans[sid]
            marks = []
            for it in rows:
                fam = str(it.family)
                a, b = it.start, it.end
                if a is None or b is None or fam in ("sentiment", "unattributed") or not (int(a) < e and int(b) > s):
                    continue
                marks.append([max(int(a), s) - s, min(int(b), e) - s, fam, display._describe(it, fam)])
                sa, sb = getattr(it, "speaker_start", None), getattr(it, "speaker_end", None)
                if fam == "attribution" and sa is not None and sb is not None and s <= int(sa) < int(sb) <= e:
                    marks.append([int(sa) - s, int(sb) - s, "speaker", display._describe(it, fam, "speaker")])
            sent_idx[key] = len(sentences)
            sentences.append([str(r["cb_group"]), doc_id, sid, text[s:e], marks])
        comp = r.get("compound")
        tip = f"{float(comp):+.2f}" if r["cb_fam"] == "sentiment" and comp is not None else ""
        items.append([sent_idx[key], fam_idx[str(r["cb_fam"])], str(r["cb_keys"]), tip])
    labels: dict[str, dict[str, str]] = {}
    for fam, keys in ev.groupby("cb_fam")["cb_keys"]:
        ks = sorted({k for joined in keys.unique() for k in str(joined).split("|") if k})
        labels[str(fam)] = {k: key_label(str(fam), k) for k in ks}
    return {
        "by": by,
        "groups": sorted(ev["cb_group"].unique().tolist()),
        "families": families,
        "labels": labels,
        "sentences": sentences,
        "items": items,
        "totals": {f"{g}\t{f}": int(n) for (g, f), n in totals.items()},
        "colors": {f: display.FAMILY_COLORS.get(f, "#BBBBBB") for f in [*families, "speaker"]},
    }


_CSS = """
.cb-root{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;border:1px solid #ddd;border-radius:4px;
padding:.6em 1em;margin:1em 0;background:#fcfcfc}
.cb-root .cb-controls{display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:center;margin-bottom:.5em}
.cb-root label{font-size:.9em;color:#333}.cb-root select,.cb-root input{font-size:.9em;margin-left:.3em;max-width:22em}
.cb-root .cb-status{color:#555;font-size:.85em;margin:.3em 0}
.cb-root ol{padding-left:1.6em;margin:.3em 0}.cb-root li{margin:.35em 0;font-family:Georgia,serif;line-height:1.55}
.cb-root .cb-src{color:#666;font-size:.8em;font-family:sans-serif;margin-left:.4em}
.cb-root mark{background:none;color:inherit;border-radius:2px;padding:0 1px}
.cb-root mark.cb-speaker{border-bottom:2px solid #0072B2;font-weight:600}
.cb-root .cb-flash{animation:cbflash 1.2s ease-out}
@keyframes cbflash{from{background:#fff4c0}to{background:#fcfcfc}}
"""

_JS = r"""
(function(){
var root=document.getElementById(ROOT_ID);if(!root)return;
var D=JSON.parse(root.querySelector('script.cb-data').textContent);
var gSel=root.querySelector('.cb-group'),fSel=root.querySelector('.cb-family'),kSel=root.querySelector('.cb-key');
var qIn=root.querySelector('.cb-search'),list=root.querySelector('.cb-list'),status=root.querySelector('.cb-status');
var LIMIT=200;
function opt(sel,value,text){var o=document.createElement('option');o.value=value;o.textContent=text;sel.appendChild(o);}
function rgba(hex,a){var h=hex.replace('#','');return 'rgba('+parseInt(h.substr(0,2),16)+','+parseInt(h.substr(2,2),16)+','+parseInt(h.substr(4,2),16)+','+a+')';}
opt(gSel,'','all');D.groups.forEach(function(g){opt(gSel,g,g);});
opt(fSel,'','all');D.families.forEach(function(f){opt(fSel,f,f);});
function fillKeys(){var cur=kSel.value;kSel.innerHTML='';opt(kSel,'','all');var f=fSel.value;
 if(f&&D.labels[f]){Object.keys(D.labels[f]).forEach(function(k){opt(kSel,k,D.labels[f][k]);});}
 kSel.disabled=!f;kSel.value=(f&&D.labels[f]&&D.labels[f][cur])?cur:'';}
function highlight(li,text,marks){
 var cuts=[0,text.length];marks.forEach(function(m){cuts.push(m[0],m[1]);});
 cuts=cuts.filter(function(c,i,a){return a.indexOf(c)===i;}).sort(function(a,b){return a-b;});
 for(var i=0;i+1<cuts.length;i++){var a=cuts[i],b=cuts[i+1],act=[];
  marks.forEach(function(m){if(m[0]<=a&&m[1]>=b)act.push(m);});
  var piece=text.slice(a,b);
  if(!act.length){li.appendChild(document.createTextNode(piece));continue;}
  var fills=act.filter(function(m){return m[2]!=='speaker';}).sort(function(x,y){return (x[1]-x[0])-(y[1]-y[0]);});
  var el=document.createElement('mark');el.textContent=piece;
  el.className=act.map(function(m){return 'contrast-'+m[2];}).filter(function(c,j,arr){return arr.indexOf(c)===j;}).join(' ');
  if(fills.length){el.style.background=rgba(D.colors[fills[0][2]]||'#BBBBBB',0.4);}
  if(act.some(function(m){return m[2]==='speaker';}))el.className+=' cb-speaker';
  el.title=act.map(function(m){return m[3];}).filter(function(c,j,arr){return arr.indexOf(c)===j;}).join('\n');
  li.appendChild(el);}
}
function render(){
 var g=gSel.value,f=fSel.value,k=kSel.value,q=qIn.value.toLowerCase(),seen={},shown=0,match=0;
 list.innerHTML='';
 D.items.forEach(function(it){
  var s=D.sentences[it[0]];if(g&&s[0]!==g)return;if(f&&D.families[it[1]]!==f)return;
  if(k&&it[2].split('|').indexOf(k)<0)return;if(q&&s[3].toLowerCase().indexOf(q)<0)return;
  if(seen[it[0]])return;seen[it[0]]=1;match++;if(shown>=LIMIT)return;shown++;
  var li=document.createElement('li');li.className='cb-item';li.setAttribute('data-group',s[0]);
  highlight(li,s[3],s[4]);
  var src=document.createElement('span');src.className='cb-src';
  src.textContent='\u2014 '+s[0]+', '+s[1]+', sentence '+s[2]+(it[3]?', sentiment '+it[3]:'');
  li.appendChild(src);list.appendChild(li);});
 var total=0;Object.keys(D.totals).forEach(function(t){var p=t.split('\t');if((!g||p[0]===g)&&(!f||p[1]===f))total+=D.totals[t];});
 status.textContent=match+' sentence'+(match===1?'':'s')+' in the sample'+(match>shown?' (first '+shown+' shown)':'')+
  '; '+total.toLocaleString('en')+' evidence row'+(total===1?'':'s')+' of '+(g||'all groups')+(f?' / '+f:'')+' in evidence.csv.';
 root.setAttribute('data-shown',String(shown));
}
function setFilter(g,f,k){
 gSel.value=(D.groups.indexOf(g)>=0)?g:'';fSel.value=(D.families.indexOf(f)>=0)?f:'';fillKeys();
 kSel.value=(f&&D.labels[f]&&D.labels[f][k])?k:'';qIn.value='';render();
 root.classList.remove('cb-flash');void root.offsetWidth;root.classList.add('cb-flash');
 root.scrollIntoView({block:'start'});
}
root.contrastFilter=setFilter;
gSel.addEventListener('change',render);kSel.addEventListener('change',render);qIn.addEventListener('input',render);
fSel.addEventListener('change',function(){fillKeys();render();});
document.addEventListener('click',function(ev){
 var el=ev.target&&ev.target.closest?ev.target.closest('[data-evidence-target]'):null;
 if(!el||el.getAttribute('data-evidence-target')!==ROOT_ID)return;
 ev.preventDefault();setFilter(el.getAttribute('data-evidence-group')||'',el.getAttribute('data-evidence-family')||'',
  el.getAttribute('data-evidence-key')||'');});
fillKeys();render();
})();
"""


def browser_html(data: Mapping[str, Any], *, element_id: str = "evidence", title: str | None = None) -> str:
    """The browser as one HTML fragment: ``<section id=element_id>`` with its CSS, data and script.

    Elements anywhere in the page with :func:`link_attrs` ``(target=element_id)``
    open it filtered when clicked.
    """
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    group_word = "outlet" if data.get("by", "source") == "source" else str(data.get("by")).replace("_", " ")
    head = f"<h2>{html.escape(title)}</h2>" if title else ""
    n_sent = len(data.get("sentences", []))
    return (f'<section id="{html.escape(element_id)}" class="cb-root" data-shown="0">{head}<style>{_CSS}</style>'
            '<div class="cb-controls">'
            f'<label>{html.escape(group_word.capitalize())}<select class="cb-group" aria-label="{html.escape(group_word)}"></select></label>'
            '<label>Family<select class="cb-family" aria-label="family"></select></label>'
            '<label>Label<select class="cb-key" aria-label="label"></select></label>'
            '<label>Text<input class="cb-search" type="search" placeholder="words in the sentence"></label></div>'
            f'<p class="cb-status">{n_sent} sentences sampled (the browser needs JavaScript).</p>'
            '<ol class="cb-list"></ol>'
            f'<script type="application/json" class="cb-data">{payload}</script>'
            f"<script>{_JS.replace('ROOT_ID', json.dumps(element_id))}</script></section>")


class Explorer:
    """The evidence browser as a Jupyter display object (``_repr_html_``); ``.data`` holds its sample."""

    def __init__(self, html_text: str, data: Mapping[str, Any]) -> None:
        self.html = html_text
        self.data = data

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def explore(
    corpus: pd.DataFrame,
    evidence: pd.DataFrame,
    *,
    by: str = "source",
    families: Iterable[str] | None = None,
    per_stratum: int = 12,
    max_items: int = 3000,
    seed: int = 0,
) -> Explorer:
    """The evidence browser in a notebook: filter by group, family and label, read the sentences.

    Parameters
    ----------
    corpus, evidence : DataFrame
        :func:`contrast.load_corpus`, :func:`contrast.extract`.
    by : str
        Grouping column (corpus or evidence).
    families : iterable of str, optional
        Only these families.
    per_stratum, max_items, seed
        As in :func:`browser_data`.

    Returns
    -------
    Explorer
        Jupyter renders it (the notebook must be trusted for its script to
        run, as for any interactive output).

    Examples
    --------
    >>> import contrast
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> ex = contrast.explore(corpus, contrast.extract(corpus))
    >>> "<section" in ex._repr_html_() and len(ex.data["sentences"]) > 10
    True
    """
    ev = evidence
    if families is not None:
        ev = ev[ev["family"].astype(str).isin(set(families))]
    data = browser_data(corpus, ev, by=by, per_stratum=per_stratum, max_items=max_items, seed=seed)
    return Explorer(browser_html(data, element_id=f"contrast-evidence-{next(_ids)}"), data)
