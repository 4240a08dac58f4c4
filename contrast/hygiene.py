"""Corpus hygiene learned from the corpus: page furniture per outlet, near-duplicate articles.

Two jobs, both run by :func:`contrast.load_corpus` before any offset exists
(so ``text[start:end] == span`` keeps holding for every evidence row):

* **Page furniture.** A line or sentence is furniture when it recurs across
  a large share of *one outlet's* articles **and** looks like furniture: it
  carries a cue from ``lexicons/furniture.tsv`` (app and newsletter prompts,
  "JOIN US ON TELEGRAM!", "View news.", related stories, advertisements,
  links, live-blog and programme labels), names the outlet itself
  ("— Ukrinform."), or stands in at least half of the outlet's articles.
  Labels opening a headline or line ("Transcript:", "Latest Ukraine
  updates:") or closing one, and prompts closing a line even when glued on
  after varying text ("... again View article."), are learned the same way
  (:class:`FurnitureLearner`). A news line that merely recurs (a live-blog
  update carried by three articles) has no such cue and stays. Headline
  tails that name the outlet ("... (03.08.22 23:49) « Economics |
  Censor.NET"), a date stamp opening every body, and a headline repeated as
  the body's first sentence are removed too. Everything removed goes to the
  corpus column ``removed``.
* **Near-duplicates.** MinHash LSH over word shingles (``datasketch``)
  finds an article whose text is nearly the same as an earlier one. In the
  same outlet it is flagged in ``duplicate_of`` (the ``doc_id`` of the kept
  copy) and :func:`contrast.articles` counts the story once; in another
  outlet it is a reprint (``reprint_of``), listed, and counted for each
  outlet that chose to publish it.

>>> import pandas as pd
>>> from contrast import load_corpus
>>> rows = [{"source": "A", "text": f"Story {i} about the war in the east.\\nJOIN US ON TELEGRAM!"}
...         for i in range(10)]
>>> corpus = load_corpus(pd.DataFrame(rows))
>>> corpus.text[0]
'Story 0 about the war in the east.'
>>> from contrast.hygiene import furniture_table
>>> furniture_table(corpus)[["source", "unit", "n_articles"]].values.tolist()
[['A', 'JOIN US ON TELEGRAM!', 10]]
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from contrast._compact import IdSet
from contrast._compact import Multimap as _Multimap
from contrast._compact import key64 as _key64
from contrast.lexicon import load_table
from contrast.text import DATELINE, ends_with_abbreviation, text_digest

__all__ = [
    "Furniture",
    "FurnitureLearner",
    "Deduper",
    "learn_furniture",
    "learn_furniture_sample",
    "remove_furniture",
    "find_duplicates",
    "duplicates_table",
    "furniture_table",
    "clean_corpus",
    "outlet_names",
]

FURNITURE_COLUMNS = ["source", "unit", "kind", "n_articles", "share", "reason", "example"]
DUPLICATE_COLUMNS = ["doc_id", "source", "title", "date", "duplicate_of", "kind", "kept_source", "kept_title",
                     "kept_date", "similarity"]

# sentence ends inside a line: terminal punctuation, closing quotes, space, then a capital, quote or dash
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[A-Z\"“‘'«—–\-(\[])")
_WORDS = re.compile(r"\w+", re.UNICODE)
# a date and/or time stamp opening a body: "03.08.22 23:49 - "
_STAMP = re.compile(r"^(?:\d{1,4}[./]\d{1,2}[./]\d{1,4}(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?)?"
                    r"|\d{1,2}:\d{2}(?::\d{2})?)\s*[-–—|]\s+")
# a publication date closing a body, after a sentence's end or glued on: "... the frontlines.Sept. 1, 2022",
# "... a victory for UkraineApril 14, 2022" (never "... on March 3, 2022", a date the sentence gives)
_END_STAMP = re.compile(r"(?:(?<=[.!?\"”’)])\s*|(?<=[a-z]))(?P<stamp>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                        r"\s+\d{1,2},\s+\d{4})\s*$")


def _closing_stamp(body: str) -> re.Match[str] | None:
    """The publication date closing ``body`` (:data:`_END_STAMP`), looked for in its last characters."""
    body = body.rstrip()
    return _END_STAMP.search(body, max(0, len(body) - 40))


# separators between a headline and its page-title tail
_TAIL_SEP = re.compile(r"\s+(?:\||«|»|›|::|—|–|-)\s+")
_BREADCRUMB = {"|", "«", "»", "›", "::"}
_DATE_PAREN = re.compile(r"\s*\(\s*[\d.:/\-, ]+\)\s*$")
_TLD = {"www", "com", "net", "org", "info", "co", "uk", "ru", "ua", "by", "news", "tv", "io", "de",
        "fr", "pl", "eu", "gov", "int", "online"}

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday")
_CALENDAR = re.compile(r"\b(?:" + "|".join(_MONTH_NAMES) + r")\b")
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|"
                     r"fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b")
# the end of a label opening a line or headline: "Transcript:", "LIVE -", "Friday's Mini-Report,"
_LEAD_SEP = re.compile(r"[:,](?=\s)|\s[-–—|](?=\s)")
_TRAIL_SEP = re.compile(r":\s|\s[-–—]\s")

# an agency dateline opening a body: "MINSK, 28 January (BelTA) – ", "KYIV, Ukraine (AP) — "
_DATELINE = DATELINE  # "MINSK, 28 January (BelTA) – " (contrast.text: one definition for hygiene and attribution)
#: cue kinds that call the reader to act (read, watch, sign up, download, donate): a line opening with one of
#: them, or naming a news outlet beside one, is a prompt whatever else it says
_CALLS = frozenset({"app", "click", "subscribe", "navigation", "video", "support"})

_CUES: list[tuple[str, re.Pattern[str]]] | None = None
_ANY_CUE: re.Pattern[str] | None = None
_CALL_CUE: re.Pattern[str] | None = None


def _cues() -> list[tuple[str, re.Pattern[str]]]:
    global _CUES
    if _CUES is None:
        table = load_table("furniture")
        _CUES = [(k, re.compile(p, re.IGNORECASE)) for k, p in zip(table["kind"], table["pattern"], strict=True)]
    return _CUES


def _call_cue() -> re.Pattern[str]:
    """The cues of the kinds that call the reader to act (:data:`_CALLS`), in one pattern."""
    global _CALL_CUE
    if _CALL_CUE is None:
        _CALL_CUE = re.compile("|".join(f"(?:{p.pattern})" for k, p in _cues() if k in _CALLS), re.IGNORECASE)
    return _CALL_CUE


def _any_cue() -> re.Pattern[str]:
    """All cues in one pattern: one search tells whether a unit has any (counting keeps those exactly)."""
    global _ANY_CUE
    if _ANY_CUE is None:
        _ANY_CUE = re.compile("|".join(f"(?:{p.pattern})" for _, p in _cues()), re.IGNORECASE)
    return _ANY_CUE


def _key(unit: str) -> str:
    """Normalised form under which recurring units are counted.

    Case, curly or straight apostrophes, spacing, figures (a run of digits, with an ordinal suffix, or a
    number word up to ten, is one ``0``), month and weekday names (``<d>``) and the punctuation at both
    ends do not count: "Friday's Mini-Report, 3.4.22" and "Monday's
    Mini-Report, 11.21.22" are one unit.
    """
    s = _CALENDAR.sub("<d>", unit.lower().replace("’", "'").replace("‘", "'"))
    s = _NUMBER.sub("0", s)
    if "/" in s:  # "Author / author:" is "Author/author:"
        s = re.sub(r"\s*/\s*", "/", s)
    return " ".join(s.split()).strip(" .,;:!?\"'“”‘’…-–—|")


def _lead(unit: str, max_words: int = 6) -> str:
    """The label opening a unit, as written with its separator ("Transcript:", "Latest Ukraine updates:",
    "Friday's Mini-Report,"): the text up to the first ``:``, ``,`` or spaced dash or bar, at most
    ``max_words`` words, with text after it; else ``""``."""
    m = _LEAD_SEP.search(unit)
    if not m or not unit[m.end():].strip():
        return ""
    lead = unit[:m.end()].strip()
    return lead if len(lead.split()) <= max_words else ""


def _trailing(unit: str, max_words: int = 8) -> str:
    """The label closing a unit after its last ``:`` or spaced dash ("...: Ukraine war daily round-up",
    "... - round-up"), at most ``max_words`` words, with text before it; else ``""``."""
    found = list(_TRAIL_SEP.finditer(unit))
    if not found or not unit[:found[-1].start()].strip():
        return ""
    label = unit[found[-1].end():].strip()
    if not label or len(label.split()) > max_words or re.search(r"[.!?…]\s", label):
        return ""  # a label, not a sentence or two
    return label


def _ends(line: str, max_words: int = 6) -> list[str]:
    """The last 2 to ``max_words`` words of a line that start with a capital or a dash and follow other words
    ("... again View article." -> "View article."; "... on day 5 — Ukrinform."): where a glued-on prompt
    can begin."""
    words = _last_words(line, max_words + 1)  # not line.split(): a 20 MB line split into words took 190 MB
    return [" ".join(words[-k:]) for k in range(2, min(max_words, len(words) - 1) + 1)
            if words[-k][:1].isupper() or words[-k][:1] in "—–-«\"“'‘("]


def _last_words(line: str, n: int) -> list[str]:
    """The last ``n`` or more words of ``line`` (all of them when it has fewer), read from its end only."""
    window = 256
    while True:
        tail = line[-window:]
        words = tail.split()
        if len(tail) == len(line):
            return words
        if len(words) > n:  # the slice's first word may be cut: drop it, n words remain
            return words[1:]
        window *= 4


def _sentences(line: str) -> list[str]:
    """Split a line into sentences (a simple rule: furniture sentences are short and well marked)."""
    parts, last = [], 0
    for m in _SENT_END.finditer(line):
        if line[m.end():m.end() + 1].isalpha() and ends_with_abbreviation(line[max(last, m.start() - 14):m.start()]):
            continue  # "Mr. Trump", "J. Smith"; but "... in the U.S. — Ukrinform." ends a sentence
        parts.append(line[last:m.start()].strip())
        last = m.end()
    parts.append(line[last:].strip())
    return [p for p in parts if p]


def outlet_names(source: Any, urls: Iterable[Any] = ()) -> set[str]:
    """Lower-case names of an outlet: its ``source`` value and the stems of its URL domains.

    >>> sorted(outlet_names("censor.net", ["https://censor.net/en/news/1"]))
    ['censor', 'censor.net']
    >>> sorted(outlet_names("Fox News", ["https://www.foxnews.com/world/x"]))
    ['fox', 'fox news', 'foxnews']
    """
    names: set[str] = set()
    s = str(source or "").strip().lower()
    if s and s != "unknown":
        names.add(s)
        stem = [p for p in re.split(r"[.\s]+", s) if p and p not in _TLD]
        if stem and "." in s:
            names.add(stem[0])
        if " " in s and stem:
            names.add(stem[0])
    stems: Counter[str] = Counter()
    for url in urls:
        if not isinstance(url, str) or "." not in url:
            continue
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        labels = [p for p in host.lower().split(".") if p and p not in _TLD]
        if labels:
            stems[labels[-1] if len(labels) > 1 and len(labels[-1]) > 3 else labels[0]] += 1
    total = sum(stems.values())
    # the outlet's own domain(s), not a sister site it links to now and then (msnbc.com -> today.com)
    names.update(stem for stem, c in stems.items() if c >= 0.2 * total)
    return {n for n in names if len(n) >= 3}


def _names_outlet(unit: str, names: set[str]) -> bool:
    low = unit.lower()
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", low) for n in names)


_POINTS_TO = re.compile(r"\b(?:on|at|of|from|in|visit)\s+(?:the\s+)?$", re.IGNORECASE)


def _names_media(unit: str) -> bool:
    """Whether ``unit`` points to a news outlet or agency, or a domain (:func:`contrast.stats.media_mentions`)
    as a place to go: "on Gazeta.pl's main page", "of the Gazeta.pl portal". "The mayor told Fox News
    that ..." cites the outlet as a source: news."""
    from contrast.stats import _media_mentions

    return any(_POINTS_TO.search(unit, max(0, m.start() - 12), m.start()) for m in _media_mentions().finditer(unit))


