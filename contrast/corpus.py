"""Load a corpus from a folder, a table file or a DataFrame, and clean it.

The corpus is a DataFrame with one row per article and at least the columns
``doc_id, source, title, date, url, language, text, removed``. ``text`` is the
analysed text: headline on the first line, then the body, with known
boilerplate removed (recorded in ``removed``), line ends normalised to ``\\n``.
All evidence offsets index into this ``text``.
"""

from __future__ import annotations

import codecs
import csv
import html
import json
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from contrast.lexicon import load_table
from contrast.text import MAX_HEADLINE_CHARS

__all__ = ["load_corpus", "read_table_chunks", "clean_text", "CorpusWarning", "CORPUS_COLUMNS"]

CORPUS_COLUMNS = ["doc_id", "source", "title", "date", "url", "language", "text", "removed"]
ARTICLE_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".parquet", ".xlsx")

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


_HTML_HINT = re.compile(
    r"<\s*/?\s*(?:p|div|br|html|body|span|a|article|section|h[1-6]|script|style|b|i|em|strong|u|ul|ol|li"
    r"|table|tr|td|th|img|figure|figcaption|blockquote|font|sup|sub)\b[^<>]*>"
    # any element with a quoted attribute or self-closed: embeds such as <tweet tweet-id="66119..."><tweet/>
    r"|<[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*\"[^\"<>]*\")+\s*/?>|<[A-Za-z][\w:-]*\s*/>", re.I)
# a named, decimal or hexadecimal character reference ("&amp;", "&#8217;", "&#x2019;")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


# ''quoted'' or ``quoted'': the typewriter convention of news archives (LexisNexis, the NYT texts of
# PolNeAR) and of the Penn Treebank; read as a double quotation mark, so quotes are found whatever the export
_DOUBLED_QUOTE = re.compile(r"(?<!['`])(?:''|``)(?!['`])")


def _unescape(text: str) -> str:
    """Decode HTML character references, twice at most (exports often escape ``&`` again: ``&amp;quot;``)."""
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


def _strip_html(text: str) -> str:
    """Text of an HTML fragment: tags out (blocks become line breaks), scripts and styles dropped, entities decoded."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    out = "".join(parser.parts)
    del parser  # its pieces: a 20 MB article's text once more
    out = _unescape(out)
    # runs of spaces and tabs become one space; without a tab or two spaces in a row there is none to change
    return re.sub(r"[ \t]+", " ", out) if "\t" in out or "  " in out else out


def _boilerplate() -> list[tuple[str, re.Pattern[str]]]:
    table = load_table("boilerplate")
    return [(k, re.compile(p, re.IGNORECASE)) for k, p in zip(table["kind"], table["pattern"], strict=True)]


_BOILER: list[tuple[str, re.Pattern[str]]] | None = None
_BOILER_MAX_LINE = 1000  # longer than any line the boilerplate patterns can match
_TRAILING_SPACE = re.compile(r"[^\S\n]+(?=\n|\Z)")


def clean_text(text: str, *, name: str = "text") -> tuple[str, list[str], list[str]]:
    """Normalise one article; return ``(text, removed_lines, notes)``.

    Removes a BOM and NUL bytes, normalises CRLF/CR to LF, strips HTML tags
    when the text is HTML (noted), reads quotation marks typed as two
    apostrophes or backticks as ``"``, drops lines matching the boilerplate
    lexicon (returned in ``removed_lines``), and strips blank edges.
    """
    global _BOILER
    if _BOILER is None:
        _BOILER = _boilerplate()
    notes: list[str] = []
    # each step copies the text only when it changes something (a 20 MB article is 40-80 MB a copy)
    if text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _HTML_HINT.search(text):
        text = _strip_html(text)
        notes.append(f"{name}: HTML tags stripped")
    elif "&" in text:
        text = _unescape(text)  # entities without tags ("AT&amp;T said &quot;no&quot;")
    if "''" in text or "``" in text:  # quotation marks typed as two apostrophes or backticks (archive exports)
        text = _DOUBLED_QUOTE.sub('"', text)
    removed: list[str] = []
    keep: list[str] = []
    start, n, last = 0, len(text), 0
    while start <= n:
        end = text.find("\n", start)
        end = n if end < 0 else end
        if end - start <= _BOILER_MAX_LINE:  # a boilerplate line is short: longer ones are not even copied
            s = text[start:end].strip()
            if s and any(p.fullmatch(s) for _, p in _BOILER):
                removed.append(s)
                keep.append(text[last:start])
                last = end + 1
        start = end + 1
    if removed:
        keep.append(text[last:])
        text = "".join(keep)
    out = _TRAILING_SPACE.sub("", text).strip()
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out, removed, notes


# --------------------------------------------------------------------------- reading files


def _detect(raw: bytes) -> str | None:
    """The most plausible encoding of ``raw`` by charset-normalizer, or None.

    Among equally plausible candidates (same chaos and coherence) cp1252 wins:
    short Western texts often decode equally well as cp1250, which turns
    "è" into "č".
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw[:1_000_000]))
    if not matches:
        return None
    best = min(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), m.encoding != "cp1252"))
    return str(best.encoding)


