"""A persistent, size-bounded store of evidence rows on disk, shared by processes.

:func:`contrast.extract` keeps each article's evidence in memory and, through
this module, on disk, so a kernel restart, a second notebook or a rerun of the
command reads what an earlier process computed instead of recomputing it.

Where: :func:`platformdirs.user_cache_dir` (``~/.cache/contrast`` on Linux,
``~/Library/Caches/contrast`` on macOS, ``%LOCALAPPDATA%\\contrast\\Cache`` on
Windows), or the folder named by the environment variable
``CONTRAST_CACHE_DIR``. ``CONTRAST_CACHE=off`` (or ``memory``) turns the disk
store off; ``extract(cache="memory")`` does so for one call.
``CONTRAST_CACHE_MAX_MB`` bounds its size (default 1024): the entries read
least recently go first.

How: one SQLite database (the standard library's ``sqlite3``) in WAL mode.
Every write is one transaction, so two processes can read and write at once
and a crash mid-write leaves the previous state; every value carries a hash
of its bytes that is checked on reading, so a damaged entry is a miss, never
wrong evidence. A database that cannot be opened or read (damaged file, full
or read-only disk) is reported once and the run goes on without it. Values are
zlib-compressed JSON (no pickle: reading the cache never runs code).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import warnings
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["DiskCache", "cache_dir", "disk_cache", "enabled", "max_bytes"]

_FILE = "evidence-v1.sqlite"
_DIGEST = 16
_BATCH = 500  # keys per SELECT (SQLite's variable limit is 32,766; keep statements small)


def enabled() -> bool:
    """Whether the disk store is on (``CONTRAST_CACHE`` is not ``off``/``0``/``false``/``no``/``memory``)."""
    return os.environ.get("CONTRAST_CACHE", "").strip().lower() not in {"off", "0", "false", "no", "memory"}


def cache_dir() -> Path:
    """The folder of the disk store: ``CONTRAST_CACHE_DIR`` or the platform's user cache folder."""
    given = os.environ.get("CONTRAST_CACHE_DIR", "").strip()
    if given:
        return Path(given).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("contrast", appauthor=False))


def max_bytes() -> int:
    """Size bound of the disk store in bytes (``CONTRAST_CACHE_MAX_MB``, default 1024 MB)."""
    raw = os.environ.get("CONTRAST_CACHE_MAX_MB", "").strip()
    try:
        mb = float(raw) if raw else 1024.0
    except ValueError:
        warnings.warn(f"CONTRAST_CACHE_MAX_MB={raw!r} is not a number; using 1024 (set it to megabytes, "
                      "e.g. 500)", RuntimeWarning, stacklevel=2)
        mb = 1024.0
    return max(0, int(mb * 1024 * 1024))


def encode(value: Any) -> bytes | None:
    """Bytes of a JSON-serialisable value with its hash in front; None when it is not serialisable."""
    try:
        body = zlib.compress(json.dumps(value, separators=(",", ":")).encode("utf-8"), 1)
    except (TypeError, ValueError):
        return None
    return hashlib.blake2b(body, digest_size=_DIGEST).digest() + body


def decode(blob: bytes) -> Any:
    """The value stored by :func:`encode`; raises ValueError when the bytes are damaged."""
    digest, body = blob[:_DIGEST], blob[_DIGEST:]
    if hashlib.blake2b(body, digest_size=_DIGEST).digest() != digest:
        raise ValueError("checksum mismatch")
    try:
        return json.loads(zlib.decompress(body))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(str(exc)) from None


