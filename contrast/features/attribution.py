"""Attribution: who is cited, with which reporting cue, in which stance.

Rule-based, no parser: one compiled regular expression finds every cue in the
article (reporting verbs in any tense and voice, "according to", "as noted by",
agentless "has been accused of" / "is said to", "reports of", and colon-introduced
quotes such as ``Peskov: "We ..."``); the speaker is then read from a short token
window around the cue (subject before the verb, appositives ``"Name, a
spokesman for X, said"``, inversion ``"...," said X``, the noun phrase after
"according to"), and the reported content from the clause or quotation beside it
(:func:`contrast.text.quote_spans`, so a quotation running over two sentences is
one content span). A colon right before a quotation ('Bush: "The mission ..."')
is a cue when a speaker stands before it. Verb forms marked ``bare`` in the
lexicon (chosen on the PolNeAR train split: cues in about half or more of their
uses) are cues even without a speaker.

Speed: the cue pattern is applied through
:class:`contrast.features._attribution_scan.CueScanner`, which visits only the
words that can begin a cue and yields exactly the pattern's ``finditer``
matches (tested against the full pattern on real and fuzzed text).

Families
--------
``attribution``
    One row per cue. ``start, end, span`` = the cue as written ("said",
    "has reported", "told the Kyiv Post", "according to", ":", "issued a
    statement saying"); ``cue`` = the same text, followed by `` … `` and the
    inner cue where a doubled cue of the same relation was merged into this row
    ("said … according to": one relation, one row); ``label`` = the stance of
    the cue (``neutral``, ``distancing``, ``endorsing``, ``emphatic``,
    ``tentative``, ``counter``, ``accusation``, ``attitude``, ``belief``,
    ``evidence``; ``attitude`` is a source's wish, intention or support rather
    than a report: "hopes", "sought", "supported", "is eager"; ``belief`` a
    mental state, "she believes he ...", "they fear"; ``evidence`` a finding of
    a document, poll or record, "polls show", "the report found". The last two
    are no reporting verbs: ``default_resources(MENTAL_AND_EVIDENCE)`` leaves
    them out, so reporting-verb stance shares can be compared with or without
    them);
    ``speaker`` / ``speaker_start`` / ``speaker_end`` = the source as written
    (empty for agentless cues, and for a nominal cue whose noun has no owner: "Reports that",
    "a statement saying"; the owner where it has one: "the ministry's claims that"); ``speaker_resolved`` = the named person a
    pronoun, a definite description ("the ambassador") or a bare surname refers
    to; ``speaker_type`` = ``named``, ``title``, ``institution``, ``pronoun`` or
    ``anonymous``; ``actor`` = the speaker's actor group (``other`` when the
    actor dictionary knows none); ``quote`` = ``direct`` when the content holds
    quotation marks, else ``indirect``; ``content_start`` / ``content_end``.
``unattributed``
    One row per body sentence (not the headline) that has no attribution cue,
    lies in no attributed content and holds no quotation; ``label`` is
    ``unattributed`` and ``span`` the sentence. The share of such sentences per
    article measures how much the outlet asserts in its own voice.

Notes
-----
Patterns beyond "X said": a parenthetical between name and verb ("Rep. X
(D-Mo.) said"), lower-case source nouns after a conjunction ("But business
groups say"), infinitive, gerund and coordinated communication verbs ("for Trump
to tweet that", "... and boasted"), relative "who say", nominal cues ("issued a
statement saying"), a sentence opening with the poll it reports ("In an NBC News/Wall
Street Journal poll released Monday, ...": cue "In", stance ``evidence``), quoted transcript
turns ('"WALLACE: Let's start ...'), a dash source on the line after a quotation, a catenative
or past "be" before a verb of saying ("Russia continues to allege its troops ...", "Modi was to
say"), a reduced passive's agent ("a sentiment similar to that voiced by Zelensky", ", cited by
the Ukrainian truth"), "in the words of X". Not
cues: "add" or "report" before an amount or accounts ("has added 178,000 jobs",
"reported a $916 million loss"), "agreed (not) to"
(a commitment), "continued" without a clause or quotation. Not sources: a
determiner and an abstract noun ("The views expressed"), first and second
person inside quotations, page furniture before a colon ("Contributing:",
"The Sports Moment:") and headline topic labels ("Transcript:", "Shelling of
Donetsk region:") (``lexicons/attribution_context.tsv``); the subject of
"reportedly" is no source ("Drones reportedly hit"). A mental state, attitude or
finding inside another source's reported content ("Trump said he was skeptical
of ...") is recorded in the outer row's ``cue``, not given a row of its own.

Stance classes follow Hyland (2002) (factive, tentative and counter reporting
verbs), Bergler (1992, 2006) and Caldas-Coulthard (1994) (distancing verbs such as
"claim", "allege"); see the header of ``lexicons/reporting_verbs.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from typing import Any

import pandas as pd

from contrast import text as _text_module
from contrast.actors import ActorDictionary, as_actors, default_actors
from contrast.features._attribution_scan import Cue, CueScanner
from contrast.lexicon import load_table, trie_regex
from contrast.text import DATELINE_LEAD, Doc, abbreviation_forms, quote_spans, segment, token_spans

__all__ = ["FAMILIES", "STANCES", "MENTAL_AND_EVIDENCE", "SPEAKER_TYPES", "Resources", "default_resources",
           "extract", "attribute"]

FAMILIES = ("attribution", "unattributed")

#: Stance labels of attribution rows.
STANCES = ("neutral", "distancing", "endorsing", "emphatic", "tentative", "counter", "accusation",
           "attitude", "belief", "evidence")
#: Stances of cues that are no reporting verbs: a source's mental state ("she believes he
#: ...") and a document's finding ("polls show ..."); leave them out in one argument with
#: ``default_resources(exclude_stances=MENTAL_AND_EVIDENCE)``.
MENTAL_AND_EVIDENCE = ("belief", "evidence")
#: Values of ``speaker_type``.
SPEAKER_TYPES = ("named", "title", "institution", "pronoun", "anonymous")

_OPEN_Q = "\"“«„‘"
_CLOSE_Q = "\"”»“’"
_QUOTES = set(_OPEN_Q + _CLOSE_Q + "'")
_DOUBLE_QUOTES = frozenset(_QUOTES - {"'", "’"})
_HARD = _QUOTES | set(";:()[]—–―")
#: the closed word classes of ``lexicons/attribution_function_words.tsv`` (auxiliaries, clause
#: boundaries, quantifiers), each class's terms in file order
_FUNCTION_WORDS = load_table("attribution_function_words")


def _function_words(cls: str) -> tuple[str, ...]:
    """The terms of class ``cls`` of ``lexicons/attribution_function_words.tsv``, in file order."""
    return tuple(str(t) for t in _FUNCTION_WORDS["term"][_FUNCTION_WORDS["class"] == cls])


#: subordinators, relatives, the infinitive "to" and auxiliaries: words that end a speaker phrase
_BOUNDARY = set(_function_words("boundary"))
# words that may begin a speaker phrase but are trimmed off (conjunctions, adverbs)
_LEAD_TRIM = {"and", "but", "or", "so", "yet", "also", "then", "now", "however", "meanwhile",
              "still", "thus", "instead", "moreover", "indeed", "nor", "plus"}
_DET = {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my",
        "your", "such", "no", "any", "every", "each", "said", "that", "new", "recent", "latest",
        "earlier", "previous", "media", "news", "press", "initial", "first", "final", "some",
        "several", "many", "numerous", "multiple", "other", "official", "unconfirmed", "similar",
        "conflicting", "both", "further", "own", "separate", "detailed", "written"}
_PREP = {"of", "in", "with", "amid", "despite", "to", "for", "on", "by", "from", "about",
         "after", "before", "following", "under", "over", "against", "among", "into", "without",
         "per", "at", "and", "or", "than", "as"}
_PRONOUNS = {"he": "he", "she": "she", "they": "they", "we": "we", "i": "i", "it": "it",
             "you": "you"}
_OBJ = r"(?:him|her|them|us|me|reporters|journalists|the\s+press|the\s+media|lawmakers|an?\s+\w+)"
_CAPRUN = r"(?:(?:the|The)\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’.&-]*){0,5}"
#: a verb group's words before its reporting verb ("has repeatedly said"): auxiliaries and modals,
#: and adverbs and floated quantifiers (``auxiliary`` and ``group_adverb`` of
#: attribution_function_words.tsv, in file order), then the open classes of words in -n't and -ly
_AUX_WORDS = "|".join(re.escape(str(t)) for t, c in zip(_FUNCTION_WORDS["term"], _FUNCTION_WORDS["class"], strict=True)
                      if c in {"auxiliary", "group_adverb"}) + r"|\w+n[’']t|\w+ly"
_BE = set(_function_words("be"))
_MEDIA_NOUN = (r"statement|interview|post|tweet|briefing|speech|letter|video|message|address"
               r"|press\s+conference|news\s+conference|op-ed|column|report|filing|email|e-mail"
               r"|(?:Telegram|Facebook|social\s+media|X)\s+post|broadcast|appearance|memo")
_QUOTE_AFTER = re.compile(r"\s*[,:]?\s*[\"“«‘]")


def _words(form: str) -> str:
    return r"\s+".join(re.escape(w) for w in form.split())


@dataclass(frozen=True)
class Resources:
    """Word lists the attribution extractor uses.

    Parameters
    ----------
    verbs : mapping
        Surface form (lower case, single spaces) -> ``(lemma, stance, need)``;
        ``need`` is ``""`` (a cue when a speaker is found), ``"that"`` (only
        with a following that-clause, quotation, colon or comma), ``"noun"``
        (the form is also a noun), ``"to"`` (a directive: before a that-clause, quotation or colon, or
        an object and a to-infinitive, "advising members to stay home"), ``"clause"`` (mostly a noun: only right
        before a that-clause, quotation or colon), ``"mind"`` / ``"evidence"``
        (mental-state and evidence predicates, see ``lexicons/reporting_verbs.tsv``),
        ``"as"`` (a verb of viewing before an object and "as": "leaders view Russia as"),
        ``"amount"`` (only before an amount: "the UN recorded 1,335 civilian
        casualties"), ``"inverted"`` (only right after a closing quotation: '"We have
        freedom," cried Zelenskiy'), ``"be"`` (an attitude adjective after a form of "be" and
        before its complement: "is deeply divided over", "are concerned that") or
        ``"bare"`` (a cue wherever it occurs, agentless when no speaker is found).
    nouns : mapping
        Speaker head noun (lower case) -> ``anonymous``, ``title``,
        ``institution`` or ``pronoun``.
    actors : ActorDictionary
        Gives the speaker's actor group.
    context : mapping
        Word (lower case) -> ``evidence``, ``abstract`` or ``furniture``
        (``lexicons/attribution_context.tsv``): heads of evidence sources, nouns
        that are no source, page-furniture words before a colon.
    """

    verbs: Mapping[str, tuple[str, str, str]]
    nouns: Mapping[str, str]
    actors: ActorDictionary
    person_aliases: frozenset[str] = field(default_factory=frozenset)
    group_aliases: frozenset[str] = field(default_factory=frozenset)
    pattern: re.Pattern[str] = field(default=re.compile(r"(?!x)x"), repr=False)
    scanner: CueScanner | None = field(default=None, repr=False, compare=False)
    context: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_tables(cls, verbs: pd.DataFrame, nouns: pd.DataFrame,
                    actors: ActorDictionary | None = None) -> Resources:
        """Build from a verb table (columns ``lemma, stance, forms`` and optional
        ``need``; ``forms`` separated by ``|``) and a noun table (``term, type``)."""
        missing = {"lemma", "stance", "forms"} - set(verbs.columns)
        if missing:
            raise ValueError(f"verb table lacks columns {sorted(missing)}; found {list(verbs.columns)}")
        if not {"term", "type"} <= set(nouns.columns):
            raise ValueError(f"noun table needs columns ['term', 'type']; found {list(nouns.columns)}")
        bad = set(verbs["stance"]) - set(STANCES)
        if bad:
            raise ValueError(f"unknown stance labels {sorted(bad)}; choose from {list(STANCES)}")
        vmap: dict[str, tuple[str, str, str]] = {}
        needs = verbs["need"] if "need" in verbs.columns else pd.Series("", index=verbs.index)
        for lemma, stance, need, forms in zip(verbs["lemma"], verbs["stance"], needs,
                                              verbs["forms"], strict=True):
            for f in str(forms).split("|"):
                f = " ".join(f.lower().split())
                if f:
                    vmap.setdefault(f, (str(lemma), str(stance), str(need or "")))
        nmap = {" ".join(str(t).lower().split()): str(ty)
                for t, ty in zip(nouns["term"], nouns["type"], strict=True)}
        actors = actors if actors is not None else default_actors()
        ctx = load_table("attribution_context")
        cmap = {str(t).lower(): str(c) for t, c in zip(ctx["term"], ctx["class"], strict=True)}
        return cls(vmap, nmap, actors, *_alias_words(actors), *_build(vmap), context=cmap)

    def without_stances(self, stances: tuple[str, ...] | list[str]) -> Resources:
        """A copy whose cues of the given stances are no cues (e.g. ``MENTAL_AND_EVIDENCE``).

        Examples
        --------
        >>> res = default_resources().without_stances(["belief"])
        >>> [r["cue"] for r in attribute("She believes he lied.", headline=False, resources=res)]
        []
        """
        bad = set(stances) - set(STANCES)
        if bad:
            raise ValueError(f"unknown stance labels {sorted(bad)}; choose from {list(STANCES)}")
        vmap = {f: v for f, v in self.verbs.items() if v[1] not in set(stances)}
        pattern, scanner = _build(vmap)
        return replace(self, verbs=vmap, pattern=pattern, scanner=scanner)

    def with_actors(self, actors: ActorDictionary | Mapping[str, Any]) -> Resources:
        """A copy that gives speakers the actor groups of another dictionary."""
        a = as_actors(actors)
        person, group = _alias_words(a)
        return replace(self, actors=a, person_aliases=person, group_aliases=group)

    @classmethod
    def from_terms(cls, verbs: Mapping[str, str], *, nouns: Mapping[str, str] | None = None,
                   actors: ActorDictionary | None = None) -> Resources:
        """Build from ``{form: stance}`` (every surface form listed) and optional nouns.

        Examples
        --------
        >>> res = Resources.from_terms({"said": "neutral", "boasted": "emphatic"})
        >>> [r["cue"] for r in attribute("Kyiv boasted that it won.", resources=res)]
        ['boasted']
        """
        vt = pd.DataFrame({"lemma": list(verbs), "stance": list(verbs.values()),
                           "forms": list(verbs)})
        nt = (pd.DataFrame({"term": list(nouns), "type": list(nouns.values())}) if nouns
              else load_table("attribution_nouns"))
        return cls.from_tables(vt, nt, actors)


def _compile(vmap: Mapping[str, tuple[str, str, str]]) -> re.Pattern[str]:
    return _build(vmap)[0]


def _build(vmap: Mapping[str, tuple[str, str, str]]
           ) -> tuple[re.Pattern[str], CueScanner | None]:
    """The full cue pattern and its fast scanner (None if the forms do not allow one)."""
    forms = sorted(vmap, key=len, reverse=True)
    verb = "|".join(_words(f) for f in forms) or r"(?!x)x"
    pp = [f for f in forms if f.endswith(("ed", "en", "ld", "id", "wn", "ght", "ote", "nd"))
          and " " not in f]
    ppat = "|".join(re.escape(f) for f in pp) or r"(?!x)x"
    others = (
        # agentless accusation: "has (previously) been accused of", "Forces Accused of"
        r"(?P<acc>(?:(?:has|have|had)\s+(?:\w+\s+)?been\s+|(?:is|are|was|were|being|been|stands?"
        r"|stood)\s+(?:\w+ly\s+|also\s+|long\s+)?)?(?:accused|alleged)\s+(?:of|to)\b)"
        # agentless passive: "is said to", "it was reported that"
        r"|(?P<pas>(?:it\s+)?(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
        r"(?:said|reported|believed|thought|claimed|rumou?red|understood|alleged|estimated)"
        r"\s+(?:to|that)\b)"
        # "in the opinion of X", "in his opinion": "according to" in other words (the translated
        # Polish "zdaniem" of the five-country corpus; Quirk et al. 1985, 8.127 on viewpoint adjuncts)
        r"|(?P<acc2>according\s+to|in\s+the\s+opinion\s+of|in\s+(?:his|her|their)\s+opinion(?=\s*[,;:\-–—\x22\u201c])"
        # "in the words of X", and "the words of X" right before a colon or quotation ("recall the
        # words of the Belarusian president: “...”"; not "the words of the treaty")
        r"|in\s+the\s+words\s+of|(?<=the\s)words\s+of(?=\s[^.;:!?\x22\u201c\u201d]{1,80}?:?\s*[\x22\u201c\u00ab]))"
        rf"|(?P<asby>as\s+(?:was\s+|has\s+been\s+)?(?:{ppat})\s+by)"
        r"|(?P<rep>(?:reports?|claims|allegations|rumou?rs)\s+(?:of|that)\b"
        # a claim noun only after a possessor ("his claim that", "Trump's claim that"): "they
        # claim that" stays the verb
        r"|(?:(?<='s\s)|(?<=’s\s)|(?<=\b[Hh]is\s)|(?<=\b[Hh]er\s)|(?<=\b[Tt]heir\s))"
        r"(?:claim|assertion|insistence|contention)\s+that\b"
        # a printed speech's possessor: "Full text of Zelensky's speech", "the text of his statement"
        r"|(?:(?<='s\s)|(?<=’s\s)|(?<=\b[Hh]is\s)|(?<=\b[Hh]er\s))(?:speech|address|statement|remarks)\b)"
        r"|(?P<call>(?<=,\s)(?:calling|describing|branding|labell?ing|dubbing)(?=\s+(?:it|this|that"
        r"|them|him|her|the\s+\w+)\s+(?:a|an|the)\b))"
    )
    pat = rf"{others}|(?P<v>(?:(?:{_AUX_WORDS})\s+)*?(?P<verb>{verb}))"
    full = re.compile(rf"(?<![\w'’-])(?:{pat})(?![\w-])", re.IGNORECASE)
    if not forms or not CueScanner.usable(forms):
        return full, None
    scanner = CueScanner(full, re.compile(rf"(?<![\w'’-])(?:{others})(?![\w-])", re.IGNORECASE),
                         forms, {f: _words(f) for f in forms}, _AUX_LITERALS, _OTHER_KEYS)
    return full, scanner


#: The literal words of ``_AUX_WORDS`` (its two open classes, ``\w+n't`` and
#: ``\w+ly``, are checked by the scanner itself).
_AUX_LITERALS = frozenset(w for w in _AUX_WORDS.split("|") if w.isalpha())
#: Every possible first word of the non-verb alternatives of the cue pattern.
_OTHER_KEYS = frozenset(
    "has have had is are was were being been stand stands stood accused alleged it according as in words "
    "report reports claims allegations rumors rumours claim assertion insistence contention "
    "speech address statement remarks "
    "calling describing branding labeling "
    "labelling dubbing".split())


#: a speaker label opening a line before a colon ("Peskov: ...", 'Bush: "The mission ..."'); a
#: transcript quoted as a whole opens each turn with a quotation mark ('"WALLACE: Let's start ...',
#: '"PENCE: Well, look, ...'), group ``q``
_COLON = re.compile(r"^(?P<q>[\"“])?(?P<sp>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}):[ \t]+(?=[\"“«‘A-Z])",
                    re.MULTILINE)
#: a sentence opening with the poll it reports ("In an NBC News/Wall Street Journal poll released
#: Monday, ...", "In the latest Washington Post-ABC News poll, ..."): group ``np`` is the poll
#: (the literal first, for speed; :func:`_opens_sentence` checks what stands before it)
_IN_POLL = re.compile(r"In\s+(?P<np>(?:a|an|the|its|their|this|that"
                      r"|[\w’'.&-]+['’]s)\s+(?:[\w’'./&-]+\s+){0,6}?(?:polls?|surveys?))(?![\w-])")
_CAP_INSIDE = re.compile(r"\s[A-Z]")
_PHONE_CALL = re.compile(r"\s+(?:(?:it|them|him|her|me|us|you)(?:\s*[.,;!?]|\s+(?:and|or|to|back"
                         r"|from|on|at|in|every|again|up)\b)|(?:off|up|back|in|out|to|into)\b)")
#: "call" meaning convene: "called the hearing", "called an emergency meeting", "calls a
#: snap election" (an event, no naming and no report)
_CALL_EVENT = re.compile(r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:meeting|meetings|hearing|hearings|election|elections|session|summit"
                         r"|referendum|strike|recess|conference|halt|truce|ceasefire|cease-fire)"
                         r"(?![\w-])(?!\s+(?:a|an|the)\b)")
_COLON_QUOTE = re.compile(r":(?=[ \t]*[\"“«‘])")
_COLON_STOP = {"photo", "photos", "video", "watch", "update", "updated", "related", "source",
               "note", "editor", "read", "image", "credit", "copyright", "see", "also", "more",
               "warning", "breaking", "exclusive", "analysis", "opinion", "live", "q", "a",
               "question", "answer", "subscribe", "tags", "filed", "topics", "correction"}
_TAIL_TO = re.compile(rf"\s+(?:to\s+)?({_CAPRUN}|reporters|journalists)")
_TAIL_TELL = re.compile(rf"\s+({_CAPRUN}|{_OBJ})(?![\w'’-])")
_TAIL_MEDIA = re.compile(rf"\s+(?:in|on|during)\s+(?:a|an|the|his|her|its|their)\s+"
                         rf"(?:[\w-]+\s+){{0,2}}?(?:{_MEDIA_NOUN})(?![\w-])", re.IGNORECASE)


# the small patterns of the helpers below, compiled once
_TAIL_SAY_TO = re.compile(r"\s+to\s+(" + _CAPRUN + r"|reporters|journalists)(?![\w'’-])")
_TO_BE_HAVE = re.compile(r"\s+to\s+(?:be|have)\b")
_CLAUSE_WORD = re.compile(r"(?:that|how|why|whether|what|if|where|who|when)\b", re.I)
_THAT = re.compile(r"that\b")
_CONTENT_LEAD = re.compile(r"[\s,:]*(?:that\b)?\s*")
_LATER_THAT = re.compile(r"[^.;:\"“”]{0,40}?\bthat\s+")
_SPACES = re.compile(r"\s*")
_NEXT_WORD = re.compile(r"\s*([\w'’]+)")
_BY = re.compile(r"\s+by\s+")
#: a passive's document named with "in" ("is stated in the resolution", "as noted in a report")
_IN_DOCUMENT = re.compile(r"\s+in\s+(?=(?:the|a|an|its|their|his|her|this|that)\s)")
_SPACE_THAT = re.compile(r"\s+that\b")
#: Subjects that hold no state of mind ("It is convinced that" does not occur; "it is hoped that" is impersonal).
_EXPLETIVE_SUBJECTS = frozenset({"it", "there", "this", "that", ""})


def _alias_words(actors: ActorDictionary) -> tuple[frozenset[str], frozenset[str]]:
    """Words of personal-name aliases and of the other aliases (``kind`` column, when given)."""
    t = actors.table
    if "kind" not in t.columns:
        return frozenset(), frozenset()
    person: set[str] = set()
    group: set[str] = set()
    for a, k in zip(t["alias"], t["kind"], strict=True):
        (person if k == "person" else group).update(str(a).split())
    return frozenset(person), frozenset(group - person)


@lru_cache(maxsize=4)
def default_resources(exclude_stances: tuple[str, ...] = ()) -> Resources:
    """The bundled reporting verbs, speaker nouns and actor dictionary (loaded once).

    Parameters
    ----------
    exclude_stances : tuple of str
        Stances whose cues are left out, e.g. :data:`MENTAL_AND_EVIDENCE` to
        count reporting verbs only (mental-state and evidence predicates are
        then no attributions): ``extract(corpus, resources={"attribution":
        attribution.default_resources(MENTAL_AND_EVIDENCE)})``.
    """
    res = Resources.from_tables(load_table("reporting_verbs"), load_table("attribution_nouns"))
    return res.without_stances(tuple(exclude_stances)) if exclude_stances else res


# --------------------------------------------------------------------------- helpers


#: the tokenizer of :func:`contrast.text.token_spans`
_TOKEN = _text_module._TOKEN
_SPAN, _GROUP = re.Match.span, re.Match.group


class _Sent:
    """Tokens of one sentence, with their text."""

    __slots__ = ("start", "end", "toks", "words")

    def __init__(self, text: str, start: int, end: int):
        self.start, self.end = start, end
        # exactly token_spans(text, start, end) and the token texts, built in C
        ms = list(_TOKEN.finditer(text, start, end))
        self.toks = list(map(_SPAN, ms))
        self.words = list(map(_GROUP, ms))

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        # (s, e) >= (offset, -1) exactly when s >= offset
        return bisect_left(self.toks, (offset, -1))


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


_POSS_END = re.compile(r"['’]s$")


#: the articles, which never stand for a noun phrase alone
_ARTICLES = frozenset({"the", "a", "an"})


def _np_ok(words: list[str], res: Resources) -> bool:
    """A token run that can be a speaker noun phrase."""
    if not words or (len(words) > 14 and not _title_chain(words, res)):
        return False
    first = words[0]
    low = first.lower()
    if len(words) == 1 and low in _ARTICLES:
        return False  # an article alone is no noun phrase ("the" of "the invaders enjoy and boast")
    if low == "about" and len(words) > 1 and (words[1][:1].isdigit() or words[1].lower() in _QUANT):
        return True  # "About half of voters", "about 4 in 10"
    if low in {"at", "more", "fewer"} and len(words) > 2 and words[1].lower() in {"least", "most", "than"} \
            and (words[2][:1].isdigit() or words[2].lower() in _QUANT):
        return True  # "At least half of voters in each state say"
    if low in _PREP - {"and"} or low in {"that", "which", "who", "when", "during", "last", "this"}:
        return False
    if _is_cap(first) or low in _DET or low in res.nouns or low in _PRONOUNS or \
            first[:1].isdigit() or low in _QUANT or _particle_at(words, 0, len(words)):
        return True
    # "business groups", "law enforcement officials": lower-case modifiers of a source noun;
    # "election law expert Rick Hasen", "frontman Anthony Kiedis": of a name
    head = words[-1].lower()
    if _is_cap(words[-1]) and len(words) <= 7 and _is_cap(words[-2] if len(words) > 1 else "x") \
            and all(w.replace("-", "").replace(".", "").isalpha() and w.lower() not in res.verbs
                    and w.lower() not in _BOUNDARY and w.lower() not in _PREP for w in words):
        return True
    # ("mayor's office", "governor's press service": a possessive modifier)
    if len(words) <= 4 and (res.nouns.get(head, "pronoun") != "pronoun" or
                            res.context.get(head) == "evidence") and \
            all(_POSS_END.sub("", w).replace("-", "").isalpha() and w.lower() not in res.verbs
                for w in words[:-1]):
        return True
    # "elected officials from both parties", "supporters of the deal": a source noun and
    # its post-modifier
    for p in range(min(4, len(words) - 2)):
        if words[p + 1].lower() in {"of", "from", "in", "at", "for", "across", "around"}:
            return len(words) <= 10 and res.nouns.get(words[p].lower(), "pronoun") != "pronoun" \
                and all(w.isalpha() and w.lower() not in res.verbs for w in words[:p])
    return False


#: quantifiers that stand alone as a clause's subject ("Some say", "Several said", "...,
#: another says")
_QUANT_PRONOUNS = frozenset(_function_words("quantifier_pronoun"))
#: pronouns that head a partitive relative which is the source ("family members, many of whom say")
_PARTITIVE = _QUANT_PRONOUNS | frozenset(_function_words("partitive"))
#: words that open a quantified source ("only 49 percent of Republicans", "three-quarters")
_QUANT = frozenset(_function_words("quantified_source"))


@lru_cache(maxsize=1)
def _name_particles() -> frozenset[str]:
    """Lower-case particles inside personal names ("von der Leyen", "Lula da Silva"; the class
    ``name_particle`` of ``lexicons/affiliation_words.tsv``), less "do", an English verb first."""
    t = load_table("affiliation_words")
    return frozenset(t["term"][t["class"] == "name_particle"]) - {"do"}


def _particle_at(words: list[str], j: int, limit: int) -> bool:
    """Token ``j`` is a name's particle: lower-case, of :func:`_name_particles`, and followed (before
    ``limit``) by another particle or a capitalised word ("said von der Leyen", "von der Leyen said")."""
    w = words[j]
    if not w.islower() or w not in _name_particles():
        return False
    k = j + 1
    while k < limit and words[k] in _name_particles():
        k += 1
    return k < limit and _is_cap(words[k]) and words[k].isalpha()


def _np_run(sent: _Sent, i: int, limit: int, res: Resources) -> int:
    """End of the run of capitalised words, a leading determiner, source nouns and possessives from
    token ``i`` (before ``limit``), without trailing full stops."""
    j = i
    while j < limit and (_is_cap(sent.words[j]) or (j == i and sent.words[j].lower() in _DET)
                         or sent.words[j].lower() in res.nouns or sent.words[j] in {"'s", "’s", "."}
                         or _particle_at(sent.words, j, limit)):
        j += 1
    while j > i and sent.words[j - 1] == ".":
        j -= 1
    return j


def _trim_lead(sent: _Sent, i: int, j: int) -> int:
    while i < j and (sent.words[i].lower() in _LEAD_TRIM or sent.words[i] in {",", "-"}):
        i += 1
    return i


#: determiner words that are adverbs of time between a subject and its verb ("The ministry earlier
#: said", "Right Wing Watch first reported")
_DET_ADVERBS = frozenset({"first", "earlier"})
#: what makes them determiners again ("the first reported case", "his earlier said ..."; a
#: capitalised name before them is a subject: "BuzzFeed News first reported")
_ARTICLE_OR_POSS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                              "their", "our", "my", "your"})
#: quantifiers that float after the subject they quantify ("They both said", "the candidates all
#: agreed", "Clinton and Sanders each said"; Quirk et al. 1985, 6.49 and 10.29)
_FLOATING_Q = frozenset(_function_words("floating_quantifier"))


def _floating_quantifier(sent: _Sent, i: int) -> bool:
    """Whether token ``i`` is a quantifier floated after its subject ("Richards and Menendez
    *both* stressed"), not a determiner ("*both* states", "in *each* state", "of *all*")."""
    if i < 1 or sent.words[i].lower() not in _FLOATING_Q:
        return False
    before = sent.words[i - 1]
    low = before.lower()
    return before.isalpha() and low not in _DET and low not in _PREP and low not in _BOUNDARY and \
        low not in {"of", "and", "or", "at", "is", "are", "was", "were", "be", "not"} and \
        (low in {"they", "we", "you", "men", "women", "people", "two", "three"} or _is_cap(before) or _plural(low))


def _speaker_before(sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """Token range [i, j) of the subject right before token ``k`` (None if none).

    A short parenthetical right before the verb is skipped and left out of the
    speaker: "Rep. Emanuel Cleaver II (D-Mo.) said".
    """
    j = k
    paired = False
    if 1 < j < len(sent.words) and sent.words[k].lower() in _OBJECT_CUE_NOUNS:
        verb = sent.words[j - 1].lower()
        if verb in _OBJECT_VERBS:
            return None  # "Deadly bombing spurs calls for": the bombing is no source of the calls
        if verb in _SUBJECT_VERBS and (_is_cap(sent.words[j - 2]) or sent.words[j - 2].lower() in res.nouns):
            j -= 1  # "Russia and Ukraine trade blame", "Zelensky renews calls for" (not "the grain trade demand")
            paired = True
    while j > 1 and (_is_adverb(sent.words[j - 1], res) or _floating_quantifier(sent, j - 1)):
        j -= 1  # "The ministry previously said", "They both said": no part of the speaker
    j = _time_tail(sent.words, j, res)  # "Lukashenko on Thursday said": the day is no part either
    s = _setting_tail(sent.words, j, res)  # "Blinken during the meeting of the UNSC warned"
    if s < j:
        j = _time_tail(sent.words, s, res)
    while j > 1 and _is_adverb(sent.words[j - 1], res):
        j -= 1
    k = j
    if k > 3 and sent.words[k - 1] == "," and sent.words[k - 2] == ")":
        k -= 1  # "Sen. Jack Reed (D-R.I.), said"
    if k > 2 and sent.words[k - 1] == ")":
        # (a list of the source's members may be longer: "several polls from diverse polling
        # organizations (Savanta ComRes, VCIOM, the research project “Do Russians Want War?”) have
        # reported"; the parenthesis opens after a word)
        for p in range(k - 2, max(-1, k - 30), -1):
            if sent.words[p] == "(":
                if k - p <= 8 or (p > 0 and sent.words[p - 1][:1].isalnum()):
                    j = p
                break
            if sent.words[p] == ")":
                break
    i = j
    while i > 0:
        w = sent.words[i - 1]
        if w in _HARD or w == "," or (w.lower() in _BOUNDARY and not (i > 1 and w in _NAME_MODALS)) or (
                w.islower() and w in res.verbs and w not in res.nouns and res.verbs[w][2] != "amount"
                and not _reduced_relative(sent, i - 1, res)):
            break  # ("records" is a verb only before an amount: "Disclosure records show")
        i -= 1
    if paired and i == 2 and sent.words[1] == "," and _is_cap(sent.words[0]):
        i = 0  # "Russia, Ukraine trade blame": a headline's two parties joined by a comma
    for p in range(j - 2, i - 1, -1):
        if sent.words[p] == "-" and sent.words[p + 1].lower() in _LEAD_TRIM:
            i = p + 1  # "Ukraine gets Starlink terminals - and friendly warning": a new phrase
            break
    i = _trim_lead(sent, i, j)
    if j - i > 2 and sent.words[j - 1].islower() and sent.words[j - 1].endswith("ed") and \
            _reduced_relative(sent, j - 1, res, cue_only=False):
        j -= 1  # "A news report published Wednesday said": the time went, the participle goes too
    if i < j:
        if j - i > 12 and not _title_chain(sent.words[i:j], res):
            # a clause, not a subject: keep the trailing noun phrase
            cut = j - 1
            while cut > i and (_is_cap(sent.words[cut - 1]) or sent.words[cut - 1].lower()
                               in _DET or sent.words[cut - 1] in {"'s", "’s"}):
                cut -= 1
            i = cut if j - cut <= 6 else j - 1
        if _np_ok(sent.words[i:j], res):
            return i, j
        # "by the time he said", "... abroad, with Senator John McCain telling": the pronoun or
        # the capitalised run right before the verb
        if sent.words[j - 1].lower() in _PRONOUNS:
            return j - 1, j
        cut = j
        while cut > i and (_is_cap(sent.words[cut - 1]) or sent.words[cut - 1] == "."):
            cut -= 1
        while cut < j and sent.words[cut] == ".":
            cut += 1
        if i < cut < j and j - cut <= 6 and (sent.words[cut - 1].islower() or sent.words[cut - 1]
                                             == "-") and \
                sent.words[cut - 1] not in _DET and _np_ok(sent.words[cut:j], res):
            return cut, j
        for p in range(j - 2, i, -1):
            if sent.words[p].lower() in {"and", "but"} and 1 <= j - p - 1 <= 6 and \
                    sent.words[p + 1].lower() in _ARTICLE_OR_POSS | _QUANT | {"other", "many", "some"} and \
                    _np_ok(sent.words[p + 1:j], res) and \
                    res.nouns.get(sent.words[j - 1].lower(), "pronoun") != "pronoun":
                # "Holmila described the pact as ... and a slew of other historians assessed": a
                # coordinated clause with a subject of its own, a source noun phrase after the conjunction
                return p + 1, j
            if sent.words[p] in _HARD or sent.words[p] == ",":
                break
        if i > 1 and sent.words[i - 1].lower() == "who" and j - i <= 10 and \
                (ante := _np_before(sent, i - 1, res)) is not None and \
                (ante[0] == 0 or sent.words[ante[0] - 1].lower() in _CLAUSE_OPENERS):
            # "— as Russians who want democracy and the rule of law will say": a subject with its
            # restrictive relative clause, opening a clause (Quirk et al. 1985, 17.14)
            return ante[0], j
        if i < cut - 1 < j and j - cut <= 6 and sent.words[cut - 1] == "the" and \
                _contact_antecedent(sent.words[cut - 2], res) and _np_ok(sent.words[cut - 1:j], res):
            # "offered free grain, something the UN warned would not make up for ...": a relative
            # clause without "that" whose subject is the article and the name after the antecedent
            return cut - 1, j
    return None


def _outer_rows(found: list[dict[str, Any]], sid: int, cs: int) -> list[dict[str, Any]]:
    """The rows of sentence ``sid`` before offset ``cs``, last first, without those whose speaker
    stands inside the content of another of them ("She had been challenged by a reporter about
    whether *she* supported Lukashenko and ... later said": the second verb of the coordination is
    the main clause's, not the embedded clause's)."""
    rows = [r for r in found[-12:] if r["sent_id"] == sid and r.get("speaker_start") is not None
            and r["end"] <= cs]
    spans = [(r.get("content_start"), r.get("content_end")) for r in rows]
    outer = [r for r in rows if not any(a is not None and b is not None and a <= r["speaker_start"] < b
                                        and o is not r for o, (a, b) in zip(rows, spans, strict=True))]
    return list(reversed(outer))


#: words after which a clause, and its subject, opens
_CLAUSE_OPENERS = frozenset(_function_words("clause_opener"))


def _contact_antecedent(w: str, res: Resources) -> bool:
    """Whether ``w`` can be the antecedent noun of a relative clause without "that" right after it
    ("something the UN warned", "the plan the Kremlin said"; Quirk et al. 1985, 17.15 on the zero
    relative): a lower-case word, no preposition, determiner, verb or clause word."""
    return w.isalpha() and w.islower() and w not in _PREP and w not in _DET and w not in _BOUNDARY and \
        w not in res.verbs and w not in _BE and w not in _PRONOUNS and not w.endswith("ly") and \
        w not in _NOT_CONTACT_ANTECEDENTS


#: words before "the" and a name that are no antecedent of a relative clause: prepositions the
#: preposition list lacks ("along the Las Vegas Strip told") and "way" (a manner, "the way the
#: United States responds": no report)
_NOT_CONTACT_ANTECEDENTS = frozenset(_function_words("not_contact_antecedent"))


_OBJECT_VERBS = frozenset(_function_words("object_verb"))
_SUBJECT_VERBS = frozenset(_function_words("subject_verb"))
_OBJECT_CUE_NOUNS = frozenset(_function_words("object_cue_noun"))
_TITLE_LINKS = frozenset({"of", "in", "for", "on", "and", "at"})


def _title_chain(words: list[str], res: Resources) -> bool:
    """Whether a long run before a verb is one title and the name it ends with, as translated copy
    writes them ("The leader of the Democratic Party in the House of Representatives Hakeem
    Jeffries", "Chairman of the International Affairs Commission of the House of Representatives of
    Belarus Andrei Savinykh"): at most 20 words, each capitalised, a determiner, a source noun or a
    linking preposition, and the last two capitalised (a name), not a clause."""
    return len(words) <= 20 and len(words) >= 2 and _is_cap(words[-1]) and _is_cap(words[-2]) and \
        all(_is_cap(w) or w.lower() in _DET or w.lower() in _TITLE_LINKS or w.lower() in res.nouns for w in words)


#: first words of an adverbial between a speaker and the verb ("Blunt, after a long pause, said")
_ADVERBIAL_LEAD = frozenset({"after", "before", "during", "in", "at", "on", "for", "like", "unlike", "as",
                             "despite", "following", "meanwhile", "however", "though", "too",
                             "also", "now", "then", "instead", "again", "once", "later", "earlier",
                             "still", "indeed", "moreover"})
#: one-word adverbials that open a clause before a comma ("There, he laid a wreath, saying ...")
_LONE_OPENERS = frozenset({"there", "here", "today", "yesterday", "tonight", "separately", "similarly",
                           "likewise", "nevertheless", "nonetheless", "additionally", "furthermore",
                           "afterwards", "afterward", "subsequently", "finally", "ultimately", "overall",
                           "meanwhile", "however", "earlier", "later", "previously", "also", "then", "now",
                           "instead", "again", "still", "indeed", "moreover"})
#: first words of an appositive or relative segment ("X, a spokesman who ..., said")
_APPOSITIVE_LEAD = frozenset({"a", "an", "the", "who", "whose", "which", "now", "formerly", "himself",
                              "herself", "also", "then", "once", "both"})


def _subject_at(sent: _Sent, i: int, res: Resources) -> tuple[int, int] | None:
    """A subject starting at token ``i``: a pronoun, or capitalised words, a determiner
    and source nouns ("Trump", "the senator", "Mr. Sanders")."""
    n = len(sent.words)
    if i < n and sent.words[i].lower() in _PRONOUNS:
        return i, i + 1
    j = _np_run(sent, i, n, res)
    return (i, j) if j > i and _np_ok(sent.words[i:j], res) else None


def _possessive_mark(sent: _Sent, i: int) -> bool:
    """Whether token ``i`` is the apostrophe of a plural possessive ("Sanders' adviser")."""
    w = sent.words
    return w[i] in {"'", "’"} and i > 0 and w[i - 1][-1:] in {"s", "S"} and w[i - 1].isalpha() \
        and i + 1 < len(w) and w[i + 1][:1].isalpha() and w[i + 1][:1].islower()


#: prepositions that open a parenthetical predicate between a subject and its verb
_PARENTHETICAL_PREP = frozenset({"under", "amid", "with", "without", "facing", "fresh", "speaking"})


def _participle_lead(w: str, res: Resources) -> bool:
    """Whether ``w`` opens a participle phrase between commas ("*appearing* after Clinton",
    "*reviewing* a previous draft", "*under* fire over his taxes"), no part of a speaker."""
    return w.islower() and (w in _PARENTHETICAL_PREP or (
        w.endswith("ing") and len(w) > 5 and w not in res.nouns and w not in {"including"}))


def _appositive_chain(sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """``Name, a spokesman for X, said``: segments before the comma at ``k - 1`` (past
    adverbs: "RNC members and officials, in fact, even insist")."""
    while k > 2 and _is_adverb(sent.words[k - 1], res):
        k -= 1
    k = _time_tail(sent.words, k, res)  # "X, a spokesman, on Thursday said"
    if k < 2 or sent.words[k - 1] != ",":
        return None
    end = k - 1
    # an adverbial between the speaker and the verb is no part of it: "Blunt, after a long
    # pause, said", "RNC members and officials, in fact, even insist"
    i = end
    while i > 0 and sent.words[i - 1] not in {",", "(", ")"} and sent.words[i - 1] not in _HARD:
        i -= 1
    if 1 < i < end and sent.words[i - 1] == "," and (
            (end - i <= 6 and sent.words[i].lower() in _ADVERBIAL_LEAD) or
            (end - i <= 10 and _participle_lead(sent.words[i], res))):
        # (and a participle phrase: "Trump, appearing after Clinton at the forum, cited",
        # "Donald Trump, under fire over his taxes, is casting")
        end = i - 1
    segs: list[tuple[int, int, bool]] = []
    j = end
    while j > 0 and len(segs) < 4:
        i = j
        # (a parenthetical stays in its segment: "Rep. Gregory W. Meeks (D-N.Y.), chairman ...";
        # so do a few scare-quoted words: "the Russian former “defense minister” of the ...")
        while i > 0 and sent.words[i - 1] != ",":
            if sent.words[i - 1] not in _HARD or sent.words[i - 1] in {"(", ")"} or \
                    _possessive_mark(sent, i - 1):
                i -= 1
                continue
            o = _scare_quote_open(sent, i - 1)
            if o is None:
                break
            i = o
        seg = sent.words[i:j]
        if not seg:
            break
        # "But Mr. Guerrero, a Republican ..., said", "and Brian Deese, the ... adviser, said"
        t = _trim_lead(sent, i, j)
        if i < t < j:
            seg = sent.words[t:j]
        # (a capitalised word inside is a name: "Will Rogers")
        strict = len(seg) <= 12 and not any(w.lower() in _BOUNDARY - {"of", "to", "on", "at"}
                                            and (p == 0 or not _is_cap(w))
                                            for p, w in enumerate(seg))
        # "Shane Shook, a cyber security expert who has helped investigate ..., said",
        # "Leonard E. Burman, director of the ... Center and a professor at ..., said":
        # an appositive or relative segment may hold a clause
        loose = len(seg) <= 24 and (seg[0].lower() in _APPOSITIVE_LEAD or seg[0].isdigit()
                                    or res.nouns.get(seg[0].lower()) == "title")
        if not (strict or loose):
            break
        segs.append((i, j, strict))
        if i == 0 or sent.words[i - 1] in _HARD:
            break
        j = i - 1
    while segs:
        while segs and not (_is_cap(sent.words[_trim_lead(sent, segs[-1][0], segs[-1][1])])
                            and segs[-1][2]):
            segs.pop()
        if not segs:
            return None
        i0 = _trim_lead(sent, segs[-1][0], end)
        head_end = max(segs[-1][1], i0 + 1)
        if i0 < end and _np_ok(sent.words[i0:head_end], res):
            return i0, end
        # "In an interview, Steve Huhn, a former HP vice president, said": the outermost
        # segment is no noun phrase; the name after it heads the speaker
        segs.pop()
    return None


_SCARE_CLOSE = {"”": "“", "\"": "\"", "’": "‘"}


def _scare_quote_open(sent: _Sent, c: int) -> int | None:
    """Index of the opening quotation mark of a closing one at token ``c`` that encloses one to
    four words with no comma or other quotation mark ("“defense minister”"), else None."""
    want = _SCARE_CLOSE.get(sent.words[c])
    if want is None:
        return None
    for p in range(c - 1, max(-1, c - 6), -1):
        w = sent.words[p]
        if w == want and p < c - 1:
            return p
        if w == "," or w in _QUOTES:
            return None
    return None


def _title_abbreviation(word: str) -> bool:
    """``word`` + "." is an abbreviation of ``lexicons/abbreviations.tsv`` ("Mr", "Dr", "Gen") or an initial."""
    return (len(word) == 1 and word.isupper()) or word in abbreviation_forms()


def _np_after(sent: _Sent, i: int, res: Resources, *, apposition: bool = True
              ) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at token ``i``."""
    n = len(sent.words)
    if i < n and sent.words[i].lower() in _PRONOUNS:
        return i, i + 1  # "said he recoiled": the pronoun, not "he recoiled"
    j = i
    while j < n:
        w = sent.words[j]
        if w == "." and j > i and j + 1 < n and _is_cap(sent.words[j + 1]) and _title_abbreviation(sent.words[j - 1]):
            j += 1  # "said Mr. Rhodes", "recalled Dr. Harold Varmus": the stop closes a title, not the phrase
            continue
        if w in _QUOTES and j > i and sent.words[j - 1].lower() in {"the", "of"} and \
                (close := _quoted_name_end(sent, j)) is not None:
            j = close  # 'said the leader of the "Voice of Ukraine" initiative Anastasia Sihnaievska'
            continue
        if w in _HARD or w in {",", ".", "!", "?"} or (j > i and w.lower() in _BOUNDARY
                                                        - {"of", "to", "at", "on", "with"}):
            break
        j += 1
        if j - i > 14:
            return None
    while j > i and sent.words[j - 1].lower() in _BOUNDARY | _PREP:
        j -= 1
    if j <= i:
        return None
    if not _np_ok(sent.words[i:j], res) and not _modified_name(sent.words[i:j], res):
        return None
    if apposition and j + 1 < n and sent.words[j] == "," and \
            sent.words[j + 1].lower() in {"a", "an", "the"}:
        k = j + 1
        while k < n and sent.words[k] not in {",", ".", ";", "!", "?"} and sent.words[k] not in _HARD:
            k += 1
        seg = [w.lower() for w in sent.words[j + 1:k]]
        # an appositive has no verb: "According to Moscow, the site was used to ..." and "According to
        # the resolution, a free Ukraine is one of the guarantors ..." are clauses
        if k - j <= 12 and (k >= n or sent.words[k] in {".", "!", "?", ","}) and \
                not any(w in _BOUNDARY - {"of", "to", "at", "on"} for w in seg) and \
                not any(w in res.verbs or w in _BE or w in _FINITE for w in seg):
            j = k
    return i, j


def _quoted_name_end(sent: _Sent, q: int) -> int | None:
    """The token after the closing quotation mark of a name quoted inside a noun phrase, opening at
    token ``q`` ('the "Voice of Ukraine" initiative', 'the "Azov" regiment'): one to five words, the
    first capitalised, none of them punctuation, and a word after the closing mark; else None."""
    n = len(sent.words)
    if q + 1 >= n or not _is_cap(sent.words[q + 1]):
        return None
    for c in range(q + 2, min(n, q + 7)):
        w = sent.words[c]
        if w in _QUOTES:
            return c + 1 if c + 1 < n and sent.words[c + 1][:1].isalnum() else None
        if not w[:1].isalnum():
            return None
    return None


def _modified_name(words: list[str], res: Resources) -> bool:
    """A name or a titled name after lower-case modifiers, as an inverted speaker has it ('said
    former Gov. Bill Richardson', 'said undecided Republican voter Stephanie Hooton', 'said
    retired Army Lt. Gen. Mick Bednarek'): at most four lower-case words, none a verb form of the
    lexicon, a preposition, a boundary word, an adverb or a participle ('said quietly John Smith'),
    then a run the speaker reader takes."""
    c = 0
    while c < len(words) and c < 4 and words[c].isalpha() and words[c].islower() and \
            words[c] not in res.verbs and words[c] not in _BOUNDARY and words[c] not in _PREP and \
            not _participle_lead(words[c], res) and not _is_adverb(words[c], res):
        c += 1
    return 0 < c < len(words) and _is_cap(words[c]) and _is_cap(words[-1]) and _np_ok(words[c:], res)


#: words that end an agent phrase read after "according to" or a passive "by" ("a complaint
#: *filed* by", "insiders *who* ...", "fellow physicians *for* promoting")
_AGENT_STOP = frozenset(_function_words("agent_stop"))
#: words that cannot open an agent phrase ("according to *which*", "by *then*")
_AGENT_NOT_FIRST = frozenset({"which", "that", "this", "it", "then", "now", "far", "way",
                              "contrast", "comparison", "default", "plan", "schedule", "law"})


def _agent_after(sent: _Sent, i: int, res: Resources) -> tuple[int, int] | None:
    """The agent noun phrase at token ``i`` after "according to" or a passive "by": a speaker
    phrase (:func:`_np_after`), or else the lower-case words up to a clause or preposition
    ("according to *show insiders*", "endorsed by *dozens of papers* ranging from",
    "supported by *far fewer publications*"): the syntax makes the phrase the source."""
    span = _np_after(sent, i, res)
    if span is not None:
        return span
    n = len(sent.words)
    if i >= n or sent.words[i].lower() in _AGENT_NOT_FIRST or not sent.words[i][:1].isalnum():
        return None
    j = i
    while j < n and j - i < 8:
        w = sent.words[j]
        lw = w.lower()
        if not (w[:1].isalnum() or w in {"'s", "’s"}) or (j > i and lw in _AGENT_STOP) or \
                (j > i and w.islower() and lw.endswith("ing") and lw not in res.nouns):
            break
        j += 1
    if any(w.islower() and w.endswith("ed") for w in sent.words[i + 1:j]):
        return None  # "according to audio obtained by CNN": a document, see ``_link``
    while j > i and sent.words[j - 1].lower() in _BOUNDARY | _PREP:
        j -= 1
    if j <= i or (j - i == 1 and sent.words[i].lower() in _DET):
        return None
    return i, j


def _document_after(sent: _Sent, i: int, res: Resources) -> tuple[int, int] | None:
    """The document noun phrase at token ``i`` after a passive's "in" ("stated in *the resolution*
    adopted by ..."): a determiner, at most three modifiers and a head that names a document or an
    evidence source (``attribution_context.tsv`` classes ``document`` and ``evidence``), else None
    ("is stated in the morning", "was reported in the region")."""
    n = len(sent.words)
    for j in range(i + 1, min(n, i + 5)):
        w = sent.words[j]
        if not w[:1].isalnum():
            return None
        if res.context.get(w.lower()) in {"document", "evidence"} and \
                (j + 1 >= n or res.context.get(sent.words[j + 1].lower()) not in {"document", "evidence"}):
            return i, j + 1
    return None


# ------------------------------------------------------------------ speaker typing


def _name_runs(words: list[str], res: Resources) -> list[tuple[int, int]]:
    """Runs of capitalised words that look like a person's name."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if _is_cap(words[i]) and words[i].isalpha() or (_is_cap(words[i]) and "-" in words[i]):
            j = i
            while j < n and _is_cap(words[j]) and (words[j].replace("-", "").replace(".", "")
                                                   .replace("'", "").isalpha()):
                j += 1
            if j == i:
                i += 1
                continue
            run = words[i:j]
            low = [w.lower() for w in run]
            person = any(w in res.person_aliases for w in run)
            unknown = [w for w, lw in zip(run, low, strict=True)
                       if lw not in res.nouns and w not in res.group_aliases and lw not in _DET
                       and lw not in _PRONOUNS and lw not in _NOT_NAMES and len(w) > 1]
            inst_tail = low[-1] in res.nouns and res.nouns[low[-1]] == "institution"
            if person or (unknown and not inst_tail):
                # drop leading known words (titles, adjectives): "Ambassador Rodion Miroshnik"
                s = i
                while s < j - 1 and (low[s - i] in res.nouns or run[s - i] in res.group_aliases
                                     or low[s - i] in _DET or low[s - i] in _NOT_NAMES):
                    s += 1
                runs.append((s, j))
            i = j
        else:
            i += 1
    return runs


_NOT_NAMES = {"foreign", "defense", "defence", "affairs", "interior", "national", "security",
              "political", "military", "former", "senior", "top", "deputy", "acting", "vice",
              "state", "federal", "ministry", "january", "february", "march", "april", "may",
              "june", "july", "august", "september", "october", "november", "december",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "many", "most", "some", "several", "both", "all", "other", "others", "local",
              "western", "eastern", "northern", "southern", "european", "international",
              "sources", "experts", "officials", "analysts", "reports", "critics", "general",
              "lt", "col", "gen", "sen", "rep", "mr", "mrs", "ms", "dr", "prof", "read", "photo"}


def _speaker_type(words: list[str], res: Resources) -> str:
    return _speaker_type_and_name(words, res)[0]


def _speaker_type_and_name(words: list[str], res: Resources) -> tuple[str, str | None]:
    """:func:`_speaker_type` and, for a named speaker, ``_person_name(words, res)``
    (both read the same name runs, found once)."""
    low = [w.lower() for w in words]
    if len(low) == 1 and low[0] in _PRONOUNS:
        return "pronoun", None
    # the head segment: up to the first comma
    head = low[: low.index(",")] if "," in low else low
    hwords = words[: len(head)]
    runs = _name_runs(hwords, res)
    if runs:
        s, e = runs[-1]
        return "named", " ".join(hwords[s:e])
    return _unnamed_type(head, hwords, res), None


def _unnamed_type(head: list[str], hwords: list[str], res: Resources) -> str:
    # head noun: last word before a preposition
    cut = len(head)
    for p, w in enumerate(head):
        if p > 0 and w in {"of", "for", "in", "from", "at", "with", "close", "familiar", "who"}:
            cut = p
            break
    core = head[:cut]
    if not core:
        return "anonymous"
    for n in (2, 1):
        if len(core) >= n:
            key = " ".join(core[-n:])
            if key in res.nouns and res.nouns[key] != "pronoun":
                return res.nouns[key]
    if any(w in res.group_aliases for w in hwords[:cut]):
        return "institution"
    if any(res.nouns.get(w) == "institution" for w in core):
        return "institution"
    if any(res.nouns.get(w) == "title" for w in core):
        return "title"
    return "institution" if _is_cap(hwords[-1] if cut >= len(hwords) else hwords[cut - 1]) \
        else "anonymous"


def _person_name(words: list[str], res: Resources) -> str | None:
    runs = _name_runs(words[: words.index(",")] if "," in words else words, res)
    if not runs:
        return None
    s, e = runs[-1]
    return " ".join(words[s:e])


# ------------------------------------------------------------------ extraction


def _cue_tail(text: str, end: int, lemma: str) -> int:
    """Extend a verb cue over a recipient ("told the Kyiv Post", "stated to
    Izvestia") and a medium ("in a statement")."""
    if lemma == "tell":
        m = _TAIL_TELL.match(text, end)
        if m:
            end = m.end()
    elif lemma in {"say", "state", "explain", "write", "speak", "announce", "declare", "confirm",
                   "admit", "complain", "report"}:
        m = _TAIL_SAY_TO.match(text, end)
        if m and not _TO_BE_HAVE.match(text[end:end + 12]):
            end = m.end()
    m = _TAIL_MEDIA.match(text, end)
    if m:
        end = m.end()
    return end


def _after_ok(text: str, end: int, sent_end: int, *, strict: bool = False) -> bool:
    """A following that-clause, quotation, colon (or, unless ``strict``, a comma)."""
    rest = text[end:min(sent_end + 1, end + 40)].lstrip()
    return (rest[:1] in set(_OPEN_Q + ":" + ("" if strict else ",")) or
            _CLAUSE_WORD.match(rest) is not None)


def _after_q(text: str, end: int) -> bool:
    """A following "that", quotation or colon (not a wh-word: "declined to say whether")."""
    rest = text[end:end + 40].lstrip()
    return rest[:1] in set(_OPEN_Q + ":") or _THAT.match(rest) is not None


def _last_quote_by(quotes: list[tuple[int, int]], x: int) -> tuple[int, int] | None:
    """The last quotation ending at or before ``x``.

    Quotation spans are sorted and disjoint, so only this one can be followed by
    nothing but white space and commas up to ``x`` (any earlier one has this
    one's quotation mark in between); the same holds for the first quotation
    starting at or after an offset.
    """
    i = bisect_left(quotes, (x, -1)) - 1  # the last quote starting before x
    if i >= 0 and quotes[i][1] > x:
        i -= 1
    return quotes[i] if i >= 0 else None


def _in_quote(quotes: list[tuple[int, int]], x: int) -> bool:
    """Whether ``x`` lies strictly inside a quotation (spans sorted and disjoint)."""
    i = bisect_left(quotes, (x, -1)) - 1  # the last quote starting before x
    return i >= 0 and quotes[i][1] > x


def _first_quote_from(quotes: list[tuple[int, int]], x: int) -> tuple[int, int] | None:
    """The first quotation starting at or after ``x``."""
    i = bisect_left(quotes, (x, -1))
    return quotes[i] if i < len(quotes) else None


def _content_range(text: str, sent: _Sent, cue_end: int, pre_end: int, quotes: list[tuple[int, int]],
                   before: bool, after: bool) -> tuple[int, int] | None:
    """The reported content next to a cue.

    ``pre_end`` is where the text before the speaker/cue ends (the offset of the
    speaker or cue start). ``before``/``after`` say which sides may hold it.
    """
    if before and after:
        rest = text[cue_end:sent.end].lstrip(" ,")
        if not (rest[:1] in set(_OPEN_Q + ":") or _THAT.match(rest)):
            q = _last_quote_by(quotes, pre_end)
            if q is not None and not text[q[1]:pre_end].strip(" ,\t"):
                return q
    if after:
        m = _CONTENT_LEAD.match(text, cue_end)
        s = m.end() if m else cue_end
        # "said last year that ..." / "said on Monday that ..."
        m2 = _LATER_THAT.match(text, cue_end, sent.end)
        if m2 and text[s:s + 1].islower():
            s = m2.end()
        e = sent.end
        i = bisect_left(quotes, (s, -1))  # the first quote starting at or after s
        if i < len(quotes) and not text[s:quotes[i][0]].strip(" ,:"):
            return quotes[i]
        while e > s and text[e - 1] in ".!? ":
            e -= 1
        lead = text[s:e].split(" ", 1)[0].lower() if e > s else ""
        if e - s > 2 and not (before and lead in _PREP | {"during", "last", "earlier", "according"}):
            return s, e
    if before:
        gap = pre_end
        q = _last_quote_by(quotes, gap)
        if q is not None and not text[q[1]:gap].strip(" ,\t"):
            return q
        s = sent.start
        e = gap
        while e > s and text[e - 1] in " ,—–-:":
            e -= 1
        if e - s > 2:
            return s, e
    return None


class _History:
    """The speakers an article has cited so far, indexed for :func:`_resolve`.

    Each look-up returns what a backwards scan over every earlier speaker would
    (the most recent match), in time independent of the article's length.
    """

    def __init__(self) -> None:
        self.named: dict[tuple[str, str], None] = {}  # distinct (name, full mention), most recent last
        self.by_surname: dict[str, tuple[str, str]] = {}  # last word of a multi-word name
        self.group = ""  # the full mention of the latest institution or anonymous source

    def add_named(self, name: str, full: str) -> None:
        self.named.pop((name, full), None)
        self.named[(name, full)] = None
        if " " in name:
            self.by_surname[name.rsplit(" ", 1)[1]] = (name, full)

    def add_group(self, full: str) -> None:
        self.group = full

    def last_named(self) -> tuple[str, str]:
        return next(reversed(self.named), ("", ""))


def _resolve(words: list[str], stype: str, history: _History,
             res: Resources, own_name: str | None = None) -> tuple[str, str]:
    """(resolved name, full earlier mention) for pronouns, descriptions, surnames.

    ``own_name`` is ``_person_name(words, res)`` when the caller has it.
    """
    low = [w.lower() for w in words]
    if stype == "pronoun":
        if low[0] in {"he", "she", "i"}:
            return history.last_named()
        if low[0] in {"they", "it", "we"} and history.group:
            return "", history.group
        return "", ""
    if stype == "title" and low[0] in {"the", "this"} and len(low) <= 4:
        key = low[-1]
        for name, full in reversed(history.named):
            if key in full.lower():
                return name, full
        return history.last_named()
    if stype == "named":
        own = (own_name if own_name is not None else _person_name(words, res)) or ""
        if own and " " not in own:
            return history.by_surname.get(own, ("", ""))
    return "", ""


#: a quotation opened and closed with two apostrophes (''I think ...,'' he said): the convention of
#: the New York Times as archives and LexisNexis give it; within one line, opened after a space, a
#: line start or a bracket and before a word, closed after a word or a mark (or a mark and a space)
_DOUBLED_APOSTROPHES = re.compile(r"(?:(?<=[\s(\[])|^)''(?=[^\s'])[^\n]*?(?:(?<=[^\s'])|(?<=[,.?!] ))''(?!\w)",
                                  re.MULTILINE)


def _with_doubled_apostrophes(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``quotes`` and the quotations marked by doubled apostrophes that overlap none of them, sorted
    (the helpers of this module read a cue inside one as quoted, as inside curly or straight marks)."""
    extra = [(m.start(), m.end()) for m in _DOUBLED_APOSTROPHES.finditer(text)]
    keep = [(a, b) for a, b in extra if not any(x < b and a < y for x, y in quotes)]
    return sorted(quotes + keep) if keep else quotes


def extract(doc: Doc, resources: Resources | None = None) -> list[dict[str, Any]]:
    """Attribution and unattributed-sentence evidence for one segmented article.

    Parameters
    ----------
    doc : Doc
        From :func:`contrast.text.segment`.
    resources : Resources, optional
        Word lists (default: :func:`default_resources`).

    Returns
    -------
    list of dict
        Evidence rows (see the module docstring).
    """
    res = resources if resources is not None else default_resources()
    text = doc.text
    if not text.strip() or not doc.sentences:
        return []
    quotes = quote_spans(text)
    if "''" in text:
        quotes = _with_doubled_apostrophes(text, quotes)
    sents: dict[int, _Sent] = {}
    glued_pieces: dict[int, list[_Sent]] = {}

    def sent_of(offset: int) -> tuple[int, _Sent]:
        sid = doc.sent_id(offset)
        if sid not in sents:
            s, e = doc.sentences[sid]
            glued_pieces[sid] = _glued_sentence_pieces(text, s, e)
            sents[sid] = glued_pieces[sid][0] if glued_pieces[sid] else _Sent(text, s, e)
        if glued_pieces[sid]:  # sentences run together without a space ("... with Ukraine.He added")
            return sid, next(p for p in reversed(glued_pieces[sid]) if p.start <= offset)
        return sid, sents[sid]

    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    findings: list[tuple[int, int]] = []  # evidence verbs that gave no row (see _evidence_finding_rows)

    cues = (res.scanner.scan(text) if res.scanner is not None
            else map(Cue.from_match, res.pattern.finditer(text)))
    for cue in cues:
        if found and found[-1]["start"] <= cue.start < found[-1]["end"]:
            continue  # inside the cue before ("was quoted as *saying*")
        row = _from_match(text, cue, res, sent_of, quotes, found)
        if row is not None:
            found.append(row)
            taken.append((row["start"], row["end"]))
            if (person := row.pop("_quoted_person", None)) is not None:
                found.append(person)  # 'Adeyemo quoted by "Ukrainian truth"': the person quoted too
            elif (cited := _cited_source_row(text, row, res, sent_of)) is not None:
                found.append(cited)  # "Reuters reports, citing police": the police are a source too
        elif text[cue.vs:cue.ve] in _FINDING_FORMS:
            findings.append((cue.vs, cue.ve))
    cue_starts = sorted(a for a, _ in taken)
    for m in _COLON.finditer(text):
        ss = m.start("sp")
        sid, sent = sent_of(ss)
        cs = m.end("sp")
        sp_words = [text[a:b] for a, b in token_spans(text, ss, cs)]
        if not _np_ok(sp_words, res) or _not_a_source(sp_words, res) or \
                sp_words[0].lower() in _COLON_STOP or \
                sp_words[-1].lower() in _COLON_STOP or _topic_label(sp_words, res) or \
                _headline_topic(sp_words, res, quoted=text[m.end()] in _QUOTE_OPENERS) or \
                _starts_within(cue_starts, ss, cs):
            continue  # (and not 'Stated Stone:' whose cue is "Stated")
        stype = _speaker_type(sp_words, res)
        if m.group("q") is not None and stype != "named":
            continue  # a quoted turn of a transcript has a person's name ('"PENCE: Well')
        if text[m.end()] not in _OPEN_Q and stype not in {"named", "institution"}:
            continue
        q = _first_quote_from(quotes, m.end())
        if q is not None and q[0] != m.end():
            q = None
        row = _row(text, res, cs, cs + 1, "neutral", (ss, cs), sp_words, q, sid)
        if m.group("q") is not None:
            row["_turn"] = True  # inside the quoted transcript, yet the outlet's attribution
        found.append(row)
        taken.append((cs, cs + 1))
    for m in _IN_POLL.finditer(text):
        # "In an NBC News/Wall Street Journal poll released Monday, 50 percent ...": the poll
        # is the source of the finding (stance evidence), "In" its cue
        cs = m.start()
        if not _opens_sentence(text, cs) or not _CAP_INSIDE.search(text, cs + 2, m.end()) or \
                _starts_within(cue_starts, cs, m.end()) \
                or not any(v[1] == "evidence" for v in res.verbs.values()):
            continue  # (a poll named by its outlet; none when evidence cues are left out)
        sid, sent = sent_of(cs)
        ss = m.start("np")
        sp_words = [text[a:b] for a, b in token_spans(text, ss, m.end())]
        comma = text.find(",", m.end(), sent.end)
        content = _strip(text, (comma + 1, sent.end)) if comma >= 0 else None
        found.append(_row(text, res, cs, cs + 2, "evidence", (ss, m.end()), sp_words, content, sid))
        taken.append((cs, cs + 2))
    for row in _postposed_frame_rows(text, res, sent_of, quotes, cue_starts):
        found.append(row)
        taken.append((row["start"], row["end"]))
    for row in _evidence_finding_rows(text, res, sent_of, cue_starts, findings):
        found.append(row)
        taken.append((row["start"], row["end"]))
    for row in _predicative_nominal_rows(text, res, sent_of, cue_starts):
        found.append(row)
        taken.append((row["start"], row["end"]))
    for row in _made_by_rows(text, res, sent_of, cue_starts):
        found.append(row)
        taken.append((row["start"], row["end"]))
    dash_starts: list[int] = []
    for row in _headline_and_dash_rows(doc, res, quotes, taken):
        found.append(row)
        taken.append((row["start"], row["end"]))
        if row["cue"] != ":":
            dash_starts.append(row["start"])
    if dash_starts:
        found = _without_topic_colons(text, found, dash_starts)
    found.extend(_repeated_headline_rows(doc, res, found))
    # a colon introducing a quotation mid-line ('Bush: "The mission ..."', 'he wrote: "..."')
    taken.sort()
    taken_starts = [a for a, _ in taken]
    taken_reach = list(accumulate((b for _, b in taken), max, initial=-1))
    for m in _COLON_QUOTE.finditer(text):
        cs = m.start()
        # some cue already found starts at or before the colon and ends less than
        # 40 characters before it: this is that cue's colon ("said:")
        i = bisect_left(taken_starts, cs + 1)
        if i and taken_reach[i] + 40 > cs:
            continue
        sid, sent = sent_of(cs)
        k = sent.index_at(cs)
        spk = _speaker_before(sent, k, res) if k > 0 else None
        # only the first quotation from the colon on can have nothing but space before it
        q = _first_quote_from(quotes, cs)
        if q is not None and text[cs + 1:q[0]].strip():
            q = None
        if spk is None or q is None or _headline_topic(sent.words[spk[0]:spk[1]], res, quoted=True):
            continue  # ('Mariupol: "We are surrounded"': a place's label, no source)
        ss, se = sent.toks[spk[0]][0], sent.toks[spk[1] - 1][1]
        found.append(_row(text, res, cs, cs + 1, "neutral", (ss, se),
                          sent.words[spk[0]:spk[1]], q, sid))
    quoted_as = _quoted_as_saying_rows(doc, res, found)
    if quoted_as:  # the bare "saying" inside a person's "as saying" is the same cue: one row
        inside = {(q["start"], q["end"]) for q in quoted_as}
        found = [r for r in found if not any(a <= r["start"] and r["end"] <= b and (r["start"], r["end"]) != (a, b)
                                             for a, b in inside)]
        found.extend(quoted_as)
    found.sort(key=lambda r: r["start"])
    found = _outside_quotes(text, found, quotes)
    if ":" in text:
        found = _outside_turns(text, found)
    found = [r for r in found if not _attributive(text, r, res) and not _military_attack(text, r, res)]
    found = _link(text, found)
    for row in found:
        _reown_participle(text, row, res)
    _finish(text, found, res)
    return found + _unattributed(doc, found, quotes)


#: the participles that name, after a reporter, the source it has its report from
_CITING = frozenset(_function_words("citing"))


def _cited_source_row(text: str, row: dict[str, Any], res: Resources, sent_of: Any) -> dict[str, Any] | None:
    """The source a reporter cites, named right after "citing" or "quoting" ("Reuters reports, citing
    police", "Zelenskyy told world leaders, citing an imprisoned Ukrainian activist from Crimea"): a
    row of its own on the same cue, its speaker the noun phrase after the participle when it names a
    person, an office, a body or an anonymous source (not "citing security concerns")."""
    if row.get("cue", "").lower() not in _CITING or row.get("speaker_start") is None:
        return None
    sid, sent = sent_of(row["start"])
    i = sent.index_at(row["end"])
    span = _np_after(sent, i, res)
    if span is None:
        return None
    words = sent.words[span[0]:span[1]]
    if _not_a_source(words, res) or _speaker_type(words, res) not in {"named", "title", "institution", "anonymous"} \
            or not _owner_phrase_head(words, res):
        return None  # (a thing: "citing the release of political prisoners")
    ss, se = sent.toks[span[0]][0], sent.toks[span[1] - 1][1]
    content = (row["content_start"], row["content_end"]) if row.get("content_start") is not None else None
    return _row(text, res, row["start"], row["end"], row["label"], (ss, se), words, content, sid)


@lru_cache(maxsize=1)
def _military_agents() -> frozenset[str]:
    """Head nouns of an armed force, its weapons and the names one side gives the other's forces:
    the military role nouns of ``lexicons/role_nouns.tsv`` and the fighting and enemy nouns of
    ``lexicons/affiliation_words.tsv`` ("troops", "drones", "the occupiers", "rashists")."""
    roles = load_table("role_nouns")
    words = load_table("affiliation_words")
    military = {str(t).split()[-1] for t, r in zip(roles["term"], roles["role"], strict=True) if r == "military"}
    fighting = {str(t) for t, c in zip(words["term"], words["class"], strict=True) if c in {"fighting", "enemy_noun"}}
    return frozenset(military | fighting)


#: the forms of the verbs of criticism that are also verbs of combat ("attack", "push back" in
#: lexicons/reporting_verbs.tsv): a cue's words hold one of these sets
_COMBAT_CUES = (frozenset({"attack"}), frozenset({"attacks"}), frozenset({"attacked"}), frozenset({"attacking"}),
                frozenset({"push", "back"}), frozenset({"pushes", "back"}), frozenset({"pushed", "back"}),
                frozenset({"pushing", "back"}))


def _military_attack(text: str, r: Mapping[str, Any], res: Resources) -> bool:
    """An "attack" or "push back" whose subject is an armed force, its weapons, a people or a state
    named as a whole ("Russian troops attacked Kharkiv", "the occupiers attacked", "Rashists attacked
    the region", "Russia attacked Ukraine", "Russians pushed back in three directions"): a military
    act, no criticism ("Trump attacked Clinton", "the senator pushed back")."""
    cue = set(str(r.get("cue", "")).lower().split())
    if r.get("speaker_start") is None or not any(forms <= cue for forms in _COMBAT_CUES):
        return False
    words = re.findall(r"[^\W\d_][\w’'-]*", text[r["speaker_start"]:r["speaker_end"]])
    if not words:
        return False
    head = words[-1].lower()
    if head in _military_agents():
        return True
    # a people ("the Russians") or a state ("Russia") named as a whole: a country or demonym of
    # the affiliation gazetteer (not a person of the actor dictionary: "Trump attacked Clinton")
    if len(words) > 2 or (len(words) == 2 and words[0].lower() != "the"):
        return False
    from contrast.affiliation import default_gazetteer

    hit = default_gazetteer().aliases.get(words[-1])
    return hit is not None and hit[2] in {"country", "demonym"} and \
        (hit[2] != "demonym" or head.endswith("s"))


#: a quotation's speaker and verb right after it, the verb not a listed cue ('"Nooooo!" the
#: crowd cried out', '... asshole," Oliver barked.', '"The way I see it," she elaborated, "no
#: one ..."'): whatever the verb, this frame attributes the quotation to its subject; only a
#: past-tense verb ending in -ed (optionally with an adverb before and a particle after) that
#: ends the frame at a comma or full stop, after a pronoun, a capitalised name or a determiner
#: with its noun (never "the bespectacled, 71-year-old diplomat said": a bare adjective)
_POSTPOSED_FRAME = re.compile(
    r"[,?!][”\"’']{1,2}[ \t]+(?P<sp>he|she|they|we|I|(?:the|a|an|his|her|their|its)(?:[ \t]+[a-z][\w-]*){1,3}"
    r"|(?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w’'-]*)"
    r"[ \t]+(?P<c>(?:[a-z]+ly[ \t]+)?[a-z]{2,}ed(?:[ \t]+(?:back|out|up|on|in))?)(?=[ \t]*[.,](?:\s|$))")


def _postposed_frame_rows(text: str, res: Resources, sent_of: Any, quotes: list[tuple[int, int]],
                          cue_starts: list[int]) -> list[dict[str, Any]]:
    """Rows for :data:`_POSTPOSED_FRAME` where no cue was found in the frame."""
    rows: list[dict[str, Any]] = []
    for m in _POSTPOSED_FRAME.finditer(text):
        ss, cs, ce = m.start("sp"), m.start("c"), m.end("c")
        if _starts_within(cue_starts, ss, ce):
            continue
        sp_words = [text[a:b] for a, b in token_spans(text, ss, m.end("sp"))]
        if _not_a_source(sp_words, res):
            continue
        sid, _ = sent_of(cs)
        rows.append(_row(text, res, cs, ce, "neutral", (ss, m.end("sp")), sp_words,
                         _last_quote_by(quotes, m.start() + 2), sid))
    return rows


#: the verbs of a finding, and what may stand between the source and its verb: a time or place
#: adjunct, a relative pronoun, an auxiliary or a release participle
_FINDING_FORMS = frozenset({"show", "shows", "showed", "shown", "showing", "found", "finds"})
_FINDING_GAP = frozenset(_function_words("finding_gap"))
#: the words that may open a finding's source before its head noun ("A Quinnipiac University
#: poll", "the latest polls", "leaked emails", "Last year's FBI statistics")
_FINDING_LEAD = re.compile(r"(?:[Aa]n?|[Tt]he|[Nn]ew|[Ll]atest|[Rr]ecent|[Ll]eaked|this|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts"
                           r"|[A-Z][\w.’'/-]*|\w+[’']s)")


def _evidence_finding_rows(text: str, res: Resources, sent_of: Any, cue_starts: list[int],
                           verbs: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """A finding of an evidence source (attribution_context.tsv class ``evidence``) whose verb
    follows it across a short time or place adjunct, a relative pronoun or a release
    participle ("A Quinnipiac University poll this month found", "Polls there show Trump
    trailing", "a new poll showing Trump's standing down", "the results that show"): stance
    ``evidence``, the noun phrase its source. ``verbs``: the offsets of the lexicon's forms
    of :data:`_FINDING_FORMS` that gave no row of their own."""
    rows: list[dict[str, Any]] = []
    for cs, ce in verbs:  # (the evidence verbs of the lexicon that gave no row of their own)
        w0 = max(0, cs - 100)
        end, hs, he = cs, -1, -1
        for _ in range(4):  # the head noun, at most three adjunct words before the verb
            j = end
            while j > w0 and text[j - 1] in " \t":
                j -= 1
            k = j
            while k > w0 and (text[k - 1].isalnum() or text[k - 1] in "’'-"):
                k -= 1
            if j == end or k == j:
                break
            word = text[k:j].lower()
            if res.context.get(word) == "evidence":
                hs, he = k, j
                break
            if word not in _FINDING_GAP and not word.endswith("day"):
                break
            end = k
        if hs < 0 or _starts_within(cue_starts, hs, ce):
            continue
        ss = hs
        for _ in range(4):  # the words that open the source ("A Quinnipiac University poll")
            if ss - 1 <= w0 or text[ss - 1] not in " \t":
                break
            j = ss - 1
            while j > w0 and not text[j - 1].isspace():
                j -= 1
            if _FINDING_LEAD.fullmatch(text, j, ss - 1) is None:
                break
            ss = j
        sid, sent = sent_of(cs)
        if ss < sent.start or "\n" in text[ss:ce]:
            continue
        sp_words = [text[a:b] for a, b in token_spans(text, ss, he)]
        comma = text.find(",", ce, sent.end)  # (", told Fox News": the finding ends there)
        rows.append(_row(text, res, cs, ce, "evidence", (ss, he), sp_words,
                         _strip(text, (ce, comma if comma >= 0 else sent.end)), sid))
    return rows


#: nouns of saying, thinking and feeling that report their owner's statement or state of mind as the
#: subject of "be" and a that-clause (``lexicons/attribution_predicative_nouns.tsv``: "His greatest fear
#: was that", "the prevailing view among Russia's friends is that"), with their stances
_PREDICATIVE_TABLE = load_table("attribution_predicative_nouns")
_PREDICATIVE_NOUNS: dict[str, str] = {str(t): str(st) for t, st, f in zip(
    _PREDICATIVE_TABLE["term"], _PREDICATIVE_TABLE["stance"], _PREDICATIVE_TABLE["frame"], strict=True)
    if "be" in str(f).split()}
#: the nouns of a report whose owner follows them after "from" or "by" before their that-clause
_OWNED_NOUNS: dict[str, str] = {str(t): str(st) for t, st, f in zip(
    _PREDICATIVE_TABLE["term"], _PREDICATIVE_TABLE["stance"], _PREDICATIVE_TABLE["frame"], strict=True)
    if "from" in str(f).split()}
_OWNED = re.compile(
    r"(?<![\w'’-])(?P<n>" + trie_regex({n[0].upper() + n[1:]: "" for n in _OWNED_NOUNS} |
                                          {n: "" for n in _OWNED_NOUNS}) +
    r")[ \t]+(?:from|by)[ \t]+(?P<own>[^.;:!?\"“”(),\n]{2,80}?)[ \t]+that(?![\w'’-])")
_PREDICATIVE = re.compile(
    r"(?<![\w'’-])(?P<n>" + trie_regex({n: "" for n in _PREDICATIVE_NOUNS}) +
    r")(?:[ \t]+(?P<rel>of|among)[ \t]+(?P<own>[^.;:!?\"“”()\n]{1,80}?))?[ \t]+"
    r"(?P<be>(?:is|was|are|were|remains|remained|has[ \t]+been|had[ \t]+been|have[ \t]+been)"
    r"(?:[ \t]+(?:still|now|simply|clearly|always|also))?)[ \t]+that(?![\w'’-])")
#: the subject forms of possessive determiners ("his fear" -> "he", to resolve it)
_POSSESSIVE_DETERMINERS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "i"}
#: words that end the head of an owner phrase after "of" or "among" ("every person I met in Ukraine")
_OWNER_HEAD_STOP = frozenset({"i", "we", "he", "she", "they", "you", "who", "whom", "that", "which", "and"})


#: a statement noun as the subject of a passive of making or issuing with its agent ("The relevant
#: statement was made by them", "the remarks were made by Peskov"): the agent is the source
_MADE_BY = re.compile(
    r"(?<![\w'’-])" + trie_regex({n: "" for n in (
        "statement", "statements", "remarks", "comments", "announcement", "claim", "claims", "appeal", "warning",
        "warnings", "threat", "threats", "accusation", "accusations", "allegation", "allegations")}) + r"[ \t]+"
    r"(?P<c>(?:was|were|has[ \t]+been|have[ \t]+been|had[ \t]+been)[ \t]+(?:\w+ly[ \t]+)?"
    r"(?:made|issued|delivered|published|released))[ \t]+by[ \t]+(?=\S)")


def _made_by_rows(text: str, res: Resources, sent_of: Any, cue_starts: list[int]) -> list[dict[str, Any]]:
    """Rows for :data:`_MADE_BY` whose agent is a speaker phrase."""
    rows: list[dict[str, Any]] = []
    matches = []
    b = text.find(" by ")
    while b >= 0:  # (a cheap scan for " by " first: the pattern has no literal prefix)
        if text.endswith(("made", "issued", "delivered", "published", "released"), max(0, b - 9), b):
            m = _MADE_BY.search(text, max(0, b - 60), b + 5)
            if m is not None and m.end() == b + 4:
                matches.append(m)
        b = text.find(" by ", b + 1)
    for m in matches:
        cs, ce = m.span("c")
        if _starts_within(cue_starts, cs, m.end()):
            continue
        sid, sent = sent_of(cs)
        if m.end() >= sent.end:
            continue
        i = sent.index_at(m.end())
        span: tuple[int, int] | None
        if i < len(sent.words) and sent.words[i] in _OBJECT_PRONOUN_AS_SUBJECT:
            span, words = (i, i + 1), [_OBJECT_PRONOUN_AS_SUBJECT[sent.words[i]]]  # "made by them": they
        else:
            span = _agent_without_time(sent, _agent_after(sent, i, res), res)
            if span is None:
                continue
            words = sent.words[span[0]:span[1]]
            if _not_a_source(words, res) or not _owner_phrase_head(words, res):
                continue
        ss, se = sent.toks[span[0]][0], sent.toks[span[1] - 1][1]
        rows.append(_row(text, res, cs, ce, "neutral", (ss, se), words, None, sid))
    return rows


_THAT_WORD = re.compile(r"[ \t]that(?![\w'’-])")
_BE_BEFORE_THAT = re.compile(r"(?:\b(?:is|was|are|were|remains|remained|been)(?:[ \t]+[a-z]+)?|[ \t](?:from|by)[ \t][^\n]*)$")


def _matches_before_that(text: str, rx: re.Pattern[str], reach: int) -> list[re.Match[str]]:
    """The matches of ``rx`` (a pattern that ends in "that") found in windows of ``reach`` characters
    before each " that" whose last words are a form of "be" or hold "from"/"by" (a cheap scan
    first: the full pattern has no literal prefix for the regex engine to skip to)."""
    out: list[re.Match[str]] = []
    last = -1
    for t in _THAT_WORD.finditer(text):
        a = max(0, t.start() - reach)
        if _BE_BEFORE_THAT.search(text, max(a, t.start() - 90), t.start()) is None:
            continue
        for m in rx.finditer(text, max(a, last), t.end()):
            if m.end() == t.end() and m.start() >= last:
                out.append(m)
                last = m.end()
    return out


def _owner_phrase_head(words: list[str], res: Resources) -> bool:
    """Whether an of-/among-phrase names people or an institution: its head (the last word before a
    preposition, relative or clause) is capitalised or a source noun ("every person I met", "Russia's
    friends in Congress", "the Kremlin"), not a thing ("the war in Ukraine", "the situation")."""
    head = ""
    for p, w in enumerate(words):
        low = w.lower()
        if p and (low in _PREP or low in _BOUNDARY or low in _OWNER_HEAD_STOP or w == "," or
                  low in _ARTICLE_OR_POSS and not _is_cap(w)):
            break  # (a determiner inside opens a clause: "another reason the state is")
        head = w
    low = head.lower()
    if res.context.get(low) in {"day", "month", "time_noun"} or low in {"today", "tomorrow", "yesterday"}:
        return False  # "Today's message", "Monday's view": a time, no owner
    return bool(head) and (_is_cap(head) and low not in _DET or
                           res.nouns.get(low, "pronoun") != "pronoun")


def _predicative_nominal_rows(text: str, res: Resources, sent_of: Any, cue_starts: list[int]
                              ) -> list[dict[str, Any]]:
    """A noun of saying or thinking as the subject of "be" and a that-clause, with its owner: a
    possessive before it ("His greatest fear was that", "Russia's position is that", "Their argument
    is that") or an of-/among-phrase after it ("The consistent message of every person I met in
    Ukraine was that", "the prevailing view among Russia's friends in Congress is that"); the noun is
    the cue, the owner its source, the that-clause its content (Quirk et al. 1985, 17.26). With no
    owner, no row ("The problem is that", "The fear is that")."""
    rows: list[dict[str, Any]] = []
    stances: set[str] | None = None
    for m in _matches_before_that(text, _PREDICATIVE, 200):
        cs, ce = m.span("n")
        if _starts_within(cue_starts, cs, m.end()):
            continue
        if stances is None:
            stances = {v[1] for v in res.verbs.values()}
        stance = _PREDICATIVE_NOUNS[m.group("n")]
        if stance not in stances:
            continue  # (its stance left out: "without_stances(['belief'])")
        sid, sent = sent_of(cs)
        if m.end() > sent.end:
            continue
        k = sent.index_at(cs)
        spk: tuple[int, int] | None = None
        words: list[str] = []
        if m.group("own") is not None:
            a = sent.index_at(m.start("own"))
            b = sent.index_at(m.end("own"))
            own = sent.words[a:b]
            if not own or not _np_ok(own, res) or not _owner_phrase_head(own, res) or \
                    _not_a_source(own, res):
                continue
            spk, words = (a, b), own
        else:
            j = k
            while j > 1 and k - j < 2 and sent.words[j - 1].islower() and sent.words[j - 1].isalpha() and \
                    sent.words[j - 1] not in _DET and sent.words[j - 1] not in _PREP and \
                    sent.words[j - 1] not in _BOUNDARY and sent.words[j - 1] not in _POSSESSIVE_DETERMINERS:
                j -= 1  # "His greatest fear", "Russia's main argument": adjectives before the noun
            if j == 0:
                continue
            prev = sent.words[j - 1]
            if prev.lower() in _POSSESSIVE_DETERMINERS:
                spk, words = (j - 1, j), [_POSSESSIVE_DETERMINERS[prev.lower()]]
            elif _possessive(prev) or prev in {"'s", "’s"}:
                i = _owner_np(sent, j, res)
                if sent.words[i].lower() == "that" and i + 1 < j:
                    i += 1  # "suggests that Mexico's best argument is that": the complementiser
                own = sent.words[i:j]
                head = own[-2] if own[-1] in {"'s", "’s"} and len(own) > 1 else _POSS_END.sub("", own[-1])
                if not _owner_phrase_head([head], res) or _not_a_source(own, res):
                    continue  # ("the war's", "today's")
                spk, words = (i, j), own
            else:
                continue
        ss, se = sent.toks[spk[0]][0], sent.toks[spk[1] - 1][1]
        rows.append(_row(text, res, cs, ce, stance, (ss, se), words, _strip(text, (m.end(), sent.end)), sid))
    for m in _matches_before_that(text, _OWNED, 120):
        # "Warnings from the US that Russian troops are poised", "claims by the Kremlin that": the
        # noun is the cue, the phrase after "from"/"by" its owner and source
        cs, ce = m.span("n")
        if _starts_within(cue_starts, cs, m.end()) or any(r["start"] == cs for r in rows):
            continue
        if stances is None:
            stances = {v[1] for v in res.verbs.values()}
        stance = _OWNED_NOUNS[m.group("n").lower()]
        sid, sent = sent_of(cs)
        if stance not in stances or m.end() > sent.end:
            continue
        a, b = sent.index_at(m.start("own")), sent.index_at(m.end("own"))
        own = sent.words[a:b]
        if not own or len(own) > 8 or not _np_ok(own, res) or not _owner_phrase_head(own, res) or \
                _not_a_source(own, res) or any(w in res.verbs and w.islower() for w in own):
            continue
        ss, se = sent.toks[a][0], sent.toks[b - 1][1]
        rows.append(_row(text, res, cs, ce, stance, (ss, se), own, _strip(text, (m.end(), sent.end)), sid))
    return rows


#: a headline label before a colon: "Zelensky: ...", "UN: 4,031 ...", "Zelensky on advice to
#: cede lands: ...", "Kuleba to Amnesty International: ..." (the speaker is group ``sp``)
_HEAD_COLON = re.compile(r"(?P<sp>[^\W\d_][^:\n]{0,60}?)(?:[ \t]+(?P<on>on|to|about)[ \t]+[^:\n]{2,80}?)?"
                         r"(?P<c>:)[ \t]+(?=\S)")
#: a source after a dash: at the end of a headline ("New sanctions expected next week - Kuleba",
#: "... work under Russian guns - technician"), after a quotation ('..." ― Julie A. Diaz') or a
#: comma (", - General Staff."); the speaker ends the line or comes before "(", "«", "|", "/". A dash
#: after a space may touch its source ("... border -U.S. official": not "pro-Russian"), a dash opening
#: a line may too, white space may be a no-break space, and an abbreviation's inner full stops
#: ("U.S.", "U.K.") belong to the source
_DASH_SRC = re.compile(r"(?P<c>[-–—―](?=[^\S\n])|(?<=\n)[-–—―]|(?<=[^\S\n])[-–—―](?=[^\W\d_]))[^\S\n]*"
                       r"(?P<sp>[^\W\d_](?:[A-Z]\.[^\S\n]+|(?<=[A-Z])\.(?=[A-Z]\.)|(?<=[A-Z]\.[A-Z])\.(?=\s|$)|"
                       r"[^\n(«|/.,;:!?]){0,60}?)[^\S\n]*(?=$|\(|«|\||/|(?<![A-Z]\.[A-Z])\.(?:\s|$))",
                       re.MULTILINE)
#: first words of a label that names its source after "of": "Summary of the General Staff:"
_LABEL_OF = frozenset({"summary", "information", "statement", "update", "report", "data", "message"})


#: a line of its own in the body, short and with no full stop inside or at its end: a subheading
_SUBHEAD_LINE = re.compile(r"(?<=\n)[^\S\n]*(?=[^\W\d_])[^\n:]{2,100}:[^\n]{1,120}(?<![.!?\"”\s])(?=[^\S\n]*(?:\n|$))")


def _head_colon_row(text: str, res: Resources, h0: int, h1: int, sid: int, used: set[int], *,
                    addressee: bool = False) -> dict[str, Any] | None:
    """The row of a headline's colon in ``text[h0:h1]`` (:data:`_HEAD_COLON`), None if none;
    ``addressee``: only the form with "X to/on/about Y" before the colon."""
    m = _HEAD_COLON.match(text, h0, h1)
    if not m or m.start("c") in used or (addressee and m.group("on") is None):
        return None
    ss, se = m.span("sp")
    toks = token_spans(text, ss, se)
    words = [text[a:b] for a, b in toks]
    if words and words[0].lower() in _LABEL_OF and len(words) > 2 and words[1] == "of":
        k = 3 if words[2].lower() == "the" else 2
        toks, words = toks[k:], words[k:]
    # (a body's full name may be longer: "The General Staff of the Armed Forces of Ukraine")
    ok = bool(words) and (len(words) <= 6 or (len(words) <= 10 and _proper_name(words))) and \
        _np_ok(words, res) and \
        not _not_a_source(words, res) and words[0].lower() not in _COLON_STOP and \
        words[-1].lower() not in _COLON_STOP and not _topic_label(words, res) and \
        not any(res.context.get(w.lower()) == "byline" for w in words) and \
        not _headline_topic(words, res, quoted=text[m.end():m.end() + 1] in _QUOTE_OPENERS)
    if ok:
        stype = _speaker_type(words, res)
        head = words[-1].lower()
        ok = stype in {"named", "institution"} if m.group("on") else \
            stype in {"named", "institution", "title"} or res.context.get(head) == "evidence" or \
            _state_group(words)
    if not ok:
        return None
    cs = m.start("c")
    return _row(text, res, cs, cs + 1, "neutral", (toks[0][0], toks[-1][1]), words, _strip(text, (m.end(), h1)), sid)


def _headline_and_dash_rows(doc: Doc, res: Resources, quotes: list[tuple[int, int]],
                            taken: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Headline colons that :data:`_COLON` leaves (a lower-case word, a number or "X on Y"
    before the colon's text) and sources after a dash (:data:`_DASH_SRC`).

    A dash after a full stop is an outlet's byline ("... invasion. — Ukrinform."), never a
    source; so is an outlet name (``byline`` in ``lexicons/attribution_context.tsv``).
    """
    text = doc.text
    out: list[dict[str, Any]] = []
    used = {a for a, _ in taken}
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    if _has_headline(doc):
        row = _head_colon_row(text, res, doc.sentences[0][0], line_end, 0, used)
        if row is not None:
            out.append(row)
            used.add(row["start"])
    for lm in _SUBHEAD_LINE.finditer(text, line_end):
        if re.search(r"[.!?][ \t]", lm.group()):
            continue  # (sentences, no subheading)
        # a subheading of the body, a line of its own in the headline's form ("Prime Minister of India
        # to Putin: This is not the time of wars"): only with its "X to/on Y" part, the plain
        # "X: ..." form being :data:`_COLON`'s
        row = _head_colon_row(text, res, lm.start(), lm.end(), doc.sent_id(lm.start()), used, addressee=True)
        if row is not None:
            out.append(row)
            used.add(row["start"])
    if _has_headline(doc):
        row = _trailing_colon_row(doc, res, used)
        if row is not None:
            out.append(row)
            used.add(row["start"])
    for m in _DASH_SRC.finditer(text):
        cs = m.start("c")
        if cs in used:
            continue
        p = cs - 1
        while p >= 0 and text[p].isspace():  # (no-break spaces too: '...low?”\xa0― Jacklyn Ashley')
            p -= 1
        pre = text[p] if p >= 0 else ""
        if not (pre in {"”", "\"", "’", ","} or pre.isalnum()):
            continue  # after a full stop: a byline ("... invasion. — Ukrinform.")
        # a dash opening the line after a quotation names its speaker ('... mortgages."\n\n- Clinton.')
        own_line = "\n" in text[p + 1:cs]
        in_head = not own_line and _has_headline(doc) and doc.sentences[0][0] <= cs < line_end
        after_quote = pre in {"”", "\"", "’"} and _last_quote_by(quotes, cs) is not None
        after_comma = pre == "," and not own_line
        if not (in_head or after_quote or after_comma):
            continue
        ss, se = m.span("sp")
        toks = token_spans(text, ss, se)
        words = [text[a:b] for a, b in toks]
        if not words or len(words) > 6 or not _np_ok(words, res) or _not_a_source(words, res) or \
                any(res.context.get(w.lower()) == "byline" for w in words):
            continue
        stype = _speaker_type(words, res)
        if stype not in {"named", "institution", "title"} and not \
                (stype == "anonymous" and words[-1].lower() in res.nouns):
            continue
        sid = doc.sent_id(cs)
        content = _last_quote_by(quotes, cs) if after_quote else \
            _strip(text, (doc.sentences[sid][0], cs))
        out.append(_row(text, res, cs, cs + 1, "neutral", (toks[0][0], toks[-1][1]), words,
                        content, sid))
        used.add(cs)
    return out


#: prepositions of an adverbial, never inside the quoted person's phrase ("quoted Shakespeare at length")
_ADVERBIAL_PREP = frozenset({"at", "in", "on", "with", "by", "during", "after", "before", "without"})
#: "(Interfax) quoted [Ukraine's interior minister, Arsen Avakov,] as saying": the person quoted
_QUOTED_PERSON_AS = re.compile(r"[ \t]*,?[ \t]*(?P<np>[^\s.;:!?\"“”(][^.;:!?\"“”()\n]{1,80}?)[ \t]*,?[ \t]+"
                        r"(?P<cue>as[ \t]+(?:saying|telling|stating|writing))\b")


def _quoted_as_saying_rows(doc: Doc, res: Resources, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The person a medium quotes: "Interfax quoted Ukraine's interior minister, Arsen Avakov, as
    saying ..." gives a row for the minister (cue "as saying") beside the medium's ("quoted").

    Only right after a found cue "quoted", for a noun phrase of at most 80 characters that
    the speaker checks accept (a source noun or capitalised head), then "as saying/telling/
    stating/writing".
    """
    text = doc.text
    out: list[dict[str, Any]] = []
    for r in rows:
        if not r["cue"].lower().endswith("quoted"):
            continue
        m = _QUOTED_PERSON_AS.match(text, r["end"])
        if m is None:
            continue
        toks = token_spans(text, *m.span("np"))
        words = [text[a:b] for a, b in toks]
        if not words or words[0].lower() in {"that", "which", "it", "this"} or \
                any(w in _ADVERBIAL_PREP for w in words) or not _np_ok(
                [w for w in words if w != ","], res) or _not_a_source(words, res):
            continue
        cs, ce = m.span("cue")
        content = (r["content_start"], r["content_end"]) if r.get("content_start") is not None else None
        out.append(_row(text, res, cs, ce, "neutral", (toks[0][0], toks[-1][1]), words, content,
                        doc.sent_id(cs)))
    return out


#: a headline's last colon and what follows it to the line end or an outlet's date stamp or
#: section ("... near Kyiv: Mayor", "... corridors: Vereshchuk (29.03.22 10:50) « War in Ukraine")
_TRAILING_COLON = re.compile(r":[ \t]+(?P<sp>[^:\n(«|?!;,\"“”]{1,60}?)[ \t]*(?:[(«|].*)?$")
#: endings of adjectives of place ("European", "Western", "Flemish", "Chinese")
_PLACE_ADJECTIVE = ("an", "ern", "ish", "ese")
#: lower-case words a trailing source may have besides its source nouns
_TRAILING_LINK = frozenset({"the", "a", "an", "of", "for", "top", "senior", "former", "ex"})


def _trailing_colon_row(doc: Doc, res: Resources, used: set[int]) -> dict[str, Any] | None:
    """A source named after the headline's last colon: "Hundreds buried in mass grave in Bucha,
    near Kyiv: Mayor", "Russia must ensure British fighters not executed: European court",
    "Nuclear accidents can happen in Europe too: Russian ex-president".

    The statement comes first (at least three words) and the source after the colon is a short
    noun phrase (at most four words, no "of") headed by a source noun (``lexicons/attribution_nouns.tsv``:
    "mayor", "court", "president"), its other words source nouns, "the/a/top/senior/former/ex", or
    capitalised places, bodies and people of the affiliation gazetteer and adjectives of place;
    or the name of a person the gazetteer knows, alone (at most three capitalised words, after a statement
    of two words or more: "...: Kishida", "humanitarian corridors: Vereshchuk");
    never another name or a place alone ("Live updates: Kyiv"), a clause ("latest: Russia is failing") or a
    topic ("Russia is killing civilians: Killed civilians").
    """
    text = doc.text
    h0 = doc.sentences[0][0]
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = text.rfind(": ", h0, line_end)  # (not a time stamp's "10:50")
    if colon < 0 or colon in used:
        return None
    m = _TRAILING_COLON.match(text, colon, line_end)
    stated = len(text[h0:colon].split())
    if m is None or stated < 2:
        return None
    toks = token_spans(text, *m.span("sp"))
    words = [text[a:b] for a, b in toks]
    if not 1 <= len(words) <= 4 or _topic_label(words, res) or _not_a_source(words, res):
        return None
    low = [w.lower() for w in words]
    head = low[-1].rsplit("-", 1)[-1]  # "ex-president"
    from contrast.affiliation import default_gazetteer

    known = default_gazetteer().aliases
    person = known.get(" ".join(words)) or known.get(words[-1])
    if len(words) <= 3 and all(_is_cap(w) for w in words) and person is not None and person[2] == "person":
        # a person the gazetteer knows, by name alone ("... new nuclear plants: Kishida", "... humanitarian
        # corridors: Vereshchuk (29.03.22 10:50)"); never a place or a seat alone ("Live updates: Kyiv")
        return _row(text, res, colon, colon + 1, "neutral", (toks[0][0], toks[-1][1]), words,
                    _strip(text, (h0, colon)), 0)
    if res.nouns.get(head, "pronoun") == "pronoun" or stated < 3:
        return None
    # a capitalised word before the head is a place, body or person the gazetteer knows ("IAEA chief",
    # "Ukrainian officials") or an adjective of place ("European court", "Western officials"); not a
    # topic's noun or participle ("Killed civilians", "Retreat of Russian troops")
    if "of" in low or not all(
            (_is_cap(w) and (w in known or w.endswith(_PLACE_ADJECTIVE))) or lw in res.nouns or
            lw in _TRAILING_LINK or lw.rsplit("-", 1)[-1] in res.nouns
            for w, lw in zip(words[:-1], low[:-1], strict=True)):
        return None
    return _row(text, res, colon, colon + 1, "neutral", (toks[0][0], toks[-1][1]), words,
                _strip(text, (h0, colon)), 0)


#: roles of a group that, named with its state, speaks for it ("Russian experts:", "Ukrainian
#: officials:"); not citizens or refugees, nor troops ("Russian troops: a guide to the units")
_STATE_GROUP_ROLES = frozenset({"expert_or_analyst", "minister_or_official", "diplomat", "legislator",
                                "spokesperson", "local_official"})


def _state_group(words: list[str]) -> bool:
    """A headline label of two or three words, a state's name or demonym and a plural role noun of
    officials or experts ("Russian experts", "Ukrainian officials", "US officials")."""
    if not 2 <= len(words) <= 3:
        return False
    from contrast.affiliation import default_gazetteer

    gaz = default_gazetteer()
    place = gaz.aliases.get(words[0])
    role = gaz.roles.get(" ".join(w.lower() for w in words[1:]))
    return place is not None and place[2] in {"country", "demonym"} and role in _STATE_GROUP_ROLES \
        and words[-1].endswith("s")


def _proper_name(words: list[str]) -> bool:
    """Capitalised words joined only by "of", "the", "and", "for" ("The General Staff of the Armed
    Forces of Ukraine"), the first capitalised."""
    return _is_cap(words[0]) and all(_is_cap(w) or w in {"of", "the", "and", "for"} for w in words)


#: the least length of the headline text a lede must repeat for its sources to be repeated
_REPEAT_MIN = 20
#: how far into the article the lede's copy of the headline is looked for
_REPEAT_WINDOW = 600


def _repeated_headline_rows(doc: Doc, res: Resources, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The headline's colon and dash sources again where the lede repeats the headline word for word.

    Some outlets open the lede with a copy of the headline after a time stamp ("Zelensky Volodymyr:
    Russia has fired 1993 missiles - Zelensky (04.05.22 23:58)" then "04.05.22 23:58 - Zelensky
    Volodymyr: Russia has fired 1993 missiles - Zelensky. The Russian ..."). The copy is no longer
    at a line start or a line end, where a colon or dash source is read, but it names the same
    source: each headline row whose cue is a colon or dash is repeated at the copy, when the
    copy repeats the headline from its start through the source and the cue (and, after a colon,
    through the first words of the content), at least 20 characters, within the first 600
    characters after the headline.
    """
    if not _has_headline(doc):
        return []
    text = doc.text
    h0 = doc.sentences[0][0]
    line_end = text.find("\n")
    if line_end < 0:
        return []
    out: list[dict[str, Any]] = []
    starts = {r["start"] for r in rows}
    for r in rows:
        cs = r["start"]
        if not (h0 <= cs < line_end) or r["cue"] not in {":", "-", "–", "—", "―"} or \
                r.get("speaker_start") is None:
            continue
        end = max(r["speaker_end"], r["end"])
        if r["cue"] == ":" and r["speaker_start"] < cs:
            end = min(line_end, end + _REPEAT_MIN)  # the colon's content begins the same way
            # (a source after the colon closes the headline: "...: Vereshchuk (29.03.22 10:50)"; the copy
            # is the same through the name)
        needle = text[h0:end]
        if len(needle) < _REPEAT_MIN:
            continue
        at = text.find(needle, line_end, line_end + _REPEAT_WINDOW + len(needle))
        if at < 0:
            continue
        shift = at - h0
        if cs + shift in starts:
            continue  # the copy's source is read already
        words = list(r.get("_words") or [r["speaker"]])
        content = None
        if r.get("content_start") is not None:
            c0, c1 = r["content_start"] + shift, r["content_end"] + shift
            # the copy's content ends where its sentence does, not where the headline's did
            content = (c0, min(c1, doc.sentences[doc.sent_id(c0)][1])) if c0 < len(text) else None
        new = _row(text, res, cs + shift, r["end"] + shift, r["label"],
                   (r["speaker_start"] + shift, r["speaker_end"] + shift), words, content,
                   doc.sent_id(cs + shift))
        out.append(new)
    return out


def _without_topic_colons(text: str, rows: list[dict[str, Any]], dash_starts: list[int]
                          ) -> list[dict[str, Any]]:
    """``rows`` without the colon rows that stand before the first dash source of their line
    ("Mariupol: Child died of dehydration in Mariupol – Zelensky": the dash names the line's
    source, the label before the colon is its topic).

    The rows and dashes are visited in text order and each gap between two of them is
    searched for a newline once, so the work is linear in the text (a one-line page of
    many megabytes is no line-start search per row)."""
    events = sorted([(r["start"], 1, i) for i, r in enumerate(rows) if r["cue"] == ":"] +
                    [(d, 0, -1) for d in dash_starts])
    drop: set[int] = set()
    pending: list[int] = []  # colon rows of the current line before its first dash
    dashed = False  # whether the current line's first dash has been seen
    prev = 0
    for pos, is_colon, i in events:
        if text.find("\n", prev, pos) >= 0:
            pending, dashed = [], False  # a new line
        prev = pos
        if is_colon:
            if not dashed:
                pending.append(i)
        elif not dashed:
            drop.update(pending)
            pending, dashed = [], True
    return [r for i, r in enumerate(rows) if i not in drop] if drop else rows


def _starts_within(starts: list[int], a: int, b: int) -> bool:
    """Whether some offset of the sorted ``starts`` lies in ``[a, b)``."""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


#: prepositions after a headline label's first word or head ("Defense of Mariupol", "Mass graves in Izium")
_LABEL_PREPS = frozenset({"of", "for", "in", "on", "at", "near", "from"})


def _topic_label(words: list[str], res: Resources) -> bool:
    """Whether the words before a colon are a headline's topic label, no source.

    Classes of ``lexicons/attribution_context.tsv``, words compared in lower case. A label when
    its first word is a ``label`` word ("Transcript:", "Factbox:", "Shelling of Donetsk region:",
    "Occupied Mariupol:") or a ``label_of`` word before one of :data:`_LABEL_PREPS` ("Defense of
    Mariupol:"); or when its head, the last word before the first of :data:`_LABEL_PREPS` after
    the first word (else the last word; a trailing "." or "," dropped), is a ``label``,
    ``label_of``, ``label_head`` or ``abstract`` word ("Missile strike:", "Mass graves in Izium:",
    "Defense:"; the abstract nouns: "The situation in Severodonetsk:", "Key questions:",
    "Opinion:"). A person or office ("Zelensky:", "The president:") is none.
    """
    first = res.context.get(words[0].lower()) if words else None
    if first == "label" or (first == "label_of" and len(words) > 1 and
                            words[1].lower() in _LABEL_PREPS):
        return True
    # the label's head, its last word before a preposition: "Missile strike", "The shelling of
    # Kramatorsk", "Mass graves in Izium", "Dozens dead and injured", "RMA. PHOTO" (label_head;
    # "photos" is an evidence noun, so "RMA. PHOTOS" is none), "The situation in Severodonetsk" (abstract)
    head = next((i for i, w in enumerate(words) if i and w.lower() in _LABEL_PREPS), len(words))
    last = words[head - 1].strip(".,").lower() if head else ""
    return res.context.get(last) in {"label", "label_of", "label_head", "abstract"}


#: the marks that open a quotation after a label's colon ('WSJ editorial: 'Deport Nikki Haley.'')
_QUOTE_OPENERS = frozenset(_OPEN_Q + "'")
#: a label opened by a preposition is a place or time, no source ("Near Odesa:", "In Mariupol:")
_LABEL_OPENERS = _LABEL_PREPS | frozenset(_function_words("label_opener"))
#: the nouns after a place in a label of a place ("Kyiv region:", "Bucha district:")
_PLACE_NOUNS = frozenset(_function_words("place_noun"))
#: endings of agent nouns, people ("Mariupol defenders:", "Azov fighter:", "Mothers of soldiers:")
_AGENT_ENDINGS = tuple(_function_words("agent_ending"))


def _people_noun(w: str, res: Resources) -> bool:
    """A lower-case noun that names people or a body: a source noun, a role word, an armed force's
    noun or an agent noun ("officials", "chief", "troops", "defenders", "mothers")."""
    return w in res.nouns or w in _role_words() or w in _military_agents() or w.endswith(_AGENT_ENDINGS)


def _state_word(w: str) -> bool:
    """A state's name or demonym, also before "-led"/"-backed" ("Ukrainian", "US-led")."""
    from contrast.affiliation import default_gazetteer

    kind = default_gazetteer().aliases.get(re.sub(r"-(?:led|backed|based)$", "", w))
    return kind is not None and kind[2] in {"country", "demonym"}


def _clause_word(words: list[str], p: int, res: Resources) -> bool:
    """Whether the lower-case word at ``p`` of a label makes it a clause: a finite auxiliary or a form
    of "be" ("Putin is lying"), a past form in -ed that no noun follows ("Pavlo Volat died",
    "Congress rallied against"; not "armed forces", "a retired general"), an adverb in -ly
    ("successfully") or a verb between two names ("World bans Russia")."""
    w = words[p]
    if not w.islower():
        return False
    nxt = words[p + 1] if p + 1 < len(words) else ""
    return w in _BE or w in _FINITE or (
        p > 0 and w.endswith("ed") and w not in res.nouns and (not nxt or _is_cap(nxt) or nxt.lower() in _DET
                                                               or nxt.lower() in _PREP)) or \
        (w.endswith("ly") and _is_adverb(w, res)) or _verb_between_names(words, p, res)


def _headline_topic(words: list[str], res: Resources, *, quoted: bool = False) -> bool:
    """Whether the label before the colon that opens a headline or a line is a topic, a place or a
    clause, no source.

    A place or time: a label opened by a preposition ("Near Odesa:"), a city or region alone or
    before a noun of place ("Mariupol:", "Kyiv region:"; a capital, a seat of power or a state
    stays a source: "Kyiv:", "Kremlin:"), a name that ends in a figure or a single letter
    ("Eurovision 2022:", "Sizewell C:"); a topic: a capitalised first word (after an article) before a
    preposition that names no people, state or known body ("Torture of civilians:", "The atrocities
    of the Russians:"; not "President of Ukraine:", "Ministry of Defense:", "Mothers of Russian
    soldiers:"). Unless a quotation follows the colon (``quoted``: '... heckles Sanders supporters:
    'You're being ridiculous.''), also a clause (see :func:`_clause_word`: "Putin is lying:", "World
    bans Russia:") and a lower-case head that names no people, after no state's name ("Nuclear
    threat:", "Grain export agreement:"; not "UK intelligence:", "Ukrainian women:").
    """
    from contrast.affiliation import default_gazetteer

    low = [w.lower() for w in words]
    if not words or low[0] in _LABEL_OPENERS:
        return bool(words)
    if len(words) > 1 and (words[-1].isdigit() or (len(words[-1]) == 1 and words[-1].isupper())):
        return True  # "Sizewell C:", "Eurovision 2022:": a plant, an event, no person
    gaz = default_gazetteer()
    h = 1 if low[0] in _DET and len(words) > 3 else 0  # "The atrocities of the Russians"
    if len(words) > h + 2 and low[h + 1] in _LABEL_OPENERS and not _people_noun(low[h], res) and \
            gaz.aliases.get(words[h]) is None:
        return True
    place = words[:-1] if len(words) > 1 and low[-1] in _PLACE_NOUNS else words
    kind = gaz.aliases.get(" ".join(place))
    if kind is not None and (kind[2] == "province" or (len(place) < len(words) and kind[2] in {"seat", "capital"})):
        return True
    if quoted:
        return False
    if any(_clause_word(words, p, res) for p in range(len(words))):
        return True
    head = next((i for i, w in enumerate(low) if i and w in _LABEL_OPENERS), len(words)) - 1
    return head > 0 and words[head].isalpha() and words[head].islower() and \
        not _people_noun(low[head], res) and low[head] not in _PLACE_NOUNS | _TITLE_LINKS and \
        low[head] not in _MEDIA_HEADS | _CUE_NOUNS and res.context.get(low[head]) != "evidence" and \
        not _state_word(words[head - 1])  # "Nuclear threat:", "Grain deal:"; not "Ukrainian women:"


def _outside_quotes(text: str, rows: list[dict[str, Any]], quotes: list[tuple[int, int]]
                    ) -> list[dict[str, Any]]:
    """Rows whose cue is no report quoted inside another source's quotation.

    A cue inside a quotation ('"He said it was possible," Davis said') is the quoted
    source's own account; the outlet attributes the whole quotation to its speaker,
    so the inner cue gives no row (PolNeAR leaves such nested cues out as well).
    """
    return [r for r in rows if r.pop("_turn", False) or not _inside_quotation(text, quotes, r["start"])
            or _CLOSED_BEFORE.search(text, max(0, r["start"] - 80), r["start"]) is not None
            or _QUOTE_CLOSED_BEFORE_DESCRIPTION.search(text, max(0, r["start"] - 80), r["start"]) is not None]


#: as :data:`_CLOSED_BEFORE`, for a description or no speaker before the cue and a doubled closing mark
#: ('... dear friends!” the head of state said', '... unpredictable,’’ said Matthew Saltmarsh')
_QUOTE_CLOSED_BEFORE_DESCRIPTION = re.compile(r"[,.?!](?:’’|''|[\"”“’])\s+(?:(?:the|a|an|The|A|An)\s+(?:[\w.’'-]+\s+){0,5}?)?$")


#: a quotation closed right before a cue and its speaker ('... unusual,“ said Larry Noble',
#: '... my voters will vote for her," Sanders said', '...," Chaffetz (R-Utah) said': a party
#: and state tag may follow the name): a mark after a comma or a full stop
#: closes a quotation even where the marks do not pair up (mixed straight and curly marks)
_CLOSED_BEFORE = re.compile(r"[,.?!][\"”“’]\s+(?:[A-Z][\w.’'-]*\s+){0,5}(?:\([A-Z][\w.’' -]{0,16}\)\s+)?"
                            r"(?:he\s+|she\s+|they\s+)?$")


def _inside_quotation(text: str, quotes: list[tuple[int, int]], x: int) -> bool:
    """Whether ``x`` lies inside a quotation that opens like one: its mark stands after a
    space, a line start, a bracket, a colon or a dash and before a word. A straight mark
    after a comma or a word closes a quotation that began in an earlier line
    ('... was right," Lavrov said. "We will ...': "said" is no quoted cue)."""
    i = bisect_left(quotes, (x, -1)) - 1  # the last quote starting before x
    if i < 0 or quotes[i][1] <= x:
        return False
    q = quotes[i][0]
    return (q == 0 or text[q - 1] in " \t\n([{:—–-") and q + 1 < len(text) and \
        not text[q + 1].isspace() and _CLOSING_MARK.search(text, q + 1, x) is None


#: a double mark that closes a quotation: after a word or its punctuation and before a space or
#: punctuation ('... meet with Bibi” before discussing specifics, he said'); where one stands
#: between the opening mark and a cue, the marks did not pair up and the cue is outside
_CLOSING_MARK = re.compile(r"(?<=[\w.,?!])[”\"](?=[\s,.;:)—–-])")


#: a transcript turn: a paragraph that opens with its speaker's name in capitals and a colon
#: ("FALLIN: I think he is trying ...", "TAPPER: And obviously, ..."); the turn is that
#: speaker's words, so a first-person or pronoun cue inside it is their own account
_TURN_LINE = re.compile(r"^(?:[A-Z][A-Z.'’-]+ ){0,2}[A-Z][A-Z.'’-]+:[ \t]", re.MULTILINE)


#: what follows the noun "shows" ("the morning shows.", "talk shows, Carson said", "shows like
#: ''The X-Files''", "scripted shows airing last year") and never the verb's object or clause
_AFTER_SHOWS_NOUN = re.compile(r"[ \t]*(?:[.,;:!?)]|(?:like|whose|on|airing|and|or)\b)")


#: a participle used as an adjective: after a numeral or a determiner, before its noun
#: ("271 pledged delegates", "all reported contributions", "the recommended delegates")
_ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b(?:the|an?|his|her|its|their|our|my|your|this|these|those|all|most)|\d)"
                                 r"[ \t]+$")
_ATTRIBUTIVE_AFTER = re.compile(r"[ \t]+([a-z][a-z-]*)\b")
_NOT_A_NOUN = frozenset(_DET | _PREP | _BE | set(_PRONOUNS) | {"that", "not", "both", "up", "out", "off",
                                                              "down", "him", "them", "us", "me", "but", "whether", "how",
                                                              "why", "what", "who", "when", "where", "which"})


def _attributive(text: str, row: dict[str, Any], res: Resources) -> bool:
    """Whether a row's one-word cue is no report but a noun or an adjective: the noun "shows"
    with no object or clause after it and no evidence source before it ("the morning shows.",
    "talk shows, Carson said"; not "a Quinnipiac University poll shows."), or a participle
    between a numeral or determiner and its noun ("271 pledged delegates")."""
    cue = row["cue"]
    if " " in cue or row["end"] - row["start"] != len(cue):
        return False
    if cue.endswith("shows"):
        return _AFTER_SHOWS_NOUN.match(text, row["end"]) is not None and \
            not _evidence_np(list(row.get("_words") or []), res)
    if not cue.endswith("ed") or not cue.islower():
        return False
    nxt = _ATTRIBUTIVE_AFTER.match(text, row["end"])
    return nxt is not None and nxt.group(1) not in _NOT_A_NOUN and \
        _ATTRIBUTIVE_BEFORE.search(text, max(0, row["start"] - 12), row["start"]) is not None


def _outside_turns(text: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose cue is no pronoun's report inside a transcript turn (:data:`_TURN_LINE`)."""
    turns = [(m.end(), text.find("\n", m.end())) for m in _TURN_LINE.finditer(text)]
    if not turns:
        return rows
    return [r for r in rows if r.get("speaker_type") != "pronoun" or
            not any(a <= r["start"] and (b < 0 or r["start"] < b) for a, b in turns)]


#: possessive pronouns that name the source of a nominal cue ("his claim that")
_POSS_PRONOUNS = frozenset({"his", "her", "their"})


#: heads of a medium that a nominal cue names ("issued a statement saying")
_MEDIA_HEADS = frozenset({"statement", "statements", "letter", "release", "memo", "tweet", "post",
                          "message", "note", "report", "email", "video", "communique"})


#: an active finite verb of saying: a relation of its own even where its speaker was not read
#: ("..., while nine in 10 said they thought", "one company says ..., another says ...")
_TO_OR_COMMA_BEFORE = re.compile(r"(?:\bto|,)\s+$")  # "what to say", "instead of, say, ..."
_ACTIVE_SAY = re.compile(r"(?:(?:also|later|then|once|first|\w+ly)\s+)?(?:said|says|say|told|tells)",
                         re.IGNORECASE)


#: stances of cues that, inside another source's reported content, are that source's account
#: ("Trump said he was skeptical of ...", "she said polls show ..."): linked to the outer row
_INNER_STANCES = frozenset({"belief", "attitude", "evidence"})


def _link(text: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One relation, one row: merge doubled and nested cues of the same relation.

    - a nominal cue: "The ministry issued a statement saying ...": the cue
      "issued" and the cue "saying" whose speaker is the medium ("a
      statement") right after it become one cue "issued a statement saying";
    - a doubled cue: an agentless cue ("according to audio obtained by",
      "reportedly") inside the content of a cue with a speaker in the same
      sentence is recorded in the outer row's ``cue`` ("said … according to")
      and gives no row of its own; an active finite "said" / "says" whose speaker was
      not read is no such cue but a relation of its own ("..., while nine in 10 said
      they thought ...", "another says ...");
    - a nested mental state, attitude or finding: a ``belief``, ``attitude`` or
      ``evidence`` cue inside the content of a cue with a speaker in the same
      sentence is the outer source's account ("Trump said he was skeptical of
      ...": one row, cue "said … was skeptical"). PolNeAR annotates few of
      them (on dev and the tuning part 31 of the 216 such cues match a gold cue).

    ``rows`` are sorted by start; the outer row keeps its ``start``, ``end``
    and ``span`` (``text[start:end] == span``) except where a nominal cue
    extends it over the medium.
    """
    out: list[dict[str, Any]] = []
    for r in rows:
        nominal = r.pop("_nominal", False)
        prev = out[-1] if out else None
        if prev is not None and prev["sent_id"] == r["sent_id"] and \
                r.get("speaker_start") is not None and prev.get("speaker_start") is not None and \
                r["speaker_start"] >= prev["end"] and not text[prev["end"]:r["speaker_start"]].strip() \
                and r.get("_words") and r["_words"][-1].lower() in _MEDIA_HEADS and \
                r["speaker_end"] <= r["start"]:
            prev["end"] = r["end"]
            prev["span"] = prev["cue"] = text[prev["start"]:r["end"]]
            for key in ("content_start", "content_end", "quote"):
                if key in r:
                    prev[key] = r[key]
            continue
        if (r.get("speaker_start") is None and r["label"] != "accusation" and not nominal and
                not (_ACTIVE_SAY.fullmatch(r["cue"]) and
                     not _TO_OR_COMMA_BEFORE.search(text, max(0, r["start"] - 4), r["start"]))) \
                or r["label"] in _INNER_STANCES:
            outer = next((o for o in reversed(out) if o["sent_id"] == r["sent_id"]
                          and o.get("speaker_start") is not None
                          and o.get("content_start") is not None
                          and o["content_start"] <= r["start"] and r["end"] <= o["content_end"]),
                         None)
            if outer is not None:
                outer["cue"] = f"{outer['cue']} … {r['cue']}"
                continue
        out.append(r)
    return out


def _row(text: str, res: Resources, cs: int, ce: int, stance: str, spk: tuple[int, int] | None,
         sp_words: list[str], content: tuple[int, int] | None, sid: int) -> dict[str, Any]:
    row: dict[str, Any] = {"family": "attribution", "label": stance, "start": cs, "end": ce,
                           "span": text[cs:ce], "cue": text[cs:ce], "sent_id": sid}
    if spk is not None:
        lead = DATELINE_LEAD.match(text, spk[0], spk[1])
        if lead is not None and lead.end() < spk[1]:
            # "Dubai, United Arab Emirates (CNN)- John Smith, a tourist, said": the dateline is no speaker
            spk = (lead.end(), spk[1])
            sp_words = [text[a:b] for a, b in token_spans(text, spk[0], spk[1])]
        stype, name = _speaker_type_and_name(sp_words, res)
        row.update(speaker=text[spk[0]:spk[1]], speaker_start=spk[0], speaker_end=spk[1],
                   speaker_type=stype)
        row["_words"] = sp_words
        row["_name"] = name
    if content is not None:
        row.update(content_start=content[0], content_end=content[1])
        body = text[content[0]:content[1]]
        row["quote"] = "indirect" if _DOUBLE_QUOTES.isdisjoint(body) else "direct"
    return row


#: determiners that open an owner's noun phrase before a possessive ("the ministry's claims")
_OWNER_DET = _ARTICLE_OR_POSS
#: prepositions after a cue noun that name its owner ("a statement from the Kremlin saying")
_OWNER_PREP = frozenset(_function_words("owner_prep"))
#: words in "'s" that are no possessives ("it's", "that's"; apostrophes as "'")
_CONTRACTED_S = frozenset(_function_words("contracted_s"))


#: nouns of a report or document that are a cue, never its source (``cue_noun`` of
#: ``lexicons/attribution_function_words.tsv``: "reports", "claims", "statement")
_CUE_NOUNS = frozenset(_function_words("cue_noun"))


def _owner_np(sent: _Sent, j: int, res: Resources) -> int:
    """Start of the owner's noun phrase that ends with the possessive at token ``j - 1`` ("the
    ministry's", "Ukraine's defence ministry's"): lower-case source nouns and capitalised words, and
    the determiner before them."""
    i = j - 1
    while i > 0 and j - i < 5:
        w = sent.words[i - 1]
        if w.lower() in _OWNER_DET:
            return i - 1
        if not (_is_cap(w) or w.isalpha() and w.lower() in res.nouns):
            break
        i -= 1
    return i


def _nominal_owner(sent: _Sent, k: int, noun: str, res: Resources) -> tuple[int, int] | None:
    """Token range of the owner of the cue noun at token ``k`` when no capitalised run stands before
    it: a possessive noun phrase ("the ministry's claims that"), or the subject when the noun is the
    verb after a source noun ("the agency reports that"); None otherwise ("Reports that ...",
    "amid claims that")."""
    if k == 0:
        return None
    j = k
    while j > 1 and k - j < 2 and sent.words[j - 1].islower() and sent.words[j - 1].replace("-", "").isalpha() \
            and sent.words[j - 1] not in _BOUNDARY | _PREP | _DET and sent.words[j - 1] not in res.verbs \
            and _possessive(sent.words[j - 2]):
        j -= 1  # "Trump's false claims that": an adjective between the possessive and the noun
    prev = sent.words[j - 1]
    if _possessive(prev):
        return _owner_np(sent, j, res), j
    if noun.lower() in res.verbs and prev.islower() and prev in res.nouns:
        return _speaker_before(sent, k, res)
    return None


def _possessive(w: str) -> bool:
    """Whether ``w`` ends in a possessive "'s" ("ministry's", "Ukraine’s"), not a contraction ("it's")."""
    return _POSS_END.search(w) is not None and w.lower().replace("’", "'") not in _CONTRACTED_S


def _reown_participle(text: str, row: dict[str, Any], res: Resources) -> None:
    """A participle cue right after a cue noun ("a statement saying", "published reports alleging"):
    the noun is the cue's, not its source; the source is the noun's owner ("the ministry's statement
    saying": the ministry; "a Kremlin statement saying": Kremlin; "a statement from the Kremlin
    saying": the Kremlin; "Russia released a statement saying": Russia), and there is none when it
    has no owner. Changes ``row`` in place."""
    if row.get("speaker_start") is None or not row["cue"].isalpha() or not row["cue"].endswith("ing") \
            or text[row["speaker_end"]:row["start"]].strip():
        return
    toks = token_spans(text, row["speaker_start"], row["speaker_end"])
    words = [text[x:y] for x, y in toks]
    h = next((p for p, w in enumerate(words) if w.islower() and w in _CUE_NOUNS), None)
    if h is None:
        return
    rest = words[h + 1:]
    own: tuple[int, int] | None = None
    if rest:
        if rest[0] not in _OWNER_PREP or len(rest) < 2:
            return  # "a statement on the war saying": the phrase is no cue noun's
        own = (h + 2, len(words))
    elif h > 0 and _possessive(words[h - 1]):
        i = h - 1
        while i > 0 and h - i < 5 and (_is_cap(words[i - 1]) or words[i - 1].isalpha() and (
                words[i - 1].lower() in res.nouns or words[i - 1].lower() in _OWNER_DET)):
            i -= 1
            if words[i].lower() in _OWNER_DET:
                break
        own = (i, h)  # "the ministry's statement saying"
    else:
        d = max((p for p in range(h) if words[p].lower() in _OWNER_DET), default=-1)
        mods = list(range(d + 1, h))
        m = next((p for p in range(len(words)) if words[p].islower() and words[p] not in res.nouns
                  and words[p] not in _OWNER_DET and not (p == 0 and words[p] in _PRONOUNS)), h)
        if 0 < m < d and _np_ok(words[:m], res):
            own = (0, m)  # "Russia released a statement saying", "she sent an email saying": the subject
        elif mods and all(_is_cap(words[p]) for p in mods):
            own = (mods[0], h)  # "a Kremlin statement saying"
    for key in ("speaker", "speaker_start", "speaker_end", "speaker_type", "_words", "_name"):
        row.pop(key, None)
    if own is None:
        return
    ss, se = toks[own[0]][0], toks[own[1] - 1][1]
    if text[se - 2:se] in {"'s", "’s"}:
        se -= 2
    sp_words = [text[x:y] for x, y in token_spans(text, ss, se)]
    stype, name = _speaker_type_and_name(sp_words, res)
    row.update(speaker=text[ss:se], speaker_start=ss, speaker_end=se, speaker_type=stype,
               _words=sp_words, _name=name)


def _from_match(text: str, m: Cue, res: Resources, sent_of: Any,
                quotes: list[tuple[int, int]], found: list[dict[str, Any]]
                ) -> dict[str, Any] | None:
    content: tuple[int, int] | None
    sid, sent = sent_of(m.start)
    kind = m.kind
    cs, ce = m.start, m.end
    k = sent.index_at(cs)
    prev = sent.words[k - 1].lower() if k > 0 else ""

    if kind == "acc":
        after = _SPACES.match(text, ce)
        return _row(text, res, cs, ce, "accusation", None, [],
                    _strip(text, (after.end() if after else ce, sent.end)), sid)
    if kind == "pas":
        low = m.text.lower().split()
        verb = low[-2]
        stance = res.verbs.get(verb, ("", "neutral", ""))[1]
        # "it was reported that ..." and "X is said to ...": agentless
        return _row(text, res, cs, ce, stance, None, [], _strip(text, (ce, sent.end)), sid)
    if kind in {"acc2", "asby"}:
        stance = "neutral"
        if kind == "asby":
            verb = m.text.lower().split()[-2]
            stance = res.verbs.get(verb, ("", "neutral", ""))[1]
        ki = sent.index_at(ce)
        opinion = _OPINION_OF_POSSESSOR.fullmatch(m.text)
        if opinion is not None:
            # "In his opinion, ...": the possessive pronoun, read as its subject form ("he") to resolve it
            pi = sent.index_at(cs + opinion.start(1))
            ss, se = sent.toks[pi]
            content = _strip(text, (ce, sent.end)) if not text[sent.start:cs].strip(" ,-–—") else \
                _content_range(text, sent, cs, cs, quotes, True, False)
            return _row(text, res, cs, ce, stance, (ss, se), [_POSSESSIVE_AS_SUBJECT[opinion.group(1).lower()]],
                        content, sid)
        span = _agent_after(sent, ki, res)
        if ki < len(sent.words) and sent.words[ki] in _OBJECT_PRONOUN_AS_SUBJECT and \
                (span is None or span[1] == ki + 1):
            # "According to him, ...": the pronoun, read as its subject form ("he") to resolve it
            ss, se = sent.toks[ki]
            return _row(text, res, cs, ce, stance, (ss, se), [_OBJECT_PRONOUN_AS_SUBJECT[sent.words[ki]]],
                        _strip(text, (se, sent.end)), sid)
        if span is None:
            return _row(text, res, cs, ce, stance, None, [], None, sid)
        ss, se = sent.toks[span[0]][0], sent.toks[span[1] - 1][1]
        words = sent.words[span[0]:span[1]]
        # content: the rest of the sentence, without the attribution phrase
        if text[sent.start:cs].strip(" ,"):
            content = _content_range(text, sent, cs, cs, quotes, True, False)
        else:
            content = _strip(text, (se, sent.end))
        return _row(text, res, cs, ce, stance, (ss, se), words, content, sid)
    if kind == "rep" and m.text.lower() in _SPEECH_NOUNS:
        # "Full text of Zelensky's speech": the possessor of a text printed in full is its speaker
        # (only after "text of", so "Putin's speech was long" is no report)
        own = _SPEECH_TEXT_OF.search(text, max(sent.start, cs - 80), cs)
        if own is None:
            return None
        ss, se = own.start("who"), own.end("who")
        who = text[ss:se]
        return _row(text, res, cs, ce, "neutral", (ss, se),
                    [_POSSESSIVE_AS_SUBJECT.get(who.lower(), who)] if " " not in who else who.split(),
                    None, sid)
    if kind == "rep":
        if prev in _POSS_PRONOUNS and k > 0:
            # "his claim that", "her insistence that": the possessor is the source
            ss, se = sent.toks[k - 1]
            return _row(text, res, cs, ce, "neutral", (ss, se), [sent.words[k - 1]],
                        _strip(text, (ce, sent.end)), sid)
        if prev in _DET or prev in {"'s", "’s"}:
            return None
        w0 = m.text.split()[0]
        if w0.lower() == "report" and k > 0 and _plural(prev) and sent.words[k - 1].islower() and \
                res.nouns.get(prev) in {"anonymous", "title", "institution"} and \
                (subj := _speaker_before(sent, k, res)) is not None:
            # "World agencies report that ...": a plural common source noun and the verb, not the noun
            # "report" (not "a New York Times report that": a name)
            ss, se = sent.toks[subj[0]][0], sent.toks[subj[1] - 1][1]
            return _row(text, res, cs, cs + len(w0), "neutral", (ss, se), sent.words[subj[0]:subj[1]],
                        _strip(text, (ce, sent.end)), sid)
        ss, se = cs, cs + len(w0)
        words = [w0]
        # "the Washington Post reports that", "a New York Times report that", "Mr. Trump's
        # claims that": the outlet or person right before the noun is the source
        i = k
        while i > 0 and (_is_cap(sent.words[i - 1]) or sent.words[i - 1] == "."):
            i -= 1
        while i < k and (sent.words[i] == "." or sent.words[i].lower() in _PREP | _ADVERBIAL_LEAD):
            i += 1  # (not "Despite" in "Despite Mr. Trump's claims that")
        if i < k and i > 0 and sent.words[i - 1].lower() in {"the", "a", "an"}:
            i -= 1
        if i < k and _np_ok(sent.words[i:k], res):
            ss, se = sent.toks[i][0], sent.toks[k - 1][1]
            if text[se - 2:se] in {"'s", "’s"}:
                se -= 2
            words = sent.words[i:k]
        content = _strip(text, (ce, sent.end))
        if words == [w0]:
            # no outlet or person before the noun: the noun itself ("Reports that", "amid claims
            # that") is the cue, no source; its owner is ("the ministry's claims that", "the agency
            # reports that", where "reports" is the verb), or the row has no speaker
            owner = _nominal_owner(sent, k, w0, res)
            if owner is None:
                row = _row(text, res, cs, ce, "neutral", None, [], content, sid)
                row["_nominal"] = True  # a relation of its own, never part of an outer cue (_link)
                return row
            ss, se = sent.toks[owner[0]][0], sent.toks[owner[1] - 1][1]
            if text[se - 2:se] in {"'s", "’s"}:
                se -= 2
            words = [text[a:b] for a, b in token_spans(text, ss, se)]
        return _row(text, res, cs, ce, "neutral", (ss, se), words, content, sid)
    if kind == "call":
        span0 = _clause_subject(sent, k, res)
        if span0 is not None:
            ss, se = sent.toks[span0[0]][0], sent.toks[span0[1] - 1][1]
            return _row(text, res, cs, ce, "neutral", (ss, se), sent.words[span0[0]:span0[1]],
                        _strip(text, (ce, sent.end)), sid)
        for r in reversed(found):
            if r["sent_id"] == sid and r.get("_nominal"):
                # "Amid reports that ..., calling it a crime": the speakerless nominal cue's
                # relation goes on, with no speaker either
                row = _row(text, res, cs, ce, "neutral", None, [], _strip(text, (ce, sent.end)), sid)
                row["_nominal"] = True
                return row
            if r["sent_id"] == sid and r.get("speaker_start") is not None:
                sp = (r["speaker_start"], r["speaker_end"])
                return _row(text, res, cs, ce, "neutral", sp, list(r["_words"]),
                            _strip(text, (ce, sent.end)), sid)
        span0 = _clause_subject(sent, k, res)
        if span0 is None:
            return None
        ss, se = sent.toks[span0[0]][0], sent.toks[span0[1] - 1][1]
        return _row(text, res, cs, ce, "neutral", (ss, se), sent.words[span0[0]:span0[1]],
                    _strip(text, (ce, sent.end)), sid)

    # ---- reporting verb
    vs, ve = m.vs, m.ve
    form = " ".join(text[vs:ve].lower().split())
    lemma, stance, need = res.verbs.get(form, ("", "neutral", ""))
    cap_ly = _CAP_LY.match(text, cs, vs)
    while cap_ly is not None and cs < vs:
        cs = cap_ly.end()  # "Schlafly also noted": a name, no adverb
        cap_ly = _CAP_LY.match(text, cs, vs)
    lead_q = _LEADING_Q.match(text, cs, vs)
    if lead_q is not None:
        cs = lead_q.end()  # "Both said", "all is said": a quantifier opens no cue ("have both argued" does)
    cap_aux = _CAP_AUX.match(text, cs, vs)
    if cap_aux is not None and cs > sent.start:
        cs = cap_aux.end()  # "..., Will urged": a name (George Will) inside a sentence, no modal
    aux = text[cs:vs].lower().split()
    # trailing "-ly" words are adverbs only if they precede the verb; reject bare adverbs
    if aux and not any(a in _AUX_SET or a.endswith(("n't", "n’t")) for a in aux):
        # only "-ly" adverbs before the verb: keep them out of the cue unless a real aux is there
        cs = vs
        aux = []
    k = sent.index_at(cs)
    lo = max(0, cs - 64)  # a bounded look back: text[:cs] copied the whole text before every such cue
    if k == 0 and cs > sent.start - 3 and sent.start > 0 and text[lo:cs].rstrip().endswith(")"):
        # "Rep. Emanuel Cleaver II (D-Mo.) said": the split after "(D-Mo.)" is no sentence end
        _, before = sent_of(lo + len(text[lo:cs].rstrip()) - 1)
        if before.start < sent.start:
            sent = _Sent(text, before.start, sent.end)
            k = sent.index_at(cs)
    elif sent.start > 0 and text[sent.start:sent.start + 1] == ")":
        # "Rep. Gregory W. Meeks (D-N.Y.), chairman of ..., said": split inside the parenthetical
        _, before = sent_of(sent.start - 1)
        if before.start < sent.start:
            sent = _Sent(text, before.start, sent.end)
            k = sent.index_at(cs)
    prev = sent.words[k - 1].lower() if k > 0 else ""
    # "He’s claiming", "she’s predicted": the clitic is "is" / "has", no possessive
    # (not after a wh-word: "what he’s saying", "why he's saying that" is no report)
    clitic = prev[-2:] in {"'s", "’s"} and prev[:-2] in _CONTRACTED_SUBJ and \
        not (k > 1 and sent.words[k - 2].lower() in _WH)
    nxt_m = _NEXT_WORD.match(text, ve)
    # (never the first word of the next sentence: "..., Ukraine claims" and a lede "Citing witnesses, ...")
    nxt = nxt_m.group(1).lower() if nxt_m and nxt_m.start(1) < sent.end else ""
    # "Mook further asserted", "it further wrote": "further" after a subject is an adverb
    further = prev == "further" and k > 1 and (sent.words[k - 2].lower() in _PRONOUNS or
                                                _is_cap(sent.words[k - 2]))
    # "The ministry earlier said", "as BuzzFeed News first reported", "first reported by The Post":
    # "earlier" and "first" after a noun phrase or a comma are adverbs (not "the first reported case")
    time_adverb = prev in _DET_ADVERBS and k > 1 and sent.words[k - 1].islower() and (
        sent.words[k - 2] == "," or (_is_cap(sent.words[k - 2]) and sent.words[k - 2].lower() not in _ARTICLE_OR_POSS) or (
            sent.words[k - 2].isalpha() and sent.words[k - 2].lower() not in _DET
            and sent.words[k - 2].lower() not in _PREP and sent.words[k - 2].lower() not in _BE))
    if not aux and form.endswith("ed") and " " not in form and _reduced_relative(sent, k, res) and \
            _finite_cue_after(sent, k, res):
        # "A news report published Wednesday said ...", "A statement released on Friday said": the
        # participle postmodifies the medium, the subject of the verb after it; no cue of its own
        return None
    if not aux and form.endswith("ed") and " " not in form and prev == "," and nxt in _POSTMODIFIER_NEXT and \
            k > 1 and sent.words[k - 2].islower() and sent.words[k - 2].lower() not in res.nouns and \
            "," not in sent.words[:k - 1]:
        # (the first comma of the sentence: not the appositive's closing one in "DJI Technology Co., one
        # of the global industry's top competitors, announced in April")
        # a participle postmodifying the thing before its comma ("The photos, published on Telegram,
        # show", "The video, posted on Telegram,"): no verb of that noun, which is no speaker; an
        # agentless cue where the form is one without a speaker ('bare'), else none
        if need != "bare":
            return None
        return _row(text, res, vs, ve, stance, None, [], _strip(text, (ve, sent.end)), sid)
    reduced = _reduced_passive_agent(text, sent, k, vs, ve, form, aux, res)
    if reduced is not None:
        # a participle and its agent with no "be" before it: "a sentiment similar to that voiced by
        # Ukrainian President Volodymyr Zelensky", "Nuland, ..., cited by the Ukrainian truth",
        # 'Adeyemo quoted by "Ukrainian truth"': the agent is the source (as in the full passive
        # "was cited by"); PolNeAR marks the agent of a passive cue as its source
        ss, se = sent.toks[reduced[0]][0], sent.toks[reduced[1] - 1][1]
        row = _row(text, res, vs, ve, stance, (ss, se), sent.words[reduced[0]:reduced[1]],
                   _content_range(text, sent, se, vs, quotes, True, False), sid)
        if lemma in {"quote", "cite"} and _is_cap(sent.words[k - 1]) and \
                (person := _speaker_before(sent, k, res)) is not None:
            # the person a medium quotes or cites stands right before the participle: a source too,
            # of the words the medium reports ("Deputy Secretary Wally Adeyemo quoted by ...")
            ps, pe = sent.toks[person[0]][0], sent.toks[person[1] - 1][1]
            said = (row["content_start"], row["content_end"]) if row.get("content_start") is not None else None
            row["_quoted_person"] = _row(text, res, vs, ve, "neutral", (ps, pe), sent.words[person[0]:person[1]],
                                         said, sid)
        return row
    if prev in _DET and not aux and not further and not time_adverb and \
            not _floating_quantifier(sent, k - 1) and not _relative_that(sent, k - 1) and \
            (prev not in res.nouns or k < 2 or
                                     sent.words[k - 2].lower() in _PREP) and \
            not (prev in _QUANT_PRONOUNS and (k == 1 or sent.words[k - 2] in {",", ";"})):
        return None  # "the said", "a report"; not "a top E.U. official said", "Some say"
    if (prev in {"'s", "’s"} or prev.endswith(("'s", "’s"))) and not clitic:
        return None
    if k > 0 and not aux and _is_cap(text[vs:ve]) and not text[vs:ve].isupper() and \
            not _title_case(sent):
        return None  # "the Kyiv Post", "Report" inside a name
    if form in {"told"} and prev == "all":
        return None
    if text[vs - 1:vs] in {"<", "/"}:
        return None  # markup such as <tweet>
    if need == "be":
        # an attitude adjective after a form of "be", before its complement: "is deeply
        # divided over", "are concerned that", "was critical of"
        if not _BE.intersection(aux) or not (" " in form or _BE_COMPLEMENT.match(text, ve)):
            return None
    # the last auxiliary past any adverbs decides the voice ("was first reported by", "was
    # quickly denied by": passive, the subject is no speaker)
    last_aux = next((a for a in reversed(aux) if a in _AUX_SET and a not in {"not", "never", "also"}), "")
    passive = last_aux in _BE and not form.split()[0].endswith("ing") and need != "be"
    agentless = False
    quoted_as = _QUOTED_AS.match(text, ve) if passive and lemma == "quote" else None
    if quoted_as is not None:
        # "Peskov was quoted (by Interfax) as saying": the subject is the speaker, one cue
        passive, ve = False, quoted_as.end()
    if passive and lemma == "credit" and (credited_with := _CREDITED_WITH_WORDS.match(text, ve)) is not None:
        # "Suvorov is credited with the following words:": the subject is the speaker, one cue
        passive, ve = False, credited_with.end()
    if passive and res.context.get(form.split()[-1]) == "state_participle" and _SPACE_THAT.match(text, ve) and \
            prev not in _EXPLETIVE_SUBJECTS:
        # "Lukashenko is also convinced that", "officials are worried that": the participle of a mental
        # state after "be", with a that-clause and no agent, is its subject's state (as "is concerned
        # that"), not an agentless passive ("It is expected that" stays one)
        passive = False
    if passive and not _BY.match(text, ve):
        if not _SPACE_THAT.match(text, ve) and need != "bare":
            return None
        agentless = True
    # a verb of saying as the infinitive of a catenative verb, before a clause without "that"
    # ("Russia continues to allege its troop movement is not ...", "officials continue to claim the
    # strikes were ..."): the catenative's subject speaks (see :func:`_catenative_clause`)
    cat_clause = _catenative_clause(sent, k, ve, lemma, aux, res, found, sid)
    if cat_clause is None and not aux and lemma in _COMMUNICATE and sent.words[k - 1 if k else 0].lower() == "to" and \
            k > 2 and sent.words[k - 2].lower() in _BE_TO and \
            (_after_q(text, ve) or bool(_LATER_THAT.match(text, ve, sent.end))) and \
            (be_to := _catenative_subject(sent, k, res)) is not None:
        cat_clause = be_to  # "Prime Minister Modi during a meeting with Vladimir Putin was to say that ..."
    if need == "noun" and not aux:
        infinitive = (prev == "to" and lemma in _COMMUNICATE and
                      (_after_q(text, ve) or bool(_LATER_THAT.match(text, ve, sent.end)))) or cat_clause is not None
        if (prev in _PREP and not infinitive) or nxt in {"of", "on", "by", "from", "for"} or \
                (nxt in {"as", "against", "were", "are"} and not form.endswith(("ed", "ing"))) or \
                nxt in res.verbs:
            return None
        if form == lemma and k > 0 and _is_cap(sent.words[k - 1]) and _det_before_caps(sent, k) \
                and not _after_ok(text, ve, sent.end, strict=True):
            return None  # "the AP report is misleading", "A new Pew Research report": a noun
            # (not "The Russians claim that": a plural subject and its verb)
        is_bare = not form.endswith(("ed", "ing")) and form not in {"told", "said", "wrote"}
        if is_bare and not infinitive and not (
                _after_ok(text, ve, sent.end, strict=True) or prev in _PRONOUNS or
                (_plural(prev) and _source_noun_clause(sent, k, ve, aux, res)) or
                            (k > 0 and _is_cap(sent.words[k - 1]) and sent.words[k - 1].lower()
                             not in res.nouns) or _postposed_name(text, sent, k, ve) or
                            _postposed_np(text, sent, k, ve, res)):
            return None
    if lemma == "call" and (_PHONE_CALL.match(text, ve) or _CALL_EVENT.match(text, ve) or (
            not aux and k > 1 and prev.islower() and sent.words[k - 2].lower() in {"a", "an", "the"})):
        return None  # "soldiers are calling it", "called off", "a group called X": not a naming
    if form == "called" and not aux and k > 1 and sent.words[k - 1].isalpha() and \
            sent.words[k - 1].islower() and not _plural(prev) and \
            (prev not in res.nouns or any(w in {"a", "an"} for w in sent.words[max(0, k - 4):k - 1])) \
            and prev not in _PRONOUNS and prev not in _BOUNDARY and not _is_adverb(prev, res) and \
            prev not in _LEAD_TRIM:
        # "a psychology class called “Perception”", "a Pakistan-based group called X": a name
        # (not "His surrogates called him", "the campaign called the report")
        return None
    if lemma in _AMOUNT_LEMMAS and not passive and \
            (_AMOUNT if _AMOUNT_LEMMAS[lemma] == "amount" else _ACCOUNTS).match(text, ve):
        return None  # "has added 178,000 jobs", "reported a $916 million loss"
    if need == "amount" and not _AMOUNT.match(text, ve):
        return None  # "the UN recorded 1,335 civilian casualties", not "recorded a video"
    if lemma == "appear" and _APPEARANCE.match(text, ve):
        return None  # "appeared on MSNBC", "appears before thousands of delegates": a presence
    if form == "said" and _AND_DONE.match(text, ve):
        return None  # "when all is said and done": an idiom, no report
    if lemma == "agree" and _COMMIT.match(text, ve):
        return None  # "agreed not to publish": a commitment, not a report
    ce = _cue_tail(text, ve, lemma)
    if need == "that" and not _after_ok(text, ce, sent.end) and not passive and \
            not _QUOTE_BEFORE.search(text, sent.start, cs) and not _dash_turn_before(text, sent, k, res) and \
            not _source_noun_clause(sent, k, ce, aux, res):
        return None
    if need == "inverted" and (aux or not _CLOSED_QUOTE_BEFORE.search(text, max(0, cs - 8), cs)):
        return None  # '"We have freedom," cried Zelenskiy' (not "she cried when ...")
    if need == "to" and not passive and not _after_ok(text, ce, sent.end, strict=True) and \
            not _OBJECT_TO.match(text, ce):
        return None  # "advising members to stay home"; not "who has advised Mrs. Clinton"
    if need in {"noun", "clause"} and not aux and form.endswith("s") and \
            (prev[:1].isdigit() or prev in _NUMBER_WORDS):
        return None  # "the 35 states that would vote", "two reports": a counted noun
    # mental-state and evidence verbs without a that-clause: decided once the speaker is known
    loose = need in {"mind", "evidence", "be", "as"} and not passive and \
        not _after_ok(text, ce, sent.end, strict=True)
    if need == "clause" and (prev in _PREP or not _after_ok(text, ce, sent.end, strict=True)):
        return None
    if need == "clause" and not aux and form == lemma and text.startswith(":", ce) and \
            not _plural(prev) and prev not in _PRONOUNS:
        return None  # "Drone attack: Kyiv's air defence ...": a headline label's noun, no verb of "Drone"
    if need == "as" and not _as_follows(sent, sent.index_at(ce)):
        return None  # a verb of viewing is a cue only as "see X as", never "the same view that", "you can see that"
    if agentless and lemma not in {"quote", "cite"} and (in_doc := _IN_DOCUMENT.match(text, ve)) is not None and \
            _document_after(sent, sent.index_at(in_doc.end()), res) is not None:
        agentless = False  # "This is stated in the resolution": the document is the source
    if agentless:
        return _row(text, res, cs, ce, stance, None, [], _strip(text, (ce, sent.end)), sid)
    if ce > ve and text[ce - 1] == "." and not text[ce - 2].isupper():
        ce -= 1

    if lemma in _EVIDENTIAL and not _seem_to_report(text, ce, res):
        # "the offensive seemed to stall": the writer's inference, its subject is no source
        # ("Rubio seemed to urge ...", "Messages seem to show ...": the subject reports)
        return _row(text, res, cs, ce, stance, None, [],
                    _content_range(text, sent, ce, cs, quotes, True, True), sid)
    spk_tok: tuple[int, int] | None = None
    side_before = True
    if clitic:
        spk_tok = (k - 1, k)
    elif passive:
        by = _BY.match(text, ve)
        if by:
            spk_tok = _agent_without_time(sent, _agent_after(sent, sent.index_at(by.end()), res), res)
            ce = by.end() - 1 if False else ce
            side_before = True
        elif (in_doc := _IN_DOCUMENT.match(text, ve)) is not None:
            # "This is stated in the resolution adopted by ...", "as noted in the report": the
            # document the passive names with "in" is its source (not "He was quoted in the report")
            spk_tok = _document_after(sent, sent.index_at(in_doc.end()), res)
    elif _coordinated(sent, k, res):
        # the second verb of a coordination: "He called Ryan ... and boasted about"; before an
        # infinitive only when the first is a cue of the same sentence with no clause between
        # ("questioned Israel's commitment and refused to back"; not "soldiers said that one
        # of the units was placed behind them and threatened to shoot": the clause's verb)
        inf = _TO_INF.match(text, ce) is not None
        # a commitment after a cue of the same sentence ("He announced that he was in therapy and
        # vowed to focus on ..."): that cue's speaker's, whatever clause stands between (never a
        # noun: "speeches and promises to"; without a cue before it, no report: "The convoy
        # stopped at the border and refused to turn back")
        commissive = inf and lemma in _COMMISSIVE and form not in _COMMISSIVE_NOUNS
        for r in _outer_rows(found, sid, cs):
            if r["sent_id"] == sid and r.get("speaker_start") is not None and r["end"] <= cs:
                if inf and not commissive and _clause_between(sent, sent.index_at(r["end"]), k):
                    break
                return _row(text, res, cs, ce, stance, (r["speaker_start"], r["speaker_end"]),
                            list(r["_words"]), _content_range(text, sent, ce, cs, quotes, False, True),
                            sid)
        if inf:
            return None  # "The unit ... and threatened to shoot": an intention, not a report
        c = _conjunction_at(sent, k, res)
        spk_tok = _clause_subject(sent, c, res) or _lead_subject(sent, c, res)
    elif cat_clause is not None:
        cs = sent.toks[cat_clause[2]][0]
        ss, se = sent.toks[cat_clause[0]][0], sent.toks[cat_clause[1] - 1][1]
        return _row(text, res, cs, ce, stance, (ss, se), sent.words[cat_clause[0]:cat_clause[1]],
                    _content_range(text, sent, ce, ss, quotes, True, True), sid)
    elif prev == "to" and k > 1 and lemma in _COMMUNICATE and not aux and \
            (_after_q(text, ce) or _LATER_THAT.match(text, ce, sent.end)):
        # an infinitive: "for Trump to tweet Monday that", "asked him to explain why"
        spk_tok = None
        for p in range(k - 2, max(-1, k - 7), -1):
            if sent.words[p].lower() == "for" and p + 1 < k - 1:
                cand = (p + 1, k - 1)
                spk_tok = cand if _np_ok(sent.words[cand[0]:cand[1]], res) else None
                break
        if spk_tok is None:
            spk_tok = _clause_subject(sent, k - 1, res)
    elif (rel := _relative_at(sent, k, res)) is not None and not _in_quote(quotes, cs) and not loose:
        # a relative clause: "residents who say ...", "Thomas Perez, who said ...", "the
        # police department, which reported", "McConnell, who in 2010 said": the source as
        # written is "who" / "which", resolved to the noun phrase it follows
        j = rel - 1 if rel > 0 and sent.words[rel - 1] == "," else rel
        ante = _after_abstract_of(sent, _np_before(sent, j, res), res)
        ws, we = sent.toks[rel]
        if sent.words[rel] not in {"who", "which", "that"}:
            we = sent.toks[rel + 2][1]  # "many of whom"
        if ante is None:
            row = _row(text, res, cs, ce, stance, (ws, we), [sent.words[rel]],
                       _content_range(text, sent, ce, cs, quotes, False, True), sid)
            row["speaker_type"] = "pronoun"
            return row
        a_words = sent.words[ante[0]:ante[1]]
        row = _row(text, res, cs, ce, stance, (ws, we), a_words,
                   _content_range(text, sent, ce, cs, quotes, False, True), sid)
        row["speaker_resolved"] = text[sent.toks[ante[0]][0]:sent.toks[ante[1] - 1][1]]
        return row
    else:
        after_comma = prev == "," or text[max(sent.start, cs - 4):cs].rstrip()[-2:] in {
            ',"', ",”", ",’"} or (k > 1 and sent.words[k - 2] == "," and _is_adverb(prev, res)
                                  and form.split()[0].endswith("ing"))
        # (", even suggesting he may have been sabotaged", ", again saying": an adverb between)
        if form.split()[0].endswith("ing") and not loose and (
                (k == 0 and lemma in _COMMUNICATE | _EMPHATIC) or (k == 1 and prev in _GERUND_PREP)):
            # "Emphasizing the urgency of the matter, Trump said ...", "In describing fellow
            # billionaire Donald Trump, Cuban said": the subject after the comma
            comma = next((p for p in range(1, min(len(sent.words), 25)) if sent.words[p] == ","),
                         None)
            if comma is not None:
                subj = _subject_at(sent, comma + 1, res)
                if subj is not None and subj[1] < len(sent.words) and \
                        sent.words[subj[1]][:1].islower():
                    ss, se = sent.toks[subj[0]][0], sent.toks[subj[1] - 1][1]
                    return _row(text, res, cs, ce, stance, (ss, se),
                                sent.words[subj[0]:subj[1]],
                                _strip(text, (ce, sent.toks[comma][0])), sid)
        with_subj = _with_subject(sent, k, res) if form.split()[0].endswith("ing") and not loose else None
        gerund = form.endswith("ing") and not loose and (
            after_comma or (lemma in _COMMUNICATE and (prev in _GERUND_PREP or (
                prev.endswith("ly") and k > 1 and sent.words[k - 2].lower() in _GERUND_PREP))))
        if with_subj is not None:
            # "with officials citing security concerns": "with" and the noun phrase that does the citing
            spk_tok = with_subj
        elif gerund:
            # ", telling reporters ...", "by saying", "after telling his aides": the speaker of
            # the sentence's main clause, the first one read before its cue ("Perdue said he
            # didn't believe ..., arguing": Perdue, not "he")
            mains = [r for r in found if r["sent_id"] == sid and r.get("speaker_start") is not None
                     and r["speaker_start"] < r["start"] and r["end"] <= cs
                     and not _in_quote(quotes, r["start"])]  # (not a cue quoted before it)
            for r in (sorted(mains, key=lambda r: r["speaker_start"])[:1] or
                      [r for r in reversed(found) if r["sent_id"] == sid and
                       r.get("speaker_start") is not None][:1]):
                if not after_comma and (inner := _reported_clause_subject(sent, r, k, res)) is not None:
                    # "analysts pointed out that Russian state media attempted to justify the strike by
                    # claiming that ...": the gerund's subject is that of its own clause, the reported one
                    ss, se = sent.toks[inner[0]][0], sent.toks[inner[1] - 1][1]
                    return _row(text, res, cs, ce, stance, (ss, se), sent.words[inner[0]:inner[1]],
                                _content_range(text, sent, ce, cs, quotes, False, True), sid)
                return _row(text, res, cs, ce, stance,
                            (r["speaker_start"], r["speaker_end"]), list(r["_words"]),
                            _content_range(text, sent, ce, cs, quotes, False, True), sid)
            spk_tok = (_clause_subject(sent, k, res) if after_comma else None) or \
                _lead_subject(sent, k, res)
        else:
            spk_tok = _speaker_before(sent, k, res)
            if spk_tok is not None:
                spk_tok = _past_relative(sent, spk_tok, res)
            if spk_tok is None:
                inv = _np_after(sent, sent.index_at(ce), res, apposition=True)
                before_txt = text[sent.start:cs].rstrip()
                if not before_txt:
                    # '...?” said Susan Hennessey': the quotation closed the previous sentence
                    before_txt = text[max(0, sent.start - 3):sent.start].rstrip()
                closed = before_txt[-1:] in set("”\"»’") or before_txt[-2:] in {"''", ",“", "?“", "!“"}
                inv_ok = inv is not None and (_inversion_end(sent, inv[1]) or (
                    closed and inv[1] < len(sent.words) and (sent.words[inv[1]] in {",", "who"} or (
                        # '..." said von der Leyen when asked about ...': an adverbial clause after the name
                        sent.words[inv[1]].lower() in _CLAUSE_AFTER_NAME and _inverted_name(sent, inv)))))
                opening = k == 0 and inv is not None and inv[1] < len(sent.words) and \
                    sent.words[inv[1]] == ":" and lemma in _STRONG | _INVERTING
                if (inv_ok and closed) or opening:
                    # ('..." said X', and 'Said Ellis: "I don't get the sense ..."')
                    spk_tok, side_before = inv, False
                elif inv_ok and before_txt[-1:] == "," and lemma in (_STRONG | _INVERTING) - {"tell", "ask"} \
                        and inv is not None and _inverted_name(sent, inv):
                    # "Ukraine shelled Donetsk, said Denis Pushilin.": the clause before the comma is the
                    # content, the name after the verb the speaker (not "Smith, a spokesman, said Monday")
                    spk_tok, side_before = inv, False
                elif inv_ok and before_txt[-1:] == "," and lemma in (_STRONG | _INVERTING) - {"tell", "ask"} and \
                        inv is not None and inv[1] >= len(sent.words) - 1 and \
                        "," not in sent.words[:k - 1] and k >= 6:
                    # "The country's defence industry carried out extensive modernisation for years, says the
                    # Deputy Prime Minister": one clause, its only comma, then the verb and a noun phrase that
                    # closes the sentence: the clause is the content, the phrase after the verb the speaker
                    # (an appositive chain needs a comma of its own: "Smith, a spokesman, said")
                    spk_tok, side_before = inv, False
                else:
                    spk_tok = _appositive_chain(sent, k, res)
                    if spk_tok is None and inv_ok and before_txt[-1:] == "," and \
                            lemma in _STRONG | _INVERTING:
                        # ("..., says Carl Anthony"; not "..., endorsed Cruz last week")
                        spk_tok, side_before = inv, False
    if lemma == "learn" and not passive and (learned_from := _LEARNED_FROM.match(text, ve)) is not None and \
            (source_of_learned := _source_after_learned_from(sent, sent.index_at(learned_from.end()), res)):
        # "BelTA learned from Belarus President Aleksandr Lukashenko that ...": the source is after "from"
        ss, se = sent.toks[source_of_learned[0]][0], sent.toks[source_of_learned[1] - 1][1]
        return _row(text, res, cs, ce, stance, (ss, se), sent.words[source_of_learned[0]:source_of_learned[1]],
                    _content_range(text, sent, se, cs, quotes, False, True), sid)
    if not passive:
        # dashes: a pair around an appositive ("Gen Milley - Biden's top officer - warned"), a turn's
        # closing dash ("... before 2014 - said Lukashenko", "... of Europe - he commented")
        spk_tok, side_before = _dash_speaker(text, sent, k, ce, lemma, res, spk_tok, side_before, bool(aux))
    if spk_tok is None and not aux and form.endswith("ed") and k <= 1 and _BY.match(text, ve):
        # a participle opening the sentence: "When asked by Ingraham", "Pressed by Holt"
        agent = sent.index_at(_BY.match(text, ve).end())  # type: ignore[union-attr]
        spk_tok = _subject_at(sent, agent, res) or _np_after(sent, agent, res)
        side_before = False
    if spk_tok is not None and _dangling(sent.words[spk_tok[1] - 1]):
        # a clause, no noun phrase ("Boxer attacked Fiorina by reminding"): its subject
        spk_tok = _subject_at(sent, spk_tok[0], res)
        if spk_tok is not None and spk_tok[1] - spk_tok[0] == 1 and \
                sent.words[spk_tok[0]].lower() in _DET:
            spk_tok = None  # a lone "the"
    if spk_tok is None and side_before and not passive:
        # "On Thursday Wang Wenbin, a spokesman for ..., dismissed": a time opener without its comma
        spk_tok = _subject_after_time_opener(text, sent, k, res)
        # "He is believed to have said", "Putin is reported to have told Macron": the raised subject
        if spk_tok is None and (raised := _RAISED_TO_HAVE.search(text, max(sent.start, cs - 60), cs)) is not None:
            spk_tok = _speaker_before(sent, sent.index_at(raised.start()), res)
        # "a senior official speaking on condition of anonymity described": the official
        if spk_tok is None and (anonymous := _ANONYMITY_BEFORE.search(text, max(sent.start, cs - 80), cs)) is not None:
            spk_tok = _speaker_before(sent, sent.index_at(anonymous.start() + 1), res)
        # "a source close to him said", "people with direct knowledge of Gates' work said": the source
        # before the post-modifier that vouches for it
        if spk_tok is None and (vouch := _SOURCE_POSTMODIFIER.search(text, max(sent.start, cs - 90), cs)) is not None:
            spk_tok = _speaker_before(sent, sent.index_at(vouch.start() + 1), res)
        if spk_tok is None:
            spk_tok = _subject_before_one_of(sent, k, res) or _subject_after_bullet(text, sent, k, res)
        glued_pronoun = _GLUED_DASH_PRONOUN.search(sent.words[k - 1]) if spk_tok is None and k > 0 else None
        if glued_pronoun is not None and lemma in _DASH_TURN_LEMMAS:
            # "... great interest-he said": a turn's dash between the last word and the pronoun, no spaces
            pe = sent.toks[k - 1][1]
            ps = pe - len(glued_pronoun.group(1))
            return _row(text, res, cs, ce, stance, (ps, pe), [glued_pronoun.group(1).lower()],
                        _content_range(text, sent, ce, ps - 1, quotes, True, True), sid)
    if spk_tok is None and side_before and not passive:
        spk_tok = _sentence_subject(sent, k, res)
    if spk_tok is None:
        cat = _catenative_subject(sent, k, res) if side_before and not passive and need == "mind" else None
        if cat is not None and (not loose or _clause_follows(sent, sent.index_at(ce))) and \
                not sent.words[cat[2]].lower().startswith(("want", "plan", "intend", "decid", "hope")):
            # (an intention before "know": "voters want to know what ...", a question, no belief)
            # a mental-state verb after a catenative and before its clause ("Ukrainians are right to
            # think that", "They continue to believe that"): the catenative's subject holds it
            cs = sent.toks[cat[2]][0]
            if sent.words[cat[2]].lower() in _CATENATIVE_ADJECTIVES and cat[2] > 0 and \
                    sent.words[cat[2] - 1].lower() in _BE:
                cs = sent.toks[cat[2] - 1][0]
            ss, se = sent.toks[cat[0]][0], sent.toks[cat[1] - 1][1]
            return _row(text, res, cs, ce, stance, (ss, se), sent.words[cat[0]:cat[1]],
                        _content_range(text, sent, ce, ss, quotes, True, True), sid)
        if loose:
            return None
        participle = form.endswith("ing") and prev == ","
        if (need == "bare" and not (prev == "to" and nxt in _WH)) or (
                lemma in _STRONG and not need and form != lemma and k > 0 and
                (participle or not form.endswith(("s", "ing"))) and not _in_quote(quotes, cs)):
            # a cue with no speaker of its own (not "declined to say whether he would run");
            # after a catenative verb its subject speaks: "The Republican nominee continues to
            # insist", "protesters continued to call for" (the catenative joins the cue)
            cat = _catenative_subject(sent, k, res) if side_before and not passive else None
            if cat is not None and not _cue_at(found, sid, sent.toks[cat[2]][0]):
                # (a catenative that is a cue itself keeps its own row: "refuses" in "he
                # refuses to discuss")
                cs = sent.toks[cat[2]][0]
                ss, se = sent.toks[cat[0]][0], sent.toks[cat[1] - 1][1]
                if found and found[-1]["sent_id"] == sid and found[-1]["end"] == sent.toks[cat[2]][1] and \
                        sent.words[cat[2]].lower() in _CATENATIVE_ADJECTIVES:
                    cs = found.pop()["start"]  # "was quick" and "to deny": one cue, the report's stance
                return _row(text, res, cs, ce, stance, (ss, se), sent.words[cat[0]:cat[1]],
                            _content_range(text, sent, ce, ss, quotes, True, True), sid)
            return _row(text, res, cs, ce, stance, None, [],
                        _content_range(text, sent, ce, cs, quotes, True, True), sid)
        return None
    if loose:
        # (adverbs may stand between: "He apparently believed the polls that ...")
        adjacent = side_before and spk_tok[1] <= k and \
            all(_is_adverb(w, res) for w in sent.words[spk_tok[1]:k])
        head = sent.words[spk_tok[1] - 1].lower()
        # (the writer's own "I know", "we believe" outside quotation marks is a source of
        # its own, as PolNeAR marks it; a generic "you think" is none)
        if not adjacent or _in_quote(quotes, cs) or head == "you" or \
                (need == "evidence" and not _evidence_np(sent.words[spk_tok[0]:spk_tok[1]], res)
                 and not _postposed(text, sent, spk_tok[0], ce)) or \
                (need == "mind" and not (_clause_follows(sent, sent.index_at(ce)) or
                                         _MIND_OBJECT.match(text, ce, sent.end) or
                                         _gapped_clause(sent, spk_tok[0], sent.index_at(ce)))):
            return None
    if side_before and spk_tok[1] - spk_tok[0] > 1 and spk_tok[1] <= k and \
            sent.words[spk_tok[1] - 1].lower() in _SUBJECT_PRONOUNS and \
            sent.words[spk_tok[1] - 2] not in {",", "and", "or"}:
        # a subject pronoun ends the run: "As a child I knew" (an opener without its comma),
        # the speaker is "I", not "a child I"
        spk_tok = (spk_tok[1] - 1, spk_tok[1])
    if side_before and not passive and not aux and \
            (cat := _catenative_subject(sent, k, res)) is not None and cat[:2] == spk_tok and \
            not _cue_at(found, sid, sent.toks[cat[2]][0]):
        cs = sent.toks[cat[2]][0]  # the same subject either way: "continues to insist" is the cue
    ss, se = sent.toks[spk_tok[0]][0], sent.toks[spk_tok[1] - 1][1]
    words = sent.words[spk_tok[0]:spk_tok[1]]
    if clitic:
        se -= 2
        words = [words[0][:-2]]
    if len(words) == 1 and words[0].lower() in _FIRST_PERSON and \
            _in_quote(quotes, cs):
        return None  # "I think" inside someone's quotation
    if len(words) > 1 and words[-1] in _TITLE_CASE_ADVERBS and spk_tok[1] == k:
        # a title-case headline's adverb between the subject and its verb ("Kasich Just Revealed",
        # "Rick Perry Just Announced"): not part of the speaker
        words = words[:-1]
        se = sent.toks[spk_tok[1] - 2][1]
    if _not_a_source(words, res):
        return None  # "The views expressed here": no source, no attribution
    if lemma in _INTENTION and side_before and spk_tok[0] > 0 and \
            sent.words[spk_tok[0] - 1].lower() in _CONDITIONAL:
        return None  # "a hotline if they want to surrender": a hypothetical wish, no source's
    if side_before:
        content = _content_range(text, sent, ce, ss, quotes, True, True)
    else:
        content = _content_range(text, sent, se, cs, quotes, True, False)
    return _row(text, res, cs, ce, stance, (ss, se), words, content, sid)


#: adverbs that title-case headlines capitalise between a subject and its verb ("Kasich Just
#: Revealed", "Putin Finally Admits"); a closed list, never a name's "-ly" ("Megyn Kelly Said")
_TITLE_CASE_ADVERBS = frozenset({"Just", "Also", "Now", "Even", "Still", "Finally", "Already", "Again",
                                 "Never", "Officially", "Publicly", "Openly", "Quietly"})
#: adjectives of manner and judgment that a form of "be" predicates before a to-infinitive of a
#: cue, whose subject is then the cue's ("The Kremlin was quick to deny", "Ukrainians are right to
#: think that", "Moscow was the first to claim"; Biber et al. 1999, 9.4.5 on adjectives with
#: to-clauses)
_CATENATIVE_ADJECTIVES = frozenset(_function_words("catenative_adjective"))
#: catenative verbs whose subject is the subject of the infinitive after them ("continues to
#: insist", "seemed to suggest", "refused to say"; Huddleston & Pullum 2002, ch. 14), and the
#: adjectives above
_CATENATIVE = frozenset(_function_words("catenative")) | _CATENATIVE_ADJECTIVES
#: past forms of "be" before a to-infinitive of a verb of saying: in agency copy translated from
#: Polish ("miał powiedzieć") a report the writer does not vouch for ("Modi was to say it was not
#: time for war", "Xi was also to announce"); never the present ("That is to say")
_BE_TO = frozenset({"was", "were"})
#: adverbs between "to" and its verb ("was to once again ensure")
_SPLIT_INFINITIVE = frozenset({"once", "again", "also", "further", "publicly", "personally", "later"})


def _cue_at(found: list[dict[str, Any]], sid: int, start: int) -> bool:
    """Whether a row already found in sentence ``sid`` has its cue starting at ``start``."""
    return any(r["sent_id"] == sid and r["start"] == start for r in reversed(found))


def _catenative_subject(sent: _Sent, k: int, res: Resources) -> tuple[int, int, int] | None:
    """``(subject start, subject end, catenative index)`` when the cue at token ``k`` is the
    infinitive of a catenative verb right before it ("protesters *continued to* call for",
    "Obama *appears set to* veto") whose subject stands right before it."""
    t = k - 1
    while t > 1 and sent.words[t].lower() in _SPLIT_INFINITIVE:
        t -= 1  # "was to once again ensure"
    if t < 1 or sent.words[t].lower() != "to":
        return None
    c = t - 1
    if c > 0 and sent.words[c].lower() in {"also", "then"} and sent.words[c - 1].lower() in _BE_TO:
        c -= 1  # "Xi was also to announce"
    if sent.words[c].lower() not in _CATENATIVE and sent.words[c].lower() not in _BE_TO:
        return None
    if c > 0 and sent.words[c].lower() in {"set", "going", "about"} and \
            sent.words[c - 1].lower() in _CATENATIVE | _BE:
        c -= 1
    b = c
    if b > 1 and sent.words[b].lower() in _CATENATIVE_ADJECTIVES:
        if sent.words[b - 1].lower() not in _BE:
            return None  # ("a quick to deny", "the right to say": no predicative adjective)
        b -= 1
        while b > 1 and _is_adverb(sent.words[b - 1], res):
            b -= 1
        if b > 1 and sent.words[b - 1].lower() in _AUX_SET:
            b -= 1  # "has been quick to"
    spk = _speaker_before(sent, b, res)
    if spk is not None and sent.words[c].lower() in _BE_TO and not (
            (_is_cap(sent.words[spk[1] - 1]) or sent.words[spk[1] - 1].lower() in res.nouns) and
            (spk[0] == 0 or sent.words[spk[0] - 1].lower() not in _WH)):
        return None  # "was to" after a person or source only ("The plan was to say nothing", "What he wanted was to")
    return (spk[0], spk[1], c) if spk is not None else None


#: words after a participle that postmodifies the noun before its comma (", published *on* Telegram,")
_POSTMODIFIER_NEXT = frozenset({"on", "in", "at", "last", "earlier", "yesterday", "today", "this", "online"})


def _reduced_passive_agent(text: str, sent: _Sent, k: int, vs: int, ve: int, form: str, aux: list[str],
                           res: Resources) -> tuple[int, int] | None:
    """The agent of a cue's bare past participle right before "by" ("that *voiced by* Ukrainian
    President Volodymyr Zelensky", ", *cited by* the Ukrainian truth", '*quoted by* "Ukrainian
    truth"'): a reduced passive, its agent the source. Only for the participles of class
    ``reduced_passive`` in ``attribution_context.tsv``, with no auxiliary, after a noun
    phrase, a comma or a demonstrative, and never before a gerund or a quantity ("responded by
    saying", "cited by 40 percent")."""
    if aux or " " in form or not form.endswith("ed") or k == 0 or \
            res.context.get(form) != "reduced_passive":
        return None
    by = _BY.match(text, ve)
    if by is None:
        return None
    prev = sent.words[k - 1]
    if not (prev in {",", "that", "those"} or (prev[:1].isalpha() and prev.lower() not in _DET and
                                                prev.lower() not in _PRONOUNS and not _is_adverb(prev, res))):
        return None  # (not "He quoted by heart", "he later cited by name")
    i = sent.index_at(by.end())
    if i < len(sent.words) and sent.words[i] in _OPEN_Q:
        i += 1  # 'quoted by "Ukrainian truth"'
    if i >= len(sent.words) or sent.words[i].lower().endswith("ing") or sent.words[i][:1].isdigit():
        return None
    return _agent_without_time(sent, _np_after(sent, i, res, apposition=False) or _agent_after(sent, i, res),
                               res)


#: time adverbs that end a passive's agent ("voiced by Zelensky *earlier* in the day")
_AGENT_TIME_ADVERBS = frozenset({"earlier", "later", "today", "yesterday", "tonight", "overnight"})


def _agent_without_time(sent: _Sent, span: tuple[int, int] | None, res: Resources
                        ) -> tuple[int, int] | None:
    """A passive's agent without the time adjunct after it ("by Ukrainian President Volodymyr
    Zelensky *earlier in the day*", "by President Zelensky *on Monday*") or the verb of the clause
    it is the subject of ("Reports by the BBC *suggest* ..."): the agent ends before a time adverb,
    a preposition whose next words hold a day, month or time noun
    (``lexicons/attribution_context.tsv``) or a lower-case reporting verb form that is no noun;
    the phrase keeps at least its first word."""
    if span is None:
        return None
    for j in range(span[0] + 1, span[1]):
        w = sent.words[j].lower()
        if (sent.words[j].islower() and w in res.verbs and res.verbs[w][2] != "noun") or \
                w in _AGENT_TIME_ADVERBS or (w in _TIME_LEAD and any(
                res.context.get(x.lower()) in {"day", "month", "time_noun"} for x in sent.words[j + 1:min(span[1], j + 4)])):
            return span[0], j
    return span


def _source_noun_clause(sent: _Sent, k: int, ce: int, aux: list[str], res: Resources) -> bool:
    """Whether the cue at token ``k`` stands right after a source noun (an anonymous source, a
    title or an institution of ``lexicons/attribution_nouns.tsv``, never a pronoun) and before a
    clause without "that" ("South Korean officials *maintained* North Korean military factories
    were operating", "rumors *claim* the Kremlin is providing"): the noun is the verb's subject,
    the clause its content (not "officials maintained ties with Moscow", "the claim the ...")."""
    if aux or k == 0 or res.nouns.get(sent.words[k - 1].lower()) not in {"anonymous", "title", "institution"} or \
            sent.words[k].lower().endswith("ing"):
        return False  # (a participle after the noun modifies it: "many people reading this article have")
    if k > 1 and sent.words[k - 2].lower() in _PREP - {"to"}:
        return False  # (not "after talks with officials maintained ...": the noun of a prepositional phrase)
    return _clause_follows(sent, sent.index_at(ce))


#: relative words whose clause may lack the subject of the clause after its verb ("the explosions,
#: *which* he believes might have been caused by ...": the relative is that subject); not "that"
#: nor "what" (on the PolNeAR tuning part "a measure that he believes would lower", "what he
#: thinks is an unfounded perception" are mostly no gold cues, "which" ones are)
_GAP_RELATIVES = frozenset({"which"})


def _gapped_clause(sent: _Sent, s: int, i: int) -> bool:
    """Whether a clause without its subject follows a mental-state verb at token ``i`` inside a
    relative clause opened right before the verb's subject at ``s`` ("the explosions, *which* he
    believes *might* have been caused by ..."): a finite
    auxiliary or modal right after the verb, the relative word right before the subject."""
    n = len(sent.words)
    return 0 < s and i + 1 < n and sent.words[s - 1].lower() in _GAP_RELATIVES and \
        sent.words[i].lower() in _FINITE and sent.words[i + 1][:1].isalpha()


def _catenative_clause(sent: _Sent, k: int, ve: int, lemma: str, aux: list[str], res: Resources,
                       found: list[dict[str, Any]], sid: int) -> tuple[int, int, int] | None:
    """:func:`_catenative_subject` of a verb of saying (:data:`_COMMUNICATE`) that is the
    infinitive of a catenative verb and has a clause right after it without "that" ("Russia
    *continues to allege* its troop movement is not ...", "officials *continue to claim* the
    strikes were ..."); never when the catenative is a cue of its own ("he refused to claim ..."
    keeps "refused"), nor before a plain object ("continues to claim victory")."""
    if aux or k < 2 or lemma not in _COMMUNICATE:
        return None
    nxt = sent.index_at(ve)
    if nxt >= len(sent.words) or sent.words[nxt].lower() in {"that", "to"} or \
            not _clause_follows(sent, nxt):
        return None  # (with "that" the infinitive reading above takes it already)
    cat = _catenative_subject(sent, k, res)
    if cat is None or _cue_at(found, sid, sent.toks[cat[2]][0]):
        return None
    return cat


#: what a mental-state verb takes besides a clause: an object and its infinitive ("A majority
#: of voters expect Clinton to win", "I didn't expect him to drag up"), or "(all) about"
#: ("I know all about normalizing hate")
_MIND_OBJECT = re.compile(r"(?:\s+(?:him|her|them|us|me|it|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}))"
                          r"\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b|\s+(?:all\s+)?about\s+(?!it\b)[\w'’]")


#: intention predicates before a to-infinitive ("Clinton wants to triple the size of the
#: program", "the campaign plans to release"; lexicons/reporting_verbs.tsv, stance attitude)
_INTENTION = frozenset({"want", "plan", "intend", "decide"})
#: commissive speech acts (Searle 1976): a promise or refusal of the subject, a cue as the second
#: verb of a coordination before a to-infinitive ("... and vowed to focus", "but declined to provide";
#: not "threaten": "and threatened to shoot" in war reports is an act)
_COMMISSIVE = frozenset({"vow", "promise", "pledge", "refuse", "decline"})
#: their forms that are nouns too ("impassioned speeches and promises to shake things up")
_COMMISSIVE_NOUNS = frozenset({"vow", "vows", "promise", "promises", "pledge", "pledges"})
#: words that make the clause after them hypothetical ("if they want to", "unless he plans to")
_CONDITIONAL = frozenset({"if", "unless", "whether", "whenever", "until", "lest"})

# verbs that report speech whatever the syntax around them
_STRONG = {"say", "tell", "add", "ask", "write", "announce", "report", "claim", "allege", "insist",
           "declare", "explain", "tweet", "testify", "reiterate", "warn", "emphasize", "stress"}
_EVIDENTIAL = {"seem", "appear", "reportedly"}
#: verbs of speech that invert after a comma besides :data:`_STRONG` ("..., notes Carl Anthony")
_INVERTING = {"note", "recall", "reply", "respond", "argue", "continue", "observe", "explain", "state",
              "complain", "counter", "quip", "joke", "admit", "acknowledge", "predict", "suggest"}
#: subject pronouns that open a clause after a mental-state verb
_SUBJ_PRONOUNS = {"he", "she", "they", "we", "i", "you", "there", "it"}
#: subject pronouns before which "'s" is "is" or "has", never a possessive ("He’s claiming")
_CONTRACTED_SUBJ = frozenset({"he", "she", "it", "who", "that"})
#: finite auxiliaries and modals (a clause's verb is near)
_FINITE = set(_function_words("finite"))
#: communication verbs that keep their speaker when infinitive or coordinated
_COMMUNICATE = {"say", "tell", "tweet", "write", "announce", "claim", "insist", "declare", "explain",
                "testify", "warn", "boast", "brag", "deny", "accuse", "criticize", "attack",
                "argue", "advise", "urge", "suggest", "complain", "admit", "acknowledge", "confirm",
                "reveal", "blame", "praise", "ask", "add", "note", "state", "allege", "predict",
                "call", "describe", "mock", "slam", "reiterate"}
#: lemmas that are no report when followed by an amount ("has added 178,000 jobs",
#: "reported a $916 million loss") or by an infinitive commitment ("agreed not to")
_AMOUNT_LEMMAS = {"add": "amount", "report": "accounts", "post": "accounts"}
_AMOUNT = re.compile(r"\s+(?:(?:about|nearly|almost|some|over|roughly|only|just|more\s+than|another"
                     r"|an\s+estimated)\s+)?(?:[$€£¥]|\d)")
_ACCOUNTS = re.compile(r"\s+(?:(?:a|an|its|their|the)\s+)?(?:[$€£¥]|(?:[\w.,-]+\s+){0,3}?"
                       r"(?:net\s+)?(?:profits?|loss(?:es)?|revenues?|earnings|sales|income)\b)",
                       re.IGNORECASE)
#: "appear" of a presence, not a seeming ("appeared on MSNBC", "appeared at the debate")
_APPEARANCE = re.compile(r"\s+(?:on|at|in|before|with|alongside|together|onstage)\b")
_COMMIT = re.compile(r"\s+(?:not\s+)?to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|this\b|that\b)"
                     r"[a-z]", re.IGNORECASE)
#: emphatic and counter verbs that open a sentence as a gerund ("Emphasizing ..., Trump said")
_EMPHATIC = frozenset({"emphasize", "stress", "highlight", "underline", "underscore", "criticize",
                       "cite", "reject", "dismiss", "praise", "echo", "acknowledge", "defend",
                       "deny", "express", "recall", "point out", "refer to", "reiterate"})
#: prepositions before a gerund whose subject is the clause's ("by saying", "after telling", "aside
#: from saying he wants")
_GERUND_PREP = frozenset({"by", "while", "after", "before", "when", "without", "in", "from"})
#: the rest of "was quoted (by Interfax) as saying" (the active "Interfax quoted X as saying" is
#: :data:`_QUOTED_PERSON_AS`)
_QUOTED_AS = re.compile(r"(?:\s+by(?:\s+[\w’'.&-]+){1,6}?)?,?\s+as\s+(?:saying|telling)\b")
_TO_INF = re.compile(r"\s+to\s+[a-z]")
#: an object and a to-infinitive after a directive verb ("advising *members to* stay home")
_OBJECT_TO = re.compile(r"(?:\s+[\w'’.-]+){1,4}?\s+to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b)[a-z]+\b")
#: the complement of an attitude adjective (need ``be``): a preposition, "that", "whether"
_BE_COMPLEMENT = re.compile(r"\s+(?:about|of|over|on|to|toward|towards|with|by|at|in|that|whether)\b")
_WH = frozenset({"whether", "if", "how", "why", "what", "who", "when", "where", "which"})
#: a quotation closing right before a cue of need ``inverted`` ('"We have freedom," cried')
_CLOSED_QUOTE_BEFORE = re.compile(r"[,!?][\"”’']{1,2}\s*$")
_QUOTE_BEFORE = re.compile(r"[,!?]\s*[\"”’']{1,2}\s*(?:[\w.'’-]+\s+){0,6}$")
_FIRST_PERSON = {"i", "we", "you"}
#: subject pronouns that open a clause of their own after a phrase ("As a child *I* knew")
_SUBJECT_PRONOUNS = frozenset({"i", "we", "he", "she", "they"})

#: the words of a verb group that show it has an auxiliary: the auxiliaries and modals, and "not",
#: "never", "also" (``aux_companion``)
_AUX_SET = set(_function_words("auxiliary")) | set(_function_words("aux_companion"))


#: nouns and adjectives ending in "-ly" (no adverbs: "a friendly warning")
_LY_NOUNS = frozenset({"family", "ally", "rally", "assembly", "supply", "monopoly", "anomaly", "bully",
                       "fly", "belly", "jelly", "lily", "italy", "july", "daily", "weekly", "monthly",
                       "quarterly", "elderly", "friendly", "unfriendly", "deadly", "costly",
                       "likely", "unlikely", "lonely", "lovely", "ugly", "timely", "orderly"})


#: words that open a time adjunct between a subject and its verb ("on Thursday", "last week")
_TIME_LEAD = frozenset({"on", "last", "this", "next", "early", "late", "earlier", "later", "in"})


_SETTING_LEAD = frozenset({"in", "during", "at"})
_SETTING_POSTMOD = frozenset({"with", "of", "on", "in", "at", "to", "for", "between"})


def _setting_tail(words: list[str], j: int, res: Resources) -> int:
    """Start of an occasion adjunct that ends at token ``j`` and follows a subject; ``j`` when there is none.

    "in", "during" or "at", a noun phrase whose head is a ``setting`` noun
    (``lexicons/attribution_context.tsv``: interview, meeting, conversation, summit, ...) within
    five words, then at most a "with"/"of"/"on" phrase of names and nouns, no verb and no comma;
    the word before it a capitalised word or a source noun (the subject it follows).

    >>> res = default_resources()
    >>> [_setting_tail(s.split(), len(s.split()), res) for s in
    ...  ["Hakeem Jeffries in an interview with CBS", "Blinken during the Thursday meeting of the Security Council",
    ...   "the minister at a press conference in Kyiv", "Those at the meeting", "the people in the city"]]
    [2, 1, 2, 4, 5]
    """
    for q in range(j - 2, max(0, j - 15), -1):
        w = words[q]
        if w in _HARD or w == "," or (w.islower() and w in res.verbs and w not in res.nouns and w not in _SETTING_LEAD):
            return j
        if w.lower() not in _SETTING_LEAD or q < 1:
            continue
        before = words[q - 1]
        if not (_is_cap(before) or before.lower() in res.nouns) or before.lower() in _DET:
            continue
        head = next((h for h in range(q + 1, min(j, q + 6)) if res.context.get(words[h].lower()) == "setting"), None)
        if head is None:
            continue
        if head + 1 < j and words[head + 1].lower() not in _SETTING_POSTMOD:
            continue
        return q
    return j


def _time_tail(words: list[str], j: int, res: Resources) -> int:
    """End of the subject before a time adjunct that ends at token ``j``; ``j`` when there is none.

    A day word (``day`` in ``lexicons/attribution_context.tsv``: a weekday, today, yesterday)
    alone or after a lead word ("Biden Thursday said", "Lukashenko on Thursday said"); a month
    with a day number or after a lead ("on 28 January", "in March"); a time noun after a lead
    ("last week", "this morning", "early Friday"). A month alone stays ("Theresa May said").

    >>> res = default_resources()
    >>> [_time_tail(s.split(), len(s.split()), res) for s in
    ...  ["Lukashenko on Thursday", "Zelensky last week", "the ministry on 28 January", "Theresa May",
    ...   "Thursday's statement", "The minister"]]
    [1, 1, 2, 2, 2, 2]
    """
    p = j
    while p > 0 and (res.context.get(words[p - 1].lower()) in {"day", "month", "time_noun"}
                     or (words[p - 1].isdigit() and len(words[p - 1]) in (1, 2, 4))):
        p -= 1
    if p == j:
        return j
    run = [w.lower() for w in words[p:j]]
    kinds = {res.context.get(w) for w in run}
    lead = p > 0 and words[p - 1].lower() in _TIME_LEAD
    if not ({"day", "month", "time_noun"} & kinds):
        return j  # figures alone
    if "day" in kinds or lead or ("month" in kinds and any(w.isdigit() for w in run)):
        if (kinds - {None}) == {"time_noun"} and not lead:
            return j  # "the week", "the year" without a lead are nouns
        q = p - 1 if lead else p
        return q if q > 0 else j
    return j


def _is_adverb(w: str, res: Resources) -> bool:
    """A lower-case adverb before a verb ("previously", "also", "then")."""
    return w.islower() and (w in {"also", "then", "now", "even", "still", "later", "earlier", "again", "first",
                                  "just", "once", "never", "often", "since", "further", "almost", "already",
                                  "always", "soon", "however", "instead", "meanwhile", "therefore",
                                  "nevertheless", "thus"}
                            or (w.endswith("ly") and w not in _LY_NOUNS and w not in res.nouns))


_CAP_LY = re.compile(r"[A-Z][\w'’-]*ly\s+")
_CAP_AUX = re.compile("(?:" + "|".join(re.escape(w) for w in _function_words("name_modal")) + r")\s+")
_AND_DONE = re.compile(r"\s+and\s+done\b")
_LEADING_Q = re.compile("(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}"
                                          for w in _function_words("floating_quantifier")) + r")\s+")
#: modals that are names when capitalised inside a sentence (George Will, Theresa May)
_NAME_MODALS = frozenset(_function_words("name_modal"))
_SEEM_TO = re.compile(r"\s+to\s+([a-z]+)")


def _seem_to_report(text: str, end: int, res: Resources) -> bool:
    """Whether "seemed" / "appears" at ``end`` governs a reporting verb ("seemed to urge")."""
    m = _SEEM_TO.match(text, end)
    return m is not None and m.group(1) in res.verbs and m.group(1) not in {"be", "have"}


def _conjunction_at(sent: _Sent, k: int, res: Resources) -> int:
    """Index of the conjunction before the verb at token ``k``, past adverbs ("and
    *generally* agree", "and *almost immediately* disclosed"); ``k`` when there is none."""
    c = k - 1
    while c > 0 and _is_adverb(sent.words[c], res):
        c -= 1
    if c > 2 and sent.words[c] == ",":
        # "and, after declining to answer the question, later said": an adverbial clause between
        # commas after the conjunction (Quirk et al. 1985, 13.41)
        for p in range(c - 1, max(0, c - 16), -1):
            w = sent.words[p]
            if w in _HARD or w.lower() in {"and", "or", "but"}:
                break
            if w == ",":
                if p > 0 and sent.words[p - 1].lower() in {"and", "but"} and \
                        sent.words[p + 1].lower() in _SUBORDINATORS | {"while", "despite", "as"}:
                    return p - 1
                break
    return c if c >= 0 and sent.words[c].lower() in {"and", "or", "but"} else k


#: number words before a counted plural noun ("two states that", "dozen reports")
_NUMBER_WORDS = frozenset(_function_words("number_word"))


def _det_before_caps(sent: _Sent, k: int) -> bool:
    """Whether the capitalised words before token ``k`` follow a determiner, a modifier of one
    noun phrase with the word at ``k`` as its head ("the AP report", "A new Pew Research
    report", "The October report"); not after a comma (", The Wall Street Journal reports")."""
    i = k - 1
    while i >= 0 and (_is_cap(sent.words[i]) or sent.words[i] == "."):
        i -= 1
    while i >= 0 and sent.words[i].lower() in {"new", "latest", "recent", "first", "last"}:
        i -= 1
    return i >= 0 and sent.words[i].lower() in {"the", "a", "an", "this", "that", "its", "their"} or \
        (i == -1 and sent.words[0].lower() in {"the", "a", "an", "this"} and k > 1)


def _past_relative(sent: _Sent, spk: tuple[int, int], res: Resources) -> tuple[int, int]:
    """The speaker ``spk``, or the noun phrase a relative clause ending in it modifies
    ("*Residents who spoke to* Reuters said": the residents, not Reuters)."""
    i = spk[0]
    if i < 3 or sent.words[i - 1].lower() not in {"to", "with"}:
        return spk
    for r in range(i - 2, max(0, i - 5), -1):
        w = sent.words[r]
        if w.lower() in {"who", "that"}:
            ante = _np_before(sent, r, res)
            return (ante[0], spk[1]) if ante is not None else spk
        if not (w.isalpha() and w.islower()):
            break
    return spk


def _opens_sentence(text: str, i: int) -> bool:
    """Whether offset ``i`` opens a line or follows a full stop, "?" or "!" and one or two
    spaces."""
    pre = text[max(0, i - 3):i]
    return i == 0 or pre.endswith("\n") or (pre.endswith(" ") and pre.rstrip(" ")[-1:] in
                                           {".", "!", "?"} and len(pre) - len(pre.rstrip(" ")) <= 2)


def _plural(w: str) -> bool:
    """A plural noun by its ending ("surrogates"; not "class", "status", "analysis")."""
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _clause_between(sent: _Sent, i: int, k: int) -> bool:
    """Whether tokens ``i`` to ``k`` open a clause of their own: "that", a subject pronoun or
    a finite auxiliary ("said *that one of the units was* placed ... and threatened")."""
    return any(w.lower() in _SUBJ_PRONOUNS or w.lower() in _FINITE or w.lower() == "that"
               for w in sent.words[i:k])


def _coordinated(sent: _Sent, k: int, res: Resources) -> bool:
    """Whether the verb at token ``k`` is the second verb of a coordination ("He called
    Ryan ... and boasted", "and later said")."""
    return 0 < _conjunction_at(sent, k, res) < k


#: heads of a medium that speaks for its author as a relative's antecedent ("an ad that attacks",
#: "a paper that found"), besides :data:`_MEDIA_HEADS` (the evidence nouns of attribution_context.tsv
#: keep their own finding rows: "the results that show", :func:`_evidence_finding_rows`)
_RELATIVE_MEDIA = frozenset({"ad", "ads", "video", "videos", "paper", "papers", "headline", "article",
                             "articles", "book", "messages", "letters", "posts", "tweets", "statements"})


def _reduced_relative(sent: _Sent, p: int, res: Resources, *, cue_only: bool = True) -> bool:
    """Whether token ``p`` is a past participle postmodifying the medium or document right before it
    ("A news report *published* Wednesday", "a statement *released* on Friday", "a video *posted*
    online"; Quirk et al. 1985, 17.30 on -ed postmodifiers)."""
    if not 1 <= p < len(sent.words):
        return False
    w = sent.words[p]
    if not w.islower() or not w.endswith("ed") or (cue_only and w not in res.verbs):
        return False  # (``cue_only``: a reporting verb's participle only)
    head = sent.words[p - 1].lower()
    if not (sent.words[p - 1].islower() and (_medium_head(head) or head in _CUE_NOUNS or
                                             res.context.get(head) in {"document", "evidence"})):
        return False
    # an adjunct follows it, of time, place or agent ("published *Wednesday*", "posted *on* the website",
    # "issued *earlier* this year"), not the participle's object or clause ("The poll showed *a* majority",
    # "The statement noted *they* had")
    nxt = sent.words[p + 1] if p + 1 < len(sent.words) else ""
    return nxt.lower() in _POSTMODIFIER_NEXT | {"by", "to", "from", "during", "after", "over", "via", "through"} \
        or res.context.get(nxt.lower()) in {"day", "month", "time_noun"}


#: finite verbs of saying or showing that a reduced relative's medium may be the subject of
_FINITE_SAYING = frozenset(_function_words("finite_saying"))


def _finite_cue_after(sent: _Sent, k: int, res: Resources) -> bool:
    """Whether a finite verb of saying follows token ``k`` within ten tokens, with no comma or
    clause word between ("published Wednesday *said*", "released by the ministry on Monday *said*")."""
    for p in range(k + 1, min(len(sent.words), k + 11)):
        w = sent.words[p]
        if w in _HARD or w == "," or w.lower() in {"that", "which", "who", "and", "but"}:
            return False
        if w in _FINITE_SAYING:
            return True
    return False


def _medium_head(w: str) -> bool:
    """Whether ``w`` heads a message or document ("a video", "the statement", "an ad")."""
    return w.islower() and (w in _MEDIA_HEADS or w in _RELATIVE_MEDIA)


def _relative_that(sent: _Sent, i: int) -> bool:
    """Whether token ``i`` is a relative "that" after a medium's head ("a video *that* calls for";
    never "which" without a comma: "The study which said nothing")."""
    return 0 < i and sent.words[i] == "that" and _medium_head(sent.words[i - 1])


def _relative_at(sent: _Sent, k: int, res: Resources) -> int | None:
    """Index of the relative "who" / "which" that is the subject of the verb at token ``k``,
    past adverbs and a year ("who *in 2010* said", "which *together* vowed")."""
    r = k - 1
    while r > 0 and _is_adverb(sent.words[r], res):
        r -= 1
    if r > 1 and sent.words[r].isdigit() and sent.words[r - 1] in {"in", "on"}:
        r -= 2
    if r >= 0 and (sent.words[r] == "who" or (sent.words[r] == "which" and r > 0 and (
            sent.words[r - 1] in {",", "-", "—", "–", "("} or (_is_cap(sent.words[r - 1]) and r > 1 and
                                         _is_cap(sent.words[r - 2]))))):
        # ("the police department, which reported", "the study -- which notes"; "the Chicago
        # Police Department which reported": a name before "which" is no restrictive antecedent)
        return r
    if r >= 1 and sent.words[r] == "that" and _medium_head(sent.words[r - 1]):
        # "polls that show him leading", "a message that said", "a Web video that accuses": a
        # restrictive relative whose antecedent is a document, poll or message speaks for it
        return r
    if r >= 2 and sent.words[r] == "whom" and sent.words[r - 1] == "of" and \
            sent.words[r - 2].lower() in _PARTITIVE:
        # "family members, many of whom say": the quantified relative is the source
        return r - 2
    return None


def _dangling(w: str) -> bool:
    """Whether a speaker's last word is a preposition or conjunction: the run is the end of
    a clause ("attacked Fiorina *by* reminding", "regulation *and* generally agree"), no
    noun phrase."""
    return w.lower() in _PREP or w.lower() in {"but", "nor", "yet"}


#: words a subject noun phrase may hold between a mental-state verb and its clause's
#: auxiliary ("believes his efforts *to* slow global warming will", "all of the West*,* ...")
_SUBJECT_INNER = {"to", ","}
#: how far a clause's auxiliary may follow a mental-state verb (a long subject noun phrase)
_CLAUSE_REACH = 16


def _clause_follows(sent: _Sent, i: int) -> bool:
    """Whether a clause starts at token ``i`` ("she believes *he surrounds* ...",
    "believe *the deal will* fail", "believes *his efforts to slow global warming will*
    be"): a subject pronoun, or a finite auxiliary within the next words, the subject
    noun phrase between holding no clause boundary nor hard punctuation (not "believe
    *in* ...": a preposition opens no clause)."""
    n = len(sent.words)
    if i >= n:
        return False
    w0 = sent.words[i].lower()
    if w0 in _SUBJ_PRONOUNS:
        return i + 1 < n and sent.words[i + 1][:1].isalpha()
    if w0 in _PREP:
        return False
    for j in range(i, min(n, i + _CLAUSE_REACH)):
        w = sent.words[j].lower()
        if w in _FINITE:
            return j > i
        if w in _SUBJECT_INNER and j > i:
            continue
        if not (w[:1].isalnum() or w in {"'s", "’s", "-"}) or w in _BOUNDARY - _FINITE:
            return False
    return False


#: how far "as" may follow a verb of viewing ("sees *the piece* as", "view *Russia* as")
_AS_REACH = 7


def _as_follows(sent: _Sent, i: int) -> bool:
    """Whether an object noun phrase and "as" follow token ``i`` ("Mr. Obama sees Mr.
    Netanyahu *as* captured", "leaders view Russia *as* a potential adversary"): a
    view of the subject, not "see the city" nor "see *in* the last years"."""
    n = len(sent.words)
    if i >= n or sent.words[i].lower() in _PREP:
        return False
    for j in range(i, min(n, i + _AS_REACH)):
        w = sent.words[j].lower()
        if w == "as":
            # not "saw the city as they drove past": "as" opening a clause
            return j > i and not (j + 1 < n and sent.words[j + 1].lower() in _SUBJ_PRONOUNS)
        if w == "." and j > i and _is_cap(sent.words[j - 1]) and len(sent.words[j - 1]) <= 3:
            continue  # "Mr. Netanyahu"
        if not (w[:1].isalnum() or w in {"'s", "’s", "-"}) or w in _BOUNDARY:
            return False
    return False


def _postposed(text: str, sent: _Sent, i: int, ce: int) -> bool:
    """Whether a subject and its verb close the sentence after a comma ("..., Fox found.",
    "..., a USA TODAY investigation found."): the report of a finding, whatever the noun."""
    return i > 0 and sent.words[i - 1] == "," and not text[ce:sent.end].strip(" .”\"’'")


def _postposed_name(text: str, sent: _Sent, k: int, ve: int) -> bool:
    """Whether capitalised words and the verb at token ``k`` close the sentence after a comma
    ("..., The Wall Street Journal reports."): an outlet's report, though its head is a noun."""
    i = k
    while i > 0 and (_is_cap(sent.words[i - 1]) or sent.words[i - 1] == "."):
        i -= 1
    return k - 6 <= i < k and i > 0 and sent.words[i - 1] == "," and _closes(text, ve, sent.end)


_CITING_TAIL = re.compile(r",\s+(?:citing|quoting)\s")


def _closes(text: str, ve: int, end: int) -> bool:
    """Whether nothing but closing punctuation, or a ", citing ..." / ", quoting ..." phrase, follows
    a verb that ends at ``ve`` in a sentence ending at ``end`` ("..., Reuters reports, citing police")."""
    rest = text[ve:end]
    return not rest.strip().strip(" .”\"’'") or _CITING_TAIL.match(rest) is not None


def _postposed_np(text: str, sent: _Sent, k: int, ve: int, res: Resources) -> bool:
    """Whether a short noun phrase headed by a source noun and the verb at token ``k`` close the
    sentence after a comma ("..., local officials claim", "..., the Defense Ministry claims", "...,
    top diplomat claims"): a speaker postposed with its verb, though the verb's form is also a noun
    (a headline's or lede's closing attribution; not "..., and insurance claims": no source noun)."""
    if k < 2 or not _closes(text, ve, sent.end):
        return False
    head = sent.words[k - 1]
    if head.lower() not in res.nouns and not (_is_cap(head) and head.lower() not in _DET):
        return False
    i = k - 1
    while i > 0 and k - i <= 6 and sent.words[i - 1] != ",":
        w = sent.words[i - 1]
        if not w.replace("-", "").isalpha() or (w.islower() and w in res.verbs and w not in res.nouns) or \
                w.lower() in _BOUNDARY:
            return False
        i -= 1
    return i > 0 and sent.words[i - 1] == "," and k - i <= 6


def _evidence_np(words: list[str], res: Resources) -> bool:
    """Whether a subject names a finding's source: its head is an evidence noun, the last
    word ("Polls", "Polling averages") or one a preposition or participle modifies ("A 2014
    study by ...", "leaked documents from his tax return", "research conducted by ..."); not
    an evidence noun that merely stands in it ("Video contains images some viewers")."""
    n = len(words)
    return any(res.context.get(w.lower()) == "evidence" and
               (j == n - 1 or words[j + 1].lower() in _PREP or words[j + 1].lower().endswith("ed"))
               for j, w in enumerate(words))


def _after_abstract_of(sent: _Sent, span: tuple[int, int] | None, res: Resources
                       ) -> tuple[int, int] | None:
    """An antecedent without the abstract noun and "of" that open it ("referred to *the position
    of* Senator Rand Paul, who suggested": the senator suggests, not the position): the part after
    the last "of" whose noun before it is lower case and no speaker noun
    (``lexicons/attribution_nouns.tsv``), when that part opens with a capitalised word ("the head
    of the agency, which said" keeps its title)."""
    if span is None:
        return None
    for o in range(span[1] - 2, span[0], -1):
        if sent.words[o].lower() == "of":
            noun = sent.words[o - 1]
            if noun.islower() and noun not in res.nouns and _is_cap(sent.words[o + 1]):
                return o + 1, span[1]
            break
    return span


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Every word of the gazetteer's role nouns (``lexicons/role_nouns.tsv``: "envoy", "historian", "head")."""
    from contrast.affiliation import default_gazetteer

    return frozenset(w for t in default_gazetteer().roles for w in str(t).split())


def _verb_between_names(words: list[str], p: int, res: Resources) -> bool:
    """Whether the lower-case word at ``p`` stands between two capitalised words as a verb ("Nuland
    *met* Senator Rand Paul, who", "World *bans* Russia"): no link of a title or name, article, role,
    source or agent noun, and not after a state's name or demonym ("Ukrainian *singer* Jamala",
    "Russian *oligarch* Deripaska")."""
    w = words[p]
    return 0 < p < len(words) - 1 and w.isalpha() and w.islower() and _is_cap(words[p - 1]) and \
        _is_cap(words[p + 1]) and w not in _TITLE_LINKS and w not in _DET and w not in _name_particles() \
        and not _people_noun(w, res) and not _state_word(words[p - 1])


def _np_before(sent: _Sent, j: int, res: Resources) -> tuple[int, int] | None:
    """The noun phrase ending right before token ``j`` ("It angered *residents* who say"):
    its head is a source noun or a capitalised word, its modifiers no verbs."""
    if j <= 0:
        return None
    head = sent.words[j - 1]
    if not (_is_cap(head) or head.lower() in res.nouns) or head.lower() in _PRONOUNS:
        return None
    i = j - 1
    while i > 0 and j - i < 6:
        w = sent.words[i - 1]
        lw = w.lower()
        if w in _HARD or w == "," or lw in _BOUNDARY or lw in _PREP - {"of"} or \
                (w.islower() and (lw in res.verbs or lw.endswith("ed"))) or \
                (w.islower() and lw != "of" and sent.words[i].lower() in {"the", "a", "an"}) or \
                _verb_between_names(sent.words, i - 1, res):
            break  # (an article opens the phrase: "He met *the head of the agency*, who")
        i -= 1
    i = _trim_lead(sent, i, j)
    while i < j and sent.words[i].lower() == "of":
        i += 1
    return (i, j) if i < j and _np_ok(sent.words[i:j], res) else None


def _title_case(sent: _Sent) -> bool:
    words = [w for w in sent.words if w[:1].isalpha() and len(w) > 3]
    return bool(words) and sum(_is_cap(w) for w in words) >= 0.6 * len(words)


def _inverted_name(sent: _Sent, span: tuple[int, int]) -> bool:
    """The noun phrase after an inverting verb is a name: capitalised words (title stops and hyphens
    between) up to an appositive's comma, no day or month ("said Gen. Smith", "said John Smith, a
    spokesman"; not "said Monday" nor "said Kyiv lied", a clause the phrase reader ran into)."""
    words = sent.words[span[0]:span[1]]
    head = words[:words.index(",")] if "," in words else words
    return bool(head) and (_is_cap(head[0]) or _particle_at(head, 0, len(head))) and \
        head[0].lower() not in _CALENDAR_WORDS and \
        all(_is_cap(w) or w in {".", "-", "'s", "’s"} or _particle_at(head, p, len(head)) for p, w in enumerate(head))


#: Subordinators that open an adverbial clause right after an inverted speaker's name ('..." said
#: Borrell when asked', '... while visiting Kyiv'): the name ends there.
_CLAUSE_AFTER_NAME = frozenset({"when", "while", "after", "before", "as", "during", "upon", "since"})


def _inversion_end(sent: _Sent, j: int) -> bool:
    return j >= len(sent.words) or sent.words[j] in {".", "!", "?", ",", ";", "("}


#: dashes that close a turn of dialogue quoted with dashes, as Polish and other European outlets
#: write speech ("- We will not give up - said the president.", "... - he added."); only a dash
#: with white space after it (not "high -ranking")
_DASH_TURN_MARKS = frozenset({"-", "–", "—", "―"})
_DASH_TURN_CHAR = re.compile("[-–—―]")
#: verbs of speech whose speaker follows them after a turn's closing dash, as after a quotation
_DASH_TURN_LEMMAS = frozenset(_STRONG | _INVERTING | {"emphasize", "emphasise", "comment", "answer", "conclude",
                                                      "point out", "reveal", "assess", "stress", "underline",
                                                      "summarize", "remind"})
#: quotation marks around an outlet's name after a closing dash's verb ('- says "Economist".')
_OPEN_QUOTES = frozenset({'"', "“", "«", "``"})
_CLOSE_QUOTES = frozenset({'"', "”", "»", "''"})
#: words that end the speaker after the verb: an adverbial follows ("said Biden in Warsaw")
_DASH_TURN_NP_STOP = frozenset({"in", "at", "on", "during", "after", "before", "with", "to", "about", "last",
                                "when", "while", "and", "adding", "referring", "blaming", "speaking"})


#: the end of a sentence run together with the next, no space between ("... the border with Ukraine.He
#: added", "... "moral sense".Cyril also stated"): two lower-case letters, a full stop, question or
#: exclamation mark (closing quotes around it), a capital and a lower-case letter (not "U.S.", "Belsat.eu")
_GLUED_SENTENCE_END = re.compile(r"[.!?][\"”’]?(?=[A-Z][a-z])")
_GLUED_SENTENCE_BEFORE = re.compile(r"[a-z]{2}[\"”’)]?$")


def _glued_sentence_pieces(text: str, start: int, end: int) -> list[_Sent]:
    """The sentences a segmenter's sentence ``text[start:end]`` holds when some ran together without a
    space (:data:`_GLUED_SENTENCE_END`); empty when none did. Speakers are read within a piece."""
    cuts = [m.end() for m in _GLUED_SENTENCE_END.finditer(text, start, end)
            if _GLUED_SENTENCE_BEFORE.search(text, max(start, m.start() - 3), m.start())]
    if not cuts:
        return []
    bounds = [start, *cuts, end]
    return [_Sent(text, a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


#: the rest of "X is credited with the following words:" / "with saying" (the subject is the speaker)
_CREDITED_WITH_WORDS = re.compile(r"\s+with\s+(?:saying|(?:the|these|those)\s+(?:following\s+)?(?:words|phrase|remark|quote))\b")
#: a raising passive before "to have" and a reporting verb: "He is believed to have said", "Putin is reported
#: to have told" (the subject of "is" is the reporting verb's)
_RAISED_TO_HAVE = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+|widely\s+|now\s+)?(?:believed|reported|understood|"
                             r"said|thought|known|alleged|rumou?red|expected|supposed)\s+to\s+$")
#: a participle or relative of anonymity between a source and its verb, without commas ("an official
#: speaking on condition of anonymity said", "a diplomat who asked not to be named said")
_ANONYMITY_BEFORE = re.compile(r"\s(?:speaking|who\s+spoke|who\s+(?:asked|requested)\s+not\s+to\s+be\s+"
                               r"(?:named|identified))(?:\s+on\s+(?:the\s+)?condition\s+of\s+anonymity|"
                               r"\s+anonymously)?\s+$")
#: the post-modifier of an unnamed source that says how it knows (AP's and Reuters's guidance on
#: anonymous sources: "a source close to him", "people familiar with the talks", "officials
#: briefed on the investigation", "people with direct knowledge of the matter"), right before its verb
_SOURCE_POSTMODIFIER = re.compile(r"\s(?:familiar\s+with|close\s+to|involved\s+in|briefed\s+on|"
                                  r"with\s+(?:direct\s+|first-?hand\s+|intimate\s+)?knowledge\s+of|"
                                  r"knowledgeable\s+about|aware\s+of)\s+[^,;:.!?\"“”()\n]{1,60}?\s+$")
#: marks that open a list item before its sentence ("> Belsat reported that ...")
_LIST_ITEM_BULLETS = frozenset({">", "•", "*", "·"})


def _subject_before_one_of(sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """"Graham, one of the loudest voices in Congress ..., said": a name before an appositive that opens
    with "one of" (which the appositive reader does not take), up to the comma before the verb at ``k``."""
    if k < 5 or sent.words[k - 1] != ",":
        return None
    for c in range(k - 2, max(0, k - 26), -1):
        if sent.words[c] in _HARD or sent.words[c] in {".", "!", "?"}:
            return None
        if sent.words[c] == ",":
            if sent.words[c + 1].lower() == "one" and sent.words[c + 2].lower() == "of":
                name = _speaker_before(sent, c, res)
                if name is not None and _is_cap(sent.words[name[0]]) and name[1] == c:
                    return name[0], k - 1
            return None
    return None


def _subject_after_bullet(text: str, sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """The subject before the verb at token ``k`` in a sentence that opens with a list item's mark."""
    if k < 2 or sent.words[0] not in _LIST_ITEM_BULLETS:
        return None
    sub = _Sent(text, sent.toks[1][0], sent.end)
    found = _speaker_before(sub, k - 1, res)
    return (found[0] + 1, found[1] + 1) if found is not None else None


#: a turn's dash run into the last word and the subject pronoun after it ("... interest-he said")
_GLUED_DASH_PRONOUN = re.compile(r"^[a-z]{2,}[-–—](he|she|they|we|He|She|They|We)$")
#: "learned from" before the source of what was learned ("BelTA learned from the president that ...")
_LEARNED_FROM = re.compile(r"\s+from\s+(?=\S)")
#: first words of a time adjunct that opens a sentence without a comma ("On Thursday Wang said", "Last
#: week the minister said"), and the words it may hold before the subject
_TIME_OPENER_LEADS = frozenset({"On", "In", "Last", "This", "Earlier", "Later", "Yesterday", "Today"})
_TIME_OPENER_NOUNS = frozenset({"week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"})
_TIME_OPENER_WORDS = frozenset({"on", "in", "last", "this", "earlier", "later"}) | _TIME_OPENER_NOUNS


def _source_after_learned_from(sent: _Sent, i: int, res: Resources) -> tuple[int, int] | None:
    """The source after "learned from" at token ``i``, without a time or place after it ("from the
    president on 26 February"); None when it is no source ("learned from his mistakes")."""
    span = _np_after(sent, i, res, apposition=False)
    if span is None:
        return None
    j = span[0] + 1
    while j < span[1] and sent.words[j].lower() not in _DASH_TURN_NP_STOP:
        j += 1
    words = sent.words[span[0]:j]
    return (span[0], j) if _dash_source_head(words, res, strict=True) and not _not_a_source(words, res) else None


def _subject_after_time_opener(text: str, sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """The subject (with its appositive) before the verb at token ``k`` after a time adjunct that opens
    the sentence without a comma: "On Thursday Wang Wenbin, a spokesman for ..., dismissed" (None when
    the sentence opens otherwise)."""
    words = sent.words
    if k > 3 and words[0] == "As" and _is_cap(words[1]):
        # "As Mikk Marran, director of the ... Service, said on Wednesday, ...": the subordinator is no part
        sub = _Sent(text, sent.toks[1][0], sent.end)
        found = _appositive_chain(sub, k - 1, res)
        return (found[0] + 1, found[1] + 1) if found is not None else None
    if k < 3 or words[0] not in _TIME_OPENER_LEADS:
        return None
    t = 1 if words[0].lower() in _CALENDAR_WORDS else 0
    while t < min(k, 5) and (words[t].lower() in _CALENDAR_WORDS | _TIME_OPENER_WORDS or words[t].isdigit()):
        t += 1
    last = words[t - 1].lower() if t else ""
    if t == 0 or t >= k or not (_is_cap(words[t]) or words[t].lower() in _DET) or \
            not (last in _CALENDAR_WORDS | _TIME_OPENER_NOUNS or last.isdigit()):
        return None  # ("In Kyiv officials said": a place, not a time)
    sub = _Sent(text, sent.toks[t][0], sent.end)
    found = _appositive_chain(sub, k - t, res) or _speaker_before(sub, k - t, res)
    return (found[0] + t, found[1] + t) if found is not None else None


#: object pronouns that name the source after "according to", with the subject form that resolves them
_OBJECT_PRONOUN_AS_SUBJECT = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
#: "In his opinion": the possessor of the opinion, and its subject form
_OPINION_OF_POSSESSOR = re.compile(r"in\s+(his|her|their)\s+opinion", re.IGNORECASE)
_POSSESSIVE_AS_SUBJECT = {"his": "he", "her": "she", "their": "they"}
#: Nouns of a text a person gives, and "(the full) text of X's" right before one (X: a pronoun or up to
#: four capitalised words), which names its speaker
_SPEECH_NOUNS = frozenset({"speech", "address", "statement", "remarks"})
_SPEECH_TEXT_OF = re.compile(r"\btext\s+of\s+(?P<who>[Hh]is|[Hh]er|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)(?:['’]s)?\s+$")


def _dash_turn_mark(text: str, sent: _Sent, i: int) -> bool:
    """Whether token ``i`` is a dash with white space after it (a turn's closing dash)."""
    e = sent.toks[i][1]
    return sent.words[i] in _DASH_TURN_MARKS and e < len(text) and text[e].isspace()


def _dash_turn_inverted(text: str, sent: _Sent, k: int, ce: int, lemma: str, res: Resources
                        ) -> tuple[int, int] | None:
    """The speaker after a verb of speech that follows a turn's closing dash: "It began long before
    2014 - said Lukashenko", "... - added the US president last week" (token range, or None)."""
    if k < 1 or lemma not in _DASH_TURN_LEMMAS or not _dash_turn_mark(text, sent, k - 1) or \
            (k == 1 and not text[max(0, sent.start - 3):sent.start].strip()):
        return None  # (a dash opening the text closes no turn)
    i = sent.index_at(ce)
    n = len(sent.words)
    if i + 1 < n and sent.words[i].lower() in {"on", "in", "last"} and \
            sent.words[i + 1].lower() in _CALENDAR_WORDS | {"week", "month", "year"}:
        i += 2  # "- said on Thursday the minister"
    elif i < n and sent.words[i].lower() in _CALENDAR_WORDS:
        i += 1
    if i + 2 < n and sent.words[i] in _OPEN_QUOTES:
        # '... - says "Economist".': an outlet's name in quotation marks closes the sentence
        q = next((q for q in range(i + 1, min(n, i + 6)) if sent.words[q] in _CLOSE_QUOTES), None)
        if q is not None and q > i + 1 and (q + 1 >= n or sent.words[q + 1] in {".", "!", "?"}) and \
                all(_is_cap(w) for w in sent.words[i + 1:q]):
            return i + 1, q
    j = i
    while j < n and j - i < 14:
        w = sent.words[j]
        lw = w.lower()
        if w == "." and j > i and j + 1 < n and _is_cap(sent.words[j + 1]) and \
                _title_abbreviation(sent.words[j - 1]):
            j += 1  # "said Dr. Adam Eberhardt"
            continue
        if w in _HARD or w in {",", ".", "!", "?"} or _dash_turn_mark(text, sent, j) or \
                lw in _CALENDAR_WORDS or (j > i and lw in _BOUNDARY - {"of"}) or \
                (j > i and lw in _DASH_TURN_NP_STOP and not
                 (lw == "and" and _is_cap(sent.words[j - 1]) and j + 1 < n and _is_cap(sent.words[j + 1]))):
            break  # (not "Law and Justice MP Marek Suski")
        j += 1
    while j > i and sent.words[j - 1].lower() in _PREP | _BOUNDARY:
        j -= 1
    words = sent.words[i:j]
    if not words or not _np_ok(words, res) or _not_a_source(words, res):
        return None
    if not _dash_source_head(words, res):
        return None  # "- discussed the war situation", "― explains America's historical treatment of"
    return i, j


def _dash_source_head(words: list[str], res: Resources, *, strict: bool = False) -> bool:
    """Whether a phrase read beside a dash can be a source: its head (before "of", "for", "from") is a
    source noun or capitalised, or (unless ``strict``) it ends in a name ("one of IDF representatives
    Peter Lerner"; not "the rules of the Republican Party")."""
    core = next((words[:p] for p, w in enumerate(words) if p and w.lower() in {"of", "for", "from"}), words)
    return core[-1].lower() in res.nouns or _is_cap(core[-1]) or (not strict and _is_cap(words[-1]))


def _dash_speaker(text: str, sent: _Sent, k: int, ce: int, lemma: str, res: Resources,
                  spk: tuple[int, int] | None, side_before: bool, aux: bool
                  ) -> tuple[tuple[int, int] | None, bool]:
    """(speaker tokens, whether before the verb) with the dashes before the verb at token ``k`` read.

    A pair of spaced dashes around an appositive or relative clause before the verb: the subject is
    the phrase before the first ("Mr Lukashenko - who has been in power since 1994 - claimed"); a
    verb of speech right after a turn's closing dash: the phrase after it ("... - said Biden"); a
    subject found before the verb that ran over a turn's dash: the part after it.
    """
    if _DASH_TURN_CHAR.search(text, sent.start, sent.toks[k][0] if k < len(sent.toks) else sent.end) is None:
        return spk, side_before  # (no dash before the verb: the common case, decided at C speed)
    if k >= 2 and _dash_turn_mark(text, sent, k - 1):
        for p in range(k - 2, max(0, k - 40), -1):
            w = sent.words[p]
            if w in {"!", "?", ";", ":"} or w in _QUOTES or w == "." and not _title_abbreviation(sent.words[p - 1]):
                break  # (not the stop of "Sen.")
            if _dash_turn_mark(text, sent, p):
                while p > 0 and sent.words[p - 1] in _DASH_TURN_MARKS and sent.toks[p - 1][1] == sent.toks[p][0]:
                    p -= 1  # "Kall -- co-editor of ... -- said"
                pair = _speaker_before(sent, p, res) if p > 0 else None
                if pair is not None and not _dash_turn_mark(text, sent, pair[0] - 1 if pair[0] else 0) and \
                        _dash_source_head(sent.words[pair[0]:pair[1]], res, strict=True):
                    return pair, True  # (not "the rules of the party - specifically Rule 40 - adds")
                break
    inverted = None if aux else _dash_turn_inverted(text, sent, k, ce, lemma, res)
    if inverted is not None:
        return inverted, False
    if side_before and (spk[1] <= k if spk is not None else lemma in _DASH_TURN_LEMMAS):
        return _after_dash_turn(text, sent, spk, k, res), side_before  # (not the noun "- some posts")
    return spk, side_before


def _dash_turn_before(text: str, sent: _Sent, k: int, res: Resources) -> bool:
    """Whether a turn's closing dash stands right before the verb at token ``k`` or before its
    pronoun subject ("... - continued Kwasniewski", "... - he continued"): the turn is the content
    (not a dateline's dash before a name: "WASHINGTON — Hillary Clinton doesn't recognize")."""
    if k >= 1 and _dash_turn_mark(text, sent, k - 1):
        return True
    return k >= 2 and sent.words[k - 1].lower() in _PRONOUNS and _dash_turn_mark(text, sent, k - 2)


def _after_dash_turn(text: str, sent: _Sent, spk: tuple[int, int] | None, k: int, res: Resources
                     ) -> tuple[int, int] | None:
    """A speaker before its verb at token ``k``, without a dash-quoted turn it ran over: "... of
    Europe - he commented" -> "he" (None when nothing follows the dash); with no speaker found, the
    subject right after such a dash ("- We are waiting - the conductor explained")."""
    if spk is not None:
        for p in range(spk[1] - 1, spk[0] - 1, -1):
            if _dash_turn_mark(text, sent, p):
                rest = sent.words[p + 1:spk[1]]
                # (not "Putin – almost certainly referring": an adverb after the dash is no source)
                return (p + 1, spk[1]) if rest and (rest[0].lower() in _PRONOUNS or _dash_source_head(rest, res, strict=True)) \
                    else spk
        return spk
    for p in range(k - 1, max(-1, k - 8), -1):
        if _dash_turn_mark(text, sent, p):
            words = sent.words[p + 1:k]
            ok = 0 < len(words) <= 6 and _np_ok(words, res) and \
                not any(w in _HARD or w == "," or w.lower() in _BOUNDARY or w.lower() in res.verbs for w in words)
            return (p + 1, k) if ok else None
    return None


_CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december", "today", "yesterday", "tonight"})

#: words after which a subject's head noun takes a post-modifier ("Organizers *of* the push")
_POSTMOD = frozenset({"of", "to", "who", "that", "in", "from", "for", "with", "at", "on", "whose"})


def _sentence_subject(sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """The head noun phrase of a long subject that opens the sentence, before a verb at
    token ``k``: "*Organizers* of the push to boycott Trump's speech said", "*The last man*
    to mount a third-party race says". No comma, quotation or finite verb stands between."""
    i = _trim_lead(sent, _past_opener(sent, 0, k), k)  # (past "In 2013,")
    j = _np_run(sent, i, k, res)
    while i < j < k and j - i < 5 and (sent.words[j].isalpha() and sent.words[j].islower() or
                                       sent.words[j].isdigit()) and \
            sent.words[j] not in _POSTMOD | _FINITE and sent.words[j] not in res.verbs:
        j += 1  # "The last man", "Organizers", "A 2014 study"
    participle = i < j < k - 1 and sent.words[j].islower() and sent.words[j].endswith("ed") and \
        sent.words[j + 1].lower() in {"by", "in", "on", "at", "for", "from", "last", "this"}
    if j == i or j >= k - 1 or k - j > 14 or not (sent.words[j].lower() in _POSTMOD or participle):
        return None
    # a relative clause or a participle after a source or evidence head may hold its own verb:
    # "A 2014 study that appeared in the British Medical Journal found that", "research
    # conducted by the Center for Media and Public Affairs found"
    head = sent.words[j - 1].lower()
    modified = (participle or sent.words[j].lower() in {"that", "which", "who"}) and (
        res.context.get(head) == "evidence" or res.nouns.get(head, "pronoun") != "pronoun")
    for w in sent.words[j:k]:
        lw = w.lower()
        if w in _HARD or w == "," or (not modified and (
                lw in _FINITE or lw in res.verbs and lw not in res.nouns)):
            return None
    return (i, j) if _np_ok(sent.words[i:j], res) and \
        sent.words[i].lower() not in _PRONOUNS else None


def _lead_subject(sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """The subject that opens the sentence ("*Trump* further summed up ... and said"): a
    run of capitalised words, determiners or source nouns from the start, followed by a
    lower-case word, before token ``k``."""
    i = _trim_lead(sent, _past_opener(sent, 0, k), k)
    j = _np_run(sent, i, k, res)
    if j == i or j >= k or sent.words[j].lower() in _PREP or not (
            sent.words[j][:1].islower() or (sent.words[j] == "," and _is_cap(sent.words[i]))):
        return None  # "Trump further summed up ...", "Mr. Sanders, after initially saying"
    return (i, j) if _np_ok(sent.words[i:j], res) else None


def _with_subject(sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """The noun phrase between "with" and a participle cue at token ``k`` (the absolute clause
    "..., with officials citing security concerns", "with Russia claiming that"), or None."""
    for w in range(k - 1, max(-1, k - 6), -1):
        low = sent.words[w].lower()
        if low == "with" and w < k - 1:
            words = sent.words[w + 1:k]
            return (w + 1, k) if _np_ok(words, res) and not _not_a_source(words, res) else None
        if not sent.words[w][:1].isalnum() or low in _BOUNDARY:
            return None
    return None


def _past_opener(sent: _Sent, i: int, k: int) -> int:
    """Token ``i``, or the token after the comma that ends an opening adverbial there ("On
    Thursday, he hedged ..., telling", "In an incendiary press conference, Trump launched
    ..., calling", "There, he laid a wreath, saying"): the clause's subject follows that comma."""
    if i + 1 < k and sent.words[i + 1] == "," and sent.words[i].lower() in _LONE_OPENERS:
        return i + 2  # a one-word adverbial and its comma ("There,", "Yesterday,", "Separately,")
    if i >= k or sent.words[i].lower() not in _ADVERBIAL_LEAD | _PREP - {"and", "or", "than", "as"}:
        return i
    for p in range(i + 1, min(k, i + 15)):
        if sent.words[p] == ",":
            return p + 1
        if sent.words[p] in _HARD:
            break
    return i


def _not_a_source(words: list[str], res: Resources) -> bool:
    """Phrases that cannot be a source: a determiner and an abstract noun ("The views"),
    page furniture ("The Sports Moment")."""
    low = [w.lower() for w in words]
    head = low[: low.index(",")] if "," in low else low
    if len(head) <= 3 and head[-1:] and res.context.get(head[-1]) == "abstract" and \
            not any(_is_cap(w) for w in words[1:len(head)]):
        return True
    return any(res.context.get(w) == "furniture" and not _modifies_source_head(words, p, res)
               for p, w in enumerate(head)) and len(head) <= 4 and \
        not any(w in res.person_aliases for w in words)


def _modifies_source_head(words: list[str], p: int, res: Resources) -> bool:
    """Word ``p``, written in lower case inside the phrase, is a modifier of a source or document head
    after it ("The latest message", "His latest statement", "Russia's war ministry"), not page
    furniture ("Latest:", "BREAKING", "The Sports Moment")."""
    if p == 0 or not words[p].islower() or p + 1 >= len(words) or "," in words[p + 1:]:
        return False
    head = words[-1].lower()
    return (res.nouns.get(head, "pronoun") != "pronoun" or res.context.get(head) in {"document", "evidence"}
            or head in _MEDIA_HEADS or head in _CUE_NOUNS) and res.context.get(head) != "furniture"


#: words that open a subordinate clause whose subject may be a participle's ("after Moscow sent ...")
_SUBORDINATORS = frozenset({"after", "before", "when", "because", "since", "once", "until"})


def _reported_clause_subject(sent: _Sent, r: Mapping[str, Any], k: int, res: Resources
                             ) -> tuple[int, int] | None:
    """The subject of the clause that row ``r`` reports, when the gerund at token ``k`` (after "by",
    "while", ... and no comma) stands inside it with a finite verb between: "analysts pointed out that
    Russian state media attempted to justify the strike by claiming": "Russian state media" claims
    (the gerund's subject is its own clause's; Quirk et al. 1985, 15.60), not the analysts."""
    c0 = r.get("content_start")
    if c0 is None or not (c0 < sent.toks[k][0] < r.get("content_end", -1)):
        return None
    i = sent.index_at(c0)
    if i < k and sent.words[i].lower() == "that":
        i += 1
    subj = _subject_at(sent, i, res)
    if subj is None or subj[1] >= k - 2 or sent.words[subj[0]].lower() in {"it", "there", "this"} or \
            sent.words[subj[1] - 1].lower() in _ARTICLE_OR_POSS:
        return None  # (a determiner alone: "the results of their check")
    p = subj[1]
    if sent.words[p] == "and" and p + 1 < k and sent.words[p + 1].isalpha():
        p += 2  # "Russian state media and milbloggers attempted"
    nxt = sent.words[p] if p < k else ""
    if not (nxt in _FINITE or nxt.islower() and nxt.isalpha() and nxt.endswith("ed")):
        return None  # a finite verb right after the subject: a clause ("her fallen son her hero": none)
    if any(w in _HARD or w == "," or w.lower() in {"that", "which", "who"} for w in sent.words[subj[1]:k]):
        return None  # (a clause or a comma between: the gerund may be the main speaker's)
    return subj


def _clause_subject(sent: _Sent, k: int, res: Resources) -> tuple[int, int] | None:
    """Subject of the clause before a participle (", calling it ...")."""
    start = 0
    for i in range(k - 1, -1, -1):
        if sent.words[i].lower() in {"but", "and", ";", "while", "whereas"} or \
                (sent.words[i] in _HARD and sent.words[i] not in {"(", ")"}):
            start = i + 1  # (a parenthetical does not open a clause: "Sen. Ted Cruz (R-Texas)")
            break
    start = _past_opener(sent, start, k)
    j = start
    if j < k and sent.words[j].islower() and sent.words[j] in res.verbs:
        return None  # '..., said Al From, ... and wrote': an inversion, not a subject
    while j < k and (_is_cap(sent.words[j]) or sent.words[j].lower() in _DET
                     or sent.words[j].lower() in res.nouns or sent.words[j] in {"'s", "’s"}):
        j += 1
    if j > start and sent.words[j - 1].lower() in _DET and j < k:
        # a determiner and a noun the source nouns do not list ("The move came after ..."): the
        # clause's subject is no source; the subject of a clause after a subordinator before the
        # participle is ("... after Moscow sent troops to Crimea, claiming it needed ...")
        if sent.words[j].lower() in res.nouns:
            return start, j + 1
        for p in range(k - 2, start, -1):
            if sent.words[p].lower() in _SUBORDINATORS and _is_cap(sent.words[p + 1]):
                q = p + 1
                while q < k and (_is_cap(sent.words[q]) or sent.words[q] in {"'s", "’s"}):
                    q += 1
                if q < k and sent.words[q].islower() and _np_ok(sent.words[p + 1:q], res):
                    return p + 1, q
                break
    return (start, j) if j > start and _np_ok(sent.words[start:j], res) else None


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    s, e = span
    while s < e and text[s] in " ,:":
        s += 1
    while e > s and text[e - 1] in " .!?":
        e -= 1
    return (s, e) if e > s else None


@lru_cache(maxsize=1)
def _body_names() -> frozenset[str]:
    """Names of bodies, never of a person: the news outlets, institutions, organisations and seats of
    power of ``lexicons/affiliation_aliases.tsv`` (kinds ``institution``, ``org``, ``seat``)."""
    t = load_table("affiliation_aliases")
    return frozenset(str(a) for a, k in zip(t["alias"], t["kind"], strict=True) if k in {"institution", "org", "seat"})


def _body_name(span: str) -> bool:
    """``span`` (a named speaker) is the name of a body (:func:`_body_names`), with or without "the"."""
    names = _body_names()
    return span in names or (span[:4].lower() == "the " and span[4:] in names)


def _finish(text: str, rows: list[dict[str, Any]], res: Resources) -> None:
    """Speaker resolution and actor groups, in document order."""
    history = _History()
    actor_of: dict[str, str | None] = {}  # this article's look-ups only
    for r in rows:
        words = r.pop("_words", None)
        name = r.pop("_name", None)  # _person_name(words) of a named speaker
        if r.get("speaker_start") is None:
            r["actor"] = "other"
            continue
        stype = r["speaker_type"]
        spk = r["speaker"]
        if not words:
            words = [spk]
            name = _person_name(words, res) if stype == "named" else None
        elif stype != "named":
            name = None
        resolved, full = _resolve(words, stype, history, res, name)
        if not resolved and r.get("speaker_resolved"):
            resolved = r["speaker_resolved"]  # "who" and the noun phrase it follows
        if resolved:
            r["speaker_resolved"] = resolved
        actor = None
        for cand in (resolved, name, spk, full):
            if cand and actor is None:
                if cand not in actor_of:
                    actor_of[cand] = res.actors.actor_of(cand)
                actor = actor_of[cand]
        r["actor"] = actor or "other"
        if stype == "named" and (_body_name(spk) or (name is not None and _body_name(name))):
            # "CBS said", "BelTA has learned": an outlet or body, which "he" and "the dictator" never
            # refer back to ("it" and "they" may)
            history.add_group(spk)
        elif stype == "named":
            history.add_named(resolved or name or spk, full or spk)
        elif stype in {"institution", "anonymous"}:
            history.add_group(spk)


def _unattributed(doc: Doc, rows: list[dict[str, Any]], quotes: list[tuple[int, int]]
                  ) -> list[dict[str, Any]]:
    covered: list[tuple[int, int]] = [(r["start"], r["end"]) for r in rows]
    covered += [(r["content_start"], r["content_end"]) for r in rows
                if r.get("content_start") is not None]
    covered += quotes
    covered.sort()
    # a sentence (s, e) is covered when some span with a < e has b > s: compare the
    # largest end among the spans starting before e with s
    starts = [a for a, _ in covered]
    reach = list(accumulate((b for _, b in covered), max, initial=-1))
    out: list[dict[str, Any]] = []
    first = 1 if _has_headline(doc) else 0
    for sid in range(first, len(doc.sentences)):
        s, e = doc.sentences[sid]
        if reach[bisect_left(starts, e)] > s:
            continue
        out.append({"family": "unattributed", "label": "unattributed", "start": s, "end": e,
                    "span": doc.text[s:e], "sent_id": sid})
    return out


def _has_headline(doc: Doc) -> bool:
    """Sentence 0 is a headline when it is a whole first line without final punctuation."""
    flag = getattr(doc, "headline", None)
    if flag is not None:
        return bool(flag)
    s, e = doc.sentences[0]
    line_end = doc.text.find("\n", s)
    whole_line = line_end < 0 or doc.text[e:line_end].strip() == ""
    return whole_line and len(doc.sentences) > 1 and doc.text[e - 1] not in ".!?\"”"


def attribute(text: str, *, headline: bool = True, resources: Resources | None = None
              ) -> list[dict[str, Any]]:
    """Attribution rows (family ``attribution`` only) for a text.

    Examples
    --------
    >>> [(r["speaker"], r["cue"], r["label"]) for r in attribute("Kyiv claimed it won.",
    ...                                                          headline=False)]
    [('Kyiv', 'claimed', 'distancing')]
    """
    doc = segment(text, headline=headline)
    return [r for r in extract(doc, resources) if r["family"] == "attribution"]


def stance_table(resources: Resources | None = None) -> pd.DataFrame:
    """The verb forms and their stance, as a DataFrame (for inspection)."""
    res = resources if resources is not None else default_resources()
    return pd.DataFrame([(f, *v) for f, v in res.verbs.items()],
                        columns=["form", "lemma", "stance", "need"])

