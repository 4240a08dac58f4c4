"""The ``contrast`` command: a corpus in, tables, charts and an HTML report out.

    contrast INPUT --out DIR [--text-col C] [--source-col C] [--title-col C] [--date-col C]
                             [--period W|M|Q] [--no-hygiene] [--encoding ENC] [--sheet NAME]

Exit status 0 on success; 2 with a one-line reason on bad input.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["main", "run"]

_PART = 500  # articles per task when streaming: small enough to keep every worker busy


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="contrast",
        description="Compare how news outlets frame the same conflict: evidence, tables, charts, report.",
    )
    p.add_argument("input", help="folder of .txt/.md articles, or a .csv/.tsv/.jsonl/.parquet/.xlsx file")
    p.add_argument("--out", required=True, help="output folder (created; must not be inside INPUT)")
    p.add_argument("--text-col", help="column holding the article text (tabular input)")
    p.add_argument("--source-col", help="column naming the outlet (tabular input)")
    p.add_argument("--title-col", help="column holding the headline (tabular input)")
    p.add_argument("--date-col", help="column holding the publication date (tabular input)")
    p.add_argument("--id-col", help="column holding a unique article id (tabular input)")
    p.add_argument("--encoding", help="text encoding of the input files, e.g. cp1252, latin-1, cp1251 "
                                      "(default: UTF-8, else detected and reported)")
    p.add_argument("--sheet", help="worksheet of an .xlsx file, by name or 0-based number (default: the first)")
    p.add_argument("--by", default="source",
                   help="corpus column to compare groups by (default: source); a date column groups by "
                        "month (or --period), a numeric one by --bins quantile bins")
    p.add_argument("--period", default=None, choices=["W", "M", "Q"], type=str.upper,
                   help="period of trends.csv and the trend chart (written when the dates span three "
                        "periods or more) and of a date --by: W week, M month (default), Q quarter")
    p.add_argument("--no-hygiene", action="store_true",
                   help="keep page furniture and do not flag near-duplicate articles (default: remove "
                        "furniture learned per outlet, count near-duplicates once)")
    p.add_argument("--bins", type=int, default=5, help="quantile bins of a numeric --by column (default: 5)")
    p.add_argument("--actors", metavar="FILE", help="actor dictionary TSV (columns alias, actor) for another conflict")
    p.add_argument("--lexicon", action="append", default=[], metavar="FAMILY=FILE",
                   help="your own word list: hedge=, booster=, naming=, attribution= (TSV as the bundled "
                        "lexicons), custom= (LIWC .dic, or TSV with term and category); repeatable")
    p.add_argument("--families", help="comma-separated evidence families to extract (default: all)")
    p.add_argument("--sides", metavar="FILE-or-SPEC",
                   help="how speaker affiliations group into sides: a TSV (affiliation, side) or changes "
                        "to the default map such as 'BY=Russia,US=USA' (default: Russia, Ukraine, West, "
                        "Belarus, other)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for extraction (-1: all cores)")
    p.add_argument("--chunksize", type=int, default=5000,
                   help="articles per chunk when streaming a table file (default: 5000)")
    p.add_argument("--report-sample", type=int, default=2000,
                   help="articles whose evidence feeds charts and report examples when streaming "
                        "(default: 2000; every article counts in the tables)")
    p.add_argument("--no-charts", action="store_true", help="skip charts (and their report section)")
    p.add_argument("--parquet", action="store_true", help="also write the tables as Parquet")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    from contrast import __version__

    p.add_argument("--version", action="version", version=f"contrast {__version__}")
    return p


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


def _stored_validity() -> pd.DataFrame | None:
    from importlib import resources

    ref = resources.files("contrast") / "validity.csv"
    if not ref.is_file():
        return None
    with ref.open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh)


def _check_by(corpus: pd.DataFrame, by: str) -> None:
    if by not in corpus.columns:
        raise ValueError(f"--by {by!r} is not a corpus column; columns: {list(corpus.columns)}")


def _check_by_values(corpus: pd.DataFrame, by: str) -> None:
    """A whole corpus whose ``--by`` column is empty everywhere has no groups to compare."""
    values = corpus[by]
    if values.isna().all() or (values.astype("string").str.strip().fillna("") == "").all():
        raise ValueError(f"--by {by!r}: the column is empty in every article; choose a column with values "
                         "(or give the dates with --date-col)")


def _extract_options(args: argparse.Namespace) -> dict[str, Any]:
    """``extract`` keywords from ``--actors``, ``--lexicon``, ``--families`` and ``--sides`` (as in Python)."""
    from contrast.lexicon import load_table

    opts: dict[str, Any] = {}
    if getattr(args, "sides", None):
        from contrast.actors import as_sides

        opts["sides"] = as_sides(args.sides)
    if getattr(args, "families", None):
        opts["families"] = [f.strip() for f in args.families.split(",") if f.strip()]
    if getattr(args, "actors", None):
        from contrast.actors import ActorDictionary

        opts["actors"] = ActorDictionary.from_file(_existing(args.actors, "--actors"))
    given: dict[str, Path] = {}
    for spec in getattr(args, "lexicon", None) or []:
        family, sep, file = spec.partition("=")
        family = family.strip().lower()
        if not sep or not file:
            raise ValueError(f"--lexicon {spec!r}: expected FAMILY=FILE, e.g. hedge=my_hedges.tsv")
        if family not in {"hedge", "booster", "naming", "attribution", "custom"}:
            raise ValueError(f"--lexicon {spec!r}: FAMILY must be hedge, booster, naming, attribution or custom")
        given[family] = _existing(file, "--lexicon")
    res: dict[str, Any] = {}
    if "hedge" in given or "booster" in given:
        from contrast.features import hedging

        res["hedging"] = hedging.Resources.from_terms(
            hedges=load_table(given["hedge"]) if "hedge" in given else load_table("hedges"),
            boosters=load_table(given["booster"]) if "booster" in given else load_table("boosters"))
    if "naming" in given:
        from contrast.features import naming

        res["naming"] = naming.Resources.from_file(given["naming"])
    if "attribution" in given:
        from contrast.features import attribution

        res["attribution"] = attribution.Resources.from_tables(load_table(given["attribution"]),
                                                               load_table("attribution_nouns"))
    if "custom" in given:
        from contrast.features import custom

        path = given["custom"]
        if path.suffix.lower() == ".dic":
            res["custom"] = custom.load_dic(path)
        else:
            table = load_table(path)
            if not {"term", "category"} <= set(table.columns):
                raise ValueError(f"{path}: a custom TSV needs columns term and category; found {list(table.columns)}")
            res["custom"] = custom.Resources.from_terms(
                {str(c): part["term"].astype(str).tolist() for c, part in table.groupby("category")})
    if res:
        opts["resources"] = res
    return opts


def _existing(path: str, option: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{option} {path}: no such file")
    return p


def _extract_part(corpus: pd.DataFrame, options: dict[str, Any] | None = None
                  ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Evidence, articles table and sentence units of one part of a streamed chunk (runs in a worker)."""
    from contrast import tables
    from contrast.extract import SegmentationWarning, extract

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SegmentationWarning)  # counted in ev.attrs, reported once by _stream
        ev = extract(corpus, n_jobs=1, cache=False, progress=False, **(options or {}))
    return (ev, *tables.articles_and_units(ev, corpus))


