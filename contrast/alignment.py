"""What one outlet says that the other leaves out: sentence alignment and stories.

:func:`align` matches the sentences of two outlets (or two articles) covering
the same story, one-to-one, by TF-IDF cosine similarity of their content words,
with numbers and named entities weighted up. Sentences with no counterpart are
the *omissions* of the other side; for each matched pair the framing
differences are listed from the evidence table (attribution verb and stance,
speaker, hedges, boosters, numbers, naming variants) and from the words.

:func:`stories` groups the articles of a corpus into stories (articles about
the same event: similar text within a date window), so alignment can run per
story.

Notes
-----
Monolingual sentence alignment by lexical similarity follows the
bag-of-words / TF-IDF cosine tradition of news-comparison work (e.g.
Nelken & Shieber 2006, "Towards robust context-sensitive sentence alignment
for monolingual corpora", EACL; Barzilay & Elhadad 2003, "Sentence alignment
for monolingual comparable corpora", EMNLP). One-to-one matching maximises the
total similarity (Hungarian algorithm, Kuhn 1955, via
:func:`scipy.optimize.linear_sum_assignment`). It finds sentences that share
words, names and numbers; a paraphrase with different wording ("the army
lacks soldiers" / "a personnel shortage") is not matched, and two sentences
about different incidents that share names can be. Treat pairs and omissions
as candidates to read, not as findings.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix, diags
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

from contrast.text import segment

__all__ = ["Alignment", "align", "align_stories", "stories", "sentence_table", "content_terms"]

# Words (letters, inner hyphens/apostrophes) and numbers (with separators).
_TERM = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "told", "according", "mr", "ms"}


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stem(word))


@lru_cache(maxsize=1)
def _naming_map() -> dict[str, str]:
    """Stemmed place/person name variant -> stemmed canonical name (``kiev`` -> ``kyiv``).

    From the bundled naming lexicon's one-word sets (``Kyiv/Kiev``,
    ``Pokrovsk/Krasnoarmeysk``, ``Zelensky/Zelenskiy/Zelenskyy``), so that the
    naming choice, reported as a framing difference, does not hide a match.
    """
    from contrast.lexicon import load_table

    try:
        table = load_table("naming")
    except (ValueError, OSError):  # lexicon absent: no mapping
        return {}
    out: dict[str, str] = {}
    for set_name, variant, term in zip(table["set"], table["variant"], table["term"], strict=True):
        canon = str(set_name).split("/")[0]
        term = str(term)
        if not isinstance(variant, str) or not variant or " " in canon or " " in term or "*" in term:
            continue
        out[_stem(term.lower())] = _stem(canon.lower())
    return out


def _terms(text: str) -> list[tuple[str, bool]]:
    """Content terms of ``text`` with a flag: is it a number or a named entity?

    Numbers lose their thousands separators (``7,175`` -> ``7175``). Words are
    lower-cased, lose a possessive ``'s``, are Porter-stemmed, rival names of
    one place or person are merged (``Kiev`` -> ``kyiv``, from the naming
    lexicon), and stop words are dropped. A word is an entity when it is capitalised and not the first
    word of the text (a sentence), or all capitals (``HUR``); in a Title Case
    text (a headline) capitalisation is not taken as a sign of a name.
    """
    out: list[tuple[str, bool]] = []
    names = _naming_map()
    first = True
    toks = [m.group() for m in _TERM.finditer(text)]
    long_words = [t for t in toks if len(t) > 3 and not t[0].isdigit()]
    # In a Title Case headline capitals say nothing about names.
    title_case = len(long_words) >= 3 and sum(t[0].isupper() for t in long_words) > 0.7 * len(long_words)
    for tok in toks:
        if tok[0].isdigit():
            out.append((tok.replace(",", ""), True))
            first = False
            continue
        word = _POSSESSIVE.sub("", tok)
        low = word.lower()
        is_entity = (word[0].isupper() and not first and not title_case) or (
            len(word) > 1 and word.isupper())
        first = False
        if len(low) < 2 or low in _STOP:
            continue
        stem = _stem(low)
        out.append((names.get(stem, stem), is_entity))
    return out


def content_terms(text: str) -> list[str]:
    """The content terms :func:`align` compares (stemmed, stop words dropped).

    Examples
    --------
    >>> content_terms("Russia has killed 7,175 civilians, Miroshnik said.")
    ['russia', 'kill', '7175', 'civilian', 'miroshnik']
    """
    return [t for t, _ in _terms(text)]


def _tfidf(texts: Sequence[str], entity_weight: float) -> csr_matrix:
    """L2-normalised TF-IDF rows; entity and number columns multiplied by ``entity_weight``."""
    entities: set[str] = set()
    analysed: list[list[str]] = []
    for t in texts:
        terms = _terms(t)
        analysed.append([w for w, _ in terms])
        entities.update(w for w, e in terms if e)
    if not any(analysed):
        return csr_matrix((len(texts), 1))
    vec = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True, norm=None)
    x = vec.fit_transform(analysed)
    vocab = vec.get_feature_names_out()
    w = np.where(np.isin(vocab, sorted(entities)), entity_weight, 1.0)
    x = x @ diags(w)
    return csr_matrix(normalize(x, norm="l2"))


# --------------------------------------------------------------------------- sentences


def sentence_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: ``doc_id, source, sent_id, start, end, sentence``.

    Sentences come from :func:`contrast.segment` (the headline is sentence 0
    when the article has one), so ``sent_id`` matches the evidence table.
    """
    _require(corpus, ("doc_id", "source", "text"))
    has_title = corpus["has_title"] if "has_title" in corpus.columns else pd.Series(True, index=corpus.index)
    rows: list[dict[str, Any]] = []
    for doc_id, source, text, ht in zip(corpus["doc_id"], corpus["source"], corpus["text"], has_title,
                                        strict=True):
        text = "" if not isinstance(text, str) else text
        doc = segment(text, doc_id=str(doc_id), source=str(source), headline=bool(ht))
        for i, s, e in doc.iter_sentences():
            rows.append({"doc_id": str(doc_id), "source": str(source), "sent_id": i, "start": s,
                         "end": e, "sentence": text[s:e]})
    cols = ["doc_id", "source", "sent_id", "start", "end", "sentence"]
    return pd.DataFrame(rows, columns=cols).astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def _require(df: pd.DataFrame, cols: Iterable[str]) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"corpus lacks columns {missing}; columns found: {list(df.columns)}; "
                         "load it with contrast.load_corpus")


