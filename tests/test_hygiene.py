"""Corpus hygiene on constructed corpora with known answers: furniture per outlet, near-duplicates."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import contrast
from contrast import hygiene

FOX_APP = "CLICK HERE TO GET THE FOX NEWS APP"
NEWS_LINE = "Russian forces shelled Kharkiv overnight, the regional governor said."
PLACES = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Poltava", "Kherson", "Mykolaiv", "Zhytomyr",
          "Chernihiv", "Vinnytsia", "Rivne", "Lutsk", "Uzhhorod", "Ternopil", "Kropyvnytskyi",
          "Cherkasy", "Khmelnytskyi", "Ivano-Frankivsk", "Chernivtsi"]
VERBS = ["reported", "described", "documented", "confirmed", "disputed"]


def _body(i: int, outlet: str) -> str:
    place = PLACES[i % len(PLACES)]
    return (f"Officials in {place} {VERBS[i % 5]} damage to {i + 3} buildings after the strike.\n"
            f"Residents of {place} spent the night in shelters as air defence units worked, "
            f"according to the {outlet} correspondent number {i}.")


def _corpus() -> pd.DataFrame:
    rows = []
    for i in range(20):
        body = _body(i, "fox")
        if i % 5 in (0, 2):  # 8 of 20 articles: 40%
            body += f"\n{FOX_APP}"
        if i in (3, 7, 11):  # a live-blog line carried by three articles
            body += f"\n{NEWS_LINE}"
        rows.append({"doc_id": f"fox{i}", "source": "Fox News", "title": f"Strike on {PLACES[i]} number {i}",
                     "text": body, "url": f"https://www.foxnews.com/world/{i}", "date": f"2022-0{1 + i % 6}-10"})
    for i in range(12):
        rows.append({"doc_id": f"ukr{i}", "source": "ukrinform.net",
                     "title": f"Grain exports resume from {PLACES[i]} port {i}",
                     "text": f"Ships left {PLACES[i]} with {i + 10} thousand tonnes of grain, "
                             f"the ministry said on day {i}" + (" — Ukrinform." if i == 5 else ". — Ukrinform."),
                     "url": f"https://www.ukrinform.net/rubric/{i}", "date": "2022-08-01"})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def cleaned() -> pd.DataFrame:
    return contrast.load_corpus(_corpus())


def test_planted_furniture_is_removed_and_recorded(cleaned):
    fox = cleaned[cleaned.source == "Fox News"]
    assert not fox.text.str.contains("FOX NEWS APP").any()
    planted = fox[fox.doc_id.isin([f"fox{i}" for i in range(20) if i % 5 in (0, 2)])]
    assert all(FOX_APP in json.loads(r) for r in planted.removed)
    table = hygiene.furniture_table(cleaned)
    row = table[(table.source == "Fox News") & (table.unit == FOX_APP)]
    assert len(row) == 1 and int(row.n_articles.iloc[0]) == 8


def test_recurring_news_line_is_kept(cleaned):
    fox = cleaned.set_index("doc_id")
    for i in (3, 7, 11):
        assert NEWS_LINE in fox.loc[f"fox{i}", "text"]
        assert NEWS_LINE not in json.loads(fox.loc[f"fox{i}", "removed"])


def test_news_line_in_40_percent_without_a_cue_is_kept():
    corpus = _corpus()
    line = "The Kremlin denied targeting civilians."
    mask = corpus.doc_id.isin([f"fox{i}" for i in range(8)])
    corpus.loc[mask, "text"] = corpus.loc[mask, "text"] + "\n" + line
    out = contrast.load_corpus(corpus)
    assert out.text.str.contains(line, regex=False).sum() == 8


def test_outlet_name_sentence_removed_inside_a_line(cleaned):
    ukr = cleaned[cleaned.source == "ukrinform.net"]
    assert not ukr.text.str.contains("Ukrinform").any()
    assert ukr.text.str.contains("the ministry said on day").all()  # the rest of the line stays


def test_other_outlet_untouched_by_furniture_of_another():
    corpus = _corpus()
    corpus.loc[corpus.doc_id == "ukr0", "text"] += f"\n{FOX_APP}"  # once at another outlet: not its furniture
    out = contrast.load_corpus(corpus)
    assert FOX_APP in out.set_index("doc_id").loc["ukr0", "text"]


def test_headline_tail_and_date_stamp_removed():
    rows = [{"source": "censor.net", "title": f"Shelling of {p}: two injured ({i + 10:02d}.05.22 12:3{i % 10}) "
                                              f"« War in Ukraine | Censor.NET",
             "text": f"{i + 10:02d}.05.22 12:3{i % 10} - Shelling of {p}: two injured. Rescuers worked "
                     f"at {i} sites in {p}. View news.", "url": f"https://censor.net/en/news/{i}"}
            for i, p in enumerate(PLACES[:10])]
    out = contrast.load_corpus(pd.DataFrame(rows))
    assert out.title[0] == "Shelling of Kharkiv: two injured"
    assert out.text[0] == "Shelling of Kharkiv: two injured\n\nRescuers worked at 0 sites in Kharkiv."
    removed = json.loads(out.removed[0])
    assert "(10.05.22 12:30) « War in Ukraine | Censor.NET" in removed and "View news." in removed


def test_hygiene_off_keeps_every_line():
    out = contrast.load_corpus(_corpus(), hygiene=False)
    assert out.text.str.contains(FOX_APP).sum() == 8
    assert "duplicate_of" not in out.columns


def test_evidence_offsets_hold_after_hygiene(cleaned):
    ev = contrast.extract(cleaned, cache=False, progress=False)
    text = cleaned.set_index("doc_id")["text"]
    assert len(ev) > 0
    for doc, s, e, span in zip(ev.doc_id, ev.start, ev.end, ev.span, strict=True):
        assert text[doc][int(s):int(e)] == span


def test_duplicate_flagged_and_counted_once_reprint_counted_per_outlet():
    corpus = _corpus()
    same = corpus[corpus.doc_id == "fox4"].iloc[0].to_dict()
    same.update(doc_id="fox_copy", text=same["text"] + " Updated.")
    reprint = corpus[corpus.doc_id == "fox8"].iloc[0].to_dict()
    reprint.update(doc_id="ukr_reprint", source="ukrinform.net", url=None)
    update = corpus[corpus.doc_id == "fox6"].iloc[0].to_dict()  # the same template, other numbers
    update.update(doc_id="fox6b", text=update["text"].replace("9 buildings", "12 buildings"))
    corpus = pd.concat([corpus, pd.DataFrame([same, reprint, update])], ignore_index=True)
    out = contrast.load_corpus(corpus).set_index("doc_id")
    assert out.loc["fox_copy", "duplicate_of"] == "fox4" and pd.isna(out.loc["fox_copy", "reprint_of"])
    assert out.loc["ukr_reprint", "reprint_of"] == "fox8" and pd.isna(out.loc["ukr_reprint", "duplicate_of"])
    assert pd.isna(out.loc["fox6b", "duplicate_of"]) and pd.isna(out.loc["fox6b", "reprint_of"])  # new figures
    assert out.duplicate_of.notna().sum() == 1 and out.reprint_of.notna().sum() == 1
    out = out.reset_index()
    listed = hygiene.duplicates_table(out)
    assert listed[["doc_id", "duplicate_of", "kind", "kept_source"]].values.tolist() == [
        ["fox_copy", "fox4", "same outlet", "Fox News"], ["ukr_reprint", "fox8", "other outlet", "Fox News"]]
    assert (listed.similarity >= 0.8).all()
    ev = contrast.extract(out, cache=False, progress=False)
    arts = contrast.articles(ev, out)
    assert "fox_copy" not in set(arts.doc_id) and "ukr_reprint" in set(arts.doc_id)
    assert len(arts) == len(out) - 1 and "duplicate_of" not in arts.columns


def test_deduper_streams_across_chunks():
    dd = hygiene.Deduper()
    text = " ".join(f"word{i}" for i in range(30))
    assert dd.add(["a"], [text]) == [(None, pytest.approx(float("nan"), nan_ok=True))]
    assert dd.add(["b", "c"], ["something else entirely different here now ok", text])[1][0] == "a"


def test_deduper_keeps_a_digest_per_exact_copy_not_its_words():
    dd = hygiene.Deduper(max_words=50)
    long_text = " ".join(f"w{i}" for i in range(5000))
    assert dd.add(["a"], [long_text])[0][0] is None
    key = hygiene._key64(hygiene._exact_key(5000, long_text.split()[:50]))
    assert dd._exact.lookup(np.array([key], dtype=np.int64)) == [[0]]  # a 64-bit digest, not 50 words
    assert dd.add(["b"], [long_text]) == [("a", 1.0)]  # the exact copy
    # the same first 50 words but a different length is not an exact copy (MinHash still decides)
    other = long_text + " extra"
    assert hygiene._exact_key(5001, other.split()[:50]) != hygiene._exact_key(5000, long_text.split()[:50])


def test_outlet_names_from_source_and_url():
    assert hygiene.outlet_names("bbc.co.uk", ["https://www.bbc.co.uk/news/1"]) >= {"bbc"}
    assert "fox" in hygiene.outlet_names("Fox News")
    urls = ["https://www.msnbc.com/a"] * 9 + ["https://www.today.com/b"]  # a sister site, now and then
    assert hygiene.outlet_names("msnbc.com", urls) == {"msnbc", "msnbc.com"}


def test_distinctive_words_leave_out_outlet_names_and_domains():
    corpus = pd.DataFrame({
        "source": ["ukrinform.net"] * 4 + ["Fox News"] * 4,
        "url": ["https://www.ukrinform.net/x"] * 4 + ["https://www.foxnews.com/y"] * 4,
        "text": ["Ukrinform reports shelling of Kharkiv by invaders."] * 4
                + ["Fox reports talks with the Kremlin, foxnews says."] * 4})
    kept = set(contrast.distinctive_words(corpus, min_count=1).word)
    assert {"ukrinform", "fox", "foxnews"}.isdisjoint(kept) and {"invaders", "kremlin"} <= kept
    assert {"ukrinform", "fox"} <= set(contrast.distinctive_words(corpus, min_count=1, drop_outlet_names=False).word)


def _ledes(n: int = 20) -> list[dict]:
    """An outlet whose ledes vary; the caller plants endings and labels."""
    return [{"doc_id": f"c{i}", "source": "censor.net", "title": f"Strike on {PLACES[i % 20]} number {i}",
             "text": f"Officials in {PLACES[i % 20]} {VERBS[i % 5]} damage to {i + 3} buildings overnight",
             "url": f"https://censor.net/en/news/{i}"} for i in range(n)]


def test_prompt_glued_after_varying_lede_is_removed():
    rows = _ledes()
    for i, r in enumerate(rows):
        if i % 5 in (0, 2):  # 8 of 20: "... overnight View article." (no full stop before the prompt)
            r["text"] += " View article."
    out = contrast.load_corpus(pd.DataFrame(rows)).set_index("doc_id")
    assert not out.text.str.contains("View article").any()
    assert out.loc["c0", "text"].endswith("damage to 3 buildings overnight")
    assert "View article." in json.loads(out.loc["c0", "removed"])
    table = hygiene.furniture_table(out)
    assert table.unit.tolist() == ["… View article."] and int(table.n_articles.iloc[0]) == 8


def test_recurring_news_phrase_ending_sentences_is_kept():
    rows = _ledes()
    phrase = "the regional governor Oleh Synehubov wrote on Telegram."
    for i, r in enumerate(rows):
        if i % 5 in (0, 2):  # 8 of 20 ledes end with the same attribution, with a cue word inside it
            r["text"] += f", {phrase}"
    out = contrast.load_corpus(pd.DataFrame(rows))
    assert out.text.str.endswith(phrase).sum() == 8
    assert hygiene.furniture_table(out).empty


def test_live_blog_label_removed_and_the_news_after_it_kept():
    rows = _ledes()
    for i, r in enumerate(rows):
        if i % 5 in (0, 2):
            r["title"] = f"Latest Ukraine updates: Shelling of {PLACES[i]} day {i}"
    out = contrast.load_corpus(pd.DataFrame(rows)).set_index("doc_id")
    assert out.loc["c0", "title"] == "Shelling of Kharkiv day 0"
    assert out.loc["c0", "text"].startswith("Shelling of Kharkiv day 0\n\nOfficials in Kharkiv")
    assert "Latest Ukraine updates:" in json.loads(out.loc["c0", "removed"])
    assert not out.title.str.contains("updates").any()


def test_news_label_without_a_cue_is_kept():
    rows = _ledes()
    for i, r in enumerate(rows):
        if i % 5 in (0, 2):  # a topical kicker, not furniture
            r["title"] = f"Russia-Ukraine war: Shelling of {PLACES[i]} day {i}"
    out = contrast.load_corpus(pd.DataFrame(rows))
    assert out.title.str.startswith("Russia-Ukraine war:").sum() == 8


def test_in_memory_and_streamed_learning_give_the_same_furniture():
    corpus = _corpus()
    extra = pd.DataFrame(_ledes())
    extra.loc[::2, "text"] += " View article."
    corpus = contrast.load_corpus(pd.concat([corpus, extra], ignore_index=True), hygiene=False)
    at_once = hygiene.learn_furniture(corpus).table
    chunks = (corpus.iloc[k:k + 7] for k in range(0, len(corpus), 7))
    streamed = hygiene.learn_furniture_sample(chunks).table
    assert len(at_once) >= 3
    pd.testing.assert_frame_equal(at_once, streamed)
    first = hygiene.learn_furniture_sample([corpus], per_outlet=5).table  # only the first 5 of each outlet
    assert first.n_articles.max() <= 5


def test_distinctive_words_leave_out_the_name_as_the_outlet_writes_it():
    corpus = pd.DataFrame({
        "source": ["aljazeera.com"] * 4 + ["msnbc.com"] * 4,
        "url": ["https://www.aljazeera.com/x"] * 4 + ["https://www.msnbc.com/y"] * 4,
        "text": ["Al Jazeera reports shelling of Kharkiv by invaders."] * 4
                + ["NBC News reports the news of talks with the Kremlin, NBC says."] * 4})
    # "news" inside "NBC News" names the outlet and is not counted (issue 14); "the news of talks" is a word
    kept = set(contrast.distinctive_words(corpus, min_count=1).word)
    assert {"al", "jazeera", "nbc"}.isdisjoint(kept) and {"invaders", "kremlin", "news"} <= kept


def test_a_long_body_is_learned_from_its_two_ends_only():
    """Furniture at the top and bottom of long pages is learned; the middle is not counted (bounded cost)."""
    from contrast.hygiene import BODY_ENDS, FurnitureLearner

    n = 2 * BODY_ENDS // 10  # short sentences (each a candidate unit), about twice the characters read
    middle = " ".join(f"Item {i} is news." for i in range(n))
    rows = [{"doc_id": f"d{i}", "source": "x", "title": None, "has_title": False,
             "text": f"JOIN US ON TELEGRAM!\nStory {i} opens here. {middle} Story {i} ends.\nSubscribe to our newsletter."}
            for i in range(6)]
    learner = FurnitureLearner().add(pd.DataFrame(rows))
    learned = learner.furniture()
    cleaned, _, removed = learned.clean(rows[0]["text"], None, "x")
    assert "JOIN US ON TELEGRAM!" in removed and "Subscribe to our newsletter." in removed
    assert "Story 0 ends." in cleaned
    counts = learner._outlets["x"]
    assert len(counts.soft) + len(counts.exact) < 0.8 * n  # the middle's sentences were not counted


def test_line_ends_read_from_the_end_equal_the_whole_split():
    """``_ends`` reads a line's last words only; the candidates equal those of splitting the whole line."""
    import random

    def whole(line: str, max_words: int = 6) -> list[str]:
        words = line.split()
        return [" ".join(words[-k:]) for k in range(2, min(max_words, len(words) - 1) + 1)
                if words[-k][:1].isupper() or words[-k][:1] in "—–-«\"“'‘("]

    rng = random.Random(0)
    vocab = ["View", "article.", "news", "—", "Ukrinform.", "the", "«Photo", "a" * 40, "X" * 300, "(AP)", " \n "]
    for _ in range(3000):
        line = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 300)))
        assert hygiene._ends(line) == whole(line)