def _opener(unit: str) -> tuple[str, str] | None:
    """``(kind, prompt)`` when ``unit`` opens with a call to act ("See the video ...", "VIEW VIDEO ...")."""
    for kind, pat in _cues():
        if kind in _CALLS:
            m = pat.match(unit)
            if m and m.end() > 0:
                return kind, m.group()
    return None


def _cue(unit: str) -> str | None:
    for kind, pat in _cues():
        if pat.search(unit):
            return kind
    return None


def _prompt(unit: str) -> str | None:
    """The cue a unit *opens* with, as a prompt does ("View article.", "Follow us on Telegram"); "Zelensky
    wrote on Telegram." carries a cue but opens with its subject."""
    for kind, pat in _cues():
        m = pat.search(unit)
        if m and m.start() == 0:
            return kind
    return None


#: the characters read from each end of a longer article body when learning furniture. Page furniture
#: sits at a page's top and bottom (and a unit counts once per article); a flattened 20 MB page read
#: sentence by sentence held a unit for each of its 250,000 sentences (over 300 MB, minutes)
BODY_ENDS = 50_000


def _body_ends(body: str, n: int = BODY_ENDS) -> str:
    """``body``, or its first and last ``n`` characters (cut at a space) when it is longer than ``2 * n``."""
    if len(body) <= 2 * n:
        return body
    head_cut = body.rfind(" ", 0, n)
    tail_cut = body.find(" ", len(body) - n)
    head = body[:head_cut if head_cut > 0 else n]
    tail = body[tail_cut + 1 if tail_cut >= 0 else len(body) - n:]
    return head + "\n" + tail


def _split_text(text: str, title: str | None) -> tuple[str, str]:
    """``(headline, body)`` of an analysed text (headline on the first line, when there is one)."""
    if title and text.startswith(title):
        return title, text[len(title):]
    return "", text


def _strip_tail(title: str, names: set[str]) -> tuple[str, str]:
    """Cut a page-title tail naming the outlet ("… (03.08.22 23:49) « Economics | Censor.NET")."""
    pieces = _TAIL_SEP.split(title)
    seps = _TAIL_SEP.findall(title)
    if len(pieces) < 2 or not names:
        return title, ""
    cut = len(pieces)
    named = False
    while cut > 1:
        seg = pieces[cut - 1]
        sep = seps[cut - 2].strip()
        n_words = len(seg.split())
        if not named and n_words <= 5 and _names_outlet(seg, names):
            named = True
        elif named and sep in _BREADCRUMB and n_words <= 4:
            pass  # a section name in the breadcrumb before the outlet's name
        else:
            break
        cut -= 1
    if not named:
        return title, ""
    kept_end = sum(len(p) for p in pieces[:cut]) + sum(len(s) for s in seps[:cut - 1])
    head = title[:kept_end]
    m = _DATE_PAREN.search(head)
    if m and m.start() > 0:
        head = head[:m.start()]
    return head.rstrip(), title[len(head):].strip()


