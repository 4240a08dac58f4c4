"""Session 27: furniture-only pages (a programme's transcript page: template headline, guest list) in keyness.

On the RUWA headlines corpus MSNBC's distinctive words were its guests' first names ("jason", "julia",
"peter", "baker"): its transcript pages are "Transcript: The Rachel Maddow Show, 3/4/22" over "Guests: ...".
Such a page (a headline the outlet repeats once figures and dates are set aside, over no text or only a list
of names after a learned label) stays in the corpus and its counts; the distinctive words leave it out and
say how many they left out. A template headline over a body with content (the General Staff's daily
bulletin) and a guest list under a news headline stay news.
"""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

import contrast
from contrast import hygiene
from contrast.stats import WordCounts, distinctive_words

SHOWS = ["The Rachel Maddow Show", "All In with Chris Hayes", "The ReidOut"]
GUESTS = ["Jason Crow, Julia Ioffe, Peter Baker", "Anne Applebaum, Alexander Vindman",
          "Nina Khrushcheva", "Ruth Ben-Ghiat; Beto O`Rourke and Kimberly St. Julian-Varnon",
          "Jon Meacham, Philip Breedlove, Jason Beardsley, etc."]
PLACES = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Poltava", "Kherson", "Mykolaiv", "Zhytomyr", "Chernihiv",
          "Vinnytsia", "Rivne", "Lutsk", "Uzhhorod", "Ternopil", "Cherkasy", "Sloviansk", "Izium", "Bucha", "Irpin"]


def _tv_rows() -> list[dict[str, str]]:
    """A TV outlet: 30 transcript pages (three shows, ten each), a weekly quick-hits page, and news."""
    rows = []
    for i in range(30):
        show = SHOWS[i % 3]
        label = "Transcripts:" if i == 7 else "Transcript:"  # a variant label the outlet writes once
        rows.append({"title": f"{label} {show}, {1 + i % 9}/{10 + i}/22", "text": f"Guests: {GUESTS[i % 5]}"})
    for i in range(6):  # "Friday's Mini-Report, 3.4.22" over "Today's edition of quick hits."
        rows.append({"title": f"Friday’s Mini-Report, {3 + i}.{4 + i}.22", "text": "Today’s edition of quick hits."})
    for i in range(40):
        rows.append({"title": f"Shelling hits {PLACES[i % 20]} as inspectors reach plant {i}",
                     "text": f"Officials in {PLACES[i % 20]} said inmates were moved after strike number {i}."})
    # a guest list under a news headline: the headline is content
    rows.append({"title": "Zelenskyy addresses Congress", "text": "Guests: Jason Crow, Julia Ioffe"})
    # a template headline over a body with content
    rows.append({"title": "Transcript: The ReidOut, 4/30/22",
                 "text": "Guests: Russian troops shelled Kharkiv overnight, the governor said"})
    return [{"doc_id": f"tv{i}", "source": "tv.example", "url": f"https://tv.example/{i}", **r}
            for i, r in enumerate(rows)]


def _wire_rows() -> list[dict[str, str]]:
    """A wire: a daily General Staff bulletin (template headline, figures in the body) and other news."""
    rows = []
    for i in range(20):
        rows.append({"title": f"General Staff: operational information as of 06:00 on April {i + 1}",
                     "text": f"The enemy lost {100 + i} tanks and {200 + 3 * i} artillery systems near "
                             f"{PLACES[i]}, the General Staff reported."})
    for i in range(20):  # a headline-only template with figures: news
        rows.append({"title": f"{i + 2} civilians killed in Donetsk region in past day", "text": ""})
    for i in range(30):
        rows.append({"title": f"Grain ships leave {PLACES[i % 20]} port {i}",
                     "text": f"Ships left {PLACES[i % 20]} with {i + 10} thousand tonnes of grain, officials said."})
    return [{"doc_id": f"w{i}", "source": "wire.example", "url": f"https://wire.example/{i}", **r}
            for i, r in enumerate(rows)]


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    rows = pd.DataFrame(_tv_rows() + _wire_rows())
    rows["text"] = rows["text"].where(rows["text"] != "", rows["title"])  # a headline-only row: its text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return contrast.load_corpus(rows)


def _title(corpus: pd.DataFrame, doc_id: str) -> str:
    return next(r["title"] for r in _tv_rows() + _wire_rows() if r["doc_id"] == doc_id)


@pytest.mark.parametrize("doc_id, only", [
    ("tv0", True),    # Transcript: The Rachel Maddow Show, 1/10/22 + Guests: Jason Crow, Julia Ioffe, Peter Baker
    ("tv2", True),    # Transcript: The ReidOut, ... + Guests: Nina Khrushcheva (one name)
    ("tv3", True),    # Ruth Ben-Ghiat; Beto O`Rourke and Kimberly St. Julian-Varnon
    ("tv4", True),    # ..., Jason Beardsley, etc.
    ("tv7", True),    # "Transcripts:" (a label the outlet writes once): the same template once the label goes
    ("tv30", True),   # Friday's Mini-Report, 3.4.22 + Today's edition of quick hits. (empty once furniture goes)
    ("tv35", True),
    # must not fire
    ("tv36", False),  # Shelling hits Kharkiv as inspectors reach plant 0: news
    ("tv76", False),  # Zelenskyy addresses Congress + Guests: ...: a news headline over a guest list
    ("tv77", False),  # Transcript: The ReidOut, 4/30/22 + a sentence of news after the label
    ("w0", False),    # General Staff: operational information as of 06:00 on April 1: a template with figures
    ("w19", False),
    ("w20", False),   # "2 civilians killed in Donetsk region in past day", headline only: a template of news
    ("w40", False),   # Grain ships leave ...: news
])
def test_furniture_only_pages(corpus: pd.DataFrame, doc_id: str, only: bool) -> None:
    assert (doc_id in corpus.attrs["furniture_only"]) is only, _title(corpus, doc_id)