# --------------------------------------------------------------------------- seen first on 2016 US coverage (PolNeAR)


def test_an_abbreviation_is_not_a_sentence_and_never_furniture():
    """ "Mr. Trump said" in every article once made "Mr." a ubiquitous unit, deleted 389 times from NYT text."""
    assert hygiene._sentences("Mr. Trump said no. Then Gen. Smith left. J. Doe came. He saw No. 5 win.") == [
        "Mr. Trump said no.", "Then Gen. Smith left.", "J. Doe came.", "He saw No. 5 win."]
    rows = [{"doc_id": f"n{i}", "source": "nyt", "title": f"Story {i} on {PLACES[i]}",
             "text": f"Mr. Trump spoke in {PLACES[i]} on day {i}. Mr. Cruz replied {i + 2} hours later."}
            for i in range(20)]
    out = contrast.load_corpus(pd.DataFrame(rows))
    assert out.text.str.count(r"Mr\. ").sum() == 40
    assert hygiene.furniture_table(out).empty


def test_a_headline_repeated_over_two_lines_or_with_its_quote_closed_is_removed_once():
    cases = [("Social sites overflow; Facebook activates tool",
              "Social sites overflow; \nFacebook activates tool.\n\nFacebook activated its tool on Friday."),
             ("McCain: Anger Appeals to ‘Bad Angels’", "McCain: Anger Appeals to ‘Bad Angels.’\n\nSenator McCain says no."),
             ("Head line", "Head line\n\nThe body goes on.")]
    for title, text in cases:
        out = contrast.load_corpus(pd.DataFrame([{"source": "a", "title": title, "text": text}]))
        body = out.text.iloc[0].split("\n\n", 1)[1]
        assert " ".join(title.split())[:12] not in " ".join(body.split()), out.text.iloc[0]
    # a body that is only the headline keeps it, and a headline that merely opens a longer line is not cut
    assert hygiene._repeated_headline("Head line.", "Head line") == 0
    assert hygiene._repeated_headline("Head lineX goes on", "Head line") == 0


