"""Speakers of quoted fragments in sentences without a cue word: the subject of the main
verb governing the fragment ('Ted Nordhaus welcomed "the recognition …"'). Part of the
attribute stage (`frames` reads the cue frames; `quotes.chains` picks a quote's frame).
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.attribution import lexicon
from factcheck.attribution.parse.complements import complement_span
from factcheck.attribution.quotes.scan import Quote
from factcheck.attribution.resolve.mentions import mention_of
from factcheck.attribution.resolve.names import PRONOUNS, name_in
from factcheck.attribution.resolve.subjects import governing_verb, subject_of
from factcheck.attribution.types import Frame

PERSONAL = lexicon.pronouns("subject") & PRONOUNS  # he, she, they, we, i


def fragment_frames(doc, offset: int, sentence: int, quotes: Sequence[Quote]) -> list[Frame]:
    """Frames for the quoted fragments of a parsed sentence: the main verb governing each
    fragment, with its subject when that names someone.

    Args:
        doc: the spaCy parse of the sentence.
        offset: the sentence's character offset in the document.
        sentence: the sentence's index.
        quotes: the document's quotes, in text order.

    Returns:
        One weak frame per fragment with a named subject: the verb as cue, its complement
        holding the fragment as content (see `fragment_content`), if any.
    """
    frames = []
    start, end = offset, offset + len(doc.text)
    for quote in quotes:
        if not start <= quote.start < end:
            continue
        token = next((t for t in doc if offset + t.idx >= quote.start), None)
        verb = governing_verb(token) if token is not None else None
        if verb is None or not _main_clause(verb):
            continue  # only the main clause's subject ('… servicemen set for release as …')
        subject = subject_of(verb)
        if subject is None or quote.mark_start <= offset + subject.idx < quote.mark_end:
            continue
        mention = mention_of(subject, offset)
        words = doc.text[mention[0] - offset : mention[1] - offset]
        if words.lower() not in PERSONAL and name_in(words) is None:
            continue  # 'The sign read “closed for good”': no one speaks
        cue = (offset + verb.idx, offset + verb.idx + len(verb.text))
        content = fragment_content(verb, token, offset)
        if content is not None and quote.mark_start <= content[0] and content[1] <= quote.mark_end:
            content = None  # the fragment itself: its partial statement says it all
        frames.append(Frame(cue, mention, content, sentence, weak=True))
    return frames


def fragment_content(verb, token, offset: int) -> tuple[int, int] | None:
    """What the verb governing a quoted fragment reports: its complement holding the fragment
    ("ripped [Comey for acting as “the judge and the jury”]", "sniped [that Fiorina was
    “learning on the job”]"), with what completes it as for a cue; None when the fragment
    sits elsewhere (the subject, an adjunct)."""
    while token.head != verb and token.head != token:
        token = token.head
    return complement_span(verb, token, offset) if token.head == verb else None


def _main_clause(verb) -> bool:
    """Whether a verb heads the sentence's main clause (the root, or a verb conjoined to it)."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