@dataclass
class Furniture:
    """Page furniture learned per outlet; :meth:`apply` removes it from a corpus.

    Attributes
    ----------
    units : dict
        Outlet -> {normalised unit: kind}: lines or sentences to remove.
    leads : dict
        Outlet -> {normalised label: kind}: labels opening a headline or a
        line ("Transcript:", "Latest Ukraine updates:"), removed from its start.
    ends : dict
        Outlet -> {normalised prompt: kind}: prompts closing a line, also when
        glued on without a full stop ("... again View article."), removed
        from its end; the learned short units are among them.
    tails, stamps, datelines, end_stamps : set
        Outlets whose headlines carry a page-title tail naming the outlet,
        whose bodies open with a date stamp, whose bodies open with an
        agency dateline ("MINSK, 28 January (BelTA) – "), and whose bodies
        close with their publication date ("... the frontlines.Sept. 1, 2022").
    openers : dict
        Outlet -> {normalised prompt: kind}: calls to act opening a line
        ("See the video ...", "VIEW VIDEO ..."), whose line goes whole
        (at most 25 words) whatever follows.
    calls : dict
        Outlet -> kinds of calls to act that, beside the name of a news
        outlet or a domain, make a unit furniture ("More information on the
        main page of Gazeta.pl", "... on the Onet's main page").
    names : dict
        Outlet -> its names (see :func:`outlet_names`).
    templates : dict
        Outlet -> normalised template headlines (:func:`_template_key`: without
        an opening label, figures and dates as ``0``) that stand over at least
        ``min_articles`` of its articles ("The Rachel Maddow Show, 3/4/22").
        With a learned unit headline they tell a furniture-only page
        (:meth:`is_furniture_only`).
    table : DataFrame
        One row per learned unit, label or prompt: ``source, unit, kind,
        n_articles, share, reason, example`` (for the report and notebooks;
        a label is shown as "Transcript: …", a prompt as "… View article.").
    by : str
        The column naming the outlet.
    """

    units: dict[str, dict[str, str]] = field(default_factory=dict)
    leads: dict[str, dict[str, str]] = field(default_factory=dict)
    ends: dict[str, dict[str, str]] = field(default_factory=dict)
    tails: set[str] = field(default_factory=set)
    stamps: set[str] = field(default_factory=set)
    datelines: set[str] = field(default_factory=set)
    end_stamps: set[str] = field(default_factory=set)
    openers: dict[str, dict[str, str]] = field(default_factory=dict)
    calls: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)
    table: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=FURNITURE_COLUMNS))
    by: str = "source"
    templates: dict[str, set[str]] = field(default_factory=dict)

    def _strip_lead(self, s: str, leads: dict[str, str], removed: list[str]) -> str:
        lead = _lead(s) if leads else ""
        if lead and _key(lead) in leads:
            if leads[_key(lead)] == "note" or (leads[_key(lead)] == "credit" and len(s.split()) <= _CREDIT_WORDS):
                removed.append(s)  # "Editor's note: ...", "Author/author: TAS/KG": the label says what the line is
                return ""
            removed.append(lead)
            return s[len(lead):].lstrip() if s.startswith(lead) else s.split(lead, 1)[-1].lstrip()
        return s

    def _strip_ends(self, s: str, ends: dict[str, str], removed: list[str]) -> str:
        trailing = _trailing(s) if ends else ""
        for tail in [trailing, *_ends(s)] if ends else ():
            if not tail:
                continue
            if _key(tail) in ends:
                removed.append(tail)
                return (s[: len(s) - len(tail)].rstrip().rstrip(":-–—").rstrip() if s.endswith(tail) else s)
        return s

    _max_words = 25  # a prompt line is at most this long (FurnitureLearner's max_words)

    @staticmethod
    def _is_call(s: str, openers: dict[str, str], calls: set[str]) -> bool:
        """A line opening with a learned call to act, or a unit naming a news outlet beside a learned kind
        of call to act."""
        if openers:
            op = _opener(s)
            if op and _key(op[1]) in openers:
                return True
        if calls:
            return any(pat.search(s) for kind, pat in _cues() if kind in calls) and _names_media(s)
        return False

    def clean(self, text: str, title: str | None, source: str) -> tuple[str, str, list[str]]:
        """Clean one article: return ``(text, title, removed_units)``."""
        return self._clean(text, title, source)[:3]

    def is_furniture_only(self, text: str, title: str | None, source: str) -> bool:
        """Whether an article is a furniture-only page: no news content, only the page's template.

        Its headline is a template of the outlet (a learned unit, or a headline of
        :attr:`templates`: the same once figures, dates and an opening label are
        set aside, over at least ``min_articles`` of its articles: "Transcript: The
        Rachel Maddow Show, 3/4/22") and its body, once furniture is removed, is
        empty or only lists of names after a learned label ("Guests: Anne Applebaum,
        Alexander Vindman"). A template headline over a body with content (the General
        Staff's daily bulletin, its figures) is news; so is a guest list under a news
        headline. Hygiene keeps these pages and their counts;
        :func:`contrast.stats.distinctive_words` leaves them out.
        """
        return self._clean(text, title, source)[3]

    def _clean(self, text: str, title: str | None, source: str) -> tuple[str, str, list[str], bool]:
        """:meth:`clean`, and whether the article is furniture-only (:meth:`is_furniture_only`)."""
        units = self.units.get(source, {})
        leads = self.leads.get(source, {})
        ends = self.ends.get(source, {})
        openers = self.openers.get(source, {})
        calls = self.calls.get(source, set())
        names = self.names.get(source, set())
        removed: list[str] = []
        head, body = _split_text(text, title)
        new_title = title or ""
        if head and source in self.tails:
            kept, tail = _strip_tail(head, names)
            if tail and kept:
                removed.append(tail)
                head = new_title = kept
        template = ""  # a template headline ("...: List of key events, day 238"), removed when a body stays
        if head and units and _key(head) in units and body.strip():
            template, head = head, ""
        if head and (leads or ends):
            kept = self._strip_ends(self._strip_lead(head, leads, removed), ends, removed)
            if kept and kept != head:
                head = new_title = kept
        if head and units:  # a learned unit closing the headline as its last sentence: "... published. PHOTOS"
            sents = _sentences(head)
            while len(sents) > 1 and _key(sents[-1]) in units:
                removed.append(sents.pop())
                head = new_title = head[:head.rfind(removed[-1])].rstrip()
        templates = self.templates.get(source, set())
        head0 = template or head  # the headline as written, before its labels went
        listed = True  # every body line kept is a list of names after a learned label ("Guests: ...")
        lines = body.split("\n")
        del body  # a 20 MB body is 40 MB a copy: from here its lines hold it, each line until it is read
        lines.reverse()
        out_lines: list[str] = []
        first = True
        while lines:
            line = lines.pop()
            s = line.strip()
            if not s:
                out_lines.append("")
                continue
            if first and source in self.stamps:
                m = _STAMP.match(s)
                if m:
                    removed.append(m.group().strip())
                    s = s[m.end():]
            if first and source in self.datelines:
                m = _DATELINE.match(s)
                if m and s[m.end():].strip():
                    removed.append(m.group().strip())
                    s = s[m.end():]
            if first and head:  # the headline repeated over the body's first line(s)
                joined = "\n".join([s, *lines[-1:-1 - _HEADLINE_LINES:-1]])  # the next lines, in order
                rep = _repeated_headline(joined, head)
                if rep:
                    removed.append(" ".join(joined[:rep].split()))
                    for _ in range(joined.count("\n", 0, rep)):
                        lines.pop()
                    rest = joined[rep:]
                    s = rest.split("\n", 1)[0].strip() if rest[:1] != "\n" else ""
                    if not s:
                        first = False
                        continue
            first = False
            before = s
            s = self._strip_lead(s, leads, removed)
            if not s:
                continue
            labelled = s != before and leads.get(_key(_lead(before)), "") in _LIST_LABELS
            if units and _key(s) in units:
                removed.append(s)
                continue
            if (openers or calls) and len(s.split()) <= self._max_words and self._is_call(s, openers, calls):
                removed.append(s)
                continue
            if units or calls:
                sents = _sentences(s)
                if len(sents) > 1:
                    gone = [_key(x) in units or (bool(calls) and self._is_call(x, {}, calls)) for x in sents]
                    removed += [x for x, g in zip(sents, gone, strict=True) if g]
                    s = " ".join(x for x, g in zip(sents, gone, strict=True) if not g)
            s = self._strip_ends(s, ends, removed)
            if s:
                listed = listed and labelled and _is_name_list(s)
                out_lines.append(s)
        line = s = ""  # the last line is in out_lines only
        new_body = "\n".join(out_lines)
        out_lines.clear()
        new_body = re.sub(r"\n{3,}", "\n\n", new_body).strip()
        if source in self.end_stamps:
            m = _closing_stamp(new_body)
            if m and new_body[:m.start()].strip():
                removed.append(m["stamp"].strip())
                new_body = new_body[:m.start()].rstrip()
        if template and new_body:
            removed.insert(0, template)
            new_title = ""
        elif template:  # every line was furniture: keep the headline, without its labels
            head = self._strip_ends(self._strip_lead(template, leads, removed), ends, removed) or template
            new_title = head
        new_text = f"{head}\n\n{new_body}" if head and new_body else (head or new_body)
        only = bool(head0) and listed and (
            bool(template) or _template_key(head0) in templates)
        if only and not new_body and not template:  # no body at all: the headline must be learned furniture
            only = False
        return new_text.strip(), new_title, removed, only

    def apply(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """Return a copy of ``corpus`` without the furniture; removed units appended to ``removed``."""
        out = corpus.copy()
        if out.empty:
            return out
        titles = out["title"] if "title" in out.columns else pd.Series([""] * len(out), index=out.index)
        has = out["has_title"] if "has_title" in out.columns else titles.fillna("").astype(bool)
        srcs = out[self.by].astype(str) if self.by in out.columns else pd.Series([""] * len(out), index=out.index)
        new_text: list[str] = []
        new_title: list[Any] = []
        new_removed: list[str] = []
        new_has: list[bool] = []
        olds = out["removed"] if "removed" in out.columns else pd.Series(["[]"] * len(out), index=out.index)
        ids = out["doc_id"].astype(str) if "doc_id" in out.columns else pd.Series(out.index.astype(str), index=out.index)
        only: list[str] = list(out.attrs.get("furniture_only", []))
        for text, title, h, src, old, doc in zip(out["text"], titles, has, srcs, olds, ids, strict=True):
            t = title if bool(h) and isinstance(title, str) else None
            cleaned, ttl, removed, page = self._clean(str(text), t, src)
            if page:
                only.append(doc)
            if not cleaned.strip():  # never empty an article: keep it as it was
                cleaned, ttl, removed = str(text), t or "", []
            new_text.append(cleaned)
            new_title.append(ttl if t is not None else title)
            new_has.append(bool(h) and not (t is not None and not ttl))  # a template headline removed
            prev = json.loads(old) if isinstance(old, str) and old else []
            new_removed.append(json.dumps(prev + removed, ensure_ascii=False))
        out["text"], out["title"], out["removed"] = new_text, new_title, new_removed
        if "has_title" in out.columns:
            out["has_title"] = new_has
        # the doc_ids of furniture-only pages (is_furniture_only): kept, with their counts, in every table;
        # distinctive words leave them out (an attribute, not a column: the corpus columns stay as they are)
        out.attrs["furniture_only"] = list(dict.fromkeys(only))
        return out


#: kinds of learned labels after which a line may be a list of names ("Guests: ...", "Reporting: ...")
_LIST_LABELS = frozenset({"label", "credit"})
_NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al",
                             "el", "bin", "ibn", "ben", "y", "dos", "das"})
