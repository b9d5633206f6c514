"""Vector and word index backend: Milvus, dense vectors and BM25 full-text search.

One client for both ends (pymilvus `MilvusClient`): milvus-lite, a local file
(`--milvus-uri index/milvus.db`), and a Milvus server or cluster (`http://host:19530`, with
`FACTCHECK_MILVUS_TOKEN`). Each protocol is one collection keyed by unit row: vectors in a
FLOAT_VECTOR field searched by inner product, words in a VARCHAR field with an analyzer and
Milvus's BM25 function writing a SPARSE_FLOAT_VECTOR field. Both carry `doc_id`, `speaker`,
`kind` and `published` as scalar fields, so a `Where` filter is evaluated inside Milvus.

The collections are named after the index folder; they live in Milvus, not in the folder, so
`save` writes only a pointer (URI and collection) and `load` refuses a pointer to another
server or collection (the folder then rebuilds them from the SQLite store). `create` starts
a collection anew; rows are upserted, so a re-run after a crash adds no duplicates.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import bm25s
import numpy as np
from pymilvus import DataType, Function, FunctionType, MilvusClient, MilvusException

from factcheck.errors import BackendUnavailableError
from factcheck.index.backends import Run, UnitFields, Where
from factcheck.index.files import replace_atomically

if TYPE_CHECKING:
    from factcheck.settings import Settings

log = logging.getLogger(__name__)
# The word field holds a text's words as bm25s finds them for the embedded word index
# (lower case, 2+ word characters, English stop words out), joined by spaces, so Milvus's
# standard analyzer sees the same words; k1 and b are bm25s's. Milvus scores carry BM25's
# (k1 + 1) factor, which bm25s (Lucene's variant) leaves out: it is divided out, so that
# scores, and so the fusion and the learned order of matches, are those of bm25s.
ANALYZER = {"tokenizer": "standard", "filter": ["lowercase"]}
BM25_K1, BM25_B = 1.5, 0.75
BM25_PARAMS = {"bm25_k1": BM25_K1, "bm25_b": BM25_B}
# A local file gets exact search (FLAT); a server HNSW with the FAISS backend's parameters.
SERVER_INDEX = {"index_type": "HNSW", "params": {"M": 32, "efConstruction": 200}}
SERVER_SEARCH = {"ef": 128}
MAX_TEXT = 65_535
SCALARS = (("doc_id", 512), ("speaker", 1024), ("kind", 32), ("published", 64))
INSERT_BATCH = 1_000


class _Collection:
    """A Milvus collection keyed by unit row, with the unit's scalar fields."""

    field: str = ""
    pushes_filters = True  # `Where` filters are evaluated inside Milvus

    def __init__(self, settings: Settings, name: str) -> None:
        self.uri = _uri(settings)
        self.name = name
        self.client = _client(self.uri, settings.milvus_token)

    @classmethod
    def _named(cls, settings: Settings) -> str:
        folder = str(Path(settings.index_dir).resolve())
        return f"factcheck_{hashlib.sha256(folder.encode()).hexdigest()[:16]}_{cls.field}"

    @classmethod
    def load(cls, path: Path, settings: Settings) -> _Collection:
        """Open the collection a pointer written by `save` names.

        Raises:
            ValueError: the pointer names another server or collection, or it is gone.
        """
        pointer = json.loads(path.read_text(encoding="utf-8"))
        found = cls(settings, cls._named(settings))
        if pointer != found._pointer() or not found._call(found.client.has_collection,
                                                           found.name):
            raise ValueError(f"{path}: not a collection of {found.uri} for this folder")
        return found

    @property
    def count(self) -> int:
        """Number of rows held."""
        result = self._call(self.client.query, self.name, filter="",
                            output_fields=["count(*)"])
        return int(result[0]["count(*)"])

    def remove(self, rows: Sequence[int]) -> int:
        """Forget some rows; returns how many were held."""
        if not len(rows):
            return 0
        held = self._call(self.client.query, self.name, ids=[int(r) for r in rows],
                          output_fields=["row"])
        if held:
            self._call(self.client.delete, self.name, ids=[r["row"] for r in held])
        return len(held)

    def save(self, path: Path) -> None:
        """Write the pointer (URI and collection; the rows are in Milvus already)."""
        self._call(self.client.flush, self.name)
        with replace_atomically(path) as temporary:
            temporary.write_text(json.dumps(self._pointer()), encoding="utf-8")

    def _pointer(self) -> dict:
        return {"uri": self.uri, "collection": self.name}

    def _start(self, schema, index_params) -> None:
        """Create the collection anew (any old one of this name is dropped)."""
        if self._call(self.client.has_collection, self.name):
            self._call(self.client.drop_collection, self.name)
        self._call(self.client.create_collection, self.name, schema=schema,
                   index_params=index_params, consistency_level="Strong")

    def _schema(self):
        schema = self.client.create_schema(auto_id=False)
        schema.add_field("row", DataType.INT64, is_primary=True)
        for name, length in SCALARS:
            schema.add_field(name, DataType.VARCHAR, max_length=length, nullable=True)
        return schema

    def _upsert(self, rows: Sequence[int], values: Sequence[dict],
                fields: Sequence[UnitFields] | None) -> None:
        if fields is not None and len(fields) != len(rows):
            raise ValueError(f"{len(rows)} rows but {len(fields)} field sets")
        records = [{"row": int(row), **value, **_scalars(fields[n] if fields else None)}
                   for n, (row, value) in enumerate(zip(rows, values, strict=True))]
        for start in range(0, len(records), INSERT_BATCH):
            self._call(self.client.upsert, self.name, records[start:start + INSERT_BATCH])

    def _search(self, data: list, k: int, where: Where | None, params: dict) -> list[Run]:
        if not data:
            return []
        found = self._call(self.client.search, self.name, data=data, anns_field=self.field,
                           limit=max(1, k), output_fields=["row"],
                           filter=milvus_filter(where), search_params=params)
        # Ties (a statement and the passage of the same words) later row first, as FAISS's
        # exact index returns them, so that fused ranks agree with the embedded engines.
        return [sorted(((int(hit["row"]), abs(float(hit["distance"]))) for hit in hits),
                       key=lambda hit: (-hit[1], -hit[0])) for hits in found]

    def _call(self, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except MilvusException as err:
            raise BackendUnavailableError(
                f"Milvus at {self.uri}: {err.message or err} (collection {self.name}); check "
                "--milvus-uri / FACTCHECK_MILVUS_URI and that the server is up, then re-run"
            ) from err


class MilvusVectorIndex(_Collection):
    """Dense vectors in Milvus, inner product (= cosine on unit-length vectors)."""

    field = "vector"

    @classmethod
    def create(cls, settings: Settings, dimension: int) -> MilvusVectorIndex:
        """An empty collection for vectors of `dimension` (an old one is dropped)."""
        made = cls(settings, cls._named(settings))
        schema = made._schema()
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dimension)
        index = made.client.prepare_index_params()
        kind = {"index_type": "FLAT", "params": {}} if made.exact else SERVER_INDEX
        index.add_index("vector", metric_type="IP", **kind)
        made._start(schema, index)
        return made

    @property
    def exact(self) -> bool:
        """Exact (FLAT) on a local milvus-lite file; HNSW on a server."""
        return not self.uri.startswith(("http://", "https://", "tcp://"))

    def add(self, rows: Sequence[int], vectors: np.ndarray, *,
            fields: Sequence[UnitFields] | None = None) -> None:
        """Upsert one vector per row, with the rows' scalar fields."""
        vectors = np.asarray(vectors, dtype=np.float32)
        self._upsert(rows, [{"vector": v} for v in vectors], fields)

    def search(self, queries: np.ndarray, k: int, *, where: Where | None = None) -> list[Run]:
        """Top-k (row, inner product) per query, best first, filtered inside Milvus."""
        params = {"metric_type": "IP", "params": {} if self.exact else SERVER_SEARCH}
        data = [np.asarray(q, dtype=np.float32).tolist() for q in queries]
        return self._search(data, k, where, params) or [[] for _ in queries]

    def reconstruct(self, rows: Sequence[int]) -> np.ndarray:
        """The stored vectors of some rows, in the order given."""
        if not len(rows):
            return np.zeros((0, 0), dtype=np.float32)
        found = self._call(self.client.get, self.name, ids=[int(r) for r in rows],
                           output_fields=["vector"])
        by_row = {int(hit["row"]): hit["vector"] for hit in found}
        return np.array([by_row[int(row)] for row in rows], dtype=np.float32)


