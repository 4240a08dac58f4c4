"""Writing outputs safely: atomic replace, spreadsheet-safe CSV, Parquet."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

__all__ = ["atomic_path", "write_text", "write_bytes", "write_csv", "write_parquet", "escape_formulas", "EXACT_COLUMNS"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the usual file mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 text atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write bytes atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


#: Columns that must equal the article text at their offsets (``text[start:end] == span``): never guarded.
EXACT_COLUMNS = frozenset({"span", "speaker", "cue"})


def _numeric_text(s: pd.Series) -> pd.Series:
    """True where a text cell reads as a number ("-2", "+3.5%", "-1,200")."""
    t = s.astype("string").str.strip().str.replace(",", "", regex=False).str.rstrip("%")
    return pd.to_numeric(t, errors="coerce").notna()


def escape_formulas(df: pd.DataFrame, *, exact: frozenset[str] | set[str] = EXACT_COLUMNS) -> pd.DataFrame:
    """Copy of ``df`` whose non-numeric text cells starting with ``= + - @`` get a leading ``'``.

    Spreadsheets run such cells as formulas (CSV injection, OWASP). Numbers,
    text that reads as a number (``"-2"``, ``"+3.5%"``) and the offset-exact
    columns ``exact`` (``span``, ``speaker``, ``cue``) are written as they
    are, so ``text[start:end] == span`` holds in the CSV too; Parquet is
    always exact.

    Examples
    --------
    >>> df = pd.DataFrame({"span": ["-2", "=1+1"], "note": ["-2", "=1+1"]})
    >>> escape_formulas(df).values.tolist()
    [['-2', '-2'], ['=1+1', "'=1+1"]]
    """
    out = df.copy(deep=False)  # columns that change are replaced, not written into (an 80 MB table is not copied)
    for col in out.columns:
        if col in exact:
            continue
        s = out[col]
        if s.dtype == object or pd.api.types.is_string_dtype(s):
            mask = s.astype("string").str.startswith(_FORMULA_START).fillna(False).astype(bool)
            if mask.any():
                mask &= ~_numeric_text(s).to_numpy(bool)
            if mask.any():
                out[col] = s.astype(object).where(~mask, "'" + s.astype("string").astype(object))
    return out


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a spreadsheet-safe CSV (see :func:`escape_formulas`) atomically."""
    with atomic_path(path) as tmp:
        escape_formulas(df).to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8")
    return Path(path)


def write_parquet(df: pd.DataFrame, path: str | Path) -> Path:
    """Write Parquet atomically."""
    with atomic_path(path) as tmp:
        df.to_parquet(tmp, index=False)
    return Path(path)