_NAME_WORD = re.compile(r"[A-Z][\w'’`.-]*$")  # "Ben-Ghiat", "O'Donnell", "O`Rourke", "St.", "S."
_LIST_END = re.compile(r"(?:,?\s*(?:etc|and others)\.?)$", re.IGNORECASE)  # "..., John Brennan, etc."
_LIST_SEP = re.compile(r"\s*(?:[,;&/]|\band\b)\s*")


def _template_key(head: str) -> str:
    """The key under which template headlines are counted: :func:`_key` of the headline without its opening
    label ("Transcript:", "Transcripts:"), so "Transcripts: All In with Chris Hayes, 3/21/22" is "all in with
    chris hayes, 0/0/0" like "Transcript: All In with Chris Hayes, 2/18/22"."""
    lead = _lead(head)
    rest = head[len(lead):] if lead and head.startswith(lead) else head
    return _key(re.sub(r"\s+(?=[,;:.])", "", rest))  # "Stephanie Ruhle , 4/5/22" is "Stephanie Ruhle, 4/5/22"


def _is_name_list(s: str, max_words: int = 5) -> bool:
    """Whether ``s`` is only a list of names ("Peter Baker, Vivian Salama; Jon Meacham", "Nina Khrushcheva"):
    items of 1 to ``max_words`` capitalised words (particles "de", "van" and initials allowed) between
    commas, semicolons or "and", without figures.

    >>> _is_name_list("Julia Ioffe, Simon Ostrovsky and Ruth Ben-Ghiat")
    True
    >>> _is_name_list("Russian troops shelled Kharkiv overnight")
    False
    """
    s = _LIST_END.sub("", s.strip())
    if not s or any(ch.isdigit() for ch in s):
        return False
    for item in _LIST_SEP.split(s.rstrip(".")):
        words = item.split()
        if not words:
            continue
        if len(words) > max_words or not _NAME_WORD.match(words[0]):
            return False
        if not all(_NAME_WORD.match(w) or w in _NAME_PARTICLES for w in words):
            return False
    return True


_CREDIT_WORDS = 15  # a line opening with a learned credit label goes whole when at most this long
_HEADLINE_LINES = 4  # a headline repeated in the body spans at most this many more lines
_CLOSING = ".:;!?…\"'”’»)]"
_REPEAT_END = re.compile(r"[.:;!?…\"'”’»)\]]*(?=\s|$)")


def _repeated_headline(text: str, head: str) -> int:
    """Length of a headline repeated at the start of ``text``, or 0.

    Spacing and line breaks inside it do not count ("Paris; \\nFacebook activates ..."), its final
    punctuation goes with it, and ``text`` must go on after it (a body that is only the headline stays).
    """
    pos, n = 0, len(text)
    words = head.split()
    for j, word in enumerate(words):
        while pos < n and text[pos].isspace():
            pos += 1
        if j == len(words) - 1:  # its last word with any closing marks: "Nature’" is "Nature.’"
            word = word.rstrip(_CLOSING) or word
        if not text.startswith(word, pos):
            return 0
        pos += len(word)
    m = _REPEAT_END.match(text, pos)
    if m is None or pos == 0 or not text[m.end():].strip():
        return 0
    return m.end()


_TEMPLATE_KEYS = 20_000  # headline template keys an outlet keeps before those seen once are pruned