def _decode(raw: bytes, name: str, encoding: str | None = None) -> str | None:
    """Decode bytes: the given ``encoding``, else UTF-8 (BOMs honoured), else the detected one (warned).

    Returns None for binary content (NUL bytes outside UTF-16).
    """
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}; use a Python codec name such as utf-8, "
                             "cp1252, latin-1 or cp1251") from None
        except UnicodeDecodeError as exc:
            raise ValueError(f"{name}: not valid {encoding} (byte {exc.start}); try another --encoding, "
                             "or leave it out to detect the encoding") from None
    if not raw.strip():
        return ""
    sample = raw[:4096]
    if b"\x00" in sample and not (raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff")):
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        found = _detect(raw)
        if found and found.replace("-", "_").lower() not in ("utf_8", "ascii"):
            text = raw.decode(found, errors="replace")
            warnings.warn(f"{name}: not UTF-8; read as {found} (detected); if characters look wrong, set "
                          "encoding= (--encoding), e.g. --encoding cp1252", CorpusWarning, stacklevel=3)
            return text
        warnings.warn(
            f"{name}: not valid UTF-8 (byte {exc.start}) and no other encoding fits; undecodable bytes replaced "
            "with U+FFFD (set encoding= / --encoding if you know it)", CorpusWarning, stacklevel=3)
        return raw.decode("utf-8", errors="replace")


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _read_article(path: Path, root: Path, encoding: str | None = None) -> dict[str, Any] | None:
    name = str(path)
    text = _decode(path.read_bytes(), name, encoding)
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


def _load_folder(root: Path, encoding: str | None = None) -> pd.DataFrame:
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                   and not p.name.startswith(".") and p.name.lower() != "readme.md")
    if not files:
        raise ValueError(f"no articles in {root}: expected .txt or .md files (one article each)")
    recs = [r for p in files if (r := _read_article(p, root, encoding)) is not None]
    raw_texts = [r.pop("text") for r in recs]
    df = pd.DataFrame(recs)
    df["text"] = pd.Series(raw_texts, index=df.index, dtype=object)  # not copied into an Arrow column
    del raw_texts
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
    titles, texts = [], []
    for text, title in zip(df["text"], df.get("title", pd.Series([None] * len(df))), strict=True):
        t, body = _split_headline(text, title if isinstance(title, str) and title.strip() else None)
        titles.append(t)
        texts.append(body)
    df["title"] = titles
    # object dtype: the bodies stay the Python strings they are (a str column would copy each into Arrow)
    df["body"] = pd.Series(texts, index=df.index, dtype=object)
    del texts
    return df.drop(columns=["text"])


_EDGE = "\n\ufeff \t"