def test_section_labels_social_prompts_and_notes_learned_as_furniture():
    note = ("Editor’s note: The candidate regularly incites political violence and has repeatedly pledged to "
            "do many things that a long note lists here at length, well over twenty-five words in all.")
    rows = []
    for i in range(20):
        body = _body(i, "hp")
        if i % 4 == 0:  # 5 of 20
            body = "LETTERS.\n" + body + f"\n{note}\nDo you support the candidate? Like the page:"
        rows.append({"doc_id": f"h{i}", "source": "huff-post", "title": f"Strike on {PLACES[i]} number {i}",
                     "text": body})
    rows += [{"doc_id": f"o{i}", "source": "other", "title": f"Other {PLACES[i]} {i}", "text": _body(i, "o")}
             for i in range(10)]
    out = contrast.load_corpus(pd.DataFrame(rows))
    hp = out[out.source == "huff-post"]
    for gone in ("LETTERS", "Editor’s note", "incites", "Like the page"):
        assert not hp.text.str.contains(gone).any(), gone
    assert hp.text.str.contains("Residents of").all()  # the news stays
    kinds = set(hygiene.furniture_table(out).kind)
    assert {"navigation", "note", "social"} <= kinds


def test_photo_credit_lines_and_embed_markup_are_not_text():
    text = ("Paul then interjected.\n\nScott Olson via Getty Images.\n\nGetty.\n\n(AP Photo/Evan Vucci)\n\n"
            "Trump fired back:\n\n<tweet tweet-id=\"667366217527767040\"><tweet/>.\n\nReuters reported 5 dead.")
    with pytest.warns(UserWarning, match="HTML tags stripped"):
        out = contrast.load_corpus(pd.DataFrame([{"source": "a", "text": text}]), hygiene=False)
    t = out.text.iloc[0]
    assert "Getty" not in t and "Vucci" not in t and "tweet-id" not in t
    assert "Reuters reported 5 dead." in t and "Paul then interjected." in t