def _select(corpus: pd.DataFrame, key: str, name: str) -> pd.DataFrame:
    """Articles named by ``key``: a doc_id, else a source."""
    ids = corpus["doc_id"].astype(str)
    sub = corpus[ids == str(key)]
    if sub.empty:
        sub = corpus[corpus["source"].astype(str) == str(key)]
    if sub.empty:
        sources = sorted(corpus["source"].astype(str).unique())
        raise ValueError(f"{name}={key!r} is neither a doc_id nor a source of the corpus; "
                         f"sources: {sources[:20]}; doc_ids: {list(ids[:5])}...")
    return sub


# --------------------------------------------------------------------------- framing per sentence

#: Largest similarity matrix (sentences of a x sentences of b) align builds.
_MAX_CELLS = 25_000_000

_FRAMING_COLUMNS = ("cue", "stance", "speaker", "hedges", "boosters", "numbers", "naming")


def _join(values: Iterable[Any]) -> str:
    seen: list[str] = []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            continue
        s = str(v)
        if s and s not in seen:
            seen.append(s)
    return "; ".join(seen)


def _framing(ev: pd.DataFrame | None, doc_id: str, start: int, end: int) -> dict[str, str]:
    """Framing evidence inside one sentence (spans that start and end within it)."""
    out = dict.fromkeys(_FRAMING_COLUMNS, "")
    if ev is None or ev.empty:
        return out
    rows = ev[(ev["doc_id"] == doc_id) & (ev["start"] >= start) & (ev["end"] <= end)]
    if rows.empty:
        return out
    fam = rows["family"].astype(str)
    att = rows[fam == "attribution"]
    out["cue"] = _join(att["cue"].where(att["cue"].notna(), att["span"]))
    out["stance"] = _join(att["label"])
    out["speaker"] = _join(att["speaker"])
    out["hedges"] = _join(rows.loc[fam == "hedge", "span"])
    out["boosters"] = _join(rows.loc[fam == "booster", "span"])
    out["numbers"] = _join(rows.loc[fam == "number", "span"])
    nam = rows[fam == "naming"]
    out["naming"] = _join(nam["span"])
    return out


_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’-]\w+)*")