def _split_headline(text: str, title: str | None, edge: str = _EDGE) -> tuple[str, str]:
    """``(headline, body)`` of an article file's text: the first non-empty line, unless ``title`` is given.

    The same as stripping ``text`` of the characters in ``edge`` and partitioning it at its
    first line break, but copying the text once at most (a 20 MB article is
    40-80 MB a copy): the body is one slice, or ``text`` itself. A first line
    longer than :data:`MAX_HEADLINE_CHARS` is no headline.
    """
    lo, hi = 0, len(text)
    while lo < hi and text[lo] in edge:
        lo += 1
    while hi > lo and text[hi - 1] in edge:
        hi -= 1
    nl = text.find("\n", lo, hi)
    line_end = hi if nl < 0 else nl
    rest = (lo, lo) if nl < 0 else (nl + 1, hi)  # the text after the first line break

    def piece(a: int, b: int) -> str:
        return text if (a, b) == (0, len(text)) else text[a:b]

    a, b = lo, line_end  # the first line, stripped without copying it
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if title is not None:
        t = title.strip()
        same = b - a == len(t) and text.startswith(t, a)
        return t, piece(*rest) if same else piece(lo, hi)
    if b - a > MAX_HEADLINE_CHARS:  # a page flattened into one line: no headline
        return "", piece(lo, hi)
    return text[a:b], piece(*rest)


def _table_encoding(path: Path, given: str | None) -> str:
    """The encoding to read a text table with: ``given``, else UTF-8 if the whole file is, else detected (warned)."""
    if given:
        try:
            codecs.lookup(given)
        except LookupError:
            raise ValueError(f"unknown encoding {given!r}; use a Python codec name such as utf-8, cp1252, "
                             "latin-1 or cp1251") from None
        return given
    decoder = codecs.getincrementaldecoder("utf-8")()
    head = b""
    bad = False
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            if not head:
                head = block
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                bad = True
                if len(head) < (1 << 20):
                    head = block
                break
    if not bad:
        return "utf-8-sig"
    found = _detect(head)
    if found and found.replace("-", "_").lower() not in ("utf_8", "ascii"):
        warnings.warn(f"{path}: not UTF-8; read as {found} (detected); if characters look wrong, set "
                      "encoding= (--encoding), e.g. --encoding cp1252", CorpusWarning, stacklevel=4)
        return found
    warnings.warn(f"{path}: not valid UTF-8 and no other encoding fits; undecodable bytes replaced with U+FFFD "
                  "(set encoding= / --encoding if you know it)", CorpusWarning, stacklevel=4)
    return "utf-8"


class _BadLines:
    """Collects the rows pandas skips as malformed, to report them in one warning."""

    def __init__(self, path: Path):
        self.path = path
        self.lines: list[str] = []

    @contextmanager
    def watch(self) -> Iterator[None]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        for w in caught:
            if issubclass(w.category, pd.errors.ParserWarning) and "Skipping line" in str(w.message):
                self.lines += re.findall(r"Skipping line (\d+)", str(w.message))
            elif not issubclass(w.category, (pd.errors.DtypeWarning, ResourceWarning)):
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)

    def report(self) -> None:
        if self.lines:
            shown = ", ".join(self.lines[:5]) + (", ..." if len(self.lines) > 5 else "")
            warnings.warn(f"{self.path}: skipped {len(self.lines)} malformed row(s) with too many fields "
                          f"(line {shown}); quote fields that contain the separator to keep them",
                          CorpusWarning, stacklevel=4)
            self.lines = []


def _read_xlsx(path: Path, sheet: str | int | None) -> pd.DataFrame:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a pinned dependency
        raise ValueError("reading .xlsx needs openpyxl (pip install openpyxl==3.1.5)") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's "no default style" and data-validation notes
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                names = book.sheetnames
                if sheet is None:
                    ws = book.worksheets[0]
                elif isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
                    k = int(sheet)
                    if not 0 <= k < len(names):
                        raise ValueError(f"{path}: no sheet number {k} (sheets, from 0: {names}); set --sheet")
                    ws = book.worksheets[k]
                elif sheet in names:
                    ws = book[sheet]
                else:
                    raise ValueError(f"{path}: no sheet {sheet!r}; sheets: {names}; set --sheet")
                rows = ws.iter_rows(values_only=True)
                header = next(rows, None)
                data = [r for r in rows if r is not None and any(v is not None for v in r)]
            finally:
                book.close()
    except ValueError:
        raise
    except Exception as exc:  # zipfile.BadZipFile, KeyError, openpyxl's InvalidFileException
        raise ValueError(f"{path}: not a readable .xlsx workbook ({exc.__class__.__name__}); "
                         "save it again as .xlsx or export it as CSV") from None
    if header is None or all(v is None for v in header):
        raise ValueError(f"{path}: sheet is empty; expected a header row")
    names_row = [str(v).strip() if v is not None else f"column_{i + 1}" for i, v in enumerate(header)]
    width = len(names_row)
    data = [tuple(r[:width]) + (None,) * (width - len(r)) for r in data]
    df = pd.DataFrame.from_records(data, columns=names_row)
    return df.map(lambda v: v if v is None or isinstance(v, str) else
                  v.isoformat() if hasattr(v, "isoformat") else str(v))


