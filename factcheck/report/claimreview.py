"""schema.org ClaimReview JSON-LD for one search result (https://schema.org/ClaimReview).

Rating scale (``reviewRating.ratingValue``, ``worstRating`` 1, ``bestRating`` 5), from the
claim as credited being fully borne out by the sources to nothing supporting it:

| verdict | rating | meaning for the quote as credited |
| --- | --- | --- |
| verbatim | 5 | the speaker said these words |
| paraphrase | 4 | the speaker said this, in other words |
| altered | 3 | the speaker said something close, but words were changed |
| misattributed | 2 | the words were said, by someone else |
| unsupported | 1 | nothing in the sources supports the claim |

The usual way to publish ClaimReview is inside ``<script type="application/ld+json">``, so the
objects are made safe for that: only absolute http(s) URLs are written (never ``javascript:``,
``data:``, ``vbscript:`` or relative ones), and `script_safe` escapes ``<``, ``>`` and ``&``
as ``\\u003c`` etc., so no text can close the script element.
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.presentation import explain, web_url
from factcheck.settings import Settings
from factcheck.verdict.result import Attribution, SearchResult

RATINGS: dict[str, int] = {
    "verbatim": 5,
    "paraphrase": 4,
    "altered": 3,
    "misattributed": 2,
    "unsupported": 1,
}
BEST_RATING = 5
WORST_RATING = 1

# Words that make a speaker name an organisation rather than a person.
_ORG_WORDS = {
    "kremlin", "house", "ministry", "bloomberg", "reuters", "department", "office", "agency",
    "government", "administration", "embassy", "commission", "committee", "council", "party",
    "pentagon", "senate", "congress", "parliament", "campaign", "foundation", "institute",
    "university", "bank", "times", "post", "news", "press", "cnn", "bbc", "nato", "fbi", "cia",
    "eu", "police", "army", "court", "company", "inc", "corp", "group", "association",
}


def is_organisation(name: str) -> bool:
    """Whether a speaker name stands for an organisation ('the Kremlin', 'Bloomberg').

    Args:
        name: a speaker name as credited.

    Returns:
        True when the name starts with "the " or holds a known organisation word.
    """
    lowered = name.strip().lower()
    if lowered.startswith("the "):
        return True
    return any(word in _ORG_WORDS for word in re.findall(r"[a-z]+", lowered))


_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_safe(json_text: str) -> str:
    """JSON text that can sit inside a ``<script>`` element: ``<``, ``>``, ``&`` escaped.

    Outside strings JSON never uses these characters, so the escapes only ever land inside
    strings, where ``\\u003c`` reads back as ``<``.
    """
    return json_text.translate(_SCRIPT_ESCAPES)


def _agent(name: str) -> dict:
    kind = "Organization" if is_organisation(name) else "Person"
    return {"@type": kind, "name": name}


def _creative_work(doc_id: str, published: str | None, speaker: str | None,
                   urls: dict[str, str]) -> dict:
    work: dict = {"@type": "CreativeWork", "identifier": doc_id}
    url = urls.get(str(doc_id))
    if url:
        work["url"] = url
    if published:
        work["datePublished"] = published
    if speaker:
        work["author"] = _agent(speaker)
    return work


def _known_urls(attribution: Attribution | None) -> dict[str, str]:
    url = web_url(attribution.url) if attribution else None
    if url and attribution.doc_id:
        return {str(attribution.doc_id): url}
    return {}


def _item_reviewed(result: SearchResult) -> dict:
    urls = _known_urls(result.attribution)
    item: dict = {"@type": "Claim"}
    if result.claimed_speaker:
        item["author"] = _agent(result.claimed_speaker)
    earliest = result.earliest
    if earliest and earliest.published:
        item["datePublished"] = earliest.published
    item["appearance"] = [_creative_work(a.doc_id, a.published, a.speaker, urls)
                          for a in result.appearances]
    if earliest and earliest.doc_id:
        item["firstAppearance"] = _creative_work(earliest.doc_id, earliest.published, None, urls)
    return item


def claim_review(result: SearchResult, settings: Settings, today: date | None = None,
                 claim_id: str | None = None) -> dict:
    """A schema.org ClaimReview object for one search result.

    Args:
        result: a search result.
        settings: gives the reviewing organisation's name and url.
        today: the review date (defaults to today).
        claim_id: the claim's id in a claims file, given as "identifier".

    Returns:
        A JSON-serialisable dict with "@context", "@type": "ClaimReview", "claimReviewed",
        "reviewRating", "itemReviewed", "author", "datePublished" and "url" when known.
    """
    verdict = str(result.verdict)
    organisation_url = web_url(settings.organisation_url)
    author: dict = {"@type": "Organization", "name": settings.organisation}
    if organisation_url:
        author["url"] = organisation_url
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": result.claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS.get(verdict, WORST_RATING),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": verdict,
            "ratingExplanation": explain(result),
            "reviewAspect": "attribution",
        },
        "itemReviewed": _item_reviewed(result),
        "author": author,
        "datePublished": (today or date.today()).isoformat(),
    }
    if claim_id is not None:
        review["identifier"] = str(claim_id)
    if organisation_url:
        review["url"] = organisation_url
    return review
