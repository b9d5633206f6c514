"""Ingest: read -> split -> attribute -> embed -> store -> index, in batches.

Each batch is one SQLite transaction; the vector and word index files are brought in step
once at the end. A crash in between loses no committed batch: the next open or ingest
brings the derived files in step from the stored embeddings.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from factcheck.attribution.pipeline import attribute_many, document_speakers
from factcheck.attribution.resolve.aliases import name_aliases
from factcheck.errors import BadInputError
from factcheck.index.embed import Encoder, encode_ahead
from factcheck.index.folder import SourceIndex
from factcheck.records import Document, IngestResult, Passage, Statement
from factcheck.sources.read import content_sha256, expand_paths, read_file
from factcheck.sources.split import split

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
BATCH_DOCUMENTS = 64


@dataclass
class _Batch:
    documents: list[Document] = field(default_factory=list)
    passages: list[list[Passage]] = field(default_factory=list)
    statements: list[list[Statement]] = field(default_factory=list)
    # Content hash of each passage, in order; the vectors already stored for them (same
    # text, same model); the texts left to encode, by hash, each once.
    hashes: list[str] = field(default_factory=list)
    cached: dict[str, np.ndarray] = field(default_factory=dict)
    to_encode: dict[str, str] = field(default_factory=dict)


def read_sources(paths: Sequence[Path], max_chars: int) -> tuple[list[Document], list[str]]:
    """Every document in `paths`, and one line per file or row that could not be read."""
    documents: list[Document] = []
    problems: list[str] = []
    for path in paths:
        try:
            files = expand_paths([Path(path)])
        except BadInputError as err:
            problems.append(str(err))
            continue
        for file in files:
            try:
                result = read_file(file, max_chars)
            except BadInputError as err:
                problems.append(str(err))
                continue
            documents.extend(result.documents)
            problems.extend(result.problems)
    return documents, problems


def ingest_documents(documents: Sequence[Document], index: SourceIndex, encoder: Encoder,
                     progress: Progress | None = None) -> IngestResult:
    """Add documents to the index; documents already stored (by id or content) are skipped.

    Args:
        documents: documents to add.
        index: the open index folder.
        encoder: the embedding model the index was built with.
        progress: called with (documents done, documents in all) after each batch.

    Returns:
        Counts of what was added and skipped.
    """
    with index.writing():  # one ingest at a time: the same document is never stored twice
        fresh, skipped = _new_documents(documents, index)
        added = IngestResult(skipped=skipped)
        batches = (_prepare(fresh[start:start + BATCH_DOCUMENTS], index, encoder.name)
                   for start in range(0, len(fresh), BATCH_DOCUMENTS))
        # The next batch is split and attributed (spaCy) while the model encodes this one.
        for batch, encoded in encode_ahead(encoder, batches, _texts_to_encode,
                                           index.settings.batch_size):
            _commit(batch, _passage_vectors(batch, encoded, encoder.dimension), index, encoder)
            added = _count(added, batch)
            if progress:
                progress(added.documents, len(fresh))
        index.update(encoder.dimension)  # also when nothing was new: a run may have died
    return added


def _new_documents(documents: Sequence[Document], index: SourceIndex
                   ) -> tuple[list[Document], int]:
    fresh: list[Document] = []
    seen: set[str] = set()
    for document in documents:
        content_dedupe = document.id == content_sha256(document.text)[:16]
        keys = {document.id} | ({document.sha256} if content_dedupe else set())
        if keys & seen or index.store.has_document(document, content_dedupe):
            continue
        seen |= keys
        fresh.append(document)
    return fresh, len(documents) - len(fresh)


def _prepare(documents: Sequence[Document], index: SourceIndex, model: str) -> _Batch:
    batch = _Batch(documents=list(documents))
    batch.passages = [split(document) for document in documents]
    batch.statements = attribute_many(list(zip(documents, batch.passages, strict=True)))
    texts = [p.text for ps in batch.passages for p in ps]
    batch.hashes = [content_sha256(text) for text in texts]
    batch.cached = index.store.cached_embeddings(list(set(batch.hashes)), model)
    batch.to_encode = {h: text for h, text in zip(batch.hashes, texts, strict=True)
                       if h not in batch.cached}
    return batch


def _texts_to_encode(batch: _Batch) -> list[str]:
    return list(batch.to_encode.values())


def _passage_vectors(batch: _Batch, encoded: np.ndarray, dimension: int) -> np.ndarray:
    vectors = {**batch.cached, **dict(zip(batch.to_encode, encoded, strict=True))}
    if not batch.hashes:
        return np.zeros((0, dimension), dtype=np.float32)
    return np.vstack([vectors[h] for h in batch.hashes]).astype(np.float32)


def _commit(batch: _Batch, vectors: np.ndarray, index: SourceIndex, encoder: Encoder) -> None:
    statement_units, statement_vectors = _statement_vectors(batch, vectors)
    units = [("passage", p.id, sha) for p, sha in
             zip((p for ps in batch.passages for p in ps), batch.hashes, strict=True)]
    units += statement_units
    all_vectors = np.vstack([vectors, statement_vectors]) if statement_units else vectors
    with index.store.transaction():
        for document, doc_passages, statements in zip(
                batch.documents, batch.passages, batch.statements, strict=True):
            index.store.add_document(document, doc_passages, statements)
        index.store.add_embeddings(
            zip([sha for _, _, sha in units], all_vectors, strict=True), encoder.name)
        index.store.add_units(units)
        _add_aliases(index, batch)


def _statement_vectors(batch: _Batch, passage_vectors: np.ndarray
                       ) -> tuple[list[tuple[str, str, str]], np.ndarray]:
    """Statement units and their vectors, derived from their sentences' vectors.

    A statement's vector is the normalised mean of the vectors of the sentences it lies in
    (one sentence for most): its meaning is carried by them, and nothing is encoded twice,
    so ingest runs near the raw encoder rate. The fingerprint says how it was made.
    """
    units, vectors, offset = [], [], 0
    for passages, statements in zip(batch.passages, batch.statements, strict=True):
        for statement in statements:
            rows = [offset + n for n in sentence_rows(statement, passages)]
            mean = passage_vectors[rows].mean(axis=0)
            vectors.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
            key = f"mean of sentences {rows[0] - offset}-{rows[-1] - offset}\n{statement.text}"
            units.append(("statement", statement.id, content_sha256(key)))
        offset += len(passages)
    shape = (len(vectors), passage_vectors.shape[1])
    return units, np.array(vectors, dtype=np.float32).reshape(shape)


def sentence_rows(statement: Statement, passages: Sequence[Passage]) -> list[int]:
    """Positions of the passages (sentences) a statement lies in, at least one."""
    starts = [p.start for p in passages]
    first = max(0, bisect.bisect_right(starts, statement.start) - 1)
    last = max(first, bisect.bisect_left(starts, statement.end) - 1)
    return list(range(first, min(last, len(passages) - 1) + 1))


def _add_aliases(index: SourceIndex, batch: _Batch) -> None:
    names = [name for statements in batch.statements for name in document_speakers(statements)]
    rows = [(alias, name) for name in names for alias in name_aliases(name)]
    # Longer names are written last so that 'putin' ends up pointing at 'Vladimir Putin'.
    rows.sort(key=lambda row: len(row[1].split()))
    index.store.db.executemany(
        "INSERT INTO aliases(alias, name, source) VALUES (?, ?, 'document')"
        " ON CONFLICT(alias) DO UPDATE SET name = excluded.name"
        " WHERE aliases.source = 'document'"
        " AND length(excluded.name) >= length(aliases.name)", rows)


def _count(total: IngestResult, batch: _Batch) -> IngestResult:
    return IngestResult(
        documents=total.documents + len(batch.documents),
        passages=total.passages + sum(len(p) for p in batch.passages),
        statements=total.statements + sum(len(s) for s in batch.statements),
        skipped=total.skipped, problems=total.problems)
