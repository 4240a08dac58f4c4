"""Load a corpus from a folder, a table file or a DataFrame, and clean it.

The corpus is a DataFrame with one row per article and at least the columns
``doc_id, source, title, date, url, language, text, removed``. ``text`` is the
analysed text: headline on the first line, then the body, with known
boilerplate removed (recorded in ``removed``), line ends normalised to ``\\n``.
All evidence offsets index into this ``text``.
"""

from __future__ import annotations

import csv
import html
import json
import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from contrast.lexicon import load_table

__all__ = ["load_corpus", "read_table_chunks", "clean_text", "CorpusWarning", "CORPUS_COLUMNS"]

CORPUS_COLUMNS = ["doc_id", "source", "title", "date", "url", "language", "text", "removed"]
ARTICLE_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".parquet")

# Candidate column names, first match wins; Media Cloud's names included.
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "story_text", "article", "full_text"),
    "source": ("source", "media_name", "outlet", "publication", "media", "publisher"),
    "title": ("title", "headline"),
    "date": ("date", "publish_date", "published", "pub_date", "publication_date"),
    "url": ("url", "link"),
    "language": ("language", "lang"),
    "doc_id": ("doc_id", "id", "stories_id", "story_id"),
}


class CorpusWarning(UserWarning):
    """A row or file was skipped or repaired while loading."""


# --------------------------------------------------------------------------- cleaning


class _TextExtractor(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}
    _SKIP = {"script", "style", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


_HTML_HINT = re.compile(r"<\s*(?:p|div|br|html|body|span|a\s|article|h[1-6]|script)\b[^>]*>", re.I)


def _strip_html(text: str) -> str:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    out = html.unescape("".join(parser.parts))
    return re.sub(r"[ \t]+", " ", out)


def _boilerplate() -> list[tuple[str, re.Pattern[str]]]:
    table = load_table("boilerplate")
    return [(k, re.compile(p, re.IGNORECASE)) for k, p in zip(table["kind"], table["pattern"], strict=True)]


_BOILER: list[tuple[str, re.Pattern[str]]] | None = None


def clean_text(text: str, *, name: str = "text") -> tuple[str, list[str], list[str]]:
    """Normalise one article; return ``(text, removed_lines, notes)``.

    Removes a BOM and NUL bytes, normalises CRLF/CR to LF, strips HTML tags
    when the text is HTML (noted), drops lines matching the boilerplate
    lexicon (returned in ``removed_lines``), and strips blank edges.
    """
    global _BOILER
    if _BOILER is None:
        _BOILER = _boilerplate()
    notes: list[str] = []
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if _HTML_HINT.search(text):
        text = _strip_html(text)
        notes.append(f"{name}: HTML tags stripped")
    kept: list[str] = []
    removed: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        if s and any(p.fullmatch(s) for _, p in _BOILER):
            removed.append(s)
            continue
        kept.append(line.rstrip())
    out = "\n".join(kept).strip()
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out, removed, notes


# --------------------------------------------------------------------------- reading files


def _decode(raw: bytes, name: str) -> str | None:
    """Decode bytes; warn on repair; None for binary content."""
    if not raw.strip():
        return ""
    sample = raw[:4096]
    if b"\x00" in sample and not (raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff")):
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        warnings.warn(
            f"{name}: not valid UTF-8 (byte {exc.start}); undecodable bytes replaced with U+FFFD",
            CorpusWarning,
            stacklevel=3,
        )
        return raw.decode("utf-8", errors="replace")


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _read_article(path: Path, root: Path) -> dict[str, Any] | None:
    name = str(path)
    text = _decode(path.read_bytes(), name)
    if text is None:
        warnings.warn(f"{name}: looks binary (NUL bytes); skipped", CorpusWarning, stacklevel=3)
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Any] = {}
    m = _FRONT.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            raise ValueError(f"{name}: malformed YAML front matter ({exc.__class__.__name__})") from None
        if isinstance(loaded, dict):
            meta = {str(k).lower(): v for k, v in loaded.items()}
        text = text[m.end():]
    rel = path.relative_to(root)
    rec: dict[str, Any] = {"doc_id": rel.with_suffix("").as_posix(), "path": rel.as_posix(),
                           "text": text, **meta}
    if "source" not in rec and len(rel.parts) > 1:
        rec["source"] = rel.parts[0]
    return rec


def _read_manifest(root: Path) -> pd.DataFrame | None:
    for name in ("sources.csv", "manifest.csv"):
        p = root / name
        if p.is_file():
            df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            df.columns = [c.strip().lower() for c in df.columns]
            if "file" not in df.columns:
                raise ValueError(
                    f"{p}: manifest needs a 'file' column naming each article; found {list(df.columns)}"
                )
            return df
    return None


def _load_folder(root: Path) -> pd.DataFrame:
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                   and not p.name.startswith(".") and p.name.lower() != "readme.md")
    if not files:
        raise ValueError(f"no articles in {root}: expected .txt or .md files (one article each)")
    recs = [r for p in files if (r := _read_article(p, root)) is not None]
    df = pd.DataFrame(recs)
    manifest = _read_manifest(root)
    if manifest is not None:
        manifest = manifest.rename(columns={"file": "path"})
        unknown = set(manifest["path"]) - set(df["path"])
        if unknown:
            warnings.warn(f"manifest names files not found: {sorted(unknown)[:5]}", CorpusWarning,
                          stacklevel=3)
        overlap = [c for c in manifest.columns if c != "path" and c in df.columns]
        df = df.merge(manifest, on="path", how="left", suffixes=("", "_manifest"))
        for c in overlap:
            df[c] = df[f"{c}_manifest"].where(df[f"{c}_manifest"].fillna("") != "", df[c])
            df = df.drop(columns=f"{c}_manifest")
    if "source" not in df.columns or df["source"].isna().all():
        df["source"] = root.name
        warnings.warn(f"{root}: no manifest (sources.csv) or subfolders name the source; "
                      f"using the folder name {root.name!r}", CorpusWarning, stacklevel=3)
    df["source"] = df["source"].fillna(root.name).replace("", root.name)
    # headline = first non-empty line, unless a manifest/front matter title is given
    texts, titles = [], []
    for text, title in zip(df["text"], df.get("title", pd.Series([None] * len(df))), strict=True):
        stripped = text.strip("\n\ufeff \t")
        first, _, rest = stripped.partition("\n")
        if isinstance(title, str) and title.strip():
            t = title.strip()
            body = rest if first.strip() == t else stripped
        else:
            t, body = first.strip(), rest
        titles.append(t)
        texts.append(body)
    df["title"], df["body"] = titles, texts
    return df.drop(columns=["text"])


