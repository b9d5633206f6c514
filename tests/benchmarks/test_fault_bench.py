"""The fault benchmark's bookkeeping (benchmarks/fault_bench.py, fault_children.py)."""

from factcheck.index import files, folder, ingest, store
from factcheck.index.backends import bm25
from factcheck.index.backends import faiss as faiss_backend
from tests.helpers import load_script

bench = load_script("fault_bench")


def test_where_a_kill_landed_is_read_from_the_last_mark():
    marks = [(0.0, "start", []), (0.1, "sweep", [])]
    assert bench._landed(marks) == "reading and attributing batch 1"
    marks += [(0.2, "committed", ["a", "b"])]
    assert bench._landed(marks) == "after batch 1 committed"
    assert bench._landed([*marks, (0.3, "words", [])]) == "writing the word index"


def test_the_functions_the_kills_are_hooked_on_still_exist():
    for owner, name in ((ingest, "_commit"), (store.Store, "add_units"),
                        (folder, "write_manifest"), (folder, "sweep"),
                        (faiss_backend.faiss, "write_index"), (bm25.bm25s.BM25, "save"),
                        (files, "temporary_name")):
        assert callable(getattr(owner, name)), name
