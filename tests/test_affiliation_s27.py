"""Session 27: the article's home state is read lazily (only when a rule asks for it), from one scan of
the text; and what the outlet rule's "mentioned" and "named" states are (they differ)."""

from __future__ import annotations

import pytest

import contrast.affiliation as af
from contrast.affiliation import (
    _STATE_KINDS,
    _Cast,
    _home_state,
    _places,
    _provinces,
    default_gazetteer,
    outlet_state,
)
from contrast.extract import extract_text


def _count_home(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = af._home_state

    def counted(text, *a, **k):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(text, *a, **k)

    monkeypatch.setattr(af, "_home_state", counted)
    return calls


@pytest.mark.parametrize(("text", "source", "calls"), [
    # named speakers with a state of their own: no rule asks for the home state
    ("Putin said the talks had failed.\nZelensky said Kyiv would not give in.", "ukrinform.net", 0),
    ("Russian Foreign Minister Sergei Lavrov said the West was to blame.", "tass.com", 0),
    # a national office named without a state: read once, however many ask
    ("General Staff: the enemy lost 300 soldiers\nThe General Staff said the losses were counted.",
     "ukrinform.net", 1),
])
def test_home_state_read_only_when_asked_and_once(monkeypatch, text, source, calls):
    got = _count_home(monkeypatch)
    extract_text(text, families=["attribution"], source=source)
    assert len(got) == calls


def test_bare_cast_has_no_home():
    assert _Cast("General Staff: the enemy lost 300 soldiers", default_gazetteer()).home == ""


@pytest.mark.parametrize("text", [
    "Russian troops are advancing in the east, the General Staff said.",
    "The Ministry said Russian forces had launched 40 missiles overnight.",
])
def test_mentioned_states_are_not_the_states_named(text):
    """A state named only as the side that fights is mentioned (the outlet's state is not, so the article
    has no home: it is not about the outlet's state) but not named (``states_named`` leaves it out). Reading
    "mentioned" from the named states would give these articles Ukraine as home; they keep none."""
    gaz = default_gazetteer()
    cast = _Cast(text, gaz)
    mentioned = {m[1] for m in _places(text, gaz) + _provinces(text, gaz) if m[3] in _STATE_KINDS}
    assert mentioned == {"RU"} and cast.states_named(0, len(text)) == []
    # (an outlet not at war: since session 27 a Ukrainian outlet's story that names only Russia has Ukraine
    # as home, see tests/test_affiliation_s27_place.py)
    assert _home_state(text, [], gaz, "GB", cast) == ""
    assert _home_state(text, [], gaz, "UA", cast) == "UA"


def test_outlet_state_with_a_gazetteer():
    # the gazetteer argument reads the outlets of the gazetteer given (the default one here)
    gaz = default_gazetteer()
    assert [outlet_state(s, gaz) for s in ("tass.com", "UA", "my blog", None)] == ["RU", "UA", "", ""]