def _read_table(path: Path, *, chunksize: int | None = None) -> Any:
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        raise ValueError(f"{path}: file is empty; expected a table with a header row")
    if suffix in (".csv", ".tsv"):
        sep = "\t" if suffix == ".tsv" else ","
        raw = path.read_bytes()[:65536]
        enc = "utf-8-sig"
        try:
            raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            enc = "utf-8"
            warnings.warn(f"{path}: not valid UTF-8; undecodable bytes replaced", CorpusWarning,
                          stacklevel=3)
        if b"\x00" in raw:
            raise ValueError(f"{path}: looks binary (NUL bytes); expected a {suffix[1:].upper()} text file")
        try:
            return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=True, encoding=enc,
                               encoding_errors="replace", chunksize=chunksize,
                               quoting=csv.QUOTE_MINIMAL)
        except pd.errors.EmptyDataError:
            raise ValueError(f"{path}: no columns found; expected a table with a header row") from None
        except pd.errors.ParserError as exc:
            msg = str(exc).strip().splitlines()[-1]
            raise ValueError(f"{path}: malformed {suffix[1:].upper()} ({msg})") from None
    if suffix == ".jsonl":
        try:
            return pd.read_json(path, lines=True, dtype=False, chunksize=chunksize, encoding="utf-8",
                                encoding_errors="replace")
        except ValueError as exc:
            raise ValueError(f"{path}: malformed JSONL ({str(exc).splitlines()[0]}); "
                             "expected one JSON object per line") from None
    if suffix == ".parquet":
        try:
            import pyarrow.parquet as pq

            pf = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise ValueError(f"{path}: not a readable Parquet file ({exc.__class__.__name__})") from None
        if chunksize:
            return (b.to_pandas() for b in pf.iter_batches(batch_size=chunksize))
        return pf.read().to_pandas()
    raise ValueError(f"{path}: unsupported file type {suffix!r}; expected a folder of .txt/.md "
                     f"articles or one of {', '.join(TABLE_SUFFIXES)}")


def _resolve(df: pd.DataFrame, field: str, given: str | None, *, required: bool, option: str) -> str | None:
    cols = list(df.columns)
    if given is not None:
        if given not in cols:
            raise ValueError(f"column {given!r} (set by {option}) not found; columns found: {cols}")
        return given
    lower = {str(c).lower(): c for c in cols}
    for cand in _CANDIDATES[field]:
        if cand in lower:
            return str(lower[cand])
    if required:
        raise ValueError(f"no {field} column; columns found: {cols}; "
                         f"set {option} (tried {list(_CANDIDATES[field])})")
    return None