class MilvusWordIndex(_Collection):
    """BM25 full-text search in Milvus (its analyzer and BM25 function)."""

    field = "sparse"

    @classmethod
    def create(cls, settings: Settings) -> MilvusWordIndex:
        """An empty collection (an old one is dropped)."""
        made = cls(settings, cls._named(settings))
        schema = made._schema()
        schema.add_field("text", DataType.VARCHAR, max_length=MAX_TEXT, enable_analyzer=True,
                         analyzer_params=ANALYZER)
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(Function(name="bm25", function_type=FunctionType.BM25,
                                     input_field_names=["text"], output_field_names=["sparse"]))
        index = made.client.prepare_index_params()
        index.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                        params=BM25_PARAMS)
        made._start(schema, index)
        return made

    def add(self, rows: Sequence[int], texts: Sequence[str], *,
            fields: Sequence[UnitFields] | None = None) -> None:
        """Upsert one text per row (cut to Milvus's VARCHAR limit), with scalar fields."""
        if len(rows) != len(texts):
            raise ValueError(f"{len(rows)} rows but {len(texts)} texts")
        self._upsert(rows, [{"text": _fitted(words)} for words in _words(texts)], fields)

    def search(self, queries: Sequence[str], k: int, *, where: Where | None = None
               ) -> list[Run]:
        """Top-k (row, BM25 score) per query, best first; rows sharing no word left out."""
        words = _words(queries)
        asked = [n for n, query in enumerate(words) if query]
        runs = dict(zip(asked, self._search([words[n] for n in asked], k, where,
                                            {"metric_type": "BM25"}), strict=True))
        return [[(row, score / (BM25_K1 + 1)) for row, score in runs.get(n, []) if score > 0]
                for n in range(len(words))]