def _read_table(path: Path, *, chunksize: int | None = None, encoding: str | None = None,
                sheet: str | int | None = None) -> Any:
    """A table file as a DataFrame, or with ``chunksize`` an iterator of DataFrames.

    Every file handle is closed on every path, the error ones included (the
    chunk iterators close theirs when exhausted, on error, or when closed).
    """
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        raise ValueError(f"{path}: file is empty; expected a table with a header row")
    if suffix in (".csv", ".tsv"):
        with open(path, "rb") as fh:
            head = fh.read(65536)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")) and not encoding:
            raise ValueError(f"{path}: looks binary (NUL bytes); expected a {suffix[1:].upper()} text file")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not encoding:
            encoding = "utf-16"
        enc = _table_encoding(path, encoding)
        kw: dict[str, Any] = dict(sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=True,
                                  encoding=enc, encoding_errors="replace", quoting=csv.QUOTE_MINIMAL,
                                  on_bad_lines="warn")
        return _csv_chunks(path, kw, chunksize) if chunksize else _csv_whole(path, kw)
    if suffix == ".jsonl":
        kwj: dict[str, Any] = dict(lines=True, dtype=False, encoding=encoding or "utf-8", encoding_errors="replace")
        return _jsonl_chunks(path, kwj, chunksize) if chunksize else _jsonl_whole(path, kwj)
    if suffix == ".xlsx":
        df = _read_xlsx(path, sheet)
        if chunksize:
            return (df.iloc[i:i + chunksize] for i in range(0, max(len(df), 1), chunksize))
        return df
    if suffix == ".parquet":
        try:
            import pyarrow.parquet as pq

            pf = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise ValueError(f"{path}: not a readable Parquet file ({exc.__class__.__name__})") from None
        if chunksize:
            return _parquet_chunks(pf, chunksize)
        try:
            return pf.read().to_pandas()
        finally:
            pf.close()
    raise ValueError(f"{path}: unsupported file type {suffix!r}; expected a folder of .txt/.md "
                     f"articles or one of {', '.join(TABLE_SUFFIXES)}")


def _csv_error(path: Path, exc: Exception) -> ValueError:
    if isinstance(exc, pd.errors.EmptyDataError):
        return ValueError(f"{path}: no columns found; expected a table with a header row")
    msg = (str(exc).strip().splitlines() or [exc.__class__.__name__])[-1]
    return ValueError(f"{path}: malformed {path.suffix[1:].upper()} ({msg}); check its quoting and separator")


def _csv_whole(path: Path, kw: dict[str, Any]) -> pd.DataFrame:
    bad = _BadLines(path)
    try:
        with bad.watch():
            df = pd.read_csv(path, **kw)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, OverflowError) as exc:
        raise _csv_error(path, exc) from None
    bad.report()
    return df


def _csv_chunks(path: Path, kw: dict[str, Any], chunksize: int) -> Iterator[pd.DataFrame]:
    bad = _BadLines(path)
    try:
        with bad.watch():
            reader = pd.read_csv(path, chunksize=chunksize, **kw)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, OverflowError) as exc:
        raise _csv_error(path, exc) from None
    with reader:
        while True:
            try:
                with bad.watch():
                    chunk = next(reader)
            except StopIteration:
                break
            except (pd.errors.ParserError, csv.Error, OverflowError) as exc:
                raise _csv_error(path, exc) from None
            bad.report()
            yield chunk


