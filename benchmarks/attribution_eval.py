"""Attribution quality and speed on PolNeAR: who said what.

    .venv/bin/python benchmarks/attribution_eval.py [--split dev|train] [--limit N]

How predictions are compared with PolNeAR's gold attributions (each annotation file on its
own; an article annotated twice counts twice):

* A prediction matches a gold Content span when their character overlap is at least 0.3
  (lenient) or 0.8 (strict) of the longer one; matching is greedy, one to one, best first.
* Gold quotes are the Content spans that start and end with a quote mark (the data set's
  `content_is_direct_quote_heuristic`). They are split by the same rule the extractor's
  kinds follow: a *sentence quote* (kind `direct`) is quoted words that begin with an
  upper-case letter or a digit (past any opening bracket or punctuation) and are at least
  three words long or end with . ! ? or a comma, as "“We will win,” he said"; anything
  else is a *fragment* (kind `partial`), as "blasted Disney for its “outrageous practices”".
* direct@t: our `direct` statements against gold sentence quotes. quotes@t: our direct and
  partial statements (those not inside one of our indirect statements) against every gold
  quote, whatever its kind. kinds: on quotes matched at 0.3, how often our kind equals the
  gold kind. legacy direct@0.3: our `direct` against every gold quote (the figure used
  before this split, kept to compare with older runs).
* all@t: every statement not nested in one of our indirect statements against every gold
  Content span.
* speaker accuracy, on statements matched at all@0.3: correct when our speaker mention
  overlaps the gold Source span ('mention'); or the gold Source names our speaker
  ('name': Putin = Vladimir Putin, with our resolver's alias table, where the document's
  first full name wins a shared surname; or a description holding our speaker's full
  name, "Carole Taylor, the provincial minister …"); or the gold Source is a pronoun that
  our resolver, reading our statements in order, resolves to our speaker ('pronoun'); or
  it is a relative pronoun (who, which, that) right after our mention (past a comma or a
  dash), whose antecedent our mention is ('relative': "Mr. Leenders, who estimated …",
  "Sanders - who digested …"). A gold attribution without a Source is correct only when
  we give no speaker ('no source'). Where an annotator swapped Source and Cue (the Source
  is a verb of saying, the Cue a name: Source "said", Cue "Megan Hester"), the two are
  read the other way round ('swapped gold'). Where PolNeAR annotated only the outer layer
  of a nested attribution that we give as speaker and via ("“…,” Walker said, according
  to the AP": gold Source "the AP"; ours Walker via the AP), our via naming the gold
  Source is correct ('via'). The strict figure, without these two readings, is printed
  too, as is the share of each way.
* speed: sentences per second of `attribute_many` (spaCy already loaded), by wall clock
  and by this process's CPU time (the machine is shared; CPU time is the steadier figure).
* reliability: every statement counted in all@0.3 (not nested in one of our indirect
  statements) is *right* when it is matched to a gold attribution at all@0.3 and its
  speaker is right as in speaker accuracy above (any of its ways); a statement matched to no
  gold is wrong. Per confidence bin: count, mean confidence, share right (a calibrated
  confidence of 0.8 is right 80 % of the time; see `fit_confidence.py`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibration import reliability_lines

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
_QUOTE_CHARS = "“”\"‘’'«»„`([{.@-–— "
_RELATIVE = {"who", "which", "that"}


def _load(split: str, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in (DATA / f"polnear_{split}.jsonl").open()]
    articles = sorted({r["article"] for r in rows})[:limit] if limit else None
    return [r for r in rows if articles is None or r["article"] in articles]


def _length(spans) -> int:
    return sum(e - s for s, e in spans)


def _overlap(a, b) -> float:
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    return shared / max(_length(a), _length(b), 1)


def _match(gold: list, pred: list, threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best overlap first."""
    pairs = sorted(
        (
            (score, i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if (score := _overlap(g["content"]["spans"], p.parts)) >= threshold
        ),
        reverse=True,
    )
    used_g, used_p, matched = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            matched.append((i, j))
    return matched


def _prf(n_match: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_kind(gold: dict, text: str) -> str:
    """'direct' for a gold sentence quote, 'partial' for a quoted fragment (see above)."""
    spans = gold["content"]["spans"]  # not always in text order
    words = text[min(s for s, _ in spans) : max(e for _, e in spans)].strip(_QUOTE_CHARS)
    first = words[:1]
    if (first.isupper() or first.isdigit()) and (len(words.split()) >= 3 or words[-1:] in ".!?,"):
        return "direct"
    return "partial"


def _top_level(statements) -> list:
    """Statements not nested in another one (a scare quote inside reported speech is part of
    that reported statement in PolNeAR's annotation)."""
    indirect = [s for s in statements if s.kind == "indirect"]
    return [
        s
        for s in statements
        if not any(o is not s and o.start <= s.start and s.end <= o.end for o in indirect)
    ]


def _speaker_way(gold: dict, pred, aliases, resolver, text: str = "") -> str | None:
    """How our speaker agrees with the gold Source ('mention', 'name', 'pronoun',
    'relative'), or None."""
    from factcheck.attribution.resolve.aliases import same_speaker
    from factcheck.attribution.resolve.names import PRONOUNS

    source = gold.get("source")
    if not source:
        return "no source" if pred.speaker is None else None
    if _swapped(gold):
        way = _speaker_way({**gold, "source": gold["cue"], "cue": source}, pred, aliases, resolver, text)
        return way and "swapped gold"
    mention = pred.speaker_mention
    if _outer_layer(gold, pred, aliases):
        return "via"
    if mention is not None and any(
        min(e, mention.end) > max(s, mention.start) for s, e in source["spans"]
    ):
        return "mention"
    words = source["text"].strip()
    if words.lower() in _RELATIVE and mention is not None:
        start = source["spans"][0][0]
        between = text[mention.end : start]
        return "relative" if mention.end <= start and not between.strip(" ,\n-–—") else None
    if words.lower() in PRONOUNS:
        resolved, _ = resolver.resolve(words, source["spans"][0][0])
        return "pronoun" if same_speaker(pred.speaker, resolved, aliases) else None
    return "name" if _names(words, pred.speaker, aliases) else None


def _outer_layer(gold: dict, pred, aliases) -> bool:
    """Whether the gold attribution is the outer layer of a nested one that we give as
    speaker and via ("“…,” Walker said, according to the AP": gold Source "the AP", gold
    Content "“…,” Walker said"; ours: speaker Walker, via the AP): the gold Source names
    our via and our speaker mention lies inside the gold Content."""
    via, mention = getattr(pred, "via", None), pred.speaker_mention
    if not via or mention is None:
        return False
    inside = any(s <= mention.start and mention.end <= e for s, e in gold["content"]["spans"])
    return inside and _names(gold["source"]["text"].strip(), via, aliases)


def _swapped(gold: dict) -> bool:
    """Whether an annotator swapped a gold attribution's Source and Cue: the Source is a
    verb of saying and the Cue a name (Source "said", Cue "Megan Hester")."""
    from factcheck.attribution.parse.frames import CUE_FORMS

    cue = gold.get("cue") or {}
    said = gold["source"]["text"].strip(" ,.:").lower()
    named = cue.get("text", "").strip()
    return said in CUE_FORMS and named[:1].isupper() and named.lower() not in CUE_FORMS


def _names(words: str, speaker: str | None, aliases) -> bool:
    """Whether a gold Source names our speaker: the same name (Putin = Vladimir Putin), or
    a description holding our speaker's full name ("Carole Taylor, the provincial minister
    of finance" / "RealClearPolitics' David Byler" for Carole Taylor / David Byler)."""
    from factcheck.attribution.resolve.aliases import core_name, normalise_speaker, same_speaker

    if same_speaker(speaker, words, aliases):
        return True
    if not speaker or speaker.lower().startswith(("the ", "a ", "an ")):
        return False
    name = core_name(speaker)
    return len(name.split()) >= 2 and f" {name} " in f" {normalise_speaker(words)} "


def _resolver(text: str, statements):
    """Our resolver with our statements' speakers remembered, for gold pronoun sources."""
    from factcheck.attribution.resolve.coref import SpeakerResolver

    resolver = SpeakerResolver(text)
    for statement in statements:
        if statement.speaker and statement.speaker_mention is not None:
            resolver.remember(statement.speaker, statement.speaker_mention.start)
    resolver.history.sort()
    return resolver


def speaker_ways(text: str, gold: list, top: list, preds: list, matched: list) -> dict:
    """How each matched statement's speaker agrees with its gold attribution: index in `top`
    -> the way (see `_speaker_way`; None for a wrong speaker)."""
    resolver = _resolver(text, preds)
    aliases = resolver.aliases  # deterministic: the first full name used wins a tie
    return {j: _speaker_way(gold[i], top[j], aliases, resolver, text) for i, j in matched}


def rightness(row: dict, preds: list) -> list[tuple[object, bool]]:
    """The statements of one annotation file counted in all@0.3, each with whether it is
    right: matched to a gold attribution at 0.3 with its speaker right."""
    gold = [a for a in row["attributions"] if a.get("content")]
    top = _top_level(preds)
    ways = speaker_ways(row["text"], gold, top, preds, _match(gold, top, 0.3))
    return [(s, ways.get(j) is not None) for j, s in enumerate(top)]


class _Tally:
    """Counts of every figure, filled one annotation file at a time."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.kinds = Counter()
        self.ways = Counter()
        self.errors = Counter()
        self.missed_cues = Counter()
        self.reliability: list[tuple[float, bool]] = []

    def add(self, key: str, matched: int, pred: int, gold: int) -> None:
        row = self.counts.setdefault(key, [0, 0, 0])
        row[0], row[1], row[2] = row[0] + matched, row[1] + pred, row[2] + gold

    def file(self, row: dict, preds: list) -> None:
        text = row["text"]
        gold = [a for a in row["attributions"] if a.get("content")]
        quotes = [a for a in gold if a["content_is_direct_quote_heuristic"]]
        sentence_quotes = [a for a in quotes if gold_kind(a, text) == "direct"]
        top = _top_level(preds)
        direct = [s for s in preds if s.kind == "direct"]
        quote_pred = [s for s in top if s.kind != "indirect"]
        for t in (0.3, 0.8):
            for key, g, p in (
                (f"direct@{t}", sentence_quotes, direct),
                (f"quotes@{t}", quotes, quote_pred),
                (f"all@{t}", gold, top),
            ):
                self.add(key, len(_match(g, p, t)), len(p), len(g))
        self.add("legacy direct@0.3", len(_match(quotes, direct, 0.3)), len(direct), len(quotes))
        for i, j in _match(quotes, quote_pred, 0.3):
            self.kinds[(gold_kind(quotes[i], text), str(quote_pred[j].kind))] += 1
        self._direct_errors(text, sentence_quotes, direct, quote_pred)
        matched = _match(gold, top, 0.3)
        ways = speaker_ways(text, gold, top, preds, matched)
        self.ways.update(ways.values())
        self.reliability.extend((s.confidence, ways.get(j) is not None) for j, s in enumerate(top))
        hit = {i for i, _ in matched}
        for i, g in enumerate(gold):
            if i not in hit:
                cue = " ".join((g.get("cue") or {}).get("text", "<none>").lower().split())
                self.missed_cues[cue] += 1

    def _direct_errors(self, text: str, gold: list, direct: list, quotes: list) -> None:
        """Error categories of direct@0.3: why a gold sentence quote was missed, and what a
        direct statement without a gold sentence quote was."""
        matched = _match(gold, direct, 0.3)
        found = {i for i, _ in matched}
        for i, g in enumerate(gold):
            if i in found:
                continue
            other = [q for q in quotes if _overlap(g["content"]["spans"], q.parts) >= 0.3]
            self.errors["missed: labelled partial" if other else "missed: quote not found"] += 1
        used = {j for _, j in matched}
        for j, statement in enumerate(direct):
            if j not in used:
                words = text[statement.start : statement.end]
                kind = "starts lower-case" if words[:1].islower() else "no gold sentence quote"
                self.errors[f"extra direct: {kind}"] += 1


def _report(args, rows, tally: _Tally, n_sentences: int, wall: float, cpu: float) -> None:
    print(
        f"PolNeAR {args.split}: {len({r['article'] for r in rows})} articles, {len(rows)} "
        f"annotation files, {sum(len(r['attributions']) for r in rows)} gold attributions"
    )
    for key, (m, p, g) in tally.counts.items():
        pr, rc, f1 = _prf(m, p, g)
        print(f"{key:17s} P={pr:.3f} R={rc:.3f} F1={f1:.3f}  (matched {m}, pred {p}, gold {g})")
    agree = sum(n for (g, p), n in tally.kinds.items() if g == p)
    print(
        f"kinds on matched quotes: {agree / max(1, sum(tally.kinds.values())):.3f} agree; "
        + ", ".join(f"gold {g}/ours {p}: {n}" for (g, p), n in sorted(tally.kinds.items()))
    )
    right = sum(n for way, n in tally.ways.items() if way is not None)
    total = sum(tally.ways.values())
    print(
        f"speaker accuracy on matched statements (all@0.3): {right / max(1, total):.3f} "
        f"({right}/{total}; "
        + ", ".join(f"{way or 'wrong'}: {n}" for way, n in tally.ways.most_common())
        + ")"
    )
    strict = right - tally.ways["swapped gold"] - tally.ways["via"]
    print(
        f"speaker accuracy, strict (swapped gold and via counted wrong): "
        f"{strict / max(1, total):.4f} ({strict}/{total})"
    )
    print(
        "error analysis, direct@0.3: "
        + ", ".join(f"{kind}: {n}" for kind, n in tally.errors.most_common())
    )
    print(
        "error analysis, all@0.3, missed gold by cue (top 15): "
        + ", ".join(f"{cue!r}: {n}" for cue, n in tally.missed_cues.most_common(15))
    )
    print("\n".join(reliability_lines(tally.reliability, "reliability (all@0.3, speaker right)")))
    print(
        f"speed: {n_sentences} sentences in {wall:.2f} s = {n_sentences / wall:.0f} sentences/s"
        f" wall, {n_sentences / cpu:.0f} sentences/s of CPU time (attribute_many, model "
        "already loaded)"
    )
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cpus, Python {platform.python_version()}"
    )
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: PolNeAR data not found at {DATA}")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from factcheck.attribution.pipeline import _nlp, attribute_many
    from factcheck.attribution.quotes.scan import paragraphs
    from factcheck.records import Document
    from factcheck.sources.split import sentences

    rows = _load(args.split, args.limit)
    texts = {r["article"]: r["text"] for r in rows}
    docs = [Document(id=a, text=t) for a, t in texts.items()]
    n_sentences = sum(len(sentences(d.text, s, e)) for d in docs for s, e in paragraphs(d.text))
    _nlp()
    wall, cpu = time.perf_counter(), time.process_time()
    results = dict(zip(texts, attribute_many([(d, ()) for d in docs]), strict=True))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    tally = _Tally()
    for row in rows:
        tally.file(row, results[row["article"]])
    _report(args, rows, tally, n_sentences, wall, cpu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
