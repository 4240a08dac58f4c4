"""Validity of speaker affiliation, role and side against hand annotation of real war coverage.

Data: ``../shared/eval/corpora/ruwa_headlines.csv`` (RUWA, Khairova et al.: headlines
and ledes of nine outlets, 2021-2022), read relative to the repository root;
skips cleanly when absent. Each story's text is its title and description joined
by a newline (the title is the headline).

The sample (``benchmarks/affiliation_sample.csv``) holds only ids, offsets and
labels, never the texts: ``doc_id`` (the story URL), ``half`` (``dev``, ``heldout``,
``heldout2``, ``heldout3``, ``heldout4``, ``heldout5`` or ``heldout6``; ``heldout_cf`` .. ``heldout_cf5`` for the second corpus below; ``polnear_dev``), ``start, end`` (the speaker span a reader marks, offsets into the
story text), ``affiliation``, ``role``, ``side`` (empty where a careful reader of
the story cannot tell; the side is the affiliation through the default side map).

How it was drawn (``python benchmarks/validity_affiliation.py --draw HALF N SKIP``
prints the stories): the stories with a reporting cue (a regular expression over
said/says/told/according to/claims/warns/accuses/denies/announces/reports/
states/urges/confirms/believes/insists/adds, or a headline colon), one row per
URL, are split into halves by the last hex digit of ``sha256("affil13:" + url)``
(even: dev, odd: held-out), ordered by that hash, and the first N stories of
each outlet after SKIP are taken, so all nine outlets are represented. Every
source of a report a reader would mark in those stories (speech, statements,
findings, headline colons and dashes, not outlet bylines such as
"— Ukrinform.") was annotated by reading the story alone, with the general
knowledge a careful news reader has (who Zelensky or Macron is). The dev half
was read while writing the rules; the held-out half was annotated before
contrast was run on it and was not used to change any rule.

A second RUWA held-out set, ``heldout2`` (drawn 2026-12-02, after the first two
held-out sets had been measured, so that a claim rests on data no rule has met):
``--draw heldout 8 12``, i.e. the stories 13-20 of each outlet in the held-out
hash order, after the 12 per outlet of ``heldout`` (no story in both; TASS has
only nine held-out stories with a cue, so it has none here). Its 60 speakers in
62 stories were annotated by reading the stories alone, the same way, before
contrast's affiliation was run on them; it is measured once, at the end of the
work, and no rule was changed after.

A third RUWA held-out set, ``heldout3`` (drawn 2026-12-02 by engineer 13 of
session 20, before any of that session's affiliation rules were written):
``--draw heldout 8 20``, the stories 21-28 of each outlet in the held-out hash
order, after those of ``heldout`` and ``heldout2`` (no story in more than one;
NBC and TASS have no held-out stories left, so seven outlets, 56 stories).
Its 40 speakers were annotated by reading the stories alone, the same way,
before contrast's affiliation was run on them; it was measured once, at the
end of that session's work (no rule changed after): side coverage 0.615
(0.590 before the session's rules), coverage of found speakers 0.828, side
accuracy 1.000, affiliation accuracy 0.958, attribution recall 0.750 (under
its 0.80 target). The session's rules were written on the errors of ``dev``,
``heldout``, ``heldout2`` and ``heldout_cf``, all measured before and so seen.

A held-out set from another war and other outlets: five whole
articles of the 2014 crisis (``../shared/eval/conflict_framing``, Faerber et
al. 2020: articles 0, 1, 7, 9, 10; an article's text is its sentences, one per
line), every source in them annotated the same way before contrast was run on
them; it tests the reading across sentences (pronouns, later surnames, "the
defense minister"). A second such set, ``heldout_cf2``, drawn and annotated with
``heldout3`` before that session's rule changes: the first five articles not
used before in the order of their number (12, 13, 15, 19, 20); 12 and 19 have no
source of a report (a police non-statement, a government order's text), so its
28 speakers are in articles 13, 15 and 20. Measured once at the end of session
20: side coverage 0.808 (0.808 before), side and affiliation accuracy 1.000,
attribution recall 0.893.

A fourth RUWA held-out set, ``heldout4``, and a third 2014 set, ``heldout_cf3`` (drawn
2026-12-02 by engineer 13b of session 20, after ``heldout3`` and ``heldout_cf2`` had been
measured and become seen, and before any of that engineer's rule changes):
``--draw heldout 8 28``, the stories 29-36 of each outlet in the held-out hash order (no
story in an earlier set; seven outlets, 56 stories, 64 speakers; stories whose only source
is in the URL, such as censor.net's "..._budanov", have none); and the 2014 articles not
used before, in the order of their number, up to the fifth that has a source of a report:
24, 25, 27, 30, 31, 34, 35, 37, of which 25 (a "people's governor" orders a referendum),
30 and 31 (one-line headlines) have none, so its 30 speakers are in 24, 27, 34, 35 and 37.
Both were annotated by reading the stories alone, the same way, before contrast's
affiliation was run on them. They were measured at commit 3dd318b, before that
engineer's coverage rules (figures seen, errors never), and again at the end, at 9256cef,
with the same values: ``heldout4`` attribution recall 0.8125, side coverage 0.667,
coverage of found 0.816, side accuracy 1.000, affiliation accuracy 0.975; ``heldout_cf3``
recall 0.967, side coverage 0.821, side and affiliation accuracy 0.913.

A fifth RUWA held-out set, ``heldout5``, and a fourth 2014 set, ``heldout_cf4`` (drawn
2026-12-02 by engineer 13 of session 21, after ``heldout4`` and ``heldout_cf3`` had been
measured and become seen): ``--draw heldout 8 36``, the stories 37-44 of each outlet in the
held-out hash order (seven outlets, 56 stories, 55 speakers; stories with no source, such as
round-ups, live-blog titles, transcripts' guest lists, or a source only in the URL, have none);
and the 2014 articles after 37 in the order of their number and below 51 (51 onwards are another
engineer's): 38, 40, 42 and 43, all with sources, 39 speakers (the Visegrad foreign ministers'
joint statement, 42, is left without an affiliation: no single country; article 8, never used,
lies before the earlier sets' range and was not taken). Both were annotated by reading the stories
alone, the same way, and committed (2bda3b9) before contrast's affiliation was run on them; they
were measured once, at that commit's rules (no rule changed in that session, before or after):
``heldout5`` attribution recall 0.818, side coverage 0.780 (baseline 0.560), coverage of found
0.951, side accuracy 0.949, affiliation accuracy 0.949, role accuracy 0.927; ``heldout_cf4``
recall 0.744, side coverage 0.559 (baseline 0.441), coverage of found 0.792, side and
affiliation accuracy 0.947, role accuracy 0.391.

A sixth RUWA held-out set, ``heldout6``, and a fifth 2014 set, ``heldout_cf5`` (drawn
2026-12-03 by engineer 13 of session 23, after ``heldout5`` and ``heldout_cf4`` had been
measured and become seen, and before any of that engineer's rule changes): ``--draw heldout 8 44``,
the stories 45-52 of each outlet in the held-out hash order (seven outlets, 56 stories, 52
speakers; round-ups, timelines, photo and video captions and other stories with no source of a
report have none); and the 2014 articles 56, 57, 59, 60, 61, 62 and 64 (the ones of 51-64 not
used by another engineer), all with sources, 93 speakers. Residents, activists and rebels were
read as the texts place them: a pro-Ukraine rally's speakers in Simferopol and a Kiev activist as
UA, a pro-Russia rally's speaker (who wants Crimea in Russia) and a Donetsk labourer left without
an affiliation, the Donetsk rebels' commanders and officials as RU (Russian-installed, as for
the DPR in the earlier sets); Russian critics and their NGO (Navalny, a Moscow-based journalist,
the Soldiers' Mothers Committee's spokesman) as RU, the country they belong to; a lawyer or
analyst whose country the text does not give, and a meeting of several states' leaders, without
one. Both were annotated by reading the stories alone, the same way, and committed before
contrast's affiliation was run on them; they were measured once, at the end of that engineer's
work (commit c318495; no rule changed after), and beside it with the rules of the branch's start
(98756d8, the same sample): ``heldout6`` attribution recall 0.885 (0.865 at the start), side
coverage 0.765 (0.745; baseline without the affiliation step 0.529), coverage of found 0.867,
side and affiliation accuracy 1.000, role accuracy 0.946; ``heldout_cf5`` recall 0.935 (0.935),
side coverage 0.436 (0.436; baseline 0.231), coverage of found 0.472, side accuracy 0.588 and
affiliation accuracy 0.529 (the same at the start: both under target), role accuracy 0.667. The
errors read after that measurement: ten of article 60's Merkel mentions ("Chancellor Angela
Merkel", "the Chancellor") are read as Ukraine's, because Merkel is not in ``lexicons/people.tsv``
(it lists the office holders of 2014 and 2022-2024 only partly) and a titled name without a state
is placed by its sentence, which names Ukraine as the other party ("assuring the Ukrainian
government ... support"); rebels, advisers and critics introduced without a state in their own
phrase (Strelkov, Khodakovsky, Boroday, Glazyev after "a senior adviser to Russian President
Vladimir Putin", Navalny) get none; the "A senior adviser to ... Putin" span is cut to Putin.
Engineer 13b of session 23 then wrote rules on those errors (all sets seen, no new set drawn; a
rule that fired on no other set is checked only by its tests): ``lexicons/people.tsv`` gained the
2014-2021 office holders of the G7 states and Poland and of the EU, NATO and UN, and 2022-2024
heads and foreign ministers of further NATO/EU states, each row group with its public source; a
titled name without a state takes its sentence's one state only from a clause's subject (not
after an auxiliary or copula), never outside the states a title such as "chancellor" belongs to,
and the headline's state only in the headline or lede; demonym nouns ("the Briton"); a full name
right after an unnamed titled speaker is that speaker ("the prime minister of the Donetsk
People's Republic ... Alexander Boroday said"), and "a senior adviser to Russian President
Vladimir Putin" speaks, not Putin; a dash source touching its dash ("-U.S. official").
``heldout_cf5``: side accuracy 0.588 -> 0.929, affiliation accuracy 0.529 -> 0.881, side coverage
0.436 -> 0.538, role accuracy 0.667 -> 0.712 (a new error: a "he" after Glazyev that is
Yanukovych, read as the last speaker); ``heldout6``: recall 0.885 -> 0.904, side coverage 0.765 -> 0.824
(accuracy 1.000); ``heldout_cf``: side coverage 0.900 -> 0.867 (a named person no longer placed
by a far headline; accuracy 1.000); PolNeAR dev: side coverage 0.351 -> 0.514, affiliation accuracy
0.615 -> 0.947, role accuracy 0.786 -> 0.583 (Trump as head of state in 2016 coverage, when he was a
candidate: the people file has no dates the reading uses); every other set unchanged.

A sample of another domain, for accuracy: ``polnear_dev``, 40 speakers of PolNeAR's 2016
US election coverage (``../shared/eval/attribution/polnear``; an article's text is its
headline, a newline and its text, as ``benchmarks/us_election_corpus.py`` builds them): the
dev articles ordered by ``sha256("affil13:polnear:" + doc_id)``, the first ten, and in
each the first (up to five) sources of a report in text order. It is seen: the rules
against foreign affiliations for Americans were written on PolNeAR's errors.

Whole articles no rule was written on: ``ukwar_heldout`` (drawn 2026-12-03, session 23), 125
speakers in 25 articles of the five-country war corpus of ``benchmarks/ukwar_corpus.py`` (447
English articles of Belarusian state media, UK, Polish, Ukrainian and US outlets, 2022-2024, the
coverage issue 13 was filed from): its held-out half, the articles of each country ordered by
``sha256("affil13:ukwar:" + doc_id)`` after dropping exact copies and texts under 400 characters,
the first five per country, and in each the first (up to six) sources of a report in text order
(pronouns included). An annotator who saw no rule and did not run contrast marked them from the
articles alone (116 with an affiliation a reader can tell). ``ukwar_dev``: the same draw from the
dev half. The texts are read from the CSV named by ``CONTRAST_UKWAR`` (build it with that script
from the public JSON); without it these sets are skipped. First measured on main at 2e61963
(before any rule of session 23): ``ukwar_heldout`` attribution recall 0.768, side coverage 0.612
(baseline 0.310), coverage of found 0.798, side and affiliation accuracy 0.958, role accuracy 0.800.
``ukwar_dev`` (138 speakers, 129 tellable; annotated the same way by another annotator pass) was
first measured at 37fbfb0 (session 23's issue-13 and issue-15 rules merged, none written on it):
recall 0.761, side coverage 0.605 (baseline 0.256), coverage of found 0.788, side and affiliation
accuracy 0.910, role accuracy 0.871; ``ukwar_heldout`` there: unchanged from 2e61963. After the second
issue-13 branch of that session was merged (c367aa8) it fell to side coverage 0.589 and side
accuracy 0.895; its errors were then read (so ``ukwar_dev`` is seen from here): two of that
branch's rules, written on ``heldout_cf5``, lost four right sides of BelTA's officials, and were
taken out (c2497fd): ``ukwar_dev`` side coverage 0.620, side and affiliation accuracy 0.900;
``ukwar_heldout`` unchanged at every step (recall 0.768, side coverage 0.612, accuracy 0.958).

``ukwar_heldout2`` (drawn 2026-12-03, session 24, before any of that session's rules): the same
held-out half and hash order, after dropping exact copies and texts under 400 characters, the articles
6-11 of each country (six per country, 30 articles, none in another set); two annotators who saw no
rule and did not run contrast marked the first (up to six) sources of a report in each, from the
article alone (158 speakers, 139 with an affiliation a reader can tell). First measured on main at
07368a2, before the session's rules: recall 0.798, side coverage 0.662 (baseline 0.302), coverage of
found 0.860, side accuracy 0.913, affiliation accuracy 0.891, role accuracy 0.865.

Each story is read with its date where its corpus gives one (RUWA, PolNeAR and the five-country
corpus do; the 2014 articles do not), as ``contrast.extract`` reads a corpus's ``date`` column: the
roles of office holders of ``lexicons/people.tsv`` are those of the office held then (from session 24;
before, no date was passed and a person always had the role of the file's one row).

Engineer 13 of session 24 wrote rules on the errors of found speakers of ``ukwar_dev`` (all sets
but ``ukwar_heldout`` seen; no new set drawn): an article's home state for national offices named
without a state (its dateline's capital, else its speakers' clear majority), bodies with a name of
their own, the role nouns of a known office holder's office ("the president"), "its" and first-person
speakers, a title's "deputy" and legislative chambers, name particles and surnames written first,
nationality adjectives of the story's people, a church title's state elsewhere, and roles by the
article's date (see ``contrast/affiliation.py``). From the branch's start (07368a2) to its end, with
CONTRAST_UKWAR set: ``ukwar_dev`` side coverage 0.620 -> 0.721, coverage of found 0.808 -> 0.939, side
and affiliation accuracy 0.900 -> 0.989, role accuracy 0.874 -> 0.969; ``polnear_dev`` role accuracy
0.583 -> 0.708; ``heldout`` side coverage 0.826 -> 0.816 (a wrong "he" now empty), side accuracy 0.978 ->
0.989; every other seen set's sides unchanged (``heldout_cf5`` side accuracy 0.867 at both ends, under
target). ``ukwar_heldout``, measured once at the end (no rule changed after) and at the start commit:
attribution recall 0.768 (0.768), side coverage 0.603 (0.612), coverage of found 0.786 (0.798), side and
affiliation accuracy 0.943 (0.958), role accuracy 0.838 (0.812): the rules written on the dev half did
not carry over to the held-out half's sides.

Engineer 13 of session 25 wrote rules only for error classes that ``ukwar_dev`` and ``ukwar_heldout`` (seen from
that session) both show, or that recur across the dev half's other articles, and kept a rule only where it
helped on the set it was not found on (the dev half's 196 articles outside the sample were read row by row
for that): a mental-state participle after "be" ("Lukashenko is convinced that"), "sum up", "appeal to X to
do", the role nouns "dictator" and "political scientist" read back to an earlier mention with a state, name
particles ("said von der Leyen when asked"), "in his opinion" / "in the opinion of X", outlets never the
antecedent of "he", full stops glued to the next sentence ("allies.In his opinion"), a text printed in full
("Full text of Zelensky's speech") and its first person, and "he"/"she" read back to a known person named
outside reported content. From the branch's start (99cb311) to its end, with CONTRAST_UKWAR set: ``ukwar_dev``
recall 0.870 -> 0.884, side coverage 0.830 -> 0.861, side accuracy 0.991 (both); ``ukwar_heldout`` recall
0.808 -> 0.856, side coverage 0.629 -> 0.672, side accuracy 0.973 -> 0.987; RUWA ``dev`` recall 0.958 ->
0.969, side coverage 0.922 -> 0.933; every other seen set unchanged. ``ukwar_heldout2``, measured at both ends
only, and ``ukwar_heldout3`` (the lead's, 2026-12-04; its start figures from the lead), measured at the end
only: every figure unchanged (0.842 / 0.712 / 0.868 / 0.919 / 0.899 / 0.866 and 0.877 / 0.677 / 0.768 /
0.907 / 0.872 / 0.789 for recall, side coverage, coverage of found, side, affiliation and role accuracy):
none of these rules touches a speaker of the unseen sets, so they neither carried over nor overfit there.
Tried and left out (not confirmed on the other set, or wrong there): "politician" as a role noun,
citizens placed by their sentence's state, a stack of titles across a comma ("Russian political scientist,
publicist Sergei Kurginyan"), a list after a name read as no appositive ("Kamala Harris, German Chancellor
Olaf Scholz and ..."), a definite title read back to the last speaker of its role, documents ("the
statement") read back to their issuer.

``ukwar_heldout4`` (drawn 2026-12-06, session 26, before any of that session's rules): the same held-out
half and hash order, after dropping exact copies, texts under 400 characters and every article already in
another set, the next six articles of each country (Belarus has none left: 24 articles of GB, PL, UA and US
outlets); two readers who saw no rule and did not run contrast marked the first (up to six) sources of a
report in each from the article alone, by a written guideline (130 speakers, 117 with an affiliation a
reader can tell; one reader counted forecasts and "criticized"/"expressed skepticism" as reports, which
lowers recall). First measured on main at e963efe, before the session's rules: recall 0.715, side coverage
0.573 (baseline 0.265), coverage of found 0.788, side accuracy 0.955, affiliation accuracy 0.955, role
accuracy 0.757. ``ukwar_heldout3`` is seen from session 26 (its errors were read).

``ukwar_heldout5`` (drawn 2026-12-06, session 26, after the session's first rules and after
``ukwar_heldout4`` had been measured twice, so that the rules written afterwards on ``ukwar_heldout4``'s
errors meet data no rule was written on): the next six articles per country of the same held-out half and
order (GB, PL, UA, US; 24 articles), annotated blind by two readers the same way (125 speakers). First
measured at e963efe (the session's start): recall 0.760, side coverage 0.661, coverage of found 0.844,
side accuracy 0.987, affiliation accuracy 0.921, role accuracy 0.795.

``ukwar_heldout6`` (drawn 2026-12-07, session 28, after the session's first rules and before any was
written on it): the next six articles per country of the same held-out half and order (GB, PL, UA, US;
24 articles; two hold no report), annotated blind by one reader who saw no rule and did not run contrast,
from the articles alone, by a written guideline (the first up to six sources of a report per article,
pronouns included, the antecedent for "X, who said"): 122 speakers, 115 with an affiliation a reader can
tell. Measured at the session's start (1ed9ead): recall 0.844, side coverage 0.739, coverage of found
0.885, side accuracy 0.977, affiliation accuracy 0.953, role accuracy 0.924.

``ukwar_heldout7`` (drawn 2026-12-07, session 29, before any of that session's rules was merged): the
next six articles per country of the same held-out half and order (GB, PL, US; UA's last four: 22
articles, two hold no report), annotated blind by one reader who saw no rule and did not run contrast,
by the guideline of ``ukwar_heldout6``: 113 speakers, 110 with an affiliation a reader can tell.
Measured at the session's start (ec0029f): recall 0.894, side coverage 0.736, coverage of found 0.810,
side and affiliation accuracy 0.926, role accuracy 0.729. About 58 held-out articles are left.

``heldout9`` (drawn 2026-12-07, session 29, before any of that session's rules was merged): RUWA
``--draw heldout 8 68``, the stories 69-76 per outlet of the held-out hash order (seven outlets, 56
stories), every source annotated blind by one reader from the stories alone by the same guideline (55
speakers, 53 with an affiliation a reader can tell). Measured at the session's start (ec0029f): recall
0.800, side coverage 0.717, coverage of found 0.884, side and affiliation accuracy 1.000, role accuracy
0.974.

``ukwar_heldout8`` (drawn 2026-12-07, session 30, before any of that session's rules): the next seven
articles per country of the same held-out half and order (GB, PL, US; UA has none left: 21 articles, two
hold no report), annotated blind by one reader who saw no rule and did not run contrast, by the guideline
of ``ukwar_heldout6``: 104 speakers, 97 with an affiliation a reader can tell. Measured at the session's
start (bb85b0b): recall 0.740, side coverage 0.598, coverage of found 0.795, side and affiliation
accuracy 0.966, role accuracy 0.844. About 43 held-out articles are left (US 19, PL 13, GB 11).

``heldout10`` (drawn 2026-12-07, session 30, before any of that session's rules): RUWA ``--draw heldout
8 76``, the stories 77-84 per outlet of the held-out hash order (seven outlets, 56 stories), every source
annotated blind by one reader from the stories alone by the same guideline (58 speakers, all with an
affiliation a reader can tell; 17 stories hold no report). Measured at the session's start (bb85b0b):
recall 0.931, side coverage 0.862, coverage of found 0.926, side and affiliation accuracy 0.980, role
accuracy 0.857.

``heldout8`` (drawn 2026-12-07, session 28, after the session's first rules, none written on it): RUWA
``--draw heldout 8 60``, the stories 61-68 per outlet of the held-out hash order (seven outlets; the first
two Al Jazeera stories were left out because the rule writer saw their lines: 54 stories), every source
annotated blind by one reader from the stories alone by the guideline of ``ukwar_heldout6`` (67 speakers,
all with an affiliation a reader can tell; 15 stories hold no report). Measured at the session's start
(1ed9ead): recall 0.791, side coverage 0.687, coverage of found 0.868, side and affiliation accuracy 1.000,
role accuracy 0.872.

``heldout7`` (drawn 2026-12-06, session 26, after its first affiliation rules, none written on it): RUWA
``--draw heldout 8 52``, the stories 53-60 per outlet of the held-out hash order (seven outlets, 56
stories; the stories 45-52 were skipped because the first lines of their draw were shown to the rule
writer), every source annotated blind by two readers from the stories alone by the same guideline (52
speakers, 48 with a known affiliation). Measured at e963efe (the session's start) and at d3c7ff6: recall
0.885, side coverage 0.750, coverage of found 0.837, side and affiliation accuracy 1.000 at both.

Each story is read with its outlet where its corpus gives one (from session 26, as ``contrast.extract``
reads a corpus's ``source`` column): RUWA's outlet web address, PolNeAR's outlet, the five-country
corpus's outlet country; the outlet's state (``contrast.affiliation.outlet_state``) is the home state of
an article about that state.

Measures (per half)
-------------------
- attribution recall: share of annotated speakers overlapped by the speaker
  span of some attribution row contrast finds (for a relative pronoun, "who" or
  "which", the antecedent it is resolved to: from session 28);
- side coverage: of the speakers whose affiliation a reader can tell, the
  share that contrast finds and gives an affiliation (a side other than the
  catch-all from the affiliation);
- side coverage of found speakers: the same among the tellable speakers the
  attribution extractor finds (what this step adds, apart from attribution recall);
- side accuracy: of those, the share whose side equals the reader's;
- affiliation accuracy: of those, the share whose affiliation equals the
  reader's;
- role accuracy: of found speakers with a reader's role and a predicted role.

Baseline: the same figures for contrast without the affiliation step (sides
from the actor dictionary of names alone).

Run: ``python benchmarks/validity_affiliation.py [--errors dev] [--halves dev heldout]``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "benchmarks" / "affiliation_sample.csv"
CORPUS = Path("corpora") / "ruwa_headlines.csv"
CUE = re.compile(r"\b(said|says|say|told|tells|according to|claim(?:s|ed)?|warn(?:s|ed)?|"
                 r"accuse[sd]?|den(?:y|ies|ied)|announce[sd]?|report(?:s|ed)?|state[sd]?|urge[sd]?|"
                 r"confirm(?:s|ed)?|believes?|insist(?:s|ed)?|add(?:s|ed))\b|\w: ")


def stories(eval_dir: Path) -> pd.DataFrame:
    """RUWA stories with a reporting cue: ``url, source, text, half, h`` (hash order)."""
    df = pd.read_csv(eval_dir / CORPUS, dtype=str, keep_default_na=False)
    df["text"] = ["\n".join(p for p in (t.strip(), d.strip()) if p)
                  for t, d in zip(df["title"], df["description"], strict=True)]
    df["has_title"] = df["title"].str.strip() != ""
    df = df[df["text"].map(lambda t: bool(CUE.search(t)))].drop_duplicates("url")
    df["h"] = [hashlib.sha256(("affil13:" + u).encode()).hexdigest() for u in df["url"]]
    df["half"] = ["dev" if int(h[-1], 16) % 2 == 0 else "heldout" for h in df["h"]]
    return df.sort_values("h").reset_index(drop=True)


def draw(eval_dir: Path, half: str, n: int, skip: int = 0) -> pd.DataFrame:
    """The first ``n`` stories of each outlet in ``half`` after ``skip`` (see the module docstring)."""
    df = stories(eval_dir)
    return pd.concat([g.iloc[skip:skip + n] for _, g in df[df["half"] == half].groupby("source")])


CF = Path("conflict_framing")
HALVES = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout_cf", "heldout_cf2",
          "heldout_cf3", "heldout_cf4", "heldout_cf5", "polnear_dev", "ukwar_heldout", "ukwar_dev", "ukwar_heldout2",
          "ukwar_heldout3", "ukwar_heldout4", "heldout7", "ukwar_heldout5", "ukwar_heldout6",
          "heldout8", "heldout9", "ukwar_heldout7", "heldout10", "ukwar_heldout8")
# sets whose errors may be read: the ones measured before (a set is shown only once it is no longer
# the basis of a claim); heldout5 and heldout_cf4 were measured once, in session 21, and are seen since;
# heldout6 and heldout_cf5 were measured once, at the end of session 23's work, and are seen since;
# ukwar_heldout was measured at the start and end of session 24's work and is seen from session 25;
# ukwar_heldout3 was measured at the start and end of session 25's and is seen from session 26;
# ukwar_heldout4 was measured at the start of session 26 and after its first rules (d7bb6e3), then seen
SEEN = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout_cf",
        "heldout_cf2", "heldout_cf3", "heldout_cf4", "heldout_cf5", "polnear_dev", "ukwar_dev", "ukwar_heldout",
        "ukwar_heldout3", "ukwar_heldout4")


def ukwar_articles() -> dict[str, str]:
    """The five-country war corpus (``benchmarks/ukwar_corpus.py``): ``ukwar/<doc_id>`` -> text.

    Read from the CSV that script writes, named by ``CONTRAST_UKWAR`` (its texts are not in the
    repository); empty when unset or absent, and the ``ukwar_*`` sets are then skipped.
    """
    import os

    df = _ukwar(os.environ.get("CONTRAST_UKWAR", ""))
    if df is None:
        return {}
    return {f"ukwar/{d}": t for d, t in zip(df["doc_id"], df["text"], strict=True)}


@cache
def _ukwar(path: str) -> pd.DataFrame | None:
    """The five-country CSV at ``path`` (read once), or None when unset or absent."""
    if not path or not Path(path).is_file():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def framing_articles(eval_dir: Path) -> dict[str, str]:
    """The 2014 crisis articles of Faerber et al. (``conflict_framing/article_*.json``): id -> text.

    An article's text is its sentences in order, one per line (the first is the headline).
    """
    import json

    out = {}
    for p in sorted((eval_dir / CF).glob("article_*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        sents = sorted(d["sentences"], key=lambda s: s["position_in_article"])
        out[f"conflict_framing/{p.stem}"] = "\n".join(s["content"] for s in sents)
    return out


def offsets_of(text: str, phrase: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th (1-based) whole-word match of ``phrase`` in ``text``."""
    # a space in the phrase matches any white space (the 2014 articles use no-break spaces)
    pat = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split(" "))) + r"(?!\w)")
    hits = list(pat.finditer(text))
    if len(hits) < occurrence:
        raise ValueError(f"{phrase!r} occurs {len(hits)} times, not {occurrence}")
    m = hits[occurrence - 1]
    return m.start(), m.end()


