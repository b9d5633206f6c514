"""The attribution stage: a Document's text in, its `Statement`s out (who said what).

- `pipeline`: the entry points `attribute` and `attribute_many`; `types`: the types its
  modules share (`Quote`, `Frame`, the speaker `Rule`); `tuning`: its tuned numbers
  (confidences calibrated on PolNeAR train, scanner windows).
- `quotes/`: quote marks and the attributions written next to them, read by a character
  scanner without a model (`scan`, `adjacent`, `tags`), their kinds and chains (`kinds`,
  `chains`).
- `parse/`: attribution frames read from spaCy's dependency parse: cues of saying
  (`cues`), frames (`frames`, `polls`, `fragments`) and their content spans (`content`,
  `complements`).
- `resolve/`: who the speaker is: the subject of a cue (`subjects`, `forms`, `subjectless`),
  the mention as written (`mentions`), names in raw text (`names`), pronouns and surnames
  (`coref`), speaker names and aliases (`aliases`), and each statement's speaker, via and
  confidence (`drafts`).
- `lexicon/`: the word lists (verbs of saying, titles, first names, …) as data files.
"""

from factcheck._exports import lazy_exports

__all__ = ["attribute", "attribute_many", "document_speakers"]
__getattr__, __dir__ = lazy_exports(__name__, {
    "attribute": "pipeline", "attribute_many": "pipeline", "document_speakers": "pipeline",
})