@dataclass
class _Counts:
    """What :class:`FurnitureLearner` keeps of one outlet's articles."""

    n: int = 0
    n_stamp: int = 0
    n_dateline: int = 0
    n_end_stamp: int = 0
    urls: list[Any] = field(default_factory=list)
    exact: Counter[str] = field(default_factory=Counter)  # units, labels and prompts with a cue
    soft: Counter[str] = field(default_factory=Counter)  # short ones without: pruned (see FurnitureLearner)
    example: dict[str, str] = field(default_factory=dict)
    head_tails: set[str] = field(default_factory=set)  # keys of trailing labels seen closing a headline
    templates: Counter[str] = field(default_factory=Counter)  # template keys of headlines (_template_key)


class FurnitureLearner:
    """Learn each outlet's page furniture from its articles, fed in chunks (:meth:`add`).

    The same counts come out whether the articles arrive at once
    (:func:`learn_furniture`, which :func:`contrast.load_corpus` runs) or
    chunk by chunk (:func:`learn_furniture_sample`, the CLI's first pass over
    a file): each outlet's articles are counted in corpus order, whatever
    the chunks, so both paths learn the same furniture from the same file.

    Three kinds of unit are counted, once per article: a *unit* (a body
    line, or a sentence of one, of at most ``max_words`` words), a *label*
    opening a headline or a line (:func:`_lead`: "Transcript:", "Latest
    Ukraine updates:") and a *prompt* closing a line (:func:`_ends`: "View
    article.", also glued on after varying text without a full stop).
    Units and labels with a cue from ``lexicons/furniture.tsv``, and prompts
    that open with one, are counted exactly. Short units and labels without
    a cue can only be furniture by naming the outlet or standing in half of
    its articles; their counts are pruned every ``prune_every`` articles of
    an outlet to those in at least ``1%`` of the articles seen so far, so
    memory stays bounded on any corpus size (a line rare at first and
    frequent later can be undercounted: both paths undercount it alike).
    A body longer than ``2 * BODY_ENDS`` characters is read at its two ends
    only (:data:`BODY_ENDS` each), where a page's furniture sits; removal
    (:meth:`Furniture.clean`) still reads the whole text.

    Parameters
    ----------
    by : str
        The column naming the outlet.
    min_share, min_articles : float, int
        A unit, label or prompt is a candidate when it stands in at least
        ``min_share`` of an outlet's articles and in at least
        ``min_articles`` of them.
    ubiquitous : float
        A short candidate unit (at most 8 words, no digits) in at least this
        share of the outlet's articles is furniture even without a cue
        (news does not repeat word for word in half of an outlet's stories;
        a daily template carrying its figures, "33,150 invaders eliminated",
        stays).
    max_words : int
        Longer units are never furniture.
    prune_every : int
        How often (in articles of an outlet) the counts without a cue are pruned.
    label_share : float
        The share a label with a cue needs (instead of ``min_share``).
    """

    def __init__(self, *, by: str = "source", min_share: float = 0.02, min_articles: int = 5,
                 ubiquitous: float = 0.5, max_words: int = 25, prune_every: int = 1000, label_share: float = 0.01):
        self.by, self.min_share, self.min_articles, self.label_share = by, min_share, min_articles, label_share
        self.ubiquitous, self.max_words, self.prune_every = ubiquitous, max_words, prune_every
        self._outlets: dict[str, _Counts] = {}
        self._heads: dict[str, Counter[str]] = {}  # outlet -> last piece of its headlines (page-title tails)

    def add(self, corpus: pd.DataFrame) -> FurnitureLearner:
        """Count a chunk of articles (``text``, ``title``, ``has_title``, the ``by`` column; ``url`` helps)."""
        if corpus.empty or self.by not in corpus.columns:
            return self

        def col(name: str) -> Iterable[Any]:
            return corpus[name] if name in corpus.columns else [None] * len(corpus)

        titles = list(col("title"))
        has = corpus["has_title"] if "has_title" in corpus.columns else [bool(t) and isinstance(t, str) for t in titles]
        for src, text, title, h, url in zip(corpus[self.by].astype(str), corpus["text"].astype(str), titles, has,
                                            col("url"), strict=True):
            self._add_one(src, text, title if bool(h) and isinstance(title, str) else None, url)
        return self

    def _add_one(self, src: str, text: str, title: str | None, url: Any) -> None:
        c = self._outlets.setdefault(src, _Counts())
        heads = self._heads.setdefault(src, Counter())
        c.n += 1
        if len(c.urls) < 200:
            c.urls.append(url)
        cue = _any_cue()
        seen: set[str] = set()

        def count(key: str, written: str, exact: bool) -> None:
            if key in seen or key in ("u:", "l:", "e:", "t:"):
                return
            seen.add(key)
            (c.exact if exact else c.soft)[key] += 1
            c.example.setdefault(key, written)

        head, body = _split_text(text, title)
        body = _body_ends(body)  # furniture is learned from a long body's two ends (bounded time and memory)
        if head:
            c.templates[_template_key(head)] += 1
            pieces = _TAIL_SEP.split(head)
            if len(pieces) > 1 and len(pieces[-1].split()) <= 5:
                tail = pieces[-1].strip().lower()
                if tail not in seen:
                    seen.add(tail)
                    heads[tail] += 1
            lead = _lead(head)
            if lead:
                count("l:" + _key(lead), lead, bool(cue.search(lead)))
            trailing = _trailing(head)
            if trailing and cue.search(trailing):
                count("t:" + _key(trailing), trailing, True)
                c.head_tails.add("t:" + _key(trailing))
            if len(head.split()) <= self.max_words and body.strip():  # a template headline over a body
                has_cue = bool(cue.search(head))
                if has_cue or len(head.split()) <= 8:
                    count("u:" + _key(head), head, has_cue)
        if _closing_stamp(body):
            c.n_end_stamp += 1
        first = True
        for line in body.split("\n"):
            s = line.strip()
            if not s:
                continue
            if first:
                m = _STAMP.match(s)
                if m:
                    c.n_stamp += 1
                    s = s[m.end():]
                if _DATELINE.match(s):
                    c.n_dateline += 1
            first = False
            if cue.match(s):
                op = _opener(s)
                if op and _key(s) != _key(op[1]):  # a line that is only the prompt ("LETTERS.") is a unit
                    count("o:" + _key(op[1]), op[1], True)
            lead = _lead(s)
            if lead:
                count("l:" + _key(lead), lead, bool(cue.search(lead)))
            for end in _ends(s):
                if cue.match(end):
                    count("e:" + _key(end), end, True)
            trailing = _trailing(s)
            if trailing and cue.search(trailing):
                count("t:" + _key(trailing), trailing, True)
            for unit in {s, *_sentences(s)}:
                n_words = len(unit.split())
                if n_words > self.max_words:
                    continue
                has_cue = bool(cue.search(unit))
                if has_cue or n_words <= 8:
                    count("u:" + _key(unit), unit, has_cue)
                if has_cue and _call_cue().search(unit) and _names_media(unit):
                    for kind in {kind for kind, pat in _cues() if kind in _CALLS and pat.search(unit)}:
                        count("f:" + kind, unit, True)
        if c.n % self.prune_every == 0:
            if len(c.templates) > _TEMPLATE_KEYS:  # headlines seen once go (memory stays bounded)
                for k in [k for k, v in c.templates.items() if v < 2]:
                    del c.templates[k]
            floor = 0.01 * c.n
            for counter in (c.soft, heads):
                for k in [k for k, v in counter.items() if v < floor]:
                    del counter[k]
                    c.example.pop(k, None)

    def furniture(self) -> Furniture:
        """The furniture learned from every article added so far."""
        fur = Furniture(by=self.by)
        rows: list[dict[str, Any]] = []
        for src in sorted(self._outlets):
            c = self._outlets[src]
            n = c.n
            names = outlet_names(src, c.urls)
            fur.names[src] = names
            fur.templates[src] = {k for k, v in c.templates.items() if v >= self.min_articles}
            if n < self.min_articles:  # nothing can recur in min_articles of its articles
                continue
            need = max(self.min_articles, int(np.ceil(self.min_share * n)))
            n_tail = sum(v for t, v in self._heads[src].items() if _names_outlet(t, names))
            if n_tail >= need:
                fur.tails.add(src)
                rows.append({"source": src, "unit": "<headline tail naming the outlet>", "kind": "title_tail",
                             "n_articles": n_tail, "share": n_tail / n, "reason": "names the outlet",
                             "example": ""})
            if c.n_stamp >= need:
                fur.stamps.add(src)
                rows.append({"source": src, "unit": "<date stamp opening the body>", "kind": "date_stamp",
                             "n_articles": c.n_stamp, "share": c.n_stamp / n, "reason": "date stamp",
                             "example": ""})
            if c.n_dateline >= need:
                fur.datelines.add(src)
                rows.append({"source": src, "unit": "<agency dateline opening the body>", "kind": "dateline",
                             "n_articles": c.n_dateline, "share": c.n_dateline / n,
                             "reason": "dateline: PLACE, date (AGENCY) –", "example": ""})
            if c.n_end_stamp >= need:
                fur.end_stamps.add(src)
                rows.append({"source": src, "unit": "<date stamp closing the body>", "kind": "date_stamp",
                             "n_articles": c.n_end_stamp, "share": c.n_end_stamp / n,
                             "reason": "publication date after the last sentence", "example": ""})
            openers: dict[str, str] = {}
            calls: set[str] = set()
            for key, k in c.exact.items():
                if key[:2] not in ("o:", "f:") or k < need:
                    continue
                written = c.example[key]
                if key.startswith("o:"):
                    op = _opener(written)
                    if op is None:
                        continue
                    openers[key[2:]] = op[0]
                    shown, why = f"{written} …", f"cue: {op[0]}, opens a line (the whole line goes)"
                    call = op[0]
                else:
                    call = key[2:]
                    calls.add(call)
                    shown, why = f"<{call} prompt naming a news outlet>", f"cue: {call}, names a news outlet"
                rows.append({"source": src, "unit": shown, "kind": call, "n_articles": k, "share": k / n,
                             "reason": why, "example": written})
            fur.openers[src], fur.calls[src] = openers, calls
            # a label opening a headline or line with a cue word is a stronger sign than a recurring line:
            # half the share will do (Reuters "Factbox:" in 32 of 1,992 stories)
            need_label = max(self.min_articles, int(np.ceil(self.label_share * n)))
            learned: dict[str, tuple[str, str]] = {}  # key -> (kind, reason)
            for key, k in [*c.exact.items(), *c.soft.items()]:
                if key[:2] in ("o:", "f:"):
                    continue
                if k < (need_label if key[:2] in ("l:", "t:") and key in c.exact else need):
                    continue
                written = c.example[key]
                kind = _prompt(written) if key.startswith("e:") else _cue(written)
                reason = f"cue: {kind}" if kind else None
                if kind is None and not key.startswith("e:") and _names_outlet(written, names) \
                        and len(written.split()) <= 6:
                    kind, reason = "outlet_name", "names the outlet"
                if (kind is None and key.startswith("u:") and k / n >= self.ubiquitous
                        and len(written.split()) <= 8 and not any(ch.isdigit() for ch in written)):
                    kind, reason = "ubiquitous", f"in {k / n:.0%} of the outlet's articles"
                if kind is not None:
                    learned[key] = (kind, reason or "")
            # variants of a kind of furniture the outlet is known to carry ("View article." beside "View
            # news."; "Russia-Ukraine live news:" beside "Latest Ukraine updates:") need min_articles only;
            # units and prompts must open with their cue (a prompt), labels may carry it anywhere
            kinds = {kind for kind, _ in learned.values() if kind not in ("outlet_name", "ubiquitous")}
            for key, k in c.exact.items():
                if key in learned or key[:2] in ("o:", "f:") or k < 2:
                    continue
                written = c.example[key]
                kind = _cue(written) if key[:2] in ("l:", "t:") else _prompt(written)
                if k < self.min_articles and not (kind == "credit" and key.startswith("l:")):
                    continue  # a credit label beside the outlet's other credit labels ("Sources:") needs two
                if kind in kinds:
                    learned[key] = (kind, f"cue: {kind}, a variant of the outlet's other {kind} furniture")
            # a headline tail with a label cue of a kind the outlet already carries is furniture even when its
            # wording changes story by story ("...: Ukraine war daily round-up", "... - round-up")
            for key in c.head_tails:
                if key in learned:
                    continue
                kind = _cue(c.example[key])
                if kind in kinds and kind in ("label", "live"):
                    learned[key] = (kind, f"cue: {kind}, a headline tail like the outlet's other {kind} furniture")
            units: dict[str, str] = {}
            leads: dict[str, str] = {}
            ends: dict[str, str] = {}
            unit_names = [key[2:] for key in learned if key.startswith("u:")]
            for key, (kind, reason) in learned.items():
                written, k = c.example[key], (c.exact.get(key) or c.soft.get(key, 0))
                part, name = key[:2], key[2:]
                if part == "u:":
                    units[name] = kind
                    if len(written.split()) <= 6:
                        ends.setdefault(name, kind)  # also glued to the end of a line: "... Kyiv View news."
                    shown = written
                elif part == "l:":
                    leads[name] = kind
                    shown = f"{written} …"
                else:
                    ends[name] = kind
                    if "u:" + name in learned or (part == "t:" and "e:" + name in learned) or \
                            any(u.endswith(" " + name) for u in unit_names):
                        continue  # listed as the unit (also a unit it ends: "… ON TELEGRAM!" in "JOIN US ON TELEGRAM!")
                    shown = f"… {written}"
                if part == "u:" and "e:" + name in c.exact:  # also glued on: count both
                    k = max(k, c.exact["e:" + name])
                rows.append({"source": src, "unit": shown, "kind": kind, "n_articles": k, "share": k / n,
                             "reason": reason, "example": written})
            fur.units[src], fur.leads[src], fur.ends[src] = units, leads, ends
        table = pd.DataFrame(rows, columns=FURNITURE_COLUMNS)
        fur.table = table.sort_values(["source", "n_articles", "unit"], ascending=[True, False, True],
                                      kind="mergesort").reset_index(drop=True)
        return fur