def annotations_to_rows(eval_dir: Path, tsv: Path, half: str) -> pd.DataFrame:
    """Turn reading notes (url, phrase, occurrence, affiliation, role) into sample rows (no text)."""
    from contrast.affiliation import default_sides

    texts = {k: t for k, (t, _) in _texts(eval_dir).items()}
    notes = pd.read_csv(tsv, sep="\t", header=None, dtype=str, keep_default_na=False,
                        names=["doc_id", "phrase", "occ", "affiliation", "role"])
    rows = []
    sides = default_sides()
    for r in notes.itertuples(index=False):
        s, e = offsets_of(texts[r.doc_id], r.phrase, int(r.occ))
        side = sides[r.affiliation] if r.affiliation else ""
        rows.append({"doc_id": r.doc_id, "half": half, "start": s, "end": e,
                     "affiliation": r.affiliation, "role": r.role, "side": side})
    return pd.DataFrame(rows)


def _predict(sample: pd.DataFrame, texts: dict[str, tuple[str, bool]], eval_dir: Path, *,
             baseline: bool) -> pd.DataFrame:
    """Attribution rows contrast finds in the sampled stories (``baseline``: without affiliation)."""
    import importlib
    import os

    cx = importlib.import_module("contrast.extract")
    dates, sources = _metadata(eval_dir, os.environ.get("CONTRAST_UKWAR", ""))

    saved = cx.affiliate_rows
    if baseline:
        cx.affiliate_rows = lambda *a, **k: None  # type: ignore[assignment]
    try:
        cx.clear_cache()
        parts = []
        for doc_id in sample["doc_id"].unique():
            text, headline = texts[doc_id]
            ev = cx.extract_text(text, doc_id=doc_id, headline=headline, families=["attribution"],
                                 date=dates.get(doc_id), source=sources.get(doc_id, ""))
            parts.append(_with_match_span(ev[ev["speaker_start"].notna()], text))
    finally:
        cx.affiliate_rows = saved
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _with_match_span(rows: pd.DataFrame, text: str) -> pd.DataFrame:
    """``rows`` with ``match_start, match_end``: the span a reader's speaker is matched against.

    The speaker's own span, except for a relative pronoun whose antecedent contrast names in
    ``speaker_resolved`` ("A country such as Australia, which criticised ...": the speaker as
    written is "which", resolved to "A country such as Australia"): there the span the affiliation
    step reads for it (``contrast.affiliation._relative_antecedent``: the antecedent's last
    occurrence in the 300 characters before the pronoun; session 28, before which such a row matched
    no reader's speaker, who marks the antecedent).
    """
    from contrast.affiliation import _relative_antecedent

    rows = rows.copy()
    spans = [_relative_antecedent(text, {"speaker_start": int(s), "speaker_end": int(e), "speaker_resolved":
                                         r if isinstance(r, str) else ""})
             for s, e, r in zip(rows["speaker_start"], rows["speaker_end"], rows["speaker_resolved"], strict=True)]
    rows["match_start"] = [d["speaker_start"] for d in spans]
    rows["match_end"] = [d["speaker_end"] for d in spans]
    return rows