_PAIRWISE_MAX = 50_000  # streamed articles kept in memory for pairwise.csv (beyond: the report sample)
_SENTENCE_DOCS_MAX = 20_000  # articles of small groups whose sentences a stream keeps
_CHART_ROWS_MAX = 250_000  # evidence rows a stream keeps for its charts (beyond: the report sample's)
_CHART_ARTICLE_COLUMNS = ("hedge_per_1k", "booster_per_1k")  # the articles columns the charts read (by doc_id)
_CHART_FAMILIES = ("attribution", "number", "naming", "actor", "sentiment")
_CHART_COLUMNS = ("doc_id", "sent_id", "start", "end", "family", "label", "span", "speaker", "speaker_resolved",
                  "speaker_type", "speaker_start", "affiliation", "role", "actor", "compound", "variant", "quote")


def _chart_rows(evidence: pd.DataFrame, types: dict[str, str] | None = None) -> pd.DataFrame:
    """The evidence rows and columns the charts read (one answer: a stream's charts cover every article)."""
    part = evidence.loc[evidence["family"].isin(_CHART_FAMILIES).to_numpy(),
                        [c for c in _CHART_COLUMNS if c in evidence.columns]]
    if "span" in part.columns:  # only the naming chart reads spans (a variant written as found)
        part = part.assign(span=part["span"].where(part["family"] == "naming"))
    part = part.reset_index(drop=True)
    # kept as codes while streaming (a row's eleven strings were ~500 bytes); _joined_chart_rows restores them
    if types is not None:  # ``types`` records the text columns' own types
        text = [c for c in part.columns if isinstance(part[c].dtype, pd.StringDtype)]
        for c in text:
            types.setdefault(c, str(part[c].dtype))
        part = part.astype(dict.fromkeys(text, "category"))
    return part


def _joined_chart_rows(parts: list[pd.DataFrame], types: dict[str, str]) -> pd.DataFrame:
    """The kept chart rows of every chunk as one frame, the text columns in their ``types`` again."""
    out = pd.concat(parts, ignore_index=True)  # codes of different categories join as objects
    return out.astype({c: t for c, t in types.items() if all(c in part.columns for part in parts)})