def _word_diff(a: str, b: str) -> tuple[str, str]:
    """Words of ``a`` not in ``b`` and of ``b`` not in ``a``, in sentence order (via difflib)."""
    wa, wb = _WORD.findall(a), _WORD.findall(b)
    sm = difflib.SequenceMatcher(a=[w.lower() for w in wa], b=[w.lower() for w in wb], autojunk=False)
    only_a: list[str] = []
    only_b: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("replace", "delete"):
            only_a.append(" ".join(wa[i1:i2]))
        if op in ("replace", "insert"):
            only_b.append(" ".join(wb[j1:j2]))
    return " | ".join(only_a), " | ".join(only_b)


_DIFF_LABELS = {"cue": "attribution verb", "stance": "stance", "speaker": "speaker",
                "hedges": "hedges", "boosters": "boosters", "numbers": "numbers", "naming": "naming"}


def _differences(fa: dict[str, str], fb: dict[str, str]) -> str:
    parts = []
    for k, label in _DIFF_LABELS.items():
        if fa[k].lower() != fb[k].lower():
            parts.append(f"{label}: {fa[k] or '-'} -> {fb[k] or '-'}")
    return "; ".join(parts)


# --------------------------------------------------------------------------- align


@dataclass
class Alignment:
    """Result of :func:`align`.

    Attributes
    ----------
    a, b : str
        The two sides as given (a source or a doc_id).
    threshold : float
        The minimum cosine similarity of a pair.
    pairs : DataFrame
        One row per matched sentence pair, most similar first: ``doc_id_a,
        sent_id_a, sentence_a, doc_id_b, sent_id_b, sentence_b, similarity``;
        the framing evidence inside each sentence (``cue_a/_b`` attribution
        verbs, ``stance_a/_b``, ``speaker_a/_b``, ``hedges_a/_b``,
        ``boosters_a/_b``, ``numbers_a/_b``, ``naming_a/_b``; ``; ``-joined
        spans), ``words_only_a/_b`` (word differences, ``|``-separated
        stretches) and ``differences`` (the framing columns that differ,
        as text; empty when the framing evidence is the same).
    only_a, only_b : DataFrame
        Sentences of each side with no counterpart above the threshold (the
        other side's omissions): ``doc_id, sent_id, start, end, sentence``,
        ``best_similarity`` (to the closest sentence of the other side) and
        ``closest`` (that sentence), plus the framing columns.
    """

    a: str
    b: str
    threshold: float
    pairs: pd.DataFrame
    only_a: pd.DataFrame
    only_b: pd.DataFrame
    n_a: int = 0
    n_b: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self, max_rows: int = 10) -> str:
        """A plain-text summary: counts, the pairs with framing differences, the omissions."""
        lines = [
            f"{self.a} vs {self.b}: {self.n_a} and {self.n_b} sentences; "
            f"{len(self.pairs)} pairs (cosine >= {self.threshold:g}); "
            f"{len(self.only_a)} only in {self.a}, {len(self.only_b)} only in {self.b}.",
        ]
        lines += [f"Note: {n}" for n in self.notes]
        if len(self.pairs):
            lines.append("\nPairs:")
            for r in self.pairs.head(max_rows).itertuples():
                lines.append(f"  [{r.similarity:.2f}] A: {_short(r.sentence_a)}")
                lines.append(f"         B: {_short(r.sentence_b)}")
                if r.differences:
                    lines.append(f"         differs: {r.differences}")
        for name, df in ((self.a, self.only_a), (self.b, self.only_b)):
            if len(df):
                lines.append(f"\nOnly in {name} ({len(df)}):")
                for r in df.head(max_rows).itertuples():
                    lines.append(f"  - {_short(r.sentence)}")
                if len(df) > max_rows:
                    lines.append(f"  ... {len(df) - max_rows} more")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = html.escape(self.summary(max_rows=0).split("\n")[0])
        notes = "".join(f"<p><em>{html.escape(n)}</em></p>" for n in self.notes)
        pair_cols = ["similarity", "sentence_a", "sentence_b", "differences"]
        parts = [f"<p><strong>{head}</strong></p>", notes, "<h4>Pairs</h4>",
                 self.pairs[pair_cols].to_html(index=False, float_format="{:.2f}".format)]
        for name, df in ((self.a, self.only_a), (self.b, self.only_b)):
            parts.append(f"<h4>Only in {html.escape(str(name))}</h4>")
            parts.append(df[["sent_id", "sentence", "best_similarity"]]
                         .to_html(index=False, float_format="{:.2f}".format))
        return "\n".join(parts)


