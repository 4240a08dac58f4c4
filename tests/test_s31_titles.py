"""Session 31: title acronyms (PM, FM), deputy heads of government, the Pope, "the alliance", and a
first person chained by the attribution reader (role_nouns v9, affiliation_words v14,
attribution_nouns v4, affiliation_aliases v18)."""
import pandas as pd
import pytest

from contrast.extract import extract_text

#: text, speaker, expected (affiliation, role, side)
CASES = [
    ("The Ukrainian PM said the grid was damaged.", "The Ukrainian PM",
     ("UA", "head_of_state_or_government", "Ukraine")),
    ("Ukrainian PM Denys Shmyhal said the grid was damaged. The PM added that repairs were under way.",
     "The PM", ("UA", "head_of_state_or_government", "Ukraine")),
    ("The Polish FM said talks were needed.", "The Polish FM", ("PL", "minister_or_official", "West")),
    ("Deputy Prime Minister Iryna Vereshchuk said evacuation continued.",
     "Deputy Prime Minister Iryna Vereshchuk", ("UA", "minister_or_official", "Ukraine")),
    ("Ukraine's deputy prime minister said evacuation continued.", "Ukraine's deputy prime minister",
     ("UA", "minister_or_official", "Ukraine")),
    ("The Pope said the war must end.", "The Pope", ("VA", "head_of_state_or_government", "other")),
    ("The pontiff said the war must end.", "The pontiff", ("VA", "head_of_state_or_government", "other")),
    ("NATO said it would not intervene. The alliance said it would help Ukraine.", "The alliance",
     ("NATO", "ngo_or_international", "West")),
    # a dash quotation (Polish and Ukrainian outlets): the "I" inside is the president's
    ('"We will strengthen our presence," Biden declared.\n\n- The invasion is possible - said the US '
     'president\n\n- I do not provoke, I tell the truth - argued the US president', "I",
     ("US", "head_of_state_or_government", "West")),
]


@pytest.mark.parametrize("text,speaker,want", CASES)
def test_titles(text, speaker, want):
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    r = ev[ev["speaker"] == speaker].iloc[0]
    assert (r["affiliation"], r["role"], r["actor"]) == want


@pytest.mark.parametrize("text,speaker", [
    # no state, no home: the acronym gives the role only
    ("The FM said talks were needed.", "The FM"),
    # no international body named before: "the alliance" refers back to none
    ("The alliance said it would field candidates.", "The alliance"),
])
def test_titles_without_state(text, speaker):
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    r = ev[ev["speaker"] == speaker].iloc[0]
    assert pd.isna(r["affiliation"]) or r["affiliation"] == ""


def test_first_person_outside_quotes_and_unchained_stays_empty():
    # a speech printed with no speaker chained: the "I" is nobody's
    ev = extract_text("I tell the truth, and I say it plainly.", doc_id="x", headline=False,
                      families=["attribution"])
    assert (ev["affiliation"].fillna("") == "").all()


#: headline or lede, speaker, expected (affiliation, role, side): people.tsv v2, the envoy's title
#: before "to", military ranks and "Sir"
MORE = [
    ("Ukrainian army hits five enemy tanks near Kyiv - Denysenko", "Denysenko",
     ("UA", "minister_or_official", "Ukraine")),
    ("Andryushchenko: occupiers are deporting residents of Mariupol", "Andryushchenko",
     ("UA", "local_official", "Ukraine")),
    ("Currently no signs of strike groups in Belarus – Yenin", "Yenin", ("UA", "minister_or_official", "Ukraine")),
    ("Kyslytsya slams UN Security Council for its impotence", "Kyslytsya", ("UA", "diplomat", "Ukraine")),
    ("Ukraine's Permanent Representative to the UN Sergiy Kyslytsya has said that Russia should be judged.",
     "the UN Sergiy Kyslytsya", ("UA", "diplomat", "Ukraine")),
    ("Permanent Representative of Ukraine to the UN Sergiy Kyslytsya has criticized the Security Council.",
     "the UN Sergiy Kyslytsya", ("UA", "diplomat", "Ukraine")),
    ("Russia's Permanent Representative to the UN Vasily Nebenzya said the West lied.",
     "the UN Vasily Nebenzya", ("RU", "diplomat", "Russia")),
    ("Adm Sir Tony Radakin said Russia had lost a quarter of its army.", "Adm Sir Tony Radakin",
     ("GB", "military", "West")),
    ("Gen Sir Patrick Sanders said the army must prepare.", "Gen Sir Patrick Sanders", ("GB", "military", "West")),
]


@pytest.mark.parametrize("text,speaker,want", MORE)
def test_people_envoys_ranks(text, speaker, want):
    ev = extract_text(text, doc_id="x", headline=True, families=["attribution"])
    r = ev[ev["speaker"] == speaker].iloc[0]
    assert (r["affiliation"], r["role"], r["actor"]) == want


def test_un_envoy_of_another_body_stays_the_bodys():
    # no state before "to": the speaker is the body's own
    ev = extract_text("The head of the UN mission to Ukraine Matilda Bogner said 1,000 civilians died.",
                      doc_id="x", headline=False, families=["attribution"])
    assert (ev["affiliation"].fillna("") != "UA").all()


@pytest.mark.parametrize("text,want", [
    ("Pieskow said the talks failed.", ("RU", "spokesperson", "Russia")),
    ("Ławrow said the West lied.", ("RU", "minister_or_official", "Russia")),
    ("Łukaszenko said Belarus would not join the war.", ("BY", "head_of_state_or_government", "Belarus")),
])
def test_polish_spellings(text, want):
    # Polish outlets' English pages keep the Polish transliteration (name_key reads it as the English)
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    r = ev.iloc[0]
    assert (r["affiliation"], r["role"], r["actor"]) == want


@pytest.mark.parametrize("text,want", [
    # two lower-case titles joined by "and", an epithet among them: the later surname takes the state
    ("The arrest of former Russian officer and ardent ultranationalist Igor Girkin on July 21 may be a sign. "
     "Girkin claimed that the war was lost.", ("RU", "Russia")),
    ("Retired US general Ben Hodges visited Kyiv. Hodges said Ukraine could win.", ("US", "West")),
])
def test_epithets_in_titles(text, want):
    ev = extract_text(text, doc_id="x", headline=False, families=["attribution"])
    r = ev.iloc[-1]
    assert (r["affiliation"], r["actor"]) == want


def test_and_between_names_is_no_title():
    # "and" after a name, not a lower-case title: the first person's state is not the second's
    ev = extract_text("Russian President Vladimir Putin and Jan Kowalczyk met. Kowalczyk said the talks failed.",
                      doc_id="x", headline=False, families=["attribution"])
    assert (ev["affiliation"].fillna("").iloc[-1]) != "RU"


def test_name_key_merges_no_two_people():
    # the Polish readings of name_key merge spellings of one person only (docs/affiliation-validity.md)
    from importlib import resources

    from contrast.affiliation import name_key

    t = pd.read_csv(resources.files("contrast") / "lexicons" / "people.tsv", sep="\t", comment="#",
                    dtype=str, keep_default_na=False)
    owners: dict[str, set[str]] = {}
    for name, variants, short in t[["name", "variants", "short"]].itertuples(index=False):
        for form in [name, *variants.split("|"), *short.split("|")]:
            if form.strip():
                owners.setdefault(name_key(form.strip()), set()).add(name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
