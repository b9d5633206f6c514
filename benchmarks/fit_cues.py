"""Fit the cue lexicon's last tier (factcheck/attribution/lexicon/cues_fitted.json) on PolNeAR train only.

    .venv/bin/python benchmarks/fit_cues.py [--precision 0.45] [--min-count 3]
        [--min-articles 2] [--min-speaker 0.67] [--noun-articles 5]
        [--tallies /tmp/cue_tallies.json] [--show 40] [--write]

Every sentence of train is parsed as the attribute stage parses it (`attribute._nlp`, its
pipes). A candidate is a word outside quote marks whose frame (`frames.frame_of`, with the
lexicon of today) has no content, and one of its dependents as `frames._lexicon_content`
would read it: ccomp, dobj, xcomp, oprd, or prep:X (the object of the preposition X); for a
noun in a noun slot (`frames._said_by_noun`), acl or prep:X, its speaker the holder. The
candidate's statement is what `frame_of` returns once the pair (word form, dependent) is
added to the lexicon: so the same speaker and capitalisation rules apply. It is compared
with the stage's statements of today and with the gold attributions, file by file:

* dropped: mostly covered by a direct quote, or nested in one of today's indirect
  statements (the stage or the eval drops it): neither gained nor lost;
* gain: it overlaps at 0.3 a gold Content span that today's statements miss;
* a false statement otherwise (a gold already found counts as false: a duplicate);
* displaced: today's matched statements that it would nest (the eval would drop them).

A pair is kept when (gains - displaced) / (gains + false) >= --precision over at least
--min-count statements in at least --min-articles articles (--noun-articles for a noun: a
noun with a holder is more varied), when the speaker mention overlaps the gold Source in at
least --min-speaker of its gains, and when `cue_selection` does not stop it (plain actions,
function verbs, joint decisions). The tallies of one run are stored in --tallies and read
back by the next (parsing takes minutes): choose thresholds on the stored tallies, by the
eval's train all@0.3 F1 and speaker accuracy with the written file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from attribution_eval import _RELATIVE, _load, _match, _overlap, _top_level
from cue_selection import ACTIONS, FUNCTION_VERBS, NOUN_ACTIONS, chosen, summary

from factcheck.attribution.parse import cues, frames

OUTPUT = Path(__file__).resolve().parents[1] / "factcheck" / "attribution" / "lexicon" / "cues_fitted.json"
_OBJECT_DEPS = ("ccomp", "dobj", "xcomp", "oprd")


def _base_lexicon() -> None:
    """Make the stage use the lexicon without the fitted tier (the fit measures against it)."""
    frames.CONTENT_DEPS = cues.BASE_CONTENT_DEPS
    frames.NOUN_CONTENT_DEPS = cues.BASE_NOUN_CONTENT_DEPS
    frames.LEXICON_FORMS = frozenset(cues.BASE_CONTENT_DEPS)
    frames._TRIGGERS = (
        cues.CUE_FORMS
        | frames.LEXICON_FORMS
        | frozenset(cues.BASE_NOUN_CONTENT_DEPS)
        | cues.LIGHT_ADJECTIVES
    )


def _candidate_deps(token, noun: bool) -> list[str]:
    """The dependents of a word that could hold its content, as the lexicon names them."""
    deps = []
    for child in token.children:
        if child.dep_ in (("acl",) if noun else _OBJECT_DEPS):
            deps.append(child.dep_)
        elif child.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in child.children):
            deps.append(f"prep:{child.lower_}")
    return list(dict.fromkeys(deps))


def _with_pair(token, offset: int, index: int, dep: str, noun: bool):
    """The frame a word would open once (its form, dep) is in the (noun) lexicon."""
    low = token.lower_
    if noun:
        base = cues.BASE_NOUN_CONTENT_DEPS.get(low, frozenset())
        frames.NOUN_CONTENT_DEPS = {low: base | {dep}}
    else:
        base = cues.BASE_CONTENT_DEPS.get(low, frozenset())
        frames.CONTENT_DEPS, frames.LEXICON_FORMS = {low: base | {dep}}, frozenset({low})
    try:
        return frames.frame_of(token, offset, index)
    finally:
        frames.NOUN_CONTENT_DEPS = cues.BASE_NOUN_CONTENT_DEPS
        frames.CONTENT_DEPS = cues.BASE_CONTENT_DEPS
        frames.LEXICON_FORMS = frozenset(cues.BASE_CONTENT_DEPS)


def _candidates(plan, doc, index: int):
    """(kind, form, dep, frame, content of today) of every candidate of one parsed sentence
    (see the docstring); kind is 'verb' (any word with a subject) or 'noun' (a noun in a noun
    slot, its holder the speaker). A word whose frame has a content today is a candidate
    when the new pair would change it ("accused [Republicans]" before "accused Republicans
    of [placing …]"): the new dependent comes first."""
    from factcheck.attribution.quotes.scan import inside

    offset = plan.sentences[index][0]
    for token in doc:
        if not token.is_alpha or inside(plan.quotes, offset + token.idx) is not None:
            continue
        today = frames.frame_of(token, offset, index)
        content = today.content if today is not None else None
        kinds = ["verb", "noun"] if token.dep_ in frames._NOUN_SLOTS else ["verb"]
        for kind in kinds:
            for dep in _candidate_deps(token, kind == "noun"):
                frame = _with_pair(token, offset, index, dep, kind == "noun")
                if frame is not None and frame.content not in (None, content):
                    if frame.mention and inside(plan.quotes, frame.mention[0]) is not None:
                        frame = replace(frame, mention=None)  # frames are immutable
                    yield kind, token.lower_, dep, frame, content


class _Today:
    """One annotation file's gold and today's statements: what a new statement would add."""

    def __init__(self, row: dict, statements: list) -> None:
        self.gold = [a for a in row["attributions"] if a.get("content")]
        self.text = row["text"]
        self.top = _top_level(statements)
        matched = _match(self.gold, self.top, 0.3)
        self.found = {i for i, _ in matched}
        self.matched_preds = [self.top[j] for _, j in matched]
        self.direct = [p for s in statements if s.kind != "indirect" for p in s.parts]
        self.indirect = [(s.start, s.end) for s in self.top if s.kind == "indirect"]

    def judge(self, parts: list[tuple[int, int]], mention, replaced) -> tuple[str, int, bool]:
        """('dropped'|'gain'|'false', displaced statements, speaker right) of new parts, in
        place of the `replaced` content of today (or None)."""
        start, end = parts[0][0], parts[-1][1]
        lost = replaced is not None and any(
            _overlap(self.gold[i]["content"]["spans"], [replaced]) >= 0.3 for i in self.found
        )
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in self.direct)
        if covered >= 0.5 * (end - start) or any(s <= start and end <= e for s, e in self.indirect):
            return ("false", int(lost), False) if replaced is not None else ("dropped", 0, False)
        displaced = sum(start <= p.start and p.end <= end for p in self.matched_preds) + lost
        best = max(
            (
                (_overlap(g["content"]["spans"], parts), i)
                for i, g in enumerate(self.gold)
                if i not in self.found
            ),
            default=(0.0, -1),
        )
        if best[0] < 0.3:
            return "false", displaced, False
        return "gain", displaced, _speaker_right(self.gold[best[1]], mention, self.text)