def _normalise_table(df: pd.DataFrame, cols: dict[str, str | None], *, origin: str) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    text_col = _resolve(df, "text", cols.get("text"), required=True, option="text_col / --text-col")
    src_col = _resolve(df, "source", cols.get("source"), required=True, option="source_col / --source-col")
    title_col = _resolve(df, "title", cols.get("title"), required=False, option="title_col / --title-col")
    date_col = _resolve(df, "date", cols.get("date"), required=False, option="date_col / --date-col")
    url_col = _resolve(df, "url", None, required=False, option="")
    lang_col = _resolve(df, "language", None, required=False, option="")
    id_col = _resolve(df, "doc_id", cols.get("doc_id"), required=False, option="id_col")
    assert text_col is not None and src_col is not None
    out["body"] = df[text_col]
    out["source"] = df[src_col]
    out["title"] = df[title_col] if title_col else None
    out["date"] = df[date_col] if date_col else None
    out["url"] = df[url_col] if url_col else None
    out["language"] = df[lang_col] if lang_col else None
    out["doc_id"] = df[id_col].astype(str) if id_col else [f"{origin}{i}" for i in df.index]
    used = {c for c in (text_col, src_col, title_col, date_col, url_col, lang_col, id_col) if c}
    for c in df.columns:
        if c not in used and c not in out.columns:
            out[c] = df[c]
    out["row"] = df.index
    return out


def _finish(df: pd.DataFrame, *, origin: str) -> pd.DataFrame:
    """Clean texts, skip empty rows (reported), de-duplicate ids; return the corpus."""
    records: list[dict[str, Any]] = []
    skipped: list[str] = []
    notes: list[str] = []
    for rec in df.to_dict("records"):
        body = rec.pop("body", None)
        where = rec.get("path") or f"row {rec.get('row', '?')}"
        title = rec.get("title")
        title = title.strip() if isinstance(title, str) else ""
        if not isinstance(body, str):
            if body is None or (isinstance(body, float) and pd.isna(body)):
                if not title:
                    skipped.append(f"{where}: missing text")
                    continue
                body = ""  # a headline without a body is analysed as its headline
            else:
                body = str(body)
        clean_body, removed, n = clean_text(body, name=str(where))
        clean_title, removed_t, _ = clean_text(title, name=str(where)) if title else ("", [], [])
        clean_title = " ".join(clean_title.split())
        notes += n
        if not clean_body.strip() and not clean_title:
            skipped.append(f"{where}: empty text")
            continue
        text = f"{clean_title}\n\n{clean_body}" if clean_title else clean_body
        if clean_title and clean_body.startswith(clean_title):
            text = clean_body
        rec.update(title=clean_title, text=text.strip(), removed=json.dumps(removed_t + removed))
        for k in ("source", "date", "url", "language"):
            v = rec.get(k)
            rec[k] = None if v is None or (isinstance(v, float) and pd.isna(v)) or v == "" else str(v)
        rec["source"] = rec["source"] or "unknown"
        rec["has_title"] = bool(clean_title)
        records.append(rec)
    for note in notes:
        warnings.warn(note, CorpusWarning, stacklevel=3)
    if skipped:
        shown = "; ".join(skipped[:5]) + (f"; ... {len(skipped) - 5} more" if len(skipped) > 5 else "")
        warnings.warn(f"skipped {len(skipped)} article(s) with no text: {shown}", CorpusWarning, stacklevel=3)
    if not records:
        raise ValueError(f"{origin}: no article with text (all {len(skipped)} rows empty or missing)")
    out = pd.DataFrame.from_records(records)
    ids = out["doc_id"].astype(str)
    dup = ids.duplicated(keep=False)
    if dup.any():
        counts = ids.groupby(ids).cumcount()
        ids = ids.where(~dup | (counts == 0), ids + "~" + (counts + 1).astype(str))
        warnings.warn(f"{int(dup.sum())} rows share a doc_id ({sorted(set(out['doc_id'][dup]))[:3]}...);"
                      " later copies renamed with a ~N suffix", CorpusWarning, stacklevel=3)
    out["doc_id"] = ids
    front = [c for c in CORPUS_COLUMNS + ["has_title"] if c in out.columns]
    rest = [c for c in out.columns if c not in front and c != "row"]
    out = out[front + rest].reset_index(drop=True)
    out.attrs["skipped"] = skipped
    return out