def score(sample: pd.DataFrame, pred: pd.DataFrame) -> dict[str, Any]:
    """The measures of the module docstring for one half."""
    by_doc = {d: g for d, g in pred.groupby("doc_id")} if len(pred) else {}
    found = side_n = side_ok = aff_ok = role_n = role_ok = tell = tell_found = 0
    for g in sample.itertuples(index=False):
        p = by_doc.get(g.doc_id)
        hit = None
        if p is not None:
            over = p[(p["match_start"] < g.end) & (p["match_end"] > g.start)]
            if len(over):
                hit = over.iloc[0]
        found += hit is not None
        if g.affiliation:
            tell += 1
            tell_found += hit is not None
            paff = None if hit is None or pd.isna(hit["affiliation"]) else str(hit["affiliation"])
            pside = None if hit is None or pd.isna(hit["actor"]) else str(hit["actor"])
            assigned = paff is not None or (pside is not None and pside != "other")
            if assigned:
                side_n += 1
                side_ok += pside == g.side
                aff_ok += paff == g.affiliation
        if hit is not None and g.role and not pd.isna(hit.get("role")):
            role_n += 1
            role_ok += str(hit["role"]) == g.role
    n = len(sample)
    return {"speakers": n, "tellable": tell, "recall": found / n if n else float("nan"),
            "coverage": side_n / tell if tell else float("nan"),
            "coverage_found": side_n / tell_found if tell_found else float("nan"),
            "side_acc": side_ok / side_n if side_n else float("nan"),
            "aff_acc": aff_ok / side_n if side_n else float("nan"),
            "role_acc": role_ok / role_n if role_n else float("nan"), "role_n": role_n}