def test_distinctive_words_need_several_articles_skip_links_and_know_the_joined_name():
    corpus = pd.DataFrame({
        "source": ["huff-post"] * 30 + ["nyt"] * 30,
        "text": [("HuffPost asked about girls in school. " + ("widgetfeatured " * 40 if i == 0 else "")
                  + "See https://www.example.com/path") for i in range(30)]
                + ["Mr. Smith spoke about coal and golf." for _ in range(30)]})
    words = contrast.distinctive_words(corpus)
    top = set(words[words.group == "huff-post"].nlargest(5, "z").word)
    assert "girls" in top and "widgetfeatured" not in set(words.word)
    assert {"huffpost", "https", "www", "example"}.isdisjoint(set(words.word))
    # min_articles=1 counts the one page again
    assert "widgetfeatured" in set(contrast.distinctive_words(corpus, min_articles=1).word)


def test_headline_tails_of_a_known_label_kind_go_whatever_their_wording():
    rows = [{"doc_id": f"b{i}", "source": "bbc", "title": f"Ukraine round-up: Strike on {PLACES[i]} number {i}",
             "text": _body(i, "bbc")} for i in range(20)]
    tails = ["Ukraine war daily round-up", "Ukraine daily round-up", "round-up"]
    rows += [{"doc_id": f"t{i}", "source": "bbc", "title": f"Fighting in {PLACES[i]} and talks: {tails[i % 3]}",
              "text": _body(i, "bbc")} for i in range(3)]
    rows += [{"doc_id": f"o{i}", "source": "other", "title": f"Fighting in {PLACES[i]}: what we know",
              "text": _body(i, "o")} for i in range(10)]
    out = contrast.load_corpus(pd.DataFrame(rows)).set_index("doc_id")
    for i in range(3):
        assert "round-up" not in out.loc[f"t{i}", "text"] and out.loc[f"t{i}", "title"].startswith("Fighting in")
    assert out.loc["o0", "title"] == "Fighting in Kharkiv: what we know"  # no label kind learned there