def _period(args: argparse.Namespace) -> str | None:
    """The period of a date grouping: ``--period`` when ``--by date`` (other date columns default to months)."""
    return getattr(args, "period", None) if args.by == "date" else None


def _trend_period(args: argparse.Namespace) -> str:
    return getattr(args, "period", None) or "M"


def _label_evidence(evidence: pd.DataFrame, corpus: pd.DataFrame, name: str) -> pd.DataFrame:
    """The evidence with the group label of its article (charts group evidence rows)."""
    if name in evidence.columns:
        return evidence
    labels = dict(zip(corpus["doc_id"].astype(str), corpus[name], strict=True))
    return evidence.assign(**{name: evidence["doc_id"].astype(str).map(labels)})


def _insert_label(arts: pd.DataFrame, name: str, labels: pd.Series) -> pd.DataFrame:
    """Put the group label at the end of the metadata columns, where load_corpus order puts it."""
    out = arts.drop(columns=[name]) if name in arts.columns else arts
    at = list(out.columns).index("n_words") if "n_words" in out.columns else len(out.columns)
    label = pd.DataFrame({name: labels.to_numpy()}, index=out.index)
    return pd.concat([out.iloc[:, :at], label, out.iloc[:, at:]], axis=1)  # one block per dtype, no insert


def _as_codes(values: pd.Series) -> pd.Series:
    """Text values as categorical codes (kept per part while streaming: no str object per article)."""
    values = values.reset_index(drop=True)
    if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
        out = values.astype("category")
        out.attrs["dtype"] = values.dtype
        return out
    return values


def _from_codes(parts: list[pd.Series]) -> pd.Series:
    """The whole column again, with the dtype it was read with."""
    whole = pd.concat(parts, ignore_index=True)
    dtype = parts[0].attrs.get("dtype") if parts else None
    return whole.astype(dtype) if dtype is not None else whole


def _map_ordered(fn: Any, items: Iterable[Any], n_jobs: int) -> Iterator[tuple[Any, Any]]:
    """Yield ``(item, fn(item))`` in input order, ``n_jobs`` worker processes at a time.

    At most ``2 * n_jobs`` items are in flight, so memory stays bounded while
    this process writes one result as the workers compute the next ones.
    """
    from contrast.extract import _n_workers

    workers = _n_workers(n_jobs)
    if workers == 1:
        for item in items:
            yield item, fn(item)
        return
    from collections import deque

    # a pool of its own: loky's reusable executor is the one joblib.Parallel
    # (and so contrast.extract) reuses, and it must not be configured twice
    from joblib.externals.loky import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[Any, Any]] = deque()
        for item in items:
            pending.append((item, pool.submit(fn, item)))
            if len(pending) >= 2 * workers:
                done, fut = pending.popleft()
                yield done, fut.result()
        while pending:
            done, fut = pending.popleft()
            yield done, fut.result()


