"""The verdict stage: a claim in; a verdict with its attribution, matches and provenance out.

`claims` reads a claim (a speaker written in its text, ellipses, brackets), `align` and
`changekinds` compare its words with a source's, `judge` applies the verdict rules,
`rank` scores candidates (cosine and word overlap, nothing fitted) for the shortlist and the
order of the matches, `review` applies editors' decisions, `search` puts the stages together
for a batch of claims; `result` holds the typed `SearchResult` and `types` the word and
alignment types they share.
"""

from factcheck._exports import lazy_exports

__all__ = ["BadClaim", "Claim", "SearchResult", "judge", "read_claim", "search_claims"]
__getattr__, __dir__ = lazy_exports(__name__, {
    "Claim": "claims", "read_claim": "claims", "judge": "judge", "search_claims": "search",
    "SearchResult": "result", "BadClaim": "result",
})