# --------------------------------------------------------------------------- issue 14: credits, datelines, prompts,
# outlets named in the text when ``source`` is a country


def _country_corpus() -> pd.DataFrame:
    rows = []
    for i in range(20):
        place = PLACES[i % len(PLACES)]
        body = f"{place.upper()}, {i + 1} May (BelTA) – Officials in {place} {VERBS[i % 5]} a meeting on day {i}, BelTA has learned."
        body += f"\nThe ministers of {place} spoke about grain and border crossings number {i}."
        if i % 2 == 0:  # 10 of 20: a credit line with varying initials
            body += f"\nAuthor/author: {'ABCDEFGHIJ'[i % 10]}K/{'QRSTUVWXYZ'[i % 10]}M"
        if i % 4 == 1:  # 5 of 20: the same label, another wording ("Source: ..."), varying agencies
            body += f"\nSource: {['PAP', 'tvn24.pl, PAP', 'PAP, Reuters', 'Gazeta.pl', 'PAP'][i // 4]}"
        if i % 3 == 0:  # 7 of 20: a related-video teaser with a varying title
            body += f"\nSee the video {place} residents rebuild their homes after winter {i}"
        if i % 3 == 1:  # 7 of 20: a pointer to the outlet's main page in varying words
            body += f"\n{['More news', 'More information', 'You can read more'][(i // 3) % 3]} about {place} on Gazeta.pl's main page."
        if i in (4, 9, 14):  # a news line in three articles that names an outlet and carries a cue word
            body += "\nThe mayor told Fox News that residents should see the video of the strike before judging."
        rows.append({"doc_id": f"pl{i}", "source": "PL", "text": body, "date": "2022-05-01"})
    for i in range(10):
        rows.append({"doc_id": f"us{i}", "source": "US", "date": "2022-05-01",
                     "text": f"Troops in {PLACES[i]} moved east on day {i}, a senior official told Fox News Digital.\n"
                             f"The official said the convoy carried {i + 4} trucks of fuel."})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def country() -> pd.DataFrame:
    return contrast.load_corpus(_country_corpus())


