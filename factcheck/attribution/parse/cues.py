"""The cue lexicon: hand-written verbs of saying (`CUE_FORMS`, with those whose object or
to-clause is their content), and the data-derived part: which word forms attribute (verbs,
adjectives, nouns), and which of their dependents is the content ("accused X of [placing
…]", "called for [a ban]", "expressed [concern]", "seemed [to favour …]").

Chosen on the PolNeAR train split (never dev): every (word form, dependent) pair of a verb
with a subject whose content span overlaps a gold Content span (at 0.3) in at least 60% of
at least five occurrences and finds gold that the hand-written lexicon missed;
a few action verbs that are not attributions for a fact-checker (sit, spend, pay, stop,
lead …) were then dropped by hand, and "agreed to" (a joint decision, not a claim: "Both
Trump and Putin agreed to pause attacks" would be listed under each one's name).
`prep:X` means the object of the preposition X.

A last tier, fitted by `benchmarks/fit_cues.py` (also on train only) and shipped as JSON in
factcheck/attribution/lexicon/cues_fitted.json, adds the pairs (verbs, adjectives and nouns) whose new
statements find gold that today's statements miss in at least 45% of at least three
occurrences in two articles (five for nouns), with the right speaker in most; plain
actions, function verbs and joint decisions are never added (`benchmarks/cue_selection.py`).

Also the word sets other readings share: verbs of seeming, nouns of polling, and answers to a
request ("did not respond to a request for comment"), which say nothing.
"""

from __future__ import annotations

import json
import re
from importlib import resources

_IRREGULAR = {
    "say": "says said saying",
    "tell": "tells told telling",
    "write": "writes wrote writing",
    "think": "thinks thought thinking",
    "put": "puts put putting",
    "tweet": "tweets tweeted",
    "admit": "admits admitted admitting",
    "post": "posts posted posting",
    "show": "shows showed shown showing",
    "find": "finds found finding",
    "know": "knows knew knowing",
    "feel": "feels felt feeling",
    "fear": "fears feared fearing",
    "expect": "expects expected expecting",
}
_REGULAR = (
    "add ask note explain argue insist state declare continue reply respond recall warn "
    "emphasize emphasise confirm announce claim suggest acknowledge assert observe remark "
    "report joke quip shout wonder predict conclude outline stress urge muse counter concede "
    "caution complain promise vow pledge boast brag charge contend maintain inform reveal "
    "disclose deny believe testify allege agree insist reiterate point signal indicate "
    "underline highlight accuse demand propose describe call dub label retort tout lament"
)


def _forms(verb: str) -> set[str]:
    """Present, past and -ing forms of a regular English verb."""
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    if verb.endswith("y"):
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    past = stem + "d" if verb.endswith("ee") else stem + "ed"
    return {verb, verb + "s", past, stem + "ing", verb + "es" if verb[-1] in "sh" else ""}