def _short(s: str, n: int = 110) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def align(
    corpus: pd.DataFrame,
    a: str,
    b: str,
    *,
    evidence: pd.DataFrame | None = None,
    threshold: float = 0.45,
    entity_weight: float = 2.0,
) -> Alignment:
    """Match the sentences of two outlets (or articles) covering the same story.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`contrast.load_corpus`; restrict it to one story first
        (``corpus[contrast.stories(corpus) == k]``), else all articles of each
        side are pooled.
    a, b : str
        Each a ``doc_id`` or a ``source`` of the corpus.
    evidence : DataFrame, optional
        The evidence table (:func:`contrast.extract`) to describe the framing
        of each sentence; by default it is extracted from the two sides.
    threshold : float, default 0.45
        Minimum cosine similarity for a pair (on constructed parallel
        reports, corresponding sentences scored 0.6-0.8 and unrelated
        sentences on the same conflict at most 0.4); sentences without a counterpart
        at or above it are reported in ``only_a`` / ``only_b``.
    entity_weight : float, default 2.0
        Factor applied to the TF-IDF weight of numbers and named entities
        (capitalised non-initial words, acronyms) before normalisation.

    Returns
    -------
    Alignment
        ``pairs``, ``only_a``, ``only_b`` DataFrames, ``summary()`` and an
        HTML view in Jupyter.

    Notes
    -----
    Sentences become TF-IDF vectors of content terms (stop words dropped,
    Porter-stemmed, numbers without separators; IDF fitted on the sentences
    of both sides). The one-to-one matching maximises the summed cosine
    similarity (Hungarian algorithm); matches below ``threshold`` are
    dropped. See the module docstring for references and limits.

    Examples
    --------
    >>> import contrast
    >>> from contrast.alignment import align
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> res = align(corpus, a="Business Insider", b="Izvestia", evidence=contrast.extract(corpus))
    >>> len(res.pairs) + len(res.only_a) == res.n_a
    True
    """
    _require(corpus, ("doc_id", "source", "text"))
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be a cosine similarity in [0, 1], got {threshold!r}")
    if entity_weight <= 0:
        raise ValueError(f"entity_weight must be positive, got {entity_weight!r}")
    sub_a, sub_b = _select(corpus, a, "a"), _select(corpus, b, "b")
    overlap = set(sub_a["doc_id"].astype(str)) & set(sub_b["doc_id"].astype(str))
    if overlap:
        raise ValueError(f"a={a!r} and b={b!r} share articles {sorted(overlap)[:3]}; "
                         "choose two different sources or doc_ids")
    notes: list[str] = []
    if evidence is None:
        from contrast.extract import extract

        both = pd.concat([sub_a, sub_b], ignore_index=True)
        evidence = extract(both, families=["attribution", "hedge", "booster", "number", "naming"])
    ev = _evidence_view(evidence)
    ids = set(sub_a["doc_id"].astype(str)) | set(sub_b["doc_id"].astype(str))
    ev = ev[ev["doc_id"].isin(ids)]
    sa, sb = sentence_table(sub_a), sentence_table(sub_b)
    if len(sa) * len(sb) > _MAX_CELLS:
        raise ValueError(f"{len(sa)} x {len(sb)} sentences is too many to align at once; align story "
                         "by story (contrast.align_stories) or restrict the corpus")
    if len(sa) and len(sb):
        x = _tfidf(list(sa["sentence"]) + list(sb["sentence"]), entity_weight)
        sim = (x[: len(sa)] @ x[len(sa):].T).toarray()
    else:
        sim = np.zeros((len(sa), len(sb)))
    rows, cols = linear_sum_assignment(sim, maximize=True) if sim.size else (np.array([], int),) * 2
    keep = sim[rows, cols] >= threshold if sim.size else np.array([], bool)
    rows, cols = rows[keep], cols[keep]

    framing_a = [_framing(ev, r.doc_id, r.start, r.end) for r in sa.itertuples()]
    framing_b = [_framing(ev, r.doc_id, r.start, r.end) for r in sb.itertuples()]
    pair_rows = []
    for i, j in zip(rows, cols, strict=True):
        ra, rb = sa.iloc[i], sb.iloc[j]
        fa, fb = framing_a[i], framing_b[j]
        wa, wb = _word_diff(ra["sentence"], rb["sentence"])
        rec: dict[str, Any] = {
            "doc_id_a": ra["doc_id"], "sent_id_a": int(ra["sent_id"]), "sentence_a": ra["sentence"],
            "doc_id_b": rb["doc_id"], "sent_id_b": int(rb["sent_id"]), "sentence_b": rb["sentence"],
            "similarity": float(sim[i, j]),
        }
        for k in _FRAMING_COLUMNS:
            rec[f"{k}_a"], rec[f"{k}_b"] = fa[k], fb[k]
        rec["words_only_a"], rec["words_only_b"] = wa, wb
        rec["differences"] = _differences(fa, fb)
        pair_rows.append(rec)
    pair_cols = (["doc_id_a", "sent_id_a", "sentence_a", "doc_id_b", "sent_id_b", "sentence_b",
                  "similarity"] + [f"{k}_{s}" for k in _FRAMING_COLUMNS for s in "ab"]
                 + ["words_only_a", "words_only_b", "differences"])
    pairs = pd.DataFrame(pair_rows, columns=pair_cols)
    pairs = pairs.sort_values("similarity", ascending=False, kind="stable").reset_index(drop=True)

    only_a = _unmatched(sa, set(rows.tolist()), sim, sb, framing_a)
    only_b = _unmatched(sb, set(cols.tolist()), sim.T, sa, framing_b)
    if len(sub_a) > 1 or len(sub_b) > 1:
        notes.append(f"{len(sub_a)} and {len(sub_b)} articles pooled per side; restrict the corpus "
                     "to one story (contrast.stories) for a cleaner alignment")
    return Alignment(a=str(a), b=str(b), threshold=threshold, pairs=pairs, only_a=only_a,
                     only_b=only_b, n_a=len(sa), n_b=len(sb), notes=notes)