def learn_furniture(corpus: pd.DataFrame, *, by: str = "source", **options: Any) -> Furniture:
    """Learn each outlet's page furniture from its articles (options: :class:`FurnitureLearner`).

    Parameters
    ----------
    corpus : DataFrame
        A corpus (``text``, ``title``, ``has_title`` and the ``by`` column; ``url`` helps).
    by : str
        The column naming the outlet.

    Returns
    -------
    Furniture
        Apply it with :meth:`Furniture.apply` (also to later chunks of the
        same corpus when streaming).
    """
    return FurnitureLearner(by=by, **options).add(corpus).furniture()


def learn_furniture_sample(chunks: Iterable[pd.DataFrame], *, per_outlet: int | None = None, by: str = "source",
                           **options: Any) -> Furniture:
    """:func:`learn_furniture` from a stream of chunks: the same furniture as from the whole corpus at once.

    ``per_outlet`` (default: every article) counts only the first
    ``per_outlet`` articles of each outlet. Memory is bounded either way
    (see :class:`FurnitureLearner`).
    """
    learner = FurnitureLearner(by=by, **options)
    seen: Counter[str] = Counter()
    for chunk in chunks:
        if by not in chunk.columns:
            break
        if per_outlet is not None:
            src = chunk[by].astype(str)
            rank = chunk.groupby(src, sort=False).cumcount() + src.map(seen).fillna(0).astype(int)
            seen.update(src.tolist())
            chunk = chunk[(rank < per_outlet).to_numpy()]
        learner.add(chunk)
    return learner.furniture()


