"""Helpers shared by the test modules (imported as ``from _helpers import ...``)."""

from __future__ import annotations

import pandas as pd

from contrast.extract import extract_text


def speaker_reading(text: str, speaker: str, source: str = "", *, headline: bool = True) -> tuple[str, str, str]:
    """(affiliation, role, side) of the first attribution row whose speaker is ``speaker``."""
    ev = extract_text(text, headline=headline, families=["attribution"], source=source)
    ev = ev[ev["speaker_start"].notna()]
    hit = ev[ev["speaker"] == speaker]
    assert len(hit), f"no speaker {speaker!r} in {text!r}: {list(ev['speaker'])}"
    r = hit.iloc[0]
    return tuple("" if pd.isna(r[c]) else str(r[c]) for c in ("affiliation", "role", "actor"))  # type: ignore[return-value]
