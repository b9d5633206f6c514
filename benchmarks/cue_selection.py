"""Which (word form, dependent) pairs the cue fit (`fit_cues.py`) keeps, from its tallies on
PolNeAR train; and what it never adds to the lexicon, whatever the data say: plain actions,
nouns of acting, function verbs and joint decisions (see each constant)."""

from __future__ import annotations

from collections import defaultdict

from factcheck.attribution.lexicon import verb_forms

# Plain actions, not attributions: what someone did, not what someone said, thought or
# stood for. PolNeAR's annotators sometimes mark them ("spent [$2 million on ads]",
# "signed [the bill]"), so some pass the precision threshold, but a fact-checker's index of
# statements should not list "Trump sat [with the leaders]" as something Trump said. Base
# verbs (every form is stopped), in three groups: doing and moving; deeds of office and
# law; deciding and enabling (a decision is an action, as the noun tier leaves out
# "decision" and "plans").
ACTIONS = (
    "sit spend pay stop lead win lose run leave buy sell build give take get make bring send "
    "meet visit attend join travel move hold host open close start begin launch walk step "
    "turn track tackle hand ease explore mount engage use work serve spot "
    "hire fire appoint nominate name sign vote raise fund donate sponsor submit sue settle "
    "negotiate grant release ban block prohibit restrict enforce legalize ratify "
    "decide choose opt aim allow let permit fail"
)
_IRREGULAR_ACTIONS = (
    "sat spent paid led won lost ran left bought sold built gave given took taken got gotten "
    "made brought sent met held began begun chose chosen stopped stepped banned permitted "
    "submitted letting lets getting spotted"
)
# Nouns of acting, left out for the same reason (as the noun tier left them out by hand);
# 'attacks' names a strike as often as a verbal attack ("agreed to pause attacks on [the
# energy grid]"); and 'fact' ("ignored the fact that …": the writer's, not the holder's).
NOUN_ACTIONS = (
    "decision decisions plan plans effort efforts attempt attempts bid bids move moves vote "
    "votes responsibility attack attacks fact facts"
)
# Function verbs: the copula, auxiliaries and 'go' ("are against", "going after") carry no
# attribution of their own, and as cue words they would have most sentences parsed.
FUNCTION_VERBS = (
    "be am is are was were been being have has had having do does did doing done go goes "
    "went going gone"
)
# "agreed to [pause attacks]" is a joint decision, not a claim ("Both Trump and Putin agreed
# to …" would be listed under each one's name): those two dependents of 'agree' are stopped.
JOINT_DECISIONS = frozenset(
    f"{dep} {form}" for dep in ("xcomp", "prep:to") for form in verb_forms("agree")
)
STOPPED_FORMS = frozenset(
    {f for verb in ACTIONS.split() for f in verb_forms(verb)}
    | set(_IRREGULAR_ACTIONS.split())
    | set(NOUN_ACTIONS.split())
    | set(FUNCTION_VERBS.split())
)


def stopped(dep: str, form: str) -> bool:
    """Whether a (dependent, word form) pair is left out of the fitted lexicon."""
    return form in STOPPED_FORMS or f"{dep} {form}" in JOINT_DECISIONS


def precision(counts: dict[str, int]) -> float:
    """Net share of a pair's statements that add a gold attribution."""
    return (counts.get("gain", 0) - counts.get("displaced", 0)) / max(1, counts["n"])


def chosen(
    tallies: dict,
    threshold: float,
    min_count: int,
    min_articles: int = 2,
    min_speaker: float = 0.67,
    noun_articles: int = 5,
) -> dict[str, dict[str, list[str]]]:
    """'verb'/'noun' -> dep -> forms of the pairs kept (see the docstring); a noun must be
    seen in more articles (`noun_articles`): nouns with a holder are more varied."""
    pairs: dict[str, dict[str, list[str]]] = {"verb": defaultdict(list), "noun": defaultdict(list)}
    for pair, counts in sorted(tallies.items()):
        kind, dep, form = pair.split(" ")
        if stopped(dep, form):
            continue
        speakers = counts.get("speaker", 0) / max(1, counts.get("gain", 0))
        articles = noun_articles if kind == "noun" else min_articles
        if (
            counts["n"] >= min_count
            and counts["articles"] >= articles
            and precision(counts) >= threshold
            and speakers >= min_speaker
        ):
            pairs[kind][dep].append(form)
    return {kind: dict(sorted(deps.items())) for kind, deps in pairs.items()}


def summary(tallies: dict, pairs: dict, show: int) -> None:
    """Print what the chosen pairs would add on train, and the best pairs left out."""
    kept = {
        f"{kind} {dep} {form}"
        for kind, deps in pairs.items()
        for dep, forms in deps.items()
        for form in forms
    }
    total = defaultdict(int)
    for key, value in (item for pair in kept for item in tallies[pair].items()):
        total[key] += value
    print(
        f"{len(kept)} pairs, {total['n']} statements on train: {total['gain']} gold gained, "
        f"{total['displaced']} displaced, precision {precision(total):.3f}, "
        f"speaker right on gains {total['speaker'] / max(1, total['gain']):.3f}"
    )
    near = [p for p in tallies if p not in kept and tallies[p]["n"] >= 3]
    for label, shown in (
        ("kept", sorted(kept, key=lambda p: -tallies[p]["n"])),
        ("left", sorted(near, key=lambda p: -precision(tallies[p]))),
    ):
        for pair in shown[:show]:
            c = tallies[pair]
            print(
                f"  {label} {pair:32s} n={c['n']:4d} gain={c.get('gain', 0):4d} "
                f"p={precision(c):.2f} speaker={c['speaker'] / max(1, c.get('gain', 0)):.2f}"
                f" articles={c['articles']}"
            )
