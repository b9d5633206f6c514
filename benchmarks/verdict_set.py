"""The verdict evaluation set, built from PolNeAR train/dev articles (read from ../shared/data).

The index holds every dev article and a fixed sample of train articles. Claims are made from
the direct quotes of those articles (gold speakers from the annotation):

- ``verbatim``: a quote copied (half with its speaker in the claim's text), or a sub-span;
- ``altered``: one word substituted, a negation added or removed, a number changed, words
  dropped, two quotes of one article spliced;
- ``misattributed``: a quote credited to another named speaker of the corpus;
- ``paraphrase``: hand-written paraphrases (`data/verdict_paraphrases.jsonl`, our own words,
  pointing at the quote by article and annotation id);
- ``unsupported``: real sentences from train articles that are not in the index.

    .venv/bin/python benchmarks/verdict_set.py --out /tmp/verdicts.jsonl
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from factcheck.records import Document
from factcheck.verdict.align import tokenize

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "shared" / "data" / "polnear"
PARAPHRASES = HERE / "data" / "verdict_paraphrases.jsonl"
TRAIN_INDEXED = 60
SEED = 7
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her"}
_QUOTE_MARKS = "\"“”‘’'«» ,"
_AUX = re.compile(
    r"\b(is|are|was|were|will|would|can|could|should|has|have|had|does|did|must|may)\b"
)
_NEGATED = [
    (r"\bcan['’]t\b", "can"),
    (r"\bwon['’]t\b", "will"),
    (r"\bdon['’]t\b", "do"),
    (r"\bdoesn['’]t\b", "does"),
    (r"\bdidn['’]t\b", "did"),
    (r"\bisn['’]t\b", "is"),
    (r"\baren['’]t\b", "are"),
    (r"\bwasn['’]t\b", "was"),
    (r"\bnot\s+", ""),
    (r"\bnever\s+", ""),
]
_REPORTING = re.compile(r"^[A-Z][\w']+ (?:said|asked|told \w+|joked|warned|confronted)(?: that)? ")
_SWAPS = {
    "good": "bad",
    "bad": "good",
    "great": "terrible",
    "more": "less",
    "less": "more",
    "right": "wrong",
    "wrong": "right",
    "strong": "weak",
    "big": "small",
    "best": "worst",
    "worst": "best",
    "support": "oppose",
    "win": "lose",
    "always": "sometimes",
    "very": "hardly",
    "important": "trivial",
    "new": "old",
    "first": "last",
    "high": "low",
    "clear": "unclear",
}


@dataclass(frozen=True)
class Case:
    """One claim of the evaluation set with the verdict it should get."""

    id: str
    claim: str
    speaker: str | None
    expected: str
    variant: str
    article: str


@dataclass(frozen=True)
class Quote:
    """A gold direct quote (one span) of an indexed article."""

    article: str
    eid: str
    text: str
    speaker: str | None
    start: int


def articles(split: str) -> dict[str, dict]:
    """One row per article (its first annotator's) of a PolNeAR split."""
    rows: dict[str, dict] = {}
    for line in (DATA / f"polnear_{split}.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        rows.setdefault(row["article"], row)
    return rows


def split_articles() -> tuple[dict[str, dict], dict[str, dict]]:
    """The indexed articles (all dev + a train sample) and the held-out train articles."""
    train = articles("train")
    chosen = set(random.Random(SEED).sample(sorted(train), TRAIN_INDEXED))
    indexed = {**articles("dev"), **{a: r for a, r in train.items() if a in chosen}}
    held_out = {a: r for a, r in train.items() if a not in chosen}
    return indexed, held_out


def documents(rows: dict[str, dict]) -> list[Document]:
    """Articles as documents for the index (the article name is the id)."""
    return [
        Document(
            id=a,
            text=r["text"],
            title=r.get("title"),
            published=r.get("publication_date"),
            publisher=r.get("publisher"),
            kind="news",
        )
        for a, r in sorted(rows.items())
    ]


def quotes(indexed: dict[str, dict]) -> list[Quote]:
    """Gold direct quotes of the indexed articles, one per span, 6-40 words, deduplicated."""
    found, seen = [], set()
    for split in ("dev", "train"):
        for line in (DATA / f"polnear_{split}_direct_quotes.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            if row["article"] not in indexed:
                continue
            text = indexed[row["article"]]["text"]
            for start, end in row["quote_spans"]:
                words = _strip_marks(text[start:end])
                key = (row["article"], _norm(words))
                if not 6 <= len(words.split()) <= 40 or key in seen:
                    continue
                seen.add(key)
                speaker = _name(row.get("speaker_mention"))
                found.append(Quote(row["article"], row["eid"], words, speaker, start))
    return found


def build(per_variant: int = 60, unsupported: int = 100) -> list[Case]:
    """The whole evaluation set, deterministic."""
    indexed, held_out = split_articles()
    quoted = quotes(indexed)
    rng = random.Random(SEED)
    cases: list[Case] = []
    makers = (_verbatim, _subspan, _substitute, _negation, _number, _drop, _misattributed)
    for maker in makers:
        made = [case for q in rng.sample(quoted, len(quoted)) for case in maker(q, quoted, rng)]
        cases.extend(made[:per_variant])
    cases.extend(_splices(quoted, rng)[: per_variant // 2])
    cases.extend(_paraphrases(quoted))
    cases.extend(_unsupported(held_out, indexed, rng, unsupported))
    return cases


def _strip_marks(text: str) -> str:
    return " ".join(text.strip(_QUOTE_MARKS + "\n\t.").split())


@functools.cache
def _norm(text: str) -> str:
    return " ".join(t.norm for t in tokenize(text))


def _name(mention: str | None) -> str | None:
    """A speaker mention that names someone (not a pronoun or a common noun)."""
    mention = re.sub(r"\s*\([^)]*\)", "", (mention or "").split(",")[0]).strip()
    if not mention or mention.lower() in _PRONOUNS or not mention[0].isupper():
        return None
    if len(mention.split()) > 5 or mention.split()[0].lower() in {"the", "a", "an"}:
        return None
    return mention


def _case(q: Quote, variant: str, claim: str, expected: str, speaker: str | None = None) -> Case:
    return Case(
        f"{variant}:{q.article}:{q.eid}:{q.start}", claim, speaker, expected, variant, q.article
    )


def _verbatim(q: Quote, _: list[Quote], rng: random.Random) -> Iterator[Case]:
    if q.speaker and rng.random() < 0.5:
        yield _case(q, "verbatim-speaker-in-text", f"“{q.text},” {q.speaker} said", "verbatim")
    else:
        yield _case(q, "verbatim", q.text, "verbatim", q.speaker)


def _subspan(q: Quote, _: list[Quote], rng: random.Random) -> Iterator[Case]:
    words = q.text.split()
    if len(words) < 12:
        return
    size = rng.randint(6, 9)
    start = rng.randint(1, len(words) - size)
    if re.search(r"(n['’]t|\bnot|\bno|\bnever|\bnone)\W*$", words[start - 1], re.IGNORECASE):
        return
    yield _case(q, "subspan", " ".join(words[start : start + size]), "verbatim")


def _substitute(q: Quote, quoted: list[Quote], rng: random.Random) -> Iterator[Case]:
    words = q.text.split()
    spots = [i for i, w in enumerate(words) if re.fullmatch(r"[a-z]{4,}", w)]
    if not spots:
        return
    i = rng.choice(spots)
    pool = [
        w
        for other in rng.sample(quoted, 5)
        for w in other.text.split()
        if re.fullmatch(r"[a-z]{5,}", w) and w != words[i]
    ]
    new = _SWAPS.get(words[i]) or (rng.choice(pool) if pool else None)
    if new:
        yield _case(q, "substitute", " ".join([*words[:i], new, *words[i + 1 :]]), "altered")


def _negation(q: Quote, _: list[Quote], rng: random.Random) -> Iterator[Case]:
    for pattern, plain in _NEGATED:
        changed, n = re.subn(pattern, plain, q.text, count=1, flags=re.IGNORECASE)
        if n:
            yield _case(q, "negation-removed", changed, "altered")
            return
    changed, n = _AUX.subn(r"\1 not", q.text, count=1)
    if n:
        yield _case(q, "negation-added", changed, "altered")


def _number(q: Quote, _: list[Quote], rng: random.Random) -> Iterator[Case]:
    match = re.search(r"\d+(?:[.,]\d+)*(?![^\[]*\])", q.text)  # not inside [brackets]
    if match:
        old = match.group().replace(",", "")
        step = rng.choice([1, 2, 3, 5, 10])
        new = str(int(old) + step) if old.isdigit() else f"{float(old) + step:g}"
        yield _case(q, "number", q.text[: match.start()] + new + q.text[match.end() :], "altered")


def _drop(q: Quote, _: list[Quote], rng: random.Random) -> Iterator[Case]:
    words = q.text.split()
    if len(words) >= 10:
        at = rng.randint(2, len(words) - 4)
        yield _case(q, "drop", " ".join(words[:at] + words[at + 2 :]), "altered")


def _misattributed(q: Quote, quoted: list[Quote], rng: random.Random) -> Iterator[Case]:
    if not q.speaker:
        return
    taken = {_surname(s) for s in _speakers_of(q, quoted)}
    others = sorted({o.speaker for o in quoted if o.speaker and _surname(o.speaker) not in taken})
    if others:
        yield _case(q, "misattributed", q.text, "misattributed", rng.choice(others))


def _speakers_of(q: Quote, quoted: list[Quote]) -> set[str]:
    """Every gold speaker of the same words anywhere in the corpus (quotes repeat)."""
    key = _norm(q.text)
    return {
        o.speaker for o in quoted if o.speaker and (key in _norm(o.text) or _norm(o.text) in key)
    }


def _surname(name: str) -> str:
    return name.split()[-1].lower()


def _splices(quoted: list[Quote], rng: random.Random) -> list[Case]:
    by_article: dict[str, list[Quote]] = {}
    for q in quoted:
        by_article.setdefault(q.article, []).append(q)
    cases = []
    for article in sorted(by_article):
        group = sorted(by_article[article], key=lambda q: q.start)
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(group)
            if len(a.text.split()) >= 8
            and len(b.text.split()) >= 8
            and b.start - a.start > len(a.text) + 40
        ]
        if pairs:
            a, b = rng.choice(pairs)
            aw, bw = a.text.split(), b.text.split()
            claim = " ".join(aw[: max(5, len(aw) * 3 // 5)] + bw[-max(5, len(bw) * 3 // 5) :])
            cases.append(_case(a, "splice", claim, "altered"))
    rng.shuffle(cases)
    return cases


def _paraphrases(quoted: list[Quote]) -> list[Case]:
    """The hand-written paraphrases; every other one without its "X said" (no speaker)."""
    keyed = {(q.article, q.eid): q for q in quoted}
    cases = []
    for n, line in enumerate(PARAPHRASES.open(encoding="utf-8")):
        row = json.loads(line)
        q = keyed.get((row["article"], row["eid"]))
        if q is None:
            continue
        text, variant = row["paraphrase"], "paraphrase"
        if n % 2:
            text, variant = _REPORTING.sub("", text, count=1), "paraphrase-no-speaker"
            text = text[:1].upper() + text[1:]
        cases.append(_case(q, variant, text, "paraphrase"))
    return cases


def _unsupported(
    held_out: dict[str, dict], indexed: dict[str, dict], rng: random.Random, limit: int
) -> list[Case]:
    """Real sentences (10-35 words) of articles not in the index, not found word for word in it;
    every other one credited to a speaker of the corpus (as a fact-checker would paste it)."""
    corpus = " ".join(_norm(r["text"]) for r in indexed.values())
    speakers = sorted({q.speaker for q in quotes(indexed) if q.speaker})
    cases = []
    for article in rng.sample(sorted(held_out), len(held_out)):
        sentences = re.split(r"(?<=[.!?])\s+", held_out[article]["text"])
        fit = [s.strip() for s in sentences if 10 <= len(s.split()) <= 35 and "\n" not in s.strip()]
        if not fit:
            continue
        sentence = rng.choice(fit)
        if _norm(" ".join(sentence.split()[2:8])) in corpus:
            continue
        speaker = rng.choice(speakers) if len(cases) % 2 else None
        variant = "unsupported-speaker" if speaker else "unsupported"
        cases.append(
            Case(f"{variant}:{article}", sentence, speaker, "unsupported", variant, article)
        )
        if len(cases) >= limit:
            break
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    args = parser.parse_args()
    cases = build()
    with args.out.open("w", encoding="utf-8") as fh:
        for case in cases:
            fh.write(json.dumps(asdict(case), ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for case in cases:
        counts[case.variant] = counts.get(case.variant, 0) + 1
    print(f"{len(cases)} cases -> {args.out}: {counts}")


if __name__ == "__main__":
    main()