def _stream(src: Path, out: Path, cols: dict[str, str | None], args: argparse.Namespace
            ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, Any,
                       dict[str, Path], str, pd.DataFrame | None]:
    """Process a table file chunk by chunk, in memory that does not grow with its size.

    Pass 1 extracts each chunk, appends its evidence to ``evidence.csv`` (and
    Parquet) and keeps its articles table in a temporary folder (and the
    sentences of groups that may turn out small). The grouping of ``--by``
    is then decided from the whole column. Pass 2 aligns the tables to one
    set of columns, appends them to ``articles.csv`` and feeds the same
    keyed bootstrap as :func:`contrast.tables.compare` for ``sources.csv``;
    ``pairwise.csv`` covers every article up to ``_PAIRWISE_MAX``. The first
    ``--report-sample`` articles, with their evidence, feed the charts and
    report examples.

    Returns the sample's corpus, evidence and articles, the sources table of
    every article, the paths written, a note for the report and the trends
    of every article (None when the dates span fewer than three periods).
    Page furniture is learned in a first pass from each outlet's first
    2,000 articles and removed from every chunk; near-duplicates are found
    across all chunks.
    """
    import tempfile

    import pyarrow as pa
    import pyarrow.parquet as pq

    from contrast import groups, hygiene, io, tables
    from contrast.corpus import read_table_chunks
    from contrast.trend import periods

    sample_c: list[pd.DataFrame] = []
    sample_e: list[pd.DataFrame] = []
    n_sample = n_total = n_extra = 0
    sample_counts: dict[str, int] = {}  # group key -> articles of it in the report sample
    per_group = max(1, args.report_sample // 10)
    from contrast.extract import _n_workers

    if _n_workers(args.jobs) > 1:  # workers extract; this process reads, cleans and writes each chunk
        _fixed_mmap_threshold()  # its chunk-sized blocks then go back when freed instead of piling up
    furniture: hygiene.Furniture | None = None
    deduper = None if args.no_hygiene else hygiene.Deduper()
    if deduper is not None:  # a first pass learns each outlet's furniture from its first 2,000 articles
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the main pass reports skipped rows
            furniture = hygiene.learn_furniture_sample(
                read_table_chunks(src, chunksize=args.chunksize, columns=cols, encoding=args.encoding,
                                  sheet=args.sheet))
    from contrast.findings import ExampleReserve

    reserve = ExampleReserve(args.by)  # finding examples from all articles, not the sample only (bounded)
    dup_tables: list[pd.DataFrame] = []
    n_split = [0, 0]  # long sentences split for analysis (the workers' warnings stay in the workers)
    span: list[Any] = []  # first and last period seen
    from contrast._compact import IdSet

    seen = IdSet()  # every doc_id so far (compact: a Python object per article kept memory growing)
    repeats: dict[str, int] = {}  # doc_id -> occurrences so far, for the ones that repeat
    column_lists: list[list[str]] = []
    by_values: list[pd.Series] = []
    dated = args.by == "date" or _period(args) is not None
    key_spec = groups.Grouping(args.by, args.by, "period", period=_period(args) or "M") if dated else None
    key_counts: dict[str, int] = {}
    kept: list[pd.DataFrame] = []
    n_kept = 0
    sentences_complete = True
    chart_e: list[pd.DataFrame] | None = []  # None once past _CHART_ROWS_MAX
    keep_chart_rows = not args.no_charts  # without charts they are counted (for the report's note), not kept
    chart_docs: list[pd.DataFrame] = []
    chart_types: dict[str, str] = {}  # text columns of the chart rows -> their type (kept as codes)
    n_chart = 0
    from contrast.stats import WordCounts

    words = WordCounts(args.by)  # distinctive words of every article (used when --by groups by its values)
    with ExitStack() as stack:
        tmpdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="contrast-")))
        with ExitStack() as ev_stack:
            tmp_csv = ev_stack.enter_context(io.atomic_path(out / "evidence.csv"))
            tmp_pq = ev_stack.enter_context(io.atomic_path(out / "evidence.parquet")) if args.parquet else None
            fh = ev_stack.enter_context(open(tmp_csv, "w", encoding="utf-8", newline=""))
            writer: Any = None

            def parts() -> Iterator[pd.DataFrame]:
                for chunk in read_table_chunks(src, chunksize=args.chunksize, columns=cols,
                                               encoding=args.encoding, sheet=args.sheet):
                    _check_by(chunk, args.by)
                    dup = pd.Series(seen.contains(chunk["doc_id"].astype(str).tolist()), index=chunk.index)
                    for d in dict.fromkeys(chunk.loc[~dup, "doc_id"].astype(str)):
                        seen.add(d)
                    if dup.any():  # later copies get ~N (the N-th occurrence), as load_corpus names them
                        renamed = []
                        for d in chunk.loc[dup, "doc_id"]:
                            n = repeats.get(d, 1) + 1
                            while f"{d}~{n}" in seen:
                                n += 1
                            repeats[d] = n
                            seen.add(f"{d}~{n}")
                            renamed.append(f"{d}~{n}")
                        chunk.loc[dup, "doc_id"] = renamed
                        warnings.warn(f"{int(dup.sum())} doc_id(s) repeat earlier rows; later copies renamed "
                                      "with a ~N suffix", stacklevel=2)
                    if deduper is not None and furniture is not None:  # issue 14: hygiene as load_corpus does it
                        chunk = hygiene.find_duplicates(furniture.apply(chunk), deduper=deduper)
                        dup_tables.append(hygiene.duplicates_table(chunk))
                    if "date" in chunk.columns:
                        per = periods(chunk["date"], _trend_period(args)).dropna()
                        if len(per):
                            span[:] = [min([per.min(), *span[:1]]), max([per.max(), *span[1:]])]
                    for k in range(0, len(chunk), _PART):
                        yield chunk.iloc[k:k + _PART].reset_index(drop=True)

            work = functools.partial(_extract_part, options=args.extract_options)
            for i, (corpus, (ev, arts, sents)) in enumerate(_map_ordered(work, parts(), args.jobs)):
                split = ev.attrs.get("split_sentences")
                if split:
                    n_split[0] += split["sentences"]
                    n_split[1] += split["articles"]
                io.escape_formulas(ev).to_csv(fh, index=False, header=n_total == 0, lineterminator="\n")
                if tmp_pq is not None:
                    table = pa.Table.from_pandas(ev, preserve_index=False)
                    if writer is None:
                        writer = ev_stack.enter_context(pq.ParquetWriter(tmp_pq, table.schema))
                    writer.write_table(table.cast(writer.schema))
                reserve.add(corpus, ev)
                if args.by in corpus.columns and "text" in corpus.columns:
                    words.add(corpus[corpus[args.by].notna().to_numpy()].assign(
                        **{args.by: corpus[args.by].astype("string")}))
                if chart_e is not None:
                    rows = _chart_rows(ev, chart_types) if keep_chart_rows else None
                    n_chart += len(rows) if rows is not None else int(ev["family"].isin(_CHART_FAMILIES).sum())
                    if n_chart > _CHART_ROWS_MAX:
                        chart_e = None
                    elif rows is not None:
                        chart_e.append(rows)
                        chart_docs.append(corpus[["doc_id", args.by]].reset_index(drop=True))
                arts.to_pickle(tmpdir / f"{i:06d}.pkl")
                column_lists.append(list(arts.columns))
                by_values.append(_as_codes(corpus[args.by]))
                # sentences of articles whose group may end below min_articles (the unit rule's small groups)
                keys = (key_spec.labels(corpus[args.by]) if key_spec else
                        corpus[args.by].astype("string").fillna("<NA>").astype(str))
                keep = []
                for d, k in zip(corpus["doc_id"].astype(str), keys, strict=True):
                    key_counts[k] = key_counts.get(k, 0) + 1
                    if key_counts[k] <= 5:
                        keep.append(d)
                if keep and sentences_complete:
                    n_kept += len(keep)
                    if n_kept > _SENTENCE_DOCS_MAX:
                        sentences_complete, kept = False, []
                    else:
                        kept.append(sents[sents["doc_id"].astype(str).isin(set(keep))])
                # the report sample: the first --report-sample articles, and the first articles of every
                # group beyond them (a file sorted by outlet would otherwise chart its first outlets only)
                mask = []
                for k in keys:
                    in_group = sample_counts.get(k, 0)
                    take_it = n_sample < args.report_sample or (
                        in_group < per_group and n_sample < 2 * args.report_sample)
                    if take_it:
                        sample_counts[k] = in_group + 1
                        n_sample += 1
                        n_extra += n_sample > args.report_sample
                    mask.append(take_it)
                if any(mask):
                    take = corpus[mask]
                    sample_c.append(take)
                    sample_e.append(ev[ev["doc_id"].isin(set(take["doc_id"]))])
                n_total += len(corpus)
                if (n_total // args.chunksize) > ((n_total - len(corpus)) // args.chunksize):
                    _release_memory()  # each chunk's freed pieces go back: the peak no longer grows with the corpus
                    if not args.quiet:
                        print(f"contrast: {n_total:,} articles extracted", file=sys.stderr, flush=True)
        if n_total == 0:
            raise ValueError(f"{src}: no article with text")
        if n_split[0]:
            from contrast.extract import SegmentationWarning
            from contrast.text import MAX_SENTENCE_CHARS

            warnings.warn(f"{n_split[0]} sentence(s) longer than {MAX_SENTENCE_CHARS:,} characters in "
                          f"{n_split[1]} article(s) were split for analysis at clause boundaries or spaces; to "
                          "analyse them as written, give the text sentence punctuation or line breaks",
                          SegmentationWarning, stacklevel=2)
        spec = groups.grouping(_from_codes(by_values), args.by, period=_period(args),
                               bins=args.bins)
        columns = tables.union_columns(column_lists)
        if spec.name not in columns:
            at = columns.index("n_words") if "n_words" in columns else len(columns)
            columns = [*columns[:at], spec.name, *columns[at:]]
        feats = [c for c in columns if c.endswith(("_per_1k", "_share", "_mean"))]
        paths = sorted(tmpdir.glob("*.pkl"))
        units = pd.concat(kept, ignore_index=True) if kept and sentences_complete else None
        if not sentences_complete:
            warnings.warn("too many small groups to keep their sentences while streaming: their intervals "
                          "resample articles; load the corpus with contrast.load_corpus for sentence "
                          "intervals", stacklevel=2)
        everything: list[pd.DataFrame] = []
        kept_columns = [spec.name, *_CHART_ARTICLE_COLUMNS]

        def chunks() -> Any:
            for p in paths:
                arts = pd.read_pickle(p)
                arts = _insert_label(arts, spec.name, spec.labels(arts[args.by]))
                yield tables.conform_articles(arts, columns)

        with ExitStack() as art_stack:
            tmp_a = art_stack.enter_context(io.atomic_path(out / "articles.csv"))
            tmp_apq = art_stack.enter_context(io.atomic_path(out / "articles.parquet")) if args.parquet else None
            afh = art_stack.enter_context(open(tmp_a, "w", encoding="utf-8", newline=""))
            awriter: Any = None

            def written_chunks() -> Any:
                nonlocal awriter
                for k, chunk in enumerate(chunks()):
                    io.escape_formulas(chunk).to_csv(afh, index=False, header=k == 0, lineterminator="\n")
                    if tmp_apq is not None:
                        table = pa.Table.from_pandas(chunk, preserve_index=False)
                        if awriter is None:
                            awriter = art_stack.enter_context(pq.ParquetWriter(tmp_apq, table.schema))
                        awriter.write_table(table.cast(awriter.schema))
                    if n_total <= _PAIRWISE_MAX:  # what pairwise.csv and the charts read, compact
                        everything.append(tables.comparison_inputs(chunk, feats, keep=kept_columns))
                    yield chunk

            sources = tables.compare_stream(written_chunks(), by=spec.name, features=feats,
                                            sentence_units=units)
        trends = None
        if span and (span[1] - span[0]).n + 1 >= 3:
            from contrast.trend import trend_stream

            trends = trend_stream(chunks(), by=spec.name, period=_trend_period(args), features=feats)
    written = {"evidence": out / "evidence.csv", "articles": out / "articles.csv"}
    if args.parquet:
        written.update(evidence_parquet=out / "evidence.parquet", articles_parquet=out / "articles.parquet")
    corpus_s = pd.concat(sample_c, ignore_index=True)
    if furniture is not None:  # what the report lists (see contrast.hygiene.furniture_table)
        corpus_s.attrs["furniture"] = furniture.table.to_dict("records")
    if dup_tables:
        corpus_s.attrs["duplicates"] = pd.concat(dup_tables, ignore_index=True).to_dict("records")  # all chunks
    corpus_s = groups.add_group_column(corpus_s, args.by, spec=spec)[0]
    ev_s = _label_evidence(pd.concat(sample_e, ignore_index=True), corpus_s, spec.name)
    args.chart_data = None
    # the articles kept for pairwise.csv (and the charts), joined once
    kept_arts = pd.concat(everything, ignore_index=True) if everything else None
    everything.clear()
    if len(reserve.evidence()):
        res_c = groups.add_group_column(reserve.corpus(), args.by, spec=spec)[0]
        args.report_examples = (res_c, _label_evidence(reserve.evidence(), res_c, spec.name))
    arts_s = tables.conform_articles(tables.articles(ev_s, corpus_s), columns)
    if kept_arts is not None:
        pw = tables.pairwise(kept_arts, spec.name, features=feats, sentence_units=units)
    else:
        pw = tables.pairwise(arts_s, spec.name, features=feats, evidence=ev_s, corpus=corpus_s)
    if chart_e is not None and kept_arts is not None and n_total > len(corpus_s):  # every article, as in memory
        # the chart rows as text again only now, after pairwise.csv (its per-article matrices)
        ev_c = _joined_chart_rows(chart_e, chart_types) if chart_e else ev_s.iloc[:0]
        chart_e.clear()
        docs = (groups.add_group_column(pd.concat(chart_docs, ignore_index=True), args.by, spec=spec)[0]
                if chart_docs else corpus_s)
        from contrast.stats import distinctive_words

        same = spec.name == args.by and spec.kind == "text"  # the labels are the values: the counts hold
        table = distinctive_words(words) if same and len(words.groups) >= 2 else None
        args.chart_data = (_label_evidence(ev_c, docs, spec.name), kept_arts, table)
    which = (f"the first {len(corpus_s):,}" if not n_extra else
             f"a sample of {len(corpus_s):,} (the first {args.report_sample:,}, and the first articles of each "
             f"group beyond them, up to {per_group:,} a group)")
    tests = "" if kept_arts is not None else ", the report's pairwise tests"  # pairwise.csv covers every article when kept
    users = ["charts drawn from evidence"] if args.chart_data is None else \
        ["the distinctive words"] if args.chart_data[2] is None else []
    users += ["the report's pairwise tests"] if tests else []
    users += ["the report's examples"]
    note = (f"Streamed corpus of {n_total:,} articles: articles.csv, evidence.csv and the sources table "
            f"cover all of them{', as do the charts' if args.chart_data is not None else ''}; "
            f"{', '.join(users[:-1]) + ' and ' if len(users) > 1 else ''}{users[-1]} use "
            f"{which} (a finding's examples for a side the sample lacks come from the first articles of the "
            "whole file that carry them)." if n_total > len(corpus_s) else None)
    return corpus_s, ev_s, arts_s, sources, pw, spec, written, note or "", trends


def _trends(arts: pd.DataFrame, by: str, args: argparse.Namespace) -> pd.DataFrame | None:
    """``contrast.trend`` of the articles when their dates span three periods or more, else None."""
    from contrast.trend import n_periods, trend

    if "date" not in arts.columns or n_periods(arts["date"], _trend_period(args)) < 3:
        return None
    return trend(arts, by=by, period=_trend_period(args))


def _trend_chart(trends: pd.DataFrame, corpus: pd.DataFrame, out_dir: Path) -> Path:
    """Draw and save the trend chart (event markers from an ``event`` column when there is one)."""
    import matplotlib.pyplot as plt
    from matplotlib import rc_context

    from contrast import plot
    from contrast.trend import events_from

    with rc_context(plot.SLIDE_STYLE):  # type: ignore[arg-type]
        fig = plot.trend(trends, events=events_from(corpus) or None)
        try:
            return plot._save(fig, out_dir, "trend")
        finally:
            plt.close(fig)


def _duplicates(corpus: pd.DataFrame) -> pd.DataFrame:
    """The near-duplicates the report lists: of the whole stream when it recorded them, else of the corpus."""
    from contrast import hygiene

    if "duplicates" in corpus.attrs:
        return pd.DataFrame(corpus.attrs["duplicates"], columns=hygiene.DUPLICATE_COLUMNS)
    return hygiene.duplicates_table(corpus)


def run(args: argparse.Namespace) -> dict[str, Path]:
    """Run the whole job; return the paths written. Raises ValueError on bad input.

    An output folder this run created is removed again if the run fails, so a
    failed run leaves no half-written folder behind.
    """
    out = Path(args.out)
    created = not out.exists()
    try:
        return _run(args)
    except BaseException:
        if created and out.is_dir():
            import shutil

            shutil.rmtree(out, ignore_errors=True)
        raise


def _release_memory() -> None:
    """Return the memory a finished stage freed to the system.

    Arrow's allocator (the string columns) and glibc's keep freed memory for
    reuse: after extracting a 3 MB article and dropping its evidence, 19 MB
    of the process's memory went back to the system only on Arrow's
    ``release_unused``, and after each stage of a 20 MB article 20 to 70 MB
    only on ``malloc_trim``.
    """
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass


_MMAP_THRESHOLD = 128 * 1024  # bytes: glibc's initial threshold, kept fixed (see _fixed_mmap_threshold)
#: characters of one article from which the CLI keeps the mmap threshold fixed
_HUGE_ARTICLE = 1_000_000


def _fixed_mmap_threshold() -> None:
    """Keep glibc's mmap threshold at 128 kB, so a freed large block goes back to the system at once.

    glibc raises the threshold (up to 32 MB) each time a mapped block is freed,
    and blocks below it then come from the heap, where freed memory stays in
    fragments: on a 20 MB article the report's evidence browser took 429 -> 691 MB
    at its peak with the moving threshold and 427 -> 619 MB with a fixed one
    (its examples 551 -> 733 and 446 -> 608 MB). An allocator setting only: no
    figure changes. A no-op off glibc. Set by the CLI only for a corpus with an article of
    :data:`_HUGE_ARTICLE` characters or more: on 251 ordinary articles it made the whole run
    10-15% slower (36.4 and 41.1 s against 34.5 and 34.2 s, alternating, 2026-12-03). Set too in the
    main process of a parallel stream, which only reads, cleans and writes chunks while the workers
    extract: there the freed chunk-sized blocks had piled up with each chunk (session 25).
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").mallopt(-3, _MMAP_THRESHOLD)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc
        pass


def _run(args: argparse.Namespace) -> dict[str, Path]:
    from contrast import codebook, groups, io, plot, report, tables
    from contrast.corpus import TABLE_SUFFIXES, load_corpus
    from contrast.extract import extract

    src, out = Path(args.input), Path(args.out)
    if not src.exists():
        raise ValueError(f"{src}: no such file or folder")
    if src.is_dir() and _inside(out, src):
        raise ValueError(f"--out {out} is inside the input folder {src}; choose a folder outside it")
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} exists and is not a folder")
    if args.bins < 2:
        raise ValueError(f"--bins must be at least 2, got {args.bins}")
    cols = {"text": args.text_col, "source": args.source_col, "title": args.title_col,
            "date": args.date_col, "doc_id": args.id_col}
    args.extract_options = _extract_options(args)  # bad --actors/--lexicon fail before anything is written
    note = ""
    if src.is_file() and src.suffix.lower() in TABLE_SUFFIXES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore" if args.quiet else "default", tables.SmallSampleWarning)
            corpus, evidence, arts, sources, pw, spec, written, note, trends = _stream(src, out, cols, args)
    else:
        corpus = load_corpus(src, text_col=args.text_col, source_col=args.source_col,
                             title_col=args.title_col, date_col=args.date_col, id_col=args.id_col,
                             hygiene=not args.no_hygiene, encoding=args.encoding, sheet=args.sheet)
        _check_by(corpus, args.by)
        _check_by_values(corpus, args.by)
        if len(corpus) and int(corpus["text"].str.len().max()) >= _HUGE_ARTICLE:
            _fixed_mmap_threshold()  # only where it pays: on ordinary articles it costs 10-15% time
        corpus, spec = groups.add_group_column(corpus, args.by, period=_period(args), bins=args.bins)
        _release_memory()
        raw = extract(corpus, n_jobs=args.jobs, progress=None if not args.quiet else False,
                      **args.extract_options)
        _release_memory()
        evidence = _label_evidence(raw, corpus, spec.name)
        # the sentence table once, for the articles, sources and pairwise tables (each made its own)
        arts, units = tables.articles_and_units(evidence, corpus)
        written = {"evidence": io.write_csv(raw, out / "evidence.csv"),
                   "articles": io.write_csv(arts, out / "articles.csv")}
        if args.parquet:
            written["evidence_parquet"] = io.write_parquet(raw, out / "evidence.parquet")
            written["articles_parquet"] = io.write_parquet(arts, out / "articles.parquet")
        del raw
        with warnings.catch_warnings():
            warnings.simplefilter("ignore" if args.quiet else "default")
            sources = tables.compare(arts, by=spec.name, sentence_units=units)
            pw = tables.pairwise(arts, spec.name, sentence_units=units)
        del units
        _release_memory()
        trends = _trends(arts, spec.name, args)
    sources.attrs["grouping"] = spec.describe()
    written["sources"] = io.write_csv(sources, out / "sources.csv")
    written["pairwise"] = io.write_csv(pw, out / "pairwise.csv")
    if trends is not None:
        written["trends"] = io.write_csv(trends, out / "trends.csv")
    if args.parquet:
        written["sources_parquet"] = io.write_parquet(sources, out / "sources.parquet")
        written["pairwise_parquet"] = io.write_parquet(pw, out / "pairwise.parquet")
    charts: dict[str, Path] = {}
    trend_charts: dict[str, Path] = {}
    if not args.no_charts:
        chart_ev, chart_arts, chart_words = getattr(args, "chart_data", None) or (evidence, arts, None)
        charts = plot.save_charts(chart_ev, chart_arts, sources, out / "charts", corpus=corpus, by=spec.name,
                                  words=chart_words)
        if trends is not None:
            trend_charts["trend"] = _trend_chart(trends, corpus, out / "charts")
        written.update({f"chart_{k}": v for k, v in {**charts, **trend_charts}.items()})
    _release_memory()
    tables_written = {k: v for k, v in written.items() if v.suffix == ".csv"}
    book = codebook.codebook({k: pd.read_csv(v, nrows=0).columns for k, v in tables_written.items()},
                             grouping=spec.describe())
    written["codebook"] = io.write_csv(book, out / "codebook.csv")
    written["report"] = report.write_report(
        out / "report.html", corpus=corpus, evidence=evidence, articles=arts, sources=sources,
        charts=charts, validity=_stored_validity(), note=note or None, pairwise=pw, codebook=book,
        trends=trends, trend_charts=trend_charts, duplicates=_duplicates(corpus),
        examples=getattr(args, "report_examples", None),
    )
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``contrast`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    t0 = time.perf_counter()
    import matplotlib
    import pyarrow as pa

    matplotlib.use("Agg")  # a command draws to files only
    # Arrow's default allocator (mimalloc) keeps freed pages: with the system's, each stage's freed
    # string columns go back (see _release_memory); on a 5 MB one-line article the peak fell from 430 to 392 MB
    pa.set_memory_pool(pa.system_memory_pool())

    def _warn(message: Warning | str, category: type[Warning], *rest: object, **kw: object) -> None:
        if not args.quiet:
            print(f"contrast: warning: {message}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.showwarning = _warn  # type: ignore[assignment]
        warnings.simplefilter("always")
        try:
            written = run(args)
        except (ValueError, TypeError, OSError, UnicodeError) as exc:
            msg = " ".join(str(exc).split()) or exc.__class__.__name__
            print(f"contrast: error: {msg}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("contrast: interrupted", file=sys.stderr)
            return 130
    if not args.quiet:
        out = Path(args.out)
        n_charts = sum(1 for k in written if k.startswith("chart_"))
        print(f"contrast: wrote {out}/ (articles.csv, evidence.csv, sources.csv, pairwise.csv, codebook.csv, "
              f"{n_charts} charts as PNG and SVG in charts/, report.html) in {time.perf_counter() - t0:.1f}s")
        print(f"contrast: open {written['report'].resolve()}")
    return 0