@pytest.mark.parametrize("line, gone", [
    ("Author/author: AK/QM", True),  # a learned credit label: the whole short line goes
    ("Source: tvn24.pl, PAP", True),  # another credit label of the same outlet, in fewer articles
    ("See the video Kharkiv residents rebuild their homes after winter 0", True),  # a learned opener
    ("More news about Odesa on Gazeta.pl's main page.", True),  # a call to act naming a news outlet
    ("The ministers of Lviv spoke about grain and border crossings number 2.", False),  # news
    ("The mayor told Fox News that residents should see the video of the strike before judging.", False),
])
def test_credit_lines_openers_and_outlet_pointers_are_learned(country, line, gone):
    removed = [u for r in country[country.source == "PL"].removed for u in json.loads(r)]
    text = "\n".join(country[country.source == "PL"].text)
    assert (line in removed) is gone
    assert (line in text) is not gone or line not in "\n".join(_country_corpus().text)


def test_agency_dateline_is_stripped_and_the_story_kept(country):
    pl0 = country[country.doc_id == "pl0"].iloc[0]
    assert pl0.text.startswith("Officials in Kharkiv reported a meeting on day 0, BelTA has learned.")
    assert "KHARKIV, 1 May (BelTA) –" in json.loads(pl0.removed)
    table = hygiene.furniture_table(country)
    assert {"dateline", "credit"} <= set(table[table.source == "PL"].kind)


