"""Search engines behind the index: vectors (FAISS) and words (BM25, bm25s)."""
