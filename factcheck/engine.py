"""The library's front door: one object per index folder, used by the CLI, the UI and reports."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from factcheck.attribution.resolve.aliases import same_speaker
from factcheck.errors import EmptyIndexError, FactcheckError
from factcheck.index.embed import Encoder, load_encoder
from factcheck.index.folder import SourceIndex
from factcheck.index.ingest import Progress, ingest_documents, read_sources
from factcheck.records import Document, IngestResult, Statement
from factcheck.settings import Settings
from factcheck.verdict import review
from factcheck.verdict.claims import read_claim
from factcheck.verdict.result import BadClaim, SearchResult
from factcheck.verdict.search import load_aliases, search_claims

log = logging.getLogger(__name__)


class Engine:
    """An index folder with its embedding model: ingest, search, quotes, review, stats."""

    def __init__(self, settings: Settings, encoder: Encoder | None = None) -> None:
        self.settings = settings
        self.index = SourceIndex(settings)
        self._encoder = encoder

    @classmethod
    def open(cls, settings: Settings | None = None, encoder: Encoder | None = None) -> Engine:
        """Open (or create) the index folder of `settings` (default: ./index).

        Args:
            settings: where the index is and how to search it.
            encoder: an already loaded encoder for `settings.model` (default: loaded on
                first use).
        """
        return cls(settings or Settings(), encoder)

    @property
    def encoder(self) -> Encoder:
        """The embedding model, loaded on first use."""
        if self._encoder is None:
            # the index's name for the model (the same weights may be named otherwise)
            self._encoder = load_encoder(self.index.settings.model, self.settings.encoder)
        return self._encoder

    # --- ingest ---------------------------------------------------------------------
    def ingest(self, paths: Sequence[Path], progress: Progress | None = None) -> IngestResult:
        """Read files and folders and add their documents; unreadable ones are reported.

        Example:
            >>> Engine.open().ingest([Path("seeds")])  # doctest: +SKIP
        """
        documents, problems = read_sources(paths, self.settings.max_document_chars)
        result = self.ingest_documents(documents, progress)
        return IngestResult(result.documents, result.passages, result.statements,
                            result.skipped + len(problems), tuple(problems))

    def ingest_documents(self, documents: Sequence[Document],
                         progress: Progress | None = None) -> IngestResult:
        """Add documents already read; those stored before (same id or content) are skipped."""
        self.refresh()
        return ingest_documents(documents, self.index, self.encoder, progress)

    # --- search ---------------------------------------------------------------------
    def search(self, claim: str, speaker: str | None = None, k: int | None = None
               ) -> SearchResult:
        """Check one claim; the result's `to_dict()` is the `search --json` object.

        Raises:
            BadInputError: an empty, punctuation-only or over-long claim.
            EmptyIndexError: nothing has been ingested yet.
        """
        read = read_claim(claim, speaker, self.settings.max_claim_chars)
        self._require_documents()
        return search_claims([read], self.index, self.encoder, k or self.settings.k)[0]

    def search_many(self, claims: Sequence[tuple[str, str | None]], k: int | None = None
                    ) -> list[SearchResult | BadClaim]:
        """Check many claims in one model call; a claim that cannot be checked gives a
        `BadClaim` saying why."""
        self._require_documents()
        read, errors = [], {}
        for n, (text, speaker) in enumerate(claims):
            try:
                read.append(read_claim(text, speaker, self.settings.max_claim_chars))
            except FactcheckError as err:
                errors[n] = BadClaim(text, speaker, str(err))
        found = iter(search_claims(read, self.index, self.encoder, k or self.settings.k)
                     if read else [])
        return [errors[n] if n in errors else next(found) for n in range(len(claims))]

    # --- statements and review ------------------------------------------------------
    def quotes(self, doc_id: str | None = None, speaker: str | None = None,
               include_rejected: bool = False) -> list[Statement]:
        """Statements with reviews applied, filtered by document and speaker (aliases count)."""
        self.refresh()
        statements = review.apply_reviews(
            self.index.store, self.index.store.statements(doc_id=doc_id), include_rejected)
        if speaker:
            aliases = load_aliases(self.index)
            statements = [s for s in statements if same_speaker(speaker, s.speaker, aliases)]
        return statements

    def review(self, statement_id: str, reviewer: str, action: str,
               speaker: str | None = None) -> int:
        """Store a reviewer's decision (confirm / correct / reject); see `factcheck.verdict.review`."""
        return review.record_decision(self.index.store, statement_id, reviewer, action, speaker)

    def undo_review(self, statement_id: str, reviewer: str) -> int | None:
        """Withdraw the latest standing decision on a statement."""
        return review.undo_decision(self.index.store, statement_id, reviewer)

    def review_history(self, statement_id: str) -> list[dict]:
        """Every decision on a statement, oldest first."""
        return review.history(self.index.store, statement_id)

    def review_states(self, statement_ids: Sequence[str]) -> dict[str, str]:
        """The standing decision per reviewed statement."""
        return review.decisions(self.index.store, statement_ids)

    def aliases(self) -> dict[str, str]:
        """The speaker alias table (alias -> full name)."""
        return load_aliases(self.index)

    # --- documents and stats --------------------------------------------------------
    def document(self, doc_id: str) -> Document | None:
        """One stored document, with its text."""
        return self.index.store.document(doc_id)

    def documents(self) -> list[dict]:
        """Every document's metadata with counts of passages and statements."""
        self.refresh()
        return self.index.store.document_list()

    def stats(self) -> dict:
        """What the index holds."""
        self.refresh()
        manifest = self.index.manifest
        return {"index": str(self.index.folder), "model": manifest.get("model") or
                self.settings.model, "dimension": manifest.get("dimension"),
                "version": self.index.version, "updated_at": manifest.get("updated_at"),
                **self.index.store.counts(),
                "exact_search": self.index.vectors().exact if manifest.get("files") else True}

    def refresh(self) -> bool:
        """Reload the index files if another process changed them; True when it did."""
        if self.index.is_stale():
            self.index.reload()
            return True
        return False

    def _require_documents(self) -> None:
        self.refresh()
        if not self.index.manifest.get("files"):
            raise EmptyIndexError(
                f"{self.index.folder}: the index is empty; add sources with "
                "`factcheck ingest PATH`")
