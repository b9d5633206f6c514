"""The index stage: Documents, Passages and Statements in; a searchable index folder out.

- `store`: SQLite, the source of truth (documents, passages, statements, embeddings,
  reviews, aliases).
- `embed`: the sentence encoder.
- `ingest`: read → split → attribute → embed → store, batch by batch.
- `folder`: the index folder: the store plus the vector and word indexes derived from it,
  kept in step with it.
- `files`: the folder's files: atomic writes, the manifest that says which files are
  current and their checksums, the writer lock, the sweep of superseded files.
- `backends/`: the vector index and the word index behind small interfaces (FAISS, bm25s),
  chosen by `Settings.vector_backend` and `Settings.word_backend`.
- `retrieve`: hybrid search: dense and lexical hits fused by reciprocal rank.
"""

from factcheck._exports import lazy_exports

__all__ = ["Encoder", "Hit", "SourceIndex", "Store", "hybrid_search", "ingest_documents",
           "load_encoder", "read_sources", "reciprocal_rank_fusion"]
__getattr__, __dir__ = lazy_exports(__name__, {
    "Store": "store", "SourceIndex": "folder", "Encoder": "embed", "load_encoder": "embed",
    "ingest_documents": "ingest", "read_sources": "ingest", "Hit": "retrieve",
    "hybrid_search": "retrieve", "reciprocal_rank_fusion": "retrieve",
})