def test_a_dateline_in_few_articles_is_kept():
    rows = [{"source": "A", "text": f"Story {i} about the war in the east, said an official in town {i}."} for i in range(20)]
    rows[3]["text"] = "NATO (North Atlantic Treaty Organization) – allies met in Brussels on Monday."
    out = contrast.load_corpus(pd.DataFrame(rows))
    assert out.text[3].startswith("NATO (North Atlantic")


def test_outlets_named_in_the_text_are_not_distinctive_words_but_stay_in_the_text(country):
    words = contrast.distinctive_words(country, min_count=1)
    assert not {"belta", "learned", "fox", "digital", "pap", "tvn", "gazeta", "pl"} & set(words.word)
    kept = contrast.distinctive_words(country, min_count=1, drop_outlet_names=False)
    assert {"belta", "fox", "digital"} <= set(kept.word)
    assert country.text.str.contains("Fox News Digital").sum() == 10  # the sentence stays, the outlet a speaker


@pytest.mark.parametrize("text, found", [
    ("MINSK, 26 February (BelTA) – Belarus is ready, BelTA has learned.", ["BelTA", "BelTA has learned"]),
    ("Source: tvn24.pl, PAP", ["tvn24.pl", "PAP"]),
    ("More on Gazeta.pl's main page", ["Gazeta.pl's"]),
    ("RUSSIAN MILITARY: FOX NEWS CONTRIBUTOR", ["FOX NEWS"]),
    ("a fox ran past the news desk; the guardian angel", []),  # common words, not names
    ("The attack came.By the evening, U.S. officials e.g. said so", []),  # no domain
    ("News from Ukraine.In the east", []),
])
def test_media_mentions_table(text, found):
    from contrast.stats import media_mentions

    assert media_mentions(text) == found


@pytest.mark.parametrize("line, gone", [
    ("skip past newsletter promotion Sign up to Afternoon Update Free daily newsletter Our update breaks down the "
     "key stories Enter your email address Sign up Privacy Notice: Newsletters may contain info. For more "
     "information see our Privacy Policy . after newsletter promotion", True),
    ("Thank you for being with us.Sign up for Onet's newsletter to receive the most valuable content from us.", True),
    ("You’re reading an excerpt from the Today’s WorldView newsletter. Sign up to get the rest free, sent to your "
     "inbox every weekday.", True),
    ("GET OUR FREE ROYAL NEWSLETTER • Sign up to CNN’s Royal News, a weekly dispatch on the royal family.", True),
    ("Ukraine's major western allies have yet to sign up to establish a tribunal, officials said.", False),
    ("The Kremlin's newsletter was closed. Subscribers in Moscow said they would sign up elsewhere.", False),
    ("Thank you, he said. Finland will sign up to the treaty, and its privacy policy debate goes on.", False),
])
def test_sign_up_forms_whose_wording_varies_are_boilerplate(line, gone):
    from contrast.corpus import clean_text

    text, removed, _ = clean_text(f"A story about the war.\n{line}\nMore of the story.")
    assert (line in removed) is gone and (line in text) is not gone