# Cues whose content is their object ("criticized the plan") or their to-clause ("wants to
# leave"), not only a that-clause; chosen by how often they attribute in PolNeAR train.
_OBJECT = (
    "criticize endorse praise blast slam mock defend denounce cite announce describe support "
    "oppose reject dismiss"
)
_INFINITIVE = "want hope plan refuse decline promise vow pledge urge threaten"
OBJECT_FORMS: frozenset[str] = frozenset(f for v in _OBJECT.split() for f in _forms(v) if f)
INFINITIVE_FORMS: frozenset[str] = frozenset(f for v in _INFINITIVE.split() for f in _forms(v) if f)
CUE_FORMS: frozenset[str] = (
    OBJECT_FORMS
    | INFINITIVE_FORMS
    | frozenset(
        {form for verb in _REGULAR.split() for form in _forms(verb) if form}
        | {form for forms in _IRREGULAR.values() for form in forms.split()}
        | set(_IRREGULAR)
    )
)
_TABLE: dict[str, str] = {
    "ccomp": (
        "added allow announced appears argued asked assume assured believe believes claimed "
        "consider considered considers determine determined estimated found guess heard "
        "implied indicated learned questioned questioning realized recognize recognized "
        "reported revealed ruled said say saying says seems shows suggested tells think "
        "thinks thought told understand worried worry wrote"
    ),
    "dobj": (
        "acknowledged address admit allows announced answer answered approved brushed chosen "
        "condemned confirm confirmed considering credited declared decried deemed defended "
        "denied discuss discussed dismissed echoed echoing emphasize endorsed explain "
        "explained express expressed hailed hate highlighted highlighting identified ignore "
        "introduce investigating invoked issue issued knew lamented learn mention mentioned "
        "name noted portray predicted preferred promising proposed question questioned "
        "questioning rebut recalling recognize referenced reiterated repeated repeating "
        "reported requested retweeted reveal revealed review seeks shows signaled stressed "
        "suggest suggested thanking touted tweeting understand voiced wants"
    ),
    "prep:about": ("asked care speak spoke spoken talk talked talking talks thinking wrote"),
    "prep:as": (
        "cast cited defended described dismissed identify known listed mentioned named "
        "portrayed referred saw see sees view views"
    ),
    "prep:at": ("balked lashed"),
    "prep:for": (
        "advocate apologized asked attacked blamed blasted call called calling calls "
        "congratulated criticized hoping praised push pushed thanked"
    ),
    "prep:in": ("believe"),
    "prep:like": ("seem seemed"),
    "prep:of": ("accused accuses assured spoke warned"),
    "prep:on": ("agreed comment focuses touched"),
    "prep:to": ("likened pledged points referring respond"),
    "prep:with": ("agree found showed shows sided speak"),
    "xcomp": (
        "aiming appear appears argued ask asked asking call called calling consider "
        "considered considering continued continuing decide decided encourage encouraged "
        "expect expected expects hoped intended intends like looking offered ordered planned "
        "planning plans prefer proposed refused reported required said seek seeking seem "
        "seemed seems shown sought support supports told voted vowing want"
    ),
}

# Second tier, hand-picked verbs of saying and thinking among the rarer pairs (at least three
# occurrences, at least 55%): checked on one half of train after choosing on the other, the
# rarer pairs kept their precision (0.78 against 0.80).
_RARER: dict[str, str] = {
    "ccomp": (
        "acknowledged adding admitted agrees arguing asserting assumed assure believing "
        "charged claim convince convinced declared demonstrate discover doubt doubted "
        "estimates expect expected explain explained explains hear hope implying insists "
        "knows mention noted noticed noting pointed proposed realize remarked reminding "
        "reports reveals sees speculated stated suspected telling thinking tweeted "
        "understands wish worries"
    ),
    "dobj": (
        "applaud articulated assailed bemoaned blasted cited declare detail disclosed "
        "downplayed echo emphasized emphasizing highlight insulted mentioning mocked opposed "
        "outlined predicting proposing quoting recall recognized recounted rejected repudiate "
        "revealing reveals slamming stated supported touting touts tweeted underscored "
        "uttered writing"
    ),
    "prep:about": ("bragged complained joked think thinks warned worried worry"),
    "prep:against": ("cautioned warned"),
    "prep:as": (
        "characterized cites citing describes identified interpreted lambasted portray "
        "referring refers regarded seen viewed"
    ),
    "prep:for": ("advocated apologize applauded argued chided mocked slammed"),
    "prep:of": ("accuse accusing boasted"),
    "prep:on": ("commented commenting weighed"),
    "prep:to": ("compared comparing refer"),
    "prep:with": ("agreed disagrees"),
    "xcomp": (
        "asks declined hopes hoping intend pleaded pledged promising refuse refuses urged "
        "vowed vows wants"
    ),
}


# Third tier, beyond verbs of saying: adjectives after a copula ("were critical of [X]", "is
# confident [that …]": the speaker is the copula's subject) and a few rarer verbs, chosen the
# same way on train (at least five occurrences, at least 75% of them find gold Content spans,
# the speaker mention then overlapping the gold Source in most).
_BEYOND_VERBS: dict[str, str] = {
    "ccomp": "hopeful concerned convinced envision",
    "prep:at": "jabbed",
    "prep:in": "reveling",
    "prep:into": "ripped",
    "prep:of": "supportive enamored skeptical",
    "prep:on": "sparred",
    "xcomp": "eager",
}


def _by_form(*tables: dict[str, str]) -> dict[str, frozenset[str]]:
    """Word form -> the dependents that carry its content, from tables of dep -> forms."""
    forms: dict[str, set[str]] = {}
    for dep, words in (item for table in tables for item in table.items()):
        for word in words.split():
            forms.setdefault(word, set()).add(dep)
    return {word: frozenset(deps) for word, deps in forms.items()}


