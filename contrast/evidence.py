"""The evidence table: one row per matched span, the source of every figure.

The columns are the public contract in ``docs``/README ("evidence.csv");
extractors return plain dicts with any subset of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

__all__ = ["EVIDENCE_COLUMNS", "FAMILIES", "evidence_frame"]

#: Column name -> pandas dtype. Order is the column order of ``evidence.csv``.
EVIDENCE_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "source": "string",
    "sent_id": "Int64",
    "start": "Int64",
    "end": "Int64",
    "span": "string",
    "family": "string",
    "label": "string",
    "speaker": "string",
    "speaker_resolved": "string",
    "cue": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "content_start": "Int64",
    "content_end": "Int64",
    "speaker_type": "string",
    "quote": "string",
    "value": "Float64",
    "value_high": "Float64",
    "counted": "string",
    "approx": "string",
    "compound": "Float64",
    "affiliation": "string",
    "role": "string",
    "actor": "string",
    "variant": "string",
}

_KNOWN = frozenset(EVIDENCE_COLUMNS)

#: The evidence families the bundled extractors emit.
FAMILIES = (
    "sentiment",
    "actor",
    "hedge",
    "booster",
    "number",
    "naming",
    "attribution",
    "unattributed",
    "custom",
)


def evidence_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Build an evidence DataFrame with the contract's columns and dtypes.

    Unknown keys are an error (a typo would silently lose data); missing keys
    are empty (``<NA>``).
    """
    rows = list(rows)
    cols = list(EVIDENCE_COLUMNS)
    if not all(map(_KNOWN.issuperset, rows)):  # cheap test first; name the culprits only on failure
        extra = set().union(*(r.keys() for r in rows)) - _KNOWN
        raise ValueError(f"unknown evidence columns {sorted(extra)}; expected a subset of {cols}")
    df = pd.DataFrame.from_records(rows, columns=cols)
    return df.astype(EVIDENCE_COLUMNS)