def polnear_articles(eval_dir: Path) -> dict[str, str]:
    """PolNeAR's articles (``attribution/polnear``, see ``benchmarks/us_election_corpus.py``): id -> text.

    The id is ``polnear/`` and the corpus's ``doc_id``; the text is the headline, a newline and
    the article text, as ``us_election_corpus.py`` gives them to contrast. Empty when absent.
    """
    df = _polnear(eval_dir)
    if df is None:
        return {}
    return {f"polnear/{d}": f"{t}\n{x}" for d, t, x in zip(df["doc_id"], df["title"], df["text"], strict=True)}


@cache
def _polnear(eval_dir: Path) -> pd.DataFrame | None:
    """PolNeAR as ``us_election_corpus.build`` gives it (built once), or None when absent."""
    if not (eval_dir / "attribution" / "polnear" / "metadata.tsv").is_file():
        return None
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import us_election_corpus

    return us_election_corpus.build()


@cache
def _metadata(eval_dir: Path, ukwar: str) -> tuple[dict[str, str], dict[str, str]]:
    """``(dates, sources)``: each story's or article's date and outlet where its corpus gives them,
    read in one pass over the corpora (``ukwar``: the five-country CSV, ``CONTRAST_UKWAR``).

    Dates as ``contrast.extract`` reads a corpus's ``date`` column (office holders' roles as of that
    date): RUWA's ``date``, PolNeAR's publication date, the five-country corpus's ``date``; the 2014
    articles have none; empty dates are left out. Sources as it reads a corpus's ``source`` column:
    RUWA's outlet web address, PolNeAR's outlet, the five-country corpus's outlet country; the 2014
    articles name none. The outlet's state is the home state of an article about that state
    (session 26; ``contrast.affiliation.outlet_state``).
    """
    dates: dict[str, str] = {}
    sources: dict[str, str] = {}
    if (eval_dir / CORPUS).is_file():
        df = pd.read_csv(eval_dir / CORPUS, dtype=str, keep_default_na=False)
        dates.update({u: d for u, d in zip(df["url"], df["date"], strict=True) if d})
        sources.update(dict(zip(df["url"], df["source"], strict=True)))
    pn = _polnear(eval_dir)
    if pn is not None:
        dates.update({f"polnear/{d}": str(t) for d, t in zip(pn["doc_id"], pn["date"], strict=True) if str(t)})
        sources.update({f"polnear/{d}": str(t) for d, t in zip(pn["doc_id"], pn["source"], strict=True)})
    uk = _ukwar(ukwar)
    if uk is not None:
        dates.update({f"ukwar/{d}": t for d, t in zip(uk["doc_id"], uk["date"], strict=True) if t})
        sources.update({f"ukwar/{d}": t for d, t in zip(uk["doc_id"], uk["source"], strict=True)})
    return dates, sources


