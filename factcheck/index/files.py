"""The files of an index folder: atomic writes and the manifest.

Every file is written under a unique temporary name (process id and a random part, ending
in `.tmp`), flushed to disk and renamed into place.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
TEMPORARY_SUFFIX = ".tmp"


def temporary_name(path: Path) -> Path:
    """A fresh temporary path beside `path`, unique to this process and call."""
    return path.with_name(f"{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMPORARY_SUFFIX}")


@contextmanager
def replace_atomically(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write (a file, or a folder made by the caller), then
    flush it to disk and rename it to `path`; on an error the temporary is removed."""
    temporary = temporary_name(path)
    try:
        yield temporary
        fsync_tree(temporary)
        if path.is_dir() and temporary.is_dir():
            remove_path(path)
        os.replace(temporary, path)
        fsync_tree(path.parent, recurse=False)
    finally:
        remove_path(temporary)


def fsync_tree(path: Path, recurse: bool = True) -> None:
    """Flush a file, or a folder and (with `recurse`) the files in it, to disk."""
    if path.is_dir() and recurse:
        for child in path.iterdir():
            fsync_tree(child)
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_path(path: Path) -> None:
    """Remove a file or a folder if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


# --- the manifest ---------------------------------------------------------------------
def read_manifest(folder: Path) -> dict:
    """The manifest of an index folder ({} when there is none yet, or it is damaged)."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as err:
        log.warning("%s is damaged (%s); the index files are rebuilt from SQLite", path, err)
        return {}
    if not isinstance(manifest, dict):
        log.warning("%s is damaged (not an object); the index files are rebuilt from SQLite",
                    path)
        return {}
    return manifest


def write_manifest(folder: Path, manifest: dict) -> None:
    """Replace the manifest atomically (flushed to disk before the rename)."""
    with replace_atomically(folder / MANIFEST) as temporary:
        temporary.write_text(json.dumps(manifest, indent=2), encoding="utf-8")

