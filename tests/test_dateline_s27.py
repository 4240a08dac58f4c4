"""Session 27: one definition of a wire dateline (contrast.text.DATELINE), used by hygiene and attribution."""
from __future__ import annotations

import pytest

from contrast import hygiene
from contrast.text import DATELINE, DATELINE_LEAD


@pytest.mark.parametrize("text, dateline", [
    ("MINSK, 26 February (BelTA) - Belarus is ready", "MINSK, 26 February (BelTA) - "),
    ("KYIV, Ukraine (AP) — Russian forces", "KYIV, Ukraine (AP) — "),
    ("Dubai, United Arab Emirates (CNN)- The US Deputy Minister", "Dubai, United Arab Emirates (CNN)- "),
    ("New York (AFP) – The same frustration", "New York (AFP) – "),  # a place not in capitals
    ("Dec 29 (Reuters) - Hillary Clinton said", "Dec 29 (Reuters) - "),  # a date for a place
    ("ST. PETERSBURG, June 3 (Reuters/AP) -- Putin said", "ST. PETERSBURG, June 3 (Reuters/AP) -- "),
    ("KYIV (Interfax-Ukraine) - The ministry", "KYIV (Interfax-Ukraine) - "),
    ("Ukraine (AFP)-Zelensky said", "Ukraine (AFP)-"),  # the story's capital right after the dash
    # must not fire
    ("The report by the OSCE (OSCE) – published on Monday", None),  # lower-case words before the brackets
    ("Kyiv (Ukraine)-based firms", None),  # a bracket closing a word
    ("Sen. Ted Cruz (R-Texas) — Announced March 23, 2015", None),  # a US party and state
    ("NATO (North Atlantic Treaty Organization) – allies met in Brussels", None),  # a name spelt out
    ("Zelensky said (in a video) - without detail", None),
    ("Russian troops shelled Kharkiv on Monday.", None),
])
def test_dateline(text: str, dateline: str | None) -> None:
    m = DATELINE.match(text)
    assert (m.group() if m else None) == dateline


def test_one_definition() -> None:
    assert DATELINE_LEAD is DATELINE and hygiene._DATELINE is DATELINE