class DiskCache:
    """Key -> value store in one SQLite file, safe for several processes at once.

    Parameters
    ----------
    folder : path
        Created if missing; holds the database file.
    limit : int, optional
        Size bound in bytes (default :func:`max_bytes`).

    Examples
    --------
    >>> import tempfile
    >>> store = DiskCache(tempfile.mkdtemp())
    >>> store.put_many([("k", {"rows": [1, 2]})])
    >>> store.get_many(["k", "missing"])
    {'k': {'rows': [1, 2]}}
    """

    def __init__(self, folder: str | Path, limit: int | None = None):
        self.folder = Path(folder)
        self.path = self.folder / _FILE
        self.limit = max_bytes() if limit is None else limit
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self.broken = False

    # -------------------------------------------------------------- connection

    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        self.folder.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout = 60000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                         "size INTEGER NOT NULL, atime REAL NOT NULL)")
            conn.execute("CREATE INDEX IF NOT EXISTS entries_atime ON entries (atime)")
        except sqlite3.Error:
            conn.close()
            raise
        self._conn, self._pid = conn, os.getpid()
        return conn

    @contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Turn a database failure into one warning; a damaged file is moved aside and started afresh."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            self.close()
            if type(exc) is sqlite3.DatabaseError:  # "file is not a database", "disk image is malformed"
                aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
                try:
                    os.replace(self.path, aside)
                    for suffix in ("-wal", "-shm"):
                        Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                except OSError:
                    self._off(what, exc)
                    return
                warnings.warn(f"evidence cache {self.path}: damaged ({exc}); moved aside to {aside.name} and "
                              "started afresh (delete that file when you like)", RuntimeWarning, stacklevel=4)
            else:
                self._off(what, exc)
        except OSError as exc:
            self.close()
            self._off(what, exc)

    def _off(self, what: str, exc: BaseException) -> None:
        if not self.broken:
            warnings.warn(
                f"evidence cache {self.path}: {what} failed ({' '.join(str(exc).split())}); going on "
                f"without it (set CONTRAST_CACHE_DIR to a writable folder, or CONTRAST_CACHE=off)",
                RuntimeWarning, stacklevel=5)
        self.broken = True

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    # -------------------------------------------------------------- access

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """Values of the ``keys`` that are stored and intact (damaged entries are dropped)."""
        keys = list(dict.fromkeys(keys))
        out: dict[str, Any] = {}
        if self.broken or not keys:
            return out
        damaged: list[str] = []
        with self._guard("reading"):
            conn = self._connect()
            for i in range(0, len(keys), _BATCH):
                part = keys[i:i + _BATCH]
                marks = ",".join("?" * len(part))
                for key, blob in conn.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", part):
                    try:
                        out[key] = decode(bytes(blob))
                    except ValueError:
                        damaged.append(key)
            if out:
                now = time.time()
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany("UPDATE entries SET atime = ? WHERE key = ?", [(now, k) for k in out])
                    if damaged:
                        conn.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in damaged])
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
        return out

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        """Store values (one transaction), then evict the least recently read entries over the bound."""
        blobs = [(k, b) for k, v in items if (b := encode(v)) is not None]
        if self.broken or not blobs:
            return
        now = time.time()
        with self._guard("writing"):
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR REPLACE INTO entries (key, value, size, atime) VALUES (?, ?, ?, ?)",
                                 [(k, b, len(b), now) for k, b in blobs])
                total = conn.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0]
                if total > self.limit:
                    self._evict(conn, total - int(self.limit * 0.9))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    @staticmethod
    def _evict(conn: sqlite3.Connection, excess: int) -> None:
        freed = 0
        doomed: list[str] = []
        for key, size in conn.execute("SELECT key, size FROM entries ORDER BY atime"):
            if freed >= excess:
                break
            doomed.append(key)
            freed += size
        conn.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in doomed])

    def size(self) -> int:
        """Bytes of stored values."""
        with self._guard("reading"):
            return int(self._connect().execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0])
        return 0

    def __len__(self) -> int:
        with self._guard("reading"):
            return int(self._connect().execute("SELECT COUNT(*) FROM entries").fetchone()[0])
        return 0

    def clear(self) -> None:
        """Delete every entry (other processes using the store at the same time see it empty)."""
        self.broken = False
        if not self.path.exists():
            return
        with self._guard("clearing"):
            conn = self._connect()
            conn.execute("DELETE FROM entries")
            conn.execute("VACUUM")


_STORES: dict[Path, DiskCache] = {}


def disk_cache() -> DiskCache | None:
    """The disk store at the current location, or None when it is off."""
    if not enabled():
        return None
    folder = cache_dir()
    store = _STORES.get(folder)
    if store is None:
        store = _STORES[folder] = DiskCache(folder)
    return store