BASE_CONTENT_DEPS: dict[str, frozenset[str]] = _by_form(_TABLE, _RARER, _BEYOND_VERBS)
"""The tiers above, without the fitted one (what `benchmarks/fit_cues.py` measures against)."""


def _read_fitted() -> dict:
    """factcheck/attribution/lexicon/cues_fitted.json (written by benchmarks/fit_cues.py on PolNeAR train);
    empty when the file is absent."""
    path = resources.files("factcheck.attribution.lexicon").joinpath("cues_fitted.json")
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


_FITTED = _read_fitted()


def _fitted(kind: str) -> dict[str, str]:
    """The fitted tier of one kind ('verbs', 'nouns'): dep -> forms."""
    return {dep: " ".join(forms) for dep, forms in _FITTED.get(kind, {}).items()}


CONTENT_DEPS: dict[str, frozenset[str]] = _by_form(_TABLE, _RARER, _BEYOND_VERBS, _fitted("verbs"))
"""Word form -> dependents ('ccomp', 'dobj', 'xcomp', 'prep:for' …) that hold its content."""

SEEMING_FORMS: frozenset[str] = frozenset(
    {"seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing"}
)
"""Verbs of seeming: they say something of their subject, most often in the writer's words."""

POLL_NOUNS: frozenset[str] = frozenset({"poll", "polls", "survey", "surveys"})
"""Nouns of polling: the source of the clause their "in" phrase modifies ("In a new poll, 50
percent …"; `parse.polls`)."""

LEXICON_FORMS: frozenset[str] = frozenset(CONTENT_DEPS) | POLL_NOUNS
"""Every word form of the data-derived lexicon, and the nouns of polling (their sentences are
parsed)."""


# Nouns of saying and thinking whose content is a clause ('acl': "the claim [that …]", "his
# pledge [to …]") or a prepositional object ("her critique of [the plan]"); their speaker is
# the possessor ("Trump's claim"), the agent ("the assertion by Trump") or the subject of the
# verb they are the object of ("He made the observation that …"). Chosen on train like the
# verbs above (at least three occurrences with a speaker, at least 75% finding gold Content
# spans); nouns of deciding and planning (decision, plans) were left out by hand (an action,
# not a claim) and 'observation' added by hand ("made the observation that …").
_NOUNS: dict[str, str] = {
    "acl": (
        "argument assertion charges claim claims complaints concern concerns doubt idea "
        "insistence observation pledge promise promises proposal proposals statement "
        "statements suggestion"
    ),
    "prep:about": "concerns doubts message",
    "prep:for": "praise proposal",
    "prep:of": "critique criticisms mention",
    "prep:on": "criticism opinion",
}


BASE_NOUN_CONTENT_DEPS: dict[str, frozenset[str]] = _by_form(_NOUNS)
"""The noun tier above, without the fitted nouns."""

NOUN_CONTENT_DEPS: dict[str, frozenset[str]] = _by_form(_NOUNS, _fitted("nouns"))
"""Noun form -> dependents ('acl', 'prep:of' …) that hold its content."""

LIGHT_VERBS: frozenset[str] = frozenset({"make", "makes", "made", "making"})
"""Verbs that say with an adjective: "made (it) clear that …"."""

LIGHT_ADJECTIVES: frozenset[str] = frozenset({"clear"})
"""Adjectives that attribute after a light verb ("made it clear that …")."""


_ANSWERING_WORDS = (
    "respond responds responded responding answer answers answered answering return returns"
    " returned returning"
)
_ANSWERING = frozenset(_ANSWERING_WORDS.split())
_REQUESTS = re.compile(
    r"(?:(?:an?|the|his|her|their|its|repeated|multiple|several|numerous)\s+)?"
    r"(?:requests?|inquir(?:y|ies)|calls?|messages?|e-?mails?|questions?|questionnaires?)\b",
    re.IGNORECASE,
)


def answers_a_request(cue: str, content: str) -> bool:
    """Whether a cue of answering has a request as its content ("did not respond to a
    request for comment", "answered questions about …"): what was asked, not said."""
    return cue in _ANSWERING and _REQUESTS.match(content) is not None