def _jsonl_error(path: Path, exc: Exception) -> ValueError:
    return ValueError(f"{path}: malformed JSONL ({(str(exc).splitlines() or [''])[0]}); "
                      "expected one JSON object per line")


def _jsonl_whole(path: Path, kw: dict[str, Any]) -> pd.DataFrame:
    try:
        with open(path, "rb") as fh:
            return pd.read_json(fh, **kw)
    except ValueError as exc:
        raise _jsonl_error(path, exc) from None


def _jsonl_chunks(path: Path, kw: dict[str, Any], chunksize: int) -> Iterator[pd.DataFrame]:
    with open(path, "rb") as fh:
        try:
            reader = pd.read_json(fh, chunksize=chunksize, **kw)
        except ValueError as exc:
            raise _jsonl_error(path, exc) from None
        with reader:
            while True:
                try:
                    chunk = next(reader)
                except StopIteration:
                    break
                except ValueError as exc:
                    raise _jsonl_error(path, exc) from None
                yield chunk


def _parquet_chunks(pf: Any, chunksize: int) -> Iterator[pd.DataFrame]:
    try:
        for b in pf.iter_batches(batch_size=chunksize):
            yield b.to_pandas()
    finally:
        pf.close()


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


# --------------------------------------------------------------------------- dates

# Tried in order on what ISO 8601 leaves; every one explicit, so pandas never guesses a format.
_DATE_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%b. %d, %Y",
    "%d %B %Y", "%d %b %Y", "%d %B, %Y", "%A, %B %d, %Y", "%A, %d %B %Y", "%a, %d %b %Y",
    "%B %d, %Y %H:%M", "%B %d, %Y %I:%M %p", "%b %d, %Y %I:%M %p", "%d %B %Y %H:%M", "%d %b %Y %H:%M",
    "%d.%m.%Y", "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%Y/%m/%d", "%Y/%m/%d %H:%M:%S", "%Y.%m.%d",
    "%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%d/%m/%Y", "%d/%m/%Y %H:%M",
    "%Y%m%d",
)
_UNIX = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{12,13}$")


def _parse_dates(values: pd.Series, origin: str = "corpus") -> pd.Series:
    """Dates as ISO 8601 strings (None where empty or unreadable), read with explicit formats only.

    ISO 8601 first, then Unix times (seconds, or milliseconds with 12-13
    digits), then :data:`_DATE_FORMATS` (slashed dates month-first as in US
    outlets, "03/01/2022" = 1 March; day-first only where month-first is
    impossible, "13/01/2022"), then RFC 2822 ("Tue, 01 Mar 2022 10:00:00 GMT").
    Times with a zone are converted to UTC. The result is ``YYYY-MM-DD``
    for every date when none has a time of day, else
    ``YYYY-MM-DDTHH:MM:SS``. Unreadable dates are reported in one
    :class:`CorpusWarning` with their count and examples.
    """
    from email.utils import parsedate_to_datetime

    def as_text(v: Any) -> str | None:
        if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
            return None
        t = v.isoformat() if hasattr(v, "isoformat") else str(v).strip()
        return t or None

    text = pd.Series([as_text(v) for v in values], index=values.index, dtype=object)
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    todo = pd.Series([t is not None for t in text], index=values.index, dtype=bool)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # explicit formats: nothing to infer, nothing to warn about

        def attempt(mask: pd.Series, fn: Any) -> None:
            nonlocal todo
            if not mask.any():
                return
            got = fn(text[mask].astype(str))
            ok = got.notna()
            parsed.loc[got.index[ok]] = got[ok]
            todo = todo & parsed.isna()

        attempt(todo, lambda t: pd.to_datetime(t, format="ISO8601", errors="coerce", utc=True))
        unix = todo & pd.Series([t is not None and bool(_UNIX.match(t)) for t in text], index=values.index)
        attempt(unix, lambda t: pd.Series([pd.to_datetime(float(v), unit="ms" if len(v) >= 12 else "s", utc=True)
                                           for v in t], index=t.index, dtype="datetime64[ns, UTC]"))
        for fmt in _DATE_FORMATS:
            attempt(todo, lambda t, f=fmt: pd.to_datetime(t, format=f, errors="coerce", utc=True))

        def rfc(v: str) -> Any:
            try:
                return pd.Timestamp(parsedate_to_datetime(v))
            except (TypeError, ValueError, IndexError):
                return pd.NaT

        attempt(todo, lambda t: pd.to_datetime(pd.Series([rfc(v) for v in t], index=t.index, dtype=object),
                                               errors="coerce", utc=True))
    bad = text[todo]
    if len(bad):
        examples = ", ".join(repr(v[:40]) for v in list(dict.fromkeys(bad))[:3])
        warnings.warn(f"{origin}: {len(bad)} of {int(text.notna().sum())} dates not understood ({examples}); "
                      "those articles have no date; write dates as ISO 8601 (2022-03-01) or choose the date "
                      "column with date_col= / --date-col", CorpusWarning, stacklevel=4)
    ok = parsed.notna()
    naive = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    timed = bool(ok.any() and (naive[ok] != naive[ok].dt.normalize()).any())
    out = naive.dt.strftime("%Y-%m-%dT%H:%M:%S" if timed else "%Y-%m-%d")
    return out.astype(object).where(ok, None)