def test_an_outlets_repeated_page_counts_once_in_distinctive_words():
    widget = "Newsletter As news happens\nBy submitting your email, you agree to our Terms. You can opt out at any time."
    rows = [{"source": "US", "text": widget, "doc_id": f"w{i}"} for i in range(6)]
    rows += [{"source": "US", "text": f"Troops moved near Kharkiv on day {i}, officials said about the convoy.",
              "doc_id": f"u{i}"} for i in range(6)]
    rows += [{"source": "GB", "text": f"Ministers in London debated defence spending on day {i} of the session.",
              "doc_id": f"g{i}"} for i in range(6)]
    corpus = contrast.load_corpus(pd.DataFrame(rows), id_col="doc_id")
    assert corpus.duplicate_of.notna().sum() == 5  # five copies of the first page
    words = set(contrast.distinctive_words(corpus).word)  # default: words in at least 3 articles
    assert not {"newsletter", "submitting", "opt"} & words and {"troops", "ministers"} <= words


def _datasketch_deduper_reference(doc_ids, texts, *, threshold=0.8, num_perm=64, seed=1, max_words=2000):
    """The near-duplicate finder as it was written on datasketch's MinHashLSH (for the equivalence test).

    Returns, per article, ``(duplicate_of, similarity, the equally best candidates)``.
    """
    import itertools

    from datasketch import MinHash, MinHashLSH

    lsh, hashes, numbers_of, exact_of = MinHashLSH(threshold=threshold, num_perm=num_perm), {}, {}, {}
    out = []
    for doc, text in zip(doc_ids, texts, strict=True):
        found = hygiene._WORDS.finditer(text)
        words = [m.group().lower() for m in itertools.islice(found, max_words)]
        n_words = len(words) + sum(1 for _ in found)
        if len(words) < 8:
            out.append((None, None, set()))
            continue
        mh = MinHash.bulk([hygiene._shingles(words, 3)], num_perm=num_perm, seed=seed)[0]
        exact = hygiene._exact_key(n_words, words)
        if exact in exact_of:
            out.append((exact_of[exact], 1.0, {exact_of[exact]}))
            continue
        numbers = frozenset(w for w in words if w[0].isdigit())
        sims = {c: float(mh.jaccard(hashes[c])) for c in lsh.query(mh) if numbers_of[c] == numbers}
        sims = {c: j for c, j in sims.items() if j >= threshold}
        if sims:
            best = max(sims.values())
            ties = {c.split("\x1f")[0] for c, j in sims.items() if j == best}
            out.append((min(ties), best, ties))
            continue
        key = doc if doc not in hashes else f"{doc}\x1f{len(hashes)}"
        lsh.insert(key, mh)
        hashes[key], numbers_of[key], exact_of[exact] = mh, numbers, doc
        out.append((None, None, set()))
    return out


def test_deduper_finds_what_datasketchs_lsh_found(monkeypatch):
    """The compact finder (one array of MinHash values, an integer per band) gives datasketch's answers."""
    import random

    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(400)] + [str(n) for n in range(30)]
    base = [" ".join(rng.choice(vocab) for _ in range(rng.randint(20, 80))) for _ in range(150)]
    texts, ids = [], []
    for i in range(450):
        t = base[rng.randrange(len(base))].split()
        r = rng.random()
        if r < 0.3:
            t = [w for w in t if rng.random() > 0.04]  # a near copy
        elif r < 0.45:
            t = [*t[:5], "17", *t[5:]]  # another number: never a duplicate of the original
        elif r < 0.6:
            t = t[: max(8, int(len(t) * 0.9))]
        elif r < 0.7:
            t = t[:5]  # too short to compare
        texts.append(" ".join(t))
        ids.append(f"d{i}" if i % 40 else "again")  # a repeated doc_id among them
    want = _datasketch_deduper_reference(ids, texts)
    dd = hygiene.Deduper()
    got = [r for k in range(0, len(texts), 60) for r in dd.add(ids[k:k + 60], texts[k:k + 60])]
    monkeypatch.setattr(hygiene, "_ADD_BATCH", 7)  # one call, read in batches: the same answers
    def plain(res):
        return [(d, None if j != j else j) for d, j in res]  # NaN as None: comparable

    assert plain(hygiene.Deduper().add(ids, texts)) == plain(got)
    assert sum(w[0] is not None for w in want) > 100  # near copies, exact copies and new articles
    assert sum(w[0] is None for w in want) > 100
    for (dup, sim), (w_dup, w_sim, ties) in zip(got, want, strict=True):
        if w_dup is None:
            assert dup is None
        else:
            assert sim == w_sim and dup in ties
