"""The sources stage: files in, `Document`s and their `Passage`s out.

`read` turns .txt, .md, .html, .jsonl, .csv files, folders and uploaded bytes into Documents (ids,
metadata, one clear error per bad file or row); `split` cuts a Document into passages
with character offsets, so every match can be highlighted in place.
"""

from factcheck._exports import lazy_exports

__all__ = ["SUPPORTED_SUFFIXES", "ReadResult", "expand_paths", "read_data", "read_file", "split"]
__getattr__, __dir__ = lazy_exports(__name__, {
    "SUPPORTED_SUFFIXES": "read", "ReadResult": "read", "expand_paths": "read",
    "read_file": "read", "read_data": "read", "split": "split",
})