def load_corpus(
    data: str | Path | pd.DataFrame,
    *,
    text_col: str | None = None,
    source_col: str | None = None,
    title_col: str | None = None,
    date_col: str | None = None,
    id_col: str | None = None,
    hygiene: bool = True,
) -> pd.DataFrame:
    """Load articles into a corpus DataFrame.

    Parameters
    ----------
    data : path or DataFrame
        A folder of ``.txt``/``.md`` articles (first non-empty line is the
        headline; an optional ``sources.csv`` manifest with a ``file`` column,
        YAML front matter, or first-level subfolders give the source), a
        ``.csv``, ``.tsv``, ``.jsonl`` or ``.parquet`` file, or a DataFrame.
    text_col, source_col, title_col, date_col, id_col : str, optional
        Column names for tabular input. By default common names are tried,
        including a Media Cloud export's ``media_name``, ``title``, ``url``,
        ``publish_date``.
    hygiene : bool
        Remove page furniture learned per outlet and flag near-duplicate
        articles (:func:`contrast.hygiene.clean_corpus`; default). ``False``
        keeps every line and flags nothing (no ``duplicate_of`` column).

    Returns
    -------
    DataFrame
        One row per article: ``doc_id, source, title, date, url, language,
        text, removed`` (a JSON list of removed boilerplate lines), plus any
        other input columns. Rows without text are skipped with a
        :class:`CorpusWarning`; their descriptions are in ``attrs["skipped"]``.
        With ``hygiene``, ``removed`` also lists the page furniture removed,
        ``duplicate_of`` names the kept copy of a near-duplicate in the same
        outlet (counted once) and ``reprint_of`` that of a copy in another
        outlet (empty otherwise), and :func:`contrast.hygiene.furniture_table` /
        :func:`contrast.hygiene.duplicates_table` list what was found.

    Examples
    --------
    >>> import contrast
    >>> corpus = contrast.load_corpus(contrast.demo_path())
    >>> sorted(corpus["source"])
    ['Business Insider', 'Izvestia']
    """
    if hygiene:  # issue 14: page furniture and near-duplicates, learned from the whole corpus
        from contrast.hygiene import clean_corpus

        options = {k: v for k, v in locals().items() if k not in ("data", "hygiene", "clean_corpus")}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            loaded = load_corpus(data, **options, hygiene=False)
        for w in caught:  # re-issued so that they point at the caller, as without hygiene
            warnings.warn(w.message, w.category, stacklevel=2)
        return clean_corpus(loaded)
    cols = {"text": text_col, "source": source_col, "title": title_col, "date": date_col,
            "doc_id": id_col}
    if isinstance(data, pd.DataFrame):
        return _finish(_normalise_table(data.copy(), cols, origin="doc"), origin="DataFrame")
    if not isinstance(data, (str, Path)):
        raise TypeError(f"load_corpus expects a path or a pandas DataFrame, got {type(data).__name__}")
    path = Path(data)
    if not path.exists():
        raise ValueError(f"{path}: no such file or folder")
    if path.is_dir():
        return _finish(_load_folder(path), origin=str(path))
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        rec = _load_folder_single(path)
        return _finish(rec, origin=str(path))
    table = _read_table(path)
    return _finish(_normalise_table(table, cols, origin=""), origin=str(path))


def _load_folder_single(path: Path) -> pd.DataFrame:
    rec = _read_article(path, path.parent)
    if rec is None:
        raise ValueError(f"{path}: looks binary (NUL bytes); expected a UTF-8 text article")
    stripped = rec.pop("text").strip("\n \t")
    first, _, rest = stripped.partition("\n")
    rec.setdefault("source", path.parent.name)
    rec.setdefault("title", first.strip())
    rec["body"] = rest if rec["title"] == first.strip() else stripped
    return pd.DataFrame([rec])


def read_table_chunks(
    path: str | Path, *, chunksize: int = 2000, columns: dict[str, str | None] | None = None
) -> Iterator[pd.DataFrame]:
    """Yield corpus DataFrames of at most ``chunksize`` articles from a table file.

    For streaming large CSV / TSV / JSONL / Parquet inputs without loading
    them whole; each chunk is cleaned exactly as :func:`load_corpus` does.
    """
    path = Path(path)
    cols = dict(columns or {})
    offset = 0
    reader = _read_table(path, chunksize=chunksize)
    for chunk in reader:
        chunk.index = range(offset, offset + len(chunk))
        offset += len(chunk)
        norm = _normalise_table(chunk, cols, origin="")
        try:
            yield _finish(norm, origin=f"{path} rows {chunk.index[0]}-{chunk.index[-1]}")
        except ValueError as exc:
            if "no article with text" not in str(exc):
                raise