def _grouped_notes(notes: list[str]) -> list[str]:
    """One line per kind of note: "34 articles: HTML tags stripped (row 212, row 729, row 735, ...)"."""
    kinds: dict[str, list[str]] = {}
    for note in notes:
        where, _, what = note.rpartition(": ")
        kinds.setdefault(what, []).append(where)
    out = []
    for what, wheres in kinds.items():
        if len(wheres) == 1:
            out.append(f"{wheres[0]}: {what}")
        else:
            more = ", ..." if len(wheres) > 3 else ""
            out.append(f"{len(wheres)} articles: {what} ({', '.join(wheres[:3])}{more})")
    return out


def _finish(df: pd.DataFrame, *, origin: str) -> pd.DataFrame:
    """Clean texts, skip empty rows (reported), de-duplicate ids; return the corpus."""
    records: list[dict[str, Any]] = []
    skipped: list[str] = []
    notes: list[str] = []
    raw = df.to_dict("records")
    if "body" in df.columns:  # ``df`` is this module's intermediate: each body is freed once cleaned
        del df["body"]
    raw.reverse()
    while raw:
        rec = raw.pop()
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
        del body
        # (the body alone when it starts with the headline: a 20 MB text is not copied for nothing)
        text = clean_body if not clean_title or clean_body.startswith(clean_title) else \
            f"{clean_title}\n\n{clean_body}"
        del clean_body
        rec.update(title=clean_title, text=text.strip(), removed=json.dumps(removed_t + removed))
        for k in ("source", "date", "url", "language"):
            v = rec.get(k)
            rec[k] = None if v is None or (isinstance(v, float) and pd.isna(v)) or v == "" else str(v)
        rec["source"] = rec["source"] or "unknown"
        rec["has_title"] = bool(clean_title)
        records.append(rec)
    for note in _grouped_notes(notes):
        warnings.warn(note, CorpusWarning, stacklevel=3)
    if skipped:
        shown = "; ".join(skipped[:5]) + (f"; ... {len(skipped) - 5} more" if len(skipped) > 5 else "")
        warnings.warn(f"skipped {len(skipped)} article(s) with no text: {shown}", CorpusWarning, stacklevel=3)
    if not records:
        raise ValueError(f"{origin}: no article with text (all {len(skipped)} rows empty or missing)")
    out = pd.DataFrame.from_records(records)
    del records
    if "date" in out.columns:
        out["date"] = _parse_dates(out["date"], origin)
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
    encoding: str | None = None,
    sheet: str | int | None = None,
) -> pd.DataFrame:
    """Load articles into a corpus DataFrame.

    Parameters
    ----------
    data : path or DataFrame
        A folder of ``.txt``/``.md`` articles (first non-empty line is the
        headline; an optional ``sources.csv`` manifest with a ``file`` column,
        YAML front matter, or first-level subfolders give the source), a
        ``.csv``, ``.tsv``, ``.jsonl``, ``.parquet`` or ``.xlsx`` file, or a
        DataFrame. A first line longer than
        :data:`contrast.text.MAX_HEADLINE_CHARS` is not taken as a headline.
    text_col, source_col, title_col, date_col, id_col : str, optional
        Column names for tabular input. By default common names are tried,
        including a Media Cloud export's ``media_name``, ``title``, ``url``,
        ``publish_date``.
    hygiene : bool
        Remove page furniture learned per outlet and flag near-duplicate
        articles (:func:`contrast.hygiene.clean_corpus`; default). ``False``
        keeps every line and flags nothing (no ``duplicate_of`` column).
    encoding : str, optional
        Text encoding of the files (a Python codec name: ``cp1252``,
        ``latin-1``, ``cp1251``, ...). By default UTF-8 (with or without a
        BOM; UTF-16 with a BOM), else the encoding charset-normalizer detects,
        named in a :class:`CorpusWarning`.
    sheet : str or int, optional
        The worksheet of an ``.xlsx`` file, by name or 0-based number
        (default: the first).

    Returns
    -------
    DataFrame
        One row per article: ``doc_id, source, title, date, url, language,
        text, removed`` (a JSON list of removed boilerplate lines), plus any
        other input columns. ``date`` is ISO 8601 (``2022-03-01``, or
        ``2022-03-01T14:05:00`` in UTC when times are given), read from ISO
        dates, common news formats ("March 1, 2022", "1 Mar 2022",
        "01.03.2022", RFC 2822) and Unix times; dates it cannot read are
        empty and reported once with a count and examples. Rows without text are skipped with a
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
        return _finish(_load_folder(path, encoding), origin=str(path))
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        rec = _load_folder_single(path, encoding)
        return _finish(rec, origin=str(path))
    table = _read_table(path, encoding=encoding, sheet=sheet)
    return _finish(_normalise_table(table, cols, origin=""), origin=str(path))


def _load_folder_single(path: Path, encoding: str | None = None) -> pd.DataFrame:
    rec = _read_article(path, path.parent, encoding)
    if rec is None:
        raise ValueError(f"{path}: looks binary (NUL bytes); expected a UTF-8 text article")
    rec.setdefault("source", path.parent.name)
    if "title" not in rec:
        rec["title"], rec["body"] = _split_headline(rec.pop("text"), None, edge="\n \t")
        return pd.DataFrame([rec])
    stripped = rec.pop("text").strip("\n \t")
    first, _, rest = stripped.partition("\n")
    rec["body"] = rest if rec["title"] == first.strip() else stripped
    return pd.DataFrame([rec])


def read_table_chunks(
    path: str | Path, *, chunksize: int = 2000, columns: dict[str, str | None] | None = None,
    encoding: str | None = None, sheet: str | int | None = None,
) -> Iterator[pd.DataFrame]:
    """Yield corpus DataFrames of at most ``chunksize`` articles from a table file.

    For streaming large CSV / TSV / JSONL / Parquet / XLSX inputs without
    loading them whole; each chunk is cleaned exactly as :func:`load_corpus`
    does (``encoding`` and ``sheet`` as there). The file is closed when the
    iteration ends, fails or is abandoned.
    """
    path = Path(path)
    cols = dict(columns or {})
    offset = 0
    reader = _read_table(path, chunksize=chunksize, encoding=encoding, sheet=sheet)
    try:
        yield from _finished_chunks(path, reader, cols, offset)
    finally:
        close = getattr(reader, "close", None)
        if close is not None:
            close()


def _finished_chunks(path: Path, reader: Any, cols: dict[str, str | None], offset: int) -> Iterator[pd.DataFrame]:
    for chunk in reader:
        if not len(chunk):
            continue
        chunk.index = range(offset, offset + len(chunk))
        offset += len(chunk)
        norm = _normalise_table(chunk, cols, origin="")
        try:
            yield _finish(norm, origin=f"{path} rows {chunk.index[0]}-{chunk.index[-1]}")
        except ValueError as exc:
            if "no article with text" not in str(exc):
                raise