def _speaker_right(gold: dict, mention, text: str) -> bool:
    """Whether a mention overlaps the gold Source (or both are absent), or the Source is a
    relative pronoun right after it ("Trump, who pressed for …"), as the eval counts it."""
    source = gold.get("source")
    if not source:
        return mention is None
    if mention is None:
        return False
    if any(min(e, mention[1]) > max(s, mention[0]) for s, e in source["spans"]):
        return True
    start = source["spans"][0][0]
    between = text[mention[1] : start]
    return (
        source["text"].strip().lower() in _RELATIVE
        and mention[1] <= start
        and not between.strip(" ,\n-–—")
    )


def tally(split: str = "train") -> dict[str, dict[str, int]]:
    """Per 'dep form' pair: statements, gains, false, displaced, speakers right."""
    from factcheck.attribution.parse.content import content_parts
    from factcheck.attribution.pipeline import _PIPES, _nlp, _Plan, attribute_many
    from factcheck.records import Document

    _base_lexicon()
    rows = _load(split, None)
    texts = {r["article"]: r["text"] for r in rows}
    docs = {a: Document(id=a, text=t) for a, t in texts.items()}
    today = dict(zip(texts, attribute_many([(d, ()) for d in docs.values()]), strict=True))
    plans = {a: _Plan(d) for a, d in docs.items()}
    jobs = [
        (plan.text[s:e], (a, i))
        for a, plan in plans.items()
        for i, (s, e) in enumerate(plan.sentences)
        if e - s <= 2_000
    ]
    found: dict[str, list] = defaultdict(list)
    nlp = _nlp()
    with nlp.select_pipes(enable=list(_PIPES)):
        for doc, (article, i) in nlp.pipe(jobs, as_tuples=True, batch_size=256):
            plan = plans[article]
            for kind, form, dep, frame, replaced in _candidates(plan, doc, i):
                parts = content_parts(frame, plan.text)
                found[article].append((f"{kind} {dep} {form}", parts, frame.mention, replaced))
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    articles: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        judge = _Today(row, today[row["article"]]).judge
        for pair, parts, mention, replaced in found[row["article"]]:
            verdict, displaced, speaker = judge(parts, mention, replaced)
            if verdict != "dropped":
                counts[pair]["n"] += 1
                counts[pair][verdict] += 1
                counts[pair]["displaced"] += displaced
                counts[pair]["speaker"] += speaker
                articles[pair].add(row["article"])
    return {pair: {**c, "articles": len(articles[pair])} for pair, c in counts.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--precision", type=float, default=0.45)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-articles", type=int, default=2)
    parser.add_argument("--min-speaker", type=float, default=0.67)
    parser.add_argument("--noun-articles", type=int, default=5)
    parser.add_argument("--tallies", type=Path, default=None, help="stored tallies (JSON)")
    parser.add_argument("--show", type=int, default=0, help="print the N largest pairs")
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT.name}")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.tallies is not None and args.tallies.exists():
        tallies = json.loads(args.tallies.read_text("utf-8"))
    else:
        tallies = tally("train")
        if args.tallies is not None:
            args.tallies.write_text(json.dumps(tallies, sort_keys=True), "utf-8")
    pairs = chosen(
        tallies,
        args.precision,
        args.min_count,
        args.min_articles,
        args.min_speaker,
        args.noun_articles,
    )
    summary(tallies, pairs, args.show)
    if args.write:
        record = {
            "command": "python benchmarks/fit_cues.py "
            f"--precision {args.precision} --min-count {args.min_count} "
            f"--min-articles {args.min_articles} --min-speaker {args.min_speaker} "
            f"--noun-articles {args.noun_articles} --write",
            "split": "train",
            "precision": args.precision,
            "min_count": args.min_count,
            "min_articles": args.min_articles,
            "min_speaker": args.min_speaker,
            "noun_articles": args.noun_articles,
            "actions": ACTIONS,
            "noun_actions": NOUN_ACTIONS,
            "function_verbs": FUNCTION_VERBS,
            "verbs": pairs["verb"],
            "nouns": pairs["noun"],
        }
        OUTPUT.write_text(json.dumps(record, indent=1) + "\n", "utf-8")
        print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