def test_furniture_only_pages_stay_in_the_corpus(corpus: pd.DataFrame) -> None:
    assert len(corpus) == len(_tv_rows()) + len(_wire_rows())
    page = corpus[corpus.doc_id == "tv0"].iloc[0]
    assert "Jason Crow" in page.text  # the text is cleaned as before, never emptied
    assert sorted(corpus.attrs["furniture_only"]) == sorted([f"tv{i}" for i in range(36)])


def test_is_furniture_only_on_one_article() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = contrast.load_corpus(pd.DataFrame(_tv_rows()), hygiene=False)
    fur = hygiene.learn_furniture(loaded)
    row = loaded[loaded.doc_id == "tv1"].iloc[0]
    assert fur.is_furniture_only(row.text, row.title, row.source)
    news = loaded[loaded.doc_id == "tv40"].iloc[0]
    assert not fur.is_furniture_only(news.text, news.title, news.source)
    assert "all in with chris hayes, 0/0/0" in fur.templates["tv.example"]
    assert fur.clean(row.text, row.title, row.source)[0]  # clean keeps its three values


@pytest.mark.parametrize("line, listed", [
    ("Peter Baker, Vivian Salama, Tom Nichols, Melissa Murray, Lanhee  Chen", True),
    ("William Taylor, Barry McCaffrey; Symone Sanders, Tim Miller", True),
    ("Nina Khrushcheva", True),
    ("Julia Ioffe, Simon Ostrovsky and Aaron Rupar", True),
    ("Marta S. Jones, Ruth Ben-Ghiat, Lawrence O'Donnell", True),
    ("Maria de la Cruz, Ursula von der Leyen", True),
    ("Volodymyr Zelenskyy, Jen Psaki, John Brennan,  etc.", True),
    # must not fire
    ("Russian troops shelled Kharkiv overnight", False),
    ("what the sanctions mean for Russia", False),
    ("Zelenskyy addresses Congress on March 16", False),  # a figure
    ("Biden, Putin and the war in the east", False),  # lower-case words
    ("", False),
])
def test_name_lists(line: str, listed: bool) -> None:
    assert hygiene._is_name_list(line) is listed


def test_keyness_leaves_furniture_only_pages_out_and_says_so(corpus: pd.DataFrame) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = distinctive_words(corpus, min_count=1)
    tv = out[(out.group == "tv.example") & (out.z > 0)]
    for name in ("jason", "julia", "peter", "baker", "maddow", "rachel", "reidout", "hayes", "guests",
                 "transcript", "quick", "edition"):
        assert name not in set(tv.word), name
    assert {"inspectors", "inmates", "shelling"} <= set(tv.word)
    # an outlet's near-duplicate counts once anyway: the pages left out are the others
    n = int((corpus.doc_id.isin(corpus.attrs["furniture_only"]) & corpus.duplicate_of.isna()).sum())
    assert 25 <= n < 36
    assert out.attrs["furniture_only"] == {"tv.example": n}
    assert any(f"leave out {n} furniture-only page(s)" in str(w.message) and f"tv.example {n}" in str(w.message)
               for w in caught)
    # the wire's daily bulletin counts
    assert {"staff", "operational", "tanks"} <= set(out[(out.group == "wire.example") & (out.z > 0)].word)


def test_keyness_can_keep_them(corpus: pd.DataFrame) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing left out, nothing to say
        out = distinctive_words(corpus, min_count=1, drop_furniture_only=False)
    assert {"jason", "julia", "peter"} <= set(out[(out.group == "tv.example") & (out.z > 0)].word)
    assert out.attrs["furniture_only"] == {}


def test_chunks_give_the_same_keyness(corpus: pd.DataFrame) -> None:
    """The CLI feeds WordCounts a chunk at a time, each cleaned by the learned furniture (attrs per chunk)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raw = contrast.load_corpus(pd.DataFrame(_tv_rows() + _wire_rows()).assign(
            text=lambda d: d["text"].where(d["text"] != "", d["title"])), hygiene=False)
        fur = hygiene.learn_furniture(raw)
        acc, dd = WordCounts("source"), hygiene.Deduper()
        for k in range(0, len(raw), 17):  # as the CLI's stream: furniture, then near-duplicates, then counts
            acc.add(hygiene.find_duplicates(fur.apply(raw.iloc[k:k + 17]), deduper=dd))
        chunked = distinctive_words(acc, min_count=1)
        whole = distinctive_words(corpus, min_count=1)
    assert acc.furniture_only == whole.attrs["furniture_only"]
    pd.testing.assert_frame_equal(chunked, whole)


def test_template_counts_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Headlines seen once are pruned when an outlet holds many keys; a template that recurs is kept."""
    monkeypatch.setattr(hygiene, "_TEMPLATE_KEYS", 5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = contrast.load_corpus(pd.DataFrame(_tv_rows()), hygiene=False)
    learner = hygiene.FurnitureLearner(prune_every=10).add(loaded)
    counts = learner._outlets["tv.example"].templates
    n_unique = len({hygiene._template_key(t) for t in loaded.title})
    assert n_unique == 25 and len(counts) <= 4 + 8  # the four recurring keys and the last 8 articles' new keys
    fur = learner.furniture()
    assert {"the rachel maddow show, 0/0/0", "the reidout, 0/0/0"} <= fur.templates["tv.example"]