def remove_furniture(corpus: pd.DataFrame, furniture: Furniture | None = None, **options: Any) -> pd.DataFrame:
    """Learn (unless given) and remove page furniture (listed by :func:`furniture_table`)."""
    fur = furniture if furniture is not None else learn_furniture(corpus, **options)
    out = fur.apply(corpus)
    out.attrs = {**corpus.attrs, "furniture_only": out.attrs["furniture_only"]}
    out.attrs["furniture"] = fur.table.to_dict("records")  # records, not a DataFrame: attrs are compared and copied
    return out


def furniture_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """What :func:`contrast.load_corpus` removed as page furniture, one row per outlet and unit.

    Columns ``source, unit, kind, n_articles, share, reason, example``
    (empty when hygiene was off).
    """
    return pd.DataFrame(corpus.attrs.get("furniture", []), columns=FURNITURE_COLUMNS)


# --------------------------------------------------------------------------- near-duplicates


def _shingles(words: list[str], k: int) -> set[bytes]:
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


_ADD_BATCH = 250  # articles whose words and shingles Deduper.add holds at once (a 5,000-article chunk's took 150 MB)


class Deduper:
    """Incremental near-duplicate finder (MinHash LSH over word shingles).

    Feed articles in corpus order with :meth:`add`; each one is compared with
    the articles kept so far, so chunks of a streamed corpus are checked
    against all earlier chunks. Memory grows with the number of kept
    articles, in a few numpy arrays and one byte buffer, never in a Python
    object per article: each keeps its ``num_perm`` MinHash values (32-bit),
    a 64-bit key and its index per LSH band, 64-bit digests of its numbers
    and of its words, and its doc_id and group (about 0.5 kB with the default
    64 permutations; datasketch's ``MinHashLSH`` objects took about 4.6 kB).
    The digests are the first 64 bits of BLAKE2b: two different texts share
    one with a probability of about 5e-8 in a million articles.

    The bands are those of datasketch's ``MinHashLSH`` for the same
    ``threshold`` and ``num_perm``, and a candidate must share a whole band
    (checked value by value), so the candidates and similarities are
    datasketch's; among equally similar candidates the one kept first wins
    (datasketch returned them in an arbitrary order).

    Parameters
    ----------
    threshold : float
        Estimated Jaccard similarity of the shingle sets at or above which
        an article is a near-duplicate.
    shingle : int
        Words per shingle.
    num_perm : int
        MinHash permutations (more: a more precise similarity estimate).
    min_words : int
        Shorter texts are never flagged (two one-line headlines "Ukraine
        war" are not the same story).
    max_words : int
        Only the first ``max_words`` words of a text are compared.
    """

    def __init__(self, *, threshold: float = 0.8, shingle: int = 3, num_perm: int = 64,
                 min_words: int = 8, max_words: int = 2000, seed: int = 1):
        from datasketch import MinHashLSH

        if not 0 < threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
        self.threshold, self.shingle, self.num_perm, self.min_words, self.max_words, self.seed = (
            threshold, shingle, num_perm, min_words, max_words, seed)
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._ranges: list[tuple[int, int]] = list(lsh.hashranges)
        self._bands = [_Multimap() for _ in self._ranges]  # band key -> kept indices
        self._sig = np.zeros((0, num_perm), dtype=np.uint32)  # MinHash values (< 2**32) of kept articles
        self._numbers = np.zeros(0, dtype=np.int64)  # kept index -> digest of its numbers
        self._group = np.zeros(0, dtype=np.int32)  # kept index -> code of its group
        self._n = 0
        self._keys = IdSet()  # kept index <-> key (doc_id, made unique)
        self._exact = _Multimap()  # digest of an exact copy's words -> kept index
        self._group_names: list[str | None] = []
        self._group_codes: dict[str | None, int] = {}

    def group_of(self, doc_id: str) -> str | None:
        """The outlet of a kept article (as given to :meth:`add`)."""
        k = self._keys.index(str(doc_id))
        return None if k is None else self._group_names[int(self._group[k])]

    def _keep(self, key: str, sig: np.ndarray, band_keys: Sequence[int], numbers: int, group: str | None) -> int:
        if self._n == len(self._sig):  # room for twice as many
            size = max(64, 2 * len(self._sig))
            grown = np.zeros((size, self.num_perm), dtype=np.uint32)
            grown[:self._n] = self._sig[:self._n]
            self._sig = grown
            self._numbers = np.concatenate([self._numbers, np.zeros(size - len(self._numbers), dtype=np.int64)])
            self._group = np.concatenate([self._group, np.zeros(size - len(self._group), dtype=np.int32)])
        k = self._n
        self._sig[k] = sig
        self._numbers[k] = numbers
        if group not in self._group_codes:
            self._group_codes[group] = len(self._group_names)
            self._group_names.append(group)
        self._group[k] = self._group_codes[group]
        self._n += 1
        for table, h in zip(self._bands, band_keys, strict=True):
            table.add(h, k)
        self._keys.add(key)
        return k

    def add(self, doc_ids: Sequence[str], texts: Sequence[str], groups: Sequence[str] | None = None
            ) -> list[tuple[str | None, float]]:
        """Add articles; return ``(duplicate_of, similarity)`` for each (``None`` when new).

        ``groups`` (the outlets) are remembered for the kept articles:
        :meth:`group_of` tells whether a match is in the same outlet.

        Two texts whose numbers differ ("as of 6:00 on April 13" and "... April 6")
        are never duplicates: a daily update is not a copy of yesterday's.
        """
        out: list[tuple[str | None, float]] = []
        for k in range(0, len(doc_ids), _ADD_BATCH):  # the words and shingles of a batch at a time
            out += self._add_batch(doc_ids[k:k + _ADD_BATCH], texts[k:k + _ADD_BATCH],
                                   None if groups is None else groups[k:k + _ADD_BATCH])
        return out

    def _add_batch(self, doc_ids: Sequence[str], texts: Sequence[str], groups: Sequence[str] | None
                   ) -> list[tuple[str | None, float]]:
        from datasketch import MinHash

        words, n_words = [], []
        for t in texts:  # the first max_words words decide (a 20 MB article costs no more than a long one)
            found = _WORDS.finditer(str(t))  # the rest is counted, not listed (3.5M words were 200 MB)
            first = [m.group().lower() for m in itertools.islice(found, self.max_words)]
            n_words.append(len(first) + sum(1 for _ in found))
            words.append(first)
        todo = [i for i, w in enumerate(words) if len(w) >= self.min_words]
        sets = {i: _shingles(words[i], self.shingle) for i in todo}
        mhs = MinHash.bulk([sets[i] for i in todo], num_perm=self.num_perm, seed=self.seed)
        by_i = {i: mh.hashvalues.astype(np.uint32) for i, mh in zip(todo, mhs, strict=True)}
        del mhs, sets
        # what earlier batches kept, looked up for the whole batch at once (one search per band and run)
        band_keys = {i: [hash(by_i[i][lo:hi].tobytes()) for lo, hi in self._ranges] for i in todo}
        exact = {i: _key64(_exact_key(n_words[i], words[i])) for i in todo}
        earlier_exact = dict(zip(todo, self._exact.lookup(np.array([exact[i] for i in todo], dtype=np.int64)),
                                 strict=True))
        earlier_bands = [dict(zip(todo, table.lookup(np.array([band_keys[i][b] for i in todo], dtype=np.int64)),
                                  strict=True)) for b, table in enumerate(self._bands)]
        earlier_keys = self._keys.contains([str(d) for d in doc_ids])
        batch_keys: set[str] = set()  # kept in this batch
        out: list[tuple[str | None, float]] = []
        for i, doc in enumerate(doc_ids):
            sig = by_i.get(i)
            if sig is None:
                out.append((None, float("nan")))
                continue
            same = earlier_exact[i] or self._exact.recent(exact[i])
            if same:
                out.append((self._keys[same[0]].split("\x1f")[0], 1.0))
                continue
            numbers = _numbers_key(w for w in words[i] if w[0].isdigit())
            cands: set[int] = set()
            for b, ((lo, hi), table) in enumerate(zip(self._ranges, self._bands, strict=True)):
                for k in (*earlier_bands[b][i], *table.recent(band_keys[i][b])):
                    if k not in cands and np.array_equal(self._sig[k, lo:hi], sig[lo:hi]):
                        cands.add(k)
            best, best_j = None, 0.0
            for cand in sorted(cands):
                if self._numbers[cand] != numbers:
                    continue
                # datasketch's MinHash.jaccard: the share of equal values
                j = float(np.count_nonzero(self._sig[cand] == sig)) / float(self.num_perm)
                if j >= self.threshold and j > best_j:
                    best, best_j = cand, j
            if best is not None:
                out.append((self._keys[best].split("\x1f")[0], best_j))
                continue
            key = str(doc)
            if earlier_keys[i] or key in batch_keys:
                key = f"{doc}\x1f{self._n}"  # a repeated doc_id: treat as new, under a unique key
            batch_keys.add(key)
            k = self._keep(key, sig, band_keys[i], numbers, None if groups is None else str(groups[i]))
            self._exact.add(exact[i], k)
            out.append((None, float("nan")))
        for table in (*self._bands, self._exact):
            table.flush()
        return out