def milvus_filter(where: Where | None) -> str:
    """The Milvus boolean expression of a filter ('' for none)."""
    if where is None:
        return ""
    terms = [f"{name} in {json.dumps(list(values))}"
             for name, values in (("speaker", where.speakers), ("doc_id", where.doc_ids),
                                  ("kind", where.kinds)) if values]
    if where.published_from:
        terms.append(f"published >= {json.dumps(where.published_from)}")
    if where.published_to:
        terms.append(f"published <= {json.dumps(where.published_to)}")
    return " and ".join(terms)


def _scalars(fields: UnitFields | None) -> dict:
    if fields is None:
        return {name: None for name, _ in SCALARS}
    return {name: None if value is None else str(value)[:length]
            for (name, length), value in zip(SCALARS, (fields.doc_id, fields.speaker,
                                                       fields.kind, fields.published),
                                             strict=True)}


def _words(texts: Sequence[str]) -> list[str]:
    tokens = bm25s.tokenize(list(texts), stopwords="en", return_ids=False, show_progress=False)
    return [" ".join(words) for words in tokens]


def _fitted(text: str) -> str:
    """The longest prefix of `text` within Milvus's VARCHAR limit (counted in UTF-8 bytes)."""
    encoded = text.encode("utf-8")
    return text if len(encoded) <= MAX_TEXT else encoded[:MAX_TEXT].decode("utf-8", "ignore")


def _uri(settings: Settings) -> str:
    if not settings.milvus_uri:
        raise BackendUnavailableError(
            "the milvus backend needs a URI: give --milvus-uri (a local file such as "
            "index/milvus.db, or http://host:19530) or set FACTCHECK_MILVUS_URI")
    uri = str(settings.milvus_uri)
    return uri if "://" in uri else str(Path(uri).resolve())


@lru_cache(maxsize=8)
def _client(uri: str, token: str | None) -> MilvusClient:
    """One client per URI and token in a process (milvus-lite serves one file per process)."""
    if "://" not in uri:
        # milvus-lite's in-process server logs the one call of pymilvus 3 it lacks
        # (AllocTimestamp) as an error; pymilvus goes on without it.
        logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
    try:
        return MilvusClient(uri, token=token or "")
    except MilvusException as err:
        raise BackendUnavailableError(
            f"cannot reach Milvus at {uri}: {err.message or err}; check --milvus-uri / "
            "FACTCHECK_MILVUS_URI and that the server is up") from err
