"""The ``contrast`` command: a corpus in, tables, charts and an HTML report out.

    contrast INPUT --out DIR [--text-col C] [--source-col C] [--title-col C] [--date-col C]

Exit status 0 on success; 2 with a one-line reason on bad input.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

__all__ = ["main", "run"]


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
    p.add_argument("--by", default="source", help="corpus column to compare groups by (default: source)")
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


def run(args: argparse.Namespace) -> dict[str, Path]:
    """Run the whole job; return the paths written. Raises ValueError on bad input."""
    from contrast import io, plot, report, tables
    from contrast.corpus import load_corpus
    from contrast.extract import extract

    src, out = Path(args.input), Path(args.out)
    if not src.exists():
        raise ValueError(f"{src}: no such file or folder")
    if src.is_dir() and _inside(out, src):
        raise ValueError(f"--out {out} is inside the input folder {src}; choose a folder outside it")
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} exists and is not a folder")
    corpus = load_corpus(src, text_col=args.text_col, source_col=args.source_col,
                         title_col=args.title_col, date_col=args.date_col, id_col=args.id_col)
    if args.by not in corpus.columns:
        raise ValueError(f"--by {args.by!r} is not a corpus column; columns: {list(corpus.columns)}")
    evidence = extract(corpus, progress=None if not args.quiet else False)
    arts = tables.articles(evidence, corpus)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore" if args.quiet else "default")
        sources = tables.compare(arts, by=args.by, evidence=evidence, corpus=corpus)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {
        "articles": io.write_csv(arts, out / "articles.csv"),
        "evidence": io.write_csv(evidence, out / "evidence.csv"),
        "sources": io.write_csv(sources, out / "sources.csv"),
    }
    if args.parquet:
        for name, df in (("articles", arts), ("evidence", evidence), ("sources", sources)):
            written[f"{name}_parquet"] = io.write_parquet(df, out / f"{name}.parquet")
    charts: dict[str, Path] = {}
    if not args.no_charts:
        charts = plot.save_charts(evidence, arts, sources, out / "charts", corpus=corpus)
        written.update({f"chart_{k}": v for k, v in charts.items()})
    written["report"] = report.write_report(
        out / "report.html", corpus=corpus, evidence=evidence, articles=arts, sources=sources,
        charts=charts, validity=_stored_validity(),
    )
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``contrast`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    t0 = time.perf_counter()

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
              f"{n_charts} chart files in charts/, report.html) in {time.perf_counter() - t0:.1f}s")
        print(f"contrast: open {written['report'].resolve()}")
    return 0