def _texts(eval_dir: Path) -> dict[str, tuple[str, bool]]:
    df = stories(eval_dir)
    out = {u: (t, bool(h)) for u, t, h in zip(df["url"], df["text"], df["has_title"], strict=True)}
    out.update({k: (t, True) for k, t in framing_articles(eval_dir).items()})
    out.update({k: (t, True) for k, t in polnear_articles(eval_dir).items()})
    out.update({k: (t, False) for k, t in ukwar_articles().items()})  # no headlines: text only
    return out


def run(eval_dir: Path, halves: tuple[str, ...] = HALVES) -> list[dict[str, Any]]:
    """Rows for ``benchmarks/validity.py`` (empty when the corpus or sample is absent)."""
    if not (eval_dir / CORPUS).is_file() or not SAMPLE.is_file():
        print("validity_affiliation: RUWA corpus or sample absent; skipped", file=sys.stderr)
        return []
    sample = pd.read_csv(SAMPLE, dtype={"affiliation": str, "role": str, "side": str},
                         keep_default_na=False)
    texts = _texts(eval_dir)
    out = []
    names = {"dev": "RUWA headlines+ledes, dev", "heldout": "RUWA headlines+ledes, held-out",
             "heldout2": "RUWA headlines+ledes, second held-out (2026-12-02)",
             "heldout3": "RUWA headlines+ledes, third held-out (2026-12-02, session 20)",
             "heldout_cf": "2014 crisis articles (Faerber et al.), held-out",
             "heldout4": "RUWA headlines+ledes, fourth held-out (2026-12-02, session 20, engineer 13b)",
             "heldout_cf2": "2014 crisis articles (Faerber et al.), second held-out (session 20)",
             "heldout_cf3": "2014 crisis articles (Faerber et al.), third held-out (session 20, engineer 13b)",
             "heldout5": "RUWA headlines+ledes, fifth held-out (2026-12-02, session 21, engineer 13)",
             "heldout_cf4": "2014 crisis articles (Faerber et al.), fourth held-out (session 21, engineer 13)",
             "heldout6": "RUWA headlines+ledes, sixth held-out (2026-12-03, session 23, engineer 13)",
             "heldout_cf5": "2014 crisis articles (Faerber et al.), fifth held-out (session 23, engineer 13)",
             "polnear_dev": "PolNeAR 2016 US election coverage, dev sample (seen)",
             "ukwar_heldout": "five-country war articles 2022-2024 (BY, GB, PL, UA, US), held-out half (unseen in sessions 23-24, seen from session 25)",
             "ukwar_dev": "five-country war articles 2022-2024 (BY, GB, PL, UA, US), dev half (seen since its first measurement)",
             "ukwar_heldout2": "five-country war articles 2022-2024 (BY, GB, PL, UA, US), second held-out set (unseen; 2026-12-03, session 24)",
             "ukwar_heldout3": "five-country war articles 2022-2024 (BY, GB, PL, UA, US), third held-out set (2026-12-04, session 25; seen from session 26)",
             "ukwar_heldout4": "five-country war articles 2022-2024 (GB, PL, UA, US), fourth held-out set (2026-12-06, session 26: unseen by its first rules, seen after)",
             "heldout7": "RUWA headlines+ledes, seventh held-out (unseen; 2026-12-06, session 26)",
             "ukwar_heldout5": "five-country war articles 2022-2024 (GB, PL, UA, US), fifth held-out set (unseen; 2026-12-06, session 26)",
             "ukwar_heldout6": "five-country war articles 2022-2024 (GB, PL, UA, US), sixth held-out set (unseen; 2026-12-07, session 28)",
             "heldout8": "RUWA headlines+ledes, eighth held-out (unseen; 2026-12-07, session 28)",
             "heldout9": "RUWA headlines+ledes, ninth held-out (unseen; 2026-12-07, session 29)",
             "ukwar_heldout7": "five-country war articles 2022-2024 (GB, PL, UA, US), seventh held-out set (unseen; 2026-12-07, session 29)",
             "heldout10": "RUWA headlines+ledes, tenth held-out (unseen; 2026-12-07, session 30)",
             "ukwar_heldout8": "five-country war articles 2022-2024 (GB, PL, US), eighth held-out set (unseen; 2026-12-07, session 30)"}
    for half in halves:
        s = sample[sample["half"] == half]
        if s.empty or not s["doc_id"].isin(list(texts)).all():  # e.g. the ukwar CSV not given
            continue
        m = score(s, _predict(s, texts, eval_dir, baseline=False))
        b = score(s, _predict(s, texts, eval_dir, baseline=True))
        data = f"{names[half]}: {m['speakers']} hand-annotated speakers ({m['tellable']} with a known affiliation)"
        for key, metric, target in (("recall", "attribution recall", ">= 0.80"),
                                    ("coverage", "side coverage", ">= 0.85"),
                                    ("coverage_found", "side coverage of found speakers", ""),
                                    ("side_acc", "side accuracy", ">= 0.90"),
                                    ("aff_acc", "affiliation accuracy", ">= 0.80"),
                                    ("role_acc", "role accuracy", "")):
            out.append({"measure": "speaker affiliation", "data": data, "metric": metric,
                        "value": round(float(m[key]), 4), "target": target,
                        # before this step there was no affiliation or role to score
                        "baseline": "" if key in ("aff_acc", "role_acc") else round(float(b[key]), 4),
                        "note": "baseline: sides from the actor dictionary alone" if key == "coverage" else ""})
    return out