def _evidence_view(evidence: pd.DataFrame) -> pd.DataFrame:
    need = ["doc_id", "start", "end", "family", "span"]
    missing = [c for c in need if c not in evidence.columns]
    if missing:
        raise ValueError(f"evidence lacks columns {missing}; pass the table from contrast.extract")
    ev = evidence.copy()
    for c in ("cue", "label", "speaker"):
        if c not in ev.columns:
            ev[c] = pd.NA
    ev = ev[ev["start"].notna() & ev["end"].notna()]
    ev = ev.astype({"start": "int64", "end": "int64"})
    ev["doc_id"] = ev["doc_id"].astype(str)
    return ev.sort_values(["doc_id", "start"], kind="stable")


def _unmatched(s: pd.DataFrame, matched: set[int], sim: np.ndarray, other: pd.DataFrame,
               framing: list[dict[str, str]]) -> pd.DataFrame:
    idx = [i for i in range(len(s)) if i not in matched]
    out = s.iloc[idx].copy()
    if sim.shape[1]:
        best = sim[idx].argmax(axis=1) if idx else np.array([], int)
        out["best_similarity"] = sim[idx, best] if idx else []
        out["closest"] = list(other["sentence"].iloc[best]) if idx else []
    else:
        out["best_similarity"] = 0.0
        out["closest"] = ""
    for k in _FRAMING_COLUMNS:
        out[k] = [framing[i][k] for i in idx]
    return out.reset_index(drop=True)


def align_stories(
    corpus: pd.DataFrame,
    a: str,
    b: str,
    *,
    story_ids: pd.Series | None = None,
    evidence: pd.DataFrame | None = None,
    threshold: float = 0.45,
) -> dict[int, Alignment]:
    """Align two sources story by story.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`contrast.load_corpus`.
    a, b : str
        Two sources of the corpus.
    story_ids : Series, optional
        A story id per article, indexed like ``corpus`` (default:
        :func:`stories` with its defaults).
    evidence : DataFrame, optional
        The evidence table (default: extracted per story).
    threshold : float, default 0.45
        See :func:`align`.

    Returns
    -------
    dict
        ``story_id -> Alignment`` for every story that both sources cover.

    Examples
    --------
    >>> import contrast
    >>> from contrast.alignment import align_stories
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> align_stories(corpus, "Business Insider", "Izvestia")  # no story covered by both
    {}
    """
    _require(corpus, ("doc_id", "source", "text"))
    srcs = set(corpus["source"].astype(str))
    for name, key in (("a", a), ("b", b)):
        if str(key) not in srcs:
            raise ValueError(f"{name}={key!r} is not a source of the corpus; sources: {sorted(srcs)[:20]}")
    sid = stories(corpus) if story_ids is None else story_ids
    if len(sid) != len(corpus) or not sid.index.equals(corpus.index):
        raise ValueError("story_ids must be indexed like corpus (one id per article)")
    out: dict[int, Alignment] = {}
    src = corpus["source"].astype(str)
    for story, idx in corpus.groupby(sid.to_numpy(), sort=True).groups.items():
        sub = corpus.loc[idx]
        have = set(src.loc[idx])
        if str(a) in have and str(b) in have:
            ev = None if evidence is None else evidence[evidence["doc_id"].isin(set(sub["doc_id"]))]
            out[int(story)] = align(sub, a, b, evidence=ev, threshold=threshold)
    return out


