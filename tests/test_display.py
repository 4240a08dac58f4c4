"""Jupyter highlighting: escaping, overlaps, tooltips, filters."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from contrast import display
from contrast.evidence import evidence_frame


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True
        self.titles: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.titles += [v for k, v in attrs if k == "title"]

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def _parse(html: str) -> _Balance:
    p = _Balance()
    p.feed(html)
    p.close()
    assert p.ok and not p.stack, "unbalanced tags"
    return p


TEXT = 'Headline <script>alert(1)</script>\nOfficials said "up to 80% of drones may fail," he added.'


def _corpus() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d1"], "source": ["BI & Co"], "text": [TEXT], "has_title": [True]})


def _row(word: str, **kw) -> dict:
    i = TEXT.index(word)
    return {"doc_id": "d1", "source": "BI & Co", "start": i, "end": i + len(word), "span": word, **kw}


EV = evidence_frame([
    _row("said", family="attribution", label="neutral", speaker="Officials", speaker_type="anonymous",
         speaker_start=TEXT.index("Officials"), speaker_end=TEXT.index("Officials") + 9,
         content_start=TEXT.index('"up'), content_end=TEXT.index('," he') + 2),
    _row("up to 80%", family="number", label="percent", value=80.0, approx="up to", counted="drones",
         speaker="Officials"),
    _row("80% of drones may", family="custom", label="overlap"),  # crosses the number's end
    _row("may", family="hedge", label="modal"),
])


def test_show_escapes_text_and_has_legend_and_tooltips():
    h = display.show(_corpus(), EV, "d1")
    out = h._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "BI &amp; Co" in out
    for fam in ("attribution", "number", "hedge", "custom", "speaker", "content"):
        assert f"contrast-legend-{fam}" in out
    p = _parse(out)
    tips = "\n".join(p.titles)
    assert "stance: neutral" in tips and "speaker: Officials" in tips
    assert "value: 80" in tips and "counted: drones" in tips and "approx: up to" in tips
    assert str(h) == out


def test_overlapping_spans_are_cut_not_misnested():
    out = display.show(_corpus(), EV, "d1").html
    _parse(out)
    # "may" is inside the custom span, the content span and is a hedge: one piece, three families
    piece = [s for s in out.split("<span ") if s.split(">", 1)[-1].startswith("may<")]
    assert len(piece) == 1
    assert "contrast-hedge" in piece[0] and "contrast-custom" in piece[0] and "contrast-content" in piece[0]
    # the hedge (shortest span) gives the background colour
    assert "rgba(230,159,0" in piece[0]


def test_families_filter_and_sentence_level_badges():
    ev = pd.concat([EV, evidence_frame([{"doc_id": "d1", "source": "x", "family": "sentiment", "label": "negative",
                                         "compound": -0.6, "start": TEXT.index("Officials"), "end": len(TEXT),
                                         "span": TEXT[TEXT.index("Officials"):]}])], ignore_index=True)
    only = display.show(_corpus(), ev, "d1", families=["hedge"]).html
    assert "contrast-hedge" in only and "contrast-number" not in only and "contrast-attribution" not in only
    badge = display.show(_corpus(), ev, "d1", families=["sentiment"]).html
    assert "-0.60" in badge and "contrast-sentiment" in badge


def test_nothing_found_renders_plain_text():
    out = display.show(_corpus(), evidence_frame([]), "d1").html
    _parse(out)
    assert "Officials said" in out and 'class="contrast-' not in out.split('<div style="white-space')[1]


def test_unknown_doc_id_lists_choices():
    with pytest.raises(ValueError, match="doc_id 'nope' not in the corpus; doc_ids are \\['d1'\\]"):
        display.show(_corpus(), EV, "nope")


def test_sentence_html_renders_one_sentence():
    out = display.sentence_html(_corpus(), EV, "d1", 1)
    assert out.startswith("<span") and "Headline" not in out
    assert display.sentence_html(_corpus(), EV, "d1", 99) == ""


def test_demo_article(demo_corpus, demo_evidence):
    out = display.show(demo_corpus, demo_evidence, demo_corpus.doc_id[1]).html
    _parse(out)
    assert out.count("<span") > 20


class _Pieces(HTMLParser):
    """(text, set of contrast-* classes) for every text run of a highlight."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[set[str]] = []
        self.pieces: list[tuple[str, set[str]]] = []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        self.stack.append(set(cls.split()) if tag == "span" else set())

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.pieces.append((data, set().union(*self.stack) if self.stack else set()))


def test_sweep_gives_each_character_the_families_covering_it():
    import random

    rng = random.Random(3)
    text = "".join(rng.choice("abc de") for _ in range(400))
    fams = ["hedge", "booster", "number", "naming", "custom"]
    rows = []
    for _ in range(120):
        s = rng.randrange(0, 399)
        e = rng.randrange(s + 1, min(400, s + 40) + 1)
        rows.append({"doc_id": "d", "family": rng.choice(fams), "start": s, "end": e, "span": text[s:e]})
    ev = evidence_frame(rows)
    p = _Pieces()
    p.feed(display.highlight_html(text, ev))
    pos = 0
    for piece, classes in p.pieces:
        for i in range(pos, pos + len(piece)):
            want = {f"contrast-{r['family']}" for r in rows if r["start"] <= i < r["end"]}
            assert classes == want, (i, classes, want)
        pos += len(piece)
    assert "".join(t for t, _ in p.pieces) == text


def test_one_line_article_with_thousands_of_spans_is_rendered_whole():
    # a 93 KB line without a full stop and a hedge every 40 characters: the
    # sweep renders it in one pass (linear in pieces + spans)
    text = ("officials said the attack may have failed " * 2300)[:93_000]
    starts = [i for i in range(0, len(text) - 3) if text.startswith("may", i)]
    ev = evidence_frame([{"doc_id": "d", "family": "hedge", "label": "modal", "start": s, "end": s + 3,
                          "span": "may"} for s in starts])
    out = display.highlight_html(text, ev)
    assert out.count('class="contrast-hedge"') == len(starts) > 2000