def errors(eval_dir: Path, half: str) -> None:
    """Print a seen set's disagreements (never those of a set not yet measured)."""
    if half not in SEEN:
        raise SystemExit(f"only the errors of {', '.join(SEEN)} are shown: {half} is not for tuning")
    sample = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    s = sample[sample["half"] == half].astype({"start": int, "end": int})
    texts = _texts(eval_dir)
    pred = _predict(s, texts, eval_dir, baseline=False)
    for g in s.itertuples(index=False):
        text = texts[g.doc_id][0]
        p = pred[(pred["doc_id"] == g.doc_id) & (pred["match_start"] < g.end) & (pred["match_end"] > g.start)]
        got = p.iloc[0] if len(p) else None
        paff = "" if got is None or pd.isna(got["affiliation"]) else got["affiliation"]
        prole = "" if got is None or pd.isna(got["role"]) else got["role"]
        if got is None or paff != g.affiliation or (g.role and prole != g.role):
            spk = "NOT FOUND" if got is None else repr(got["speaker"])
            print(f"{text[g.start:g.end]!r}: gold {g.affiliation}/{g.role}  got {paff}/{prole}  {spk}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--draw", nargs=3, metavar=("HALF", "N", "SKIP"))
    ap.add_argument("--add", nargs=2, metavar=("NOTES_TSV", "HALF"),
                    help="append reading notes (url, phrase, occurrence, affiliation, role) to the sample")
    ap.add_argument("--errors", metavar="HALF")
    ap.add_argument("--halves", nargs="+", default=list(HALVES), help="measure only these sets")
    a = ap.parse_args()
    if a.draw:
        for r in draw(a.eval, a.draw[0], int(a.draw[1]), int(a.draw[2])).itertuples():
            print(f"=== {r.url} [{r.source}]\n{r.text}")
        return
    if a.add:
        new = annotations_to_rows(a.eval, Path(a.add[0]), a.add[1])
        old = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False) if SAMPLE.is_file() else None
        allrows = new if old is None else pd.concat([old, new.astype(str)], ignore_index=True)
        allrows = allrows.drop_duplicates(["doc_id", "start", "end"])
        allrows.to_csv(SAMPLE, index=False)
        print(f"{len(new)} rows added; sample has {len(allrows)}")
        return
    if a.errors:
        errors(a.eval, a.errors)
        return
    rows = run(a.eval, tuple(a.halves))
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