# --------------------------------------------------------------------------- stories


def stories(
    corpus: pd.DataFrame,
    *,
    window_days: float = 3,
    threshold: float = 0.35,
    entity_weight: float = 2.0,
) -> pd.Series:
    """Group articles about the same event into stories.

    Two articles are linked when the cosine similarity of their TF-IDF
    vectors (content terms, numbers and named entities weighted up, as in
    :func:`align`) is at least ``threshold`` and their dates are at most
    ``window_days`` apart; a story is a connected group of linked articles
    (single linkage). An article without a date is compared with every
    article.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`contrast.load_corpus` (``doc_id, source, text``; ``date``
        optional).
    window_days : float, default 3
        Maximum distance in days between linked articles.
    threshold : float, default 0.35
        Minimum cosine similarity of linked articles. A starting point, not
        a calibrated value: look at the groups and adjust.
    entity_weight : float, default 2.0
        Factor for numbers and named entities (see :func:`align`).

    Returns
    -------
    Series
        ``story_id`` (integers from 0, in order of first appearance), indexed
        like ``corpus``. An article linked to no other is a story of its own.

    Notes
    -----
    Single linkage can chain: A similar to B and B to C puts A and C in one
    story even when they share little. Raise ``threshold`` or narrow the
    window when stories come out too large.

    Examples
    --------
    >>> import contrast
    >>> from contrast.alignment import stories
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> stories(corpus).tolist()  # two different incidents
    [0, 1]
    """
    _require(corpus, ("doc_id", "source", "text"))
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be a cosine similarity in [0, 1], got {threshold!r}")
    if window_days < 0:
        raise ValueError(f"window_days must be >= 0, got {window_days!r}")
    n = len(corpus)
    if n == 0:
        return pd.Series([], index=corpus.index, name="story_id", dtype="int64")
    texts = ["" if not isinstance(t, str) else t for t in corpus["text"]]
    # Terms are judged per sentence so a capitalised sentence start is no entity.
    x = _tfidf_articles(corpus, texts, entity_weight)
    if "date" in corpus.columns:
        dates = pd.to_datetime(corpus["date"], errors="coerce", utc=True, format="mixed")
        days = (dates - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds().to_numpy() / 86400.0
    else:
        days = np.full(n, np.nan)
    edges_r: list[np.ndarray] = []
    edges_c: list[np.ndarray] = []
    step = 2000
    for lo in range(0, n, step):
        block = (x[lo: lo + step] @ x.T).toarray()
        r, c = np.nonzero(block >= threshold)
        r = r + lo
        d = np.abs(days[r] - days[c])
        ok = np.isnan(d) | (d <= window_days)
        edges_r.append(r[ok])
        edges_c.append(c[ok])
    rr, cc = np.concatenate(edges_r), np.concatenate(edges_c)
    graph = csr_matrix((np.ones(len(rr)), (rr, cc)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    # renumber by first appearance
    order: dict[int, int] = {}
    ids = [order.setdefault(int(lab), len(order)) for lab in labels]
    return pd.Series(ids, index=corpus.index, name="story_id", dtype="int64")


def _tfidf_articles(corpus: pd.DataFrame, texts: list[str], entity_weight: float) -> csr_matrix:
    """Article TF-IDF with entity weighting; entity flags judged sentence by sentence."""
    sents = sentence_table(corpus.assign(text=texts))
    joined = sents.groupby("doc_id", sort=False)["sentence"].agg(list)
    per_doc: list[list[str]] = []
    entities: set[str] = set()
    for doc_id in corpus["doc_id"].astype(str):
        terms: list[str] = []
        for s in joined.get(doc_id, []):
            for w, e in _terms(s):
                terms.append(w)
                if e:
                    entities.add(w)
        per_doc.append(terms)
    if not any(per_doc):
        return csr_matrix((len(texts), 1))
    vec = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True, norm=None)
    x = vec.fit_transform(per_doc)
    vocab = vec.get_feature_names_out()
    weights = np.where(np.isin(vocab, sorted(entities)), entity_weight, 1.0)
    return csr_matrix(normalize(x @ diags(weights), norm="l2"))
