"""The ``contrast`` command: a corpus in, tables, charts and an HTML report out.

    contrast INPUT --out DIR [--text-col C] [--source-col C] [--title-col C] [--date-col C]

Exit status 0 on success; 2 with a one-line reason on bad input.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from functools import partial
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
    p.add_argument("input", help="folder of .txt/.md articles, or a .csv/.tsv/.jsonl/.parquet file")
    p.add_argument("--out", required=True, help="output folder (created; must not be inside INPUT)")
    p.add_argument("--text-col", help="column holding the article text (tabular input)")
    p.add_argument("--source-col", help="column naming the outlet (tabular input)")
    p.add_argument("--title-col", help="column holding the headline (tabular input)")
    p.add_argument("--date-col", help="column holding the publication date (tabular input)")
    p.add_argument("--id-col", help="column holding a unique article id (tabular input)")
    p.add_argument("--sides", metavar="FILE-or-SPEC",
                   help="how speaker affiliations group into sides: a TSV (affiliation, side) or changes "
                        "to the default map such as 'BY=Russia,US=USA' (default: Russia, Ukraine, West, "
                        "Belarus, other)")
    p.add_argument("--by", default="source", help="corpus column to compare groups by (default: source)")
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


def _sides(args: argparse.Namespace) -> Any:
    """The side map ``--sides`` gives (None for the default), checked before any work."""
    spec = getattr(args, "sides", None)
    if not spec:
        return None
    from contrast.actors import as_sides

    return as_sides(spec)


def _check_by(corpus: pd.DataFrame, by: str) -> None:
    if by not in corpus.columns:
        raise ValueError(f"--by {by!r} is not a corpus column; columns: {list(corpus.columns)}")


def _extract_part(corpus: pd.DataFrame, sides: Any = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Evidence and articles table of one part of a streamed chunk (runs in a worker)."""
    from contrast import tables
    from contrast.extract import extract

    ev = extract(corpus, n_jobs=1, cache=False, progress=False, sides=sides)
    return ev, tables.articles(ev, corpus)


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
            ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, dict[str, Path], str]:
    """Process a table file chunk by chunk, in memory that does not grow with its size.

    Pass 1 extracts each chunk, appends its evidence to ``evidence.csv`` (and
    Parquet) and keeps its articles table in a temporary folder. Pass 2
    aligns those tables to one set of columns, appends them to
    ``articles.csv`` and feeds a streaming (Poisson) bootstrap for
    ``sources.csv``. The first ``--report-sample`` articles, with their
    evidence, feed the charts and report examples.

    Returns the sample's corpus, evidence and articles, the sources table of
    every article, the paths written and a note for the report.
    """
    import tempfile

    import pyarrow as pa
    import pyarrow.parquet as pq

    from contrast import io, tables
    from contrast.corpus import read_table_chunks

    sample_c: list[pd.DataFrame] = []
    sample_e: list[pd.DataFrame] = []
    n_sample = n_total = 0
    seen: dict[str, int] = {}  # doc_id -> occurrences so far
    column_lists: list[list[str]] = []
    with ExitStack() as stack:
        tmpdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="contrast-")))
        with ExitStack() as ev_stack:
            tmp_csv = ev_stack.enter_context(io.atomic_path(out / "evidence.csv"))
            tmp_pq = ev_stack.enter_context(io.atomic_path(out / "evidence.parquet")) if args.parquet else None
            fh = ev_stack.enter_context(open(tmp_csv, "w", encoding="utf-8", newline=""))
            writer: Any = None

            def parts() -> Iterator[pd.DataFrame]:
                for chunk in read_table_chunks(src, chunksize=args.chunksize, columns=cols):
                    _check_by(chunk, args.by)
                    dup = chunk["doc_id"].isin(seen.keys())
                    seen.update(dict.fromkeys(chunk.loc[~dup, "doc_id"], 1))
                    if dup.any():  # later copies get ~N (the N-th occurrence), as load_corpus names them
                        renamed = []
                        for d in chunk.loc[dup, "doc_id"]:
                            n = seen[d] + 1
                            while f"{d}~{n}" in seen:
                                n += 1
                            seen[d] = n
                            seen[f"{d}~{n}"] = 1
                            renamed.append(f"{d}~{n}")
                        chunk.loc[dup, "doc_id"] = renamed
                        warnings.warn(f"{int(dup.sum())} doc_id(s) repeat earlier rows; later copies renamed "
                                      "with a ~N suffix", stacklevel=2)
                    for k in range(0, len(chunk), _PART):
                        yield chunk.iloc[k:k + _PART].reset_index(drop=True)

            for i, (corpus, (ev, arts)) in enumerate(_map_ordered(partial(_extract_part, sides=_sides(args)), parts(), args.jobs)):
                io.escape_formulas(ev).to_csv(fh, index=False, header=n_total == 0, lineterminator="\n")
                if tmp_pq is not None:
                    table = pa.Table.from_pandas(ev, preserve_index=False)
                    if writer is None:
                        writer = ev_stack.enter_context(pq.ParquetWriter(tmp_pq, table.schema))
                    writer.write_table(table.cast(writer.schema))
                arts.to_pickle(tmpdir / f"{i:06d}.pkl")
                column_lists.append(list(arts.columns))
                if n_sample < args.report_sample:
                    take = corpus.head(args.report_sample - n_sample)
                    sample_c.append(take)
                    sample_e.append(ev[ev["doc_id"].isin(set(take["doc_id"]))])
                    n_sample += len(take)
                n_total += len(corpus)
                if not args.quiet and (n_total // args.chunksize) > ((n_total - len(corpus)) // args.chunksize):
                    print(f"contrast: {n_total:,} articles extracted", file=sys.stderr, flush=True)
        if n_total == 0:
            raise ValueError(f"{src}: no article with text")
        columns = tables.union_columns(column_lists)
        feats = [c for c in columns if c.endswith(("_per_1k", "_share", "_mean"))]
        paths = sorted(tmpdir.glob("*.pkl"))

        def chunks() -> Any:
            for p in paths:
                yield tables.conform_articles(pd.read_pickle(p), columns)

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
                    yield chunk

            sources = tables.compare_stream(written_chunks(), by=args.by, features=feats)
    written = {"evidence": out / "evidence.csv", "articles": out / "articles.csv"}
    if args.parquet:
        written.update(evidence_parquet=out / "evidence.parquet", articles_parquet=out / "articles.parquet")
    corpus_s = pd.concat(sample_c, ignore_index=True)
    ev_s = pd.concat(sample_e, ignore_index=True)
    arts_s = tables.conform_articles(tables.articles(ev_s, corpus_s), columns)
    note = (f"Streamed corpus of {n_total:,} articles: articles.csv, evidence.csv and the sources table "
            f"cover all of them; charts drawn from evidence, pairwise tests and examples use the first "
            f"{len(corpus_s):,}." if n_total > len(corpus_s) else None)
    return corpus_s, ev_s, arts_s, sources, written, note or ""


def run(args: argparse.Namespace) -> dict[str, Path]:
    """Run the whole job; return the paths written. Raises ValueError on bad input."""
    from contrast import io, plot, report, tables
    from contrast.corpus import TABLE_SUFFIXES, load_corpus
    from contrast.extract import extract

    src, out = Path(args.input), Path(args.out)
    if not src.exists():
        raise ValueError(f"{src}: no such file or folder")
    if src.is_dir() and _inside(out, src):
        raise ValueError(f"--out {out} is inside the input folder {src}; choose a folder outside it")
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} exists and is not a folder")
    cols = {"text": args.text_col, "source": args.source_col, "title": args.title_col,
            "date": args.date_col, "doc_id": args.id_col}
    note = ""
    if src.is_file() and src.suffix.lower() in TABLE_SUFFIXES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore" if args.quiet else "default", tables.SmallSampleWarning)
            corpus, evidence, arts, sources, written, note = _stream(src, out, cols, args)
    else:
        corpus = load_corpus(src, text_col=args.text_col, source_col=args.source_col,
                             title_col=args.title_col, date_col=args.date_col, id_col=args.id_col)
        _check_by(corpus, args.by)
        evidence = extract(corpus, n_jobs=args.jobs, progress=None if not args.quiet else False,
                           sides=_sides(args))
        arts = tables.articles(evidence, corpus)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore" if args.quiet else "default")
            sources = tables.compare(arts, by=args.by, evidence=evidence, corpus=corpus)
        written = {"evidence": io.write_csv(evidence, out / "evidence.csv"),
                   "articles": io.write_csv(arts, out / "articles.csv")}
        if args.parquet:
            written["evidence_parquet"] = io.write_parquet(evidence, out / "evidence.parquet")
            written["articles_parquet"] = io.write_parquet(arts, out / "articles.parquet")
    written["sources"] = io.write_csv(sources, out / "sources.csv")
    if args.parquet:
        written["sources_parquet"] = io.write_parquet(sources, out / "sources.parquet")
    charts: dict[str, Path] = {}
    if not args.no_charts:
        charts = plot.save_charts(evidence, arts, sources, out / "charts", corpus=corpus)
        written.update({f"chart_{k}": v for k, v in charts.items()})
    written["report"] = report.write_report(
        out / "report.html", corpus=corpus, evidence=evidence, articles=arts, sources=sources,
        charts=charts, validity=_stored_validity(), note=note or None,
    )
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``contrast`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    t0 = time.perf_counter()
    import matplotlib

    matplotlib.use("Agg")  # a command draws to files only

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
        print(f"contrast: wrote {out}/ (articles.csv, evidence.csv, sources.csv, "
              f"{n_charts} charts as PNG and SVG in charts/, report.html) in {time.perf_counter() - t0:.1f}s")
        print(f"contrast: open {written['report'].resolve()}")
    return 0
