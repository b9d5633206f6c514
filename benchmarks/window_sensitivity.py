"""How the attribution figures on PolNeAR train move when one scanner window of
`factcheck/attribution/tuning.py` is set to another value (the others as they are).

    .venv/bin/python benchmarks/window_sensitivity.py [NAME=V1,V2 ...]

Train is parsed once; each setting re-runs the stage's steps after the parse (quote chains,
tags, speakers, statements) and prints direct@0.3 F1, all@0.3 F1 and speaker accuracy as
`attribution_eval.py` counts them. Without arguments it moves every window read after the
parse to about half and twice its value. (`HEADING_WORDS` and `MAX_PARSED_SENTENCE` decide
what is parsed: measure them with `attribution_eval.py --split train`.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution_eval import DATA, _load, _prf, _Tally
from common import machine_lines

from factcheck.attribution import tuning

DEFAULT = [
    "TAG_WORDS=15,20,40", "CUE_WORDS=6,8,16", "MENTION_WORDS=6,10", "NEAR_TAG_WORDS=2,6",
    "FAR_TAG_WORDS=6,10", "APPOSITION_WORDS=3,7", "COLON_SPEAKER_WORDS=4,8",
    "VERB_TAG_WORDS=5,9", "SHORT_TAG_WORDS=4,8", "SIGNATURE_WORDS=8,16", "SPLIT_TAG_WORDS=6,14",
    "PARAGRAPH_TAG_WORDS=8,16", "PRONOUN_LOOKBACK=750,3000", "OUTLET_LOOKBACK=1500,6000",
    "QUOTED_SHARE=0.3,0.7",
]


class Train:
    """PolNeAR train parsed once, its later steps re-run on demand."""

    def __init__(self) -> None:
        from factcheck.attribution.pipeline import _parsed
        from factcheck.records import Document

        self.rows = _load("train", None)
        texts = {r["article"]: r["text"] for r in self.rows}
        parsed = _parsed([Document(id=a, text=t) for a, t in texts.items()])
        self.plans = dict(zip(texts, parsed, strict=True))
        self.frames = {article: list(plan.frames) for article, plan in self.plans.items()}

    def figures(self) -> str:
        """direct@0.3 F1, all@0.3 F1 and speaker accuracy with the windows as they are now."""
        statements = {}
        for article, plan in self.plans.items():
            plan.frames = list(self.frames[article])  # as parsed: the later steps replace them
            statements[article] = plan.statements()
        tally = _Tally()
        for row in self.rows:
            tally.file(row, statements[row["article"]])
        direct, every = (_prf(*tally.counts[key])[2] for key in ("direct@0.3", "all@0.3"))
        right = sum(n for way, n in tally.ways.items() if way is not None)
        speaker = right / max(1, sum(tally.ways.values()))
        return f"direct@0.3 F1 {direct:.4f}  all@0.3 F1 {every:.4f}  speaker {speaker:.4f}"


def main() -> int:
    if not DATA.exists():
        print(f"skipped: PolNeAR data not found at {DATA}")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    print("\n".join(machine_lines()), flush=True)
    train = Train()
    print(f"{'as in tuning.py':26}{train.figures()}", flush=True)
    for setting in sys.argv[1:] or DEFAULT:
        name, values = setting.split("=")
        kept = getattr(tuning, name)
        for value in values.split(","):
            setattr(tuning, name, type(kept)(float(value)))
            print(f"{name + ' ' + value:26}{train.figures()}", flush=True)
        setattr(tuning, name, kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