def _numbers_key(numbers: Iterable[str]) -> int:
    """A 64-bit digest of a set of number words: equal for equal sets (what :class:`Deduper` compares)."""
    return _key64(text_digest("\x1f".join(sorted(set(numbers)))))


def _exact_key(n_words: int, words: Sequence[str]) -> str:
    """The digest of a text's word count and first words: what an exact copy shares.

    A digest, not the words themselves, so a stream of 100,000 articles keeps 32 hex digits
    per article rather than its first 2,000 words.
    """
    return text_digest(f"{n_words}:{' '.join(words)}")


def find_duplicates(corpus: pd.DataFrame, *, deduper: Deduper | None = None, by: str = "source",
                    **options: Any) -> pd.DataFrame:
    """Flag near-duplicate articles: a copy of ``corpus`` with ``duplicate_of`` and ``reprint_of``.

    The first article of a group of near-duplicates (in corpus order) is
    kept. A later copy in the *same* outlet names it in ``duplicate_of`` and
    is counted once (:func:`contrast.articles` skips it); a copy in *another*
    outlet names it in ``reprint_of`` and still counts for that outlet, which
    chose to publish it. Options go to :class:`Deduper`;
    :func:`duplicates_table` lists both kinds.
    """
    dd = deduper if deduper is not None else Deduper(**options)
    out = corpus.copy()
    groups = out[by].astype(str).tolist() if by in out.columns else [""] * len(out)
    res = dd.add(out["doc_id"].astype(str).tolist(), out["text"].astype(str).tolist(), groups)
    same = [d is not None and dd.group_of(d) == g for (d, _), g in zip(res, groups, strict=True)]
    out["duplicate_of"] = pd.array([d if s_ else None for (d, _), s_ in zip(res, same, strict=True)],
                                   dtype="string")
    out["reprint_of"] = pd.array([d if d is not None and not s_ else None for (d, _), s_ in zip(res, same, strict=True)],
                                 dtype="string")
    return out


def duplicates_table(corpus: pd.DataFrame, kept: pd.DataFrame | None = None, *, shingle: int = 3) -> pd.DataFrame:
    """The flagged articles beside their kept copies, for the report.

    Columns ``doc_id, source, title, date, duplicate_of`` (the kept copy, for
    both kinds), ``kind`` (``same outlet``: counted once; ``other outlet``: a
    reprint, counted for each outlet), ``kept_source, kept_title,
    kept_date, similarity``: the Jaccard similarity of the two
    texts' word ``shingle``-grams (exact, not the MinHash estimate; empty
    when the kept copy is not in ``kept``, which defaults to ``corpus``).
    The CLI's streamed sample carries the list for the whole file in
    ``attrs["duplicates"]``, which is returned as it is.
    """
    if "duplicates" in corpus.attrs:  # the list of a whole streamed file, kept beside its sample
        return pd.DataFrame(corpus.attrs["duplicates"], columns=DUPLICATE_COLUMNS)
    if "duplicate_of" not in corpus.columns:
        return pd.DataFrame(columns=DUPLICATE_COLUMNS)
    dup = corpus["duplicate_of"].fillna("").astype(str)
    rep = corpus["reprint_of"].fillna("").astype(str) if "reprint_of" in corpus.columns else dup.where(False, "")
    kept_of = dup.where(dup != "", rep)
    mask = (kept_of != "").to_numpy()
    flagged = corpus[mask].assign(duplicate_of=kept_of[mask],
                                  _kind=np.where(dup[mask] != "", "same outlet", "other outlet"))
    ref = (kept if kept is not None else corpus).drop_duplicates("doc_id").set_index("doc_id")

    def col(frame: pd.DataFrame, name: str) -> pd.Series:
        return frame[name] if name in frame.columns else pd.Series([None] * len(frame), index=frame.index)

    def jaccard(text: Any, other: Any) -> float:
        if not isinstance(text, str) or not isinstance(other, str):
            return float("nan")
        a = _shingles([w.lower() for w in _WORDS.findall(text)], shingle)
        b = _shingles([w.lower() for w in _WORDS.findall(other)], shingle)
        return round(len(a & b) / len(a | b), 3) if a | b else float("nan")

    kept_text = flagged["duplicate_of"].map(col(ref, "text"))
    out = pd.DataFrame({
        "doc_id": flagged["doc_id"], "source": col(flagged, "source"), "title": col(flagged, "title"),
        "date": col(flagged, "date"), "duplicate_of": flagged["duplicate_of"], "kind": flagged["_kind"],
        "kept_source": flagged["duplicate_of"].map(col(ref, "source")),
        "kept_title": flagged["duplicate_of"].map(col(ref, "title")),
        "kept_date": flagged["duplicate_of"].map(col(ref, "date")),
        "similarity": [jaccard(t, k) for t, k in zip(flagged["text"], kept_text, strict=True)],
    })
    return out.reset_index(drop=True)[DUPLICATE_COLUMNS]


def clean_corpus(corpus: pd.DataFrame, *, furniture: bool | Furniture = True, duplicates: bool = True,
                 by: str = "source") -> pd.DataFrame:
    """What :func:`contrast.load_corpus` runs: remove furniture, then flag near-duplicates.

    :func:`furniture_table` and :func:`duplicates_table` list what was found.
    """
    out = corpus
    if furniture is not False:
        fur = furniture if isinstance(furniture, Furniture) else learn_furniture(corpus, by=by)
        out = remove_furniture(out, fur)
    if duplicates:
        out = find_duplicates(out)
    return out

